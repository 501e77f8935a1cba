/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdict.h: JSON objects, a map from string keys to QObjects that keeps its
 * keys in insertion order so that output is stable and reads naturally.
 *
 * Two kinds of getters: qdict_get_try_*() return a default or NULL when the
 * key is missing or holds another type, and are what code handling client
 * or command-line input uses; qdict_get_int() etc. abort on a missing key or
 * wrong type and are only for dicts whose shape is already checked.
 */
#ifndef QOBJECT_QDICT_H
#define QOBJECT_QDICT_H

#include "qobject/qobject.h"
#include "qobject/qlist.h"

typedef struct QDictEntry {
    char *key;
    QObject *value;             /* owned by the dict */
    struct QDictEntry *prev;
    struct QDictEntry *next;
} QDictEntry;

struct QDict {
    QObjectHeader base;
    GHashTable *table;          /* key -> QDictEntry, for lookup */
    QDictEntry *first;          /* insertion order, for iteration */
    QDictEntry *last;
    size_t size;
};

/* An empty dict. Returns a new reference. */
QDict *qdict_new(void);

/*
 * Store @value under @key (copied); takes ownership of @value. A key that
 * already exists keeps its position and has its old value released.
 */
void qdict_put_obj(QDict *qdict, const char *key, QObject *value);

/* qdict_put_obj() for any QObject subtype pointer. */
#define qdict_put(qdict, key, obj) qdict_put_obj((qdict), (key), QOBJECT(obj))

/* Store a new number, bool, string (copied) or null under @key. */
void qdict_put_int(QDict *qdict, const char *key, int64_t value);
void qdict_put_bool(QDict *qdict, const char *key, bool value);
void qdict_put_str(QDict *qdict, const char *key, const char *value);
void qdict_put_null(QDict *qdict, const char *key);

/* The value under @key (borrowed), or NULL. */
QObject *qdict_get(const QDict *qdict, const char *key);

/* Whether @key is present. */
bool qdict_haskey(const QDict *qdict, const char *key);

/* The number of keys. */
size_t qdict_size(const QDict *qdict);

/* Remove @key and release its value; nothing happens if it is missing. */
void qdict_del(QDict *qdict, const char *key);

/* Remove @key and return its value (ownership to the caller), or NULL. */
QObject *qdict_steal(QDict *qdict, const char *key);

/* Typed getters for known-good dicts: abort on a missing key or wrong type. */
int64_t qdict_get_int(const QDict *qdict, const char *key);
bool qdict_get_bool(const QDict *qdict, const char *key);
double qdict_get_double(const QDict *qdict, const char *key);
const char *qdict_get_str(const QDict *qdict, const char *key);

/* Typed getters for untrusted dicts: @def_value when missing or mistyped. */
int64_t qdict_get_try_int(const QDict *qdict, const char *key, int64_t def_value);
bool qdict_get_try_bool(const QDict *qdict, const char *key, bool def_value);

/* The string under @key (borrowed), or NULL if missing or not a string. */
const char *qdict_get_try_str(const QDict *qdict, const char *key);

/* The dict / list under @key (borrowed), or NULL if missing or another type. */
QDict *qdict_get_qdict(const QDict *qdict, const char *key);
QList *qdict_get_qlist(const QDict *qdict, const char *key);

/* Iteration in insertion order: for (e = qdict_first(d); e; e = qdict_next(d, e)). */
const QDictEntry *qdict_first(const QDict *qdict);
const QDictEntry *qdict_next(const QDict *qdict, const QDictEntry *entry);

/* The key and (borrowed) value of an entry. */
static inline const char *qdict_entry_key(const QDictEntry *entry)
{
    return entry->key;
}

static inline QObject *qdict_entry_value(const QDictEntry *entry)
{
    return entry->value;
}

/* A new dict with the same keys and new references to the same values. */
QDict *qdict_clone_shallow(const QDict *src);

QOBJECT_DEFINE_AUTOPTR(QDict)

#endif /* QOBJECT_QDICT_H */
