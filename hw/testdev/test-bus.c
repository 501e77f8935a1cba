/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-bus.c: test-only: kvmini-test-bus and kvmini-test-bridge, the
 * system bus device that provides it and handles its hot-plug.
 */
#include "osdep.h"

#include "hw/testdev/test-devices.h"

/* Devices plug and unplug at once: nothing to tell a guest. */
static bool kvmini_test_bridge_plug(HotplugHandler *handler,
                                    DeviceState *dev, Error **errp)
{
    return true;
}

static bool kvmini_test_bridge_unplug(HotplugHandler *handler,
                                      DeviceState *dev, Error **errp)
{
    qdev_unrealize(dev);
    return true;
}

static bool kvmini_test_bridge_realize(DeviceState *dev, Error **errp)
{
    KvminiTestBridge *br = KVMINI_TEST_BRIDGE(dev);

    if (!br->bus) {
        br->bus = qbus_new(TYPE_KVMINI_TEST_BUS, dev, NULL);
        qbus_set_hotplug_handler(br->bus, OBJECT(dev));
    }
    return true;
}

static void kvmini_test_bridge_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(oc);

    dc->desc = "test-only: a bridge providing a kvmini-test-bus";
    dc->categories = 1ul << DEVICE_CATEGORY_BRIDGE;
    dc->user_creatable = true;
    dc->realize = kvmini_test_bridge_realize;
    hc->plug = kvmini_test_bridge_plug;
    hc->unplug = kvmini_test_bridge_unplug;
}

static void kvmini_test_bus_class_init(ObjectClass *oc, void *data)
{
    BUS_CLASS(oc)->max_dev = KVMINI_TEST_BUS_MAX_DEV;
}

static const TypeInfo kvmini_test_bus_info = {
    .name = TYPE_KVMINI_TEST_BUS,
    .parent = TYPE_BUS,
    .instance_size = sizeof(BusState),
    .class_init = kvmini_test_bus_class_init,
};

static const TypeInfo kvmini_test_bridge_info = {
    .name = TYPE_KVMINI_TEST_BRIDGE,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(KvminiTestBridge),
    .class_init = kvmini_test_bridge_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { TYPE_HOTPLUG_HANDLER },
        { }
    },
};

static void kvmini_test_bus_register_types(void)
{
    type_register_static(&kvmini_test_bus_info);
    type_register_static(&kvmini_test_bridge_info);
}

type_init(kvmini_test_bus_register_types)
