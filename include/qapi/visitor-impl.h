/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * visitor-impl.h: what a visitor implementation provides. Only the files
 * that implement visitors include this; everything else uses visitor.h.
 *
 * Each visitor embeds a struct Visitor as its first member, fills in the
 * callbacks and @type, and returns &its->visitor from its constructor.
 * qapi-visit-core.c implements visitor.h on top of these callbacks: it
 * range-checks the narrow integer types, translates enums, applies the
 * compat policy, and supplies defaults for the optional callbacks.
 */
#ifndef QAPI_VISITOR_IMPL_H
#define QAPI_VISITOR_IMPL_H

#include "qapi/visitor.h"

struct Visitor {
    /* Required. @obj NULL is a virtual walk (input: allocate nothing). */
    bool (*start_struct)(Visitor *v, const char *name, void **obj,
                         size_t size, Error **errp);

    /* Optional (input visitors): fail on input members nobody visited. */
    bool (*check_struct)(Visitor *v, Error **errp);

    /* Required. */
    void (*end_struct)(Visitor *v, void **obj);

    /* Required. */
    bool (*start_list)(Visitor *v, const char *name, GenericList **list,
                       size_t size, Error **errp);

    /* Required. */
    GenericList *(*next_list)(Visitor *v, GenericList *tail, size_t size);

    /* Optional (input visitors): fail on input elements nobody visited. */
    bool (*check_list)(Visitor *v, Error **errp);

    /* Required. */
    void (*end_list)(Visitor *v, void **list);

    /*
     * Optional: input visitors allocate *@obj and set its type; without
     * the callback visit_start_alternate() just succeeds.
     */
    bool (*start_alternate)(Visitor *v, const char *name,
                            GenericAlternate **obj, size_t size,
                            Error **errp);

    /* Optional. */
    void (*end_alternate)(Visitor *v, void **obj);

    /*
     * Required. Input visitors fail unless the value lies in
     * [@min, @max] (the range of the C type the caller visits, e.g.
     * INT8_MIN..INT8_MAX for visit_type_int8()); other visitors ignore
     * the bounds.
     */
    bool (*type_int64)(Visitor *v, const char *name, int64_t *obj,
                       int64_t min, int64_t max, Error **errp);

    /* Required. Like type_int64, for [0, @max]. */
    bool (*type_uint64)(Visitor *v, const char *name, uint64_t *obj,
                        uint64_t max, Error **errp);

    /* Optional: a byte count; defaults to type_uint64 with UINT64_MAX. */
    bool (*type_size)(Visitor *v, const char *name, uint64_t *obj,
                      Error **errp);

    /* Required. */
    bool (*type_bool)(Visitor *v, const char *name, bool *obj, Error **errp);

    /* Required. */
    bool (*type_str)(Visitor *v, const char *name, char **obj, Error **errp);

    /* Required. */
    bool (*type_number)(Visitor *v, const char *name, double *obj,
                        Error **errp);

    /* Required. */
    bool (*type_any)(Visitor *v, const char *name, QObject **obj,
                     Error **errp);

    /* Required. */
    bool (*type_null)(Visitor *v, const char *name, QNull **obj,
                      Error **errp);

    /* Optional (input visitors): set *@present from the input. */
    void (*optional)(Visitor *v, const char *name, bool *present);

    /*
     * Optional (input visitors): the full path of member @name of the
     * container being visited ("data.list[2].size"), for error messages.
     * Returns a new string. Without it, messages name just @name.
     */
    char *(*member_path)(Visitor *v, const char *name);

    /* Optional (output visitors): see visit_complete(). */
    void (*complete)(Visitor *v, void *opaque);

    /* Required: free the visitor itself. */
    void (*free)(Visitor *v);

    /* What kind of visitor this is; exactly one VisitorType value. */
    VisitorType type;

    /* The policy visit_policy_reject() and visit_policy_skip() apply. */
    CompatPolicy compat_policy;
};

#endif /* QAPI_VISITOR_IMPL_H */
