/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-guest-lib.c: the kvmini guest's pure helpers (guest/lib.c), built
 * for the host: number formatting and parsing, and command line words.
 */
#include "osdep.h"
#include "lib.h"

static void test_fmt_u64(void)
{
    char buf[KG_NUM_BUF];

    g_assert_cmpstr(kg_fmt_u64(buf, 0), ==, "0");
    g_assert_cmpstr(kg_fmt_u64(buf, 7), ==, "7");
    g_assert_cmpstr(kg_fmt_u64(buf, 1000), ==, "1000");
    g_assert_cmpstr(kg_fmt_u64(buf, UINT64_MAX), ==, "18446744073709551615");
}

static void test_fmt_hex(void)
{
    char buf[KG_NUM_BUF];

    g_assert_cmpstr(kg_fmt_hex(buf, 0, 1), ==, "0x0");
    g_assert_cmpstr(kg_fmt_hex(buf, 0xfeed, 1), ==, "0xfeed");
    g_assert_cmpstr(kg_fmt_hex(buf, 0x9fc00, 16), ==, "0x000000000009fc00");
    g_assert_cmpstr(kg_fmt_hex(buf, 0x12345, 2), ==, "0x12345");
    g_assert_cmpstr(kg_fmt_hex(buf, UINT64_MAX, 20), ==, "0xffffffffffffffff");
}

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

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/guest/lib/fmt-u64", test_fmt_u64);
    g_test_add_func("/guest/lib/fmt-hex", test_fmt_hex);
    g_test_add_func("/guest/lib/parse-u64", test_parse_u64);
    g_test_add_func("/guest/lib/next-word", test_next_word);
    g_test_add_func("/guest/lib/strings", test_strings);
    return g_test_run();
}
