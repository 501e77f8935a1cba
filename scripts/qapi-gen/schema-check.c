/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * schema-check.c: phase 4 of loading a schema: resolve every type
 * reference and check the semantic rules: member clashes (also after
 * mapping names to C), bases, union discriminators and branches,
 * alternate branches being distinguishable on the wire, command
 * arguments and return types. Then assign every entity to its module.
 */
#include "osdep.h"

#include "util/error.h"
#include "names.h"
#include "schema-check.h"

const char *qapi_meta_name(QAPIMeta meta)
{
    static const char *const names[] = {
        [QAPI_META_BUILTIN] = "built-in",
        [QAPI_META_ENUM] = "enum",
        [QAPI_META_ARRAY] = "array",
        [QAPI_META_STRUCT] = "struct",
        [QAPI_META_UNION] = "union",
        [QAPI_META_ALTERNATE] = "alternate",
        [QAPI_META_COMMAND] = "command",
        [QAPI_META_EVENT] = "event",
    };

    return names[meta];
}

bool qapi_is_object(const QAPIEntity *ent)
{
    return ent->meta == QAPI_META_STRUCT || ent->meta == QAPI_META_UNION;
}

bool qapi_is_type(const QAPIEntity *ent)
{
    return ent->meta != QAPI_META_COMMAND && ent->meta != QAPI_META_EVENT;
}

char *qapi_describe(const QAPIEntity *ent)
{
    if (ent->meta == QAPI_META_BUILTIN) {
        return g_strdup_printf("built-in type '%s'", ent->name);
    }
    if (ent->meta == QAPI_META_ARRAY) {
        return g_strdup_printf("array type ['%s']", ent->elem_name);
    }
    if (!ent->info) {
        return g_strdup_printf("built-in %s '%s'", qapi_meta_name(ent->meta),
                               ent->name);
    }
    return g_strdup_printf("%s '%s'", qapi_meta_name(ent->meta), ent->name);
}

/* "struct 'Foo' member 'a'", "command 'c' argument 'a'", ... */
char *qapi_describe_member(const QAPIMember *m)
{
    static const char *const roles[] = {
        [QAPI_ROLE_MEMBER] = "member",
        [QAPI_ROLE_VALUE] = "value",
        [QAPI_ROLE_BRANCH] = "branch",
    };
    const QAPIEntity *owner = m->owner;
    const char *role = roles[m->role];
    g_autofree char *what = NULL;

    if (owner->owner) {
        role = owner->owner->meta == QAPI_META_COMMAND ? "argument" :
               owner->owner->meta == QAPI_META_UNION ? "base member" :
               "member";
        owner = owner->owner;
    }
    what = qapi_describe(owner);
    return g_strdup_printf("%s %s '%s'", what, role, m->name);
}

/* The type @name used by @what; implicit object types are not visible. */
QAPIEntity *qapi_check_resolve(QAPICheck *c, const char *name,
                           const QAPISourceInfo *info, const char *what,
                           Error **errp)
{
    QAPIEntity *ent = qapi_schema_lookup(c->schema, name);
    g_autofree char *desc = NULL;

    if (!ent || (ent->meta == QAPI_META_STRUCT && ent->implicit)) {
        qapi_error_setg(errp, info, "%s uses unknown type '%s'", what, name);
        return NULL;
    }
    if (!qapi_is_type(ent)) {
        desc = qapi_describe(ent);
        qapi_error_setg(errp, info, "%s uses %s, which is not a type", what,
                        desc);
        return NULL;
    }
    return ent;
}

/* Resolve @type_name, which is "ElemList" for an array of @elem_name. */
static QAPIEntity *resolve_ref(QAPICheck *c, const char *type_name,
                               const char *elem_name,
                               const QAPISourceInfo *info, const char *what,
                               Error **errp)
{
    QAPIEntity *array, *elem;

    if (!elem_name) {
        return qapi_check_resolve(c, type_name, info, what, errp);
    }
    elem = qapi_check_resolve(c, elem_name, info, what, errp);
    if (!elem) {
        return NULL;
    }
    if (elem->meta == QAPI_META_ARRAY) {
        qapi_error_setg(errp, info, "%s uses an array of arrays", what);
        return NULL;
    }
    array = qapi_schema_lookup(c->schema, type_name);
    array->elem = elem;
    return array;
}

bool qapi_check_feature_list(const GPtrArray *features, const char *what,
                           const QAPISourceInfo *info, Error **errp)
{
    guint i, j;

    for (i = 0; i < features->len; i++) {
        const QAPIFeature *f = g_ptr_array_index(features, i);

        for (j = 0; j < i; j++) {
            const QAPIFeature *g = g_ptr_array_index(features, j);

            if (!strcmp(f->name, g->name)) {
                qapi_error_setg(errp, info, "%s feature '%s' is listed "
                                "twice", what, f->name);
                return false;
            }
        }
    }
    return true;
}

static bool check_enum(QAPICheck *c, QAPIEntity *ent, Error **errp)
{
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash,
                                                       g_str_equal,
                                                       g_free, NULL);
    guint i;

    for (i = 0; i < ent->values->len; i++) {
        QAPIMember *v = g_ptr_array_index(ent->values, i);
        g_autofree char *what = qapi_describe_member(v);
        char *key = qapi_c_enum_const("E", v->name, "E");
        QAPIMember *other = g_hash_table_lookup(seen, key);

        if (other) {
            g_autofree char *owhat = qapi_describe_member(other);

            g_free(key);
            qapi_error_setg(errp, ent->info, "%s collides with %s", what,
                            owhat);
            return false;
        }
        g_hash_table_insert(seen, key, v);
        if (!qapi_check_feature_list(v->features, what, ent->info, errp)) {
            return false;
        }
    }
    return true;
}

/* Add @m to the members seen so far (by C name); fail on a clash. */
bool qapi_check_member_add(GHashTable *seen, QAPIMember *m, const char *what,
                       const QAPISourceInfo *info, Error **errp)
{
    char *key = qapi_c_name(m->name, false);
    QAPIMember *other = g_hash_table_lookup(seen, key);

    if (other) {
        g_autofree char *owhat = qapi_describe_member(other);

        g_free(key);
        qapi_error_setg(errp, info, "%s collides with %s", what, owhat);
        return false;
    }
    g_hash_table_insert(seen, key, m);
    return true;
}


static bool check_base(QAPICheck *c, QAPIEntity *ent, GHashTable *seen,
                       Error **errp)
{
    g_autofree char *self = qapi_describe(ent->owner ? ent->owner : ent);
    g_autofree char *what = g_strdup_printf("base of %s", self);
    g_autofree char *desc = NULL;
    guint i;

    if (!ent->base) {
        ent->base = qapi_check_resolve(c, ent->base_name, ent->info, what,
                                       errp);
        if (!ent->base) {
            return false;
        }
    }
    if (ent->base->meta != QAPI_META_STRUCT) {
        desc = qapi_describe(ent->base);
        qapi_error_setg(errp, ent->info, "%s must be a struct, not %s", what,
                        desc);
        return false;
    }
    if (!qapi_check_object(c, ent->base, errp)) {
        return false;
    }
    for (i = 0; i < ent->base->members->len; i++) {
        QAPIMember *m = g_ptr_array_index(ent->base->members, i);

        g_hash_table_insert(seen, qapi_c_name(m->name, false), m);
        g_ptr_array_add(ent->members, m);
    }
    return true;
}

static bool check_local_members(QAPICheck *c, QAPIEntity *ent,
                                GHashTable *seen, Error **errp)
{
    guint i;

    for (i = 0; i < ent->local_members->len; i++) {
        QAPIMember *m = g_ptr_array_index(ent->local_members, i);
        g_autofree char *what = qapi_describe_member(m);

        m->type = resolve_ref(c, m->type_name, m->elem_name, ent->info, what,
                              errp);
        if (!m->type ||
            !qapi_check_feature_list(m->features, what, ent->info, errp) ||
            !qapi_check_member_add(seen, m, what, ent->info, errp)) {
            return false;
        }
        g_ptr_array_add(ent->members, m);
    }
    return true;
}

static QAPIMember *find_value(const QAPIEntity *enum_type, const char *name)
{
    guint i;

    for (i = 0; i < enum_type->values->len; i++) {
        QAPIMember *v = g_ptr_array_index(enum_type->values, i);

        if (!strcmp(v->name, name)) {
            return v;
        }
    }
    return NULL;
}

static bool check_tag(QAPIEntity *ent, const char *self, Error **errp)
{
    g_autofree char *desc = NULL;
    guint i;

    for (i = 0; i < ent->members->len; i++) {
        QAPIMember *m = g_ptr_array_index(ent->members, i);

        if (!strcmp(m->name, ent->tag_name)) {
            ent->tag = m;
        }
    }
    if (!ent->tag) {
        qapi_error_setg(errp, ent->info, "%s discriminator '%s' is not a "
                        "member of its base", self, ent->tag_name);
        return false;
    }
    if (ent->tag->type->meta != QAPI_META_ENUM) {
        desc = qapi_describe(ent->tag->type);
        qapi_error_setg(errp, ent->info, "%s discriminator '%s' must be of "
                        "enum type, not %s", self, ent->tag_name, desc);
        return false;
    }
    if (ent->tag->optional) {
        qapi_error_setg(errp, ent->info, "%s discriminator '%s' must not be "
                        "optional", self, ent->tag_name);
        return false;
    }
    if (ent->tag->ifcond) {
        qapi_error_setg(errp, ent->info, "%s discriminator '%s' must not be "
                        "conditional", self, ent->tag_name);
        return false;
    }
    return true;
}

static bool check_union_branches(QAPICheck *c, QAPIEntity *ent,
                                 GHashTable *seen, Error **errp)
{
    g_autofree char *self = qapi_describe(ent);
    guint i, j;

    if (!check_tag(ent, self, errp)) {
        return false;
    }
    for (i = 0; i < ent->variants->len; i++) {
        QAPIMember *v = g_ptr_array_index(ent->variants, i);
        g_autofree char *what = qapi_describe_member(v);
        g_autofree char *desc = NULL;
        g_autofree char *tdesc = qapi_describe(ent->tag->type);

        if (!find_value(ent->tag->type, v->name)) {
            qapi_error_setg(errp, ent->info, "%s is not a value of %s", what,
                            tdesc);
            return false;
        }
        v->type = qapi_check_resolve(c, v->type_name, ent->info, what, errp);
        if (!v->type) {
            return false;
        }
        if (v->type->meta != QAPI_META_STRUCT) {
            desc = qapi_describe(v->type);
            qapi_error_setg(errp, ent->info, "%s must be a struct, not %s",
                            what, desc);
            return false;
        }
        if (!qapi_check_object(c, v->type, errp)) {
            return false;
        }
        /* On the wire, branch members sit next to the common members. */
        for (j = 0; j < v->type->members->len; j++) {
            QAPIMember *m = g_ptr_array_index(v->type->members, j);
            g_autofree char *cname = qapi_c_name(m->name, false);
            QAPIMember *other = g_hash_table_lookup(seen, cname);

            if (other) {
                g_autofree char *owhat = qapi_describe_member(other);

                qapi_error_setg(errp, ent->info, "%s member '%s' collides "
                                "with %s", what, m->name, owhat);
                return false;
            }
        }
    }
    return true;
}

bool qapi_check_object(QAPICheck *c, QAPIEntity *ent, Error **errp)
{
    g_autoptr(GHashTable) seen = NULL;
    g_autofree char *self = NULL;

    if (ent->check_state == 2) {
        return true;
    }
    self = qapi_describe(ent);
    if (ent->check_state == 1) {
        qapi_error_setg(errp, ent->info, "%s contains itself through its "
                        "bases", self);
        return false;
    }
    ent->check_state = 1;
    if (!qapi_check_feature_list(ent->features, self, ent->info, errp)) {
        return false;
    }
    seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    ent->members = g_ptr_array_new();
    if (ent->base_name && !check_base(c, ent, seen, errp)) {
        return false;
    }
    if (!check_local_members(c, ent, seen, errp)) {
        return false;
    }
    if (ent->meta == QAPI_META_UNION &&
        !check_union_branches(c, ent, seen, errp)) {
        return false;
    }
    ent->check_state = 2;
    return true;
}

/* The argument type of a command or event. */
static bool check_arg(QAPICheck *c, QAPIEntity *ent, const char *self,
                      Error **errp)
{
    g_autofree char *what = g_strdup_printf("'data' of %s", self);
    g_autofree char *desc = NULL;

    if (!ent->arg_name) {
        return true;
    }
    if (!ent->arg) {
        ent->arg = qapi_check_resolve(c, ent->arg_name, ent->info, what, errp);
        if (!ent->arg) {
            return false;
        }
    }
    desc = qapi_describe(ent->arg);
    if (!qapi_is_object(ent->arg)) {
        qapi_error_setg(errp, ent->info, "%s must be a struct or union, not "
                        "%s", what, desc);
        return false;
    }
    if (ent->arg->meta == QAPI_META_UNION && !ent->boxed) {
        qapi_error_setg(errp, ent->info, "%s can be %s only with 'boxed': "
                        "true", what, desc);
        return false;
    }
    if (!qapi_check_object(c, ent->arg, errp)) {
        return false;
    }
    if (qapi_has_conditional_members(ent->arg) && !ent->boxed) {
        qapi_error_setg(errp, ent->info, "%s has conditional %s, which "
                        "require 'boxed': true", self,
                        ent->meta == QAPI_META_COMMAND ? "arguments"
                                                       : "members");
        return false;
    }
    return true;
}

static bool check_returns(QAPICheck *c, QAPIEntity *ent, const char *self,
                          Error **errp)
{
    g_autofree char *what = g_strdup_printf("'returns' of %s", self);
    g_autofree char *desc = NULL;
    const QAPIEntity *t;

    if (!ent->ret_name) {
        return true;
    }
    ent->ret = resolve_ref(c, ent->ret_name, ent->ret_elem_name, ent->info,
                           what, errp);
    if (!ent->ret) {
        return false;
    }
    if (qapi_pragma_has(c->schema->pragma.command_returns_exceptions,
                        ent->name)) {
        return true;
    }
    t = ent->ret->meta == QAPI_META_ARRAY ? ent->ret->elem : ent->ret;
    if (!qapi_is_object(t)) {
        desc = qapi_describe(ent->ret);
        qapi_error_setg(errp, ent->info, "%s cannot be %s (only a struct, a "
                        "union or an array of them, unless the command is "
                        "in pragma 'command-returns-exceptions')", what,
                        desc);
        return false;
    }
    return true;
}

static bool check_call(QAPICheck *c, QAPIEntity *ent, Error **errp)
{
    g_autofree char *self = qapi_describe(ent);

    return qapi_check_feature_list(ent->features, self, ent->info, errp) &&
           check_arg(c, ent, self, errp) &&
           check_returns(c, ent, self, errp);
}

static bool check_entity(QAPICheck *c, QAPIEntity *ent, Error **errp)
{
    g_autofree char *self = qapi_describe(ent);

    switch (ent->meta) {
    case QAPI_META_ENUM:
        return qapi_check_feature_list(ent->features, self, ent->info, errp) &&
               check_enum(c, ent, errp);
    case QAPI_META_STRUCT:
    case QAPI_META_UNION:
        return qapi_check_object(c, ent, errp);
    case QAPI_META_ALTERNATE:
        return qapi_check_alternate(c, ent, errp);
    case QAPI_META_COMMAND:
    case QAPI_META_EVENT:
        return check_call(c, ent, errp);
    default:
        return true;
    }
}

/* Arrays take their element's condition and module. */
static void finish_arrays_and_modules(QAPISchema *schema)
{
    guint i;

    for (i = 0; i < schema->entities->len; i++) {
        QAPIEntity *ent = g_ptr_array_index(schema->entities, i);

        if (ent->meta == QAPI_META_ARRAY) {
            if (!ent->elem) {
                ent->elem = qapi_schema_lookup(schema, ent->elem_name);
            }
            ent->ifcond = qapi_if_copy(ent->elem->ifcond);
            ent->module = ent->elem->module;
        }
        if (!ent->module) {
            ent->module = schema->builtin_module;
        }
    }
    for (i = 0; i < schema->entities->len; i++) {
        QAPIEntity *ent = g_ptr_array_index(schema->entities, i);

        g_ptr_array_add(ent->module->entities, ent);
    }
}

bool qapi_schema_check(QAPISchema *schema, Error **errp)
{
    QAPICheck c = { .schema = schema };
    guint i;

    for (i = 0; i < schema->entities->len; i++) {
        if (!check_entity(&c, g_ptr_array_index(schema->entities, i), errp)) {
            return false;
        }
    }
    /*
     * An array type is only made by a reference to it, whose check above
     * resolved its element, or reported it unknown.
     */
    if (!qapi_check_c_names(&c, errp)) {
        return false;
    }
    finish_arrays_and_modules(schema);
    return true;
}
