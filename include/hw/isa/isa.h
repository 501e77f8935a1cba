/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * isa.h: the ISA bus ("isa.0", type "ISA") below an "isabus-bridge"
 * device on the system bus, as on QEMU's microvm, and the base type of
 * the legacy devices that sit on it (isa-serial, i8042, mc146818rtc,
 * isa-debug-exit). An ISA device maps its ports into the I/O address
 * space and drives the bus's 16 interrupt lines.
 */
#ifndef HW_ISA_ISA_H
#define HW_ISA_ISA_H

#include "hw/qdev-core.h"
#include "hw/irq.h"
#include "system/memory.h"

#define TYPE_ISA_BUS "ISA"
#define TYPE_ISA_DEVICE "isa-device"
#define ISA_NUM_IRQS 16

OBJECT_DECLARE_SIMPLE_TYPE(ISABus, ISA_BUS)
OBJECT_DECLARE_SIMPLE_TYPE(ISADevice, ISA_DEVICE)

struct ISABus {
    BusState parent_obj;
    MemoryRegion *address_space_io;     /* borrowed */
    qemu_irq irqs[ISA_NUM_IRQS];        /* borrowed */
};

struct ISADevice {
    DeviceState parent_obj;
};

/*
 * Create and realize an isabus-bridge on the main system bus with the
 * bus "isa.0" below it, whose devices map ports into @io (borrowed) and
 * drive @irqs[0..15] (copied; the lines stay the caller's). Borrowed.
 */
ISABus *isa_bus_create(MemoryRegion *io, const qemu_irq *irqs, Error **errp);

/* The ISA bus created last, or NULL (for -device without bus=). Borrowed. */
ISABus *isa_bus_get_default(void);

/*
 * Create a device of @type on @bus, set by the caller's properties,
 * realized with qdev_realize(). Returns a new, unrealized device.
 */
ISADevice *isa_new(const char *type);

/* Interrupt line @isairq (0-15) of @dev's bus. */
qemu_irq isa_get_irq(ISADevice *dev, unsigned isairq);

/* Map @io (a reference is taken) at port @start of @dev's bus. */
void isa_register_ioport(ISADevice *dev, MemoryRegion *io, uint16_t start);

#endif /* HW_ISA_ISA_H */
