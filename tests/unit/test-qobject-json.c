/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qobject-json.c: JSON text to QObjects and back: the grammar,
 * numbers, strings and UTF-8, exact error messages, jsonf interpolation.
 * The writer has test-qobject-json-writer.c, streaming
 * test-qobject-json-stream.c.
 */
#include "osdep.h"

#include <math.h>

#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qlit.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "util/error.h"

/* A (input, expected) pair: compact output for valid input, or the message. */
typedef struct Case {
    const char *in;
    const char *out;
} Case;

static QObject *parse_ok(const char *json)
{
    Error *err = NULL;
    QObject *obj = qobject_from_json(json, &err);

    if (!obj) {
        g_error("parsing '%s' failed: %s", json, error_get_pretty(err));
    }
    return obj;
}

/* @json parses, its compact form is @expected, and that reads back equal. */
static void assert_json(const char *json, const char *expected)
{
    g_autoptr(QObject) obj = parse_ok(json);
    g_autoptr(GString) out = qobject_to_json(obj);
    g_autoptr(QObject) again = parse_ok(out->str);

    g_assert_cmpstr(out->str, ==, expected);
    g_assert_true(qobject_is_equal(obj, again));
}

static void assert_error(const char *json, const char *msg)
{
    g_autoptr(Error) err = NULL;
    g_autoptr(QObject) obj = qobject_from_json(json, &err);

    if (obj) {
        g_error("'%s' parsed, expected error '%s'", json, msg);
    }
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
}

static void assert_cases(const Case *cases, size_t n, bool valid)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (valid) {
            assert_json(cases[i].in, cases[i].out);
        } else {
            assert_error(cases[i].in, cases[i].out);
        }
    }
}

static void test_keywords(void)
{
    g_autoptr(QObject) t = parse_ok("true");
    g_autoptr(QObject) f = parse_ok(" false ");
    g_autoptr(QObject) n = parse_ok("\tnull\r\n");

    g_assert_true(qbool_get_bool(qobject_to(QBool, t)));
    g_assert_false(qbool_get_bool(qobject_to(QBool, f)));
    g_assert_true(qobject_to(QNull, n) == &qnull_singleton);
    assert_error("tru", "JSON parse error, invalid keyword 'tru'");
    assert_error("True", "JSON parse error, invalid keyword 'True'");
    assert_error("nul1", "JSON parse error, invalid keyword 'nul1'");
    assert_error("NaN", "JSON parse error, invalid keyword 'NaN'");
    assert_error("Infinity", "JSON parse error, invalid keyword 'Infinity'");
    assert_error("[truefalse]",
                 "JSON parse error, invalid keyword 'truefalse'");
    assert_error("xxxxxxxxxxyyyyyyyyyyxxxxxxxxxxyyyyyyyyyyzzzz",
                 "JSON parse error, invalid keyword "
                 "'xxxxxxxxxxyyyyyyyyyyxxxxxxxxxxyyyyyyyyyy...'");
}

/* @json holds an integer of @kind whose value is @text. */
static void assert_int(const char *json, QNumKind kind, const char *text)
{
    g_autoptr(QObject) obj = parse_ok(json);
    QNum *qn = qobject_to(QNum, obj);
    g_autofree char *s = NULL;

    g_assert_nonnull(qn);
    g_assert_cmpint(qn->kind, ==, kind);
    s = qnum_to_string(qn);
    g_assert_cmpstr(s, ==, text);
}

static void test_numbers_int(void)
{
    assert_int("0", QNUM_I64, "0");
    assert_int("-0", QNUM_I64, "0");
    assert_int("42", QNUM_I64, "42");
    assert_int("-42", QNUM_I64, "-42");
    assert_int("9223372036854775807", QNUM_I64, "9223372036854775807");
    assert_int("-9223372036854775808", QNUM_I64, "-9223372036854775808");
    /* Above INT64_MAX: uint64, up to UINT64_MAX. */
    assert_int("9223372036854775808", QNUM_U64, "9223372036854775808");
    assert_int("18446744073709551615", QNUM_U64, "18446744073709551615");
    /* Beyond both: a double, as in QEMU. */
    assert_int("18446744073709551616", QNUM_DOUBLE, "18446744073709552000.0");
    assert_int("-9223372036854775809", QNUM_DOUBLE, "-9223372036854776000.0");
    assert_int("100000000000000000000000", QNUM_DOUBLE, "1e+23");
}

static void test_numbers_double(void)
{
    static const Case cases[] = {
        { "0.1", "0.1" },
        { "1.0", "1.0" },
        { "-0.0", "-0.0" },
        { "1E2", "100.0" },
        { "1e+2", "100.0" },
        { "1e-2", "0.01" },
        { "0e0", "0.0" },
        { "-1.5e300", "-1.5e+300" },
        { "5e-324", "5e-324" },
        { "1e-400", "0.0" },
        { "1.7976931348623157e308", "1.7976931348623157e+308" },
        { "123456789.123456789", "123456789.12345679" },
        { "[0.5, -2.25]", "[0.5, -2.25]" },
    };
    g_autoptr(QObject) tiny = parse_ok("5e-324");
    g_autoptr(QObject) neg_zero = parse_ok("-0.0");

    assert_cases(cases, G_N_ELEMENTS(cases), true);
    g_assert_cmpfloat(qnum_get_double(qobject_to(QNum, tiny)), ==, 5e-324);
    g_assert_true(signbit(qnum_get_double(qobject_to(QNum, neg_zero))));
}

static void test_numbers_invalid(void)
{
    static const Case cases[] = {
        { "1e400", "JSON parse error, number '1e400' out of range" },
        { "-1e400", "JSON parse error, number '-1e400' out of range" },
        { "[1.8e308]", "JSON parse error, number '1.8e308' out of range" },
        { "01", "JSON parse error, invalid number '01'" },
        { "-01", "JSON parse error, invalid number '-01'" },
        { "00", "JSON parse error, invalid number '00'" },
        { "+1", "JSON parse error, invalid number '+1'" },
        { ".5", "JSON parse error, invalid number '.5'" },
        { "1.", "JSON parse error, invalid number '1.'" },
        { "[1.]", "JSON parse error, invalid number '1.'" },
        { "1.e5", "JSON parse error, invalid number '1.e5'" },
        { "1e", "JSON parse error, invalid number '1e'" },
        { "1e+", "JSON parse error, invalid number '1e+'" },
        { "-", "JSON parse error, invalid number '-'" },
        { "--1", "JSON parse error, invalid number '--1'" },
        { "0x1F", "JSON parse error, invalid number '0x1F'" },
        { "1_000", "JSON parse error, invalid number '1_000'" },
        { "1.5.3", "JSON parse error, invalid number '1.5.3'" },
        { "-Infinity", "JSON parse error, invalid number '-Infinity'" },
        { "12abc", "JSON parse error, invalid number '12abc'" },
    };
    g_autofree char *huge = g_strdup_printf("1%0400d", 0);

    assert_cases(cases, G_N_ELEMENTS(cases), false);
    assert_error(huge, "JSON parse error, number "
                 "'1000000000000000000000000000000000000000...' out of range");
}

static void test_string_escapes(void)
{
    static const Case cases[] = {
        { "\"\"", "\"\"" },
        { "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"",
          "\"\\\" \\\\ / \\b \\f \\n \\r \\t\"" },
        { "\"\\u0041\\u00e9\\u20AC\"", "\"A\\u00E9\\u20AC\"" },
        { "\"\\u0001\\u001f\\u007f\"", "\"\\u0001\\u001F\\u007F\"" },
        { "\"\\uD83D\\uDE00\"", "\"\\uD83D\\uDE00\"" },
        { "\"\\udbff\\udfff\"", "\"\\uDBFF\\uDFFF\"" },
        { "\"\\uFFFF\"", "\"\\uFFFF\"" },
        /* QEMU's extensions: single quotes, and \' in both kinds. */
        { "'it\\'s \"quoted\"'", "\"it's \\\"quoted\\\"\"" },
        { "\"it\\'s\"", "\"it's\"" },
        { "'\\\"'", "\"\\\"\"" },
        { "{'a': ['b', \"c\"]}", "{\"a\": [\"b\", \"c\"]}" },
        { "\"%d\"", "\"%d\"" },
    };
    g_autoptr(QObject) obj = parse_ok("\"a\\u00e9\\uD83D\\uDE00\\n\"");

    assert_cases(cases, G_N_ELEMENTS(cases), true);
    g_assert_cmpstr(qstring_get_str(qobject_to(QString, obj)), ==,
                    "a\xc3\xa9\xf0\x9f\x98\x80\n");
}

static void test_string_escape_errors(void)
{
    static const Case cases[] = {
        { "\"\\q\"", "JSON parse error, invalid escape '\\q' in string" },
        { "\"\\x41\"", "JSON parse error, invalid escape '\\x' in string" },
        { "\"\\U0041\"", "JSON parse error, invalid escape '\\U' in string" },
        { "\"\\\xc3\xa9\"", "JSON parse error, invalid escape '\\' "
          "followed by byte 0xc3 in string" },
        { "\"\\u12\"", "JSON parse error, invalid escape '\\u12' in string" },
        { "\"\\u12G4\"",
          "JSON parse error, invalid escape '\\u12G4' in string" },
        { "\"\\u\"", "JSON parse error, invalid escape '\\u' in string" },
        { "\"\\u0000\"",
          "JSON parse error, unsupported escape '\\u0000' in string" },
        { "\"\\uD800\"",
          "JSON parse error, unpaired surrogate '\\uD800' in string" },
        { "\"\\udbff\"",
          "JSON parse error, unpaired surrogate '\\udbff' in string" },
        { "\"\\uDC00\"",
          "JSON parse error, unpaired surrogate '\\uDC00' in string" },
        { "\"\\uDC00\\uD800\"",
          "JSON parse error, unpaired surrogate '\\uDC00' in string" },
        { "\"\\uD800\\u0041\"",
          "JSON parse error, unpaired surrogate '\\uD800' in string" },
        { "\"\\uD800\\uD800\"",
          "JSON parse error, unpaired surrogate '\\uD800' in string" },
        { "\"\\uD800x\\uDC00\"",
          "JSON parse error, unpaired surrogate '\\uD800' in string" },
        { "\"\\uD800\\u12\"",
          "JSON parse error, unpaired surrogate '\\uD800' in string" },
    };

    assert_cases(cases, G_N_ELEMENTS(cases), false);
}

static void test_string_utf8(void)
{
    static const Case valid[] = {
        { "\"\x7f\"", "\"\\u007F\"" },
        { "\"\xc2\x80\"", "\"\\u0080\"" },
        { "\"\xdf\xbf\"", "\"\\u07FF\"" },
        { "\"\xe0\xa0\x80\"", "\"\\u0800\"" },
        { "\"\xed\x9f\xbf\"", "\"\\uD7FF\"" },
        { "\"\xee\x80\x80\"", "\"\\uE000\"" },
        { "\"\xef\xbf\xbf\"", "\"\\uFFFF\"" },
        { "\"\xf0\x90\x80\x80\"", "\"\\uD800\\uDC00\"" },
        { "\"\xf4\x8f\xbf\xbf\"", "\"\\uDBFF\\uDFFF\"" },
        { "'\xc3\xa9t\xc3\xa9'", "\"\\u00E9t\\u00E9\"" },
    };
    /* One of each way a byte sequence can fail to be UTF-8. */
    static const char *const invalid[] = {
        "\"\x80\"",                     /* continuation byte alone */
        "\"\xbf\"",
        "\"\xc0\x80\"",                 /* overlong, 0xC0/0xC1 never valid */
        "\"\xc1\xbf\"",
        "\"\xe0\x80\x80\"",             /* overlong 3-byte */
        "\"\xe0\x9f\xbf\"",
        "\"\xf0\x80\x80\x80\"",         /* overlong 4-byte */
        "\"\xf0\x8f\xbf\xbf\"",
        "\"\xed\xa0\x80\"",             /* UTF-8-encoded surrogates */
        "\"\xed\xbf\xbf\"",
        "\"\xf4\x90\x80\x80\"",         /* above U+10FFFF */
        "\"\xf5\x80\x80\x80\"",         /* 0xF5..0xFE never valid */
        "\"\xf8\x88\x80\x80\x80\"",
        "\"\xfe\"",
        "\"\xc3\"",                     /* truncated sequences */
        "\"\xe2\x82\"",
        "\"\xf0\x9f\x98\"",
        "\"\xc3" "A\"",                 /* lead byte without continuation */
        "\"\xe2\x82" "A\"",
        "['ok', \"\xc3\x28\"]",
        "{\"\xff\xfe\": 1}",
    };
    size_t i;

    assert_cases(valid, G_N_ELEMENTS(valid), true);
    for (i = 0; i < G_N_ELEMENTS(invalid); i++) {
        if (!strchr(invalid[i], '\xff')) {
            assert_error(invalid[i],
                         "JSON parse error, invalid UTF-8 sequence in string");
        }
    }
    /* 0xFF is not just invalid: it resynchronises the parser. */
    assert_error(invalid[G_N_ELEMENTS(invalid) - 1],
                 "JSON parse error, unexpected byte 0xff in string");
}

static void test_string_control(void)
{
    static const Case cases[] = {
        { "\"a\tb\"", "JSON parse error, control character 0x09 in string" },
        { "\"a\nb\"", "JSON parse error, control character 0x0a in string" },
        { "['\r']", "JSON parse error, control character 0x0d in string" },
        { "\"\x01\"", "JSON parse error, control character 0x01 in string" },
        { "\"\x1f\"", "JSON parse error, control character 0x1f in string" },
        { "\"\\\x01\"", "JSON parse error, control character 0x01 in string" },
        { "\"\\\t\"", "JSON parse error, control character 0x09 in string" },
        { "{\"k\": \"a\r\nb\"}",
          "JSON parse error, control character 0x0d in string" },
    };

    assert_cases(cases, G_N_ELEMENTS(cases), false);
    /* DEL is not a control character for JSON. */
    assert_json("\"\x7f\"", "\"\\u007F\"");
}

static void test_containers(void)
{
    static const Case cases[] = {
        { "{}", "{}" },
        { "[]", "[]" },
        { " { } ", "{}" },
        { "[[]]", "[[]]" },
        { "[{}, [], {\"a\": []}]", "[{}, [], {\"a\": []}]" },
        { "{\"b\":1,\"a\":2,\"c\":3}", "{\"b\": 1, \"a\": 2, \"c\": 3}" },
        { "[1,\"two\",3.0,true,false,null,{\"k\":[]}]",
          "[1, \"two\", 3.0, true, false, null, {\"k\": []}]" },
        { "{\"\": \"empty key\"}", "{\"\": \"empty key\"}" },
        { "\n\t{\r\n\"a\"\t:\n1\n}\n", "{\"a\": 1}" },
        { "{\"a\": 1, \"A\": 2}", "{\"a\": 1, \"A\": 2}" },
        { "{\"\\u0061\": 1, \"b\": 2}", "{\"a\": 1, \"b\": 2}" },
    };

    assert_cases(cases, G_N_ELEMENTS(cases), true);
}

/* Quoted input is cut at 40 bytes, but never inside a UTF-8 character. */
static void test_message_truncation(void)
{
    GString *key = g_string_new(NULL);
    g_autofree char *json = NULL, *want = NULL;
    int i;

    for (i = 0; i < 20; i++) {
        g_string_append(key, "\xe2\x82\xac");        /* U+20AC, 3 bytes */
    }
    json = g_strdup_printf("{\"%s\": 1, \"%s\": 2}", key->str, key->str);
    g_string_truncate(key, 39);
    want = g_strdup_printf("JSON parse error, duplicate key '%s...'", key->str);
    g_string_free(key, true);
    assert_error(json, want);
}

static void test_syntax_errors(void)
{
    static const Case cases[] = {
        { "[1,]", "JSON parse error, expecting value after ','" },
        { "[,1]", "JSON parse error, expecting value or ']' after '['" },
        { "[1 2]", "JSON parse error, expecting ',' or ']' after array element" },
        { "[1}", "JSON parse error, expecting ',' or ']' after array element" },
        { "[1:2]", "JSON parse error, expecting ',' or ']' after array element" },
        { "{\"a\" 1}", "JSON parse error, expecting ':' after object key" },
        { "{\"a\",1}", "JSON parse error, expecting ':' after object key" },
        { "{\"a\":}", "JSON parse error, expecting value after ':'" },
        { "{\"a\"::1}", "JSON parse error, expecting value after ':'" },
        { "{\"a\":1,}", "JSON parse error, expecting object key after ','" },
        { "{,}", "JSON parse error, expecting object key or '}' after '{'" },
        { "{]", "JSON parse error, expecting object key or '}' after '{'" },
        { "{1:2}", "JSON parse error, object key must be a string" },
        { "{null:2}", "JSON parse error, object key must be a string" },
        { "{[]:2}", "JSON parse error, object key must be a string" },
        { "{\"a\":1 \"b\":2}",
          "JSON parse error, expecting ',' or '}' after object member" },
        { "{\"a\":1]", "JSON parse error, expecting ',' or '}' after object member" },
        { "{\"a\":1,\"a\":2}", "JSON parse error, duplicate key 'a'" },
        { "{\"a\":1,'a':2}", "JSON parse error, duplicate key 'a'" },
        { "{\"a\\nb\":1,\"a\\nb\":2}", "JSON parse error, duplicate key 'a\\x0ab'" },
        { "[{\"x\":{\"k\":1,\"k\":1}}]", "JSON parse error, duplicate key 'k'" },
        { "]", "JSON parse error, unexpected ']' at top level" },
        { "}", "JSON parse error, unexpected '}' at top level" },
        { ",", "JSON parse error, unexpected ',' at top level" },
        { ":", "JSON parse error, unexpected ':' at top level" },
        { "[", "JSON parse error, premature end of input" },
        { "{\"a\":", "JSON parse error, premature end of input" },
        { "[[[]]", "JSON parse error, premature end of input" },
        { "\"abc", "JSON parse error, premature end of input" },
        { "'abc\\'", "JSON parse error, premature end of input" },
        { "@", "JSON parse error, unexpected character '@'" },
        { "[1, @foo]", "JSON parse error, unexpected character '@'" },
        { "#", "JSON parse error, unexpected character '#'" },
        { "\xc3\xa9", "JSON parse error, unexpected byte 0xc3" },
        { "\x7f", "JSON parse error, unexpected byte 0x7f" },
        { "[1, \x04]", "JSON parse error, unexpected byte 0x04" },
        { "%d", "JSON parse error, unexpected character '%'" },
        { "", "JSON parse error, no value in input" },
        { " \n\t ", "JSON parse error, no value in input" },
        { "1 2", "JSON parse error, trailing data after value" },
        { "{} x", "JSON parse error, trailing data after value" },
        { "[1] ]", "JSON parse error, trailing data after value" },
        { "\"a\"\"b\"", "JSON parse error, trailing data after value" },
        { "null [", "JSON parse error, trailing data after value" },
    };

    assert_cases(cases, G_N_ELEMENTS(cases), false);
}

/* @depth nested arrays around a 0. */
static char *nested(size_t depth)
{
    GString *s = g_string_new(NULL);
    size_t i;

    for (i = 0; i < depth; i++) {
        g_string_append_c(s, '[');
    }
    g_string_append_c(s, '0');
    for (i = 0; i < depth; i++) {
        g_string_append_c(s, ']');
    }
    return g_string_free(s, false);
}

static void test_depth_limit(void)
{
    g_autofree char *ok = nested(1024);
    g_autofree char *deep = nested(1025);
    g_autoptr(QObject) obj = parse_ok(ok);
    g_autoptr(GString) out = qobject_to_json(obj);

    g_assert_cmpstr(out->str, ==, ok);
    assert_error(deep, "JSON parse error, nesting deeper than 1024 levels");
}

static void test_jsonf(void)
{
    g_autoptr(QDict) cmd = qdict_from_jsonf_nofail(
        "{'execute': %s, 'arguments': {'n': %d}}", "query-status", 3);
    g_autoptr(QObject) nums = qobject_from_jsonf_nofail(
        "[%d, %i, %u, %ld, %li, %lu, %lld, %lli, %llu, %" PRId64 ", %" PRIu64
        "]", INT_MIN, -1, UINT_MAX, LONG_MIN, 7L, ULONG_MAX, LLONG_MIN, 8LL,
        ULLONG_MAX, INT64_MIN, UINT64_MAX);
    g_autoptr(QObject) misc = qobject_from_jsonf_nofail(
        "{%s: %f, 'list': %p, 'pct': '100%', 'd': '%d', 'null': %p}",
        "key\n", 0.5, QOBJECT(qlist_new()), QOBJECT(qnull()));
    g_autoptr(GString) s1 = NULL, s2 = NULL, s3 = NULL;

    s1 = qobject_to_json(QOBJECT(cmd));
    g_assert_cmpstr(s1->str, ==,
                    "{\"execute\": \"query-status\", \"arguments\": {\"n\": 3}}");
    s2 = qobject_to_json(nums);
    g_assert_cmpstr(s2->str, ==,
                    "[-2147483648, -1, 4294967295, -9223372036854775808, 7, "
                    "18446744073709551615, -9223372036854775808, 8, "
                    "18446744073709551615, -9223372036854775808, "
                    "18446744073709551615]");
    s3 = qobject_to_json(misc);
    g_assert_cmpstr(s3->str, ==,
                    "{\"key\\n\": 0.5, \"list\": [], \"pct\": \"100%\", "
                    "\"d\": \"%d\", \"null\": null}");
    /* Directives only inside the format, never in what %s brings in. */
    qobject_unref(nums);
    nums = qobject_from_jsonf_nofail("%s", "%d");
    g_assert_cmpstr(qstring_get_str(qobject_to(QString, nums)), ==, "%d");
}

static void test_jsonf_abort(void)
{
    if (g_test_subprocess()) {
        qobject_from_jsonf_nofail("{'a': %d,}", 1);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*JSON parse error, expecting object key after ','*");
}

static void test_jsonf_bad_directive(void)
{
    if (g_test_subprocess()) {
        qobject_from_jsonf_nofail("[%x]", 1);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*JSON parse error, invalid interpolation '%x'*");
}

static const QLitObject qlit_sample = QLIT_QDICT(((QLitDictEntry[]) {
    { "name", QLIT_QSTR("vm\xc3\xa9") },
    { "cpus", QLIT_QLIST(((QLitObject[]) {
        QLIT_QNUM(0), QLIT_QNUM(-1), QLIT_QNUM_UINT(UINT64_MAX),
        QLIT_QNUM_DOUBLE(0.1), { } })) },
    { "on", QLIT_QBOOL(true) },
    { "none", QLIT_QNULL },
    { "nested", QLIT_QDICT(((QLitDictEntry[]) { { } })) },
    { }
}));

static void test_round_trip(void)
{
    g_autoptr(QObject) obj = qobject_from_qlit(&qlit_sample);
    g_autoptr(GString) compact = qobject_to_json(obj);
    g_autoptr(GString) pretty = qobject_to_json_pretty(obj, true);
    g_autoptr(QObject) from_compact = parse_ok(compact->str);
    g_autoptr(QObject) from_pretty = parse_ok(pretty->str);

    g_assert_cmpstr(compact->str, ==,
                    "{\"name\": \"vm\\u00E9\", \"cpus\": [0, -1, "
                    "18446744073709551615, 0.1], \"on\": true, "
                    "\"none\": null, \"nested\": {}}");
    g_assert_true(qlit_equal_qobject(&qlit_sample, from_compact));
    g_assert_true(qlit_equal_qobject(&qlit_sample, from_pretty));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qobject/json/keywords", test_keywords);
    g_test_add_func("/qobject/json/numbers-int", test_numbers_int);
    g_test_add_func("/qobject/json/numbers-double", test_numbers_double);
    g_test_add_func("/qobject/json/numbers-invalid", test_numbers_invalid);
    g_test_add_func("/qobject/json/string-escapes", test_string_escapes);
    g_test_add_func("/qobject/json/string-escape-errors",
                    test_string_escape_errors);
    g_test_add_func("/qobject/json/string-utf8", test_string_utf8);
    g_test_add_func("/qobject/json/string-control", test_string_control);
    g_test_add_func("/qobject/json/containers", test_containers);
    g_test_add_func("/qobject/json/syntax-errors", test_syntax_errors);
    g_test_add_func("/qobject/json/message-truncation",
                    test_message_truncation);
    g_test_add_func("/qobject/json/depth-limit", test_depth_limit);
    g_test_add_func("/qobject/json/jsonf", test_jsonf);
    g_test_add_func("/qobject/json/jsonf-abort", test_jsonf_abort);
    g_test_add_func("/qobject/json/jsonf-bad-directive",
                    test_jsonf_bad_directive);
    g_test_add_func("/qobject/json/round-trip", test_round_trip);
    return g_test_run();
}
