/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * runstate.h: what the virtual machine is doing (RunState, from the QAPI
 * schema's run-state module), as query-status reports it. Safe to read from
 * any thread.
 */
#ifndef SYSTEM_RUNSTATE_H
#define SYSTEM_RUNSTATE_H

#include "qapi-types-run-state.h"

/* The current run state; RUN_STATE_PRELAUNCH until the machine first runs. */
RunState runstate_get(void);

/* Whether the current run state is @state. */
bool runstate_check(RunState state);

/* Whether the vCPUs are running (RUN_STATE_RUNNING). */
bool runstate_is_running(void);

/*
 * Enter @state. A transition QEMU's state machine does not allow (say,
 * from "shutdown" straight to "paused") is a bug in the caller and aborts.
 */
void runstate_set(RunState state);

/* Whether the state machine allows going from @from to @to. */
bool runstate_transition_valid(RunState from, RunState to);

#endif /* SYSTEM_RUNSTATE_H */
