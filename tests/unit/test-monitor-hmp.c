/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-monitor-hmp.c: the human monitor through its transport interface:
 * banner, prompt and echo, command lookup, argument parsing and its
 * errors, help, the info commands, completion, plain line mode, and
 * human-monitor-command. Texts are QEMU 7.2's, checked against it.
 */
#include "osdep.h"

#include "capture.h"
#include "monitor-test-conn.h"
#include "monitor/hmp.h"
#include "monitor/qmp-cmds.h"
#include "qapi-commands-control.h"
#include "qobject/qjson.h"
#include "system/runstate.h"
#include "system/vm-name.h"
#include "util/error.h"
#include "util/qemu-option.h"
#include "util/readline.h"

#define BANNER "kvmini " KVMINI_VERSION " monitor - type 'help' for more " \
    "information\r\n"
#define PROMPT "(kvmini) "

/* Print the parsed arguments as JSON: what the parser made of the line. */
static void hmp_x_show(Monitor *mon, const QDict *qdict)
{
    g_autoptr(GString) json = qobject_to_json(QOBJECT(qdict));

    monitor_printf(mon, "%s\n", json->str);
}

static void hmp_x_report(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;

    error_report("reported %d", 1);
    error_setg(&err, "Device '%s' not found", "d0");
    error_append_hint(&err, "Try 'info qtree'.\n");
    g_assert_true(hmp_handle_error(mon, err));
    g_assert_false(hmp_handle_error(mon, NULL));
}

static void complete_x_dev(ReadLineState *rs, int nb_args, const char *str)
{
    static const char *const ids[] = { "disk0", "disk1", "net0" };
    size_t i;

    readline_set_completion_index(rs, strlen(str));
    for (i = 0; 2 == nb_args && i < G_N_ELEMENTS(ids); i++) {
        if (g_str_has_prefix(ids[i], str)) {
            readline_add_completion(rs, ids[i]);
        }
    }
}

static const HMPCommand test_commands[] = {
    { "x-str|xs", "s:s,opt:s?", "s [opt]", "strings", hmp_x_show },
    { "x-file", "f:F", "file", "a file", hmp_x_show },
    { "x-blk", "b:B", "device", "a block device", hmp_x_show },
    { "x-rest", "rest:S", "text", "the rest", hmp_x_show },
    { "x-int", "i:i,l:l?,m:M?", "i [l [m]]", "integers", hmp_x_show },
    { "x-size", "size:o,opt:o?", "size [size]", "sizes", hmp_x_show },
    { "x-bool", "on:b", "on|off", "a bool", hmp_x_show },
    { "x-flags", "force:-f,name:-ns,id:s?", "[-f] [-n name] [id]", "flags",
      hmp_x_show },
    { "x-opts", "x-opts:O", "[a=..]", "options", hmp_x_show },
    { "x-bad", "a:Z", "", "a bad type", hmp_x_show },
    { "x-report", "", "", "report errors", hmp_x_report },
    { "x-dev", "id:s", "id", "a device", hmp_x_show, complete_x_dev },
    { }
};

static const HMPCommand test_info_commands[] = {
    { "x-info", "n:i?", "[n]", "test info", hmp_x_show },
    { }
};

static QemuOptsList x_opts = {
    .name = "x-opts",
    .desc = {
        { .name = "a", .type = QEMU_OPT_NUMBER },
        { .name = "b", .type = QEMU_OPT_STRING },
        { }
    },
};

static TestConn *hmp_conn(bool use_readline)
{
    TestConn *c = test_conn_new();
    g_autofree char *out = NULL;

    c->mon = monitor_new_hmp(&test_conn_transport, c, use_readline);
    monitor_opened(c->mon);
    out = test_conn_take(c);
    g_assert_cmpstr(out, ==, use_readline ? BANNER PROMPT : BANNER);
    return c;
}

/* Run one command line (no echo: plain mode); what it printed. */
static char *run(const char *cmdline)
{
    TestConn *c = hmp_conn(false);
    g_autofree char *line = g_strdup_printf("%s\n", cmdline);
    char *out;

    test_conn_send(c, line);
    test_main_loop();
    out = test_conn_take(c);
    test_conn_free(c);
    return out;
}

static void check(const char *cmdline, const char *expected)
{
    g_autofree char *out = run(cmdline);

    g_assert_cmpstr(out, ==, expected);
}

static void test_banner(void)
{
    TestConn *c = test_conn_new();

    c->mon = monitor_new_hmp(&test_conn_transport, c, true);
    g_assert_false(monitor_is_qmp(c->mon));
    g_assert_cmpuint(c->out->len, ==, 0);
    monitor_opened(c->mon);
    g_assert_cmpstr(c->out->str, ==, BANNER PROMPT);
    test_conn_free(c);
}

/*
 * Behind a mux: without the focus, output waits (the banner too, and the
 * prompt comes only with the focus); losing it ends the line, getting it
 * back drops the line being typed and shows a fresh prompt.
 */
static void test_focus(void)
{
    TestConn *c = test_conn_new();

    c->mon = monitor_new_hmp(&test_conn_transport, c, true);
    monitor_set_focus(c->mon, false);
    monitor_opened(c->mon);
    monitor_printf(c->mon, "later\n");
    g_assert_cmpstr(c->out->str, ==, "");
    monitor_set_focus(c->mon, true);
    g_assert_cmpstr(c->out->str, ==, BANNER "later\r\n" PROMPT);
    g_string_truncate(c->out, 0);
    test_conn_exchange(c, "ab", "a\033[K\033[Dab\033[K");
    monitor_set_focus(c->mon, false);
    monitor_set_focus(c->mon, false);
    g_assert_cmpstr(c->out->str, ==, "\r\n");
    monitor_set_focus(c->mon, true);
    monitor_set_focus(c->mon, true);
    g_assert_cmpstr(c->out->str, ==, "\r\n" PROMPT);
    g_string_truncate(c->out, 0);
    test_conn_exchange(c, "x", "x\033[K");
    test_conn_free(c);
}

/* A terminal sees its typing echoed, the output, then a new prompt. */
static void test_echo(void)
{
    TestConn *c = hmp_conn(true);

    runstate_set(RUN_STATE_RUNNING);
    test_conn_exchange(c, "info s\x7fstatus\r",
                       "i\033[K\033[Din\033[K\033[D\033[Dinf\033[K"
                       "\033[D\033[D\033[Dinfo\033[K"
                       "\033[D\033[D\033[D\033[Dinfo \033[K"
                       "\033[D\033[D\033[D\033[D\033[Dinfo s\033[K"
                       "\033[D\033[D\033[D\033[D\033[D\033[Dinfo \033[K"
                       "\033[D\033[D\033[D\033[D\033[Dinfo s\033[K"
                       "\033[D\033[D\033[D\033[D\033[D\033[Dinfo st\033[K"
                       "\033[D\033[D\033[D\033[D\033[D\033[D\033[Dinfo sta\033[K"
                       "\033[D\033[D\033[D\033[D\033[D\033[D\033[D\033[D"
                       "info stat\033[K"
                       "\033[D\033[D\033[D\033[D\033[D\033[D\033[D\033[D\033[D"
                       "info statu\033[K"
                       "\033[D\033[D\033[D\033[D\033[D\033[D\033[D\033[D\033[D"
                       "\033[Dinfo status\033[K\r\n"
                       "VM status: running\r\n" PROMPT);
    /* An empty line runs nothing and shows the prompt again. */
    test_conn_exchange(c, "\r", "\r\n" PROMPT);
    /* That CR and this LF make one line end. */
    test_conn_exchange(c, "\n", "");
    test_conn_exchange(c, "\n", "\r\n" PROMPT);
    test_conn_free(c);
}

static void test_unknown(void)
{
    check("foo", "unknown command: 'foo'\r\n");
    check("  foo bar", "unknown command: '  foo'\r\n");
    check("info foo", "unknown command: 'info foo'\r\n");
    check("foo/x 1", "unknown command: 'foo'\r\n");
    check("", "");
    check("   ", "");
}

static void test_info(void)
{
    runstate_set(RUN_STATE_PAUSED);
    check("info status", "VM status: paused\r\n");
    runstate_set(RUN_STATE_RUNNING);
    check("info status", "VM status: running\r\n");
    check("  info   status  ", "VM status: running\r\n");
    check("info version", "7.2.0 (kvmini " KVMINI_VERSION ")\r\n");
    check("info name", "");
    vm_name_set("vm1");
    check("info name", "vm1\r\n");
    vm_name_set(NULL);
    /* Without readline there is no history. */
    check("info history", "");
    /* As QEMU 7.2 with -M none. */
    check("info mtree",
          "address-space: I/O\r\n"
          "  0000000000000000-000000000000ffff (prio 0, i/o): io\r\n"
          "\r\n"
          "address-space: memory\r\n"
          "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\r\n"
          "\r\n");
    check("info mtree -f",
          "FlatView #0\r\n"
          " AS \"memory\", root: system\r\n"
          " Root memory region: (none)\r\n"
          "  No rendered FlatView\r\n"
          "\r\n"
          "FlatView #1\r\n"
          " AS \"I/O\", root: io\r\n"
          " Root memory region: io\r\n"
          "  0000000000000000-000000000000ffff (prio 0, i/o): io\r\n"
          "\r\n");
    check("info status extra",
          "status: extraneous characters at the end of line\r\n"
          "Try \"help info status\" for more information\r\n");
}

static void test_info_status_stopped(void)
{
    /* The run state is process-wide: check it in a child. */
    if (g_test_subprocess()) {
        check("info status", "VM status: paused (prelaunch)\r\n");
        runstate_set(RUN_STATE_RUNNING);
        runstate_set(RUN_STATE_SHUTDOWN);
        check("info status", "VM status: paused (shutdown)\r\n");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
}

static void test_history(void)
{
    TestConn *c = hmp_conn(true);
    g_autofree char *out = NULL;

    test_conn_send(c, "info name\rfoo\rinfo name\r");
    test_main_loop();
    g_string_truncate(c->out, 0);
    test_conn_send(c, "info history\r");
    test_main_loop();
    out = test_conn_take(c);
    g_assert_true(g_str_has_suffix(out, "\r\n0: 'foo'\r\n1: 'info name'\r\n"
                                   "2: 'info history'\r\n" PROMPT));
    /* The history outlives the connection. */
    monitor_closed(c->mon);
    monitor_opened(c->mon);
    g_string_truncate(c->out, 0);
    test_conn_send(c, "\033[A\r");
    test_main_loop();
    g_free(out);
    out = test_conn_take(c);
    g_assert_true(g_str_has_suffix(out, "\r\n0: 'foo'\r\n1: 'info name'\r\n"
                                   "2: 'info history'\r\n" PROMPT));
    test_conn_free(c);
}

static void test_help(void)
{
    check("help x-str", "x-str|xs s [opt] -- strings\r\n");
    check("? xs", "x-str|xs s [opt] -- strings\r\n");
    check("help help", "help|? [cmd] -- show the help\r\n");
    check("help info status",
          "info status  -- show the current VM status (running|paused)\r\n");
    check("help   info   x-info", "info x-info [n] -- test info\r\n");
    check("help foo", "unknown command: 'foo'\r\n");
    check("help info foo", "unknown command: 'info foo'\r\n");
    check("help \"info", "");
    check("info",
          "info cpus  -- show infos for each CPU\r\n"
          "info history  -- show the command line history\r\n"
          "info kvm  -- show KVM information\r\n"
          "info mtree [-f] -- show memory tree (-f: dump flat view for "
          "address spaces)\r\n"
          "info name  -- show the current VM name\r\n"
          "info status  -- show the current VM status (running|paused)\r\n"
          "info version  -- show the version of kvmini\r\n"
          "info x-info [n] -- test info\r\n");
    check("help info",
          "info cpus  -- show infos for each CPU\r\n"
          "info history  -- show the command line history\r\n"
          "info kvm  -- show KVM information\r\n"
          "info mtree [-f] -- show memory tree (-f: dump flat view for "
          "address spaces)\r\n"
          "info name  -- show the current VM name\r\n"
          "info status  -- show the current VM status (running|paused)\r\n"
          "info version  -- show the version of kvmini\r\n"
          "info x-info [n] -- test info\r\n");
}

/* `help` alone lists every command, sorted, whoever registered it. */
static void test_help_all(void)
{
    g_autofree char *out = run("help");
    g_auto(GStrv) lines = g_strsplit(out, "\r\n", -1);

    /*
     * The monitor's own 2, the run commands' 6, the QOM commands' 5 (with
     * qom-set's second line), this test's 12, sorted.
     */
    g_assert_cmpuint(g_strv_length(lines), ==, 2 + 6 + 6 + 12 + 1);
    g_assert_cmpstr(lines[0], ==, "cont|c  -- resume emulation");
    g_assert_cmpstr(lines[1], ==, "cpu index -- set the default CPU");
    g_assert_cmpstr(lines[2], ==, "help|? [cmd] -- show the help");
    g_assert_cmpstr(lines[3], ==, "info [subcommand] -- show various "
                    "information about the system state");
    g_assert_cmpstr(lines[4], ==, "object_add [qom-type=]type,id=str"
                    "[,prop=value][,...] -- create QOM object");
    g_assert_cmpstr(lines[8], ==, "qom-set [-j] path property value -- "
                    "set QOM property.");
    g_assert_cmpstr(lines[9], ==, "\t\t\t-j: the value is specified in "
                    "json format.");
    g_assert_cmpstr(lines[10], ==, "quit|q  -- quit the emulator");
    g_assert_cmpstr(lines[14], ==, "x-bad  -- a bad type");
    g_assert_cmpstr(lines[25], ==, "x-str|xs s [opt] -- strings");
    g_assert_cmpstr(lines[26], ==, "");
}

/* @cmdline's syntax error, followed by QEMU's pointer to the help. */
static void check_error(const char *cmdline, const char *error,
                        const char *cmd)
{
    g_autofree char *expected = g_strdup_printf(
        "%s\r\nTry \"help %s\" for more information\r\n", error, cmd);

    check(cmdline, expected);
}

static void test_args_strings(void)
{
    check("x-str abc", "{\"s\": \"abc\"}\r\n");
    check("xs  abc   def  ", "{\"s\": \"abc\", \"opt\": \"def\"}\r\n");
    check("x-str \"a b\\\"\\n\\r\\\\\\'\"",
          "{\"s\": \"a b\\\"\\n\\r\\\\'\"}\r\n");
    check("x-str \"\"", "{\"s\": \"\"}\r\n");
    check("x-str a\"b", "{\"s\": \"a\\\"b\"}\r\n");
    check_error("x-str", "x-str|xs: string expected", "x-str");
    check_error("xs \"abc", "x-str|xs: string expected", "xs");
    check_error("xs \"a\\qc\"", "x-str|xs: string expected", "xs");
    check_error("xs a b c", "x-str|xs: extraneous characters at the end "
                "of line", "xs");
    check_error("x-file", "x-file: filename expected", "x-file");
    check("x-file /tmp/x", "{\"f\": \"/tmp/x\"}\r\n");
    check_error("x-blk", "x-blk: block device name expected", "x-blk");
    check("x-rest  a  \"b c", "{\"rest\": \"a  \\\"b c\"}\r\n");
    check_error("x-rest  ", "x-rest: string expected", "x-rest");
}

static void test_args_integers(void)
{
    check("x-int 42", "{\"i\": 42}\r\n");
    check("x-int 0x10 (-1) 2", "{\"i\": 16, \"l\": -1, \"m\": 2097152}\r\n");
    /* As in QEMU, spaces do not end an expression: this is 0x10 - 1. */
    check("x-int 0x10 -1", "{\"i\": 15}\r\n");
    check("x-int 010 0x7fffffffffffffff",
          "{\"i\": 8, \"l\": 9223372036854775807}\r\n");
    check("x-int (1 + 2) * 3 - 4 / 2 % 3 1|6&3^1 ~0+'a'",
          "{\"i\": 7, \"l\": 2, \"m\": 100663296}\r\n");
    check("x-int 1 (-9223372036854775807-1)/-1 0",
          "{\"i\": 1, \"l\": -9223372036854775808, \"m\": 0}\r\n");
    check("x-int 1 (-9223372036854775807-1)%-1",
          "{\"i\": 1, \"l\": 0}\r\n");
    check_error("x-int", "unexpected end of expression", "x-int");
    check_error("x-int x", "invalid char 'x' in expression", "x-int");
    check_error("x-int 1 2 3 4", "x-int: extraneous characters at the end "
                "of line", "x-int");
    check_error("x-int 99999999999999999999", "number too large", "x-int");
    check_error("x-int 0x100000000", "'x-int' has failed: integer is for "
                "32-bit values", "x-int");
    check_error("x-int -1", "'x-int' has failed: integer is for 32-bit "
                "values", "x-int");
    check_error("x-int (1", "')' expected", "x-int");
    check_error("x-int 1/0", "division by zero", "x-int");
    check_error("x-int 1%(1-1)", "division by zero", "x-int");
    check_error("x-int '", "character constant expected", "x-int");
    check_error("x-int 'ab'", "missing terminating ' character", "x-int");
    check_error("x-int 1 1 (-1)", "enter a positive value", "x-int");
    check_error("x-int 1 1 0x100000000000", "number too large", "x-int");
}

/* Deep nesting is refused, not a stack overflow. */
static void test_args_deep(void)
{
    g_autoptr(GString) line = g_string_new("x-int ");
    int i;

    for (i = 0; i < 100000; i++) {
        g_string_append_c(line, i % 2 ? '(' : '-');
    }
    check_error(line->str, "expression nested too deeply", "x-int");
}

static void test_args_other(void)
{
    check("x-size 2", "{\"size\": 2097152}\r\n");
    check("x-size 4k 1G", "{\"size\": 4096, \"opt\": 1073741824}\r\n");
    check_error("x-size", "invalid size", "x-size");
    check_error("x-size 1x", "invalid size", "x-size");
    check_error("x-size 1 2 3", "x-size: extraneous characters at the end "
                "of line", "x-size");
    check_error("x-size -1", "invalid size", "x-size");
    check_error("x-size 16E", "invalid size", "x-size");
    check("x-bool on", "{\"on\": true}\r\n");
    check("x-bool off", "{\"on\": false}\r\n");
    check_error("x-bool", "Expected 'on' or 'off'", "x-bool");
    check_error("x-bool yes", "Expected 'on' or 'off'", "x-bool");
    check_error("x-bad", "x-bad: unknown type 'Z'", "x-bad");
}

static void test_args_flags(void)
{
    check("x-flags", "{}\r\n");
    check("x-flags id0", "{\"id\": \"id0\"}\r\n");
    check("x-flags -f id0", "{\"force\": true, \"id\": \"id0\"}\r\n");
    check("x-flags -n nm", "{\"name\": \"nm\"}\r\n");
    check("x-flags -f -n \"a b\" id0",
          "{\"force\": true, \"name\": \"a b\", \"id\": \"id0\"}\r\n");
    check_error("x-flags -x", "x-flags: unsupported option -x", "x-flags");
    check_error("x-flags -", "x-flags: unsupported option -", "x-flags");
    check_error("x-flags -n", "x-flags: value expected for -n", "x-flags");
    /* Flags come in the order of the spec: a late -f is the id. */
    check("x-flags -n a -f", "{\"name\": \"a\", \"id\": \"-f\"}\r\n");
    /* As in QEMU, a flag's letter need not end its word. */
    check("x-flags -fz", "{\"force\": true, \"id\": \"z\"}\r\n");
    check_error("x-flags a b", "x-flags: extraneous characters at the end "
                "of line", "x-flags");
}

static void test_args_opts(void)
{
    g_autofree char *out = NULL;

    check("x-opts", "{}\r\n");
    check("x-opts a=1,b=x", "{\"a\": \"1\", \"b\": \"x\"}\r\n");
    /* QemuOpts reports through error_report(), which reaches the user. */
    capture_start();
    out = run("x-opts a=z");
    g_assert_cmpstr(out, ==, "invalid number 'z' for parameter "
                    "'a'\r\nTry \"help x-opts\" for more information\r\n");
    g_free(out);
    out = capture_stop();
    g_assert_cmpstr(out, ==, "");
}

/* error_report() in a command prints to its monitor; the printer returns. */
static void test_error_report(void)
{
    g_autofree char *captured = NULL;

    capture_start();
    /* In the monitor, as in QEMU's, no "kvmini: " before a report. */
    check("x-report", "reported 1\r\n"
          "Error: Device 'd0' not found\r\nTry 'info qtree'.\r\n");
    error_report("after");
    captured = capture_stop();
    g_assert_cmpstr(captured, ==, "kvmini: after\n");
}

/* Type @keys at a fresh prompt; the echo after them. */
static char *complete(const char *keys)
{
    TestConn *c = hmp_conn(true);
    char *out;

    test_conn_send(c, keys);
    test_main_loop();
    out = test_conn_take(c);
    test_conn_free(c);
    return out;
}

/* Typing @keys leaves the line @line (judged from the echo's last redraw). */
static void check_completion(const char *keys, const char *line)
{
    g_autofree char *out = complete(keys);
    g_autofree char *expected = g_strdup_printf("%s\033[K", line);

    g_assert_true(g_str_has_suffix(out, expected));
}

static void test_completion(void)
{
    g_autofree char *out = NULL;

    check_completion("inf\t", "info ");
    check_completion("info st\t", "info status ");
    check_completion("info \tx\t", "info x-info ");
    check_completion("help in\t", "help info ");
    check_completion("help info ver\t", "help info version ");
    check_completion("x-dev n\t", "x-dev net0 ");
    check_completion("x-dev d\t", "x-dev disk");
    check_completion("x-dev disk0 d\t", "x-dev disk0 d");
    check_completion("x-str a\t", "x-str a");
    check_completion("nothing\t", "nothing");
    check_completion("x-str \"a\t", "x-str \"a");
    check_completion("? x-r\t", "? x-re");
    out = complete("x-b\t");
    g_assert_cmpstr(out, ==, "x\033[K\033[Dx-\033[K\033[D\033[Dx-b\033[K\r\n"
                    "x-bad     x-blk     x-bool    \r\n" PROMPT "x-b\033[K");
    g_free(out);
    out = complete("info \t");
    g_assert_true(g_str_has_suffix(out, "\r\ncpus      history   kvm       "
                                   "mtree     name      status    version   "
                                   "x-info    \r\n"
                                   PROMPT "info \033[K"));
}

/* Without readline: lines, no echo, no prompt; CR LF or LF ends a line. */
static void test_plain(void)
{
    TestConn *c = hmp_conn(false);
    g_autofree char *big = g_strnfill(10000, 'y');
    g_autofree char *expected = NULL;

    runstate_set(RUN_STATE_RUNNING);
    test_conn_exchange(c, "info status\r\ninfo", "VM status: running\r\n");
    test_conn_exchange(c, " status\n", "VM status: running\r\n");
    /* Bytes past the longest line are dropped; the line still runs. */
    test_conn_send(c, "x-str ");
    test_conn_send(c, big);
    big[READLINE_MAX_LINE - strlen("x-str ")] = 0;
    expected = g_strdup_printf("{\"s\": \"%s\"}\r\n", big);
    test_conn_exchange(c, "\n", expected);
    test_conn_exchange(c, "x-str a\n", "{\"s\": \"a\"}\r\n");
    test_conn_free(c);
}

/* A client leaving drops its half-typed line; the next starts afresh. */
static void test_reconnect(void)
{
    TestConn *c = hmp_conn(true);

    test_conn_send(c, "x-str half");
    monitor_closed(c->mon);
    test_conn_send(c, "ignored\r");
    g_string_truncate(c->out, 0);
    monitor_opened(c->mon);
    g_assert_cmpstr(c->out->str, ==, BANNER PROMPT);
    g_string_truncate(c->out, 0);
    test_conn_send(c, "x-str a\r");
    g_assert_true(g_str_has_suffix(c->out->str, "\r\n{\"s\": \"a\"}\r\n"
                                   PROMPT));
    test_conn_free(c);
}

/* The HMP output of @cmdline through QMP's human-monitor-command. */
static char *hmc(const char *request)
{
    g_autoptr(QObject) req = qobject_from_json(request, &error_abort);
    g_autoptr(QDict) rsp = qmp_dispatch(monitor_qmp_commands(), req, false,
                                        false);
    g_autoptr(GString) json = qobject_to_json(QOBJECT(rsp));

    return g_strdup(json->str);
}

static bool cpu_exists_0_1(int64_t index)
{
    return 0 == index || 1 == index;
}

static void test_human_monitor_command(void)
{
    g_autofree char *rsp = NULL;

    runstate_set(RUN_STATE_RUNNING);
    rsp = hmc("{'execute': 'human-monitor-command', "
              "'arguments': {'command-line': 'info status'}}");
    g_assert_cmpstr(rsp, ==, "{\"return\": \"VM status: running\\r\\n\"}");
    g_free(rsp);
    rsp = hmc("{'execute': 'human-monitor-command', "
              "'arguments': {'command-line': 'foo'}}");
    g_assert_cmpstr(rsp, ==, "{\"return\": \"unknown command: 'foo'\\r\\n\"}");
    g_free(rsp);
    rsp = hmc("{'execute': 'human-monitor-command', "
              "'arguments': {'command-line': ''}}");
    g_assert_cmpstr(rsp, ==, "{\"return\": \"\"}");
    g_free(rsp);
    rsp = hmc("{'execute': 'human-monitor-command', "
              "'arguments': {'command-line': 'info history'}}");
    g_assert_cmpstr(rsp, ==, "{\"return\": \"\"}");
    g_free(rsp);
    rsp = hmc("{'execute': 'human-monitor-command', "
              "'arguments': {'command-line': 'x-report'}}");
    g_assert_cmpstr(rsp, ==, "{\"return\": \"reported 1\\r\\n"
                    "Error: Device 'd0' not found\\r\\nTry 'info qtree'."
                    "\\r\\n\"}");
    g_free(rsp);
    rsp = hmc("{'execute': 'human-monitor-command', "
              "'arguments': {'command-line': 'info status', 'cpu-index': 0}}");
    g_assert_cmpstr(rsp, ==, "{\"error\": {\"class\": \"GenericError\", "
                    "\"desc\": \"Parameter 'cpu-index' expects a CPU "
                    "number\"}}");
    g_free(rsp);
    monitor_set_cpu_exists_func(cpu_exists_0_1);
    rsp = hmc("{'execute': 'human-monitor-command', "
              "'arguments': {'command-line': 'info status', 'cpu-index': 1}}");
    g_assert_cmpstr(rsp, ==, "{\"return\": \"VM status: running\\r\\n\"}");
    g_free(rsp);
    rsp = hmc("{'execute': 'human-monitor-command', "
              "'arguments': {'command-line': 'info status', 'cpu-index': 2}}");
    g_assert_cmpstr(rsp, ==, "{\"error\": {\"class\": \"GenericError\", "
                    "\"desc\": \"Parameter 'cpu-index' expects a CPU "
                    "number\"}}");
    monitor_set_cpu_exists_func(NULL);
}

/* Through a QMP monitor, the command runs with that monitor current. */
static void test_hmc_over_qmp(void)
{
    TestConn *c = test_conn_new();

    c->mon = monitor_new_qmp(&test_conn_transport, c, false);
    monitor_opened(c->mon);
    g_string_truncate(c->out, 0);
    test_conn_exchange(c, "{\"execute\": \"qmp_capabilities\"}",
                       "{\"return\": {}}\r\n");
    test_conn_exchange(c, "{\"execute\": \"human-monitor-command\", "
                       "\"arguments\": {\"command-line\": \"help x-file\"}, "
                       "\"id\": 7}",
                       "{\"return\": \"x-file file -- a file\\r\\n\", "
                       "\"id\": 7}\r\n");
    test_conn_free(c);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    error_set_progname("kvmini");
    qemu_add_opts(&x_opts);
    hmp_register_commands(test_commands);
    hmp_register_info_commands(test_info_commands);
    g_test_add_func("/monitor/hmp/banner", test_banner);
    g_test_add_func("/monitor/hmp/focus", test_focus);
    g_test_add_func("/monitor/hmp/echo", test_echo);
    g_test_add_func("/monitor/hmp/unknown", test_unknown);
    g_test_add_func("/monitor/hmp/info", test_info);
    g_test_add_func("/monitor/hmp/info-status-stopped",
                    test_info_status_stopped);
    g_test_add_func("/monitor/hmp/history", test_history);
    g_test_add_func("/monitor/hmp/help", test_help);
    g_test_add_func("/monitor/hmp/help-all", test_help_all);
    g_test_add_func("/monitor/hmp/args-strings", test_args_strings);
    g_test_add_func("/monitor/hmp/args-integers", test_args_integers);
    g_test_add_func("/monitor/hmp/args-deep", test_args_deep);
    g_test_add_func("/monitor/hmp/args-other", test_args_other);
    g_test_add_func("/monitor/hmp/args-flags", test_args_flags);
    g_test_add_func("/monitor/hmp/args-opts", test_args_opts);
    g_test_add_func("/monitor/hmp/error-report", test_error_report);
    g_test_add_func("/monitor/hmp/completion", test_completion);
    g_test_add_func("/monitor/hmp/plain", test_plain);
    g_test_add_func("/monitor/hmp/reconnect", test_reconnect);
    g_test_add_func("/monitor/hmp/human-monitor-command",
                    test_human_monitor_command);
    g_test_add_func("/monitor/hmp/hmc-over-qmp", test_hmc_over_qmp);
    return g_test_run();
}
