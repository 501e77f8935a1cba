/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * isa.h: the ISA bus ("isa.0", type "ISA") below an "isabus-bridge"
 * device on the system bus, as on QEMU's microvm, and the base type of
 * the legacy devices that sit on it (isa-serial, i8042, mc146818rtc,
 * isa-debug-exit). An ISA device maps its ports into the I/O address
 * space and drives the bus's 16 interrupt lines. docs/devel/isa.md
 * explains how to write one.
 */
#ifndef HW_ISA_ISA_H
#define HW_ISA_ISA_H

#include "hw/qdev-core.h"
#include "hw/irq.h"
#include "system/memory.h"

#define TYPE_ISA_BUS "ISA"
#define TYPE_ISA_DEVICE "isa-device"
#define TYPE_ISABUS_BRIDGE "isabus-bridge"
#define ISA_NUM_IRQS 16

OBJECT_DECLARE_SIMPLE_TYPE(ISABus, ISA_BUS)
OBJECT_DECLARE_SIMPLE_TYPE(ISADevice, ISA_DEVICE)

struct ISABus {
    BusState parent_obj;
    MemoryRegion *address_space_io;     /* borrowed */
    qemu_irq irqs[ISA_NUM_IRQS];        /* borrowed */
};

/*
 * ISADevice: the base of every ISA device. @ioports lists the regions
 * isa_register_ioport() mapped (each strong), unmapped and released when
 * the device is unrealized.
 */
struct ISADevice {
    DeviceState parent_obj;
    GSList *ioports;
};

/*
 * Create and realize an isabus-bridge on the main system bus with the
 * bus "isa.0" below it, whose devices map ports into @io (borrowed) and
 * drive @irqs[0..15] (copied; the lines stay the caller's). Borrowed.
 * Fails with "Can't create a second ISA bus" while one exists.
 */
ISABus *isa_bus_create(MemoryRegion *io, const qemu_irq *irqs, Error **errp);

/* The ISA bus that exists, or NULL (for -device without bus=). Borrowed. */
ISABus *isa_bus_get_default(void);

/*
 * Create an ISA device of @type, for board code to set its properties
 * and plug with qdev_realize(DEVICE(dev), BUS(bus), errp).
 * Returns: a new reference to the unrealized device.
 */
ISADevice *isa_new(const char *type);

/*
 * Interrupt line @isairq (0-15) of @dev's bus (borrowed), or NULL (a line
 * that ignores its level) when out of range or @dev is not on a bus.
 */
qemu_irq isa_get_irq(ISADevice *dev, unsigned isairq);

/*
 * Map @io at port @start of @dev's bus (realize only, @dev on its bus),
 * taking over the caller's reference: when @dev is unrealized the region
 * is unmapped and released.
 */
void isa_register_ioport(ISADevice *dev, MemoryRegion *io, uint16_t start);

/*
 * For realize: fail unless @irq is an ISA interrupt line, with QEMU's
 * words: "Maximum value for "NAME" is: 15" (@name is the property).
 */
bool isa_check_irq(uint32_t irq, const char *name, Error **errp);

/*
 * For realize: fail unless ports @base..@base+@size-1 fit in the 64 KiB
 * I/O space: "Property 'TYPE.NAME' doesn't take value 'BASE'".
 */
bool isa_check_iobase(ISADevice *dev, const char *name, uint32_t base,
                      uint32_t size, Error **errp);

#endif /* HW_ISA_ISA_H */
