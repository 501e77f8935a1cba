/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-tool.c: build/kvmini-qmp run against the scripted server:
 * the exact text it prints on stdout and stderr, its exit status, and the
 * exact requests it sends for its arguments, options and shell input.
 */
#include "osdep.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <poll.h>

#include "test-client-server.h"

typedef struct Run {
    int status;
    char *out;
    char *err;
} Run;

static void run_clear(Run *r)
{
    g_free(r->out);
    g_free(r->err);
}

/*
 * Run kvmini-qmp with the NULL-terminated arguments after @input (what
 * it reads on stdin), in which "SOCKET" stands for @srv's address.
 */
static G_GNUC_NULL_TERMINATED Run run_tool(FakeServer *srv, const char *input,
                                           ...)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_autoptr(GSubprocess) proc = NULL;
    Run r = { 0 };
    const char *arg;
    va_list ap;

    g_ptr_array_add(argv, (char *)KVMINI_QMP_PATH);
    va_start(ap, input);
    while ((arg = va_arg(ap, const char *))) {
        g_ptr_array_add(argv, (char *)(srv && !strcmp(arg, "SOCKET")
                                       ? fake_server_address(srv) : arg));
    }
    va_end(ap);
    g_ptr_array_add(argv, NULL);
    proc = g_subprocess_newv((const char *const *)argv->pdata,
                             G_SUBPROCESS_FLAGS_STDIN_PIPE |
                             G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                             G_SUBPROCESS_FLAGS_STDERR_PIPE, NULL);
    g_assert_nonnull(proc);
    g_assert_true(g_subprocess_communicate_utf8(proc, input ? input : "",
                                                NULL, &r.out, &r.err, NULL));
    g_assert_true(g_subprocess_get_if_exited(proc));
    r.status = g_subprocess_get_exit_status(proc);
    return r;
}

/* Check @r's exit status and output, and free it. */
static void check_run(Run *r, int status, const char *out, const char *err)
{
    g_assert_cmpstr(r->err, ==, err);
    g_assert_cmpstr(r->out, ==, out);
    g_assert_cmpint(r->status, ==, status);
    run_clear(r);
}

static void test_result(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-status', 'id': 2}"),
        FAKE_SEND("{'return': {'status': 'running', 'singlestep': false, "
                  "'running': true}, 'id': 2}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    Run r = run_tool(srv, NULL, "SOCKET", "query-status", NULL);

    check_run(&r, 0, "{\n    \"status\": \"running\",\n    \"singlestep\": "
              "false,\n    \"running\": true\n}\n", "");
    fake_server_finish(srv);
}

static void test_error(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'nosuch', 'id': 2}"),
        FAKE_SEND("{'id': 2, 'error': {'class': 'CommandNotFound', "
                  "'desc': 'The command nosuch has not been found'}}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    Run r = run_tool(srv, NULL, "SOCKET", "nosuch", NULL);

    check_run(&r, 1, "",
              "kvmini-qmp: The command nosuch has not been found\n");
    fake_server_finish(srv);
}

/* KEY=VALUE words are typed with the schema the server gives. */
static void test_typed_args(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-qmp-schema', 'id': 2}"),
        FAKE_SEND("{'return': ["
                  "{'name': 'qom-set', 'meta-type': 'command', "
                  " 'arg-type': '1', 'ret-type': '0'},"
                  "{'name': '1', 'meta-type': 'object', 'members': ["
                  " {'name': 'path', 'type': 'str'},"
                  " {'name': 'property', 'type': 'str'},"
                  " {'name': 'value', 'type': 'any'}]},"
                  "{'name': 'str', 'meta-type': 'builtin', "
                  " 'json-type': 'string'},"
                  "{'name': 'any', 'meta-type': 'builtin', "
                  " 'json-type': 'value'}], 'id': 2}"),
        FAKE_EXPECT("{'execute': 'qom-set', 'arguments': {'path': '1', "
                    "'property': 'a b,c', 'value': 1}, 'id': 3}"),
        FAKE_SEND("{'return': {}, 'id': 3}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    Run r = run_tool(srv, NULL, "SOCKET", "qom-set", "path=1",
                     "property=a b,c", "value=1", NULL);

    check_run(&r, 0, "{}\n", "");
    fake_server_finish(srv);
}

/* A server without query-qmp-schema: values are guessed. */
static void test_guessed_args(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-qmp-schema', 'id': 2}"),
        FAKE_SEND("{'id': 2, 'error': {'class': 'CommandNotFound', "
                  "'desc': 'The command query-qmp-schema has not been "
                  "found'}}"),
        FAKE_EXPECT("{'execute': 'frob', 'arguments': {'path': 1, "
                    "'on': true, 'list': ['x', null]}, 'id': 3}"),
        FAKE_SEND("{'return': [1, 'two'], 'id': 3}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    Run r = run_tool(srv, NULL, "SOCKET", "frob", "path=1", "on=true",
                     "list.0=x", "list.1=null", NULL);

    check_run(&r, 0, "[\n    1,\n    \"two\"\n]\n", "");
    fake_server_finish(srv);
}

static void test_json_args(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'frob', 'arguments': {'a': [1, {}], "
                    "'b': '1'}, 'id': 2}"),
        FAKE_SEND("{'return': 'ok', 'id': 2}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    Run r = run_tool(srv, NULL, "-j", "{\"a\": [1, {}], \"b\": \"1\"}",
                     "SOCKET", "frob", NULL);

    check_run(&r, 0, "\"ok\"\n", "");
    fake_server_finish(srv);
}

static void test_hmp(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'human-monitor-command', "
                    "'arguments': {'command-line': 'info status'}, 'id': 2}"),
        FAKE_SEND("{'return': 'VM status: paused\\r\\nsecond\\r\\n', "
                  "'id': 2}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    Run r = run_tool(srv, NULL, "-H", "SOCKET", "info", "status", NULL);

    check_run(&r, 0, "VM status: paused\nsecond\n", "");
    fake_server_finish(srv);
}

static void test_events_oob(void)
{
    static const FakeStep script[] = {
        FAKE_SEND(FAKE_GREETING),
        FAKE_EXPECT("{'execute': 'qmp_capabilities', "
                    "'arguments': {'enable': ['oob']}, 'id': 1}"),
        FAKE_SEND("{'return': {}, 'id': 1}"),
        FAKE_EXPECT("{'exec-oob': 'stop', 'id': 2}"),
        FAKE_SEND("{'event': 'STOP', 'timestamp': {'seconds': 1, "
                  "'microseconds': 2}}"),
        FAKE_SEND("{'event': 'SHUTDOWN', 'data': {'guest': false}, "
                  "'timestamp': {'seconds': 1700000000, "
                  "'microseconds': 123456}}"),
        FAKE_SEND("{'event': 'ODD', 'timestamp': {'seconds': -1, "
                  "'microseconds': -1}}"),
        FAKE_SEND("{'return': {}, 'id': 2}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    Run r = run_tool(srv, NULL, "--events", "--oob", "SOCKET", "stop", NULL);

    check_run(&r, 0, "1970-01-01T00:00:01.000002Z STOP\n"
              "2023-11-14T22:13:20.123456Z SHUTDOWN {\"guest\": false}\n"
              "- ODD\n{}\n", "");
    fake_server_finish(srv);
}

/* The shell reading from a pipe: one command per line, errors go on. */
static void test_shell(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'stop', 'id': 2}"),
        FAKE_SEND("{'return': {}, 'id': 2}"),
        FAKE_EXPECT("{'execute': 'nosuch', 'id': 3}"),
        FAKE_SEND("{'id': 3, 'error': {'class': 'CommandNotFound', "
                  "'desc': 'The command nosuch has not been found'}}"),
        FAKE_EXPECT("{'execute': 'query-qmp-schema', 'id': 4}"),
        FAKE_SEND("{'return': [], 'id': 4}"),
        FAKE_EXPECT("{'execute': 'frob', 'arguments': {'x': 'a b', "
                    "'y': 2}, 'id': 5}"),
        FAKE_SEND("{'return': {}, 'id': 5}"),
        FAKE_EXPECT("{'execute': 'frob', 'arguments': {'z': [true]}, "
                    "'id': 6}"),
        FAKE_SEND("{'return': 7, 'id': 6}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    /* The last line needs no newline. */
    Run r = run_tool(srv, "stop\n\n  nosuch\nfrob x=\"a b\" y=2\n"
                     "frob 'x\nfrob {\nfrob z\nfrob {'z': [true]}",
                     "SOCKET", NULL);

    check_run(&r, 0, "{}\n{}\n7\n",
              "kvmini-qmp: The command nosuch has not been found\n"
              "kvmini-qmp: unterminated quoting in ''x'\n"
              "kvmini-qmp: JSON parse error, premature end of input\n"
              "kvmini-qmp: Expected '=' after parameter 'z'\n");
    fake_server_finish(srv);
}

static void test_shell_hmp(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'human-monitor-command', "
                    "'arguments': {'command-line': 'info name'}, 'id': 2}"),
        FAKE_SEND("{'return': '', 'id': 2}"),
        FAKE_EXPECT("{'execute': 'human-monitor-command', "
                    "'arguments': {'command-line': 'info  status  '}, "
                    "'id': 3}"),
        FAKE_SEND("{'return': 'VM status: running\\r\\n', 'id': 3}"),
        FAKE_CLOSE,
    };
    FakeServer *srv = fake_server_new(script);
    Run r = run_tool(srv, "info name\ninfo  status  \ninfo version\n", "-H",
                     "SOCKET", NULL);

    /* The server went away: the shell says so, once, and fails. */
    check_run(&r, 1, "VM status: running\n",
              "kvmini-qmp: QMP server closed the connection\n");
    fake_server_finish(srv);
}

/* Read @master into @out until it holds @text after @from; return its end. */
static size_t expect_output(int master, GString *out, size_t from,
                            const char *text)
{
    struct pollfd pfd = { .fd = master, .events = POLLIN };
    const char *found;
    char buf[1024];
    ssize_t n;

    while (!(found = strstr(out->str + from, text))) {
        g_assert_cmpint(poll(&pfd, 1, FAKE_SERVER_TIMEOUT_MS), ==, 1);
        n = read(master, buf, sizeof(buf));
        g_assert_cmpint(n, >, 0);
        g_string_append_len(out, buf, n);
    }
    return found - out->str + strlen(text);
}

static void type(int master, const char *keys)
{
    g_assert_cmpint(write(master, keys, strlen(keys)), ==, strlen(keys));
}

/*
 * The shell on a terminal: prompt, Tab completion from query-commands,
 * history, events during a command and while idle, Ctrl-C, Ctrl-D.
 */
static void test_terminal(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-commands', 'id': 2}"),
        FAKE_SEND("{'return': [{'name': 'stop'}, {'name': 'query-status'}, "
                  "{'name': 'query-name'}], 'id': 2}"),
        FAKE_EXPECT("{'execute': 'stop', 'id': 3}"),
        FAKE_SEND("{'event': 'STOP', 'timestamp': {'seconds': 1, "
                  "'microseconds': 2}}"),
        FAKE_SEND("{'return': {}, 'id': 3}"),
        FAKE_EXPECT("{'execute': 'stop', 'id': 4}"),
        FAKE_SEND("{'return': {}, 'id': 4}"),
        FAKE_PAUSE,
        FAKE_SEND("{'event': 'RESUME', 'timestamp': {'seconds': 3, "
                  "'microseconds': 4}}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    g_autoptr(GSubprocessLauncher) launcher = NULL;
    g_autoptr(GSubprocess) proc = NULL;
    g_autoptr(GString) out = g_string_new(NULL);
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    size_t at;
    int slave;

    g_assert_cmpint(master, >=, 0);
    g_assert_cmpint(grantpt(master), ==, 0);
    g_assert_cmpint(unlockpt(master), ==, 0);
    slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    g_assert_cmpint(slave, >=, 0);
    launcher = g_subprocess_launcher_new(G_SUBPROCESS_FLAGS_NONE);
    g_subprocess_launcher_take_stdout_fd(launcher, dup(slave));
    g_subprocess_launcher_take_stderr_fd(launcher, dup(slave));
    g_subprocess_launcher_take_stdin_fd(launcher, slave);
    proc = g_subprocess_launcher_spawn(launcher, NULL, KVMINI_QMP_PATH,
                                       "--events", fake_server_address(srv),
                                       NULL);
    g_assert_nonnull(proc);

    at = expect_output(master, out, 0, "(qmp) ");
    /* Tab completes the only match, with a blank after it. */
    type(master, "sto\t");
    at = expect_output(master, out, at, "stop \033[K");
    type(master, "\r");
    at = expect_output(master, out, at, "\r\n1970-01-01T00:00:01.000002Z "
                       "STOP\r\n{}\r\n(qmp) ");
    /* Up brings the line back. */
    type(master, "\033[A\r");
    at = expect_output(master, out, at, "stop \033[K\r\n{}\r\n(qmp) ");
    /* An event while the user types goes above the line, redrawn. */
    type(master, "qu");
    at = expect_output(master, out, at, "qu");
    fake_server_resume(srv);
    at = expect_output(master, out, at, "\r\033[K1970-01-01T00:00:03.000004Z "
                       "RESUME\r\n(qmp) qu\033[K");
    type(master, "\003");
    at = expect_output(master, out, at, "^C\r\n(qmp) ");
    type(master, "\004");
    expect_output(master, out, at, "\r\n");
    g_assert_true(g_subprocess_wait_check(proc, NULL, NULL));
    close(master);
    fake_server_finish(srv);
}

static void test_usage_errors(void)
{
    Run r;

    r = run_tool(NULL, NULL, NULL);
    check_run(&r, 1, "", "kvmini-qmp: no SOCKET given (try --help)\n");
    r = run_tool(NULL, NULL, "--frob", "s", NULL);
    check_run(&r, 1, "", "kvmini-qmp: unknown option '--frob' (try --help)\n");
    r = run_tool(NULL, NULL, "-t", NULL);
    check_run(&r, 1, "", "kvmini-qmp: option '-t' needs an argument\n");
    r = run_tool(NULL, NULL, "-t", "-1", "s", NULL);
    check_run(&r, 1, "",
              "kvmini-qmp: invalid timeout '-1', expected seconds\n");
    r = run_tool(NULL, NULL, "-j", "{", "s", "c", NULL);
    check_run(&r, 1, "",
              "kvmini-qmp: -j: JSON parse error, premature end of input\n");
    r = run_tool(NULL, NULL, "-j", "[]", "s", "c", NULL);
    check_run(&r, 1, "", "kvmini-qmp: -j: arguments must be a JSON object\n");
    r = run_tool(NULL, NULL, "-j", "{}", "s", "c", "a=1", NULL);
    check_run(&r, 1, "", "kvmini-qmp: -j needs a QMP command and no "
              "KEY=VALUE arguments\n");
    r = run_tool(NULL, NULL, "s", "c", "a", NULL);
    check_run(&r, 1, "", "kvmini-qmp: Expected '=' after parameter 'a'\n");
    r = run_tool(NULL, NULL, "/nonexistent/qmp.sock", "c", NULL);
    check_run(&r, 1, "", "kvmini-qmp: cannot connect to unix socket "
              "'/nonexistent/qmp.sock': No such file or directory\n");
    r = run_tool(NULL, NULL, "-V", NULL);
    check_run(&r, 0, "kvmini-qmp " KVMINI_VERSION "\n", "");

    r = run_tool(NULL, NULL, "--help", NULL);
    g_assert_true(g_str_has_prefix(r.out, "Usage: kvmini-qmp [OPTION]... "
                                   "SOCKET [CMD [KEY=VALUE]...]\n"));
    g_assert_nonnull(strstr(r.out, "\n  -H, --hmp "));
    g_assert_nonnull(strstr(r.out, "\n  -e, --events "));
    g_assert_nonnull(strstr(r.out, "\n  -j, --json=JSON "));
    g_assert_nonnull(strstr(r.out, "\n  -t, --timeout=SECS "));
    g_assert_nonnull(strstr(r.out, "\n      --oob "));
    r.out[0] = '\0';
    check_run(&r, 0, "", "");
}

static void test_timeout(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-status', 'id': 2}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    Run r = run_tool(srv, NULL, "-t", "0.2", "SOCKET", "query-status", NULL);

    check_run(&r, 1, "", "kvmini-qmp: no reply to 'query-status' from QMP "
              "server within 200 ms\n");
    fake_server_finish(srv);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/client/tool/result", test_result);
    g_test_add_func("/client/tool/error", test_error);
    g_test_add_func("/client/tool/typed-args", test_typed_args);
    g_test_add_func("/client/tool/guessed-args", test_guessed_args);
    g_test_add_func("/client/tool/json-args", test_json_args);
    g_test_add_func("/client/tool/hmp", test_hmp);
    g_test_add_func("/client/tool/events-oob", test_events_oob);
    g_test_add_func("/client/tool/shell", test_shell);
    g_test_add_func("/client/tool/shell-hmp", test_shell_hmp);
    g_test_add_func("/client/tool/terminal", test_terminal);
    g_test_add_func("/client/tool/usage-errors", test_usage_errors);
    g_test_add_func("/client/tool/timeout", test_timeout);
    return g_test_run();
}
