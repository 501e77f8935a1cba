/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86-boot.c: direct kernel boot: maps the kernel and initrd files,
 * picks the PVH or the Linux loader, writes the MP table, and holds
 * what both loaders share: checked guest RAM access, the GDT, the
 * command line and the initrd placement.
 */
#include "osdep.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "hw/i386/mptable.h"
#include "x86-boot-internal.h"

#define X86_BOOT_RESERVED_END 0x100000ULL

static uint8_t *x86_ram_ptr(const X86BootConfig *cfg, uint64_t gpa,
                            uint64_t len)
{
    uint64_t off;

    if (gpa <= cfg->below_4g && len <= cfg->below_4g - gpa) {
        return cfg->ram + gpa;
    }
    if (gpa >= X86_HIGHMEM_BASE) {
        off = gpa - X86_HIGHMEM_BASE;
        if (off <= cfg->above_4g && len <= cfg->above_4g - off) {
            return cfg->ram + cfg->below_4g + off;
        }
    }
    return NULL;
}

bool x86_ram_write(const X86Boot *b, uint64_t gpa, const void *buf,
                   uint64_t len, Error **errp)
{
    uint8_t *p = x86_ram_ptr(b->cfg, gpa, len);

    if (!p) {
        error_setg(errp, "boot data at 0x%" PRIx64 " (%" PRIu64
                   " bytes) is outside RAM", gpa, len);
        return false;
    }
    if (buf) {
        memcpy(p, buf, len);
    } else {
        memset(p, 0, len);
    }
    return true;
}

bool x86_range_in_ram(const X86Boot *b, uint64_t addr, uint64_t len)
{
    unsigned i;

    for (i = 0; i < b->e820_entries; i++) {
        const E820Entry *e = &b->e820[i];

        if (E820_RAM == e->type && addr >= e->addr &&
            addr - e->addr <= e->size && len <= e->size - (addr - e->addr)) {
            return true;
        }
    }
    return false;
}

static bool ranges_overlap(uint64_t a, uint64_t alen, uint64_t b,
                           uint64_t blen)
{
    if (!alen || !blen) {
        return false;
    }
    return a >= b ? a - b < blen : b - a < alen;
}

bool x86_range_is_reserved(uint64_t addr, uint64_t len,
                           uint64_t *area_start, uint64_t *area_last)
{
    static const uint64_t areas[][2] = {
        { 0, X86_BOOT_DATA_END },
        { X86_BOOT_MPTABLE, X86_BOOT_RESERVED_END },
    };
    unsigned i;

    for (i = 0; i < ARRAY_SIZE(areas); i++) {
        if (ranges_overlap(addr, len, areas[i][0],
                           areas[i][1] - areas[i][0])) {
            *area_start = areas[i][0];
            *area_last = areas[i][1] - 1;
            return true;
        }
    }
    return false;
}

/* The register form of a GDT descriptor, as the CPU loads it. */
static void x86_segment_from_desc(struct kvm_segment *seg, uint16_t sel,
                                  uint64_t d)
{
    uint32_t limit = (d & 0xffff) | ((d >> 32) & 0xf0000);

    *seg = (struct kvm_segment) {
        .base = ((d >> 16) & 0xffffff) | (((d >> 56) & 0xff) << 24),
        .selector = sel,
        .type = (d >> 40) & 0xf,
        .s = (d >> 44) & 1,
        .dpl = (d >> 45) & 3,
        .present = (d >> 47) & 1,
        .avl = (d >> 52) & 1,
        .l = (d >> 53) & 1,
        .db = (d >> 54) & 1,
        .g = (d >> 55) & 1,
    };
    seg->limit = seg->g ? (limit << 12) | 0xfff : limit;
}

bool x86_write_gdt(const X86Boot *b, const uint64_t *desc, unsigned n,
                   uint16_t cs_sel, uint16_t ds_sel, X86CpuBootState *state,
                   Error **errp)
{
    if (!x86_ram_write(b, X86_BOOT_GDT, desc, n * sizeof(*desc), errp)) {
        return false;
    }
    state->gdt.base = X86_BOOT_GDT;
    state->gdt.limit = n * sizeof(*desc) - 1;
    x86_segment_from_desc(&state->cs, cs_sel, desc[cs_sel / 8]);
    x86_segment_from_desc(&state->ds, ds_sel, desc[ds_sel / 8]);
    return true;
}

bool x86_write_cmdline(const X86Boot *b, const X86BootFile *kernel,
                       uint64_t max_len, Error **errp)
{
    size_t len = strlen(b->cfg->cmdline);

    max_len = MIN(max_len, X86_BOOT_CMDLINE_MAX - 1);
    if (len > max_len) {
        error_setg(errp, "%s: command line of %zu bytes is too long "
                   "(at most %" PRIu64 ")", kernel->name, len, max_len);
        return false;
    }
    return x86_ram_write(b, X86_BOOT_CMDLINE, b->cfg->cmdline, len + 1, errp);
}

bool x86_write_initrd(const X86Boot *b, const X86BootFile *initrd,
                      uint64_t low, uint64_t high, uint64_t *addr,
                      Error **errp)
{
    uint64_t start;

    low = X86_PAGE_ALIGN_UP(low);
    if (high < low || initrd->size > high - low ||
        X86_PAGE_ALIGN_DOWN(high - initrd->size) < low) {
        error_setg(errp, "%s: initrd is too large for RAM (%zu bytes, "
                   "room for %" PRIu64 ")", initrd->name, initrd->size,
                   high > low ? high - low : 0);
        return false;
    }
    start = X86_PAGE_ALIGN_DOWN(high - initrd->size);
    *addr = start;
    return x86_ram_write(b, start, initrd->data, initrd->size, errp);
}

static bool x86_write_mptable(const X86Boot *b, Error **errp)
{
    g_autofree uint8_t *table = NULL;
    size_t size;

    table = mptable_build(X86_BOOT_MPTABLE, b->cfg->ncpus, &size, errp);
    return table && x86_ram_write(b, X86_BOOT_MPTABLE, table, size, errp);
}

bool x86_load_kernel_image(const X86BootConfig *cfg,
                           const X86BootFile *kernel,
                           const X86BootFile *initrd,
                           X86CpuBootState *state, Error **errp)
{
    X86Boot b = { .cfg = cfg };

    if (cfg->below_4g < X86_BOOT_MIN_RAM ||
        cfg->below_4g > X86_HIGHMEM_BASE) {
        error_setg(errp, "direct kernel boot needs 1 MiB to 4 GiB of RAM "
                   "below 4 GiB, not %" PRIu64 " bytes", cfg->below_4g);
        return false;
    }
    b.e820_entries = e820_build(cfg->below_4g, cfg->above_4g, b.e820);
    if (!x86_write_mptable(&b, errp)) {
        return false;
    }
    if (initrd && !initrd->size) {
        initrd = NULL;
    }
    memset(state, 0, sizeof(*state));
    if (pvh_is_elf(kernel)) {
        return pvh_load(&b, kernel, initrd, state, errp);
    }
    if (linux_is_bzimage(kernel)) {
        return linux_load(&b, kernel, initrd, state, errp);
    }
    error_setg(errp, "%s: not a PVH ELF (no XEN_ELFNOTE_PHYS32_ENTRY note) "
               "nor a Linux bzImage", kernel->name);
    return false;
}

/* Map @path read-only into @f; @what is "kernel" or "initrd". */
static bool x86_boot_file_map(X86BootFile *f, const char *path,
                              const char *what, Error **errp)
{
    struct stat st;
    void *map = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    int err;

    if (fd < 0 || fstat(fd, &st) < 0) {
        goto fail;
    }
    if (!S_ISREG(st.st_mode)) {
        errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        goto fail;
    }
    if (st.st_size) {
        map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (MAP_FAILED == map) {
            goto fail;
        }
    }
    close(fd);
    *f = (X86BootFile) { .name = path, .data = map, .size = st.st_size };
    return true;

fail:
    err = errno;
    if (fd >= 0) {
        close(fd);
    }
    error_setg_errno(errp, err, "could not open %s file '%s'", what, path);
    return false;
}

static void x86_boot_file_unmap(X86BootFile *f)
{
    if (f->size) {
        munmap((void *)f->data, f->size);
    }
}

bool x86_load_kernel(const X86BootConfig *cfg, X86CpuBootState *state,
                     Error **errp)
{
    X86BootFile kernel, initrd;
    bool ok;

    if (!x86_boot_file_map(&kernel, cfg->kernel, "kernel", errp)) {
        return false;
    }
    if (cfg->initrd &&
        !x86_boot_file_map(&initrd, cfg->initrd, "initrd", errp)) {
        x86_boot_file_unmap(&kernel);
        return false;
    }
    ok = x86_load_kernel_image(cfg, &kernel, cfg->initrd ? &initrd : NULL,
                               state, errp);
    x86_boot_file_unmap(&kernel);
    if (cfg->initrd) {
        x86_boot_file_unmap(&initrd);
    }
    return ok;
}
