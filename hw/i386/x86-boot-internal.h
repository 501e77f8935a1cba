/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86-boot-internal.h: what x86-boot.c shares with the PVH and Linux
 * loaders: checked guest RAM access, the reserved areas, the GDT and
 * segment helpers, and the command line and initrd placement.
 */
#ifndef HW_I386_X86_BOOT_INTERNAL_H
#define HW_I386_X86_BOOT_INTERNAL_H

#include "hw/i386/e820.h"
#include "hw/i386/x86-boot.h"

#define X86_PAGE_SIZE 0x1000ULL
#define X86_PAGE_ALIGN_DOWN(x) ((x) & ~(X86_PAGE_SIZE - 1))
#define X86_PAGE_ALIGN_UP(x) X86_PAGE_ALIGN_DOWN((x) + X86_PAGE_SIZE - 1)

/* Register bits of the boot states. */
#define X86_CR0_PE          0x1ULL
#define X86_CR0_ET          0x10ULL     /* always 1 since the 486 */
#define X86_CR0_PG          0x80000000ULL
#define X86_CR4_PAE         0x20ULL
#define X86_EFER_LME        0x100ULL
#define X86_EFER_LMA        0x400ULL
#define X86_RFLAGS_FIXED    0x2ULL      /* bit 1 reads as 1 */

/* A load in progress: the configuration and its memory map. */
typedef struct X86Boot {
    const X86BootConfig *cfg;
    E820Entry e820[E820_MAX_ENTRIES];
    unsigned e820_entries;
} X86Boot;

/*
 * Copy @len bytes from @buf (or zeroes when @buf is NULL) to guest
 * physical @gpa. Every write to guest RAM goes through here. False with
 * @errp set when any byte of the range is outside RAM.
 */
bool x86_ram_write(const X86Boot *b, uint64_t gpa, const void *buf,
                   uint64_t len, Error **errp);

/* Whether [@addr, @addr + @len) lies inside one RAM range of the e820 map. */
bool x86_range_in_ram(const X86Boot *b, uint64_t addr, uint64_t len);

/*
 * Whether [@addr, @addr + @len) overlaps an area kvmini writes boot data
 * to; if so *@area_start and *@area_last are that area's bounds.
 */
bool x86_range_is_reserved(uint64_t addr, uint64_t len,
                           uint64_t *area_start, uint64_t *area_last);

/*
 * Write GDT descriptors @desc[0..@n-1] at X86_BOOT_GDT and point
 * @state->gdt at them; set @state->cs and @state->ds from descriptors
 * @cs_sel and @ds_sel (selectors: index * 8).
 */
bool x86_write_gdt(const X86Boot *b, const uint64_t *desc, unsigned n,
                   uint16_t cs_sel, uint16_t ds_sel, X86CpuBootState *state,
                   Error **errp);

/*
 * Write the command line at X86_BOOT_CMDLINE: at most @max_len bytes
 * without the NUL, else an error naming @kernel.
 */
bool x86_write_cmdline(const X86Boot *b, const X86BootFile *kernel,
                       uint64_t max_len, Error **errp);

/*
 * Copy @initrd as high as possible in [@low, @high) (4 KiB aligned);
 * its address in *@addr. False with @errp set when it does not fit.
 */
bool x86_write_initrd(const X86Boot *b, const X86BootFile *initrd,
                      uint64_t low, uint64_t high, uint64_t *addr,
                      Error **errp);

/*
 * pvh.c: whether @kernel is an ELF file (it is then the PVH loader's,
 * whatever else is wrong with it), and the loader itself.
 */
bool pvh_is_elf(const X86BootFile *kernel);
bool pvh_load(const X86Boot *b, const X86BootFile *kernel,
              const X86BootFile *initrd, X86CpuBootState *state,
              Error **errp);

/* linux-boot.c: whether @kernel has a Linux setup header, and the loader. */
bool linux_is_bzimage(const X86BootFile *kernel);
bool linux_load(const X86Boot *b, const X86BootFile *kernel,
                const X86BootFile *initrd, X86CpuBootState *state,
                Error **errp);

#endif /* HW_I386_X86_BOOT_INTERNAL_H */
