/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * run-control.c: shutdown, reset and power-down requests, carried out by
 * the main loop; the system_reset, system_powerdown and quit commands.
 */
#include "osdep.h"

#include "qapi-commands-run-state.h"
#include "qapi-events-run-state.h"
#include "system/run-control.h"
#include "system/runstate.h"
#include "system/vm-state.h"
#include "util/main-loop.h"

typedef struct Handler {
    void (*fn)(void *opaque);
    void *opaque;
} Handler;

/*
 * Pending requests, written by any thread, read by the main loop. A
 * cause of SHUTDOWN_CAUSE_NONE means no request.
 */
static GMutex request_lock;
static ShutdownCause shutdown_request;
static int shutdown_status;
static ShutdownCause reset_request;
static bool powerdown_request;

/* Handler arrays of the main thread. */
static GArray *reset_handlers;
static GArray *powerdown_handlers;
static bool no_shutdown;
static bool no_reboot;

static void handler_add(GArray **list, void (*fn)(void *), void *opaque)
{
    Handler h = { .fn = fn, .opaque = opaque };

    if (!*list) {
        *list = g_array_new(false, false, sizeof(Handler));
    }
    g_array_append_val(*list, h);
}

static void handlers_call(GArray *list)
{
    guint i;

    for (i = 0; list && i < list->len; i++) {
        Handler *h = &g_array_index(list, Handler, i);

        h->fn(h->opaque);
    }
}

void run_control_register_reset(ResetHandler *fn, void *opaque)
{
    handler_add(&reset_handlers, fn, opaque);
}

void run_control_unregister_reset(ResetHandler *fn, void *opaque)
{
    guint i;

    for (i = 0; reset_handlers && i < reset_handlers->len; i++) {
        Handler *h = &g_array_index(reset_handlers, Handler, i);

        if (h->fn == fn && h->opaque == opaque) {
            g_array_remove_index(reset_handlers, i);
            return;
        }
    }
}

void run_control_register_powerdown(PowerdownHandler *fn, void *opaque)
{
    handler_add(&powerdown_handlers, fn, opaque);
}

void run_control_set_no_shutdown(bool on)
{
    no_shutdown = on;
}

void run_control_set_no_reboot(bool on)
{
    no_reboot = on;
}

void run_control_request_shutdown_status(ShutdownCause cause, int status)
{
    g_mutex_lock(&request_lock);
    /* The first request wins: a guest exit code is not overwritten. */
    if (SHUTDOWN_CAUSE_NONE == shutdown_request) {
        shutdown_request = cause;
        shutdown_status = status;
    }
    g_mutex_unlock(&request_lock);
    main_loop_wakeup();
}

void run_control_request_shutdown(ShutdownCause cause)
{
    run_control_request_shutdown_status(cause, 0);
}

void run_control_request_reset(ShutdownCause cause)
{
    /* -no-reboot turns every reset but a subsystem's into a shutdown. */
    if (no_reboot && SHUTDOWN_CAUSE_SUBSYSTEM_RESET != cause) {
        run_control_request_shutdown(cause);
        return;
    }
    g_mutex_lock(&request_lock);
    reset_request = cause;
    g_mutex_unlock(&request_lock);
    main_loop_wakeup();
}

void run_control_request_powerdown(void)
{
    g_mutex_lock(&request_lock);
    powerdown_request = true;
    g_mutex_unlock(&request_lock);
    main_loop_wakeup();
}

bool run_control_request_pending(void)
{
    bool pending;

    g_mutex_lock(&request_lock);
    pending = SHUTDOWN_CAUSE_NONE != shutdown_request ||
              SHUTDOWN_CAUSE_NONE != reset_request;
    g_mutex_unlock(&request_lock);
    return pending;
}

/* Whether @cause comes from the guest, as the events' "guest" member says. */
static bool cause_is_guest(ShutdownCause cause)
{
    return SHUTDOWN_CAUSE_GUEST_SHUTDOWN <= cause &&
           SHUTDOWN_CAUSE_GUEST_PANIC >= cause;
}

static void do_reset(ShutdownCause cause)
{
    vm_pause_cpus();
    handlers_call(reset_handlers);
    qapi_event_send_reset(cause_is_guest(cause), cause);
    if (runstate_is_running()) {
        vm_resume_cpus();
    }
    /* A VM that was not running comes out of reset as a fresh one. */
    if (!runstate_check(RUN_STATE_RUNNING) &&
        !runstate_check(RUN_STATE_INMIGRATE) &&
        !runstate_check(RUN_STATE_FINISH_MIGRATE)) {
        runstate_set(RUN_STATE_PRELAUNCH);
    }
}

bool run_control_poll(int *status)
{
    ShutdownCause shutdown, reset;
    bool powerdown;

    g_mutex_lock(&request_lock);
    shutdown = shutdown_request;
    reset = reset_request;
    powerdown = powerdown_request;
    shutdown_request = reset_request = SHUTDOWN_CAUSE_NONE;
    powerdown_request = false;
    *status = shutdown_status;
    shutdown_status = 0;
    g_mutex_unlock(&request_lock);

    if (SHUTDOWN_CAUSE_NONE != shutdown) {
        qapi_event_send_shutdown(cause_is_guest(shutdown), shutdown);
        if (!no_shutdown || SHUTDOWN_CAUSE_HOST_QMP_QUIT == shutdown) {
            return true;
        }
        vm_stop(RUN_STATE_SHUTDOWN);
    }
    if (SHUTDOWN_CAUSE_NONE != reset) {
        do_reset(reset);
    }
    if (powerdown) {
        qapi_event_send_powerdown();
        handlers_call(powerdown_handlers);
    }
    return false;
}

void qmp_system_reset(Error **errp)
{
    run_control_request_reset(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

void qmp_system_powerdown(Error **errp)
{
    run_control_request_powerdown();
}

void qmp_quit(Error **errp)
{
    run_control_request_shutdown(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}
