/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pvh-start-info.h: the Xen PVH boot ABI's start of day structures
 * (QEMU's hw/xen/start_info.h): hvm_start_info, which %ebx points at on
 * entry, its module list and its memory map. hw/i386/pvh.c writes them,
 * the freestanding kvmini guest (guest/) reads them, so this header uses
 * nothing but <stdint.h> and <stddef.h>.
 *
 * All fields are little-endian and naturally aligned: the layout needs no
 * packing, and the assertions below hold it to the ABI's offsets.
 */
#ifndef HW_I386_PVH_START_INFO_H
#define HW_I386_PVH_START_INFO_H

#include <stddef.h>
#include <stdint.h>

/* PVHStartInfo.magic: "xEn3" with bit 7 of the 'E' set. */
#define PVH_START_MAGIC         0x336ec578

/* Version 1 added memmap_paddr and memmap_entries. */
#define PVH_START_VERSION       1

/* PVHMemmapEntry.type: the same values as the e820 types. */
#define PVH_MEMMAP_TYPE_RAM         1
#define PVH_MEMMAP_TYPE_RESERVED    2

/* PVHStartInfo: the start of day structure; 0 addresses mean "none". */
typedef struct PVHStartInfo {
    uint32_t magic;
    uint32_t version;
    uint32_t flags;
    uint32_t nr_modules;
    uint64_t modlist_paddr;     /* nr_modules PVHModule entries */
    uint64_t cmdline_paddr;     /* NUL-terminated */
    uint64_t rsdp_paddr;        /* ACPI RSDP */
    uint64_t memmap_paddr;      /* version >= 1: memmap_entries entries */
    uint32_t memmap_entries;
    uint32_t reserved;
} PVHStartInfo;

/* PVHModule: one module (the initrd is module 0). */
typedef struct PVHModule {
    uint64_t paddr;
    uint64_t size;
    uint64_t cmdline_paddr;
    uint64_t reserved;
} PVHModule;

/* PVHMemmapEntry: one range of the memory map. */
typedef struct PVHMemmapEntry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;              /* PVH_MEMMAP_TYPE_* */
    uint32_t reserved;
} PVHMemmapEntry;

_Static_assert(sizeof(PVHStartInfo) == 56, "hvm_start_info is 56 bytes");
_Static_assert(offsetof(PVHStartInfo, nr_modules) == 12,
               "hvm_start_info.nr_modules at 12");
_Static_assert(offsetof(PVHStartInfo, modlist_paddr) == 16,
               "hvm_start_info.modlist_paddr at 16");
_Static_assert(offsetof(PVHStartInfo, cmdline_paddr) == 24,
               "hvm_start_info.cmdline_paddr at 24");
_Static_assert(offsetof(PVHStartInfo, rsdp_paddr) == 32,
               "hvm_start_info.rsdp_paddr at 32");
_Static_assert(offsetof(PVHStartInfo, memmap_paddr) == 40,
               "hvm_start_info.memmap_paddr at 40");
_Static_assert(offsetof(PVHStartInfo, memmap_entries) == 48,
               "hvm_start_info.memmap_entries at 48");
_Static_assert(sizeof(PVHModule) == 32, "hvm_modlist_entry is 32 bytes");
_Static_assert(offsetof(PVHModule, cmdline_paddr) == 16,
               "hvm_modlist_entry.cmdline_paddr at 16");
_Static_assert(sizeof(PVHMemmapEntry) == 24,
               "hvm_memmap_table_entry is 24 bytes");
_Static_assert(offsetof(PVHMemmapEntry, type) == 16,
               "hvm_memmap_table_entry.type at 16");

#endif /* HW_I386_PVH_START_INFO_H */
