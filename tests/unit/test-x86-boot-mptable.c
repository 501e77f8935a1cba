/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-x86-boot-mptable.c: the MP floating pointer and configuration
 * table for 1, 2 and 4 vCPUs: checksums, counts, entries.
 */
#include "osdep.h"

#include "hw/i386/mptable.h"
#include "util/error.h"

#define MP_ADDR 0x9fc00

static uint8_t sum(const uint8_t *p, size_t len)
{
    uint8_t s = 0;

    while (len--) {
        s += *p++;
    }
    return s;
}

static uint16_t ld16(const uint8_t *p)
{
    return p[0] | p[1] << 8;
}

static uint32_t ld32(const uint8_t *p)
{
    return ld16(p) | (uint32_t)ld16(p + 2) << 16;
}

static void check_interrupt(const uint8_t *e, uint8_t type, uint8_t irq_type,
                            uint8_t src_irq, uint8_t dst_apic, uint8_t pin)
{
    const uint8_t expected[8] = { type, irq_type, 0, 0, 0, src_irq,
                                  dst_apic, pin };

    g_assert_cmpmem(e, 8, expected, 8);
}

/* The floating pointer and the configuration table header. */
static void check_headers(const uint8_t *t, size_t size, unsigned ncpus)
{
    const uint8_t *config = t + 16;
    unsigned i;


    g_assert_cmpmem(t, 4, "_MP_", 4);
    g_assert_cmphex(ld32(t + 4), ==, MP_ADDR + 16);
    g_assert_cmpuint(t[8], ==, 1);
    g_assert_cmpuint(t[9], ==, 4);
    g_assert_cmpuint(sum(t, 16), ==, 0);
    for (i = 11; i < 16; i++) {
        g_assert_cmpuint(t[i], ==, 0);
    }

    g_assert_cmpmem(config, 4, "PCMP", 4);
    g_assert_cmpuint(ld16(config + 4), ==, size - 16);
    g_assert_cmpuint(config[6], ==, 4);
    g_assert_cmpuint(sum(config, size - 16), ==, 0);
    g_assert_cmpmem(config + 8, 8, "KVMINI  ", 8);
    g_assert_cmpmem(config + 16, 12, "virt        ", 12);
    g_assert_cmpuint(ld32(config + 28), ==, 0);
    g_assert_cmpuint(ld16(config + 34), ==, ncpus + 2 + 15 + 2);
    g_assert_cmphex(ld32(config + 36), ==, 0xfee00000);
    g_assert_cmpuint(ld16(config + 40), ==, 0);
}

static void check_table(unsigned ncpus)
{
    g_autofree uint8_t *t = NULL;
    const uint8_t *e;
    size_t size;
    unsigned i, irq;

    t = mptable_build(MP_ADDR, ncpus, &size, &error_abort);
    g_assert_cmpuint(size, ==, 16 + 44 + 20 * ncpus + 8 + 8 + 17 * 8);
    check_headers(t, size, ncpus);

    /* Processors: APIC id = index, enabled, the BSP first. */
    e = t + 16 + 44;
    for (i = 0; i < ncpus; i++, e += 20) {
        g_assert_cmpuint(e[0], ==, 0);
        g_assert_cmpuint(e[1], ==, i);
        g_assert_cmphex(e[2], ==, 0x14);
        g_assert_cmphex(e[3], ==, i ? 0x1 : 0x3);
        g_assert_cmphex(ld32(e + 4), ==, 0x600);
        g_assert_cmphex(ld32(e + 8), ==, 0x201);
    }
    g_assert_cmpmem(e, 8, "\x01\x00ISA   ", 8);
    e += 8;
    g_assert_cmpuint(e[0], ==, 2);
    g_assert_cmpuint(e[1], ==, ncpus);
    g_assert_cmphex(e[2], ==, 0x11);
    g_assert_cmpuint(e[3], ==, 1);
    g_assert_cmphex(ld32(e + 4), ==, 0xfec00000);
    e += 8;

    /* ISA IRQs: 0 on pin 2, 2 (the cascade) not wired, the rest 1:1. */
    for (irq = 0; irq < 16; irq++) {
        if (2 == irq) {
            continue;
        }
        check_interrupt(e, 3, 0, irq, ncpus, irq ? irq : 2);
        e += 8;
    }
    check_interrupt(e, 4, 3, 0, 0xff, 0);
    check_interrupt(e + 8, 4, 1, 0, 0xff, 1);
    g_assert_true(e + 16 == t + size);
}

static void test_cpus(void)
{
    check_table(1);
    check_table(2);
    check_table(4);
    check_table(254);
}

static void test_bad_ncpus(void)
{
    Error *err = NULL;
    size_t size = 0;

    g_assert_null(mptable_build(MP_ADDR, 0, &size, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "0 vCPUs do not fit in the MP table (1 to 254)");
    error_free(err);
    err = NULL;
    g_assert_null(mptable_build(MP_ADDR, 255, &size, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "255 vCPUs do not fit in the MP table (1 to 254)");
    error_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/x86-boot/mptable/cpus", test_cpus);
    g_test_add_func("/x86-boot/mptable/bad-ncpus", test_bad_ncpus);
    return g_test_run();
}
