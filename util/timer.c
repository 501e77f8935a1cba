/* SPDX-License-Identifier: GPL-2.0-or-later */
/* timer.c: per-clock timer lists behind one timerfd each on the main loop. */
#include "osdep.h"

#include <glib-unix.h>
#include <sys/timerfd.h>
#include <time.h>

#include "util/error-report.h"
#include "util/timer.h"

struct QEMUTimer {
    QEMUClockType type;
    QEMUTimerCB *cb;
    void *opaque;
    bool pending;
    int64_t expire_ns;          /* while pending */
    QEMUTimer *next;            /* in the clock's list, earliest first */
};

typedef struct QEMUClock {
    clockid_t id;
    int timerfd;                /* -1 until the clock's first timer */
    int64_t armed_ns;           /* what timerfd expires at; INT64_MAX: not */
    QEMUTimer *pending;
    bool manual;
    int64_t manual_ns;
} QEMUClock;

static QEMUClock clocks[QEMU_CLOCK_MAX] = {
    [QEMU_CLOCK_REALTIME] = {
        .id = CLOCK_MONOTONIC, .timerfd = -1, .armed_ns = INT64_MAX,
    },
    [QEMU_CLOCK_HOST] = {
        .id = CLOCK_REALTIME, .timerfd = -1, .armed_ns = INT64_MAX,
    },
};

int64_t qemu_clock_get_ns(QEMUClockType type)
{
    QEMUClock *clock = &clocks[type];
    struct timespec ts;

    if (clock->manual) {
        return clock->manual_ns;
    }
    clock_gettime(clock->id, &ts);
    return ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

/* Program the timerfd for the earliest pending timer, or disarm it. */
static void qemu_clock_rearm(QEMUClock *clock)
{
    int64_t expire = INT64_MAX;
    struct itimerspec its = { { 0, 0 }, { 0, 0 } };
    int flags = TFD_TIMER_ABSTIME;

    if (clock->timerfd < 0) {
        return;
    }
    if (clock->pending && !clock->manual) {
        /* An it_value of 0 would disarm: a deadline long past is 1 ns. */
        expire = MAX(clock->pending->expire_ns, 1);
        its.it_value.tv_sec = expire / NANOSECONDS_PER_SECOND;
        its.it_value.tv_nsec = expire % NANOSECONDS_PER_SECOND;
    }
    if (expire == clock->armed_ns) {
        return;
    }
    if (CLOCK_REALTIME == clock->id) {
        /* Wake when the host's time is set, to run HOST timers early. */
        flags |= TFD_TIMER_CANCEL_ON_SET;
    }
    timerfd_settime(clock->timerfd, flags, &its, NULL);
    clock->armed_ns = expire;
}

/* Run the timers of @clock that expire at @now_ns or before. */
static void qemu_clock_run(QEMUClock *clock, int64_t now_ns)
{
    QEMUTimer *t;

    while (clock->pending && clock->pending->expire_ns <= now_ns) {
        t = clock->pending;
        clock->pending = t->next;
        t->next = NULL;
        t->pending = false;
        t->cb(t->opaque);
    }
}

/* The host's time was set: every pending timer is due now. */
static void qemu_clock_was_set(QEMUClock *clock, int64_t now_ns)
{
    QEMUTimer *t;

    for (t = clock->pending; t; t = t->next) {
        t->expire_ns = MIN(t->expire_ns, now_ns);
    }
    qemu_clock_run(clock, now_ns);
}

static gboolean qemu_clock_timerfd_ready(gint fd, GIOCondition cond,
                                         gpointer opaque)
{
    QEMUClock *clock = opaque;
    QEMUClockType type = clock - clocks;
    uint64_t expirations;

    /* Either way the timerfd is no longer armed for anything. */
    clock->armed_ns = INT64_MIN;
    if (read(fd, &expirations, sizeof(expirations)) < 0 &&
        ECANCELED == errno) {
        qemu_clock_was_set(clock, qemu_clock_get_ns(type));
    } else {
        qemu_clock_run(clock, qemu_clock_get_ns(type));
    }
    qemu_clock_rearm(clock);
    return G_SOURCE_CONTINUE;
}

/* Create @clock's timerfd and watch it from the main loop. */
static void qemu_clock_init_timerfd(QEMUClock *clock)
{
    clock->timerfd = timerfd_create(clock->id, TFD_NONBLOCK | TFD_CLOEXEC);
    if (clock->timerfd < 0) {
        /* Like a failed g_new(): the process cannot go on without it. */
        error_report("timerfd_create: %s", g_strerror(errno));
        abort();
    }
    g_unix_fd_add(clock->timerfd, G_IO_IN, qemu_clock_timerfd_ready, clock);
}

QEMUTimer *timer_new_ns(QEMUClockType type, QEMUTimerCB *cb, void *opaque)
{
    QEMUTimer *t = g_new0(QEMUTimer, 1);

    if (clocks[type].timerfd < 0) {
        qemu_clock_init_timerfd(&clocks[type]);
    }
    t->type = type;
    t->cb = cb;
    t->opaque = opaque;
    return t;
}

void timer_free(QEMUTimer *t)
{
    if (t) {
        timer_del(t);
        g_free(t);
    }
}

/* Take @t out of its clock's list; the caller re-arms the timerfd. */
static void timer_unlink(QEMUTimer *t)
{
    QEMUTimer **link = &clocks[t->type].pending;

    while (*link != t) {
        link = &(*link)->next;
    }
    *link = t->next;
    t->next = NULL;
    t->pending = false;
}

void timer_mod(QEMUTimer *t, int64_t expire_ns)
{
    QEMUClock *clock = &clocks[t->type];
    QEMUTimer **link = &clock->pending;

    if (t->pending) {
        if (expire_ns == t->expire_ns) {
            return;
        }
        timer_unlink(t);
    }
    /* After the timers with the same deadline: they were armed first. */
    while (*link && (*link)->expire_ns <= expire_ns) {
        link = &(*link)->next;
    }
    t->pending = true;
    t->expire_ns = expire_ns;
    t->next = *link;
    *link = t;
    qemu_clock_rearm(clock);
}

void timer_del(QEMUTimer *t)
{
    if (t->pending) {
        timer_unlink(t);
        qemu_clock_rearm(&clocks[t->type]);
    }
}

bool timer_pending(const QEMUTimer *t)
{
    return t->pending;
}

void qemu_clock_set_manual(QEMUClockType type, int64_t now_ns)
{
    QEMUClock *clock = &clocks[type];

    clock->manual = true;
    clock->manual_ns = now_ns;
    qemu_clock_rearm(clock);
    if (QEMU_CLOCK_HOST == type) {
        qemu_clock_was_set(clock, now_ns);
    }
}

void qemu_clock_step(QEMUClockType type, int64_t ns)
{
    QEMUClock *clock = &clocks[type];
    int64_t target = clock->manual_ns + ns;

    g_assert(clock->manual);
    while (clock->pending && clock->pending->expire_ns <= target) {
        clock->manual_ns = MAX(clock->manual_ns, clock->pending->expire_ns);
        qemu_clock_run(clock, clock->manual_ns);
    }
    clock->manual_ns = target;
}

void qemu_clock_set_real(QEMUClockType type)
{
    QEMUClock *clock = &clocks[type];

    clock->manual = false;
    qemu_clock_rearm(clock);
}
