/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pvh.c: the PVH boot ABI: an ELF32 or ELF64 kernel whose PT_NOTE
 * segment has the Xen note XEN_ELFNOTE_PHYS32_ENTRY is loaded segment by
 * segment at its physical addresses and entered in 32-bit protected
 * mode, paging off, with %ebx pointing at hvm_start_info (command line,
 * initrd as module 0, memory map).
 */
#include "osdep.h"

#include <elf.h>

#include "hw/i386/pvh-start-info.h"
#include "x86-boot-internal.h"

#define XEN_ELFNOTE_PHYS32_ENTRY 18

/* The memmap is the e820 map, types unchanged. */
_Static_assert(PVH_MEMMAP_TYPE_RAM == E820_RAM &&
               PVH_MEMMAP_TYPE_RESERVED == E820_RESERVED,
               "PVH memmap types are e820 types");

/* Inside the X86_BOOT_INFO page: start_info, one module, the memmap. */
#define PVH_START_INFO          X86_BOOT_INFO
#define PVH_MODLIST             (X86_BOOT_INFO + 0x40)
#define PVH_MEMMAP              (X86_BOOT_INFO + 0x80)

/* The flat 4 GiB GDT: 0x08 32-bit code (execute/read), 0x10 data. */
#define PVH_CS                  0x08
#define PVH_DS                  0x10
static const uint64_t pvh_gdt[] = {
    0,
    0x00cf9b000000ffffULL,
    0x00cf93000000ffffULL,
};

/* The ELF header fields the loader uses, whatever the class. */
typedef struct PVHElf {
    const X86BootFile *file;
    bool is64;
    uint64_t phoff;
    unsigned phnum;
    unsigned phentsize;
} PVHElf;

/* A program header, whatever the class. */
typedef struct PVHSegment {
    uint32_t type;
    uint64_t offset;
    uint64_t paddr;
    uint64_t filesz;
    uint64_t memsz;
} PVHSegment;

bool pvh_is_elf(const X86BootFile *kernel)
{
    return kernel->size >= SELFMAG && !memcmp(kernel->data, ELFMAG, SELFMAG);
}

static bool pvh_parse_header(PVHElf *elf, const X86BootFile *f, Error **errp)
{
    const uint8_t *id = f->data;
    unsigned min_phentsize = 0;
    bool le = f->size >= EI_NIDENT && ELFDATA2LSB == id[EI_DATA];
    bool x86 = false;
    Elf64_Ehdr eh64;
    Elf32_Ehdr eh32;

    elf->file = f;
    elf->is64 = le && ELFCLASS64 == id[EI_CLASS];
    if (elf->is64 && f->size >= sizeof(eh64)) {
        memcpy(&eh64, f->data, sizeof(eh64));
        x86 = EM_X86_64 == eh64.e_machine;
        elf->phoff = eh64.e_phoff;
        elf->phnum = eh64.e_phnum;
        elf->phentsize = eh64.e_phentsize;
        min_phentsize = sizeof(Elf64_Phdr);
    } else if (le && ELFCLASS32 == id[EI_CLASS] && f->size >= sizeof(eh32)) {
        memcpy(&eh32, f->data, sizeof(eh32));
        x86 = EM_386 == eh32.e_machine;
        elf->phoff = eh32.e_phoff;
        elf->phnum = eh32.e_phnum;
        elf->phentsize = eh32.e_phentsize;
        min_phentsize = sizeof(Elf32_Phdr);
    }
    if (!x86) {
        error_setg(errp, "%s: not a little-endian x86 ELF", f->name);
        return false;
    }
    if (elf->phentsize < min_phentsize || elf->phoff > f->size ||
        (uint64_t)elf->phnum * elf->phentsize > f->size - elf->phoff) {
        error_setg(errp, "%s: bad ELF program header table", f->name);
        return false;
    }
    return true;
}

static PVHSegment pvh_segment(const PVHElf *elf, unsigned i)
{
    const uint8_t *p = elf->file->data + elf->phoff +
                       (uint64_t)i * elf->phentsize;
    Elf64_Phdr ph64;
    Elf32_Phdr ph32;

    if (elf->is64) {
        memcpy(&ph64, p, sizeof(ph64));
        return (PVHSegment) {
            .type = ph64.p_type, .offset = ph64.p_offset,
            .paddr = ph64.p_paddr, .filesz = ph64.p_filesz,
            .memsz = ph64.p_memsz,
        };
    }
    memcpy(&ph32, p, sizeof(ph32));
    return (PVHSegment) {
        .type = ph32.p_type, .offset = ph32.p_offset,
        .paddr = ph32.p_paddr, .filesz = ph32.p_filesz,
        .memsz = ph32.p_memsz,
    };
}

static uint64_t pvh_note_align(uint64_t n)
{
    return (n + 3) & ~3ULL;
}

/* Look for the entry note among the notes in @p[0..@len). */
static bool pvh_scan_notes(const uint8_t *p, uint64_t len, uint64_t *entry)
{
    uint64_t pos = 0, name_len;
    Elf64_Nhdr nh;                      /* the same in ELF32 */
    const uint8_t *name, *desc;
    uint32_t entry32;

    while (len - pos >= sizeof(nh)) {
        memcpy(&nh, p + pos, sizeof(nh));
        pos += sizeof(nh);
        name_len = pvh_note_align(nh.n_namesz);
        if (name_len > len - pos || nh.n_descsz > len - pos - name_len) {
            return false;
        }
        name = p + pos;
        desc = name + name_len;
        pos += MIN(name_len + pvh_note_align(nh.n_descsz), len - pos);
        if (4 != nh.n_namesz || memcmp(name, "Xen", 4) ||
            XEN_ELFNOTE_PHYS32_ENTRY != nh.n_type) {
            continue;
        }
        if (8 == nh.n_descsz) {
            memcpy(entry, desc, sizeof(*entry));
            return true;
        }
        if (4 == nh.n_descsz) {
            memcpy(&entry32, desc, sizeof(entry32));
            *entry = entry32;
            return true;
        }
    }
    return false;
}

/* Check where loadable segment @s (non-empty) goes. */
static bool pvh_check_load(const X86Boot *b, const char *name,
                           const PVHSegment *s, Error **errp)
{
    uint64_t area_start, area_last;
    uint64_t last = s->paddr > UINT64_MAX - (s->memsz - 1)
                    ? UINT64_MAX : s->paddr + (s->memsz - 1);

    if (x86_range_is_reserved(s->paddr, s->memsz, &area_start, &area_last)) {
        error_setg(errp, "%s: segment 0x%" PRIx64 "-0x%" PRIx64
                   " overlaps kvmini's boot data at 0x%" PRIx64 "-0x%" PRIx64,
                   name, s->paddr, last, area_start, area_last);
        return false;
    }
    if (!x86_range_in_ram(b, s->paddr, s->memsz)) {
        error_setg(errp, "%s: segment 0x%" PRIx64 "-0x%" PRIx64
                   " does not fit in RAM", name, s->paddr, last);
        return false;
    }
    return true;
}

/*
 * Check every segment's place in the file and every loadable one's in
 * RAM, and find the entry note; *@kernel_end is where the last segment
 * below 4 GiB ends (at least 1 MiB), *@loads counts the loadable ones.
 */
/* Whether segment @s of @elf lies inside the file; @errp set if not. */
static bool pvh_segment_in_file(const PVHElf *elf, const PVHSegment *s,
                                unsigned i, Error **errp)
{
    if (s->offset > elf->file->size ||
        s->filesz > elf->file->size - s->offset) {
        error_setg(errp, "%s: ELF segment %u lies outside the file",
                   elf->file->name, i);
        return false;
    }
    return true;
}

/* Find the PVH entry in the PT_NOTE segments: an ELF without one is refused first. */
static bool pvh_find_entry(const PVHElf *elf, uint64_t *entry, Error **errp)
{
    bool found = false;
    unsigned i;

    for (i = 0; i < elf->phnum; i++) {
        PVHSegment s = pvh_segment(elf, i);

        if (PT_NOTE != s.type) {
            continue;
        }
        if (!pvh_segment_in_file(elf, &s, i, errp)) {
            return false;
        }
        found = found || pvh_scan_notes(elf->file->data + s.offset,
                                        s.filesz, entry);
    }
    if (!found) {
        error_setg(errp, "%s: not a PVH ELF (no XEN_ELFNOTE_PHYS32_ENTRY "
                   "note) nor a Linux bzImage", elf->file->name);
    }
    return found;
}

static bool pvh_check_segments(const X86Boot *b, const PVHElf *elf,
                               uint64_t *entry, uint64_t *kernel_end,
                               unsigned *loads, Error **errp)
{
    const char *name = elf->file->name;
    unsigned i;

    if (!pvh_find_entry(elf, entry, errp)) {
        return false;
    }
    for (i = 0; i < elf->phnum; i++) {
        PVHSegment s = pvh_segment(elf, i);

        if (PT_LOAD != s.type) {
            continue;
        }
        if (!pvh_segment_in_file(elf, &s, i, errp)) {
            return false;
        }
        if (s.filesz > s.memsz) {
            error_setg(errp, "%s: ELF segment %u is larger in the file "
                       "than in memory", name, i);
            return false;
        }
        if (s.memsz) {
            if (!pvh_check_load(b, name, &s, errp)) {
                return false;
            }
            if (s.paddr < X86_HIGHMEM_BASE) {
                *kernel_end = MAX(*kernel_end, s.paddr + s.memsz);
            }
            (*loads)++;
        }
    }
    return true;
}

static bool pvh_check(const X86Boot *b, const PVHElf *elf, uint64_t *entry,
                      uint64_t *kernel_end, Error **errp)
{
    const char *name = elf->file->name;
    unsigned loads = 0;

    *kernel_end = X86_BOOT_KERNEL;
    if (!pvh_check_segments(b, elf, entry, kernel_end, &loads, errp)) {
        return false;
    }
    if (!loads) {
        error_setg(errp, "%s: ELF has no loadable segment", name);
        return false;
    }
    if (*entry >= X86_HIGHMEM_BASE || !x86_range_in_ram(b, *entry, 1)) {
        error_setg(errp, "%s: PVH entry point 0x%" PRIx64 " is outside RAM",
                   name, *entry);
        return false;
    }
    return true;
}

static bool pvh_load_segments(const X86Boot *b, const PVHElf *elf,
                              Error **errp)
{
    unsigned i;

    for (i = 0; i < elf->phnum; i++) {
        PVHSegment s = pvh_segment(elf, i);

        if (PT_LOAD != s.type || !s.memsz) {
            continue;
        }
        if (!x86_ram_write(b, s.paddr, elf->file->data + s.offset,
                           s.filesz, errp) ||
            !x86_ram_write(b, s.paddr + s.filesz, NULL, s.memsz - s.filesz,
                           errp)) {
            return false;
        }
    }
    return true;
}

static bool pvh_write_start_info(const X86Boot *b, const X86BootFile *initrd,
                                 uint64_t initrd_addr, Error **errp)
{
    PVHStartInfo si = {
        .magic = PVH_START_MAGIC, .version = PVH_START_VERSION,
        .nr_modules = initrd ? 1 : 0,
        .modlist_paddr = initrd ? PVH_MODLIST : 0,
        .cmdline_paddr = X86_BOOT_CMDLINE,
        .memmap_paddr = PVH_MEMMAP, .memmap_entries = b->e820_entries,
    };
    PVHMemmapEntry memmap[E820_MAX_ENTRIES];
    PVHModule mod = { .paddr = initrd_addr, .size = initrd ? initrd->size : 0 };
    unsigned i;

    for (i = 0; i < b->e820_entries; i++) {
        memmap[i] = (PVHMemmapEntry) {
            .addr = b->e820[i].addr, .size = b->e820[i].size,
            .type = b->e820[i].type,
        };
    }
    return x86_ram_write(b, PVH_START_INFO, &si, sizeof(si), errp) &&
           (!initrd || x86_ram_write(b, PVH_MODLIST, &mod, sizeof(mod),
                                     errp)) &&
           x86_ram_write(b, PVH_MEMMAP, memmap,
                         b->e820_entries * sizeof(memmap[0]), errp);
}

bool pvh_load(const X86Boot *b, const X86BootFile *kernel,
              const X86BootFile *initrd, X86CpuBootState *state,
              Error **errp)
{
    PVHElf elf;
    uint64_t entry = 0, kernel_end, initrd_addr = 0;

    if (!pvh_parse_header(&elf, kernel, errp) ||
        !pvh_check(b, &elf, &entry, &kernel_end, errp) ||
        !x86_write_cmdline(b, kernel, UINT64_MAX, errp) ||
        (initrd && !x86_write_initrd(b, initrd, kernel_end, b->cfg->below_4g,
                                     &initrd_addr, errp)) ||
        !pvh_load_segments(b, &elf, errp) ||
        !pvh_write_start_info(b, initrd, initrd_addr, errp) ||
        !x86_write_gdt(b, pvh_gdt, ARRAY_SIZE(pvh_gdt), PVH_CS, PVH_DS,
                       state, errp)) {
        return false;
    }
    state->regs.rip = entry;
    state->regs.rbx = PVH_START_INFO;
    state->regs.rflags = X86_RFLAGS_FIXED;
    state->cr0 = X86_CR0_PE | X86_CR0_ET;
    return true;
}
