/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-visitor-input.c: the QObject input visitor, strict and keyval,
 * with the exact messages users see.
 */
#include "osdep.h"

#include "qapi/compat-policy.h"
#include "qapi/qobject-input-visitor.h"
#include "qobject/qjson.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "test-qapi-fixtures.h"
#include "util/error.h"
#include "util/keyval.h"

/* The required members of TestAll, as JSON and as keyval. */
#define ALL_JSON "'i8': 1, 'i16': 2, 'i32': 3, 'i64': 4, 'u8': 5, " \
    "'u16': 6, 'u32': 7, 'u64': 8, 'sz': 9, 'flag': true, 'num': 1.5, " \
    "'str': 'hello', 'mode': 'on'"
#define ALL_KEYVAL "i8=1,i16=2,i32=3,i64=4,u8=5,u16=6,u32=7,u64=8,sz=9," \
    "flag=on,num=1.5,str=hello,mode=on"

/* Visit @obj (reference taken over) with @v's kind as TestAll @name. */
static TestAll *visit_all(Visitor *v, const char *name, Error **errp)
{
    TestAll *all = NULL;

    visit_type_TestAll(v, name, &all, errp);
    visit_free(v);
    return all;
}

/*
 * The required members as a dict, replaced or followed by the JSON
 * members @extra. Returns a new reference.
 */
static QObject *json_dict(const char *extra)
{
    g_autofree char *text = g_strdup_printf("{%s}", extra);
    QDict *dict = qdict_from_jsonf_nofail("{" ALL_JSON "}");
    g_autoptr(QObject) more = qobject_from_json(text, &error_abort);
    QDict *more_dict = qobject_to(QDict, more);
    const QDictEntry *e;

    for (e = qdict_first(more_dict); e; e = qdict_next(more_dict, e)) {
        qdict_put_obj(dict, qdict_entry_key(e),
                      qobject_ref(qdict_entry_value(e)));
    }
    return QOBJECT(dict);
}

/* Strict input: json_dict(@extra) as TestAll. */
static TestAll *json_all(const char *extra, Error **errp)
{
    g_autoptr(QObject) obj = json_dict(extra);

    return visit_all(qobject_input_visitor_new(obj), NULL, errp);
}

/* Keyval input: the required members, then @extra (later keys win). */
static TestAll *keyval_all(const char *extra, Error **errp)
{
    g_autofree char *text = g_strdup_printf(ALL_KEYVAL "%s%s",
                                            *extra ? "," : "", extra);
    Visitor *v = qobject_input_visitor_new_str(text, NULL, &error_abort);

    return visit_all(v, NULL, errp);
}

/* Assert that *@errp holds @msg, free it and clear *@errp. */
static void assert_error(Error **errp, const char *msg)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, msg);
    error_free_or_abort(errp);
}

/* Strict input with @extra must fail with @msg. */
static void json_fails(const char *extra, const char *msg)
{
    Error *err = NULL;

    g_assert_null(json_all(extra, &err));
    assert_error(&err, msg);
}

/* Keyval input with @extra must fail with @msg. */
static void keyval_fails(const char *extra, const char *msg)
{
    Error *err = NULL;

    g_assert_null(keyval_all(extra, &err));
    assert_error(&err, msg);
}

static void test_struct_required(void)
{
    g_autoptr(TestAll) all = json_all("", &error_abort);

    g_assert_cmpint(all->i8, ==, 1);
    g_assert_cmpint(all->i16, ==, 2);
    g_assert_cmpint(all->i32, ==, 3);
    g_assert_cmpint(all->i64, ==, 4);
    g_assert_cmpuint(all->u8, ==, 5);
    g_assert_cmpuint(all->u16, ==, 6);
    g_assert_cmpuint(all->u32, ==, 7);
    g_assert_cmpuint(all->u64, ==, 8);
    g_assert_cmpuint(all->sz, ==, 9);
    g_assert_true(all->flag);
    g_assert_cmpfloat(all->num, ==, 1.5);
    g_assert_cmpstr(all->str, ==, "hello");
    g_assert_cmpint(all->mode, ==, TEST_MODE_ON);
    g_assert_false(all->has_opt);
    g_assert_null(all->inner);
    g_assert_null(all->list);
    g_assert_null(all->any);
    g_assert_null(all->alt);
}

static void test_struct_optional(void)
{
    g_autoptr(TestAll) all = json_all(
        "'opt': -7, 'inner': {'size': 10, 'name': 'in'}, "
        "'list': [{'size': 1, 'name': 'a'}, {'size': 2, 'name': 'b'}], "
        "'strs': ['x', 'y'], 'ints': [], 'any': {'k': [1, null]}",
        &error_abort);
    g_autoptr(QObject) any = qobject_from_json("{'k': [1, null]}",
                                               &error_abort);

    g_assert_true(all->has_opt);
    g_assert_cmpint(all->opt, ==, -7);
    g_assert_cmpint(all->inner->size, ==, 10);
    g_assert_cmpstr(all->inner->name, ==, "in");
    g_assert_cmpint(QAPI_LIST_LENGTH(all->list), ==, 2);
    g_assert_cmpstr(all->list->value->name, ==, "a");
    g_assert_cmpint(all->list->next->value->size, ==, 2);
    g_assert_cmpstr(all->strs->value, ==, "x");
    g_assert_cmpstr(all->strs->next->value, ==, "y");
    g_assert_null(all->strs->next->next);
    /* An empty list is a NULL head. */
    g_assert_null(all->ints);
    g_assert_true(qobject_is_equal(all->any, any));
}

/* Each integer member at its bounds and one past them. */
static void test_int_bounds(void)
{
    g_autoptr(TestAll) lo = json_all(
        "'i8': -128, 'i16': -32768, 'i32': -2147483648, "
        "'i64': -9223372036854775808, 'u8': 0, 'u16': 0, 'u32': 0, "
        "'u64': 0, 'sz': 0", &error_abort);
    g_autoptr(TestAll) hi = json_all(
        "'i8': 127, 'i16': 32767, 'i32': 2147483647, "
        "'i64': 9223372036854775807, 'u8': 255, 'u16': 65535, "
        "'u32': 4294967295, 'u64': 18446744073709551615, "
        "'sz': 18446744073709551615", &error_abort);

    g_assert_cmpint(lo->i8, ==, INT8_MIN);
    g_assert_cmpint(lo->i16, ==, INT16_MIN);
    g_assert_cmpint(lo->i32, ==, INT32_MIN);
    g_assert_cmpint(lo->i64, ==, INT64_MIN);
    g_assert_cmpuint(lo->u64 | lo->u32 | lo->u16 | lo->u8 | lo->sz, ==, 0);
    g_assert_cmpint(hi->i8, ==, INT8_MAX);
    g_assert_cmpint(hi->i16, ==, INT16_MAX);
    g_assert_cmpint(hi->i32, ==, INT32_MAX);
    g_assert_cmpint(hi->i64, ==, INT64_MAX);
    g_assert_cmpuint(hi->u8, ==, UINT8_MAX);
    g_assert_cmpuint(hi->u16, ==, UINT16_MAX);
    g_assert_cmpuint(hi->u32, ==, UINT32_MAX);
    g_assert_cmpuint(hi->u64, ==, UINT64_MAX);
    g_assert_cmpuint(hi->sz, ==, UINT64_MAX);

    json_fails("'i8': -129", "Parameter 'i8' expects an integer between "
               "-128 and 127, got '-129'");
    json_fails("'i8': 128", "Parameter 'i8' expects an integer between "
               "-128 and 127, got '128'");
    json_fails("'i16': 32768", "Parameter 'i16' expects an integer between "
               "-32768 and 32767, got '32768'");
    json_fails("'i32': -2147483649", "Parameter 'i32' expects an integer "
               "between -2147483648 and 2147483647, got '-2147483649'");
    json_fails("'i64': 9223372036854775808", "Parameter 'i64' expects an "
               "integer between -9223372036854775808 and "
               "9223372036854775807, got '9223372036854775808'");
    json_fails("'u8': -1", "Parameter 'u8' expects an integer between 0 and "
               "255, got '-1'");
    json_fails("'u8': 256", "Parameter 'u8' expects an integer between 0 "
               "and 255, got '256'");
    json_fails("'u16': 65536", "Parameter 'u16' expects an integer between "
               "0 and 65535, got '65536'");
    json_fails("'u32': 4294967296", "Parameter 'u32' expects an integer "
               "between 0 and 4294967295, got '4294967296'");
    json_fails("'u64': -1", "Parameter 'u64' expects an integer between 0 "
               "and 18446744073709551615, got '-1'");
    json_fails("'sz': -1", "Parameter 'sz' expects an integer between 0 "
               "and 18446744073709551615, got '-1'");
    /* Beyond uint64 the JSON parser makes a double: not an integer. */
    json_fails("'u64': 18446744073709551616",
               "Parameter 'u64' expects integer");
}

static void test_wrong_types(void)
{
    json_fails("'i8': '1'", "Parameter 'i8' expects integer");
    json_fails("'i64': 1.0", "Parameter 'i64' expects integer");
    json_fails("'u32': true", "Parameter 'u32' expects integer");
    json_fails("'sz': '4K'", "Parameter 'sz' expects integer");
    json_fails("'flag': 1", "Parameter 'flag' expects boolean");
    json_fails("'flag': 'on'", "Parameter 'flag' expects boolean");
    json_fails("'num': '1.5'", "Parameter 'num' expects number");
    json_fails("'str': 5", "Parameter 'str' expects string");
    json_fails("'str': null", "Parameter 'str' expects string");
    json_fails("'mode': 1", "Parameter 'mode' expects string");
    json_fails("'inner': []", "Parameter 'inner' expects object");
    json_fails("'list': {}", "Parameter 'list' expects array");
    json_fails("'list': [5]", "Parameter 'list[0]' expects object");
}

/* Integers are numbers too; the largest ones round to the nearest double. */
static void test_number(void)
{
    g_autoptr(TestAll) a = json_all("'num': -3", &error_abort);
    g_autoptr(TestAll) b = json_all("'num': 18446744073709551615",
                                    &error_abort);
    g_autoptr(TestAll) c = json_all("'num': 1e300", &error_abort);

    g_assert_cmpfloat(a->num, ==, -3.0);
    g_assert_cmpfloat(b->num, ==, 18446744073709551616.0);
    g_assert_cmpfloat(c->num, ==, 1e300);
}

static void test_enum(void)
{
    g_autoptr(TestAll) all = json_all("'mode': 'auto'", &error_abort);

    g_assert_cmpint(all->mode, ==, TEST_MODE_AUTO);
    json_fails("'mode': 'bogus'",
               "Parameter 'mode' does not accept value 'bogus'");
    json_fails("'mode': 'ON'", "Parameter 'mode' does not accept value 'ON'");
    json_fails("'mode': ''", "Parameter 'mode' does not accept value ''");
}

/* A named top-level value, as in the messages of nested arguments. */
static void test_named_root(void)
{
    Error *err = NULL;
    TestInner *inner = NULL;
    QObject *obj;
    Visitor *v;

    obj = qobject_from_json("{'size': 'big', 'name': 'x'}", &error_abort);
    v = qobject_input_visitor_new(obj);
    qobject_unref(obj);
    g_assert_false(visit_type_TestInner(v, "data", &inner, &err));
    g_assert_null(inner);
    assert_error(&err, "Parameter 'data.size' expects integer");
    visit_free(v);

    obj = qobject_from_json("{'size': 1}", &error_abort);
    v = qobject_input_visitor_new(obj);
    qobject_unref(obj);
    g_assert_false(visit_type_TestInner(v, "data", &inner, &err));
    assert_error(&err, "Parameter 'data.name' is missing");
    visit_free(v);

    obj = qobject_from_json("{'size': 1, 'name': 'n', 'extra': 0}",
                            &error_abort);
    v = qobject_input_visitor_new(obj);
    qobject_unref(obj);
    g_assert_false(visit_type_TestInner(v, "data", &inner, &err));
    assert_error(&err, "Parameter 'data.extra' is unexpected");
    visit_free(v);
}

static void test_nested_paths(void)
{
    Error *err = NULL;
    TestAll *all = NULL;
    QObject *obj;

    json_fails("'list': [{'size': 1, 'name': 'a'}, {'size': 2, 'name': 'b'},"
               " {'size': 'x', 'name': 'c'}]",
               "Parameter 'list[2].size' expects integer");
    json_fails("'list': [{'size': 1, 'name': 'a'}, {'size': 2}]",
               "Parameter 'list[1].name' is missing");
    json_fails("'list': [{'size': 1, 'name': 'a', 'x': 1}]",
               "Parameter 'list[0].x' is unexpected");
    json_fails("'inner': {'size': 1, 'name': 2}",
               "Parameter 'inner.name' expects string");
    json_fails("'ints': [1, 2, 1.5]", "Parameter 'ints[2]' expects integer");

    obj = json_dict("'strs': ['a', 'b', 3]");
    all = visit_all(qobject_input_visitor_new(obj), "opts", &err);
    qobject_unref(obj);
    g_assert_null(all);
    assert_error(&err, "Parameter 'opts.strs[2]' expects string");
}

static void test_missing_unexpected(void)
{
    Error *err = NULL;
    QObject *obj = qobject_from_json("{'i8': 1}", &error_abort);

    g_assert_null(visit_all(qobject_input_visitor_new(obj), NULL, &err));
    qobject_unref(obj);
    assert_error(&err, "Parameter 'i16' is missing");
    /* The first unexpected member in input order is named. */
    json_fails("'zz': 1, 'aa': 2", "Parameter 'zz' is unexpected");
    /* Unexpected members of nested objects are found too. */
    json_fails("'inner': {'size': 1, 'name': 'n', 'size2': 3}",
               "Parameter 'inner.size2' is unexpected");
}

/* Walks without C objects, the way generated marshallers read arguments. */
static void test_virtual_walk(void)
{
    g_autoptr(QObject) obj = qobject_from_json(
        "{'a': 1, 'b': [true, false], 'c': 'x'}", &error_abort);
    Visitor *v = qobject_input_visitor_new(obj);
    Error *err = NULL;
    int64_t a;
    bool b;

    g_assert_true(visit_start_struct(v, NULL, NULL, 0, &error_abort));
    g_assert_true(visit_type_int(v, "a", &a, &error_abort));
    g_assert_cmpint(a, ==, 1);
    g_assert_true(visit_start_list(v, "b", NULL, 0, &error_abort));
    g_assert_true(visit_type_bool(v, NULL, &b, &error_abort));
    g_assert_true(b);
    g_assert_false(visit_check_list(v, &err));
    assert_error(&err, "Parameter 'b[1]' is unexpected");
    g_assert_true(visit_type_bool(v, NULL, &b, &error_abort));
    g_assert_false(b);
    g_assert_false(visit_type_bool(v, NULL, &b, &err));
    assert_error(&err, "Parameter 'b[2]' is missing");
    g_assert_true(visit_check_list(v, &error_abort));
    visit_end_list(v, NULL);
    g_assert_false(visit_check_struct(v, &err));
    assert_error(&err, "Parameter 'c' is unexpected");
    visit_end_struct(v, NULL);
    visit_free(v);
}

static void test_top_level_scalars(void)
{
    g_autoptr(QObject) num = QOBJECT(qnum_from_int(5));
    g_autoptr(QObject) null = QOBJECT(qnull());
    g_autoptr(QNull) got = NULL;
    Error *err = NULL;
    Visitor *v;
    char *str;
    int64_t i;

    v = qobject_input_visitor_new(num);
    g_assert_true(visit_type_int(v, NULL, &i, &error_abort));
    g_assert_cmpint(i, ==, 5);
    g_assert_false(visit_type_str(v, NULL, &str, &err));
    g_assert_null(str);
    assert_error(&err, "Parameter '<anonymous>' expects string");
    g_assert_false(visit_type_null(v, "n", NULL, &err));
    assert_error(&err, "Parameter 'n' expects null");
    visit_free(v);

    v = qobject_input_visitor_new(null);
    g_assert_true(visit_type_null(v, NULL, &got, &error_abort));
    g_assert_true(QOBJECT(got) == null);
    visit_free(v);
}

static void test_alternate(void)
{
    g_autoptr(TestAll) s = json_all("'alt': 'text'", &error_abort);
    g_autoptr(TestAll) d = json_all("'alt': {'size': 3, 'name': 'n'}",
                                    &error_abort);
    g_autoptr(TestAll) i = json_all("'alt2': 42", &error_abort);
    g_autoptr(TestAll) b = json_all("'alt2': false", &error_abort);
    g_autoptr(TestAll) n = json_all("'alt2': null", &error_abort);

    g_assert_cmpint(s->alt->type, ==, QTYPE_QSTRING);
    g_assert_cmpstr(s->alt->u.s, ==, "text");
    g_assert_cmpint(d->alt->type, ==, QTYPE_QDICT);
    g_assert_cmpint(d->alt->u.inner.size, ==, 3);
    g_assert_cmpstr(d->alt->u.inner.name, ==, "n");
    g_assert_cmpint(i->alt2->type, ==, QTYPE_QNUM);
    g_assert_cmpint(i->alt2->u.i, ==, 42);
    g_assert_cmpint(b->alt2->type, ==, QTYPE_QBOOL);
    g_assert_false(b->alt2->u.b);
    g_assert_cmpint(n->alt2->type, ==, QTYPE_QNULL);

    json_fails("'alt': 5", "Parameter 'alt' expects string or object");
    json_fails("'alt': {'size': 3}", "Parameter 'alt.name' is missing");
    json_fails("'alt': {'size': 3, 'name': 'n', 'z': 1}",
               "Parameter 'alt.z' is unexpected");
    json_fails("'alt2': []",
               "Parameter 'alt2' expects integer, boolean or null");
    /* Strict input: a string is no integer, even in an alternate. */
    json_fails("'alt2': '5'", "Parameter 'alt2' expects integer");
}

static void test_any(void)
{
    g_autoptr(TestAll) all = json_all("'any': 'str'", &error_abort);

    g_assert_cmpstr(qstring_get_str(qobject_to(QString, all->any)), ==,
                    "str");
}

static void test_policy(void)
{
    CompatPolicy reject = {
        .deprecated_input = COMPAT_POLICY_INPUT_REJECT,
        .unstable_input = COMPAT_POLICY_INPUT_REJECT,
    };
    Error *err = NULL;
    TestAll *all;
    QObject *obj;
    Visitor *v;

    /* Accepted by default. */
    all = json_all("'old': 1, 'exp': 'e', 'mode': 'legacy'", &error_abort);
    g_assert_true(all->has_old);
    g_assert_cmpint(all->mode, ==, TEST_MODE_LEGACY);
    qapi_free_TestAll(all);

    obj = json_dict("'old': 1");
    v = qobject_input_visitor_new(obj);
    visit_set_policy(v, &reject);
    g_assert_null(visit_all(v, NULL, &err));
    assert_error(&err, "Deprecated parameter old disabled by policy");
    v = qobject_input_visitor_new(obj);
    visit_set_policy(v, &reject);
    g_assert_null(visit_all(v, "data", &err));
    assert_error(&err, "Deprecated parameter data.old disabled by policy");
    qobject_unref(obj);

    /* The process-wide policy reaches visitors made for QMP. */
    qapi_set_compat_policy(&reject);
    obj = json_dict("'exp': 'x'");
    g_assert_null(visit_all(qobject_input_visitor_new_qmp(obj), NULL, &err));
    assert_error(&err, "Unstable parameter exp disabled by policy");
    qobject_unref(obj);
    obj = json_dict("'mode': 'legacy'");
    g_assert_null(visit_all(qobject_input_visitor_new_qmp(obj), NULL, &err));
    assert_error(&err, "Deprecated value legacy disabled by policy");
    qobject_unref(obj);
    obj = json_dict("'mode': 'x-new'");
    g_assert_null(visit_all(qobject_input_visitor_new_qmp(obj), NULL, &err));
    assert_error(&err, "Unstable value x-new disabled by policy");
    qobject_unref(obj);
    /* Members absent from the input are no reason to refuse. */
    obj = json_dict("");
    all = visit_all(qobject_input_visitor_new_qmp(obj), NULL, &error_abort);
    qapi_free_TestAll(all);
    qobject_unref(obj);
    qapi_set_compat_policy(&(CompatPolicy){0});
}

static void test_keyval_scalars(void)
{
    g_autoptr(TestAll) all = keyval_all(
        "i8=-128,i16=0x10,i32=010,i64=-9223372036854775808,u8=255,"
        "u16=0xffff,u64=18446744073709551615,sz=1.5K,flag=off,num=-2.5e3,"
        "str=a b,mode=auto,opt=7", &error_abort);
    g_autoptr(TestAll) yes = keyval_all("flag=yes,sz=4G,num=3",
                                        &error_abort);

    g_assert_cmpint(all->i8, ==, -128);
    g_assert_cmpint(all->i16, ==, 16);
    g_assert_cmpint(all->i32, ==, 8);
    g_assert_cmpint(all->i64, ==, INT64_MIN);
    g_assert_cmpuint(all->u8, ==, 255);
    g_assert_cmpuint(all->u16, ==, 0xffff);
    g_assert_cmpuint(all->u64, ==, UINT64_MAX);
    g_assert_cmpuint(all->sz, ==, 1536);
    g_assert_false(all->flag);
    g_assert_cmpfloat(all->num, ==, -2500.0);
    g_assert_cmpstr(all->str, ==, "a b");
    g_assert_cmpint(all->mode, ==, TEST_MODE_AUTO);
    g_assert_true(all->has_opt);
    g_assert_cmpint(all->opt, ==, 7);
    g_assert_true(yes->flag);
    g_assert_cmpuint(yes->sz, ==, 4ULL << 30);
    g_assert_cmpfloat(yes->num, ==, 3.0);
}

static void test_keyval_errors(void)
{
    keyval_fails("i8=abc", "Parameter 'i8' expects an integer, got 'abc'");
    keyval_fails("i8=", "Parameter 'i8' expects an integer, got ''");
    keyval_fails("i8=200", "Parameter 'i8' expects an integer between -128 "
                 "and 127, got '200'");
    keyval_fails("i64=9223372036854775808", "Parameter 'i64' expects an "
                 "integer between -9223372036854775808 and "
                 "9223372036854775807, got '9223372036854775808'");
    keyval_fails("u8=-1", "Parameter 'u8' expects an integer between 0 and "
                 "255, got '-1'");
    keyval_fails("u64=18446744073709551616", "Parameter 'u64' expects an "
                 "integer between 0 and 18446744073709551615, got "
                 "'18446744073709551616'");
    keyval_fails("u32=1x", "Parameter 'u32' expects an integer, got '1x'");
    keyval_fails("sz=12X", "Parameter 'sz' expects a size, got '12X'");
    keyval_fails("sz=20E", "Parameter 'sz' expects a size below 16 EiB, got "
                 "'20E'");
    keyval_fails("flag=maybe",
                 "Parameter 'flag' expects 'on' or 'off', got 'maybe'");
    keyval_fails("num=abc", "Parameter 'num' expects a number, got 'abc'");
    keyval_fails("num=inf", "Parameter 'num' expects a number, got 'inf'");
    keyval_fails("num=", "Parameter 'num' expects a number, got ''");
    keyval_fails("mode=bogus",
                 "Parameter 'mode' does not accept value 'bogus'");
    keyval_fails("zzz=1", "Parameter 'zzz' is unexpected");
    keyval_fails("inner.size=1", "Parameter 'inner.name' is missing");
    keyval_fails("inner=1", "Parameter 'inner' expects object");
    keyval_fails("exp.a=1", "Parameter 'exp' expects string");
    keyval_fails("list.0.size=1,list.0.name=a,list.1.size=x,list.1.name=b",
                 "Parameter 'list.1.size' expects an integer, got 'x'");
    keyval_fails("ints.0=1,ints.1=2,ints.2=z",
                 "Parameter 'ints.2' expects an integer, got 'z'");
}

static void test_keyval_lists(void)
{
    g_autoptr(TestAll) all = keyval_all(
        "list.1.name=b,list.0.size=1,list.0.name=a,list.1.size=0x2,"
        "strs.0=x,ints.0=-1,ints.1=0x10", &error_abort);

    g_assert_cmpint(QAPI_LIST_LENGTH(all->list), ==, 2);
    g_assert_cmpint(all->list->value->size, ==, 1);
    g_assert_cmpstr(all->list->value->name, ==, "a");
    g_assert_cmpint(all->list->next->value->size, ==, 2);
    g_assert_cmpstr(all->list->next->value->name, ==, "b");
    g_assert_cmpstr(all->strs->value, ==, "x");
    g_assert_cmpint(all->ints->value, ==, -1);
    g_assert_cmpint(all->ints->next->value, ==, 16);
}

/* Text reaches string, object and (no string branch) number branches. */
static void test_keyval_alternate(void)
{
    g_autoptr(TestAll) s = keyval_all("alt=hello", &error_abort);
    g_autoptr(TestAll) d = keyval_all("alt.size=4,alt.name=n", &error_abort);
    g_autoptr(TestAll) i = keyval_all("alt2=0x20", &error_abort);

    g_assert_cmpint(s->alt->type, ==, QTYPE_QSTRING);
    g_assert_cmpstr(s->alt->u.s, ==, "hello");
    g_assert_cmpint(d->alt->type, ==, QTYPE_QDICT);
    g_assert_cmpint(d->alt->u.inner.size, ==, 4);
    g_assert_cmpint(i->alt2->type, ==, QTYPE_QNUM);
    g_assert_cmpint(i->alt2->u.i, ==, 32);
    keyval_fails("alt2=on", "Parameter 'alt2' expects an integer, got 'on'");
    keyval_fails("alt.size=x,alt.name=n",
                 "Parameter 'alt.size' expects an integer, got 'x'");
}

/* A keyval tree may hold typed values too: they are read strictly. */
static void test_keyval_typed(void)
{
    g_autoptr(QDict) dict = keyval_parse(ALL_KEYVAL, NULL, NULL,
                                         &error_abort);
    Error *err = NULL;
    TestAll *all;

    qdict_put_int(dict, "i8", -5);
    qdict_put_bool(dict, "flag", false);
    all = visit_all(qobject_input_visitor_new_keyval(QOBJECT(dict)), NULL,
                    &error_abort);
    g_assert_cmpint(all->i8, ==, -5);
    g_assert_false(all->flag);
    qapi_free_TestAll(all);
    qdict_put_int(dict, "u8", 300);
    g_assert_null(visit_all(qobject_input_visitor_new_keyval(QOBJECT(dict)),
                            NULL, &err));
    assert_error(&err, "Parameter 'u8' expects an integer between 0 and 255, "
                 "got '300'");
}

static void test_new_str(void)
{
    Error *err = NULL;
    TestInner *inner = NULL;
    Visitor *v;

    v = qobject_input_visitor_new_str("{'size': 1, 'name': 'j'}", NULL,
                                      &error_abort);
    g_assert_true(visit_type_TestInner(v, NULL, &inner, &error_abort));
    g_assert_cmpint(inner->size, ==, 1);
    g_assert_cmpstr(inner->name, ==, "j");
    qapi_free_TestInner(inner);
    visit_free(v);

    /* JSON is typed: no parsing of strings. */
    v = qobject_input_visitor_new_str("{'size': '1', 'name': 'j'}", NULL,
                                      &error_abort);
    g_assert_false(visit_type_TestInner(v, NULL, &inner, &err));
    assert_error(&err, "Parameter 'size' expects integer");
    visit_free(v);

    v = qobject_input_visitor_new_str("k,size=0x10", "name", &error_abort);
    g_assert_true(visit_type_TestInner(v, NULL, &inner, &error_abort));
    g_assert_cmpint(inner->size, ==, 16);
    g_assert_cmpstr(inner->name, ==, "k");
    qapi_free_TestInner(inner);
    visit_free(v);

    g_assert_null(qobject_input_visitor_new_str("{'size': ", NULL, &err));
    g_assert_nonnull(err);
    error_free_or_abort(&err);
    g_assert_null(qobject_input_visitor_new_str("size", NULL, &err));
    g_assert_nonnull(err);
    error_free_or_abort(&err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi/input/struct/required", test_struct_required);
    g_test_add_func("/qapi/input/struct/optional", test_struct_optional);
    g_test_add_func("/qapi/input/int/bounds", test_int_bounds);
    g_test_add_func("/qapi/input/wrong-types", test_wrong_types);
    g_test_add_func("/qapi/input/number", test_number);
    g_test_add_func("/qapi/input/enum", test_enum);
    g_test_add_func("/qapi/input/named-root", test_named_root);
    g_test_add_func("/qapi/input/nested-paths", test_nested_paths);
    g_test_add_func("/qapi/input/missing-unexpected",
                    test_missing_unexpected);
    g_test_add_func("/qapi/input/virtual-walk", test_virtual_walk);
    g_test_add_func("/qapi/input/top-level-scalars", test_top_level_scalars);
    g_test_add_func("/qapi/input/alternate", test_alternate);
    g_test_add_func("/qapi/input/any", test_any);
    g_test_add_func("/qapi/input/policy", test_policy);
    g_test_add_func("/qapi/input/keyval/scalars", test_keyval_scalars);
    g_test_add_func("/qapi/input/keyval/errors", test_keyval_errors);
    g_test_add_func("/qapi/input/keyval/lists", test_keyval_lists);
    g_test_add_func("/qapi/input/keyval/alternate", test_keyval_alternate);
    g_test_add_func("/qapi/input/keyval/typed", test_keyval_typed);
    g_test_add_func("/qapi/input/new-str", test_new_str);
    return g_test_run();
}
