/* SPDX-License-Identifier: GPL-2.0-or-later */
/* machine-option.c: -m, -smp, -kernel, -initrd, -append, -accel, -rtc. */
#include "osdep.h"

#include <time.h>

#include "hw/machine-option.h"
#include "system/rtc.h"
#include "util/cutils.h"
#include "util/error-report.h"
#include "util/error.h"
#include "util/qemu-option.h"

static QemuOptsList memory_opts = {
    .name = "memory",
    .implied_opt_name = "size",
    .merge_lists = true,
    .desc = {
        { .name = "size", .type = QEMU_OPT_STRING,
          .help = "initial amount of guest memory (no suffix: MiB)" },
        { .name = "slots", .type = QEMU_OPT_NUMBER,
          .help = "number of hotplug slots (accepted, no hotplug)" },
        { .name = "maxmem", .type = QEMU_OPT_SIZE,
          .help = "maximum amount of guest memory (accepted, no hotplug)" },
        { /* end of list */ }
    },
};

static QemuOptsList smp_opts = {
    .name = "smp-opts",
    .implied_opt_name = "cpus",
    .merge_lists = true,
    .desc = {
        { .name = "cpus", .type = QEMU_OPT_NUMBER },
        { .name = "maxcpus", .type = QEMU_OPT_NUMBER },
        { .name = "sockets", .type = QEMU_OPT_NUMBER },
        { .name = "dies", .type = QEMU_OPT_NUMBER },
        { .name = "cores", .type = QEMU_OPT_NUMBER },
        { .name = "threads", .type = QEMU_OPT_NUMBER },
        { /* end of list */ }
    },
};

static QemuOptsList accel_opts = {
    .name = "accel",
    .implied_opt_name = "accel",
    .desc = {
        { .name = "accel", .type = QEMU_OPT_STRING },
        { /* end of list */ }
    },
};

/* -rtc: merged over every -rtc, checked once the command line is read. */
static QemuOptsList rtc_opts = {
    .name = "rtc",
    .merge_lists = true,
    .desc = {
        { .name = "base", .type = QEMU_OPT_STRING },
        { .name = "clock", .type = QEMU_OPT_STRING },
        { .name = "driftfix", .type = QEMU_OPT_STRING },
        { /* end of list */ }
    },
};

/* Parse @arg into a fresh QemuOpts of @list (freed by the caller). */
static QemuOpts *machine_option_parse(QemuOptsList *list, const char *arg,
                                      Error **errp)
{
    qemu_opts_reset(list);
    return qemu_opts_parse(list, arg, true, errp);
}

bool machine_option_memory(const char *arg, MachineCmdline *cmd, Error **errp)
{
    QemuOpts *opts = machine_option_parse(&memory_opts, arg, errp);
    const char *size;

    if (!opts) {
        return false;
    }
    size = qemu_opt_get(opts, "size");
    if (!size || 0 > qemu_strtosz_MiB(size, NULL, &cmd->ram_size)) {
        error_setg(errp, "invalid size '%s'", size ? size : "");
        error_append_hint(errp, "Use a number with an optional suffix B, K, "
                          "M, G, T, P or E (powers of 1024; none: M).\n");
        qemu_opts_reset(&memory_opts);
        return false;
    }
    qemu_opts_reset(&memory_opts);
    if (!cmd->ram_size) {
        error_setg(errp, "RAM size must be greater than zero");
        return false;
    }
    return true;
}

bool machine_option_smp(const char *arg, MachineCmdline *cmd, Error **errp)
{
    static const char *const keys[] = {
        "cpus", "maxcpus", "sockets", "dies", "cores", "threads",
    };
    QemuOpts *opts = machine_option_parse(&smp_opts, arg, errp);
    uint64_t product = 1;
    uint64_t cpus;
    size_t i;

    if (!opts) {
        return false;
    }
    for (i = 0; i < G_N_ELEMENTS(keys); i++) {
        if (qemu_opt_get(opts, keys[i]) &&
            !qemu_opt_get_number(opts, keys[i], 0)) {
            qemu_opts_reset(&smp_opts);
            error_setg(errp, "CPU topology parameters must be greater "
                       "than zero");
            return false;
        }
        if (2 <= i) {
            product *= MIN(qemu_opt_get_number(opts, keys[i], 1), 4096);
        }
    }
    cpus = qemu_opt_get_number(opts, "cpus", product);
    qemu_opts_reset(&smp_opts);
    if (UINT_MAX < cpus) {
        error_setg(errp, "Invalid SMP CPUs %" PRIu64, cpus);
        return false;
    }
    cmd->smp_cpus = (unsigned)cpus;
    return true;
}

void machine_option_boot(const char *key, const char *value)
{
    QemuOpts *opts = qemu_opts_find(&qemu_machine_opts, NULL);

    if (!opts) {
        opts = qemu_opts_create(&qemu_machine_opts, NULL, 0, &error_abort);
    }
    qemu_opt_set(opts, key, value, &error_abort);
}

bool machine_option_accel(const char *arg, bool *help, Error **errp)
{
    QemuOpts *opts = machine_option_parse(&accel_opts, arg, errp);
    g_autofree char *name = NULL;

    *help = false;
    if (!opts) {
        return false;
    }
    name = g_strdup(qemu_opt_get(opts, "accel"));
    *help = qemu_opt_has_help_opt(opts);
    qemu_opts_reset(&accel_opts);
    if (*help) {
        help_printf("Accelerators supported in kvmini binary:\nkvm\n");
        return false;
    }
    if (!name || strcmp(name, "kvm")) {
        error_setg(errp, "invalid accelerator %s", name ? name : "");
        return false;
    }
    return true;
}

bool machine_option_rtc(const char *arg, bool *help, Error **errp)
{
    QemuOpts *opts = qemu_opts_parse(&rtc_opts, arg, false, errp);

    *help = false;
    if (!opts) {
        return false;
    }
    if (qemu_opt_has_help_opt(opts)) {
        *help = true;
        qemu_opts_print_help(&rtc_opts, true);
        return false;
    }
    return true;
}

/*
 * -rtc base=DATE: "2006-06-17T16:01:21" or "2006-06-17" (UTC) into *@sec.
 * Like QEMU, anything after a date that is not a full time is ignored.
 */
static bool machine_option_rtc_date(const char *date, int64_t *sec,
                                    Error **errp)
{
    struct tm tm = { 0 };
    bool ok = sscanf(date, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon,
                     &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) == 6;

    if (!ok) {
        tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
        ok = sscanf(date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon,
                    &tm.tm_mday) == 3;
    }
    if (ok) {
        tm.tm_year -= 1900;
        tm.tm_mon--;
        *sec = timegm(&tm);
        /* As QEMU's mktimegm(): -1 is the failure, whatever the date. */
        ok = *sec != -1;
    }
    if (!ok) {
        error_setg(errp, "invalid datetime format");
        error_append_hint(errp, "valid formats: '2006-06-17T16:01:21' or "
                          "'2006-06-17'\n");
    }
    return ok;
}

/* -rtc base=: utc, localtime or a date. */
static bool machine_option_rtc_base(const char *base, RTCBaseType *type,
                                    int64_t *start, Error **errp)
{
    *start = 0;
    if (!base || !strcmp(base, "utc")) {
        *type = RTC_BASE_UTC;
    } else if (!strcmp(base, "localtime")) {
        *type = RTC_BASE_LOCALTIME;
    } else {
        *type = RTC_BASE_DATETIME;
        return machine_option_rtc_date(base, start, errp);
    }
    return true;
}

/* -rtc clock=: host, rt or vm. */
static bool machine_option_rtc_clock(const char *clock, RTCClockType *type,
                                     Error **errp)
{
    if (!clock || !strcmp(clock, "host")) {
        *type = RTC_CLOCK_HOST;
    } else if (!strcmp(clock, "rt")) {
        *type = RTC_CLOCK_RT;
    } else if (!strcmp(clock, "vm")) {
        *type = RTC_CLOCK_VM;
    } else {
        error_setg(errp, "invalid option value '%s'", clock);
        return false;
    }
    return true;
}

/* -rtc driftfix=: none; slew is QEMU's, not kvmini's (booting.md). */
static bool machine_option_rtc_driftfix(const char *driftfix, Error **errp)
{
    if (!driftfix || !strcmp(driftfix, "none")) {
        return true;
    }
    if (!strcmp(driftfix, "slew")) {
        error_setg(errp, "driftfix 'slew' is not supported");
        error_append_hint(errp, "kvmini's RTC does not re-inject lost "
                          "ticks; use driftfix=none.\n");
    } else {
        error_setg(errp, "invalid option value '%s'", driftfix);
    }
    return false;
}

bool machine_option_rtc_apply(Error **errp)
{
    QemuOpts *opts = qemu_opts_find(&rtc_opts, NULL);
    RTCBaseType base;
    RTCClockType clock;
    int64_t start;
    bool ok;

    ok = machine_option_rtc_base(opts ? qemu_opt_get(opts, "base") : NULL,
                                 &base, &start, errp) &&
         machine_option_rtc_clock(opts ? qemu_opt_get(opts, "clock") : NULL,
                                  &clock, errp) &&
         machine_option_rtc_driftfix(opts ? qemu_opt_get(opts, "driftfix")
                                          : NULL, errp);
    qemu_opts_reset(&rtc_opts);
    if (ok) {
        rtc_config_set(base, start, clock);
    }
    return ok;
}
