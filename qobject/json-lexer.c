/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-lexer.c: the byte-at-a-time state machine that cuts JSON text into
 * tokens, plus the byte-level helpers (UTF-8 decoding, message quoting)
 * the parser and the writer share.
 *
 * The lexer only finds where tokens start and end: strings are kept with
 * their quotes and escapes for the parser to decode and validate, numbers
 * are checked against the RFC 8259 grammar. Because all its state lives in
 * JSONLexer, input may be split anywhere without changing the result.
 */
#include "osdep.h"

#include "json-internal.h"

enum {
    LEX_START,
    LEX_STRING,
    LEX_STRING_ESCAPE,      /* after a backslash in a string */
    LEX_MINUS,              /* number: after the leading '-' */
    LEX_ZERO,               /* number: a leading 0, which ends the int part */
    LEX_INT,                /* number: int part digits */
    LEX_DOT,                /* number: after '.' */
    LEX_FRAC,               /* number: fraction digits */
    LEX_EXP_E,              /* number: after 'e' or 'E' */
    LEX_EXP_SIGN,           /* number: after the exponent's sign */
    LEX_EXP,                /* number: exponent digits */
    LEX_BAD_NUMBER,         /* a malformed number, read to its end */
    LEX_KEYWORD,
    LEX_INTERP,
    LEX_JUNK,               /* after an unexpected character */
};

/* A token buffer grown beyond this is released when its token ends. */
#define LEXER_KEEP_BYTES 65536

/* Longest piece of input quoted in an error message. */
#define MESSAGE_QUOTE_MAX 40

static bool is_ws(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* 0xFF is never valid UTF-8; QMP uses control characters the same way. */
static bool is_reset_byte(uint8_t c)
{
    return (c < 0x20 && !is_ws(c)) || c == 0xFF;
}

/* Characters that continue a number or a malformed one ("0x1F", "1.e5"). */
static bool is_number_char(uint8_t c)
{
    return g_ascii_isalnum(c) || c == '_' || c == '.' || c == '+' || c == '-';
}

/* Characters that end a run of junk after an unexpected character. */
static bool is_delimiter(uint8_t c)
{
    return is_ws(c) || is_reset_byte(c) || (c && strchr("{}[]:,\"'", c));
}

static bool is_accepting_number(int state)
{
    return state == LEX_ZERO || state == LEX_INT || state == LEX_FRAC ||
           state == LEX_EXP;
}

/* The number state after @c in @state, or -1 when @c cannot continue it. */
static int number_next(int state, uint8_t c)
{
    bool digit = g_ascii_isdigit(c);
    bool e = c == 'e' || c == 'E';

    switch (state) {
    case LEX_MINUS:
        return c == '0' ? LEX_ZERO : digit ? LEX_INT : -1;
    case LEX_ZERO:
        return c == '.' ? LEX_DOT : e ? LEX_EXP_E : -1;
    case LEX_INT:
        return digit ? LEX_INT : c == '.' ? LEX_DOT : e ? LEX_EXP_E : -1;
    case LEX_DOT:
        return digit ? LEX_FRAC : -1;
    case LEX_FRAC:
        return digit ? LEX_FRAC : e ? LEX_EXP_E : -1;
    case LEX_EXP_E:
        return digit ? LEX_EXP : (c == '+' || c == '-') ? LEX_EXP_SIGN : -1;
    case LEX_EXP_SIGN:
    case LEX_EXP:
        return digit ? LEX_EXP : -1;
    }
    g_assert_not_reached();
}

static void lexer_clear_token(JSONLexer *lx)
{
    if (lx->token->allocated_len > LEXER_KEEP_BYTES) {
        g_string_free(lx->token, true);
        lx->token = g_string_sized_new(64);
    } else {
        g_string_truncate(lx->token, 0);
    }
    lx->discard = false;
}

static void lexer_begin_token(JSONLexer *lx)
{
    lx->tok_line = lx->line;
    lx->tok_col = lx->col;
}

/* The current token grew over the limit: report it once, keep no more. */
static void lexer_too_long(JSONLexer *lx)
{
    lexer_clear_token(lx);
    lx->discard = true;
    lx->emit(lx->opaque, JSON_TOO_LONG, NULL, 0, lx->tok_line, lx->tok_col);
}

static void lexer_append(JSONLexer *lx, const char *s, size_t n)
{
    size_t room;

    if (lx->discard) {
        return;
    }
    room = lx->max_token_bytes - lx->token->len;
    if (n > room) {
        g_string_append_len(lx->token, s, room);
        lexer_too_long(lx);
        return;
    }
    g_string_append_len(lx->token, s, n);
}

/* Hand the current token on (unless discarded) and return to the start. */
static void lexer_emit(JSONLexer *lx, JSONTokenType type)
{
    if (!lx->discard) {
        lx->emit(lx->opaque, type, lx->token->str, lx->token->len,
                 lx->tok_line, lx->tok_col);
    }
    lexer_clear_token(lx);
    lx->state = LEX_START;
}

/* Report a lexical error in the current token (unless discarded). */
static void G_GNUC_PRINTF(2, 3) lexer_error(JSONLexer *lx, const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    if (!lx->discard) {
        va_start(ap, fmt);
        msg = g_strdup_vprintf(fmt, ap);
        va_end(ap);
        lx->emit(lx->opaque, JSON_ERROR, msg, strlen(msg),
                 lx->tok_line, lx->tok_col);
    }
    lexer_clear_token(lx);
    lx->state = LEX_START;
}

static void lexer_bad_number(JSONLexer *lx)
{
    g_autoptr(GString) text = g_string_new(NULL);

    json_append_for_message(text, lx->token->str, lx->token->len,
                            MESSAGE_QUOTE_MAX);
    lexer_error(lx, "invalid number '%s'", text->str);
}

/* The byte after a number, keyword or interpolation ends it. */
static void lexer_finish_word(JSONLexer *lx)
{
    switch (lx->state) {
    case LEX_KEYWORD:
        lexer_emit(lx, JSON_KEYWORD);
        break;
    case LEX_INTERP:
        lexer_emit(lx, JSON_INTERP);
        break;
    default:
        if (is_accepting_number(lx->state)) {
            lexer_emit(lx, JSON_NUMBER);
        } else {
            lexer_bad_number(lx);
        }
        break;
    }
}

/* A resynchronisation byte inside a string abandons it, and its value. */
static void lexer_reset_in_string(JSONLexer *lx, uint8_t c)
{
    char msg[64];

    if (c == 0xFF) {
        snprintf(msg, sizeof(msg), "unexpected byte 0xff in string");
    } else {
        snprintf(msg, sizeof(msg), "control character 0x%02x in string", c);
    }
    lx->emit(lx->opaque, lx->discard ? JSON_RESET : JSON_RESET_INTERRUPT,
             msg, strlen(msg), lx->line, lx->col);
    lexer_clear_token(lx);
    lx->state = LEX_START;
}

static JSONTokenType structural_type(uint8_t c)
{
    switch (c) {
    case '{':
        return JSON_LCURLY;
    case '}':
        return JSON_RCURLY;
    case '[':
        return JSON_LSQUARE;
    case ']':
        return JSON_RSQUARE;
    case ':':
        return JSON_COLON;
    default:
        return JSON_COMMA;
    }
}

static void lexer_start(JSONLexer *lx, uint8_t c)
{
    char msg[32];

    if (is_ws(c)) {
        return;
    }
    if (is_reset_byte(c)) {
        /* Silent at the top level, so a flood of them must stay cheap. */
        snprintf(msg, sizeof(msg), "unexpected byte 0x%02x", c);
        lx->emit(lx->opaque, JSON_RESET, msg, strlen(msg), lx->line, lx->col);
        return;
    }
    lexer_begin_token(lx);
    lexer_append(lx, (const char *)&c, 1);
    if (c && strchr("{}[]:,", c)) {
        lexer_emit(lx, structural_type(c));
    } else if (c == '"' || c == '\'') {
        lx->quote = c;
        lx->state = LEX_STRING;
    } else if (c == '-') {
        lx->state = LEX_MINUS;
    } else if (c == '0') {
        lx->state = LEX_ZERO;
    } else if (g_ascii_isdigit(c)) {
        lx->state = LEX_INT;
    } else if (c == '+' || c == '.') {
        lx->state = LEX_BAD_NUMBER;
    } else if (g_ascii_isalpha(c)) {
        lx->state = LEX_KEYWORD;
    } else if (c == '%' && lx->interp) {
        lx->state = LEX_INTERP;
    } else if (c > 0x20 && c < 0x7F) {
        lexer_error(lx, "unexpected character '%c'", c);
        lx->state = LEX_JUNK;
    } else {
        lexer_error(lx, "unexpected byte 0x%02x", c);
        lx->state = LEX_JUNK;
    }
}

/* Process byte @c at the lexer's current position. */
static void lexer_byte(JSONLexer *lx, uint8_t c)
{
    int next;

    switch (lx->state) {
    case LEX_START:
        lexer_start(lx, c);
        return;
    case LEX_STRING:
    case LEX_STRING_ESCAPE:
        /*
         * Tab, CR and LF are not allowed raw in a string either, but they
         * are not resynchronisation bytes: the parser rejects the string,
         * one error for the value.
         */
        if (is_reset_byte(c)) {
            lexer_reset_in_string(lx, c);
            return;
        }
        lexer_append(lx, (const char *)&c, 1);
        if (lx->state == LEX_STRING_ESCAPE) {
            lx->state = LEX_STRING;
        } else if (c == '\\') {
            lx->state = LEX_STRING_ESCAPE;
        } else if (c == lx->quote) {
            lexer_emit(lx, JSON_STRING);
        }
        return;
    case LEX_JUNK:
        if (is_delimiter(c)) {
            lx->state = LEX_START;
            lexer_start(lx, c);
        }
        return;
    case LEX_KEYWORD:
    case LEX_INTERP:
        if (g_ascii_isalnum(c) || c == '_') {
            lexer_append(lx, (const char *)&c, 1);
            return;
        }
        break;
    case LEX_BAD_NUMBER:
        if (is_number_char(c)) {
            lexer_append(lx, (const char *)&c, 1);
            return;
        }
        break;
    default:
        next = number_next(lx->state, c);
        if (next >= 0 || is_number_char(c)) {
            lexer_append(lx, (const char *)&c, 1);
            lx->state = next >= 0 ? next : LEX_BAD_NUMBER;
            return;
        }
        break;
    }
    /* @c is not part of the word: it ends it and starts what follows. */
    lexer_finish_word(lx);
    lexer_start(lx, c);
}

/* Move past byte @c: columns count characters, not continuation bytes. */
static void lexer_advance(JSONLexer *lx, uint8_t c)
{
    if (c == '\n') {
        lx->line += lx->line < INT_MAX;
        lx->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        lx->col += lx->col < INT_MAX;
    }
}

/* Length of the run of plain string bytes at @s (no quote, \, reset). */
static size_t lexer_string_run(const JSONLexer *lx, const uint8_t *s,
                               size_t len)
{
    size_t n;

    for (n = 0; n < len; n++) {
        if (s[n] < 0x20 || s[n] == 0xFF || s[n] == '\\' || s[n] == lx->quote) {
            break;
        }
    }
    return n;
}

void json_lexer_feed(JSONLexer *lexer, const char *buf, size_t len)
{
    const uint8_t *s = (const uint8_t *)buf;
    size_t i = 0, run, k;

    while (i < len) {
        if (lexer->state == LEX_STRING) {
            /* Fast path: string contents need no per-byte decisions. */
            run = lexer_string_run(lexer, s + i, len - i);
            if (run) {
                lexer_append(lexer, buf + i, run);
                for (k = 0; k < run; k++) {
                    lexer_advance(lexer, s[i + k]);
                }
                i += run;
                continue;
            }
        }
        lexer_byte(lexer, s[i]);
        lexer_advance(lexer, s[i]);
        i++;
    }
}

void json_lexer_flush(JSONLexer *lexer)
{
    switch (lexer->state) {
    case LEX_START:
    case LEX_JUNK:
        break;
    case LEX_STRING:
    case LEX_STRING_ESCAPE:
        lexer_error(lexer, "premature end of input");
        break;
    default:
        lexer_finish_word(lexer);
        break;
    }
    lexer_clear_token(lexer);
    lexer->state = LEX_START;
}

void json_lexer_init(JSONLexer *lexer, bool interp, size_t max_token_bytes,
                     JSONLexerEmit *emit, void *opaque)
{
    memset(lexer, 0, sizeof(*lexer));
    lexer->state = LEX_START;
    lexer->interp = interp;
    lexer->max_token_bytes = max_token_bytes;
    lexer->token = g_string_sized_new(64);
    lexer->line = 1;
    lexer->col = 1;
    lexer->emit = emit;
    lexer->opaque = opaque;
}

size_t json_lexer_buffered(const JSONLexer *lexer)
{
    return lexer->token->allocated_len;
}

void json_lexer_destroy(JSONLexer *lexer)
{
    g_string_free(lexer->token, true);
    lexer->token = NULL;
}

size_t json_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const uint8_t *u = (const uint8_t *)s;
    uint8_t lo = 0x80, hi = 0xBF;
    size_t n, i;
    uint32_t v;

    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    /* RFC 3629 table 4: the second byte's range depends on the first. */
    if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        n = 2;
        v = u[0] & 0x1F;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        n = 3;
        v = u[0] & 0x0F;
        lo = u[0] == 0xE0 ? 0xA0 : 0x80;
        hi = u[0] == 0xED ? 0x9F : 0xBF;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        n = 4;
        v = u[0] & 0x07;
        lo = u[0] == 0xF0 ? 0x90 : 0x80;
        hi = u[0] == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (len < n || u[1] < lo || u[1] > hi) {
        return 0;
    }
    for (i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            return 0;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    *cp = v;
    return n;
}

void json_append_for_message(GString *out, const char *s, size_t len,
                             size_t max)
{
    size_t n = MIN(len, max), i;
    uint8_t c;

    if (len > max) {
        /* Cut before a character, not inside one. */
        while (n > 0 && ((uint8_t)s[n] & 0xC0) == 0x80) {
            n--;
        }
    }
    for (i = 0; i < n; i++) {
        c = s[i];
        if (c < 0x20 || c == 0x7F) {
            g_string_append_printf(out, "\\x%02x", c);
        } else {
            g_string_append_c(out, c);
        }
    }
    if (n < len) {
        g_string_append(out, "...");
    }
}
