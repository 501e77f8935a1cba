/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-fe.h: the frontend side of a chardev. A frontend (a monitor, a
 * serial port) embeds a CharBackend, attaches it to a chardev with
 * qemu_chr_fe_init(), installs handlers, and writes.
 *
 * A chardev has one frontend, except a mux (mux=on), which has up to
 * MUX_MAX and switches its input between them (Ctrl-A c).
 */
#ifndef CHARDEV_CHAR_FE_H
#define CHARDEV_CHAR_FE_H

#include "chardev/char.h"

/* How many bytes the frontend takes now; 0 stops input. */
typedef int IOCanReadHandler(void *opaque);
/* @size bytes of input, at most what the can-read handler allowed. */
typedef void IOReadHandler(void *opaque, const uint8_t *buf, int size);
/* Something happened to the connection. */
typedef void IOEventHandler(void *opaque, QEMUChrEvent event);
/* Callback of qemu_chr_fe_add_watch(); return G_SOURCE_REMOVE to stop. */
typedef gboolean FEWatchFunc(void *do_not_use, GIOCondition cond,
                             void *opaque);

struct CharBackend {
    Chardev *chr;               /* borrowed; NULL when not attached */
    IOCanReadHandler *can_read;
    IOReadHandler *read;
    IOEventHandler *event;
    void *opaque;
    int tag;                    /* index among a mux's frontends */
};

/*
 * Attach @be to @chr (NULL: a frontend without a device, whose writes
 * are dropped). Fails with "Device 'ID' is in use" when another frontend
 * has @chr (or a mux is full).
 */
bool qemu_chr_fe_init(CharBackend *be, Chardev *chr, Error **errp);

/* Detach @be from its chardev; with @del, also remove the chardev. */
void qemu_chr_fe_deinit(CharBackend *be, bool del);

/* The chardev @be is attached to (borrowed), or NULL. */
Chardev *qemu_chr_fe_get_driver(const CharBackend *be);

/*
 * Install the handlers (NULL: none) with @opaque. If the chardev is
 * connected, @fd_event gets CHR_EVENT_OPENED at once.
 */
void qemu_chr_fe_set_handlers(CharBackend *be, IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event, void *opaque);

/*
 * Write up to @len bytes without blocking; returns how many were taken
 * (0 when the device is full: use qemu_chr_fe_add_watch(G_IO_OUT)), or
 * -1 when it is not connected. Without a chardev, all is dropped.
 */
int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len);

/*
 * Write all @len bytes, waiting while the device is full (for frontends
 * that cannot keep output, like a serial port). Returns @len, or -1 when
 * the connection is absent or broke.
 */
int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len);

/*
 * Call @func(NULL, cond, @user_data) from the main loop when @cond (G_IO_OUT)
 * holds on the device. Returns the source id, or 0 when the device has no
 * such condition to wait for.
 */
guint qemu_chr_fe_add_watch(CharBackend *be, GIOCondition cond,
                            FEWatchFunc *func, void *user_data);

/* The frontend can take input again: make the backend read. */
void qemu_chr_fe_accept_input(CharBackend *be);

/* Whether the device is connected (a client, a terminal). */
bool qemu_chr_fe_backend_open(const CharBackend *be);

#endif /* CHARDEV_CHAR_FE_H */
