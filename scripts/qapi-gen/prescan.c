/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * prescan.c: the first look at a schema file. The file is scanned byte by
 * byte: comments are replaced by spaces, so the JSON parser sees plain
 * JSON with every line where it was; "##" blocks at the top level become
 * documentation; strings are checked to be printable ASCII with only the
 * escapes \\ \' \" \/. The blanked text then goes through the project's
 * streaming JSON parser, which reports the line of every top-level value
 * and of errors.
 */
#include "osdep.h"

#include "qobject/json-parser.h"
#include "util/error.h"
#include "prescan.h"

static void prescan_error(QAPIPrescan *ps, int line, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

static void prescan_error(QAPIPrescan *ps, int line, const char *fmt, ...)
{
    va_list ap;

    if (ps->err_line) {
        return;
    }
    va_start(ap, fmt);
    ps->err_line = line;
    ps->err_msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
}

void qapi_prescan_clear(QAPIPrescan *ps)
{
    g_free(ps->text);
    g_array_free(ps->line_starts, true);
    g_ptr_array_free(ps->docs, true);
    g_array_free(ps->doc_ends, true);
    g_free(ps->err_msg);
}

/* The length of the line starting at @pos, without the newline. */
static size_t line_length(const QAPIPrescan *ps, size_t pos)
{
    const char *nl = memchr(ps->text + pos, '\n', ps->len - pos);

    return nl ? (size_t)(nl - (ps->text + pos)) : ps->len - pos;
}

static void blank(QAPIPrescan *ps, size_t from, size_t to)
{
    memset(ps->text + from, ' ', to - from);
}

/* Length of @s[0..@n) without trailing spaces, tabs and CRs. */
static size_t rstrip_len(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) {
        n--;
    }
    return n;
}

/*
 * A documentation block whose "##" starts at @pos on line *@line: collect
 * its lines up to the closing "##", blanking them. Returns the offset of
 * the line where scanning resumes and updates *@line.
 */
static size_t prescan_doc(QAPIPrescan *ps, size_t pos, int *line)
{
    size_t n = rstrip_len(ps->text + pos, line_length(ps, pos));
    QAPIDoc *doc;
    int start = *line;

    if (n > 2) {
        prescan_error(ps, *line, "junk after '##' at start of "
                      "documentation comment");
        blank(ps, pos, pos + line_length(ps, pos));
        return pos + line_length(ps, pos);
    }
    doc = qapi_doc_new(qapi_source_info(ps->sources, ps->fname, start,
                                        ps->parent));
    g_ptr_array_add(ps->docs, doc);
    blank(ps, pos, pos + line_length(ps, pos));
    pos += line_length(ps, pos);
    for (;;) {
        size_t hash;

        if (pos >= ps->len) {
            prescan_error(ps, start, "documentation comment must end "
                          "with '##'");
            break;
        }
        pos++;                  /* the newline */
        (*line)++;
        g_array_append_val(ps->line_starts, pos);
        hash = pos + strspn(ps->text + pos, " \t");
        if (hash >= ps->len || ps->text[hash] != '#') {
            prescan_error(ps, *line, "documentation comment must end "
                          "with '##'");
            /* Resume before this line's newline-free content. */
            ps->line_starts->len--;
            (*line)--;
            pos--;
            break;
        }
        n = rstrip_len(ps->text + hash, line_length(ps, hash));
        if (n == 2 && ps->text[hash + 1] == '#') {
            blank(ps, hash, hash + line_length(ps, hash));
            pos = hash + line_length(ps, hash);
            break;
        }
        if (n > 1 && ps->text[hash + 1] != ' ') {
            prescan_error(ps, *line, "missing space after '#' in "
                          "documentation comment");
        } else {
            g_autofree char *text = g_strndup(ps->text + hash + 2,
                                              n > 2 ? n - 2 : 0);

            qapi_doc_add_line(doc, text, *line);
        }
        blank(ps, hash, hash + line_length(ps, hash));
        pos = hash + line_length(ps, hash);
    }
    g_array_append_val(ps->doc_ends, *line);
    return pos;
}

/* Scan a string starting after its opening quote @q; returns its end. */
static size_t prescan_string(QAPIPrescan *ps, size_t pos, char q, int line)
{
    while (pos < ps->len) {
        unsigned char c = ps->text[pos];

        if (c == '\\') {
            c = pos + 1 < ps->len ? ps->text[pos + 1] : 0;
            if (!c || !strchr("\\'\"/", c)) {
                if (c >= 0x20 && c < 0x7f) {
                    prescan_error(ps, line, "unknown escape '\\%c' in string",
                                  c);
                } else {
                    prescan_error(ps, line, "unknown escape in string");
                }
                return pos + 1;
            }
            pos += 2;
            continue;
        }
        if (q == c) {
            return pos + 1;
        }
        if (c == '\n') {
            prescan_error(ps, line, "missing closing quote of string");
            return pos;
        }
        if (c < 0x20 || c >= 0x7f) {
            prescan_error(ps, line, "string must be printable ASCII "
                          "(byte 0x%02x)", c);
        }
        pos++;
    }
    prescan_error(ps, line, "missing closing quote of string");
    return pos;
}

void qapi_prescan(QAPIPrescan *ps)
{
    size_t pos = 0, zero = 0, line_start = 0;
    int line = 1, depth = 0;

    ps->line_starts = g_array_new(false, false, sizeof(size_t));
    ps->docs = g_ptr_array_new_with_free_func((GDestroyNotify)qapi_doc_free);
    ps->doc_ends = g_array_new(false, false, sizeof(int));
    g_array_append_val(ps->line_starts, zero);     /* index 0 unused */
    g_array_append_val(ps->line_starts, zero);
    while (pos < ps->len) {
        unsigned char c = ps->text[pos];

        if (c == '\'' || c == '"') {
            pos = prescan_string(ps, pos + 1, c, line);
            continue;
        }
        if (c == '#') {
            bool at_start = strspn(ps->text + line_start, " \t") ==
                            pos - line_start;

            if (!depth && at_start && pos + 1 < ps->len &&
                ps->text[pos + 1] == '#') {
                pos = prescan_doc(ps, pos, &line);
                line_start = g_array_index(ps->line_starts, size_t, line);
            } else {
                blank(ps, pos, pos + line_length(ps, pos));
                pos += line_length(ps, pos);
            }
            continue;
        }
        if (c == '\n') {
            line++;
            line_start = pos + 1;
            g_array_append_val(ps->line_starts, line_start);
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && depth) {
            depth--;
        } else if ((c < 0x20 && c != '\t' && c != '\r') || c >= 0x7f) {
            prescan_error(ps, line, "stray byte 0x%02x", c);
            ps->text[pos] = ' ';
        }
        pos++;
    }
}

static void parsed_emit(void *opaque, QObject *json, Error *err)
{
    QAPIParsed *p = opaque;
    int line, col;

    json_message_parser_get_location(p->parser, &line, &col);
    if (p->err_line) {
        /* Everything after the first error is ignored. */
        qobject_unref(json);
        error_free(err);
        return;
    }
    if (err) {
        p->err_line = line;
        p->err_msg = g_strdup(error_get_pretty(err));
        error_free(err);
        return;
    }
    g_ptr_array_add(p->values, json);
    g_array_append_val(p->lines, line);
}

void qapi_parse_json(const QAPIPrescan *ps, QAPIParsed *p)
{
    size_t len = ps->len;

    p->values = g_ptr_array_new_with_free_func(
        (GDestroyNotify)qobject_unref_impl);
    p->lines = g_array_new(false, false, sizeof(int));
    p->parser = json_message_parser_new(parsed_emit, p, NULL);
    if (ps->err_line) {
        len = g_array_index(ps->line_starts, size_t, ps->err_line);
    }
    json_message_parser_feed(p->parser, ps->text, len);
    if (!ps->err_line) {
        json_message_parser_flush(p->parser);
    }
    json_message_parser_free(p->parser);
    p->parser = NULL;
}

void qapi_parsed_clear(QAPIParsed *p)
{
    g_ptr_array_free(p->values, true);
    g_array_free(p->lines, true);
    g_free(p->err_msg);
}
