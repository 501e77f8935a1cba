/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-util-log.c: -d item parsing, categories and the -D log file. */
#include "osdep.h"

#include <glib/gstdio.h>

#include "util/error.h"
#include "util/error-report.h"
#include "util/log.h"
#include "capture.h"

static void test_parse_items(void)
{
    int mask = -1;

    g_assert_true(log_parse_items("guest_errors", &mask, &error_abort));
    g_assert_cmpint(mask, ==, LOG_GUEST_ERROR);
    g_assert_true(log_parse_items("unimp,kvm,qmp,migration,guest_errors",
                                  &mask, &error_abort));
    g_assert_cmpint(mask, ==, LOG_GUEST_ERROR | LOG_UNIMP | LOG_KVM |
                    LOG_QMP | LOG_MIGRATION);
    /* Repeats are harmless. */
    g_assert_true(log_parse_items("kvm,kvm", &mask, &error_abort));
    g_assert_cmpint(mask, ==, LOG_KVM);
}

static void test_parse_errors(void)
{
    static const struct {
        const char *input;
        const char *msg;
    } cases[] = {
        { "guest_error", "unknown log item 'guest_error'" },
        { "kvm,bogus,unimp", "unknown log item 'bogus'" },
        { "KVM", "unknown log item 'KVM'" },
        { "", "empty log item in ''" },
        { "kvm,", "empty log item in 'kvm,'" },
        { ",kvm", "empty log item in ',kvm'" },
        { "help", "unknown log item 'help'" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        Error *err = NULL;
        int mask = 12345;

        g_assert_false(log_parse_items(cases[i].input, &mask, &err));
        g_assert_cmpstr(error_get_pretty(err), ==, cases[i].msg);
        /* The mask is only written on success. */
        g_assert_cmpint(mask, ==, 12345);
        error_free(err);
    }
}

static void test_unknown_hint(void)
{
    Error *err = NULL;
    int mask;

    g_assert_false(log_parse_items("nope", &mask, &err));
    g_assert_cmpstr(error_get_hint(err), ==,
                    "Use -d help to list the log items.\n");
    error_free(err);
}

static char *read_file(const char *path)
{
    char *contents = NULL;

    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    return contents;
}

static void test_file(void)
{
    g_autofree char *dir = g_dir_make_tmp("kvmini-log-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "log.txt", NULL);
    g_autofree char *path2 = g_build_filename(dir, "log2.txt", NULL);
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_assert_true(log_set_file(path, &error_abort));
    log_set_mask(LOG_GUEST_ERROR | LOG_QMP);
    g_assert_true(log_enabled(LOG_GUEST_ERROR));
    g_assert_true(log_enabled(LOG_QMP | LOG_KVM));
    g_assert_false(log_enabled(LOG_KVM));

    log_mask(LOG_GUEST_ERROR, "serial: bad register 0x%x\n", 9);
    log_mask(LOG_KVM, "not written: kvm is off\n");
    log_mask(LOG_QMP, "-> %s\n", "{\"execute\": \"quit\"}");

    /* A new file takes over; the old one holds what was written so far. */
    g_assert_true(log_set_file(path2, &error_abort));
    log_mask(LOG_QMP, "second file\n");
    log_close();
    log_set_mask(0);

    first = read_file(path);
    second = read_file(path2);
    g_assert_cmpstr(first, ==, "serial: bad register 0x9\n"
                               "-> {\"execute\": \"quit\"}\n");
    g_assert_cmpstr(second, ==, "second file\n");
    g_unlink(path);
    g_unlink(path2);
    g_rmdir(dir);
}

static void test_file_error(void)
{
    Error *err = NULL;

    g_assert_false(log_set_file("/nonexistent-dir/log.txt", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot open log file '/nonexistent-dir/log.txt': "
                    "No such file or directory");
    error_free(err);
}

static void test_help(void)
{
    g_autofree char *out = NULL;

    capture_start();
    log_print_help();
    out = capture_stop();
    g_assert_true(g_str_has_prefix(out, "Log items (comma separated):\n"
                                             "guest_errors  the guest did "));
    g_assert_nonnull(strstr(out, "\nunimp         "));
    g_assert_nonnull(strstr(out, "\nkvm           "));
    g_assert_nonnull(strstr(out, "\nqmp           "));
    g_assert_nonnull(strstr(out, "\nmigration     "));
}

typedef struct {
    int id;
} Writer;

static gpointer write_lines(gpointer opaque)
{
    Writer *w = opaque;
    int i;

    for (i = 0; i < 500; i++) {
        log_mask(LOG_KVM, "thread %d line %d\n", w->id, i);
    }
    return NULL;
}

static void test_threads(void)
{
    g_autofree char *dir = g_dir_make_tmp("kvmini-log-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "log.txt", NULL);
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;
    Writer writers[4];
    GThread *threads[4];
    int i, n = 0;

    g_assert_true(log_set_file(path, &error_abort));
    log_set_mask(LOG_KVM);
    for (i = 0; i < 4; i++) {
        writers[i].id = i;
        threads[i] = g_thread_new("writer", write_lines, &writers[i]);
    }
    for (i = 0; i < 4; i++) {
        g_thread_join(threads[i]);
    }
    log_close();
    log_set_mask(0);

    /* Every line arrives whole: messages from threads never interleave. */
    contents = read_file(path);
    lines = g_strsplit(contents, "\n", -1);
    for (i = 0; lines[i] && lines[i][0]; i++, n++) {
        int id, line;

        g_assert_cmpint(sscanf(lines[i], "thread %d line %d", &id, &line),
                        ==, 2);
    }
    g_assert_cmpint(n, ==, 2000);
    g_unlink(path);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/log/parse-items", test_parse_items);
    g_test_add_func("/util/log/parse-errors", test_parse_errors);
    g_test_add_func("/util/log/unknown-hint", test_unknown_hint);
    g_test_add_func("/util/log/file", test_file);
    g_test_add_func("/util/log/file-error", test_file_error);
    g_test_add_func("/util/log/help", test_help);
    g_test_add_func("/util/log/threads", test_threads);
    return g_test_run();
}
