/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-fixtures.h: QAPI types written by hand exactly as the
 * generator emits them (types, lookup tables, visit_type_*() and
 * qapi_free_*()), for the visitor and dispatch tests. For test programs
 * only; everything is static inline so each test uses what it needs.
 *
 * The schema they stand for:
 *   { 'enum': 'TestMode', 'data': [ 'off', 'on', 'auto',
 *     { 'name': 'legacy', 'features': [ 'deprecated' ] },
 *     { 'name': 'x-new', 'features': [ 'unstable' ] } ] }
 *   { 'struct': 'TestInner', 'data': { 'size': 'int', 'name': 'str' } }
 *   { 'alternate': 'TestStrOrInner',
 *     'data': { 's': 'str', 'inner': 'TestInner' } }
 *   { 'alternate': 'TestNumOrFlag',
 *     'data': { 'i': 'int', 'b': 'bool', 'n': 'null' } }
 *   { 'struct': 'TestAll', 'data': {
 *     'i8': 'int8', 'i16': 'int16', 'i32': 'int32', 'i64': 'int',
 *     'u8': 'uint8', 'u16': 'uint16', 'u32': 'uint32', 'u64': 'uint64',
 *     'sz': 'size', 'flag': 'bool', 'num': 'number', 'str': 'str',
 *     'mode': 'TestMode', '*opt': 'int', '*inner': 'TestInner',
 *     '*list': ['TestInner'], '*strs': ['str'], '*ints': ['int'],
 *     '*any': 'any', '*alt': 'TestStrOrInner', '*alt2': 'TestNumOrFlag',
 *     '*old': { 'type': 'int', 'features': [ 'deprecated' ] },
 *     '*exp': { 'type': 'str', 'features': [ 'unstable' ] } } }
 */
#ifndef TESTS_TEST_QAPI_FIXTURES_H
#define TESTS_TEST_QAPI_FIXTURES_H

#include "qapi/dealloc-visitor.h"
#include "qapi/util.h"
#include "qapi/visitor.h"
#include "qobject/qnull.h"
#include "util/error.h"

/* Types */

typedef enum TestMode {
    TEST_MODE_OFF,
    TEST_MODE_ON,
    TEST_MODE_AUTO,
    TEST_MODE_LEGACY,
    TEST_MODE_X_NEW,
    TEST_MODE__MAX,
} TestMode;

static const char *const TestMode_names[] = {
    [TEST_MODE_OFF] = "off",
    [TEST_MODE_ON] = "on",
    [TEST_MODE_AUTO] = "auto",
    [TEST_MODE_LEGACY] = "legacy",
    [TEST_MODE_X_NEW] = "x-new",
};

static const unsigned char TestMode_features[] = {
    [TEST_MODE_LEGACY] = 1u << QAPI_DEPRECATED,
    [TEST_MODE_X_NEW] = 1u << QAPI_UNSTABLE,
};

static const QEnumLookup TestMode_lookup = {
    .array = TestMode_names,
    .special_features = TestMode_features,
    .size = TEST_MODE__MAX,
};

typedef struct TestInner {
    int64_t size;
    char *name;
} TestInner;

typedef struct TestInnerList {
    struct TestInnerList *next;
    TestInner *value;
} TestInnerList;

typedef struct strList {
    struct strList *next;
    char *value;
} strList;

typedef struct intList {
    struct intList *next;
    int64_t value;
} intList;

typedef struct uint8List {
    struct uint8List *next;
    uint8_t value;
} uint8List;

typedef struct TestStrOrInner {
    QType type;
    union {
        char *s;
        TestInner inner;
    } u;
} TestStrOrInner;

typedef struct TestNumOrFlag {
    QType type;
    union {
        int64_t i;
        bool b;
        QNull *n;
    } u;
} TestNumOrFlag;

typedef struct TestAll {
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    uint64_t sz;
    bool flag;
    double num;
    char *str;
    TestMode mode;
    bool has_opt;
    int64_t opt;
    TestInner *inner;
    TestInnerList *list;
    strList *strs;
    intList *ints;
    QObject *any;
    TestStrOrInner *alt;
    TestNumOrFlag *alt2;
    bool has_old;
    int64_t old;
    char *exp;
} TestAll;

/* Free functions (the dealloc visitor over the visit functions below) */

static inline bool visit_type_TestInner(Visitor *v, const char *name,
                                        TestInner **obj, Error **errp);
static inline bool visit_type_TestAll(Visitor *v, const char *name,
                                      TestAll **obj, Error **errp);
static inline bool visit_type_TestInnerList(Visitor *v, const char *name,
                                            TestInnerList **obj,
                                            Error **errp);
static inline bool visit_type_strList(Visitor *v, const char *name,
                                      strList **obj, Error **errp);
static inline bool visit_type_intList(Visitor *v, const char *name,
                                      intList **obj, Error **errp);
static inline bool visit_type_uint8List(Visitor *v, const char *name,
                                        uint8List **obj, Error **errp);
static inline bool visit_type_TestStrOrInner(Visitor *v, const char *name,
                                             TestStrOrInner **obj,
                                             Error **errp);
static inline bool visit_type_TestNumOrFlag(Visitor *v, const char *name,
                                            TestNumOrFlag **obj,
                                            Error **errp);

#define DEFINE_QAPI_FREE(Type)                                  \
    static inline void qapi_free_##Type(Type *obj)              \
    {                                                           \
        Visitor *v;                                             \
                                                                \
        if (!obj) {                                             \
            return;                                             \
        }                                                       \
        v = qapi_dealloc_visitor_new();                         \
        visit_type_##Type(v, NULL, &obj, NULL);                 \
        visit_free(v);                                          \
    }                                                           \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(Type, qapi_free_##Type)

DEFINE_QAPI_FREE(TestInner)
DEFINE_QAPI_FREE(TestAll)
DEFINE_QAPI_FREE(TestInnerList)
DEFINE_QAPI_FREE(strList)
DEFINE_QAPI_FREE(intList)
DEFINE_QAPI_FREE(uint8List)
DEFINE_QAPI_FREE(TestStrOrInner)
DEFINE_QAPI_FREE(TestNumOrFlag)

/* Visit functions */

static inline bool visit_type_TestMode(Visitor *v, const char *name,
                                       TestMode *obj, Error **errp)
{
    int value = *obj;
    bool ok = visit_type_enum(v, name, &value, &TestMode_lookup, errp);

    *obj = value;
    return ok;
}

static inline bool visit_type_TestInner_members(Visitor *v, TestInner *obj,
                                                Error **errp)
{
    if (!visit_type_int(v, "size", &obj->size, errp)) {
        return false;
    }
    if (!visit_type_str(v, "name", &obj->name, errp)) {
        return false;
    }
    return true;
}

static inline bool visit_type_TestInner(Visitor *v, const char *name,
                                        TestInner **obj, Error **errp)
{
    bool ok = false;

    if (!visit_start_struct(v, name, (void **)obj, sizeof(TestInner),
                            errp)) {
        return false;
    }
    if (!*obj) {
        /* incomplete */
        g_assert(visit_is_dealloc(v));
        ok = true;
        goto out_obj;
    }
    if (!visit_type_TestInner_members(v, *obj, errp)) {
        goto out_obj;
    }
    ok = visit_check_struct(v, errp);
out_obj:
    visit_end_struct(v, (void **)obj);
    if (!ok && visit_is_input(v)) {
        qapi_free_TestInner(*obj);
        *obj = NULL;
    }
    return ok;
}

/* The shape of every generated visit_type_FooList(). */
#define DEFINE_VISIT_LIST(List, visit_elem)                                 \
    static inline bool visit_type_##List(Visitor *v, const char *name,     \
                                         List **obj, Error **errp)         \
    {                                                                       \
        bool ok = false;                                                    \
        List *tail;                                                         \
        size_t size = sizeof(**obj);                                        \
                                                                            \
        if (!visit_start_list(v, name, (GenericList **)obj, size, errp)) { \
            return false;                                                   \
        }                                                                   \
        for (tail = *obj; tail;                                             \
             tail = (List *)visit_next_list(v, (GenericList *)tail,        \
                                            size)) {                       \
            if (!visit_elem(v, NULL, &tail->value, errp)) {                 \
                goto out_obj;                                               \
            }                                                               \
        }                                                                   \
        ok = visit_check_list(v, errp);                                     \
    out_obj:                                                                \
        visit_end_list(v, (void **)obj);                                    \
        if (!ok && visit_is_input(v)) {                                     \
            qapi_free_##List(*obj);                                         \
            *obj = NULL;                                                    \
        }                                                                   \
        return ok;                                                          \
    }

DEFINE_VISIT_LIST(TestInnerList, visit_type_TestInner)
DEFINE_VISIT_LIST(strList, visit_type_str)
DEFINE_VISIT_LIST(intList, visit_type_int)
DEFINE_VISIT_LIST(uint8List, visit_type_uint8)

static inline bool visit_type_TestStrOrInner(Visitor *v, const char *name,
                                             TestStrOrInner **obj,
                                             Error **errp)
{
    bool ok = false;

    if (!visit_start_alternate(v, name, (GenericAlternate **)obj,
                               sizeof(**obj), errp)) {
        return false;
    }
    if (!*obj) {
        /* incomplete */
        g_assert(visit_is_dealloc(v));
        ok = true;
        goto out_obj;
    }
    switch ((*obj)->type) {
    case QTYPE_QSTRING:
        ok = visit_type_str(v, name, &(*obj)->u.s, errp);
        break;
    case QTYPE_QDICT:
        if (!visit_start_struct(v, name, NULL, 0, errp)) {
            break;
        }
        if (visit_type_TestInner_members(v, &(*obj)->u.inner, errp)) {
            ok = visit_check_struct(v, errp);
        }
        visit_end_struct(v, NULL);
        break;
    case QTYPE_NONE:
        g_assert_not_reached();
    default: {
        g_autofree char *path = visit_member_path(v, name);

        g_assert(visit_is_input(v));
        error_setg(errp, "Parameter '%s' expects %s", path,
                   "string or object");
        /* Avoid passing invalid *obj to qapi_free_TestStrOrInner() */
        g_free(*obj);
        *obj = NULL;
        break;
    }
    }
out_obj:
    visit_end_alternate(v, (void **)obj);
    if (!ok && visit_is_input(v)) {
        qapi_free_TestStrOrInner(*obj);
        *obj = NULL;
    }
    return ok;
}

/*
 * An alternate without a string or enum branch: a QTYPE_QSTRING value
 * (text from keyval or string input) goes to the number branch, or to the
 * boolean branch when there is no number branch, the rule
 * docs/devel/visitors.md gives for generated code.
 */
static inline bool visit_type_TestNumOrFlag(Visitor *v, const char *name,
                                            TestNumOrFlag **obj,
                                            Error **errp)
{
    bool ok = false;

    if (!visit_start_alternate(v, name, (GenericAlternate **)obj,
                               sizeof(**obj), errp)) {
        return false;
    }
    if (!*obj) {
        /* incomplete */
        g_assert(visit_is_dealloc(v));
        ok = true;
        goto out_obj;
    }
    switch ((*obj)->type) {
    case QTYPE_QSTRING:
        (*obj)->type = QTYPE_QNUM;
        ok = visit_type_int(v, name, &(*obj)->u.i, errp);
        break;
    case QTYPE_QNUM:
        ok = visit_type_int(v, name, &(*obj)->u.i, errp);
        break;
    case QTYPE_QBOOL:
        ok = visit_type_bool(v, name, &(*obj)->u.b, errp);
        break;
    case QTYPE_QNULL:
        ok = visit_type_null(v, name, &(*obj)->u.n, errp);
        break;
    case QTYPE_NONE:
        g_assert_not_reached();
    default: {
        g_autofree char *path = visit_member_path(v, name);

        g_assert(visit_is_input(v));
        error_setg(errp, "Parameter '%s' expects %s", path,
                   "integer, boolean or null");
        g_free(*obj);
        *obj = NULL;
        break;
    }
    }
out_obj:
    visit_end_alternate(v, (void **)obj);
    if (!ok && visit_is_input(v)) {
        qapi_free_TestNumOrFlag(*obj);
        *obj = NULL;
    }
    return ok;
}

static inline bool visit_type_TestAll_members(Visitor *v, TestAll *obj,
                                              Error **errp)
{
    bool has_inner = !!obj->inner, has_list = !!obj->list;
    bool has_strs = !!obj->strs, has_ints = !!obj->ints;
    bool has_any = !!obj->any, has_alt = !!obj->alt, has_alt2 = !!obj->alt2;
    bool has_exp = !!obj->exp;

    if (!visit_type_int8(v, "i8", &obj->i8, errp)
        || !visit_type_int16(v, "i16", &obj->i16, errp)
        || !visit_type_int32(v, "i32", &obj->i32, errp)
        || !visit_type_int(v, "i64", &obj->i64, errp)
        || !visit_type_uint8(v, "u8", &obj->u8, errp)
        || !visit_type_uint16(v, "u16", &obj->u16, errp)
        || !visit_type_uint32(v, "u32", &obj->u32, errp)
        || !visit_type_uint64(v, "u64", &obj->u64, errp)
        || !visit_type_size(v, "sz", &obj->sz, errp)
        || !visit_type_bool(v, "flag", &obj->flag, errp)
        || !visit_type_number(v, "num", &obj->num, errp)
        || !visit_type_str(v, "str", &obj->str, errp)
        || !visit_type_TestMode(v, "mode", &obj->mode, errp)) {
        return false;
    }
    if (visit_optional(v, "opt", &obj->has_opt)) {
        if (!visit_type_int(v, "opt", &obj->opt, errp)) {
            return false;
        }
    }
    if (visit_optional(v, "inner", &has_inner)) {
        if (!visit_type_TestInner(v, "inner", &obj->inner, errp)) {
            return false;
        }
    }
    if (visit_optional(v, "list", &has_list)) {
        if (!visit_type_TestInnerList(v, "list", &obj->list, errp)) {
            return false;
        }
    }
    if (visit_optional(v, "strs", &has_strs)) {
        if (!visit_type_strList(v, "strs", &obj->strs, errp)) {
            return false;
        }
    }
    if (visit_optional(v, "ints", &has_ints)) {
        if (!visit_type_intList(v, "ints", &obj->ints, errp)) {
            return false;
        }
    }
    if (visit_optional(v, "any", &has_any)) {
        if (!visit_type_any(v, "any", &obj->any, errp)) {
            return false;
        }
    }
    if (visit_optional(v, "alt", &has_alt)) {
        if (!visit_type_TestStrOrInner(v, "alt", &obj->alt, errp)) {
            return false;
        }
    }
    if (visit_optional(v, "alt2", &has_alt2)) {
        if (!visit_type_TestNumOrFlag(v, "alt2", &obj->alt2, errp)) {
            return false;
        }
    }
    if (visit_optional(v, "old", &obj->has_old)) {
        if (visit_policy_reject(v, "old", 1u << QAPI_DEPRECATED, errp)) {
            return false;
        }
        if (!visit_policy_skip(v, "old", 1u << QAPI_DEPRECATED)) {
            if (!visit_type_int(v, "old", &obj->old, errp)) {
                return false;
            }
        }
    }
    if (visit_optional(v, "exp", &has_exp)) {
        if (visit_policy_reject(v, "exp", 1u << QAPI_UNSTABLE, errp)) {
            return false;
        }
        if (!visit_policy_skip(v, "exp", 1u << QAPI_UNSTABLE)) {
            if (!visit_type_str(v, "exp", &obj->exp, errp)) {
                return false;
            }
        }
    }
    return true;
}

static inline bool visit_type_TestAll(Visitor *v, const char *name,
                                      TestAll **obj, Error **errp)
{
    bool ok = false;

    if (!visit_start_struct(v, name, (void **)obj, sizeof(TestAll), errp)) {
        return false;
    }
    if (!*obj) {
        /* incomplete */
        g_assert(visit_is_dealloc(v));
        ok = true;
        goto out_obj;
    }
    if (!visit_type_TestAll_members(v, *obj, errp)) {
        goto out_obj;
    }
    ok = visit_check_struct(v, errp);
out_obj:
    visit_end_struct(v, (void **)obj);
    if (!ok && visit_is_input(v)) {
        qapi_free_TestAll(*obj);
        *obj = NULL;
    }
    return ok;
}

#endif /* TESTS_TEST_QAPI_FIXTURES_H */
