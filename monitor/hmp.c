/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp.c: the human monitor engine: banner and prompt, input lines (through
 * readline or plain), and running one command line.
 */
#include "osdep.h"

#include "monitor-internal.h"
#include "util/readline.h"

#define HMP_PROMPT "(kvmini) "

typedef struct MonitorHMP {
    Monitor common;
    ReadLineState *rs;          /* NULL without readline */
    GString *line;              /* without readline: the line so far */
} MonitorHMP;

static MonitorHMP *to_hmp(const Monitor *mon)
{
    return container_of(mon, MonitorHMP, common);
}

/*
 * The command named at the start of *@p (moved past the name and the
 * spaces after it), looked up in @table and, for `info`, in its
 * subcommands. An unknown name is reported, quoting @line up to it.
 */
static const HMPCommand *hmp_parse_command(Monitor *mon, const char *line,
                                           const char **p,
                                           const GPtrArray *table)
{
    const char *start = *p, *end;
    g_autofree char *name = NULL;
    const HMPCommand *cmd;

    while (g_ascii_isspace(*start)) {
        start++;
    }
    if (!*start) {
        return NULL;
    }
    /* A name ends at a space or at '/' (QEMU's "x/4x addr" syntax). */
    for (end = start; *end && '/' != *end && !g_ascii_isspace(*end); end++) {
        continue;
    }
    name = g_strndup(start, end - start);
    cmd = hmp_find_command(table, name);
    if (!cmd) {
        monitor_printf(mon, "unknown command: '%.*s'\n", (int)(end - line),
                       line);
        return NULL;
    }
    while (g_ascii_isspace(*end)) {
        end++;
    }
    *p = end;
    if (hmp_cmd_is_info(cmd) && *end) {
        return hmp_parse_command(mon, line, p, hmp_info_commands());
    }
    return cmd;
}

void hmp_handle_command(Monitor *mon, const char *cmdline)
{
    const char *args = cmdline;
    const HMPCommand *cmd;
    MonitorCurSave save;
    QDict *qdict;
    int len;

    /* Errors reported while parsing (-O options) go to the user too. */
    monitor_push_cur(mon, &save);
    cmd = hmp_parse_command(mon, cmdline, &args, hmp_commands());
    qdict = cmd ? hmp_parse_arguments(mon, args, cmd) : NULL;
    if (cmd && !qdict) {
        for (len = args - cmdline; len && g_ascii_isspace(cmdline[len - 1]);
             len--) {
            continue;
        }
        monitor_printf(mon, "Try \"help %.*s\" for more information\n",
                       len, cmdline);
    }
    if (qdict) {
        cmd->cmd(mon, qdict);
    }
    monitor_pop_cur(&save);
    qobject_unref(qdict);
}

static void hmp_readline_write(void *opaque, const char *text)
{
    monitor_write(opaque, text);
}

static void hmp_readline_line(void *opaque, const char *line)
{
    MonitorHMP *hmp = to_hmp(opaque);

    hmp_handle_command(&hmp->common, line);
    readline_show_prompt(hmp->rs);
}

/* Without readline: bytes up to LF make a line; a CR before it is dropped. */
static void hmp_plain_byte(MonitorHMP *hmp, char byte)
{
    g_autofree char *line = NULL;

    if ('\n' != byte) {
        if (hmp->line->len < READLINE_MAX_LINE) {
            g_string_append_c(hmp->line, byte);
        }
        return;
    }
    if (hmp->line->len && '\r' == hmp->line->str[hmp->line->len - 1]) {
        g_string_truncate(hmp->line, hmp->line->len - 1);
    }
    line = g_strdup(hmp->line->str);
    g_string_truncate(hmp->line, 0);
    hmp_handle_command(&hmp->common, line);
}

static void hmp_feed(Monitor *mon, char byte)
{
    MonitorHMP *hmp = to_hmp(mon);

    if (hmp->rs) {
        readline_handle_byte(hmp->rs, (unsigned char)byte);
    } else {
        hmp_plain_byte(hmp, byte);
    }
}

static bool hmp_input_paused(const Monitor *mon)
{
    return false;
}

static void hmp_opened(Monitor *mon)
{
    MonitorHMP *hmp = to_hmp(mon);

    monitor_printf(mon, "kvmini %s monitor - type 'help' for more "
                   "information\n", KVMINI_VERSION);
    /* Without the focus, the prompt comes with it (monitor_set_focus()). */
    if (hmp->rs && !mon->held) {
        readline_restart(hmp->rs);
        readline_show_prompt(hmp->rs);
    }
}

void monitor_set_focus(Monitor *mon, bool focus)
{
    ReadLineState *rs = monitor_hmp_readline(mon);

    /* QMP ignores the focus; HMP acts when it changes. */
    if (mon->is_qmp || focus == !mon->held) {
        return;
    }
    if (!focus) {
        monitor_puts(mon, "\n");
        mon->held = true;
        return;
    }
    mon->held = false;
    if (mon->open && rs) {
        readline_restart(rs);
        readline_show_prompt(rs);
    }
    monitor_flush(mon);
}

static void hmp_closed(Monitor *mon)
{
    MonitorHMP *hmp = to_hmp(mon);

    /* The history stays, as in QEMU: the next client can recall it. */
    if (hmp->rs) {
        readline_restart(hmp->rs);
    }
    g_string_truncate(hmp->line, 0);
}

static void hmp_free(Monitor *mon)
{
    MonitorHMP *hmp = to_hmp(mon);

    readline_free(hmp->rs);
    g_string_free(hmp->line, true);
    monitor_cleanup_common(mon);
    g_free(hmp);
}

static const MonitorOps hmp_ops = {
    .opened = hmp_opened,
    .closed = hmp_closed,
    .feed = hmp_feed,
    .input_paused = hmp_input_paused,
    .free = hmp_free,
};

Monitor *monitor_new_hmp(const MonitorTransport *transport, void *opaque,
                         bool use_readline)
{
    MonitorHMP *hmp = g_new0(MonitorHMP, 1);

    monitor_init_common(&hmp->common, &hmp_ops, false, transport, opaque);
    hmp->line = g_string_new(NULL);
    if (use_readline) {
        hmp->rs = readline_new(HMP_PROMPT, hmp_readline_write,
                               hmp_readline_line, hmp_complete,
                               &hmp->common);
    }
    return &hmp->common;
}

Monitor *monitor_hmp_new_scratch(void)
{
    MonitorHMP *hmp = g_new0(MonitorHMP, 1);

    monitor_init_scratch(&hmp->common, &hmp_ops);
    hmp->line = g_string_new(NULL);
    return &hmp->common;
}

char *monitor_hmp_take_output(Monitor *mon)
{
    char *out = g_strdup(mon->outbuf->str);

    g_string_truncate(mon->outbuf, 0);
    return out;
}

ReadLineState *monitor_hmp_readline(Monitor *mon)
{
    return mon->is_qmp ? NULL : to_hmp(mon)->rs;
}
