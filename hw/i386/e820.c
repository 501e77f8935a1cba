/* SPDX-License-Identifier: GPL-2.0-or-later */
/* e820.c: the guest memory map shared by the PVH and Linux loaders. */
#include "osdep.h"

#include "hw/i386/e820.h"
#include "hw/i386/x86-boot.h"

/*
 * The top of conventional memory the BIOS would report: the last KiB
 * below 640 KiB stays reserved, as the EBDA is on PCs, and holds the MP
 * table, where Linux looks for it.
 */
#define E820_LOW_RAM_END    X86_BOOT_MPTABLE
#define E820_HIGH_RAM_START 0x100000ULL

static unsigned e820_add(E820Entry *table, unsigned n, uint64_t addr,
                         uint64_t end, uint32_t type)
{
    if (end <= addr) {
        return n;
    }
    table[n] = (E820Entry) { .addr = addr, .size = end - addr, .type = type };
    return n + 1;
}

unsigned e820_build(uint64_t below_4g, uint64_t above_4g,
                    E820Entry table[E820_MAX_ENTRIES])
{
    unsigned n = 0;

    n = e820_add(table, n, 0, E820_LOW_RAM_END, E820_RAM);
    n = e820_add(table, n, E820_LOW_RAM_END, E820_HIGH_RAM_START,
                 E820_RESERVED);
    n = e820_add(table, n, E820_HIGH_RAM_START, below_4g, E820_RAM);
    n = e820_add(table, n, X86_HIGHMEM_BASE, X86_HIGHMEM_BASE + above_4g,
                 E820_RAM);
    return n;
}
