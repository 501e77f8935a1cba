/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-qemuopts.c: libFuzzer target for the command-line parsers: QemuOpts,
 * keyval and the qemu_strto*() number and size parsers. The input is one
 * option string (up to its first NUL). Successful parses are checked for
 * invariants; everything is freed so that leaks are reported.
 */
#include "osdep.h"

#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "util/cutils.h"
#include "util/error.h"
#include "util/error-report.h"
#include "util/keyval.h"
#include "util/qemu-option.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static QemuOptsList fuzz_opts = {
    .name = "fuzz",
    .implied_opt_name = "driver",
    .desc = {
        { .name = "driver", .type = QEMU_OPT_STRING, .help = "a string" },
        { .name = "flag", .type = QEMU_OPT_BOOL, .def_value_str = "on" },
        { .name = "count", .type = QEMU_OPT_NUMBER },
        { .name = "size", .type = QEMU_OPT_SIZE, .def_value_str = "1M" },
        { /* end */ }
    },
};

static QemuOptsList fuzz_merge_opts = {
    .name = "fuzz-merge",
    .implied_opt_name = "size",
    .merge_lists = true,
    .desc = {
        { .name = "type", .type = QEMU_OPT_STRING },
        { .name = "flag", .type = QEMU_OPT_BOOL },
        { .name = "count", .type = QEMU_OPT_NUMBER },
        { .name = "size", .type = QEMU_OPT_SIZE },
        { /* end */ }
    },
};

static QemuOptsList fuzz_any_opts = {
    .name = "fuzz-any",
    .implied_opt_name = "driver",
    .desc = {
        { /* end */ }
    },
};

/* Output of the noisy parser and of help goes nowhere. */
static void discard_print(void *opaque, const char *text)
{
}

/* The typed getters read back exactly what the checks let in. */
static void check_getters(const QemuOpts *opts, const QemuOptsList *list)
{
    const QemuOptDesc *desc;
    const char *str;
    uint64_t num;
    bool flag;

    for (desc = list->desc; desc->name; desc++) {
        str = qemu_opt_get(opts, desc->name);
        switch (desc->type) {
        case QEMU_OPT_STRING:
            break;
        case QEMU_OPT_BOOL:
            flag = qemu_opt_get_bool(opts, desc->name, false);
            g_assert(!str || qemu_parse_bool(str, &flag));
            g_assert(!str || flag == qemu_opt_get_bool(opts, desc->name, !flag));
            break;
        case QEMU_OPT_NUMBER:
            qemu_opt_get_number(opts, desc->name, 0);
            g_assert(!str || !qemu_strtou64(str, NULL, 0, &num));
            g_assert(!str ||
                     num == qemu_opt_get_number(opts, desc->name, ~num));
            break;
        case QEMU_OPT_SIZE:
            qemu_opt_get_size(opts, desc->name, 0);
            g_assert(!str || !qemu_strtosz(str, NULL, &num));
            g_assert(!str || num == qemu_opt_get_size(opts, desc->name, ~num));
            break;
        }
    }
    /* Unchecked keys: any value, any getter, no crash. */
    qemu_opt_get_bool(opts, "driver", true);
    qemu_opt_get_number(opts, "driver", 1);
    qemu_opt_get_size(opts, "driver", 2);
    qemu_opt_get(opts, "no-such-key");
}

/*
 * QDict round trip: a QemuOpts rebuilt from qemu_opts_to_qdict() converts
 * back to an equal QDict. Deletes @opts (the rebuilt one as well).
 */
static void check_round_trip(QemuOptsList *list, QemuOpts *opts)
{
    g_autoptr(QDict) first = qemu_opts_to_qdict(opts, NULL);
    g_autoptr(QDict) second = NULL;
    const QDictEntry *e;

    for (e = qdict_first(first); e; e = qdict_next(first, e)) {
        g_assert(qobject_to(QString, qdict_entry_value(e)));
    }
    qemu_opts_del(opts);
    opts = qemu_opts_from_qdict(list, first, &error_abort);
    second = qemu_opts_to_qdict(opts, NULL);
    g_assert(qobject_is_equal(QOBJECT(first), QOBJECT(second)));
    qemu_opts_del(opts);
}

static void fuzz_opts_parse(QemuOptsList *list, const char *str, bool abbrev)
{
    g_autoptr(Error) err = NULL;
    QemuOpts *opts = qemu_opts_parse(list, str, abbrev, &err);

    g_assert(!opts != !err);
    if (!opts) {
        g_assert(error_get_pretty(err)[0]);
        return;
    }
    check_getters(opts, list);
    if (list->desc[0].name) {
        g_assert(qemu_opts_validate(opts, list->desc, &error_abort));
    } else {
        qemu_opts_validate(opts, fuzz_opts.desc, NULL);
    }
    check_round_trip(list, opts);
}

/* Leaves are QStrings, lists are non-empty, nothing else appears. */
static void check_keyval_tree(const QObject *obj, int depth)
{
    const QDictEntry *e;
    const QListEntry *le;
    const QDict *dict;
    const QList *list;

    g_assert(depth <= 65);
    switch (qobject_type(obj)) {
    case QTYPE_QSTRING:
        return;
    case QTYPE_QDICT:
        dict = qobject_to(QDict, obj);
        g_assert(depth == 0 || qdict_size(dict));
        for (e = qdict_first(dict); e; e = qdict_next(dict, e)) {
            g_assert(qdict_entry_key(e)[0]);
            check_keyval_tree(qdict_entry_value(e), depth + 1);
        }
        return;
    case QTYPE_QLIST:
        list = qobject_to(QList, obj);
        g_assert(!qlist_empty(list));
        for (le = qlist_first(list); le; le = qlist_next(le)) {
            check_keyval_tree(qlist_entry_obj(le), depth + 1);
        }
        return;
    default:
        g_assert_not_reached();
    }
}

static void fuzz_keyval(const char *str, const char *implied, bool *help)
{
    g_autoptr(Error) err = NULL;
    g_autoptr(QDict) qdict = keyval_parse(str, implied, help, &err);

    g_assert(!qdict != !err);
    if (qdict) {
        check_keyval_tree(QOBJECT(qdict), 0);
    }
}

/* qemu_strtoi64() and qemu_strtou64() agree with the C library. */
static void fuzz_integers(const char *str, int base)
{
    const char *end, *p = str;
    char *c_end;
    long long c_i64;
    unsigned long long c_u64;
    int64_t i64;
    uint64_t u64;
    int ret, c_errno;

    ret = qemu_strtoi64(str, &end, base, &i64);
    errno = 0;
    c_i64 = strtoll(str, &c_end, base);
    c_errno = errno;
    g_assert(end == c_end);
    if (c_end == str) {
        g_assert(ret == -EINVAL);
    } else {
        g_assert(ret == (c_errno == ERANGE ? -ERANGE : 0));
        g_assert(i64 == c_i64);
    }

    ret = qemu_strtou64(str, &end, base, &u64);
    errno = 0;
    c_u64 = strtoull(str, &c_end, base);
    c_errno = errno;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
        p++;
    }
    if (*p == '-' || c_end == str) {
        g_assert(ret == -EINVAL && end == str);
    } else {
        g_assert(end == c_end);
        g_assert(ret == (c_errno == ERANGE ? -ERANGE : 0));
        g_assert(u64 == c_u64);
    }
    if (!ret) {
        g_assert(!qemu_strtou64(str, NULL, base, &u64) == !*end);
    }
}

/* A size parsed with an end pointer reads the same from just that prefix. */
static void fuzz_size(int (*parse)(const char *, const char **, uint64_t *),
                      const char *str)
{
    g_autofree char *prefix = NULL;
    const char *end;
    uint64_t value, again;
    int ret, ret2;

    ret = parse(str, &end, &value);
    if (ret == -EINVAL) {
        g_assert(end == str);
        g_assert(parse(str, NULL, &value) == -EINVAL);
        return;
    }
    prefix = g_strndup(str, end - str);
    ret2 = parse(prefix, NULL, &again);
    g_assert(ret == ret2 && value == again);
    g_assert(!ret || value == UINT64_MAX);
}

/*
 * Sizes against integers: without suffix, a decimal integer is that many
 * bytes (or MiB), and a fraction adds less than one unit to its integer part.
 */
static void fuzz_size_vs_integer(const char *str)
{
    size_t int_len = strspn(str, "0123456789");
    g_autofree char *int_part = g_strndup(str, int_len);
    const char *frac = str + int_len;
    uint64_t bytes, mib, integer;
    int ret, ret_mib;

    /* Only "DIGITS" and "DIGITS.DIGITS". */
    if (!int_len || qemu_strtou64(int_part, NULL, 10, &integer)) {
        return;
    }
    if (frac[0] && (frac[0] != '.' || !frac[1] ||
                    strspn(frac + 1, "0123456789") != strlen(frac + 1))) {
        return;
    }
    ret = qemu_strtosz(str, NULL, &bytes);
    ret_mib = qemu_strtosz_MiB(str, NULL, &mib);
    g_assert(ret == 0 && bytes == integer);
    if (integer >> 44) {
        g_assert(ret_mib == -ERANGE && mib == UINT64_MAX);
    } else {
        g_assert(ret_mib == 0 && mib >= integer << 20);
        g_assert(mib - (integer << 20) < (1 << 20));
        g_assert(frac[0] || mib == integer << 20);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *str = g_strndup((const char *)data, size);
    bool help;

    error_set_printer(discard_print, NULL);

    fuzz_opts_parse(&fuzz_opts, str, true);
    fuzz_opts_parse(&fuzz_opts, str, false);
    fuzz_opts_parse(&fuzz_any_opts, str, true);
    /* Merge twice: the second parse adds to the first one's QemuOpts. */
    qemu_opts_parse(&fuzz_merge_opts, str, true, NULL);
    fuzz_opts_parse(&fuzz_merge_opts, str, true);
    qemu_opts_del(qemu_opts_parse_noisily(&fuzz_any_opts, str, false));
    qemu_opts_print_help(&fuzz_opts, true);
    qemu_opts_reset(&fuzz_opts);
    qemu_opts_reset(&fuzz_merge_opts);
    qemu_opts_reset(&fuzz_any_opts);

    fuzz_keyval(str, NULL, NULL);
    fuzz_keyval(str, NULL, &help);
    fuzz_keyval(str, "driver", NULL);
    fuzz_keyval(str, "qom-type", &help);

    fuzz_integers(str, 0);
    fuzz_integers(str, 10);
    fuzz_integers(str, 16);
    fuzz_size(qemu_strtosz, str);
    fuzz_size(qemu_strtosz_MiB, str);
    fuzz_size_vs_integer(str);

    error_set_printer(NULL, NULL);
    return 0;
}
