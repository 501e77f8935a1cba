/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-args.c: kvmini-qmp's KEY=VALUE arguments. keyval parses the words
 * into a tree of strings; the server's own schema (query-qmp-schema) then
 * says which string is an integer, a number, a boolean or null. A value
 * the schema does not type (unknown member, 'any', no schema) is guessed
 * from its text; one that does not convert stays a string, and the
 * server's error says what it expected.
 */
#include "osdep.h"

#include <math.h>

#include "qobject/qbool.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "util/cutils.h"
#include "util/error.h"
#include "util/keyval.h"
#include "kvmini-qmp.h"

struct QmpSchema {
    QList *entries;
    GHashTable *by_name;        /* name -> QDict entry, borrowed */
};

QmpSchema *qmp_schema_new(QList *entries)
{
    QmpSchema *schema = g_new0(QmpSchema, 1);
    const QListEntry *e;
    QDict *entry;
    const char *name;

    schema->entries = entries;
    schema->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    for (e = qlist_first(entries); e; e = qlist_next(e)) {
        entry = qobject_to(QDict, qlist_entry_obj(e));
        name = entry ? qdict_get_try_str(entry, "name") : NULL;
        if (name) {
            g_hash_table_insert(schema->by_name, (char *)name, entry);
        }
    }
    return schema;
}

void qmp_schema_free(QmpSchema *schema)
{
    if (!schema) {
        return;
    }
    g_hash_table_destroy(schema->by_name);
    qobject_unref(schema->entries);
    g_free(schema);
}

/* The entry of @name, if its meta-type is @meta (NULL: any). */
static QDict *schema_lookup(const QmpSchema *schema, const char *name,
                            const char *meta)
{
    QDict *entry = schema && name ? g_hash_table_lookup(schema->by_name, name)
                                  : NULL;
    const char *type = entry ? qdict_get_try_str(entry, "meta-type") : NULL;

    if (!type || (meta && strcmp(type, meta))) {
        return NULL;
    }
    return entry;
}

QDict *qmp_args_parse(char **words, Error **errp)
{
    g_autoptr(GString) params = g_string_new(NULL);
    char **w;
    const char *p;

    for (w = words; *w; w++) {
        if (w != words) {
            g_string_append_c(params, ',');
        }
        /* One word is one KEY=VALUE: its commas are keyval's ",,". */
        for (p = *w; *p; p++) {
            g_string_append_c(params, *p);
            if (*p == ',') {
                g_string_append_c(params, ',');
            }
        }
    }
    return keyval_parse(params->str, NULL, NULL, errp);
}

/* @text as the JSON type @json_type names, or NULL if it is not one. */
static QObject *convert_text(const char *text, const char *json_type)
{
    int64_t i;
    uint64_t u;
    double d;
    char *end;
    bool b;

    if (!strcmp(json_type, "int")) {
        /* Like the keyval visitor: decimal, 0x hex, 0 octal. */
        if (!qemu_strtoi64(text, NULL, 0, &i)) {
            return QOBJECT(qnum_from_int(i));
        }
        if (!qemu_strtou64(text, NULL, 0, &u)) {
            return QOBJECT(qnum_from_uint(u));
        }
    } else if (!strcmp(json_type, "number")) {
        errno = 0;
        d = g_ascii_strtod(text, &end);
        if (*text && !*end && !errno && isfinite(d)) {
            return QOBJECT(qnum_from_double(d));
        }
    } else if (!strcmp(json_type, "boolean")) {
        if (qemu_parse_bool(text, &b)) {
            return QOBJECT(qbool_from_bool(b));
        }
    } else if (!strcmp(json_type, "null")) {
        if (!strcmp(text, "null")) {
            return QOBJECT(qnull());
        }
    }
    return NULL;
}

/* Untyped @text: true, false, null or a JSON number, else a string. */
static QObject *guess_text(const char *text)
{
    QObject *num;

    if (!strcmp(text, "true") || !strcmp(text, "false")) {
        return QOBJECT(qbool_from_bool(text[0] == 't'));
    }
    if (!strcmp(text, "null")) {
        return QOBJECT(qnull());
    }
    num = qobject_from_json(text, NULL);
    if (num && qobject_type(num) == QTYPE_QNUM) {
        return num;
    }
    qobject_unref(num);
    return QOBJECT(qstring_from_str(text));
}

static QObject *type_node(const QmpSchema *schema, QObject *node,
                          const char *type);

/* The type of member @key of the object @info, given its value @dict. */
static const char *member_type(const QmpSchema *schema, QDict *info,
                               QDict *dict, const char *key)
{
    const char *tag = qdict_get_try_str(info, "tag");
    const char *tag_value = tag ? qdict_get_try_str(dict, tag) : NULL;
    QList *members = qdict_get_qlist(info, "members");
    const QListEntry *e;
    QDict *m;

    for (e = members ? qlist_first(members) : NULL; e; e = qlist_next(e)) {
        m = qobject_to(QDict, qlist_entry_obj(e));
        if (m && !g_strcmp0(qdict_get_try_str(m, "name"), key)) {
            return qdict_get_try_str(m, "type");
        }
    }
    /* Not a common member: a member of the union branch @tag selects. */
    members = tag_value ? qdict_get_qlist(info, "variants") : NULL;
    for (e = members ? qlist_first(members) : NULL; e; e = qlist_next(e)) {
        m = qobject_to(QDict, qlist_entry_obj(e));
        if (m && !g_strcmp0(qdict_get_try_str(m, "case"), tag_value)) {
            info = schema_lookup(schema, qdict_get_try_str(m, "type"),
                                 "object");
            return info ? member_type(schema, info, dict, key) : NULL;
        }
    }
    return NULL;
}

/* The keyval object @dict as an object of type @info (NULL: unknown). */
static QObject *type_dict(const QmpSchema *schema, QDict *dict, QDict *info)
{
    QDict *out = qdict_new();
    const QDictEntry *e;
    const char *type;

    for (e = qdict_first(dict); e; e = qdict_next(dict, e)) {
        type = info ? member_type(schema, info, dict, qdict_entry_key(e))
                    : NULL;
        qdict_put_obj(out, qdict_entry_key(e),
                      type_node(schema, qdict_entry_value(e), type));
    }
    return QOBJECT(out);
}

/* The keyval list @list with elements of type @elt (NULL: unknown). */
static QObject *type_list(const QmpSchema *schema, QList *list,
                          const char *elt)
{
    QList *out = qlist_new();
    const QListEntry *e;

    for (e = qlist_first(list); e; e = qlist_next(e)) {
        qlist_append_obj(out, type_node(schema, qlist_entry_obj(e), elt));
    }
    return QOBJECT(out);
}

/*
 * The branch of the alternate @info for a keyval value of QType @qtype:
 * the first object (dict) or array (list) branch; for a string @text, the
 * first branch that converts it, else the first string or enum branch.
 */
static const char *alternate_branch(const QmpSchema *schema, QDict *info,
                                    QType qtype, const char *text)
{
    QList *members = qdict_get_qlist(info, "members");
    const char *type, *meta, *json_type, *fallback = NULL;
    const QListEntry *e;
    QObject *converted;
    QDict *entry, *m;

    for (e = members ? qlist_first(members) : NULL; e; e = qlist_next(e)) {
        m = qobject_to(QDict, qlist_entry_obj(e));
        type = m ? qdict_get_try_str(m, "type") : NULL;
        entry = schema_lookup(schema, type, NULL);
        meta = entry ? qdict_get_str(entry, "meta-type") : "";
        json_type = entry ? qdict_get_try_str(entry, "json-type") : NULL;
        if ((qtype == QTYPE_QDICT && !strcmp(meta, "object")) ||
            (qtype == QTYPE_QLIST && !strcmp(meta, "array"))) {
            return type;
        }
        if (qtype != QTYPE_QSTRING) {
            continue;
        }
        converted = json_type ? convert_text(text, json_type) : NULL;
        if (converted) {
            qobject_unref(converted);
            return type;
        }
        if (!fallback && (!strcmp(meta, "enum") ||
                          !g_strcmp0(json_type, "string"))) {
            fallback = type;
        }
    }
    return fallback;
}

/*
 * The keyval value @node (a QString, QDict or QList) as type @type
 * (NULL: unknown). Returns a new reference.
 */
static QObject *type_node(const QmpSchema *schema, QObject *node,
                          const char *type)
{
    QDict *info = schema_lookup(schema, type, NULL);
    const char *meta = info ? qdict_get_str(info, "meta-type") : "";
    QString *str = qobject_to(QString, node);
    const char *json_type = info ? qdict_get_try_str(info, "json-type")
                                 : NULL;
    QObject *converted;

    if (!strcmp(meta, "alternate")) {
        type = alternate_branch(schema, info, qobject_type(node),
                                str ? qstring_get_str(str) : NULL);
        info = schema_lookup(schema, type, NULL);
        meta = info ? qdict_get_str(info, "meta-type") : "";
        json_type = info ? qdict_get_try_str(info, "json-type") : NULL;
    }
    switch (qobject_type(node)) {
    case QTYPE_QDICT:
        return type_dict(schema, qobject_to(QDict, node),
                         !strcmp(meta, "object") ? info : NULL);
    case QTYPE_QLIST:
        return type_list(schema, qobject_to(QList, node),
                         !strcmp(meta, "array")
                         ? qdict_get_try_str(info, "element-type") : NULL);
    case QTYPE_QSTRING:
        if (!info || (json_type && !strcmp(json_type, "value"))) {
            return guess_text(qstring_get_str(str));
        }
        converted = json_type ? convert_text(qstring_get_str(str), json_type)
                              : NULL;
        return converted ? converted : qobject_ref(node);
    default:
        return qobject_ref(node);
    }
}

QDict *qmp_args_type(const QmpSchema *schema, const char *command,
                     QDict *tree)
{
    QDict *cmd = schema_lookup(schema, command, "command");
    QDict *info = schema_lookup(schema, cmd ? qdict_get_try_str(cmd,
                                                                "arg-type")
                                            : NULL, "object");

    return qobject_to(QDict, type_dict(schema, tree, info));
}
