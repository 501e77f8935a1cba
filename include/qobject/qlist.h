/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qlist.h: JSON arrays, an ordered list of QObjects. */
#ifndef QOBJECT_QLIST_H
#define QOBJECT_QLIST_H

#include "qobject/qobject.h"

typedef struct QListEntry {
    QObject *value;             /* owned by the list */
    struct QListEntry *next;
} QListEntry;

struct QList {
    QObjectHeader base;
    QListEntry *head;
    QListEntry *tail;
    size_t size;
};

/* An empty list. Returns a new reference. */
QList *qlist_new(void);

/* Append @value at the end of @qlist; takes ownership of @value. */
void qlist_append_obj(QList *qlist, QObject *value);

/* qlist_append_obj() for any QObject subtype pointer. */
#define qlist_append(qlist, obj) qlist_append_obj((qlist), QOBJECT(obj))

/* Append a new number, bool, string (copied) or null. */
void qlist_append_int(QList *qlist, int64_t value);
void qlist_append_bool(QList *qlist, bool value);
void qlist_append_str(QList *qlist, const char *value);
void qlist_append_null(QList *qlist);

/* Remove the first element and return it (ownership to the caller), or NULL. */
QObject *qlist_pop(QList *qlist);

/* The first element (borrowed), or NULL when empty. */
QObject *qlist_peek(const QList *qlist);

/* Whether @qlist has no elements. */
bool qlist_empty(const QList *qlist);

/* The number of elements. */
size_t qlist_size(const QList *qlist);

/* Iteration: for (e = qlist_first(l); e; e = qlist_next(e)) use e->value. */
static inline const QListEntry *qlist_first(const QList *qlist)
{
    return qlist->head;
}

static inline const QListEntry *qlist_next(const QListEntry *entry)
{
    return entry->next;
}

/* Borrowed element of an entry. */
static inline QObject *qlist_entry_obj(const QListEntry *entry)
{
    return entry->value;
}

/* A new list holding new references to the same elements. */
QList *qlist_copy(const QList *src);

QOBJECT_DEFINE_AUTOPTR(QList)

#endif /* QOBJECT_QLIST_H */
