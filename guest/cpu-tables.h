/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpu-tables.h: find the CPUs (their local APIC ids) in the firmware
 * tables a PC-like VMM leaves in guest memory: the MP table (Intel
 * MultiProcessor Specification 1.4) or ACPI's MADT. Pure code that reads
 * guest physical memory only through a map callback, so tests/unit runs
 * it on made-up tables; every address and length from a table is checked
 * through the callback before it is read.
 */
#ifndef GUEST_CPU_TABLES_H
#define GUEST_CPU_TABLES_H

#include "layout.h"
#include "lib.h"

/*
 * Where guest physical [@addr, @addr + @len) can be read, or NULL when it
 * cannot (not mapped, or past the end).
 */
typedef const void *(*KgPhysMap)(uint64_t addr, uint64_t len, void *opaque);

/* The enabled CPUs of a table, in table order. */
typedef struct KgCpus {
    const char *source;                 /* "MP table" or "ACPI MADT" */
    unsigned total;                     /* enabled CPUs in the table */
    unsigned count;                     /* those in apic_id[] (<= max) */
    uint8_t apic_id[GUEST_MAX_CPUS];
} KgCpus;

/*
 * Fill @cpus from the MP table, whose floating pointer "_MP_" is searched
 * in the first KiB of the EBDA, the last KiB of base memory and
 * 0xf0000-0xfffff. False when there is no valid MP table.
 */
bool kg_mp_find_cpus(KgPhysMap map, void *opaque, KgCpus *cpus);

/*
 * Fill @cpus from ACPI's MADT, through the RSDP at @rsdp (PVH start_info's
 * rsdp_paddr) or, if that is 0, the one searched in the first KiB of the
 * EBDA and 0xe0000-0xfffff. False when there is no valid MADT.
 */
bool kg_madt_find_cpus(KgPhysMap map, void *opaque, uint64_t rsdp,
                       KgCpus *cpus);

#endif /* GUEST_CPU_TABLES_H */
