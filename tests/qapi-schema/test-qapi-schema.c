/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-schema.c: run the QAPI compiler on every schema case of
 * tests/qapi-schema, one test case per schema.
 *
 * CASE.json has CASE.exit (0 or 1) and CASE.err (the exact stderr); a good
 * case (exit 0) has CASE.out, the exact --dump output. Each case runs
 * twice: with --dump, then generating code into an empty directory, which
 * must get files for a good case and stay empty for a bad one.
 *
 * Environment: QAPI_GEN is the compiler; QAPI_SCHEMA_WRAPPER, when set, is
 * a command prepended to it (e.g. "valgrind --error-exitcode=9 -q");
 * QAPI_SCHEMA_UPDATE=1 rewrites the expected files instead of comparing.
 */
#include "osdep.h"

#include <glib/gstdio.h>

typedef struct Run {
    char *out;
    char *err;
    int status;
} Run;

static const char *cases_dir(void)
{
    static char *dir;

    if (!dir) {
        dir = g_test_build_filename(G_TEST_DIST, "qapi-schema", NULL);
    }
    return dir;
}

/* Run the compiler with @args (NULL-terminated) in the cases directory. */
static void run_gen(const char *const *args, Run *run)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    const char *wrapper = g_getenv("QAPI_SCHEMA_WRAPPER");
    g_autoptr(GError) gerr = NULL;

    if (wrapper && *wrapper) {
        g_auto(GStrv) words = g_strsplit(wrapper, " ", -1);
        char **w;

        for (w = words; *w; w++) {
            if (**w) {
                g_ptr_array_add(argv, g_strdup(*w));
            }
        }
    }
    g_ptr_array_add(argv, g_strdup(g_getenv("QAPI_GEN")));
    for (; *args; args++) {
        g_ptr_array_add(argv, g_strdup(*args));
    }
    g_ptr_array_add(argv, NULL);
    g_assert_true(g_spawn_sync(cases_dir(), (char **)argv->pdata, NULL,
                               G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &run->out, &run->err, &run->status,
                               &gerr));
    g_assert_true(WIFEXITED(run->status));
    run->status = WEXITSTATUS(run->status);
}

static void run_clear(Run *run)
{
    g_free(run->out);
    g_free(run->err);
}

static char *read_expected(const char *name, const char *ext)
{
    g_autofree char *path = g_strdup_printf("%s/%s%s", cases_dir(), name,
                                            ext);
    char *text = NULL;

    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        return NULL;
    }
    return text;
}

static void write_expected(const char *name, const char *ext,
                           const char *text)
{
    g_autofree char *path = g_strdup_printf("%s/%s%s", cases_dir(), name,
                                            ext);

    g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

/* Compare @actual with NAME.EXT, or rewrite it in update mode. */
static void check_text(const char *name, const char *ext, const char *actual)
{
    g_autofree char *expected = NULL;

    if (g_getenv("QAPI_SCHEMA_UPDATE")) {
        if (strcmp(ext, ".out") || *actual) {
            write_expected(name, ext, actual);
        }
        return;
    }
    expected = read_expected(name, ext);
    if (!expected) {
        g_test_message("%s%s is missing", name, ext);
        g_test_fail();
        return;
    }
    g_assert_cmpstr(actual, ==, expected);
}

/* Files in @dir (which must exist). */
static guint count_files(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    guint n = 0;

    g_assert_nonnull(d);
    while (g_dir_read_name(d)) {
        n++;
    }
    return n;
}

static void remove_dir(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *path = g_build_filename(dir, name, NULL);

        g_assert_cmpint(g_unlink(path), ==, 0);
    }
    g_assert_cmpint(g_rmdir(dir), ==, 0);
}

static void test_case(gconstpointer data)
{
    const char *name = data;
    g_autofree char *json = g_strconcat(name, ".json", NULL);
    g_autofree char *tmp = g_dir_make_tmp("qapi-schema-XXXXXX", NULL);
    g_autofree char *status = NULL;
    const char *dump[] = { "--dump", json, NULL };
    const char *gen[] = { "-o", tmp, "-p", "t-", "-b", json, NULL };
    Run d = { 0 }, g = { 0 };

    g_assert_nonnull(tmp);
    run_gen(dump, &d);
    status = g_strdup_printf("%d\n", d.status);
    check_text(name, ".exit", status);
    check_text(name, ".err", d.err);
    if (!d.status) {
        check_text(name, ".out", d.out);
    } else {
        g_assert_cmpstr(d.out, ==, "");
    }

    /* Generating code fails the same way, and then writes nothing. */
    run_gen(gen, &g);
    g_assert_cmpint(g.status, ==, d.status);
    g_assert_cmpstr(g.err, ==, d.err);
    g_assert_cmpstr(g.out, ==, "");
    if (d.status) {
        g_assert_cmpuint(count_files(tmp), ==, 0);
    } else {
        g_assert_cmpuint(count_files(tmp), >, 0);
    }
    remove_dir(tmp);
    run_clear(&d);
    run_clear(&g);
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every case: CASE.json with a CASE.exit, sorted. */
static GPtrArray *list_cases(void)
{
    GPtrArray *cases = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GDir) d = g_dir_open(cases_dir(), 0, NULL);
    const char *name;

    g_assert_nonnull(d);
    while ((name = g_dir_read_name(d))) {
        g_autofree char *base = NULL;
        g_autofree char *exit_file = NULL;

        if (!g_str_has_suffix(name, ".json")) {
            continue;
        }
        base = g_strndup(name, strlen(name) - 5);
        exit_file = g_strdup_printf("%s/%s.exit", cases_dir(), base);
        if (g_file_test(exit_file, G_FILE_TEST_EXISTS)) {
            g_ptr_array_add(cases, g_steal_pointer(&base));
        }
    }
    g_ptr_array_sort(cases, compare_names);
    return cases;
}

/*
 * Generating again into the same directory leaves every file untouched
 * (build tools see no change), and the output is the same byte for byte.
 */
static void test_unchanged(void)
{
    g_autofree char *tmp = g_dir_make_tmp("qapi-schema-XXXXXX", NULL);
    g_autofree char *probe = g_build_filename(tmp, "t-qapi-types.h", NULL);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    const char *gen[] = {
        "-o", tmp, "-p", "t-", "-b", "qapi-schema-test.json", NULL,
    };
    GStatBuf st1, st2;
    Run r = { 0 };

    run_gen(gen, &r);
    g_assert_cmpint(r.status, ==, 0);
    run_clear(&r);
    g_assert_true(g_file_get_contents(probe, &before, NULL, NULL));
    g_assert_cmpint(g_stat(probe, &st1), ==, 0);
    g_usleep(20 * 1000);
    run_gen(gen, &r);
    g_assert_cmpint(r.status, ==, 0);
    run_clear(&r);
    g_assert_cmpint(g_stat(probe, &st2), ==, 0);
    g_assert_true(g_file_get_contents(probe, &after, NULL, NULL));
    g_assert_cmpstr(before, ==, after);
    g_assert_cmpint(st1.st_mtim.tv_sec, ==, st2.st_mtim.tv_sec);
    g_assert_cmpint(st1.st_mtim.tv_nsec, ==, st2.st_mtim.tv_nsec);
    remove_dir(tmp);
}

/* Command-line errors: exit 1 and a one-line message. */
static void test_usage(void)
{
    const char *no_outdir[] = { "qapi-schema-test.json", NULL };
    const char *bad_prefix[] = {
        "-o", "unused", "-p", "9x", "qapi-schema-test.json", NULL,
    };
    const char *missing[] = { "--dump", "no-such-file.json", NULL };
    Run r = { 0 };

    run_gen(no_outdir, &r);
    g_assert_cmpint(r.status, ==, 1);
    g_assert_cmpstr(r.err, ==, "qapi-gen: -o OUTDIR is required unless "
                    "--dump\n");
    run_clear(&r);
    run_gen(bad_prefix, &r);
    g_assert_cmpint(r.status, ==, 1);
    g_assert_cmpstr(r.err, ==, "qapi-gen: prefix '9x' must consist of "
                    "letters, digits, '_', '-' and '.', and not start with "
                    "a digit\n");
    run_clear(&r);
    run_gen(missing, &r);
    g_assert_cmpint(r.status, ==, 1);
    g_assert_cmpstr(r.err, ==, "can't read schema file 'no-such-file.json': "
                    "No such file or directory\n");
    run_clear(&r);
}

int main(int argc, char **argv)
{
    g_autoptr(GPtrArray) cases = NULL;
    guint i;

    g_test_init(&argc, &argv, NULL);
    if (!g_getenv("QAPI_GEN")) {
        g_printerr("test-qapi-schema: QAPI_GEN must name the compiler\n");
        return 1;
    }
    cases = list_cases();
    for (i = 0; i < cases->len; i++) {
        g_autofree char *path = g_strdup_printf("/qapi-schema/%s",
                                                (char *)g_ptr_array_index(
                                                    cases, i));

        g_test_add_data_func(path, g_ptr_array_index(cases, i), test_case);
    }
    g_test_add_func("/qapi-schema/gen/unchanged", test_unchanged);
    g_test_add_func("/qapi-schema/gen/usage", test_usage);
    return g_test_run();
}
