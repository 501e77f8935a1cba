/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * i8042.h: "i8042", the PC keyboard controller on the ISA bus: data port
 * 0x60, status/command port 0x64, keyboard IRQ 1 and mouse IRQ 12. It
 * answers the controller, keyboard and mouse commands a guest probes
 * with, and its reset line resets the machine (cause guest-reset). It has
 * no keyboard or mouse input.
 */
#ifndef HW_INPUT_I8042_H
#define HW_INPUT_I8042_H

#include "hw/isa/isa.h"

#define TYPE_I8042 "i8042"

#endif /* HW_INPUT_I8042_H */
