/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * monitor-cmdline.c: -chardev, -mon, -qmp, -monitor and -serial, and the
 * -nographic defaults, carried out after the whole command line is read.
 */
#include "osdep.h"

#include "chardev/char-hmp-cmds.h"
#include "chardev/char-opts.h"
#include "chardev/char-serial.h"
#include "monitor/monitor-chardev.h"
#include "monitor/monitor-cmdline.h"
#include "util/error-report.h"

typedef struct MonCmdlineOpt {
    MonCmdlineKind kind;
    char **argv;
    int idx;
    QemuOpts *opts;         /* -chardev, -mon: owned by their list */
} MonCmdlineOpt;

static GArray *mon_cmdline_opts;    /* MonCmdlineOpt */

void mon_cmdline_record(MonCmdlineKind kind, char **argv, int idx)
{
    MonCmdlineOpt opt = { .kind = kind, .argv = argv, .idx = idx };
    const char *value = argv[idx + 1];

    if (MON_CMDLINE_CHARDEV == kind && is_help_option(value)) {
        chardev_print_help();
        exit(0);
    }
    if (MON_CMDLINE_CHARDEV == kind) {
        opt.opts = qemu_opts_parse_noisily(&qemu_chardev_opts, value, true);
    } else if (MON_CMDLINE_MON == kind) {
        opt.opts = qemu_opts_parse_noisily(&qemu_mon_opts, value, true);
    }
    if ((MON_CMDLINE_CHARDEV == kind || MON_CMDLINE_MON == kind) && !opt.opts) {
        exit(1);
    }
    if (!mon_cmdline_opts) {
        mon_cmdline_opts = g_array_new(FALSE, TRUE, sizeof(MonCmdlineOpt));
    }
    g_array_append_val(mon_cmdline_opts, opt);
}

/* Whether the shorthand @spec (of -serial, -monitor, -qmp) is on stdio. */
static bool spec_is_stdio(const char *spec)
{
    return !strcmp(spec, "stdio") || !strcmp(spec, "mon:stdio");
}

static bool mon_cmdline_serial(const char *spec, Error **errp)
{
    g_autofree char *label = NULL;
    Chardev *chr = NULL;
    static int count;

    label = g_strdup_printf("serial%d", count++);
    if (g_str_has_prefix(spec, "chardev:")) {
        chr = qemu_chr_find(spec + strlen("chardev:"));
        if (!chr) {
            error_setg(errp, "could not connect serial device to character "
                       "backend '%s'", spec);
            return false;
        }
    } else if (g_str_has_prefix(spec, "mon:")) {
        chr = qemu_chr_new_compat(label, spec + strlen("mon:"), true, errp);
        if (!chr || !monitor_init_chardev(chr, false, false, errp)) {
            return false;
        }
    } else if (strcmp(spec, "none")) {
        chr = qemu_chr_new_compat(label, spec, false, errp);
        if (!chr) {
            return false;
        }
    }
    return serial_hd_add(chr, errp);
}

static bool mon_cmdline_create_one(const MonCmdlineOpt *o, bool daemonize,
                                   Error **errp)
{
    const char *value = o->argv[o->idx + 1];

    switch (o->kind) {
    case MON_CMDLINE_CHARDEV:
        if (daemonize && !g_strcmp0(qemu_opt_get(o->opts, "backend"), "stdio")) {
            error_setg(errp, "cannot use stdio with -daemonize");
            return false;
        }
        return NULL != qemu_chr_new_from_opts(o->opts, errp);
    case MON_CMDLINE_MON:
        return monitor_init_opts(o->opts, errp);
    case MON_CMDLINE_QMP:
    case MON_CMDLINE_QMP_PRETTY:
    case MON_CMDLINE_MONITOR:
    case MON_CMDLINE_SERIAL:
        if (daemonize && spec_is_stdio(value)) {
            error_setg(errp, "cannot use stdio with -daemonize");
            return false;
        }
        if (MON_CMDLINE_SERIAL == o->kind) {
            return mon_cmdline_serial(value, errp);
        }
        return monitor_init_compat(value, MON_CMDLINE_MONITOR != o->kind,
                                   MON_CMDLINE_QMP_PRETTY == o->kind, false,
                                   errp);
    }
    return false;
}

/* Run the options of @kinds (a bit per MonCmdlineKind) in order. */
static bool mon_cmdline_pass(unsigned kinds, bool daemonize)
{
    Error *err = NULL;
    const MonCmdlineOpt *o;
    guint i;

    for (i = 0; mon_cmdline_opts && i < mon_cmdline_opts->len; i++) {
        o = &g_array_index(mon_cmdline_opts, MonCmdlineOpt, i);
        if (!(kinds & (1u << o->kind))) {
            continue;
        }
        loc_set_cmdline(o->argv, o->idx, 2);
        if (!mon_cmdline_create_one(o, daemonize, &err)) {
            error_report_err(err);
            loc_set_none();
            return false;
        }
    }
    loc_set_none();
    return true;
}

static bool mon_cmdline_has(unsigned kinds)
{
    guint i;

    for (i = 0; mon_cmdline_opts && i < mon_cmdline_opts->len; i++) {
        if (kinds & (1u << g_array_index(mon_cmdline_opts, MonCmdlineOpt,
                                         i).kind)) {
            return true;
        }
    }
    return false;
}

/* Whether a -serial mon:DEV gave a monitor. */
static bool mon_cmdline_has_serial_monitor(void)
{
    const MonCmdlineOpt *o;
    guint i;

    for (i = 0; mon_cmdline_opts && i < mon_cmdline_opts->len; i++) {
        o = &g_array_index(mon_cmdline_opts, MonCmdlineOpt, i);
        if (MON_CMDLINE_SERIAL == o->kind
            && g_str_has_prefix(o->argv[o->idx + 1], "mon:")) {
            return true;
        }
    }
    return false;
}

/* -nographic without -nodefaults: stdio for what was not given. */
static bool mon_cmdline_defaults(void)
{
    bool serial = !mon_cmdline_has(1u << MON_CMDLINE_SERIAL);
    bool monitor = !mon_cmdline_has((1u << MON_CMDLINE_MON) |
                                    (1u << MON_CMDLINE_QMP) |
                                    (1u << MON_CMDLINE_QMP_PRETTY) |
                                    (1u << MON_CMDLINE_MONITOR)) &&
        !mon_cmdline_has_serial_monitor();
    Error *err = NULL;
    bool ok = true;

    if (serial && monitor) {
        ok = mon_cmdline_serial("mon:stdio", &err);
    } else if (serial) {
        ok = mon_cmdline_serial("stdio", &err);
    } else if (monitor) {
        ok = monitor_init_compat("stdio", false, false, false, &err);
    }
    if (!ok) {
        error_report_err(err);
    }
    return ok;
}

bool mon_cmdline_create(bool nographic, bool nodefaults, bool daemonize)
{
    const unsigned first = (1u << MON_CMDLINE_CHARDEV) |
        (1u << MON_CMDLINE_QMP) | (1u << MON_CMDLINE_QMP_PRETTY) |
        (1u << MON_CMDLINE_MONITOR);

    chardev_hmp_register();
    return mon_cmdline_pass(first, daemonize) &&
        mon_cmdline_pass(1u << MON_CMDLINE_MON, daemonize) &&
        mon_cmdline_pass(1u << MON_CMDLINE_SERIAL, daemonize) &&
        (!nographic || nodefaults || mon_cmdline_defaults());
}

void mon_cmdline_cleanup(void)
{
    monitor_chardev_cleanup();
    serial_hd_reset();
    qemu_chr_cleanup();
    qemu_opts_reset(&qemu_chardev_opts);
    qemu_opts_reset(&qemu_mon_opts);
    g_clear_pointer(&mon_cmdline_opts, g_array_unref);
}
