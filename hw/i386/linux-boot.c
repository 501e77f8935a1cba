/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * linux-boot.c: the Linux x86 boot protocol (>= 2.06) for bzImages:
 * the protected-mode kernel at 1 MiB (or its preferred address), the
 * zero page with the setup header, command line, initrd and e820 map,
 * and the 64-bit entry: identity-mapped 4 GiB, a flat GDT, %rsi = the
 * zero page, rip = load address + 0x200.
 */
#include "osdep.h"

#include "x86-boot-internal.h"

/* Setup header fields: offsets in the file and in the zero page. */
#define LINUX_SETUP_SECTS       0x1f1
#define LINUX_SYSSIZE           0x1f4
#define LINUX_JUMP_OFFSET       0x201   /* the header ends at 0x202 + it */
#define LINUX_HEADER            0x202
#define LINUX_VERSION           0x206
#define LINUX_TYPE_OF_LOADER    0x210
#define LINUX_LOADFLAGS         0x211
#define LINUX_RAMDISK_IMAGE     0x218
#define LINUX_RAMDISK_SIZE      0x21c
#define LINUX_HEAP_END_PTR      0x224
#define LINUX_CMD_LINE_PTR      0x228
#define LINUX_INITRD_ADDR_MAX   0x22c
#define LINUX_RELOCATABLE       0x234
#define LINUX_XLOADFLAGS        0x236
#define LINUX_CMDLINE_SIZE      0x238
#define LINUX_PREF_ADDRESS      0x258
#define LINUX_INIT_SIZE         0x260
#define LINUX_HEADER_LIMIT      0x290   /* where the zero page's hdr ends */

#define LINUX_LOADED_HIGH       0x01
#define LINUX_CAN_USE_HEAP      0x80
#define LINUX_XLF_KERNEL_64     0x01
#define LINUX_LOADER_UNKNOWN    0xff
#define LINUX_HEAP_END          0xfe00
#define LINUX_SECTOR            512
#define LINUX_ENTRY_64          0x200   /* from the load address */

/* The zero page (struct boot_params) beyond the setup header. */
#define ZP_SIZE                 0x1000
#define ZP_E820_ENTRIES         0x1e8
#define ZP_E820_TABLE           0x2d0
#define ZP_E820_ENTRY_SIZE      20

/* The boot protocol's GDT: __BOOT_CS 0x10 (64-bit code), __BOOT_DS 0x18. */
#define LINUX_CS                0x10
#define LINUX_DS                0x18
static const uint64_t linux_gdt[] = {
    0,
    0,
    0x00af9b000000ffffULL,
    0x00cf93000000ffffULL,
};

#define PTE_PRESENT             0x1ULL
#define PTE_WRITE               0x2ULL
#define PTE_LARGE               0x80ULL
#define PT_ENTRIES              512
#define PD_PAGES                4       /* 4 x 1 GiB */
#define LARGE_PAGE              0x200000ULL

/* What the checks found out about the kernel. */
typedef struct LinuxKernel {
    const X86BootFile *file;
    uint16_t version;
    uint64_t setup_size;
    uint64_t code_size;                 /* the protected-mode part */
    uint64_t load_addr;
    uint64_t end;                       /* where the RAM it uses ends */
} LinuxKernel;

static uint16_t ld16(const uint8_t *p)
{
    uint16_t v;

    memcpy(&v, p, sizeof(v));
    return GUINT16_FROM_LE(v);
}

static uint32_t ld32(const uint8_t *p)
{
    uint32_t v;

    memcpy(&v, p, sizeof(v));
    return GUINT32_FROM_LE(v);
}

static uint64_t ld64(const uint8_t *p)
{
    uint64_t v;

    memcpy(&v, p, sizeof(v));
    return GUINT64_FROM_LE(v);
}

static void st16(uint8_t *p, uint16_t v)
{
    v = GUINT16_TO_LE(v);
    memcpy(p, &v, sizeof(v));
}

static void st32(uint8_t *p, uint32_t v)
{
    v = GUINT32_TO_LE(v);
    memcpy(p, &v, sizeof(v));
}

static void st64(uint8_t *p, uint64_t v)
{
    v = GUINT64_TO_LE(v);
    memcpy(p, &v, sizeof(v));
}

bool linux_is_bzimage(const X86BootFile *kernel)
{
    return kernel->size >= LINUX_HEADER + 4 &&
           !memcmp(kernel->data + LINUX_HEADER, "HdrS", 4);
}

/* The setup header checks: everything that makes it a usable bzImage. */
static bool linux_check_header(LinuxKernel *k, const X86BootFile *f,
                               Error **errp)
{
    const uint8_t *d = f->data;
    unsigned sects = d[LINUX_SETUP_SECTS] ? d[LINUX_SETUP_SECTS] : 4;
    uint16_t xloadflags;

    k->file = f;
    k->setup_size = (sects + 1) * LINUX_SECTOR;
    if (f->size <= k->setup_size) {
        error_setg(errp, "%s: bzImage is truncated (%zu bytes, setup code "
                   "of %" PRIu64 ")", f->name, f->size, k->setup_size);
        return false;
    }
    k->version = ld16(d + LINUX_VERSION);
    if (k->version < 0x206) {
        error_setg(errp, "%s: boot protocol %u.%02u is too old; kvmini "
                   "needs 2.06", f->name, k->version >> 8, k->version & 0xff);
        return false;
    }
    if (!(d[LINUX_LOADFLAGS] & LINUX_LOADED_HIGH)) {
        error_setg(errp, "%s: not a bzImage (LOADED_HIGH is clear)", f->name);
        return false;
    }
    xloadflags = k->version >= 0x20c ? ld16(d + LINUX_XLOADFLAGS) : 0;
    if (!(xloadflags & LINUX_XLF_KERNEL_64)) {
        error_setg(errp, "%s: kernel has no 64-bit entry point "
                   "(XLF_KERNEL_64 is clear)", f->name);
        return false;
    }
    k->code_size = f->size - k->setup_size;
    if (k->code_size <= LINUX_ENTRY_64 ||
        k->code_size < (uint64_t)ld32(d + LINUX_SYSSIZE) * 16) {
        error_setg(errp, "%s: bzImage is truncated (%" PRIu64 " bytes of "
                   "kernel, syssize says %" PRIu64 ")", f->name, k->code_size,
                   (uint64_t)ld32(d + LINUX_SYSSIZE) * 16);
        return false;
    }
    return true;
}

static bool linux_fits(const X86Boot *b, uint64_t addr, uint64_t size)
{
    return addr >= X86_BOOT_KERNEL && size <= b->cfg->below_4g &&
           addr <= b->cfg->below_4g - size;
}

/*
 * Where the kernel goes and what RAM it needs. The 64-bit decompressor
 * works in init_size bytes from pref_address (its LOAD_PHYSICAL_ADDR)
 * when loaded lower, so a relocatable kernel is loaded right there (no
 * copy), any other at 1 MiB; either way that area must be RAM, and the
 * initrd goes above it.
 */
static bool linux_place(const X86Boot *b, LinuxKernel *k, Error **errp)
{
    const uint8_t *d = k->file->data;
    uint64_t run_addr = X86_BOOT_KERNEL, run_size = k->code_size;

    k->load_addr = X86_BOOT_KERNEL;
    if (k->version >= 0x20a) {
        run_addr = MAX(ld64(d + LINUX_PREF_ADDRESS), X86_BOOT_KERNEL);
        run_size = MAX(run_size, ld32(d + LINUX_INIT_SIZE));
        k->load_addr = d[LINUX_RELOCATABLE] ? run_addr : X86_BOOT_KERNEL;
    }
    /* run_size >= code_size, so the file fits at 1 MiB if this fits. */
    if (!linux_fits(b, run_addr, run_size)) {
        error_setg(errp, "%s: kernel does not fit in RAM (needs 0x%" PRIx64
                   "-0x%" PRIx64 ")", k->file->name, run_addr,
                   run_addr + run_size - 1);
        return false;
    }
    k->end = MAX(run_addr + run_size, k->load_addr + k->code_size);
    return true;
}

static bool linux_write_zero_page(const X86Boot *b, const LinuxKernel *k,
                                  const X86BootFile *initrd,
                                  uint64_t initrd_addr, Error **errp)
{
    const uint8_t *d = k->file->data;
    uint8_t zp[ZP_SIZE] = { 0 };
    uint64_t hdr_end = MIN(LINUX_HEADER + d[LINUX_JUMP_OFFSET],
                           LINUX_HEADER_LIMIT);
    unsigned i;

    memcpy(zp + LINUX_SETUP_SECTS, d + LINUX_SETUP_SECTS,
           hdr_end - LINUX_SETUP_SECTS);
    zp[LINUX_TYPE_OF_LOADER] = LINUX_LOADER_UNKNOWN;
    zp[LINUX_LOADFLAGS] |= LINUX_CAN_USE_HEAP;
    st16(zp + LINUX_HEAP_END_PTR, LINUX_HEAP_END);
    st32(zp + LINUX_CMD_LINE_PTR, X86_BOOT_CMDLINE);
    st32(zp + LINUX_RAMDISK_IMAGE, initrd ? initrd_addr : 0);
    st32(zp + LINUX_RAMDISK_SIZE, initrd ? initrd->size : 0);
    zp[ZP_E820_ENTRIES] = b->e820_entries;
    for (i = 0; i < b->e820_entries; i++) {
        uint8_t *e = zp + ZP_E820_TABLE + i * ZP_E820_ENTRY_SIZE;

        st64(e, b->e820[i].addr);
        st64(e + 8, b->e820[i].size);
        st32(e + 16, b->e820[i].type);
    }
    return x86_ram_write(b, X86_BOOT_INFO, zp, sizeof(zp), errp);
}

/* PML4 -> one PDPT -> four PDs of 2 MiB pages: 0-4 GiB identity mapped. */
static bool linux_write_page_tables(const X86Boot *b, Error **errp)
{
    g_autofree uint8_t *pt = g_malloc0((2 + PD_PAGES) * X86_PAGE_SIZE);
    uint8_t *pdpt = pt + X86_PAGE_SIZE, *pd = pdpt + X86_PAGE_SIZE;
    unsigned i;

    st64(pt, X86_BOOT_PDPT | PTE_PRESENT | PTE_WRITE);
    for (i = 0; i < PD_PAGES; i++) {
        st64(pdpt + i * 8, (X86_BOOT_PD + i * X86_PAGE_SIZE) |
             PTE_PRESENT | PTE_WRITE);
    }
    for (i = 0; i < PD_PAGES * PT_ENTRIES; i++) {
        st64(pd + i * 8, i * LARGE_PAGE | PTE_PRESENT | PTE_WRITE | PTE_LARGE);
    }
    return x86_ram_write(b, X86_BOOT_PML4, pt, (2 + PD_PAGES) * X86_PAGE_SIZE,
                         errp);
}

bool linux_load(const X86Boot *b, const X86BootFile *kernel,
                const X86BootFile *initrd, X86CpuBootState *state,
                Error **errp)
{
    LinuxKernel k;
    uint64_t initrd_addr = 0, initrd_end;

    if (!linux_check_header(&k, kernel, errp) || !linux_place(b, &k, errp) ||
        !x86_write_cmdline(b, kernel, ld32(kernel->data + LINUX_CMDLINE_SIZE),
                           errp)) {
        return false;
    }
    /* initrd_addr_max is the last byte the initrd may occupy. */
    initrd_end = MIN((uint64_t)ld32(kernel->data + LINUX_INITRD_ADDR_MAX) + 1,
                     b->cfg->below_4g);
    if ((initrd && !x86_write_initrd(b, initrd, k.end,
                                     initrd_end, &initrd_addr, errp)) ||
        !x86_ram_write(b, k.load_addr, kernel->data + k.setup_size,
                       k.code_size, errp) ||
        !linux_write_zero_page(b, &k, initrd, initrd_addr, errp) ||
        !linux_write_page_tables(b, errp) ||
        !x86_write_gdt(b, linux_gdt, ARRAY_SIZE(linux_gdt), LINUX_CS,
                       LINUX_DS, state, errp)) {
        return false;
    }
    state->regs.rip = k.load_addr + LINUX_ENTRY_64;
    state->regs.rsi = X86_BOOT_INFO;
    state->regs.rflags = X86_RFLAGS_FIXED;
    state->cr0 = X86_CR0_PE | X86_CR0_ET | X86_CR0_PG;
    state->cr3 = X86_BOOT_PML4;
    state->cr4 = X86_CR4_PAE;
    state->efer = X86_EFER_LME | X86_EFER_LMA;
    return true;
}
