/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * expr.c: the syntax of each kind of definition: which keys it has, of
 * which JSON types, how it is named, its flags, and whether its
 * documentation comment is for it.
 */
#include "osdep.h"

#include "qobject/qbool.h"
#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "expr.h"
#include "names.h"

static const char *const metas[] = {
    "enum", "struct", "union", "alternate", "command", "event",
};

/* The definition being checked. */
typedef struct Defn {
    QAPISchema *schema;
    QDict *expr;
    const QAPISourceInfo *info;
    const char *meta;
    const char *name;
    char *source;               /* "struct 'Foo'" */
} Defn;

static bool permissive(const Defn *d)
{
    return qapi_pragma_has(d->schema->pragma.member_name_exceptions,
                           d->name);
}

static bool check_defn_name(Defn *d, Error **errp)
{
    const char *stem;
    bool ok;

    if (!qapi_name_valid(d->name, false, &stem)) {
        qapi_error_setg(errp, d->info, "%s has an invalid name", d->source);
        return false;
    }
    if (!strcmp(d->meta, "event")) {
        ok = qapi_name_is_upper(stem);
        if (!ok) {
            qapi_error_setg(errp, d->info, "name of %s must not use lower "
                            "case or '-'", d->source);
        }
    } else if (!strcmp(d->meta, "command")) {
        ok = !qapi_name_has_upper(stem) &&
             (!qapi_name_has_underscore(stem) ||
              qapi_pragma_has(d->schema->pragma.command_name_exceptions,
                              d->name));
        if (!ok) {
            qapi_error_setg(errp, d->info, "name of %s must not use upper "
                            "case or '_'", d->source);
        }
    } else {
        ok = qapi_name_is_camel(stem);
        if (!ok) {
            qapi_error_setg(errp, d->info, "name of %s must use CamelCase",
                            d->source);
        }
    }
    if (ok && strcmp(d->meta, "event") && strcmp(d->meta, "command")) {
        if (qapi_str_ends_with(d->name, "List")) {
            qapi_error_setg(errp, d->info, "name of %s must not end in "
                            "'List'", d->source);
            return false;
        }
        if (strcmp(d->meta, "enum") && qapi_str_ends_with(d->name, "Kind")) {
            qapi_error_setg(errp, d->info, "name of %s must not end in "
                            "'Kind', which is reserved for enums", d->source);
            return false;
        }
    }
    return ok;
}

static bool check_doc(Defn *d, QAPIDoc *doc, Error **errp)
{
    if (doc && strcmp(doc->symbol, d->name)) {
        qapi_error_setg(errp, d->info, "documentation comment is for '%s', "
                        "not for %s", doc->symbol, d->source);
        return false;
    }
    if (!doc && d->schema->pragma.doc_required) {
        qapi_error_setg(errp, d->info, "documentation comment required for "
                        "%s", d->source);
        return false;
    }
    return true;
}

static bool check_flags(Defn *d, Error **errp)
{
    static const char *const false_only[] = { "gen", "success-response" };
    static const char *const true_only[] = {
        "boxed", "allow-oob", "allow-preconfig", "coroutine",
    };
    QObject *v;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(false_only); i++) {
        v = qdict_get(d->expr, false_only[i]);
        if (v && (!qobject_to(QBool, v) ||
                  qbool_get_bool(qobject_to(QBool, v)))) {
            qapi_error_setg(errp, d->info, "flag '%s' of %s may only be "
                            "false", false_only[i], d->source);
            return false;
        }
    }
    for (i = 0; i < ARRAY_SIZE(true_only); i++) {
        v = qdict_get(d->expr, true_only[i]);
        if (v && (!qobject_to(QBool, v) ||
                  !qbool_get_bool(qobject_to(QBool, v)))) {
            qapi_error_setg(errp, d->info, "flag '%s' of %s may only be "
                            "true", true_only[i], d->source);
            return false;
        }
    }
    if (qdict_haskey(d->expr, "allow-oob") &&
        qdict_haskey(d->expr, "coroutine")) {
        qapi_error_setg(errp, d->info, "%s cannot be both 'allow-oob' and "
                        "'coroutine'", d->source);
        return false;
    }
    return true;
}

static bool check_enum_value(Defn *d, QObject *value, Error **errp)
{
    static const char *const required[] = { "name", NULL };
    static const char *const optional[] = { "if", "features", NULL };
    g_autofree char *what = g_strdup_printf("value of %s", d->source);
    g_autofree char *source = NULL;
    QDict *dict = qobject_to(QDict, value);
    QString *name = qobject_to(QString, value);

    if (dict) {
        if (!qapi_check_keys(dict, d->info, what, required, optional, errp)) {
            return false;
        }
        name = qobject_to(QString, qdict_get(dict, "name"));
    }
    if (!name) {
        qapi_error_setg(errp, d->info, "value of %s must be a string or an "
                        "object with a string 'name'", d->source);
        return false;
    }
    source = g_strdup_printf("%s value '%s'", d->source,
                             qstring_get_str(name));
    return qapi_check_name_lower(qstring_get_str(name), d->info, source, true,
                                 permissive(d), errp) &&
           (!dict || (qapi_check_if(qdict_get(dict, "if"), d->info, source,
                                    errp) &&
                      qapi_check_features(qdict_get(dict, "features"),
                                          d->info, source, true, errp)));
}

static bool check_enum(Defn *d, Error **errp)
{
    QList *data = qobject_to(QList, qdict_get(d->expr, "data"));
    QObject *prefix = qdict_get(d->expr, "prefix");
    const QListEntry *e;

    if (!data) {
        qapi_error_setg(errp, d->info, "'data' of %s must be an array",
                        d->source);
        return false;
    }
    if (prefix && (!qobject_to(QString, prefix) ||
                   !qapi_name_is_c_identifier(
                       qstring_get_str(qobject_to(QString, prefix))))) {
        qapi_error_setg(errp, d->info, "'prefix' of %s must be a string "
                        "holding a C identifier", d->source);
        return false;
    }
    for (e = qlist_first(data); e; e = qlist_next(e)) {
        if (!check_enum_value(d, qlist_entry_obj(e), errp)) {
            return false;
        }
    }
    return true;
}

static bool check_struct(Defn *d, Error **errp)
{
    QObject *base = qdict_get(d->expr, "base");

    if (base && !qobject_to(QString, base)) {
        qapi_error_setg(errp, d->info, "'base' of %s must be a type name",
                        d->source);
        return false;
    }
    return qapi_check_members(qdict_get(d->expr, "data"), d->info, d->source,
                              "member", "data", permissive(d), errp);
}

/* Union and alternate branches: "name": TYPE or {'type': TYPE, 'if': C}. */
static bool check_branches(Defn *d, bool union_branches, Error **errp)
{
    static const char *const required[] = { "type", NULL };
    static const char *const optional[] = { "if", NULL };
    QDict *data = qobject_to(QDict, qdict_get(d->expr, "data"));
    const QDictEntry *e;

    if (!data) {
        qapi_error_setg(errp, d->info, "'data' of %s must be an object",
                        d->source);
        return false;
    }
    if (!qdict_size(data)) {
        qapi_error_setg(errp, d->info, "%s must have at least one branch",
                        d->source);
        return false;
    }
    for (e = qdict_first(data); e; e = qdict_next(data, e)) {
        const char *key = qdict_entry_key(e);
        QObject *value = qdict_entry_value(e);
        QDict *dict = qobject_to(QDict, value);
        g_autofree char *source = g_strdup_printf("%s branch '%s'", d->source,
                                                  key);

        if (key[0] == '*') {
            qapi_error_setg(errp, d->info, "%s cannot be optional", source);
            return false;
        }
        /* Union branch names are enum values, checked with the enum. */
        if (!union_branches &&
            !qapi_check_name_lower(key, d->info, source, false,
                                   permissive(d), errp)) {
            return false;
        }
        if (dict) {
            if (!qapi_check_keys(dict, d->info, source, required, optional,
                                 errp) ||
                !qapi_check_if(qdict_get(dict, "if"), d->info, source,
                               errp)) {
                return false;
            }
            value = qdict_get(dict, "type");
        }
        if (!qapi_check_type_ref(value, d->info, source, false, errp)) {
            return false;
        }
    }
    return true;
}

static bool check_union(Defn *d, Error **errp)
{
    QObject *base = qdict_get(d->expr, "base");

    if (!qobject_to(QString, base)) {
        if (!qobject_to(QDict, base)) {
            qapi_error_setg(errp, d->info, "'base' of %s must be an object "
                            "or a type name", d->source);
            return false;
        }
        if (!qapi_check_members(base, d->info, d->source, "base member",
                                "base", permissive(d), errp)) {
            return false;
        }
    }
    if (!qobject_to(QString, qdict_get(d->expr, "discriminator"))) {
        qapi_error_setg(errp, d->info, "'discriminator' of %s must be a "
                        "string", d->source);
        return false;
    }
    return check_branches(d, true, errp);
}

/* Commands and events: 'data', 'boxed', and for commands 'returns'. */
static bool check_call(Defn *d, Error **errp)
{
    QObject *data = qdict_get(d->expr, "data");
    QObject *returns = qdict_get(d->expr, "returns");
    bool command = !strcmp(d->meta, "command");
    g_autofree char *what = g_strdup_printf("'returns' of %s", d->source);

    if (qdict_haskey(d->expr, "boxed")) {
        if (!data) {
            qapi_error_setg(errp, d->info, "'boxed': true of %s requires "
                            "'data'", d->source);
            return false;
        }
        if (!qobject_to(QString, data)) {
            qapi_error_setg(errp, d->info, "'data' of %s must be a type name "
                            "when 'boxed' is true", d->source);
            return false;
        }
    } else if (data && !qobject_to(QString, data)) {
        if (!qobject_to(QDict, data)) {
            qapi_error_setg(errp, d->info, "'data' of %s must be an object "
                            "or a type name", d->source);
            return false;
        }
        if (!qapi_check_members(data, d->info, d->source,
                                command ? "argument" : "member", "data",
                                permissive(d), errp)) {
            return false;
        }
    }
    if (returns && !qobject_to(QString, returns) &&
        !qobject_to(QList, returns)) {
        qapi_error_setg(errp, d->info, "'returns' of %s must be a type name "
                        "or an array", d->source);
        return false;
    }
    return !returns || qapi_check_type_ref(returns, d->info, what, true,
                                           errp);
}

static bool check_defn_keys(Defn *d, Error **errp)
{
    static const char *const enum_req[] = { "enum", "data", NULL };
    static const char *const enum_opt[] = {
        "prefix", "if", "features", NULL,
    };
    static const char *const struct_req[] = { "struct", "data", NULL };
    static const char *const struct_opt[] = {
        "base", "if", "features", NULL,
    };
    static const char *const union_req[] = {
        "union", "base", "discriminator", "data", NULL,
    };
    static const char *const alt_req[] = { "alternate", "data", NULL };
    static const char *const type_opt[] = { "if", "features", NULL };
    static const char *const cmd_req[] = { "command", NULL };
    static const char *const cmd_opt[] = {
        "data", "returns", "boxed", "success-response", "gen", "allow-oob",
        "allow-preconfig", "coroutine", "if", "features", NULL,
    };
    static const char *const event_req[] = { "event", NULL };
    static const char *const event_opt[] = {
        "data", "boxed", "if", "features", NULL,
    };
    const char *const *req, *const *opt;

    switch (d->meta[0]) {
    case 'e':
        req = strcmp(d->meta, "enum") ? event_req : enum_req;
        opt = strcmp(d->meta, "enum") ? event_opt : enum_opt;
        break;
    case 's':
        req = struct_req;
        opt = struct_opt;
        break;
    case 'u':
        req = union_req;
        opt = type_opt;
        break;
    case 'a':
        req = alt_req;
        opt = type_opt;
        break;
    default:
        req = cmd_req;
        opt = cmd_opt;
        break;
    }
    return qapi_check_keys(d->expr, d->info, d->source, req, opt, errp);
}

static bool check_defn(QAPISchema *schema, QAPIExpr *e, Error **errp)
{
    Defn d = { .schema = schema, .expr = e->expr, .info = e->info };
    QString *name;
    size_t i;
    bool ok;

    for (i = 0; i < ARRAY_SIZE(metas); i++) {
        if (qdict_haskey(e->expr, metas[i])) {
            if (d.meta) {
                d.meta = NULL;
                break;
            }
            d.meta = metas[i];
        }
    }
    if (!d.meta) {
        qapi_error_setg(errp, e->info, "expression must have exactly one key "
                        "'enum', 'struct', 'union', 'alternate', 'command', "
                        "'event', 'include' or 'pragma'");
        return false;
    }
    name = qobject_to(QString, qdict_get(e->expr, d.meta));
    if (!name) {
        qapi_error_setg(errp, e->info, "value of '%s' must be a string",
                        d.meta);
        return false;
    }
    d.name = qstring_get_str(name);
    d.source = g_strdup_printf("%s '%s'", d.meta, d.name);
    e->meta = d.meta;
    e->name = d.name;
    ok = check_defn_name(&d, errp) && check_doc(&d, e->doc, errp) &&
         check_defn_keys(&d, errp) && check_flags(&d, errp) &&
         qapi_check_if(qdict_get(e->expr, "if"), d.info, d.source, errp) &&
         qapi_check_features(qdict_get(e->expr, "features"), d.info,
                             d.source, !strcmp(d.meta, "command") ||
                             !strcmp(d.meta, "event"), errp);
    if (ok) {
        switch (d.meta[0]) {
        case 's':
            ok = check_struct(&d, errp);
            break;
        case 'u':
            ok = check_union(&d, errp);
            break;
        case 'a':
            ok = check_branches(&d, false, errp);
            break;
        case 'c':
            ok = check_call(&d, errp);
            break;
        default:
            ok = !strcmp(d.meta, "enum") ? check_enum(&d, errp)
                                         : check_call(&d, errp);
            break;
        }
    }
    g_free(d.source);
    return ok;
}

bool qapi_check_exprs(QAPISchema *schema, Error **errp)
{
    guint i;

    for (i = 0; i < schema->exprs->len; i++) {
        QAPIExpr *e = g_ptr_array_index(schema->exprs, i);

        if (e->kind == QAPI_EXPR_DEFINITION && !check_defn(schema, e, errp)) {
            return false;
        }
    }
    return true;
}
