/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gen.c: running the generators and what they share. */
#include "osdep.h"

#include "gen.h"
#include "names.h"

char *qapi_gen_fname(const QAPIGen *gen, const char *kind,
                     const QAPIModule *m, const char *ext)
{
    if (!m) {
        return g_strdup_printf("%sqapi-%s%s", gen->opts->prefix, kind, ext);
    }
    if (m->builtin) {
        return g_strdup_printf("%sqapi-builtin-%s%s", gen->opts->prefix, kind,
                               ext);
    }
    return g_strdup_printf("%sqapi-%s-%s%s", gen->opts->prefix, kind, m->name,
                           ext);
}

GPtrArray *qapi_gen_modules(const QAPIGen *gen, bool with_builtin)
{
    GPtrArray *list = g_ptr_array_new();
    guint i;

    if (with_builtin && gen->opts->builtins) {
        g_ptr_array_add(list, gen->schema->builtin_module);
    }
    for (i = 0; i < gen->schema->modules->len; i++) {
        QAPIModule *m = g_ptr_array_index(gen->schema->modules, i);

        if (!m->builtin) {
            g_ptr_array_add(list, m);
        }
    }
    return list;
}

char *qapi_gen_special(unsigned special)
{
    if (!special) {
        return g_strdup("0");
    }
    return g_strdup_printf("%s%s%s",
                           special & QAPI_SPECIAL_DEPRECATED
                           ? "1u << QAPI_DEPRECATED" : "",
                           special == (QAPI_SPECIAL_DEPRECATED |
                                       QAPI_SPECIAL_UNSTABLE) ? " | " : "",
                           special & QAPI_SPECIAL_UNSTABLE
                           ? "1u << QAPI_UNSTABLE" : "");
}

void qapi_gen_umbrella(QAPIGen *gen, const char *kind, const char *what)
{
    g_autofree char *fname = qapi_gen_fname(gen, kind, NULL, ".h");
    g_autoptr(GPtrArray) modules = qapi_gen_modules(gen, false);
    CGen g = { .buf = qapi_output_file(gen->out, fname) };
    guint i;

    cg_header_begin(&g, fname, gen->source, what);
    for (i = 0; i < modules->len; i++) {
        g_autofree char *h = qapi_gen_fname(gen, kind,
                                            g_ptr_array_index(modules, i),
                                            ".h");

        cg(&g, "#include \"%s\"\n", h);
    }
    cg_header_end(&g, fname);
}

bool qapi_gen_wanted(const QAPIEntity *ent)
{
    return ent->meta != QAPI_META_BUILTIN && strcmp(ent->name, "q_empty");
}

void qapi_gen_all(const QAPISchema *schema, const QAPIGenOptions *opts,
                  QAPIOutput *out)
{
    QAPIGen gen = { .schema = schema, .opts = opts, .out = out };
    guint i;

    gen.c_prefix = qapi_c_name(opts->prefix, false);
    for (i = 0; i < schema->modules->len; i++) {
        QAPIModule *m = g_ptr_array_index(schema->modules, i);

        /* The main module is the last user module: it includes the rest. */
        if (!m->builtin) {
            g_free(gen.source);
            gen.source = g_path_get_basename(m->fname);
        }
    }
    qapi_gen_types(&gen);
    qapi_gen_visit(&gen);
    qapi_gen_commands(&gen);
    qapi_gen_events(&gen);
    qapi_gen_introspect(&gen);
    qapi_gen_client(&gen);
    qapi_gen_doc(&gen);
    g_free(gen.c_prefix);
    g_free(gen.source);
}
