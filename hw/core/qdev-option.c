/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qdev-option.c: the -M/-machine and -device command-line options. */
#include "osdep.h"

#include "hw/boards.h"
#include "hw/qdev-option.h"
#include "monitor/qdev.h"
#include "qapi/qobject-input-visitor.h"
#include "qobject/qjson.h"
#include "qom/object-interfaces.h"
#include "util/error-report.h"
#include "util/error.h"
#include "util/qemu-option.h"

QemuOptsList qemu_machine_opts = {
    .name = "machine",
    .implied_opt_name = "type",
    .merge_lists = true,
    .desc = {
        /* Every key but "type" is a property of the machine. */
        { /* end of list */ }
    },
};

/* One -device: its arguments (a JSON object or text), and where it was. */
typedef struct DeviceOption {
    QDict *args;
    QemuOpts *opts;             /* text: keeps its id taken, as in QEMU */
    bool from_json;
    Location loc;
} DeviceOption;

static GQueue device_options = G_QUEUE_INIT;

static void device_option_free(gpointer data)
{
    DeviceOption *opt = data;

    qobject_unref(opt->args);
    if (opt->opts) {
        qemu_opts_del(opt->opts);
    }
    g_free(opt);
}

/*
 * The QemuOpts of a text -device (a duplicate id fails here, "Duplicate
 * ID 'x' for device"), or NULL after printing its help.
 */
static QemuOpts *device_option_parse_text(const char *optarg, bool *help,
                                          Error **errp)
{
    ERRP_GUARD();
    QemuOpts *opts = qemu_opts_parse(&qemu_device_opts, optarg, true, errp);
    g_autofree char *text = NULL;

    if (!opts) {
        return NULL;
    }
    text = qdev_device_help(opts, errp);
    if (text || *errp) {
        qemu_opts_del(opts);
        *help = NULL != text;
        help_printf("%s", text ? text : "");
        return NULL;
    }
    return opts;
}

bool device_option_parse(const char *optarg, bool *help, Error **errp)
{
    g_autoptr(QObject) json = NULL;
    QemuOpts *opts = NULL;
    DeviceOption *opt;
    QDict *args;

    *help = false;
    if ('{' == optarg[0]) {
        json = qobject_from_json(optarg, errp);
        if (!json) {
            return false;
        }
        args = qobject_to(QDict, json);
        if (!args) {
            error_setg(errp, "-device JSON must be an object");
            return false;
        }
        qobject_ref(args);
    } else {
        opts = device_option_parse_text(optarg, help, errp);
        if (!opts) {
            return *help;
        }
        args = qemu_opts_to_qdict(opts, NULL);
    }
    opt = g_new0(DeviceOption, 1);
    opt->args = args;
    opt->opts = opts;
    opt->from_json = NULL != json;
    loc_save(&opt->loc);
    g_queue_push_tail(&device_options, opt);
    return true;
}

bool device_option_add_all(Error **errp)
{
    DeviceOption *opt;
    DeviceState *dev;
    Location saved;

    loc_save(&saved);
    while ((opt = g_queue_pop_head(&device_options))) {
        loc_restore(&opt->loc);
        dev = qdev_device_add_from_qdict(opt->args, opt->from_json, errp);
        device_option_free(opt);
        if (!dev) {
            g_queue_clear_full(&device_options, device_option_free);
            return false;
        }
        object_unref(dev);
    }
    loc_restore(&saved);
    return true;
}

static MachineClass *machine_option_class(QemuOpts *opts, bool *help,
                                          Error **errp)
{
    const char *type = opts ? qemu_opt_get(opts, "type") : NULL;
    g_autofree char *text = NULL;
    MachineClass *mc;

    if ((type && is_help_option(type)) ||
        (!type && opts && qemu_opt_has_help_opt(opts))) {
        text = machine_help_text();
        help_printf("%s", text);
        *help = true;
        return NULL;
    }
    mc = type ? machine_find_class(type) : machine_find_default();
    if (!type && !mc) {
        /* Programs without the virt machine (unit tests) default to none. */
        mc = machine_find_class("none");
    }
    if (!mc) {
        error_setg(errp, "unsupported machine type");
        error_append_hint(errp, "Use -machine help to list supported "
                          "machines\n");
        return NULL;
    }
    if (opts && qemu_opt_has_help_opt(opts)) {
        text = object_class_property_help_text(OBJECT_CLASS(mc));
        help_printf("%s", text);
        *help = true;
        return NULL;
    }
    return mc;
}

bool machine_option_create(const MachineCmdline *cmd, bool *help,
                           Error **errp)
{
    QemuOpts *opts = qemu_opts_find(&qemu_machine_opts, NULL);
    g_autoptr(QDict) props = NULL;
    MachineClass *mc;
    MachineState *ms;
    Visitor *v;
    bool ok;

    *help = false;
    mc = machine_option_class(opts, help, errp);
    if (!mc) {
        return false;
    }
    ms = machine_create(mc);
    ms->defaults_enabled = cmd->defaults;
    if (cmd->ram_size) {
        ms->ram_size = cmd->ram_size;
    }
    if (cmd->smp_cpus) {
        ms->smp_cpus = cmd->smp_cpus;
    }
    if (cmd->cpu_model) {
        g_free(ms->cpu_model);
        ms->cpu_model = g_strdup(cmd->cpu_model);
    }
    props = opts ? qemu_opts_to_qdict(opts, NULL) : qdict_new();
    qdict_del(props, "type");
    v = qobject_input_visitor_new_keyval(QOBJECT(props));
    ok = object_set_properties_from_qdict(OBJECT(ms), props, v, errp);
    visit_free(v);
    return ok && machine_run_board_init(ms, errp);
}
