/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-monitor.c: creating and deleting devices on user request: -device,
 * QMP device_add, device_del and device-list-properties.
 */
#include "osdep.h"

#include "hw/boards.h"
#include "hw/sysbus.h"
#include "monitor/qdev.h"
#include "qapi-commands-qdev.h"
#include "qapi/qobject-input-visitor.h"
#include "qom/container.h"
#include "qom/object-interfaces.h"
#include "util/error.h"
#include "util/qemu-option.h"

/*
 * The first bus below @bus (depth first) named @name, or of type
 * @bus_typename that is not full; either may be NULL.
 */
static BusState *qbus_find_recursive(BusState *bus, const char *name,
                                     const char *bus_typename)
{
    GList *l, *b;
    BusState *found;

    if ((!name || !strcmp(bus->name, name)) &&
        (!bus_typename || object_dynamic_cast(OBJECT(bus), bus_typename)) &&
        (name || !qbus_is_full(bus))) {
        return bus;
    }
    for (l = bus->children; l; l = l->next) {
        DeviceState *dev = l->data;

        for (b = dev->child_buses; b; b = b->next) {
            found = qbus_find_recursive(b->data, name, bus_typename);
            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

BusState *qbus_find(const char *path, Error **errp)
{
    BusState *bus = NULL;
    Object *obj;

    if ('/' == path[0]) {
        obj = object_resolve_path_type(path, TYPE_BUS, NULL);
        bus = obj ? BUS(obj) : NULL;
    } else {
        bus = qbus_find_recursive(sysbus_get_default(), path, NULL);
    }
    if (!bus) {
        error_setg(errp, "Bus '%s' not found", path);
        return NULL;
    }
    if (qbus_is_full(bus)) {
        error_setg(errp, "Bus '%s' is full", path);
        return NULL;
    }
    return bus;
}

/* The class of the device type @driver a user may create, or NULL. */
static DeviceClass *qdev_get_device_class(const char *driver, Error **errp)
{
    ObjectClass *oc = object_class_by_name(driver);
    DeviceClass *dc;

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        error_setg(errp, "'%s' is not a valid device model name", driver);
        return NULL;
    }
    if (object_class_is_abstract(oc)) {
        error_setg(errp, "Parameter 'driver' expects a non-abstract device "
                   "type");
        return NULL;
    }
    dc = DEVICE_CLASS(oc);
    if (!dc->user_creatable ||
        (qdev_machine_is_ready() && !dc->hotpluggable)) {
        error_setg(errp, "Parameter 'driver' expects a pluggable device "
                   "type");
        return NULL;
    }
    return dc;
}

/* The bus a new device of class @dc goes on, or NULL for none. */
static bool qdev_pick_bus(DeviceClass *dc, const char *driver,
                          const char *path, BusState **busp, Error **errp)
{
    BusState *bus = NULL;

    if (path) {
        bus = qbus_find(path, errp);
        if (!bus) {
            return false;
        }
        if (!dc->bus_type || !object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
            error_setg(errp, "Device '%s' can't go on %s bus", driver,
                       object_get_typename(OBJECT(bus)));
            return false;
        }
    } else if (dc->bus_type) {
        bus = qbus_find_recursive(sysbus_get_default(), NULL, dc->bus_type);
        if (!bus) {
            error_setg(errp, "No '%s' bus found for device '%s'",
                       dc->bus_type, driver);
            return false;
        }
    }
    if (qdev_machine_is_ready() && bus && !qbus_is_hotpluggable(bus)) {
        error_setg(errp, "Bus '%s' does not support hotplugging", bus->name);
        return false;
    }
    *busp = bus;
    return true;
}

/* Put @dev at /machine/peripheral/@id or in peripheral-anon. */
static bool qdev_place(DeviceState *dev, const char *id, Error **errp)
{
    Object *root = object_get_root();

    if (!id) {
        object_property_add_child(container_get(root,
                                                "/machine/peripheral-anon"),
                                  "device[*]", OBJECT(dev));
        return true;
    }
    if (!qemu_opts_id_wellformed(id)) {
        qemu_opts_id_error(errp);
        return false;
    }
    if (!object_property_try_add_child(container_get(root,
                                                     "/machine/peripheral"),
                                       id, OBJECT(dev), NULL)) {
        error_setg(errp, "Duplicate device ID '%s'", id);
        return false;
    }
    qdev_set_id_str(dev, id);
    return true;
}

/* Set the properties of @opts except driver, bus and id. */
static bool qdev_set_props(DeviceState *dev, const QDict *opts,
                           bool from_json, Error **errp)
{
    g_autoptr(QDict) props = qdict_clone_shallow(opts);
    Visitor *v;
    bool ok;

    qdict_del(props, "driver");
    qdict_del(props, "bus");
    qdict_del(props, "id");
    v = from_json ? qobject_input_visitor_new(QOBJECT(props))
                  : qobject_input_visitor_new_keyval(QOBJECT(props));
    ok = object_set_properties_from_qdict(OBJECT(dev), props, v, errp);
    visit_free(v);
    return ok;
}

DeviceState *qdev_device_add_from_qdict(const QDict *opts, bool from_json,
                                        Error **errp)
{
    const char *driver = qdict_get_try_str(opts, "driver");
    DeviceClass *dc;
    DeviceState *dev;
    BusState *bus;

    if (!driver) {
        error_setg(errp, "Parameter 'driver' is missing");
        return NULL;
    }
    dc = qdev_get_device_class(driver, errp);
    if (!dc ||
        !qdev_pick_bus(dc, driver, qdict_get_try_str(opts, "bus"), &bus,
                       errp)) {
        return NULL;
    }
    dev = qdev_new(driver);
    if (!qdev_place(dev, qdict_get_try_str(opts, "id"), errp)) {
        object_unref(dev);
        return NULL;
    }
    if (bus) {
        qdev_set_parent_bus(dev, bus);
    }
    if (!qdev_set_props(dev, opts, from_json, errp) ||
        !qdev_realize(dev, NULL, errp)) {
        object_unparent(OBJECT(dev));
        object_unref(dev);
        return NULL;
    }
    return dev;
}

DeviceState *qdev_device_add(QemuOpts *opts, Error **errp)
{
    g_autoptr(QDict) qdict = qemu_opts_to_qdict(opts, NULL);

    return qdev_device_add_from_qdict(qdict, false, errp);
}

void qmp_device_add(QDict *args, QObject **ret, Error **errp)
{
    DeviceState *dev = qdev_device_add_from_qdict(args, true, errp);

    if (dev) {
        /* /machine/peripheral holds it now. */
        object_unref(dev);
    }
}

/* The device device_del @id names: an id, or a QOM path. */
static DeviceState *find_device_state(const char *id, Error **errp)
{
    Object *obj;

    if ('/' == id[0]) {
        obj = object_resolve_path(id, NULL);
    } else {
        obj = object_resolve_path_component(
            container_get(object_get_root(), "/machine/peripheral"), id);
    }
    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", id);
        return NULL;
    }
    if (!object_dynamic_cast(obj, TYPE_DEVICE)) {
        error_setg(errp, "%s is not a hotpluggable device", id);
        return NULL;
    }
    return DEVICE(obj);
}

void qmp_device_del(const char *id, Error **errp)
{
    DeviceState *dev = find_device_state(id, errp);

    if (dev) {
        qdev_unplug(dev, errp);
    }
}

/* Properties every device has, which device-list-properties leaves out. */
static bool device_prop_is_common(const char *name)
{
    return !strcmp(name, "type") || !strcmp(name, "realized") ||
           !strcmp(name, "hotpluggable") || !strcmp(name, "hotplugged") ||
           !strcmp(name, "parent_bus");
}

ObjectPropertyInfoList *qmp_device_list_properties(const char *typename,
                                                   Error **errp)
{
    ObjectClass *oc = object_class_by_name(typename);
    ObjectPropertyInfoList *list = NULL, **tail = &list;
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    Object *obj;

    if (!oc) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", typename);
        return NULL;
    }
    if (!object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        error_setg(errp, "Parameter 'typename' expects a non-abstract device "
                   "type");
        return NULL;
    }
    obj = object_new(typename);
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        ObjectPropertyInfo *info;

        if (device_prop_is_common(prop->name) ||
            object_property_is_child(prop)) {
            continue;
        }
        info = g_new0(ObjectPropertyInfo, 1);
        info->name = g_strdup(prop->name);
        info->type = g_strdup(prop->type);
        info->description = g_strdup(prop->description);
        info->default_value = qobject_ref(prop->defval);
        QAPI_LIST_APPEND(tail, info);
    }
    object_unref(obj);
    return list;
}

QemuOptsList qemu_device_opts = {
    .name = "device",
    .implied_opt_name = "driver",
    .desc = {
        /* Every key is checked against the device's properties instead. */
        { /* end of list */ }
    },
};
