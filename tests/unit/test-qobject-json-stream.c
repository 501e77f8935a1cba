/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qobject-json-stream.c: the streaming JSON parser: values in order,
 * any chunking, error recovery, resynchronisation bytes, flush, locations,
 * and limits with bounded memory.
 */
#include "osdep.h"

#include "qobject/json-parser.h"
#include "qobject/qjson.h"
#include "util/error.h"
#include "json-internal.h"

/* Logs each emission as "LINE:COL VALUE" or "LINE:COL error: MESSAGE". */
typedef struct Recorder {
    JSONMessageParser *parser;
    GString *log;
} Recorder;

static void record(void *opaque, QObject *json, Error *err)
{
    Recorder *r = opaque;
    g_autoptr(GString) out = NULL;
    int line, col;

    json_message_parser_get_location(r->parser, &line, &col);
    g_string_append_printf(r->log, "%d:%d ", line, col);
    if (json) {
        g_assert_null(err);
        out = qobject_to_json(json);
        g_string_append_printf(r->log, "%s\n", out->str);
        qobject_unref(json);
    } else {
        g_string_append_printf(r->log, "error: %s\n", error_get_pretty(err));
        error_free(err);
    }
}

static void recorder_init(Recorder *r, const JSONLimits *limits)
{
    r->parser = json_message_parser_new(record, r, limits);
    r->log = g_string_new(NULL);
}

/* Free @r's parser and return its log (new string). */
static char *recorder_finish(Recorder *r)
{
    json_message_parser_flush(r->parser);
    json_message_parser_free(r->parser);
    return g_string_free(r->log, false);
}

/* Parse @len bytes of @in fed in chunks of @chunk bytes (0: all at once). */
static char *run_chunked(const char *in, size_t len, size_t chunk,
                         const JSONLimits *limits)
{
    Recorder r;
    size_t i, n;

    recorder_init(&r, limits);
    for (i = 0; i < len; i += n) {
        n = chunk ? MIN(chunk, len - i) : len;
        json_message_parser_feed(r.parser, in + i, n);
    }
    return recorder_finish(&r);
}

static char *run(const char *in)
{
    return run_chunked(in, strlen(in), 0, NULL);
}

static void assert_stream(const char *in, const char *expected)
{
    g_autofree char *log = run(in);

    g_assert_cmpstr(log, ==, expected);
}

static void test_values_in_order(void)
{
    assert_stream("{\"a\": 1} [2]3 \"four\"true null 5.5 {}[]",
                  "1:1 {\"a\": 1}\n"
                  "1:10 [2]\n"
                  "1:13 3\n"
                  "1:15 \"four\"\n"
                  "1:21 true\n"
                  "1:26 null\n"
                  "1:31 5.5\n"
                  "1:35 {}\n"
                  "1:37 []\n");
    assert_stream("", "");
    assert_stream(" \t\r\n", "");
    /* QMP style: one command per line, single quotes. */
    assert_stream("{'execute': 'qmp_capabilities'}\r\n"
                  "{'execute': 'query-status', 'id': 7}\r\n",
                  "1:1 {\"execute\": \"qmp_capabilities\"}\n"
                  "2:1 {\"execute\": \"query-status\", \"id\": 7}\n");
}

/* Input exercising every lexer state, split everywhere. */
static const char chunk_sample[] =
    "{\"s\": \"a\\\"b\\\\c\\u00e9\\uD83D\\uDE00\xc3\xa9\xf0\x9f\x98\x80\", "
    "'q': 'it\\'s', \"n\": [0, -1, 12.5e-3, -0.0, 1E+2, "
    "18446744073709551615, 18446744073709551616], "
    "\"k\": [true, false, null]}\n"
    "[1, tru, 3] {\"a\" 1} 01 \"\\q\" @junk ] 1.e5 {\"x\": [1, [2, @]]}\n"
    "\"\xe2\x82\xac\" 42 -7 \"bad \xc3\x28\" [\"\x01\"] 0.5 true";

static void test_chunking(void)
{
    size_t len = strlen(chunk_sample), i, chunk;
    g_autofree char *whole = run_chunked(chunk_sample, len, 0, NULL);
    Recorder r;

    g_assert_cmpstr(whole, !=, "");
    for (chunk = 1; chunk <= 7; chunk++) {
        g_autofree char *log = run_chunked(chunk_sample, len, chunk, NULL);

        g_assert_cmpstr(log, ==, whole);
    }
    /* Every two-way split, including inside UTF-8, escapes and numbers. */
    for (i = 1; i < len; i++) {
        g_autofree char *log = NULL;

        recorder_init(&r, NULL);
        json_message_parser_feed(r.parser, chunk_sample, i);
        json_message_parser_feed(r.parser, chunk_sample + i, len - i);
        log = recorder_finish(&r);
        g_assert_cmpstr(log, ==, whole);
    }
    /* Random chunk sizes (the seed is printed for reproduction). */
    for (i = 0; i < 50; i++) {
        g_autofree char *log = NULL;
        size_t pos, n;

        recorder_init(&r, NULL);
        for (pos = 0; pos < len; pos += n) {
            /* MIN() evaluates its arguments twice: draw once. */
            n = g_test_rand_int_range(0, 20);
            n = MIN(n, len - pos);
            json_message_parser_feed(r.parser, chunk_sample + pos, n);
        }
        log = recorder_finish(&r);
        g_assert_cmpstr(log, ==, whole);
    }
}

static void test_recovery(void)
{
    assert_stream("{\"a\": tru}\n{\"b\": 1}",
                  "1:7 error: JSON parse error, invalid keyword 'tru'\n"
                  "2:1 {\"b\": 1}\n");
    /* A lexical error: the rest of the value, brackets counted, is skipped. */
    assert_stream("{\"a\": [1, @, {\"x\": \"}\"}], \"b\": 2}\n[3]",
                  "1:11 error: JSON parse error, unexpected character '@'\n"
                  "2:1 [3]\n");
    assert_stream("[1, 01, [2]] 4",
                  "1:5 error: JSON parse error, invalid number '01'\n"
                  "1:14 4\n");
    /* More bad tokens inside the skipped value give no more errors. */
    assert_stream("[@, #, 1.e5, [$]] 1",
                  "1:2 error: JSON parse error, unexpected character '@'\n"
                  "1:19 1\n");
    assert_stream("[1 2] [3]",
                  "1:4 error: JSON parse error, expecting ',' or ']' after "
                  "array element\n"
                  "1:7 [3]\n");
    /* Each stray closer at the top level is one malformed value. */
    assert_stream("] } 1 ,",
                  "1:1 error: JSON parse error, unexpected ']' at top level\n"
                  "1:3 error: JSON parse error, unexpected '}' at top level\n"
                  "1:5 1\n"
                  "1:7 error: JSON parse error, unexpected ',' at top level\n");
    assert_stream("@@@ x\xc3\xa9 [1]",
                  "1:1 error: JSON parse error, unexpected character '@'\n"
                  "1:5 error: JSON parse error, invalid keyword 'x'\n"
                  "1:6 error: JSON parse error, unexpected byte 0xc3\n"
                  "1:8 [1]\n");
    assert_stream("{\"a\": [}] {\"b\": 2}",
                  "1:8 error: JSON parse error, expecting value or ']' after "
                  "'['\n"
                  "1:11 {\"b\": 2}\n");
}

static void test_resync(void)
{
    /* 0xFF cuts a value short: one error, and the next value parses. */
    assert_stream("{\"execute\": \"x\", \xff{\"execute\": \"y\"}",
                  "1:18 error: JSON parse error, unexpected byte 0xff\n"
                  "1:19 {\"execute\": \"y\"}\n");
    /* At the top level it is silent, however many. */
    assert_stream("\xff{\"a\": 1}\xff\xff[1]\xff",
                  "1:2 {\"a\": 1}\n"
                  "1:12 [1]\n");
    /* In a value already reported, it just ends the skipping. */
    assert_stream("[@, [[[ \xff [2]",
                  "1:2 error: JSON parse error, unexpected character '@'\n"
                  "1:11 [2]\n");
    assert_stream("{\"a\": \"abc\xff{\"b\": 2}",
                  "1:11 error: JSON parse error, unexpected byte 0xff in "
                  "string\n"
                  "1:12 {\"b\": 2}\n");
    /* QMP also resynchronises on control characters other than tab/CR/LF. */
    assert_stream("{\"a\": [1, 2\x04{\"b\": 2}",
                  "1:12 error: JSON parse error, unexpected byte 0x04\n"
                  "1:13 {\"b\": 2}\n");
    assert_stream("\x01\x02\x1b 1", "1:5 1\n");
    /* After the reset, the string's closing quote opens a new string. */
    assert_stream("[\"a\x01\"] [2]",
                  "1:4 error: JSON parse error, control character 0x01 in "
                  "string\n"
                  "1:5 error: JSON parse error, premature end of input\n");
    /*
     * Tab, CR and LF are no resynchronisation bytes: raw in a string they
     * make it invalid, one error for the value.
     */
    assert_stream("{\"a\": \"x\ny\", \"b\": [1]}\n{\"c\": \"\t\"} [2]",
                  "1:7 error: JSON parse error, control character 0x0a in "
                  "string\n"
                  "3:7 error: JSON parse error, control character 0x09 in "
                  "string\n"
                  "3:12 [2]\n");
    /* An unterminated string: the client resynchronises as QMP says. */
    assert_stream("{\"execute\": \"abc\n\x04{\"execute\": \"def\"}\n",
                  "2:1 error: JSON parse error, control character 0x04 in "
                  "string\n"
                  "2:2 {\"execute\": \"def\"}\n");
}

static void test_embedded_nul(void)
{
    static const char in[] = "[1,\0 2] \"a\0b\" 3";
    g_autofree char *log = run_chunked(in, sizeof(in) - 1, 0, NULL);

    g_assert_cmpstr(log, ==,
                    "1:4 error: JSON parse error, unexpected byte 0x00\n"
                    "1:6 2\n"
                    "1:7 error: JSON parse error, unexpected ']' at top level\n"
                    "1:11 error: JSON parse error, control character 0x00 in "
                    "string\n"
                    "1:12 error: JSON parse error, invalid keyword 'b'\n"
                    "1:13 error: JSON parse error, premature end of input\n");
}

static void test_flush(void)
{
    Recorder r;
    g_autofree char *log = NULL;

    assert_stream("123", "1:1 123\n");
    assert_stream("-0.5e1", "1:1 -5.0\n");
    assert_stream("true", "1:1 true\n");
    assert_stream("tru", "1:1 error: JSON parse error, invalid keyword 'tru'\n");
    assert_stream("-", "1:1 error: JSON parse error, invalid number '-'\n");
    assert_stream("[1.", "1:2 error: JSON parse error, invalid number '1.'\n");
    assert_stream("{\"a\": [1,",
                  "1:1 error: JSON parse error, premature end of input\n");
    assert_stream("\"abc", "1:1 error: JSON parse error, premature end of input\n");
    assert_stream("[1, \"abc\\",
                  "1:5 error: JSON parse error, premature end of input\n");
    /* Nothing more for a value whose error was already reported. */
    assert_stream("[@, 1", "1:2 error: JSON parse error, unexpected character '@'\n");

    json_message_parser_free(NULL);

    /* Flush returns to the top level; the parser can be fed again. */
    recorder_init(&r, NULL);
    json_message_parser_feed(r.parser, "[1", 2);
    json_message_parser_flush(r.parser);
    json_message_parser_feed(r.parser, "2 [3]", 5);
    json_message_parser_flush(r.parser);
    json_message_parser_flush(r.parser);
    log = recorder_finish(&r);
    g_assert_cmpstr(log, ==,
                    "1:1 error: JSON parse error, premature end of input\n"
                    "1:3 2\n"
                    "1:5 [3]\n");
}

static void test_locations(void)
{
    /* Columns count characters: "é" is one column, a tab is one. */
    assert_stream("{\"a\": 1}\n  [1,\n   2]\n\"\xc3\xa9\" 7\n\t\"\xe2\x82\xac\" x",
                  "1:1 {\"a\": 1}\n"
                  "2:3 [1, 2]\n"
                  "4:1 \"\\u00E9\"\n"
                  "4:5 7\n"
                  "5:2 \"\\u20AC\"\n"
                  "5:6 error: JSON parse error, invalid keyword 'x'\n");
    assert_stream("[1,\n  tru]",
                  "2:3 error: JSON parse error, invalid keyword 'tru'\n");
    assert_stream("{\"a\": 1,\n \"a\": 2}",
                  "2:2 error: JSON parse error, duplicate key 'a'\n");
    assert_stream("\r\n\r\n  {\"a\"\n 1}",
                  "4:2 error: JSON parse error, expecting ':' after object key\n");
    assert_stream("[\"\\uD800\"]",
                  "1:2 error: JSON parse error, unpaired surrogate '\\uD800' "
                  "in string\n");
}

static char *repeat(char c, size_t n)
{
    char *s = g_malloc(n + 1);

    memset(s, c, n);
    s[n] = '\0';
    return s;
}

static void test_depth_default(void)
{
    g_autofree char *open = repeat('[', 1025);
    g_autofree char *close = repeat(']', 1025);
    g_autofree char *in = g_strdup_printf("%s%s 1 %s%s 2", open + 1, close + 1,
                                          open, close);
    g_autofree char *log = run(in);
    g_autofree char *ok = g_strdup_printf("1:1 %s%s\n", open + 1, close + 1);

    g_assert_true(g_str_has_prefix(log, ok));
    g_assert_cmpstr(log + strlen(ok), ==,
                    "1:2050 1\n"
                    "1:3076 error: JSON parse error, nesting deeper than 1024 "
                    "levels\n"
                    "1:4103 2\n");
}

static void test_depth_custom(void)
{
    JSONLimits limits = { .max_depth = 3 };
    const char *in = "[[[1]]] [[[[1]]]] {\"a\": {\"b\": {\"c\": {}}}} [2]";
    g_autofree char *log = run_chunked(in, strlen(in), 0, &limits);

    g_assert_cmpstr(log, ==,
                    "1:1 [[[1]]]\n"
                    "1:12 error: JSON parse error, nesting deeper than 3 levels\n"
                    "1:37 error: JSON parse error, nesting deeper than 3 levels\n"
                    "1:43 [2]\n");
}

/*
 * Feed @n bytes of @fill between @before and @after, in 64 KiB chunks,
 * checking after each that the parser buffers no more than @bound bytes.
 */
static char *run_flood(const JSONLimits *limits, const char *before,
                       char fill, size_t n, const char *after, size_t bound)
{
    g_autofree char *chunk = repeat(fill, 65536);
    Recorder r;
    size_t done, k;

    recorder_init(&r, limits);
    json_message_parser_feed(r.parser, before, strlen(before));
    for (done = 0; done < n; done += k) {
        k = MIN(n - done, 65536);
        json_message_parser_feed(r.parser, chunk, k);
        g_assert_cmpuint(json_message_parser_buffered(r.parser), <=, bound);
    }
    json_message_parser_feed(r.parser, after, strlen(after));
    return recorder_finish(&r);
}

static void test_token_limit(void)
{
    JSONLimits limits = { .max_token_bytes = 1024 };
    g_autofree char *big_str = NULL, *nested = NULL, *big_num = NULL;
    g_autofree char *exact = repeat('x', 1022);
    g_autofree char *in = g_strdup_printf("\"%s\" \"%sy\"", exact, exact);
    g_autofree char *log = run_chunked(in, strlen(in), 0, &limits);
    g_autofree char *want = g_strdup_printf(
        "1:1 \"%s\"\n"
        "1:1026 error: JSON parse error, token longer than 1 KiB\n", exact);

    /* 1024 bytes with the quotes is fine, 1025 is not. */
    g_assert_cmpstr(log, ==, want);
    /* A 10 MB string never grows the buffers beyond the limits. */
    big_str = run_flood(&limits, "\"", 'a', 10 << 20, "\" {\"next\": 1}", 16384);
    g_assert_cmpstr(big_str, ==,
                    "1:1 error: JSON parse error, token longer than 1 KiB\n"
                    "1:10485764 {\"next\": 1}\n");
    nested = run_flood(&limits, "[1, \"", 'b', 10 << 20, "\", 2] [3]", 16384);
    g_assert_cmpstr(nested, ==,
                    "1:5 error: JSON parse error, token longer than 1 KiB\n"
                    "1:10485772 [3]\n");
    big_num = run_flood(&limits, "[", '7', 10 << 20, "] 8", 16384);
    g_assert_cmpstr(big_num, ==,
                    "1:2 error: JSON parse error, token longer than 1 KiB\n"
                    "1:10485764 8\n");
}

static void test_bracket_flood(void)
{
    JSONLimits limits = { .max_token_bytes = 1024 };
    g_autofree char *log = run_flood(&limits, "", '[', 10 << 20, "\xff[1]",
                                     65536);

    g_assert_cmpstr(log, ==,
                    "1:1025 error: JSON parse error, nesting deeper than 1024 "
                    "levels\n"
                    "1:10485762 [1]\n");
}

static void test_value_limits(void)
{
    JSONLimits bytes = { .max_value_bytes = 100 };
    JSONLimits tokens = { .max_value_tokens = 5 };
    g_autofree char *a = repeat('a', 60);
    g_autofree char *in = g_strdup_printf("[\"%s\", \"%s\"] [1] \"%s%s\" 2",
                                          a, a, a, a);
    g_autofree char *log = run_chunked(in, strlen(in), 0, &bytes);
    g_autofree char *log2 = NULL;
    const char *in2 = "[1, 2] [1, 2, 3] {\"a\": {}} 4";

    g_assert_cmpstr(log, ==,
                    "1:66 error: JSON parse error, value longer than 100 bytes\n"
                    "1:130 [1]\n"
                    "1:134 error: JSON parse error, value longer than 100 bytes\n"
                    "1:257 2\n");
    log2 = run_chunked(in2, strlen(in2), 0, &tokens);
    g_assert_cmpstr(log2, ==,
                    "1:1 [1, 2]\n"
                    "1:15 error: JSON parse error, value with more than 5 "
                    "tokens\n"
                    "1:26 error: JSON parse error, value with more than 5 "
                    "tokens\n"
                    "1:28 4\n");
}

/* The default limits, with their exact messages. */
static void test_default_limits(void)
{
    GString *in = g_string_new("[");
    g_autofree char *tokens = NULL, *big = NULL;
    size_t i;

    /*
     * [0, ..., 0] with n zeros is 2n + 1 tokens: 2^21 - 1 are fine, and
     * 2^21 + 1 fail at the closing bracket, which names the default.
     */
    for (i = 0; i < (1 << 20) - 2; i++) {
        g_string_append(in, "0,");
    }
    g_string_append(in, "0] [");
    for (i = 0; i < (1 << 20) - 1; i++) {
        g_string_append(in, "0,");
    }
    g_string_append(in, "0] [1]");
    tokens = run_chunked(in->str, in->len, 0, NULL);
    g_string_free(in, true);
    g_assert_true(g_str_has_prefix(tokens, "1:1 [0, 0, 0, "));
    g_assert_cmpstr(strchr(tokens, '\n') + 1, ==,
                    "1:4194305 error: JSON parse error, value with more than "
                    "2097152 tokens\n"
                    "1:4194307 [1]\n");
    /* A token of 64 MiB + 1 byte; the buffers stay within the limits. */
    big = run_flood(NULL, "\"", 'x', 64 << 20, "\" 1", (size_t)160 << 20);
    g_assert_cmpstr(big, ==,
                    "1:1 error: JSON parse error, token longer than 64 MiB\n"
                    "1:67108868 1\n");
}

/* An emit callback may ask for the location of each of several values. */
static void test_many_values(void)
{
    GString *in = g_string_new(NULL);
    g_autofree char *log = NULL;
    g_autofree char *input = NULL;
    char **lines;
    int i;

    for (i = 0; i < 1000; i++) {
        g_string_append_printf(in, "{\"id\": %d}\n", i);
    }
    input = g_string_free(in, false);
    log = run(input);
    lines = g_strsplit(log, "\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, 1001);
    for (i = 0; i < 1000; i++) {
        g_autofree char *want = g_strdup_printf("%d:1 {\"id\": %d}", i + 1, i);

        g_assert_cmpstr(lines[i], ==, want);
    }
    g_strfreev(lines);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qobject/json/stream/values-in-order",
                    test_values_in_order);
    g_test_add_func("/qobject/json/stream/chunking", test_chunking);
    g_test_add_func("/qobject/json/stream/recovery", test_recovery);
    g_test_add_func("/qobject/json/stream/resync", test_resync);
    g_test_add_func("/qobject/json/stream/embedded-nul", test_embedded_nul);
    g_test_add_func("/qobject/json/stream/flush", test_flush);
    g_test_add_func("/qobject/json/stream/locations", test_locations);
    g_test_add_func("/qobject/json/stream/depth-default", test_depth_default);
    g_test_add_func("/qobject/json/stream/depth-custom", test_depth_custom);
    g_test_add_func("/qobject/json/stream/token-limit", test_token_limit);
    g_test_add_func("/qobject/json/stream/bracket-flood", test_bracket_flood);
    g_test_add_func("/qobject/json/stream/value-limits", test_value_limits);
    g_test_add_func("/qobject/json/stream/default-limits",
                    test_default_limits);
    g_test_add_func("/qobject/json/stream/many-values", test_many_values);
    return g_test_run();
}
