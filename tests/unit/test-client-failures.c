/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-failures.c: libqmp when the server misbehaves: it closes
 * the connection, sends what is not QMP, sends too much, or says nothing.
 * Each failure is one line, and sticks to the client.
 */
#include "osdep.h"

#include <glib/gstdio.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "client/qmp-client.h"
#include "util/error.h"
#include "test-client-server.h"

/* Execute @command, expecting failure with @msg. */
static void check_execute_fails(QmpClient *client, const char *command,
                                const char *msg)
{
    QObject *ret = NULL;
    Error *err = NULL;

    g_assert_false(qmp_client_execute(client, command, NULL, &ret, &err));
    g_assert_null(ret);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

/*
 * Negotiate, execute query-status, which the server answers with @reply
 * (raw bytes) before closing: the client must fail with @msg, and keep
 * failing with it.
 */
static void check_bad_reply(const char *reply, const char *msg)
{
    const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-status', 'id': 2}"),
        FAKE_SEND_RAW(reply),
        FAKE_CLOSE,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = qmp_client_connect(fake_server_address(srv), NULL,
                                           &error_abort);
    Error *err = NULL;

    g_assert_true(qmp_client_negotiate(client, false, &error_abort));
    check_execute_fails(client, "query-status", msg);
    check_execute_fails(client, "query-name", msg);
    g_assert_null(qmp_client_drain_events(client, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    qmp_client_free(client);
    fake_server_finish(srv);
}

static void test_closed(void)
{
    check_bad_reply("{\"return\": {\"sta", "QMP server closed the connection");
    check_bad_reply("", "QMP server closed the connection");
}

static void test_malformed(void)
{
    check_bad_reply("{\"return\": tru}\r\n", "invalid reply from QMP server: "
                    "JSON parse error, invalid keyword 'tru'");
    check_bad_reply("{\"return\": {}, \"id\": 2\x04", "invalid reply from "
                    "QMP server: JSON parse error, unexpected byte 0x04");
    check_bad_reply("[1, 2]\r\n",
                    "invalid reply from QMP server: not a JSON object");
    check_bad_reply("{\"hello\": 1}\r\n", "invalid reply from QMP server: "
                    "no member 'return', 'error' or 'event'");
    check_bad_reply("{\"error\": \"bad\", \"id\": 2}\r\n",
                    "invalid reply from QMP server: 'error' is not an object "
                    "with strings 'class' and 'desc'");
    check_bad_reply("{\"error\": {\"class\": \"GenericError\"}, \"id\": 2}\r\n",
                    "invalid reply from QMP server: 'error' is not an object "
                    "with strings 'class' and 'desc'");
    check_bad_reply("{\"event\": 42}\r\n",
                    "invalid reply from QMP server: 'event' is not a string");
}

/* Connect to a server that sends @greeting, expecting @msg. */
static void check_bad_greeting(const char *greeting, const char *msg)
{
    const FakeStep script[] = { FAKE_SEND_RAW(greeting), FAKE_CLOSE };
    FakeServer *srv = fake_server_new(script);
    Error *err = NULL;

    g_assert_null(qmp_client_connect(fake_server_address(srv), NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    fake_server_finish(srv);
}

static void test_bad_greeting(void)
{
    check_bad_greeting("", "QMP server closed the connection");
    check_bad_greeting("{\"QMP\": {}", "QMP server closed the connection");
    check_bad_greeting("{\"return\": {}}\r\n",
                       "invalid greeting from QMP server: no object 'QMP'");
    check_bad_greeting("{\"QMP\": {\"capabilities\": []}}\r\n",
                       "invalid greeting from QMP server: no object "
                       "'QMP.version'");
    check_bad_greeting("{\"QMP\": {\"version\": {}}}\r\n",
                       "invalid greeting from QMP server: no array "
                       "'QMP.capabilities'");
    check_bad_greeting("\"QMP\"\r\n",
                       "invalid reply from QMP server: not a JSON object");
}

/*
 * A reply over the client's JSON limits fails the connection as soon as
 * the limit is crossed: the rest is skipped without being stored.
 */
static void test_oversize(void)
{
    g_autofree char *filler = g_strnfill(4096, 'x');
    g_autofree char *big = g_strdup_printf("{\"return\": \"%s\", \"id\": 2}",
                                           filler);
    g_autofree char *deep = g_strnfill(1 << 20, '[');
    QmpClientOptions opts = { .limits.max_value_bytes = 1024 };
    const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-status', 'id': 2}"),
        FAKE_SEND_RAW(big),
        FAKE_CLOSE,
    };
    const FakeStep flood[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-status', 'id': 2}"),
        FAKE_SEND_RAW(deep),
        FAKE_CLOSE,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = qmp_client_connect(fake_server_address(srv), &opts,
                                           &error_abort);

    g_assert_true(qmp_client_negotiate(client, false, &error_abort));
    check_execute_fails(client, "query-status", "invalid reply from QMP "
                        "server: JSON parse error, value longer than 1 KiB");
    qmp_client_free(client);
    fake_server_finish(srv);

    /* A megabyte of '[' with the default limits. */
    srv = fake_server_new(flood);
    client = qmp_client_connect(fake_server_address(srv), NULL, &error_abort);
    g_assert_true(qmp_client_negotiate(client, false, &error_abort));
    check_execute_fails(client, "query-status", "invalid reply from QMP "
                        "server: JSON parse error, nesting deeper than 1024 "
                        "levels");
    qmp_client_free(client);
    fake_server_finish(srv);
}

static void test_timeout_greeting(void)
{
    static const FakeStep script[] = { FAKE_END };
    QmpClientOptions opts = { .timeout_ms = 100 };
    FakeServer *srv = fake_server_new(script);
    gint64 start = g_get_monotonic_time();
    Error *err = NULL;

    g_assert_null(qmp_client_connect(fake_server_address(srv), &opts, &err));
    g_assert_cmpint(g_get_monotonic_time() - start, >=, 100000);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "no greeting from QMP server within 100 ms");
    error_free(err);
    fake_server_finish(srv);
}

/* A server that does not accept: its backlog fills up, connect waits. */
static void test_timeout_connect(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-client-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "qmp.sock", NULL);
    g_autofree char *msg = g_strdup_printf(
        "cannot connect to unix socket '%s': Connection timed out", path);
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    QmpClientOptions opts = { .timeout_ms = 100 };
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    int first = socket(AF_UNIX, SOCK_STREAM, 0);
    gint64 start;
    Error *err = NULL;

    strcpy(addr.sun_path, path);
    g_assert_cmpint(bind(listener, (struct sockaddr *)&addr, sizeof(addr)),
                    ==, 0);
    g_assert_cmpint(listen(listener, 0), ==, 0);
    g_assert_cmpint(connect(first, (struct sockaddr *)&addr, sizeof(addr)),
                    ==, 0);
    start = g_get_monotonic_time();
    g_assert_null(qmp_client_connect(path, &opts, &err));
    g_assert_cmpint(g_get_monotonic_time() - start, >=, 100000);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    close(first);
    close(listener);
    g_assert_cmpint(g_unlink(path), ==, 0);
    g_assert_cmpint(g_rmdir(dir), ==, 0);
}

/*
 * A silent server makes a call time out, not fail: the connection keeps
 * working, and the late reply is dropped.
 */
static void test_timeout_reply(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-status', 'id': 2}"),
        FAKE_EXPECT("{'execute': 'stop', 'id': 3}"),
        FAKE_SEND("{'return': {'status': 'late'}, 'id': 2}"),
        FAKE_SEND("{'return': {}, 'id': 3}"),
        FAKE_EXPECT("{'execute': 'cont', 'id': 4}"),
        FAKE_SEND("{'return': {}, 'id': 4}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = qmp_client_connect(fake_server_address(srv), NULL,
                                           &error_abort);
    gint64 start;

    g_assert_true(qmp_client_negotiate(client, false, &error_abort));
    qmp_client_set_timeout(client, 50);
    start = g_get_monotonic_time();
    check_execute_fails(client, "query-status", "no reply to 'query-status' "
                        "from QMP server within 50 ms");
    g_assert_cmpint(g_get_monotonic_time() - start, >=, 50000);
    qmp_client_set_timeout(client, -1);
    g_assert_true(qmp_client_execute(client, "stop", NULL, NULL,
                                     &error_abort));
    qmp_client_set_timeout(client, 0);
    g_assert_true(qmp_client_execute(client, "cont", NULL, NULL,
                                     &error_abort));
    qmp_client_free(client);
    fake_server_finish(srv);
}

/* A failure found while draining events is what later calls report. */
static void test_sticky(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_SEND("{'event': 'SHUTDOWN', 'data': {'guest': false, "
                  "'reason': 'host-qmp-quit'}, 'timestamp': "
                  "{'seconds': 1, 'microseconds': 0}}"),
        FAKE_CLOSE,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = qmp_client_connect(fake_server_address(srv), NULL,
                                           &error_abort);
    g_autoptr(QDict) event = NULL;
    Error *err = NULL;

    g_assert_true(qmp_client_negotiate(client, false, &error_abort));
    /* The event that came before the end is still handed out. */
    event = qmp_client_wait_event(client, "SHUTDOWN", 5000, &error_abort);
    g_assert_cmpstr(qdict_get_str(event, "event"), ==, "SHUTDOWN");
    g_assert_null(qmp_client_wait_event(client, NULL, 5000, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "QMP server closed the connection");
    error_free_or_abort(&err);
    check_execute_fails(client, "cont", "QMP server closed the connection");
    g_assert_false(qmp_client_negotiate(client, false, &err));
    error_free_or_abort(&err);
    qmp_client_free(client);
    fake_server_finish(srv);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/client/failures/closed", test_closed);
    g_test_add_func("/client/failures/malformed", test_malformed);
    g_test_add_func("/client/failures/bad-greeting", test_bad_greeting);
    g_test_add_func("/client/failures/oversize", test_oversize);
    g_test_add_func("/client/failures/timeout-connect",
                    test_timeout_connect);
    g_test_add_func("/client/failures/timeout-greeting",
                    test_timeout_greeting);
    g_test_add_func("/client/failures/timeout-reply", test_timeout_reply);
    g_test_add_func("/client/failures/sticky", test_sticky);
    return g_test_run();
}
