/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-session.c: libqmp against the scripted server: connecting
 * (unix, tcp, adopted fd, bad addresses), the greeting, negotiation, and
 * executing commands with their results, errors and ids.
 */
#include "osdep.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include "client/qmp-client.h"
#include "qobject/qjson.h"
#include "util/error.h"
#include "test-client-server.h"

/* @obj as compact JSON (new string); @obj is released. */
static char *json_of(QObject *obj)
{
    g_autoptr(GString) text = qobject_to_json(obj);

    qobject_unref(obj);
    return g_strdup(text->str);
}

/* Connect to @srv, asserting success. */
static QmpClient *connect_to(FakeServer *srv)
{
    return qmp_client_connect(fake_server_address(srv), NULL, &error_abort);
}

static void test_greeting(void)
{
    static const FakeStep script[] = { FAKE_NEGOTIATION, FAKE_END };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_to(srv);
    g_autofree char *version = NULL;
    g_autofree char *caps = NULL;

    version = json_of(qobject_ref(QOBJECT(qmp_client_get_version(client))));
    g_assert_cmpstr(version, ==, "{\"qemu\": {\"micro\": 0, \"minor\": 2, "
                    "\"major\": 7}, \"package\": \"kvmini 0.1.0\"}");
    caps = json_of(qobject_ref(QOBJECT(qmp_client_get_capabilities(client))));
    g_assert_cmpstr(caps, ==, "[\"oob\"]");
    g_assert_true(qmp_client_has_capability(client, "oob"));
    g_assert_false(qmp_client_has_capability(client, "frob"));

    g_assert_true(qmp_client_negotiate(client, false, &error_abort));
    g_assert_false(qmp_client_oob_enabled(client));
    qmp_client_free(client);
    fake_server_finish(srv);
}

static void test_negotiate_oob(void)
{
    static const FakeStep script[] = {
        FAKE_SEND(FAKE_GREETING),
        FAKE_EXPECT("{'execute': 'qmp_capabilities', "
                    "'arguments': {'enable': ['oob']}, 'id': 1}"),
        FAKE_SEND("{'return': {}, 'id': 1}"),
        FAKE_EXPECT("{'exec-oob': 'migrate-pause', 'id': 2}"),
        FAKE_SEND("{'id': 2, 'error': {'class': 'GenericError', 'desc': "
                  "'migrate-pause is currently only supported during "
                  "postcopy-active state'}}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_to(srv);
    Error *err = NULL;

    g_assert_true(qmp_client_negotiate(client, true, &error_abort));
    g_assert_true(qmp_client_oob_enabled(client));
    g_assert_false(qmp_client_execute_oob(client, "migrate-pause", NULL,
                                          NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "migrate-pause is currently "
                    "only supported during postcopy-active state");
    error_free(err);
    qmp_client_free(client);
    fake_server_finish(srv);
}

static void test_negotiate_refused(void)
{
    static const FakeStep script[] = {
        FAKE_SEND("{'QMP': {'version': {'qemu': {'micro': 0, 'minor': 2, "
                  "'major': 7}, 'package': ''}, 'capabilities': []}}"),
        FAKE_EXPECT("{'execute': 'qmp_capabilities', 'id': 1}"),
        FAKE_SEND("{'error': {'class': 'CommandNotFound', 'desc': "
                  "'Capabilities negotiation is already complete, command "
                  "ignored'}, 'id': 1}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_to(srv);
    Error *err = NULL;

    /* Refused by the client: the server offers no "oob". */
    g_assert_false(qmp_client_negotiate(client, true, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "QMP server does not offer capability 'oob'");
    error_free_or_abort(&err);
    g_assert_false(qmp_client_execute_oob(client, "x", NULL, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot use exec-oob: capability 'oob' was not negotiated");
    error_free_or_abort(&err);

    g_assert_false(qmp_client_negotiate(client, false, &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_COMMAND_NOT_FOUND);
    g_assert_cmpstr(error_get_pretty(err), ==, "Capabilities negotiation is "
                    "already complete, command ignored");
    error_free(err);
    qmp_client_free(client);
    fake_server_finish(srv);
}

static void test_execute(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-status', 'id': 2}"),
        FAKE_SEND("{'return': {'status': 'running', 'singlestep': false, "
                  "'running': true}, 'id': 2}"),
        FAKE_EXPECT("{'execute': 'qom-list', 'arguments': "
                    "{'path': '/machine'}, 'id': 3}"),
        FAKE_SEND("{'return': [{'name': 'type', 'type': 'string'}], 'id': 3}"),
        FAKE_EXPECT("{'execute': 'stop', 'id': 4}"),
        FAKE_SEND("{'return': {}, 'id': 4}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_to(srv);
    QDict *args = qdict_new();
    QObject *ret = NULL;
    g_autofree char *status = NULL;
    g_autofree char *list = NULL;

    qmp_client_negotiate(client, false, &error_abort);
    g_assert_true(qmp_client_execute(client, "query-status", NULL, &ret,
                                     &error_abort));
    status = json_of(ret);
    g_assert_cmpstr(status, ==, "{\"status\": \"running\", \"singlestep\": "
                    "false, \"running\": true}");
    qdict_put_str(args, "path", "/machine");
    g_assert_true(qmp_client_execute(client, "qom-list", args, &ret,
                                     &error_abort));
    list = json_of(ret);
    g_assert_cmpstr(list, ==, "[{\"name\": \"type\", \"type\": \"string\"}]");
    /* The result may be ignored. */
    g_assert_true(qmp_client_execute(client, "stop", NULL, NULL,
                                     &error_abort));
    qmp_client_free(client);
    fake_server_finish(srv);
}

static void test_error_response(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'nosuch', 'id': 2}"),
        FAKE_SEND("{'id': 2, 'error': {'class': 'CommandNotFound', "
                  "'desc': 'The command nosuch has not been found'}}"),
        FAKE_EXPECT("{'execute': 'query-status', 'arguments': {'x': 1}, "
                    "'id': 3}"),
        FAKE_SEND("{'error': {'class': 'GenericError', "
                  "'desc': \"Parameter 'x' is unexpected\"}, 'id': 3}"),
        FAKE_EXPECT("{'execute': 'frob', 'id': 4}"),
        FAKE_SEND("{'error': {'class': 'FrobError', 'desc': 'frobbed'}, "
                  "'id': 4}"),
        FAKE_EXPECT("{'execute': 'stop', 'id': 5}"),
        FAKE_SEND("{'return': {}, 'id': 5}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_to(srv);
    QObject *ret = NULL;
    Error *err = NULL;

    qmp_client_negotiate(client, false, &error_abort);
    g_assert_false(qmp_client_execute(client, "nosuch", NULL, &ret, &err));
    g_assert_null(ret);
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_COMMAND_NOT_FOUND);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "The command nosuch has not been found");
    error_free_or_abort(&err);

    g_assert_false(qmp_client_execute(client, "query-status",
                                      qdict_from_jsonf_nofail("{'x': 1}"),
                                      &ret, &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    g_assert_cmpstr(error_get_pretty(err), ==, "Parameter 'x' is unexpected");
    error_free_or_abort(&err);

    /* A class this client does not know is a GenericError. */
    g_assert_false(qmp_client_execute(client, "frob", NULL, &ret, &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    g_assert_cmpstr(error_get_pretty(err), ==, "frobbed");
    error_free_or_abort(&err);

    /* Error responses leave the connection working. */
    g_assert_true(qmp_client_execute(client, "stop", NULL, NULL,
                                     &error_abort));
    qmp_client_free(client);
    fake_server_finish(srv);
}

/*
 * Events before the response, responses to ids this client never sent (or
 * that are no numbers) are dropped; the one with the request's id counts.
 */
static void test_ids(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-name', 'id': 2}"),
        FAKE_SEND("{'event': 'STOP', 'timestamp': {'seconds': 1, "
                  "'microseconds': 2}}"),
        FAKE_SEND("{'return': {'name': 'wrong'}, 'id': 99}"),
        FAKE_SEND("{'return': {'name': 'wrong'}, 'id': '2'}"),
        FAKE_SEND("{'event': 'RESUME', 'timestamp': {'seconds': 3, "
                  "'microseconds': 4}}"),
        FAKE_SEND("{'return': {'name': 'vm1'}, 'id': 2}"),
        /* Without an id, a response is for the oldest pending request. */
        FAKE_EXPECT("{'execute': 'query-name', 'id': 3}"),
        FAKE_SEND("{'error': {'class': 'GenericError', "
                  "'desc': 'JSON parse error, expecting value'}}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_to(srv);
    g_autoptr(QList) events = NULL;
    g_autofree char *name = NULL;
    g_autofree char *text = NULL;
    QObject *ret = NULL;
    Error *err = NULL;

    qmp_client_negotiate(client, false, &error_abort);
    g_assert_true(qmp_client_execute(client, "query-name", NULL, &ret,
                                     &error_abort));
    name = json_of(ret);
    g_assert_cmpstr(name, ==, "{\"name\": \"vm1\"}");
    events = qmp_client_drain_events(client, &error_abort);
    text = json_of(qobject_ref(QOBJECT(events)));
    g_assert_cmpstr(text, ==, "[{\"event\": \"STOP\", \"timestamp\": "
                    "{\"seconds\": 1, \"microseconds\": 2}}, {\"event\": "
                    "\"RESUME\", \"timestamp\": {\"seconds\": 3, "
                    "\"microseconds\": 4}}]");

    g_assert_false(qmp_client_execute(client, "query-name", NULL, &ret, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "JSON parse error, expecting value");
    error_free(err);
    qmp_client_free(client);
    fake_server_finish(srv);
}

static void test_hmp(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'human-monitor-command', "
                    "'arguments': {'command-line': 'info status'}, 'id': 2}"),
        FAKE_SEND("{'return': 'VM status: running\\r\\n', 'id': 2}"),
        FAKE_EXPECT("{'execute': 'human-monitor-command', "
                    "'arguments': {'command-line': 'info version'}, 'id': 3}"),
        FAKE_SEND("{'return': {}, 'id': 3}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_to(srv);
    g_autofree char *text = NULL;
    Error *err = NULL;

    qmp_client_negotiate(client, false, &error_abort);
    text = qmp_client_hmp(client, "info status", &error_abort);
    g_assert_cmpstr(text, ==, "VM status: running\r\n");
    g_assert_null(qmp_client_hmp(client, "info version", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "invalid reply from QMP "
                    "server: human-monitor-command returned no string");
    error_free(err);
    qmp_client_free(client);
    fake_server_finish(srv);
}

/* Negotiate with @srv over @address, close, and let @srv finish. */
static void check_connect(FakeServer *srv, const char *address)
{
    QmpClient *client = qmp_client_connect(address, NULL, &error_abort);

    g_assert_true(qmp_client_negotiate(client, false, &error_abort));
    qmp_client_free(client);
    fake_server_finish(srv);
}

static void test_transports(void)
{
    static const FakeStep script[] = { FAKE_NEGOTIATION, FAKE_END };
    static const char *const tcp_hosts[] = {
        "127.0.0.1", "[127.0.0.1]", "localhost",
    };
    FakeServer *srv;
    QmpClient *client;
    g_autofree char *unix_address = NULL;
    const char *port;
    guint i;
    int fd;

    /* "localhost" may resolve to ::1 first: the next address is tried. */
    for (i = 0; i < G_N_ELEMENTS(tcp_hosts); i++) {
        g_autofree char *address = NULL;

        srv = fake_server_new_tcp(script);
        port = fake_server_address(srv) + strlen("tcp:127.0.0.1:");
        address = g_strdup_printf("tcp:%s:%s", tcp_hosts[i], port);
        check_connect(srv, address);
    }

    srv = fake_server_new(script);
    unix_address = g_strconcat("unix:", fake_server_address(srv), NULL);
    check_connect(srv, unix_address);

    srv = fake_server_new_pair(script, &fd);
    client = qmp_client_new_fd(fd, NULL, &error_abort);
    g_assert_cmpint(qmp_client_get_fd(client), ==, fd);
    g_assert_true(qmp_client_negotiate(client, false, &error_abort));
    qmp_client_free(client);
    fake_server_finish(srv);
}

/* Connect to @address, expecting the error @msg. */
static void check_connect_error(const char *address, const char *msg)
{
    Error *err = NULL;

    g_assert_null(qmp_client_connect(address, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

/* A TCP port of 127.0.0.1 on which nobody listens. */
static int closed_port(void)
{
    struct sockaddr_in addr = {
        .sin_family = AF_INET,
        .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
    };
    socklen_t len = sizeof(addr);
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    g_assert_cmpint(bind(fd, (struct sockaddr *)&addr, sizeof(addr)), ==, 0);
    g_assert_cmpint(getsockname(fd, (struct sockaddr *)&addr, &len), ==, 0);
    close(fd);
    return ntohs(addr.sin_port);
}

static void test_connect_errors(void)
{
    g_autofree char *refused = g_strdup_printf("tcp:127.0.0.1:%d",
                                               closed_port());
    g_autofree char *refused_msg = g_strdup_printf(
        "cannot connect to '%s': Connection refused", refused + 4);
    g_autofree char *long_path = g_strnfill(108, 'x');
    g_autofree char *long_msg = g_strdup_printf(
        "unix socket path '%s' is too long", long_path);
    Error *err = NULL;

    check_connect_error("/nonexistent/qmp.sock", "cannot connect to unix "
                        "socket '/nonexistent/qmp.sock': No such file or "
                        "directory");
    check_connect_error("unix:/nonexistent/q", "cannot connect to unix "
                        "socket '/nonexistent/q': No such file or directory");
    check_connect_error(long_path, long_msg);
    check_connect_error(refused, refused_msg);
    check_connect_error("tcp:localhost", "invalid QMP address "
                        "'tcp:localhost', expected tcp:HOST:PORT");
    check_connect_error("tcp::4444", "invalid QMP address 'tcp::4444', "
                        "expected tcp:HOST:PORT");
    check_connect_error("tcp:[::1:4444", "invalid QMP address "
                        "'tcp:[::1:4444', expected tcp:HOST:PORT");
    check_connect_error("tcp:localhost:", "invalid QMP address "
                        "'tcp:localhost:', expected tcp:HOST:PORT");
    g_assert_null(qmp_client_new_fd(-1, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot use file descriptor -1: Bad file descriptor");
    error_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/client/session/greeting", test_greeting);
    g_test_add_func("/client/session/negotiate-oob", test_negotiate_oob);
    g_test_add_func("/client/session/negotiate-refused",
                    test_negotiate_refused);
    g_test_add_func("/client/session/execute", test_execute);
    g_test_add_func("/client/session/error-response", test_error_response);
    g_test_add_func("/client/session/ids", test_ids);
    g_test_add_func("/client/session/hmp", test_hmp);
    g_test_add_func("/client/session/transports", test_transports);
    g_test_add_func("/client/session/connect-errors", test_connect_errors);
    return g_test_run();
}
