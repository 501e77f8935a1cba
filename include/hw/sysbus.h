/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sysbus.h: the system bus, the root of the device tree ("main-system-bus",
 * type "System"), and the base type of the devices that sit on it. Their
 * MMIO regions and IRQs arrive with the memory API.
 */
#ifndef HW_SYSBUS_H
#define HW_SYSBUS_H

#include "hw/qdev-core.h"

#define TYPE_SYSTEM_BUS "System"
#define TYPE_SYS_BUS_DEVICE "sys-bus-device"

OBJECT_DECLARE_SIMPLE_TYPE(SysBusDevice, SYS_BUS_DEVICE)

/* SysBusDevice: the base of devices on the system bus. */
struct SysBusDevice {
    DeviceState parent_obj;
};

/*
 * The main system bus, created on first use as
 * /machine/unattached/sysbus. Borrowed (owned by the tree; unparenting
 * /machine frees it, and the next call makes a new one).
 */
BusState *sysbus_get_default(void);

#endif /* HW_SYSBUS_H */
