/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-json.c: libFuzzer harness for the streaming JSON parser and writer.
 *
 * For each input it checks that:
 * - feeding it whole and in data-derived chunks emits the same values,
 *   errors and locations, with the corpus limits and with tiny ones;
 * - every error is one line starting "JSON parse error, ";
 * - every value's compact and pretty output parse back to an equal value,
 *   and compact output is the same after a second round trip;
 * - qobject_from_json() on the whole input gives a value or an error,
 *   and that value round-trips too.
 */
#include "osdep.h"

#include "qobject/json-parser.h"
#include "qobject/qjson.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corpus limits (tests/unit/json-corpus/README.md) ... */
static const JSONLimits corpus_limits = {
    .max_depth = 1024,
    .max_token_bytes = 1024,
    .max_value_bytes = 16384,
    .max_value_tokens = 8192,
};

/* ... and limits small enough for short inputs to hit all of them. */
static const JSONLimits tiny_limits = {
    .max_depth = 8,
    .max_token_bytes = 32,
    .max_value_bytes = 128,
    .max_value_tokens = 24,
};

typedef struct FuzzRun {
    JSONMessageParser *parser;
    GString *log;
} FuzzRun;

static void check_round_trip(const QObject *obj)
{
    g_autoptr(GString) compact = qobject_to_json(obj);
    g_autoptr(GString) pretty = qobject_to_json_pretty(obj, true);
    g_autoptr(QObject) from_compact = qobject_from_json(compact->str,
                                                        &error_abort);
    g_autoptr(QObject) from_pretty = qobject_from_json(pretty->str,
                                                       &error_abort);
    g_autoptr(GString) again = qobject_to_json(from_compact);

    g_assert(qobject_is_equal(obj, from_compact));
    g_assert(qobject_is_equal(obj, from_pretty));
    g_assert(!strcmp(compact->str, again->str));
}

static void fuzz_emit(void *opaque, QObject *json, Error *err)
{
    FuzzRun *run = opaque;
    const char *msg;
    int line, col;

    json_message_parser_get_location(run->parser, &line, &col);
    g_assert(line >= 1 && col >= 1);
    g_string_append_printf(run->log, "%d:%d ", line, col);
    g_assert(!json != !err);
    if (json) {
        check_round_trip(json);
        g_string_append(run->log, "value\n");
        qobject_unref(json);
        return;
    }
    msg = error_get_pretty(err);
    g_assert(g_str_has_prefix(msg, "JSON parse error, "));
    g_assert(!strchr(msg, '\n'));
    g_string_append_printf(run->log, "%s\n", msg);
    error_free(err);
}

/* Chunk length at @pos: 1 to 23 bytes, chosen by the data itself. */
static size_t chunk_len(const uint8_t *data, size_t size, size_t pos)
{
    size_t n = 1 + (data[pos] * 31u + pos) % 23;

    return MIN(n, size - pos);
}

/* Parse @data with @limits, whole or chunked; returns the log (new string). */
static char *fuzz_parse(const uint8_t *data, size_t size,
                        const JSONLimits *limits, bool chunked)
{
    FuzzRun run = { .log = g_string_new(NULL) };
    size_t pos, n;

    run.parser = json_message_parser_new(fuzz_emit, &run, limits);
    for (pos = 0; pos < size; pos += n) {
        n = chunked ? chunk_len(data, size, pos) : size;
        json_message_parser_feed(run.parser, (const char *)data + pos, n);
    }
    json_message_parser_flush(run.parser);
    json_message_parser_free(run.parser);
    return g_string_free(run.log, false);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *whole = fuzz_parse(data, size, &corpus_limits, false);
    g_autofree char *chunked = fuzz_parse(data, size, &corpus_limits, true);
    g_autofree char *tiny_whole = fuzz_parse(data, size, &tiny_limits, false);
    g_autofree char *tiny = fuzz_parse(data, size, &tiny_limits, true);
    g_autofree char *str = g_strndup((const char *)data, size);
    g_autoptr(Error) err = NULL;
    g_autoptr(QObject) obj = qobject_from_json(str, &err);

    g_assert(!strcmp(whole, chunked));
    g_assert(!strcmp(tiny_whole, tiny));
    g_assert(!obj != !err);
    if (obj) {
        check_round_trip(obj);
    }
    return 0;
}
