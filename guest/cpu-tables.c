/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpu-tables.c: the CPUs from the MP table or ACPI's MADT (cpu-tables.h). */
#include "cpu-tables.h"

#define BDA_EBDA_SEGMENT 0x40e          /* u16: the EBDA's segment */
#define BDA_BASE_MEM_KIB 0x413          /* u16: base memory in KiB */
#define BASE_MEM_DEFAULT_KIB 640
#define BIOS_START 0xf0000
#define BIOS_ACPI_START 0xe0000
#define BIOS_END 0x100000

#define MP_CONFIG_HEADER 44
#define MP_ENTRY_CPU 0
#define MP_ENTRY_CPU_SIZE 20
#define MP_ENTRY_SIZE 8
#define MP_ENTRY_MAX_TYPE 4
#define MP_CPU_ENABLED 0x01

#define ACPI_HEADER 36
#define MADT_ENTRIES 44
#define MADT_LAPIC 0
#define MADT_LAPIC_ENABLED 0x01
#define RSDP_V1_SIZE 20

static uint16_t get16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)get16(p) | (uint32_t)get16(p + 2) << 16;
}

static uint64_t get64(const uint8_t *p)
{
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static bool sum_is_zero(const uint8_t *p, uint64_t len)
{
    uint8_t sum = 0;

    while (len--) {
        sum += *p++;
    }
    return !sum;
}

static bool sig_is(const uint8_t *p, const char *sig)
{
    for (; *sig; sig++, p++) {
        if (*p != (uint8_t)*sig) {
            return false;
        }
    }
    return true;
}

static uint16_t bda_read16(KgPhysMap map, void *opaque, uint64_t addr)
{
    const uint8_t *p = map(addr, 2, opaque);

    return p ? get16(p) : 0;
}

/*
 * The address of the first 16-byte aligned structure in [@start, @end)
 * that starts with @sig and whose first @len bytes sum to zero; 0 if none.
 */
static uint64_t scan(KgPhysMap map, void *opaque, uint64_t start,
                     uint64_t end, const char *sig, uint64_t len)
{
    uint64_t a;

    for (a = start; a + len <= end; a += 16) {
        const uint8_t *p = map(a, len, opaque);

        if (p && sig_is(p, sig) && sum_is_zero(p, len)) {
            return a;
        }
    }
    return 0;
}

static void cpus_add(KgCpus *cpus, uint8_t apic_id)
{
    if (cpus->count < GUEST_MAX_CPUS) {
        cpus->apic_id[cpus->count++] = apic_id;
    }
    cpus->total++;
}

/* The MP floating pointer's address, from the three places to look. */
static uint64_t mp_find_pointer(KgPhysMap map, void *opaque)
{
    uint64_t ebda = (uint64_t)bda_read16(map, opaque, BDA_EBDA_SEGMENT) << 4;
    uint64_t base = (uint64_t)bda_read16(map, opaque, BDA_BASE_MEM_KIB) << 10;
    uint64_t fp = 0;

    if (ebda) {
        fp = scan(map, opaque, ebda, ebda + 1024, "_MP_", 16);
    }
    if (!fp) {
        base = base ? base : BASE_MEM_DEFAULT_KIB << 10;
        fp = scan(map, opaque, base - 1024, base, "_MP_", 16);
    }
    return fp ? fp : scan(map, opaque, BIOS_START, BIOS_END, "_MP_", 16);
}

bool kg_mp_find_cpus(KgPhysMap map, void *opaque, KgCpus *cpus)
{
    uint64_t fp_addr = mp_find_pointer(map, opaque);
    const uint8_t *fp, *cfg, *e, *end;
    uint16_t len;

    *cpus = (KgCpus) { .source = "MP table" };
    fp = fp_addr ? map(fp_addr, 16, opaque) : NULL;
    /* A zero table address means a "default configuration": none here. */
    if (!fp || !get32(fp + 4)) {
        return false;
    }
    cfg = map(get32(fp + 4), MP_CONFIG_HEADER, opaque);
    if (!cfg || !sig_is(cfg, "PCMP")) {
        return false;
    }
    len = get16(cfg + 4);
    cfg = len >= MP_CONFIG_HEADER ? map(get32(fp + 4), len, opaque) : NULL;
    if (!cfg || !sum_is_zero(cfg, len)) {
        return false;
    }
    end = cfg + len;
    for (e = cfg + MP_CONFIG_HEADER; e < end;) {
        size_t size = *e == MP_ENTRY_CPU ? MP_ENTRY_CPU_SIZE : MP_ENTRY_SIZE;

        if (*e > MP_ENTRY_MAX_TYPE || e + size > end) {
            return false;
        }
        if (*e == MP_ENTRY_CPU && (e[3] & MP_CPU_ENABLED)) {
            cpus_add(cpus, e[1]);
        }
        e += size;
    }
    return cpus->total > 0;
}

/* The whole ACPI table at @addr with signature @sig, checked; or NULL. */
static const uint8_t *acpi_table(KgPhysMap map, void *opaque, uint64_t addr,
                                 const char *sig)
{
    const uint8_t *t = addr ? map(addr, ACPI_HEADER, opaque) : NULL;
    uint32_t len;

    if (!t || !sig_is(t, sig)) {
        return NULL;
    }
    len = get32(t + 4);
    t = len >= ACPI_HEADER ? map(addr, len, opaque) : NULL;
    return t && sum_is_zero(t, len) ? t : NULL;
}

/* The MADT's address from the RSDT or XSDT the RSDP at @rsdp points to. */
static uint64_t madt_find(KgPhysMap map, void *opaque, uint64_t rsdp)
{
    const uint8_t *r = map(rsdp, RSDP_V1_SIZE, opaque);
    const uint8_t *r2, *sdt;
    bool xsdt;
    uint32_t i, n;

    if (!r || !sig_is(r, "RSD PTR ") || !sum_is_zero(r, RSDP_V1_SIZE)) {
        return 0;
    }
    /* ACPI 2.0+ (revision 2) has a 64-bit XSDT address at offset 24. */
    r2 = r[15] >= 2 ? map(rsdp, 32, opaque) : NULL;
    xsdt = r2 && get64(r2 + 24);
    sdt = xsdt ? acpi_table(map, opaque, get64(r2 + 24), "XSDT")
               : acpi_table(map, opaque, get32(r + 16), "RSDT");
    if (!sdt) {
        return 0;
    }
    n = (get32(sdt + 4) - ACPI_HEADER) / (xsdt ? 8 : 4);
    for (i = 0; i < n; i++) {
        const uint8_t *p = sdt + ACPI_HEADER + i * (xsdt ? 8 : 4);
        uint64_t addr = xsdt ? get64(p) : get32(p);

        if (acpi_table(map, opaque, addr, "APIC")) {
            return addr;
        }
    }
    return 0;
}

bool kg_madt_find_cpus(KgPhysMap map, void *opaque, uint64_t rsdp,
                       KgCpus *cpus)
{
    uint64_t ebda = (uint64_t)bda_read16(map, opaque, BDA_EBDA_SEGMENT) << 4;
    uint64_t madt_addr;
    const uint8_t *madt, *e, *end;

    *cpus = (KgCpus) { .source = "ACPI MADT" };
    if (!rsdp && ebda) {
        rsdp = scan(map, opaque, ebda, ebda + 1024, "RSD PTR ", RSDP_V1_SIZE);
    }
    if (!rsdp) {
        rsdp = scan(map, opaque, BIOS_ACPI_START, BIOS_END, "RSD PTR ",
                    RSDP_V1_SIZE);
    }
    madt_addr = rsdp ? madt_find(map, opaque, rsdp) : 0;
    madt = madt_addr ? acpi_table(map, opaque, madt_addr, "APIC") : NULL;
    if (!madt || get32(madt + 4) < MADT_ENTRIES) {
        return false;
    }
    end = madt + get32(madt + 4);
    for (e = madt + MADT_ENTRIES; e + 2 <= end && e[1] >= 2; e += e[1]) {
        if (e + e[1] > end) {
            return false;
        }
        if (e[0] == MADT_LAPIC && e[1] >= 8 &&
            (get32(e + 4) & MADT_LAPIC_ENABLED)) {
            cpus_add(cpus, e[3]);
        }
    }
    return cpus->total > 0;
}
