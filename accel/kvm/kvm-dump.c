/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvm-dump.c: a vCPU's registers as text, in the layout of QEMU 7.2's
 * `info registers` (x86_cpu_dump_state() with the FPU).
 */
#include "osdep.h"

#include "kvm-internal.h"

#define CR0_PE (1ULL << 0)
#define EFER_LMA (1ULL << 10)
#define RFLAGS_CF (1U << 0)
#define RFLAGS_PF (1U << 2)
#define RFLAGS_AF (1U << 4)
#define RFLAGS_ZF (1U << 6)
#define RFLAGS_SF (1U << 7)
#define RFLAGS_DF (1U << 10)
#define RFLAGS_OF (1U << 11)
#define XCR0_SSE (1ULL << 1)
#define XCR0_YMM (1ULL << 2)
/* Where the standard XSAVE layout keeps the upper halves of YMM0-15. */
#define XSAVE_YMM_HI_OFFSET 576

/* Everything `info registers` shows, read from KVM. */
typedef struct KVMCPUDump {
    struct kvm_regs regs;
    struct kvm_sregs sregs;
    struct kvm_fpu fpu;
    struct kvm_vcpu_events events;
    struct kvm_debugregs debugregs;
    struct kvm_mp_state mp;
    struct kvm_xcrs xcrs;
    bool lma;                   /* long mode active */
    bool cs64;                  /* ... and a 64-bit code segment */
    bool ymm;                   /* AVX state enabled in XCR0 */
    struct kvm_xsave xsave;     /* last: it ends in a flexible array */
} KVMCPUDump;

/* The flags word QEMU keeps for a segment (descriptor bits 8-23). */
static uint32_t kvm_seg_flags(const struct kvm_segment *seg)
{
    return (uint32_t)seg->type << 8 | (uint32_t)seg->s << 12 |
           (uint32_t)seg->dpl << 13 |
           (uint32_t)(seg->present && !seg->unusable) << 15 |
           (uint32_t)seg->avl << 20 | (uint32_t)seg->l << 21 |
           (uint32_t)seg->db << 22 | (uint32_t)seg->g << 23;
}

static const char *kvm_sys_seg_name(unsigned type, bool lma)
{
    static const char *const names[2][16] = {
        { "Reserved", "TSS16-avl", "LDT", "TSS16-busy", "CallGate16",
          "TaskGate", "IntGate16", "TrapGate16", "Reserved", "TSS32-avl",
          "Reserved", "TSS32-busy", "CallGate32", "Reserved", "IntGate32",
          "TrapGate32" },
        { "<hiword>", "Reserved", "LDT", "Reserved", "Reserved",
          "Reserved", "Reserved", "Reserved", "Reserved", "TSS64-avl",
          "Reserved", "TSS64-busy", "CallGate64", "Reserved", "IntGate64",
          "TrapGate64" },
    };

    return names[lma][type & 15];
}

static void kvm_dump_seg(GString *out, const KVMCPUDump *d, const char *name,
                         const struct kvm_segment *seg)
{
    uint32_t flags = kvm_seg_flags(seg);

    if (d->cs64) {
        g_string_append_printf(out, "%-3s=%04x %016llx %08x %08x", name,
                               seg->selector, seg->base, seg->limit,
                               flags & 0x00ffff00);
    } else {
        g_string_append_printf(out, "%-3s=%04x %08x %08x %08x", name,
                               seg->selector, (uint32_t)seg->base,
                               seg->limit, flags & 0x00ffff00);
    }
    if ((d->sregs.cr0 & CR0_PE) && seg->present && !seg->unusable) {
        g_string_append_printf(out, " DPL=%u ", seg->dpl);
        if (!seg->s) {
            g_string_append(out, kvm_sys_seg_name(seg->type, d->lma));
        } else if (seg->type & 8) {
            g_string_append_printf(out, "%s [%c%c%c]",
                                   seg->l ? "CS64" : seg->db ? "CS32" : "CS16",
                                   seg->type & 4 ? 'C' : '-',
                                   seg->type & 2 ? 'R' : '-',
                                   seg->type & 1 ? 'A' : '-');
        } else {
            g_string_append_printf(out, "%s [%c%c%c]",
                                   seg->db || d->lma ? "DS  " : "DS16",
                                   seg->type & 4 ? 'E' : '-',
                                   seg->type & 2 ? 'W' : '-',
                                   seg->type & 1 ? 'A' : '-');
        }
    }
    g_string_append_c(out, '\n');
}

static void kvm_dump_gprs(GString *out, const KVMCPUDump *d)
{
    const struct kvm_regs *r = &d->regs;

    if (d->cs64) {
        g_string_append_printf(out,
            "RAX=%016llx RBX=%016llx RCX=%016llx RDX=%016llx\n"
            "RSI=%016llx RDI=%016llx RBP=%016llx RSP=%016llx\n"
            "R8 =%016llx R9 =%016llx R10=%016llx R11=%016llx\n"
            "R12=%016llx R13=%016llx R14=%016llx R15=%016llx\n"
            "RIP=%016llx RFL=%08x",
            r->rax, r->rbx, r->rcx, r->rdx, r->rsi, r->rdi, r->rbp, r->rsp,
            r->r8, r->r9, r->r10, r->r11, r->r12, r->r13, r->r14, r->r15,
            r->rip, (uint32_t)r->rflags);
    } else {
        g_string_append_printf(out,
            "EAX=%08x EBX=%08x ECX=%08x EDX=%08x\n"
            "ESI=%08x EDI=%08x EBP=%08x ESP=%08x\n"
            "EIP=%08x EFL=%08x",
            (uint32_t)r->rax, (uint32_t)r->rbx, (uint32_t)r->rcx,
            (uint32_t)r->rdx, (uint32_t)r->rsi, (uint32_t)r->rdi,
            (uint32_t)r->rbp, (uint32_t)r->rsp, (uint32_t)r->rip,
            (uint32_t)r->rflags);
    }
    g_string_append_printf(out,
        " [%c%c%c%c%c%c%c] CPL=%u II=%u A20=1 SMM=%u HLT=%u\n",
        r->rflags & RFLAGS_DF ? 'D' : '-', r->rflags & RFLAGS_OF ? 'O' : '-',
        r->rflags & RFLAGS_SF ? 'S' : '-', r->rflags & RFLAGS_ZF ? 'Z' : '-',
        r->rflags & RFLAGS_AF ? 'A' : '-', r->rflags & RFLAGS_PF ? 'P' : '-',
        r->rflags & RFLAGS_CF ? 'C' : '-', d->sregs.ss.dpl,
        d->events.interrupt.shadow ? 1 : 0, d->events.smi.smm,
        KVM_MP_STATE_HALTED == d->mp.mp_state);
}

static void kvm_dump_system(GString *out, const KVMCPUDump *d)
{
    const struct kvm_sregs *s = &d->sregs;
    int i;

    if (d->lma) {
        g_string_append_printf(out, "GDT=     %016llx %08x\n"
                               "IDT=     %016llx %08x\n"
                               "CR0=%08x CR2=%016llx CR3=%016llx CR4=%08x\n",
                               s->gdt.base, s->gdt.limit, s->idt.base,
                               s->idt.limit, (uint32_t)s->cr0, s->cr2,
                               s->cr3, (uint32_t)s->cr4);
    } else {
        g_string_append_printf(out, "GDT=     %08x %08x\n"
                               "IDT=     %08x %08x\n"
                               "CR0=%08x CR2=%08x CR3=%08x CR4=%08x\n",
                               (uint32_t)s->gdt.base, s->gdt.limit,
                               (uint32_t)s->idt.base, s->idt.limit,
                               (uint32_t)s->cr0, (uint32_t)s->cr2,
                               (uint32_t)s->cr3, (uint32_t)s->cr4);
    }
    for (i = 0; i < 4; i++) {
        g_string_append_printf(out, "DR%d=%016llx ", i, d->debugregs.db[i]);
    }
    g_string_append_printf(out, "\nDR6=%016llx DR7=%016llx\n"
                           "EFER=%016llx\n", d->debugregs.dr6,
                           d->debugregs.dr7, s->efer);
}

static void kvm_dump_fpu(GString *out, const KVMCPUDump *d)
{
    const struct kvm_fpu *f = &d->fpu;
    int nregs = d->cs64 ? 16 : 8;
    uint64_t lo, hi, ymm_lo, ymm_hi;
    uint16_t exp;
    int i;

    g_string_append_printf(out, "FCW=%04x FSW=%04x [ST=%d] FTW=%02x "
                           "MXCSR=%08x\n", f->fcw, f->fsw, (f->fsw >> 11) & 7,
                           f->ftwx, f->mxcsr);
    for (i = 0; i < 8; i++) {
        memcpy(&lo, f->fpr[i], 8);
        memcpy(&exp, f->fpr[i] + 8, 2);
        g_string_append_printf(out, "FPR%d=%016" PRIx64 " %04x%c", i, lo, exp,
                               i & 1 ? '\n' : ' ');
    }
    for (i = 0; i < nregs; i++) {
        memcpy(&lo, f->xmm[i], 8);
        memcpy(&hi, f->xmm[i] + 8, 8);
        if (d->ymm) {
            const uint8_t *up = (const uint8_t *)d->xsave.region +
                                XSAVE_YMM_HI_OFFSET + 16 * i;

            memcpy(&ymm_lo, up, 8);
            memcpy(&ymm_hi, up + 8, 8);
            g_string_append_printf(out, "YMM%02d=%016" PRIx64 " %016" PRIx64
                                   " %016" PRIx64 " %016" PRIx64 "\n", i,
                                   ymm_hi, ymm_lo, hi, lo);
        } else {
            g_string_append_printf(out, "XMM%02d=%016" PRIx64 " %016" PRIx64
                                   "%c", i, hi, lo, i & 1 ? '\n' : ' ');
        }
    }
}

/* Read what the dump shows; false if KVM refused (then nothing is shown). */
static bool kvm_dump_read(const KVMState *s, KVMCPU *cpu, KVMCPUDump *d)
{
    uint64_t xcr0 = 1;
    uint32_t i;

    if (0 > kvm_ioctl(cpu->fd, KVM_GET_REGS, &d->regs) ||
        0 > kvm_ioctl(cpu->fd, KVM_GET_SREGS, &d->sregs) ||
        0 > kvm_ioctl(cpu->fd, KVM_GET_FPU, &d->fpu) ||
        0 > kvm_ioctl(cpu->fd, KVM_GET_VCPU_EVENTS, &d->events) ||
        0 > kvm_ioctl(cpu->fd, KVM_GET_DEBUGREGS, &d->debugregs) ||
        0 > kvm_ioctl(cpu->fd, KVM_GET_MP_STATE, &d->mp)) {
        return false;
    }
    if (s->has_xcrs && 0 <= kvm_ioctl(cpu->fd, KVM_GET_XCRS, &d->xcrs)) {
        for (i = 0; i < d->xcrs.nr_xcrs; i++) {
            if (0 == d->xcrs.xcrs[i].xcr) {
                xcr0 = d->xcrs.xcrs[i].value;
            }
        }
    }
    d->ymm = (XCR0_SSE | XCR0_YMM) == (xcr0 & (XCR0_SSE | XCR0_YMM)) &&
             s->has_xsave &&
             0 <= kvm_ioctl(cpu->fd, KVM_GET_XSAVE, &d->xsave);
    d->lma = d->sregs.efer & EFER_LMA;
    d->cs64 = d->lma && d->sregs.cs.l;
    return true;
}

char *kvm_cpu_dump_state(KVMCPU *cpu)
{
    static const char *const seg_names[] = { "ES", "CS", "SS", "DS", "FS",
                                             "GS" };
    g_autofree KVMCPUDump *d = g_new0(KVMCPUDump, 1);
    GString *out = g_string_new(NULL);
    const struct kvm_segment *segs[] = {
        &d->sregs.es, &d->sregs.cs, &d->sregs.ss, &d->sregs.ds, &d->sregs.fs,
        &d->sregs.gs,
    };
    size_t i;

    if (!kvm_dump_read(kvm_state, cpu, d)) {
        g_string_append(out, "CPU state not available\n");
        return g_string_free(out, false);
    }
    kvm_dump_gprs(out, d);
    for (i = 0; i < ARRAY_SIZE(segs); i++) {
        kvm_dump_seg(out, d, seg_names[i], segs[i]);
    }
    kvm_dump_seg(out, d, "LDT", &d->sregs.ldt);
    kvm_dump_seg(out, d, "TR", &d->sregs.tr);
    kvm_dump_system(out, d);
    kvm_dump_fpu(out, d);
    return g_string_free(out, false);
}
