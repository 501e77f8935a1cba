/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qobject-json-writer.c: the JSON writer and qobject_to_json*():
 * exact compact and pretty output, string escaping, numbers.
 */
#include "osdep.h"

#include <math.h>

#include "qobject/json-writer.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "util/error.h"

/* QMP-style: a response with a nested object and a list. */
static QDict *sample(void)
{
    QDict *d = qdict_new();
    QDict *ret = qdict_new();
    QList *list = qlist_new();

    qdict_put_str(ret, "status", "running");
    qdict_put_bool(ret, "running", true);
    qdict_put(d, "return", ret);
    qlist_append_int(list, 1);
    qlist_append_int(list, 2);
    qdict_put(d, "list", list);
    return d;
}

static void test_compact(void)
{
    g_autoptr(QDict) d = sample();
    g_autoptr(GString) out = qobject_to_json(QOBJECT(d));
    g_autoptr(GString) same = qobject_to_json_pretty(QOBJECT(d), false);

    g_assert_cmpstr(out->str, ==,
                    "{\"return\": {\"status\": \"running\", \"running\": true},"
                    " \"list\": [1, 2]}");
    g_assert_cmpstr(same->str, ==, out->str);
}

static void test_pretty(void)
{
    g_autoptr(QDict) d = sample();
    g_autoptr(GString) out = NULL;

    qdict_put(d, "empty-dict", qdict_new());
    qdict_put(d, "empty-list", qlist_new());
    out = qobject_to_json_pretty(QOBJECT(d), true);
    g_assert_cmpstr(out->str, ==,
                    "{\n"
                    "    \"return\": {\n"
                    "        \"status\": \"running\",\n"
                    "        \"running\": true\n"
                    "    },\n"
                    "    \"list\": [\n"
                    "        1,\n"
                    "        2\n"
                    "    ],\n"
                    "    \"empty-dict\": {},\n"
                    "    \"empty-list\": []\n"
                    "}");
}

static void assert_to_json(QObject *obj, const char *compact,
                           const char *pretty)
{
    g_autoptr(GString) c = qobject_to_json(obj);
    g_autoptr(GString) p = qobject_to_json_pretty(obj, true);

    g_assert_cmpstr(c->str, ==, compact);
    g_assert_cmpstr(p->str, ==, pretty);
    qobject_unref(obj);
}

static void test_scalars_and_empty(void)
{
    QList *nested = qlist_new();

    assert_to_json(QOBJECT(qdict_new()), "{}", "{}");
    assert_to_json(QOBJECT(qlist_new()), "[]", "[]");
    assert_to_json(QOBJECT(qnum_from_int(-7)), "-7", "-7");
    assert_to_json(QOBJECT(qstring_from_str("s")), "\"s\"", "\"s\"");
    qlist_append(nested, qlist_new());
    qlist_append(nested, qdict_new());
    assert_to_json(QOBJECT(nested), "[[], {}]", "[\n    [],\n    {}\n]");
}

static void assert_str(const char *in, const char *out)
{
    g_autoptr(QString) qs = qstring_from_str(in);
    g_autoptr(GString) s = qobject_to_json(QOBJECT(qs));
    g_autoptr(QObject) back = NULL;

    g_assert_cmpstr(s->str, ==, out);
    back = qobject_from_json(s->str, &error_abort);
    g_assert_nonnull(back);
}

static void test_string_escaping(void)
{
    assert_str("plain ASCII ~!@#$%^&*()", "\"plain ASCII ~!@#$%^&*()\"");
    assert_str("\"\\/", "\"\\\"\\\\/\"");
    assert_str("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
    assert_str("\x01\x1f\x7f", "\"\\u0001\\u001F\\u007F\"");
    assert_str("it's", "\"it's\"");
    assert_str("\xc3\xa9\xe2\x82\xac", "\"\\u00E9\\u20AC\"");
    assert_str("\xef\xbf\xbf", "\"\\uFFFF\"");
    assert_str("\xf0\x9f\x98\x80", "\"\\uD83D\\uDE00\"");
    assert_str("\xf4\x8f\xbf\xbf", "\"\\uDBFF\\uDFFF\"");
}

static void test_string_invalid_utf8(void)
{
    /* Each byte that is not part of valid UTF-8 becomes one U+FFFD. */
    assert_str("a\xff" "b", "\"a\\uFFFDb\"");
    assert_str("\x80", "\"\\uFFFD\"");
    assert_str("\xc3(", "\"\\uFFFD(\"");
    assert_str("\xe2\x82", "\"\\uFFFD\\uFFFD\"");
    assert_str("\xc0\xaf", "\"\\uFFFD\\uFFFD\"");
    assert_str("\xed\xa0\x80", "\"\\uFFFD\\uFFFD\\uFFFD\"");
    assert_str("\xf4\x90\x80\x80", "\"\\uFFFD\\uFFFD\\uFFFD\\uFFFD\"");
    assert_str("\xf0\x9f\x98\xc3\xa9", "\"\\uFFFD\\uFFFD\\uFFFD\\u00E9\"");
}

static void test_numbers(void)
{
    g_autoptr(QList) l = qlist_new();
    g_autoptr(GString) out = NULL;

    qlist_append_int(l, INT64_MIN);
    qlist_append_int(l, INT64_MAX);
    qlist_append(l, qnum_from_uint(UINT64_MAX));
    qlist_append(l, qnum_from_double(0.1));
    qlist_append(l, qnum_from_double(1.0));
    qlist_append(l, qnum_from_double(-0.0));
    qlist_append(l, qnum_from_double(5e-324));
    qlist_append(l, qnum_from_double(1e300));
    qlist_append(l, qnum_from_double(INFINITY));
    qlist_append(l, qnum_from_double(NAN));
    out = qobject_to_json(QOBJECT(l));
    g_assert_cmpstr(out->str, ==,
                    "[-9223372036854775808, 9223372036854775807, "
                    "18446744073709551615, 0.1, 1.0, -0.0, 5e-324, 1e+300, "
                    "null, null]");
}

static void test_dict_order(void)
{
    g_autoptr(QDict) d = qdict_new();
    g_autoptr(GString) out = NULL;

    qdict_put_int(d, "z", 1);
    qdict_put_int(d, "a", 2);
    qdict_put_int(d, "m", 3);
    qdict_put_int(d, "z", 4);
    qdict_del(d, "a");
    qdict_put_int(d, "a", 5);
    out = qobject_to_json(QOBJECT(d));
    g_assert_cmpstr(out->str, ==, "{\"z\": 4, \"m\": 3, \"a\": 5}");
}

/* The shape of the migration stream's JSON footer, built directly. */
static void build_footer(JSONWriter *w)
{
    json_writer_start_object(w, NULL);
    json_writer_str(w, "page_size", "4096");
    json_writer_start_list(w, "devices");
    json_writer_start_object(w, NULL);
    json_writer_str(w, "name", "serial\n0");
    json_writer_int64(w, "instance_id", -1);
    json_writer_uint64(w, "size", UINT64_MAX);
    json_writer_double(w, "ratio", 0.25);
    json_writer_bool(w, "ok", false);
    json_writer_null(w, "extra");
    json_writer_end_object(w);
    json_writer_start_list(w, NULL);
    json_writer_end_list(w);
    json_writer_end_list(w);
    json_writer_start_object(w, "empty");
    json_writer_end_object(w);
    json_writer_end_object(w);
}

static void test_writer_api(void)
{
    JSONWriter *w = json_writer_new(false);
    g_autoptr(JSONWriter) pw = json_writer_new(true);
    g_autoptr(GString) out = NULL;

    build_footer(w);
    out = json_writer_get_and_free(w);
    g_assert_cmpstr(out->str, ==,
                    "{\"page_size\": \"4096\", \"devices\": [{\"name\": "
                    "\"serial\\n0\", \"instance_id\": -1, \"size\": "
                    "18446744073709551615, \"ratio\": 0.25, \"ok\": false, "
                    "\"extra\": null}, []], \"empty\": {}}");
    build_footer(pw);
    g_assert_cmpstr(json_writer_get(pw), ==,
                    "{\n"
                    "    \"page_size\": \"4096\",\n"
                    "    \"devices\": [\n"
                    "        {\n"
                    "            \"name\": \"serial\\n0\",\n"
                    "            \"instance_id\": -1,\n"
                    "            \"size\": 18446744073709551615,\n"
                    "            \"ratio\": 0.25,\n"
                    "            \"ok\": false,\n"
                    "            \"extra\": null\n"
                    "        },\n"
                    "        []\n"
                    "    ],\n"
                    "    \"empty\": {}\n"
                    "}");
}

static void test_writer_partial(void)
{
    g_autoptr(JSONWriter) w = json_writer_new(false);

    json_writer_start_list(w, NULL);
    json_writer_int64(w, NULL, 1);
    g_assert_cmpstr(json_writer_get(w), ==, "[1");
    json_writer_str(w, NULL, "\xe2\x82\xac");
    g_assert_cmpstr(json_writer_get(w), ==, "[1, \"\\u20AC\"");
    json_writer_free(NULL);
}

static void test_writer_misuse(void)
{
    JSONWriter *w;

    if (g_test_subprocess()) {
        w = json_writer_new(false);
        json_writer_start_list(w, NULL);
        json_writer_int64(w, "named-in-a-list", 1);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qobject/json/writer/compact", test_compact);
    g_test_add_func("/qobject/json/writer/pretty", test_pretty);
    g_test_add_func("/qobject/json/writer/scalars-and-empty",
                    test_scalars_and_empty);
    g_test_add_func("/qobject/json/writer/string-escaping",
                    test_string_escaping);
    g_test_add_func("/qobject/json/writer/string-invalid-utf8",
                    test_string_invalid_utf8);
    g_test_add_func("/qobject/json/writer/numbers", test_numbers);
    g_test_add_func("/qobject/json/writer/dict-order", test_dict_order);
    g_test_add_func("/qobject/json/writer/api", test_writer_api);
    g_test_add_func("/qobject/json/writer/partial", test_writer_partial);
    g_test_add_func("/qobject/json/writer/misuse", test_writer_misuse);
    return g_test_run();
}
