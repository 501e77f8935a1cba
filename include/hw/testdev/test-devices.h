/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-devices.h: test-only device types, built into kvmini so that tests
 * can exercise qdev before real hardware exists (docs/devel/qdev.md):
 * - kvmini-test-bridge, a system bus device providing a kvmini-test-bus
 *   (named "ID.0" or "kvmini-test-bus.N"), which supports hot-plug: its
 *   devices plug and unplug at once (DEVICE_DELETED follows device_del
 *   immediately);
 * - kvmini-test-device, a device on that bus with a property of every
 *   qdev kind, counting its resets in the read-only "reset-count".
 * Their `-device help` descriptions start with "test-only:".
 */
#ifndef HW_TESTDEV_TEST_DEVICES_H
#define HW_TESTDEV_TEST_DEVICES_H

#include "block/block-backend.h"
#include "chardev/char-fe.h"
#include "hw/sysbus.h"
#include "net/net.h"
#include "qapi-types-common.h"

#define TYPE_KVMINI_TEST_BUS "kvmini-test-bus"
#define TYPE_KVMINI_TEST_BRIDGE "kvmini-test-bridge"
#define TYPE_KVMINI_TEST_DEVICE "kvmini-test-device"

/* The most devices a kvmini-test-bus holds. */
#define KVMINI_TEST_BUS_MAX_DEV 8

OBJECT_DECLARE_SIMPLE_TYPE(KvminiTestBridge, KVMINI_TEST_BRIDGE)
OBJECT_DECLARE_SIMPLE_TYPE(KvminiTestDevice, KVMINI_TEST_DEVICE)

struct KvminiTestBridge {
    SysBusDevice parent_obj;
    BusState *bus;              /* created at realize */
};

struct KvminiTestDevice {
    DeviceState parent_obj;
    /* properties */
    bool flag;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    int32_t i32;
    uint64_t u64;
    uint64_t size;
    char *msg;
    OnOffAuto mode;
    int32_t addr;
    KvminiTestDevice *peer;
    bool fail_realize;
    CharBackend chr;
    BlockBackend *drive;
    NetClientState *netdev;
    /* state */
    uint32_t reset_count;
};

#endif /* HW_TESTDEV_TEST_DEVICES_H */
