/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * schema.c: the schema model: built-in types, turning checked expressions
 * into entities, lookup, C type names, and loading a schema from a file.
 */
#include "osdep.h"

#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "expr.h"
#include "names.h"
#include "reader.h"
#include "schema.h"

static const struct {
    const char *name;
    const char *json_type;
    const char *c_type;
} builtins[] = {
    { "str", "string", "char *" },
    { "number", "number", "double" },
    { "int", "int", "int64_t" },
    { "int8", "int", "int8_t" },
    { "int16", "int", "int16_t" },
    { "int32", "int", "int32_t" },
    { "int64", "int", "int64_t" },
    { "uint8", "int", "uint8_t" },
    { "uint16", "int", "uint16_t" },
    { "uint32", "int", "uint32_t" },
    { "uint64", "int", "uint64_t" },
    { "size", "int", "uint64_t" },
    { "bool", "boolean", "bool" },
    { "null", "null", "QNull *" },
    { "any", "value", "QObject *" },
};

/* The built-in enum QType mirrors enum QType of qobject/qobject.h. */
static const char *const qtype_values[] = {
    "none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool",
};

static void feature_free(QAPIFeature *f)
{
    g_free(f->name);
    qapi_if_free(f->ifcond);
    g_free(f);
}

static void member_free(QAPIMember *m)
{
    g_free(m->name);
    g_free(m->type_name);
    g_free(m->elem_name);
    qapi_if_free(m->ifcond);
    g_ptr_array_free(m->features, true);
    g_free(m);
}

static GPtrArray *feature_list_new(void)
{
    return g_ptr_array_new_with_free_func((GDestroyNotify)feature_free);
}

static GPtrArray *member_list_new(void)
{
    return g_ptr_array_new_with_free_func((GDestroyNotify)member_free);
}

static void entity_free(QAPIEntity *ent)
{
    g_free(ent->name);
    qapi_if_free(ent->ifcond);
    g_ptr_array_free(ent->features, true);
    if (ent->values) {
        g_ptr_array_free(ent->values, true);
    }
    g_free(ent->prefix);
    g_free(ent->elem_name);
    g_free(ent->base_name);
    if (ent->local_members) {
        g_ptr_array_free(ent->local_members, true);
    }
    if (ent->members) {
        g_ptr_array_free(ent->members, true);
    }
    g_free(ent->tag_name);
    if (ent->variants) {
        g_ptr_array_free(ent->variants, true);
    }
    g_free(ent->arg_name);
    g_free(ent->ret_name);
    g_free(ent->ret_elem_name);
    g_free(ent);
}

static void module_free(QAPIModule *m)
{
    g_free(m->name);
    g_ptr_array_free(m->entities, true);
    g_ptr_array_free(m->includes, true);
    g_free(m);
}

static void expr_free(QAPIExpr *e)
{
    qobject_unref(e->expr);
    g_free(e);
}

QAPISchema *qapi_schema_new(void)
{
    QAPISchema *s = g_new0(QAPISchema, 1);

    s->sources = qapi_source_set_new();
    s->modules = g_ptr_array_new_with_free_func((GDestroyNotify)module_free);
    s->exprs = g_ptr_array_new_with_free_func((GDestroyNotify)expr_free);
    s->docs = g_ptr_array_new_with_free_func((GDestroyNotify)qapi_doc_free);
    s->pragma.command_name_exceptions = g_ptr_array_new_with_free_func(g_free);
    s->pragma.command_returns_exceptions =
        g_ptr_array_new_with_free_func(g_free);
    s->pragma.documentation_exceptions =
        g_ptr_array_new_with_free_func(g_free);
    s->pragma.member_name_exceptions = g_ptr_array_new_with_free_func(g_free);
    s->entities = g_ptr_array_new_with_free_func((GDestroyNotify)entity_free);
    s->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    return s;
}

void qapi_schema_free(QAPISchema *s)
{
    if (!s) {
        return;
    }
    g_hash_table_destroy(s->by_name);
    g_ptr_array_free(s->entities, true);
    g_ptr_array_free(s->exprs, true);
    g_ptr_array_free(s->docs, true);
    g_ptr_array_free(s->modules, true);
    g_ptr_array_free(s->pragma.command_name_exceptions, true);
    g_ptr_array_free(s->pragma.command_returns_exceptions, true);
    g_ptr_array_free(s->pragma.documentation_exceptions, true);
    g_ptr_array_free(s->pragma.member_name_exceptions, true);
    qapi_source_set_free(s->sources);
    g_free(s);
}

QAPIEntity *qapi_schema_lookup(const QAPISchema *schema, const char *name)
{
    return g_hash_table_lookup(schema->by_name, name);
}

bool qapi_pragma_has(const GPtrArray *list, const char *name)
{
    guint i;

    for (i = 0; i < list->len; i++) {
        if (!strcmp(g_ptr_array_index(list, i), name)) {
            return true;
        }
    }
    return false;
}

static QAPIEntity *entity_new(QAPIMeta meta, const char *name,
                              const QAPISourceInfo *info)
{
    QAPIEntity *ent = g_new0(QAPIEntity, 1);

    ent->meta = meta;
    ent->name = g_strdup(name);
    ent->info = info;
    ent->features = feature_list_new();
    return ent;
}

static void entity_add(QAPISchema *schema, QAPIEntity *ent)
{
    g_ptr_array_add(schema->entities, ent);
    g_hash_table_insert(schema->by_name, ent->name, ent);
}

/* The array type of @elem_name, made on first use. Returns its name. */
static char *array_type(QAPISchema *schema, const char *elem_name,
                        const QAPISourceInfo *info)
{
    char *name = g_strconcat(elem_name, "List", NULL);
    QAPIEntity *ent;

    if (!qapi_schema_lookup(schema, name)) {
        ent = entity_new(QAPI_META_ARRAY, name, info);
        ent->elem_name = g_strdup(elem_name);
        ent->implicit = true;
        entity_add(schema, ent);
    }
    return name;
}

static void builtins_add(QAPISchema *schema)
{
    QAPIModule *m = g_new0(QAPIModule, 1);
    QAPIEntity *ent;
    size_t i;

    m->name = g_strdup("builtin");
    m->entities = g_ptr_array_new();
    m->includes = g_ptr_array_new();
    m->builtin = true;
    g_ptr_array_add(schema->modules, m);
    schema->builtin_module = m;
    for (i = 0; i < ARRAY_SIZE(builtins); i++) {
        ent = entity_new(QAPI_META_BUILTIN, builtins[i].name, NULL);
        ent->json_type = builtins[i].json_type;
        ent->builtin_c_type = builtins[i].c_type;
        ent->implicit = true;
        entity_add(schema, ent);
        g_free(array_type(schema, builtins[i].name, NULL));
    }
    ent = entity_new(QAPI_META_ENUM, "QType", NULL);
    ent->implicit = true;
    ent->prefix = g_strdup("QTYPE");
    ent->values = member_list_new();
    for (i = 0; i < ARRAY_SIZE(qtype_values); i++) {
        QAPIMember *v = g_new0(QAPIMember, 1);

        v->role = QAPI_ROLE_VALUE;
        v->name = g_strdup(qtype_values[i]);
        v->features = feature_list_new();
        v->owner = ent;
        g_ptr_array_add(ent->values, v);
    }
    entity_add(schema, ent);
    g_free(array_type(schema, "QType", NULL));
    ent = entity_new(QAPI_META_STRUCT, "q_empty", NULL);
    ent->implicit = true;
    ent->local_members = member_list_new();
    entity_add(schema, ent);
}

/* Phase 3 state: the expression being turned into entities. */
typedef struct Build {
    QAPISchema *schema;
    QAPIExpr *e;
} Build;

static QAPIIf *build_if(QObject *cond)
{
    QAPIIf *result;

    qapi_if_parse(cond, NULL, "", &result, &error_abort);
    return result;
}

static unsigned build_features(QObject *obj, GPtrArray *dst)
{
    QList *list = qobject_to(QList, obj);
    const QListEntry *e;
    unsigned special = 0;

    for (e = list ? qlist_first(list) : NULL; e; e = qlist_next(e)) {
        QAPIFeature *f = g_new0(QAPIFeature, 1);
        QDict *dict = qobject_to(QDict, qlist_entry_obj(e));
        QObject *name = dict ? qdict_get(dict, "name") : qlist_entry_obj(e);

        f->name = g_strdup(qstring_get_str(qobject_to(QString, name)));
        f->ifcond = dict ? build_if(qdict_get(dict, "if")) : NULL;
        if (!strcmp(f->name, "deprecated")) {
            special |= QAPI_SPECIAL_DEPRECATED;
        } else if (!strcmp(f->name, "unstable")) {
            special |= QAPI_SPECIAL_UNSTABLE;
        }
        g_ptr_array_add(dst, f);
    }
    return special;
}

/* A member or branch typed by @ref (a name or a one-name array). */
static QAPIMember *build_typed(Build *b, QAPIMemberRole role,
                               const char *name, QObject *value,
                               QAPIEntity *owner)
{
    QAPIMember *m = g_new0(QAPIMember, 1);
    QDict *dict = qobject_to(QDict, value);
    QObject *ref = dict ? qdict_get(dict, "type") : value;
    QList *list = qobject_to(QList, ref);

    m->role = role;
    m->optional = role == QAPI_ROLE_MEMBER && name[0] == '*';
    m->name = g_strdup(name + m->optional);
    m->owner = owner;
    m->info = b->e->info;
    m->features = feature_list_new();
    if (list) {
        m->elem_name = g_strdup(qstring_get_str(qobject_to(QString,
                                                           qlist_peek(list))));
        m->type_name = array_type(b->schema, m->elem_name, b->e->info);
    } else {
        m->type_name = g_strdup(qstring_get_str(qobject_to(QString, ref)));
    }
    if (dict) {
        m->ifcond = build_if(qdict_get(dict, "if"));
        m->special = build_features(qdict_get(dict, "features"), m->features);
    }
    return m;
}

static GPtrArray *build_members(Build *b, QDict *data, QAPIEntity *owner)
{
    GPtrArray *members = member_list_new();
    const QDictEntry *e;

    for (e = data ? qdict_first(data) : NULL; e; e = qdict_next(data, e)) {
        g_ptr_array_add(members, build_typed(b, QAPI_ROLE_MEMBER,
                                             qdict_entry_key(e),
                                             qdict_entry_value(e), owner));
    }
    return members;
}

static QAPIEntity *build_entity(Build *b, QAPIMeta meta)
{
    QAPIEntity *ent = entity_new(meta, b->e->name, b->e->info);

    ent->doc = b->e->doc;
    ent->module = b->e->module;
    ent->ifcond = build_if(qdict_get(b->e->expr, "if"));
    ent->special = build_features(qdict_get(b->e->expr, "features"),
                                  ent->features);
    return ent;
}

/*
 * The implicit object type "q_obj_NAME-ROLE" for an inline MEMBERS
 * object of @owner; NULL (no type) for an empty argument list unless
 * @always. Stores its name into *@name.
 */
static QAPIEntity *build_implicit(Build *b, QAPIEntity *owner, QDict *data,
                                  const char *role, bool always, char **name)
{
    QAPIEntity *ent;

    if (!qdict_size(data) && !always) {
        return NULL;
    }
    *name = g_strdup_printf("q_obj_%s-%s", owner->name, role);
    ent = entity_new(QAPI_META_STRUCT, *name, owner->info);
    ent->implicit = true;
    ent->owner = owner;
    ent->module = owner->module;
    ent->ifcond = qapi_if_copy(owner->ifcond);
    ent->doc = owner->doc;
    ent->local_members = build_members(b, data, ent);
    entity_add(b->schema, ent);
    return ent;
}

static void build_enum(Build *b, QAPIEntity *ent)
{
    QList *data = qobject_to(QList, qdict_get(b->e->expr, "data"));
    QObject *prefix = qdict_get(b->e->expr, "prefix");
    const QListEntry *e;

    ent->values = member_list_new();
    if (prefix) {
        ent->prefix = g_strdup(qstring_get_str(qobject_to(QString, prefix)));
    }
    for (e = qlist_first(data); e; e = qlist_next(e)) {
        QAPIMember *v = g_new0(QAPIMember, 1);
        QDict *dict = qobject_to(QDict, qlist_entry_obj(e));
        QObject *name = dict ? qdict_get(dict, "name") : qlist_entry_obj(e);

        v->role = QAPI_ROLE_VALUE;
        v->name = g_strdup(qstring_get_str(qobject_to(QString, name)));
        v->owner = ent;
        v->info = b->e->info;
        v->features = feature_list_new();
        if (dict) {
            v->ifcond = build_if(qdict_get(dict, "if"));
            v->special = build_features(qdict_get(dict, "features"),
                                        v->features);
        }
        g_ptr_array_add(ent->values, v);
    }
}

static void build_branches(Build *b, QAPIEntity *ent)
{
    QDict *data = qobject_to(QDict, qdict_get(b->e->expr, "data"));
    const QDictEntry *e;

    ent->variants = member_list_new();
    for (e = qdict_first(data); e; e = qdict_next(data, e)) {
        g_ptr_array_add(ent->variants,
                        build_typed(b, QAPI_ROLE_BRANCH, qdict_entry_key(e),
                                    qdict_entry_value(e), ent));
    }
}

static bool flag(Build *b, const char *key, bool def)
{
    return qdict_haskey(b->e->expr, key) ? !def : def;
}

/* Commands and events: argument type (named or implicit), returns. */
static void build_call(Build *b, QAPIEntity *ent)
{
    QObject *data = qdict_get(b->e->expr, "data");
    QObject *ret = qdict_get(b->e->expr, "returns");

    ent->boxed = flag(b, "boxed", false);
    ent->gen = flag(b, "gen", true);
    ent->success_response = flag(b, "success-response", true);
    ent->allow_oob = flag(b, "allow-oob", false);
    ent->allow_preconfig = flag(b, "allow-preconfig", false);
    ent->coroutine = flag(b, "coroutine", false);
    if (qobject_to(QString, data)) {
        ent->arg_name = g_strdup(qstring_get_str(qobject_to(QString, data)));
    } else if (data) {
        ent->arg = build_implicit(b, ent, qobject_to(QDict, data), "arg",
                                  false, &ent->arg_name);
    }
    if (qobject_to(QList, ret)) {
        QString *elem = qobject_to(QString, qlist_peek(qobject_to(QList, ret)));

        ent->ret_elem_name = g_strdup(qstring_get_str(elem));
        ent->ret_name = array_type(b->schema, ent->ret_elem_name,
                                   b->e->info);
    } else if (ret) {
        ent->ret_name = g_strdup(qstring_get_str(qobject_to(QString, ret)));
    }
}

static bool build_defn(Build *b, Error **errp)
{
    static const char *const meta_names[] = {
        "enum", "struct", "union", "alternate", "command", "event",
    };
    static const QAPIMeta meta_values[] = {
        QAPI_META_ENUM, QAPI_META_STRUCT, QAPI_META_UNION,
        QAPI_META_ALTERNATE, QAPI_META_COMMAND, QAPI_META_EVENT,
    };
    QAPIEntity *other = qapi_schema_lookup(b->schema, b->e->name);
    QAPIEntity *ent;
    QObject *base;
    size_t i;

    if (other) {
        g_autofree char *what = qapi_describe(other);

        if (other->info) {
            qapi_error_setg(errp, b->e->info, "%s '%s' is already defined as "
                            "%s at %s:%d", b->e->meta, b->e->name, what,
                            other->info->fname, other->info->line);
        } else {
            qapi_error_setg(errp, b->e->info, "%s '%s' is already defined as "
                            "%s", b->e->meta, b->e->name, what);
        }
        return false;
    }
    for (i = 0; strcmp(meta_names[i], b->e->meta); i++) {
        continue;
    }
    ent = build_entity(b, meta_values[i]);
    switch (ent->meta) {
    case QAPI_META_ENUM:
        build_enum(b, ent);
        break;
    case QAPI_META_STRUCT:
        base = qdict_get(b->e->expr, "base");
        ent->base_name = base ? g_strdup(qstring_get_str(
                                             qobject_to(QString, base)))
                              : NULL;
        ent->local_members = build_members(b, qobject_to(QDict,
                                           qdict_get(b->e->expr, "data")),
                                           ent);
        break;
    case QAPI_META_UNION:
        base = qdict_get(b->e->expr, "base");
        if (qobject_to(QString, base)) {
            ent->base_name = g_strdup(qstring_get_str(qobject_to(QString,
                                                                 base)));
        } else {
            ent->base = build_implicit(b, ent, qobject_to(QDict, base),
                                       "base", true, &ent->base_name);
        }
        ent->local_members = member_list_new();
        ent->tag_name = g_strdup(qdict_get_str(b->e->expr, "discriminator"));
        build_branches(b, ent);
        break;
    case QAPI_META_ALTERNATE:
        ent->local_members = member_list_new();
        build_branches(b, ent);
        break;
    default:
        build_call(b, ent);
        break;
    }
    entity_add(b->schema, ent);
    return true;
}

bool qapi_schema_build(QAPISchema *schema, Error **errp)
{
    guint i;

    builtins_add(schema);
    for (i = 0; i < schema->exprs->len; i++) {
        Build b = {
            .schema = schema,
            .e = g_ptr_array_index(schema->exprs, i),
        };

        if (b.e->kind == QAPI_EXPR_DEFINITION && !build_defn(&b, errp)) {
            return false;
        }
    }
    return true;
}

QAPISchema *qapi_schema_load(const char *fname, QAPIReadFileFunc *read_file,
                             void *opaque, Error **errp)
{
    g_autoptr(QAPISchema) schema = qapi_schema_new();

    if (!qapi_read_schema(schema, fname, read_file, opaque, errp) ||
        !qapi_check_exprs(schema, errp) ||
        !qapi_schema_build(schema, errp) ||
        !qapi_schema_check(schema, errp) ||
        !qapi_schema_check_docs(schema, errp)) {
        return NULL;
    }
    return g_steal_pointer(&schema);
}
