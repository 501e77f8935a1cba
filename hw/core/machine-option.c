/* SPDX-License-Identifier: GPL-2.0-or-later */
/* machine-option.c: -m, -smp, -kernel, -initrd, -append, -accel. */
#include "osdep.h"

#include "hw/machine-option.h"
#include "util/cutils.h"
#include "util/error-report.h"
#include "util/error.h"
#include "util/qemu-option.h"

static QemuOptsList memory_opts = {
    .name = "memory",
    .implied_opt_name = "size",
    .merge_lists = true,
    .desc = {
        { .name = "size", .type = QEMU_OPT_STRING,
          .help = "initial amount of guest memory (no suffix: MiB)" },
        { .name = "slots", .type = QEMU_OPT_NUMBER,
          .help = "number of hotplug slots (accepted, no hotplug)" },
        { .name = "maxmem", .type = QEMU_OPT_SIZE,
          .help = "maximum amount of guest memory (accepted, no hotplug)" },
        { /* end of list */ }
    },
};

static QemuOptsList smp_opts = {
    .name = "smp-opts",
    .implied_opt_name = "cpus",
    .merge_lists = true,
    .desc = {
        { .name = "cpus", .type = QEMU_OPT_NUMBER },
        { .name = "maxcpus", .type = QEMU_OPT_NUMBER },
        { .name = "sockets", .type = QEMU_OPT_NUMBER },
        { .name = "dies", .type = QEMU_OPT_NUMBER },
        { .name = "cores", .type = QEMU_OPT_NUMBER },
        { .name = "threads", .type = QEMU_OPT_NUMBER },
        { /* end of list */ }
    },
};

static QemuOptsList accel_opts = {
    .name = "accel",
    .implied_opt_name = "accel",
    .desc = {
        { .name = "accel", .type = QEMU_OPT_STRING },
        { /* end of list */ }
    },
};

/* Parse @arg into a fresh QemuOpts of @list (freed by the caller). */
static QemuOpts *machine_option_parse(QemuOptsList *list, const char *arg,
                                      Error **errp)
{
    qemu_opts_reset(list);
    return qemu_opts_parse(list, arg, true, errp);
}

bool machine_option_memory(const char *arg, MachineCmdline *cmd, Error **errp)
{
    QemuOpts *opts = machine_option_parse(&memory_opts, arg, errp);
    const char *size;

    if (!opts) {
        return false;
    }
    size = qemu_opt_get(opts, "size");
    if (!size || 0 > qemu_strtosz_MiB(size, NULL, &cmd->ram_size)) {
        error_setg(errp, "invalid size '%s'", size ? size : "");
        error_append_hint(errp, "Use a number with an optional suffix B, K, "
                          "M, G, T, P or E (powers of 1024; none: M).\n");
        qemu_opts_reset(&memory_opts);
        return false;
    }
    qemu_opts_reset(&memory_opts);
    if (!cmd->ram_size) {
        error_setg(errp, "RAM size must be greater than zero");
        return false;
    }
    return true;
}

bool machine_option_smp(const char *arg, MachineCmdline *cmd, Error **errp)
{
    static const char *const keys[] = {
        "cpus", "maxcpus", "sockets", "dies", "cores", "threads",
    };
    QemuOpts *opts = machine_option_parse(&smp_opts, arg, errp);
    uint64_t product = 1;
    uint64_t cpus;
    size_t i;

    if (!opts) {
        return false;
    }
    for (i = 0; i < G_N_ELEMENTS(keys); i++) {
        if (qemu_opt_get(opts, keys[i]) &&
            !qemu_opt_get_number(opts, keys[i], 0)) {
            qemu_opts_reset(&smp_opts);
            error_setg(errp, "CPU topology parameters must be greater "
                       "than zero");
            return false;
        }
        if (2 <= i) {
            product *= MIN(qemu_opt_get_number(opts, keys[i], 1), 4096);
        }
    }
    cpus = qemu_opt_get_number(opts, "cpus", product);
    qemu_opts_reset(&smp_opts);
    if (UINT_MAX < cpus) {
        error_setg(errp, "Invalid SMP CPUs %" PRIu64, cpus);
        return false;
    }
    cmd->smp_cpus = (unsigned)cpus;
    return true;
}

void machine_option_boot(const char *key, const char *value)
{
    QemuOpts *opts = qemu_opts_find(&qemu_machine_opts, NULL);

    if (!opts) {
        opts = qemu_opts_create(&qemu_machine_opts, NULL, 0, &error_abort);
    }
    qemu_opt_set(opts, key, value, &error_abort);
}

bool machine_option_accel(const char *arg, bool *help, Error **errp)
{
    QemuOpts *opts = machine_option_parse(&accel_opts, arg, errp);
    g_autofree char *name = NULL;

    *help = false;
    if (!opts) {
        return false;
    }
    name = g_strdup(qemu_opt_get(opts, "accel"));
    *help = qemu_opt_has_help_opt(opts);
    qemu_opts_reset(&accel_opts);
    if (*help) {
        help_printf("Accelerators supported in kvmini binary:\nkvm\n");
        return false;
    }
    if (!name || strcmp(name, "kvm")) {
        error_setg(errp, "invalid accelerator %s", name ? name : "");
        return false;
    }
    return true;
}
