/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-serial.h: the chardevs -serial chose, in order, for the machine's
 * serial ports (serial_hd(0) is COM1).
 */
#ifndef CHARDEV_CHAR_SERIAL_H
#define CHARDEV_CHAR_SERIAL_H

#include "chardev/char.h"

/* How many serial ports -serial can fill. */
#define MAX_SERIAL_PORTS 4

/* The chardev of serial port @i (borrowed), or NULL for none. */
Chardev *serial_hd(int i);

/*
 * Give the next serial port @chr (borrowed; NULL: the port stays
 * unconnected, as with "-serial none"). Fails when all are taken.
 */
bool serial_hd_add(Chardev *chr, Error **errp);

/* Forget the serial ports' chardevs (at exit, before the chardevs go). */
void serial_hd_reset(void);

#endif /* CHARDEV_CHAR_SERIAL_H */
