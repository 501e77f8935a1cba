/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-streamer.c: the streaming JSON reader. It collects the lexer's
 * tokens until a top-level value is complete (its bracket count is back to
 * zero), has the parser build it and emits it; it enforces the limits and
 * implements error recovery (skip the rest of a bad value, reset on a
 * resynchronisation byte).
 */
#include "osdep.h"

#include "qobject/json-parser.h"
#include "util/error.h"
#include "json-internal.h"

/* Buffers grown beyond this are released once their value is done. */
#define STREAMER_KEEP_BYTES 65536

struct JSONMessageParser {
    JSONEmitFunc *emit;
    void *opaque;
    JSONLimits limits;
    JSONLexer lexer;
    va_list *ap;                /* jsonf arguments, or NULL */
    JSONToken *tokens;          /* the value being collected */
    size_t ntokens;
    size_t tokens_cap;
    GString *text;              /* the text of those tokens, back to back */
    size_t depth;               /* open objects and arrays */
    bool skipping;              /* the value had an error: skip to its end */
    int line, col;              /* for json_message_parser_get_location() */
};

/* Forget the value being collected and return to the top level. */
static void streamer_reset(JSONMessageParser *p)
{
    if (p->text->allocated_len > STREAMER_KEEP_BYTES) {
        g_string_free(p->text, true);
        p->text = g_string_sized_new(256);
    } else {
        g_string_truncate(p->text, 0);
    }
    if (p->tokens_cap * sizeof(JSONToken) > STREAMER_KEEP_BYTES) {
        g_free(p->tokens);
        p->tokens = NULL;
        p->tokens_cap = 0;
    }
    p->ntokens = 0;
    p->depth = 0;
    p->skipping = false;
}

static void streamer_emit(JSONMessageParser *p, QObject *json, Error *err,
                          int line, int col)
{
    p->line = line;
    p->col = col;
    p->emit(p->opaque, json, err);
}

/*
 * Report the error of the value being collected, at @line:@col, and skip
 * the rest of the value, if any, without storing it.
 */
static void G_GNUC_PRINTF(4, 5) streamer_error(JSONMessageParser *p,
                                               int line, int col,
                                               const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    size_t depth = p->depth;
    Error *err = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    error_setg(&err, JSON_ERROR_PREFIX "%s", msg);
    streamer_reset(p);
    p->depth = depth;
    p->skipping = depth > 0;
    streamer_emit(p, NULL, err, line, col);
}

/* "64 MiB", "1 KiB" or "1000 bytes", for limit messages. */
static char *format_size(size_t size)
{
    if (size && !(size % ((size_t)1 << 20))) {
        return g_strdup_printf("%zu MiB", size >> 20);
    }
    if (size && !(size % 1024)) {
        return g_strdup_printf("%zu KiB", size >> 10);
    }
    return g_strdup_printf("%zu bytes", size);
}

static void streamer_too_long(JSONMessageParser *p, int line, int col)
{
    g_autofree char *size = format_size(p->limits.max_token_bytes);

    streamer_error(p, line, col, "token longer than %s", size);
}

/* The value is complete: build it and emit it, or its error. */
static void streamer_complete(JSONMessageParser *p)
{
    int line = p->tokens[0].line, col = p->tokens[0].col;
    const JSONToken *bad = NULL;
    Error *err = NULL;
    QObject *obj;

    obj = json_parser_parse(p->tokens, p->ntokens, p->text->str, p->ap,
                            &bad, &err);
    if (!obj) {
        line = bad->line;
        col = bad->col;
    }
    streamer_reset(p);
    streamer_emit(p, obj, err, line, col);
}

/* Count brackets; false (after reporting) when the nesting is too deep. */
static bool streamer_track_depth(JSONMessageParser *p, JSONTokenType type,
                                 int line, int col)
{
    if (type == JSON_LCURLY || type == JSON_LSQUARE) {
        p->depth++;
        if (p->depth > p->limits.max_depth && !p->skipping) {
            streamer_error(p, line, col, "nesting deeper than %zu levels",
                           p->limits.max_depth);
            return false;
        }
    } else if ((type == JSON_RCURLY || type == JSON_RSQUARE) && p->depth) {
        p->depth--;
    }
    return true;
}

/* Store a token of the value; false (after reporting) over a limit. */
static bool streamer_store(JSONMessageParser *p, JSONTokenType type,
                           const char *text, size_t len, int line, int col)
{
    JSONToken tok = {
        .type = type, .line = line, .col = col,
        .offset = p->text->len, .len = len,
    };
    g_autofree char *size = NULL;

    if (p->ntokens >= p->limits.max_value_tokens) {
        streamer_error(p, line, col, "value with more than %zu tokens",
                       p->limits.max_value_tokens);
        return false;
    }
    if (len > p->limits.max_value_bytes - p->text->len) {
        size = format_size(p->limits.max_value_bytes);
        streamer_error(p, line, col, "value longer than %s", size);
        return false;
    }
    if (p->ntokens == p->tokens_cap) {
        p->tokens_cap = MAX(16, p->tokens_cap * 2);
        p->tokens = g_renew(JSONToken, p->tokens, p->tokens_cap);
    }
    g_string_append_len(p->text, text, len);
    p->tokens[p->ntokens++] = tok;
    return true;
}

/* The lexer's callback: every token and lexical event comes through here. */
static void streamer_token(void *opaque, JSONTokenType type,
                           const char *text, size_t len, int line, int col)
{
    JSONMessageParser *p = opaque;

    switch (type) {
    case JSON_RESET:
        if (!p->skipping && p->ntokens) {
            streamer_error(p, line, col, "%s", text);
        }
        streamer_reset(p);
        return;
    case JSON_RESET_INTERRUPT:
        if (!p->skipping) {
            streamer_error(p, line, col, "%s", text);
        }
        streamer_reset(p);
        return;
    case JSON_ERROR:
        if (!p->skipping) {
            streamer_error(p, line, col, "%s", text);
        }
        return;
    case JSON_TOO_LONG:
        if (!p->skipping) {
            streamer_too_long(p, line, col);
        }
        return;
    default:
        break;
    }
    if (!streamer_track_depth(p, type, line, col)) {
        return;
    }
    if (p->skipping) {
        p->skipping = p->depth > 0;
        return;
    }
    if (!streamer_store(p, type, text, len, line, col)) {
        return;
    }
    if (!p->depth) {
        streamer_complete(p);
    }
}

static JSONMessageParser *streamer_new(JSONEmitFunc *emit, void *opaque,
                                       const JSONLimits *limits, va_list *ap)
{
    JSONMessageParser *p = g_new0(JSONMessageParser, 1);

    p->emit = emit;
    p->opaque = opaque;
    if (limits) {
        p->limits = *limits;
    }
    if (!p->limits.max_depth) {
        p->limits.max_depth = JSON_DEFAULT_MAX_DEPTH;
    }
    if (!p->limits.max_token_bytes) {
        p->limits.max_token_bytes = JSON_DEFAULT_MAX_TOKEN_BYTES;
    }
    if (!p->limits.max_value_bytes) {
        p->limits.max_value_bytes = JSON_DEFAULT_MAX_VALUE_BYTES;
    }
    if (!p->limits.max_value_tokens) {
        p->limits.max_value_tokens = JSON_DEFAULT_MAX_VALUE_TOKENS;
    }
    g_assert(p->limits.max_depth <= JSON_MAX_DEPTH_LIMIT);
    p->ap = ap;
    p->text = g_string_sized_new(256);
    json_lexer_init(&p->lexer, ap != NULL, p->limits.max_token_bytes,
                    streamer_token, p);
    return p;
}

JSONMessageParser *json_message_parser_new(JSONEmitFunc *emit, void *opaque,
                                           const JSONLimits *limits)
{
    return streamer_new(emit, opaque, limits, NULL);
}

JSONMessageParser *json_message_parser_new_interp(JSONEmitFunc *emit,
                                                  void *opaque, va_list *ap)
{
    return streamer_new(emit, opaque, NULL, ap);
}

void json_message_parser_feed(JSONMessageParser *p, const char *buf,
                              size_t len)
{
    json_lexer_feed(&p->lexer, buf, len);
}

void json_message_parser_flush(JSONMessageParser *p)
{
    json_lexer_flush(&p->lexer);
    if (!p->skipping && p->ntokens) {
        streamer_error(p, p->tokens[0].line, p->tokens[0].col,
                       "premature end of input");
    }
    streamer_reset(p);
}

void json_message_parser_get_location(const JSONMessageParser *p,
                                      int *line, int *col)
{
    *line = p->line;
    *col = p->col;
}

size_t json_message_parser_buffered(const JSONMessageParser *p)
{
    return json_lexer_buffered(&p->lexer) + p->text->allocated_len +
           p->tokens_cap * sizeof(JSONToken);
}

void json_message_parser_free(JSONMessageParser *p)
{
    if (!p) {
        return;
    }
    json_lexer_destroy(&p->lexer);
    g_free(p->tokens);
    g_string_free(p->text, true);
    g_free(p);
}
