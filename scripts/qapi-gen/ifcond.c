/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ifcond.c: parsing and printing 'if' conditions. */
#include "osdep.h"

#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "ifcond.h"
#include "names.h"

static QAPIIf *if_new(QAPIIfKind kind)
{
    QAPIIf *cond = g_new0(QAPIIf, 1);

    cond->kind = kind;
    if (kind != QAPI_IF_NAME) {
        cond->args = g_ptr_array_new_with_free_func(
            (GDestroyNotify)qapi_if_free);
    }
    return cond;
}

void qapi_if_free(QAPIIf *cond)
{
    if (!cond) {
        return;
    }
    g_free(cond->name);
    if (cond->args) {
        g_ptr_array_free(cond->args, true);
    }
    g_free(cond);
}

static bool if_parse_operands(QObject *obj, const char *op,
                              const QAPISourceInfo *info, const char *source,
                              QAPIIf *cond, Error **errp);

/*
 * Conditions nest; the JSON parser bounds the depth (JSON_MAX_DEPTH), so
 * the recursion is bounded too.
 */
static QAPIIf *if_parse_one(QObject *obj, const QAPISourceInfo *info,
                            const char *source, Error **errp)
{
    QString *str = qobject_to(QString, obj);
    QDict *dict = qobject_to(QDict, obj);
    g_autoptr(QAPIIf) cond = NULL;
    const QDictEntry *e;
    const char *key;

    if (str) {
        if (!qapi_name_is_c_identifier(qstring_get_str(str))) {
            qapi_error_setg(errp, info, "'if' condition '%s' of %s is not a "
                            "valid identifier", qstring_get_str(str), source);
            return NULL;
        }
        cond = if_new(QAPI_IF_NAME);
        cond->name = g_strdup(qstring_get_str(str));
        return g_steal_pointer(&cond);
    }
    if (!dict) {
        qapi_error_setg(errp, info, "'if' condition of %s must be a string "
                        "or an object", source);
        return NULL;
    }
    if (qdict_size(dict) != 1) {
        qapi_error_setg(errp, info, "'if' condition of %s must have exactly "
                        "one key, 'all', 'any' or 'not'", source);
        return NULL;
    }
    e = qdict_first(dict);
    key = qdict_entry_key(e);
    if (!strcmp(key, "not")) {
        QAPIIf *arg = if_parse_one(qdict_entry_value(e), info, source, errp);

        if (!arg) {
            return NULL;
        }
        cond = if_new(QAPI_IF_NOT);
        g_ptr_array_add(cond->args, arg);
        return g_steal_pointer(&cond);
    }
    if (strcmp(key, "all") && strcmp(key, "any")) {
        qapi_error_setg(errp, info, "'if' condition of %s has unknown key "
                        "'%s' (valid keys are 'all', 'any', 'not')",
                        source, key);
        return NULL;
    }
    cond = if_new(strcmp(key, "all") ? QAPI_IF_ANY : QAPI_IF_ALL);
    if (!if_parse_operands(qdict_entry_value(e), key, info, source, cond,
                           errp)) {
        return NULL;
    }
    return g_steal_pointer(&cond);
}

static bool if_parse_operands(QObject *obj, const char *op,
                              const QAPISourceInfo *info, const char *source,
                              QAPIIf *cond, Error **errp)
{
    QList *list = qobject_to(QList, obj);
    const QListEntry *e;

    if (!list) {
        qapi_error_setg(errp, info, "'%s' condition of %s must be an array",
                        op, source);
        return false;
    }
    if (qlist_empty(list)) {
        qapi_error_setg(errp, info, "'%s' condition of %s must not be empty",
                        op, source);
        return false;
    }
    for (e = qlist_first(list); e; e = qlist_next(e)) {
        QAPIIf *arg = if_parse_one(qlist_entry_obj(e), info, source, errp);

        if (!arg) {
            return false;
        }
        g_ptr_array_add(cond->args, arg);
    }
    return true;
}

bool qapi_if_parse(QObject *obj, const QAPISourceInfo *info,
                   const char *source, QAPIIf **result, Error **errp)
{
    *result = NULL;
    if (!obj) {
        return true;
    }
    *result = if_parse_one(obj, info, source, errp);
    return *result != NULL;
}

QAPIIf *qapi_if_copy(const QAPIIf *cond)
{
    QAPIIf *copy;
    guint i;

    if (!cond) {
        return NULL;
    }
    copy = if_new(cond->kind);
    copy->name = g_strdup(cond->name);
    for (i = 0; cond->args && i < cond->args->len; i++) {
        g_ptr_array_add(copy->args,
                        qapi_if_copy(g_ptr_array_index(cond->args, i)));
    }
    return copy;
}

QAPIIf *qapi_if_or(QAPIIf *a, QAPIIf *b)
{
    QAPIIf *cond;

    if (!a || !b) {
        qapi_if_free(a);
        qapi_if_free(b);
        return NULL;
    }
    cond = if_new(QAPI_IF_ANY);
    g_ptr_array_add(cond->args, a);
    g_ptr_array_add(cond->args, b);
    return cond;
}

static void if_c(GString *out, const QAPIIf *cond, bool top)
{
    const char *op = cond->kind == QAPI_IF_ALL ? " && " : " || ";
    guint i;

    switch (cond->kind) {
    case QAPI_IF_NAME:
        g_string_append_printf(out, "defined(%s)", cond->name);
        break;
    case QAPI_IF_NOT:
        g_string_append_c(out, '!');
        if_c(out, g_ptr_array_index(cond->args, 0), false);
        break;
    case QAPI_IF_ALL:
    case QAPI_IF_ANY:
        /* One operand needs no parentheses; neither does the whole. */
        if (!top && cond->args->len > 1) {
            g_string_append_c(out, '(');
        }
        for (i = 0; i < cond->args->len; i++) {
            if (i) {
                g_string_append(out, op);
            }
            if_c(out, g_ptr_array_index(cond->args, i), false);
        }
        if (!top && cond->args->len > 1) {
            g_string_append_c(out, ')');
        }
        break;
    }
}

char *qapi_if_c(const QAPIIf *cond)
{
    GString *out = g_string_new(NULL);

    if_c(out, cond, true);
    return g_string_free(out, false);
}

static void if_text(GString *out, const QAPIIf *cond)
{
    guint i;

    if (cond->kind == QAPI_IF_NAME) {
        g_string_append(out, cond->name);
        return;
    }
    g_string_append(out, cond->kind == QAPI_IF_ALL ? "all(" :
                         cond->kind == QAPI_IF_ANY ? "any(" : "not(");
    for (i = 0; i < cond->args->len; i++) {
        if (i) {
            g_string_append(out, ", ");
        }
        if_text(out, g_ptr_array_index(cond->args, i));
    }
    g_string_append_c(out, ')');
}

char *qapi_if_text(const QAPIIf *cond)
{
    GString *out = g_string_new(NULL);

    if_text(out, cond);
    return g_string_free(out, false);
}
