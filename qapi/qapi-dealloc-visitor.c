/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qapi-dealloc-visitor.c: free a C object tree of QAPI types as the
 * generated visit functions walk it.
 *
 * Structs, alternates and list elements are freed on the way out (the end
 * callbacks and next_list), after everything they point to. Every pointer
 * may be NULL: an input visit that failed half-way leaves zeroed members
 * and elements behind, and the generated code calls qapi_free_FOO() on
 * exactly such objects.
 */
#include "osdep.h"

#include "qapi/dealloc-visitor.h"
#include "qapi/visitor-impl.h"
#include "qobject/qnull.h"

static bool qdv_start_struct(Visitor *v, const char *name, void **obj,
                             size_t size, Error **errp)
{
    return true;
}

static void qdv_end_struct(Visitor *v, void **obj)
{
    if (obj) {
        g_free(*obj);
    }
}

static void qdv_end_alternate(Visitor *v, void **obj)
{
    if (obj) {
        g_free(*obj);
    }
}

static bool qdv_start_list(Visitor *v, const char *name, GenericList **list,
                           size_t size, Error **errp)
{
    return true;
}

/* The element @tail was visited: free it, go on with the rest. */
static GenericList *qdv_next_list(Visitor *v, GenericList *tail, size_t size)
{
    GenericList *next = tail->next;

    g_free(tail);
    return next;
}

static void qdv_end_list(Visitor *v, void **obj)
{
}

static bool qdv_type_int64(Visitor *v, const char *name, int64_t *obj,
                           int64_t min, int64_t max, Error **errp)
{
    return true;
}

static bool qdv_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                            uint64_t max, Error **errp)
{
    return true;
}

static bool qdv_type_bool(Visitor *v, const char *name, bool *obj,
                          Error **errp)
{
    return true;
}

static bool qdv_type_str(Visitor *v, const char *name, char **obj,
                         Error **errp)
{
    if (obj) {
        g_free(*obj);
    }
    return true;
}

static bool qdv_type_number(Visitor *v, const char *name, double *obj,
                            Error **errp)
{
    return true;
}

static bool qdv_type_any(Visitor *v, const char *name, QObject **obj,
                         Error **errp)
{
    if (obj) {
        qobject_unref(*obj);
    }
    return true;
}

static bool qdv_type_null(Visitor *v, const char *name, QNull **obj,
                          Error **errp)
{
    if (obj) {
        qobject_unref(*obj);
    }
    return true;
}

static void qdv_free(Visitor *v)
{
    g_free(v);
}

Visitor *qapi_dealloc_visitor_new(void)
{
    Visitor *v = g_new0(Visitor, 1);

    v->type = VISITOR_DEALLOC;
    v->start_struct = qdv_start_struct;
    v->end_struct = qdv_end_struct;
    v->end_alternate = qdv_end_alternate;
    v->start_list = qdv_start_list;
    v->next_list = qdv_next_list;
    v->end_list = qdv_end_list;
    v->type_int64 = qdv_type_int64;
    v->type_uint64 = qdv_type_uint64;
    v->type_bool = qdv_type_bool;
    v->type_str = qdv_type_str;
    v->type_number = qdv_type_number;
    v->type_any = qdv_type_any;
    v->type_null = qdv_type_null;
    v->free = qdv_free;
    return v;
}
