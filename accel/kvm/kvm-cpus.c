/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvm-cpus.c: the vCPU device ("host-x86_64-cpu") and its thread:
 * parked until the VM runs, kicked out of KVM_RUN with a signal and
 * kvm_run->immediate_exit when the VM pauses, joined at exit.
 */
#include "osdep.h"

#include <signal.h>
#include <sys/mman.h>

#include "kvm-internal.h"
#include "hw/qdev-properties.h"
#include "system/runstate.h"
#include "util/error.h"
#include "util/main-loop.h"

/* The signal that kicks a vCPU thread out of KVM_RUN, as in QEMU. */
#define SIG_IPI SIGUSR1

/*
 * cpus_lock guards cpus_run, cpus_exit and each vCPU's parked,
 * pause_req and held; cpus_cond announces every change of them. Lock
 * order: the big lock, then cpus_lock (a vCPU thread never takes the big
 * lock while holding cpus_lock).
 */
static GMutex cpus_lock;
static GCond cpus_cond;
static bool cpus_run;
static bool cpus_exit;

/* Whether @cpu must stay out of the guest. cpus_lock held. */
static bool kvm_cpu_must_park(const KVMCPU *cpu)
{
    return !cpus_run || cpus_exit || cpu->pause_req || cpu->held;
}

/* Make @cpu leave KVM_RUN soon, wherever it is. cpus_lock held. */
static void kvm_cpu_kick(KVMCPU *cpu)
{
    /*
     * immediate_exit covers a kick that lands just before KVM_RUN: the
     * ioctl then returns EINTR at once, after finishing a pending I/O.
     */
    __atomic_store_n(&cpu->run->immediate_exit, 1, __ATOMIC_SEQ_CST);
    pthread_kill(cpu->pthread, SIG_IPI);
}

/*
 * Wait until @cpu (every vCPU when NULL) is parked, with the big lock
 * released meanwhile so that a vCPU can finish its I/O exit. Called with
 * cpus_lock held; returns with it released.
 */
static void kvm_cpus_wait_parked(KVMCPU *cpu)
{
    KVMState *s = kvm_state;
    bool had_bql = bql_locked();
    unsigned i = 0;

    if (had_bql) {
        bql_unlock();
    }
    while (cpu ? !cpu->parked : i < s->ncpus) {
        if (!cpu && s->cpus[i]->parked) {
            i++;
            continue;
        }
        g_cond_wait(&cpus_cond, &cpus_lock);
    }
    g_mutex_unlock(&cpus_lock);
    if (had_bql) {
        bql_lock();
    }
}

static void kvm_cpus_pause_all(void)
{
    KVMState *s = kvm_state;
    unsigned i;

    g_mutex_lock(&cpus_lock);
    cpus_run = false;
    for (i = 0; i < s->ncpus; i++) {
        kvm_cpu_kick(s->cpus[i]);
    }
    kvm_cpus_wait_parked(NULL);
}

static void kvm_cpus_resume_all(void)
{
    KVMState *s = kvm_state;
    unsigned i;

    /* As QEMU's resume_all_vcpus(): a reset of a stopped VM keeps it so. */
    if (!runstate_is_running()) {
        return;
    }
    g_mutex_lock(&cpus_lock);
    s->started = true;
    cpus_run = true;
    for (i = 0; i < s->ncpus; i++) {
        s->cpus[i]->held = false;
    }
    g_cond_broadcast(&cpus_cond);
    g_mutex_unlock(&cpus_lock);
}

const VMCpusOps kvm_cpus_ops = {
    .pause_all = kvm_cpus_pause_all,
    .resume_all = kvm_cpus_resume_all,
};

void kvm_cpu_sync_begin(KVMCPU *cpu)
{
    g_mutex_lock(&cpus_lock);
    cpu->pause_req = true;
    if (!cpu->parked) {
        kvm_cpu_kick(cpu);
    }
    kvm_cpus_wait_parked(cpu);
}

void kvm_cpu_sync_end(KVMCPU *cpu)
{
    g_mutex_lock(&cpus_lock);
    cpu->pause_req = false;
    g_cond_broadcast(&cpus_cond);
    g_mutex_unlock(&cpus_lock);
}

void kvm_cpu_hold(KVMCPU *cpu)
{
    g_mutex_lock(&cpus_lock);
    cpu->held = true;
    g_mutex_unlock(&cpus_lock);
}

bool kvm_cpu_should_stop(KVMCPU *cpu)
{
    bool stop;

    g_mutex_lock(&cpus_lock);
    stop = kvm_cpu_must_park(cpu);
    if (!stop) {
        /* A stale kick: no one waits for this vCPU, so run on. */
        cpu->run->immediate_exit = 0;
    }
    g_mutex_unlock(&cpus_lock);
    return stop;
}

/*
 * Park @cpu until it may run. Returns false when the thread must end.
 * cpus_lock held.
 */
static bool kvm_cpu_wait_to_run(KVMCPU *cpu)
{
    while (kvm_cpu_must_park(cpu)) {
        if (cpus_exit) {
            return false;
        }
        if (!cpu->parked) {
            cpu->parked = true;
            g_cond_broadcast(&cpus_cond);
        }
        g_cond_wait(&cpus_cond, &cpus_lock);
    }
    cpu->parked = false;
    cpu->run->immediate_exit = 0;
    return true;
}

static void kvm_ipi_handler(int sig)
{
    /* Nothing to do: the signal only interrupts KVM_RUN. */
}

/* Block every signal in a vCPU thread but SIG_IPI. */
static void kvm_cpu_thread_signals(void)
{
    struct sigaction sa = { .sa_handler = kvm_ipi_handler };
    sigset_t set;

    sigaction(SIG_IPI, &sa, NULL);
    sigfillset(&set);
    sigdelset(&set, SIG_IPI);
    pthread_sigmask(SIG_SETMASK, &set, NULL);
}

static gpointer kvm_cpu_thread(gpointer opaque)
{
    KVMCPU *cpu = opaque;

    kvm_cpu_thread_signals();
    g_mutex_lock(&cpus_lock);
    cpu->tid = gettid();
    cpu->pthread = pthread_self();
    while (kvm_cpu_wait_to_run(cpu)) {
        g_mutex_unlock(&cpus_lock);
        kvm_cpu_exec(cpu);
        g_mutex_lock(&cpus_lock);
    }
    g_mutex_unlock(&cpus_lock);
    return NULL;
}

void kvm_cpus_start(KVMCPU *cpu)
{
    g_autofree char *name = g_strdup_printf("CPU %u/KVM", cpu->index);

    g_mutex_lock(&cpus_lock);
    cpus_exit = false;
    cpu->thread = g_thread_new(name, kvm_cpu_thread, cpu);
    /* Parked, it has published its IDs for kicks and query-cpus-fast. */
    while (!cpu->parked) {
        g_cond_wait(&cpus_cond, &cpus_lock);
    }
    g_mutex_unlock(&cpus_lock);
}

void kvm_cpus_stop_all(KVMState *s)
{
    bool had_bql = bql_locked();
    unsigned i;

    g_mutex_lock(&cpus_lock);
    cpus_exit = true;
    cpus_run = false;
    for (i = 0; i < s->ncpus; i++) {
        kvm_cpu_kick(s->cpus[i]);
    }
    g_cond_broadcast(&cpus_cond);
    g_mutex_unlock(&cpus_lock);
    /* A vCPU may be waiting for the big lock to finish an I/O exit. */
    if (had_bql) {
        bql_unlock();
    }
    for (i = 0; i < s->ncpus; i++) {
        g_thread_join(g_steal_pointer(&s->cpus[i]->thread));
    }
    if (had_bql) {
        bql_lock();
    }
}

static bool kvm_cpu_realize(DeviceState *dev, Error **errp)
{
    KVMCPU *cpu = KVM_CPU(dev);
    KVMState *s = kvm_state;
    void *run;

    cpu->fd = kvm_ioctl(s->vmfd, KVM_CREATE_VCPU,
                        (void *)(long)cpu->apic_id);
    if (0 > cpu->fd) {
        error_setg(errp, "creating vCPU %u failed: %s", cpu->index,
                   g_strerror(-cpu->fd));
        return false;
    }
    run = mmap(NULL, s->run_size, PROT_READ | PROT_WRITE, MAP_SHARED,
               cpu->fd, 0);
    if (MAP_FAILED == run) {
        error_setg_errno(errp, errno, "mapping the run area of vCPU %u",
                         cpu->index);
        return false;
    }
    cpu->run = run;
    cpu->run_size = s->run_size;
    return kvm_x86_init_cpu(s, cpu, errp);
}

static void kvm_cpu_unrealize(DeviceState *dev)
{
    KVMCPU *cpu = KVM_CPU(dev);

    if (cpu->run) {
        munmap(cpu->run, cpu->run_size);
    }
    if (0 <= cpu->fd) {
        close(cpu->fd);
    }
}

static void kvm_cpu_instance_init(Object *obj)
{
    KVM_CPU(obj)->fd = -1;
}

static Property kvm_cpu_properties[] = {
    DEFINE_PROP_UINT32("apic-id", KVMCPU, apic_id, 0),
    DEFINE_PROP_INT32("socket-id", KVMCPU, socket_id, 0),
    DEFINE_PROP_INT32("core-id", KVMCPU, core_id, 0),
    DEFINE_PROP_INT32("thread-id", KVMCPU, thread_id, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void kvm_cpu_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->realize = kvm_cpu_realize;
    dc->unrealize = kvm_cpu_unrealize;
    dc->desc = "the host's CPU, run by KVM";
    dc->categories = 1UL << DEVICE_CATEGORY_CPU;
    /* kvm_init() makes them; -device and device_add cannot. */
    dc->user_creatable = false;
    device_class_set_props(dc, kvm_cpu_properties);
}

static const TypeInfo kvm_cpu_info = {
    .name = TYPE_KVM_CPU,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(KVMCPU),
    .instance_init = kvm_cpu_instance_init,
    .class_init = kvm_cpu_class_init,
};

static void kvm_cpu_register_types(void)
{
    type_register_static(&kvm_cpu_info);
}

type_init(kvm_cpu_register_types)
