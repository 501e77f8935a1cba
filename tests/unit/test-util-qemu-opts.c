/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-util-qemu-opts.c: QemuOpts syntax, storage, getters and messages. */
#include "osdep.h"

#include "qobject/qbool.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "util/error-report.h"
#include "util/qemu-option.h"

#define SIZE_HINT \
    "Use a number with an optional suffix B, K, M, G, T, P or E " \
    "(powers of 1024).\n"
#define ID_HINT \
    "Identifiers consist of letters, digits, '-', '.', '_', starting with " \
    "a letter.\n"

/* One key of each type, an implied key and defaults. */
static QemuOptsList test_opts = {
    .name = "test",
    .implied_opt_name = "driver",
    .desc = {
        { .name = "driver", .type = QEMU_OPT_STRING, .help = "backend driver" },
        { .name = "share", .type = QEMU_OPT_BOOL, .help = "share the memory",
          .def_value_str = "off" },
        { .name = "count", .type = QEMU_OPT_NUMBER },
        { .name = "mem", .type = QEMU_OPT_SIZE, .help = "memory size",
          .def_value_str = "1M" },
        { .name = "label", .type = QEMU_OPT_STRING, .def_value_str = "none" },
        { /* end */ }
    },
};

/* Like -machine: later occurrences merge into one QemuOpts. */
static QemuOptsList machine_opts = {
    .name = "machine",
    .implied_opt_name = "type",
    .merge_lists = true,
    .desc = {
        { .name = "type", .type = QEMU_OPT_STRING },
        { .name = "accel", .type = QEMU_OPT_STRING },
        { .name = "dump-guest-core", .type = QEMU_OPT_BOOL },
        { /* end */ }
    },
};

/* Like -device: an empty desc accepts any key; checked later. */
static QemuOptsList device_opts = {
    .name = "device",
    .implied_opt_name = "driver",
    .desc = {
        { /* end */ }
    },
};

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

static GString *captured;

static void capture_print(void *opaque, const char *text)
{
    g_string_append(captured, text);
}

static void capture_start(void)
{
    captured = g_string_new(NULL);
    error_set_printer(capture_print, NULL);
}

/* Stop capturing; returns what was printed (caller frees). */
static char *capture_stop(void)
{
    error_set_printer(NULL, NULL);
    return g_string_free(g_steal_pointer(&captured), false);
}

static int count_one(void *opaque, QemuOpts *opts, Error **errp)
{
    (*(int *)opaque)++;
    return 0;
}

static int opts_count(QemuOptsList *list)
{
    int n = 0;

    qemu_opts_foreach(list, count_one, &n, &error_abort);
    return n;
}

static int append_opt(void *opaque, const char *name, const char *value,
                      Error **errp)
{
    g_string_append_printf(opaque, "%s=%s;", name, value);
    return 0;
}

/* All values of @opts as "name=value;..." in order (caller frees). */
static char *opts_dump(const QemuOpts *opts)
{
    GString *out = g_string_new(NULL);

    qemu_opt_foreach(opts, append_opt, out, &error_abort);
    return g_string_free(out, false);
}

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
