/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-typed.c: the typed wrappers the QAPI generator emits for the
 * project schema (qapi-client.h), round trips through libqmp: C arguments
 * to the exact request, the response back to C types, and what happens
 * when the response does not have the schema's shape.
 */
#include "osdep.h"

#include "client/qmp-client.h"
#include "qapi-client.h"
#include "util/error.h"
#include "test-client-server.h"

/* The generated wrapper sends "arguments" even when they are empty. */
#define TYPED_NEGOTIATION \
    FAKE_SEND(FAKE_GREETING), \
    FAKE_EXPECT("{'execute': 'qmp_capabilities', 'arguments': {}, " \
                "'id': 1}"), \
    FAKE_SEND("{'return': {}, 'id': 1}")

static QmpClient *connect_to(FakeServer *srv)
{
    return qmp_client_connect(fake_server_address(srv), NULL, &error_abort);
}

static void test_capabilities(void)
{
    static const FakeStep script[] = {
        FAKE_SEND(FAKE_GREETING),
        FAKE_EXPECT("{'execute': 'qmp_capabilities', "
                    "'arguments': {'enable': ['oob']}, 'id': 1}"),
        FAKE_SEND("{'return': {}, 'id': 1}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_to(srv);
    QMPCapabilityList enable = { .value = QMP_CAPABILITY_OOB };

    g_assert_true(qmp_client_qmp_capabilities(client, &enable, &error_abort));
    /* Negotiated through the wrapper, oob counts as negotiated. */
    g_assert_true(qmp_client_oob_enabled(client));
    qmp_client_free(client);
    fake_server_finish(srv);
}

static void test_query_status(void)
{
    static const FakeStep script[] = {
        TYPED_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-status', 'id': 2}"),
        FAKE_SEND("{'return': {'status': 'paused', 'singlestep': false, "
                  "'running': false}, 'id': 2}"),
        FAKE_EXPECT("{'execute': 'query-version', 'id': 3}"),
        FAKE_SEND("{'return': {'qemu': {'micro': 22, 'minor': 2, "
                  "'major': 7}, 'package': 'Debian 1:7.2+dfsg-7'}, 'id': 3}"),
        FAKE_EXPECT("{'execute': 'query-commands', 'id': 4}"),
        FAKE_SEND("{'return': [{'name': 'stop'}, {'name': 'cont'}], "
                  "'id': 4}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_to(srv);
    g_autoptr(StatusInfo) status = NULL;
    g_autoptr(VersionInfo) version = NULL;
    g_autoptr(CommandInfoList) commands = NULL;

    g_assert_true(qmp_client_qmp_capabilities(client, NULL, &error_abort));
    g_assert_true(qmp_client_query_status(client, &status, &error_abort));
    g_assert_cmpint(status->status, ==, RUN_STATE_PAUSED);
    g_assert_false(status->running);
    g_assert_false(status->singlestep);

    g_assert_true(qmp_client_query_version(client, &version, &error_abort));
    g_assert_cmpint(version->qemu->major, ==, 7);
    g_assert_cmpint(version->qemu->minor, ==, 2);
    g_assert_cmpint(version->qemu->micro, ==, 22);
    g_assert_cmpstr(version->package, ==, "Debian 1:7.2+dfsg-7");

    g_assert_true(qmp_client_query_commands(client, &commands, &error_abort));
    g_assert_cmpstr(commands->value->name, ==, "stop");
    g_assert_cmpstr(commands->next->value->name, ==, "cont");
    g_assert_null(commands->next->next);
    qmp_client_free(client);
    fake_server_finish(srv);
}

/* Error responses and returns of the wrong shape fail the wrapper. */
static void test_errors(void)
{
    static const FakeStep script[] = {
        TYPED_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-name', 'id': 2}"),
        FAKE_SEND("{'error': {'class': 'CommandNotFound', 'desc': "
                  "'The command query-name has not been found'}, 'id': 2}"),
        FAKE_EXPECT("{'execute': 'query-status', 'id': 3}"),
        FAKE_SEND("{'return': {'status': 'frozen', 'singlestep': false, "
                  "'running': false}, 'id': 3}"),
        FAKE_EXPECT("{'execute': 'query-status', 'id': 4}"),
        FAKE_SEND("{'return': {'running': true}, 'id': 4}"),
        FAKE_EXPECT("{'execute': 'query-name', 'id': 5}"),
        FAKE_SEND("{'return': {'name': 'vm1'}, 'id': 5}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_to(srv);
    g_autoptr(NameInfo) name = NULL;
    StatusInfo *status = NULL;
    Error *err = NULL;

    g_assert_true(qmp_client_qmp_capabilities(client, NULL, &error_abort));
    g_assert_false(qmp_client_query_name(client, &name, &err));
    g_assert_null(name);
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_COMMAND_NOT_FOUND);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "The command query-name has not been found");
    error_free_or_abort(&err);

    g_assert_false(qmp_client_query_status(client, &status, &err));
    g_assert_null(status);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'status' does not accept value 'frozen'");
    error_free_or_abort(&err);
    g_assert_false(qmp_client_query_status(client, &status, &err));
    g_assert_null(status);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'singlestep' is missing");
    error_free(err);

    g_assert_true(qmp_client_query_name(client, &name, &error_abort));
    g_assert_cmpstr(name->name, ==, "vm1");
    qmp_client_free(client);
    fake_server_finish(srv);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/client/typed/capabilities", test_capabilities);
    g_test_add_func("/client/typed/query-status", test_query_status);
    g_test_add_func("/client/typed/errors", test_errors);
    return g_test_run();
}
