/* SPDX-License-Identifier: GPL-2.0-or-later */
/* chardev-internal.h: what the chardev files share. */
#ifndef CHARDEV_CHARDEV_INTERNAL_H
#define CHARDEV_CHARDEV_INTERNAL_H

#include <glib-unix.h>

#include "chardev/char-fe.h"

/* A mux has at most this many frontends. */
#define MUX_MAX 4

#define TYPE_CHARDEV_MUX "chardev-mux"
#define TYPE_CHARDEV_FD "chardev-fd"
#define TYPE_CHARDEV_RINGBUF "chardev-ringbuf"

/* Whether @chr is a mux. */
bool chardev_is_mux(const Chardev *chr);

/* Attach @be to the mux @chr as its next frontend; false when full. */
bool mux_chr_attach(Chardev *chr, CharBackend *be);

/* Detach @be from the mux @chr. */
void mux_chr_detach(Chardev *chr, CharBackend *be);

/* The mux @chr's frontends changed handlers: give the focus a new one. */
void mux_chr_set_handlers(Chardev *chr, CharBackend *be);

/* Send @event to every frontend of the mux @chr. */
void mux_chr_send_event(Chardev *chr, QEMUChrEvent event);

/* A callback of chr_read_source_new(): @cond holds on the fd. */
typedef void ChrReadFunc(Chardev *chr, GIOCondition cond);

/*
 * A source watching @fd for input while @chr's frontend takes some
 * (checked before every poll); G_IO_HUP and G_IO_ERR always dispatch.
 * Attached to the main loop; returns it (one reference, the caller's).
 */
GSource *chr_read_source_new(Chardev *chr, int fd, ChrReadFunc *fn);

/* Destroy and unref *@src, setting it NULL. NULL is allowed. */
void chr_source_clear(GSource **src);

/*
 * Read what @chr's frontend takes from @fd and hand it over. Returns
 * false at end of file or on an error other than EAGAIN.
 */
bool chr_fd_read_to_frontend(Chardev *chr, int fd, GIOCondition cond);

/*
 * Write up to @len bytes to @fd; returns how many went (0 for EAGAIN),
 * or -1 on an error. Sockets use send(MSG_NOSIGNAL).
 */
int chr_fd_write(int fd, const uint8_t *buf, int len, bool is_socket);

/* Close @fd if it is >= 0 and not stdin/stdout/stderr. */
void chr_fd_close(int fd);

/* char-ringbuf.c */

/* The default size of a ring buffer. */
#define RINGBUF_DEFAULT_SIZE 65536

/* Append @len bytes to the ring buffer @chr, dropping the oldest. */
void ringbuf_chr_put(Chardev *chr, const uint8_t *buf, int len);

/* How many bytes the ring buffer @chr holds. */
size_t ringbuf_chr_count(Chardev *chr);

/* Take up to @len bytes from the ring buffer @chr into @buf; returns how many. */
int ringbuf_chr_get(Chardev *chr, uint8_t *buf, int len);

#endif /* CHARDEV_CHARDEV_INTERNAL_H */
