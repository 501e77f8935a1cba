/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * guest.h: the kvmini guest's internal interfaces. cpu.c runs at CPL 0;
 * everything else runs at CPL 3 with IOPL 3 (port I/O allowed).
 */
#ifndef GUEST_GUEST_H
#define GUEST_GUEST_H

#include "hw/i386/pvh-start-info.h"
#include "layout.h"
#include "lib.h"
#include "output.h"

/* The debug-exit port (QEMU isa-debug-exit: process status (v << 1) | 1). */
#define DEBUG_EXIT_PORT 0xf4
/* The exit value after an unexpected exception. */
#define EXIT_EXCEPTION 0x7f

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t v)
{
    __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;

    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* Exit the VM through the debug-exit port with @value; never returns. */
__attribute__((noreturn)) void guest_exit(uint32_t value);

/* What an AP's start (start.S, ap_long_mode) takes; offsets in layout.h. */
struct ap_boot {
    uint64_t kernel_stack;              /* top; also its TSS's rsp0 */
    uint64_t user_stack;                /* top, for ap_main() */
    uint64_t tss;                       /* its TSS selector */
    uint64_t cpu;                       /* ap_main()'s argument */
};

/* cpu.c (CPL 0): CPU 0's TSS, and the IDT, loaded. */
void cpu_init(void);
/*
 * Fill CPU @cpu's TSS (exceptions switch to @kernel_stack) and its GDT
 * descriptor TSS_SEL(@cpu); at CPL 0 or 3 (the GDT is user accessible).
 */
void cpu_tss_init(unsigned cpu, uint64_t kernel_stack);

/* uart.c, a polling 16550 on COM1: set 115200 8N1, no interrupts. */
void uart_init(void);
/* Send @c, waiting for room; '\n' goes out as "\r\n". */
void uart_putc(char c);
/* Send the NUL-terminated @s with uart_putc(). */
void uart_puts(const char *s);
/* The next received byte, waiting for it. */
char uart_getc(void);

/* Print @fmt (kg_vsnprintf() conversions, at most 160 bytes). */
__attribute__((format(printf, 1, 2)))
void guest_printf(const char *fmt, ...);

/* timer.c: calibrate the TSC against PIT channel 0 (takes 20 ms). */
void timer_init(void);
/* Milliseconds since timer_init(). */
uint64_t timer_elapsed_ms(void);
/* Busy-wait @ms milliseconds. */
void timer_delay_ms(uint64_t ms);
/* Busy-wait @us microseconds. */
void timer_delay_us(uint64_t us);

/* main.c: the CPL 3 entry, with the start_info physical address. */
__attribute__((noreturn)) void guest_main(uint32_t start_info);
/* The PVH start_info (borrowed), or NULL when the VMM gave none. */
const PVHStartInfo *guest_start_info(void);
/* The end of the RAM memmap entry holding @addr; 0 if it is not RAM. */
uint64_t guest_ram_end(uint64_t addr);

/* shell.c: the interactive shell; never returns. */
__attribute__((noreturn)) void shell_run(void);

/* smp.c: the smp mode: start every AP, each reports in, then exit. */
__attribute__((noreturn)) void smp_run(void);
/* Shell "cpus [mp|acpi]": the CPUs from the MP table or ACPI MADT. */
void smp_cmd_cpus(const char *arg);
/* An AP's CPL 3 entry (from start.S): report in, then spin. */
__attribute__((noreturn)) void ap_main(uint32_t cpu);

/* memtest.c: the memtest mode, "memtest N"; never returns. */
__attribute__((noreturn)) void memtest_run(const char *arg);
/* Shell "dirty N": a new generation for the first N MiB. */
void memtest_cmd_dirty(const char *arg);
/* Shell "verify": check every page dirtied so far. */
void memtest_cmd_verify(void);

#endif /* GUEST_GUEST_H */
