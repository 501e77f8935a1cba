/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * timer.h: clocks and timers that call back from the main loop.
 *
 * A QEMUTimer calls its function once its clock reaches the deadline it
 * was armed with, in nanoseconds of that clock. The pending timers of a
 * clock wait in one list, earliest first, behind one timerfd the main loop
 * watches: arming a timer costs no GLib source and no allocation, so a
 * device may re-arm at every register access. Callbacks run in the main
 * thread with the big lock held; timers are created, armed and deleted by
 * whichever thread holds the lock (a vCPU thread's port write may arm one
 * while the main thread sleeps). Tests stop a clock and move it by hand
 * with qemu_clock_set_manual() and qemu_clock_step().
 */
#ifndef UTIL_TIMER_H
#define UTIL_TIMER_H

#define NANOSECONDS_PER_SECOND 1000000000LL

typedef enum QEMUClockType {
    /* The host's monotonic clock, from an arbitrary start: for delays. */
    QEMU_CLOCK_REALTIME,
    /*
     * The host's wall clock, since 1970-01-01 00:00 UTC. It jumps when the
     * host's time is set: then every pending HOST timer runs at once, early,
     * so callbacks must read the clock and re-arm for what is left.
     */
    QEMU_CLOCK_HOST,
    QEMU_CLOCK_MAX
} QEMUClockType;

typedef struct QEMUTimer QEMUTimer;
typedef void QEMUTimerCB(void *opaque);

/* The current time of @type's clock, in nanoseconds. Any thread. */
int64_t qemu_clock_get_ns(QEMUClockType type);

/*
 * A new timer on @type's clock that calls @cb(@opaque) when it expires; it
 * starts not pending. Free it with timer_free(). Big lock held.
 */
QEMUTimer *timer_new_ns(QEMUClockType type, QEMUTimerCB *cb, void *opaque);

/* Delete @t if pending and free it. NULL is ignored. Big lock held. */
void timer_free(QEMUTimer *t);

/*
 * Arm @t to expire when its clock reaches @expire_ns (at once, from the
 * main loop, when that has passed), replacing any earlier deadline. A
 * callback runs after its timer stopped being pending, so it may re-arm it.
 * Big lock held.
 */
void timer_mod(QEMUTimer *t, int64_t expire_ns);

/* Make @t not pending; nothing when it is not. Big lock held. */
void timer_del(QEMUTimer *t);

/* Whether @t is armed and has not run yet. Big lock held. */
bool timer_pending(const QEMUTimer *t);

/*
 * For tests: stop @type's clock at @now_ns. From then on it moves only
 * with qemu_clock_step() or another qemu_clock_set_manual(); a HOST clock
 * set this way runs its pending timers at once, as when the host's time is
 * set. Main thread, big lock held if the main loop uses it.
 */
void qemu_clock_set_manual(QEMUClockType type, int64_t now_ns);

/*
 * For tests: move the manual clock @type forward by @ns, running on the way
 * each timer that expires, in deadline order, with the clock reading its
 * deadline while it runs. Main thread.
 */
void qemu_clock_step(QEMUClockType type, int64_t ns);

/* For tests: make @type follow the host's clock again. Main thread. */
void qemu_clock_set_real(QEMUClockType type);

#endif /* UTIL_TIMER_H */
