/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ctype.c: the C names and C types of schema types. */
#include "osdep.h"

#include "names.h"
#include "schema.h"

char *qapi_type_c_name(const QAPIEntity *type)
{
    if (type->meta == QAPI_META_BUILTIN) {
        return g_strdup(type->name);
    }
    return qapi_c_name(type->name, true);
}

bool qapi_type_is_pointer(const QAPIEntity *type)
{
    switch (type->meta) {
    case QAPI_META_BUILTIN:
        return type->builtin_c_type[strlen(type->builtin_c_type) - 1] == '*';
    case QAPI_META_ENUM:
        return false;
    default:
        return true;
    }
}

char *qapi_c_type(const QAPIEntity *type)
{
    g_autofree char *name = NULL;

    switch (type->meta) {
    case QAPI_META_BUILTIN:
        return g_strdup(type->builtin_c_type);
    case QAPI_META_ENUM:
        return qapi_c_name(type->name, true);
    default:
        name = qapi_c_name(type->name, true);
        return g_strdup_printf("%s *", name);
    }
}

char *qapi_c_param_type(const QAPIEntity *type)
{
    if (type->meta == QAPI_META_BUILTIN && !strcmp(type->name, "str")) {
        return g_strdup("const char *");
    }
    return qapi_c_type(type);
}

bool qapi_member_has_flag(const QAPIMember *m)
{
    return m->optional && !qapi_type_is_pointer(m->type);
}

bool qapi_has_conditional_members(const QAPIEntity *ent)
{
    guint i;

    for (i = 0; ent->members && i < ent->members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(ent->members, i);

        if (m->ifcond) {
            return true;
        }
    }
    return false;
}
