/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * monitor-cmdline.h: the command-line options about chardevs, monitors
 * and the serial console, in QEMU's spelling, recorded while vl.c parses
 * and carried out together afterwards (so that -daemonize, -nographic and
 * -nodefaults, wherever they are, apply to all):
 *   -chardev BACKEND,id=ID,...      -mon chardev=ID,mode=...,pretty=...
 *   -qmp SPEC  -qmp-pretty SPEC     -monitor SPEC|none
 *   -serial SPEC|none|chardev:ID|mon:SPEC
 * SPEC is a chardev shorthand (chardev/char-opts.h, qemu_chr_new_compat()).
 */
#ifndef MONITOR_MONITOR_CMDLINE_H
#define MONITOR_MONITOR_CMDLINE_H

typedef enum MonCmdlineKind {
    MON_CMDLINE_CHARDEV,
    MON_CMDLINE_MON,
    MON_CMDLINE_QMP,
    MON_CMDLINE_QMP_PRETTY,
    MON_CMDLINE_MONITOR,
    MON_CMDLINE_SERIAL,
} MonCmdlineKind;

/*
 * Record the option @kind whose value is @argv[@idx + 1] (@argv[@idx] is
 * the option, for error locations; borrowed: must live until
 * mon_cmdline_create()). -chardev and -mon are parsed now: "-chardev
 * help" prints the backends and exits 0, a syntax error exits 1.
 */
void mon_cmdline_record(MonCmdlineKind kind, char **argv, int idx);

/*
 * Create the chardevs, monitors and serial chardevs recorded, plus the
 * defaults: with @nographic and without @nodefaults, the serial console
 * and an HMP monitor share stdio behind a mux (Ctrl-A). With @daemonize,
 * stdio is refused. Reports the first failure with its option and
 * returns false.
 */
bool mon_cmdline_create(bool nographic, bool nodefaults, bool daemonize);

/* Free the monitors, serial ports and chardevs (at exit). */
void mon_cmdline_cleanup(void);

#endif /* MONITOR_MONITOR_CMDLINE_H */
