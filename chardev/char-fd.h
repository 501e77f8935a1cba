/* SPDX-License-Identifier: GPL-2.0-or-later */
/* char-fd.h: the base of backends on a pair of file descriptors. */
#ifndef CHARDEV_CHAR_FD_H
#define CHARDEV_CHAR_FD_H

#include "chardev-internal.h"

typedef struct FDChardev {
    Chardev parent_obj;
    int fd_in;              /* -1: no input */
    int fd_out;
    GSource *read_src;
} FDChardev;

DECLARE_INSTANCE_CHECKER(FDChardev, FD_CHARDEV, TYPE_CHARDEV_FD)

/*
 * Use @fd_in (-1 for none) and @fd_out, taking ownership of them (the
 * standard ones are never closed); input is read while the frontend
 * takes it.
 */
void fd_chr_set_fds(FDChardev *s, int fd_in, int fd_out);

#endif /* CHARDEV_CHAR_FD_H */
