/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-writer.h: build JSON text incrementally, without building QObjects
 * first (the migration stream's JSON footer, qobject_to_json()).
 *
 * Every output function takes @name: the member name when the writer is
 * directly inside an object, NULL anywhere else (inside a list, or for the
 * top-level value). Breaking that rule, closing the wrong container or
 * writing a second top-level value is a programming error and aborts.
 *
 * Output is pure ASCII. Strings escape " and \, use \b \f \n \r \t, \u00XX
 * for other control characters and DEL, \uXXXX (surrogate pairs above
 * U+FFFF) for all non-ASCII, and \uFFFD for each byte that is not part of
 * valid UTF-8, so the output is valid JSON whatever the input bytes.
 * Numbers use qnum_to_string(): integers exactly, doubles in the shortest
 * form that reads back exactly, and non-finite doubles as null.
 */
#ifndef QOBJECT_JSON_WRITER_H
#define QOBJECT_JSON_WRITER_H

/*
 * A new writer. Compact output is one line with ", " and ": " separators;
 * @pretty puts each member or element on its own line indented by four
 * spaces per level ("key": value), empty containers staying {} and [].
 */
JSONWriter *json_writer_new(bool pretty);

/* The text written so far (borrowed: valid until the next call on @w). */
const char *json_writer_get(JSONWriter *w);

/* Free @w and return its text (new GString). Every container must be closed. */
GString *json_writer_get_and_free(JSONWriter *w);

/* Free @w and its text. NULL is allowed. */
void json_writer_free(JSONWriter *w);

/* Open an object or a list; close it with the matching end function. */
void json_writer_start_object(JSONWriter *w, const char *name);
void json_writer_end_object(JSONWriter *w);
void json_writer_start_list(JSONWriter *w, const char *name);
void json_writer_end_list(JSONWriter *w);

/* Write one scalar value; @str is a NUL-terminated byte string. */
void json_writer_bool(JSONWriter *w, const char *name, bool val);
void json_writer_null(JSONWriter *w, const char *name);
void json_writer_int64(JSONWriter *w, const char *name, int64_t val);
void json_writer_uint64(JSONWriter *w, const char *name, uint64_t val);
void json_writer_double(JSONWriter *w, const char *name, double val);
void json_writer_str(JSONWriter *w, const char *name, const char *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JSONWriter, json_writer_free)

#endif /* QOBJECT_JSON_WRITER_H */
