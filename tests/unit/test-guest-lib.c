/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-guest-lib.c: the kvmini guest's pure helpers (guest/lib.c), built
 * for the host: number parsing, command line words, the small printf
 * (number formatting), and memtest's pattern.
 */
#include "osdep.h"
#include "lib.h"
#include "output.h"

static void test_parse_u64(void)
{
    uint64_t v = 42;

    g_assert_true(kg_parse_u64("0", &v));
    g_assert_cmpuint(v, ==, 0);
    g_assert_true(kg_parse_u64("300", &v));
    g_assert_cmpuint(v, ==, 300);
    g_assert_true(kg_parse_u64("18446744073709551615", &v));
    g_assert_cmpuint(v, ==, UINT64_MAX);
    v = 42;
    g_assert_false(kg_parse_u64("18446744073709551616", &v));
    g_assert_false(kg_parse_u64("", &v));
    g_assert_false(kg_parse_u64("3x", &v));
    g_assert_false(kg_parse_u64("-1", &v));
    g_assert_false(kg_parse_u64(" 1", &v));
    g_assert_cmpuint(v, ==, 42);
}

static void test_next_word(void)
{
    char line[] = "  exit   3 \t";
    char empty[] = "";
    char *p = line;
    char *q = empty;

    g_assert_cmpstr(kg_next_word(&p), ==, "exit");
    g_assert_cmpstr(kg_next_word(&p), ==, "3");
    g_assert_cmpstr(kg_next_word(&p), ==, "");
    g_assert_cmpstr(kg_next_word(&p), ==, "");
    g_assert_cmpstr(kg_next_word(&q), ==, "");
}

static void test_strings(void)
{
    g_assert_true(kg_streq("help", "help"));
    g_assert_false(kg_streq("help", "hel"));
    g_assert_false(kg_streq("hel", "help"));
    g_assert_true(kg_streq("", ""));
}

/* kg_vsnprintf() with no format checking, for malformed formats. */
static size_t unchecked_format(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    size_t len;

    va_start(ap, fmt);
    len = kg_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return len;
}

static void test_snprintf(void)
{
    char buf[128];
    char small[8];

    g_assert_cmpuint(kg_snprintf(buf, sizeof(buf), "%s %u %lu %x %lx %c%%",
                                 "cpu", 7u, 18446744073709551615ul, 0xfeu,
                                 0x123456789abul, 'z'), ==, 44);
    g_assert_cmpstr(buf, ==,
                    "cpu 7 18446744073709551615 fe 123456789ab z%");
    kg_snprintf(buf, sizeof(buf), "[%5u] [%05u] [%016lx] [%2s]", 42u, 42u,
                0x400000ul, "abc");
    g_assert_cmpstr(buf, ==, "[   42] [00042] [0000000000400000] [abc]");
    kg_snprintf(buf, sizeof(buf), "%lu %lu %lx 0x%016lx %x", 0ul,
                18446744073709551615ul, 0xfeedul, 0x9fc00ul, 0u);
    g_assert_cmpstr(buf, ==,
                    "0 18446744073709551615 feed 0x000000000009fc00 0");
    kg_snprintf(buf, sizeof(buf), "%016lx", 18446744073709551615ul);
    g_assert_cmpstr(buf, ==, "ffffffffffffffff");
    /* Truncated, always terminated; a lone '%' at the end is dropped. */
    g_assert_cmpuint(kg_snprintf(small, sizeof(small), "%s", "abcdefghij"),
                     ==, 7);
    g_assert_cmpstr(small, ==, "abcdefg");
    g_assert_cmpuint(kg_snprintf(buf, 0, "x"), ==, 0);
    g_assert_cmpuint(unchecked_format(buf, sizeof(buf), "50%"), ==, 2);
    g_assert_cmpstr(buf, ==, "50");
    unchecked_format(buf, sizeof(buf), "%q%05");
    g_assert_cmpstr(buf, ==, "q");
}

/* The guest's lines come out as the host's printf makes them. */
static void test_snprintf_output_formats(void)
{
    char buf[160];
    g_autofree char *expect = g_strdup_printf(KG_OUT_MISMATCH, "memtest",
        (unsigned long)0x400008, (unsigned long)0x0000030000400008,
        (unsigned long)0);

    kg_snprintf(buf, sizeof(buf), KG_OUT_MISMATCH, "memtest", 0x400008ul,
                0x0000030000400008ul, 0ul);
    g_assert_cmpstr(buf, ==, expect);
    g_assert_cmpstr(buf, ==, "memtest: MISMATCH at 0x400008 expected "
                    "0x0000030000400008 got 0x0000000000000000");
    kg_snprintf(buf, sizeof(buf), KG_OUT_CPU_ONLINE, 3u, 6u);
    g_assert_cmpstr(buf, ==, "cpu 3 online (apic id 6)");
}

static void test_pattern(void)
{
    g_assert_cmpuint(kg_pattern(0x400000, 1), ==, 0x0000010000400000ull);
    g_assert_cmpuint(kg_pattern(0x400008, 0xffffff), ==,
                     0xffffff0000400008ull);
    /* The generation wraps at 24 bits; the address keeps 40. */
    g_assert_cmpuint(kg_pattern(0x123456789abcull, 0x1000002), ==,
                     0x0000023456789abcull);
}

static void test_page_check(void)
{
    uint64_t *page = g_new(uint64_t, KG_PAGE_WORDS);
    size_t first = 99;

    kg_page_fill(page, 0x7000, 5);
    g_assert_cmpuint(page[0], ==, kg_pattern(0x7000, 5));
    g_assert_cmpuint(page[KG_PAGE_WORDS - 1], ==, kg_pattern(0x7ff8, 5));
    g_assert_cmpuint(kg_page_check(page, 0x7000, 5, &first), ==, 0);
    g_assert_cmpuint(first, ==, 99);
    /* A stale page (an older generation) fails on every word. */
    g_assert_cmpuint(kg_page_check(page, 0x7000, 6, &first), ==,
                     KG_PAGE_WORDS);
    g_assert_cmpuint(first, ==, 0);
    /* So does the same page checked at another address. */
    g_assert_cmpuint(kg_page_check(page, 0x8000, 5, &first), ==,
                     KG_PAGE_WORDS);
    page[300] ^= 1;
    page[400] = 0;
    g_assert_cmpuint(kg_page_check(page, 0x7000, 5, &first), ==, 2);
    g_assert_cmpuint(first, ==, 300);
    g_free(page);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/guest/lib/parse-u64", test_parse_u64);
    g_test_add_func("/guest/lib/next-word", test_next_word);
    g_test_add_func("/guest/lib/strings", test_strings);
    g_test_add_func("/guest/lib/snprintf", test_snprintf);
    g_test_add_func("/guest/lib/snprintf-output-formats",
                    test_snprintf_output_formats);
    g_test_add_func("/guest/lib/pattern", test_pattern);
    g_test_add_func("/guest/lib/page-check", test_page_check);
    return g_test_run();
}
