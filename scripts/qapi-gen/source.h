/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * source.h: where a schema construct was read (file, line, include chain),
 * how errors name it, and how schema files are read (from disk, or from
 * memory for the fuzzer and tests).
 */
#ifndef QAPI_GEN_SOURCE_H
#define QAPI_GEN_SOURCE_H

/*
 * A place in the schema. @fname is the path as opened (the command-line
 * argument, or an include joined to its includer's directory); @parent is
 * the include directive that brought the file in, or NULL for the main file.
 * Infos are owned by the QAPISourceSet that made them.
 */
typedef struct QAPISourceInfo QAPISourceInfo;
struct QAPISourceInfo {
    const char *fname;
    int line;
    const QAPISourceInfo *parent;
};

/*
 * How to read a schema file: fill *@contents (caller frees with g_free) and
 * *@len and return true, or return false with @errp set to a message naming
 * the OS error only (the caller adds which file it was).
 */
typedef bool QAPIReadFileFunc(void *opaque, const char *fname,
                              char **contents, size_t *len, Error **errp);

/* The file reader used by default: g_file_get_contents(). */
bool qapi_read_file_from_disk(void *opaque, const char *fname,
                              char **contents, size_t *len, Error **errp);

/* Owner of every QAPISourceInfo and file name of one schema. */
typedef struct QAPISourceSet QAPISourceSet;

/* A new, empty set; free with qapi_source_set_free(). */
QAPISourceSet *qapi_source_set_new(void);

/* Free @set and every info and name it owns. NULL is allowed. */
void qapi_source_set_free(QAPISourceSet *set);

/* A copy of @fname owned by @set (borrowed by the caller). */
const char *qapi_source_intern(QAPISourceSet *set, const char *fname);

/* A new info owned by @set; @fname must come from qapi_source_intern(). */
const QAPISourceInfo *qapi_source_info(QAPISourceSet *set, const char *fname,
                                       int line,
                                       const QAPISourceInfo *parent);

/*
 * Set @errp to "FILE:LINE: message" for @info (no location when @info is
 * NULL), with one hint line "In file included from FILE:LINE:" per include
 * level, outermost first. qapi_error_print() prints them in that order.
 */
void qapi_error_setg(Error **errp, const QAPISourceInfo *info,
                     const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/*
 * Print @err as the compiler reports it: the include lines, then the
 * message, to @out. Does not free @err.
 */
void qapi_error_print(FILE *out, const Error *err);

#endif /* QAPI_GEN_SOURCE_H */
