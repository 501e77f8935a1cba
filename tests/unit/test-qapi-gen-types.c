/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-gen-types.c: the types and visitors the QAPI compiler generates
 * for tests/qapi-schema/qapi-schema-test.json (prefix "test-", built with
 * TEST_IF_A and without TEST_IF_B). Every kind of type makes the round
 * trip JSON -> input visitor -> C -> output visitor -> JSON with the exact
 * wire shape, is cloned and freed; bad input gets the exact message.
 */
#include "osdep.h"

#include "qapi/clone-visitor.h"
#include "qapi/compat-policy.h"
#include "qapi/qobject-input-visitor.h"
#include "qapi/qobject-output-visitor.h"
#include "qobject/qjson.h"
#include "qobject/qnull.h"
#include "util/error.h"
#include "test-qapi-types.h"
#include "test-qapi-visit.h"

/* visit_type_Foo() for any Foo, as qapi_clone() takes it. */
typedef bool VisitFn(Visitor *v, const char *name, void **obj, Error **errp);
typedef void FreeFn(void *obj);

#define VISIT(T) ((VisitFn *)visit_type_##T)
#define FREE(T) ((FreeFn *)qapi_free_##T)

/* @json (a JSON text) read as a type; aborts on errors. */
static void *input(VisitFn *visit, const char *json)
{
    g_autoptr(QObject) in = qobject_from_json(json, &error_abort);
    g_autoptr(Visitor) v = qobject_input_visitor_new(in);
    void *obj = NULL;

    g_assert_true(visit(v, NULL, &obj, &error_abort));
    g_assert_nonnull(obj);
    return obj;
}

/* @obj written as JSON (caller frees). */
static char *output(VisitFn *visit, void *obj)
{
    g_autoptr(Visitor) v = NULL;
    g_autoptr(QObject) out = NULL;
    g_autoptr(GString) json = NULL;

    v = qobject_output_visitor_new(&out);
    g_assert_true(visit(v, NULL, &obj, &error_abort));
    visit_complete(v, &out);
    json = qobject_to_json(out);
    return g_strdup(json->str);
}

/*
 * @json goes in and comes out as @expected (NULL: @json itself), and so
 * does a clone of what was read. Returns what was read, for checking its
 * C fields; the caller frees it with @free_fn.
 */
static void *roundtrip(VisitFn *visit, FreeFn *free_fn, const char *json,
                       const char *expected)
{
    void *obj = input(visit, json);
    g_autofree char *out = output(visit, obj);
    g_autofree char *cloned = NULL;
    void *copy;

    g_assert_cmpstr(out, ==, expected ? expected : json);
    copy = qapi_clone(obj, visit);
    cloned = output(visit, copy);
    g_assert_cmpstr(cloned, ==, out);
    free_fn(copy);
    return obj;
}

/* Reading @json as the type fails with @msg, leaking nothing. */
static void input_error(VisitFn *visit, const char *json, const char *msg)
{
    g_autoptr(QObject) in = qobject_from_json(json, &error_abort);
    g_autoptr(Visitor) v = qobject_input_visitor_new(in);
    Error *err = NULL;
    void *obj = NULL;

    g_assert_false(visit(v, NULL, &obj, &err));
    g_assert_null(obj);
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_builtins(void)
{
    const char *json =
        "{\"s\": \"text\", \"n\": 1.5, \"i\": -9223372036854775808, "
        "\"i8\": -128, \"i16\": 32767, \"i32\": -2147483648, "
        "\"i64\": 9223372036854775807, \"u8\": 255, \"u16\": 65535, "
        "\"u32\": 4294967295, \"u64\": 18446744073709551615, "
        "\"sz\": 4096, \"b\": true, \"nul\": null, "
        "\"a\": {\"any\": [1, \"x\"]}, \"qt\": \"qdict\"}";
    AllBuiltins *obj = roundtrip(VISIT(AllBuiltins), FREE(AllBuiltins), json,
                                 NULL);

    g_assert_cmpstr(obj->s, ==, "text");
    g_assert_cmpfloat(obj->n, ==, 1.5);
    g_assert_cmpint(obj->i, ==, INT64_MIN);
    g_assert_cmpint(obj->i8, ==, INT8_MIN);
    g_assert_cmpint(obj->i16, ==, INT16_MAX);
    g_assert_cmpint(obj->i32, ==, INT32_MIN);
    g_assert_cmpint(obj->i64, ==, INT64_MAX);
    g_assert_cmpuint(obj->u8, ==, UINT8_MAX);
    g_assert_cmpuint(obj->u16, ==, UINT16_MAX);
    g_assert_cmpuint(obj->u32, ==, UINT32_MAX);
    g_assert_cmpuint(obj->u64, ==, UINT64_MAX);
    g_assert_cmpuint(obj->sz, ==, 4096);
    g_assert_true(obj->b);
    g_assert_nonnull(obj->nul);
    g_assert_cmpint(qobject_type(obj->a), ==, QTYPE_QDICT);
    g_assert_cmpint(obj->qt, ==, QTYPE_QDICT);
    qapi_free_AllBuiltins(obj);

    input_error(VISIT(AllBuiltins),
                "{\"s\": \"\", \"n\": 0, \"i\": 0, \"i8\": 128, \"i16\": 0, "
                "\"i32\": 0, \"i64\": 0, \"u8\": 0, \"u16\": 0, \"u32\": 0, "
                "\"u64\": 0, \"sz\": 0, \"b\": false, \"nul\": null, "
                "\"a\": 0, \"qt\": \"none\"}",
                "Parameter 'i8' expects an integer between -128 and 127, "
                "got '128'");
    input_error(VISIT(AllBuiltins), "{\"s\": 1}",
                "Parameter 's' expects string");
    input_error(VISIT(AllBuiltins), "[]", "Parameter '<anonymous>' expects "
                "object");
}

static void test_optional(void)
{
    AllBuiltinsOptional *obj;

    obj = roundtrip(VISIT(AllBuiltinsOptional), FREE(AllBuiltinsOptional),
                    "{}", NULL);
    /* Pointer members are NULL when absent; the others have has_ flags. */
    g_assert_null(obj->s);
    g_assert_null(obj->nul);
    g_assert_null(obj->a);
    g_assert_false(obj->has_i);
    g_assert_false(obj->has_b);
    g_assert_false(obj->has_qt);
    qapi_free_AllBuiltinsOptional(obj);

    obj = roundtrip(VISIT(AllBuiltinsOptional), FREE(AllBuiltinsOptional),
                    "{\"s\": \"x\", \"i8\": 0, \"b\": false, \"nul\": null, "
                    "\"qt\": \"none\"}", NULL);
    g_assert_cmpstr(obj->s, ==, "x");
    g_assert_true(obj->has_i8);
    g_assert_cmpint(obj->i8, ==, 0);
    g_assert_true(obj->has_b);
    g_assert_false(obj->b);
    g_assert_nonnull(obj->nul);
    g_assert_true(obj->has_qt);
    g_assert_cmpint(obj->qt, ==, QTYPE_NONE);
    qapi_free_AllBuiltinsOptional(obj);
}

static void test_lists(void)
{
    const char *json =
        "{\"s\": [\"a\", \"b\"], \"n\": [], \"i\": [1, -2, 3], "
        "\"i8\": [-1], \"i16\": [], \"i32\": [7], \"i64\": [], "
        "\"u8\": [0, 255], \"u16\": [], \"u32\": [], "
        "\"u64\": [18446744073709551615], \"sz\": [], \"b\": [true, false], "
        "\"nul\": [null, null], \"a\": [1, \"two\", [3]], "
        "\"qt\": [\"qlist\", \"qbool\"]}";
    AllBuiltinLists *obj = roundtrip(VISIT(AllBuiltinLists),
                                     FREE(AllBuiltinLists), json, NULL);

    g_assert_cmpuint(QAPI_LIST_LENGTH(obj->s), ==, 2);
    g_assert_cmpstr(obj->s->next->value, ==, "b");
    g_assert_null(obj->n);
    g_assert_cmpint(obj->i->next->value, ==, -2);
    g_assert_cmpuint(obj->u64->value, ==, UINT64_MAX);
    g_assert_cmpint(obj->qt->next->value, ==, QTYPE_QBOOL);
    g_assert_cmpuint(QAPI_LIST_LENGTH(obj->nul), ==, 2);
    qapi_free_AllBuiltinLists(obj);

    input_error(VISIT(AllBuiltinLists), "{\"s\": [\"a\", 2]}",
                "Parameter 's[1]' expects string");
}

static void test_list_macros(void)
{
    ColorList *list = NULL, **tail = &list;
    g_autoptr(NestedList) nested = NULL;
    Nested *n = g_new0(Nested, 1);
    g_autofree char *json = NULL;

    QAPI_LIST_APPEND(tail, COLOR_RED);
    QAPI_LIST_APPEND(tail, COLOR_BLUE);
    QAPI_LIST_PREPEND(list, COLOR_GREEN);
    g_assert_cmpuint(QAPI_LIST_LENGTH(list), ==, 3);
    json = output(VISIT(ColorList), list);
    g_assert_cmpstr(json, ==, "[\"green\", \"red\", \"blue\"]");
    qapi_free_ColorList(list);

    n->value = 7;
    QAPI_LIST_PREPEND(nested, n);
    g_assert_cmpint(nested->value->value, ==, 7);
}

static void test_struct_base(void)
{
    Derived *obj = roundtrip(VISIT(Derived), FREE(Derived),
                             "{\"nested\": {\"value\": 1}, \"color\": "
                             "\"green\", \"id\": 5}",
                             "{\"id\": 5, \"color\": \"green\", "
                             "\"nested\": {\"value\": 1}}");
    Base *base = qapi_Derived_base(obj);

    /* Base members come first, and the struct starts like its base. */
    g_assert_true((void *)base == (void *)obj);
    g_assert_cmpint(base->id, ==, 5);
    g_assert_null(base->name);
    g_assert_cmpint(obj->color, ==, COLOR_GREEN);
    g_assert_null(obj->colors);
    qapi_free_Derived(obj);

    obj = roundtrip(VISIT(Derived), FREE(Derived),
                    "{\"id\": 1, \"name\": \"n\", \"color\": \"red\", "
                    "\"colors\": [\"blue\"], \"nested\": {\"value\": 2, "
                    "\"text\": \"t\"}, \"nesteds\": [{\"value\": 3}]}", NULL);
    g_assert_cmpint(obj->colors->value, ==, COLOR_BLUE);
    g_assert_cmpint(obj->nesteds->value->value, ==, 3);
    qapi_free_Derived(obj);

    input_error(VISIT(Derived), "{\"id\": 1, \"color\": \"red\"}",
                "Parameter 'nested' is missing");
    input_error(VISIT(Derived), "{\"id\": 1, \"color\": \"pink\", "
                "\"nested\": {\"value\": 1}}",
                "Parameter 'color' does not accept value 'pink'");
    input_error(VISIT(Derived), "{\"id\": 1, \"color\": \"red\", "
                "\"nested\": {\"value\": 1, \"extra\": 0}}",
                "Parameter 'nested.extra' is unexpected");
}

static void test_struct_misc(void)
{
    Keywords *kw;
    __org_example_Downstream *ds;
    LegacyStruct *legacy;
    Recursive *rec;
    UsesSub *sub;
    Empty *empty;

    empty = roundtrip(VISIT(Empty), FREE(Empty), "{}", NULL);
    qapi_free_Empty(empty);
    input_error(VISIT(Empty), "{\"x\": 1}", "Parameter 'x' is unexpected");

    /* Members named like C keywords get a q_ prefix in C only. */
    kw = roundtrip(VISIT(Keywords), FREE(Keywords),
                   "{\"default\": 1, \"if\": \"x\", \"unix\": true}", NULL);
    g_assert_cmpint(kw->q_default, ==, 1);
    g_assert_cmpstr(kw->q_if, ==, "x");
    g_assert_true(kw->q_unix);
    qapi_free_Keywords(kw);

    ds = roundtrip(VISIT(__org_example_Downstream),
                   FREE(__org_example_Downstream),
                   "{\"__org.example_member\": 42}", NULL);
    g_assert_cmpint(ds->__org_example_member, ==, 42);
    qapi_free___org_example_Downstream(ds);

    legacy = roundtrip(VISIT(LegacyStruct), FREE(LegacyStruct),
                       "{\"Upper_Member\": 3}", NULL);
    g_assert_cmpint(legacy->Upper_Member, ==, 3);
    qapi_free_LegacyStruct(legacy);

    /*
     * An optional list is a pointer, NULL when absent: an empty list reads
     * as absent and is not written back.
     */
    rec = roundtrip(VISIT(Recursive), FREE(Recursive),
                    "{\"children\": [{}, {\"child\": {\"children\": []}}], "
                    "\"child\": {\"child\": {}}}",
                    "{\"children\": [{}, {\"child\": {}}], "
                    "\"child\": {\"child\": {}}}");
    g_assert_nonnull(rec->child->child);
    g_assert_null(rec->children->next->value->child->children);
    qapi_free_Recursive(rec);

    sub = roundtrip(VISIT(UsesSub), FREE(UsesSub),
                    "{\"sub\": {\"name\": \"s\", \"kind\": \"sub-two\"}, "
                    "\"kind\": \"sub-one\"}", NULL);
    g_assert_cmpint(sub->sub->kind, ==, SUB_ENUM_SUB_TWO);
    qapi_free_UsesSub(sub);
}

static void test_conditional(void)
{
    CondMembers *obj = roundtrip(VISIT(CondMembers), FREE(CondMembers),
                                 "{\"always\": 1, \"if-a\": 2, "
                                 "\"any-of\": true}", NULL);

    /* Built with TEST_IF_A: its members exist; TEST_IF_B's do not. */
    g_assert_cmpint(obj->if_a, ==, 2);
    g_assert_true(obj->has_any_of);
    qapi_free_CondMembers(obj);
    input_error(VISIT(CondMembers), "{\"always\": 1, \"if-a\": 2, "
                "\"if-b\": \"x\"}", "Parameter 'if-b' is unexpected");
    input_error(VISIT(CondMembers), "{\"always\": 1}",
                "Parameter 'if-a' is missing");
}

static void test_enum_lookup(void)
{
    g_assert_cmpint(Color_lookup.size, ==, COLOR__MAX);
    g_assert_cmpint(COLOR__MAX, ==, 3);
    g_assert_cmpstr(Color_lookup.array[COLOR_BLUE], ==, "blue");
    g_assert_cmpstr(Color_str(COLOR_GREEN), ==, "green");
    g_assert_null(Color_lookup.special_features);

    /* 'prefix' replaces the type-derived prefix; values may be digits. */
    g_assert_cmpint(PFX_ONE, ==, 0);
    g_assert_cmpint(PFX_2TWO, ==, 1);
    g_assert_cmpint(PFX__MAX, ==, 2);
    g_assert_cmpstr(Prefixed_str(PFX_2TWO), ==, "2two");

    /* Conditional values exist only when their condition holds. */
    g_assert_cmpint(COND_ENUM__MAX, ==, 3);
    g_assert_cmpstr(CondEnum_str(COND_ENUM_IF_A), ==, "if-a");
    g_assert_cmpstr(CondEnum_str(COND_ENUM_NOT_B), ==, "not-b");

    g_assert_nonnull(FeatureEnum_lookup.special_features);
    g_assert_cmpuint(FeatureEnum_lookup.special_features[FEATURE_ENUM_CURRENT],
                     ==, 0);
    g_assert_cmpuint(FeatureEnum_lookup.special_features[FEATURE_ENUM_OLD],
                     ==, 1u << QAPI_DEPRECATED);
    g_assert_cmpuint(FeatureEnum_lookup.special_features[FEATURE_ENUM_NEW],
                     ==, 1u << QAPI_UNSTABLE);

    g_assert_cmpint(EmptyEnum_lookup.size, ==, 0);
    g_assert_cmpint(EMPTY_ENUM__MAX, ==, 0);

    /* The built-in QType, for the QType enum of qobject.h. */
    g_assert_cmpint(QType_lookup.size, ==, QTYPE_MAX);
    g_assert_cmpstr(QType_str(QTYPE_QNULL), ==, "qnull");
    g_assert_cmpstr(QType_str(QTYPE_QBOOL), ==, "qbool");
    g_assert_cmpint(qapi_enum_parse(&Color_lookup, "red", -1, &error_abort),
                    ==, COLOR_RED);
    g_assert_cmpstr(SubEnum_str(SUB_ENUM_SUB_ONE), ==, "sub-one");
}

static void test_union(void)
{
    Shape *s;
    NamedBaseShape *nb;

    s = roundtrip(VISIT(Shape), FREE(Shape),
                  "{\"kind\": \"circle\", \"name\": \"c\", \"radius\": 2.5}",
                  NULL);
    g_assert_cmpint(s->kind, ==, SHAPE_KIND_CIRCLE);
    g_assert_cmpfloat(s->u.circle.radius, ==, 2.5);
    qapi_free_Shape(s);

    s = roundtrip(VISIT(Shape), FREE(Shape),
                  "{\"width\": 3, \"kind\": \"rect\", \"height\": 4}",
                  "{\"kind\": \"rect\", \"width\": 3, \"height\": 4}");
    g_assert_cmpint(s->u.rect.height, ==, 4);
    g_assert_null(s->u.rect.label);
    qapi_free_Shape(s);

    /* A value without a branch has no variant members. */
    s = roundtrip(VISIT(Shape), FREE(Shape), "{\"kind\": \"empty\"}", NULL);
    qapi_free_Shape(s);
    input_error(VISIT(Shape), "{\"kind\": \"empty\", \"radius\": 1}",
                "Parameter 'radius' is unexpected");

    /* A conditional branch, compiled in (TEST_IF_A) or not (TEST_IF_B). */
    s = roundtrip(VISIT(Shape), FREE(Shape),
                  "{\"kind\": \"cond\", \"radius\": 1.0}", NULL);
    g_assert_cmpint(s->kind, ==, SHAPE_KIND_COND);
    qapi_free_Shape(s);
    input_error(VISIT(Shape), "{\"kind\": \"never\"}",
                "Parameter 'kind' does not accept value 'never'");
    input_error(VISIT(Shape), "{\"kind\": \"rect\", \"width\": 1}",
                "Parameter 'height' is missing");
    input_error(VISIT(Shape), "{\"radius\": 1}",
                "Parameter 'kind' is missing");

    nb = roundtrip(VISIT(NamedBaseShape), FREE(NamedBaseShape),
                   "{\"kind\": \"rect\", \"id\": 9, \"width\": 1, "
                   "\"height\": 2, \"label\": \"l\"}", NULL);
    g_assert_cmpint(qapi_NamedBaseShape_base(nb)->id, ==, 9);
    g_assert_cmpstr(nb->u.rect.label, ==, "l");
    qapi_free_NamedBaseShape(nb);
}

static void test_nested_unions(void)
{
    Drawing *d = roundtrip(VISIT(Drawing), FREE(Drawing),
                           "{\"shapes\": [{\"kind\": \"circle\", "
                           "\"radius\": 1.0}, {\"kind\": \"empty\"}], "
                           "\"main\": {\"kind\": \"rect\", \"width\": 1, "
                           "\"height\": 1}, \"named\": {\"kind\": "
                           "\"circle\", \"id\": 1, \"radius\": 0.5}}", NULL);

    g_assert_cmpint(d->shapes->next->value->kind, ==, SHAPE_KIND_EMPTY);
    g_assert_cmpint(d->main->u.rect.width, ==, 1);
    qapi_free_Drawing(d);

    /* A failure deep inside frees everything read so far. */
    input_error(VISIT(Drawing), "{\"shapes\": [{\"kind\": \"circle\", "
                "\"radius\": 1.0}, {\"kind\": \"rect\", \"width\": \"x\"}]}",
                "Parameter 'shapes[1].width' expects integer");
}

static void test_alternates(void)
{
    Alternates *a;

    a = roundtrip(VISIT(Alternates), FREE(Alternates),
                  "{\"so\": \"text\", \"ib\": 5, \"nn\": 0.25, "
                  "\"eu\": \"red\", \"cond\": 7, \"list\": [\"x\", "
                  "{\"value\": 1}]}", NULL);
    g_assert_cmpint(a->so->type, ==, QTYPE_QSTRING);
    g_assert_cmpstr(a->so->u.s, ==, "text");
    g_assert_cmpint(a->ib->type, ==, QTYPE_QNUM);
    g_assert_cmpint(a->ib->u.i, ==, 5);
    g_assert_cmpfloat(a->nn->u.n, ==, 0.25);
    g_assert_cmpint(a->eu->type, ==, QTYPE_QSTRING);
    g_assert_cmpint(a->eu->u.e, ==, COLOR_RED);
    g_assert_cmpint(a->cond->u.i, ==, 7);
    g_assert_cmpint(a->list->next->value->type, ==, QTYPE_QDICT);
    g_assert_cmpint(a->list->next->value->u.o.value, ==, 1);
    qapi_free_Alternates(a);

    a = roundtrip(VISIT(Alternates), FREE(Alternates),
                  "{\"so\": {\"value\": 2, \"text\": \"t\"}, \"ib\": false, "
                  "\"nn\": null, \"eu\": {\"kind\": \"circle\", "
                  "\"radius\": 3.0}, \"cond\": {\"value\": 4}}", NULL);
    g_assert_cmpint(a->so->type, ==, QTYPE_QDICT);
    g_assert_cmpstr(a->so->u.o.text, ==, "t");
    g_assert_cmpint(a->ib->type, ==, QTYPE_QBOOL);
    g_assert_cmpint(a->nn->type, ==, QTYPE_QNULL);
    g_assert_cmpint(a->eu->u.u.kind, ==, SHAPE_KIND_CIRCLE);
    g_assert_cmpint(a->cond->u.o.value, ==, 4);
    qapi_free_Alternates(a);

    input_error(VISIT(Alternates), "{\"so\": 1}",
                "Parameter 'so' expects string or object");
    input_error(VISIT(Alternates), "{\"so\": \"x\", \"nn\": [1]}",
                "Parameter 'nn' expects number or null");
    input_error(VISIT(Alternates), "{\"so\": {\"value\": \"v\"}}",
                "Parameter 'so.value' expects integer");
    input_error(VISIT(Alternates), "{\"so\": \"x\", \"eu\": \"pink\"}",
                "Parameter 'eu' does not accept value 'pink'");
    /* No string branch: JSON text goes to the number branch, and fails. */
    input_error(VISIT(Alternates), "{\"so\": \"x\", \"ib\": \"5\"}",
                "Parameter 'ib' expects integer");
}

/* Keyval input has only strings: an alternate routes them by its branches. */
static void test_alternates_keyval(void)
{
    g_autoptr(QDict) in = qdict_new();
    g_autoptr(Visitor) v = NULL;
    Alternates *a = NULL;

    qdict_put_str(in, "so", "text");
    qdict_put_str(in, "ib", "42");
    qdict_put_str(in, "eu", "blue");
    v = qobject_input_visitor_new_keyval(QOBJECT(in));
    g_assert_true(visit_type_Alternates(v, NULL, &a, &error_abort));
    g_assert_cmpstr(a->so->u.s, ==, "text");
    g_assert_cmpint(a->ib->type, ==, QTYPE_QNUM);
    g_assert_cmpint(a->ib->u.i, ==, 42);
    g_assert_cmpint(a->eu->u.e, ==, COLOR_BLUE);
    qapi_free_Alternates(a);
}

static void test_policy(void)
{
    CompatPolicy reject = {
        .deprecated_input = COMPAT_POLICY_INPUT_REJECT,
        .unstable_input = COMPAT_POLICY_INPUT_REJECT,
    };
    CompatPolicy hide = {
        .deprecated_output = COMPAT_POLICY_OUTPUT_HIDE,
        .unstable_output = COMPAT_POLICY_OUTPUT_HIDE,
    };
    g_autoptr(QObject) in = NULL;
    g_autoptr(QObject) out = NULL;
    g_autoptr(GString) json = NULL;
    Visitor *v;
    FeatureMembers *fm = NULL;
    Error *err = NULL;

    in = qobject_from_json("{\"plain\": 1, \"old\": 2}", &error_abort);
    v = qobject_input_visitor_new(in);
    visit_set_policy(v, &reject);
    g_assert_false(visit_type_FeatureMembers(v, NULL, &fm, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Deprecated parameter old disabled by policy");
    g_clear_pointer(&err, error_free);
    visit_free(v);

    fm = input(VISIT(FeatureMembers), "{\"plain\": 1, \"old\": 2, "
               "\"new\": \"n\", \"both\": true}");
    v = qobject_output_visitor_new(&out);
    visit_set_policy(v, &hide);
    g_assert_true(visit_type_FeatureMembers(v, NULL, &fm, &error_abort));
    visit_complete(v, &out);
    visit_free(v);
    json = qobject_to_json(out);
    g_assert_cmpstr(json->str, ==, "{\"plain\": 1}");
    qapi_free_FeatureMembers(fm);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi-gen/types/builtins", test_builtins);
    g_test_add_func("/qapi-gen/types/optional", test_optional);
    g_test_add_func("/qapi-gen/types/lists", test_lists);
    g_test_add_func("/qapi-gen/types/list-macros", test_list_macros);
    g_test_add_func("/qapi-gen/types/struct-base", test_struct_base);
    g_test_add_func("/qapi-gen/types/struct-misc", test_struct_misc);
    g_test_add_func("/qapi-gen/types/conditional", test_conditional);
    g_test_add_func("/qapi-gen/types/enum-lookup", test_enum_lookup);
    g_test_add_func("/qapi-gen/types/union", test_union);
    g_test_add_func("/qapi-gen/types/nested-unions", test_nested_unions);
    g_test_add_func("/qapi-gen/types/alternates", test_alternates);
    g_test_add_func("/qapi-gen/types/alternates-keyval",
                    test_alternates_keyval);
    g_test_add_func("/qapi-gen/types/policy", test_policy);
    return g_test_run();
}
