/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-visitor-string.c: the string input and output visitors, for
 * HMP and QOM property text, including integer ranges and human mode.
 */
#include "osdep.h"

#include "qapi/string-input-visitor.h"
#include "qapi/string-output-visitor.h"
#include "test-qapi-fixtures.h"
#include "util/error.h"

/* Assert that *@errp holds @msg, free it and clear *@errp. */
static void assert_error(Error **errp, const char *msg)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, msg);
    error_free_or_abort(errp);
}

/* Input */

static void test_in_int(void)
{
    static const struct {
        const char *text;
        int64_t value;
    } good[] = {
        { "42", 42 }, { "-42", -42 }, { "0x2a", 42 }, { "010", 8 },
        { "-9223372036854775808", INT64_MIN }, { "0x7fffffffffffffff",
                                                  INT64_MAX },
    };
    Error *err = NULL;
    Visitor *v;
    int64_t i64;
    int8_t i8;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(good); i++) {
        v = string_input_visitor_new(good[i].text);
        g_assert_true(visit_type_int(v, "x", &i64, &error_abort));
        g_assert_cmpint(i64, ==, good[i].value);
        visit_free(v);
    }

    v = string_input_visitor_new("abc");
    g_assert_false(visit_type_int(v, "x", &i64, &err));
    assert_error(&err, "Parameter 'x' expects an integer, got 'abc'");
    visit_free(v);
    v = string_input_visitor_new("");
    g_assert_false(visit_type_int(v, NULL, &i64, &err));
    assert_error(&err, "Parameter '<anonymous>' expects an integer, got ''");
    visit_free(v);
    v = string_input_visitor_new("128");
    g_assert_false(visit_type_int8(v, "x", &i8, &err));
    assert_error(&err, "Parameter 'x' expects an integer between -128 and "
                 "127, got '128'");
    visit_free(v);
    v = string_input_visitor_new("9223372036854775808");
    g_assert_false(visit_type_int(v, "x", &i64, &err));
    assert_error(&err, "Parameter 'x' expects an integer between "
                 "-9223372036854775808 and 9223372036854775807, got "
                 "'9223372036854775808'");
    visit_free(v);
}

static void test_in_uint(void)
{
    Error *err = NULL;
    Visitor *v;
    uint64_t u64;
    uint8_t u8;

    v = string_input_visitor_new("18446744073709551615");
    g_assert_true(visit_type_uint64(v, "u", &u64, &error_abort));
    g_assert_cmpuint(u64, ==, UINT64_MAX);
    visit_free(v);
    v = string_input_visitor_new("0xff");
    g_assert_true(visit_type_uint8(v, "u", &u8, &error_abort));
    g_assert_cmpuint(u8, ==, 255);
    visit_free(v);

    v = string_input_visitor_new("-1");
    g_assert_false(visit_type_uint64(v, "u", &u64, &err));
    assert_error(&err, "Parameter 'u' expects an integer between 0 and "
                 "18446744073709551615, got '-1'");
    visit_free(v);
    v = string_input_visitor_new("256");
    g_assert_false(visit_type_uint8(v, "u", &u8, &err));
    assert_error(&err, "Parameter 'u' expects an integer between 0 and 255, "
                 "got '256'");
    visit_free(v);
    v = string_input_visitor_new("1e3");
    g_assert_false(visit_type_uint8(v, "u", &u8, &err));
    assert_error(&err, "Parameter 'u' expects an integer, got '1e3'");
    visit_free(v);
}

static void test_in_size(void)
{
    static const struct {
        const char *text;
        uint64_t value;
    } good[] = {
        { "0", 0 }, { "4K", 4096 }, { "1.5M", 3 << 19 }, { "2g", 2ULL << 30 },
        { "0x10", 16 }, { "512", 512 },
    };
    Error *err = NULL;
    Visitor *v;
    uint64_t sz;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(good); i++) {
        v = string_input_visitor_new(good[i].text);
        g_assert_true(visit_type_size(v, "sz", &sz, &error_abort));
        g_assert_cmpuint(sz, ==, good[i].value);
        visit_free(v);
    }
    v = string_input_visitor_new("12X");
    g_assert_false(visit_type_size(v, "sz", &sz, &err));
    assert_error(&err, "Parameter 'sz' expects a size, got '12X'");
    visit_free(v);
    v = string_input_visitor_new("16E");
    g_assert_false(visit_type_size(v, "sz", &sz, &err));
    assert_error(&err, "Parameter 'sz' expects a size below 16 EiB, got "
                 "'16E'");
    visit_free(v);
}

static void test_in_bool_number_str(void)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };
    Error *err = NULL;
    char *str = NULL;
    Visitor *v;
    double d;
    bool b;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(yes); i++) {
        v = string_input_visitor_new(yes[i]);
        g_assert_true(visit_type_bool(v, "b", &b, &error_abort));
        g_assert_true(b);
        visit_free(v);
        v = string_input_visitor_new(no[i]);
        g_assert_true(visit_type_bool(v, "b", &b, &error_abort));
        g_assert_false(b);
        visit_free(v);
    }
    v = string_input_visitor_new("On");
    g_assert_false(visit_type_bool(v, "b", &b, &err));
    assert_error(&err, "Parameter 'b' expects 'on' or 'off', got 'On'");
    visit_free(v);

    v = string_input_visitor_new("-2.5e3");
    g_assert_true(visit_type_number(v, "d", &d, &error_abort));
    g_assert_cmpfloat(d, ==, -2500.0);
    visit_free(v);
    v = string_input_visitor_new("nan");
    g_assert_false(visit_type_number(v, "d", &d, &err));
    assert_error(&err, "Parameter 'd' expects a number, got 'nan'");
    visit_free(v);
    v = string_input_visitor_new("1.5x");
    g_assert_false(visit_type_number(v, "d", &d, &err));
    assert_error(&err, "Parameter 'd' expects a number, got '1.5x'");
    visit_free(v);

    /* A string is the whole text, commas and all. */
    v = string_input_visitor_new("a,b c");
    g_assert_true(visit_type_str(v, "s", &str, &error_abort));
    g_assert_cmpstr(str, ==, "a,b c");
    g_free(str);
    visit_free(v);
}

static void test_in_enum_null(void)
{
    Error *err = NULL;
    TestMode mode = TEST_MODE_OFF;
    QNull *null = NULL;
    Visitor *v;

    v = string_input_visitor_new("auto");
    g_assert_true(visit_type_TestMode(v, "mode", &mode, &error_abort));
    g_assert_cmpint(mode, ==, TEST_MODE_AUTO);
    visit_free(v);
    v = string_input_visitor_new("Auto");
    g_assert_false(visit_type_TestMode(v, "mode", &mode, &err));
    assert_error(&err, "Parameter 'mode' does not accept value 'Auto'");
    visit_free(v);

    v = string_input_visitor_new("");
    g_assert_true(visit_type_null(v, "n", &null, &error_abort));
    g_assert_nonnull(null);
    qobject_unref(null);
    visit_free(v);
    v = string_input_visitor_new("null");
    g_assert_false(visit_type_null(v, "n", &null, &err));
    assert_error(&err, "Parameter 'n' expects null (an empty value), got "
                 "'null'");
    visit_free(v);
}

/* What has no text form is refused with an error. */
static void test_in_refused(void)
{
    Error *err = NULL;
    TestInner *inner = NULL;
    strList *strs = NULL;
    QObject *any = NULL;
    Visitor *v = string_input_visitor_new("a,b");

    g_assert_false(visit_type_TestInner(v, "inner", &inner, &err));
    g_assert_null(inner);
    assert_error(&err, "Cannot read parameter 'inner' from text: only "
                 "scalars and lists of integers have a text form");
    g_assert_false(visit_type_any(v, "any", &any, &err));
    assert_error(&err, "Cannot read parameter 'any' from text: only "
                 "scalars and lists of integers have a text form");
    g_assert_false(visit_type_strList(v, "strs", &strs, &err));
    g_assert_null(strs);
    assert_error(&err, "Cannot read parameter 'strs' from text: only "
                 "scalars and lists of integers have a text form");
    visit_free(v);
}

/* @text as an intList; NULL with @errp set on failure. */
static intList *read_ints(const char *text, Error **errp)
{
    Visitor *v = string_input_visitor_new(text);
    intList *list = NULL;

    visit_type_intList(v, "l", &list, errp);
    visit_free(v);
    return list;
}

/* Assert that @list holds the @n values of @expected, then free it. */
static void assert_ints(intList *list, const int64_t *expected, size_t n)
{
    intList *tail = list;
    size_t i;

    for (i = 0; i < n; i++, tail = tail->next) {
        g_assert_nonnull(tail);
        g_assert_cmpint(tail->value, ==, expected[i]);
    }
    g_assert_null(tail);
    qapi_free_intList(list);
}

static void test_in_int_list(void)
{
    static const int64_t a[] = { 1, 3, 4, 5, 7 };
    static const int64_t b[] = { -5, -4, -3, 0x10 };
    static const int64_t c[] = { 9, 2, 2 };
    Error *err = NULL;
    intList *big;

    assert_ints(read_ints("1,3-5,7", &error_abort), a, ARRAY_SIZE(a));
    assert_ints(read_ints("-5--3,0x10", &error_abort), b, ARRAY_SIZE(b));
    /* Visit order is kept, duplicates too. */
    assert_ints(read_ints("9,2-2,2", &error_abort), c, ARRAY_SIZE(c));
    assert_ints(read_ints("", &error_abort), NULL, 0);
    big = read_ints("0-65535", &error_abort);
    g_assert_cmpint(QAPI_LIST_LENGTH(big), ==, 65536);
    qapi_free_intList(big);

    g_assert_null(read_ints("0-65535,7", &err));
    assert_error(&err, "Parameter 'l' expects at most 65536 values");
    g_assert_null(read_ints("0-65536", &err));
    assert_error(&err, "Parameter 'l' expects a range of at most 65536 "
                 "values, got '0-65536'");
    g_assert_null(read_ints("5-3", &err));
    assert_error(&err, "Parameter 'l' expects a range N-M with N <= M, got "
                 "'5-3'");
    g_assert_null(read_ints("1,x,3", &err));
    assert_error(&err, "Parameter 'l' expects an integer or a range N-M, "
                 "got 'x'");
    g_assert_null(read_ints("1,,2", &err));
    assert_error(&err, "Parameter 'l' expects an integer or a range N-M, "
                 "got ''");
    g_assert_null(read_ints("1,", &err));
    assert_error(&err, "Parameter 'l' expects an integer or a range N-M, "
                 "got ''");
    g_assert_null(read_ints("1-2-3", &err));
    assert_error(&err, "Parameter 'l' expects an integer or a range N-M, "
                 "got '1-2-3'");
}

static void test_in_uint_list(void)
{
    Error *err = NULL;
    uint8List *list = NULL;
    Visitor *v;

    v = string_input_visitor_new("0,254-255");
    g_assert_true(visit_type_uint8List(v, "l", &list, &error_abort));
    g_assert_cmpint(QAPI_LIST_LENGTH(list), ==, 3);
    g_assert_cmpuint(list->next->next->value, ==, 255);
    qapi_free_uint8List(list);
    visit_free(v);

    v = string_input_visitor_new("250-256");
    g_assert_false(visit_type_uint8List(v, "l", &list, &err));
    g_assert_null(list);
    assert_error(&err, "Parameter 'l' expects an integer between 0 and 255, "
                 "got '250-256'");
    visit_free(v);
    v = string_input_visitor_new("1,-1");
    g_assert_false(visit_type_uint8List(v, "l", &list, &err));
    assert_error(&err, "Parameter 'l' expects an integer between 0 and 255, "
                 "got '-1'");
    visit_free(v);
    /* A huge range is refused before anything is allocated for it. */
    v = string_input_visitor_new("0-18446744073709551615");
    g_assert_false(visit_type_uint8List(v, "l", &list, &err));
    assert_error(&err, "Parameter 'l' expects an integer between 0 and 255, "
                 "got '0-18446744073709551615'");
    visit_free(v);
}

/* Reading a list without C objects, element by element. */
static void test_in_list_walk(void)
{
    Error *err = NULL;
    Visitor *v = string_input_visitor_new("1-2,4");
    int64_t val;

    g_assert_true(visit_start_list(v, "l", NULL, 0, &error_abort));
    g_assert_true(visit_type_int(v, NULL, &val, &error_abort));
    g_assert_cmpint(val, ==, 1);
    g_assert_false(visit_check_list(v, &err));
    assert_error(&err, "Parameter 'l' has unexpected values after the "
                 "first 1");
    g_assert_true(visit_type_int(v, NULL, &val, &error_abort));
    g_assert_true(visit_type_int(v, NULL, &val, &error_abort));
    g_assert_cmpint(val, ==, 4);
    g_assert_false(visit_type_int(v, NULL, &val, &err));
    assert_error(&err, "Parameter 'l' has only 3 values");
    g_assert_true(visit_check_list(v, &error_abort));
    visit_end_list(v, NULL);
    visit_free(v);
}

/* Text reaches alternates like keyval text does. */
static void test_in_alternate(void)
{
    TestNumOrFlag *num = NULL;
    TestStrOrInner *str = NULL;
    Visitor *v;

    v = string_input_visitor_new("42");
    g_assert_true(visit_type_TestNumOrFlag(v, "a", &num, &error_abort));
    g_assert_cmpint(num->type, ==, QTYPE_QNUM);
    g_assert_cmpint(num->u.i, ==, 42);
    qapi_free_TestNumOrFlag(num);
    visit_free(v);
    v = string_input_visitor_new("42");
    g_assert_true(visit_type_TestStrOrInner(v, "a", &str, &error_abort));
    g_assert_cmpint(str->type, ==, QTYPE_QSTRING);
    g_assert_cmpstr(str->u.s, ==, "42");
    qapi_free_TestStrOrInner(str);
    visit_free(v);
}

/* Output */

/* Visit with a string output visitor, then return its text. */
#define TO_STRING(human, visit_call) ({                          \
    char *str_;                                                 \
    Visitor *v_ = string_output_visitor_new((human), &str_);    \
    Visitor *v = v_;                                            \
    g_assert_true(visit_call);                                  \
    visit_complete(v_, &str_);                                  \
    visit_free(v_);                                             \
    str_;                                                       \
})

/* Assert that @got (freed) is @expected. */
static void assert_text(char *got, const char *expected)
{
    g_assert_cmpstr(got, ==, expected);
    g_free(got);
}

static void test_out_int(void)
{
    int64_t i = 42, neg = -1, min = INT64_MIN;
    uint64_t u = UINT64_MAX;
    uint8_t u8 = 255;

    assert_text(TO_STRING(false, visit_type_int(v, "i", &i, NULL)), "42");
    assert_text(TO_STRING(true, visit_type_int(v, "i", &i, NULL)),
                "42 (0x2a)");
    assert_text(TO_STRING(true, visit_type_int(v, "i", &neg, NULL)),
                "-1 (0xffffffffffffffff)");
    assert_text(TO_STRING(false, visit_type_int(v, "i", &min, NULL)),
                "-9223372036854775808");
    assert_text(TO_STRING(false, visit_type_uint64(v, "u", &u, NULL)),
                "18446744073709551615");
    assert_text(TO_STRING(true, visit_type_uint8(v, "u", &u8, NULL)),
                "255 (0xff)");
}

static void test_out_size(void)
{
    static const struct {
        uint64_t size;
        const char *human;
    } sizes[] = {
        { 0, "0 (0 B)" },
        { 512, "512 (512 B)" },
        { 999, "999 (999 B)" },
        { 1000, "1000 (0.977 KiB)" },
        { 1536, "1536 (1.5 KiB)" },
        { 2147483648ULL, "2147483648 (2 GiB)" },
        { 4294967295ULL, "4294967295 (4 GiB)" },
        { UINT64_MAX, "18446744073709551615 (16 EiB)" },
    };
    uint64_t sz = 4096;
    size_t i;

    assert_text(TO_STRING(false, visit_type_size(v, "sz", &sz, NULL)),
                "4096");
    for (i = 0; i < ARRAY_SIZE(sizes); i++) {
        sz = sizes[i].size;
        assert_text(TO_STRING(true, visit_type_size(v, "sz", &sz, NULL)),
                    sizes[i].human);
    }
}

static void test_out_scalars(void)
{
    bool b = true;
    char *str = (char *)"a b";
    char *null_str = NULL;
    double d1 = 1.5, d2 = 0.1, d3 = 1e300, d4 = -2;
    TestMode mode = TEST_MODE_AUTO;
    QNull *null = NULL;
    TestNumOrFlag num = { .type = QTYPE_QNUM, .u.i = 7 };
    TestNumOrFlag *alt = &num;

    assert_text(TO_STRING(false, visit_type_bool(v, "b", &b, NULL)), "true");
    assert_text(TO_STRING(false, visit_type_str(v, "s", &str, NULL)), "a b");
    assert_text(TO_STRING(true, visit_type_str(v, "s", &str, NULL)),
                "\"a b\"");
    assert_text(TO_STRING(false, visit_type_str(v, "s", &null_str, NULL)),
                "");
    assert_text(TO_STRING(false, visit_type_number(v, "d", &d1, NULL)),
                "1.5");
    assert_text(TO_STRING(false, visit_type_number(v, "d", &d2, NULL)),
                "0.1");
    assert_text(TO_STRING(false, visit_type_number(v, "d", &d3, NULL)),
                "1e+300");
    assert_text(TO_STRING(false, visit_type_number(v, "d", &d4, NULL)),
                "-2");
    assert_text(TO_STRING(false, visit_type_TestMode(v, "m", &mode, NULL)),
                "auto");
    assert_text(TO_STRING(true, visit_type_TestMode(v, "m", &mode, NULL)),
                "\"auto\"");
    assert_text(TO_STRING(false, visit_type_null(v, "n", &null, NULL)), "");
    assert_text(TO_STRING(true, visit_type_null(v, "n", &null, NULL)),
                "<null>");
    /* An alternate is written as its branch. */
    assert_text(TO_STRING(true, visit_type_TestNumOrFlag(v, "a", &alt, NULL)),
                "7 (0x7)");
}

/* An intList built from the @n values of @values; the caller frees it. */
static intList *make_ints(const int64_t *values, size_t n)
{
    intList *list = NULL, **tail = &list;
    size_t i;

    for (i = 0; i < n; i++) {
        QAPI_LIST_APPEND(tail, values[i]);
    }
    return list;
}

static void test_out_int_list(void)
{
    static const int64_t a[] = { 1, 3, 4, 5, 7 };
    static const int64_t b[] = { 5, 1, 2 };
    static const int64_t c[] = { -3, -2, -1, 0, 1 };
    static const int64_t d[] = { INT64_MAX - 1, INT64_MAX, INT64_MIN };
    g_autoptr(intList) la = make_ints(a, ARRAY_SIZE(a));
    g_autoptr(intList) lb = make_ints(b, ARRAY_SIZE(b));
    g_autoptr(intList) lc = make_ints(c, ARRAY_SIZE(c));
    g_autoptr(intList) ld = make_ints(d, ARRAY_SIZE(d));
    intList *empty = NULL;

    assert_text(TO_STRING(false, visit_type_intList(v, "l", &la, NULL)),
                "1,3-5,7");
    assert_text(TO_STRING(true, visit_type_intList(v, "l", &la, NULL)),
                "1,3-5,7 (0x1,0x3-0x5,0x7)");
    assert_text(TO_STRING(false, visit_type_intList(v, "l", &lb, NULL)),
                "5,1-2");
    assert_text(TO_STRING(false, visit_type_intList(v, "l", &lc, NULL)),
                "-3-1");
    /* No run wraps around from INT64_MAX. */
    assert_text(TO_STRING(false, visit_type_intList(v, "l", &ld, NULL)),
                "9223372036854775806-9223372036854775807,"
                "-9223372036854775808");
    assert_text(TO_STRING(true, visit_type_intList(v, "l", &empty, NULL)),
                "");
}

/* What the output visitor writes, the input visitor reads back. */
static void test_list_roundtrip(void)
{
    static const int64_t vals[] = { -7, -6, 0, 2, 3, 4, 100, 99, 98 };
    g_autoptr(intList) list = make_ints(vals, ARRAY_SIZE(vals));
    g_autofree char *text = TO_STRING(false,
                                      visit_type_intList(v, "l", &list,
                                                         NULL));

    g_assert_cmpstr(text, ==, "-7--6,0,2-4,100,99,98");
    assert_ints(read_ints(text, &error_abort), vals, ARRAY_SIZE(vals));
}

static void test_out_refused(void)
{
    Error *err = NULL;
    TestInner inner = { 0 };
    TestInner *ptr = &inner;
    strList strs = { .value = (char *)"s" };
    strList *strs_ptr = &strs;
    g_autoptr(QObject) any = QOBJECT(qnull());
    char *str;
    Visitor *v = string_output_visitor_new(false, &str);

    g_assert_false(visit_type_TestInner(v, "inner", &ptr, &err));
    assert_error(&err, "Cannot write parameter 'inner' as text: only "
                 "scalars and lists of integers have a text form");
    g_assert_false(visit_type_strList(v, "strs", &strs_ptr, &err));
    assert_error(&err, "Cannot write parameter 'strs' as text: only "
                 "scalars and lists of integers have a text form");
    g_assert_false(visit_type_any(v, "any", &any, &err));
    assert_error(&err, "Cannot write parameter 'any' as text: only "
                 "scalars and lists of integers have a text form");
    visit_free(v);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi/string/in/int", test_in_int);
    g_test_add_func("/qapi/string/in/uint", test_in_uint);
    g_test_add_func("/qapi/string/in/size", test_in_size);
    g_test_add_func("/qapi/string/in/bool-number-str",
                    test_in_bool_number_str);
    g_test_add_func("/qapi/string/in/enum-null", test_in_enum_null);
    g_test_add_func("/qapi/string/in/refused", test_in_refused);
    g_test_add_func("/qapi/string/in/int-list", test_in_int_list);
    g_test_add_func("/qapi/string/in/uint-list", test_in_uint_list);
    g_test_add_func("/qapi/string/in/list-walk", test_in_list_walk);
    g_test_add_func("/qapi/string/in/alternate", test_in_alternate);
    g_test_add_func("/qapi/string/out/int", test_out_int);
    g_test_add_func("/qapi/string/out/size", test_out_size);
    g_test_add_func("/qapi/string/out/scalars", test_out_scalars);
    g_test_add_func("/qapi/string/out/int-list", test_out_int_list);
    g_test_add_func("/qapi/string/out/refused", test_out_refused);
    g_test_add_func("/qapi/string/list-roundtrip", test_list_roundtrip);
    return g_test_run();
}
