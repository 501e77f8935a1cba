/* SPDX-License-Identifier: GPL-2.0-or-later */
/* runstate.c: the VM's run state machine and the query-status command. */
#include "osdep.h"

#include "qapi-commands-run-state.h"
#include "system/runstate.h"
#include "util/error-report.h"

#define TO(state) (1u << RUN_STATE_##state)

/*
 * For each state, the states it may move to: the same graph as QEMU's, so
 * that management software sees the sequences it expects (a VM leaves
 * "shutdown" only through "prelaunch" on reset, "paused", migration, ...).
 */
static const uint32_t runstate_next[RUN_STATE__MAX] = {
    [RUN_STATE_PRELAUNCH] = TO(RUNNING) | TO(FINISH_MIGRATE) | TO(INMIGRATE),
    [RUN_STATE_DEBUG] = TO(RUNNING) | TO(FINISH_MIGRATE) | TO(PRELAUNCH) |
                        TO(SUSPENDED),
    [RUN_STATE_INMIGRATE] = TO(INTERNAL_ERROR) | TO(IO_ERROR) | TO(PAUSED) |
                            TO(RUNNING) | TO(SHUTDOWN) | TO(SUSPENDED) |
                            TO(WATCHDOG) | TO(GUEST_PANICKED) |
                            TO(FINISH_MIGRATE) | TO(PRELAUNCH) |
                            TO(POSTMIGRATE) | TO(COLO),
    [RUN_STATE_INTERNAL_ERROR] = TO(PAUSED) | TO(FINISH_MIGRATE) |
                                 TO(PRELAUNCH),
    [RUN_STATE_IO_ERROR] = TO(RUNNING) | TO(FINISH_MIGRATE) | TO(PRELAUNCH),
    [RUN_STATE_PAUSED] = TO(RUNNING) | TO(FINISH_MIGRATE) | TO(POSTMIGRATE) |
                         TO(PRELAUNCH) | TO(COLO),
    [RUN_STATE_POSTMIGRATE] = TO(RUNNING) | TO(FINISH_MIGRATE) |
                              TO(PRELAUNCH),
    [RUN_STATE_FINISH_MIGRATE] = TO(RUNNING) | TO(PAUSED) | TO(POSTMIGRATE) |
                                 TO(PRELAUNCH) | TO(COLO),
    [RUN_STATE_RESTORE_VM] = TO(RUNNING) | TO(PRELAUNCH),
    [RUN_STATE_RUNNING] = TO(DEBUG) | TO(INTERNAL_ERROR) | TO(IO_ERROR) |
                          TO(PAUSED) | TO(FINISH_MIGRATE) | TO(RESTORE_VM) |
                          TO(SAVE_VM) | TO(SHUTDOWN) | TO(WATCHDOG) |
                          TO(GUEST_PANICKED) | TO(SUSPENDED) | TO(COLO),
    [RUN_STATE_SAVE_VM] = TO(RUNNING),
    [RUN_STATE_SHUTDOWN] = TO(PAUSED) | TO(FINISH_MIGRATE) | TO(PRELAUNCH) |
                           TO(COLO),
    [RUN_STATE_SUSPENDED] = TO(RUNNING) | TO(FINISH_MIGRATE) |
                            TO(PRELAUNCH) | TO(COLO),
    [RUN_STATE_WATCHDOG] = TO(RUNNING) | TO(FINISH_MIGRATE) | TO(PRELAUNCH) |
                           TO(COLO),
    [RUN_STATE_GUEST_PANICKED] = TO(RUNNING) | TO(FINISH_MIGRATE) |
                                 TO(PRELAUNCH),
    [RUN_STATE_COLO] = TO(RUNNING) | TO(PRELAUNCH) | TO(SHUTDOWN),
};

/* vCPU threads read it, the main loop writes it: an atomic int. */
static int current_state = RUN_STATE_PRELAUNCH;

RunState runstate_get(void)
{
    return g_atomic_int_get(&current_state);
}

bool runstate_check(RunState state)
{
    return runstate_get() == state;
}

bool runstate_is_running(void)
{
    return runstate_check(RUN_STATE_RUNNING);
}

bool runstate_transition_valid(RunState from, RunState to)
{
    g_assert(from < RUN_STATE__MAX && to < RUN_STATE__MAX);
    return from == to || (runstate_next[from] & (1u << to));
}

void runstate_set(RunState state)
{
    RunState old = runstate_get();

    if (!runstate_transition_valid(old, state)) {
        error_report("invalid run state transition from '%s' to '%s'",
                     RunState_str(old), RunState_str(state));
        abort();
    }
    g_atomic_int_set(&current_state, state);
}

StatusInfo *qmp_query_status(Error **errp)
{
    StatusInfo *info = g_new0(StatusInfo, 1);

    info->status = runstate_get();
    info->running = RUN_STATE_RUNNING == info->status;
    info->singlestep = false;
    return info;
}
