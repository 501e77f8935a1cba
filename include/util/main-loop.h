/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main-loop.h: the main loop and the big lock.
 *
 * The main loop is GLib's default GMainContext, run by the main thread.
 * Monitors and character devices attach their sources to it (g_idle_add(),
 * g_source_attach(src, NULL)); device and monitor timers are util/timer.h
 * QEMUTimers, whose clocks watch one timerfd each from it. Every
 * callback it dispatches runs with the big lock held: the main thread
 * drops the lock only while it sleeps in poll(). Other threads (vCPUs,
 * migration) take the lock before touching devices or VM state.
 */
#ifndef UTIL_MAIN_LOOP_H
#define UTIL_MAIN_LOOP_H

/*
 * Make the calling thread the main thread: take the big lock for it and
 * make the default context release the lock around poll(). Call once,
 * before anything else uses the lock.
 */
void main_loop_init(void);

/*
 * Run one iteration of the main loop: wait for an event (forever when
 * @blocking, else not at all) and dispatch what is ready. Main thread only,
 * with the big lock held (it is dropped while waiting).
 */
void main_loop_wait(bool blocking);

/* Make a main_loop_wait() that is sleeping return soon. Any thread. */
void main_loop_wakeup(void);

/* Whether the calling thread is the main thread. */
bool main_loop_is_main_thread(void);

/* Take the big lock. Not recursive: the caller must not hold it. */
void bql_lock(void);

/* Release the big lock, which the caller holds. */
void bql_unlock(void);

/* Whether the calling thread holds the big lock. */
bool bql_locked(void);

#endif /* UTIL_MAIN_LOOP_H */
