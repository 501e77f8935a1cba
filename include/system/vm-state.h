/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vm-state.h: starting and stopping the virtual machine's vCPUs (the QMP
 * commands cont and stop), and the handlers told about it.
 */
#ifndef SYSTEM_VM_STATE_H
#define SYSTEM_VM_STATE_H

#include "qapi-types-run-state.h"

/*
 * Start the vCPUs (from prelaunch, paused, ...) and send RESUME. Does
 * nothing when already running. Main thread, big lock held.
 */
void vm_start(void);

/*
 * Stop the vCPUs, enter @state and send STOP. Does nothing when the VM is
 * not running. Main thread, big lock held.
 */
void vm_stop(RunState state);

/*
 * Told that the VM starts (@running true; called before the vCPUs run) or
 * stops (@running false; called after they stopped), and the state it
 * enters. Main thread, big lock held.
 */
typedef void VMChangeStateFunc(void *opaque, bool running, RunState state);

/*
 * Call @fn(@opaque, ...) on every start and stop, in the order added. The
 * returned handle (owned by the list) is passed to vm_change_state_del().
 */
typedef struct VMChangeStateEntry VMChangeStateEntry;
VMChangeStateEntry *vm_change_state_add(VMChangeStateFunc *fn, void *opaque);

/* Remove (and free) a handler added with vm_change_state_add(). */
void vm_change_state_del(VMChangeStateEntry *e);

/*
 * Whether `cont` (and -S) start the VM, or only mark it to start once an
 * incoming migration completes. vl.c clears it for -S; true by default.
 */
void vm_set_autostart(bool autostart);
bool vm_get_autostart(void);

/*
 * How the accelerator stops and starts its vCPU threads. pause_all returns
 * only when no vCPU is inside the guest any more.
 */
typedef struct VMCpusOps {
    void (*pause_all)(void);
    void (*resume_all)(void);
} VMCpusOps;

/* Install the accelerator's @ops (borrowed, static). Without any, there are no vCPUs. */
void vm_set_cpus_ops(const VMCpusOps *ops);

/* Stop / restart the vCPUs without changing the run state (reset uses it). */
void vm_pause_cpus(void);
void vm_resume_cpus(void);

#endif /* SYSTEM_VM_STATE_H */
