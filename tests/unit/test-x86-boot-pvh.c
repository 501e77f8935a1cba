/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-x86-boot-pvh.c: the PVH loader on synthetic ELF64 and ELF32
 * kernels and on the kvmini guest: segments, start_info, memmap,
 * command line, initrd module, vCPU 0's state, and every bad input.
 */
#include "osdep.h"

#include <elf.h>

#include "hw/i386/e820.h"
#include "hw/i386/mptable.h"
#include "test-x86-boot-common.h"

#define MiB (1024 * 1024ULL)
#define PVH_NOTE_TYPE 18
#define PVH_DATA_OFFSET 256

/* What the synthetic PVH ELF contains: one PT_LOAD and one PT_NOTE. */
typedef struct PVHSpec {
    bool is64;
    uint64_t paddr;
    uint64_t filesz;
    uint64_t memsz;
    uint64_t entry;
} PVHSpec;

static uint8_t pvh_pattern(size_t i)
{
    return i * 7 + 3;
}

static void pvh_note(GByteArray *a, bool is64, uint64_t entry)
{
    Elf64_Nhdr nh = { .n_namesz = 4, .n_descsz = is64 ? 8 : 4,
                      .n_type = PVH_NOTE_TYPE };
    uint32_t entry32 = entry;

    g_byte_array_append(a, (const guint8 *)&nh, sizeof(nh));
    g_byte_array_append(a, (const guint8 *)"Xen", 4);
    if (is64) {
        g_byte_array_append(a, (const guint8 *)&entry, 8);
    } else {
        g_byte_array_append(a, (const guint8 *)&entry32, 4);
    }
}

/* The headers of a 64-bit ELF: ehdr, PT_LOAD and PT_NOTE phdrs. */
static void pvh_headers64(GByteArray *a, const PVHSpec *s, uint64_t note_off)
{
    Elf64_Ehdr eh = {
        .e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64,
                     ELFDATA2LSB, EV_CURRENT },
        .e_type = ET_EXEC, .e_machine = EM_X86_64, .e_version = EV_CURRENT,
        .e_entry = s->entry, .e_phoff = sizeof(Elf64_Ehdr),
        .e_ehsize = sizeof(Elf64_Ehdr), .e_phentsize = sizeof(Elf64_Phdr),
        .e_phnum = 2,
    };
    Elf64_Phdr ph[2] = {
        { .p_type = PT_LOAD, .p_offset = PVH_DATA_OFFSET,
          .p_vaddr = s->paddr, .p_paddr = s->paddr, .p_filesz = s->filesz,
          .p_memsz = s->memsz, .p_flags = PF_R | PF_X },
        { .p_type = PT_NOTE, .p_offset = note_off, .p_filesz = 24,
          .p_flags = PF_R },
    };

    g_byte_array_append(a, (const guint8 *)&eh, sizeof(eh));
    g_byte_array_append(a, (const guint8 *)ph, sizeof(ph));
}

static void pvh_headers32(GByteArray *a, const PVHSpec *s, uint64_t note_off)
{
    Elf32_Ehdr eh = {
        .e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS32,
                     ELFDATA2LSB, EV_CURRENT },
        .e_type = ET_EXEC, .e_machine = EM_386, .e_version = EV_CURRENT,
        .e_entry = s->entry, .e_phoff = sizeof(Elf32_Ehdr),
        .e_ehsize = sizeof(Elf32_Ehdr), .e_phentsize = sizeof(Elf32_Phdr),
        .e_phnum = 2,
    };
    Elf32_Phdr ph[2] = {
        { .p_type = PT_LOAD, .p_offset = PVH_DATA_OFFSET,
          .p_vaddr = s->paddr, .p_paddr = s->paddr, .p_filesz = s->filesz,
          .p_memsz = s->memsz, .p_flags = PF_R | PF_X },
        { .p_type = PT_NOTE, .p_offset = note_off, .p_filesz = 20,
          .p_flags = PF_R },
    };

    g_byte_array_append(a, (const guint8 *)&eh, sizeof(eh));
    g_byte_array_append(a, (const guint8 *)ph, sizeof(ph));
}

/* A PVH ELF as @s says; the segment's file bytes follow pvh_pattern(). */
static GByteArray *pvh_elf(const PVHSpec *s)
{
    GByteArray *a = g_byte_array_new();
    uint64_t note_off = s->is64 ? sizeof(Elf64_Ehdr) + 2 * sizeof(Elf64_Phdr)
                                : sizeof(Elf32_Ehdr) + 2 * sizeof(Elf32_Phdr);
    size_t i;

    if (s->is64) {
        pvh_headers64(a, s, note_off);
    } else {
        pvh_headers32(a, s, note_off);
    }
    pvh_note(a, s->is64, s->entry);
    g_byte_array_set_size(a, PVH_DATA_OFFSET + s->filesz);
    memset(a->data + note_off + (s->is64 ? 24 : 20), 0,
           PVH_DATA_OFFSET - note_off - (s->is64 ? 24 : 20));
    for (i = 0; i < s->filesz; i++) {
        a->data[PVH_DATA_OFFSET + i] = pvh_pattern(i);
    }
    return a;
}

static const char *pvh_file(BootTest *t, const char *name, GByteArray *a)
{
    return boot_test_file(t, name, a->data, a->len);
}

static const PVHSpec pvh_spec64 = {
    .is64 = true, .paddr = 0x200000, .filesz = 0x1234, .memsz = 0x3000,
    .entry = 0x200010,
};

/* The loaded segment: its file bytes, then zeroes up to memsz. */
static void check_segment(BootTest *t, const PVHSpec *s)
{
    const uint8_t *p = boot_test_ram(t, s->paddr);
    size_t i;

    for (i = 0; i < s->filesz; i++) {
        g_assert_cmpuint(p[i], ==, pvh_pattern(i));
    }
    for (; i < s->memsz; i++) {
        g_assert_cmpuint(p[i], ==, 0);
    }
    g_assert_cmpuint(p[s->memsz], ==, BOOT_TEST_RAM_FILL);
}

/* 32-bit protected mode, flat segments, %ebx = start_info. */
static void check_pvh_state(BootTest *t, uint64_t entry)
{
    const X86CpuBootState *st = &t->state;

    g_assert_cmphex(st->regs.rip, ==, entry);
    g_assert_cmphex(st->regs.rbx, ==, X86_BOOT_INFO);
    g_assert_cmphex(st->regs.rflags, ==, 0x2);
    g_assert_cmphex(st->cr0, ==, 0x11);
    g_assert_cmphex(st->cr3, ==, 0);
    g_assert_cmphex(st->cr4, ==, 0);
    g_assert_cmphex(st->efer, ==, 0);
    g_assert_cmphex(st->cs.selector, ==, 0x08);
    g_assert_cmphex(st->cs.base, ==, 0);
    g_assert_cmphex(st->cs.limit, ==, 0xffffffff);
    g_assert_cmpuint(st->cs.type, ==, 0xb);
    g_assert_cmpuint(st->cs.present, ==, 1);
    g_assert_cmpuint(st->cs.s, ==, 1);
    g_assert_cmpuint(st->cs.db, ==, 1);
    g_assert_cmpuint(st->cs.l, ==, 0);
    g_assert_cmpuint(st->cs.g, ==, 1);
    g_assert_cmpuint(st->cs.dpl, ==, 0);
    g_assert_cmphex(st->ds.selector, ==, 0x10);
    g_assert_cmphex(st->ds.base, ==, 0);
    g_assert_cmphex(st->ds.limit, ==, 0xffffffff);
    g_assert_cmpuint(st->ds.type, ==, 0x3);
    g_assert_cmpuint(st->ds.db, ==, 1);
    g_assert_cmpuint(st->ds.g, ==, 1);
    g_assert_cmpuint(st->ds.present, ==, 1);
    g_assert_cmphex(st->gdt.base, ==, X86_BOOT_GDT);
    g_assert_cmpuint(st->gdt.limit, ==, 23);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_GDT), ==, 0);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_GDT + 8), ==,
                    0x00cf9b000000ffffULL);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_GDT + 16), ==,
                    0x00cf93000000ffffULL);
}

/* start_info and its memmap: the e820 map for @t's RAM. */
static void check_start_info(BootTest *t, uint32_t nr_modules)
{
    E820Entry e820[E820_MAX_ENTRIES];
    unsigned n = e820_build(t->cfg.below_4g, t->cfg.above_4g, e820), i;
    uint64_t memmap = boot_test_ld64(t, X86_BOOT_INFO + 40);

    g_assert_cmphex(boot_test_ld32(t, X86_BOOT_INFO), ==, 0x336ec578);
    g_assert_cmpuint(boot_test_ld32(t, X86_BOOT_INFO + 4), ==, 1);
    g_assert_cmpuint(boot_test_ld32(t, X86_BOOT_INFO + 8), ==, 0);
    g_assert_cmpuint(boot_test_ld32(t, X86_BOOT_INFO + 12), ==, nr_modules);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_INFO + 16), ==,
                    nr_modules ? X86_BOOT_INFO + 0x40 : 0);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_INFO + 24), ==,
                    X86_BOOT_CMDLINE);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_INFO + 32), ==, 0);
    g_assert_cmphex(memmap, ==, X86_BOOT_INFO + 0x80);
    g_assert_cmpuint(boot_test_ld32(t, X86_BOOT_INFO + 48), ==, n);
    for (i = 0; i < n; i++) {
        g_assert_cmphex(boot_test_ld64(t, memmap + i * 24), ==, e820[i].addr);
        g_assert_cmphex(boot_test_ld64(t, memmap + i * 24 + 8), ==,
                        e820[i].size);
        g_assert_cmpuint(boot_test_ld32(t, memmap + i * 24 + 16), ==,
                         e820[i].type);
        g_assert_cmpuint(boot_test_ld32(t, memmap + i * 24 + 20), ==, 0);
    }
    g_assert_cmpstr((const char *)boot_test_ram(t, X86_BOOT_CMDLINE), ==,
                    t->cfg.cmdline);
}

static void test_elf64(void)
{
    BootTest *t = boot_test_new(64 * MiB, 16 * MiB);
    g_autoptr(GByteArray) elf = pvh_elf(&pvh_spec64);
    g_autofree uint8_t *initrd = g_malloc(5000);
    uint64_t initrd_addr = (64 * MiB - 5000) & ~0xfffULL;

    memset(initrd, 0x5a, 5000);
    t->cfg.kernel = pvh_file(t, "kernel.elf", elf);
    t->cfg.initrd = boot_test_file(t, "initrd", initrd, 5000);
    t->cfg.cmdline = "console=ttyS0 hello";
    boot_test_load(t);

    check_segment(t, &pvh_spec64);
    check_pvh_state(t, pvh_spec64.entry);
    check_start_info(t, 1);
    g_assert_cmpuint(boot_test_ld32(t, X86_BOOT_INFO + 48), ==, 4);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_INFO + 0x40), ==, initrd_addr);
    g_assert_cmpuint(boot_test_ld64(t, X86_BOOT_INFO + 0x48), ==, 5000);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_INFO + 0x50), ==, 0);
    g_assert_cmphex(boot_test_ld64(t, X86_BOOT_INFO + 0x58), ==, 0);
    g_assert_cmpmem(boot_test_ram(t, initrd_addr), 5000, initrd, 5000);
    boot_test_free(t);
}

static void test_elf32(void)
{
    PVHSpec s = {
        .is64 = false, .paddr = 0x100000, .filesz = 0x800, .memsz = 0x800,
        .entry = 0x100400,
    };
    BootTest *t = boot_test_new(8 * MiB, 0);
    g_autoptr(GByteArray) elf = pvh_elf(&s);

    t->cfg.kernel = pvh_file(t, "kernel32.elf", elf);
    boot_test_load(t);

    check_segment(t, &s);
    check_pvh_state(t, s.entry);
    check_start_info(t, 0);
    g_assert_cmpuint(boot_test_ld32(t, X86_BOOT_INFO + 48), ==, 3);
    boot_test_free(t);
}

/* The MP table is part of every load. */
static void test_mptable(void)
{
    BootTest *t = boot_test_new(8 * MiB, 0);
    g_autoptr(GByteArray) elf = pvh_elf(&pvh_spec64);
    g_autofree uint8_t *table = NULL;
    size_t size;

    t->cfg.kernel = pvh_file(t, "kernel.elf", elf);
    t->cfg.ncpus = 4;
    boot_test_load(t);
    table = mptable_build(X86_BOOT_MPTABLE, 4, &size, &error_abort);
    g_assert_cmpmem(boot_test_ram(t, X86_BOOT_MPTABLE), size, table, size);
    boot_test_free(t);
}

/* The kvmini guest: every PT_LOAD lands at its paddr, rip at its entry. */
static void test_guest(void)
{
    BootTest *t = boot_test_new(32 * MiB, 0);
    g_autofree char *data = NULL;
    Elf64_Ehdr eh;
    Elf64_Phdr ph;
    size_t len;
    unsigned i, loads = 0;

    g_assert_true(g_file_get_contents(KVMINI_GUEST_ELF, &data, &len, NULL));
    memcpy(&eh, data, sizeof(eh));
    t->cfg.kernel = KVMINI_GUEST_ELF;
    t->cfg.cmdline = "hello";
    boot_test_load(t);

    check_pvh_state(t, eh.e_entry);
    check_start_info(t, 0);
    for (i = 0; i < eh.e_phnum; i++) {
        memcpy(&ph, data + eh.e_phoff + i * sizeof(ph), sizeof(ph));
        if (PT_LOAD != ph.p_type) {
            continue;
        }
        g_assert_cmpmem(boot_test_ram(t, ph.p_paddr), ph.p_filesz,
                        data + ph.p_offset, ph.p_filesz);
        loads++;
    }
    g_assert_cmpuint(loads, ==, 2);
    boot_test_free(t);
}

/* A PVH ELF with one field changed by @patch, must fail with @expected. */
static void pvh_fails(const PVHSpec *s, size_t patch_off,
                      const void *patch, size_t patch_len,
                      const char *expected)
{
    BootTest *t = boot_test_new(8 * MiB, 1 * MiB);
    g_autoptr(GByteArray) elf = pvh_elf(s);

    if (patch) {
        memcpy(elf->data + patch_off, patch, patch_len);
    }
    t->cfg.kernel = pvh_file(t, "k", elf);
    boot_test_load_fails(t, expected);
    boot_test_free(t);
}

#define PH64(i, field) \
    (sizeof(Elf64_Ehdr) + (i) * sizeof(Elf64_Phdr) + \
     offsetof(Elf64_Phdr, field))
#define NOTE64 (sizeof(Elf64_Ehdr) + 2 * sizeof(Elf64_Phdr))

static void test_bad_headers(void)
{
    uint16_t arm = EM_AARCH64, many = 0x7fff, zero16 = 0;
    uint64_t huge = 0xfffffffffffff000ULL, v = 0x100000;
    uint8_t msb = ELFDATA2MSB;

    pvh_fails(&pvh_spec64, offsetof(Elf64_Ehdr, e_machine), &arm, 2,
              "DIR/k: not a little-endian x86 ELF");
    pvh_fails(&pvh_spec64, EI_DATA, &msb, 1,
              "DIR/k: not a little-endian x86 ELF");
    pvh_fails(&pvh_spec64, offsetof(Elf64_Ehdr, e_phnum), &many, 2,
              "DIR/k: bad ELF program header table");
    pvh_fails(&pvh_spec64, offsetof(Elf64_Ehdr, e_phentsize), &zero16, 2,
              "DIR/k: bad ELF program header table");
    pvh_fails(&pvh_spec64, offsetof(Elf64_Ehdr, e_phoff), &huge, 8,
              "DIR/k: bad ELF program header table");
    pvh_fails(&pvh_spec64, PH64(0, p_offset), &huge, 8,
              "DIR/k: ELF segment 0 lies outside the file");
    pvh_fails(&pvh_spec64, PH64(0, p_filesz), &v, 8,
              "DIR/k: ELF segment 0 lies outside the file");
    pvh_fails(&pvh_spec64, PH64(1, p_filesz), &v, 8,
              "DIR/k: ELF segment 1 lies outside the file");
    v = 0x1000;
    pvh_fails(&pvh_spec64, PH64(0, p_memsz), &v, 8,
              "DIR/k: ELF segment 0 is larger in the file than in memory");
}

static void test_bad_note(void)
{
    uint32_t type = 17, load = PT_NULL, descsz = 2;
    uint64_t entry = 0x900000;

    pvh_fails(&pvh_spec64, NOTE64 + 8, &type, 4,
              "DIR/k: not a PVH ELF (no XEN_ELFNOTE_PHYS32_ENTRY note) "
              "nor a Linux bzImage");
    pvh_fails(&pvh_spec64, NOTE64 + 4, &descsz, 4,
              "DIR/k: not a PVH ELF (no XEN_ELFNOTE_PHYS32_ENTRY note) "
              "nor a Linux bzImage");
    pvh_fails(&pvh_spec64, NOTE64 + 12, "Xe", 3,
              "DIR/k: not a PVH ELF (no XEN_ELFNOTE_PHYS32_ENTRY note) "
              "nor a Linux bzImage");
    pvh_fails(&pvh_spec64, NOTE64 + 16, &entry, 8,
              "DIR/k: PVH entry point 0x900000 is outside RAM");
    pvh_fails(&pvh_spec64, PH64(0, p_type), &load, 4,
              "DIR/k: ELF has no loadable segment");
}

static void test_bad_segment(void)
{
    PVHSpec s = pvh_spec64;

    s.paddr = 0x10000;
    pvh_fails(&s, 0, NULL, 0, "DIR/k: segment 0x10000-0x12fff overlaps "
              "kvmini's boot data at 0x0-0x2ffff");
    s.paddr = 0x9f000;
    pvh_fails(&s, 0, NULL, 0, "DIR/k: segment 0x9f000-0xa1fff overlaps "
              "kvmini's boot data at 0x9fc00-0xfffff");
    s.paddr = 0x7ff000;
    pvh_fails(&s, 0, NULL, 0,
              "DIR/k: segment 0x7ff000-0x801fff does not fit in RAM");
    s.paddr = 0xfffffffffffff000ULL;
    pvh_fails(&s, 0, NULL, 0, "DIR/k: segment 0xfffffffffffff000-"
              "0xffffffffffffffff does not fit in RAM");
    s.paddr = 0x100fff000ULL;
    pvh_fails(&s, 0, NULL, 0,
              "DIR/k: segment 0x100fff000-0x101001fff does not fit in RAM");
}

/* A segment in the RAM above 4 GiB lands after the RAM below it. */
static void test_high_segment(void)
{
    PVHSpec s = pvh_spec64;
    BootTest *t = boot_test_new(8 * MiB, 1 * MiB);
    g_autoptr(GByteArray) elf = NULL;
    size_t i;

    s.paddr = X86_HIGHMEM_BASE + 0x1000;
    elf = pvh_elf(&s);
    t->cfg.kernel = pvh_file(t, "k", elf);
    boot_test_load(t);
    for (i = 0; i < s.filesz; i++) {
        g_assert_cmpuint(t->cfg.ram[8 * MiB + 0x1000 + i], ==, pvh_pattern(i));
    }
    g_assert_cmpuint(t->cfg.ram[8 * MiB + 0x1000 + s.filesz], ==, 0);
    boot_test_free(t);
}

static void test_bad_files(void)
{
    BootTest *t = boot_test_new(8 * MiB, 0);
    g_autoptr(GByteArray) elf = pvh_elf(&pvh_spec64);
    g_autofree char *junk = g_strnfill(5000, 'x');
    g_autofree char *missing = g_build_filename(t->dir, "nope", NULL);

    t->cfg.kernel = missing;
    boot_test_load_fails(t, "could not open kernel file 'DIR/nope': "
                         "No such file or directory");
    t->cfg.kernel = t->dir;
    boot_test_load_fails(t, "could not open kernel file 'DIR': "
                         "Is a directory");
    t->cfg.kernel = boot_test_file(t, "junk", junk, 5000);
    boot_test_load_fails(t, "DIR/junk: not a PVH ELF (no "
                         "XEN_ELFNOTE_PHYS32_ENTRY note) nor a Linux bzImage");
    t->cfg.kernel = boot_test_file(t, "empty", "", 0);
    boot_test_load_fails(t, "DIR/empty: not a PVH ELF (no "
                         "XEN_ELFNOTE_PHYS32_ENTRY note) nor a Linux bzImage");
    t->cfg.kernel = pvh_file(t, "k", elf);
    t->cfg.initrd = missing;
    boot_test_load_fails(t, "could not open initrd file 'DIR/nope': "
                         "No such file or directory");
    boot_test_free(t);
}

static void test_initrd_too_large(void)
{
    BootTest *t = boot_test_new(8 * MiB, 16 * MiB);
    g_autoptr(GByteArray) elf = pvh_elf(&pvh_spec64);
    g_autofree uint8_t *initrd = g_malloc0(6 * MiB);

    t->cfg.kernel = pvh_file(t, "k", elf);
    t->cfg.initrd = boot_test_file(t, "initrd", initrd, 6 * MiB);
    boot_test_load_fails(t, "DIR/initrd: initrd is too large for RAM "
                         "(6291456 bytes, room for 6279168)");
    boot_test_free(t);
}

/* An empty initrd file is the same as none. */
static void test_empty_initrd(void)
{
    BootTest *t = boot_test_new(8 * MiB, 0);
    g_autoptr(GByteArray) elf = pvh_elf(&pvh_spec64);

    t->cfg.kernel = pvh_file(t, "k", elf);
    t->cfg.initrd = boot_test_file(t, "initrd", "", 0);
    boot_test_load(t);
    check_start_info(t, 0);
    boot_test_free(t);
}

static void test_cmdline(void)
{
    BootTest *t = boot_test_new(8 * MiB, 0);
    g_autoptr(GByteArray) elf = pvh_elf(&pvh_spec64);
    g_autofree char *longest = g_strnfill(X86_BOOT_CMDLINE_MAX - 1, 'a');
    g_autofree char *too_long = g_strnfill(X86_BOOT_CMDLINE_MAX, 'a');

    t->cfg.kernel = pvh_file(t, "k", elf);
    t->cfg.cmdline = longest;
    boot_test_load(t);
    check_start_info(t, 0);
    t->cfg.cmdline = too_long;
    boot_test_load_fails(t, "DIR/k: command line of 65536 bytes is too long "
                         "(at most 65535)");
    boot_test_free(t);
}

static void test_bad_config(void)
{
    BootTest *t = boot_test_new(1 * MiB - 4096, 0);
    g_autoptr(GByteArray) elf = pvh_elf(&pvh_spec64);

    t->cfg.kernel = pvh_file(t, "k", elf);
    boot_test_load_fails(t, "direct kernel boot needs 1 MiB to 4 GiB of RAM "
                         "below 4 GiB, not 1044480 bytes");
    t->cfg.below_4g = 1 * MiB;
    boot_test_load_fails(t, "DIR/k: segment 0x200000-0x202fff does not fit "
                         "in RAM");
    t->cfg.ncpus = 255;
    boot_test_load_fails(t, "255 vCPUs do not fit in the MP table (1 to 254)");
    boot_test_free(t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/x86-boot/pvh/elf64", test_elf64);
    g_test_add_func("/x86-boot/pvh/elf32", test_elf32);
    g_test_add_func("/x86-boot/pvh/mptable", test_mptable);
    g_test_add_func("/x86-boot/pvh/kvmini-guest", test_guest);
    g_test_add_func("/x86-boot/pvh/high-segment", test_high_segment);
    g_test_add_func("/x86-boot/pvh/empty-initrd", test_empty_initrd);
    g_test_add_func("/x86-boot/pvh/cmdline", test_cmdline);
    g_test_add_func("/x86-boot/pvh/bad-headers", test_bad_headers);
    g_test_add_func("/x86-boot/pvh/bad-note", test_bad_note);
    g_test_add_func("/x86-boot/pvh/bad-segment", test_bad_segment);
    g_test_add_func("/x86-boot/pvh/bad-files", test_bad_files);
    g_test_add_func("/x86-boot/pvh/initrd-too-large", test_initrd_too_large);
    g_test_add_func("/x86-boot/pvh/bad-config", test_bad_config);
    return g_test_run();
}
