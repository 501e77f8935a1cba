/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvm-info.c: the vCPUs as the monitor sees them: query-cpus-fast, the
 * index check of HMP `cpu`, and HMP `info registers`.
 */
#include "osdep.h"

#include "kvm-internal.h"
#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "qapi/util.h"
#include "system/accel-info.h"

static CpuInfoFastList *kvm_query_cpus(void)
{
    KVMState *s = kvm_state;
    CpuInfoFastList *head = NULL, **tail = &head;
    unsigned i;

    for (i = 0; i < s->ncpus; i++) {
        KVMCPU *cpu = s->cpus[i];
        CpuInfoFast *info = g_new0(CpuInfoFast, 1);
        CpuInstanceProperties *props = g_new0(CpuInstanceProperties, 1);

        info->cpu_index = cpu->index;
        info->qom_path = object_get_canonical_path(OBJECT(cpu));
        info->thread_id = cpu->tid;
        info->target = SYS_EMU_TARGET_X86_64;
        props->has_socket_id = props->has_core_id = true;
        props->has_thread_id = true;
        props->socket_id = cpu->socket_id;
        props->core_id = cpu->core_id;
        props->thread_id = cpu->thread_id;
        info->props = props;
        QAPI_LIST_APPEND(tail, info);
    }
    return head;
}

static const AccelInfoOps kvm_info_ops = {
    .query_cpus = kvm_query_cpus,
};

static bool kvm_cpu_exists(int64_t index)
{
    return kvm_state && 0 <= index && index < kvm_state->ncpus;
}

void kvm_info_init(void)
{
    accel_info_register_kvm(&kvm_info_ops);
    monitor_set_cpu_exists_func(kvm_cpu_exists);
}

void kvm_info_cleanup(void)
{
    monitor_set_cpu_exists_func(NULL);
    accel_info_register_kvm(NULL);
}

/* "\nCPU#N\n" and the registers, with the vCPU out of KVM_RUN meanwhile. */
static void kvm_print_registers(Monitor *mon, KVMCPU *cpu)
{
    g_autofree char *text = NULL;

    kvm_cpu_sync_begin(cpu);
    text = kvm_cpu_dump_state(cpu);
    kvm_cpu_sync_end(cpu);
    monitor_printf(mon, "\nCPU#%u\n%s", cpu->index, text);
}

/* QEMU's texts: every vCPU with -a, vCPU @vcpu, or the monitor's. */
static void hmp_info_registers(Monitor *mon, const QDict *qdict)
{
    bool all = qdict_get_try_bool(qdict, "cpustate_all", false);
    int64_t vcpu = qdict_get_try_int(qdict, "vcpu", -1);
    KVMState *s = kvm_state;
    unsigned i;

    if (all) {
        for (i = 0; s && i < s->ncpus; i++) {
            kvm_print_registers(mon, s->cpus[i]);
        }
        return;
    }
    if (0 > vcpu) {
        vcpu = MAX(monitor_get_cpu_index(mon), 0);
        if (!kvm_cpu_exists(vcpu)) {
            monitor_printf(mon, "No CPU available\n");
            return;
        }
    }
    if (!kvm_cpu_exists(vcpu)) {
        monitor_printf(mon, "CPU#%" PRId64 " not available\n", vcpu);
        return;
    }
    kvm_print_registers(mon, s->cpus[vcpu]);
}

static const HMPCommand kvm_hmp_info_commands[] = {
    {
        .name = "registers",
        .args_type = "cpustate_all:-a,vcpu:i?",
        .params = "[-a|vcpu]",
        .help = "show the cpu registers (-a: show register info for all "
                "cpus; vcpu: specific vCPU to query; show the current CPU's "
                "registers if no argument is specified)",
        .cmd = hmp_info_registers,
    },
    { /* end of list */ }
};

void kvm_hmp_register(void)
{
    hmp_register_info_commands(kvm_hmp_info_commands);
}
