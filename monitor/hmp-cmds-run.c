/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp-cmds-run.c: HMP commands that run and stop the VM (stop, cont,
 * system_reset, system_powerdown, quit) and show its vCPUs and KVM
 * (cpu, info cpus, info kvm), each a wrapper over the QMP command.
 */
#include "osdep.h"

#include "monitor-internal.h"
#include "qapi-commands-machine.h"
#include "qapi-commands-run-state.h"
#include "util/error.h"
#include "system/memory-as.h"

static void hmp_stop(Monitor *mon, const QDict *qdict)
{
    qmp_stop(&error_abort);
}

static void hmp_cont(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;

    qmp_cont(&err);
    hmp_handle_error(mon, err);
}

static void hmp_system_reset(Monitor *mon, const QDict *qdict)
{
    qmp_system_reset(&error_abort);
}

static void hmp_system_powerdown(Monitor *mon, const QDict *qdict)
{
    qmp_system_powerdown(&error_abort);
}

static void hmp_quit(Monitor *mon, const QDict *qdict)
{
    qmp_quit(&error_abort);
}

/*
 * QEMU's wording for "enabled" and "disabled". QEMU says "not compiled"
 * when built without KVM; kvmini always has it, and says "not present"
 * when the host has no usable /dev/kvm.
 */
static void hmp_info_kvm(Monitor *mon, const QDict *qdict)
{
    g_autoptr(KvmInfo) info = qmp_query_kvm(&error_abort);

    monitor_printf(mon, "kvm support: %s\n",
                   info->present ? (info->enabled ? "enabled" : "disabled")
                                 : "not present");
}

/* "* CPU #0: thread_id=1234", the star on this monitor's current vCPU. */
static void hmp_info_cpus(Monitor *mon, const QDict *qdict)
{
    g_autoptr(CpuInfoFastList) cpus = qmp_query_cpus_fast(&error_abort);
    int64_t current = monitor_get_cpu_index(mon);
    CpuInfoFastList *l;

    if (0 > current && cpus) {
        current = cpus->value->cpu_index;
    }
    for (l = cpus; l; l = l->next) {
        monitor_printf(mon, "%c CPU #%" PRId64 ": thread_id=%" PRId64 "\n",
                       l->value->cpu_index == current ? '*' : ' ',
                       l->value->cpu_index, l->value->thread_id);
    }
}

/* Make vCPU @index the one this monitor's CPU commands (info registers) use. */
static void hmp_cpu(Monitor *mon, const QDict *qdict)
{
    if (!monitor_set_cpu_index(mon, qdict_get_int(qdict, "index"))) {
        monitor_printf(mon, "invalid CPU index\n");
    }
}

const HMPCommand hmp_run_commands[] = {
    {
        .name = "cont|c",
        .args_type = "",
        .params = "",
        .help = "resume emulation",
        .cmd = hmp_cont,
    },
    {
        .name = "cpu",
        .args_type = "index:i",
        .params = "index",
        .help = "set the default CPU",
        .cmd = hmp_cpu,
    },
    {
        .name = "quit|q",
        .args_type = "",
        .params = "",
        .help = "quit the emulator",
        .cmd = hmp_quit,
    },
    {
        .name = "stop",
        .args_type = "",
        .params = "",
        .help = "stop emulation",
        .cmd = hmp_stop,
    },
    {
        .name = "system_powerdown",
        .args_type = "",
        .params = "",
        .help = "send system power down event",
        .cmd = hmp_system_powerdown,
    },
    {
        .name = "system_reset",
        .args_type = "",
        .params = "",
        .help = "reset the system",
        .cmd = hmp_system_reset,
    },
    { }
};

static void hmp_info_mtree(Monitor *mon, const QDict *qdict)
{
    g_autofree char *text = NULL;

    memory_map_init();
    text = mtree_info(qdict_get_try_bool(qdict, "flatview", false));
    monitor_printf(mon, "%s", text);
}

const HMPCommand hmp_run_info_commands[] = {
    {
        .name = "cpus",
        .args_type = "",
        .params = "",
        .help = "show infos for each CPU",
        .cmd = hmp_info_cpus,
    },
    {
        .name = "kvm",
        .args_type = "",
        .params = "",
        .help = "show KVM information",
        .cmd = hmp_info_kvm,
    },
    {
        .name = "mtree",
        .args_type = "flatview:-f",
        .params = "[-f]",
        .help = "show memory tree (-f: dump flat view for address spaces)",
        .cmd = hmp_info_mtree,
    },
    { }
};
