/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gen.h: the code and documentation generators. Each walks the checked
 * schema and adds files to a QAPIOutput; nothing is written to disk here.
 *
 * Files, for every schema module M (PREFIX from -p):
 *   PREFIXqapi-{types,visit,commands,events,client}-M.{c,h}
 * and once per schema:
 *   PREFIXqapi-{types,visit,commands,events,client}.h  (umbrella headers)
 *   PREFIXqapi-init-commands.{c,h}, PREFIXqapi-emit-events.{c,h},
 *   PREFIXqapi-introspect.{c,h}, PREFIXqapi-doc.md
 * and with -b: PREFIXqapi-builtin-{types,visit}.{c,h}.
 */
#ifndef QAPI_GEN_GEN_H
#define QAPI_GEN_GEN_H

#include "cgen.h"
#include "schema.h"

typedef struct QAPIGenOptions {
    const char *prefix;         /* file and symbol prefix, "" for none */
    bool builtins;              /* -b: also the built-in types' code */
    bool unmask;                /* -u: real type names in introspection */
} QAPIGenOptions;

/* One generation run. */
typedef struct QAPIGen {
    const QAPISchema *schema;
    const QAPIGenOptions *opts;
    QAPIOutput *out;
    char *c_prefix;             /* the prefix as C: "test-" gives "test_" */
    char *source;               /* base name of the main schema file */
} QAPIGen;

/* Generate every file for @schema into @out. */
void qapi_gen_all(const QAPISchema *schema, const QAPIGenOptions *opts,
                  QAPIOutput *out);

/* The generators, each adding its files to @gen->out. */
void qapi_gen_types(QAPIGen *gen);
void qapi_gen_visit(QAPIGen *gen);
void qapi_gen_commands(QAPIGen *gen);
void qapi_gen_events(QAPIGen *gen);
void qapi_gen_introspect(QAPIGen *gen);
void qapi_gen_client(QAPIGen *gen);
void qapi_gen_doc(QAPIGen *gen);

/*
 * The name of the @kind ("types", "visit", ...) file of module @m with
 * extension @ext (".c", ".h"); @m NULL gives the umbrella or one-per-schema
 * file PREFIXqapi-KIND.EXT. New string.
 */
char *qapi_gen_fname(const QAPIGen *gen, const char *kind,
                     const QAPIModule *m, const char *ext);

/* The modules of @gen to generate per-module files for, includes first. */
GPtrArray *qapi_gen_modules(const QAPIGen *gen, bool with_builtin);

/* The C expression for the special feature mask @special ("0", ...). */
char *qapi_gen_special(unsigned special);

/*
 * Write the umbrella header PREFIXqapi-KIND.h including the @kind header
 * of every user module.
 */
void qapi_gen_umbrella(QAPIGen *gen, const char *kind, const char *what);

/*
 * The parameters of qmp_FOO(), qapi_event_send_FOO() and the client
 * wrapper for command or event @call: the arguments one by one (with
 * has_ flags), or "Foo *arg" when boxed. "" for none, else each followed
 * by ", ". New string.
 */
char *qapi_gen_params(const QAPIEntity *call);

/* Whether @ent gets code in its module's files (not q_empty, built-ins). */
bool qapi_gen_wanted(const QAPIEntity *ent);

#endif /* QAPI_GEN_GEN_H */
