/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-hmp-cmds.h: the HMP commands of chardevs: info chardev,
 * chardev-add, chardev-remove, ringbuf_write, ringbuf_read.
 */
#ifndef CHARDEV_CHAR_HMP_CMDS_H
#define CHARDEV_CHAR_HMP_CMDS_H

/* Add them to the HMP command tables; call once, at start-up. */
void chardev_hmp_register(void);

#endif /* CHARDEV_CHAR_HMP_CMDS_H */
