/* SPDX-License-Identifier: GPL-2.0-or-later */
/* char-serial.c: the chardevs of the serial ports, as -serial chose them. */
#include "osdep.h"

#include "chardev/char-serial.h"

static Chardev *serial_hds[MAX_SERIAL_PORTS];
static int serial_hds_count;

Chardev *serial_hd(int i)
{
    return 0 <= i && i < serial_hds_count ? serial_hds[i] : NULL;
}

bool serial_hd_add(Chardev *chr, Error **errp)
{
    if (MAX_SERIAL_PORTS <= serial_hds_count) {
        error_setg(errp, "too many serial ports");
        return false;
    }
    serial_hds[serial_hds_count++] = chr;
    return true;
}

void serial_hd_reset(void)
{
    memset(serial_hds, 0, sizeof(serial_hds));
    serial_hds_count = 0;
}
