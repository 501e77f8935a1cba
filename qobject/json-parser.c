/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-parser.c: turn the tokens of one JSON value into a QObject: the
 * RFC 8259 grammar, string unescaping and UTF-8 validation, number
 * conversion, and the jsonf interpolation directives.
 */
#include "osdep.h"

#include <math.h>

#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "json-internal.h"

/* Longest piece of input quoted in an error message. */
#define MESSAGE_QUOTE_MAX 40

typedef struct JSONParser {
    const JSONToken *tokens;
    size_t n;
    size_t pos;                 /* next token */
    const char *text;
    va_list *ap;
    const JSONToken *bad;       /* the token an error is about */
    Error **errp;
} JSONParser;

static const JSONToken json_end_token = { .type = JSON_END };

static const JSONToken *parser_peek(const JSONParser *p)
{
    return p->pos < p->n ? &p->tokens[p->pos] : &json_end_token;
}

static const JSONToken *parser_next(JSONParser *p)
{
    const JSONToken *tok = parser_peek(p);

    if (p->pos < p->n) {
        p->pos++;
    }
    return tok;
}

static const char *token_text(const JSONParser *p, const JSONToken *tok)
{
    return p->text + tok->offset;
}

/* Fail with "JSON parse error, " and the message, about token @tok. */
static void G_GNUC_PRINTF(3, 4) parser_error(JSONParser *p,
                                             const JSONToken *tok,
                                             const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    p->bad = tok;
    error_setg(p->errp, JSON_ERROR_PREFIX "%s", msg);
}

/* @len bytes at @s, shortened and escaped for a message (new string). */
static char *quote_for_message(const char *s, size_t len)
{
    GString *out = g_string_new(NULL);

    json_append_for_message(out, s, len, MESSAGE_QUOTE_MAX);
    return g_string_free(out, false);
}

/* @tok's text, for a message (new string). */
static char *token_for_message(const JSONParser *p, const JSONToken *tok)
{
    return quote_for_message(token_text(p, tok), tok->len);
}

static int hex_value(char c)
{
    if (g_ascii_isxdigit(c)) {
        return g_ascii_xdigit_value(c);
    }
    return -1;
}

/* The value of the 4 hex digits at @s (@len available), or -1. */
static int32_t parse_hex4(const char *s, size_t len)
{
    int32_t v = 0;
    size_t i;

    if (len < 4) {
        return -1;
    }
    for (i = 0; i < 4; i++) {
        if (hex_value(s[i]) < 0) {
            return -1;
        }
        v = (v << 4) | hex_value(s[i]);
    }
    return v;
}

/* A "\uXXXX" escape at @s (backslash first): fail naming what was written. */
static void bad_u_escape(JSONParser *p, const JSONToken *tok,
                         const char *s, size_t len)
{
    size_t n = 2;

    while (n < len && n < 6 && s[n] > 0x20 && s[n] < 0x7F) {
        n++;
    }
    parser_error(p, tok, "invalid escape '%.*s' in string", (int)n, s);
}

/*
 * Decode the \u escape (and for a high surrogate, the low one after it) at
 * @s: append its UTF-8 to @out and return the bytes used, or 0 on error.
 */
static size_t parse_u_escape(JSONParser *p, const JSONToken *tok,
                             const char *s, size_t len, GString *out)
{
    int32_t cp = parse_hex4(s + 2, len - 2), lo;

    if (cp < 0) {
        bad_u_escape(p, tok, s, len);
        return 0;
    }
    if (cp == 0) {
        /* QStrings are NUL-terminated and could not hold it. */
        parser_error(p, tok, "unsupported escape '%.6s' in string", s);
        return 0;
    }
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
        parser_error(p, tok, "unpaired surrogate '%.6s' in string", s);
        return 0;
    }
    if (cp < 0xD800 || cp > 0xDBFF) {
        g_string_append_unichar(out, cp);
        return 6;
    }
    lo = -1;
    if (len >= 12 && s[6] == '\\' && s[7] == 'u') {
        lo = parse_hex4(s + 8, len - 8);
    }
    if (lo < 0xDC00 || lo > 0xDFFF) {
        parser_error(p, tok, "unpaired surrogate '%.6s' in string", s);
        return 0;
    }
    g_string_append_unichar(out, 0x10000 + ((cp - 0xD800) << 10) +
                                 (lo - 0xDC00));
    return 12;
}

/* Decode the escape at @s (backslash first) into @out; bytes used or 0. */
static size_t parse_escape(JSONParser *p, const JSONToken *tok,
                           const char *s, size_t len, GString *out)
{
    static const char plain[] = "\"\\/'bfnrt";
    static const char value[] = "\"\\/'\b\f\n\r\t";
    const char *hit;
    uint8_t c = s[1];

    /* A backslash cannot escape the closing quote, so s[1] is content. */
    if (c < 0x20) {
        parser_error(p, tok, "control character 0x%02x in string", c);
        return 0;
    }
    if (c == 'u') {
        return parse_u_escape(p, tok, s, len, out);
    }
    hit = c ? strchr(plain, c) : NULL;
    if (hit) {
        g_string_append_c(out, value[hit - plain]);
        return 2;
    }
    if (c > 0x20 && c < 0x7F) {
        parser_error(p, tok, "invalid escape '\\%c' in string", c);
    } else {
        parser_error(p, tok,
                     "invalid escape '\\' followed by byte 0x%02x in string",
                     c);
    }
    return 0;
}

static QString *parse_string(JSONParser *p, const JSONToken *tok)
{
    /* Between the quotes; the lexer only ends a string at its own quote. */
    const char *s = token_text(p, tok) + 1;
    size_t len = tok->len - 2, i = 0, n;
    g_autoptr(GString) out = g_string_sized_new(len);
    uint32_t cp;

    while (i < len) {
        if (s[i] == '\\') {
            n = parse_escape(p, tok, s + i, len - i, out);
        } else if ((uint8_t)s[i] < 0x20) {
            /* Only tab, LF and CR get here; the lexer resets on the others. */
            parser_error(p, tok, "control character 0x%02x in string",
                         (uint8_t)s[i]);
            n = 0;
        } else {
            n = json_utf8_decode(s + i, len - i, &cp);
            if (!n) {
                parser_error(p, tok, "invalid UTF-8 sequence in string");
            }
            g_string_append_len(out, s + i, n);
        }
        if (!n) {
            return NULL;
        }
        i += n;
    }
    return qstring_from_gstring(g_steal_pointer(&out));
}

/*
 * RFC 8259 leaves number range to implementations. Like QEMU: integers
 * that fit int64 (or, non-negative, uint64) stay exact, anything else is a
 * double, and a double that overflows is an error.
 */
static QNum *parse_number(JSONParser *p, const JSONToken *tok)
{
    g_autofree char *text = g_strndup(token_text(p, tok), tok->len);
    g_autofree char *quoted = NULL;
    bool is_int = !strpbrk(text, ".eE");
    char *end;
    uint64_t u;
    int64_t i;
    double d;

    if (is_int) {
        errno = 0;
        i = g_ascii_strtoll(text, &end, 10);
        if (!errno && !*end) {
            return qnum_from_int(i);
        }
        errno = 0;
        u = g_ascii_strtoull(text, &end, 10);
        if (text[0] != '-' && !errno && !*end) {
            return qnum_from_uint(u);
        }
    }
    d = g_ascii_strtod(text, &end);
    g_assert(!*end);
    if (isinf(d)) {
        quoted = token_for_message(p, tok);
        parser_error(p, tok, "number '%s' out of range", quoted);
        return NULL;
    }
    return qnum_from_double(d);
}

static QObject *parse_keyword(JSONParser *p, const JSONToken *tok)
{
    const char *s = token_text(p, tok);
    g_autofree char *quoted = NULL;

    if (tok->len == 4 && !memcmp(s, "true", 4)) {
        return QOBJECT(qbool_from_bool(true));
    }
    if (tok->len == 5 && !memcmp(s, "false", 5)) {
        return QOBJECT(qbool_from_bool(false));
    }
    if (tok->len == 4 && !memcmp(s, "null", 4)) {
        return QOBJECT(qnull());
    }
    quoted = token_for_message(p, tok);
    parser_error(p, tok, "invalid keyword '%s'", quoted);
    return NULL;
}

/* Whether interpolation @tok is @directive. */
static bool interp_is(const JSONParser *p, const JSONToken *tok,
                      const char *directive)
{
    return tok->len == strlen(directive) &&
           !memcmp(token_text(p, tok), directive, tok->len);
}

static QObject *parse_interp(JSONParser *p, const JSONToken *tok)
{
    g_autofree char *quoted = NULL;
    unsigned long long u;

    /* The lexer only makes these tokens for the jsonf functions. */
    g_assert(p->ap);
    if (interp_is(p, tok, "%p")) {
        return va_arg(*p->ap, QObject *);
    }
    if (interp_is(p, tok, "%s")) {
        return QOBJECT(qstring_from_str(va_arg(*p->ap, const char *)));
    }
    if (interp_is(p, tok, "%f")) {
        return QOBJECT(qnum_from_double(va_arg(*p->ap, double)));
    }
    if (interp_is(p, tok, "%d") || interp_is(p, tok, "%i")) {
        return QOBJECT(qnum_from_int(va_arg(*p->ap, int)));
    }
    if (interp_is(p, tok, "%ld") || interp_is(p, tok, "%li")) {
        return QOBJECT(qnum_from_int(va_arg(*p->ap, long)));
    }
    if (interp_is(p, tok, "%lld") || interp_is(p, tok, "%lli")) {
        return QOBJECT(qnum_from_int(va_arg(*p->ap, long long)));
    }
    if (interp_is(p, tok, "%u")) {
        u = va_arg(*p->ap, unsigned int);
    } else if (interp_is(p, tok, "%lu")) {
        u = va_arg(*p->ap, unsigned long);
    } else if (interp_is(p, tok, "%llu")) {
        u = va_arg(*p->ap, unsigned long long);
    } else {
        quoted = token_for_message(p, tok);
        parser_error(p, tok, "invalid interpolation '%s'", quoted);
        return NULL;
    }
    return u > INT64_MAX ? QOBJECT(qnum_from_uint(u))
                         : QOBJECT(qnum_from_int(u));
}

static const char *token_name(JSONTokenType type)
{
    switch (type) {
    case JSON_RCURLY:
        return "'}'";
    case JSON_RSQUARE:
        return "']'";
    case JSON_COLON:
        return "':'";
    default:
        return "','";
    }
}

static QObject *parse_value(JSONParser *p, const char *after);

/* Whether @tok could start a value (for "object key must be a string"). */
static bool starts_value(JSONTokenType type)
{
    return type == JSON_LCURLY || type == JSON_LSQUARE ||
           type == JSON_STRING || type == JSON_NUMBER ||
           type == JSON_KEYWORD || type == JSON_INTERP;
}

/* An object member's key; @after names what came before, for messages. */
static QString *parse_key(JSONParser *p, const char *after)
{
    const JSONToken *tok = parser_peek(p);
    QObject *key;

    if (!starts_value(tok->type)) {
        parser_error(p, tok, "expecting object key %s", after);
        return NULL;
    }
    if (tok->type != JSON_STRING && !interp_is(p, tok, "%s")) {
        parser_error(p, tok, "object key must be a string");
        return NULL;
    }
    key = parse_value(p, NULL);
    return qobject_to(QString, key);
}

static QObject *parse_object(JSONParser *p)
{
    g_autoptr(QDict) dict = qdict_new();
    const JSONToken *tok, *key_tok;
    const char *after = "or '}' after '{'";
    g_autoptr(QString) key = NULL;
    g_autofree char *quoted = NULL;
    QObject *value;

    if (parser_peek(p)->type == JSON_RCURLY) {
        parser_next(p);
        return QOBJECT(g_steal_pointer(&dict));
    }
    for (;;) {
        key_tok = parser_peek(p);
        key = parse_key(p, after);
        if (!key) {
            return NULL;
        }
        if (qdict_haskey(dict, qstring_get_str(key))) {
            quoted = quote_for_message(qstring_get_str(key),
                                       qstring_get_length(key));
            parser_error(p, key_tok, "duplicate key '%s'", quoted);
            return NULL;
        }
        tok = parser_next(p);
        if (tok->type != JSON_COLON) {
            parser_error(p, tok, "expecting ':' after object key");
            return NULL;
        }
        value = parse_value(p, "after ':'");
        if (!value) {
            return NULL;
        }
        qdict_put_obj(dict, qstring_get_str(key), value);
        qobject_unref(key);
        key = NULL;
        tok = parser_next(p);
        if (tok->type == JSON_RCURLY) {
            return QOBJECT(g_steal_pointer(&dict));
        }
        if (tok->type != JSON_COMMA) {
            parser_error(p, tok, "expecting ',' or '}' after object member");
            return NULL;
        }
        after = "after ','";
    }
}

static QObject *parse_array(JSONParser *p)
{
    g_autoptr(QList) list = qlist_new();
    const JSONToken *tok;
    QObject *value;

    if (parser_peek(p)->type == JSON_RSQUARE) {
        parser_next(p);
        return QOBJECT(g_steal_pointer(&list));
    }
    value = parse_value(p, "or ']' after '['");
    for (;;) {
        if (!value) {
            return NULL;
        }
        qlist_append_obj(list, value);
        tok = parser_next(p);
        if (tok->type == JSON_RSQUARE) {
            return QOBJECT(g_steal_pointer(&list));
        }
        if (tok->type != JSON_COMMA) {
            parser_error(p, tok, "expecting ',' or ']' after array element");
            return NULL;
        }
        value = parse_value(p, "after ','");
    }
}

/*
 * One value. @after completes "expecting value ..." when the next token
 * cannot start one; NULL means the top level.
 */
static QObject *parse_value(JSONParser *p, const char *after)
{
    const JSONToken *tok = parser_next(p);

    switch (tok->type) {
    case JSON_LCURLY:
        return parse_object(p);
    case JSON_LSQUARE:
        return parse_array(p);
    case JSON_STRING:
        return QOBJECT(parse_string(p, tok));
    case JSON_NUMBER:
        return QOBJECT(parse_number(p, tok));
    case JSON_KEYWORD:
        return parse_keyword(p, tok);
    case JSON_INTERP:
        return parse_interp(p, tok);
    case JSON_END:
        parser_error(p, tok, "premature end of input");
        return NULL;
    default:
        break;
    }
    if (after) {
        parser_error(p, tok, "expecting value %s", after);
    } else {
        parser_error(p, tok, "unexpected %s at top level",
                     token_name(tok->type));
    }
    return NULL;
}

QObject *json_parser_parse(const JSONToken *tokens, size_t n,
                           const char *text, va_list *ap,
                           const JSONToken **bad, Error **errp)
{
    JSONParser p = {
        .tokens = tokens, .n = n, .text = text, .ap = ap, .errp = errp,
    };
    QObject *obj = parse_value(&p, NULL);

    if (!obj) {
        /* The end sentinel is static: point at the last real token. */
        *bad = p.bad == &json_end_token ? &tokens[n - 1] : p.bad;
        return NULL;
    }
    /*
     * The streamer ends a value where its bracket count returns to zero,
     * which is exactly where a successful parse ends.
     */
    g_assert(p.pos == n);
    return obj;
}
