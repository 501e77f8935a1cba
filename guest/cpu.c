/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpu.c: the kvmini guest's CPL 0 C code, kept tiny because PVM emulates
 * CPL 0 instructions slowly: the TSSes (with the stack exceptions from
 * CPL 3 switch to), the IDT for exceptions 0-31, and trap_report().
 */
#include "guest.h"

#define IDT_VECTORS 32
#define TRAP_STUB_SIZE 16

struct tss {
    uint32_t reserved0;
    uint64_t rsp0;
    uint64_t rsp1;
    uint64_t rsp2;
    uint64_t reserved1;
    uint64_t ist[7];
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;
} __attribute__((packed));

struct idt_gate {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t ist;
    uint8_t type;
    uint16_t offset_mid;
    uint32_t offset_high;
    uint32_t reserved;
};

struct trap_frame {
    uint64_t vector;
    uint64_t error;
    uint64_t rip;
    uint64_t cs;
    uint64_t rflags;
    uint64_t rsp;
    uint64_t ss;
};

struct idt_desc {
    uint16_t limit;
    uint64_t base;
} __attribute__((packed));

extern uint64_t gdt_tss[2 * GUEST_MAX_CPUS];
extern struct tss percpu_tss[GUEST_MAX_CPUS];
extern const char trap_stubs[];
extern const char kernel_stack_top[];

static struct idt_gate idt[IDT_VECTORS];
/* Loaded by cpu_init() on the BSP and by start.S on each AP. */
struct idt_desc idt_desc;

void trap_report(const struct trap_frame *f);

void cpu_tss_init(unsigned cpu, uint64_t kernel_stack)
{
    struct tss *tss = &percpu_tss[cpu];
    uint64_t base = (uint64_t)tss;
    uint64_t limit = sizeof(*tss) - 1;

    *tss = (struct tss) {
        .rsp0 = kernel_stack,
        .iomap_base = sizeof(*tss),
    };
    /* A 64-bit available TSS (type 9), present, DPL 0. */
    gdt_tss[2 * cpu] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
                       (0x89ULL << 40) | (((limit >> 16) & 0xf) << 48) |
                       (((base >> 24) & 0xff) << 56);
    gdt_tss[2 * cpu + 1] = base >> 32;
}

void cpu_init(void)
{
    int i;

    cpu_tss_init(0, (uint64_t)kernel_stack_top);
    for (i = 0; i < IDT_VECTORS; i++) {
        uint64_t addr = (uint64_t)trap_stubs + i * TRAP_STUB_SIZE;

        idt[i].offset_low = addr & 0xffff;
        idt[i].selector = KERNEL_CS;
        idt[i].type = 0x8e;             /* present, DPL 0, interrupt gate */
        idt[i].offset_mid = (addr >> 16) & 0xffff;
        idt[i].offset_high = addr >> 32;
    }
    idt_desc.limit = sizeof(idt) - 1;
    idt_desc.base = (uint64_t)idt;
    __asm__ volatile("lidt %0" : : "m"(idt_desc));
}

/* Called by start.S's exception stubs: report the exception and exit. */
__attribute__((noreturn)) void trap_report(const struct trap_frame *f)
{
    uint64_t cr2;

    __asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
    guest_printf("\nkvmini guest: exception %lu error 0x%lx rip 0x%lx "
                 "cs 0x%lx rsp 0x%lx cr2 0x%lx\n", f->vector, f->error,
                 f->rip, f->cs, f->rsp, cr2);
    guest_exit(EXIT_EXCEPTION);
}
