/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qjson.h: one-call conversions between JSON text and QObjects, built on
 * the streaming parser (json-parser.h) and the writer (json-writer.h).
 */
#ifndef QOBJECT_QJSON_H
#define QOBJECT_QJSON_H

#include "qobject/qdict.h"

/*
 * Parse @string, which must hold exactly one JSON value (whitespace around
 * it is fine). Empty input and anything after the value are errors.
 * Returns a new reference, or NULL with @errp set.
 */
QObject *qobject_from_json(const char *string, Error **errp);

/*
 * Parse the JSON text @fmt with printf-like interpolation, for literals in
 * code and tests. Outside strings, %d %i %u %ld %li %lu %lld %lli %llu
 * (so PRId64/PRIu64 too) take integers, %f a double, %s a C string (becomes
 * a JSON string; also allowed as an object key) and %p a QObject * whose
 * reference is taken over. Any error aborts: the text is part of the code.
 * Returns a new reference.
 */
QObject *qobject_from_jsonf_nofail(const char *fmt, ...);

/* qobject_from_jsonf_nofail() for an object. Returns a new reference. */
QDict *qdict_from_jsonf_nofail(const char *fmt, ...);

/*
 * @obj as compact JSON, QMP's wire style: one line, ", " and ": " as
 * separators, pure ASCII, dict members in insertion order.
 * Returns a new GString the caller frees.
 */
GString *qobject_to_json(const QObject *obj);

/*
 * @obj as JSON, compact like qobject_to_json() or, when @pretty, with one
 * member or element per line indented by four spaces. Returns a new GString.
 */
GString *qobject_to_json_pretty(const QObject *obj, bool pretty);

#endif /* QOBJECT_QJSON_H */
