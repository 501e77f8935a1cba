/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-threads.c: one QmpClient shared by several threads: their
 * requests are pipelined, answered out of order and still matched by id,
 * with events in between; an exec-oob command overtakes an in-band one.
 */
#include "osdep.h"

#include "client/qmp-client.h"
#include "qobject/qjson.h"
#include "util/error.h"
#include "test-client-server.h"

#define THREADS     4
#define ROUNDS      25

typedef struct Worker {
    QmpClient *client;
    int thread;
} Worker;

/* Execute "echo" ROUNDS times; the server returns the arguments. */
static gpointer echo_worker(gpointer opaque)
{
    Worker *w = opaque;
    g_autoptr(QObject) ret = NULL;
    g_autoptr(GString) got = NULL;
    g_autofree char *want = NULL;
    QDict *args;
    int i;

    for (i = 0; i < ROUNDS; i++) {
        args = qdict_new();
        qdict_put_int(args, "thread", w->thread);
        qdict_put_int(args, "round", i);
        g_assert_true(qmp_client_execute(w->client, "echo", args, &ret,
                                         &error_abort));
        got = qobject_to_json(ret);
        want = g_strdup_printf("{\"thread\": %d, \"round\": %d}", w->thread,
                               i);
        g_assert_cmpstr(got->str, ==, want);
        g_clear_pointer(&ret, qobject_unref_impl);
        g_string_free(g_steal_pointer(&got), true);
        g_clear_pointer(&want, g_free);
    }
    return NULL;
}

/* QmpClientEventFunc: count the events in the int @opaque. */
static void count_event(void *opaque, QDict *event)
{
    g_atomic_int_inc((int *)opaque);
}

/*
 * THREADS threads each execute ROUNDS commands. The server waits until it
 * has one request of each, answers them last first, then sends an event.
 */
static void test_pipelined(void)
{
    FakeStep script[3 + 2 * ROUNDS + 1] = { FAKE_NEGOTIATION };
    FakeServer *srv;
    Worker workers[THREADS];
    GThread *threads[THREADS];
    QmpClient *client;
    QDict *event;
    int i, events = 0;

    for (i = 0; i < ROUNDS; i++) {
        script[3 + 2 * i] = (FakeStep)FAKE_ECHO(THREADS);
        script[4 + 2 * i] = (FakeStep)FAKE_SEND(
            "{'event': 'TICK', 'timestamp': "
            "{'seconds': 0, 'microseconds': 0}}");
    }
    script[3 + 2 * ROUNDS] = (FakeStep)FAKE_END;
    srv = fake_server_new(script);
    client = qmp_client_connect(fake_server_address(srv), NULL, &error_abort);
    g_assert_true(qmp_client_negotiate(client, false, &error_abort));
    qmp_client_set_event_handler(client, count_event, &events);

    for (i = 0; i < THREADS; i++) {
        workers[i] = (Worker){ .client = client, .thread = i };
        threads[i] = g_thread_new("echo", echo_worker, &workers[i]);
    }
    for (i = 0; i < THREADS; i++) {
        g_thread_join(threads[i]);
    }
    /* The last event may still be on its way. */
    for (i = 0; i < ROUNDS; i++) {
        event = qmp_client_wait_event(client, "TICK", 5000, &error_abort);
        qobject_unref(event);
    }
    g_assert_cmpint(g_atomic_int_get(&events), ==, ROUNDS);
    qmp_client_free(client);
    fake_server_finish(srv);
}

typedef struct InBand {
    QmpClient *client;
    QObject *ret;
    int done;
} InBand;

static gpointer in_band(gpointer opaque)
{
    InBand *ib = opaque;

    g_assert_true(qmp_client_execute(ib->client, "query-status", NULL,
                                     &ib->ret, &error_abort));
    g_atomic_int_set(&ib->done, 1);
    return NULL;
}

/*
 * An exec-oob command sent while an in-band one is pending is answered
 * first; the in-band caller keeps waiting for its own response.
 */
static void test_oob(void)
{
    static const FakeStep script[] = {
        FAKE_SEND(FAKE_GREETING),
        FAKE_EXPECT("{'execute': 'qmp_capabilities', "
                    "'arguments': {'enable': ['oob']}, 'id': 1}"),
        FAKE_SEND("{'return': {}, 'id': 1}"),
        FAKE_EXPECT("{'execute': 'query-status', 'id': 2}"),
        FAKE_EXPECT("{'exec-oob': 'migrate-recover', "
                    "'arguments': {'uri': 'tcp:0:4444'}, 'id': 3}"),
        FAKE_SEND("{'return': {}, 'id': 3}"),
        FAKE_EXPECT("{'execute': 'query-name', 'id': 4}"),
        FAKE_SEND("{'return': {'status': 'paused'}, 'id': 2}"),
        FAKE_SEND("{'return': {}, 'id': 4}"),
        FAKE_END,
    };
    FakeServer *srv = fake_server_new(script);
    InBand ib = { 0 };
    g_autoptr(GString) text = NULL;
    GThread *thread;

    ib.client = qmp_client_connect(fake_server_address(srv), NULL,
                                   &error_abort);
    g_assert_true(qmp_client_negotiate(ib.client, true, &error_abort));
    thread = g_thread_new("in-band", in_band, &ib);
    fake_server_wait_requests(srv, 2);

    g_assert_true(qmp_client_execute_oob(ib.client, "migrate-recover",
                                         qdict_from_jsonf_nofail(
                                             "{'uri': 'tcp:0:4444'}"),
                                         NULL, &error_abort));
    /* The server answers query-status only after the next request. */
    g_assert_false(g_atomic_int_get(&ib.done));
    g_assert_true(qmp_client_execute(ib.client, "query-name", NULL, NULL,
                                     &error_abort));
    g_thread_join(thread);
    text = qobject_to_json(ib.ret);
    g_assert_cmpstr(text->str, ==, "{\"status\": \"paused\"}");
    qobject_unref(ib.ret);
    qmp_client_free(ib.client);
    fake_server_finish(srv);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/client/threads/pipelined", test_pipelined);
    g_test_add_func("/client/threads/oob", test_oob);
    return g_test_run();
}
