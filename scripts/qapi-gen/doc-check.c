/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * doc-check.c: phase 5 of loading a schema: every "@name:" of a
 * definition's documentation must name one of its members (enum values,
 * alternate branches, command arguments) or, after "Features:", one of
 * its features; with pragma 'doc-required', every member and feature must
 * be documented.
 */
#include "osdep.h"

#include "util/error.h"
#include "schema.h"

/* The members @ent's documentation describes (NULL if none), and their role. */
static const GPtrArray *documented_members(const QAPIEntity *ent,
                                           const char **role)
{
    *role = "member";
    switch (ent->meta) {
    case QAPI_META_ENUM:
        *role = "value";
        return ent->values;
    case QAPI_META_STRUCT:
        return ent->local_members;
    case QAPI_META_UNION:
        return ent->base && ent->base->implicit ? ent->base->local_members
                                                : NULL;
    case QAPI_META_ALTERNATE:
        *role = "branch";
        return ent->variants;
    case QAPI_META_COMMAND:
    case QAPI_META_EVENT:
        if (ent->meta == QAPI_META_COMMAND) {
            *role = "argument";
        }
        return ent->arg && ent->arg->implicit ? ent->arg->local_members
                                              : NULL;
    default:
        return NULL;
    }
}

static bool has_member(const GPtrArray *members, const char *name)
{
    guint i;

    for (i = 0; members && i < members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(members, i);

        if (!strcmp(m->name, name)) {
            return true;
        }
    }
    return false;
}

static bool has_feature(const GPtrArray *features, const char *name)
{
    guint i;

    for (i = 0; features && i < features->len; i++) {
        const QAPIFeature *f = g_ptr_array_index(features, i);

        if (!strcmp(f->name, name)) {
            return true;
        }
    }
    return false;
}

/*
 * Whether @name is a feature of @ent or of one of its documented members:
 * as in QEMU, a member's or enum value's features are documented in the
 * definition's "Features:" section.
 */
static bool entity_has_feature(const QAPIEntity *ent, const char *name)
{
    const char *role;
    const GPtrArray *members = documented_members(ent, &role);
    guint i;

    if (has_feature(ent->features, name)) {
        return true;
    }
    for (i = 0; members && i < members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(members, i);

        if (has_feature(m->features, name)) {
            return true;
        }
    }
    return false;
}

/* Every documented member and feature exists. */
static bool check_described(const QAPIEntity *ent, const char *self,
                            Error **errp)
{
    const char *role;
    const GPtrArray *members = documented_members(ent, &role);
    const QAPIDoc *doc = ent->doc;
    guint i;

    for (i = 0; i < doc->members->len; i++) {
        const QAPIDocSection *s = g_ptr_array_index(doc->members, i);

        if (!has_member(members, s->name)) {
            qapi_error_setg(errp, s->info, "documented %s '%s' of %s does "
                            "not exist", role, s->name, self);
            return false;
        }
    }
    for (i = 0; i < doc->features->len; i++) {
        const QAPIDocSection *s = g_ptr_array_index(doc->features, i);

        if (!entity_has_feature(ent, s->name)) {
            qapi_error_setg(errp, s->info, "documented feature '%s' of %s "
                            "does not exist", s->name, self);
            return false;
        }
    }
    return true;
}

/* With pragma 'doc-required': every member and feature is documented. */
static bool check_complete(const QAPIEntity *ent, const char *self,
                           Error **errp)
{
    const char *role;
    const GPtrArray *members = documented_members(ent, &role);
    guint i;

    for (i = 0; members && i < members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(members, i);

        if (!qapi_doc_find_member(ent->doc, m->name)) {
            qapi_error_setg(errp, ent->info, "%s %s '%s' lacks "
                            "documentation", self, role, m->name);
            return false;
        }
    }
    for (i = 0; i < ent->features->len; i++) {
        const QAPIFeature *f = g_ptr_array_index(ent->features, i);

        if (!qapi_doc_find_feature(ent->doc, f->name)) {
            qapi_error_setg(errp, ent->info, "%s feature '%s' lacks "
                            "documentation", self, f->name);
            return false;
        }
    }
    for (i = 0; members && i < members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(members, i);
        guint j;

        for (j = 0; m->features && j < m->features->len; j++) {
            const QAPIFeature *f = g_ptr_array_index(m->features, j);

            if (!qapi_doc_find_feature(ent->doc, f->name)) {
                qapi_error_setg(errp, ent->info, "%s %s '%s' feature '%s' "
                                "lacks documentation", self, role, m->name,
                                f->name);
                return false;
            }
        }
    }
    return true;
}

static bool check_sections(const QAPIEntity *ent, const char *self,
                           Error **errp)
{
    static const char *const command_only[] = { "Returns", "Errors" };
    size_t i;

    if (ent->meta == QAPI_META_COMMAND) {
        return true;
    }
    for (i = 0; i < ARRAY_SIZE(command_only); i++) {
        QAPIDocSection *s = qapi_doc_find_tagged(ent->doc, command_only[i]);

        if (s) {
            qapi_error_setg(errp, s->info, "'%s:' section in documentation "
                            "of %s is only valid for commands",
                            command_only[i], self);
            return false;
        }
    }
    return true;
}

bool qapi_schema_check_docs(QAPISchema *schema, Error **errp)
{
    guint i;

    for (i = 0; i < schema->entities->len; i++) {
        const QAPIEntity *ent = g_ptr_array_index(schema->entities, i);
        g_autofree char *self = NULL;

        if (!ent->doc || ent->implicit) {
            continue;
        }
        self = qapi_describe(ent);
        if (!check_described(ent, self, errp) ||
            !check_sections(ent, self, errp)) {
            return false;
        }
        if (schema->pragma.doc_required &&
            !qapi_pragma_has(schema->pragma.documentation_exceptions,
                             ent->name) &&
            !check_complete(ent, self, errp)) {
            return false;
        }
    }
    return true;
}
