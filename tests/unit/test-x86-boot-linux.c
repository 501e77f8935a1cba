/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-x86-boot-linux.c: the bzImage loader on synthetic kernels (a
 * setup header with chosen fields) and on Debian's bzImage when it is
 * readable: zero page, command line, initrd, e820, page tables, GDT,
 * the 64-bit entry state, and every bad input.
 */
#include "osdep.h"

#include <glob.h>

#include "hw/i386/e820.h"
#include "test-x86-boot-common.h"

#define MiB (1024 * 1024ULL)
#define SETUP_SECTS 4
#define SETUP_SIZE ((SETUP_SECTS + 1) * 512)
#define HDR_END 0x268                   /* 0x202 + the jump byte 0x66 */

/* The setup header fields a synthetic bzImage gets. */
typedef struct BzSpec {
    uint16_t version;
    uint8_t loadflags;
    uint16_t xloadflags;
    uint32_t cmdline_size;
    uint32_t initrd_addr_max;
    uint8_t relocatable;
    uint64_t pref_address;
    uint32_t init_size;
    size_t code_size;
    uint32_t syssize;
} BzSpec;

static const BzSpec bz_default = {
    .version = 0x20f, .loadflags = 0x01, .xloadflags = 0x01,
    .cmdline_size = 2047, .initrd_addr_max = 0x1ffffff,
    .code_size = 0x1000, .syssize = 0x100,
};

static void put(uint8_t *p, uint64_t v, unsigned size)
{
    unsigned i;

    for (i = 0; i < size; i++) {
        p[i] = v >> (8 * i);
    }
}

static uint8_t bz_pattern(size_t i)
{
    return i * 13 + 1;
}

/* A bzImage: setup sectors (filled with a pattern), then the kernel. */
static GByteArray *bz_image(const BzSpec *s)
{
    GByteArray *a = g_byte_array_new();
    uint8_t *d;
    size_t i;

    g_byte_array_set_size(a, SETUP_SIZE + s->code_size);
    d = a->data;
    for (i = 0; i < a->len; i++) {
        d[i] = bz_pattern(i);
    }
    d[0x1f1] = SETUP_SECTS;
    put(d + 0x1f4, s->syssize, 4);
    put(d + 0x1fe, 0xaa55, 2);
    d[0x200] = 0xeb;
    d[0x201] = HDR_END - 0x202;
    memcpy(d + 0x202, "HdrS", 4);
    put(d + 0x206, s->version, 2);
    d[0x210] = 0;
    d[0x211] = s->loadflags;
    put(d + 0x218, 0, 8);
    put(d + 0x224, 0, 2);
    put(d + 0x228, 0, 4);
    put(d + 0x22c, s->initrd_addr_max, 4);
    put(d + 0x230, 0x200000, 4);
    d[0x234] = s->relocatable;
    put(d + 0x236, s->xloadflags, 2);
    put(d + 0x238, s->cmdline_size, 4);
    put(d + 0x258, s->pref_address, 8);
    put(d + 0x260, s->init_size, 4);
    return a;
}

static const char *bz_file(BootTest *t, const char *name, GByteArray *a)
{
    return boot_test_file(t, name, a->data, a->len);
}

/*
 * The zero page: the file's setup header (up to its end, no further)
 * with the loader's fields, the e820 table, nothing else.
 */
static void check_zero_page(BootTest *t, const uint8_t *file, size_t hdr_end,
                            uint64_t initrd_addr, uint32_t initrd_size)
{
    g_autofree uint8_t *zp = g_malloc0(4096);
    E820Entry e820[E820_MAX_ENTRIES];
    unsigned n = e820_build(t->cfg.below_4g, t->cfg.above_4g, e820), i;

    memcpy(zp + 0x1f1, file + 0x1f1, hdr_end - 0x1f1);
    zp[0x210] = 0xff;
    zp[0x211] |= 0x80;
    put(zp + 0x218, initrd_addr, 4);
    put(zp + 0x21c, initrd_size, 4);
    put(zp + 0x224, 0xfe00, 2);
    put(zp + 0x228, X86_BOOT_CMDLINE, 4);
    zp[0x1e8] = n;
    for (i = 0; i < n; i++) {
        put(zp + 0x2d0 + 20 * i, e820[i].addr, 8);
        put(zp + 0x2d0 + 20 * i + 8, e820[i].size, 8);
        put(zp + 0x2d0 + 20 * i + 16, e820[i].type, 4);
    }
    g_assert_cmpmem(boot_test_ram(t, X86_BOOT_INFO), 4096, zp, 4096);
}

/* Walk the page tables: every 2 MiB page of 0-4 GiB maps to itself. */
static void check_page_tables(BootTest *t)
{
    uint64_t va, pml4e, pdpte, pde;

    for (va = 0; va < 4096 * MiB; va += 2 * MiB) {
        pml4e = boot_test_ld64(t, t->state.cr3 + ((va >> 39) & 511) * 8);
        g_assert_cmphex(pml4e & 0xfff, ==, 0x3);
        pdpte = boot_test_ld64(t, (pml4e & ~0xfffULL) + ((va >> 30) & 511) * 8);
        g_assert_cmphex(pdpte & 0xfff, ==, 0x3);
        pde = boot_test_ld64(t, (pdpte & ~0xfffULL) + ((va >> 21) & 511) * 8);
        g_assert_cmphex(pde, ==, va | 0x83);
    }
    g_assert_cmphex(boot_test_ld64(t, t->state.cr3 + 8), ==, 0);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_PDPT + 4 * 8), ==, 0);
}

/* 64-bit mode: flat GDT with __BOOT_CS 0x10 and __BOOT_DS 0x18. */
static void check_long_mode(BootTest *t, uint64_t load_addr)
{
    const X86CpuBootState *st = &t->state;

    g_assert_cmphex(st->regs.rip, ==, load_addr + 0x200);
    g_assert_cmphex(st->regs.rsi, ==, X86_BOOT_INFO);
    g_assert_cmphex(st->regs.rflags, ==, 0x2);
    g_assert_cmphex(st->cr0, ==, 0x80000011);
    g_assert_cmphex(st->cr3, ==, X86_BOOT_PML4);
    g_assert_cmphex(st->cr4, ==, 0x20);
    g_assert_cmphex(st->efer, ==, 0x500);
    g_assert_cmphex(st->cs.selector, ==, 0x10);
    g_assert_cmpuint(st->cs.l, ==, 1);
    g_assert_cmpuint(st->cs.db, ==, 0);
    g_assert_cmpuint(st->cs.type, ==, 0xb);
    g_assert_cmpuint(st->cs.present, ==, 1);
    g_assert_cmpuint(st->cs.s, ==, 1);
    g_assert_cmphex(st->cs.limit, ==, 0xffffffff);
    g_assert_cmphex(st->ds.selector, ==, 0x18);
    g_assert_cmpuint(st->ds.type, ==, 0x3);
    g_assert_cmpuint(st->ds.db, ==, 1);
    g_assert_cmphex(st->ds.limit, ==, 0xffffffff);
    g_assert_cmphex(st->gdt.base, ==, X86_BOOT_GDT);
    g_assert_cmpuint(st->gdt.limit, ==, 31);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_GDT), ==, 0);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_GDT + 8), ==, 0);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_GDT + 16), ==,
                    0x00af9b000000ffffULL);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_GDT + 24), ==,
                    0x00cf93000000ffffULL);
    check_page_tables(t);
}

static void test_synthetic(void)
{
    BootTest *t = boot_test_new(64 * MiB, 0);
    g_autoptr(GByteArray) bz = bz_image(&bz_default);
    g_autofree uint8_t *initrd = g_malloc(10000);
    uint64_t initrd_addr = (0x2000000 - 10000) & ~0xfffULL;

    memset(initrd, 0x3c, 10000);
    t->cfg.kernel = bz_file(t, "bzImage", bz);
    t->cfg.initrd = boot_test_file(t, "initrd", initrd, 10000);
    t->cfg.cmdline = "console=ttyS0 earlyprintk=ttyS0";
    boot_test_load(t);

    check_long_mode(t, 0x100000);
    check_zero_page(t, bz->data, HDR_END, initrd_addr, 10000);
    g_assert_cmpstr((const char *)boot_test_ram(t, X86_BOOT_CMDLINE), ==,
                    "console=ttyS0 earlyprintk=ttyS0");
    g_assert_cmpmem(boot_test_ram(t, 0x100000), 0x1000,
                    bz->data + SETUP_SIZE, 0x1000);
    g_assert_cmpmem(boot_test_ram(t, initrd_addr), 10000, initrd, 10000);
    boot_test_free(t);
}

/* A synthetic bzImage as @s says must fail with @expected. */
static void bz_fails(const BzSpec *s, uint64_t ram, const char *cmdline,
                     const char *expected)
{
    BootTest *t = boot_test_new(ram, 0);
    g_autoptr(GByteArray) bz = bz_image(s);

    t->cfg.kernel = bz_file(t, "k", bz);
    t->cfg.cmdline = cmdline;
    boot_test_load_fails(t, expected);
    boot_test_free(t);
}

/*
 * A relocatable kernel is loaded at pref_address, any other at 1 MiB;
 * both need init_size bytes of RAM from pref_address, where the
 * decompressor runs, and the initrd goes above that.
 */
static void test_pref_address(void)
{
    BzSpec s = bz_default;
    BootTest *t;
    g_autoptr(GByteArray) bz = NULL;
    uint8_t initrd[100] = { 1 };

    s.relocatable = 1;
    s.pref_address = 0x1000000;
    s.init_size = 0x400000;
    s.initrd_addr_max = 0xffffffff;
    bz = bz_image(&s);
    t = boot_test_new(64 * MiB, 0);
    t->cfg.kernel = bz_file(t, "bzImage", bz);
    boot_test_load(t);
    check_long_mode(t, 0x1000000);
    g_assert_cmpmem(boot_test_ram(t, 0x1000000), 0x1000,
                    bz->data + SETUP_SIZE, 0x1000);
    boot_test_free(t);

    bz_fails(&s, 16 * MiB, "", "DIR/k: kernel does not fit in RAM "
             "(needs 0x1000000-0x13fffff)");

    s.relocatable = 0;
    g_byte_array_unref(bz);
    bz = bz_image(&s);
    t = boot_test_new(0x1401000, 0);
    t->cfg.kernel = bz_file(t, "bzImage", bz);
    t->cfg.initrd = boot_test_file(t, "initrd", initrd, sizeof(initrd));
    boot_test_load(t);
    check_long_mode(t, 0x100000);
    g_assert_cmphex(boot_test_ld32(t, X86_BOOT_INFO + 0x218), ==, 0x1400000);
    boot_test_free(t);
    bz_fails(&s, 0x13ff000, "", "DIR/k: kernel does not fit in RAM "
             "(needs 0x1000000-0x13fffff)");
}

static void test_debian(void)
{
    glob_t g;
    BootTest *t;
    g_autofree char *data = NULL;
    uint8_t initrd[4096] = { 0x42 };
    size_t len, hdr_end;
    uint64_t ramdisk;

    if (glob("/boot/vmlinuz-*", 0, NULL, &g) ||
        !g_file_get_contents(g.gl_pathv[0], &data, &len, NULL)) {
        globfree(&g);
        g_test_skip("no readable /boot/vmlinuz-*");
        return;
    }
    t = boot_test_new(128 * MiB, 0);
    t->cfg.kernel = g.gl_pathv[0];
    t->cfg.initrd = boot_test_file(t, "initrd", initrd, sizeof(initrd));
    t->cfg.cmdline = "console=ttyS0 earlyprintk=ttyS0";
    t->cfg.ncpus = 2;
    boot_test_load(t);
    /* Debian's kernel is relocatable and prefers 16 MiB. */
    check_long_mode(t, 0x1000000);
    hdr_end = MIN(0x202 + (uint8_t)data[0x201], 0x290);
    ramdisk = boot_test_ld32(t, X86_BOOT_INFO + 0x218);
    g_assert_cmphex(ramdisk, ==, 128 * MiB - 4096);
    g_assert_cmphex(ramdisk + 4096 - 1, <=,
                    boot_test_ld32(t, X86_BOOT_INFO + 0x22c));
    check_zero_page(t, (const uint8_t *)data, hdr_end, ramdisk, 4096);
    g_assert_cmpmem(boot_test_ram(t, 0x1000000), 0x1000,
                    data + ((uint8_t)data[0x1f1] + 1) * 512, 0x1000);
    boot_test_free(t);
    globfree(&g);
}

static void test_bad_header(void)
{
    BzSpec s = bz_default;

    s.version = 0x204;
    bz_fails(&s, 64 * MiB, "", "DIR/k: boot protocol 2.04 is too old; "
             "kvmini needs 2.06");
    s.version = 0x20b;
    bz_fails(&s, 64 * MiB, "", "DIR/k: kernel has no 64-bit entry point "
             "(XLF_KERNEL_64 is clear)");
    s = bz_default;
    s.xloadflags = 0x2;
    bz_fails(&s, 64 * MiB, "", "DIR/k: kernel has no 64-bit entry point "
             "(XLF_KERNEL_64 is clear)");
    s = bz_default;
    s.loadflags = 0;
    bz_fails(&s, 64 * MiB, "", "DIR/k: not a bzImage (LOADED_HIGH is clear)");
    s = bz_default;
    s.syssize = 0x200;
    bz_fails(&s, 64 * MiB, "", "DIR/k: bzImage is truncated (4096 bytes of "
             "kernel, syssize says 8192)");
    s.syssize = 0;
    s.code_size = 0x200;
    bz_fails(&s, 64 * MiB, "", "DIR/k: bzImage is truncated (512 bytes of "
             "kernel, syssize says 0)");
}

static void test_truncated_setup(void)
{
    BootTest *t = boot_test_new(64 * MiB, 0);
    g_autoptr(GByteArray) bz = bz_image(&bz_default);

    t->cfg.kernel = boot_test_file(t, "k", bz->data, 2000);
    boot_test_load_fails(t, "DIR/k: bzImage is truncated (2000 bytes, setup "
                         "code of 2560)");
    boot_test_free(t);
}

static void test_too_large(void)
{
    BzSpec s = bz_default;
    BootTest *t;
    g_autoptr(GByteArray) bz = NULL;
    g_autofree uint8_t *initrd = g_malloc0(3 * MiB);

    s.init_size = 0x10000000;
    bz_fails(&s, 64 * MiB, "", "DIR/k: kernel does not fit in RAM "
             "(needs 0x100000-0x100fffff)");
    s = bz_default;
    s.cmdline_size = 16;
    bz_fails(&s, 64 * MiB, "0123456789abcdefg", "DIR/k: command line of 17 "
             "bytes is too long (at most 16)");

    /* The initrd must end below initrd_addr_max: 4 MiB here. */
    s = bz_default;
    s.initrd_addr_max = 0x3fffff;
    bz = bz_image(&s);
    t = boot_test_new(64 * MiB, 0);
    t->cfg.kernel = bz_file(t, "k", bz);
    t->cfg.initrd = boot_test_file(t, "initrd", initrd, 3 * MiB);
    boot_test_load_fails(t, "DIR/initrd: initrd is too large for RAM "
                         "(3145728 bytes, room for 3141632)");
    boot_test_free(t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/x86-boot/linux/synthetic", test_synthetic);
    g_test_add_func("/x86-boot/linux/pref-address", test_pref_address);
    g_test_add_func("/x86-boot/linux/debian", test_debian);
    g_test_add_func("/x86-boot/linux/bad-header", test_bad_header);
    g_test_add_func("/x86-boot/linux/truncated-setup", test_truncated_setup);
    g_test_add_func("/x86-boot/linux/too-large", test_too_large);
    return g_test_run();
}
