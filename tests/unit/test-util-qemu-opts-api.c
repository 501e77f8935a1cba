/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-util-qemu-opts-api.c: QemuOpts getters, setters, loops, QDicts and help. */
#include "osdep.h"

#include "qobject/qbool.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "util/error-report.h"
#include "util/qemu-option.h"
#include "capture.h"
#include "qemu-opts-fixtures.h"

static void test_get_defaults(void)
{
    QemuOpts *opts = qemu_opts_parse(&test_opts, "", false, &error_abort);

    g_assert_cmpstr(qemu_opt_get(opts, "label"), ==, "none");
    g_assert_null(qemu_opt_get(opts, "driver"));
    g_assert_null(qemu_opt_get(opts, "unknown"));
    /* The descriptor's default wins over the caller's. */
    g_assert_false(qemu_opt_get_bool(opts, "share", true));
    g_assert_cmpuint(qemu_opt_get_size(opts, "mem", 7), ==, 1 << 20);
    g_assert_cmpuint(qemu_opt_get_number(opts, "count", 7), ==, 7);
    g_assert_cmpuint(qemu_opt_get_number(opts, "unknown", 8), ==, 8);
    g_assert_true(qemu_opt_get_bool(opts, "unknown", true));
    /* A set value wins over both. */
    qemu_opt_set(opts, "share", "yes", &error_abort);
    qemu_opt_set(opts, "label", "x", &error_abort);
    g_assert_true(qemu_opt_get_bool(opts, "share", false));
    g_assert_cmpstr(qemu_opt_get(opts, "label"), ==, "x");
    qemu_opts_reset(&test_opts);
}

/* Keys no descriptor checked are parsed by the getter, or give the default. */
static void test_get_unchecked(void)
{
    QemuOpts *opts = qemu_opts_parse(&device_opts,
                                     "size=1K,flag=yes,n=0x10,bad=zz,neg=-1",
                                     false, &error_abort);

    g_assert_cmpuint(qemu_opt_get_size(opts, "size", 0), ==, 1024);
    g_assert_true(qemu_opt_get_bool(opts, "flag", false));
    g_assert_cmpuint(qemu_opt_get_number(opts, "n", 0), ==, 16);
    g_assert_cmpuint(qemu_opt_get_number(opts, "bad", 5), ==, 5);
    g_assert_cmpuint(qemu_opt_get_size(opts, "bad", 6), ==, 6);
    g_assert_true(qemu_opt_get_bool(opts, "bad", true));
    g_assert_cmpuint(qemu_opt_get_number(opts, "neg", 9), ==, 9);
    qemu_opts_reset(&device_opts);
}

static void test_set(void)
{
    QemuOpts *opts = qemu_opts_create(&test_opts, NULL, false, &error_abort);
    QemuOpts *dev = qemu_opts_create(&device_opts, NULL, false, &error_abort);
    g_autofree char *dump = NULL;
    Error *err = NULL;

    g_assert_true(qemu_opt_set(opts, "label", "a,b", &error_abort));
    g_assert_true(qemu_opt_set_bool(opts, "share", true, &error_abort));
    g_assert_true(qemu_opt_set_number(opts, "count", UINT64_MAX,
                                      &error_abort));
    g_assert_true(qemu_opt_set_number(opts, "mem", 4096, &error_abort));
    g_assert_true(qemu_opt_set(dev, "any-key.x", "1", &error_abort));

    g_assert_false(qemu_opt_set(opts, "foo", "1", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'foo'");
    error_free_or_abort(&err);
    g_assert_false(qemu_opt_set(opts, "mem", "x", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "invalid size 'x' for parameter 'mem'");
    error_free_or_abort(&err);
    g_assert_false(qemu_opt_set_bool(opts, "mem", true, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "invalid size 'on' for parameter 'mem'");
    error_free_or_abort(&err);
    g_assert_false(qemu_opt_set(dev, "id", "d0", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'id'");
    error_free_or_abort(&err);
    g_assert_false(qemu_opt_set(dev, "a=b", "1", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter name 'a=b'");
    error_free_or_abort(&err);
    g_assert_false(qemu_opt_set(dev, "", "1", NULL));

    dump = opts_dump(opts);
    g_assert_cmpstr(dump, ==, "label=a,b;share=on;"
                    "count=18446744073709551615;mem=4096;");
    g_assert_cmpuint(qemu_opt_get_number(opts, "count", 0), ==, UINT64_MAX);
    qemu_opts_reset(&test_opts);
    qemu_opts_reset(&device_opts);
}

static void test_unset(void)
{
    QemuOpts *opts = qemu_opts_parse(&test_opts, "label=a,count=1,label=b",
                                     false, &error_abort);
    g_autofree char *dump = NULL;

    g_assert_true(qemu_opt_unset(opts, "label"));
    g_assert_false(qemu_opt_unset(opts, "label"));
    g_assert_false(qemu_opt_unset(opts, "share"));
    /* Back to the default. */
    g_assert_cmpstr(qemu_opt_get(opts, "label"), ==, "none");
    dump = opts_dump(opts);
    g_assert_cmpstr(dump, ==, "count=1;");
    qemu_opts_reset(&test_opts);
}

static int stop_at_b(void *opaque, const char *name, const char *value,
                     Error **errp)
{
    g_string_append(opaque, name);
    if (!strcmp(name, "b")) {
        error_setg(errp, "stopped at '%s'", value);
        return -1;
    }
    return 0;
}

static void test_opt_foreach(void)
{
    QemuOpts *opts = qemu_opts_parse(&device_opts, "a=1,b=2,c=3", false,
                                     &error_abort);
    g_autoptr(GString) seen = g_string_new(NULL);
    Error *err = NULL;

    g_assert_cmpint(qemu_opt_foreach(opts, stop_at_b, seen, &err), ==, -1);
    g_assert_cmpstr(seen->str, ==, "ab");
    g_assert_cmpstr(error_get_pretty(err), ==, "stopped at '2'");
    error_free(err);
    qemu_opts_reset(&device_opts);
}

/* Deletes each QemuOpts it sees; fails on the one with id "stop". */
static int del_until_stop(void *opaque, QemuOpts *opts, Error **errp)
{
    if (!g_strcmp0(qemu_opts_id(opts), "stop")) {
        error_setg(errp, "found '%s'", qemu_opts_id(opts));
        return 7;
    }
    qemu_opts_del(opts);
    return 0;
}

static void test_opts_foreach(void)
{
    Error *err = NULL;

    qemu_opts_parse(&device_opts, "id=a", false, &error_abort);
    qemu_opts_parse(&device_opts, "id=b", false, &error_abort);
    qemu_opts_parse(&device_opts, "id=stop", false, &error_abort);
    qemu_opts_parse(&device_opts, "id=c", false, &error_abort);
    g_assert_cmpint(qemu_opts_foreach(&device_opts, del_until_stop, NULL,
                                      &err), ==, 7);
    g_assert_cmpstr(error_get_pretty(err), ==, "found 'stop'");
    error_free(err);
    g_assert_cmpint(opts_count(&device_opts), ==, 2);
    g_assert_nonnull(qemu_opts_find(&device_opts, "c"));
    qemu_opts_reset(&device_opts);
}

static void test_to_qdict(void)
{
    QemuOpts *opts = qemu_opts_parse(&test_opts,
                                     "ram,id=m0,count=1,share,count=2", true,
                                     &error_abort);
    g_autoptr(QDict) qdict = qemu_opts_to_qdict(opts, NULL);
    g_autoptr(QDict) into = qdict_new();
    const QDictEntry *e;
    GString *keys = g_string_new(NULL);

    for (e = qdict_first(qdict); e; e = qdict_next(qdict, e)) {
        g_assert_nonnull(qobject_to(QString, qdict_entry_value(e)));
        g_string_append_printf(keys, "%s=%s;", qdict_entry_key(e),
                               qdict_get_str(qdict, qdict_entry_key(e)));
    }
    g_assert_cmpstr(keys->str, ==, "id=m0;driver=ram;count=2;share=on;");
    g_string_free(keys, true);

    /* Into an existing dict: its keys stay unless replaced. */
    qdict_put_str(into, "count", "old");
    qdict_put_int(into, "other", 1);
    g_assert_true(qemu_opts_to_qdict(opts, into) == into);
    g_assert_cmpstr(qdict_get_str(into, "count"), ==, "2");
    g_assert_cmpint(qdict_get_int(into, "other"), ==, 1);
    g_assert_cmpuint(qdict_size(into), ==, 5);
    qemu_opts_reset(&test_opts);
}

static void test_from_qdict(void)
{
    g_autoptr(QDict) qdict = qdict_new();
    QemuOpts *opts;
    g_autofree char *dump = NULL;

    qdict_put_str(qdict, "driver", "ram");
    qdict_put_str(qdict, "id", "m0");
    qdict_put_bool(qdict, "share", true);
    qdict_put_int(qdict, "count", 5);
    qdict_put(qdict, "mem", qnum_from_double(1.5));
    qdict_put(qdict, "label", qnum_from_uint(UINT64_MAX));
    opts = qemu_opts_from_qdict(&test_opts, qdict, &error_abort);
    g_assert_cmpstr(qemu_opts_id(opts), ==, "m0");
    dump = opts_dump(opts);
    g_assert_cmpstr(dump, ==, "driver=ram;share=on;count=5;mem=1.5;"
                    "label=18446744073709551615;");
    g_assert_cmpuint(qemu_opt_get_size(opts, "mem", 0), ==, 1);
    qemu_opts_reset(&test_opts);
}

static void check_from_qdict_error(QDict *qdict, const char *msg)
{
    int before = opts_count(&test_opts);
    Error *err = NULL;

    g_assert_null(qemu_opts_from_qdict(&test_opts, qdict, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    g_assert_cmpint(opts_count(&test_opts), ==, before);
    qobject_unref(qdict);
}

static void test_from_qdict_errors(void)
{
    QDict *qdict;

    qemu_opts_create(&test_opts, "m0", true, &error_abort);
    qdict = qdict_new();
    qdict_put_str(qdict, "id", "m0");
    qdict_put_str(qdict, "driver", "ram");
    check_from_qdict_error(qdict, "Duplicate ID 'm0' for test");

    qdict = qdict_new();
    qdict_put_int(qdict, "id", 1);
    check_from_qdict_error(qdict, "Parameter 'id' expects an identifier");

    qdict = qdict_new();
    qdict_put_str(qdict, "id", "1");
    check_from_qdict_error(qdict, "Parameter 'id' expects an identifier");

    qdict = qdict_new();
    qdict_put_int(qdict, "count", -1);
    check_from_qdict_error(qdict, "invalid number '-1' for parameter 'count'");

    qdict = qdict_new();
    qdict_put(qdict, "count", qnum_from_double(2.0));
    check_from_qdict_error(qdict, "invalid number '2.0' for parameter 'count'");

    qdict = qdict_new();
    qdict_put_str(qdict, "driver", "ram");
    qdict_put(qdict, "label", qlist_new());
    check_from_qdict_error(qdict, "Parameter 'label' must be a string, "
                           "number or boolean");

    qdict = qdict_new();
    qdict_put_null(qdict, "label");
    check_from_qdict_error(qdict, "Parameter 'label' must be a string, "
                           "number or boolean");

    qdict = qdict_new();
    qdict_put_str(qdict, "foo", "1");
    check_from_qdict_error(qdict, "Invalid parameter 'foo'");
    qemu_opts_reset(&test_opts);
}

static void check_round_trip(QemuOptsList *list, const char *params)
{
    QemuOpts *opts = qemu_opts_parse(list, params, true, &error_abort);
    g_autoptr(QDict) first = qemu_opts_to_qdict(opts, NULL);
    g_autoptr(QDict) second = NULL;

    qemu_opts_del(opts);
    opts = qemu_opts_from_qdict(list, first, &error_abort);
    second = qemu_opts_to_qdict(opts, NULL);
    g_assert_true(qobject_is_equal(QOBJECT(first), QOBJECT(second)));
    qemu_opts_reset(list);
}

static void test_qdict_round_trip(void)
{
    check_round_trip(&test_opts, "ram,id=m0,share,count=0x10,mem=1.5K,"
                     "label=a,,b,count=3");
    check_round_trip(&test_opts, "");
    check_round_trip(&device_opts, "virtio-blk,drive.x=y,help");
    check_round_trip(&machine_opts, "virt,accel=kvm,accel=tcg");
}

static void test_validate(void)
{
    static const QemuOptDesc desc[] = {
        { .name = "driver", .type = QEMU_OPT_STRING },
        { .name = "size", .type = QEMU_OPT_SIZE },
        { .name = "on", .type = QEMU_OPT_BOOL },
        { /* end */ }
    };
    QemuOpts *opts;
    g_autofree char *dump = NULL;
    Error *err = NULL;

    opts = qemu_opts_parse(&device_opts, "virtio,size=1K,on=y", true,
                           &error_abort);
    g_assert_true(qemu_opts_validate(opts, desc, &error_abort));
    qemu_opts_del(opts);

    opts = qemu_opts_parse(&device_opts, "virtio,size=12X", true,
                           &error_abort);
    g_assert_false(qemu_opts_validate(opts, desc, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "invalid size '12X' for parameter 'size'");
    g_assert_cmpstr(error_get_hint(err), ==, SIZE_HINT);
    error_free_or_abort(&err);
    dump = opts_dump(opts);
    g_assert_cmpstr(dump, ==, "driver=virtio;size=12X;");
    qemu_opts_del(opts);

    opts = qemu_opts_parse(&device_opts, "virtio,foo=1", true, &error_abort);
    g_assert_false(qemu_opts_validate(opts, desc, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'foo'");
    error_free_or_abort(&err);
    qemu_opts_reset(&device_opts);
}

static void test_print_help(void)
{
    g_autofree char *out = NULL;

    capture_start();
    qemu_opts_print_help(&test_opts, true);
    qemu_opts_print_help(&machine_opts, false);
    qemu_opts_print_help(&device_opts, true);
    out = capture_stop();
    g_assert_cmpstr(out, ==,
                    "test options:\n"
                    "  driver=<str>           - backend driver\n"
                    "  share=<bool (on/off)>  - share the memory (default: off)\n"
                    "  count=<num>\n"
                    "  mem=<size>             - memory size (default: 1M)\n"
                    "  label=<str>            - (default: none)\n"
                    "  type=<str>\n"
                    "  accel=<str>\n"
                    "  dump-guest-core=<bool (on/off)>\n"
                    "device options:\n"
                    "  There are no options.\n");
}

static void test_registry(void)
{
    Error *err = NULL;

    qemu_add_opts(&test_opts);
    qemu_add_opts(&device_opts);
    g_assert_true(qemu_find_opts("test") == &test_opts);
    g_assert_true(qemu_find_opts("device") == &device_opts);
    g_assert_true(qemu_find_opts_err("device", &error_abort) == &device_opts);
    g_assert_null(qemu_find_opts("nope"));
    g_assert_null(qemu_find_opts_err("nope", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "There is no option group 'nope'");
    error_free(err);
}

static void test_registry_twice(void)
{
    if (g_test_subprocess()) {
        qemu_add_opts(&machine_opts);
        qemu_add_opts(&machine_opts);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
}

static void test_is_help_option(void)
{
    g_assert_true(is_help_option("help"));
    g_assert_true(is_help_option("?"));
    g_assert_false(is_help_option("HELP"));
    g_assert_false(is_help_option("help "));
    g_assert_false(is_help_option(""));
    g_assert_false(is_help_option(NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/qemu-opts/get-defaults", test_get_defaults);
    g_test_add_func("/util/qemu-opts/get-unchecked", test_get_unchecked);
    g_test_add_func("/util/qemu-opts/set", test_set);
    g_test_add_func("/util/qemu-opts/unset", test_unset);
    g_test_add_func("/util/qemu-opts/opt-foreach", test_opt_foreach);
    g_test_add_func("/util/qemu-opts/opts-foreach", test_opts_foreach);
    g_test_add_func("/util/qemu-opts/to-qdict", test_to_qdict);
    g_test_add_func("/util/qemu-opts/from-qdict", test_from_qdict);
    g_test_add_func("/util/qemu-opts/from-qdict-errors",
                    test_from_qdict_errors);
    g_test_add_func("/util/qemu-opts/qdict-round-trip", test_qdict_round_trip);
    g_test_add_func("/util/qemu-opts/validate", test_validate);
    g_test_add_func("/util/qemu-opts/print-help", test_print_help);
    g_test_add_func("/util/qemu-opts/registry", test_registry);
    g_test_add_func("/util/qemu-opts/registry-twice", test_registry_twice);
    g_test_add_func("/util/qemu-opts/is-help-option", test_is_help_option);
    return g_test_run();
}
