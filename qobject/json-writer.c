/* SPDX-License-Identifier: GPL-2.0-or-later */
/* json-writer.c: JSON text built one value at a time, compact or pretty. */
#include "osdep.h"

#include "qobject/json-writer.h"
#include "qobject/qnum.h"
#include "json-internal.h"

typedef struct JSONWriterLevel {
    bool is_object;
    bool empty;                 /* nothing written in it yet */
} JSONWriterLevel;

struct JSONWriter {
    bool pretty;
    bool done;                  /* the top-level value is complete */
    GString *contents;
    GArray *stack;              /* JSONWriterLevel of each open container */
};

JSONWriter *json_writer_new(bool pretty)
{
    JSONWriter *w = g_new0(JSONWriter, 1);

    w->pretty = pretty;
    w->contents = g_string_new(NULL);
    w->stack = g_array_new(false, false, sizeof(JSONWriterLevel));
    return w;
}

const char *json_writer_get(JSONWriter *w)
{
    return w->contents->str;
}

GString *json_writer_get_and_free(JSONWriter *w)
{
    GString *contents = w->contents;

    g_assert(!w->stack->len);
    w->contents = NULL;
    json_writer_free(w);
    return contents;
}

void json_writer_free(JSONWriter *w)
{
    if (!w) {
        return;
    }
    if (w->contents) {
        g_string_free(w->contents, true);
    }
    g_array_free(w->stack, true);
    g_free(w);
}

static JSONWriterLevel *writer_top(JSONWriter *w)
{
    if (!w->stack->len) {
        return NULL;
    }
    return &g_array_index(w->stack, JSONWriterLevel, w->stack->len - 1);
}

static void writer_newline(JSONWriter *w)
{
    size_t i;

    g_string_append_c(w->contents, '\n');
    for (i = 0; i < w->stack->len; i++) {
        g_string_append(w->contents, "    ");
    }
}

/* \uXXXX for one UTF-16 code unit. */
static void append_u_escape(GString *out, uint32_t unit)
{
    g_string_append_printf(out, "\\u%04" PRIX32, unit);
}

static void append_codepoint(GString *out, uint32_t cp)
{
    static const char plain[] = "\"\\\b\f\n\r\t";
    static const char escaped[] = "\"\\bfnrt";
    const char *hit = cp && cp < 0x80 ? strchr(plain, cp) : NULL;

    if (hit) {
        g_string_append_c(out, '\\');
        g_string_append_c(out, escaped[hit - plain]);
    } else if (cp >= 0x20 && cp < 0x7F) {
        g_string_append_c(out, cp);
    } else if (cp < 0x10000) {
        append_u_escape(out, cp);
    } else {
        cp -= 0x10000;
        append_u_escape(out, 0xD800 + (cp >> 10));
        append_u_escape(out, 0xDC00 + (cp & 0x3FF));
    }
}

/* @str as a JSON string: pure ASCII, valid whatever bytes it holds. */
static void append_quoted(GString *out, const char *str)
{
    size_t len = strlen(str), i = 0, n;
    uint32_t cp;

    g_string_append_c(out, '"');
    while (i < len) {
        n = json_utf8_decode(str + i, len - i, &cp);
        if (!n) {
            /* Not UTF-8 (built inside the VMM): one U+FFFD per bad byte. */
            cp = 0xFFFD;
            n = 1;
        }
        append_codepoint(out, cp);
        i += n;
    }
    g_string_append_c(out, '"');
}

/* Everything before a value: separator, indentation and member name. */
static void writer_begin_value(JSONWriter *w, const char *name)
{
    JSONWriterLevel *top = writer_top(w);

    if (!top) {
        /* Exactly one top-level value, which has no name. */
        g_assert(!w->done && !name);
        return;
    }
    g_assert(top->is_object == (name != NULL));
    if (!top->empty) {
        g_string_append_c(w->contents, ',');
        if (!w->pretty) {
            g_string_append_c(w->contents, ' ');
        }
    }
    top->empty = false;
    if (w->pretty) {
        writer_newline(w);
    }
    if (name) {
        append_quoted(w->contents, name);
        g_string_append(w->contents, ": ");
    }
}

static void writer_end_value(JSONWriter *w)
{
    if (!w->stack->len) {
        w->done = true;
    }
}

static void writer_start(JSONWriter *w, const char *name, bool is_object)
{
    JSONWriterLevel level = { .is_object = is_object, .empty = true };

    writer_begin_value(w, name);
    g_string_append_c(w->contents, is_object ? '{' : '[');
    g_array_append_val(w->stack, level);
}

static void writer_end(JSONWriter *w, bool is_object)
{
    JSONWriterLevel *top = writer_top(w);
    bool empty;

    g_assert(top && top->is_object == is_object);
    empty = top->empty;
    g_array_set_size(w->stack, w->stack->len - 1);
    if (w->pretty && !empty) {
        writer_newline(w);
    }
    g_string_append_c(w->contents, is_object ? '}' : ']');
    writer_end_value(w);
}

void json_writer_start_object(JSONWriter *w, const char *name)
{
    writer_start(w, name, true);
}

void json_writer_end_object(JSONWriter *w)
{
    writer_end(w, true);
}

void json_writer_start_list(JSONWriter *w, const char *name)
{
    writer_start(w, name, false);
}

void json_writer_end_list(JSONWriter *w)
{
    writer_end(w, false);
}

/* Write the scalar whose JSON text is @text. */
static void writer_scalar(JSONWriter *w, const char *name, const char *text)
{
    writer_begin_value(w, name);
    g_string_append(w->contents, text);
    writer_end_value(w);
}

void json_writer_bool(JSONWriter *w, const char *name, bool val)
{
    writer_scalar(w, name, val ? "true" : "false");
}

void json_writer_null(JSONWriter *w, const char *name)
{
    writer_scalar(w, name, "null");
}

void json_writer_int64(JSONWriter *w, const char *name, int64_t val)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%" PRId64, val);
    writer_scalar(w, name, buf);
}

void json_writer_uint64(JSONWriter *w, const char *name, uint64_t val)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%" PRIu64, val);
    writer_scalar(w, name, buf);
}

void json_writer_double(JSONWriter *w, const char *name, double val)
{
    g_autoptr(QNum) qn = qnum_from_double(val);
    g_autofree char *text = qnum_to_string(qn);

    writer_scalar(w, name, text);
}

void json_writer_str(JSONWriter *w, const char *name, const char *str)
{
    writer_begin_value(w, name);
    append_quoted(w->contents, str);
    writer_end_value(w);
}
