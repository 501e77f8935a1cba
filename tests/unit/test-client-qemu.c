/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-qemu.c: libqmp against the real thing, Debian's
 * qemu-system-x86_64 -M none: the wire facts libqmp relies on (greeting,
 * ids, error classes, events, exec-oob, human-monitor-command, the end of
 * the connection after quit). Skipped when QEMU is not installed.
 */
#include "osdep.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "client/qmp-client.h"
#include "qapi-client.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "util/error.h"

typedef struct Qemu {
    GSubprocess *proc;
    char *dir;
    char *sock;
    QmpClient *client;
} Qemu;

/* Start QEMU with a QMP socket and connect; false (test skipped) if none. */
static bool qemu_start(Qemu *q)
{
    g_autofree char *qemu = g_find_program_in_path("qemu-system-x86_64");
    g_autofree char *qmp = NULL;
    gint64 deadline = g_get_monotonic_time() + 10 * G_TIME_SPAN_SECOND;
    Error *err = NULL;

    if (!qemu) {
        g_test_skip("qemu-system-x86_64 is not installed");
        return false;
    }
    q->dir = g_dir_make_tmp("test-client-qemu-XXXXXX", NULL);
    g_assert_nonnull(q->dir);
    q->sock = g_build_filename(q->dir, "qmp.sock", NULL);
    qmp = g_strdup_printf("unix:%s,server=on,wait=off", q->sock);
    q->proc = g_subprocess_new(G_SUBPROCESS_FLAGS_STDIN_PIPE, NULL, qemu,
                               "-M", "none", "-display", "none", "-nodefaults",
                               "-qmp", qmp, NULL);
    g_assert_nonnull(q->proc);
    while (!(q->client = qmp_client_connect(q->sock, NULL, &err))) {
        g_assert_cmpint(g_get_monotonic_time(), <, deadline);
        error_free(err);
        err = NULL;
        g_usleep(10000);
    }
    return true;
}

static void qemu_stop(Qemu *q)
{
    qmp_client_free(q->client);
    g_subprocess_force_exit(q->proc);
    g_assert_true(g_subprocess_wait(q->proc, NULL, NULL));
    g_object_unref(q->proc);
    g_unlink(q->sock);
    g_assert_cmpint(g_rmdir(q->dir), ==, 0);
    g_free(q->sock);
    g_free(q->dir);
}

static void test_session(void)
{
    Qemu q = { 0 };
    g_autoptr(StatusInfo) status = NULL;
    g_autoptr(GString) caps = NULL;
    g_autofree char *hmp = NULL;
    QObject *ret = NULL;
    Error *err = NULL;

    if (!qemu_start(&q)) {
        return;
    }
    g_assert_cmpint(qdict_get_int(qdict_get_qdict(
        qmp_client_get_version(q.client), "qemu"), "major"), ==, 7);
    caps = qobject_to_json(QOBJECT(qmp_client_get_capabilities(q.client)));
    g_assert_cmpstr(caps->str, ==, "[\"oob\"]");

    /* Before negotiation, QEMU refuses everything else. */
    g_assert_false(qmp_client_execute(q.client, "query-status", NULL, &ret,
                                      &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_COMMAND_NOT_FOUND);
    g_assert_cmpstr(error_get_pretty(err), ==, "Expecting capabilities "
                    "negotiation with 'qmp_capabilities'");
    error_free_or_abort(&err);
    g_assert_true(qmp_client_negotiate(q.client, true, &error_abort));

    g_assert_true(qmp_client_query_status(q.client, &status, &error_abort));
    g_assert_cmpint(status->status, ==, RUN_STATE_RUNNING);
    g_assert_false(qmp_client_execute(q.client, "nosuch", NULL, &ret, &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_COMMAND_NOT_FOUND);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "The command nosuch has not been found");
    error_free_or_abort(&err);
    g_assert_false(qmp_client_execute_oob(q.client, "query-status", NULL,
                                          &ret, &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "The command query-status does not support OOB");
    error_free(err);
    hmp = qmp_client_hmp(q.client, "info status", &error_abort);
    g_assert_cmpstr(hmp, ==, "VM status: running\r\n");
    qemu_stop(&q);
}

static void test_events(void)
{
    Qemu q = { 0 };
    g_autoptr(QDict) stop = NULL;
    g_autoptr(QDict) shutdown = NULL;
    g_autoptr(GString) data = NULL;
    Error *err = NULL;

    if (!qemu_start(&q)) {
        return;
    }
    g_assert_true(qmp_client_negotiate(q.client, false, &error_abort));
    g_assert_true(qmp_client_execute(q.client, "stop", NULL, NULL,
                                     &error_abort));
    stop = qmp_client_wait_event(q.client, "STOP", 5000, &error_abort);
    g_assert_nonnull(qdict_get_qdict(stop, "timestamp"));

    /* quit answers, sends SHUTDOWN, and closes the connection. */
    g_assert_true(qmp_client_execute(q.client, "quit", NULL, NULL,
                                     &error_abort));
    shutdown = qmp_client_wait_event(q.client, "SHUTDOWN", 5000,
                                     &error_abort);
    data = qobject_to_json(qdict_get(shutdown, "data"));
    g_assert_cmpstr(data->str, ==,
                    "{\"guest\": false, \"reason\": \"host-qmp-quit\"}");
    g_assert_null(qmp_client_wait_event(q.client, NULL, 5000, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "QMP server closed the connection");
    error_free(err);
    qemu_stop(&q);
}

/* Run kvmini-qmp on @q with @args: it must succeed and print @want. */
static void check_tool(Qemu *q, const char *const *args, const char *want)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_autoptr(GSubprocess) proc = NULL;
    g_autofree char *out = NULL;

    g_ptr_array_add(argv, (char *)KVMINI_QMP_PATH);
    g_ptr_array_add(argv, q->sock);
    for (; *args; args++) {
        g_ptr_array_add(argv, (char *)*args);
    }
    g_ptr_array_add(argv, NULL);
    proc = g_subprocess_newv((const char *const *)argv->pdata,
                             G_SUBPROCESS_FLAGS_STDOUT_PIPE, NULL);
    g_assert_nonnull(proc);
    g_assert_true(g_subprocess_communicate_utf8(proc, NULL, NULL, &out, NULL,
                                                NULL));
    g_assert_true(g_subprocess_get_successful(proc));
    g_assert_cmpstr(out, ==, want);
}

/* kvmini-qmp types KEY=VALUE words with QEMU's own schema. */
static void test_tool(void)
{
    static const char *const get[] = {
        "qom-get", "path=/machine", "property=graphics", NULL,
    };
    static const char *const set[] = {
        "qom-set", "path=/machine", "property=graphics", "value=false", NULL,
    };
    static const char *const caps[] = {
        "migrate-set-capabilities", "capabilities.0.capability=events",
        "capabilities.0.state=on", NULL,
    };
    Qemu q = { 0 };

    if (!qemu_start(&q)) {
        return;
    }
    /* The tool negotiates on a connection of its own. */
    qmp_client_free(g_steal_pointer(&q.client));
    check_tool(&q, get, "true\n");
    check_tool(&q, set, "{}\n");
    check_tool(&q, get, "false\n");
    check_tool(&q, caps, "{}\n");
    qemu_stop(&q);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/client/qemu/session", test_session);
    g_test_add_func("/client/qemu/events", test_events);
    g_test_add_func("/client/qemu/tool", test_tool);
    return g_test_run();
}
