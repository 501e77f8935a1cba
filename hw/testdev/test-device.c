/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-device.c: test-only: kvmini-test-device, a device on a
 * kvmini-test-bus with a property of every qdev kind.
 */
#include "osdep.h"

#include "hw/qdev-properties-system.h"
#include "hw/testdev/test-devices.h"
#include "util/error.h"

static bool kvmini_test_device_realize(DeviceState *dev, Error **errp)
{
    KvminiTestDevice *td = KVMINI_TEST_DEVICE(dev);

    if (td->fail_realize) {
        error_setg(errp, "test-only: realize refused by 'fail-realize'");
        return false;
    }
    return true;
}

static void kvmini_test_device_reset(DeviceState *dev)
{
    KVMINI_TEST_DEVICE(dev)->reset_count++;
}

static Property kvmini_test_device_properties[] = {
    DEFINE_PROP_BOOL("flag", KvminiTestDevice, flag, false),
    DEFINE_PROP_UINT8("u8", KvminiTestDevice, u8, 8),
    DEFINE_PROP_UINT16("u16", KvminiTestDevice, u16, 16),
    DEFINE_PROP_UINT32("u32", KvminiTestDevice, u32, 32),
    DEFINE_PROP_INT32("i32", KvminiTestDevice, i32, -32),
    DEFINE_PROP_UINT64("u64", KvminiTestDevice, u64, 64),
    DEFINE_PROP_SIZE("size", KvminiTestDevice, size, 4096),
    DEFINE_PROP_STRING("msg", KvminiTestDevice, msg),
    DEFINE_PROP_ON_OFF_AUTO("mode", KvminiTestDevice, mode, ON_OFF_AUTO_AUTO),
    DEFINE_PROP_PCI_DEVFN("addr", KvminiTestDevice, addr, -1),
    DEFINE_PROP_LINK("peer", KvminiTestDevice, peer, TYPE_KVMINI_TEST_DEVICE,
                     KvminiTestDevice *),
    DEFINE_PROP_BOOL("fail-realize", KvminiTestDevice, fail_realize, false),
    DEFINE_PROP_CHR("chardev", KvminiTestDevice, chr),
    DEFINE_PROP_DRIVE("drive", KvminiTestDevice, drive),
    DEFINE_PROP_NETDEV("netdev", KvminiTestDevice, netdev),
    DEFINE_PROP_END_OF_LIST(),
};

static void kvmini_test_device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "test-only: a device with a property of every kind";
    dc->categories = 1ul << DEVICE_CATEGORY_MISC;
    dc->bus_type = TYPE_KVMINI_TEST_BUS;
    dc->realize = kvmini_test_device_realize;
    dc->reset = kvmini_test_device_reset;
    device_class_set_props(dc, kvmini_test_device_properties);
    object_class_property_add_uint32_ptr(oc, "reset-count",
                                         offsetof(KvminiTestDevice,
                                                  reset_count),
                                         OBJ_PROP_FLAG_READ);
}

static const TypeInfo kvmini_test_device_info = {
    .name = TYPE_KVMINI_TEST_DEVICE,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(KvminiTestDevice),
    .class_init = kvmini_test_device_class_init,
};

static void kvmini_test_device_register_types(void)
{
    type_register_static(&kvmini_test_device_info);
}

type_init(kvmini_test_device_register_types)
