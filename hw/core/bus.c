/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bus.c: the bus base type: naming, the children list, realize, the
 * hotplug handler, reset and walking the device tree.
 */
#include "osdep.h"

#include "hw/qdev-core.h"
#include "qdev-internal.h"
#include "util/error.h"

/* Per bus type, the counter of automatic names ("pci.0", "pci.1"). */
static GHashTable *bus_automatic_ids;

static char *qbus_automatic_name(const char *typename)
{
    char *name;
    gpointer count;
    size_t i;

    if (!bus_automatic_ids) {
        bus_automatic_ids = g_hash_table_new(g_str_hash, g_str_equal);
    }
    count = g_hash_table_lookup(bus_automatic_ids, typename);
    g_hash_table_insert(bus_automatic_ids, (gpointer)typename,
                        GINT_TO_POINTER(GPOINTER_TO_INT(count) + 1));
    name = g_strdup_printf("%s.%d", typename, GPOINTER_TO_INT(count));
    for (i = 0; name[i]; i++) {
        name[i] = g_ascii_tolower(name[i]);
    }
    return name;
}

static void qbus_attach(BusState *bus, DeviceState *parent, const char *name)
{
    if (name) {
        bus->name = g_strdup(name);
    } else if (parent && parent->id) {
        bus->name = g_strdup_printf("%s.%d", parent->id,
                                    parent->num_child_bus);
    } else {
        bus->name = qbus_automatic_name(object_get_typename(OBJECT(bus)));
    }
    bus->parent = parent;
    if (parent) {
        /* QEMU lists the newest bus first. */
        parent->child_buses = g_list_prepend(parent->child_buses, bus);
        parent->num_child_bus++;
        object_property_add_child(OBJECT(parent), bus->name, OBJECT(bus));
    }
}

void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name)
{
    object_initialize(bus, size, typename);
    qbus_attach(BUS(bus), parent, name);
    if (parent) {
        object_unref(bus);
    }
}

BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name)
{
    BusState *bus = BUS(object_new(typename));

    qbus_attach(bus, parent, name);
    if (parent) {
        object_unref(bus);
    }
    return bus;
}

void qbus_remove_child(BusState *bus, DeviceState *dev)
{
    bus->children = g_list_remove(bus->children, dev);
    bus->num_children--;
    dev->parent_bus = NULL;
    object_unref(bus);
    object_unref(dev);
}

void qbus_set_hotplug_handler(BusState *bus, Object *handler)
{
    g_assert(!handler || object_dynamic_cast(handler, TYPE_HOTPLUG_HANDLER));
    bus->hotplug_handler = handler;
}

bool qbus_is_hotpluggable(const BusState *bus)
{
    return NULL != bus->hotplug_handler;
}

bool qbus_is_full(const BusState *bus)
{
    BusClass *bc = BUS_GET_CLASS(bus);

    return bc->max_dev && bus->num_children >= bc->max_dev;
}

bool qbus_realize(BusState *bus, Error **errp)
{
    bus->realized = true;
    return true;
}

void qbus_unrealize(BusState *bus)
{
    GList *l;

    for (l = bus->children; l; l = l->next) {
        DeviceState *dev = l->data;

        if (dev->realized) {
            qdev_unrealize(dev);
        }
    }
    bus->realized = false;
}

int qbus_walk_devices(BusState *bus, int (*fn)(DeviceState *dev,
                                                 void *opaque),
                      void *opaque)
{
    GList *l, *b;
    int ret;

    for (l = bus->children; l; l = l->next) {
        DeviceState *dev = l->data;

        for (b = dev->child_buses; b; b = b->next) {
            ret = qbus_walk_devices(b->data, fn, opaque);
            if (ret) {
                return ret;
            }
        }
        ret = fn(dev, opaque);
        if (ret) {
            return ret;
        }
    }
    return 0;
}

void bus_cold_reset(BusState *bus)
{
    GList *l;

    for (l = bus->children; l; l = l->next) {
        device_cold_reset(l->data);
    }
}

static char *bus_get_name(Object *obj, Error **errp)
{
    return g_strdup(BUS(obj)->name);
}

static bool bus_get_realized(Object *obj, Error **errp)
{
    return BUS(obj)->realized;
}

/* Leaving the tree: every device on the bus goes first. */
static void bus_unparent(Object *obj)
{
    BusState *bus = BUS(obj);
    DeviceState *parent = bus->parent;

    while (bus->children) {
        DeviceState *dev = bus->children->data;

        /* A device never realized has no parent to unparent it from. */
        if (OBJECT(dev)->parent) {
            object_unparent(OBJECT(dev));
        } else {
            qbus_remove_child(bus, dev);
        }
    }
    bus->realized = false;
    if (parent) {
        parent->child_buses = g_list_remove(parent->child_buses, bus);
        parent->num_child_bus--;
        bus->parent = NULL;
    }
}

static void bus_finalize(Object *obj)
{
    g_free(BUS(obj)->name);
}

static void bus_class_init(ObjectClass *oc, void *data)
{
    oc->unparent = bus_unparent;
    object_class_property_add_str(oc, "name", bus_get_name, NULL);
    object_class_property_add_bool(oc, "realized", bus_get_realized, NULL);
    object_class_property_add_link(oc, "hotplug-handler",
                                   TYPE_HOTPLUG_HANDLER,
                                   offsetof(BusState, hotplug_handler),
                                   object_property_allow_set_link, 0);
}

static const TypeInfo bus_info = {
    .name = TYPE_BUS,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(BusState),
    .instance_finalize = bus_finalize,
    .abstract = true,
    .class_size = sizeof(BusClass),
    .class_init = bus_class_init,
};

static void bus_register_types(void)
{
    type_register_static(&bus_info);
}

type_init(bus_register_types)
