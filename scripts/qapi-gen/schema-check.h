/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * schema-check.h: what the files of phase 4 (schema-check.c,
 * schema-check-alternate.c) share. Private to them.
 */
#ifndef QAPI_GEN_SCHEMA_CHECK_H
#define QAPI_GEN_SCHEMA_CHECK_H

#include "schema.h"

/* The state of one check of a schema. */
typedef struct QAPICheck {
    QAPISchema *schema;
} QAPICheck;

/*
 * The type called @name that @what ("struct 'Foo' member 'a'") uses
 * (borrowed), or NULL with @errp set when there is none or it is a
 * command or event. Implicit object types are not visible.
 */
QAPIEntity *qapi_check_resolve(QAPICheck *c, const char *name,
                               const QAPISourceInfo *info, const char *what,
                               Error **errp);

/* "struct 'Foo' member 'a'", "command 'c' argument 'a'", ... New string. */
char *qapi_describe_member(const QAPIMember *m);

/*
 * Add @m, described as @what, to @seen (C name -> member); fail when a
 * member with the same C name is there.
 */
bool qapi_check_member_add(GHashTable *seen, QAPIMember *m, const char *what,
                           const QAPISourceInfo *info, Error **errp);

/* No feature of @features, which belong to @what, is listed twice. */
bool qapi_check_feature_list(const GPtrArray *features, const char *what,
                             const QAPISourceInfo *info, Error **errp);

/* Check struct or union @ent (and its base first); idempotent. */
bool qapi_check_object(QAPICheck *c, QAPIEntity *ent, Error **errp);

/*
 * No two things the generated code defines have the same C name, and none
 * is a name of the QAPI runtime (schema-check-cnames.c).
 */
bool qapi_check_c_names(QAPICheck *c, Error **errp);

/* Check alternate @ent. */
bool qapi_check_alternate(QAPICheck *c, QAPIEntity *ent, Error **errp);

#endif /* QAPI_GEN_SCHEMA_CHECK_H */
