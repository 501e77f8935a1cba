/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * yank.h: connections that the yank command can cut at once, even while
 * other commands wait (yank and query-yank run out-of-band). Whatever owns
 * such a connection registers a function that cuts it.
 */
#ifndef SYSTEM_YANK_H
#define SYSTEM_YANK_H

/* Cut the connection (it must not block); called with the big lock held. */
typedef void YankFunc(void *opaque);

/*
 * Make the socket chardev @id yankable: yank calls @fn(@opaque). @id is
 * copied. An id may be registered twice for a moment (chardev-change);
 * yank then acts on the newer registration.
 */
void yank_register_chardev(const char *id, YankFunc *fn, void *opaque);

/* Forget what yank_register_chardev(@id, ..., @opaque) registered, if anything. */
void yank_unregister_chardev(const char *id, void *opaque);

#endif /* SYSTEM_YANK_H */
