/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * event-recorder.h: watch the QMP events a client would receive, through a
 * real QMP monitor on a fake connection (monitor-test-conn.h). Each event
 * is recorded as "NAME" or "NAME {data JSON}". For test programs only.
 */
#ifndef TESTS_EVENT_RECORDER_H
#define TESTS_EVENT_RECORDER_H

#include "monitor-test-conn.h"
#include "qobject/qjson.h"
#include "util/error.h"

static TestConn *event_conn;

/* Connect a QMP client that has finished negotiation and sees every event. */
static inline void events_start(void)
{
    g_assert_null(event_conn);
    event_conn = test_conn_new();
    event_conn->mon = monitor_new_qmp(&test_conn_transport, event_conn, false);
    monitor_opened(event_conn->mon);
    test_conn_send(event_conn, "{\"execute\": \"qmp_capabilities\"}");
    test_main_loop();
    g_free(test_conn_take(event_conn));
}

/* The events received since the last call, "; "-separated (caller frees). */
static inline char *events_take(void)
{
    g_autoptr(GString) text = g_string_new(NULL);
    g_autofree char *out = NULL;
    g_auto(GStrv) lines = NULL;
    size_t i;

    test_main_loop();
    out = test_conn_take(event_conn);
    lines = g_strsplit(out, "\n", -1);
    for (i = 0; lines[i]; i++) {
        g_autoptr(QObject) obj = NULL;
        QDict *msg, *data;

        if (!*g_strstrip(lines[i])) {
            continue;
        }
        obj = qobject_from_json(lines[i], &error_abort);
        msg = qobject_to(QDict, obj);
        g_assert_nonnull(qdict_get_qdict(msg, "timestamp"));
        g_string_append_printf(text, "%s%s", text->len ? "; " : "",
                               qdict_get_str(msg, "event"));
        data = qdict_get_qdict(msg, "data");
        if (data) {
            g_autoptr(GString) json = qobject_to_json(QOBJECT(data));

            g_string_append_printf(text, " %s", json->str);
        }
    }
    return g_strdup(text->str);
}

/* Disconnect the event client (call at the end for valgrind). */
static inline void events_stop(void)
{
    test_conn_free(g_steal_pointer(&event_conn));
}

#endif /* TESTS_EVENT_RECORDER_H */
