/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * run-control.h: the requests (shutdown, reset, power-down) that any thread
 * may make and the main loop carries out, and the signals that make them.
 *
 * A request only records what is wanted and wakes the main loop; the main
 * loop calls run_control_poll() after every iteration, which carries it out
 * with the big lock held: events are sent, reset handlers run, and the
 * main loop learns whether to exit.
 */
#ifndef SYSTEM_RUN_CONTROL_H
#define SYSTEM_RUN_CONTROL_H

#include "qapi-types-run-state.h"

/* A function the machine registers to reset its devices; see run_control_reset(). */
typedef void ResetHandler(void *opaque);

/* Call @fn(@opaque) on every reset, in the order registered. */
void run_control_register_reset(ResetHandler *fn, void *opaque);

/* Remove the handler registered with exactly @fn and @opaque, if any. */
void run_control_unregister_reset(ResetHandler *fn, void *opaque);

/* Called on system_powerdown (the machine forwards it to the guest). */
typedef void PowerdownHandler(void *opaque);

/* Call @fn(@opaque) on every power-down request. */
void run_control_register_powerdown(PowerdownHandler *fn, void *opaque);

/*
 * What happens when the guest asks to shut down (-no-shutdown: stop in
 * "shutdown" instead of exiting) or to reset (-no-reboot: shut down
 * instead). vl.c sets them from the command line.
 */
void run_control_set_no_shutdown(bool on);
void run_control_set_no_reboot(bool on);

/*
 * Ask for a shutdown for @cause: the main loop sends SHUTDOWN, then exits
 * (or stops, with -no-shutdown; "quit" always exits). Any thread.
 */
void run_control_request_shutdown(ShutdownCause cause);

/*
 * As run_control_request_shutdown(), and make kvmini exit with @status
 * (a guest's debug-exit port chooses it). Any thread.
 */
void run_control_request_shutdown_status(ShutdownCause cause, int status);

/*
 * Ask for a reset for @cause: the main loop sends RESET and runs the reset
 * handlers (with -no-reboot it shuts down instead). Any thread.
 */
void run_control_request_reset(ShutdownCause cause);

/*
 * Whether a shutdown or reset request waits for the main loop: a vCPU
 * whose device access made one runs no more guest code until it is
 * handled. Any thread.
 */
bool run_control_request_pending(void);

/* Ask for a power-down: the main loop sends POWERDOWN. Any thread. */
void run_control_request_powerdown(void);

/*
 * Carry out pending requests. Returns true when the main loop must end,
 * with the process exit status in *@status. Main thread, big lock held.
 */
bool run_control_poll(int *status);

/*
 * Turn SIGINT, SIGTERM and SIGHUP into shutdown requests (cause
 * host-signal), reported as "terminating on signal N from pid P". Call in
 * the main thread before any other thread starts (they inherit the mask).
 */
void run_control_catch_signals(void);

#endif /* SYSTEM_RUN_CONTROL_H */
