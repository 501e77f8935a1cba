/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vl.c: kvmini's main(): parse the command line (QEMU's spelling), create
 * what it asks for, run the main loop until a shutdown request, clean up.
 */
#include "osdep.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>

#include "block/blockdev.h"
#include "hw/machine-option.h"
#include "hw/qdev-option.h"
#include "monitor/qdev.h"
#include "net/net.h"
#include "qom/object-option.h"
#include "chardev/char-opts.h"
#include "monitor/monitor-chardev.h"
#include "monitor/monitor-cmdline.h"
#include "system/kvm.h"
#include "system/memory-as.h"
#include "system/run-control.h"
#include "system/vm-name.h"
#include "system/vm-state.h"
#include "util/cutils.h"
#include "util/error-report.h"
#include "util/error.h"
#include "util/log.h"
#include "util/main-loop.h"
#include "util/qemu-option.h"

typedef enum VlOptionIndex {
    OPT_HELP,
    OPT_VERSION,
    OPT_NAME,
    OPT_S,
    OPT_NO_REBOOT,
    OPT_NO_SHUTDOWN,
    OPT_PIDFILE,
    OPT_D,
    OPT_D_FILE,
    OPT_OBJECT,
    OPT_CHARDEV,
    OPT_MON,
    OPT_QMP,
    OPT_QMP_PRETTY,
    OPT_MONITOR,
    OPT_SERIAL,
    OPT_NOGRAPHIC,
    OPT_NODEFAULTS,
    OPT_DISPLAY,
    OPT_DAEMONIZE,
    OPT_MACHINE,
    OPT_DEVICE,
    OPT_DRIVE,
    OPT_NETDEV,
    OPT_MEMORY,
    OPT_SMP,
    OPT_CPU,
    OPT_ACCEL,
    OPT_KERNEL,
    OPT_INITRD,
    OPT_APPEND,
    OPT_RTC,
} VlOptionIndex;

typedef struct VlOption {
    const char *name;
    VlOptionIndex index;
    const char *arg;        /* the argument's name for -h, or NULL for none */
    const char *help;
} VlOption;

static const VlOption vl_options[] = {
    { "h", OPT_HELP, NULL, "display this help and exit" },
    { "help", OPT_HELP, NULL, NULL },
    { "version", OPT_VERSION, NULL, "display version information and exit" },
    { "name", OPT_NAME, "string1[,debug-threads=on|off]",
      "set the name of the guest (shown by query-name and in HMP)" },
    { "S", OPT_S, NULL, "do not start the vCPUs at start-up (use 'cont')" },
    { "no-reboot", OPT_NO_REBOOT, NULL, "exit instead of rebooting" },
    { "no-shutdown", OPT_NO_SHUTDOWN, NULL,
      "stop the VM instead of exiting when the guest shuts down" },
    { "pidfile", OPT_PIDFILE, "file", "write the process ID to 'file'" },
    { "d", OPT_D, "item1[,...]", "enable logging of items ('-d help' for a list)" },
    { "D", OPT_D_FILE, "logfile", "write the log to 'logfile' (default stderr)" },
    { "object", OPT_OBJECT, "TYPE,id=ID[,prop=value...]",
      "create a user-creatable object ('-object help' for a list)" },
    { "chardev", OPT_CHARDEV, "backend,id=id[,...]",
      "create a character device ('-chardev help' for the backends)" },
    { "mon", OPT_MON, "[chardev=]name[,mode=readline|control][,pretty=on|off]",
      "run a monitor on chardev 'name'" },
    { "qmp", OPT_QMP, "dev", "like -monitor, but a QMP monitor" },
    { "qmp-pretty", OPT_QMP_PRETTY, "dev", "like -qmp, with indented JSON" },
    { "monitor", OPT_MONITOR, "dev",
      "run an HMP monitor on 'dev' (stdio, unix:PATH,server=on, "
      "tcp:HOST:PORT,server=on, none, ...)" },
    { "serial", OPT_SERIAL, "dev",
      "connect the next serial port to 'dev' (stdio, none, file:PATH, "
      "chardev:ID, mon:stdio, ...)" },
    { "nographic", OPT_NOGRAPHIC, NULL,
      "serial console and monitor on stdio (Ctrl-A h for help)" },
    { "nodefaults", OPT_NODEFAULTS, NULL,
      "create no default devices, serial console or monitor" },
    { "display", OPT_DISPLAY, "none", "accepted: kvmini has no display" },
    { "daemonize", OPT_DAEMONIZE, NULL,
      "detach from the terminal once started" },
    { "M", OPT_MACHINE, "machine", NULL },
    { "machine", OPT_MACHINE, "[type=]name[,prop=value[,...]]",
      "select the machine type ('-machine help' for a list)" },
    { "device", OPT_DEVICE, "driver[,prop[=value][,...]]",
      "add a device ('-device help' for a list, 'driver,help' for its "
      "properties)" },
    { "drive", OPT_DRIVE,
      "if=none,id=id,file=file[,format=raw][,readonly=on|off]",
      "open a raw disk image as block backend 'id' for -device ...,drive=id" },
    { "netdev", OPT_NETDEV,
      "tap,id=id[,ifname=name][,script=no,downscript=no]",
      "create network backend 'id' for -device ...,netdev=id "
      "('-netdev help')" },
    { "m", OPT_MEMORY, "[size=]megs[,slots=n,maxmem=size]",
      "guest RAM size (default: the machine's, 256M for virt)" },
    { "smp", OPT_SMP, "[cpus=]n[,sockets=..,cores=..,threads=..]",
      "number of vCPUs" },
    { "cpu", OPT_CPU, "host", "CPU model (only 'host': the host's CPUID)" },
    { "accel", OPT_ACCEL, "kvm", "accelerator (only kvm)" },
    { "kernel", OPT_KERNEL, "file",
      "boot a PVH ELF or a Linux bzImage (default: the kvmini guest)" },
    { "initrd", OPT_INITRD, "file", "initial ram disk" },
    { "append", OPT_APPEND, "cmdline", "kernel command line" },
    { "rtc", OPT_RTC, "[base=utc|localtime|date][,clock=host|rt|vm]"
      "[,driftfix=none]",
      "the RTC's start time and clock (date: 2006-06-17T16:01:21 or "
      "2006-06-17)" },
};

/* -name: QEMU's shape, with the guest name as the implied key. */
static QemuOptsList qemu_name_opts = {
    .name = "name",
    .implied_opt_name = "guest",
    .merge_lists = true,
    .desc = {
        { .name = "guest", .type = QEMU_OPT_STRING,
          .help = "the name of the guest" },
        { .name = "debug-threads", .type = QEMU_OPT_BOOL,
          .help = "name the threads after the guest (accepted, no effect)" },
        { /* end of list */ }
    },
};

/* What the command line asked for, beyond what lives in QemuOpts lists. */
typedef struct VlConfig {
    MachineCmdline machine;
    bool start_stopped;
    const char *pidfile;
    const char *log_items;
    const char *log_file;
    bool nographic;
    bool nodefaults;
    bool daemonize;
} VlConfig;

static void vl_help(void)
{
    size_t i;

    printf("usage: kvmini [options]\n\n");
    for (i = 0; i < ARRAY_SIZE(vl_options); i++) {
        const VlOption *o = &vl_options[i];
        g_autofree char *head = NULL;

        if (!o->help) {
            continue;
        }
        head = g_strdup_printf("-%s%s%s", o->name, o->arg ? " " : "",
                               o->arg ? o->arg : "");
        printf("%-24s %s\n", head, o->help);
    }
    printf("\nDocumentation: docs/user/ in the kvmini source tree.\n");
}

static void vl_version(void)
{
    printf("kvmini version " KVMINI_VERSION
           " (QMP compatible with QEMU 7.2.0)\n");
}

static const VlOption *vl_find_option(const char *word)
{
    size_t i;

    /* Like QEMU, "--name" is the same option as "-name". */
    if ('-' == word[1]) {
        word++;
    }
    for (i = 0; i < ARRAY_SIZE(vl_options); i++) {
        if (!strcmp(vl_options[i].name, word + 1)) {
            return &vl_options[i];
        }
    }
    return NULL;
}

/* The options monitor-cmdline.c records, and what they are to it. */
static const struct {
    VlOptionIndex index;
    MonCmdlineKind kind;
} vl_mon_options[] = {
    { OPT_CHARDEV, MON_CMDLINE_CHARDEV },
    { OPT_MON, MON_CMDLINE_MON },
    { OPT_QMP, MON_CMDLINE_QMP },
    { OPT_QMP_PRETTY, MON_CMDLINE_QMP_PRETTY },
    { OPT_MONITOR, MON_CMDLINE_MONITOR },
    { OPT_SERIAL, MON_CMDLINE_SERIAL },
};

/* Record -chardev, -mon, ... @argv[@i]; false if it is none of them. */
static bool vl_record_mon_option(const VlOption *o, char **argv, int i)
{
    size_t j;

    for (j = 0; j < ARRAY_SIZE(vl_mon_options); j++) {
        if (vl_mon_options[j].index == o->index) {
            mon_cmdline_record(vl_mon_options[j].kind, argv, i);
            return true;
        }
    }
    return false;
}

static void vl_parse_device(const char *arg)
{
    Error *err = NULL;
    bool help;

    if (!device_option_parse(arg, &help, &err)) {
        error_report_err(err);
        exit(1);
    }
    if (help) {
        exit(0);
    }
}

/* The machine, then the -device devices, in command-line order. */
static void vl_create_machine(VlConfig *cfg)
{
    Error *err = NULL;
    bool help;

    cfg->machine.defaults = !cfg->nodefaults;
    if (!machine_option_create(&cfg->machine, &help, &err)) {
        if (help) {
            exit(0);
        }
        error_report_err(err);
        exit(1);
    }
    if (!device_option_add_all(&err)) {
        error_report_err(err);
        exit(1);
    }
    qdev_machine_creation_done();
}

/* -m, -smp, -accel; exits on a bad value. */
static void vl_apply_machine(const VlOption *o, const char *arg, VlConfig *cfg)
{
    Error *err = NULL;
    bool help = false;
    bool ok;

    if (OPT_MEMORY == o->index) {
        ok = machine_option_memory(arg, &cfg->machine, &err);
    } else if (OPT_SMP == o->index) {
        ok = machine_option_smp(arg, &cfg->machine, &err);
    } else {
        ok = machine_option_accel(arg, &help, &err);
    }
    if (help) {
        exit(0);
    }
    if (!ok) {
        error_report_err(err);
        exit(1);
    }
}

/* Handle one option; exits on a bad value. */
static void vl_apply(const VlOption *o, const char *arg, VlConfig *cfg)
{
    Error *err = NULL;
    bool help;

    switch (o->index) {
    case OPT_HELP:
        vl_help();
        exit(0);
    case OPT_VERSION:
        vl_version();
        exit(0);
    case OPT_NAME:
        if (!qemu_opts_parse_noisily(qemu_find_opts("name"), arg, true)) {
            exit(1);
        }
        break;
    case OPT_S:
        cfg->start_stopped = true;
        break;
    case OPT_NO_REBOOT:
        run_control_set_no_reboot(true);
        break;
    case OPT_NO_SHUTDOWN:
        run_control_set_no_shutdown(true);
        break;
    case OPT_PIDFILE:
        cfg->pidfile = arg;
        break;
    case OPT_D:
        cfg->log_items = arg;
        break;
    case OPT_D_FILE:
        cfg->log_file = arg;
        break;
    case OPT_OBJECT:
        if (!object_option_parse(arg, &help, &err)) {
            error_report_err(err);
            exit(1);
        }
        if (help) {
            exit(0);
        }
        break;
    case OPT_NOGRAPHIC:
        cfg->nographic = true;
        break;
    case OPT_MACHINE:
        if (!qemu_opts_parse_noisily(&qemu_machine_opts, arg, true)) {
            exit(1);
        }
        break;
    case OPT_DEVICE:
        vl_parse_device(arg);
        break;
    case OPT_DRIVE:
        if (!drive_option_add(arg, &err)) {
            error_report_err(err);
            exit(1);
        }
        break;
    case OPT_NETDEV:
        if (!netdev_option_add(arg, &help, &err)) {
            error_report_err(err);
            exit(1);
        }
        if (help) {
            exit(0);
        }
        break;
    case OPT_MEMORY:
    case OPT_SMP:
    case OPT_ACCEL:
        vl_apply_machine(o, arg, cfg);
        break;
    case OPT_CPU:
        cfg->machine.cpu_model = arg;
        break;
    case OPT_KERNEL:
        machine_option_boot("kernel", arg);
        break;
    case OPT_INITRD:
        machine_option_boot("initrd", arg);
        break;
    case OPT_APPEND:
        machine_option_boot("append", arg);
        break;
    case OPT_RTC:
        if (!machine_option_rtc(arg, &help, &err)) {
            if (!help) {
                error_report_err(err);
            }
            exit(1);
        }
        break;
    case OPT_NODEFAULTS:
        cfg->nodefaults = true;
        break;
    case OPT_DISPLAY:
        if (strcmp(arg, "none")) {
            error_report("Display '%s' is not available", arg);
            exit(1);
        }
        break;
    case OPT_DAEMONIZE:
        cfg->daemonize = true;
        break;
    default:
        /* Recorded by vl_record_mon_option(). */
        break;
    }
}

static void vl_parse(int argc, char **argv, VlConfig *cfg)
{
    const VlOption *o;
    int i;

    for (i = 1; i < argc; i++) {
        loc_set_cmdline(argv, i, 1);
        if ('-' != argv[i][0] || !argv[i][1]) {
            error_report("unexpected argument (kvmini takes no disk image; "
                         "use -drive)");
            exit(1);
        }
        o = vl_find_option(argv[i]);
        if (!o) {
            error_report("invalid option");
            exit(1);
        }
        if (o->arg && i + 1 >= argc) {
            error_report("requires an argument");
            exit(1);
        }
        if (o->arg) {
            loc_set_cmdline(argv, i, 2);
        }
        if (!vl_record_mon_option(o, argv, i)) {
            vl_apply(o, o->arg ? argv[i + 1] : NULL, cfg);
        }
        i += o->arg ? 1 : 0;
    }
    loc_set_none();
}

static void vl_setup_logging(const VlConfig *cfg)
{
    Error *err = NULL;
    int mask = 0;

    if (cfg->log_items && is_help_option(cfg->log_items)) {
        log_print_help();
        exit(0);
    }
    if (cfg->log_items && !log_parse_items(cfg->log_items, &mask, &err)) {
        error_reportf_err(err, "-d %s: ", cfg->log_items);
        exit(1);
    }
    if (cfg->log_file && !log_set_file(cfg->log_file, &err)) {
        error_reportf_err(err, "-D %s: ", cfg->log_file);
        exit(1);
    }
    log_set_mask(mask);
}

/*
 * Write our PID to @path, keeping it locked while we run so that a second
 * kvmini with the same -pidfile fails instead of overwriting it.
 */
static bool vl_write_pidfile(const char *path, Error **errp)
{
    g_autofree char *pid = g_strdup_printf("%d\n", (int)getpid());
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);

    if (0 > fd) {
        error_setg_errno(errp, errno, "cannot open PID file '%s'", path);
        return false;
    }
    if (flock(fd, LOCK_EX | LOCK_NB)) {
        error_setg(errp, "PID file '%s' is in use by another process", path);
        close(fd);
        return false;
    }
    if (ftruncate(fd, 0) || (ssize_t)strlen(pid) != write(fd, pid, strlen(pid))) {
        error_setg_errno(errp, errno, "cannot write PID file '%s'", path);
        close(fd);
        return false;
    }
    /* The descriptor stays open, holding the lock, until we exit. */
    return true;
}

/*
 * -daemonize: fork; the parent waits until the child says it is ready
 * (vl_daemon_ready()) and exits 0, or exits 1 if the child fails first.
 * The child leaves the terminal's session. Returns the child's end of
 * the pipe.
 */
static int vl_daemonize(void)
{
    int fds[2];
    char ok = 0;
    pid_t pid;

    if (pipe2(fds, O_CLOEXEC)) {
        error_report("cannot create a pipe: %s", strerror(errno));
        exit(1);
    }
    pid = fork();
    if (0 > pid) {
        error_report("cannot fork: %s", strerror(errno));
        exit(1);
    }
    if (pid) {
        close(fds[1]);
        /* EOF: the child exited before it was ready. */
        _exit(1 == read(fds[0], &ok, 1) && ok ? 0 : 1);
    }
    close(fds[0]);
    setsid();
    return fds[1];
}

/* The daemon started: release the parent, and let go of the terminal. */
static void vl_daemon_ready(int fd)
{
    int null = open("/dev/null", O_RDWR);
    char ok = 1;

    if (0 <= null) {
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        close(null);
    }
    if (chdir("/")) {
        /* Not fatal: only the working directory stays. */
    }
    if (1 != write(fd, &ok, 1)) {
        /* The parent is gone; nobody waits for the answer. */
    }
    close(fd);
}

static void vl_apply_name(void)
{
    QemuOpts *opts = qemu_opts_find(qemu_find_opts("name"), NULL);

    if (opts) {
        vm_name_set(qemu_opt_get(opts, "guest"));
    }
}

int main(int argc, char **argv)
{
    VlConfig cfg = { 0 };
    Error *err = NULL;
    int status = 0;
    int daemon_fd = -1;

    main_loop_init();
    memory_map_init();
    qemu_add_opts(&qemu_name_opts);
    qemu_add_opts(&qemu_chardev_opts);
    qemu_add_opts(&qemu_mon_opts);
    qemu_add_opts(&qemu_machine_opts);
    qemu_add_opts(&qemu_device_opts);
    qemu_add_opts(&qemu_drive_opts);
    qemu_add_opts(&qemu_netdev_opts);
    qdev_hmp_register();
    kvm_hmp_register();
    vl_parse(argc, argv, &cfg);
    vl_setup_logging(&cfg);
    vl_apply_name();
    if (!machine_option_rtc_apply(&err)) {
        error_report_err(err);
        exit(1);
    }
    if (cfg.nographic && cfg.daemonize) {
        error_report("-nographic cannot be used with -daemonize");
        exit(1);
    }
    if (cfg.daemonize) {
        daemon_fd = vl_daemonize();
    }
    if (cfg.pidfile && !vl_write_pidfile(cfg.pidfile, &err)) {
        error_report_err(err);
        exit(1);
    }
    run_control_catch_signals();
    /* A client that goes away must not kill us: writes fail with EPIPE. */
    signal(SIGPIPE, SIG_IGN);
    if (!mon_cmdline_create(cfg.nographic, cfg.nodefaults, cfg.daemonize)) {
        exit(1);
    }
    if (!object_option_add_all(&err)) {
        error_report_err(err);
        exit(1);
    }
    vl_create_machine(&cfg);
    if (cfg.daemonize) {
        vl_daemon_ready(daemon_fd);
    }

    if (cfg.start_stopped) {
        vm_set_autostart(false);
    }
    if (vm_get_autostart()) {
        vm_start();
    }
    while (!run_control_poll(&status)) {
        main_loop_wait(true);
    }

    kvm_cleanup();
    mon_cmdline_cleanup();
    if (cfg.pidfile) {
        unlink(cfg.pidfile);
    }
    log_close();
    return status;
}
