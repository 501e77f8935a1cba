/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-events.c: libqmp's events: the callback (also while a call
 * waits for its response), waiting for a named event with a timeout,
 * draining the queue, its bound, and what a callback may not do.
 */
#include "osdep.h"

#include <poll.h>

#include "client/qmp-client.h"
#include "qobject/qjson.h"
#include "util/error.h"
#include "test-client-server.h"

#define EVENT_STOP \
    "{'event': 'STOP', 'timestamp': {'seconds': 1, 'microseconds': 2}}"
#define EVENT_RESUME \
    "{'event': 'RESUME', 'timestamp': {'seconds': 3, 'microseconds': 4}}"

static QmpClient *connect_negotiated(FakeServer *srv)
{
    QmpClient *client = qmp_client_connect(fake_server_address(srv), NULL,
                                           &error_abort);

    g_assert_true(qmp_client_negotiate(client, false, &error_abort));
    return client;
}

/* QmpClientEventFunc: append "NAME " to the GString @opaque. */
static void log_event(void *opaque, QDict *event)
{
    g_string_append_printf(opaque, "%s ", qdict_get_str(event, "event"));
}

static void test_callback(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'stop', 'id': 2}"),
        FAKE_SEND(EVENT_STOP),
        FAKE_SEND(EVENT_RESUME),
        FAKE_SEND("{'return': {}, 'id': 2}"),
        FAKE_EXPECT("{'execute': 'cont', 'id': 3}"),
        FAKE_SEND(EVENT_RESUME),
        FAKE_SEND("{'return': {}, 'id': 3}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_negotiated(srv);
    g_autoptr(GString) log = g_string_new(NULL);
    g_autoptr(QList) events = NULL;

    qmp_client_set_event_handler(client, log_event, log);
    /* Events that come while waiting for the response are passed on. */
    g_assert_true(qmp_client_execute(client, "stop", NULL, NULL,
                                     &error_abort));
    g_assert_cmpstr(log->str, ==, "STOP RESUME ");
    qmp_client_set_event_handler(client, NULL, NULL);
    g_assert_true(qmp_client_execute(client, "cont", NULL, NULL,
                                     &error_abort));
    g_assert_cmpstr(log->str, ==, "STOP RESUME ");
    /* The queue has them all, with or without a callback. */
    events = qmp_client_drain_events(client, &error_abort);
    g_assert_cmpuint(qlist_size(events), ==, 3);
    qmp_client_free(client);
    fake_server_finish(srv);
}

static void test_wait(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_SEND(EVENT_RESUME),
        FAKE_SEND(EVENT_STOP),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_negotiated(srv);
    g_autoptr(QDict) stop = NULL;
    g_autoptr(QDict) resume = NULL;
    g_autoptr(GString) text = NULL;
    gint64 start;
    Error *err = NULL;

    stop = qmp_client_wait_event(client, "STOP", 5000, &error_abort);
    text = qobject_to_json(QOBJECT(stop));
    g_assert_cmpstr(text->str, ==, "{\"event\": \"STOP\", \"timestamp\": "
                    "{\"seconds\": 1, \"microseconds\": 2}}");
    /* RESUME came first and is still queued. */
    resume = qmp_client_wait_event(client, NULL, 0, &error_abort);
    g_assert_cmpstr(qdict_get_str(resume, "event"), ==, "RESUME");

    start = g_get_monotonic_time();
    g_assert_null(qmp_client_wait_event(client, "SHUTDOWN", 100, &err));
    g_assert_cmpint(g_get_monotonic_time() - start, >=, 100000);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "no SHUTDOWN event from QMP server within 100 ms");
    error_free_or_abort(&err);
    g_assert_null(qmp_client_wait_event(client, NULL, 0, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "no event from QMP server within 0 ms");
    error_free(err);
    qmp_client_free(client);
    fake_server_finish(srv);
}

/* Drain after poll() says the socket is readable, as a main loop would. */
static void test_drain(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_PAUSE,
        /* Both events in one write: one read takes them in. */
        FAKE_SEND_RAW("{\"event\": \"STOP\", \"timestamp\": {\"seconds\": "
                      "1, \"microseconds\": 2}}\r\n{\"event\": \"RESUME\", "
                      "\"timestamp\": {\"seconds\": 3, \"microseconds\": "
                      "4}}\r\n"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_negotiated(srv);
    struct pollfd pfd = { .fd = qmp_client_get_fd(client), .events = POLLIN };
    g_autoptr(QList) events = NULL;
    g_autoptr(GString) text = NULL;

    events = qmp_client_drain_events(client, &error_abort);
    g_assert_true(qlist_empty(events));
    qobject_unref(events);
    fake_server_resume(srv);
    g_assert_cmpint(poll(&pfd, 1, 5000), ==, 1);
    events = qmp_client_drain_events(client, &error_abort);
    text = qobject_to_json(QOBJECT(events));
    g_assert_cmpstr(text->str, ==, "[{\"event\": \"STOP\", \"timestamp\": "
                    "{\"seconds\": 1, \"microseconds\": 2}}, {\"event\": "
                    "\"RESUME\", \"timestamp\": {\"seconds\": 3, "
                    "\"microseconds\": 4}}]");
    qobject_unref(events);
    events = qmp_client_drain_events(client, &error_abort);
    g_assert_true(qlist_empty(events));
    qmp_client_free(client);
    fake_server_finish(srv);
}

/* @n events E0, E1, ... in one string. */
static char *event_flood(int n)
{
    GString *flood = g_string_new(NULL);
    int i;

    for (i = 0; i < n; i++) {
        g_string_append_printf(flood, "{\"event\": \"E%d\", \"timestamp\": "
                               "{\"seconds\": %d, \"microseconds\": 0}}\r\n",
                               i, i);
    }
    return g_string_free(flood, false);
}

/* Beyond QMP_CLIENT_MAX_EVENTS, the oldest events are dropped. */
static void test_bound(void)
{
    g_autofree char *flood = event_flood(QMP_CLIENT_MAX_EVENTS + 10);
    const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'query-status', 'id': 2}"),
        FAKE_SEND_RAW(flood),
        FAKE_SEND("{'return': {}, 'id': 2}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    QmpClient *client = connect_negotiated(srv);
    g_autoptr(QList) events = NULL;
    QDict *first;

    g_assert_true(qmp_client_execute(client, "query-status", NULL, NULL,
                                     &error_abort));
    events = qmp_client_drain_events(client, &error_abort);
    g_assert_cmpuint(qlist_size(events), ==, QMP_CLIENT_MAX_EVENTS);
    first = qobject_to(QDict, qlist_peek(events));
    g_assert_cmpstr(qdict_get_str(first, "event"), ==, "E10");
    qmp_client_free(client);
    fake_server_finish(srv);
}

typedef struct Reentry {
    QmpClient *client;
    GString *log;
} Reentry;

/* QmpClientEventFunc: try calls that would wait, and log their errors. */
static void reenter(void *opaque, QDict *event)
{
    Reentry *r = opaque;
    g_autoptr(QDict) queued = NULL;
    Error *err = NULL;

    g_assert_false(qmp_client_execute(r->client, "cont", NULL, NULL, &err));
    g_string_append_printf(r->log, "%s\n", error_get_pretty(err));
    error_free_or_abort(&err);
    g_assert_null(qmp_client_wait_event(r->client, "RESUME", 0, &err));
    g_string_append_printf(r->log, "%s\n", error_get_pretty(err));
    error_free(err);
    /* What is queued (this very event) may be taken without waiting. */
    queued = qmp_client_wait_event(r->client, NULL, 0, &error_abort);
    g_assert_true(queued == event);
}

static void test_callback_reentry(void)
{
    static const FakeStep script[] = {
        FAKE_NEGOTIATION,
        FAKE_EXPECT("{'execute': 'stop', 'id': 2}"),
        FAKE_SEND(EVENT_STOP),
        FAKE_SEND("{'return': {}, 'id': 2}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    Reentry r = {
        .client = connect_negotiated(srv),
        .log = g_string_new(NULL),
    };

    qmp_client_set_event_handler(r.client, reenter, &r);
    g_assert_true(qmp_client_execute(r.client, "stop", NULL, NULL,
                                     &error_abort));
    g_assert_cmpstr(r.log->str, ==,
                    "cannot wait for the QMP server in its event callback\n"
                    "cannot wait for the QMP server in its event callback\n");
    g_string_free(r.log, true);
    qmp_client_free(r.client);
    fake_server_finish(srv);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/client/events/callback", test_callback);
    g_test_add_func("/client/events/wait", test_wait);
    g_test_add_func("/client/events/drain", test_drain);
    g_test_add_func("/client/events/bound", test_bound);
    g_test_add_func("/client/events/callback-reentry", test_callback_reentry);
    return g_test_run();
}
