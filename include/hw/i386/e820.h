/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * e820.h: the guest memory map kvmini reports to a directly booted
 * kernel, as the Linux zero page's e820 table and as the PVH memmap
 * (both use the same entry types).
 */
#ifndef HW_I386_E820_H
#define HW_I386_E820_H

#define E820_RAM        1
#define E820_RESERVED   2

/* At most this many entries: low RAM, the reserved hole, RAM, high RAM. */
#define E820_MAX_ENTRIES 4

/* One range of guest-physical memory. */
typedef struct E820Entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;
} E820Entry;

/*
 * Fill @table with the map for @below_4g bytes of RAM below 4 GiB and
 * @above_4g above it: RAM [0, 0x9fc00), reserved [0x9fc00, 1 MiB), RAM
 * [1 MiB, @below_4g), RAM [4 GiB, 4 GiB + @above_4g); empty ranges are
 * left out. @below_4g must be at least 1 MiB. Returns the entry count.
 */
unsigned e820_build(uint64_t below_4g, uint64_t above_4g,
                    E820Entry table[E820_MAX_ENTRIES]);

#endif /* HW_I386_E820_H */
