/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qobject.c: reference counting, type checks and equality for all QObjects. */
#include "osdep.h"

#include "qobject/qobject.h"
#include "qobject-internal.h"

static const char *const qtype_names[QTYPE_MAX] = {
    [QTYPE_NONE] = "none",
    [QTYPE_QNULL] = "qnull",
    [QTYPE_QNUM] = "qnum",
    [QTYPE_QSTRING] = "qstring",
    [QTYPE_QDICT] = "qdict",
    [QTYPE_QLIST] = "qlist",
    [QTYPE_QBOOL] = "qbool",
};

const char *qtype_name(QType type)
{
    g_assert(type < QTYPE_MAX);
    return qtype_names[type];
}

void qobject_init(QObject *obj, QType type)
{
    g_assert(QTYPE_NONE < type && type < QTYPE_MAX);
    obj->base.type = type;
    obj->base.refcnt = 1;
}

void qobject_ref_impl(QObject *obj)
{
    if (obj) {
        g_atomic_int_inc(&obj->base.refcnt);
    }
}

static void qobject_destroy(QObject *obj)
{
    switch (obj->base.type) {
    case QTYPE_QNUM:
        qnum_destroy_obj(obj);
        break;
    case QTYPE_QBOOL:
        qbool_destroy_obj(obj);
        break;
    case QTYPE_QSTRING:
        qstring_destroy_obj(obj);
        break;
    case QTYPE_QLIST:
        qlist_destroy_obj(obj);
        break;
    case QTYPE_QDICT:
        qdict_destroy_obj(obj);
        break;
    case QTYPE_QNULL:
    case QTYPE_NONE:
    case QTYPE_MAX:
        /* The null singleton is static and its count never reaches zero. */
        g_assert_not_reached();
    }
}

void qobject_unref_impl(QObject *obj)
{
    if (!obj) {
        return;
    }
    g_assert(obj->base.refcnt > 0);
    if (g_atomic_int_dec_and_test(&obj->base.refcnt)) {
        qobject_destroy(obj);
    }
}

QObject *qobject_check_type(const QObject *obj, QType type)
{
    if (obj && obj->base.type == type) {
        return (QObject *)obj;
    }
    return NULL;
}

bool qobject_is_equal(const QObject *x, const QObject *y)
{
    if (x == y) {
        /* Same object, or both NULL; a NaN is not equal even to itself. */
        return !x || x->base.type != QTYPE_QNUM || qnum_is_equal(x, y);
    }
    if (!x || !y || x->base.type != y->base.type) {
        return false;
    }
    switch (x->base.type) {
    case QTYPE_QNULL:
        return true;
    case QTYPE_QNUM:
        return qnum_is_equal(x, y);
    case QTYPE_QBOOL:
        return qbool_is_equal(x, y);
    case QTYPE_QSTRING:
        return qstring_is_equal(x, y);
    case QTYPE_QLIST:
        return qlist_is_equal(x, y);
    case QTYPE_QDICT:
        return qdict_is_equal(x, y);
    case QTYPE_NONE:
    case QTYPE_MAX:
        break;
    }
    g_assert_not_reached();
}
