/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main.c: the kvmini guest at CPL 3. The first word of the command line
 * picks the mode: shell (the default), hello, counter, smp or memtest N.
 */
#include "guest.h"

#define CMDLINE_MAX 128

static const PVHStartInfo *start_info;

const PVHStartInfo *guest_start_info(void)
{
    return start_info;
}

uint64_t guest_ram_end(uint64_t addr)
{
    const PVHMemmapEntry *e;
    uint32_t i;

    if (!start_info || start_info->version < 1 || !start_info->memmap_paddr) {
        return 0;
    }
    e = (const PVHMemmapEntry *)(uintptr_t)start_info->memmap_paddr;
    for (i = 0; i < start_info->memmap_entries; i++) {
        if (e[i].type == PVH_MEMMAP_TYPE_RAM && e[i].addr <= addr &&
            addr - e[i].addr < e[i].size) {
            return e[i].addr + e[i].size;
        }
    }
    return 0;
}

static void cmdline_copy(char *buf, size_t size)
{
    const char *s = "";
    size_t n;

    if (start_info && start_info->cmdline_paddr) {
        s = (const char *)(uintptr_t)start_info->cmdline_paddr;
    }
    for (n = 0; n + 1 < size && s[n]; n++) {
        buf[n] = s[n];
    }
    buf[n] = '\0';
}

__attribute__((noreturn)) static void mode_counter(void)
{
    uint64_t n;

    uart_puts("kvmini guest: counter\n");
    for (n = 1;; n++) {
        timer_delay_ms(100);
        guest_printf("%lu\n", n);
    }
}

void guest_main(uint32_t start_info_paddr)
{
    char cmdline[CMDLINE_MAX];
    char *rest = cmdline;
    const char *mode;

    start_info = (const PVHStartInfo *)(uintptr_t)start_info_paddr;
    if (start_info && start_info->magic != PVH_START_MAGIC) {
        start_info = NULL;
    }
    uart_init();
    timer_init();
    cmdline_copy(cmdline, sizeof(cmdline));
    mode = kg_next_word(&rest);
    if (!*mode || kg_streq(mode, "shell")) {
        shell_run();
    } else if (kg_streq(mode, "hello")) {
        uart_puts(KG_OUT_HELLO "\n");
        guest_exit(0);
    } else if (kg_streq(mode, "counter")) {
        mode_counter();
    } else if (kg_streq(mode, "smp")) {
        smp_run();
    } else if (kg_streq(mode, "memtest")) {
        memtest_run(kg_next_word(&rest));
    }
    uart_puts("kvmini guest: unknown mode '");
    uart_puts(mode);
    uart_puts("' (shell, hello, counter, smp, memtest)\n");
    guest_exit(2);
}
