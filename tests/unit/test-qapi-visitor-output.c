/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-qapi-visitor-output.c: the QObject output visitor. */
#include "osdep.h"

#include "qapi/compat-policy.h"
#include "qapi/qobject-output-visitor.h"
#include "qobject/qjson.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "test-qapi-fixtures.h"
#include "util/error.h"

/* A TestAll with every required member set; the caller frees it. */
static TestAll *make_all(void)
{
    TestAll *all = g_new0(TestAll, 1);

    all->i8 = INT8_MIN;
    all->i16 = INT16_MAX;
    all->i32 = -1;
    all->i64 = INT64_MIN;
    all->u8 = UINT8_MAX;
    all->u16 = 0;
    all->u32 = UINT32_MAX;
    all->u64 = UINT64_MAX;
    all->sz = 1ULL << 40;
    all->flag = true;
    all->num = 0.25;
    all->str = g_strdup("s\"q");
    all->mode = TEST_MODE_AUTO;
    return all;
}

/* @all visited with @v as the top-level value, as compact JSON. */
static char *to_json(Visitor *v, QObject **result, TestAll *all)
{
    g_autoptr(GString) json = NULL;

    g_assert_true(visit_type_TestAll(v, NULL, &all, &error_abort));
    visit_complete(v, result);
    visit_free(v);
    json = qobject_to_json(*result);
    qobject_unref(*result);
    return g_strdup(json->str);
}

/* @all through a plain output visitor, as compact JSON. */
static char *all_json(TestAll *all)
{
    QObject *result;

    return to_json(qobject_output_visitor_new(&result), &result, all);
}

#define ALL_OUT "{\"i8\": -128, \"i16\": 32767, \"i32\": -1, " \
    "\"i64\": -9223372036854775808, \"u8\": 255, \"u16\": 0, " \
    "\"u32\": 4294967295, \"u64\": 18446744073709551615, " \
    "\"sz\": 1099511627776, \"flag\": true, \"num\": 0.25, " \
    "\"str\": \"s\\\"q\", \"mode\": \"auto\""

static void test_struct(void)
{
    g_autoptr(TestAll) all = make_all();
    g_autofree char *json = all_json(all);

    /* Members come out in visit order, absent optionals are left out. */
    g_assert_cmpstr(json, ==, ALL_OUT "}");
}

static void test_optional(void)
{
    g_autoptr(TestAll) all = make_all();
    g_autofree char *json = NULL;
    TestInner *a = g_new0(TestInner, 1);
    TestInner *b = g_new0(TestInner, 1);

    a->size = 1;
    a->name = g_strdup("a");
    b->size = -2;
    b->name = NULL;
    all->has_opt = true;
    all->opt = 0;
    all->inner = g_new0(TestInner, 1);
    all->inner->name = g_strdup("in");
    QAPI_LIST_PREPEND(all->list, b);
    QAPI_LIST_PREPEND(all->list, a);
    QAPI_LIST_PREPEND(all->strs, g_strdup("x"));
    QAPI_LIST_PREPEND(all->ints, 3);
    all->any = qobject_from_json("[1, {\"k\": null}]", &error_abort);
    json = all_json(all);
    /* A NULL string is written as "". */
    g_assert_cmpstr(json, ==, ALL_OUT ", \"opt\": 0, "
                    "\"inner\": {\"size\": 0, \"name\": \"in\"}, "
                    "\"list\": [{\"size\": 1, \"name\": \"a\"}, "
                    "{\"size\": -2, \"name\": \"\"}], \"strs\": [\"x\"], "
                    "\"ints\": [3], \"any\": [1, {\"k\": null}]}");
}

/* Integers keep their exact value and signedness. */
static void test_int_exact(void)
{
    g_autoptr(TestAll) all = make_all();
    QObject *result;
    QDict *dict;
    Visitor *v = qobject_output_visitor_new(&result);
    int64_t i;
    uint64_t u;

    g_assert_true(visit_type_TestAll(v, NULL, &all, &error_abort));
    visit_complete(v, &result);
    visit_free(v);
    dict = qobject_to(QDict, result);
    g_assert_true(qnum_get_try_int(qobject_to(QNum, qdict_get(dict, "i64")),
                                   &i));
    g_assert_cmpint(i, ==, INT64_MIN);
    g_assert_true(qnum_get_try_uint(qobject_to(QNum, qdict_get(dict, "u64")),
                                    &u));
    g_assert_cmpuint(u, ==, UINT64_MAX);
    g_assert_cmpint(qobject_to(QNum, qdict_get(dict, "num"))->kind, ==,
                    QNUM_DOUBLE);
    qobject_unref(result);
}

static void test_alternates(void)
{
    g_autoptr(TestAll) all = make_all();
    g_autofree char *json1 = NULL;
    g_autofree char *json2 = NULL;

    all->alt = g_new0(TestStrOrInner, 1);
    all->alt->type = QTYPE_QDICT;
    all->alt->u.inner.size = 5;
    all->alt->u.inner.name = g_strdup("i");
    all->alt2 = g_new0(TestNumOrFlag, 1);
    all->alt2->type = QTYPE_QBOOL;
    json1 = all_json(all);
    g_assert_cmpstr(json1, ==, ALL_OUT ", \"alt\": {\"size\": 5, "
                    "\"name\": \"i\"}, \"alt2\": false}");

    qapi_free_TestStrOrInner(all->alt);
    all->alt = g_new0(TestStrOrInner, 1);
    all->alt->type = QTYPE_QSTRING;
    all->alt->u.s = g_strdup("str");
    all->alt2->type = QTYPE_QNULL;
    json2 = all_json(all);
    g_assert_cmpstr(json2, ==, ALL_OUT ", \"alt\": \"str\", "
                    "\"alt2\": null}");
}

/* An enum value out of range is an error, not a crash. */
static void test_enum_invalid(void)
{
    g_autoptr(TestAll) all = make_all();
    Error *err = NULL;
    QObject *result;
    Visitor *v;

    all->mode = 42;
    v = qobject_output_visitor_new(&result);
    g_assert_false(visit_type_TestAll(v, NULL, &all, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'mode' holds invalid enum value 42");
    error_free_or_abort(&err);
    all->mode = -1;
    g_assert_false(visit_type_TestMode(v, "m", &all->mode, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'm' holds invalid enum value -1");
    error_free_or_abort(&err);
    /* Freeing a visitor whose walk failed frees what it built. */
    visit_free(v);
    g_assert_null(result);
}

static void test_policy_hide(void)
{
    CompatPolicy hide = {
        .deprecated_output = COMPAT_POLICY_OUTPUT_HIDE,
        .unstable_output = COMPAT_POLICY_OUTPUT_HIDE,
    };
    g_autoptr(TestAll) all = make_all();
    g_autofree char *shown = NULL;
    g_autofree char *hidden = NULL;
    g_autofree char *qmp = NULL;
    QObject *result;
    Visitor *v;

    all->has_old = true;
    all->old = 9;
    all->exp = g_strdup("e");
    shown = all_json(all);
    g_assert_cmpstr(shown, ==, ALL_OUT ", \"old\": 9, \"exp\": \"e\"}");

    v = qobject_output_visitor_new(&result);
    visit_set_policy(v, &hide);
    hidden = to_json(v, &result, all);
    g_assert_cmpstr(hidden, ==, ALL_OUT "}");

    hide.unstable_output = COMPAT_POLICY_OUTPUT_ACCEPT;
    qapi_set_compat_policy(&hide);
    qmp = to_json(qobject_output_visitor_new_qmp(&result), &result, all);
    g_assert_cmpstr(qmp, ==, ALL_OUT ", \"exp\": \"e\"}");
    qapi_set_compat_policy(&(CompatPolicy){0});
}

static void test_top_level(void)
{
    QObject *result;
    Visitor *v;
    intList *list = NULL;
    g_autoptr(GString) json = NULL;
    double d = -1e-300;
    char *null_str = NULL;
    QNull *null = NULL;
    TestInner inner = { .size = 1 };
    TestInner *inner_ptr = &inner;

    /* An empty list is []. */
    v = qobject_output_visitor_new(&result);
    g_assert_true(visit_type_intList(v, NULL, &list, &error_abort));
    visit_complete(v, &result);
    visit_free(v);
    json = qobject_to_json(result);
    g_assert_cmpstr(json->str, ==, "[]");
    qobject_unref(result);

    v = qobject_output_visitor_new(&result);
    g_assert_true(visit_type_number(v, NULL, &d, &error_abort));
    visit_complete(v, &result);
    visit_free(v);
    g_assert_cmpfloat(qnum_get_double(qobject_to(QNum, result)), ==, d);
    qobject_unref(result);

    v = qobject_output_visitor_new(&result);
    g_assert_true(visit_type_str(v, NULL, &null_str, &error_abort));
    visit_complete(v, &result);
    visit_free(v);
    g_assert_cmpstr(qstring_get_str(qobject_to(QString, result)), ==, "");
    qobject_unref(result);

    v = qobject_output_visitor_new(&result);
    g_assert_true(visit_type_null(v, NULL, &null, &error_abort));
    visit_complete(v, &result);
    visit_free(v);
    g_assert_cmpint(qobject_type(result), ==, QTYPE_QNULL);
    qobject_unref(result);

    /* A visitor freed without visit_complete() keeps nothing alive. */
    v = qobject_output_visitor_new(&result);
    g_assert_true(visit_type_TestInner(v, NULL, &inner_ptr, &error_abort));
    visit_free(v);
    g_assert_null(result);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi/output/struct", test_struct);
    g_test_add_func("/qapi/output/optional", test_optional);
    g_test_add_func("/qapi/output/int-exact", test_int_exact);
    g_test_add_func("/qapi/output/alternates", test_alternates);
    g_test_add_func("/qapi/output/enum-invalid", test_enum_invalid);
    g_test_add_func("/qapi/output/policy-hide", test_policy_hide);
    g_test_add_func("/qapi/output/top-level", test_top_level);
    return g_test_run();
}
