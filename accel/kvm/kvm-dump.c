/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvm-dump.c: a vCPU's registers as text, in the layout of QEMU 7.2's
 * `info registers` (x86_cpu_dump_state() with the FPU).
 */
#include "osdep.h"

#include <cpuid.h>

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
/* Opmask, ZMM_Hi256 and Hi16_ZMM: all three or no AVX-512 state. */
#define XCR0_AVX512 (7ULL << 5)
#define XSAVE_OPMASK 5
#define XSAVE_ZMM_HI256 6
#define XSAVE_HI16_ZMM 7
/* Where the standard XSAVE layout keeps the upper halves of YMM0-15. */
#define XSAVE_YMM_HI_OFFSET 576

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

/* @len bytes at @offset of @d's XSAVE area, or NULL past its end. */
static const uint8_t *kvm_dump_xsave(const KVMCPUDump *d, uint32_t offset,
                                     uint32_t len)
{
    if (offset > sizeof(d->xsave.region) ||
        len > sizeof(d->xsave.region) - offset) {
        return NULL;
    }
    return (const uint8_t *)d->xsave.region + offset;
}

/*
 * The low 256 bits of vector register @i (below 16) as q[0..3], lowest
 * first: XMM from the FPU state, the upper half from the XSAVE area
 * (zero when KVM gave none).
 */
static void kvm_dump_ymm(const KVMCPUDump *d, int i, uint64_t q[4])
{
    const uint8_t *hi = d->have_xsave ?
        kvm_dump_xsave(d, XSAVE_YMM_HI_OFFSET + 16 * i, 16) : NULL;

    memcpy(q, d->fpu.xmm[i], 16);
    if (hi) {
        memcpy(q + 2, hi, 16);
    } else {
        memset(q + 2, 0, 16);
    }
}

/* Vector register @i as eight quadwords, lowest first; false if unknown. */
static bool kvm_dump_zmm(const KVMCPUDump *d, int i, uint64_t q[8])
{
    const uint8_t *zmm_hi;

    if (i >= 16) {
        zmm_hi = kvm_dump_xsave(d, d->xsave_offset[XSAVE_HI16_ZMM] +
                                64 * (i - 16), 64);
        if (!zmm_hi) {
            return false;
        }
        memcpy(q, zmm_hi, 64);
        return true;
    }
    zmm_hi = kvm_dump_xsave(d, d->xsave_offset[XSAVE_ZMM_HI256] + 32 * i, 32);
    if (!zmm_hi) {
        return false;
    }
    kvm_dump_ymm(d, i, q);
    memcpy(q + 4, zmm_hi, 32);
    return true;
}

/* The eight opmask and the ZMM registers of an AVX-512 guest. */
static void kvm_dump_avx512(GString *out, const KVMCPUDump *d)
{
    const uint8_t *opmask;
    uint64_t k, q[8];
    int i;

    opmask = kvm_dump_xsave(d, d->xsave_offset[XSAVE_OPMASK], 64);
    for (i = 0; i < 8; i++) {
        k = 0;
        if (opmask) {
            memcpy(&k, opmask + 8 * i, 8);
        }
        g_string_append_printf(out, "Opmask%02d=%016" PRIx64 "%c", i, k,
                               (i & 3) == 3 ? '\n' : ' ');
    }
    for (i = 0; i < (d->cs64 ? 32 : 8); i++) {
        if (!kvm_dump_zmm(d, i, q)) {
            memset(q, 0, sizeof(q));
        }
        g_string_append_printf(out, "ZMM%02d=%016" PRIx64 " %016" PRIx64
                               " %016" PRIx64 " %016" PRIx64 " %016" PRIx64
                               " %016" PRIx64 " %016" PRIx64 " %016" PRIx64
                               "\n", i, q[7], q[6], q[5], q[4], q[3], q[2],
                               q[1], q[0]);
    }
}

static void kvm_dump_fpu(GString *out, const KVMCPUDump *d)
{
    const struct kvm_fpu *f = &d->fpu;
    int nregs = d->cs64 ? 16 : 8;
    uint64_t lo, q[4];
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
    if (d->have_xsave && XCR0_AVX512 == (d->xcr0 & XCR0_AVX512)) {
        kvm_dump_avx512(out, d);
        return;
    }
    for (i = 0; i < nregs; i++) {
        kvm_dump_ymm(d, i, q);
        if (d->have_xsave && (d->xcr0 & XCR0_YMM)) {
            g_string_append_printf(out, "YMM%02d=%016" PRIx64 " %016" PRIx64
                                   " %016" PRIx64 " %016" PRIx64 "\n", i,
                                   q[3], q[2], q[1], q[0]);
        } else {
            g_string_append_printf(out, "XMM%02d=%016" PRIx64 " %016" PRIx64
                                   "%c", i, q[1], q[0], i & 1 ? '\n' : ' ');
        }
    }
}

/* Where the host's XSAVE layout (KVM's too) keeps component @i. */
static uint32_t kvm_xsave_component_offset(unsigned i)
{
    unsigned eax, ebx, ecx, edx;

    if (!__get_cpuid_count(0xd, i, &eax, &ebx, &ecx, &edx)) {
        return UINT32_MAX;
    }
    return ebx;
}

/* Read what the dump shows; false if KVM refused (then nothing is shown). */
static bool kvm_dump_read(const KVMState *s, KVMCPU *cpu, KVMCPUDump *d)
{
    uint32_t i;

    if (0 > kvm_ioctl(cpu->fd, KVM_GET_REGS, &d->regs) ||
        0 > kvm_ioctl(cpu->fd, KVM_GET_SREGS, &d->sregs) ||
        0 > kvm_ioctl(cpu->fd, KVM_GET_FPU, &d->fpu) ||
        0 > kvm_ioctl(cpu->fd, KVM_GET_VCPU_EVENTS, &d->events) ||
        0 > kvm_ioctl(cpu->fd, KVM_GET_DEBUGREGS, &d->debugregs) ||
        0 > kvm_ioctl(cpu->fd, KVM_GET_MP_STATE, &d->mp)) {
        return false;
    }
    d->xcr0 = 1;
    if (s->has_xcrs && 0 <= kvm_ioctl(cpu->fd, KVM_GET_XCRS, &d->xcrs)) {
        for (i = 0; i < d->xcrs.nr_xcrs; i++) {
            if (0 == d->xcrs.xcrs[i].xcr) {
                d->xcr0 = d->xcrs.xcrs[i].value;
            }
        }
    }
    d->have_xsave = (d->xcr0 & ~1ULL) && s->has_xsave &&
                    0 <= kvm_ioctl(cpu->fd, KVM_GET_XSAVE, &d->xsave);
    for (i = XSAVE_OPMASK; i <= XSAVE_HI16_ZMM; i++) {
        d->xsave_offset[i] = kvm_xsave_component_offset(i);
    }
    d->lma = d->sregs.efer & EFER_LMA;
    d->cs64 = d->lma && d->sregs.cs.l;
    return true;
}

char *kvm_dump_format(const KVMCPUDump *d)
{
    static const char *const seg_names[] = { "ES", "CS", "SS", "DS", "FS",
                                             "GS" };
    const struct kvm_segment *segs[] = {
        &d->sregs.es, &d->sregs.cs, &d->sregs.ss, &d->sregs.ds, &d->sregs.fs,
        &d->sregs.gs,
    };
    GString *out = g_string_new(NULL);
    size_t i;

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

char *kvm_cpu_dump_state(KVMCPU *cpu)
{
    g_autofree KVMCPUDump *d = g_new0(KVMCPUDump, 1);

    if (!kvm_dump_read(kvm_state, cpu, d)) {
        return g_strdup("CPU state not available\n");
    }
    return kvm_dump_format(d);
}
