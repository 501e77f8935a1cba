/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * output.h: the lines the kvmini guest prints for its modes and commands,
 * as printf formats without the line end (the guest ends each line with
 * "\r\n"). The guest prints them with guest_printf(); tests build the
 * lines they expect from the same formats (%u: unsigned int, %lu and %lx:
 * 64-bit). docs/user/guest.md lists them.
 */
#ifndef GUEST_OUTPUT_H
#define GUEST_OUTPUT_H

#define KG_OUT_HELLO            "kvmini guest: hello"
#define KG_OUT_SHELL            "kvmini guest: shell (type help)"
#define KG_OUT_PROMPT           "kvmini> "

/* smp mode: a banner, a line per CPU in table order, the summary. */
#define KG_OUT_SMP              "kvmini guest: smp"
#define KG_OUT_CPU_ONLINE       "cpu %u online (apic id %u)"
#define KG_OUT_SMP_DONE         "smp: %u cpus online"
#define KG_OUT_SMP_NO_START     "smp: cpu %u (apic id %u) did not start"
#define KG_OUT_SMP_TOO_MANY     "smp: %u cpus, at most %u supported"
/* smp, cpus: %s is the mode or command. */
#define KG_OUT_NO_CPU_TABLE     "%s: no MP table or ACPI MADT"

/* cpus [mp|acpi]: the count and source, then " %u" per APIC id. */
#define KG_OUT_CPUS             "cpus: %u (%s), apic ids"
#define KG_OUT_CPUS_NO_TABLE    "cpus: no %s"

/* memtest N mode: a banner, then a progress line about every second. */
#define KG_OUT_MEMTEST          "kvmini guest: memtest %lu MiB at 0x%lx"
#define KG_OUT_MEMTEST_PASS     "memtest: pass %lu ok"
/* memtest, dirty, verify: %s is the mode or command. */
#define KG_OUT_MISMATCH \
    "%s: MISMATCH at 0x%lx expected 0x%016lx got 0x%016lx"
#define KG_OUT_BAD_PAGES        "%s: %lu bad pages in %lu MiB"
#define KG_OUT_TOO_BIG          "%s: %lu MiB is more than the %lu MiB available"
#define KG_OUT_BAD_SIZE         "%s: bad size '%s'"
#define KG_OUT_NO_SIZE          "%s: missing size in MiB"
#define KG_OUT_DIRTY            "dirty: %lu MiB"
#define KG_OUT_VERIFY_OK        "verify: %lu MiB ok"

#endif /* GUEST_OUTPUT_H */
