/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-guest-cpu-tables.c: the kvmini guest's MP table and ACPI MADT
 * parsers (guest/cpu-tables.c), built for the host and run on tables
 * written into a made-up 1 MiB of guest physical memory: where each is
 * found, which CPUs count, and the malformed tables they refuse.
 */
#include "osdep.h"
#include "cpu-tables.h"

#define MEM_SIZE 0x100000

typedef struct Mem {
    uint8_t *bytes;
} Mem;

static const void *mem_map(uint64_t addr, uint64_t len, void *opaque)
{
    Mem *m = opaque;

    if (addr > MEM_SIZE || len > MEM_SIZE - addr) {
        return NULL;
    }
    return m->bytes + addr;
}

static Mem *mem_new(void)
{
    Mem *m = g_new0(Mem, 1);

    m->bytes = g_malloc0(MEM_SIZE);
    return m;
}

static void mem_free(Mem *m)
{
    g_free(m->bytes);
    g_free(m);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Mem, mem_free)

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = v;
    p[1] = v >> 8;
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, v);
    put16(p + 2, v >> 16);
}

static void put64(uint8_t *p, uint64_t v)
{
    put32(p, v);
    put32(p + 4, v >> 32);
}

/* Set the byte at @p[@at] so that @p[0, @len) sums to zero. */
static void fix_sum(uint8_t *p, size_t len, size_t at)
{
    uint8_t sum = 0;
    size_t i;

    p[at] = 0;
    for (i = 0; i < len; i++) {
        sum += p[i];
    }
    p[at] = -sum;
}

/*
 * An MP floating pointer at @fp and a configuration table at @cfg with a
 * processor entry per APIC id in @ids (@n of them; those in @disabled
 * have the enabled flag clear), then a bus and an I/O APIC entry.
 * Returns the table's length.
 */
static size_t mp_write(Mem *m, uint32_t fp, uint32_t cfg, const uint8_t *ids,
                       unsigned n, uint8_t disabled)
{
    uint8_t *f = m->bytes + fp;
    uint8_t *c = m->bytes + cfg;
    uint8_t *e = c + 44;
    unsigned i;

    memcpy(f, "_MP_", 4);
    put32(f + 4, cfg);
    f[8] = 1;                           /* length, 16-byte units */
    f[9] = 4;                           /* spec 1.4 */
    fix_sum(f, 16, 10);
    memcpy(c, "PCMP", 4);
    c[6] = 4;
    put32(c + 36, 0xfee00000);
    for (i = 0; i < n; i++, e += 20) {
        e[0] = 0;
        e[1] = ids[i];
        e[2] = 0x14;
        e[3] = (ids[i] == disabled ? 0 : 1) | (i ? 0 : 2);
    }
    memcpy(e, "\x01\x00ISA   ", 8);
    e += 8;
    e[0] = 2;
    e[1] = n;
    e[2] = 0x11;
    e[3] = 1;
    put32(e + 4, 0xfec00000);
    e += 8;
    put16(c + 4, e - c);
    put16(c + 34, n + 2);
    fix_sum(c, e - c, 7);
    return e - c;
}

static void assert_cpus(const KgCpus *cpus, const char *source,
                        unsigned total, const uint8_t *ids, unsigned n)
{
    g_assert_cmpstr(cpus->source, ==, source);
    g_assert_cmpuint(cpus->total, ==, total);
    g_assert_cmpuint(cpus->count, ==, n);
    g_assert_cmpmem(cpus->apic_id, n, ids, n);
}

/* kvmini's and QEMU's place: the last KiB of base memory. */
static void test_mp_base_memory(void)
{
    g_autoptr(Mem) m = mem_new();
    const uint8_t ids[] = { 0, 1, 2, 3 };
    const uint8_t enabled[] = { 0, 1, 3 };
    KgCpus cpus;

    mp_write(m, 0x9fc00, 0x9fc10, ids, 4, 2);
    g_assert_true(kg_mp_find_cpus(mem_map, m, &cpus));
    assert_cpus(&cpus, "MP table", 3, enabled, 3);
}

/* The EBDA (BDA 0x40e) and the BIOS area; base memory size from 0x413. */
static void test_mp_ebda_and_bios(void)
{
    g_autoptr(Mem) m = mem_new();
    const uint8_t ids[] = { 4, 9 };
    KgCpus cpus;

    put16(m->bytes + 0x40e, 0x9000);
    put16(m->bytes + 0x413, 576);
    mp_write(m, 0x90000 + 0x3f0, 0x91000, ids, 2, 0xff);
    g_assert_true(kg_mp_find_cpus(mem_map, m, &cpus));
    assert_cpus(&cpus, "MP table", 2, ids, 2);

    memset(m->bytes + 0x90000, 0, 0x2000);
    mp_write(m, 0xf5a0, 0x1000, ids, 2, 0xff);
    g_assert_false(kg_mp_find_cpus(mem_map, m, &cpus));
    mp_write(m, 0xf5a00, 0xf6000, ids, 1, 0xff);
    g_assert_true(kg_mp_find_cpus(mem_map, m, &cpus));
    assert_cpus(&cpus, "MP table", 1, ids, 1);
}

static void test_mp_bad(void)
{
    g_autoptr(Mem) m = mem_new();
    const uint8_t ids[] = { 0, 1 };
    KgCpus cpus;
    size_t len;

    g_assert_false(kg_mp_find_cpus(mem_map, m, &cpus));
    g_assert_cmpuint(cpus.total, ==, 0);

    /* The pointer's checksum. */
    mp_write(m, 0x9fc00, 0x9fc10, ids, 2, 0xff);
    m->bytes[0x9fc00 + 9]++;
    g_assert_false(kg_mp_find_cpus(mem_map, m, &cpus));

    /* The table's checksum. */
    len = mp_write(m, 0x9fc00, 0x9fc10, ids, 2, 0xff);
    m->bytes[0x9fc10 + len - 1]++;
    g_assert_false(kg_mp_find_cpus(mem_map, m, &cpus));

    /* An entry of unknown type 9 (checksum fixed). */
    len = mp_write(m, 0x9fc00, 0x9fc10, ids, 2, 0xff);
    m->bytes[0x9fc10 + 44 + 40] = 9;
    fix_sum(m->bytes + 0x9fc10, len, 7);
    g_assert_false(kg_mp_find_cpus(mem_map, m, &cpus));

    /* A table whose length runs past the end of memory. */
    len = mp_write(m, 0x9fc00, 0xfff00, ids, 2, 0xff);
    put16(m->bytes + 0xfff00 + 4, 0x200);
    g_assert_false(kg_mp_find_cpus(mem_map, m, &cpus));

    /* A "default configuration" pointer (no table). */
    mp_write(m, 0x9fc00, 0x9fc10, ids, 2, 0xff);
    put32(m->bytes + 0x9fc04, 0);
    fix_sum(m->bytes + 0x9fc00, 16, 10);
    g_assert_false(kg_mp_find_cpus(mem_map, m, &cpus));
}

static void test_mp_too_many(void)
{
    g_autoptr(Mem) m = mem_new();
    uint8_t ids[GUEST_MAX_CPUS + 6];
    KgCpus cpus;
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(ids); i++) {
        ids[i] = i;
    }
    mp_write(m, 0x9fc00, 0x80000, ids, G_N_ELEMENTS(ids), 0xff);
    g_assert_true(kg_mp_find_cpus(mem_map, m, &cpus));
    assert_cpus(&cpus, "MP table", GUEST_MAX_CPUS + 6, ids, GUEST_MAX_CPUS);
}

/* An ACPI table header at @addr with @sig and @len; checksum unset. */
static uint8_t *acpi_header(Mem *m, uint32_t addr, const char *sig,
                            uint32_t len)
{
    uint8_t *t = m->bytes + addr;

    memcpy(t, sig, 4);
    put32(t + 4, len);
    t[8] = 1;
    return t;
}

/*
 * A MADT at 0x7f000 with a local APIC entry per id in @ids (the one equal
 * to @disabled not enabled), an I/O APIC entry, and a FACP before it in
 * the RSDT (@xsdt false) or XSDT at 0x7e000; the RSDP at @rsdp.
 */
static void madt_write(Mem *m, uint32_t rsdp, bool xsdt, const uint8_t *ids,
                       unsigned n, uint8_t disabled)
{
    uint32_t len = 44 + 8 * n + 12;
    uint8_t *madt = acpi_header(m, 0x7f000, "APIC", len);
    uint8_t *e = madt + 44;
    uint8_t *r = m->bytes + rsdp;
    uint8_t *sdt;
    unsigned i;

    put32(madt + 36, 0xfee00000);
    for (i = 0; i < n; i++, e += 8) {
        e[0] = 0;
        e[1] = 8;
        e[2] = i;
        e[3] = ids[i];
        put32(e + 4, ids[i] == disabled ? 0 : 1);
    }
    e[0] = 1;
    e[1] = 12;
    put32(e + 4, 0xfec00000);
    fix_sum(madt, len, 9);
    fix_sum(acpi_header(m, 0x7d000, "FACP", 36), 36, 9);

    sdt = acpi_header(m, 0x7e000, xsdt ? "XSDT" : "RSDT", xsdt ? 52 : 44);
    if (xsdt) {
        put64(sdt + 36, 0x7d000);
        put64(sdt + 44, 0x7f000);
    } else {
        put32(sdt + 36, 0x7d000);
        put32(sdt + 40, 0x7f000);
    }
    fix_sum(sdt, xsdt ? 52 : 44, 9);

    memcpy(r, "RSD PTR ", 8);
    r[15] = xsdt ? 2 : 0;
    put32(r + 16, xsdt ? 0 : 0x7e000);
    if (xsdt) {
        put32(r + 20, 36);
        put64(r + 24, 0x7e000);
    }
    fix_sum(r, 20, 8);
}

static void test_madt_rsdt(void)
{
    g_autoptr(Mem) m = mem_new();
    const uint8_t ids[] = { 0, 2, 4 };
    const uint8_t enabled[] = { 0, 4 };
    KgCpus cpus;

    /* QEMU microvm's place for the RSDP: the BIOS area. */
    madt_write(m, 0xf34d0, false, ids, 3, 2);
    g_assert_true(kg_madt_find_cpus(mem_map, m, 0, &cpus));
    assert_cpus(&cpus, "ACPI MADT", 2, enabled, 2);
    /* The MP table is still absent. */
    g_assert_false(kg_mp_find_cpus(mem_map, m, &cpus));
}

static void test_madt_xsdt_and_hint(void)
{
    g_autoptr(Mem) m = mem_new();
    const uint8_t ids[] = { 1, 0 };
    KgCpus cpus;

    /* Not on a 16-byte boundary: found only through the hint. */
    madt_write(m, 0x6008, true, ids, 2, 0xff);
    g_assert_false(kg_madt_find_cpus(mem_map, m, 0, &cpus));
    g_assert_true(kg_madt_find_cpus(mem_map, m, 0x6008, &cpus));
    assert_cpus(&cpus, "ACPI MADT", 2, ids, 2);

    /* The EBDA's first KiB. */
    put16(m->bytes + 0x40e, 0x9fc0);
    madt_write(m, 0x9fc00 + 0x20, true, ids, 2, 0xff);
    g_assert_true(kg_madt_find_cpus(mem_map, m, 0, &cpus));
    assert_cpus(&cpus, "ACPI MADT", 2, ids, 2);
}

static void test_madt_bad(void)
{
    g_autoptr(Mem) m = mem_new();
    const uint8_t ids[] = { 0, 1 };
    KgCpus cpus;

    g_assert_false(kg_madt_find_cpus(mem_map, m, 0, &cpus));
    g_assert_false(kg_madt_find_cpus(mem_map, m, 0xfffff, &cpus));

    /* The MADT's checksum. */
    madt_write(m, 0xe0000, false, ids, 2, 0xff);
    m->bytes[0x7f000 + 44 + 3]++;
    g_assert_false(kg_madt_find_cpus(mem_map, m, 0, &cpus));

    /* An entry longer than the table (checksum fixed). */
    madt_write(m, 0xe0000, false, ids, 2, 0xff);
    m->bytes[0x7f000 + 44 + 17] = 40;
    fix_sum(m->bytes + 0x7f000, 44 + 16 + 12, 9);
    g_assert_false(kg_madt_find_cpus(mem_map, m, 0, &cpus));

    /* An RSDT pointing past the end of memory. */
    madt_write(m, 0xe0000, false, ids, 2, 0xff);
    put32(m->bytes + 0x7e000 + 40, 0xfffff000);
    fix_sum(m->bytes + 0x7e000, 44, 9);
    g_assert_false(kg_madt_find_cpus(mem_map, m, 0, &cpus));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/guest/cpu-tables/mp-base-memory", test_mp_base_memory);
    g_test_add_func("/guest/cpu-tables/mp-ebda-and-bios",
                    test_mp_ebda_and_bios);
    g_test_add_func("/guest/cpu-tables/mp-bad", test_mp_bad);
    g_test_add_func("/guest/cpu-tables/mp-too-many", test_mp_too_many);
    g_test_add_func("/guest/cpu-tables/madt-rsdt", test_madt_rsdt);
    g_test_add_func("/guest/cpu-tables/madt-xsdt-and-hint",
                    test_madt_xsdt_and_hint);
    g_test_add_func("/guest/cpu-tables/madt-bad", test_madt_bad);
    return g_test_run();
}
