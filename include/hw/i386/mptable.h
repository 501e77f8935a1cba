/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mptable.h: the Intel MultiProcessor Specification 1.4 tables, so a
 * guest without ACPI finds every vCPU, the IOAPIC and how the ISA
 * interrupts reach it.
 */
#ifndef HW_I386_MPTABLE_H
#define HW_I386_MPTABLE_H

/* APIC ids 0..ncpus-1 and the IOAPIC's id ncpus must stay below 0xff. */
#define MPTABLE_MAX_CPUS 254

/*
 * Build the floating pointer ("_MP_") followed by the configuration
 * table ("PCMP") for @ncpus vCPUs, laid out to live at guest-physical
 * @addr. Returns a new buffer (g_free() it) of *@size bytes, or NULL
 * with @errp set when @ncpus is 0 or above MPTABLE_MAX_CPUS.
 */
uint8_t *mptable_build(uint32_t addr, unsigned ncpus, size_t *size,
                       Error **errp);

#endif /* HW_I386_MPTABLE_H */
