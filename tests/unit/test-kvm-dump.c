/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-kvm-dump.c: the vector registers of `info registers` in QEMU 7.2's
 * layout (XMM pairs, YMM, or opmask and ZMM), from a made-up vCPU state.
 * Needs no /dev/kvm: kvm_dump_format() only formats.
 */
#include "osdep.h"

#include "../../accel/kvm/kvm-internal.h"

/* The standard XSAVE layout's components 5-7 (what CPUID leaf 0xd says). */
#define OPMASK_OFFSET 1088
#define ZMM_HI256_OFFSET 1152
#define HI16_ZMM_OFFSET 1664
#define YMM_HI_OFFSET 576

/*
 * A 64-bit vCPU whose vector register i holds the quadwords
 * 0xQQ0000000000000i (QQ the quadword's index 0-7) and whose opmask k
 * holds 0x10 + k.
 */
static KVMCPUDump *dump_new(uint64_t xcr0, bool cs64)
{
    KVMCPUDump *d = g_new0(KVMCPUDump, 1);
    uint8_t *xsave = (uint8_t *)d->xsave.region;
    uint64_t q;
    int i, j;

    d->xcr0 = xcr0;
    d->have_xsave = true;
    d->lma = cs64;
    d->cs64 = cs64;
    d->xsave_offset[5] = OPMASK_OFFSET;
    d->xsave_offset[6] = ZMM_HI256_OFFSET;
    d->xsave_offset[7] = HI16_ZMM_OFFSET;
    for (i = 0; i < 32; i++) {
        for (j = 0; j < 8; j++) {
            uint8_t *at;

            q = (uint64_t)j << 56 | (uint64_t)i;
            if (i >= 16) {
                at = xsave + HI16_ZMM_OFFSET + 64 * (i - 16) + 8 * j;
            } else if (j < 2) {
                at = d->fpu.xmm[i] + 8 * j;
            } else if (j < 4) {
                at = xsave + YMM_HI_OFFSET + 16 * i + 8 * (j - 2);
            } else {
                at = xsave + ZMM_HI256_OFFSET + 32 * i + 8 * (j - 4);
            }
            memcpy(at, &q, 8);
        }
    }
    for (i = 0; i < 8; i++) {
        q = 0x10 + i;
        memcpy(xsave + OPMASK_OFFSET + 8 * i, &q, 8);
    }
    return d;
}

/* The lines of @d's dump from the first one starting with @prefix on. */
static char **dump_lines_from(const KVMCPUDump *d, const char *prefix)
{
    g_autofree char *text = kvm_dump_format(d);
    const char *at = strstr(text, prefix);

    g_assert_nonnull(at);
    return g_strsplit(at, "\n", -1);
}

static void test_avx512(void)
{
    g_autofree KVMCPUDump *d = dump_new(0xe7, true);
    g_auto(GStrv) lines = dump_lines_from(d, "Opmask00=");

    g_assert_cmpstr(lines[0], ==, "Opmask00=0000000000000010 "
                    "Opmask01=0000000000000011 Opmask02=0000000000000012 "
                    "Opmask03=0000000000000013");
    g_assert_cmpstr(lines[1], ==, "Opmask04=0000000000000014 "
                    "Opmask05=0000000000000015 Opmask06=0000000000000016 "
                    "Opmask07=0000000000000017");
    g_assert_cmpstr(lines[2], ==, "ZMM00=0700000000000000 0600000000000000 "
                    "0500000000000000 0400000000000000 0300000000000000 "
                    "0200000000000000 0100000000000000 0000000000000000");
    g_assert_cmpstr(lines[2 + 15], ==, "ZMM15=070000000000000f "
                    "060000000000000f 050000000000000f 040000000000000f "
                    "030000000000000f 020000000000000f 010000000000000f "
                    "000000000000000f");
    g_assert_cmpstr(lines[2 + 16], ==, "ZMM16=0700000000000010 "
                    "0600000000000010 0500000000000010 0400000000000010 "
                    "0300000000000010 0200000000000010 0100000000000010 "
                    "0000000000000010");
    g_assert_cmpstr(lines[2 + 31], ==, "ZMM31=070000000000001f "
                    "060000000000001f 050000000000001f 040000000000001f "
                    "030000000000001f 020000000000001f 010000000000001f "
                    "000000000000001f");
    g_assert_cmpstr(lines[2 + 32], ==, "");
    g_assert_null(lines[2 + 33]);
}

/* Outside 64-bit code, QEMU shows the first eight registers only. */
static void test_avx512_32bit(void)
{
    g_autofree KVMCPUDump *d = dump_new(0xe7, false);
    g_auto(GStrv) lines = dump_lines_from(d, "ZMM00=");

    g_assert_cmpuint(g_strv_length(lines), ==, 9);
    g_assert_true(g_str_has_prefix(lines[7], "ZMM07=0700000000000007 "));
}

static void test_avx(void)
{
    g_autofree KVMCPUDump *d = dump_new(0x7, true);
    g_auto(GStrv) lines = dump_lines_from(d, "YMM00=");
    g_autofree char *text = kvm_dump_format(d);

    g_assert_null(strstr(text, "Opmask"));
    g_assert_cmpstr(lines[0], ==, "YMM00=0300000000000000 0200000000000000 "
                    "0100000000000000 0000000000000000");
    g_assert_cmpstr(lines[15], ==, "YMM15=030000000000000f 020000000000000f "
                    "010000000000000f 000000000000000f");
    g_assert_cmpuint(g_strv_length(lines), ==, 17);
}

static void test_sse(void)
{
    g_autofree KVMCPUDump *d = dump_new(0x3, true);
    g_auto(GStrv) lines = dump_lines_from(d, "XMM00=");

    g_assert_cmpstr(lines[0], ==, "XMM00=0100000000000000 0000000000000000 "
                    "XMM01=0100000000000001 0000000000000001");
    g_assert_cmpstr(lines[7], ==, "XMM14=010000000000000e 000000000000000e "
                    "XMM15=010000000000000f 000000000000000f");
    g_assert_cmpuint(g_strv_length(lines), ==, 9);
}

/* A layout that puts AVX-512 state past the area KVM returned: zeros. */
static void test_avx512_bad_offset(void)
{
    g_autofree KVMCPUDump *d = dump_new(0xe7, true);
    g_auto(GStrv) lines = NULL;

    d->xsave_offset[5] = UINT32_MAX;
    d->xsave_offset[7] = sizeof(d->xsave.region) - 32;
    lines = dump_lines_from(d, "Opmask00=");
    g_assert_cmpstr(lines[0], ==, "Opmask00=0000000000000000 "
                    "Opmask01=0000000000000000 Opmask02=0000000000000000 "
                    "Opmask03=0000000000000000");
    g_assert_true(g_str_has_prefix(lines[2], "ZMM00=0700000000000000 "));
    g_assert_cmpstr(lines[2 + 16], ==, "ZMM16=0000000000000000 "
                    "0000000000000000 0000000000000000 0000000000000000 "
                    "0000000000000000 0000000000000000 0000000000000000 "
                    "0000000000000000");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/kvm/dump/avx512", test_avx512);
    g_test_add_func("/kvm/dump/avx512-32bit", test_avx512_32bit);
    g_test_add_func("/kvm/dump/avx512-bad-offset", test_avx512_bad_offset);
    g_test_add_func("/kvm/dump/avx", test_avx);
    g_test_add_func("/kvm/dump/sse", test_sse);
    return g_test_run();
}
