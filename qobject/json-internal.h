/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-internal.h: the pieces of the JSON reader that the lexer, streamer,
 * parser, writer and qjson.c share; not for use outside qobject/ (the JSON
 * stream tests look at json_message_parser_buffered() too).
 */
#ifndef QOBJECT_JSON_INTERNAL_H
#define QOBJECT_JSON_INTERNAL_H

#include "qobject/json-parser.h"

/* Prefix of every JSON error message. */
#define JSON_ERROR_PREFIX "JSON parse error, "

typedef enum JSONTokenType {
    JSON_LCURLY,
    JSON_RCURLY,
    JSON_LSQUARE,
    JSON_RSQUARE,
    JSON_COLON,
    JSON_COMMA,
    JSON_STRING,            /* text includes the quotes, still escaped */
    JSON_NUMBER,            /* text matches the RFC 8259 number grammar */
    JSON_KEYWORD,           /* [A-Za-z][A-Za-z0-9_]*, checked by the parser */
    JSON_INTERP,            /* '%' and letters; only when interpolating */
    JSON_END,               /* the parser's sentinel after a value's tokens */
    /* The lexer's signals to the streamer; never stored. */
    JSON_ERROR,             /* lexical error; text is the message */
    JSON_TOO_LONG,          /* token over the limit; its rest is discarded */
    JSON_RESET,             /* resynchronisation byte; text is the message */
    JSON_RESET_INTERRUPT,   /* the same, and it cut short an unreported token */
} JSONTokenType;

/* A token of the value being collected; its text lives in a shared buffer. */
typedef struct JSONToken {
    JSONTokenType type;
    int line;
    int col;
    size_t offset;
    size_t len;
} JSONToken;

/* How the lexer passes on a token: @len bytes of @text from @line:@col. */
typedef void JSONLexerEmit(void *opaque, JSONTokenType type,
                           const char *text, size_t len, int line, int col);

typedef struct JSONLexer {
    int state;
    bool interp;                /* recognise %d etc. (jsonf only) */
    bool discard;               /* current token over the limit: not stored */
    char quote;                 /* the quote of the current string */
    size_t max_token_bytes;
    GString *token;             /* text of the current token */
    int line, col;              /* position of the byte being processed */
    int tok_line, tok_col;      /* where the current token started */
    JSONLexerEmit *emit;
    void *opaque;
} JSONLexer;

/* Set up @lexer to hand tokens to @emit(@opaque, ...). */
void json_lexer_init(JSONLexer *lexer, bool interp, size_t max_token_bytes,
                     JSONLexerEmit *emit, void *opaque);

/* Lex @len more bytes. */
void json_lexer_feed(JSONLexer *lexer, const char *buf, size_t len);

/* End of input: finish or report the current token, back to the start state. */
void json_lexer_flush(JSONLexer *lexer);

/* Bytes allocated for the current token. */
size_t json_lexer_buffered(const JSONLexer *lexer);

/* Free the lexer's buffer. */
void json_lexer_destroy(JSONLexer *lexer);

/*
 * Build the value made of @tokens[0 .. @n - 1], whose text is in @text.
 * @ap supplies the arguments of JSON_INTERP tokens (NULL when there are
 * none). Returns a new reference, or NULL with @errp set and *@bad set to
 * the offending token (for its location).
 */
QObject *json_parser_parse(const JSONToken *tokens, size_t n,
                           const char *text, va_list *ap,
                           const JSONToken **bad, Error **errp);

/* json_message_parser_new(), with interpolation arguments from @ap. */
JSONMessageParser *json_message_parser_new_interp(JSONEmitFunc *emit,
                                                  void *opaque, va_list *ap);

/* Bytes @p has allocated for buffering (for the memory-bound tests). */
size_t json_message_parser_buffered(const JSONMessageParser *p);

/*
 * Decode the UTF-8 sequence at @s (@len > 0 bytes available), strictly:
 * no overlong forms, surrogates, values above U+10FFFF or truncation.
 * Returns its length with *@cp set, or 0 if the first byte does not start
 * a valid sequence.
 */
size_t json_utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * Append @len bytes of @s to @out for an error message: at most @max bytes
 * then "...", control characters escaped so the message stays on one line.
 */
void json_append_for_message(GString *out, const char *s, size_t len,
                             size_t max);

#endif /* QOBJECT_JSON_INTERNAL_H */
