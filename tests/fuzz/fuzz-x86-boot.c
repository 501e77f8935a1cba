/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-x86-boot.c: libFuzzer target for the x86 kernel loaders. The
 * input, after its first byte, is the kernel file (PVH ELF, bzImage or
 * anything), given to x86_load_kernel_image() in memory; the first byte
 * chooses the RAM sizes, the vCPU count, the command line and the initrd
 * size. A load must succeed with a sane vCPU 0 state or fail with one
 * line naming the kernel or the initrd.
 */
#include "osdep.h"

#include "hw/i386/x86-boot.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MiB (1024 * 1024ULL)
#define FUZZ_ABOVE_4G (1 * MiB)

static const uint64_t fuzz_below_4g[] = { 1 * MiB, 2 * MiB, 4 * MiB, 16 * MiB };
static const size_t fuzz_initrd_size[] = { 0, 1, 4097, 3 * MiB };

static void check_success(const X86BootConfig *cfg,
                          const X86CpuBootState *st)
{
    g_assert_cmpuint(st->regs.rip, <, cfg->below_4g);
    g_assert_cmphex(st->gdt.base, ==, X86_BOOT_GDT);
    if (st->efer) {
        /* bzImage: 64-bit entry with %rsi = the zero page. */
        g_assert_cmphex(st->regs.rsi, ==, X86_BOOT_INFO);
        g_assert_cmpuint(st->cs.l, ==, 1);
    } else {
        /* PVH: 32-bit entry with %ebx = start_info. */
        g_assert_cmphex(st->regs.rbx, ==, X86_BOOT_INFO);
        g_assert_cmpuint(st->cs.db, ==, 1);
    }
}

static void check_failure(const Error *err)
{
    const char *msg = error_get_pretty(err);

    g_assert_null(strchr(msg, '\n'));
    g_assert_true(g_str_has_prefix(msg, "fuzz-kernel: ") ||
                  g_str_has_prefix(msg, "fuzz-initrd: "));
    g_assert_false(g_str_has_suffix(msg, "."));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t *ram, *initrd_data;
    static char *long_cmdline;
    X86BootConfig cfg;
    X86BootFile kernel, initrd;
    X86CpuBootState state;
    Error *err = NULL;
    uint8_t conf;

    if (!size) {
        return 0;
    }
    if (!ram) {
        ram = g_malloc0(16 * MiB + FUZZ_ABOVE_4G);
        initrd_data = g_malloc0(3 * MiB);
        long_cmdline = g_strnfill(4000, 'c');
    }
    conf = data[0];
    cfg = (X86BootConfig) {
        .ram = ram,
        .below_4g = fuzz_below_4g[conf & 3],
        .above_4g = conf & 4 ? FUZZ_ABOVE_4G : 0,
        .cmdline = conf & 8 ? long_cmdline : "console=ttyS0",
        .ncpus = 1 + ((conf >> 4) & 3),
    };
    kernel = (X86BootFile) {
        .name = "fuzz-kernel", .data = data + 1, .size = size - 1,
    };
    initrd = (X86BootFile) {
        .name = "fuzz-initrd", .data = initrd_data,
        .size = fuzz_initrd_size[conf >> 6],
    };
    if (x86_load_kernel_image(&cfg, &kernel, &initrd, &state, &err)) {
        check_success(&cfg, &state);
    } else {
        check_failure(err);
        error_free(err);
    }
    return 0;
}
