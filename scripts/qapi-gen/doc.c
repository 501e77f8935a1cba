/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * doc.c: splitting documentation comments into sections.
 *
 * A definition's documentation is "@SYMBOL:" on its first line, then an
 * overview, "@member: text" descriptions, an optional "Features:" line
 * followed by "@feature: text" descriptions, then tagged sections
 * ("Since: 2.0"). Continuation lines of a description or tagged section
 * are indented; a tag is recognised only after a blank line.
 */
#include "osdep.h"

#include "util/error.h"
#include "doc.h"

/* Tags that start a tagged section; the first three may appear once. */
static const char *const doc_tags[] = {
    "Returns", "Errors", "Since", "Note", "Notes", "Example", "Examples",
    "TODO",
};
#define DOC_UNIQUE_TAGS 3

typedef enum DocState {
    DOC_STATE_BODY,             /* overview, before any @member */
    DOC_STATE_MEMBERS,          /* @member: descriptions */
    DOC_STATE_FEATURES,         /* after "Features:" */
    DOC_STATE_SECTIONS,         /* tagged sections and later text */
} DocState;

typedef struct DocParser {
    QAPIDoc *doc;
    QAPISourceSet *sources;
    DocState state;
    QAPIDocSection *cur;        /* where text goes; NULL after "Features:" */
    int indent;                 /* continuation indent of @cur, or -1 */
    bool after_blank;
} DocParser;

static void section_free(QAPIDocSection *s)
{
    if (s) {
        g_free(s->name);
        g_string_free(s->text, true);
        g_free(s);
    }
}

QAPIDoc *qapi_doc_new(const QAPISourceInfo *info)
{
    QAPIDoc *doc = g_new0(QAPIDoc, 1);

    doc->info = info;
    doc->lines = g_array_new(false, true, sizeof(QAPIDocLine));
    doc->members = g_ptr_array_new_with_free_func(
        (GDestroyNotify)section_free);
    doc->features = g_ptr_array_new_with_free_func(
        (GDestroyNotify)section_free);
    doc->sections = g_ptr_array_new_with_free_func(
        (GDestroyNotify)section_free);
    return doc;
}

void qapi_doc_add_line(QAPIDoc *doc, const char *text, int line)
{
    QAPIDocLine l = { .text = g_strdup(text), .line = line };

    g_array_append_val(doc->lines, l);
}

void qapi_doc_free(QAPIDoc *doc)
{
    guint i;

    if (!doc) {
        return;
    }
    for (i = 0; i < doc->lines->len; i++) {
        g_free(g_array_index(doc->lines, QAPIDocLine, i).text);
    }
    g_array_free(doc->lines, true);
    g_free(doc->symbol);
    g_free(doc->heading);
    section_free(doc->body);
    g_ptr_array_free(doc->members, true);
    g_ptr_array_free(doc->features, true);
    g_ptr_array_free(doc->sections, true);
    g_free(doc);
}

static const QAPISourceInfo *line_info(DocParser *p, int line)
{
    return qapi_source_info(p->sources, p->doc->info->fname, line,
                            p->doc->info->parent);
}

static QAPIDocSection *section_new(DocParser *p, QAPIDocSectionKind kind,
                                   const char *name, int line)
{
    QAPIDocSection *s = g_new0(QAPIDocSection, 1);

    s->kind = kind;
    s->name = g_strdup(name);
    s->text = g_string_new(NULL);
    s->info = line_info(p, line);
    p->cur = s;
    p->indent = -1;
    return s;
}

/* Append one line of text to @s; blank lines separate paragraphs. */
static void section_append(QAPIDocSection *s, const char *text)
{
    if (s->text->len || *text) {
        g_string_append_printf(s->text, "%s%s", s->text->len ? "\n" : "",
                               text);
    }
}

/* Drop trailing blank lines of @s. */
static void section_trim(QAPIDocSection *s)
{
    while (s->text->len && s->text->str[s->text->len - 1] == '\n') {
        g_string_truncate(s->text, s->text->len - 1);
    }
}

static size_t indent_of(const char *text)
{
    return strspn(text, " ");
}

/*
 * If @text starts "@name:", store the name (new string) in *@name and the
 * position after the colon and its spaces in *@rest.
 */
static bool parse_at_name(const char *text, char **name, const char **rest)
{
    const char *end = text + 1 + strcspn(text + 1, ": \t");

    if (text[0] != '@' || *end != ':') {
        return false;
    }
    *name = g_strndup(text + 1, end - text - 1);
    *rest = end + 1 + strspn(end + 1, " ");
    return true;
}

/* If @text starts with a known tag and ':', return its index, else -1. */
static int parse_tag(const char *text, const char **rest)
{
    size_t i, n;

    for (i = 0; i < ARRAY_SIZE(doc_tags); i++) {
        n = strlen(doc_tags[i]);
        if (!strncmp(text, doc_tags[i], n) && text[n] == ':') {
            *rest = text + n + 1 + strspn(text + n + 1, " ");
            return i;
        }
    }
    return -1;
}

static bool doc_add_described(DocParser *p, const char *name,
                              const char *rest, int line, Error **errp)
{
    bool feature = p->state == DOC_STATE_FEATURES;
    GPtrArray *list = feature ? p->doc->features : p->doc->members;

    if (!*name) {
        qapi_error_setg(errp, line_info(p, line), "'@:' in documentation "
                        "of '%s' lacks a name", p->doc->symbol);
        return false;
    }
    if (p->state == DOC_STATE_SECTIONS) {
        qapi_error_setg(errp, line_info(p, line), "description of '@%s:' in "
                        "documentation of '%s' follows a tagged section",
                        name, p->doc->symbol);
        return false;
    }
    if (feature ? qapi_doc_find_feature(p->doc, name)
                : qapi_doc_find_member(p->doc, name)) {
        qapi_error_setg(errp, line_info(p, line), "%s '%s' is described "
                        "twice in documentation of '%s'",
                        feature ? "feature" : "member", name, p->doc->symbol);
        return false;
    }
    if (!feature) {
        p->state = DOC_STATE_MEMBERS;
    }
    g_ptr_array_add(list, section_new(p, feature ? QAPI_DOC_FEATURE
                                                 : QAPI_DOC_MEMBER,
                                      name, line));
    section_append(p->cur, rest);
    return true;
}

static bool doc_add_tagged(DocParser *p, int tag, const char *rest, int line,
                           Error **errp)
{
    if (tag < DOC_UNIQUE_TAGS && qapi_doc_find_tagged(p->doc, doc_tags[tag])) {
        qapi_error_setg(errp, line_info(p, line), "duplicated '%s:' section "
                        "in documentation of '%s'", doc_tags[tag],
                        p->doc->symbol);
        return false;
    }
    p->state = DOC_STATE_SECTIONS;
    g_ptr_array_add(p->doc->sections,
                    section_new(p, QAPI_DOC_TAGGED, doc_tags[tag], line));
    section_append(p->cur, rest);
    return true;
}

/* A line at column 0 that is neither a description nor a tag. */
static bool doc_add_text(DocParser *p, const char *text, int line,
                         Error **errp)
{
    if (!p->cur) {
        qapi_error_setg(errp, line_info(p, line), "'Features:' in "
                        "documentation of '%s' must be followed by "
                        "'@feature:' descriptions", p->doc->symbol);
        return false;
    }
    if (p->cur->kind == QAPI_DOC_BODY) {
        section_append(p->cur, text);
        return true;
    }
    if (!p->after_blank) {
        qapi_error_setg(errp, line_info(p, line), "continuation of %s '%s' "
                        "in documentation of '%s' must be indented",
                        p->cur->kind == QAPI_DOC_TAGGED ? "section" :
                        "description of", p->cur->name, p->doc->symbol);
        return false;
    }
    /* Text after descriptions or tagged sections starts a new section. */
    p->state = DOC_STATE_SECTIONS;
    g_ptr_array_add(p->doc->sections,
                    section_new(p, QAPI_DOC_BODY, NULL, line));
    section_append(p->cur, text);
    return true;
}

static void doc_add_indented(DocParser *p, const char *text)
{
    size_t indent = indent_of(text);

    if (p->cur->kind == QAPI_DOC_BODY) {
        section_append(p->cur, text);
        return;
    }
    /*
     * Remove the indentation of the first continuation line, so that
     * deeper indentation (lists, examples) survives.
     */
    if (p->indent < 0) {
        p->indent = indent;
    }
    section_append(p->cur, text + MIN(indent, (size_t)p->indent));
}

static bool doc_parse_line(DocParser *p, const char *text, int line,
                           Error **errp)
{
    g_autofree char *name = NULL;
    const char *rest;
    int tag;

    if (!*text) {
        if (p->cur && p->cur->text->len) {
            g_string_append_c(p->cur->text, '\n');
        }
        p->after_blank = true;
        return true;
    }
    if (parse_at_name(text, &name, &rest)) {
        if (!doc_add_described(p, name, rest, line, errp)) {
            return false;
        }
    } else if (!strcmp(text, "Features:")) {
        if (p->state == DOC_STATE_SECTIONS || p->state == DOC_STATE_FEATURES) {
            qapi_error_setg(errp, line_info(p, line), "'Features:' in "
                            "documentation of '%s' must come once, before "
                            "tagged sections", p->doc->symbol);
            return false;
        }
        p->state = DOC_STATE_FEATURES;
        p->cur = NULL;
    } else if (p->after_blank && (tag = parse_tag(text, &rest)) >= 0) {
        if (!doc_add_tagged(p, tag, rest, line, errp)) {
            return false;
        }
    } else if (text[0] == ' ' && p->cur) {
        doc_add_indented(p, text);
    } else if (!doc_add_text(p, text, line, errp)) {
        return false;
    }
    p->after_blank = false;
    return true;
}

static void doc_trim_all(QAPIDoc *doc)
{
    guint i;

    section_trim(doc->body);
    for (i = 0; i < doc->members->len; i++) {
        section_trim(g_ptr_array_index(doc->members, i));
    }
    for (i = 0; i < doc->features->len; i++) {
        section_trim(g_ptr_array_index(doc->features, i));
    }
    for (i = 0; i < doc->sections->len; i++) {
        section_trim(g_ptr_array_index(doc->sections, i));
    }
}

/* "@SYMBOL:" alone on the first line. */
static bool doc_parse_symbol(DocParser *p, const QAPIDocLine *first,
                             Error **errp)
{
    g_autofree char *name = NULL;
    const char *rest;

    if (!parse_at_name(first->text, &name, &rest)) {
        qapi_error_setg(errp, line_info(p, first->line), "first line of "
                        "definition documentation must be '@NAME:'");
        return false;
    }
    if (!*name) {
        qapi_error_setg(errp, line_info(p, first->line), "'@:' on the first "
                        "line of definition documentation lacks a name");
        return false;
    }
    if (*rest) {
        qapi_error_setg(errp, line_info(p, first->line), "text after '@%s:' "
                        "on the first line of its documentation", name);
        return false;
    }
    p->doc->symbol = g_steal_pointer(&name);
    return true;
}

/* A free-form block: an optional "= Heading" first, then text. */
static bool doc_parse_free(DocParser *p, int *last_heading, Error **errp)
{
    QAPIDoc *doc = p->doc;
    guint i = 0;

    if (g_array_index(doc->lines, QAPIDocLine, 0).text[0] == '=') {
        const QAPIDocLine *first = &g_array_index(doc->lines, QAPIDocLine, 0);
        int level = strspn(first->text, "=");

        if (first->text[level] != ' ' || !first->text[level + 1]) {
            qapi_error_setg(errp, line_info(p, first->line), "heading must be "
                            "'=' characters, a space and a title");
            return false;
        }
        if (level > *last_heading + 1) {
            qapi_error_setg(errp, line_info(p, first->line), "heading of level "
                            "%d must follow a heading of level %d or more",
                            level, level - 1);
            return false;
        }
        *last_heading = level;
        doc->heading_level = level;
        doc->heading = g_strdup(first->text + level + 1);
        i = 1;
    }
    for (; i < doc->lines->len; i++) {
        const QAPIDocLine *l = &g_array_index(doc->lines, QAPIDocLine, i);

        if (l->text[0] == '=') {
            qapi_error_setg(errp, line_info(p, l->line), "heading must be the "
                            "first line of a documentation comment");
            return false;
        }
        section_append(doc->body, l->text);
    }
    return true;
}

bool qapi_doc_parse(QAPIDoc *doc, QAPISourceSet *sources, int *last_heading,
                    Error **errp)
{
    DocParser p = { .doc = doc, .sources = sources, .indent = -1 };
    guint i;

    doc->body = section_new(&p, QAPI_DOC_BODY, NULL, doc->info->line);
    if (!doc->lines->len) {
        return true;
    }
    if (g_array_index(doc->lines, QAPIDocLine, 0).text[0] != '@') {
        if (!doc_parse_free(&p, last_heading, errp)) {
            return false;
        }
        section_trim(doc->body);
        return true;
    }
    if (!doc_parse_symbol(&p, &g_array_index(doc->lines, QAPIDocLine, 0),
                          errp)) {
        return false;
    }
    p.after_blank = true;
    for (i = 1; i < doc->lines->len; i++) {
        const QAPIDocLine *l = &g_array_index(doc->lines, QAPIDocLine, i);

        if (!doc_parse_line(&p, l->text, l->line, errp)) {
            return false;
        }
    }
    doc_trim_all(doc);
    return true;
}

static QAPIDocSection *find_named(GPtrArray *list, const char *name)
{
    guint i;

    for (i = 0; i < list->len; i++) {
        QAPIDocSection *s = g_ptr_array_index(list, i);

        if (s->name && !strcmp(s->name, name)) {
            return s;
        }
    }
    return NULL;
}

QAPIDocSection *qapi_doc_find_member(const QAPIDoc *doc, const char *name)
{
    return find_named(doc->members, name);
}

QAPIDocSection *qapi_doc_find_feature(const QAPIDoc *doc, const char *name)
{
    return find_named(doc->features, name);
}

QAPIDocSection *qapi_doc_find_tagged(const QAPIDoc *doc, const char *tag)
{
    guint i;

    for (i = 0; i < doc->sections->len; i++) {
        QAPIDocSection *s = g_ptr_array_index(doc->sections, i);

        if (s->kind == QAPI_DOC_TAGGED && !strcmp(s->name, tag)) {
            return s;
        }
    }
    return NULL;
}
