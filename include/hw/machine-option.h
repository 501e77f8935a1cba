/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * machine-option.h: the options that size and boot the machine outside
 * -M: -m, -smp and -cpu fill a MachineCmdline (hw/qdev-option.h);
 * -kernel, -initrd and -append become the -M keys kernel, initrd and
 * append, as in QEMU; -accel only accepts kvm; -rtc sets the RTCs' base
 * and clock (system/rtc.h). vl.c calls them as it reads the
 * command line, with the option as the error location.
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

/*
 * -rtc [base=utc|localtime|DATE][,clock=host|rt|vm][,driftfix=none]:
 * record @arg, merged over earlier -rtc options; only the keys are checked
 * here (driftfix=slew is refused by machine_option_rtc_apply()). "help" prints the keys and sets *@help (false returned, no error).
 */
bool machine_option_rtc(const char *arg, bool *help, Error **errp);

/*
 * Check the values of every -rtc and hand them to rtc_config_set(), as
 * QEMU does once the command line is read (its messages name no option).
 * Without -rtc: base=utc,clock=host. Call before creating the machine;
 * the options are reset, so a second call without -rtc restores that.
 */
bool machine_option_rtc_apply(Error **errp);

#endif /* HW_MACHINE_OPTION_H */
