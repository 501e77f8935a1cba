/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-parser.h: the streaming JSON reader. Bytes go in, in chunks of any
 * size; every complete top-level value (or one error per malformed value)
 * comes out through a callback, in input order.
 *
 * Input is RFC 8259 JSON with QEMU's extensions: 'single-quoted' strings
 * (in which " needs no escape) and the extra escape \' in both kinds of
 * strings. Recovery rules:
 * - After a lexical or syntax error, exactly one error is emitted for the
 *   malformed value, the rest of that value is skipped (counting brackets,
 *   storing nothing) and parsing resumes with the next value.
 * - A resynchronisation byte, 0xFF or an ASCII control character other than
 *   tab, LF and CR, returns to the top level at once; it is reported as an
 *   error only when it cuts short a value (or a top-level string) that had
 *   no error yet, and is silent between values.
 * - Exceeding a JSONLimits bound is one error; the rest of the value is
 *   skipped without being buffered, so memory stays bounded for any input.
 */
#ifndef QOBJECT_JSON_PARSER_H
#define QOBJECT_JSON_PARSER_H

#include "qobject/qobject.h"

/*
 * Called once per top-level value with exactly one of @json and @err
 * non-NULL; ownership of either passes to the callee. Every error message
 * is one line starting "JSON parse error, ". The callback may call
 * json_message_parser_get_location() but must not feed or free the parser.
 */
typedef void JSONEmitFunc(void *opaque, QObject *json, Error *err);

/*
 * Bounds on one top-level value. A field left 0 takes the default shown.
 * Each limit is inclusive: a value may reach it but not exceed it.
 */
typedef struct JSONLimits {
    size_t max_depth;           /* nesting of objects and arrays: 1024 */
    size_t max_token_bytes;     /* one token, quotes included: 64 MiB */
    size_t max_value_bytes;     /* sum of the value's token bytes: 128 MiB */
    size_t max_value_tokens;    /* tokens in the value: 2^21 */
} JSONLimits;

#define JSON_DEFAULT_MAX_DEPTH          1024
#define JSON_DEFAULT_MAX_TOKEN_BYTES    ((size_t)64 << 20)
#define JSON_DEFAULT_MAX_VALUE_BYTES    ((size_t)128 << 20)
#define JSON_DEFAULT_MAX_VALUE_TOKENS   ((size_t)1 << 21)

/*
 * The largest max_depth accepted: parsing, comparing and freeing a value
 * recurse once per level, so the depth limit also bounds stack use.
 */
#define JSON_MAX_DEPTH_LIMIT            100000

/**
 * json_message_parser_new: a parser that calls @emit(@opaque, ...) for each
 * top-level value. @limits may be NULL for the defaults; it is copied.
 * Returns: the parser, freed with json_message_parser_free().
 */
JSONMessageParser *json_message_parser_new(JSONEmitFunc *emit, void *opaque,
                                           const JSONLimits *limits);

/*
 * Feed @len bytes of input. Values completed by these bytes are emitted
 * before it returns; a chunk may end anywhere, even inside a UTF-8 sequence,
 * an escape or a number.
 */
void json_message_parser_feed(JSONMessageParser *p, const char *buf,
                              size_t len);

/*
 * End of input: emit a pending top-level number or keyword (which only a
 * following byte could otherwise finish), or report an unfinished value as
 * "premature end of input". The parser is then back at the top level and
 * may be fed again.
 */
void json_message_parser_flush(JSONMessageParser *p);

/*
 * Only valid inside the emit callback: the 1-based line and column where
 * the emitted value starts, or for an error where the offending token or
 * byte starts. Columns count characters (UTF-8 continuation bytes do not
 * advance them); a tab is one column.
 */
void json_message_parser_get_location(const JSONMessageParser *p,
                                      int *line, int *col);

/* Free @p and any partial value it holds, emitting nothing. NULL is allowed. */
void json_message_parser_free(JSONMessageParser *p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JSONMessageParser, json_message_parser_free)

#endif /* QOBJECT_JSON_PARSER_H */
