/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qapi-clone-visitor.c: deep copies of C objects of QAPI types.
 *
 * The walk goes over the source object, replacing each pointer it meets
 * with a pointer to a copy: start_struct() and next_list() duplicate the
 * bytes of a struct or list element (which copies every scalar member at
 * once), type_str() and type_any() duplicate what a member points to. So
 * the scalar callbacks have nothing left to do.
 */
#include "osdep.h"

#include "qapi/clone-visitor.h"
#include "qapi/visitor-impl.h"
#include "qobject/qnull.h"
#include "util/error.h"

typedef struct QapiCloneVisitor {
    Visitor visitor;
    size_t depth;               /* structs, lists, alternates entered */
} QapiCloneVisitor;

static QapiCloneVisitor *to_qcv(Visitor *v)
{
    return container_of(v, QapiCloneVisitor, visitor);
}

/* A copy of the @size bytes at @src. */
static void *qcv_dup(const void *src, size_t size)
{
    void *dst = g_malloc(size);

    memcpy(dst, src, size);
    return dst;
}

static bool qcv_start_struct(Visitor *v, const char *name, void **obj,
                             size_t size, Error **errp)
{
    QapiCloneVisitor *qcv = to_qcv(v);

    if (!obj) {
        /* A virtual walk of members already copied with their parent. */
        g_assert(qcv->depth);
        qcv->depth++;
        return true;
    }
    if (*obj) {
        /* An empty list is a NULL head; nothing to copy. */
        *obj = qcv_dup(*obj, size);
    }
    qcv->depth++;
    return true;
}

static void qcv_end_struct(Visitor *v, void **obj)
{
    QapiCloneVisitor *qcv = to_qcv(v);

    g_assert(qcv->depth);
    qcv->depth--;
}

static bool qcv_start_alternate(Visitor *v, const char *name,
                                GenericAlternate **obj, size_t size,
                                Error **errp)
{
    return qcv_start_struct(v, name, (void **)obj, size, errp);
}

static bool qcv_start_list(Visitor *v, const char *name, GenericList **list,
                           size_t size, Error **errp)
{
    return qcv_start_struct(v, name, (void **)list, size, errp);
}

/* @tail is already a copy; copy the element after it. */
static GenericList *qcv_next_list(Visitor *v, GenericList *tail, size_t size)
{
    g_assert(to_qcv(v)->depth);
    if (tail->next) {
        tail->next = qcv_dup(tail->next, size);
    }
    return tail->next;
}

static bool qcv_type_int64(Visitor *v, const char *name, int64_t *obj,
                           int64_t min, int64_t max, Error **errp)
{
    g_assert(to_qcv(v)->depth);
    return true;
}

static bool qcv_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                            uint64_t max, Error **errp)
{
    g_assert(to_qcv(v)->depth);
    return true;
}

static bool qcv_type_bool(Visitor *v, const char *name, bool *obj,
                          Error **errp)
{
    g_assert(to_qcv(v)->depth);
    return true;
}

static bool qcv_type_str(Visitor *v, const char *name, char **obj,
                         Error **errp)
{
    g_assert(to_qcv(v)->depth);
    /* A NULL string stays NULL, it is not turned into "". */
    *obj = g_strdup(*obj);
    return true;
}

static bool qcv_type_number(Visitor *v, const char *name, double *obj,
                            Error **errp)
{
    g_assert(to_qcv(v)->depth);
    return true;
}

static bool qcv_type_any(Visitor *v, const char *name, QObject **obj,
                         Error **errp)
{
    g_assert(to_qcv(v)->depth);
    /* QObjects are immutable once built: sharing is as good as a copy. */
    qobject_ref(*obj);
    return true;
}

static bool qcv_type_null(Visitor *v, const char *name, QNull **obj,
                          Error **errp)
{
    g_assert(to_qcv(v)->depth);
    if (obj) {
        qobject_ref(*obj);
    }
    return true;
}

static void qcv_free(Visitor *v)
{
    g_free(to_qcv(v));
}

static Visitor *qapi_clone_visitor_new(void)
{
    QapiCloneVisitor *qcv = g_new0(QapiCloneVisitor, 1);

    qcv->visitor.type = VISITOR_CLONE;
    qcv->visitor.start_struct = qcv_start_struct;
    qcv->visitor.end_struct = qcv_end_struct;
    qcv->visitor.start_list = qcv_start_list;
    qcv->visitor.next_list = qcv_next_list;
    qcv->visitor.end_list = qcv_end_struct;
    qcv->visitor.start_alternate = qcv_start_alternate;
    qcv->visitor.end_alternate = qcv_end_struct;
    qcv->visitor.type_int64 = qcv_type_int64;
    qcv->visitor.type_uint64 = qcv_type_uint64;
    qcv->visitor.type_bool = qcv_type_bool;
    qcv->visitor.type_str = qcv_type_str;
    qcv->visitor.type_number = qcv_type_number;
    qcv->visitor.type_any = qcv_type_any;
    qcv->visitor.type_null = qcv_type_null;
    qcv->visitor.free = qcv_free;
    return &qcv->visitor;
}

void *qapi_clone(const void *src,
                 bool (*visit_type)(Visitor *, const char *, void **,
                                    Error **))
{
    Visitor *v;
    void *dst = (void *)src;    /* replaced by the copy as the walk goes */

    if (!src) {
        return NULL;
    }
    v = qapi_clone_visitor_new();
    visit_type(v, NULL, &dst, &error_abort);
    visit_free(v);
    return dst;
}

void qapi_clone_members(void *dst, const void *src, size_t size,
                        bool (*visit_type_members)(Visitor *, void *,
                                                   Error **))
{
    Visitor *v = qapi_clone_visitor_new();

    memcpy(dst, src, size);
    /* The bytes are copied: the walk starts inside the struct. */
    to_qcv(v)->depth++;
    visit_type_members(v, dst, &error_abort);
    visit_free(v);
}
