/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-util-qemu-opts.c: QemuOpts syntax, ids, merging and parse errors. */
#include "osdep.h"

#include "util/error.h"
#include "util/error-report.h"
#include "util/qemu-option.h"
#include "capture.h"
#include "qemu-opts-fixtures.h"

/* Like -m, -smp and an on/off option: a typed implied key. */
static QemuOptsList memory_opts = {
    .name = "memory",
    .implied_opt_name = "size",
    .desc = {
        { .name = "size", .type = QEMU_OPT_SIZE },
        { /* end */ }
    },
};

static QemuOptsList smp_opts = {
    .name = "smp",
    .implied_opt_name = "cpus",
    .desc = {
        { .name = "cpus", .type = QEMU_OPT_NUMBER },
        { /* end */ }
    },
};

static QemuOptsList flag_opts = {
    .name = "flag",
    .implied_opt_name = "enable",
    .desc = {
        { .name = "enable", .type = QEMU_OPT_BOOL },
        { /* end */ }
    },
};

/* Parse @params into @list and return its values dumped; @list is reset. */
static char *parse_dump(QemuOptsList *list, const char *params, bool abbrev)
{
    QemuOpts *opts = qemu_opts_parse(list, params, abbrev, &error_abort);
    char *dump = opts_dump(opts);

    qemu_opts_reset(list);
    return dump;
}

/* Parsing @params must fail with @msg (and @hint, if not NULL) and no trace. */
static void check_parse_error(QemuOptsList *list, const char *params,
                              bool abbrev, const char *msg, const char *hint)
{
    int before = opts_count(list);
    Error *err = NULL;

    g_assert_null(qemu_opts_parse(list, params, abbrev, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    g_assert_cmpstr(error_get_hint(err), ==, hint);
    error_free(err);
    g_assert_cmpint(opts_count(list), ==, before);
}

static void test_parse_typed(void)
{
    QemuOpts *opts;

    opts = qemu_opts_parse(&test_opts, "driver=ram,share=on,count=0x10,"
                           "mem=1.5K,label=a b", false, &error_abort);
    g_assert_null(qemu_opts_id(opts));
    g_assert_cmpstr(qemu_opt_get(opts, "driver"), ==, "ram");
    g_assert_true(qemu_opt_get_bool(opts, "share", false));
    g_assert_cmpuint(qemu_opt_get_number(opts, "count", 0), ==, 16);
    g_assert_cmpuint(qemu_opt_get_size(opts, "mem", 0), ==, 1536);
    g_assert_cmpstr(qemu_opt_get(opts, "label"), ==, "a b");
    /* Values are kept as given. */
    g_assert_cmpstr(qemu_opt_get(opts, "count"), ==, "0x10");
    g_assert_false(qemu_opt_has_help_opt(opts));
    g_assert_true(qemu_opts_find(&test_opts, NULL) == opts);
    qemu_opts_reset(&test_opts);
    g_assert_cmpint(opts_count(&test_opts), ==, 0);
}

static void test_parse_syntax(void)
{
    static const struct {
        QemuOptsList *list;
        const char *params;
        bool abbrev;
        const char *dump;
    } cases[] = {
        { &test_opts, "", false, "" },
        { &test_opts, "count=1,", false, "count=1;" },
        /* ",," is a literal comma in a value, also at its ends. */
        { &test_opts, "label=a,,b,,,,c", false, "label=a,b,,c;" },
        { &test_opts, "label=a,,,count=1", false, "label=a,;count=1;" },
        { &test_opts, "label=,,", false, "label=,;" },
        { &test_opts, "label==x", false, "label==x;" },
        { &test_opts, "label=", false, "label=;" },
        /* The implied key takes a first element without '='. */
        { &test_opts, "ram,count=1", true, "driver=ram;count=1;" },
        { &test_opts, "a,,b,count=1", true, "driver=a,b;count=1;" },
        { &test_opts, "a,,b=c", true, "driver=a,b=c;" },
        { &test_opts, "count=1", true, "count=1;" },
        { &test_opts, ",count=1", true, "driver=;count=1;" },
        /* A bare key is key=on. */
        { &test_opts, "share", false, "share=on;" },
        { &test_opts, "ram,share", true, "driver=ram;share=on;" },
        { &device_opts, "virtio", false, "virtio=on;" },
        /* Repeated keys are all kept, in order. */
        { &test_opts, "count=1,count=2", false, "count=1;count=2;" },
        /* An empty desc accepts any well-formed key. */
        { &device_opts, "virtio-blk,drive=d0,file.filename=x,help=on", true,
          "driver=virtio-blk;drive=d0;file.filename=x;help=on;" },
    };
    g_autofree char *dump = NULL;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_free(dump);
        dump = parse_dump(cases[i].list, cases[i].params, cases[i].abbrev);
        if (strcmp(dump, cases[i].dump)) {
            g_error("\"%s\": \"%s\", expected \"%s\"", cases[i].params, dump,
                    cases[i].dump);
        }
    }
}

static void test_parse_repeated(void)
{
    QemuOpts *opts = qemu_opts_parse(&test_opts, "count=1,mem=1K,count=2",
                                     false, &error_abort);
    g_autoptr(QDict) qdict = qemu_opts_to_qdict(opts, NULL);

    /* The last value wins for every reader. */
    g_assert_cmpstr(qemu_opt_get(opts, "count"), ==, "2");
    g_assert_cmpuint(qemu_opt_get_number(opts, "count", 0), ==, 2);
    g_assert_cmpstr(qdict_get_str(qdict, "count"), ==, "2");
    g_assert_cmpuint(qdict_size(qdict), ==, 2);
    qemu_opts_reset(&test_opts);
}

static void test_parse_help(void)
{
    QemuOpts *opts;

    opts = qemu_opts_parse(&test_opts, "help", false, &error_abort);
    g_assert_true(qemu_opt_has_help_opt(opts));
    qemu_opts_del(opts);
    opts = qemu_opts_parse(&test_opts, "?", true, &error_abort);
    g_assert_true(qemu_opt_has_help_opt(opts));
    g_assert_null(qemu_opt_get(opts, "driver"));
    qemu_opts_del(opts);

    /* DRIVER,help: the driver's own help. */
    opts = qemu_opts_parse(&device_opts, "virtio-blk,help", true,
                           &error_abort);
    g_assert_true(qemu_opt_has_help_opt(opts));
    g_assert_cmpstr(qemu_opt_get(opts, "driver"), ==, "virtio-blk");
    qemu_opts_del(opts);

    opts = qemu_opts_parse(&test_opts, "count=1,help", false, &error_abort);
    g_assert_true(qemu_opt_has_help_opt(opts));
    g_assert_cmpuint(qemu_opt_get_number(opts, "count", 0), ==, 1);
    qemu_opts_del(opts);

    /* Not help: an escaped comma, or help=on as a key. */
    opts = qemu_opts_parse(&test_opts, "help,,x", true, &error_abort);
    g_assert_false(qemu_opt_has_help_opt(opts));
    g_assert_cmpstr(qemu_opt_get(opts, "driver"), ==, "help,x");
    qemu_opts_del(opts);
    opts = qemu_opts_parse(&device_opts, "help=on", false, &error_abort);
    g_assert_false(qemu_opt_has_help_opt(opts));
    qemu_opts_del(opts);
    check_parse_error(&test_opts, "help=on", false,
                      "Invalid parameter 'help'", NULL);
    /* Help does not excuse the other elements. */
    check_parse_error(&test_opts, "help,foo=1", false,
                      "Invalid parameter 'foo'", NULL);
    g_assert_cmpint(opts_count(&test_opts), ==, 0);
}

static void test_parse_errors(void)
{
    check_parse_error(&test_opts, "foo=1", false,
                      "Invalid parameter 'foo'", NULL);
    check_parse_error(&test_opts, "ram", false,
                      "Invalid parameter 'ram'", NULL);
    /* The implied key is for the first element only. */
    check_parse_error(&test_opts, "count=1,ram", true,
                      "Invalid parameter 'ram'", NULL);
    check_parse_error(&test_opts, "mem=12X", false,
                      "invalid size '12X' for parameter 'mem'", SIZE_HINT);
    check_parse_error(&test_opts, "mem=", false,
                      "invalid size '' for parameter 'mem'", SIZE_HINT);
    check_parse_error(&test_opts, "mem=16E", false,
                      "size '16E' out of range for parameter 'mem'",
                      "Sizes must be less than 16E (2^64 bytes).\n");
    check_parse_error(&test_opts, "count=abc", false,
                      "invalid number 'abc' for parameter 'count'", NULL);
    check_parse_error(&test_opts, "count=-1", false,
                      "invalid number '-1' for parameter 'count'", NULL);
    check_parse_error(&test_opts, "count", false,
                      "invalid number 'on' for parameter 'count'", NULL);
    check_parse_error(&test_opts, "count=18446744073709551616", false,
                      "number '18446744073709551616' out of range for "
                      "parameter 'count'",
                      "The largest number is 18446744073709551615.\n");
    check_parse_error(&test_opts, "share=maybe", false,
                      "invalid boolean 'maybe' for parameter 'share' "
                      "(use on or off)", NULL);
    check_parse_error(&test_opts, "=x", false,
                      "Empty parameter name at '=x'", NULL);
    check_parse_error(&test_opts, "=x", true,
                      "Empty parameter name at '=x'", NULL);
    check_parse_error(&test_opts, "count=1,=x,share=on", false,
                      "Empty parameter name at '=x,share=on'", NULL);
    check_parse_error(&test_opts, ",count=1", false,
                      "Empty parameter name at ',count=1'", NULL);
    check_parse_error(&device_opts, "share,,x", false,
                      "Empty parameter name at ',x'", NULL);
    check_parse_error(&device_opts, "a b=1", false,
                      "Invalid parameter name 'a b'",
                      "Parameter names consist of letters, digits, '-', '.' "
                      "and '_'.\n");
    check_parse_error(&test_opts, "x$", false,
                      "Invalid parameter name 'x$'",
                      "Parameter names consist of letters, digits, '-', '.' "
                      "and '_'.\n");
    /* The first error wins; nothing of the parse is kept. */
    check_parse_error(&test_opts, "count=1,mem=x,share=maybe", false,
                      "invalid size 'x' for parameter 'mem'", SIZE_HINT);
    g_assert_cmpint(opts_count(&test_opts), ==, 0);
}

/* A value given through the implied key: the user never typed the key. */
static void test_parse_implied_errors(void)
{
    check_parse_error(&memory_opts, "12X", true, "invalid size '12X'",
                      SIZE_HINT);
    check_parse_error(&memory_opts, "16E", true, "size '16E' out of range",
                      "Sizes must be less than 16E (2^64 bytes).\n");
    check_parse_error(&memory_opts, "size=12X", true,
                      "invalid size '12X' for parameter 'size'", SIZE_HINT);
    check_parse_error(&smp_opts, "abc", true, "invalid number 'abc'", NULL);
    check_parse_error(&flag_opts, "maybe", true,
                      "invalid boolean 'maybe' (use on or off)", NULL);
    /* Without permit_abbrev the element is a key. */
    check_parse_error(&memory_opts, "12X", false,
                      "Invalid parameter '12X'", NULL);
}

static void test_parse_memory_report(void)
{
    char *argv[] = { "kvmini", "-m", "12X", NULL };
    g_autofree char *out = NULL;
    QemuOpts *opts;
    Location loc;

    error_set_progname("kvmini");
    capture_start();
    loc_push_none(&loc);
    loc_set_cmdline(argv, 1, 2);
    g_assert_null(qemu_opts_parse_noisily(&memory_opts, argv[2], true));
    opts = qemu_opts_parse_noisily(&memory_opts, "512M", true);
    loc_pop(&loc);
    out = capture_stop();
    g_assert_cmpstr(out, ==, "kvmini: -m 12X: invalid size '12X'\n" SIZE_HINT);
    g_assert_cmpuint(qemu_opt_get_size(opts, "size", 0), ==, 512 << 20);
    qemu_opts_reset(&memory_opts);
}

static void test_id(void)
{
    QemuOpts *opts, *other;

    opts = qemu_opts_parse(&device_opts, "virtio-blk,id=disk.0_a-b", true,
                           &error_abort);
    g_assert_cmpstr(qemu_opts_id(opts), ==, "disk.0_a-b");
    g_assert_null(qemu_opt_get(opts, "id"));
    g_assert_true(qemu_opts_find(&device_opts, "disk.0_a-b") == opts);
    g_assert_null(qemu_opts_find(&device_opts, "disk"));
    g_assert_null(qemu_opts_find(&device_opts, NULL));

    check_parse_error(&device_opts, "virtio-net,id=disk.0_a-b", true,
                      "Duplicate ID 'disk.0_a-b' for device", NULL);
    check_parse_error(&device_opts, "id=0abc", false,
                      "Parameter 'id' expects an identifier", ID_HINT);
    check_parse_error(&device_opts, "id=", false,
                      "Parameter 'id' expects an identifier", ID_HINT);
    check_parse_error(&device_opts, "id=a b", false,
                      "Parameter 'id' expects an identifier", ID_HINT);
    check_parse_error(&device_opts, "id=a,,b", false,
                      "Parameter 'id' expects an identifier", ID_HINT);
    check_parse_error(&device_opts, "id=-a", false,
                      "Parameter 'id' expects an identifier", ID_HINT);

    /* The last id given wins; several QemuOpts may have no id. */
    other = qemu_opts_parse(&device_opts, "id=a,x=1,id=b", false,
                            &error_abort);
    g_assert_cmpstr(qemu_opts_id(other), ==, "b");
    qemu_opts_parse(&device_opts, "x=1", false, &error_abort);
    qemu_opts_parse(&device_opts, "x=2", false, &error_abort);
    g_assert_cmpint(opts_count(&device_opts), ==, 4);
    g_assert_cmpstr(qemu_opt_get(qemu_opts_find(&device_opts, NULL), "x"),
                    ==, "1");

    /* Ids the program makes up are not checked. */
    qemu_opts_set_id(other, g_strdup("#internal"));
    g_assert_true(qemu_opts_find(&device_opts, "#internal") == other);
    g_assert_null(qemu_opts_find(&device_opts, "b"));
    qemu_opts_reset(&device_opts);
}

static void test_create(void)
{
    Error *err = NULL;
    QemuOpts *opts;

    opts = qemu_opts_create(&device_opts, "d0", true, &error_abort);
    g_assert_cmpstr(qemu_opts_id(opts), ==, "d0");
    g_assert_null(qemu_opts_create(&device_opts, "d0", true, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Duplicate ID 'd0' for device");
    error_free_or_abort(&err);
    g_assert_true(qemu_opts_create(&device_opts, "d0", false, &error_abort)
                  == opts);
    g_assert_null(qemu_opts_create(&device_opts, "0d", false, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'id' expects an identifier");
    error_free_or_abort(&err);
    g_assert_true(qemu_opts_create(&device_opts, NULL, true, &error_abort)
                  != qemu_opts_create(&device_opts, NULL, true, &error_abort));
    g_assert_cmpint(opts_count(&device_opts), ==, 3);

    qemu_opts_del(opts);
    qemu_opts_del(NULL);
    g_assert_null(qemu_opts_find(&device_opts, "d0"));
    g_assert_cmpint(opts_count(&device_opts), ==, 2);
    qemu_opts_reset(&device_opts);
    g_assert_cmpint(opts_count(&device_opts), ==, 0);
}

static void test_merge_lists(void)
{
    QemuOpts *opts, *m1;
    g_autofree char *dump = NULL;
    g_autofree char *after = NULL;

    opts = qemu_opts_parse(&machine_opts, "virt,accel=kvm", true,
                           &error_abort);
    g_assert_true(qemu_opts_parse(&machine_opts, "accel=tcg,dump-guest-core",
                                  true, &error_abort) == opts);
    /* Same id (none) again merges instead of failing as a duplicate. */
    g_assert_true(qemu_opts_create(&machine_opts, NULL, true, &error_abort)
                  == opts);
    g_assert_cmpint(opts_count(&machine_opts), ==, 1);
    g_assert_cmpstr(qemu_opt_get(opts, "type"), ==, "virt");
    g_assert_cmpstr(qemu_opt_get(opts, "accel"), ==, "tcg");
    g_assert_true(qemu_opt_get_bool(opts, "dump-guest-core", false));

    /* A failed parse leaves the merged options as they were. */
    dump = opts_dump(opts);
    check_parse_error(&machine_opts, "none,accel=x,dump-guest-core=maybe",
                      true, "invalid boolean 'maybe' for parameter "
                      "'dump-guest-core' (use on or off)", NULL);
    after = opts_dump(opts);
    g_assert_cmpstr(after, ==, dump);

    /* Each id is its own QemuOpts, merged with later ones of that id. */
    m1 = qemu_opts_parse(&machine_opts, "id=m1,type=q35", false,
                         &error_abort);
    g_assert_true(m1 != opts);
    g_assert_true(qemu_opts_parse(&machine_opts, "accel=kvm,id=m1", false,
                                  &error_abort) == m1);
    g_assert_cmpint(opts_count(&machine_opts), ==, 2);
    g_assert_cmpstr(qemu_opt_get(m1, "accel"), ==, "kvm");
    g_assert_cmpstr(qemu_opt_get(opts, "accel"), ==, "tcg");

    /* Help requested by a later occurrence sticks. */
    g_assert_false(qemu_opt_has_help_opt(opts));
    qemu_opts_parse(&machine_opts, "help", true, &error_abort);
    g_assert_true(qemu_opt_has_help_opt(opts));
    qemu_opts_reset(&machine_opts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/qemu-opts/parse-typed", test_parse_typed);
    g_test_add_func("/util/qemu-opts/parse-syntax", test_parse_syntax);
    g_test_add_func("/util/qemu-opts/parse-repeated", test_parse_repeated);
    g_test_add_func("/util/qemu-opts/parse-help", test_parse_help);
    g_test_add_func("/util/qemu-opts/parse-errors", test_parse_errors);
    g_test_add_func("/util/qemu-opts/parse-implied-errors",
                    test_parse_implied_errors);
    g_test_add_func("/util/qemu-opts/parse-memory-report",
                    test_parse_memory_report);
    g_test_add_func("/util/qemu-opts/id", test_id);
    g_test_add_func("/util/qemu-opts/create", test_create);
    g_test_add_func("/util/qemu-opts/merge-lists", test_merge_lists);
    return g_test_run();
}
