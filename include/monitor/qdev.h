/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev.h: creating devices from the command line and the monitors
 * (-device, device_add, device_del), their help texts, and the HMP views
 * of the device and QOM trees (info qtree, info qom-tree).
 */
#ifndef MONITOR_QDEV_H
#define MONITOR_QDEV_H

#include "hw/qdev-core.h"

/*
 * The QemuOpts list "device" of -device and HMP device_add: the driver is
 * the implied key, any other key is passed on. vl.c registers it.
 */
extern QemuOptsList qemu_device_opts;

/*
 * qdev_device_add_from_qdict: create the device @opts (borrowed) asks for:
 * "driver", optional "bus" (name or QOM path) and "id", every other key a
 * property, read as JSON values when @from_json (QMP) or as text
 * (-device). Placed at /machine/peripheral/ID or
 * /machine/peripheral-anon/device[N], plugged and realized.
 * Returns: the device (a new reference), or NULL with @errp set.
 */
DeviceState *qdev_device_add_from_qdict(const QDict *opts, bool from_json,
                                        Error **errp);

/* qdev_device_add_from_qdict() for -device @opts (its id is the "id"). */
DeviceState *qdev_device_add(QemuOpts *opts, Error **errp);

/*
 * The help -device asks for, as text: for "help" the device types by
 * category, for "DRIVER,help" DRIVER's properties. Returns a new string,
 * or NULL when @opts asks for no help; NULL with @errp set for an unknown
 * DRIVER.
 */
char *qdev_device_help(QemuOpts *opts, Error **errp);

/*
 * The bus @path names: a bus name searched below the main system bus, or
 * an absolute QOM path to a bus. Borrowed; NULL with @errp set ("Bus 'x'
 * not found").
 */
BusState *qbus_find(const char *path, Error **errp);

/* The QMP device_add command ('gen': false): @args is borrowed. */
void qmp_device_add(QDict *args, QObject **ret, Error **errp);

/* Print `info qtree` (the device tree from the main system bus) to @mon. */
void qdev_print_qtree(Monitor *mon);

/*
 * Print `info qom-tree` for the object at @path (NULL: /machine) to @mon,
 * or "Path 'x' could not be resolved." when there is none.
 */
void qdev_print_qom_tree(Monitor *mon, const char *path);

/* Add info qtree, info qom-tree, device_add and device_del to HMP. */
void qdev_hmp_register(void);

#endif /* MONITOR_QDEV_H */
