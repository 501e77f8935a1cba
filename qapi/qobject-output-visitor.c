/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qobject-output-visitor.c: build a QObject tree from C objects. */
#include "osdep.h"

#include "qapi/compat-policy.h"
#include "qapi/qobject-output-visitor.h"
#include "qapi/visitor-impl.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"

typedef struct QObjectOutputVisitor {
    Visitor visitor;
    QObject *root;              /* strong reference, once the walk began */
    GPtrArray *stack;           /* borrowed QDict/QList being filled */
    QObject **result;           /* where visit_complete() stores root */
} QObjectOutputVisitor;

static QObjectOutputVisitor *to_qov(Visitor *v)
{
    return container_of(v, QObjectOutputVisitor, visitor);
}

/*
 * Put @value (ownership taken) where the walk is: as member @name of the
 * QDict being filled, as the next element of the QList, or as the root.
 */
static void qov_add(QObjectOutputVisitor *qov, const char *name,
                    QObject *value)
{
    QObject *cur;

    if (!qov->stack->len) {
        /* A second top-level value replaces the first. */
        qobject_unref(qov->root);
        qov->root = value;
        return;
    }
    cur = g_ptr_array_index(qov->stack, qov->stack->len - 1);
    if (qobject_type(cur) == QTYPE_QDICT) {
        g_assert(name);
        qdict_put_obj(qobject_to(QDict, cur), name, value);
    } else {
        qlist_append_obj(qobject_to(QList, cur), value);
    }
}

/* Add container @value like qov_add() and make it the one being filled. */
static void qov_push(QObjectOutputVisitor *qov, const char *name,
                     QObject *value)
{
    qov_add(qov, name, value);
    g_ptr_array_add(qov->stack, value);
}

static void qov_pop(QObjectOutputVisitor *qov)
{
    g_assert(qov->stack->len);
    g_ptr_array_remove_index(qov->stack, qov->stack->len - 1);
}

static bool qov_start_struct(Visitor *v, const char *name, void **obj,
                             size_t size, Error **errp)
{
    qov_push(to_qov(v), name, QOBJECT(qdict_new()));
    return true;
}

static void qov_end_struct(Visitor *v, void **obj)
{
    qov_pop(to_qov(v));
}

static bool qov_start_list(Visitor *v, const char *name, GenericList **list,
                           size_t size, Error **errp)
{
    qov_push(to_qov(v), name, QOBJECT(qlist_new()));
    return true;
}

static GenericList *qov_next_list(Visitor *v, GenericList *tail, size_t size)
{
    return tail->next;
}

static void qov_end_list(Visitor *v, void **obj)
{
    qov_pop(to_qov(v));
}

static bool qov_type_int64(Visitor *v, const char *name, int64_t *obj,
                           int64_t min, int64_t max, Error **errp)
{
    qov_add(to_qov(v), name, QOBJECT(qnum_from_int(*obj)));
    return true;
}

static bool qov_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                            uint64_t max, Error **errp)
{
    qov_add(to_qov(v), name, QOBJECT(qnum_from_uint(*obj)));
    return true;
}

static bool qov_type_bool(Visitor *v, const char *name, bool *obj,
                          Error **errp)
{
    qov_add(to_qov(v), name, QOBJECT(qbool_from_bool(*obj)));
    return true;
}

static bool qov_type_str(Visitor *v, const char *name, char **obj,
                         Error **errp)
{
    qov_add(to_qov(v), name, QOBJECT(qstring_from_str(*obj ? *obj : "")));
    return true;
}

static bool qov_type_number(Visitor *v, const char *name, double *obj,
                            Error **errp)
{
    qov_add(to_qov(v), name, QOBJECT(qnum_from_double(*obj)));
    return true;
}

static bool qov_type_any(Visitor *v, const char *name, QObject **obj,
                         Error **errp)
{
    /* A missing 'any' value has no JSON form but null. */
    qov_add(to_qov(v), name, *obj ? qobject_ref(*obj) : QOBJECT(qnull()));
    return true;
}

static bool qov_type_null(Visitor *v, const char *name, QNull **obj,
                          Error **errp)
{
    qov_add(to_qov(v), name, QOBJECT(qnull()));
    return true;
}

/* @opaque must be the QObject ** the visitor was created with. */
static void qov_complete(Visitor *v, void *opaque)
{
    QObjectOutputVisitor *qov = to_qov(v);

    g_assert(opaque == qov->result);
    g_assert(!qov->stack->len);
    *qov->result = g_steal_pointer(&qov->root);
}

static void qov_free(Visitor *v)
{
    QObjectOutputVisitor *qov = to_qov(v);

    qobject_unref(qov->root);
    g_ptr_array_free(qov->stack, true);
    g_free(qov);
}

Visitor *qobject_output_visitor_new(QObject **result)
{
    QObjectOutputVisitor *qov = g_new0(QObjectOutputVisitor, 1);

    qov->visitor.type = VISITOR_OUTPUT;
    qov->visitor.start_struct = qov_start_struct;
    qov->visitor.end_struct = qov_end_struct;
    qov->visitor.start_list = qov_start_list;
    qov->visitor.next_list = qov_next_list;
    qov->visitor.end_list = qov_end_list;
    qov->visitor.type_int64 = qov_type_int64;
    qov->visitor.type_uint64 = qov_type_uint64;
    qov->visitor.type_bool = qov_type_bool;
    qov->visitor.type_str = qov_type_str;
    qov->visitor.type_number = qov_type_number;
    qov->visitor.type_any = qov_type_any;
    qov->visitor.type_null = qov_type_null;
    qov->visitor.complete = qov_complete;
    qov->visitor.free = qov_free;
    qov->stack = g_ptr_array_new();
    qov->result = result;
    *result = NULL;
    return &qov->visitor;
}

Visitor *qobject_output_visitor_new_qmp(QObject **result)
{
    Visitor *v = qobject_output_visitor_new(result);

    visit_set_policy(v, qapi_compat_policy());
    return v;
}
