/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * expr.h: phase 2 of loading a schema: the syntax of each definition
 * (keys, JSON types, names, 'if', features, flags). After it, schema.c
 * may rely on every expression having the documented shape.
 */
#ifndef QAPI_GEN_EXPR_H
#define QAPI_GEN_EXPR_H

#include "schema.h"

/* Check every definition of @schema; set QAPIExpr.meta and .name. */
bool qapi_check_exprs(QAPISchema *schema, Error **errp);

/*
 * Helpers shared by expr.c and expr-members.c. @source names the construct
 * in messages, e.g. "struct 'Foo' member 'a'".
 */

/* @d has all of @required (NULL-terminated) and nothing else but @optional. */
bool qapi_check_keys(QDict *d, const QAPISourceInfo *info, const char *source,
                     const char *const *required,
                     const char *const *optional, Error **errp);

/* The 'if' value @cond (may be NULL) of @source is well-formed. */
bool qapi_check_if(QObject *cond, const QAPISourceInfo *info,
                   const char *source, Error **errp);

/*
 * The 'features' value @features (may be NULL) of @source is an array of
 * feature names or {'name', 'if'} objects; special features are allowed
 * when @special_ok.
 */
bool qapi_check_features(QObject *features, const QAPISourceInfo *info,
                         const char *source, bool special_ok, Error **errp);

/*
 * @value is a type reference of @source: a type name, or (when
 * @array_ok) a one-element array of a type name. @what names the key.
 */
bool qapi_check_type_ref(QObject *value, const QAPISourceInfo *info,
                         const char *source, bool array_ok, Error **errp);

/*
 * @members is a MEMBERS object of @owner ("struct 'Foo'"), whose entries
 * are called @role ("member", "argument", "base member"). @permissive
 * admits upper case and '_' in names (pragma member-name-exceptions).
 */
bool qapi_check_members(QObject *members, const QAPISourceInfo *info,
                        const char *owner, const char *role, const char *key,
                        bool permissive, Error **errp);

/* Check a lower-case name @name of @source ("struct 'Foo' member 'a'"). */
bool qapi_check_name_lower(const char *name, const QAPISourceInfo *info,
                           const char *source, bool leading_digit,
                           bool permissive, Error **errp);

#endif /* QAPI_GEN_EXPR_H */
