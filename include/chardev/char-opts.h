/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-opts.h: chardevs from the command line: -chardev BACKEND,id=ID,...
 * (mux=on puts a mux in front: ID-base is the backend, ID the mux), and
 * the list of backends.
 */
#ifndef CHARDEV_CHAR_OPTS_H
#define CHARDEV_CHAR_OPTS_H

#include "chardev/char.h"
#include "util/qemu-option.h"

/* The -chardev option list; vl.c registers it with qemu_add_opts(). */
extern QemuOptsList qemu_chardev_opts;

/*
 * Create the chardev @opts (borrowed) describe. Returns it (borrowed:
 * owned by /chardevs), or NULL with @errp set: "chardev: no id
 * specified", "'X' is not a valid char driver name", the backend's error.
 */
Chardev *qemu_chr_new_from_opts(QemuOpts *opts, Error **errp);

/*
 * Parse @optarg ("socket,id=s,path=...") and create the chardev; the
 * parsed options are not kept. Returns it (borrowed) or NULL with @errp set.
 */
Chardev *qemu_chr_new_from_cmdline(const char *optarg, Error **errp);

/*
 * Create the chardev @label from a short spelling @spec of -qmp, -monitor
 * or -serial: "stdio", "null", "file:PATH", "pipe:PATH", "unix:PATH,OPTS",
 * "tcp:HOST:PORT,OPTS"; with @mux, behind a mux. Returns it (borrowed) or
 * NULL with @errp set ("'SPEC' is not a valid char driver").
 */
Chardev *qemu_chr_new_compat(const char *label, const char *spec, bool mux,
                             Error **errp);

/*
 * The backend names (borrowed strings; the array is new: unref it),
 * "memory" included.
 */
GPtrArray *chardev_backend_names(void);

/* Print `-chardev help`: "Available chardev backend types: " and the names. */
void chardev_print_help(void);

#endif /* CHARDEV_CHAR_OPTS_H */
