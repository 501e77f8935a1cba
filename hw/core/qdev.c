/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev.c: the device base type: realize through the "realized" property,
 * placement in the tree and on buses, unplugging, reset.
 */
#include "osdep.h"

#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "qdev-internal.h"
#include "qapi-events-qdev.h"
#include "qom/container.h"
#include "util/error.h"

static bool machine_ready;

void qdev_machine_creation_done(void)
{
    machine_ready = true;
}

bool qdev_machine_is_ready(void)
{
    return machine_ready;
}

DeviceState *qdev_new(const char *name)
{
    return DEVICE(object_new(name));
}

void qdev_set_id_str(DeviceState *dev, const char *id)
{
    g_free(dev->id);
    dev->id = g_strdup(id);
}

void qdev_set_parent_bus(DeviceState *dev, BusState *bus)
{
    object_ref(dev);
    if (dev->parent_bus) {
        qbus_remove_child(dev->parent_bus, dev);
    }
    dev->parent_bus = BUS(object_ref(bus));
    /* QEMU lists the newest device first. */
    bus->children = g_list_prepend(bus->children, object_ref(dev));
    bus->num_children++;
    object_unref(dev);
}

BusState *qdev_get_child_bus(DeviceState *dev, const char *name)
{
    GList *l;

    for (l = dev->child_buses; l; l = l->next) {
        BusState *bus = l->data;

        if (!strcmp(bus->name, name)) {
            return bus;
        }
    }
    return NULL;
}

Object *qdev_get_hotplug_handler(DeviceState *dev)
{
    return dev->parent_bus ? dev->parent_bus->hotplug_handler : NULL;
}

/* Devices realized without a parent go to /machine/unattached. */
static void device_attach_unparented(DeviceState *dev)
{
    Object *unattached;

    if (OBJECT(dev)->parent) {
        return;
    }
    unattached = container_get(object_get_root(), "/machine/unattached");
    object_property_add_child(unattached, "device[*]", OBJECT(dev));
}

static bool device_realize_buses(DeviceState *dev, Error **errp)
{
    GList *l;

    for (l = dev->child_buses; l; l = l->next) {
        if (!qbus_realize(l->data, errp)) {
            return false;
        }
    }
    return true;
}

static void device_unrealize_buses(DeviceState *dev)
{
    GList *l;

    for (l = dev->child_buses; l; l = l->next) {
        qbus_unrealize(l->data);
    }
}

static bool device_realize(DeviceState *dev, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    Object *handler = qdev_get_hotplug_handler(dev);

    if (dev->hotplugged && !dc->hotpluggable) {
        error_setg(errp, "Device '%s' does not support hotplugging",
                   object_get_typename(OBJECT(dev)));
        return false;
    }
    device_attach_unparented(dev);
    if (handler && !hotplug_handler_pre_plug(HOTPLUG_HANDLER(handler), dev,
                                             errp)) {
        return false;
    }
    if (dc->realize && !dc->realize(dev, errp)) {
        return false;
    }
    if (!device_realize_buses(dev, errp)) {
        goto fail;
    }
    if (handler && !hotplug_handler_plug(HOTPLUG_HANDLER(handler), dev,
                                         errp)) {
        goto fail;
    }
    g_free(dev->canonical_path);
    dev->canonical_path = object_get_canonical_path(OBJECT(dev));
    dev->realized = true;
    dev->pending_deleted_event = false;
    return true;

fail:
    device_unrealize_buses(dev);
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
    return false;
}

static void device_unrealize(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    device_unrealize_buses(dev);
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
    dev->realized = false;
    /* DEVICE_DELETED goes out when the device is finally freed. */
    dev->pending_deleted_event = true;
}

static bool device_set_realized(Object *obj, bool value, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (value && !dev->realized) {
        return device_realize(dev, errp);
    }
    if (!value && dev->realized) {
        device_unrealize(dev);
    }
    return true;
}

static bool device_get_realized(Object *obj, Error **errp)
{
    return DEVICE(obj)->realized;
}

static bool device_get_hotpluggable(Object *obj, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    return DEVICE_GET_CLASS(dev)->hotpluggable &&
           (!dev->parent_bus || qbus_is_hotpluggable(dev->parent_bus));
}

static bool device_get_hotplugged(Object *obj, Error **errp)
{
    return DEVICE(obj)->hotplugged;
}

bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp)
{
    if (bus) {
        qdev_set_parent_bus(dev, bus);
    }
    return object_property_set_bool(OBJECT(dev), "realized", true, errp);
}

bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp)
{
    bool ok = qdev_realize(dev, bus, errp);

    object_unref(dev);
    return ok;
}

void qdev_unrealize(DeviceState *dev)
{
    object_property_set_bool(OBJECT(dev), "realized", false, &error_abort);
}

bool qdev_unplug(DeviceState *dev, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    HotplugHandler *handler;

    if (dev->parent_bus && !qbus_is_hotpluggable(dev->parent_bus)) {
        error_setg(errp, "Bus '%s' does not support hotplugging",
                   dev->parent_bus->name);
        return false;
    }
    if (!dc->hotpluggable || !qdev_get_hotplug_handler(dev)) {
        error_setg(errp, "Device '%s' does not support hotplugging",
                   object_get_typename(OBJECT(dev)));
        return false;
    }
    handler = HOTPLUG_HANDLER(qdev_get_hotplug_handler(dev));
    if (hotplug_handler_has_unplug_request(handler)) {
        return hotplug_handler_unplug_request(handler, dev, errp);
    }
    if (!hotplug_handler_unplug(handler, dev, errp)) {
        return false;
    }
    object_unparent(OBJECT(dev));
    return true;
}

void device_cold_reset(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    GList *l;

    for (l = dev->child_buses; l; l = l->next) {
        bus_cold_reset(l->data);
    }
    if (dc->reset) {
        dc->reset(dev);
    }
}

static void device_initfn(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    dev->hotplugged = machine_ready;
}

static void device_unparent(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        qdev_unrealize(dev);
    }
    while (dev->child_buses) {
        object_unparent(OBJECT(dev->child_buses->data));
    }
    if (dev->parent_bus) {
        qbus_remove_child(dev->parent_bus, dev);
    }
}

static void device_finalize(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->pending_deleted_event) {
        qapi_event_send_device_deleted(dev->id, dev->canonical_path);
    }
    g_free(dev->canonical_path);
    g_free(dev->id);
}

static void device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    oc->unparent = device_unparent;
    /* Like QEMU: devices may be hot-plugged unless their class says not. */
    dc->hotpluggable = true;
    dc->user_creatable = true;
    object_class_property_add_bool(oc, "realized", device_get_realized,
                                   device_set_realized);
    object_class_property_add_bool(oc, "hotpluggable",
                                   device_get_hotpluggable, NULL);
    object_class_property_add_bool(oc, "hotplugged", device_get_hotplugged,
                                   NULL);
}

/* Each class lists only its own qdev properties. */
static void device_class_base_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->props = NULL;
}

static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(DeviceState),
    .instance_init = device_initfn,
    .instance_finalize = device_finalize,
    .abstract = true,
    .class_size = sizeof(DeviceClass),
    .class_init = device_class_init,
    .class_base_init = device_class_base_init,
};

static void qdev_register_types(void)
{
    type_register_static(&device_type_info);
}

type_init(qdev_register_types)
