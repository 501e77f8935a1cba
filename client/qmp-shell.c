/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-shell.c: kvmini-qmp's interactive shell. It waits on stdin and on
 * the QMP socket at once, so events are printed as they come, above the
 * line being edited. On a terminal, input goes through util/readline (in
 * raw mode, restored on every way out); otherwise it is read line by line.
 */
#include "osdep.h"

#include <poll.h>
#include <signal.h>
#include <termios.h>

#include "qapi-client-control.h"
#include "qobject/qlist.h"
#include "util/error.h"
#include "util/error-report.h"
#include "util/readline.h"
#include "kvmini-qmp.h"

typedef struct Shell {
    QmpTool *tool;
    ReadLineState *rl;          /* NULL when stdin is not a terminal */
    char **commands;            /* what Tab completes: query-commands */
    GString *input;             /* the unfinished line from a non-terminal */
    bool busy;                  /* a command runs: the prompt is not shown */
    bool eof;                   /* Ctrl-D */
} Shell;

/* The terminal settings to restore; a signal handler needs them. */
static struct termios saved_termios;
static volatile sig_atomic_t terminal_raw;

static void restore_terminal(void)
{
    if (terminal_raw) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
        terminal_raw = 0;
    }
}

static void restore_and_die(int sig)
{
    restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

/*
 * Raw mode: bytes as they are typed, no echo, Ctrl-C a byte. Output
 * processing stays on, so "\n" still starts a new line.
 */
static void make_terminal_raw(void)
{
    struct sigaction sa = { .sa_handler = restore_and_die };
    struct termios raw;

    if (tcgetattr(STDIN_FILENO, &saved_termios)) {
        return;
    }
    raw = saved_termios;
    raw.c_iflag &= ~(ICRNL | INLCR | IGNCR | IXON | ISTRIP | BRKINT);
    raw.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    terminal_raw = 1;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);
}

/* ReadLineWriteFunc: to the terminal. */
static void write_stdout(void *opaque, const char *text)
{
    fputs(text, stdout);
    fflush(stdout);
}

/* QmpClientEventFunc: print @event, above the prompt if it is shown. */
static void print_event(void *opaque, QDict *event)
{
    Shell *sh = opaque;
    g_autofree char *text = qmp_tool_format_event(event);

    if (sh->rl && !sh->busy) {
        fputs("\r\033[K", stdout);
    }
    printf("%s\n", text);
    fflush(stdout);
    if (sh->rl && !sh->busy) {
        readline_show_prompt(sh->rl);
    }
}

/* The server's command names (query-commands), for completion. */
static char **query_command_names(QmpClient *client)
{
    g_autoptr(CommandInfoList) cmds = NULL;
    GPtrArray *names = g_ptr_array_new();
    CommandInfoList *c;

    if (qmp_client_query_commands(client, &cmds, NULL)) {
        for (c = cmds; c; c = c->next) {
            g_ptr_array_add(names, g_strdup(c->value->name));
        }
    }
    g_ptr_array_add(names, NULL);
    return (char **)g_ptr_array_free(names, false);
}

/* ReadLineCompletionFunc: the first word of a line is a command name. */
static void complete_command(void *opaque, const char *cmdline)
{
    Shell *sh = opaque;
    char **c;

    if (strchr(cmdline, ' ')) {
        return;
    }
    readline_set_completion_index(sh->rl, strlen(cmdline));
    for (c = sh->commands; c && *c; c++) {
        if (g_str_has_prefix(*c, cmdline)) {
            readline_add_completion(sh->rl, *c);
        }
    }
}

/*
 * A QMP line: "CMD", "CMD KEY=VALUE..." (words split as a shell does,
 * so quotes work) or "CMD {JSON}".
 */
static void run_qmp_line(Shell *sh, const char *line)
{
    size_t cmd_len = strcspn(line, " \t");
    g_autofree char *cmd = g_strndup(line, cmd_len);
    const char *rest = line + cmd_len + strspn(line + cmd_len, " \t");
    g_auto(GStrv) words = NULL;
    g_autoptr(QDict) tree = NULL;
    QDict *args = NULL;
    Error *err = NULL;

    if (*rest == '{') {
        args = qmp_tool_parse_json(rest, &err);
    } else if (*rest) {
        if (!g_shell_parse_argv(rest, NULL, &words, NULL)) {
            error_report("unterminated quoting in '%s'", rest);
            return;
        }
        tree = qmp_args_parse(words, &err);
        args = tree ? qmp_tool_type_args(sh->tool, cmd, tree) : NULL;
    }
    if (err) {
        error_report_err(err);
        return;
    }
    qmp_tool_execute(sh->tool, cmd, args);
}

static void run_line(Shell *sh, const char *line)
{
    line += strspn(line, " \t");
    if (!*line) {
        return;
    }
    sh->busy = true;
    if (sh->tool->hmp) {
        qmp_tool_hmp(sh->tool, line);
    } else {
        run_qmp_line(sh, line);
    }
    sh->busy = false;
}

/* ReadLineLineFunc: run the line, then prompt for the next. */
static void terminal_line(void *opaque, const char *line)
{
    Shell *sh = opaque;

    run_line(sh, line);
    if (!qmp_client_get_failure(sh->tool->client)) {
        readline_show_prompt(sh->rl);
    }
}

/* Run the complete lines of sh->input (all of it at end of input). */
static void run_input_lines(Shell *sh, bool eof)
{
    char *nl;
    g_autofree char *line = NULL;

    while ((nl = memchr(sh->input->str, '\n', sh->input->len)) ||
           (eof && sh->input->len)) {
        line = g_strndup(sh->input->str,
                         nl ? (size_t)(nl - sh->input->str) : sh->input->len);
        g_string_erase(sh->input, 0, nl ? nl - sh->input->str + 1
                                        : (gssize)sh->input->len);
        run_line(sh, line);
        g_clear_pointer(&line, g_free);
        if (qmp_client_get_failure(sh->tool->client)) {
            return;
        }
    }
}

/*
 * Feed terminal input to readline. Ctrl-D ends the shell, Ctrl-C drops
 * the line being edited.
 */
static void terminal_input(Shell *sh, const char *buf, ssize_t n)
{
    ssize_t i;

    for (i = 0; i < n && !sh->eof; i++) {
        if (0x04 == buf[i]) {
            write_stdout(NULL, "\n");
            sh->eof = true;
        } else if (0x03 == buf[i]) {
            write_stdout(NULL, "^C\n");
            readline_restart(sh->rl);
            readline_show_prompt(sh->rl);
        } else {
            readline_handle_byte(sh->rl, (unsigned char)buf[i]);
        }
        if (qmp_client_get_failure(sh->tool->client)) {
            return;
        }
    }
}

/* Take what stdin has; false at end of input or if the connection failed. */
static bool read_input(Shell *sh)
{
    char buf[4096];
    ssize_t n;

    n = read(STDIN_FILENO, buf, sizeof(buf));
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
        return true;
    }
    if (sh->rl) {
        terminal_input(sh, buf, n);
    } else {
        g_string_append_len(sh->input, buf, MAX(n, 0));
        run_input_lines(sh, n <= 0);
    }
    return n > 0 && !sh->eof && !qmp_client_get_failure(sh->tool->client);
}

/* Wait for input or for the server; false when the connection failed. */
static bool wait_input(Shell *sh, bool *stdin_ready)
{
    struct pollfd fds[2] = {
        { .fd = STDIN_FILENO, .events = POLLIN },
        { .fd = qmp_client_get_fd(sh->tool->client), .events = POLLIN },
    };
    g_autoptr(QList) events = NULL;
    Error *err = NULL;

    /* Events may have come in while a command ran: print them first. */
    events = qmp_client_drain_events(sh->tool->client, &err);
    if (!events) {
        error_report_err(err);
        return false;
    }
    while (poll(fds, 2, -1) < 0) {
        if (errno != EINTR) {
            return false;
        }
    }
    *stdin_ready = fds[0].revents;
    return true;
}

int qmp_shell_run(QmpTool *tool, bool events)
{
    Shell sh = { .tool = tool };
    bool stdin_ready = false;

    if (events) {
        qmp_client_set_event_handler(tool->client, print_event, &sh);
    }
    if (isatty(STDIN_FILENO)) {
        if (!tool->hmp) {
            sh.commands = query_command_names(tool->client);
        }
        sh.rl = readline_new(tool->hmp ? "(hmp) " : "(qmp) ", write_stdout,
                             terminal_line,
                             tool->hmp ? NULL : complete_command, &sh);
        make_terminal_raw();
        readline_show_prompt(sh.rl);
    } else {
        sh.input = g_string_new(NULL);
    }
    while (wait_input(&sh, &stdin_ready) &&
           (!stdin_ready || read_input(&sh))) {
        continue;
    }
    restore_terminal();
    qmp_client_set_event_handler(tool->client, NULL, NULL);
    readline_free(sh.rl);
    g_strfreev(sh.commands);
    if (sh.input) {
        g_string_free(sh.input, true);
    }
    return qmp_client_get_failure(tool->client) ? 1 : 0;
}
