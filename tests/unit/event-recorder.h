/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * event-recorder.h: the qapi_event_emit() of a test program that links
 * the project schema's event senders without a monitor: it records each
 * event as "NAME" or "NAME {data JSON}" so tests can assert the events a
 * QMP client would receive. For test programs only.
 */
#ifndef TESTS_EVENT_RECORDER_H
#define TESTS_EVENT_RECORDER_H

#include "qapi-emit-events.h"
#include "qobject/qjson.h"

static GString *recorded_events;

void qapi_event_emit(QAPIEvent event, QDict *qdict)
{
    QDict *data = qdict_get_qdict(qdict, "data");

    /* Every message carries a timestamp: check it, then leave it out. */
    g_assert_nonnull(qdict_get_qdict(qdict, "timestamp"));
    if (!recorded_events) {
        recorded_events = g_string_new(NULL);
    }
    if (recorded_events->len) {
        g_string_append(recorded_events, "; ");
    }
    g_string_append(recorded_events, qdict_get_str(qdict, "event"));
    if (data) {
        g_autoptr(GString) json = qobject_to_json(QOBJECT(data));

        g_string_append_printf(recorded_events, " %s", json->str);
    }
}

/* The events recorded since the last call, "; "-separated (caller frees). */
static inline char *events_take(void)
{
    char *text = g_strdup(recorded_events ? recorded_events->str : "");

    if (recorded_events) {
        g_string_truncate(recorded_events, 0);
    }
    return text;
}

/* Free what the recorder holds (call at the end of main for valgrind). */
static inline void events_cleanup(void)
{
    if (recorded_events) {
        g_string_free(recorded_events, true);
        recorded_events = NULL;
    }
}

#endif /* TESTS_EVENT_RECORDER_H */
