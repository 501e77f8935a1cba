/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-help.c: the texts of `-device help` (device types by category)
 * and `-device DRIVER,help` (a type's properties), in QEMU's format.
 */
#include "osdep.h"

#include "hw/qdev-core.h"
#include "monitor/qdev.h"
#include "qapi-commands-qdev.h"
#include "util/error.h"
#include "util/qemu-option.h"

static const char *const device_category_names[DEVICE_CATEGORY_MAX] = {
    [DEVICE_CATEGORY_BRIDGE] = "Controller/Bridge/Hub",
    [DEVICE_CATEGORY_USB] = "USB",
    [DEVICE_CATEGORY_STORAGE] = "Storage",
    [DEVICE_CATEGORY_NETWORK] = "Network",
    [DEVICE_CATEGORY_INPUT] = "Input",
    [DEVICE_CATEGORY_DISPLAY] = "Display",
    [DEVICE_CATEGORY_SOUND] = "Sound",
    [DEVICE_CATEGORY_MISC] = "Misc",
    [DEVICE_CATEGORY_CPU] = "CPU",
    [DEVICE_CATEGORY_WATCHDOG] = "Watchdog",
};

static void qdev_print_devinfo(GString *text, DeviceClass *dc)
{
    g_string_append_printf(text, "name \"%s\"",
                           object_class_get_name(OBJECT_CLASS(dc)));
    if (dc->bus_type) {
        g_string_append_printf(text, ", bus %s", dc->bus_type);
    }
    if (dc->desc) {
        g_string_append_printf(text, ", desc \"%s\"", dc->desc);
    }
    g_string_append_c(text, '\n');
}

/*
 * One group per category in QEMU's order, then "Uncategorized"; a device
 * in several categories is listed in each. Only user-creatable types.
 */
static char *qdev_device_list_help(void)
{
    g_autoptr(GSList) list = object_class_get_list_sorted(TYPE_DEVICE, false);
    GString *text = g_string_new(NULL);
    GSList *l;
    int i;

    for (i = 0; i <= DEVICE_CATEGORY_MAX; i++) {
        bool printed = false;

        for (l = list; l; l = l->next) {
            DeviceClass *dc = DEVICE_CLASS(l->data);
            bool in = i < DEVICE_CATEGORY_MAX ? dc->categories & (1ul << i)
                                              : !dc->categories;

            if (!in || !dc->user_creatable) {
                continue;
            }
            if (!printed) {
                g_string_append_printf(text, "%s%s devices:\n", i ? "\n" : "",
                                       i < DEVICE_CATEGORY_MAX ?
                                       device_category_names[i] :
                                       "Uncategorized");
                printed = true;
            }
            qdev_print_devinfo(text, dc);
        }
    }
    return g_string_free(text, false);
}

static char *qdev_device_props_help(const char *driver, Error **errp)
{
    ERRP_GUARD();
    ObjectPropertyInfoList *props = qmp_device_list_properties(driver, errp);
    ObjectPropertyInfoList *p;
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);

    if (!props && *errp) {
        return NULL;
    }
    for (p = props; p; p = p->next) {
        g_ptr_array_add(lines, object_property_help(p->value->name,
                                                    p->value->type,
                                                    p->value->default_value,
                                                    p->value->description));
    }
    qapi_free_ObjectPropertyInfoList(props);
    return object_property_help_list(driver, lines);
}

char *qdev_device_help(QemuOpts *opts, Error **errp)
{
    ERRP_GUARD();
    const char *driver = qemu_opt_get(opts, "driver");

    if ((driver && is_help_option(driver)) ||
        (!driver && qemu_opt_has_help_opt(opts))) {
        return qdev_device_list_help();
    }
    if (!driver || !qemu_opt_has_help_opt(opts)) {
        return NULL;
    }
    if (!object_class_by_name(driver)) {
        error_setg(errp, "'%s' is not a valid device model name", driver);
        return NULL;
    }
    return qdev_device_props_help(driver, errp);
}
