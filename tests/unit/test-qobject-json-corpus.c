/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qobject-json-corpus.c: run the JSON conformance corpus in
 * tests/unit/json-corpus/ (see its README.md), one test case per document.
 *
 * valid/NAME.json: parses to one value whatever the chunking, NAME.out is
 * its exact compact output, and compact and pretty output read back equal.
 * invalid/NAME.json: the first thing emitted is the error in NAME.err,
 * whatever the chunking, and a value fed after it still parses.
 */
#include "osdep.h"

#include "qobject/json-parser.h"
#include "qobject/qjson.h"
#include "util/error.h"

/* The corpus runs with small limits so that it can reach them. */
static const JSONLimits corpus_limits = {
    .max_depth = 1024,
    .max_token_bytes = 1024,
    .max_value_bytes = 16384,
    .max_value_tokens = 8192,
};

/* What a parser emitted: a log of everything, and the first emission. */
typedef struct Collected {
    JSONMessageParser *parser;
    GString *log;
    QObject *first_value;       /* the first emission, when a value */
    char *first_error;          /* the first emission, when an error */
    QObject *last_value;        /* the last emission, when a value */
    size_t count;
} Collected;

static void collect(void *opaque, QObject *json, Error *err)
{
    Collected *c = opaque;
    g_autoptr(GString) out = NULL;
    int line, col;

    json_message_parser_get_location(c->parser, &line, &col);
    g_string_append_printf(c->log, "%d:%d ", line, col);
    if (c->count++ == 0) {
        c->first_value = qobject_ref(json);
        c->first_error = err ? g_strdup(error_get_pretty(err)) : NULL;
    }
    qobject_unref(c->last_value);
    c->last_value = json;
    if (json) {
        out = qobject_to_json(json);
        g_string_append_printf(c->log, "%s\n", out->str);
    } else {
        g_string_append_printf(c->log, "error: %s\n", error_get_pretty(err));
        error_free(err);
    }
}

static void collected_clear(Collected *c)
{
    g_string_free(c->log, true);
    qobject_unref(c->first_value);
    qobject_unref(c->last_value);
    g_free(c->first_error);
}

/*
 * Feed @len bytes of @doc and flush. @chunk: 0 for all at once, a size, or
 * -1 for random sizes. @after, if not NULL, is fed after the flush (and
 * flushed too).
 */
static void parse(Collected *c, const char *doc, size_t len, int chunk,
                  const char *after)
{
    size_t pos, n;

    memset(c, 0, sizeof(*c));
    c->log = g_string_new(NULL);
    c->parser = json_message_parser_new(collect, c, &corpus_limits);
    for (pos = 0; pos < len; pos += n) {
        if (chunk > 0) {
            n = chunk;
        } else if (chunk < 0) {
            n = g_test_rand_int_range(1, 64);
        } else {
            n = len;
        }
        n = MIN(n, len - pos);
        json_message_parser_feed(c->parser, doc + pos, n);
    }
    json_message_parser_flush(c->parser);
    if (after) {
        json_message_parser_feed(c->parser, after, strlen(after));
        json_message_parser_flush(c->parser);
    }
    json_message_parser_free(c->parser);
}

/* The contents of @dir/@name@suffix, and its length. */
static char *load(const char *dir, const char *name, const char *suffix,
                  size_t *len)
{
    g_autofree char *file = g_strconcat(name, suffix, NULL);
    g_autofree char *path = g_build_filename(dir, file, NULL);
    g_autoptr(GError) gerr = NULL;
    char *contents = NULL;
    gsize n;

    if (!g_file_get_contents(path, &contents, &n, &gerr)) {
        g_error("%s", gerr->message);
    }
    *len = n;
    return contents;
}

/* An expectation file: its text without the one trailing newline. */
static char *load_expected(const char *dir, const char *name,
                           const char *suffix)
{
    size_t len;
    char *text = load(dir, name, suffix, &len);

    if (len && text[len - 1] == '\n') {
        text[len - 1] = '\0';
    }
    return text;
}

/* Whole, byte by byte and in random chunks all give the same log. */
static void assert_chunking_invariant(const char *doc, size_t len,
                                      const Collected *whole)
{
    static const int modes[] = { 1, 3, -1, -1, -1 };
    Collected c;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(modes); i++) {
        parse(&c, doc, len, modes[i], NULL);
        g_assert_cmpstr(c.log->str, ==, whole->log->str);
        collected_clear(&c);
    }
}

static void test_valid(gconstpointer data)
{
    const char *name = data;
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "unit",
                                                 "json-corpus", "valid", NULL);
    g_autofree char *expected = load_expected(dir, name, ".out");
    g_autoptr(GString) compact = NULL, pretty = NULL, again = NULL;
    g_autoptr(QObject) from_out = NULL, from_pretty = NULL;
    g_autofree char *doc = NULL;
    Collected whole;
    size_t len;

    doc = load(dir, name, ".json", &len);
    parse(&whole, doc, len, 0, NULL);
    if (whole.first_error || whole.count != 1) {
        g_error("%s: expected one value, got:\n%s", name, whole.log->str);
    }
    assert_chunking_invariant(doc, len, &whole);

    compact = qobject_to_json(whole.first_value);
    g_assert_cmpstr(compact->str, ==, expected);
    /* Round trip: the output reads back equal and writes out the same. */
    from_out = qobject_from_json(expected, &error_abort);
    g_assert_true(qobject_is_equal(from_out, whole.first_value));
    again = qobject_to_json(from_out);
    g_assert_cmpstr(again->str, ==, expected);
    pretty = qobject_to_json_pretty(whole.first_value, true);
    from_pretty = qobject_from_json(pretty->str, &error_abort);
    g_assert_true(qobject_is_equal(from_pretty, whole.first_value));
    collected_clear(&whole);
}

static void test_invalid(gconstpointer data)
{
    const char *name = data;
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "unit",
                                                 "json-corpus", "invalid",
                                                 NULL);
    g_autofree char *expected = load_expected(dir, name, ".err");
    g_autoptr(GString) last = NULL;
    g_autofree char *doc = NULL;
    Collected whole, recovery;
    size_t len;

    doc = load(dir, name, ".json", &len);
    parse(&whole, doc, len, 0, NULL);
    if (!whole.first_error) {
        g_error("%s: expected error '%s', got:\n%s", name, expected,
                whole.log->str);
    }
    g_assert_cmpstr(whole.first_error, ==, expected);
    assert_chunking_invariant(doc, len, &whole);

    /* Recovery: a value after the bad document still parses. */
    parse(&recovery, doc, len, 0, "{\"recovery\": true}");
    g_assert_nonnull(recovery.last_value);
    last = qobject_to_json(recovery.last_value);
    g_assert_cmpstr(last->str, ==, "{\"recovery\": true}");
    g_assert_true(g_str_has_prefix(recovery.log->str, whole.log->str));
    collected_clear(&recovery);
    collected_clear(&whole);
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Register one test case per NAME.json in json-corpus/@kind. */
static size_t add_cases(const char *kind, GTestDataFunc func, GPtrArray *names)
{
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "unit",
                                                 "json-corpus", kind, NULL);
    g_autoptr(GPtrArray) found = g_ptr_array_new();
    g_autoptr(GError) gerr = NULL;
    g_autoptr(GDir) d = g_dir_open(dir, 0, &gerr);
    const char *file;
    size_t i;

    if (!d) {
        g_error("%s", gerr->message);
    }
    while ((file = g_dir_read_name(d))) {
        if (g_str_has_suffix(file, ".json")) {
            g_ptr_array_add(found, g_strndup(file, strlen(file) - 5));
        }
    }
    g_ptr_array_sort(found, compare_names);
    for (i = 0; i < found->len; i++) {
        g_autofree char *path = g_strdup_printf("/qobject/json/corpus/%s/%s",
                                                kind,
                                                (char *)found->pdata[i]);

        g_test_add_data_func(path, found->pdata[i], func);
        g_ptr_array_add(names, found->pdata[i]);
    }
    return found->len;
}

int main(int argc, char **argv)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);

    /* meson test sets G_TEST_SRCDIR; run by hand, default to the source tree. */
    g_setenv("G_TEST_SRCDIR", KVMINI_TESTS_SRCDIR, false);
    g_test_init(&argc, &argv, NULL);
    g_assert_cmpuint(add_cases("valid", test_valid, names), >=, 60);
    g_assert_cmpuint(add_cases("invalid", test_invalid, names), >=, 60);
    return g_test_run();
}
