/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cgen.h: writing generated C: a text buffer with automatic indentation,
 * #if/#endif around conditional code, the standard file prologue, and the
 * set of output files, written to disk only when their content changed.
 */
#ifndef QAPI_GEN_CGEN_H
#define QAPI_GEN_CGEN_H

#include "ifcond.h"

/* Generated text; @indent spaces go before each line cg() appends. */
typedef struct CGen {
    GString *buf;               /* borrowed */
    int indent;
} CGen;

/*
 * Append formatted text. Every line that starts in it, is not empty and
 * does not start with '#' (a preprocessor line) gets the current
 * indentation.
 */
void cg(CGen *g, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Indent by four more / fewer spaces. */
void cg_indent(CGen *g);
void cg_dedent(CGen *g);

/* "#if COND" / "#endif COMMENT" lines for @cond; nothing when NULL. */
void cg_if(CGen *g, const QAPIIf *cond);
void cg_endif(CGen *g, const QAPIIf *cond);

/*
 * Append @text (the output of another CGen) guarded by @cond; nothing when
 * @text is empty.
 */
void cg_wrap(CGen *g, const QAPIIf *cond, const GString *text);

/*
 * Start a header @fname: the "generated" banner naming @source, a comment
 * saying @what the file holds, and the include guard derived from @fname.
 */
void cg_header_begin(CGen *g, const char *fname, const char *source,
                     const char *what);

/* End a header started with cg_header_begin(). */
void cg_header_end(CGen *g, const char *fname);

/* Start a .c file: banner, @what, and the project prelude. */
void cg_source_begin(CGen *g, const char *source, const char *what);

/* A string literal for @s (a schema name: printable ASCII). New string. */
char *cg_quote(const char *s);

/* "TYPE NAME" with no space after a '*' ("char *name"). New string. */
char *cg_decl(const char *type, const char *name);

/* The set of files one run generates, in creation order. */
typedef struct QAPIOutput QAPIOutput;

/* A new, empty set; free with qapi_output_free(). */
QAPIOutput *qapi_output_new(void);

/* Free @out. NULL is allowed. */
void qapi_output_free(QAPIOutput *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QAPIOutput, qapi_output_free)

/* The buffer of file @name (borrowed), created empty on first use. */
GString *qapi_output_file(QAPIOutput *out, const char *name);

/* The number of files in @out and the name and text of the @i-th one. */
guint qapi_output_count(const QAPIOutput *out);
const char *qapi_output_name(const QAPIOutput *out, guint i);
const GString *qapi_output_text(const QAPIOutput *out, guint i);

/*
 * Write every file of @out into directory @dir (created if missing). A file
 * whose content is unchanged is not touched, so build tools that compare
 * timestamps see no change; others are replaced atomically.
 */
bool qapi_output_write(const QAPIOutput *out, const char *dir, Error **errp);

#endif /* QAPI_GEN_CGEN_H */
