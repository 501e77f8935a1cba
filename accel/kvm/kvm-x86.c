/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvm-x86.c: what makes a KVM vCPU an x86 CPU: -cpu host's CPUID with
 * each vCPU's topology, the MSRs, and its reset and boot state.
 */
#include "osdep.h"

#include "kvm-internal.h"
#include "util/error.h"
#include "util/error-report.h"

#define CPUID_1_ECX_HYPERVISOR (1U << 31)
#define CPUID_1_EDX_HTT (1U << 28)
#define CPUID_8000_0001_ECX_CMP_LEGACY (1U << 1)
#define KVM_CPUID_SIGNATURE 0x40000000
#define KVM_CPUID_FEATURES 0x40000001

/* LAPIC registers (byte offsets) and LVT delivery modes. */
#define APIC_LVT0 0x350
#define APIC_LVT1 0x360
#define APIC_DM_NMI 0x400
#define APIC_DM_EXTINT 0x700

/* The MSRs a reset sets, with their reset values (QEMU's and the SDM's). */
static const struct kvm_msr_entry kvm_reset_msrs[] = {
    { .index = 0x10 },                          /* IA32_TIME_STAMP_COUNTER */
    { .index = 0x174 },                         /* IA32_SYSENTER_CS */
    { .index = 0x175 },                         /* IA32_SYSENTER_ESP */
    { .index = 0x176 },                         /* IA32_SYSENTER_EIP */
    { .index = 0x1a0, .data = 1 },              /* IA32_MISC_ENABLE */
    { .index = 0x277, .data = 0x0007040600070406ULL },  /* IA32_PAT */
    { .index = 0xc0000081 },                    /* STAR */
    { .index = 0xc0000082 },                    /* LSTAR */
    { .index = 0xc0000083 },                    /* CSTAR */
    { .index = 0xc0000084 },                    /* SF_MASK */
    { .index = 0xc0000102 },                    /* KERNEL_GS_BASE */
    { .index = 0xc0000103 },                    /* TSC_AUX */
    { .index = 0x4b564d00 },                    /* KVM wall clock */
    { .index = 0x4b564d01 },                    /* KVM system time */
    { .index = 0x4b564d02 },                    /* KVM async page faults */
    { .index = 0x4b564d03 },                    /* KVM steal time */
    { .index = 0x4b564d04 },                    /* KVM PV EOI */
};

/* The supported CPUID, growing the buffer until KVM says it fits. */
static bool kvm_get_supported_cpuid(KVMState *s, Error **errp)
{
    unsigned nent = 64;
    int ret;

    for (;;) {
        s->cpuid = g_malloc0(sizeof(*s->cpuid) +
                             nent * sizeof(s->cpuid->entries[0]));
        s->cpuid->nent = nent;
        ret = kvm_ioctl(s->fd, KVM_GET_SUPPORTED_CPUID, s->cpuid);
        if (-E2BIG != ret || 4096 <= nent) {
            break;
        }
        g_clear_pointer(&s->cpuid, g_free);
        nent *= 2;
    }
    if (0 > ret) {
        error_setg(errp, "KVM_GET_SUPPORTED_CPUID failed: %s",
                   g_strerror(-ret));
        return false;
    }
    return true;
}

/* Keep the MSRs of kvm_reset_msrs that KVM knows. */
static bool kvm_get_reset_msrs(KVMState *s, Error **errp)
{
    struct kvm_msr_list probe = { .nmsrs = 0 };
    g_autofree struct kvm_msr_list *list = NULL;
    size_t i, j;
    int ret;

    /* The first call fails with E2BIG, and says how many there are. */
    kvm_ioctl(s->fd, KVM_GET_MSR_INDEX_LIST, &probe);
    list = g_malloc0(sizeof(*list) + probe.nmsrs * sizeof(uint32_t));
    list->nmsrs = probe.nmsrs;
    ret = kvm_ioctl(s->fd, KVM_GET_MSR_INDEX_LIST, list);
    if (0 > ret) {
        error_setg(errp, "KVM_GET_MSR_INDEX_LIST failed: %s",
                   g_strerror(-ret));
        return false;
    }
    s->reset_msrs = g_new(uint32_t, ARRAY_SIZE(kvm_reset_msrs));
    for (i = 0; i < ARRAY_SIZE(kvm_reset_msrs); i++) {
        for (j = 0; j < list->nmsrs; j++) {
            if (list->indices[j] == kvm_reset_msrs[i].index) {
                s->reset_msrs[s->nr_reset_msrs++] = i;
                break;
            }
        }
    }
    return true;
}

bool kvm_x86_init_vm(KVMState *s, Error **errp)
{
    return kvm_get_supported_cpuid(s, errp) && kvm_get_reset_msrs(s, errp);
}

/* Bits needed to number @n items (0 for 1). */
static unsigned kvm_bits_for(unsigned n)
{
    return n > 1 ? 32 - __builtin_clz(n - 1) : 0;
}

/*
 * Leaves 0xb and 0x1f (extended topology): SMT level, then core level
 * (all vCPUs are cores of one socket, one thread each), then the end.
 */
static void kvm_cpuid_topology(struct kvm_cpuid_entry2 *e, unsigned ncpus,
                               uint32_t apic_id)
{
    e->edx = apic_id;
    e->ecx = e->index & 0xff;
    switch (e->index) {
    case 0:
        e->eax = 0;
        e->ebx = 1;
        e->ecx |= 1 << 8;
        break;
    case 1:
        e->eax = kvm_bits_for(ncpus);
        e->ebx = ncpus;
        e->ecx |= 2 << 8;
        break;
    default:
        e->eax = e->ebx = 0;
        break;
    }
}

/* Adjust one supported CPUID entry @e for vCPU @cpu of @ncpus. */
static void kvm_cpuid_fixup(struct kvm_cpuid_entry2 *e, const KVMCPU *cpu,
                            unsigned ncpus)
{
    switch (e->function) {
    case 1:
        e->ebx = (cpu->apic_id << 24) | (e->ebx & 0xffff);
        e->edx &= ~CPUID_1_EDX_HTT;
        if (ncpus > 1) {
            e->ebx |= ncpus << 16;
            e->edx |= CPUID_1_EDX_HTT;
        }
        e->ecx |= CPUID_1_ECX_HYPERVISOR;
        break;
    case 4:
        /* Cores per package; caches up to L2 are per core, L3 shared. */
        e->eax &= 0x3fff;
        e->eax |= (ncpus - 1) << 26;
        if (3 <= ((e->eax >> 5) & 7)) {
            e->eax |= (ncpus - 1) << 14;
        }
        break;
    case 0xb:
    case 0x1f:
        kvm_cpuid_topology(e, ncpus, cpu->apic_id);
        break;
    case KVM_CPUID_SIGNATURE:
        e->eax = KVM_CPUID_FEATURES;
        memcpy(&e->ebx, "KVMK", 4);
        memcpy(&e->ecx, "VMKV", 4);
        memcpy(&e->edx, "M\0\0\0", 4);
        break;
    case 0x80000001:
        e->ecx &= ~CPUID_8000_0001_ECX_CMP_LEGACY;
        if (ncpus > 1) {
            e->ecx |= CPUID_8000_0001_ECX_CMP_LEGACY;
        }
        break;
    case 0x80000008:
        e->ecx = (e->ecx & ~0xf0ffU) | (kvm_bits_for(ncpus) << 12) |
                 (ncpus - 1);
        break;
    case 0x8000001e:
        e->eax = cpu->apic_id;
        e->ebx = cpu->core_id;
        e->ecx = 0;
        break;
    }
}

static bool kvm_set_cpuid(KVMState *s, KVMCPU *cpu, Error **errp)
{
    g_autofree struct kvm_cpuid2 *cpuid = NULL;
    size_t size = sizeof(*s->cpuid) +
                  s->cpuid->nent * sizeof(s->cpuid->entries[0]);
    uint32_t i;
    int ret;

    cpuid = g_memdup2(s->cpuid, size);
    for (i = 0; i < cpuid->nent; i++) {
        kvm_cpuid_fixup(&cpuid->entries[i], cpu, s->smp_cpus);
    }
    ret = kvm_ioctl(cpu->fd, KVM_SET_CPUID2, cpuid);
    if (0 > ret) {
        error_setg(errp, "setting the CPUID of vCPU %u failed: %s",
                   cpu->index, g_strerror(-ret));
        return false;
    }
    return true;
}

/* CPUID leaf 1's EAX (family, model, stepping): EDX after a reset. */
static uint32_t kvm_cpuid_version(const KVMState *s)
{
    uint32_t i;

    for (i = 0; i < s->cpuid->nent; i++) {
        if (1 == s->cpuid->entries[i].function) {
            return s->cpuid->entries[i].eax;
        }
    }
    return 0x600;
}

/*
 * Read @cpu's state as KVM created it, with the FPU and XCR0 in their
 * reset state: what every reset restores.
 */
static bool kvm_save_reset_state(KVMState *s, KVMCPU *cpu, Error **errp)
{
    KVMCPUResetState *r = &cpu->reset;
    int ret;

    ret = kvm_ioctl(cpu->fd, KVM_GET_REGS, &r->regs);
    if (0 <= ret) {
        ret = kvm_ioctl(cpu->fd, KVM_GET_SREGS, &r->sregs);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(cpu->fd, KVM_GET_LAPIC, &r->lapic);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(cpu->fd, KVM_GET_VCPU_EVENTS, &r->events);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(cpu->fd, KVM_GET_DEBUGREGS, &r->debugregs);
    }
    if (0 > ret) {
        error_setg(errp, "reading the state of vCPU %u failed: %s",
                   cpu->index, g_strerror(-ret));
        return false;
    }
    r->regs.rdx = kvm_cpuid_version(s);
    /* x87 and SSE as QEMU resets them (KVM may leave MXCSR 0); XCR0 x87. */
    r->fpu.fcw = 0x37f;
    r->fpu.mxcsr = 0x1f80;
    if (s->has_xcrs) {
        r->xcrs.nr_xcrs = 1;
        r->xcrs.xcrs[0].value = 1;
    }
    return true;
}

bool kvm_x86_init_cpu(KVMState *s, KVMCPU *cpu, Error **errp)
{
    return kvm_set_cpuid(s, cpu, errp) && kvm_save_reset_state(s, cpu, errp);
}

static void kvm_lapic_set(struct kvm_lapic_state *lapic, unsigned reg,
                          uint32_t value)
{
    memcpy(&lapic->regs[reg], &value, sizeof(value));
}

static void kvm_boot_state_apply(const X86CpuBootState *boot,
                                 struct kvm_regs *regs,
                                 struct kvm_sregs *sregs)
{
    *regs = boot->regs;
    sregs->cs = boot->cs;
    sregs->ds = sregs->es = sregs->fs = sregs->gs = sregs->ss = boot->ds;
    sregs->gdt = boot->gdt;
    sregs->cr0 = boot->cr0;
    sregs->cr3 = boot->cr3;
    sregs->cr4 = boot->cr4;
    sregs->efer = boot->efer;
}

static int kvm_put_reset_msrs(KVMState *s, KVMCPU *cpu)
{
    g_autofree struct kvm_msrs *msrs = NULL;
    unsigned i;
    int ret;

    msrs = g_malloc0(sizeof(*msrs) +
                     s->nr_reset_msrs * sizeof(msrs->entries[0]));
    for (i = 0; i < s->nr_reset_msrs; i++) {
        msrs->entries[i] = kvm_reset_msrs[s->reset_msrs[i]];
    }
    msrs->nmsrs = s->nr_reset_msrs;
    ret = kvm_ioctl(cpu->fd, KVM_SET_MSRS, msrs);
    /* KVM_SET_MSRS returns how many it set: stopping early is a failure. */
    return 0 <= ret && (unsigned)ret < msrs->nmsrs ? -EINVAL : ret;
}

void kvm_x86_reset_cpu(KVMState *s, KVMCPU *cpu, const X86CpuBootState *boot)
{
    KVMCPUResetState r = cpu->reset;
    struct kvm_mp_state mp = {
        /* APs wait for INIT and SIPI; vCPU 0 runs. */
        .mp_state = cpu->index ? KVM_MP_STATE_UNINITIALIZED
                               : KVM_MP_STATE_RUNNABLE,
    };
    int ret;

    if (boot) {
        kvm_boot_state_apply(boot, &r.regs, &r.sregs);
    }
    /* Virtual wire mode, as firmware leaves it: PIC interrupts via LINT0. */
    if (!cpu->index) {
        kvm_lapic_set(&r.lapic, APIC_LVT0, APIC_DM_EXTINT);
    }
    kvm_lapic_set(&r.lapic, APIC_LVT1, APIC_DM_NMI);

    ret = kvm_ioctl(cpu->fd, KVM_SET_SREGS, &r.sregs);
    if (0 <= ret) {
        ret = kvm_ioctl(cpu->fd, KVM_SET_REGS, &r.regs);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(cpu->fd, KVM_SET_FPU, &r.fpu);
    }
    if (0 <= ret && s->has_xcrs) {
        ret = kvm_ioctl(cpu->fd, KVM_SET_XCRS, &r.xcrs);
    }
    if (0 <= ret) {
        ret = kvm_put_reset_msrs(s, cpu);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(cpu->fd, KVM_SET_LAPIC, &r.lapic);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(cpu->fd, KVM_SET_VCPU_EVENTS, &r.events);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(cpu->fd, KVM_SET_DEBUGREGS, &r.debugregs);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(cpu->fd, KVM_SET_MP_STATE, &mp);
    }
    if (0 > ret) {
        error_report("kvm: resetting vCPU %u failed: %s", cpu->index,
                     g_strerror(-ret));
    }
}
