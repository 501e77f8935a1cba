/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-util-error.c: the Error API and error reporting, as a user sees them. */
#include "osdep.h"

#include "util/error.h"
#include "util/error-report.h"
#include "capture.h"

static bool fail_with(int value, Error **errp)
{
    if (value < 0) {
        error_setg(errp, "value %d is negative", value);
        return false;
    }
    return true;
}

static void test_setg(void)
{
    Error *err = NULL;

    g_assert_true(fail_with(1, &err));
    g_assert_null(err);
    g_assert_false(fail_with(-1, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, "value -1 is negative");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    g_assert_null(error_get_hint(err));
    error_free_or_abort(&err);
    g_assert_null(err);

    /* A NULL errp means the caller does not care: nothing is kept. */
    g_assert_false(fail_with(-1, NULL));
}

static void test_set_class(void)
{
    Error *err = NULL;

    error_set(&err, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
              "net0");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'net0' not found");
    error_free(err);
}

static void test_setg_errno(void)
{
    Error *err = NULL;

    errno = 0;
    error_setg_errno(&err, ENOENT, "cannot open '%s'", "/nonexistent");
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot open '/nonexistent': No such file or directory");
    /* Creating an error does not clobber errno. */
    g_assert_cmpint(errno, ==, 0);
    error_free(err);
}

static void test_class_names(void)
{
    static const struct {
        ErrorClass klass;
        const char *name;
    } cases[] = {
        { ERROR_CLASS_GENERIC_ERROR, "GenericError" },
        { ERROR_CLASS_COMMAND_NOT_FOUND, "CommandNotFound" },
        { ERROR_CLASS_DEVICE_NOT_ACTIVE, "DeviceNotActive" },
        { ERROR_CLASS_DEVICE_NOT_FOUND, "DeviceNotFound" },
        { ERROR_CLASS_KVM_MISSING_CAP, "KVMMissingCap" },
    };
    ErrorClass klass;
    size_t i;

    G_STATIC_ASSERT(G_N_ELEMENTS(cases) == ERROR_CLASS_MAX);
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_assert_cmpstr(error_class_name(cases[i].klass), ==, cases[i].name);
        g_assert_true(error_class_from_name(cases[i].name, &klass));
        g_assert_cmpint(klass, ==, cases[i].klass);
    }
    g_assert_false(error_class_from_name("genericerror", &klass));
}

static void test_propagate(void)
{
    Error *err = NULL, *local = NULL, *second = NULL;

    /* Propagating nothing does nothing. */
    error_propagate(&err, NULL);
    g_assert_null(err);

    error_setg(&local, "first");
    error_propagate(&err, local);
    g_assert_cmpstr(error_get_pretty(err), ==, "first");

    /* The first error wins; the second is freed (valgrind checks that). */
    error_setg(&second, "second");
    error_propagate(&err, second);
    g_assert_cmpstr(error_get_pretty(err), ==, "first");
    error_free(err);

    /* Propagating into NULL frees. */
    local = NULL;
    error_setg(&local, "dropped");
    error_propagate(NULL, local);
}

static void test_prepend(void)
{
    Error *err = NULL, *local = NULL;

    error_setg(&err, "invalid size '12X'");
    error_prepend(&err, "-m %s: ", "12X");
    g_assert_cmpstr(error_get_pretty(err), ==, "-m 12X: invalid size '12X'");
    error_free(err);
    err = NULL;

    /* Nothing to prepend to: no effect, no crash. */
    error_prepend(&err, "ignored: ");
    g_assert_null(err);
    error_prepend(NULL, "ignored: ");

    error_setg(&local, "is busy");
    error_propagate_prepend(&err, local, "device '%s' ", "d0");
    g_assert_cmpstr(error_get_pretty(err), ==, "device 'd0' is busy");
    error_free(err);
}

static void test_hint(void)
{
    Error *err = NULL;

    error_append_hint(&err, "no error yet, so no hint\n");
    g_assert_null(err);
    error_setg(&err, "invalid id 'x y'");
    error_append_hint(&err, "Identifiers consist of letters, digits, ");
    error_append_hint(&err, "'-', '.', '_'\n");
    g_assert_cmpstr(error_get_hint(err), ==,
                    "Identifiers consist of letters, digits, '-', '.', '_'\n");
    error_free(err);
}

static void test_copy(void)
{
    Error *err = NULL, *copy;

    error_set(&err, ERROR_CLASS_KVM_MISSING_CAP, "no irqchip");
    error_append_hint(&err, "load kvm\n");
    copy = error_copy(err);
    error_free(err);
    g_assert_cmpstr(error_get_pretty(copy), ==, "no irqchip");
    g_assert_cmpstr(error_get_hint(copy), ==, "load kvm\n");
    g_assert_cmpint(error_get_class(copy), ==, ERROR_CLASS_KVM_MISSING_CAP);
    error_free(copy);
    error_free(NULL);
}

/* A function using ERRP_GUARD to read *errp after a call that may fail. */
static bool guarded(int value, Error **errp)
{
    ERRP_GUARD();

    fail_with(value, errp);
    if (*errp) {
        error_prepend(errp, "guarded: ");
        error_append_hint(errp, "try a positive value\n");
        return false;
    }
    return true;
}

static void test_errp_guard(void)
{
    Error *err = NULL;

    g_assert_true(guarded(1, &err));
    g_assert_null(err);
    g_assert_false(guarded(-2, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "guarded: value -2 is negative");
    g_assert_cmpstr(error_get_hint(err), ==, "try a positive value\n");
    error_free(err);

    /* With a NULL errp the guard still lets the function read *errp. */
    g_assert_false(guarded(-3, NULL));
}

static void test_errp_guard_fatal(void)
{
    if (g_test_subprocess()) {
        error_set_progname("kvmini");
        guarded(-4, &error_fatal);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    /* The prefix and the hint reach the user even through &error_fatal. */
    g_test_trap_assert_stderr("kvmini: guarded: value -4 is negative\n"
                              "try a positive value\n");
}

static void test_fatal(void)
{
    if (g_test_subprocess()) {
        error_set_progname("kvmini");
        fail_with(-5, &error_fatal);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("kvmini: value -5 is negative\n");
}

static void test_abort(void)
{
    if (g_test_subprocess()) {
        error_set_progname("kvmini");
        fail_with(-6, &error_abort);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("kvmini: unexpected error in fail_with() at "
                              "*test-util-error.c:*: value -6 is negative\n");
}

static void test_report_cmdline(void)
{
    char *argv[] = { "kvmini", "-m", "12X", "-nographic", NULL };
    g_autofree char *out = NULL;
    Location loc;

    error_set_progname("/usr/bin/kvmini");
    capture_start();
    loc_push_none(&loc);
    loc_set_cmdline(argv, 1, 2);
    error_report("invalid size '%s'", "12X");
    warn_report("rounded up");
    info_report("using %d MiB", 16);
    loc_pop(&loc);
    error_report("no location");
    out = capture_stop();
    g_assert_cmpstr(out, ==,
                    "kvmini: -m 12X: invalid size '12X'\n"
                    "kvmini: -m 12X: warning: rounded up\n"
                    "kvmini: -m 12X: info: using 16 MiB\n"
                    "kvmini: no location\n");
}

static void test_report_file(void)
{
    g_autofree char *out = NULL;
    Location loc, saved;

    error_set_progname("kvmini");
    capture_start();
    loc_push_none(&loc);
    loc_set_file("qapi/machine.json", 12);
    error_report("unknown type 'Foo'");
    loc_save(&saved);
    loc_set_file(NULL, 0);
    error_report("whole file");
    loc_restore(&saved);
    error_report("back at the line");
    loc_set_none();
    error_report("none");
    loc_pop(&loc);
    out = capture_stop();
    g_assert_cmpstr(out, ==,
                    "kvmini: qapi/machine.json:12: unknown type 'Foo'\n"
                    "kvmini: qapi/machine.json: whole file\n"
                    "kvmini: qapi/machine.json:12: back at the line\n"
                    "kvmini: none\n");
}

static void test_report_err(void)
{
    g_autofree char *out = NULL;
    Error *err = NULL;

    error_set_progname("kvmini");
    capture_start();
    error_setg(&err, "Parameter 'id' expects an identifier");
    error_append_hint(&err, "Identifiers start with a letter.\n");
    error_report_err(err);
    err = NULL;
    error_setg(&err, "deprecated option");
    warn_report_err(err);
    err = NULL;
    error_setg(&err, "not found");
    error_reportf_err(err, "-chardev %s: ", "id=c0");
    out = capture_stop();
    g_assert_cmpstr(out, ==,
                    "kvmini: Parameter 'id' expects an identifier\n"
                    "Identifiers start with a letter.\n"
                    "kvmini: warning: deprecated option\n"
                    "kvmini: -chardev id=c0: not found\n");
}

/* The printer can be read back, to be restored after a redirection. */
static void test_get_printer(void)
{
    void *opaque = &opaque;

    g_assert_null(error_get_printer(&opaque));
    g_assert_null(opaque);
    capture_start();
    g_assert_true(capture_print == error_get_printer(&opaque));
    g_assert_null(opaque);
    g_free(capture_stop());
    g_assert_null(error_get_printer(&opaque));
}

static void test_autoptr(void)
{
    g_autoptr(Error) err = NULL;

    error_setg(&err, "freed by the cleanup");
    g_assert_nonnull(err);
}

/* Help is output: stdout, not stderr; a printer (monitor, test) still gets it. */
static void test_help_printf(void)
{
    g_autofree char *text = NULL;

    if (g_test_subprocess()) {
        help_printf("List of %s\n", "things");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("List of things\n");
    g_test_trap_assert_stderr("");

    capture_start();
    help_printf("  %s\n", "one");
    text = capture_stop();
    g_assert_cmpstr(text, ==, "  one\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/error/setg", test_setg);
    g_test_add_func("/util/error/set-class", test_set_class);
    g_test_add_func("/util/error/setg-errno", test_setg_errno);
    g_test_add_func("/util/error/class-names", test_class_names);
    g_test_add_func("/util/error/propagate", test_propagate);
    g_test_add_func("/util/error/prepend", test_prepend);
    g_test_add_func("/util/error/hint", test_hint);
    g_test_add_func("/util/error/copy", test_copy);
    g_test_add_func("/util/error/errp-guard", test_errp_guard);
    g_test_add_func("/util/error/errp-guard-fatal", test_errp_guard_fatal);
    g_test_add_func("/util/error/fatal", test_fatal);
    g_test_add_func("/util/error/abort", test_abort);
    g_test_add_func("/util/error/report-cmdline", test_report_cmdline);
    g_test_add_func("/util/error/report-file", test_report_file);
    g_test_add_func("/util/error/report-err", test_report_err);
    g_test_add_func("/util/error/get-printer", test_get_printer);
    g_test_add_func("/util/error/autoptr", test_autoptr);
    g_test_add_func("/util/error/help-printf", test_help_printf);
    return g_test_run();
}
