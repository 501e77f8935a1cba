/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-event-throttle.c: qapi_event_emit(), where the generated
 * qapi_event_send_FOO() hands every event over. Events a guest can send
 * at will (RTC_CHANGE) are rate-limited as QEMU does: the first goes out
 * at once; within the period after it only the latest is kept, and sent
 * when the period ends, which starts the next period. None is lost but
 * the ones a later one replaced.
 */
#include "osdep.h"

#include "monitor-internal.h"
#include "util/timer.h"

/* The minimum time between two events of each kind; 0: not throttled. */
static const int64_t event_period_ns[QAPI_EVENT__MAX] = {
    [QAPI_EVENT_RTC_CHANGE] = NANOSECONDS_PER_SECOND,
};

/* One throttled kind of event while a period runs. */
typedef struct EventThrottle {
    QEMUTimer *timer;           /* the end of the period */
    QDict *pending;             /* the event to send at its end, or NULL */
} EventThrottle;

static EventThrottle throttles[QAPI_EVENT__MAX];

static void event_throttle_start(QAPIEvent event)
{
    timer_mod(throttles[event].timer,
              qemu_clock_get_ns(QEMU_CLOCK_REALTIME) + event_period_ns[event]);
}

/* The period ended: send what waited and start another, or go idle. */
static void event_throttle_expired(void *opaque)
{
    QAPIEvent event = (EventThrottle *)opaque - throttles;
    EventThrottle *t = opaque;
    QDict *pending = g_steal_pointer(&t->pending);

    if (pending) {
        monitor_qmp_broadcast_event(event, pending);
        qobject_unref(pending);
        event_throttle_start(event);
    } else {
        timer_free(t->timer);
        t->timer = NULL;
    }
}

void qapi_event_emit(QAPIEvent event, QDict *qdict)
{
    EventThrottle *t = &throttles[event];

    if (!event_period_ns[event]) {
        monitor_qmp_broadcast_event(event, qdict);
        return;
    }
    if (t->timer) {
        /* Within the period: this one replaces any that waits. */
        qobject_unref(t->pending);
        t->pending = qobject_ref(qdict);
        return;
    }
    monitor_qmp_broadcast_event(event, qdict);
    t->timer = timer_new_ns(QEMU_CLOCK_REALTIME, event_throttle_expired, t);
    event_throttle_start(event);
}
