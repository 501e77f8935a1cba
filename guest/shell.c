/* SPDX-License-Identifier: GPL-2.0-or-later */
/* shell.c: the kvmini guest's interactive shell on the serial console. */
#include "guest.h"

#define LINE_MAX 128
#define COUNT_DEFAULT 10

static void cmd_help(void)
{
    uart_puts("commands:\n"
              "  help           this list\n"
              "  uptime         time since the guest started\n"
              "  mem            the memory map from PVH start_info\n"
              "  cpus [mp|acpi] the CPUs in the MP table or ACPI MADT\n"
              "  count [N]      count from 1 to N (default 10)\n"
              "  dirty N        a new generation in the first N MiB of the "
              "test area\n"
              "  verify         check the test area pages dirty wrote\n"
              "  reboot         reset the machine through the i8042\n"
              "  exit [N]       exit through the debug-exit port with "
              "status N\n");
}

static void cmd_uptime(void)
{
    uint64_t ms = timer_elapsed_ms();

    guest_printf("uptime: %lu.%03lu s\n", ms / 1000, ms % 1000);
}

static void cmd_mem(void)
{
    const PVHStartInfo *si = guest_start_info();
    const PVHMemmapEntry *e;
    uint64_t ram = 0;
    uint32_t i;

    if (!si || si->version < 1 || !si->memmap_paddr) {
        uart_puts("mem: no memory map in start_info\n");
        return;
    }
    e = (const PVHMemmapEntry *)(uintptr_t)si->memmap_paddr;
    for (i = 0; i < si->memmap_entries; i++) {
        if (!e[i].size) {
            continue;
        }
        guest_printf("0x%016lx-0x%016lx %s\n", e[i].addr,
                     e[i].addr + e[i].size - 1,
                     e[i].type == PVH_MEMMAP_TYPE_RAM ? "ram" : "reserved");
        if (e[i].type == PVH_MEMMAP_TYPE_RAM) {
            ram += e[i].size;
        }
    }
    guest_printf("ram KiB: %lu\n", ram >> 10);
}

static void cmd_count(const char *arg)
{
    uint64_t n = COUNT_DEFAULT, i;

    if (*arg && !kg_parse_u64(arg, &n)) {
        uart_puts("count: bad number '");
        uart_puts(arg);
        uart_puts("'\n");
        return;
    }
    for (i = 1; i <= n; i++) {
        guest_printf("%lu%c", i, i == n ? '\n' : ' ');
    }
}

static void cmd_exit(const char *arg)
{
    uint64_t status = 0;

    if (*arg && (!kg_parse_u64(arg, &status) || status > 255)) {
        uart_puts("exit: bad status '");
        uart_puts(arg);
        uart_puts("'\n");
        return;
    }
    guest_exit((uint32_t)status);
}

/* Pulse the reset line: command 0xfe to the i8042's port 0x64. */
static void cmd_reboot(void)
{
    uart_puts("reboot: resetting through the i8042\n");
    outb(0x64, 0xfe);
    uart_puts("reboot: the machine did not reset\n");
}

static void shell_command(char *line)
{
    char *word = kg_next_word(&line);
    char *arg = kg_next_word(&line);

    if (!*word) {
        return;
    } else if (kg_streq(word, "help")) {
        cmd_help();
    } else if (kg_streq(word, "uptime")) {
        cmd_uptime();
    } else if (kg_streq(word, "mem")) {
        cmd_mem();
    } else if (kg_streq(word, "cpus")) {
        smp_cmd_cpus(arg);
    } else if (kg_streq(word, "count")) {
        cmd_count(arg);
    } else if (kg_streq(word, "dirty")) {
        memtest_cmd_dirty(arg);
    } else if (kg_streq(word, "verify")) {
        memtest_cmd_verify();
    } else if (kg_streq(word, "reboot")) {
        cmd_reboot();
    } else if (kg_streq(word, "exit")) {
        cmd_exit(arg);
    } else {
        uart_puts("unknown command '");
        uart_puts(word);
        uart_puts("' (try help)\n");
    }
}

/* Read one line with echo and backspace; CR or LF ends it. */
static void shell_read_line(char *buf, size_t size)
{
    size_t n = 0;

    for (;;) {
        char c = uart_getc();

        if (c == '\r' || c == '\n') {
            break;
        } else if ((c == 0x7f || c == '\b') && n) {
            n--;
            uart_puts("\b \b");
        } else if (c >= ' ' && c < 0x7f && n + 1 < size) {
            buf[n++] = c;
            uart_putc(c);
        }
    }
    buf[n] = '\0';
    uart_putc('\n');
}

void shell_run(void)
{
    char line[LINE_MAX];

    uart_puts(KG_OUT_SHELL "\n");
    for (;;) {
        uart_puts(KG_OUT_PROMPT);
        shell_read_line(line, sizeof(line));
        shell_command(line);
    }
}
