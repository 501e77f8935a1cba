/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-visitor-roundtrip.c: output then input gives the same object;
 * clones are deep; failed input visits free everything they built (run
 * under valgrind by make check-valgrind).
 */
#include "osdep.h"

#include "qapi/clone-visitor.h"
#include "qapi/qobject-input-visitor.h"
#include "qapi/qobject-output-visitor.h"
#include "qobject/qjson.h"
#include "test-qapi-fixtures.h"
#include "util/error.h"

/* A TestAll with every member, optional ones too; the caller frees it. */
static TestAll *make_full(void)
{
    TestAll *all = g_new0(TestAll, 1);
    TestInner *elem;
    int i;

    all->i8 = -8;
    all->i16 = 16;
    all->i32 = INT32_MIN;
    all->i64 = INT64_MAX;
    all->u8 = 8;
    all->u16 = UINT16_MAX;
    all->u32 = 32;
    all->u64 = UINT64_MAX;
    all->sz = 4096;
    all->flag = true;
    all->num = -0.1;
    all->str = g_strdup("\xc3\xa9t\xc3\xa9");
    all->mode = TEST_MODE_OFF;
    all->has_opt = true;
    all->opt = -1;
    all->inner = g_new0(TestInner, 1);
    all->inner->size = 7;
    all->inner->name = g_strdup("inner");
    for (i = 2; i >= 0; i--) {
        elem = g_new0(TestInner, 1);
        elem->size = i;
        elem->name = g_strdup_printf("e%d", i);
        QAPI_LIST_PREPEND(all->list, elem);
    }
    QAPI_LIST_PREPEND(all->strs, g_strdup("b"));
    QAPI_LIST_PREPEND(all->strs, g_strdup("a"));
    QAPI_LIST_PREPEND(all->ints, INT64_MIN);
    all->any = qobject_from_json("{'x': [true, 1.5, 'y']}", &error_abort);
    all->alt = g_new0(TestStrOrInner, 1);
    all->alt->type = QTYPE_QDICT;
    all->alt->u.inner.size = 3;
    all->alt->u.inner.name = g_strdup("alt");
    all->alt2 = g_new0(TestNumOrFlag, 1);
    all->alt2->type = QTYPE_QNUM;
    all->alt2->u.i = -42;
    all->has_old = true;
    all->old = 1;
    all->exp = g_strdup("exp");
    return all;
}

/* @all through the output visitor. Returns a new reference. */
static QObject *to_qobject(TestAll *all)
{
    QObject *result;
    Visitor *v = qobject_output_visitor_new(&result);

    g_assert_true(visit_type_TestAll(v, NULL, &all, &error_abort));
    visit_complete(v, &result);
    visit_free(v);
    return result;
}

/* @obj through the strict input visitor. */
static TestAll *from_qobject(QObject *obj, Error **errp)
{
    Visitor *v = qobject_input_visitor_new(obj);
    TestAll *all = NULL;

    visit_type_TestAll(v, NULL, &all, errp);
    visit_free(v);
    return all;
}

static void test_output_input(void)
{
    g_autoptr(TestAll) all = make_full();
    g_autoptr(QObject) out = to_qobject(all);
    g_autoptr(TestAll) back = from_qobject(out, &error_abort);
    g_autoptr(QObject) again = to_qobject(back);

    g_assert_true(qobject_is_equal(out, again));
    g_assert_cmpint(back->i64, ==, INT64_MAX);
    g_assert_cmpuint(back->u64, ==, UINT64_MAX);
    g_assert_cmpfloat(back->num, ==, -0.1);
    g_assert_cmpstr(back->str, ==, all->str);
    g_assert_cmpint(back->ints->value, ==, INT64_MIN);
    g_assert_cmpstr(back->list->next->next->value->name, ==, "e2");
    g_assert_cmpint(back->alt2->u.i, ==, -42);
}

/* Through JSON text as well, the way QMP carries it. */
static void test_output_json_input(void)
{
    g_autoptr(TestAll) all = make_full();
    g_autoptr(QObject) out = to_qobject(all);
    g_autoptr(GString) json = qobject_to_json(out);
    g_autoptr(QObject) parsed = qobject_from_json(json->str, &error_abort);
    g_autoptr(TestAll) back = from_qobject(parsed, &error_abort);
    g_autoptr(QObject) again = to_qobject(back);

    g_assert_true(qobject_is_equal(out, again));
}

static void test_clone(void)
{
    g_autoptr(TestAll) all = make_full();
    g_autoptr(TestAll) copy = QAPI_CLONE(TestAll, all);
    g_autoptr(QObject) out = to_qobject(all);
    g_autoptr(QObject) out_copy = NULL;

    g_assert_true(copy != all);
    g_assert_true(copy->str != all->str);
    g_assert_true(copy->inner != all->inner);
    g_assert_true(copy->list != all->list);
    g_assert_true(copy->list->next->value != all->list->next->value);
    g_assert_true(copy->alt != all->alt);
    g_assert_true(copy->alt->u.inner.name != all->alt->u.inner.name);
    out_copy = to_qobject(copy);
    g_assert_true(qobject_is_equal(out, out_copy));

    /* The copy lives on its own. */
    g_free(copy->list->value->name);
    copy->list->value->name = g_strdup("changed");
    g_assert_cmpstr(all->list->value->name, ==, "e0");
    qapi_free_TestAll(g_steal_pointer(&all));
    g_assert_cmpstr(copy->inner->name, ==, "inner");

    g_assert_null(QAPI_CLONE(TestAll, NULL));
}

static void test_clone_sparse(void)
{
    g_autoptr(TestAll) all = g_new0(TestAll, 1);
    g_autoptr(TestAll) copy = NULL;
    g_autoptr(TestStrOrInner) alt = g_new0(TestStrOrInner, 1);
    g_autoptr(TestStrOrInner) alt_copy = NULL;
    g_autoptr(intList) ints = NULL;
    g_autoptr(intList) ints_copy = NULL;

    /* NULL strings stay NULL, absent optionals stay absent. */
    copy = QAPI_CLONE(TestAll, all);
    g_assert_null(copy->str);
    g_assert_null(copy->list);

    alt->type = QTYPE_QSTRING;
    alt->u.s = g_strdup("s");
    alt_copy = QAPI_CLONE(TestStrOrInner, alt);
    g_assert_cmpint(alt_copy->type, ==, QTYPE_QSTRING);
    g_assert_cmpstr(alt_copy->u.s, ==, "s");
    g_assert_true(alt_copy->u.s != alt->u.s);

    QAPI_LIST_PREPEND(ints, 2);
    QAPI_LIST_PREPEND(ints, 1);
    ints_copy = QAPI_CLONE(intList, ints);
    g_assert_cmpint(QAPI_LIST_LENGTH(ints_copy), ==, 2);
    g_assert_cmpint(ints_copy->next->value, ==, 2);
}

static void test_clone_members(void)
{
    TestInner src = { .size = 5, .name = (char *)"src" };
    TestInner dst;

    QAPI_CLONE_MEMBERS(TestInner, &dst, &src);
    g_assert_cmpint(dst.size, ==, 5);
    g_assert_cmpstr(dst.name, ==, "src");
    g_assert_true(dst.name != src.name);
    g_free(dst.name);
}

/*
 * Replace each member of a complete input in turn by a value of the wrong
 * type: every visit must fail, return NULL and leak nothing, whatever it
 * had built by then.
 */
static void test_partial_free(void)
{
    g_autoptr(TestAll) all = make_full();
    g_autoptr(QObject) good = to_qobject(all);
    QDict *good_dict = qobject_to(QDict, good);
    const QDictEntry *e;
    Error *err = NULL;
    QDict *bad;
    QObject *wrong;

    for (e = qdict_first(good_dict); e; e = qdict_next(good_dict, e)) {
        if (!strcmp(qdict_entry_key(e), "any")) {
            continue;           /* anything goes */
        }
        bad = qdict_clone_shallow(good_dict);
        /* An array is wrong for every member but the lists. */
        wrong = qobject_from_json(
            qobject_type(qdict_entry_value(e)) == QTYPE_QLIST
            ? "[[]]" : "[]", &error_abort);
        qdict_put_obj(bad, qdict_entry_key(e), wrong);
        g_assert_null(from_qobject(QOBJECT(bad), &err));
        g_assert_nonnull(err);
        error_free_or_abort(&err);
        qobject_unref(bad);
    }
}

/* Failures deep inside lists and alternates. */
static void test_partial_free_nested(void)
{
    static const char *const bad[] = {
        ("{'list': [{'size': 1, 'name': 'a'}, {'size': 2, 'name': 'b'}, "
         "{'size': 3}]}"),
        "{'list': [{'size': 1, 'name': 'a'}, {'size': 'x', 'name': 'b'}]}",
        "{'strs': ['a', 'b', 'c', null]}",
        "{'alt': {'size': 1, 'name': 'n', 'z': 0}}",
        "{'alt': {'name': 'n'}}",
        "{'inner': {'size': 1, 'name': 'n'}, 'alt2': 'x'}",
    };
    g_autoptr(TestAll) all = make_full();
    g_autoptr(QObject) good = to_qobject(all);
    Error *err = NULL;
    QDict *dict, *patch;
    const QDictEntry *e;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(bad); i++) {
        dict = qdict_clone_shallow(qobject_to(QDict, good));
        patch = qdict_from_jsonf_nofail(bad[i]);
        for (e = qdict_first(patch); e; e = qdict_next(patch, e)) {
            qdict_put_obj(dict, qdict_entry_key(e),
                          qobject_ref(qdict_entry_value(e)));
        }
        g_assert_null(from_qobject(QOBJECT(dict), &err));
        error_free_or_abort(&err);
        qobject_unref(patch);
        qobject_unref(dict);
    }
}

/* The dealloc visitor copes with whatever a half-built object holds. */
static void test_dealloc_sparse(void)
{
    TestAll *all = g_new0(TestAll, 1);
    TestInnerList *list = g_new0(TestInnerList, 1);

    list->next = g_new0(TestInnerList, 1);
    list->next->value = g_new0(TestInner, 1);
    all->list = list;
    all->strs = g_new0(strList, 1);
    all->alt = g_new0(TestStrOrInner, 1);
    all->alt->type = QTYPE_QDICT;
    qapi_free_TestAll(all);
    qapi_free_TestAll(NULL);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi/roundtrip/output-input", test_output_input);
    g_test_add_func("/qapi/roundtrip/output-json-input",
                    test_output_json_input);
    g_test_add_func("/qapi/roundtrip/clone", test_clone);
    g_test_add_func("/qapi/roundtrip/clone-sparse", test_clone_sparse);
    g_test_add_func("/qapi/roundtrip/clone-members", test_clone_members);
    g_test_add_func("/qapi/roundtrip/partial-free", test_partial_free);
    g_test_add_func("/qapi/roundtrip/partial-free-nested",
                    test_partial_free_nested);
    g_test_add_func("/qapi/roundtrip/dealloc-sparse", test_dealloc_sparse);
    return g_test_run();
}
