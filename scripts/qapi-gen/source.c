/* SPDX-License-Identifier: GPL-2.0-or-later */
/* source.c: schema source locations, located errors and file reading. */
#include "osdep.h"

#include "util/error.h"
#include "source.h"

struct QAPISourceSet {
    GPtrArray *names;           /* char *, owned */
    GPtrArray *infos;           /* QAPISourceInfo *, owned */
};

QAPISourceSet *qapi_source_set_new(void)
{
    QAPISourceSet *set = g_new0(QAPISourceSet, 1);

    set->names = g_ptr_array_new_with_free_func(g_free);
    set->infos = g_ptr_array_new_with_free_func(g_free);
    return set;
}

void qapi_source_set_free(QAPISourceSet *set)
{
    if (!set) {
        return;
    }
    g_ptr_array_free(set->names, true);
    g_ptr_array_free(set->infos, true);
    g_free(set);
}

const char *qapi_source_intern(QAPISourceSet *set, const char *fname)
{
    guint i;
    char *copy;

    for (i = 0; i < set->names->len; i++) {
        if (!strcmp(g_ptr_array_index(set->names, i), fname)) {
            return g_ptr_array_index(set->names, i);
        }
    }
    copy = g_strdup(fname);
    g_ptr_array_add(set->names, copy);
    return copy;
}

const QAPISourceInfo *qapi_source_info(QAPISourceSet *set, const char *fname,
                                       int line,
                                       const QAPISourceInfo *parent)
{
    QAPISourceInfo *info = g_new0(QAPISourceInfo, 1);

    info->fname = fname;
    info->line = line;
    info->parent = parent;
    g_ptr_array_add(set->infos, info);
    return info;
}

bool qapi_read_file_from_disk(void *opaque, const char *fname,
                              char **contents, size_t *len, Error **errp)
{
    FILE *f = fopen(fname, "r");
    GString *text;
    char buf[65536];
    size_t n;

    /* Messages name the OS error only: the caller names the file. */
    if (!f) {
        error_setg(errp, "%s", g_strerror(errno));
        return false;
    }
    text = g_string_new(NULL);
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
        g_string_append_len(text, buf, n);
    }
    if (ferror(f)) {
        error_setg(errp, "%s", g_strerror(errno));
        fclose(f);
        g_string_free(text, true);
        return false;
    }
    fclose(f);
    *len = text->len;
    *contents = g_string_free(text, false);
    return true;
}

/* Prepend the include chain of @info to @hint, outermost first. */
static void append_include_chain(GString *hint, const QAPISourceInfo *info)
{
    if (!info) {
        return;
    }
    append_include_chain(hint, info->parent);
    g_string_append_printf(hint, "In file included from %s:%d:\n",
                           info->fname, info->line);
}

void qapi_error_setg(Error **errp, const QAPISourceInfo *info,
                     const char *fmt, ...)
{
    ERRP_GUARD();
    g_autofree char *msg = NULL;
    g_autoptr(GString) chain = g_string_new(NULL);
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (!info) {
        error_setg(errp, "%s", msg);
        return;
    }
    error_setg(errp, "%s:%d: %s", info->fname, info->line, msg);
    append_include_chain(chain, info->parent);
    if (chain->len) {
        error_append_hint(errp, "%s", chain->str);
    }
}

void qapi_error_print(FILE *out, const Error *err)
{
    const char *hint = error_get_hint(err);

    fprintf(out, "%s%s\n", hint ? hint : "", error_get_pretty(err));
}
