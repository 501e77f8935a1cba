/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * monitor-chardev.h: monitors on chardevs, and the command-line options
 * that create them: -mon chardev=ID,mode=control|readline,pretty=on|off,
 * and the shorthands -qmp SPEC, -qmp-pretty SPEC, -monitor SPEC (a SPEC
 * as chardev/char-opts.h's qemu_chr_new_compat() takes, creating chardev
 * "compat_monitorN"; -monitor none for no monitor).
 */
#ifndef MONITOR_MONITOR_CHARDEV_H
#define MONITOR_MONITOR_CHARDEV_H

#include "chardev/char.h"
#include "util/qemu-option.h"

/* The -mon option list; vl.c registers it with qemu_add_opts(). */
extern QemuOptsList qemu_mon_opts;

/*
 * Run a QMP (@qmp; @pretty: indented JSON) or HMP monitor on @chr
 * (borrowed), as its frontend: a client connecting opens a session, one
 * leaving ends it. Fails with "Device 'ID' is in use".
 */
bool monitor_init_chardev(Chardev *chr, bool qmp, bool pretty, Error **errp);

/* A monitor as -mon @opts (borrowed) describe. */
bool monitor_init_opts(QemuOpts *opts, Error **errp);

/*
 * -qmp / -qmp-pretty / -monitor @spec: a chardev "compat_monitorN" (N
 * counting these options) and a monitor on it; @spec "none" does nothing
 * for HMP (and is refused for QMP, as by QEMU).
 * With @mux the chardev is a mux others may share.
 */
bool monitor_init_compat(const char *spec, bool qmp, bool pretty, bool mux,
                         Error **errp);

/* Stop and free every monitor made here (at exit, before the chardevs). */
void monitor_chardev_cleanup(void);

#endif /* MONITOR_MONITOR_CHARDEV_H */
