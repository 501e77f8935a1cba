/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * blockdev.c: -drive: raw images as named block backends for devices
 * created with -device/device_add (if=none).
 */
#include "osdep.h"

#include "block/blockdev.h"
#include "util/error.h"

QemuOptsList qemu_drive_opts = {
    .name = "drive",
    .desc = {
        { .name = "if", .type = QEMU_OPT_STRING,
          .help = "interface (only none: use -device to add the device)" },
        { .name = "file", .type = QEMU_OPT_STRING,
          .help = "the image file" },
        { .name = "format", .type = QEMU_OPT_STRING,
          .help = "the image format (only raw)" },
        { .name = "readonly", .type = QEMU_OPT_BOOL,
          .help = "open the image read-only" },
        { /* end of list */ }
    },
};

BlockBackend *drive_new(QemuOpts *opts, Error **errp)
{
    const char *id = qemu_opts_id(opts);
    const char *iface = qemu_opt_get(opts, "if");
    const char *file = qemu_opt_get(opts, "file");
    const char *format = qemu_opt_get(opts, "format");

    if (iface && strcmp(iface, "none")) {
        error_setg(errp, "unsupported bus type '%s' (only if=none exists)",
                   iface);
        return NULL;
    }
    if (format && strcmp(format, "raw")) {
        error_setg(errp, "Unknown driver '%s'", format);
        return NULL;
    }
    if (!id) {
        error_setg(errp, "Parameter 'id' is missing");
        return NULL;
    }
    if (!file) {
        error_setg(errp, "Parameter 'file' is missing");
        return NULL;
    }
    return blk_new_open(id, file, qemu_opt_get_bool(opts, "readonly", false),
                        errp);
}

bool drive_option_add(const char *optarg, Error **errp)
{
    QemuOpts *opts = qemu_opts_parse(&qemu_drive_opts, optarg, false, errp);

    if (!opts) {
        return false;
    }
    if (!drive_new(opts, errp)) {
        qemu_opts_del(opts);
        return false;
    }
    return true;
}
