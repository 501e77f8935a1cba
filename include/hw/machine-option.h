/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * machine-option.h: the options that size and boot the machine outside
 * -M: -m, -smp and -cpu fill a MachineCmdline (hw/qdev-option.h);
 * -kernel, -initrd and -append become the -M keys kernel, initrd and
 * append, as in QEMU; -accel only accepts kvm. vl.c calls them as it
 * reads the command line, with the option as the error location.
 */
#ifndef HW_MACHINE_OPTION_H
#define HW_MACHINE_OPTION_H

#include "hw/qdev-option.h"

/* -m [size=]SIZE[,slots=N,maxmem=SIZE]: the RAM size into @cmd. */
bool machine_option_memory(const char *arg, MachineCmdline *cmd, Error **errp);

/*
 * -smp [cpus=]N[,sockets=S,dies=D,cores=C,threads=T,maxcpus=M]: the vCPU
 * count into @cmd (without cpus, the product of the topology).
 */
bool machine_option_smp(const char *arg, MachineCmdline *cmd, Error **errp);

/* -kernel, -initrd, -append: set -M key @key ("kernel", ...) to @value. */
void machine_option_boot(const char *key, const char *value);

/* -accel kvm; "help" prints the list and sets *@help. */
bool machine_option_accel(const char *arg, bool *help, Error **errp);

#endif /* HW_MACHINE_OPTION_H */
