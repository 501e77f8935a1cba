/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dump.c: the text form of a checked schema, for tests. */
#include "osdep.h"

#include "dump.h"

static void dump_if(GString *out, const QAPIIf *cond, const char *indent)
{
    g_autofree char *text = NULL;

    if (cond) {
        text = qapi_if_text(cond);
        g_string_append_printf(out, "%sif %s\n", indent, text);
    }
}

static void dump_features(GString *out, const GPtrArray *features,
                          const char *indent)
{
    g_autofree char *deeper = g_strconcat(indent, "    ", NULL);
    guint i;

    for (i = 0; i < features->len; i++) {
        const QAPIFeature *f = g_ptr_array_index(features, i);

        g_string_append_printf(out, "%sfeature %s\n", indent, f->name);
        dump_if(out, f->ifcond, deeper);
    }
}

static void dump_members(GString *out, const char *what,
                         const GPtrArray *members)
{
    guint i;

    for (i = 0; members && i < members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(members, i);

        g_string_append_printf(out, "    %s %s", what, m->name);
        if (m->type) {
            g_string_append_printf(out, ": %s", m->type->name);
        }
        g_string_append(out, m->optional ? " optional\n" : "\n");
        dump_if(out, m->ifcond, "        ");
        dump_features(out, m->features, "        ");
    }
}

static void dump_call(GString *out, const QAPIEntity *ent)
{
    if (ent->meta == QAPI_META_COMMAND) {
        g_string_append_printf(out, "command %s %s -> %s\n", ent->name,
                               ent->arg ? ent->arg->name : "None",
                               ent->ret ? ent->ret->name : "None");
        g_string_append_printf(out, "    gen=%s success-response=%s "
                               "boxed=%s allow-oob=%s allow-preconfig=%s "
                               "coroutine=%s\n",
                               ent->gen ? "true" : "false",
                               ent->success_response ? "true" : "false",
                               ent->boxed ? "true" : "false",
                               ent->allow_oob ? "true" : "false",
                               ent->allow_preconfig ? "true" : "false",
                               ent->coroutine ? "true" : "false");
    } else {
        g_string_append_printf(out, "event %s %s\n", ent->name,
                               ent->arg ? ent->arg->name : "None");
        g_string_append_printf(out, "    boxed=%s\n",
                               ent->boxed ? "true" : "false");
    }
}

static void dump_entity(GString *out, const QAPIEntity *ent)
{
    switch (ent->meta) {
    case QAPI_META_ENUM:
        g_string_append_printf(out, "enum %s\n", ent->name);
        if (ent->prefix) {
            g_string_append_printf(out, "    prefix %s\n", ent->prefix);
        }
        dump_members(out, "value", ent->values);
        break;
    case QAPI_META_ARRAY:
        g_string_append_printf(out, "array %s %s\n", ent->name,
                               ent->elem->name);
        return;
    case QAPI_META_STRUCT:
    case QAPI_META_UNION:
        g_string_append_printf(out, "%s %s\n", qapi_meta_name(ent->meta),
                               ent->name);
        if (ent->base) {
            g_string_append_printf(out, "    base %s\n", ent->base->name);
        }
        dump_members(out, "member", ent->local_members);
        if (ent->tag) {
            g_string_append_printf(out, "    tag %s\n", ent->tag->name);
        }
        dump_members(out, "case", ent->variants);
        break;
    case QAPI_META_ALTERNATE:
        g_string_append_printf(out, "alternate %s\n", ent->name);
        dump_members(out, "case", ent->variants);
        break;
    case QAPI_META_COMMAND:
    case QAPI_META_EVENT:
        dump_call(out, ent);
        break;
    default:
        return;
    }
    dump_if(out, ent->ifcond, "    ");
    dump_features(out, ent->features, "    ");
}

static void dump_section(GString *out, const char *what,
                         const QAPIDocSection *s)
{
    g_string_append_printf(out, "    %s%s%s\n", what, s->name ? "=" : "",
                           s->name ? s->name : "");
    if (s->text->len) {
        g_string_append_printf(out, "%s\n", s->text->str);
    }
}

static void dump_doc(GString *out, const QAPIDoc *doc)
{
    guint i;

    if (doc->symbol) {
        g_string_append_printf(out, "doc symbol=%s\n", doc->symbol);
    } else {
        g_string_append(out, "doc freeform\n");
    }
    if (doc->heading) {
        g_string_append_printf(out, "    heading=%d %s\n", doc->heading_level,
                               doc->heading);
    }
    dump_section(out, "body", doc->body);
    for (i = 0; i < doc->members->len; i++) {
        dump_section(out, "member", g_ptr_array_index(doc->members, i));
    }
    for (i = 0; i < doc->features->len; i++) {
        dump_section(out, "feature", g_ptr_array_index(doc->features, i));
    }
    for (i = 0; i < doc->sections->len; i++) {
        const QAPIDocSection *s = g_ptr_array_index(doc->sections, i);

        dump_section(out, s->kind == QAPI_DOC_TAGGED ? "section"
                                                     : "section-text", s);
    }
}

void qapi_schema_dump(const QAPISchema *schema, GString *out)
{
    guint i, j;

    for (i = 0; i < schema->modules->len; i++) {
        const QAPIModule *m = g_ptr_array_index(schema->modules, i);

        if (m->builtin) {
            continue;
        }
        g_string_append_printf(out, "module %s %s\n", m->name, m->fname);
        for (j = 0; j < m->includes->len; j++) {
            const QAPIModule *sub = g_ptr_array_index(m->includes, j);

            g_string_append_printf(out, "include %s\n", sub->name);
        }
        for (j = 0; j < m->entities->len; j++) {
            dump_entity(out, g_ptr_array_index(m->entities, j));
        }
    }
    for (i = 0; i < schema->docs->len; i++) {
        dump_doc(out, g_ptr_array_index(schema->docs, i));
    }
}
