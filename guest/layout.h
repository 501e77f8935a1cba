/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * layout.h: the kvmini guest's fixed addresses, segment selectors and
 * per-CPU limits, shared by start.S, the C code and the host unit tests
 * (plain #defines only, so the assembler can include it).
 */
#ifndef GUEST_LAYOUT_H
#define GUEST_LAYOUT_H

/* GDT selectors; CPU n's TSS descriptor is at TSS_SEL(n). */
#define KERNEL_CS       0x08            /* 64-bit */
#define KERNEL_DS       0x10
#define USER_DS         0x1b
#define USER_CS         0x23            /* 64-bit */
#define KERNEL_CS32     0x28            /* for the AP trampoline */
#define TSS_SEL0        0x30
#define TSS_SEL(n)      (TSS_SEL0 + 16 * (n))

/* At most this many CPUs (the GDT holds one TSS descriptor for each). */
#define GUEST_MAX_CPUS  64
/* Each AP's stacks: for exceptions (CPL 0) and for its CPL 3 code. */
#define AP_KERNEL_STACK 4096
#define AP_USER_STACK   4096

/* struct ap_boot (guest.h): what start.S's ap_long_mode reads. */
#define AP_BOOT_KERNEL_STACK 0
#define AP_BOOT_USER_STACK 8
#define AP_BOOT_TSS     16
#define AP_BOOT_CPU     24

/* The APs' real-mode entry, copied below 1 MiB; SIPI vector = page number. */
#define AP_TRAMPOLINE   0x8000
/* The local APIC (xAPIC MMIO), mapped uncached and user accessible. */
#define LAPIC_BASE      0xfee00000

/* The guest maps the first GiB (identity, 2 MiB pages) and the LAPIC. */
#define GUEST_MAPPED_END 0x40000000
/* memtest, dirty, verify: a 32-bit generation per page, then the pages. */
#define MEMTEST_TABLE   0x200000
#define MEMTEST_BASE    0x400000

#endif /* GUEST_LAYOUT_H */
