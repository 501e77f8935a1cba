/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vm-state.c: starting and stopping the VM, and the stop and cont commands. */
#include "osdep.h"

#include "qapi-commands-run-state.h"
#include "qapi-events-run-state.h"
#include "system/runstate.h"
#include "system/vm-state.h"
#include "util/error.h"

struct VMChangeStateEntry {
    VMChangeStateFunc *fn;
    void *opaque;
};

/* VMChangeStateEntry pointers, in the order added. */
static GPtrArray *change_handlers;
static const VMCpusOps *cpus_ops;
static bool autostart = true;

VMChangeStateEntry *vm_change_state_add(VMChangeStateFunc *fn, void *opaque)
{
    VMChangeStateEntry *e = g_new(VMChangeStateEntry, 1);

    e->fn = fn;
    e->opaque = opaque;
    if (!change_handlers) {
        change_handlers = g_ptr_array_new_with_free_func(g_free);
    }
    g_ptr_array_add(change_handlers, e);
    return e;
}

void vm_change_state_del(VMChangeStateEntry *e)
{
    g_ptr_array_remove(change_handlers, e);
}

static void vm_change_state_notify(bool running, RunState state)
{
    guint i;

    for (i = 0; change_handlers && i < change_handlers->len; i++) {
        VMChangeStateEntry *e = g_ptr_array_index(change_handlers, i);

        e->fn(e->opaque, running, state);
    }
}

void vm_set_cpus_ops(const VMCpusOps *ops)
{
    cpus_ops = ops;
}

void vm_pause_cpus(void)
{
    if (cpus_ops) {
        cpus_ops->pause_all();
    }
}

void vm_resume_cpus(void)
{
    if (cpus_ops) {
        cpus_ops->resume_all();
    }
}

void vm_set_autostart(bool on)
{
    autostart = on;
}

bool vm_get_autostart(void)
{
    return autostart;
}

void vm_start(void)
{
    if (runstate_is_running()) {
        return;
    }
    /* Like QEMU, RESUME is sent before the vCPUs run. */
    qapi_event_send_resume();
    runstate_set(RUN_STATE_RUNNING);
    vm_change_state_notify(true, RUN_STATE_RUNNING);
    vm_resume_cpus();
}

void vm_stop(RunState state)
{
    if (!runstate_is_running()) {
        return;
    }
    runstate_set(state);
    vm_pause_cpus();
    vm_change_state_notify(false, state);
    qapi_event_send_stop();
}

void qmp_stop(Error **errp)
{
    if (runstate_check(RUN_STATE_INMIGRATE)) {
        /* Stay stopped once the incoming migration completes. */
        autostart = false;
        return;
    }
    vm_stop(RUN_STATE_PAUSED);
}

/* The states only a reset leaves (QEMU's "needs reset"). */
static bool runstate_needs_reset(void)
{
    return runstate_check(RUN_STATE_INTERNAL_ERROR) ||
           runstate_check(RUN_STATE_SHUTDOWN) ||
           runstate_check(RUN_STATE_GUEST_PANICKED);
}

void qmp_cont(Error **errp)
{
    if (runstate_needs_reset()) {
        error_setg(errp, "Resetting the Virtual Machine is required");
        return;
    }
    if (runstate_check(RUN_STATE_SUSPENDED)) {
        return;
    }
    if (runstate_check(RUN_STATE_FINISH_MIGRATE)) {
        error_setg(errp, "Migration is not finalized yet");
        return;
    }
    if (runstate_check(RUN_STATE_INMIGRATE)) {
        autostart = true;
        return;
    }
    vm_start();
}
