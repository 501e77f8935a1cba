/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-qapi-schema.c: libFuzzer harness for the QAPI schema compiler's
 * reader and checks. Each input is a schema file, read from memory (no
 * file is read or written): once as the main file, once included from a
 * main file, and it may include "sub.json", a small valid module, itself
 * or the main file. A schema that loads is also dumped and run through
 * every generator, in memory. Errors must be one line naming FILE:LINE.
 */
#include "osdep.h"

#include "util/error.h"
#include "dump.h"
#include "gen.h"
#include "schema.h"

typedef struct MemFile {
    const char *name;
    const char *text;
    size_t len;
} MemFile;

static const char main_json[] =
    "# Includes the input, which may include this file back.\n"
    "{ 'include': 'fuzz.json' }\n"
    "{ 'struct': 'FuzzMain', 'data': { '*sub': 'FuzzSub' } }\n";

static const char sub_json[] =
    "{ 'enum': 'FuzzEnum', 'data': [ 'one', 'two' ] }\n"
    "{ 'struct': 'FuzzSub', 'data': { 'a': 'int', '*e': 'FuzzEnum' } }\n";

static bool mem_read(void *opaque, const char *fname, char **contents,
                     size_t *len, Error **errp)
{
    const MemFile *files = opaque;

    for (; files->name; files++) {
        if (!strcmp(files->name, fname)) {
            /* Schema files read from disk are NUL-terminated too. */
            *contents = g_malloc(files->len + 1);
            memcpy(*contents, files->text, files->len);
            (*contents)[files->len] = '\0';
            *len = files->len;
            return true;
        }
    }
    error_setg(errp, "No such file or directory");
    return false;
}

/* A compiler error is "FILE:LINE: message" on one line. */
static void check_error(const Error *err)
{
    const char *msg = error_get_pretty(err);
    const char *colon = strchr(msg, ':');

    if (strchr(msg, '\n') || !colon || !g_ascii_isdigit(colon[1])) {
        fprintf(stderr, "bad error message: %s\n", msg);
        abort();
    }
}

static void run(const char *fname, MemFile *files)
{
    QAPIGenOptions opts = { .prefix = "fuzz-", .builtins = true };
    g_autoptr(QAPISchema) schema = NULL;
    g_autoptr(QAPIOutput) out = NULL;
    g_autoptr(GString) dump = NULL;
    Error *err = NULL;

    schema = qapi_schema_load(fname, mem_read, files, &err);
    if (!schema) {
        check_error(err);
        error_free(err);
        return;
    }
    dump = g_string_new(NULL);
    qapi_schema_dump(schema, dump);
    out = qapi_output_new();
    qapi_gen_all(schema, &opts, out);
    opts.unmask = true;
    opts.prefix = "";
    qapi_output_free(g_steal_pointer(&out));
    out = qapi_output_new();
    qapi_gen_all(schema, &opts, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    MemFile files[] = {
        { "fuzz.json", (const char *)data, size },
        { "main.json", main_json, sizeof(main_json) - 1 },
        { "sub.json", sub_json, sizeof(sub_json) - 1 },
        { NULL },
    };

    run("fuzz.json", files);
    run("main.json", files);
    return 0;
}
