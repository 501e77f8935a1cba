/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvm-internal.h: what the files of accel/kvm/ share: the VM, its vCPUs
 * (QOM devices "host-x86_64-cpu") and their threads.
 */
#ifndef ACCEL_KVM_INTERNAL_H
#define ACCEL_KVM_INTERNAL_H

#include <pthread.h>

#include "hw/qdev-core.h"
#include "system/kvm.h"
#include "system/memory-as.h"
#include "system/vm-state.h"

#define TYPE_KVM_CPU "host-x86_64-cpu"
OBJECT_DECLARE_SIMPLE_TYPE(KVMCPU, KVM_CPU)

/* A vCPU's registers as KVM creates them: what a reset restores. */
typedef struct KVMCPUResetState {
    struct kvm_regs regs;
    struct kvm_sregs sregs;
    struct kvm_fpu fpu;
    struct kvm_xcrs xcrs;
    struct kvm_lapic_state lapic;
    struct kvm_vcpu_events events;
    struct kvm_debugregs debugregs;
} KVMCPUResetState;

/*
 * KVMCPU: one vCPU. The properties say where it sits (QEMU's names);
 * parked, pause_req and held are guarded by the vCPU lock of
 * kvm-cpus.c, the rest is set up before its thread starts.
 */
struct KVMCPU {
    DeviceState parent_obj;

    /* properties */
    uint32_t apic_id;
    int32_t socket_id;
    int32_t core_id;
    int32_t thread_id;

    unsigned index;
    int fd;
    struct kvm_run *run;        /* mmap of the vCPU fd */
    size_t run_size;
    KVMCPUResetState reset;
    GThread *thread;
    pthread_t pthread;
    int tid;                    /* host thread ID */
    bool parked;                /* waiting outside KVM_RUN */
    bool pause_req;             /* one vCPU stopped for the monitor */
    bool held;                  /* stopped itself until the next resume */
};

/* A memory slot; size 0 means free. flags is for dirty logging later. */
typedef struct KVMSlot {
    hwaddr gpa;
    uint64_t size;
    void *host;
    uint32_t flags;
} KVMSlot;

/* The VM: one per process, kvm_state while kvm_init() has succeeded. */
typedef struct KVMState {
    int fd;                     /* /dev/kvm */
    int vmfd;
    int run_size;               /* KVM_GET_VCPU_MMAP_SIZE */
    bool has_xcrs;
    bool has_xsave;
    struct kvm_cpuid2 *cpuid;   /* KVM_GET_SUPPORTED_CPUID */
    uint32_t *reset_msrs;       /* the MSRs of kvm_reset_msrs KVM has */
    unsigned nr_reset_msrs;
    KVMSlot *slots;
    unsigned nr_slots;          /* KVM_CAP_NR_MEMSLOTS */
    MemoryListener listener;
    KVMCPU **cpus;
    unsigned ncpus;             /* created so far */
    unsigned smp_cpus;          /* asked for */
    X86CpuBootState boot;
    bool has_boot;
    bool started;               /* the vCPUs ran once */
} KVMState;

extern KVMState *kvm_state;

/* ioctl() on @fd, retried on EINTR; -errno on failure. */
int kvm_ioctl(int fd, unsigned long request, void *arg);

/* kvm-slots.c: follow address_space_memory with memory slots. */
void kvm_slots_init(KVMState *s);
void kvm_slots_cleanup(KVMState *s);

/*
 * kvm-x86.c. kvm_x86_init_vm: the supported CPUID and MSRs of the host.
 * kvm_x86_init_cpu: a new vCPU's CPUID and reset state.
 * kvm_x86_reset_cpu: load it (and @boot when not NULL).
 */
bool kvm_x86_init_vm(KVMState *s, Error **errp);
bool kvm_x86_init_cpu(KVMState *s, KVMCPU *cpu, Error **errp);
void kvm_x86_reset_cpu(KVMState *s, KVMCPU *cpu,
                       const X86CpuBootState *boot);

/*
 * kvm-cpus.c. kvm_cpus_start: run @cpu's thread, parked until resumed.
 * kvm_cpus_stop_all: end and join every vCPU thread.
 * kvm_cpu_hold: from @cpu's thread, keep it out of the guest until the
 * next resume (after a triple fault or an error).
 * kvm_cpu_should_stop: from @cpu's thread after KVM_RUN was
 * interrupted: whether to leave the run loop.
 * kvm_cpu_sync_begin/end: keep one vCPU out of KVM_RUN (main thread)
 * while the monitor reads its registers.
 */
void kvm_cpus_start(KVMCPU *cpu);
void kvm_cpus_stop_all(KVMState *s);
void kvm_cpu_hold(KVMCPU *cpu);
bool kvm_cpu_should_stop(KVMCPU *cpu);
void kvm_cpu_sync_begin(KVMCPU *cpu);
void kvm_cpu_sync_end(KVMCPU *cpu);
extern const VMCpusOps kvm_cpus_ops;

/* kvm-run.c: run @cpu in the guest until it must stop. vCPU thread. */
void kvm_cpu_exec(KVMCPU *cpu);

/* kvm-info.c: register (and drop) query-cpus-fast and the HMP `cpu` check. */
void kvm_info_init(void);
void kvm_info_cleanup(void);

/* Everything `info registers` shows of a vCPU, as read from KVM. */
typedef struct KVMCPUDump {
    struct kvm_regs regs;
    struct kvm_sregs sregs;
    struct kvm_fpu fpu;
    struct kvm_vcpu_events events;
    struct kvm_debugregs debugregs;
    struct kvm_mp_state mp;
    struct kvm_xcrs xcrs;
    uint64_t xcr0;
    bool lma;                   /* long mode active */
    bool cs64;                  /* ... and a 64-bit code segment */
    bool have_xsave;            /* xsave holds the guest's XSAVE area */
    uint32_t xsave_offset[8];   /* of XSAVE components 5-7 (AVX-512) */
    struct kvm_xsave xsave;     /* last: it ends in a flexible array */
} KVMCPUDump;

/* kvm-dump.c: `info registers` for @cpu, QEMU's text (new string). */
char *kvm_cpu_dump_state(KVMCPU *cpu);

/* kvm-dump.c: @d as QEMU 7.2's `info registers` text (new string). */
char *kvm_dump_format(const KVMCPUDump *d);

#endif /* ACCEL_KVM_INTERNAL_H */
