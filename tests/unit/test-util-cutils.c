/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-util-cutils.c: strict integer, size and boolean parsing. */
#include "osdep.h"

#include "util/cutils.h"

/* What *result holds before a call, to see that -EINVAL leaves it alone. */
#define UNTOUCHED 0x5a5a

typedef struct IntCase {
    const char *str;
    int base;
    int ret;
    int64_t value;      /* for ret 0 or -ERANGE */
} IntCase;

typedef struct UintCase {
    const char *str;
    int ret;
    uint64_t value;     /* for ret 0 or -ERANGE */
} UintCase;

static void check_i64(const IntCase *c)
{
    int64_t value = UNTOUCHED;
    int ret = qemu_strtoi64(c->str, NULL, c->base, &value);

    if (ret != c->ret) {
        g_error("qemu_strtoi64(\"%s\", %d): %d, expected %d", c->str,
                c->base, ret, c->ret);
    }
    g_assert_cmpint(value, ==, ret == -EINVAL ? UNTOUCHED : c->value);
}

static void test_strtoi64(void)
{
    static const IntCase cases[] = {
        { "0", 10, 0, 0 },
        { "123", 10, 0, 123 },
        { "-123", 10, 0, -123 },
        { "+5", 10, 0, 5 },
        { " \t\n\v\f\r42", 10, 0, 42 },
        { "9223372036854775807", 10, 0, INT64_MAX },
        { "9223372036854775808", 10, -ERANGE, INT64_MAX },
        { "-9223372036854775808", 10, 0, INT64_MIN },
        { "-9223372036854775809", 10, -ERANGE, INT64_MIN },
        { "99999999999999999999999", 10, -ERANGE, INT64_MAX },
        { "-99999999999999999999999", 10, -ERANGE, INT64_MIN },
        { "0x7fffffffffffffff", 0, 0, INT64_MAX },
        { "-0x8000000000000000", 0, 0, INT64_MIN },
        { "0x8000000000000000", 16, -ERANGE, INT64_MAX },
        /* Base 0 follows the C prefixes. */
        { "0x1f", 0, 0, 31 },
        { "0X1F", 0, 0, 31 },
        { "-0x10", 0, 0, -16 },
        { "010", 0, 0, 8 },
        { "0", 0, 0, 0 },
        { "08", 0, -EINVAL, 0 },
        { "0x", 0, -EINVAL, 0 },
        /* Explicit bases. */
        { "1f", 16, 0, 31 },
        { "0x1f", 16, 0, 31 },
        { "0x10", 10, -EINVAL, 0 },
        { "010", 10, 0, 10 },
        { "101", 2, 0, 5 },
        { "2", 2, -EINVAL, 0 },
        { "zZ", 36, 0, 35 * 36 + 35 },
        /* Not numbers, or followed by something. */
        { "", 10, -EINVAL, 0 },
        { "   ", 10, -EINVAL, 0 },
        { "abc", 10, -EINVAL, 0 },
        { "-", 10, -EINVAL, 0 },
        { "+", 10, -EINVAL, 0 },
        { "--1", 10, -EINVAL, 0 },
        { "12abc", 10, -EINVAL, 0 },
        { "12 ", 10, -EINVAL, 0 },
        { "1.5", 10, -EINVAL, 0 },
        { "- 1", 10, -EINVAL, 0 },
        /* Trailing text wins over overflow. */
        { "99999999999999999999999x", 10, -EINVAL, 0 },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        check_i64(&cases[i]);
    }
}

static void test_strtoi64_endptr(void)
{
    const char *str, *end = NULL;
    int64_t value = UNTOUCHED;

    str = "12abc";
    g_assert_cmpint(qemu_strtoi64(str, &end, 10, &value), ==, 0);
    g_assert_cmpint(value, ==, 12);
    g_assert_true(end == str + 2);

    str = "  -7,x";
    g_assert_cmpint(qemu_strtoi64(str, &end, 0, &value), ==, 0);
    g_assert_cmpint(value, ==, -7);
    g_assert_true(end == str + 4);

    /* "0x" without a hex digit is 0 followed by "x", as with strtol(). */
    str = "0xg";
    g_assert_cmpint(qemu_strtoi64(str, &end, 16, &value), ==, 0);
    g_assert_cmpint(value, ==, 0);
    g_assert_true(end == str + 1);

    /* Overflow still reports where the digits end. */
    str = "99999999999999999999x";
    g_assert_cmpint(qemu_strtoi64(str, &end, 10, &value), ==, -ERANGE);
    g_assert_cmpint(value, ==, INT64_MAX);
    g_assert_true(end == str + 20);

    /* Not a number: *endptr is the start, *result untouched. */
    value = UNTOUCHED;
    str = " x";
    g_assert_cmpint(qemu_strtoi64(str, &end, 10, &value), ==, -EINVAL);
    g_assert_cmpint(value, ==, UNTOUCHED);
    g_assert_true(end == str);

    end = "sentinel";
    g_assert_cmpint(qemu_strtoi64(NULL, &end, 10, &value), ==, -EINVAL);
    g_assert_null(end);
    g_assert_cmpint(qemu_strtoi64(NULL, NULL, 10, &value), ==, -EINVAL);
}

static void test_strtou64(void)
{
    static const struct {
        const char *str;
        int base;
        int ret;
        uint64_t value;
    } cases[] = {
        { "0", 10, 0, 0 },
        { "+7", 10, 0, 7 },
        { " 42", 10, 0, 42 },
        { "18446744073709551615", 10, 0, UINT64_MAX },
        { "18446744073709551616", 10, -ERANGE, UINT64_MAX },
        { "99999999999999999999999", 10, -ERANGE, UINT64_MAX },
        { "0xffffffffffffffff", 0, 0, UINT64_MAX },
        { "0x10000000000000000", 0, -ERANGE, UINT64_MAX },
        { "01777777777777777777777", 0, 0, UINT64_MAX },
        { "02000000000000000000000", 0, -ERANGE, UINT64_MAX },
        /* Unlike strtoull(), any minus sign is rejected. */
        { "-1", 10, -EINVAL, 0 },
        { "-0", 10, -EINVAL, 0 },
        { " -5", 0, -EINVAL, 0 },
        { "-18446744073709551615", 10, -EINVAL, 0 },
        { "", 10, -EINVAL, 0 },
        { "1 ", 10, -EINVAL, 0 },
        { "0x", 0, -EINVAL, 0 },
    };
    uint64_t value;
    size_t i;
    int ret;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        value = UNTOUCHED;
        ret = qemu_strtou64(cases[i].str, NULL, cases[i].base, &value);
        if (ret != cases[i].ret) {
            g_error("qemu_strtou64(\"%s\"): %d, expected %d", cases[i].str,
                    ret, cases[i].ret);
        }
        g_assert_cmpuint(value, ==,
                         ret == -EINVAL ? UNTOUCHED : cases[i].value);
    }
}

static void test_strtou64_endptr(void)
{
    const char *str = "-1", *end = NULL;
    uint64_t value = UNTOUCHED;

    g_assert_cmpint(qemu_strtou64(str, &end, 0, &value), ==, -EINVAL);
    g_assert_true(end == str);
    g_assert_cmpuint(value, ==, UNTOUCHED);

    str = "0x10,";
    g_assert_cmpint(qemu_strtou64(str, &end, 0, &value), ==, 0);
    g_assert_cmpuint(value, ==, 16);
    g_assert_true(end == str + 4);
}

static void check_sizes(int (*parse)(const char *, const char **, uint64_t *),
                        const char *func, const UintCase *cases, size_t n)
{
    uint64_t value;
    size_t i;
    int ret;

    for (i = 0; i < n; i++) {
        value = UNTOUCHED;
        ret = parse(cases[i].str, NULL, &value);
        if (ret != cases[i].ret) {
            g_error("%s(\"%s\"): %d, expected %d", func, cases[i].str, ret,
                    cases[i].ret);
        }
        if ((ret == -EINVAL ? UNTOUCHED : cases[i].value) != value) {
            g_error("%s(\"%s\"): %" PRIu64 ", expected %" PRIu64, func,
                    cases[i].str, value, cases[i].value);
        }
    }
}

static void test_strtosz(void)
{
    static const UintCase cases[] = {
        { "0", 0, 0 },
        { "1", 0, 1 },
        { "12345", 0, 12345 },
        { "010", 0, 10 },           /* decimal, never octal */
        { "  1K", 0, 1024 },
        /* Every suffix, either case. */
        { "1B", 0, 1 }, { "1b", 0, 1 },
        { "1K", 0, 1ULL << 10 }, { "1k", 0, 1ULL << 10 },
        { "1M", 0, 1ULL << 20 }, { "1m", 0, 1ULL << 20 },
        { "1G", 0, 1ULL << 30 }, { "1g", 0, 1ULL << 30 },
        { "1T", 0, 1ULL << 40 }, { "1t", 0, 1ULL << 40 },
        { "1P", 0, 1ULL << 50 }, { "1p", 0, 1ULL << 50 },
        { "1E", 0, 1ULL << 60 }, { "1e", 0, 1ULL << 60 },
        /* Fractions, rounded down to a whole byte. */
        { "1.5K", 0, 1536 },
        { "1.5G", 0, 1610612736 },
        { "0.5", 0, 0 },
        { "1.5", 0, 1 },
        { "1.9999B", 0, 1 },
        { "0.1K", 0, 102 },
        { "0.0009765625K", 0, 1 },
        { "0.00097656249K", 0, 0 },
        { "2.000000000000000000000000000001K", 0, 2048 },
        { "0.25E", 0, 1ULL << 58 },
        /* Exact integers stay exact (no detour through double). */
        { "9007199254740993", 0, 9007199254740993ULL },
        { "18446744073709551615", 0, UINT64_MAX },
        { "18446744073709551615B", 0, UINT64_MAX },
        /* The largest value of every suffix, and one more. */
        { "18446744073709551616", -ERANGE, UINT64_MAX },
        { "18014398509481983K", 0, 18446744073709550592ULL },
        { "18014398509481984K", -ERANGE, UINT64_MAX },
        { "17592186044415M", 0, 18446744073708503040ULL },
        { "17592186044416M", -ERANGE, UINT64_MAX },
        { "17179869183G", 0, 18446744072635809792ULL },
        { "17179869184G", -ERANGE, UINT64_MAX },
        { "16777215T", 0, 18446742974197923840ULL },
        { "16777216T", -ERANGE, UINT64_MAX },
        { "16383P", 0, 18445618173802708992ULL },
        { "16384P", -ERANGE, UINT64_MAX },
        { "15E", 0, 17293822569102704640ULL },
        { "16E", -ERANGE, UINT64_MAX },
        { "16.0E", -ERANGE, UINT64_MAX },
        { "15.9999999999999999999E", 0, UINT64_MAX },
        { "15.99999999999999999999999999E", 0, UINT64_MAX },
        { "99999999999999999999999", -ERANGE, UINT64_MAX },
        /* Hex: exact bytes, no fraction, no suffix ('B' is a digit). */
        { "0x10", 0, 16 },
        { "0X10", 0, 16 },
        { "0x1B", 0, 27 },
        { "0xffffffffffffffff", 0, UINT64_MAX },
        { "0x10000000000000000", -ERANGE, UINT64_MAX },
        { "0x10K", -EINVAL, 0 },
        { "0x1.5", -EINVAL, 0 },
        { "0x", -EINVAL, 0 },
        /* Not sizes. */
        { "", -EINVAL, 0 },
        { " ", -EINVAL, 0 },
        { "-1", -EINVAL, 0 },
        { "+1", -EINVAL, 0 },
        { ".5K", -EINVAL, 0 },
        { "1.K", -EINVAL, 0 },
        { "1KB", -EINVAL, 0 },
        { "1 K", -EINVAL, 0 },
        { "12X", -EINVAL, 0 },
        { "K", -EINVAL, 0 },
        { "1e3", -EINVAL, 0 },
        { "1,", -EINVAL, 0 },
        { "16E,", -EINVAL, 0 },
    };

    check_sizes(qemu_strtosz, "qemu_strtosz", cases, G_N_ELEMENTS(cases));
}

static void test_strtosz_mib(void)
{
    static const UintCase cases[] = {
        { "1", 0, 1ULL << 20 },
        { "1.5", 0, 3ULL << 19 },
        { "0.5", 0, 1ULL << 19 },
        { "0.000001", 0, 1 },
        { "0x10", 0, 16ULL << 20 },
        { "1B", 0, 1 },
        { "1K", 0, 1024 },
        { "1G", 0, 1ULL << 30 },
        { "17592186044415", 0, 18446744073708503040ULL },
        { "17592186044416", -ERANGE, UINT64_MAX },
        { "0x100000000000", -ERANGE, UINT64_MAX },
        { "12X", -EINVAL, 0 },
        { "-1", -EINVAL, 0 },
    };

    check_sizes(qemu_strtosz_MiB, "qemu_strtosz_MiB", cases,
                G_N_ELEMENTS(cases));
}

static void test_strtosz_endptr(void)
{
    const char *str, *end = NULL;
    uint64_t value = UNTOUCHED;

    str = "1Kfoo";
    g_assert_cmpint(qemu_strtosz(str, &end, &value), ==, 0);
    g_assert_cmpuint(value, ==, 1024);
    g_assert_true(end == str + 2);

    str = "12X";
    g_assert_cmpint(qemu_strtosz(str, &end, &value), ==, 0);
    g_assert_cmpuint(value, ==, 12);
    g_assert_true(end == str + 2);

    str = "0x10K";
    g_assert_cmpint(qemu_strtosz(str, &end, &value), ==, 0);
    g_assert_cmpuint(value, ==, 16);
    g_assert_true(end == str + 4);

    str = "1.,";
    g_assert_cmpint(qemu_strtosz(str, &end, &value), ==, 0);
    g_assert_cmpuint(value, ==, 1);
    g_assert_true(end == str + 1);

    str = "16E,";
    g_assert_cmpint(qemu_strtosz(str, &end, &value), ==, -ERANGE);
    g_assert_cmpuint(value, ==, UINT64_MAX);
    g_assert_true(end == str + 3);

    value = UNTOUCHED;
    str = "x";
    g_assert_cmpint(qemu_strtosz(str, &end, &value), ==, -EINVAL);
    g_assert_cmpuint(value, ==, UNTOUCHED);
    g_assert_true(end == str);

    g_assert_cmpint(qemu_strtosz(NULL, &end, &value), ==, -EINVAL);
    g_assert_null(end);
    g_assert_cmpint(qemu_strtosz_MiB(NULL, NULL, &value), ==, -EINVAL);
}

/* A fraction with thousands of digits parses in linear time and exactly. */
static void test_strtosz_long_fraction(void)
{
    g_autoptr(GString) str = g_string_new("1.");
    uint64_t value = 0;
    int i;

    for (i = 0; i < 10000; i++) {
        g_string_append_c(str, '9');
    }
    g_string_append_c(str, 'K');
    g_assert_cmpint(qemu_strtosz(str->str, NULL, &value), ==, 0);
    g_assert_cmpuint(value, ==, 2047);
}

static void test_parse_bool(void)
{
    static const char *const truths[] = { "on", "yes", "true", "y" };
    static const char *const falsehoods[] = { "off", "no", "false", "n" };
    static const char *const neither[] = {
        "", "ON", "Yes", "1", "0", "onn", "o", "maybe", " on",
    };
    bool value;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(truths); i++) {
        value = false;
        g_assert_true(qemu_parse_bool(truths[i], &value));
        g_assert_true(value);
        g_assert_true(qemu_parse_bool(falsehoods[i], &value));
        g_assert_false(value);
    }
    for (i = 0; i < G_N_ELEMENTS(neither); i++) {
        value = true;
        g_assert_false(qemu_parse_bool(neither[i], &value));
        g_assert_true(value);
    }
    g_assert_false(qemu_parse_bool(NULL, &value));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/cutils/strtoi64", test_strtoi64);
    g_test_add_func("/util/cutils/strtoi64-endptr", test_strtoi64_endptr);
    g_test_add_func("/util/cutils/strtou64", test_strtou64);
    g_test_add_func("/util/cutils/strtou64-endptr", test_strtou64_endptr);
    g_test_add_func("/util/cutils/strtosz", test_strtosz);
    g_test_add_func("/util/cutils/strtosz-mib", test_strtosz_mib);
    g_test_add_func("/util/cutils/strtosz-endptr", test_strtosz_endptr);
    g_test_add_func("/util/cutils/strtosz-long-fraction",
                    test_strtosz_long_fraction);
    g_test_add_func("/util/cutils/parse-bool", test_parse_bool);
    return g_test_run();
}
