/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * prescan.h: the first look at one schema file (prescan.c): comments
 * blanked, documentation blocks collected, strings checked, then the JSON
 * parsed. The reader (reader.c) processes what it finds.
 */
#ifndef QAPI_GEN_PRESCAN_H
#define QAPI_GEN_PRESCAN_H

#include "doc.h"
#include "source.h"

/*
 * What the prescan of one file found. The caller sets @fname, @parent,
 * @sources, @text (owned) and @len; qapi_prescan() fills in the rest.
 */
typedef struct QAPIPrescan {
    const char *fname;
    const QAPISourceInfo *parent;
    QAPISourceSet *sources;
    char *text;                 /* the file; comments get blanked */
    size_t len;
    GArray *line_starts;        /* size_t offset of each line, 1-based */
    GPtrArray *docs;            /* QAPIDoc *, owned until taken (NULLed) */
    GArray *doc_ends;           /* int: last line of each doc */
    int err_line;               /* first error, 0 if none */
    char *err_msg;
} QAPIPrescan;

/* The top-level JSON values of a file, up to the first error. */
typedef struct QAPIParsed {
    JSONMessageParser *parser;  /* while parsing */
    GPtrArray *values;          /* QObject *, owned */
    GArray *lines;              /* int: the line each value starts on */
    int err_line;               /* the first JSON error, 0 if none */
    char *err_msg;
} QAPIParsed;

/* Scan @ps->text: blank comments, collect docs, note the first error. */
void qapi_prescan(QAPIPrescan *ps);

/* Free what qapi_prescan() and the caller put into @ps. */
void qapi_prescan_clear(QAPIPrescan *ps);

/*
 * Parse the blanked text of @ps into @p, up to the line of the first
 * prescan error when there is one (a value cut there is dropped).
 */
void qapi_parse_json(const QAPIPrescan *ps, QAPIParsed *p);

/* Free what qapi_parse_json() put into @p. */
void qapi_parsed_clear(QAPIParsed *p);

#endif /* QAPI_GEN_PRESCAN_H */
