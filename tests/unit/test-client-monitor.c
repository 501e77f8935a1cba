/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-monitor.c: libqmp against kvmini's own QMP server: the
 * monitor engine (monitor/) runs on the main loop in a thread of the test,
 * behind one end of a socketpair, and libqmp talks to it from the other,
 * as it will through kvmini's -qmp socket.
 */
#include "osdep.h"

#include <glib-unix.h>
#include <sys/socket.h>

#include "client/qmp-client.h"
#include "monitor/monitor.h"
#include "qapi-client.h"
#include "qobject/qjson.h"
#include "util/error.h"
#include "util/main-loop.h"

/* The server side: a QMP monitor on a socket, run by the main loop. */
typedef struct Server {
    int fd;
    Monitor *mon;
    guint watch;                /* the input watch while input is accepted */
    GThread *thread;
    int quit;                   /* atomic */
} Server;

/* MonitorTransport.write: as much as the socket takes now. */
static size_t server_write(void *opaque, const char *buf, size_t len)
{
    Server *s = opaque;
    ssize_t n = send(s->fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);

    return MAX(n, 0);
}

static gboolean server_readable(int fd, GIOCondition cond, gpointer opaque)
{
    Server *s = opaque;
    char buf[MONITOR_INPUT_CHUNK];
    ssize_t n = read(fd, buf, MIN(sizeof(buf),
                                  monitor_can_receive(s->mon)));

    if (n <= 0) {
        s->watch = 0;
        monitor_closed(s->mon);
        return G_SOURCE_REMOVE;
    }
    monitor_receive(s->mon, buf, n);
    return G_SOURCE_CONTINUE;
}

/* MonitorTransport.set_accept_input: watch the socket, or stop. */
static void server_accept_input(void *opaque, bool on)
{
    Server *s = opaque;

    if (on && !s->watch) {
        s->watch = g_unix_fd_add(s->fd, G_IO_IN | G_IO_HUP, server_readable,
                                 s);
    } else if (!on && s->watch) {
        g_source_remove(s->watch);
        s->watch = 0;
    }
}

static const MonitorTransport server_transport = {
    .write = server_write,
    .set_accept_input = server_accept_input,
};

static gpointer server_thread(gpointer opaque)
{
    Server *s = opaque;

    main_loop_init();
    s->mon = monitor_new_qmp(&server_transport, s, false);
    monitor_opened(s->mon);
    while (!g_atomic_int_get(&s->quit)) {
        main_loop_wait(true);
    }
    if (s->watch) {
        g_source_remove(s->watch);
    }
    monitor_free(s->mon);
    bql_unlock();
    return NULL;
}

/* Start the server; returns the client's end of the socketpair. */
static int server_start(Server *s)
{
    int fds[2];

    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds),
                    ==, 0);
    s->fd = fds[1];
    s->thread = g_thread_new("main-loop", server_thread, s);
    return fds[0];
}

static void server_stop(Server *s)
{
    g_atomic_int_set(&s->quit, true);
    main_loop_wakeup();
    g_thread_join(s->thread);
    close(s->fd);
}

static void test_kvmini_monitor(void)
{
    Server srv = { 0 };
    QmpClient *client = qmp_client_new_fd(server_start(&srv), NULL,
                                          &error_abort);
    g_autoptr(GString) version = NULL;
    g_autoptr(StatusInfo) status = NULL;
    g_autoptr(QDict) event = NULL;
    g_autofree char *hmp = NULL;
    QObject *ret = NULL;
    Error *err = NULL;

    version = qobject_to_json(QOBJECT(qmp_client_get_version(client)));
    g_assert_cmpstr(version->str, ==, "{\"qemu\": {\"micro\": 0, \"minor\": "
                    "2, \"major\": 7}, \"package\": \"kvmini "
                    KVMINI_VERSION "\"}");
    g_assert_true(qmp_client_has_capability(client, "oob"));

    g_assert_false(qmp_client_query_status(client, &status, &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_COMMAND_NOT_FOUND);
    g_assert_cmpstr(error_get_pretty(err), ==, "Expecting capabilities "
                    "negotiation with 'qmp_capabilities'");
    error_free_or_abort(&err);
    g_assert_true(qmp_client_negotiate(client, true, &error_abort));

    g_assert_true(qmp_client_query_status(client, &status, &error_abort));
    g_assert_cmpint(status->status, ==, RUN_STATE_PRELAUNCH);
    g_assert_true(qmp_client_cont(client, &error_abort));
    event = qmp_client_wait_event(client, "RESUME", 5000, &error_abort);
    g_assert_nonnull(qdict_get_qdict(event, "timestamp"));
    g_assert_true(qmp_client_stop(client, &error_abort));
    qobject_unref(event);
    event = qmp_client_wait_event(client, "STOP", 5000, &error_abort);
    hmp = qmp_client_hmp(client, "info status", &error_abort);
    g_assert_cmpstr(hmp, ==, "VM status: paused\r\n");

    g_assert_false(qmp_client_execute(client, "nosuch", NULL, &ret, &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_COMMAND_NOT_FOUND);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "The command nosuch has not been found");
    error_free_or_abort(&err);
    g_assert_false(qmp_client_execute_oob(client, "query-status", NULL, &ret,
                                          &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "The command query-status does not support OOB");
    error_free(err);
    qmp_client_free(client);
    server_stop(&srv);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/client/monitor/session", test_kvmini_monitor);
    return g_test_run();
}
