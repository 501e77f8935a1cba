/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * keyval.c: parse `key=value,...` with dotted keys into nested QDicts and
 * QLists of QStrings (the input of a QAPI visitor for -object and friends).
 *
 * Parsing runs in two passes: each element is stored into a tree of QDicts
 * along its dotted key, then every level whose keys are all list indexes is
 * turned into a QList, which needs all of the level's keys to be known.
 */
#include "osdep.h"

#include "qobject/qstring.h"
#include "util/error.h"
#include "util/keyval.h"
#include "util-internal.h"

/*
 * The most dotted parts a key may have. Deeper trees are never needed, and
 * the bound keeps the recursion of keyval_listify() and of freeing the tree
 * shallow whatever the input.
 */
#define KEYVAL_MAX_DEPTH 64

/* Whether @frag (@len characters) is a list index: decimal digits. */
static bool keyval_is_index(const char *frag, size_t len)
{
    return len && strspn(frag, "0123456789") >= len;
}

static bool keyval_key_wellformed(const char *key, Error **errp)
{
    ERRP_GUARD();
    const char *frag = key;
    const char *hint = NULL;
    size_t len;
    int depth = 0;

    for (;;) {
        len = strcspn(frag, ".");
        if (!len || strspn(frag, "abcdefghijklmnopqrstuvwxyz"
                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "0123456789-_") < len) {
            hint = "Each dotted part of a parameter name consists of "
                   "letters, digits, '-' and '_'.\n";
        } else if (len > 1 && frag[0] == '0' && keyval_is_index(frag, len)) {
            /* "a.01" and "a.1" would be one list element with two names. */
            hint = "List indexes are written without leading zeros.\n";
        } else if (++depth > KEYVAL_MAX_DEPTH) {
            hint = "A parameter name has at most 64 dotted parts.\n";
        }
        if (hint) {
            error_setg(errp, "Invalid parameter name '%s'", key);
            error_append_hint(errp, "%s", hint);
            return false;
        }
        if (frag[len] == '\0') {
            return true;
        }
        frag += len + 1;
    }
}

/*
 * Store @value at the dotted @key of @root, creating the QDicts on the way.
 * A repeated key keeps the last value.
 */
static bool keyval_put(QDict *root, const char *key, const char *value,
                       Error **errp)
{
    const char *frag = key, *dot;
    QDict *cur = root, *next;
    QObject *child;

    while ((dot = strchr(frag, '.'))) {
        g_autofree char *name = g_strndup(frag, dot - frag);

        child = qdict_get(cur, name);
        if (!child) {
            next = qdict_new();
            qdict_put(cur, name, next);
        } else {
            next = qobject_to(QDict, child);
        }
        if (!next) {
            error_setg(errp, "Parameter '%.*s' used both as a value and as "
                       "a prefix", (int)(dot - key), key);
            return false;
        }
        cur = next;
        frag = dot + 1;
    }
    if (qobject_to(QDict, qdict_get(cur, frag))) {
        error_setg(errp, "Parameter '%s' used both as a value and as a prefix",
                   key);
        return false;
    }
    qdict_put_str(cur, frag, value);
    return true;
}

/*
 * If the keys of @dict (at dotted @path) are all indexes, set *@list to a
 * new QList of its values in index order; if they are all names, set it to
 * NULL. Returns false if they are mixed or an index is missing.
 */
static bool keyval_level_to_list(const QDict *dict, const char *path,
                                 QList **list, Error **errp)
{
    ERRP_GUARD();
    const QDictEntry *e;
    size_t indexes = 0, i;
    QObject *elt;
    char key[24];

    *list = NULL;
    for (e = qdict_first(dict); e; e = qdict_next(dict, e)) {
        indexes += keyval_is_index(e->key, strlen(e->key));
    }
    if (!indexes) {
        return true;
    }
    if (indexes < qdict_size(dict)) {
        error_setg(errp, "Parameter '%s' used inconsistently", path);
        error_append_hint(errp, "The keys under it must be all list indexes "
                          "(0, 1, ...) or all names.\n");
        return false;
    }
    /*
     * Indexes are unique and without leading zeros, so 0 .. size - 1 all
     * present means there is no gap; the first one absent is the gap.
     */
    *list = qlist_new();
    for (i = 0; i < qdict_size(dict); i++) {
        snprintf(key, sizeof(key), "%zu", i);
        elt = qdict_get(dict, key);
        if (!elt) {
            error_setg(errp, "Parameter '%s.%zu' missing", path, i);
            qobject_unref(*list);
            *list = NULL;
            return false;
        }
        qlist_append_obj(*list, qobject_ref(elt));
    }
    return true;
}

/* Turn every level below @dict (at @path, NULL for the root) into lists. */
static bool keyval_listify(QDict *dict, const char *path, Error **errp)
{
    const QDictEntry *e;
    QDict *child;
    QList *list;

    for (e = qdict_first(dict); e; e = qdict_next(dict, e)) {
        g_autofree char *child_path = NULL;

        child = qobject_to(QDict, qdict_entry_value(e));
        if (!child) {
            continue;
        }
        child_path = path ? g_strdup_printf("%s.%s", path, e->key)
                          : g_strdup(e->key);
        if (!keyval_listify(child, child_path, errp) ||
            !keyval_level_to_list(child, child_path, &list, errp)) {
            return false;
        }
        if (list) {
            /* Replacing the value of an existing key keeps @e valid. */
            qdict_put(dict, e->key, list);
        }
    }
    return true;
}

/*
 * Parse the element at *@pp into @root and move *@pp past it and its ','.
 * @implied is the implied key when this is the first element.
 */
static bool keyval_parse_element(QDict *root, const char **pp,
                                 const char *implied, bool *help, Error **errp)
{
    const char *start = *pp;
    g_autofree char *key = NULL;
    g_autofree char *value = NULL;

    qemu_opt_split_element(pp, implied, &key, &value);

    if (!key && help && is_help_option(value)) {
        *help = true;
        return true;
    }
    if (!key) {
        return keyval_put(root, implied, value, errp);
    }
    if (!key[0]) {
        error_setg(errp, "Empty parameter name at '%s'", start);
        return false;
    }
    if (!value && help && is_help_option(key)) {
        *help = true;
        return true;
    }
    if (!value) {
        error_setg(errp, "Expected '=' after parameter '%s'", key);
        return false;
    }
    return keyval_key_wellformed(key, errp) &&
           keyval_put(root, key, value, errp);
}

QDict *keyval_parse(const char *params, const char *implied_key, bool *help,
                    Error **errp)
{
    g_autoptr(QDict) root = qdict_new();
    const char *p = params;

    if (help) {
        *help = false;
    }
    while (*p) {
        if (!keyval_parse_element(root, &p, p == params ? implied_key : NULL,
                                  help, errp)) {
            return NULL;
        }
    }
    if (!keyval_listify(root, NULL, errp)) {
        return NULL;
    }
    return g_steal_pointer(&root);
}
