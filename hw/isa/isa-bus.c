/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * isa-bus.c: the ISA bus, the isabus-bridge that owns it on the system
 * bus, and the ISA device base type with its port and IRQ helpers.
 */
#include "osdep.h"

#include "hw/isa/isa.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "util/error.h"

/* The one ISA bus, as in QEMU; cleared when it is finalized. */
static ISABus *isa_bus_default;

static bool isabus_bridge_realize(DeviceState *dev, Error **errp)
{
    if (!dev->child_buses) {
        /*
         * QEMU leaves it to qdev to name it, which calls the first ISA
         * bus "isa.0"; there is only ever one, so it is always that.
         */
        qbus_new(TYPE_ISA_BUS, dev, "isa.0");
    }
    return true;
}

ISABus *isa_bus_create(MemoryRegion *io, const qemu_irq *irqs, Error **errp)
{
    DeviceState *bridge;
    ISABus *bus;

    if (isa_bus_default) {
        error_setg(errp, "Can't create a second ISA bus");
        return NULL;
    }
    bridge = qdev_new(TYPE_ISABUS_BRIDGE);
    if (!qdev_realize_and_unref(bridge, sysbus_get_default(), errp)) {
        return NULL;
    }
    bus = ISA_BUS(bridge->child_buses->data);
    bus->address_space_io = io;
    memcpy(bus->irqs, irqs, sizeof(bus->irqs));
    isa_bus_default = bus;
    return bus;
}

ISABus *isa_bus_get_default(void)
{
    return isa_bus_default;
}

static void isa_bus_finalize(Object *obj)
{
    if (ISA_BUS(obj) == isa_bus_default) {
        isa_bus_default = NULL;
    }
}

ISADevice *isa_new(const char *type)
{
    return ISA_DEVICE(qdev_new(type));
}

/* The bus @dev sits on, or NULL. */
static ISABus *isa_device_bus(ISADevice *dev)
{
    BusState *bus = DEVICE(dev)->parent_bus;

    return bus ? ISA_BUS(bus) : NULL;
}

qemu_irq isa_get_irq(ISADevice *dev, unsigned isairq)
{
    ISABus *bus = isa_device_bus(dev);

    if (!bus || isairq >= ISA_NUM_IRQS) {
        return NULL;
    }
    return bus->irqs[isairq];
}

void isa_register_ioport(ISADevice *dev, MemoryRegion *io, uint16_t start)
{
    ISABus *bus = isa_device_bus(dev);

    /* The list keeps the caller's reference, the container its own. */
    memory_region_add_subregion(bus->address_space_io, start, io);
    dev->ioports = g_slist_prepend(dev->ioports, io);
}

bool isa_check_irq(uint32_t irq, const char *name, Error **errp)
{
    if (irq >= ISA_NUM_IRQS) {
        error_setg(errp, "Maximum value for \"%s\" is: %d", name,
                   ISA_NUM_IRQS - 1);
        return false;
    }
    return true;
}

bool isa_check_iobase(ISADevice *dev, const char *name, uint32_t base,
                      uint32_t size, Error **errp)
{
    g_autofree char *value = NULL;

    if (base <= 0x10000 && size <= 0x10000 - base) {
        return true;
    }
    value = g_strdup_printf("%" PRIu32, base);
    qdev_prop_error_value(OBJECT(dev), name, value, errp);
    return false;
}

static void isa_device_unrealize(DeviceState *dev)
{
    ISADevice *isa = ISA_DEVICE(dev);
    ISABus *bus = isa_device_bus(isa);
    GSList *l;

    for (l = isa->ioports; l; l = l->next) {
        memory_region_del_subregion(bus->address_space_io, l->data);
        object_unref(l->data);
    }
    g_slist_free(g_steal_pointer(&isa->ioports));
}

static void isabus_bridge_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->categories = 1ul << DEVICE_CATEGORY_BRIDGE;
    dc->realize = isabus_bridge_realize;
}

static void isa_device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_ISA_BUS;
    dc->unrealize = isa_device_unrealize;
}

static const TypeInfo isa_bus_info = {
    .name = TYPE_ISA_BUS,
    .parent = TYPE_BUS,
    .instance_size = sizeof(ISABus),
    .instance_finalize = isa_bus_finalize,
};

static const TypeInfo isabus_bridge_info = {
    .name = TYPE_ISABUS_BRIDGE,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SysBusDevice),
    .class_init = isabus_bridge_class_init,
};

static const TypeInfo isa_device_info = {
    .name = TYPE_ISA_DEVICE,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(ISADevice),
    .abstract = true,
    .class_init = isa_device_class_init,
};

static void isa_bus_register_types(void)
{
    type_register_static(&isa_bus_info);
    type_register_static(&isabus_bridge_info);
    type_register_static(&isa_device_info);
}

type_init(isa_bus_register_types)
