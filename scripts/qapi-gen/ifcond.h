/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ifcond.h: 'if' conditions of schema constructs, and their C (#if), text
 * and dump forms. A NULL QAPIIf * means "unconditional" everywhere.
 */
#ifndef QAPI_GEN_IFCOND_H
#define QAPI_GEN_IFCOND_H

#include "source.h"

typedef enum QAPIIfKind {
    QAPI_IF_NAME,               /* 'CONFIG_FOO': defined(CONFIG_FOO) */
    QAPI_IF_ALL,                /* {'all': [...]}: a && b */
    QAPI_IF_ANY,                /* {'any': [...]}: a || b */
    QAPI_IF_NOT,                /* {'not': c}: !c */
} QAPIIfKind;

typedef struct QAPIIf QAPIIf;
struct QAPIIf {
    QAPIIfKind kind;
    char *name;                 /* QAPI_IF_NAME */
    GPtrArray *args;            /* QAPIIf *, owned; one for QAPI_IF_NOT */
};

/*
 * Check and convert the 'if' value @obj (borrowed; NULL when absent) of
 * @source (e.g. "struct 'Foo' member 'a'"). On success store the
 * condition (NULL when absent; caller frees) into *@result and return true.
 */
bool qapi_if_parse(QObject *obj, const QAPISourceInfo *info,
                   const char *source, QAPIIf **result, Error **errp);

/* A deep copy of @cond (NULL gives NULL). */
QAPIIf *qapi_if_copy(const QAPIIf *cond);

/*
 * The disjunction of @a and @b, taking ownership of both: NULL (always)
 * when either is NULL.
 */
QAPIIf *qapi_if_or(QAPIIf *a, QAPIIf *b);

/* Free @cond. NULL is allowed. */
void qapi_if_free(QAPIIf *cond);

/* The C preprocessor expression for @cond (not NULL). Returns a new string. */
char *qapi_if_c(const QAPIIf *cond);

/*
 * The schema form of @cond (not NULL), e.g. "all(CONFIG_A, not(CONFIG_B))".
 * Returns a new string.
 */
char *qapi_if_text(const QAPIIf *cond);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QAPIIf, qapi_if_free)

#endif /* QAPI_GEN_IFCOND_H */
