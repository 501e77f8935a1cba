/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * blockdev.h: block backends from the command line:
 * -drive if=none,id=ID,file=PATH[,format=raw][,readonly=on|off].
 * Only if=none (the default here) and the raw format exist for now.
 */
#ifndef BLOCK_BLOCKDEV_H
#define BLOCK_BLOCKDEV_H

#include "block/block-backend.h"
#include "util/qemu-option.h"

/* The -drive option list; vl.c registers it with qemu_add_opts(). */
extern QemuOptsList qemu_drive_opts;

/*
 * Open the backend @opts (borrowed) describe. Returns it (borrowed: see
 * blk_new_open()) or NULL with @errp set: "Parameter 'id' is missing",
 * "Parameter 'file' is missing", "unsupported bus type 'X' (only if=none
 * exists)", "Unknown driver 'X'", or blk_new_open()'s errors.
 */
BlockBackend *drive_new(QemuOpts *opts, Error **errp);

/*
 * -drive @optarg: parse it into qemu_drive_opts and open the backend.
 * Returns false with @errp set (a duplicate id: "Duplicate ID 'ID' for
 * drive").
 */
bool drive_option_add(const char *optarg, Error **errp);

#endif /* BLOCK_BLOCKDEV_H */
