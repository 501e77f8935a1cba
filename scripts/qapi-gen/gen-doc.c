/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gen-doc.c: PREFIXqapi-doc.md, the QMP reference in Markdown, from the
 * documentation comments: free-form text and headings, then for each
 * definition in schema order its description, members (arguments, values,
 * branches) with their types, features, return type and tagged sections.
 */
#include "osdep.h"

#include "gen.h"
#include "names.h"

/* Append @text, with "@name" references turned into `name`. */
static void append_text(GString *out, const char *text)
{
    const char *p = text;

    while (*p) {
        size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz"
                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");

        if (*p == '@' && n && (p == text || !g_ascii_isalnum(p[-1]))) {
            /* A trailing '.' ends the sentence, not the name. */
            if (p[n] == '.') {
                n--;
            }
            g_string_append_printf(out, "`%.*s`", (int)n, p + 1);
            p += n + 1;
        } else {
            g_string_append_c(out, *p++);
        }
    }
}

/* Append @text indented by @indent spaces after its first line. */
static void append_indented(GString *out, const char *text, int indent)
{
    g_autoptr(GString) tmp = g_string_new(NULL);
    const char *p;

    append_text(tmp, text);
    for (p = tmp->str; *p; p++) {
        g_string_append_c(out, *p);
        if (*p == '\n' && p[1] && p[1] != '\n') {
            g_string_append_printf(out, "%*s", indent, "");
        }
    }
}

/* How a type reference reads: "[Foo]" for arrays. New string. */
static char *type_text(const QAPIEntity *type)
{
    g_autofree char *elem = NULL;

    if (type->meta == QAPI_META_ARRAY) {
        elem = type_text(type->elem);
        return g_strdup_printf("[%s]", elem);
    }
    return g_strdup(type->name);
}

static void append_if(GString *out, const QAPIIf *cond)
{
    g_autofree char *text = NULL;

    if (cond) {
        text = qapi_if_text(cond);
        g_string_append_printf(out, " (if `%s`)", text);
    }
}

/* The members of @members, each with its description from its owner. */
static void gen_member_list(GString *out, const char *title,
                            const GPtrArray *members)
{
    guint i;

    if (!members || !members->len) {
        return;
    }
    g_string_append_printf(out, "**%s**\n\n", title);
    for (i = 0; i < members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(members, i);
        const QAPIDoc *doc = m->owner->doc;
        QAPIDocSection *s = doc ? qapi_doc_find_member(doc, m->name) : NULL;
        g_autofree char *type = m->type ? type_text(m->type) : NULL;

        g_string_append_printf(out, "- `%s`", m->name);
        if (type) {
            g_string_append_printf(out, ": `%s`", type);
        }
        if (m->optional) {
            g_string_append(out, " (optional)");
        }
        append_if(out, m->ifcond);
        g_string_append(out, ": ");
        append_indented(out, s && s->text->len ? s->text->str
                                               : "Not documented", 2);
        g_string_append_c(out, '\n');
    }
    g_string_append_c(out, '\n');
}

static void gen_union_variants(GString *out, const QAPIEntity *ent)
{
    guint i;

    for (i = 0; i < ent->variants->len; i++) {
        const QAPIMember *v = g_ptr_array_index(ent->variants, i);

        g_string_append_printf(out, "- when `%s` is `\"%s\"`: the members "
                               "of `%s`", ent->tag->name, v->name,
                               v->type->name);
        append_if(out, v->ifcond);
        g_string_append_c(out, '\n');
    }
    g_string_append_c(out, '\n');
}

static void gen_features(GString *out, const QAPIEntity *ent)
{
    guint i;

    if (!ent->features->len) {
        return;
    }
    g_string_append(out, "**Features**\n\n");
    for (i = 0; i < ent->features->len; i++) {
        const QAPIFeature *f = g_ptr_array_index(ent->features, i);
        QAPIDocSection *s = ent->doc ? qapi_doc_find_feature(ent->doc,
                                                             f->name)
                                     : NULL;

        g_string_append_printf(out, "- `%s`", f->name);
        append_if(out, f->ifcond);
        g_string_append(out, ": ");
        append_indented(out, s && s->text->len ? s->text->str
                                               : "Not documented", 2);
        g_string_append_c(out, '\n');
    }
    g_string_append_c(out, '\n');
}

static void gen_sections(GString *out, const QAPIDoc *doc)
{
    guint i;

    for (i = 0; doc && i < doc->sections->len; i++) {
        const QAPIDocSection *s = g_ptr_array_index(doc->sections, i);

        if (s->kind == QAPI_DOC_BODY) {
            append_text(out, s->text->str);
            g_string_append(out, "\n\n");
        } else if (!strcmp(s->name, "TODO") || !strcmp(s->name, "Returns")) {
            continue;
        } else if (g_str_has_prefix(s->name, "Example")) {
            g_string_append_printf(out, "**%s**\n\n```\n%s\n```\n\n",
                                   s->name, s->text->str);
        } else {
            g_string_append_printf(out, "**%s**: ", s->name);
            append_text(out, s->text->str);
            g_string_append(out, "\n\n");
        }
    }
}

/* Arguments or data of a command or event. */
static void gen_call_args(GString *out, const QAPIEntity *ent)
{
    const char *title = ent->meta == QAPI_META_COMMAND ? "Arguments"
                                                       : "Data";

    if (ent->arg && !ent->arg->implicit) {
        g_string_append_printf(out, "**%s**: the members of `%s`\n\n", title,
                               ent->arg->name);
    } else if (ent->arg) {
        gen_member_list(out, title, ent->arg->members);
    }
}

static void gen_returns(GString *out, const QAPIEntity *ent)
{
    QAPIDocSection *s = ent->doc ? qapi_doc_find_tagged(ent->doc, "Returns")
                                 : NULL;
    g_autofree char *type = ent->ret ? type_text(ent->ret) : NULL;

    if (!type && !s) {
        return;
    }
    g_string_append(out, "**Returns**:");
    if (type) {
        g_string_append_printf(out, " `%s`", type);
    }
    if (s && s->text->len) {
        g_string_append(out, type ? " — " : " ");
        append_text(out, s->text->str);
    }
    g_string_append(out, "\n\n");
}

/* @ent as a section of Markdown heading level @level. */
static void gen_definition(GString *out, const QAPIEntity *ent, int level)
{
    static const char *const kinds[] = {
        [QAPI_META_ENUM] = "Enum", [QAPI_META_STRUCT] = "Object",
        [QAPI_META_UNION] = "Object", [QAPI_META_ALTERNATE] = "Alternate",
        [QAPI_META_COMMAND] = "Command", [QAPI_META_EVENT] = "Event",
    };
    const QAPIDoc *doc = ent->doc;

    g_string_append_printf(out, "%.*s `%s` (%s)\n\n", level, "######",
                           ent->name, kinds[ent->meta]);
    if (ent->ifcond) {
        g_autofree char *text = qapi_if_text(ent->ifcond);

        g_string_append_printf(out, "*Only if `%s`.*\n\n", text);
    }
    if (doc && doc->body->text->len) {
        append_text(out, doc->body->text->str);
        g_string_append(out, "\n\n");
    }
    switch (ent->meta) {
    case QAPI_META_ENUM:
        gen_member_list(out, "Values", ent->values);
        break;
    case QAPI_META_STRUCT:
    case QAPI_META_UNION:
        gen_member_list(out, "Members", ent->members);
        if (ent->tag) {
            gen_union_variants(out, ent);
        }
        break;
    case QAPI_META_ALTERNATE:
        gen_member_list(out, "One of", ent->variants);
        break;
    default:
        gen_call_args(out, ent);
        gen_returns(out, ent);
        break;
    }
    gen_features(out, ent);
    gen_sections(out, doc);
}

static void gen_free_doc(GString *out, const QAPIDoc *doc)
{
    if (doc->heading) {
        /* "= Title" is "## Title": "#" is the page's title. */
        g_string_append_printf(out, "%.*s %s\n\n",
                               MIN(doc->heading_level + 1, 6), "######",
                               doc->heading);
    }
    if (doc->body->text->len) {
        append_text(out, doc->body->text->str);
        g_string_append(out, "\n\n");
    }
}

void qapi_gen_doc(QAPIGen *gen)
{
    g_autofree char *fname = qapi_gen_fname(gen, "doc", NULL, ".md");
    GString *out = qapi_output_file(gen->out, fname);
    int level = 1;              /* of the last Markdown heading */
    guint i;

    g_string_append_printf(out, "<!-- AUTOMATICALLY GENERATED by qapi-gen "
                           "from %s, DO NOT MODIFY -->\n\n# QMP reference\n\n",
                           gen->source);
    for (i = 0; i < gen->schema->exprs->len; i++) {
        const QAPIExpr *e = g_ptr_array_index(gen->schema->exprs, i);

        if (e->kind == QAPI_EXPR_FREE_DOC) {
            gen_free_doc(out, e->doc);
            if (e->doc->heading) {
                level = MIN(e->doc->heading_level + 1, 6);
            }
        } else {
            /* A definition is a subsection of the last heading. */
            gen_definition(out, qapi_schema_lookup(gen->schema, e->name),
                           MIN(level + 1, 6));
        }
    }
    /* One newline at the end, whatever the last block left. */
    while (out->len && out->str[out->len - 1] == '\n') {
        g_string_truncate(out, out->len - 1);
    }
    g_string_append_c(out, '\n');
}
