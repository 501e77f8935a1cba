/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * reader.c: reading schema files: modules, includes, pragmas, and the
 * top-level items of each file (prescan.c found them) in order.
 *
 * Errors come out in file order: items before the first prescan or JSON
 * error are processed (so an earlier include error wins), then that error
 * is reported.
 */
#include "osdep.h"

#include "qobject/qbool.h"
#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "prescan.h"
#include "reader.h"
#include "names.h"

typedef struct Reader {
    QAPISchema *schema;
    QAPIReadFileFunc *read_file;
    void *opaque;
    GHashTable *seen;           /* canonical path -> QAPIModule * */
    int last_heading;
} Reader;

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

/* Whether @expr has no key but @key; else report the first other one. */
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
    expr_add(r, QAPI_EXPR_DEFINITION, qobject_ref(expr), info, doc, module);
    return true;
}

/* Process docs and values in line order, up to the first error. */
static bool process_items(Reader *r, QAPIPrescan *ps, QAPIParsed *p,
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
    QAPIPrescan ps = {
        .fname = fname, .parent = incl, .sources = r->schema->sources,
    };
    QAPIParsed p = { 0 };
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
    qapi_prescan(&ps);
    qapi_parse_json(&ps, &p);
    ok = process_items(r, &ps, &p, m, errp);
    /* Modules are listed after the modules they include. */
    g_ptr_array_add(r->schema->modules, m);
    qapi_parsed_clear(&p);
    qapi_prescan_clear(&ps);
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
