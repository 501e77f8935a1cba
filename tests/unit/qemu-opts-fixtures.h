/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qemu-opts-fixtures.h: option lists and helpers shared by the QemuOpts
 * tests (test-util-qemu-opts.c and test-util-qemu-opts-api.c).
 */
#ifndef TESTS_QEMU_OPTS_FIXTURES_H
#define TESTS_QEMU_OPTS_FIXTURES_H

#include "util/error.h"
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

#endif /* TESTS_QEMU_OPTS_FIXTURES_H */
