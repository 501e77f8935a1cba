/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * doc.h: documentation comments. The reader collects each "##" block as
 * lines; qapi_doc_parse() splits it into a definition's sections or a
 * free-form text, and qapi_doc_check_schema() matches definition
 * documentation against the checked model.
 */
#ifndef QAPI_GEN_DOC_H
#define QAPI_GEN_DOC_H

#include "source.h"

typedef enum QAPIDocSectionKind {
    QAPI_DOC_BODY,              /* untagged text */
    QAPI_DOC_MEMBER,            /* @name: member, value, branch, argument */
    QAPI_DOC_FEATURE,           /* @name: after "Features:" */
    QAPI_DOC_TAGGED,            /* Returns:, Errors:, Since:, Note:, ... */
} QAPIDocSectionKind;

typedef struct QAPIDocSection {
    QAPIDocSectionKind kind;
    char *name;                 /* member or feature name, or the tag */
    GString *text;              /* lines joined with '\n', no trailing blank */
    const QAPISourceInfo *info; /* the line the section starts on */
} QAPIDocSection;

/* One line of a documentation comment, without its "# " lead. */
typedef struct QAPIDocLine {
    char *text;
    int line;
} QAPIDocLine;

typedef struct QAPIDoc {
    const QAPISourceInfo *info; /* the opening "##" line */
    GArray *lines;              /* QAPIDocLine, the raw text */
    char *symbol;               /* "@SYMBOL:" documented, or NULL */
    int heading_level;          /* free-form "= Heading": 1, "==": 2, ... */
    char *heading;
    QAPIDocSection *body;       /* text before any @member or tag */
    GPtrArray *members;         /* QAPIDocSection *, QAPI_DOC_MEMBER */
    GPtrArray *features;        /* QAPIDocSection *, QAPI_DOC_FEATURE */
    GPtrArray *sections;        /* QAPIDocSection *, tagged and later text */
} QAPIDoc;

/* A new documentation block opened on @info; lines are added later. */
QAPIDoc *qapi_doc_new(const QAPISourceInfo *info);

/* Append line @text (copied) read on line @line. */
void qapi_doc_add_line(QAPIDoc *doc, const char *text, int line);

/*
 * Split the lines of @doc into symbol, heading and sections. @sources
 * makes the infos of sections. @last_heading is the level of the previous
 * heading in the schema (0 before any) and is updated.
 */
bool qapi_doc_parse(QAPIDoc *doc, QAPISourceSet *sources, int *last_heading,
                    Error **errp);

/* Free @doc. NULL is allowed. */
void qapi_doc_free(QAPIDoc *doc);

/* The member section of @doc named @name, or NULL. */
QAPIDocSection *qapi_doc_find_member(const QAPIDoc *doc, const char *name);

/* The feature section of @doc named @name, or NULL. */
QAPIDocSection *qapi_doc_find_feature(const QAPIDoc *doc, const char *name);

/* The first tagged section of @doc with tag @tag, or NULL. */
QAPIDocSection *qapi_doc_find_tagged(const QAPIDoc *doc, const char *tag);

#endif /* QAPI_GEN_DOC_H */
