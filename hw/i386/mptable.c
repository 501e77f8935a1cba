/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mptable.c: the MultiProcessor Specification 1.4 floating pointer and
 * configuration table: one processor entry per vCPU, the ISA bus, the
 * IOAPIC, the ISA interrupts routed to it and the local interrupts.
 */
#include "osdep.h"

#include "hw/i386/mptable.h"
#include "util/error.h"

#define MP_SPEC_REV         4           /* 1.4 */
#define MP_LAPIC_ADDR       0xfee00000u
#define MP_LAPIC_VERSION    0x14        /* KVM's local APIC */
#define MP_IOAPIC_ADDR      0xfec00000u
#define MP_IOAPIC_VERSION   0x11        /* KVM's in-kernel IOAPIC */
#define MP_CPU_SIGNATURE    0x600       /* family 6 */
#define MP_CPU_FEATURES     0x201       /* CPUID.1:EDX FPU | APIC */
#define MP_ISA_IRQS         16

enum {
    MP_ENTRY_PROCESSOR,
    MP_ENTRY_BUS,
    MP_ENTRY_IOAPIC,
    MP_ENTRY_IOINTR,
    MP_ENTRY_LINTR,
};

enum { MP_INT, MP_NMI, MP_SMI, MP_EXTINT };

#define MP_CPU_ENABLED      0x01
#define MP_CPU_BSP          0x02
#define MP_IOAPIC_ENABLED   0x01
#define MP_ALL_LAPICS       0xff

typedef struct KVMINI_PACKED MPFloatingPointer {
    char signature[4];
    uint32_t config_addr;
    uint8_t length;                     /* in 16-byte units */
    uint8_t spec_rev;
    uint8_t checksum;
    uint8_t features[5];                /* all 0: a configuration table */
} MPFloatingPointer;

typedef struct KVMINI_PACKED MPConfigHeader {
    char signature[4];
    uint16_t length;
    uint8_t spec_rev;
    uint8_t checksum;
    char oem_id[8];
    char product_id[12];
    uint32_t oem_table_addr;
    uint16_t oem_table_size;
    uint16_t entry_count;
    uint32_t lapic_addr;
    uint16_t ext_length;
    uint8_t ext_checksum;
    uint8_t reserved;
} MPConfigHeader;

typedef struct KVMINI_PACKED MPProcessor {
    uint8_t type;
    uint8_t apic_id;
    uint8_t apic_version;
    uint8_t flags;
    uint32_t signature;
    uint32_t features;
    uint32_t reserved[2];
} MPProcessor;

typedef struct KVMINI_PACKED MPBus {
    uint8_t type;
    uint8_t bus_id;
    char bus_type[6];
} MPBus;

typedef struct KVMINI_PACKED MPIOAPIC {
    uint8_t type;
    uint8_t apic_id;
    uint8_t apic_version;
    uint8_t flags;
    uint32_t addr;
} MPIOAPIC;

/* An I/O or a local interrupt assignment entry (the same layout). */
typedef struct KVMINI_PACKED MPInterrupt {
    uint8_t type;
    uint8_t irq_type;
    uint16_t flags;                     /* 0: conforms to the bus */
    uint8_t src_bus;
    uint8_t src_irq;
    uint8_t dst_apic;
    uint8_t dst_pin;
} MPInterrupt;

/* ISA IRQ 2 is the PICs' cascade and is not wired to the IOAPIC. */
#define MP_ISA_IOINTRS  (MP_ISA_IRQS - 1)
#define MP_LINTRS       2

static uint8_t mp_checksum(const uint8_t *p, size_t len)
{
    uint8_t sum = 0;
    size_t i;

    for (i = 0; i < len; i++) {
        sum += p[i];
    }
    return -sum;
}

static size_t mp_config_size(unsigned ncpus)
{
    return sizeof(MPConfigHeader) + ncpus * sizeof(MPProcessor) +
           sizeof(MPBus) + sizeof(MPIOAPIC) +
           (MP_ISA_IOINTRS + MP_LINTRS) * sizeof(MPInterrupt);
}

static uint8_t *mp_add_interrupt(uint8_t *p, uint8_t type, uint8_t irq_type,
                                 uint8_t src_irq, uint8_t dst_apic,
                                 uint8_t dst_pin)
{
    MPInterrupt e = {
        .type = type, .irq_type = irq_type, .src_irq = src_irq,
        .dst_apic = dst_apic, .dst_pin = dst_pin,
    };

    memcpy(p, &e, sizeof(e));
    return p + sizeof(e);
}

/* The entries after the header; returns how many. */
static unsigned mp_add_entries(uint8_t *p, unsigned ncpus)
{
    MPBus bus = { .type = MP_ENTRY_BUS, .bus_id = 0 };
    MPIOAPIC ioapic = {
        .type = MP_ENTRY_IOAPIC, .apic_id = ncpus,
        .apic_version = MP_IOAPIC_VERSION, .flags = MP_IOAPIC_ENABLED,
        .addr = MP_IOAPIC_ADDR,
    };
    unsigned i;

    for (i = 0; i < ncpus; i++) {
        MPProcessor cpu = {
            .type = MP_ENTRY_PROCESSOR, .apic_id = i,
            .apic_version = MP_LAPIC_VERSION,
            .flags = MP_CPU_ENABLED | (i ? 0 : MP_CPU_BSP),
            .signature = MP_CPU_SIGNATURE, .features = MP_CPU_FEATURES,
        };
        memcpy(p, &cpu, sizeof(cpu));
        p += sizeof(cpu);
    }
    memcpy(bus.bus_type, "ISA   ", sizeof(bus.bus_type));
    memcpy(p, &bus, sizeof(bus));
    p += sizeof(bus);
    memcpy(p, &ioapic, sizeof(ioapic));
    p += sizeof(ioapic);
    /* As on real boards: the PIT's IRQ 0 arrives on IOAPIC pin 2. */
    for (i = 0; i < MP_ISA_IRQS; i++) {
        if (2 != i) {
            p = mp_add_interrupt(p, MP_ENTRY_IOINTR, MP_INT, i, ncpus,
                                 i ? i : 2);
        }
    }
    /* Virtual wire mode: the PIC on LINT0, NMIs on LINT1 of every CPU. */
    p = mp_add_interrupt(p, MP_ENTRY_LINTR, MP_EXTINT, 0, MP_ALL_LAPICS, 0);
    mp_add_interrupt(p, MP_ENTRY_LINTR, MP_NMI, 0, MP_ALL_LAPICS, 1);
    return ncpus + 2 + MP_ISA_IOINTRS + MP_LINTRS;
}

uint8_t *mptable_build(uint32_t addr, unsigned ncpus, size_t *size,
                       Error **errp)
{
    MPFloatingPointer fp = {
        .signature = "_MP_", .config_addr = addr + sizeof(fp),
        .length = sizeof(fp) / 16, .spec_rev = MP_SPEC_REV,
    };
    MPConfigHeader hdr = {
        .signature = "PCMP", .spec_rev = MP_SPEC_REV,
        .oem_id = "KVMINI  ", .product_id = "virt        ",
        .lapic_addr = MP_LAPIC_ADDR,
    };
    uint8_t *buf, *config;

    if (!ncpus || ncpus > MPTABLE_MAX_CPUS) {
        error_setg(errp, "%u vCPUs do not fit in the MP table (1 to %u)",
                   ncpus, MPTABLE_MAX_CPUS);
        return NULL;
    }
    *size = sizeof(fp) + mp_config_size(ncpus);
    buf = g_malloc0(*size);
    config = buf + sizeof(fp);
    hdr.length = mp_config_size(ncpus);
    hdr.entry_count = mp_add_entries(config + sizeof(hdr), ncpus);
    memcpy(config, &hdr, sizeof(hdr));
    config[offsetof(MPConfigHeader, checksum)] =
        mp_checksum(config, hdr.length);
    fp.checksum = mp_checksum((const uint8_t *)&fp, sizeof(fp));
    memcpy(buf, &fp, sizeof(fp));
    return buf;
}
