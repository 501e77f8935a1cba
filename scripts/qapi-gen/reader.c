/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * reader.c: reading schema files.
 *
 * A file is first scanned byte by byte ("prescan"): comments are replaced
 * by spaces, so the JSON parser sees plain JSON with every line where it
 * was; "##" blocks at the top level become documentation; strings are
 * checked to be printable ASCII with only the escapes \\ \' \" \/. The
 * blanked text then goes through the project's streaming JSON parser,
 * which reports the line of every top-level value and of errors.
 *
 * Errors come out in file order: items before the first prescan or JSON
 * error are processed (so an earlier include error wins), then that error
 * is reported.
 */
#include "osdep.h"

#include "qobject/json-parser.h"
#include "qobject/qbool.h"
#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "reader.h"
#include "names.h"

typedef struct Reader {
    QAPISchema *schema;
    QAPIReadFileFunc *read_file;
    void *opaque;
    GHashTable *seen;           /* canonical path -> QAPIModule * */
    int last_heading;
} Reader;

/* What the prescan of one file found. */
typedef struct Prescan {
    const char *fname;
    const QAPISourceInfo *parent;
    char *text;                 /* the file with comments blanked */
    size_t len;
    GArray *line_starts;        /* size_t offset of each line, 1-based */
    GPtrArray *docs;            /* QAPIDoc *, owned until handed over */
    GArray *doc_ends;           /* int: last line of each doc */
    int err_line;               /* first error, 0 if none */
    char *err_msg;
} Prescan;

/* A top-level JSON value or error, as the parser emitted it. */
typedef struct Parsed {
    JSONMessageParser *parser;
    GPtrArray *values;          /* QObject *, owned */
    GArray *lines;              /* int */
    int err_line;
    char *err_msg;
} Parsed;

static void prescan_error(Prescan *ps, int line, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

static void prescan_error(Prescan *ps, int line, const char *fmt, ...)
{
    va_list ap;

    if (ps->err_line) {
        return;
    }
    va_start(ap, fmt);
    ps->err_line = line;
    ps->err_msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
}

static void prescan_clear(Prescan *ps)
{
    g_free(ps->text);
    g_array_free(ps->line_starts, true);
    g_ptr_array_free(ps->docs, true);
    g_array_free(ps->doc_ends, true);
    g_free(ps->err_msg);
}

/* The length of the line starting at @pos, without the newline. */
static size_t line_length(const Prescan *ps, size_t pos)
{
    const char *nl = memchr(ps->text + pos, '\n', ps->len - pos);

    return nl ? (size_t)(nl - (ps->text + pos)) : ps->len - pos;
}

static void blank(Prescan *ps, size_t from, size_t to)
{
    memset(ps->text + from, ' ', to - from);
}

/* Length of @s[0..@n) without trailing spaces, tabs and CRs. */
static size_t rstrip_len(const char *s, size_t n)
{
    while (n && (' ' == s[n - 1] || '\t' == s[n - 1] || '\r' == s[n - 1])) {
        n--;
    }
    return n;
}

/*
 * A documentation block whose "##" starts at @pos on line *@line: collect
 * its lines up to the closing "##", blanking them. Returns the offset of
 * the line where scanning resumes and updates *@line.
 */
static size_t prescan_doc(Prescan *ps, Reader *r, size_t pos, int *line)
{
    size_t n = rstrip_len(ps->text + pos, line_length(ps, pos));
    QAPIDoc *doc;
    int start = *line;

    if (n > 2) {
        prescan_error(ps, *line, "junk after '##' at start of "
                      "documentation comment");
        blank(ps, pos, pos + line_length(ps, pos));
        return pos + line_length(ps, pos);
    }
    doc = qapi_doc_new(qapi_source_info(r->schema->sources, ps->fname, start,
                                        ps->parent));
    g_ptr_array_add(ps->docs, doc);
    blank(ps, pos, pos + line_length(ps, pos));
    pos += line_length(ps, pos);
    for (;;) {
        size_t hash;

        if (pos >= ps->len) {
            prescan_error(ps, start, "documentation comment must end "
                          "with '##'");
            break;
        }
        pos++;                  /* the newline */
        (*line)++;
        g_array_append_val(ps->line_starts, pos);
        hash = pos + strspn(ps->text + pos, " \t");
        if (hash >= ps->len || '#' != ps->text[hash]) {
            prescan_error(ps, *line, "documentation comment must end "
                          "with '##'");
            /* Resume before this line's newline-free content. */
            ps->line_starts->len--;
            (*line)--;
            pos--;
            break;
        }
        n = rstrip_len(ps->text + hash, line_length(ps, hash));
        if (2 == n && '#' == ps->text[hash + 1]) {
            blank(ps, hash, hash + line_length(ps, hash));
            pos = hash + line_length(ps, hash);
            break;
        }
        if (n > 1 && ' ' != ps->text[hash + 1]) {
            prescan_error(ps, *line, "missing space after '#' in "
                          "documentation comment");
        } else {
            g_autofree char *text = g_strndup(ps->text + hash + 2,
                                              n > 2 ? n - 2 : 0);

            qapi_doc_add_line(doc, text, *line);
        }
        blank(ps, hash, hash + line_length(ps, hash));
        pos = hash + line_length(ps, hash);
    }
    g_array_append_val(ps->doc_ends, *line);
    return pos;
}

/* Scan a string starting after its opening quote @q; returns its end. */
static size_t prescan_string(Prescan *ps, size_t pos, char q, int line)
{
    while (pos < ps->len) {
        unsigned char c = ps->text[pos];

        if ('\\' == c) {
            c = pos + 1 < ps->len ? ps->text[pos + 1] : 0;
            if (!c || !strchr("\\'\"/", c)) {
                if (c >= 0x20 && c < 0x7f) {
                    prescan_error(ps, line, "unknown escape '\\%c' in string",
                                  c);
                } else {
                    prescan_error(ps, line, "unknown escape in string");
                }
                return pos + 1;
            }
            pos += 2;
            continue;
        }
        if (q == c) {
            return pos + 1;
        }
        if ('\n' == c) {
            prescan_error(ps, line, "missing closing quote of string");
            return pos;
        }
        if (c < 0x20 || c >= 0x7f) {
            prescan_error(ps, line, "string must be printable ASCII "
                          "(byte 0x%02x)", c);
        }
        pos++;
    }
    prescan_error(ps, line, "missing closing quote of string");
    return pos;
}

static void prescan(Prescan *ps, Reader *r)
{
    size_t pos = 0, zero = 0, line_start = 0;
    int line = 1, depth = 0;

    g_array_append_val(ps->line_starts, zero);     /* index 0 unused */
    g_array_append_val(ps->line_starts, zero);
    while (pos < ps->len) {
        unsigned char c = ps->text[pos];

        if ('\'' == c || '"' == c) {
            pos = prescan_string(ps, pos + 1, c, line);
            continue;
        }
        if ('#' == c) {
            bool at_start = strspn(ps->text + line_start, " \t") ==
                            pos - line_start;

            if (!depth && at_start && pos + 1 < ps->len &&
                '#' == ps->text[pos + 1]) {
                pos = prescan_doc(ps, r, pos, &line);
                line_start = g_array_index(ps->line_starts, size_t, line);
            } else {
                blank(ps, pos, pos + line_length(ps, pos));
                pos += line_length(ps, pos);
            }
            continue;
        }
        if ('\n' == c) {
            line++;
            line_start = pos + 1;
            g_array_append_val(ps->line_starts, line_start);
        } else if ('{' == c || '[' == c) {
            depth++;
        } else if (('}' == c || ']' == c) && depth) {
            depth--;
        } else if ((c < 0x20 && '\t' != c && '\r' != c) || c >= 0x7f) {
            prescan_error(ps, line, "stray byte 0x%02x", c);
            ps->text[pos] = ' ';
        }
        pos++;
    }
}

static void parsed_emit(void *opaque, QObject *json, Error *err)
{
    Parsed *p = opaque;
    int line, col;

    json_message_parser_get_location(p->parser, &line, &col);
    if (p->err_line) {
        /* Everything after the first error is ignored. */
        qobject_unref(json);
        error_free(err);
        return;
    }
    if (err) {
        p->err_line = line;
        p->err_msg = g_strdup(error_get_pretty(err));
        error_free(err);
        return;
    }
    g_ptr_array_add(p->values, json);
    g_array_append_val(p->lines, line);
}

/*
 * Parse the blanked text of @ps, up to the line of the first prescan
 * error when there is one (a value that is cut there is dropped).
 */
static void parse_json(Prescan *ps, Parsed *p)
{
    size_t len = ps->len;

    p->values = g_ptr_array_new_with_free_func(
        (GDestroyNotify)qobject_unref_impl);
    p->lines = g_array_new(false, false, sizeof(int));
    p->parser = json_message_parser_new(parsed_emit, p, NULL);
    if (ps->err_line) {
        len = g_array_index(ps->line_starts, size_t, ps->err_line);
    }
    json_message_parser_feed(p->parser, ps->text, len);
    if (!ps->err_line) {
        json_message_parser_flush(p->parser);
    }
    json_message_parser_free(p->parser);
    p->parser = NULL;
}

static void parsed_clear(Parsed *p)
{
    g_ptr_array_free(p->values, true);
    g_array_free(p->lines, true);
    g_free(p->err_msg);
}

static bool read_file(Reader *r, const char *fname,
                      const QAPISourceInfo *incl, QAPIModule **module,
                      Error **errp);

/* The module name of @fname: its base name without ".json". */
static char *module_name(const char *fname)
{
    char *base = g_path_get_basename(fname);

    if (qapi_str_ends_with(base, ".json") && strlen(base) > 5) {
        base[strlen(base) - 5] = '\0';
    }
    return base;
}

static QAPIModule *module_new(Reader *r, const char *fname,
                              const QAPISourceInfo *incl, Error **errp)
{
    g_autofree char *name = module_name(fname);
    QAPIModule *m;
    const char *p;
    guint i;

    for (p = name; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("-_.", *p)) {
            qapi_error_setg(errp, incl, "schema file name '%s' must consist "
                            "of letters, digits, '-', '_' and '.'", fname);
            return NULL;
        }
    }
    for (i = 0; i < r->schema->modules->len; i++) {
        m = g_ptr_array_index(r->schema->modules, i);
        if (!m->builtin && !strcmp(m->name, name)) {
            qapi_error_setg(errp, incl, "module name '%s' of '%s' clashes "
                            "with '%s'", name, fname, m->fname);
            return NULL;
        }
    }
    m = g_new0(QAPIModule, 1);
    m->name = g_steal_pointer(&name);
    m->fname = fname;
    m->entities = g_ptr_array_new();
    m->includes = g_ptr_array_new();
    return m;
}

/* Whether @expr has keys other than @key; report the first one. */
static bool directive_keys_ok(QDict *expr, const char *key,
                              const QAPISourceInfo *info, Error **errp)
{
    const QDictEntry *e;

    for (e = qdict_first(expr); e; e = qdict_next(expr, e)) {
        if (strcmp(qdict_entry_key(e), key)) {
            qapi_error_setg(errp, info, "%s directive has unknown key '%s'",
                            key, qdict_entry_key(e));
            return false;
        }
    }
    return true;
}

/* The path of include @incl written in file @fname. New string. */
static char *include_path(const char *fname, const char *incl)
{
    g_autofree char *dir = g_path_get_dirname(fname);

    if (g_path_is_absolute(incl) || !strchr(fname, '/')) {
        return g_strdup(incl);
    }
    return g_build_filename(dir, incl, NULL);
}

static bool do_include(Reader *r, QDict *expr, const QAPISourceInfo *info,
                       QAPIModule *module, Error **errp)
{
    QString *str = qobject_to(QString, qdict_get(expr, "include"));
    g_autofree char *path = NULL;
    g_autofree char *canon = NULL;
    const QAPISourceInfo *i;
    QAPIModule *sub;

    if (!directive_keys_ok(expr, "include", info, errp)) {
        return false;
    }
    if (!str) {
        qapi_error_setg(errp, info, "value of 'include' must be a string");
        return false;
    }
    path = include_path(info->fname, qstring_get_str(str));
    canon = g_canonicalize_filename(path, NULL);
    for (i = info; i; i = i->parent) {
        g_autofree char *c = g_canonicalize_filename(i->fname, NULL);

        if (!strcmp(c, canon)) {
            qapi_error_setg(errp, info, "inclusion loop for '%s'",
                            qstring_get_str(str));
            return false;
        }
    }
    sub = g_hash_table_lookup(r->seen, canon);
    if (!sub && !read_file(r, qapi_source_intern(r->schema->sources, path),
                           info, &sub, errp)) {
        return false;
    }
    if (!g_ptr_array_find(module->includes, sub, NULL)) {
        g_ptr_array_add(module->includes, sub);
    }
    return true;
}

static bool pragma_list(QObject *value, const char *name, GPtrArray *dst,
                        const QAPISourceInfo *info, Error **errp)
{
    QList *list = qobject_to(QList, value);
    const QListEntry *e;

    for (e = list ? qlist_first(list) : NULL; e; e = qlist_next(e)) {
        if (!qobject_to(QString, qlist_entry_obj(e))) {
            list = NULL;
            break;
        }
    }
    if (!list) {
        qapi_error_setg(errp, info, "pragma '%s' must be a list of strings",
                        name);
        return false;
    }
    for (e = qlist_first(list); e; e = qlist_next(e)) {
        QString *s = qobject_to(QString, qlist_entry_obj(e));

        g_ptr_array_add(dst, g_strdup(qstring_get_str(s)));
    }
    return true;
}

static bool do_pragma(Reader *r, QDict *expr, const QAPISourceInfo *info,
                      Error **errp)
{
    QAPIPragma *pragma = &r->schema->pragma;
    QDict *dict = qobject_to(QDict, qdict_get(expr, "pragma"));
    const QDictEntry *e;

    if (!directive_keys_ok(expr, "pragma", info, errp)) {
        return false;
    }
    if (!dict) {
        qapi_error_setg(errp, info, "value of 'pragma' must be an object");
        return false;
    }
    for (e = qdict_first(dict); e; e = qdict_next(dict, e)) {
        const char *name = qdict_entry_key(e);
        QObject *value = qdict_entry_value(e);
        GPtrArray *list = NULL;

        if (!strcmp(name, "doc-required")) {
            if (!qobject_to(QBool, value)) {
                qapi_error_setg(errp, info, "pragma 'doc-required' must be "
                                "a boolean");
                return false;
            }
            pragma->doc_required = qbool_get_bool(qobject_to(QBool, value));
            continue;
        }
        if (!strcmp(name, "command-name-exceptions")) {
            list = pragma->command_name_exceptions;
        } else if (!strcmp(name, "command-returns-exceptions")) {
            list = pragma->command_returns_exceptions;
        } else if (!strcmp(name, "documentation-exceptions")) {
            list = pragma->documentation_exceptions;
        } else if (!strcmp(name, "member-name-exceptions")) {
            list = pragma->member_name_exceptions;
        } else {
            qapi_error_setg(errp, info, "unknown pragma '%s'", name);
            return false;
        }
        if (!pragma_list(value, name, list, info, errp)) {
            return false;
        }
    }
    return true;
}

/* A definition doc must be followed by its definition. */
static bool reject_doc(QAPIDoc *doc, Error **errp)
{
    if (doc && doc->symbol) {
        qapi_error_setg(errp, doc->info, "documentation for '%s' is not "
                        "followed by the definition", doc->symbol);
        return false;
    }
    return true;
}

static QAPIExpr *expr_add(Reader *r, QAPIExprKind kind, QDict *expr,
                          const QAPISourceInfo *info, QAPIDoc *doc,
                          QAPIModule *module)
{
    QAPIExpr *e = g_new0(QAPIExpr, 1);

    e->kind = kind;
    e->expr = expr;
    e->info = info;
    e->doc = doc;
    e->module = module;
    g_ptr_array_add(r->schema->exprs, e);
    return e;
}

/* Take the doc from the prescan and parse it; it becomes *@cur. */
static bool item_doc(Reader *r, QAPIDoc *doc, QAPIModule *module,
                     QAPIDoc **cur, Error **errp)
{
    g_ptr_array_add(r->schema->docs, doc);
    if (!reject_doc(*cur, errp) ||
        !qapi_doc_parse(doc, r->schema->sources, &r->last_heading, errp)) {
        return false;
    }
    if (!doc->symbol) {
        expr_add(r, QAPI_EXPR_FREE_DOC, NULL, doc->info, doc, module);
    }
    *cur = doc;
    return true;
}

static bool item_value(Reader *r, QObject *value, const QAPISourceInfo *info,
                       QAPIModule *module, QAPIDoc **cur, Error **errp)
{
    QDict *expr = qobject_to(QDict, value);
    QAPIDoc *doc = *cur;

    *cur = NULL;
    if (!expr) {
        qapi_error_setg(errp, info, "top-level expression must be an object");
        return false;
    }
    if (qdict_haskey(expr, "include")) {
        return reject_doc(doc, errp) && do_include(r, expr, info, module,
                                                   errp);
    }
    if (qdict_haskey(expr, "pragma")) {
        return reject_doc(doc, errp) && do_pragma(r, expr, info, errp);
    }
    /*
     * Text right before a definition is most likely its documentation
     * without the "@NAME:" line; a heading is not.
     */
    if (doc && !doc->symbol && !doc->heading) {
        qapi_error_setg(errp, doc->info, "documentation comment directly "
                        "before a definition must start with '@NAME:'");
        return false;
    }
    if (doc && !doc->symbol) {
        doc = NULL;
    }
    if (doc) {
        doc->used = true;
    }
    expr_add(r, QAPI_EXPR_DEFINITION, qobject_ref(expr), info, doc, module);
    return true;
}

/* Process docs and values in line order, up to the first error. */
static bool process_items(Reader *r, Prescan *ps, Parsed *p,
                          QAPIModule *module, Error **errp)
{
    int cutoff = ps->err_line;
    guint d = 0, v = 0;
    QAPIDoc *cur = NULL;

    if (p->err_line && (!cutoff || p->err_line < cutoff)) {
        cutoff = p->err_line;
    }
    for (;;) {
        QAPIDoc *doc = d < ps->docs->len ? g_ptr_array_index(ps->docs, d)
                                         : NULL;
        int vline = v < p->lines->len ? g_array_index(p->lines, int, v) : 0;

        if (doc && cutoff && g_array_index(ps->doc_ends, int, d) >= cutoff) {
            doc = NULL;
        }
        if (doc && (!vline || doc->info->line < vline)) {
            g_ptr_array_index(ps->docs, d++) = NULL;
            if (!item_doc(r, doc, module, &cur, errp)) {
                return false;
            }
        } else if (vline) {
            const QAPISourceInfo *info =
                qapi_source_info(r->schema->sources, ps->fname, vline,
                                 ps->parent);

            if (!item_value(r, g_ptr_array_index(p->values, v++), info,
                            module, &cur, errp)) {
                return false;
            }
        } else {
            break;
        }
    }
    if (cutoff) {
        bool json = cutoff == p->err_line;
        const QAPISourceInfo *info =
            qapi_source_info(r->schema->sources, ps->fname, cutoff,
                             ps->parent);

        qapi_error_setg(errp, info, "%s", json ? p->err_msg : ps->err_msg);
        return false;
    }
    return reject_doc(cur, errp);
}

static bool read_file(Reader *r, const char *fname,
                      const QAPISourceInfo *incl, QAPIModule **module,
                      Error **errp)
{
    Error *err = NULL;
    Prescan ps = { .fname = fname, .parent = incl };
    Parsed p = { 0 };
    QAPIModule *m;
    bool ok;

    if (!r->read_file(r->opaque, fname, &ps.text, &ps.len, &err)) {
        qapi_error_setg(errp, incl, "can't read %s file '%s': %s",
                        incl ? "include" : "schema", fname,
                        error_get_pretty(err));
        error_free(err);
        return false;
    }
    m = module_new(r, fname, incl, errp);
    if (!m) {
        g_free(ps.text);
        return false;
    }
    /* Register first: includes of this file from within it are loops. */
    g_hash_table_insert(r->seen, g_canonicalize_filename(fname, NULL), m);
    *module = m;
    ps.line_starts = g_array_new(false, false, sizeof(size_t));
    ps.docs = g_ptr_array_new_with_free_func((GDestroyNotify)qapi_doc_free);
    ps.doc_ends = g_array_new(false, false, sizeof(int));
    prescan(&ps, r);
    parse_json(&ps, &p);
    ok = process_items(r, &ps, &p, m, errp);
    /* Modules are listed after the modules they include. */
    g_ptr_array_add(r->schema->modules, m);
    parsed_clear(&p);
    prescan_clear(&ps);
    return ok;
}

bool qapi_read_schema(QAPISchema *schema, const char *fname,
                      QAPIReadFileFunc *read_file_fn, void *opaque,
                      Error **errp)
{
    Reader r = {
        .schema = schema,
        .read_file = read_file_fn,
        .opaque = opaque,
        .seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
    };
    QAPIModule *main_module;
    bool ok;

    ok = read_file(&r, qapi_source_intern(schema->sources, fname), NULL,
                   &main_module, errp);
    g_hash_table_destroy(r.seen);
    return ok;
}
