/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qapi-visit-core.c: the public visitor functions of visitor.h, on top of
 * the callbacks each visitor provides (visitor-impl.h). Range checks of the
 * narrow integer types, enums and the compat policy live here, once for
 * all visitors.
 */
#include "osdep.h"

#include "qapi/compat-policy.h"
#include "qapi/util.h"
#include "qapi/visitor-impl.h"
#include "util/error.h"

/* Structs and alternates */

bool visit_start_struct(Visitor *v, const char *name, void **obj,
                        size_t size, Error **errp)
{
    return v->start_struct(v, name, obj, size, errp);
}

bool visit_check_struct(Visitor *v, Error **errp)
{
    return v->check_struct ? v->check_struct(v, errp) : true;
}

void visit_end_struct(Visitor *v, void **obj)
{
    v->end_struct(v, obj);
}

bool visit_start_list(Visitor *v, const char *name, GenericList **list,
                      size_t size, Error **errp)
{
    return v->start_list(v, name, list, size, errp);
}

GenericList *visit_next_list(Visitor *v, GenericList *tail, size_t size)
{
    return v->next_list(v, tail, size);
}

bool visit_check_list(Visitor *v, Error **errp)
{
    return v->check_list ? v->check_list(v, errp) : true;
}

void visit_end_list(Visitor *v, void **list)
{
    v->end_list(v, list);
}

bool visit_start_alternate(Visitor *v, const char *name,
                           GenericAlternate **obj, size_t size, Error **errp)
{
    if (!v->start_alternate) {
        return true;
    }
    return v->start_alternate(v, name, obj, size, errp);
}

void visit_end_alternate(Visitor *v, void **obj)
{
    if (v->end_alternate) {
        v->end_alternate(v, obj);
    }
}

bool visit_optional(Visitor *v, const char *name, bool *present)
{
    if (v->optional) {
        v->optional(v, name, present);
    }
    return *present;
}

char *visit_member_path(Visitor *v, const char *name)
{
    if (v->member_path) {
        return v->member_path(v, name);
    }
    return g_strdup(name ? name : "<anonymous>");
}

/* Compat policy */

/* Whether @policy lets input with @special_features through unchecked. */
static bool policy_accepts_input(const CompatPolicy *policy,
                                 unsigned special_features)
{
    if ((special_features & (1u << QAPI_DEPRECATED))
        && policy->deprecated_input != COMPAT_POLICY_INPUT_ACCEPT) {
        return false;
    }
    if ((special_features & (1u << QAPI_UNSTABLE))
        && policy->unstable_input != COMPAT_POLICY_INPUT_ACCEPT) {
        return false;
    }
    return true;
}

bool visit_policy_reject(Visitor *v, const char *name,
                         unsigned special_features, Error **errp)
{
    g_autofree char *path = NULL;

    if (v->type != VISITOR_INPUT
        || policy_accepts_input(&v->compat_policy, special_features)) {
        return false;
    }
    path = visit_member_path(v, name);
    return !compat_policy_input_ok(special_features, &v->compat_policy,
                                   ERROR_CLASS_GENERIC_ERROR, "parameter",
                                   path, errp);
}

bool visit_policy_skip(Visitor *v, const char *name,
                       unsigned special_features)
{
    if (v->type != VISITOR_OUTPUT) {
        return false;
    }
    if ((special_features & (1u << QAPI_DEPRECATED))
        && v->compat_policy.deprecated_output == COMPAT_POLICY_OUTPUT_HIDE) {
        return true;
    }
    if ((special_features & (1u << QAPI_UNSTABLE))
        && v->compat_policy.unstable_output == COMPAT_POLICY_OUTPUT_HIDE) {
        return true;
    }
    return false;
}

void visit_set_policy(Visitor *v, const CompatPolicy *policy)
{
    v->compat_policy = *policy;
}

bool visit_is_input(Visitor *v)
{
    return v->type == VISITOR_INPUT;
}

bool visit_is_dealloc(Visitor *v)
{
    return v->type == VISITOR_DEALLOC;
}

/* Integers: the visitor checks the range of the C type it is given. */

bool visit_type_int(Visitor *v, const char *name, int64_t *obj, Error **errp)
{
    return v->type_int64(v, name, obj, INT64_MIN, INT64_MAX, errp);
}

/* Visit a signed integer held in a narrower C type, in [@min, @max]. */
static bool visit_type_intN(Visitor *v, const char *name, int64_t *value,
                            int64_t min, int64_t max, Error **errp)
{
    return v->type_int64(v, name, value, min, max, errp);
}

/* Visit an unsigned integer held in a narrower C type, in [0, @max]. */
static bool visit_type_uintN(Visitor *v, const char *name, uint64_t *value,
                             uint64_t max, Error **errp)
{
    return v->type_uint64(v, name, value, max, errp);
}

bool visit_type_int8(Visitor *v, const char *name, int8_t *obj, Error **errp)
{
    int64_t value = *obj;

    if (!visit_type_intN(v, name, &value, INT8_MIN, INT8_MAX, errp)) {
        return false;
    }
    *obj = value;
    return true;
}

bool visit_type_int16(Visitor *v, const char *name, int16_t *obj,
                      Error **errp)
{
    int64_t value = *obj;

    if (!visit_type_intN(v, name, &value, INT16_MIN, INT16_MAX, errp)) {
        return false;
    }
    *obj = value;
    return true;
}

bool visit_type_int32(Visitor *v, const char *name, int32_t *obj,
                      Error **errp)
{
    int64_t value = *obj;

    if (!visit_type_intN(v, name, &value, INT32_MIN, INT32_MAX, errp)) {
        return false;
    }
    *obj = value;
    return true;
}

bool visit_type_int64(Visitor *v, const char *name, int64_t *obj,
                      Error **errp)
{
    return v->type_int64(v, name, obj, INT64_MIN, INT64_MAX, errp);
}

bool visit_type_uint8(Visitor *v, const char *name, uint8_t *obj,
                      Error **errp)
{
    uint64_t value = *obj;

    if (!visit_type_uintN(v, name, &value, UINT8_MAX, errp)) {
        return false;
    }
    *obj = value;
    return true;
}

bool visit_type_uint16(Visitor *v, const char *name, uint16_t *obj,
                       Error **errp)
{
    uint64_t value = *obj;

    if (!visit_type_uintN(v, name, &value, UINT16_MAX, errp)) {
        return false;
    }
    *obj = value;
    return true;
}

bool visit_type_uint32(Visitor *v, const char *name, uint32_t *obj,
                       Error **errp)
{
    uint64_t value = *obj;

    if (!visit_type_uintN(v, name, &value, UINT32_MAX, errp)) {
        return false;
    }
    *obj = value;
    return true;
}

bool visit_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                       Error **errp)
{
    return v->type_uint64(v, name, obj, UINT64_MAX, errp);
}

bool visit_type_size(Visitor *v, const char *name, uint64_t *obj,
                     Error **errp)
{
    if (v->type_size) {
        return v->type_size(v, name, obj, errp);
    }
    return v->type_uint64(v, name, obj, UINT64_MAX, errp);
}

/* Other scalars */

bool visit_type_bool(Visitor *v, const char *name, bool *obj, Error **errp)
{
    return v->type_bool(v, name, obj, errp);
}

bool visit_type_str(Visitor *v, const char *name, char **obj, Error **errp)
{
    return v->type_str(v, name, obj, errp);
}

bool visit_type_number(Visitor *v, const char *name, double *obj,
                       Error **errp)
{
    return v->type_number(v, name, obj, errp);
}

bool visit_type_any(Visitor *v, const char *name, QObject **obj,
                    Error **errp)
{
    return v->type_any(v, name, obj, errp);
}

bool visit_type_null(Visitor *v, const char *name, QNull **obj,
                     Error **errp)
{
    return v->type_null(v, name, obj, errp);
}

/* Enums travel as their names. */

static bool input_type_enum(Visitor *v, const char *name, int *obj,
                            const QEnumLookup *lookup, Error **errp)
{
    g_autofree char *str = NULL;
    g_autofree char *path = NULL;
    int value;

    if (!visit_type_str(v, name, &str, errp)) {
        return false;
    }
    value = qapi_enum_parse(lookup, str, -1, NULL);
    if (value < 0) {
        path = visit_member_path(v, name);
        error_setg(errp, "Parameter '%s' does not accept value '%s'",
                   path, str);
        return false;
    }
    if (lookup->special_features
        && !compat_policy_input_ok(lookup->special_features[value],
                                   &v->compat_policy,
                                   ERROR_CLASS_GENERIC_ERROR, "value", str,
                                   errp)) {
        return false;
    }
    *obj = value;
    return true;
}

static bool output_type_enum(Visitor *v, const char *name, int *obj,
                             const QEnumLookup *lookup, Error **errp)
{
    g_autofree char *path = NULL;
    char *str;

    if (*obj < 0 || *obj >= lookup->size) {
        path = visit_member_path(v, name);
        error_setg(errp, "Parameter '%s' holds invalid enum value %d",
                   path, *obj);
        return false;
    }
    str = (char *)lookup->array[*obj];
    return visit_type_str(v, name, &str, errp);
}

bool visit_type_enum(Visitor *v, const char *name, int *obj,
                     const QEnumLookup *lookup, Error **errp)
{
    switch (v->type) {
    case VISITOR_INPUT:
        return input_type_enum(v, name, obj, lookup, errp);
    case VISITOR_OUTPUT:
        return output_type_enum(v, name, obj, lookup, errp);
    case VISITOR_CLONE:
        /* The value was copied with the struct or list element holding it. */
        return true;
    case VISITOR_DEALLOC:
        /* An enum owns nothing. */
        return true;
    }
    g_assert_not_reached();
}

/* The end of a visit */

void visit_complete(Visitor *v, void *opaque)
{
    if (v->complete) {
        v->complete(v, opaque);
    }
}

void visit_free(Visitor *v)
{
    if (v) {
        v->free(v);
    }
}
