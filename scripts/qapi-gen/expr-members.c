/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * expr-members.c: syntax checks shared by all definitions: keys, names,
 * 'if' conditions, features, type references and member lists.
 */
#include "osdep.h"

#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "expr.h"
#include "names.h"

static gint compare_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool in_list(const char *const *list, const char *s)
{
    for (; list && *list; list++) {
        if (!strcmp(*list, s)) {
            return true;
        }
    }
    return false;
}

bool qapi_check_keys(QDict *d, const QAPISourceInfo *info, const char *source,
                     const char *const *required,
                     const char *const *optional, Error **errp)
{
    g_autoptr(GPtrArray) valid = g_ptr_array_new();
    g_autoptr(GString) text = g_string_new(NULL);
    const char *const *k;
    const QDictEntry *e;
    guint i, missing = 0;

    for (k = required; *k; k++) {
        if (!qdict_haskey(d, *k)) {
            g_string_append_printf(text, "%s'%s'", missing ? ", " : "", *k);
            missing++;
        }
    }
    if (missing) {
        qapi_error_setg(errp, info, "%s misses key%s %s", source,
                        missing > 1 ? "s" : "", text->str);
        return false;
    }
    for (e = qdict_first(d); e; e = qdict_next(d, e)) {
        const char *key = qdict_entry_key(e);

        if (in_list(required, key) || in_list(optional, key)) {
            continue;
        }
        for (k = required; *k; k++) {
            g_ptr_array_add(valid, (gpointer)*k);
        }
        for (k = optional; k && *k; k++) {
            g_ptr_array_add(valid, (gpointer)*k);
        }
        g_ptr_array_sort(valid, compare_str);
        for (i = 0; i < valid->len; i++) {
            g_string_append_printf(text, "%s'%s'", i ? ", " : "",
                                   (char *)g_ptr_array_index(valid, i));
        }
        qapi_error_setg(errp, info, "%s has unknown key '%s' (valid keys "
                        "are %s)", source, key, text->str);
        return false;
    }
    return true;
}

bool qapi_check_if(QObject *cond, const QAPISourceInfo *info,
                   const char *source, Error **errp)
{
    g_autoptr(QAPIIf) parsed = NULL;

    return qapi_if_parse(cond, info, source, &parsed, errp);
}

bool qapi_check_name_lower(const char *name, const QAPISourceInfo *info,
                           const char *source, bool leading_digit,
                           bool permissive, Error **errp)
{
    const char *stem;

    if (!qapi_name_valid(name, leading_digit, &stem)) {
        qapi_error_setg(errp, info, "%s has an invalid name", source);
        return false;
    }
    if (!permissive && (qapi_name_has_upper(stem) ||
                        qapi_name_has_underscore(stem))) {
        qapi_error_setg(errp, info, "name of %s must not use upper case "
                        "or '_'", source);
        return false;
    }
    return true;
}

static bool check_feature(QObject *feat, const QAPISourceInfo *info,
                          const char *source, bool special_ok, Error **errp)
{
    static const char *const required[] = { "name", NULL };
    static const char *const optional[] = { "if", NULL };
    g_autofree char *fsource = NULL;
    QDict *dict = qobject_to(QDict, feat);
    QString *name = qobject_to(QString, feat);

    if (dict) {
        g_autofree char *what = g_strdup_printf("feature of %s", source);

        if (!qapi_check_keys(dict, info, what, required, optional, errp)) {
            return false;
        }
        name = qobject_to(QString, qdict_get(dict, "name"));
    }
    if (!name) {
        qapi_error_setg(errp, info, "feature of %s must be a string or an "
                        "object with a string 'name'", source);
        return false;
    }
    fsource = g_strdup_printf("%s feature '%s'", source,
                              qstring_get_str(name));
    if (!qapi_check_name_lower(qstring_get_str(name), info, fsource, false,
                               false, errp)) {
        return false;
    }
    if (!special_ok && (!strcmp(qstring_get_str(name), "deprecated") ||
                        !strcmp(qstring_get_str(name), "unstable"))) {
        qapi_error_setg(errp, info, "%s cannot have special feature '%s'",
                        source, qstring_get_str(name));
        return false;
    }
    return !dict || qapi_check_if(qdict_get(dict, "if"), info, fsource, errp);
}

bool qapi_check_features(QObject *features, const QAPISourceInfo *info,
                         const char *source, bool special_ok, Error **errp)
{
    QList *list = qobject_to(QList, features);
    const QListEntry *e;

    if (!features) {
        return true;
    }
    if (!list) {
        qapi_error_setg(errp, info, "'features' of %s must be an array",
                        source);
        return false;
    }
    for (e = qlist_first(list); e; e = qlist_next(e)) {
        if (!check_feature(qlist_entry_obj(e), info, source, special_ok,
                           errp)) {
            return false;
        }
    }
    return true;
}

bool qapi_check_type_ref(QObject *value, const QAPISourceInfo *info,
                         const char *source, bool array_ok, Error **errp)
{
    QList *list = qobject_to(QList, value);

    if (qobject_to(QString, value)) {
        return true;
    }
    if (!array_ok || !list) {
        qapi_error_setg(errp, info, "type of %s must be a type name%s",
                        source, array_ok ? " or an array" : "");
        return false;
    }
    if (qlist_size(list) != 1 || !qobject_to(QString, qlist_peek(list))) {
        qapi_error_setg(errp, info, "array type of %s must contain a single "
                        "type name", source);
        return false;
    }
    return true;
}

static bool check_member(const char *key, QObject *value,
                         const QAPISourceInfo *info, const char *source,
                         bool permissive, Error **errp)
{
    static const char *const required[] = { "type", NULL };
    static const char *const optional[] = { "if", "features", NULL };
    const char *name = key[0] == '*' ? key + 1 : key;
    g_autofree char *cname = qapi_c_name(name, false);
    QDict *dict = qobject_to(QDict, value);

    if (!qapi_check_name_lower(name, info, source, false, permissive,
                               errp)) {
        return false;
    }
    if (!strcmp(cname, "u") || g_str_has_prefix(cname, "has_")) {
        qapi_error_setg(errp, info, "%s uses a reserved name", source);
        return false;
    }
    if (!dict) {
        return qapi_check_type_ref(value, info, source, true, errp);
    }
    return qapi_check_keys(dict, info, source, required, optional, errp) &&
           qapi_check_type_ref(qdict_get(dict, "type"), info, source, true,
                               errp) &&
           qapi_check_if(qdict_get(dict, "if"), info, source, errp) &&
           qapi_check_features(qdict_get(dict, "features"), info, source,
                               true, errp);
}

bool qapi_check_members(QObject *members, const QAPISourceInfo *info,
                        const char *owner, const char *role, const char *key,
                        bool permissive, Error **errp)
{
    QDict *dict = qobject_to(QDict, members);
    const QDictEntry *e;

    if (!dict) {
        qapi_error_setg(errp, info, "'%s' of %s must be an object", key,
                        owner);
        return false;
    }
    for (e = qdict_first(dict); e; e = qdict_next(dict, e)) {
        const char *mkey = qdict_entry_key(e);
        g_autofree char *source = g_strdup_printf("%s %s '%s'", owner, role,
                                                  mkey[0] == '*' ? mkey + 1
                                                                 : mkey);

        if (!check_member(mkey, qdict_entry_value(e), info, source,
                          permissive, errp)) {
            return false;
        }
    }
    return true;
}
