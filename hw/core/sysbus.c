/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysbus.c: the system bus and the system bus device base type. */
#include "osdep.h"

#include "hw/sysbus.h"
#include "qom/container.h"

static BusState *main_system_bus;

BusState *sysbus_get_default(void)
{
    Object *unattached;

    if (!main_system_bus) {
        unattached = container_get(object_get_root(), "/machine/unattached");
        main_system_bus = qbus_new(TYPE_SYSTEM_BUS, NULL, "main-system-bus");
        object_property_add_child(unattached, "sysbus",
                                  OBJECT(main_system_bus));
        object_unref(main_system_bus);
    }
    return main_system_bus;
}

static void system_bus_finalize(Object *obj)
{
    if (BUS(obj) == main_system_bus) {
        main_system_bus = NULL;
    }
}

static void sys_bus_device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_SYSTEM_BUS;
    /*
     * As in QEMU: board code creates them; a type that may be given with
     * -device says so itself.
     */
    dc->user_creatable = false;
}

static const TypeInfo system_bus_info = {
    .name = TYPE_SYSTEM_BUS,
    .parent = TYPE_BUS,
    .instance_size = sizeof(BusState),
    .instance_finalize = system_bus_finalize,
};

static const TypeInfo sys_bus_device_info = {
    .name = TYPE_SYS_BUS_DEVICE,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(SysBusDevice),
    .abstract = true,
    .class_init = sys_bus_device_class_init,
};

static void sysbus_register_types(void)
{
    type_register_static(&system_bus_info);
    type_register_static(&sys_bus_device_info);
}

type_init(sysbus_register_types)
