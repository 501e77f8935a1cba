/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * schema-check-alternate.c: the checks of alternates: branch types that
 * an alternate can hold, and branches that input can tell apart, also
 * text input (keyval), where every scalar is a string.
 */
#include "osdep.h"

#include "util/error.h"
#include "schema-check.h"

/* Enum values that keyval (string) input would also read as a bool. */
static const char *const bool_words[] = {
    "on", "off", "yes", "no", "true", "false", "y", "n",
};

/* The QType of values of @type in an alternate, or QTYPE_NONE. */
static QType alternate_qtype(const QAPIEntity *type)
{
    switch (type->meta) {
    case QAPI_META_BUILTIN:
        if (!strcmp(type->json_type, "string")) {
            return QTYPE_QSTRING;
        } else if (!strcmp(type->json_type, "boolean")) {
            return QTYPE_QBOOL;
        } else if (!strcmp(type->json_type, "null")) {
            return QTYPE_QNULL;
        } else if (strcmp(type->json_type, "value")) {
            return QTYPE_QNUM;
        }
        return QTYPE_NONE;
    case QAPI_META_ENUM:
        return QTYPE_QSTRING;
    case QAPI_META_STRUCT:
    case QAPI_META_UNION:
        return QTYPE_QDICT;
    default:
        return QTYPE_NONE;
    }
}

/*
 * The QTypes input of @type could be confused with: with string-based
 * input (keyval), numbers and booleans arrive as strings, so a string
 * branch conflicts with number and boolean branches, and an enum branch
 * does when one of its values reads as a number or a boolean.
 */
static unsigned alternate_conflicts(const QAPIEntity *type, QType qtype)
{
    unsigned mask = 1u << qtype;
    guint i;
    size_t j;

    if (qtype != QTYPE_QSTRING) {
        return mask;
    }
    if (type->meta != QAPI_META_ENUM) {
        return mask | 1u << QTYPE_QNUM | 1u << QTYPE_QBOOL;
    }
    for (i = 0; i < type->values->len; i++) {
        const QAPIMember *v = g_ptr_array_index(type->values, i);

        for (j = 0; j < ARRAY_SIZE(bool_words); j++) {
            if (!strcmp(v->name, bool_words[j])) {
                mask |= 1u << QTYPE_QBOOL;
            }
        }
        if (strchr("-+0123456789.", v->name[0])) {
            mask |= 1u << QTYPE_QNUM;
        }
    }
    return mask;
}

bool qapi_check_alternate(QAPICheck *c, QAPIEntity *ent, Error **errp)
{
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash,
                                                       g_str_equal,
                                                       g_free, NULL);
    const QAPIMember *by_qtype[QTYPE_MAX] = { NULL };
    g_autofree char *self = qapi_describe(ent);
    guint i;
    int q;

    if (!qapi_check_feature_list(ent->features, self, ent->info, errp)) {
        return false;
    }
    ent->members = g_ptr_array_new();
    for (i = 0; i < ent->variants->len; i++) {
        QAPIMember *v = g_ptr_array_index(ent->variants, i);
        g_autofree char *what = qapi_describe_member(v);
        g_autofree char *desc = NULL;
        QType qtype;
        unsigned conflicts;

        if (!qapi_check_member_add(seen, v, what, ent->info, errp)) {
            return false;
        }
        v->type = qapi_check_resolve(c, v->type_name, ent->info, what, errp);
        if (!v->type) {
            return false;
        }
        qtype = alternate_qtype(v->type);
        if (qtype == QTYPE_NONE) {
            desc = qapi_describe(v->type);
            qapi_error_setg(errp, ent->info, "%s cannot use %s", what, desc);
            return false;
        }
        conflicts = alternate_conflicts(v->type, qtype);
        for (q = 0; q < QTYPE_MAX; q++) {
            if ((conflicts & 1u << q) && by_qtype[q]) {
                qapi_error_setg(errp, ent->info, "%s can't be distinguished "
                                "from branch '%s'", what, by_qtype[q]->name);
                return false;
            }
        }
        for (q = 0; q < QTYPE_MAX; q++) {
            if (conflicts & 1u << q) {
                by_qtype[q] = v;
            }
        }
    }
    ent->check_state = 2;
    return true;
}
