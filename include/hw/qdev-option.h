/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-option.h: the -M/-machine and -device command-line options. vl.c
 * hands each argument over as it reads the command line (with the current
 * location set to the option, see error-report.h), then, after the
 * -object objects exist, calls machine_option_create() and then
 * device_option_add_all(), which create the machine and the devices in
 * command-line order:
 *
 *     case OPT_DEVICE:
 *         if (!device_option_parse(optarg, &help, &err)) { report, exit(1) }
 *         if (help) { exit(0) }
 *     ...
 *     if (!machine_option_create(defaults, &err) ||
 *         !device_option_add_all(&err)) { error_report_err(err); exit(1); }
 *     qdev_machine_creation_done();
 */
#ifndef HW_QDEV_OPTION_H
#define HW_QDEV_OPTION_H

/* The QemuOpts list "machine" (-M): the type is the implied key. */
extern QemuOptsList qemu_machine_opts;

/**
 * device_option_parse: check the -device argument @optarg
 * ("DRIVER,id=ID,prop=value,..." or a JSON object) and record it with the
 * current location. "help" and "DRIVER,help" print their help to stdout
 * instead and set *@help (else it is cleared).
 * Returns: false with @errp set when @optarg is not a valid -device.
 */
bool device_option_parse(const char *optarg, bool *help, Error **errp);

/**
 * device_option_add_all: create the devices of every recorded -device,
 * in order, and forget them. On failure the current location is left at
 * the failing option. Returns: false with @errp set on failure.
 */
bool device_option_add_all(Error **errp);

/*
 * MachineCmdline: what the options outside -M say about the machine.
 * @defaults: false with -nodefaults
 * @ram_size: -m in bytes, or 0 for the machine's default
 * @smp_cpus: -smp, or 0 for one vCPU
 * @cpu_model: -cpu, or NULL for "host"
 */
typedef struct MachineCmdline {
    bool defaults;
    uint64_t ram_size;
    unsigned smp_cpus;
    const char *cpu_model;
} MachineCmdline;

/**
 * machine_option_create: create the machine -M asked for (without -M, the
 * default machine type), set the other -M keys as its properties, apply
 * @cmd (borrowed) and build it. "-M help" and "-M TYPE,help" print their
 * help to stdout and set *@help.
 * Returns: false with @errp set on failure ("unsupported machine type").
 */
bool machine_option_create(const MachineCmdline *cmd, bool *help,
                           Error **errp);

#endif /* HW_QDEV_OPTION_H */
