/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * schema.h: the checked model of a QAPI schema, which the generators and
 * --dump walk.
 *
 * Loading runs four phases, each stopping at the first error:
 * reader.c reads the files (includes, pragmas, doc comments) into
 * expressions; expr.c checks each expression's syntax; schema.c turns the
 * expressions into entities; schema-check.c resolves type references and
 * checks the semantic rules; doc-check.c matches documentation to them.
 *
 * Everything hangs off the QAPISchema and is freed with it. "Borrowed"
 * below means owned by the schema.
 */
#ifndef QAPI_GEN_SCHEMA_H
#define QAPI_GEN_SCHEMA_H

#include "qobject/qdict.h"
#include "doc.h"
#include "ifcond.h"
#include "source.h"

typedef enum QAPIMeta {
    QAPI_META_BUILTIN,
    QAPI_META_ENUM,
    QAPI_META_ARRAY,
    QAPI_META_STRUCT,
    QAPI_META_UNION,
    QAPI_META_ALTERNATE,
    QAPI_META_COMMAND,
    QAPI_META_EVENT,
} QAPIMeta;

/* Bits of QAPIMember.special and QAPIEntity.special (QapiSpecialFeature). */
#define QAPI_SPECIAL_DEPRECATED (1u << 0)
#define QAPI_SPECIAL_UNSTABLE   (1u << 1)

typedef struct QAPIEntity QAPIEntity;
typedef struct QAPIModule QAPIModule;

typedef struct QAPIFeature {
    char *name;
    QAPIIf *ifcond;
} QAPIFeature;

typedef enum QAPIMemberRole {
    QAPI_ROLE_MEMBER,           /* object member, command argument */
    QAPI_ROLE_VALUE,            /* enum value */
    QAPI_ROLE_BRANCH,           /* union or alternate branch */
} QAPIMemberRole;

/* An object member, enum value, or union or alternate branch. */
typedef struct QAPIMember {
    QAPIMemberRole role;
    char *name;
    bool optional;
    char *type_name;            /* members, branches: "FooList" for ['Foo'] */
    char *elem_name;            /* for ['Foo']: "Foo", else NULL */
    QAPIEntity *type;           /* resolved by the check (borrowed) */
    QAPIIf *ifcond;
    GPtrArray *features;        /* QAPIFeature *, owned */
    unsigned special;           /* QAPI_SPECIAL_* of the features */
    QAPIEntity *owner;          /* the entity defining it (borrowed) */
    const QAPISourceInfo *info;
} QAPIMember;

struct QAPIEntity {
    QAPIMeta meta;
    char *name;
    const QAPISourceInfo *info; /* NULL for built-ins; the user for arrays */
    QAPIDoc *doc;               /* borrowed, or NULL */
    QAPIIf *ifcond;             /* arrays: the element's, after the check */
    GPtrArray *features;        /* QAPIFeature *, owned */
    unsigned special;           /* QAPI_SPECIAL_* of the features */
    QAPIModule *module;         /* borrowed, set by the check */
    bool implicit;              /* q_empty, q_obj_*, arrays, built-ins */
    QAPIEntity *owner;          /* q_obj_*: the command, event or union */
    int check_state;            /* 0 unchecked, 1 in progress, 2 done */

    /* QAPI_META_BUILTIN: JSON type and C type. */
    const char *json_type;
    const char *builtin_c_type;

    /* QAPI_META_ENUM: QAPIMember * (QAPI_ROLE_VALUE), owned; C prefix. */
    GPtrArray *values;
    char *prefix;

    /* QAPI_META_ARRAY */
    char *elem_name;
    QAPIEntity *elem;

    /* QAPI_META_STRUCT, QAPI_META_UNION, QAPI_META_ALTERNATE */
    char *base_name;
    QAPIEntity *base;
    GPtrArray *local_members;   /* QAPIMember *, owned */
    GPtrArray *members;         /* base members then local ones, borrowed */
    char *tag_name;             /* union discriminator */
    QAPIMember *tag;            /* borrowed */
    GPtrArray *variants;        /* QAPIMember * (QAPI_ROLE_BRANCH), owned */

    /* QAPI_META_COMMAND, QAPI_META_EVENT */
    char *arg_name;             /* named or implicit argument type, or NULL */
    QAPIEntity *arg;
    char *ret_name;             /* command return type, or NULL */
    char *ret_elem_name;        /* for 'returns': ['Foo'], "Foo" */
    QAPIEntity *ret;
    bool boxed;
    bool gen;
    bool success_response;
    bool allow_oob;
    bool allow_preconfig;
    bool coroutine;
};

/*
 * A schema file. Generated code goes into one set of files per module,
 * named after the file's base name without ".json".
 */
struct QAPIModule {
    char *name;
    const char *fname;          /* as opened; NULL for the built-in module */
    GPtrArray *entities;        /* QAPIEntity *, borrowed, definition order */
    GPtrArray *includes;        /* QAPIModule *, borrowed, direct includes */
    bool builtin;
};

typedef struct QAPIPragma {
    bool doc_required;
    GPtrArray *command_name_exceptions;     /* char *, owned */
    GPtrArray *command_returns_exceptions;
    GPtrArray *documentation_exceptions;
    GPtrArray *member_name_exceptions;
} QAPIPragma;

typedef enum QAPIExprKind {
    QAPI_EXPR_DEFINITION,       /* a definition, with its doc if any */
    QAPI_EXPR_FREE_DOC,         /* a free-form doc comment (no expr) */
} QAPIExprKind;

/* A top-level item in reading order (includes expanded in place). */
typedef struct QAPIExpr {
    QAPIExprKind kind;
    QDict *expr;                /* owned */
    const QAPISourceInfo *info;
    QAPIDoc *doc;               /* borrowed, or NULL */
    QAPIModule *module;         /* borrowed */
    const char *meta;           /* set by the expression check */
    const char *name;           /* borrowed from @expr */
} QAPIExpr;

typedef struct QAPISchema {
    QAPISourceSet *sources;
    GPtrArray *modules;         /* QAPIModule *, owned: includes first */
    QAPIModule *builtin_module; /* borrowed */
    GPtrArray *exprs;           /* QAPIExpr *, owned, reading order */
    GPtrArray *docs;            /* QAPIDoc *, owned, reading order */
    QAPIPragma pragma;
    GPtrArray *entities;        /* QAPIEntity *, owned, definition order */
    GHashTable *by_name;        /* name -> QAPIEntity *, borrowed */
} QAPISchema;

/*
 * Read, check and model the schema file @fname, reading files with
 * @read_file(@opaque, ...). Returns the schema (free with
 * qapi_schema_free()), or NULL with @errp set to the first error.
 */
QAPISchema *qapi_schema_load(const char *fname, QAPIReadFileFunc *read_file,
                             void *opaque, Error **errp);

/* An empty schema, with only the source set; for the phases. */
QAPISchema *qapi_schema_new(void);

/* Free @schema and everything it owns. NULL is allowed. */
void qapi_schema_free(QAPISchema *schema);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QAPISchema, qapi_schema_free)

/* Phase 3: the entities of the checked expressions of @schema. */
bool qapi_schema_build(QAPISchema *schema, Error **errp);

/* Phase 4: resolve references and check the rules (schema-check.c). */
bool qapi_schema_check(QAPISchema *schema, Error **errp);

/* Phase 5: check documentation against the model (doc-check.c). */
bool qapi_schema_check_docs(QAPISchema *schema, Error **errp);

/* The entity called @name (borrowed), or NULL. */
QAPIEntity *qapi_schema_lookup(const QAPISchema *schema, const char *name);

/* Whether @list (char *) holds @name (for pragma lists). */
bool qapi_pragma_has(const GPtrArray *list, const char *name);

/* "struct", "enum", "built-in", ... */
const char *qapi_meta_name(QAPIMeta meta);

/* Whether @ent is a struct or union (a JSON object type). */
bool qapi_is_object(const QAPIEntity *ent);

/* Whether @ent is a type (not a command or event). */
bool qapi_is_type(const QAPIEntity *ent);

/* "struct 'Foo'", "built-in type 'int'", "array type ['Foo']". New string. */
char *qapi_describe(const QAPIEntity *ent);

/*
 * C names and types of a type entity, as the generators use them:
 * - qapi_type_c_name(): the name in visit_type_NAME() ("int", "Foo",
 *   "q_obj_cmd_arg");
 * - qapi_c_type(): the type of a member or return value ("int64_t",
 *   "char *", "Foo *", "FooList *", "MyEnum");
 * - qapi_c_param_type(): the same as a parameter ("const char *" for str);
 * - qapi_type_is_pointer(): whether qapi_c_type() is a pointer, so that an
 *   optional member needs no has_ flag.
 * All return new strings except qapi_type_is_pointer().
 */
char *qapi_type_c_name(const QAPIEntity *type);
char *qapi_c_type(const QAPIEntity *type);
char *qapi_c_param_type(const QAPIEntity *type);
bool qapi_type_is_pointer(const QAPIEntity *type);

/* Whether optional member @m gets a has_ flag in C. */
bool qapi_member_has_flag(const QAPIMember *m);

/* Whether @ent's object members include a conditional one. */
bool qapi_has_conditional_members(const QAPIEntity *ent);

#endif /* QAPI_GEN_SCHEMA_H */
