/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-hmp.c: the human monitor's view of devices: info qtree and
 * info qom-tree in QEMU's format, device_add and device_del.
 */
#include "osdep.h"

#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "monitor/hmp-completion.h"
#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "monitor/qdev.h"
#include "qapi-commands-qdev.h"
#include "util/error.h"
#include "util/qemu-option.h"

static void qbus_print(Monitor *mon, BusState *bus, int indent);

/* A property's value as info qtree shows it, or NULL to leave it out. */
static char *qdev_prop_value(DeviceState *dev, Property *prop)
{
    char *value;

    if (prop->info->print) {
        return prop->info->print(OBJECT(dev), prop);
    }
    value = object_property_print(OBJECT(dev), prop->name, true, NULL);
    if (value && !*value) {
        g_free(value);
        value = g_strdup("\"\"");
    }
    return value;
}

/* The qdev properties of @dev, its own class's first, then its parents'. */
static void qdev_print_props(Monitor *mon, DeviceState *dev, int indent)
{
    ObjectClass *oc = object_get_class(OBJECT(dev));
    Property *prop;

    for (; object_class_dynamic_cast(oc, TYPE_DEVICE);
         oc = object_class_get_parent(oc)) {
        for (prop = DEVICE_CLASS(oc)->props; prop && prop->name; prop++) {
            g_autofree char *value = qdev_prop_value(dev, prop);

            if (value) {
                monitor_printf(mon, "%*s%s = %s\n", indent, "", prop->name,
                               value);
            }
        }
    }
}

static void qdev_print(Monitor *mon, DeviceState *dev, int indent)
{
    GList *l;

    monitor_printf(mon, "%*sdev: %s, id \"%s\"\n", indent, "",
                   object_get_typename(OBJECT(dev)), dev->id ? dev->id : "");
    qdev_print_props(mon, dev, indent + 2);
    for (l = dev->child_buses; l; l = l->next) {
        qbus_print(mon, l->data, indent + 2);
    }
}

static void qbus_print(Monitor *mon, BusState *bus, int indent)
{
    GList *l;

    monitor_printf(mon, "%*sbus: %s\n", indent, "", bus->name);
    monitor_printf(mon, "%*stype %s\n", indent + 2, "",
                   object_get_typename(OBJECT(bus)));
    for (l = bus->children; l; l = l->next) {
        qdev_print(mon, l->data, indent + 2);
    }
}

void qdev_print_qtree(Monitor *mon)
{
    qbus_print(mon, sysbus_get_default(), 0);
}

static int qom_add_child(Object *child, void *opaque)
{
    g_ptr_array_add(opaque, child);
    return 0;
}

static gint qom_child_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(object_get_canonical_path_component(*(Object **)a),
                  object_get_canonical_path_component(*(Object **)b));
}

/* @obj and its children, sorted by name, each level indented by two. */
static void qom_print(Monitor *mon, Object *obj, int indent)
{
    g_autoptr(GPtrArray) children = g_ptr_array_new();
    const char *name = object_get_canonical_path_component(obj);
    guint i;

    monitor_printf(mon, "%*s/%s (%s)\n", indent, "", name ? name : "",
                   object_get_typename(obj));
    object_child_foreach(obj, qom_add_child, children);
    g_ptr_array_sort(children, qom_child_cmp);
    for (i = 0; i < children->len; i++) {
        qom_print(mon, children->pdata[i], indent + 2);
    }
}

void qdev_print_qom_tree(Monitor *mon, const char *path)
{
    bool ambiguous = false;
    Object *obj;

    if (!path) {
        obj = object_resolve_path_component(object_get_root(), "machine");
        path = "/machine";
    } else {
        obj = object_resolve_path(path, &ambiguous);
    }
    if (ambiguous) {
        monitor_printf(mon, "Warning: Path '%s' is ambiguous.\n", path);
    } else if (!obj) {
        monitor_printf(mon, "Path '%s' could not be resolved.\n", path);
    } else {
        qom_print(mon, obj, 0);
    }
}

static void hmp_info_qtree(Monitor *mon, const QDict *qdict)
{
    qdev_print_qtree(mon);
}

static void hmp_info_qom_tree(Monitor *mon, const QDict *qdict)
{
    qdev_print_qom_tree(mon, qdict_get_try_str(qdict, "path"));
}

/*
 * device_add takes the rest of its line as -device text, so that "help"
 * and "DRIVER,help" (which QemuOpts keeps apart from the keys) are seen.
 */
static void hmp_device_add(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;
    QemuOpts *opts = qemu_opts_parse(&qemu_device_opts,
                                     qdict_get_str(qdict, "device"), true,
                                     &err);
    g_autofree char *text = NULL;
    g_autoptr(QDict) args = NULL;
    DeviceState *dev = NULL;

    if (opts) {
        text = qdev_device_help(opts, &err);
        args = qemu_opts_to_qdict(opts, NULL);
        qemu_opts_del(opts);
    }
    if (text) {
        monitor_puts(mon, text);
        return;
    }
    if (args && !err) {
        dev = qdev_device_add_from_qdict(args, false, &err);
    }
    if (!hmp_handle_error(mon, err)) {
        object_unref(dev);
    }
}

static void hmp_device_del(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;

    qmp_device_del(qdict_get_str(qdict, "id"), &err);
    hmp_handle_error(mon, err);
}

static const HMPCommand qdev_hmp_commands[] = {
    { .name = "device_add", .args_type = "device:S",
      .params = "driver[,prop=value][,...]",
      .help = "add device, like -device on the command line",
      .cmd = hmp_device_add, .complete = hmp_complete_device_add },
    { .name = "device_del", .args_type = "id:s", .params = "device",
      .help = "remove device", .cmd = hmp_device_del,
      .complete = hmp_complete_device_del },
    { /* end of list */ }
};

static const HMPCommand qdev_hmp_info_commands[] = {
    { .name = "qtree", .args_type = "", .params = "",
      .help = "show device tree", .cmd = hmp_info_qtree },
    { .name = "qom-tree", .args_type = "path:s?", .params = "[path]",
      .help = "show QOM composition tree", .cmd = hmp_info_qom_tree },
    { /* end of list */ }
};

void qdev_hmp_register(void)
{
    hmp_register_commands(qdev_hmp_commands);
    hmp_register_info_commands(qdev_hmp_info_commands);
}
