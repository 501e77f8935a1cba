/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-shell.c: kvmini-qmp's interactive shell. It waits on stdin and on
 * the QMP socket at once, so events are printed as they come, above the
 * line being edited. On a terminal, input goes through the line editor
 * (raw mode, restored on every way out); otherwise it is read line by line.
 */
#include "osdep.h"

#include <poll.h>
#include <signal.h>
#include <termios.h>

#include "qapi-client-control.h"
#include "qobject/qlist.h"
#include "util/error.h"
#include "util/error-report.h"
#include "kvmini-qmp.h"
#include "line-edit.h"

typedef struct Shell {
    QmpTool *tool;
    LineEdit *le;               /* NULL when stdin is not a terminal */
    GString *input;             /* the unfinished line from a non-terminal */
    bool busy;                  /* a command runs: the prompt is not shown */
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

/* LineEditWrite: to the terminal. */
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

    if (sh->le && !sh->busy) {
        line_edit_hide(sh->le);
    }
    printf("%s\n", text);
    fflush(stdout);
    if (sh->le && !sh->busy) {
        line_edit_show(sh->le);
    }
}

/* Complete the server's command names (query-commands), if it says. */
static void set_completions(Shell *sh)
{
    g_autoptr(CommandInfoList) cmds = NULL;
    g_autoptr(GPtrArray) words = g_ptr_array_new();
    CommandInfoList *c;

    if (!qmp_client_query_commands(sh->tool->client, &cmds, NULL)) {
        return;
    }
    for (c = cmds; c; c = c->next) {
        g_ptr_array_add(words, c->value->name);
    }
    g_ptr_array_add(words, NULL);
    line_edit_set_words(sh->le, (char **)words->pdata);
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

    if ('{' == *rest) {
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

/* Take what stdin has; false at end of input or if the connection failed. */
static bool read_input(Shell *sh)
{
    g_autofree char *line = NULL;
    char buf[4096];
    ssize_t n, i;

    n = read(STDIN_FILENO, buf, sizeof(buf));
    if (0 > n && (EINTR == errno || EAGAIN == errno)) {
        return true;
    }
    if (!sh->le) {
        g_string_append_len(sh->input, buf, MAX(n, 0));
        run_input_lines(sh, 0 >= n);
        return 0 < n && !qmp_client_get_failure(sh->tool->client);
    }
    for (i = 0; i < n; i++) {
        switch (line_edit_feed(sh->le, buf[i])) {
        case LINE_EDIT_LINE:
            line = line_edit_take_line(sh->le);
            run_line(sh, line);
            g_clear_pointer(&line, g_free);
            if (qmp_client_get_failure(sh->tool->client)) {
                return false;
            }
            line_edit_show(sh->le);
            break;
        case LINE_EDIT_EOF:
            return false;
        case LINE_EDIT_MORE:
            break;
        }
    }
    return 0 < n;
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
    while (0 > poll(fds, 2, -1)) {
        if (EINTR != errno) {
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
        sh.le = line_edit_new(tool->hmp ? "(hmp) " : "(qmp) ", write_stdout,
                              NULL);
        if (!tool->hmp) {
            set_completions(&sh);
        }
        make_terminal_raw();
        line_edit_show(sh.le);
    } else {
        sh.input = g_string_new(NULL);
    }
    while (wait_input(&sh, &stdin_ready) &&
           (!stdin_ready || read_input(&sh))) {
        continue;
    }
    restore_terminal();
    qmp_client_set_event_handler(tool->client, NULL, NULL);
    line_edit_free(sh.le);
    if (sh.input) {
        g_string_free(sh.input, true);
    }
    return qmp_client_get_failure(tool->client) ? 1 : 0;
}
