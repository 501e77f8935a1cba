/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * serial-isa.h: "isa-serial", the 16550A UART on the ISA bus, at the PC's
 * COM1-COM4 ports (index 0-3: 0x3f8/IRQ 4, 0x2f8/3, 0x3e8/4, 0x2e8/3)
 * unless iobase and irq say otherwise.
 */
#ifndef HW_CHAR_SERIAL_ISA_H
#define HW_CHAR_SERIAL_ISA_H

#include "chardev/char.h"
#include "hw/isa/isa.h"

#define TYPE_ISA_SERIAL "isa-serial"

/* How many ISA serial ports there can be (COM1-COM4). */
#define MAX_ISA_SERIAL_PORTS 4

/*
 * Create and realize COM@index (0-3) on the ISA bus @bus, talking through
 * @chr (borrowed; NULL: unconnected). Returns the device (borrowed: @bus
 * holds it), or NULL with @errp set.
 */
ISADevice *isa_serial_create(ISABus *bus, int index, Chardev *chr,
                             Error **errp);

#endif /* HW_CHAR_SERIAL_ISA_H */
