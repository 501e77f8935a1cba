/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main.c: the qapi-gen command line.
 *
 *   qapi-gen -o OUTDIR [-p PREFIX] [-b] [-u] SCHEMA.json
 *   qapi-gen --dump SCHEMA.json
 *
 * Exit status 0 on success; 1 with the error on stderr, and no file
 * written, when the schema is bad or the command line is wrong.
 */
#include "osdep.h"

#include "util/error.h"
#include "dump.h"
#include "gen.h"
#include "names.h"

static gboolean opt_builtins;
static gboolean opt_unmask;
static gboolean opt_dump;
static char *opt_outdir;
static char *opt_prefix;

static const GOptionEntry options[] = {
    { "output-dir", 'o', 0, G_OPTION_ARG_FILENAME, &opt_outdir,
      "write the generated files into DIR", "DIR" },
    { "prefix", 'p', 0, G_OPTION_ARG_STRING, &opt_prefix,
      "prefix of file names and C symbols", "PREFIX" },
    { "builtins", 'b', 0, G_OPTION_ARG_NONE, &opt_builtins,
      "also generate the code of the built-in types", NULL },
    { "unmask-non-abi-names", 'u', 0, G_OPTION_ARG_NONE, &opt_unmask,
      "keep type names in the introspection data", NULL },
    { "dump", 0, 0, G_OPTION_ARG_NONE, &opt_dump,
      "print the checked schema to stdout and write nothing", NULL },
    { NULL },
};

/* A prefix becomes part of C identifiers: letters, digits, '_', '-', '.'. */
static bool prefix_valid(const char *prefix)
{
    const char *p;

    if (g_ascii_isdigit(prefix[0])) {
        return false;
    }
    for (p = prefix; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("_-.", *p)) {
            return false;
        }
    }
    return true;
}

static int generate(const QAPISchema *schema)
{
    QAPIGenOptions opts = {
        .prefix = opt_prefix ? opt_prefix : "",
        .builtins = opt_builtins,
        .unmask = opt_unmask,
    };
    g_autoptr(QAPIOutput) out = qapi_output_new();
    Error *err = NULL;

    qapi_gen_all(schema, &opts, out);
    if (!qapi_output_write(out, opt_outdir, &err)) {
        fprintf(stderr, "qapi-gen: %s\n", error_get_pretty(err));
        error_free(err);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    g_autoptr(GOptionContext) ctx = g_option_context_new("SCHEMA.json");
    g_autoptr(GError) gerr = NULL;
    g_autoptr(QAPISchema) schema = NULL;
    Error *err = NULL;
    int ret;

    g_option_context_add_main_entries(ctx, options, NULL);
    g_option_context_set_summary(ctx, "Generate C code and documentation "
                                 "from a QAPI schema.");
    if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
        fprintf(stderr, "qapi-gen: %s\n", gerr->message);
        return 1;
    }
    if (argc != 2) {
        fprintf(stderr, "qapi-gen: expected exactly one schema file "
                "(see --help)\n");
        return 1;
    }
    if (!opt_dump && !opt_outdir) {
        fprintf(stderr, "qapi-gen: -o OUTDIR is required unless --dump\n");
        return 1;
    }
    if (opt_prefix && !prefix_valid(opt_prefix)) {
        fprintf(stderr, "qapi-gen: prefix '%s' must consist of letters, "
                "digits, '_', '-' and '.', and not start with a digit\n",
                opt_prefix);
        return 1;
    }
    schema = qapi_schema_load(argv[1], qapi_read_file_from_disk, NULL, &err);
    if (!schema) {
        qapi_error_print(stderr, err);
        error_free(err);
        return 1;
    }
    if (opt_dump) {
        g_autoptr(GString) text = g_string_new(NULL);

        qapi_schema_dump(schema, text);
        fwrite(text->str, 1, text->len, stdout);
        ret = 0;
    } else {
        ret = generate(schema);
    }
    g_free(opt_outdir);
    g_free(opt_prefix);
    return ret;
}
