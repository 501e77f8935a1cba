/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-qobject-types.c: QObject types, reference counting, equality, literals. */
#include "osdep.h"

#include <math.h>

#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qlit.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"

static void test_null(void)
{
    QNull *a = qnull();
    QNull *b = qnull();

    g_assert_true(a == b);
    g_assert_cmpint(qobject_type(QOBJECT(a)), ==, QTYPE_QNULL);
    g_assert_true(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
    qobject_unref(a);
    qobject_unref(b);
    /* The singleton survives any number of balanced ref/unref pairs. */
    g_assert_cmpint(qnull_singleton.base.refcnt, ==, 1);
}

static void test_bool(void)
{
    g_autoptr(QBool) t = qbool_from_bool(true);
    g_autoptr(QBool) f = qbool_from_bool(false);
    g_autoptr(QBool) t2 = qbool_from_bool(true);

    g_assert_true(qbool_get_bool(t));
    g_assert_false(qbool_get_bool(f));
    g_assert_true(qobject_is_equal(QOBJECT(t), QOBJECT(t2)));
    g_assert_false(qobject_is_equal(QOBJECT(t), QOBJECT(f)));
}

static void test_num_int(void)
{
    g_autoptr(QNum) min = qnum_from_int(INT64_MIN);
    g_autoptr(QNum) neg = qnum_from_int(-1);
    uint64_t u;
    int64_t i;
    g_autofree char *s = qnum_to_string(min);

    g_assert_cmpint(qnum_get_int(min), ==, INT64_MIN);
    g_assert_cmpstr(s, ==, "-9223372036854775808");
    g_assert_false(qnum_get_try_uint(neg, &u));
    g_assert_true(qnum_get_try_int(neg, &i));
    g_assert_cmpint(i, ==, -1);
    g_assert_cmpfloat(qnum_get_double(neg), ==, -1.0);
}

static void test_num_uint(void)
{
    g_autoptr(QNum) max = qnum_from_uint(UINT64_MAX);
    g_autoptr(QNum) small = qnum_from_uint(42);
    g_autofree char *s = qnum_to_string(max);
    int64_t i = 7;

    g_assert_cmpuint(qnum_get_uint(max), ==, UINT64_MAX);
    g_assert_cmpstr(s, ==, "18446744073709551615");
    /* Above INT64_MAX it does not fit an int64; *val is untouched. */
    g_assert_false(qnum_get_try_int(max, &i));
    g_assert_cmpint(i, ==, 7);
    g_assert_cmpint(qnum_get_int(small), ==, 42);
}

static void test_num_double(void)
{
    static const struct {
        double value;
        const char *text;
    } cases[] = {
        { 1.0, "1.0" },
        { -0.5, "-0.5" },
        { 0.1, "0.1" },
        { 100.0, "100.0" },
        { 0.001, "0.001" },
        { 1e-7, "0.0000001" },
        { 1.5e-8, "1.5e-08" },
        { 1e20, "100000000000000000000.0" },
        { 1e21, "1e+21" },
        { 1e300, "1e+300" },
        { -1234.5678, "-1234.5678" },
        { 123456789012345680.0, "123456789012345680.0" },
        { 0.1 + 0.2, "0.30000000000000004" },
        { 18446744073709551616.0, "18446744073709552000.0" },
        { -0.0, "-0.0" },
        { 0.0, "0.0" },
        { 1.5, "1.5" },
        { 5e-324, "5e-324" },
        { 1.7976931348623157e308, "1.7976931348623157e+308" },
    };
    size_t i;
    int64_t iv;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(QNum) qn = qnum_from_double(cases[i].value);
        g_autofree char *s = qnum_to_string(qn);

        g_assert_cmpstr(s, ==, cases[i].text);
        /* Exact: the text reads back to the same bits. */
        g_assert_true(g_ascii_strtod(s, NULL) == cases[i].value);
        g_assert_false(qnum_get_try_int(qn, &iv));
    }
}

static void test_num_nonfinite(void)
{
    g_autoptr(QNum) inf = qnum_from_double(INFINITY);
    g_autoptr(QNum) nan1 = qnum_from_double(NAN);
    g_autofree char *s = qnum_to_string(inf);

    g_assert_cmpstr(s, ==, "null");
    g_assert_false(qobject_is_equal(QOBJECT(nan1), QOBJECT(nan1)));
}

static void test_num_equal(void)
{
    g_autoptr(QNum) i5 = qnum_from_int(5);
    g_autoptr(QNum) u5 = qnum_from_uint(5);
    g_autoptr(QNum) d5 = qnum_from_double(5.0);
    g_autoptr(QNum) im1 = qnum_from_int(-1);
    g_autoptr(QNum) umax = qnum_from_uint(UINT64_MAX);

    /* Integers compare by value whatever their kind ... */
    g_assert_true(qobject_is_equal(QOBJECT(i5), QOBJECT(u5)));
    g_assert_true(qobject_is_equal(QOBJECT(u5), QOBJECT(i5)));
    /* ... -1 and 2^64-1 share bits but not value ... */
    g_assert_false(qobject_is_equal(QOBJECT(im1), QOBJECT(umax)));
    g_assert_false(qobject_is_equal(QOBJECT(umax), QOBJECT(im1)));
    /* ... and a double never equals an integer. */
    g_assert_false(qobject_is_equal(QOBJECT(i5), QOBJECT(d5)));
}

static void test_string(void)
{
    g_autoptr(QString) a = qstring_from_str("hello");
    g_autoptr(QString) b = qstring_from_substr("say hello!", 4, 9);
    g_autoptr(QString) e = qstring_new();
    GString *gs = g_string_new("built");
    g_autoptr(QString) c = NULL;

    g_string_append(gs, " up");
    c = qstring_from_gstring(gs);
    g_assert_cmpstr(qstring_get_str(b), ==, "hello");
    g_assert_cmpuint(qstring_get_length(b), ==, 5);
    g_assert_true(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
    g_assert_cmpstr(qstring_get_str(e), ==, "");
    g_assert_cmpstr(qstring_get_str(c), ==, "built up");
    g_assert_cmpuint(qstring_get_length(c), ==, 8);
}

static void test_list(void)
{
    g_autoptr(QList) l = qlist_new();
    g_autoptr(QList) copy = NULL;
    const QListEntry *e;
    QObject *popped;
    int64_t expect = 0;

    g_assert_true(qlist_empty(l));
    g_assert_null(qlist_peek(l));
    g_assert_null(qlist_pop(l));
    for (int i = 0; i < 5; i++) {
        qlist_append_int(l, i);
    }
    g_assert_cmpuint(qlist_size(l), ==, 5);
    for (e = qlist_first(l); e; e = qlist_next(e)) {
        g_assert_cmpint(qnum_get_int(qobject_to(QNum, qlist_entry_obj(e))),
                        ==, expect++);
    }
    copy = qlist_copy(l);
    g_assert_true(qobject_is_equal(QOBJECT(l), QOBJECT(copy)));

    popped = qlist_pop(l);
    g_assert_cmpint(qnum_get_int(qobject_to(QNum, popped)), ==, 0);
    qobject_unref(popped);
    g_assert_cmpuint(qlist_size(l), ==, 4);
    g_assert_false(qobject_is_equal(QOBJECT(l), QOBJECT(copy)));

    /* Drain to empty, then append again: the tail pointer must be reset. */
    while ((popped = qlist_pop(l))) {
        qobject_unref(popped);
    }
    qlist_append_str(l, "again");
    qlist_append_bool(l, true);
    qlist_append_null(l);
    g_assert_cmpuint(qlist_size(l), ==, 3);
    g_assert_cmpstr(qstring_get_str(qobject_to(QString, qlist_peek(l))),
                    ==, "again");
}

static void test_list_order_matters(void)
{
    g_autoptr(QList) a = qlist_new();
    g_autoptr(QList) b = qlist_new();

    qlist_append_int(a, 1);
    qlist_append_int(a, 2);
    qlist_append_int(b, 2);
    qlist_append_int(b, 1);
    g_assert_false(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
}

static void test_dict_order(void)
{
    static const char *const keys[] = { "zeta", "alpha", "mid", "beta" };
    g_autoptr(QDict) d = qdict_new();
    const QDictEntry *e;
    size_t i = 0;

    for (i = 0; i < G_N_ELEMENTS(keys); i++) {
        qdict_put_int(d, keys[i], i);
    }
    /* Replacing a value keeps the key where it was. */
    qdict_put_str(d, "alpha", "replaced");
    i = 0;
    for (e = qdict_first(d); e; e = qdict_next(d, e)) {
        g_assert_cmpstr(qdict_entry_key(e), ==, keys[i++]);
    }
    g_assert_cmpuint(i, ==, 4);
    g_assert_cmpstr(qdict_get_str(d, "alpha"), ==, "replaced");

    /* Deleting from the middle, the head and the tail keeps the rest. */
    qdict_del(d, "mid");
    qdict_del(d, "zeta");
    qdict_del(d, "beta");
    qdict_del(d, "absent");
    e = qdict_first(d);
    g_assert_cmpstr(qdict_entry_key(e), ==, "alpha");
    g_assert_null(qdict_next(d, e));
    g_assert_cmpuint(qdict_size(d), ==, 1);

    /* And appending after that lands at the end. */
    qdict_put_null(d, "omega");
    e = qdict_next(d, qdict_first(d));
    g_assert_cmpstr(qdict_entry_key(e), ==, "omega");
}

static void test_dict_getters(void)
{
    g_autoptr(QDict) d = qdict_new();
    g_autoptr(QObject) stolen = NULL;

    qdict_put_int(d, "int", -7);
    qdict_put_bool(d, "bool", true);
    qdict_put_str(d, "str", "text");
    qdict_put(d, "dbl", qnum_from_double(2.5));
    qdict_put(d, "big", qnum_from_uint(UINT64_MAX));
    qdict_put(d, "dict", qdict_new());
    qdict_put(d, "list", qlist_new());

    g_assert_cmpint(qdict_get_int(d, "int"), ==, -7);
    g_assert_true(qdict_get_bool(d, "bool"));
    g_assert_cmpstr(qdict_get_str(d, "str"), ==, "text");
    g_assert_cmpfloat(qdict_get_double(d, "dbl"), ==, 2.5);
    g_assert_cmpfloat(qdict_get_double(d, "int"), ==, -7.0);

    g_assert_cmpint(qdict_get_try_int(d, "int", 0), ==, -7);
    g_assert_cmpint(qdict_get_try_int(d, "missing", 99), ==, 99);
    g_assert_cmpint(qdict_get_try_int(d, "str", 99), ==, 99);
    g_assert_cmpint(qdict_get_try_int(d, "big", 99), ==, 99);
    g_assert_cmpint(qdict_get_try_int(d, "dbl", 99), ==, 99);
    g_assert_true(qdict_get_try_bool(d, "bool", false));
    g_assert_true(qdict_get_try_bool(d, "int", true));
    g_assert_null(qdict_get_try_str(d, "int"));
    g_assert_cmpstr(qdict_get_try_str(d, "str"), ==, "text");
    g_assert_nonnull(qdict_get_qdict(d, "dict"));
    g_assert_null(qdict_get_qdict(d, "list"));
    g_assert_nonnull(qdict_get_qlist(d, "list"));
    g_assert_null(qdict_get_qlist(d, "missing"));
    g_assert_true(qdict_haskey(d, "dict"));
    g_assert_false(qdict_haskey(d, "Dict"));

    stolen = qdict_steal(d, "str");
    g_assert_cmpstr(qstring_get_str(qobject_to(QString, stolen)), ==, "text");
    g_assert_false(qdict_haskey(d, "str"));
    g_assert_null(qdict_steal(d, "str"));
}

static void test_dict_equal(void)
{
    g_autoptr(QDict) a = qdict_new();
    g_autoptr(QDict) b = qdict_new();
    g_autoptr(QDict) c = NULL;

    qdict_put_int(a, "x", 1);
    qdict_put_str(a, "y", "2");
    /* Same members, other order: equal. */
    qdict_put_str(b, "y", "2");
    qdict_put_int(b, "x", 1);
    g_assert_true(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
    c = qdict_clone_shallow(a);
    g_assert_true(qobject_is_equal(QOBJECT(a), QOBJECT(c)));
    qdict_put_int(c, "x", 2);
    g_assert_false(qobject_is_equal(QOBJECT(a), QOBJECT(c)));
    /* The clone shares values, not the dict. */
    g_assert_cmpint(qdict_get_int(a, "x"), ==, 1);
    qdict_del(c, "x");
    qdict_put_int(c, "z", 1);
    g_assert_false(qobject_is_equal(QOBJECT(a), QOBJECT(c)));
}

static void test_refcount(void)
{
    QDict *d = qdict_new();
    QList *l = qlist_new();
    QDict *inner;

    qlist_append_int(l, 1);
    /* The dict takes over the creator's reference to the list. */
    qdict_put(d, "list", l);
    inner = qobject_ref(d);
    g_assert_cmpint(QOBJECT(d)->base.refcnt, ==, 2);
    qobject_unref(inner);
    g_assert_cmpint(QOBJECT(d)->base.refcnt, ==, 1);
    /* Keep the list beyond the dict. */
    qobject_ref(l);
    qobject_unref(d);
    g_assert_cmpuint(qlist_size(l), ==, 1);
    qobject_unref(l);
}

static void test_checked_cast(void)
{
    g_autoptr(QObject) obj = QOBJECT(qstring_from_str("s"));

    g_assert_nonnull(qobject_to(QString, obj));
    g_assert_null(qobject_to(QNum, obj));
    g_assert_null(qobject_to(QDict, NULL));
    g_assert_cmpstr(qtype_name(qobject_type(obj)), ==, "qstring");
    g_assert_cmpstr(qtype_name(QTYPE_QNULL), ==, "qnull");
    g_assert_true(qobject_is_equal(NULL, NULL));
    g_assert_false(qobject_is_equal(obj, NULL));
}

static const QLitObject qlit_sample = QLIT_QDICT(((const QLitDictEntry[]) {
    { "name", QLIT_QSTR("vm1") },
    { "running", QLIT_QBOOL(true) },
    { "pid", QLIT_QNULL },
    { "cpus", QLIT_QLIST(((const QLitObject[]) {
        QLIT_QNUM(0), QLIT_QNUM(-1), QLIT_QNUM_UINT(UINT64_MAX),
        QLIT_QNUM_DOUBLE(0.5), { }
    })) },
    { }
}));

static QDict *make_sample(void)
{
    QDict *d = qdict_new();
    QList *cpus = qlist_new();

    qdict_put_str(d, "name", "vm1");
    qdict_put_bool(d, "running", true);
    qdict_put_null(d, "pid");
    qlist_append_int(cpus, 0);
    qlist_append_int(cpus, -1);
    qlist_append(cpus, qnum_from_uint(UINT64_MAX));
    qlist_append(cpus, qnum_from_double(0.5));
    qdict_put(d, "cpus", cpus);
    return d;
}

static void test_qlit(void)
{
    g_autoptr(QDict) d = make_sample();
    g_autoptr(QObject) built = qobject_from_qlit(&qlit_sample);
    QList *cpus;

    g_assert_true(qlit_equal_qobject(&qlit_sample, QOBJECT(d)));
    g_assert_true(qobject_is_equal(built, QOBJECT(d)));

    /* A missing, extra or changed member each breaks equality. */
    qdict_put_int(d, "extra", 1);
    g_assert_false(qlit_equal_qobject(&qlit_sample, QOBJECT(d)));
    qdict_del(d, "extra");
    qdict_del(d, "pid");
    g_assert_false(qlit_equal_qobject(&qlit_sample, QOBJECT(d)));
    qdict_put_null(d, "pid");
    g_assert_true(qlit_equal_qobject(&qlit_sample, QOBJECT(d)));
    cpus = qdict_get_qlist(d, "cpus");
    qlist_append_int(cpus, 3);
    g_assert_false(qlit_equal_qobject(&qlit_sample, QOBJECT(d)));
    g_assert_false(qlit_equal_qobject(&qlit_sample, NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qobject/types/null", test_null);
    g_test_add_func("/qobject/types/bool", test_bool);
    g_test_add_func("/qobject/types/num-int", test_num_int);
    g_test_add_func("/qobject/types/num-uint", test_num_uint);
    g_test_add_func("/qobject/types/num-double", test_num_double);
    g_test_add_func("/qobject/types/num-nonfinite", test_num_nonfinite);
    g_test_add_func("/qobject/types/num-equal", test_num_equal);
    g_test_add_func("/qobject/types/string", test_string);
    g_test_add_func("/qobject/types/list", test_list);
    g_test_add_func("/qobject/types/list-order", test_list_order_matters);
    g_test_add_func("/qobject/types/dict-order", test_dict_order);
    g_test_add_func("/qobject/types/dict-getters", test_dict_getters);
    g_test_add_func("/qobject/types/dict-equal", test_dict_equal);
    g_test_add_func("/qobject/types/refcount", test_refcount);
    g_test_add_func("/qobject/types/checked-cast", test_checked_cast);
    g_test_add_func("/qobject/types/qlit", test_qlit);
    return g_test_run();
}
