/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qdev-cmdline.c: build/kvmini's -M, -device, -nodefaults and the
 * backends devices name (-chardev, -drive, -netdev) as a user types
 * them: help texts on stdout and exit status 0, errors on stderr naming
 * the option, exit status 1.
 */
#include "osdep.h"

#include "kvmini-proc.h"

/* Run kvmini with @args (NULL-terminated); its output and exit status. */
typedef struct Run {
    char *out;
    char *err;
    int status;
} Run;

/* -M none comes first unless @args name a machine. */
static Run run_kvmini(const char *const *args)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    GError *gerr = NULL;
    Run r = { 0 };
    int wait_status;

    g_ptr_array_add(argv, g_strdup(KVMINI_PATH));
    kvmini_proc_add_args(argv, args);
    g_ptr_array_add(argv, NULL);
    g_assert_true(g_spawn_sync(NULL, (char **)argv->pdata, NULL,
                               G_SPAWN_DEFAULT, NULL, NULL, &r.out, &r.err,
                               &wait_status, &gerr));
    g_assert_no_error(gerr);
    g_assert_true(WIFEXITED(wait_status));
    r.status = WEXITSTATUS(wait_status);
    return r;
}

static void check_run(const char *const *args, int status, const char *out,
                      const char *err)
{
    Run r = run_kvmini(args);

    g_assert_cmpstr(r.out, ==, out);
    g_assert_cmpstr(r.err, ==, err);
    g_assert_cmpint(r.status, ==, status);
    g_free(r.out);
    g_free(r.err);
}

#define ARGS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void test_machine_help(void)
{
    check_run(ARGS("-M", "help"), 0,
              "Supported machines are:\n"
              "none                 empty machine\n"
              "virt                 kvmini KVM machine (PVH and Linux direct "
              "boot) (default)\n", "");
    check_run(ARGS("-machine", "none", "-M", "help"), 0,
              "none-machine options:\n"
              "  append=<string>        - Linux kernel command line\n"
              "  initrd=<string>        - Linux initial ramdisk file\n"
              "  kernel=<string>        - Linux kernel image file\n"
              "  memory-backend=<string> - Set RAM backend; valid value is "
              "ID of hostmem based backend\n", "");
}

static void test_machine_errors(void)
{
    check_run(ARGS("-M", "bogus"), 1, "",
              "kvmini: unsupported machine type\n"
              "Use -machine help to list supported machines\n");
    check_run(ARGS("-M", "none,foo=1"), 1, "",
              "kvmini: Property 'none-machine.foo' not found\n");
    check_run(ARGS("-M", "none,memory-backend=m0", "-nodefaults"), 1, "",
              "kvmini: Memory backend 'm0' not found\n");
}

/* -m, -smp, -accel: checked as they are read, before any machine exists. */
static void test_sizing_errors(void)
{
    check_run(ARGS("-M", "none", "-m", "12X"), 1, "",
              "kvmini: -m 12X: invalid size '12X'\n"
              "Use a number with an optional suffix B, K, M, G, T, P or E "
              "(powers of 1024; none: M).\n");
    check_run(ARGS("-m", "size=0"), 1, "",
              "kvmini: -m size=0: RAM size must be greater than zero\n");
    check_run(ARGS("-m", "1G,bogus=1"), 1, "",
              "kvmini: -m 1G,bogus=1: Invalid parameter 'bogus'\n");
    check_run(ARGS("-smp", "0"), 1, "",
              "kvmini: -smp 0: CPU topology parameters must be greater "
              "than zero\n");
    check_run(ARGS("-smp", "2,cores=0"), 1, "",
              "kvmini: -smp 2,cores=0: CPU topology parameters must be "
              "greater than zero\n");
    check_run(ARGS("-M", "none", "-smp", "sockets=2,cores=2", "-nodefaults"),
              1, "", "kvmini: Invalid SMP CPUs 4. The max CPUs supported by "
              "machine 'none' is 1\n");
    check_run(ARGS("-accel", "tcg"), 1, "",
              "kvmini: -accel tcg: invalid accelerator tcg\n");
    check_run(ARGS("-accel", "help"), 0,
              "Accelerators supported in kvmini binary:\nkvm\n", "");
}

/*
 * -rtc as QEMU 7.2 reports it: keys as each option is read, naming it;
 * values once the command line is read, naming none.
 */
static void test_rtc_errors(void)
{
    check_run(ARGS("-rtc", "base=foo"), 1, "",
              "kvmini: invalid datetime format\n"
              "valid formats: '2006-06-17T16:01:21' or '2006-06-17'\n");
    check_run(ARGS("-rtc", "clock=bar"), 1, "",
              "kvmini: invalid option value 'bar'\n");
    check_run(ARGS("-rtc", "base=utc", "-rtc", "driftfix=x"), 1, "",
              "kvmini: invalid option value 'x'\n");
    check_run(ARGS("-rtc", "driftfix=slew"), 1, "",
              "kvmini: driftfix 'slew' is not supported\n"
              "kvmini's RTC does not re-inject lost ticks; use "
              "driftfix=none.\n");
    check_run(ARGS("-rtc", "clock=vm,foo=1"), 1, "",
              "kvmini: -rtc clock=vm,foo=1: Invalid parameter 'foo'\n");
    check_run(ARGS("-rtc", "help"), 1,
              "rtc options:\n  base=<str>\n  clock=<str>\n"
              "  driftfix=<str>\n", "");
}

/* The virt machine's bad input, all reported before KVM is needed. */
static void test_virt_errors(void)
{
    check_run(ARGS("-M", "virt", "-kernel", "/nonexistent"), 1, "",
              "kvmini: could not open kernel file '/nonexistent': "
              "No such file or directory\n");
    check_run(ARGS("-M", "virt", "-kernel", KVMINI_PATH), 1, "",
              "kvmini: " KVMINI_PATH ": not a PVH ELF (no "
              "XEN_ELFNOTE_PHYS32_ENTRY note) nor a Linux bzImage\n");
    check_run(ARGS("-M", "virt", "-initrd", "/nonexistent"), 1, "",
              "kvmini: could not open initrd file '/nonexistent': "
              "No such file or directory\n");
    check_run(ARGS("-M", "virt", "-m", "8M"), 1, "",
              "kvmini: RAM size 8 MiB is too small: the virt machine needs "
              "at least 16 MiB\n");
    check_run(ARGS("-M", "virt", "-smp", "255"), 1, "",
              "kvmini: Invalid SMP CPUs 255. The max CPUs supported by "
              "machine 'virt' is 254\n");
    check_run(ARGS("-M", "virt", "-cpu", "pentium"), 1, "",
              "kvmini: unable to find CPU model 'pentium'\n");
}

static void test_device_help(void)
{
    check_run(ARGS("-device", "help"), 0,
              "Controller/Bridge/Hub devices:\n"
              "name \"kvmini-test-bridge\", bus System, desc "
              "\"test-only: a bridge providing a kvmini-test-bus\"\n"
              "\n"
              "Input devices:\n"
              "name \"i8042\", bus ISA\n"
              "name \"isa-serial\", bus ISA\n"
              "\n"
              "Misc devices:\n"
              "name \"isa-debug-exit\", bus ISA\n"
              "name \"kvmini-test-device\", bus kvmini-test-bus, desc "
              "\"test-only: a device with a property of every kind\"\n"
              "name \"mc146818rtc\", bus ISA\n", "");
    check_run(ARGS("-device", "kvmini-test-bridge,help"), 0,
              "There are no options for kvmini-test-bridge.\n", "");
    check_run(ARGS("-device", "nope,help"), 1, "",
              "kvmini: -device nope,help: 'nope' is not a valid device "
              "model name\n");
}

static void test_device_errors(void)
{
    check_run(ARGS("-device", "kvmini-test-device"), 1, "",
              "kvmini: -device kvmini-test-device: No 'kvmini-test-bus' bus "
              "found for device 'kvmini-test-device'\n");
    check_run(ARGS("-device", "kvmini-test-bridge,id=br0", "-device",
                   "kvmini-test-device,addr=zz"), 1, "",
              "kvmini: -device kvmini-test-device,addr=zz: Property "
              "'kvmini-test-device.addr' doesn't take value 'zz'\n");
    check_run(ARGS("-device", "kvmini-test-bridge,id=a", "-device",
                   "kvmini-test-bridge,id=a"), 1, "",
              "kvmini: -device kvmini-test-bridge,id=a: Duplicate ID 'a' "
              "for device\n");
    check_run(ARGS("-device", "kvmini-test-bridge,id=br0", "-device",
                   "{\"driver\": \"kvmini-test-device\", \"bus\": \"br0.0\", "
                   "\"nope\": 1}"), 1, "",
              "kvmini: -device {\"driver\": \"kvmini-test-device\", \"bus\": "
              "\"br0.0\", \"nope\": 1}: Property 'kvmini-test-device.nope' "
              "not found\n");
    check_run(ARGS("-device", "kvmini-test-bridge,id=9"), 1, "",
              "kvmini: -device kvmini-test-bridge,id=9: Parameter 'id' "
              "expects an identifier\n"
              "Identifiers consist of letters, digits, '-', '.', '_', "
              "starting with a letter.\n");
}

static void test_backend_errors(void)
{
    check_run(ARGS("-netdev", "help"), 0,
              "Available netdev backend types:\ntap\n", "");
    check_run(ARGS("-netdev", "user,id=n0"), 1, "",
              "kvmini: -netdev user,id=n0: Parameter 'type' does not accept "
              "value 'user'\n");
    check_run(ARGS("-drive", "if=none,id=d0,file=/nonexistent/disk"), 1, "",
              "kvmini: -drive if=none,id=d0,file=/nonexistent/disk: Could not "
              "open '/nonexistent/disk': No such file or directory\n");
    check_run(ARGS("-drive", "id=d0,file=/dev/null,format=qcow2"), 1, "",
              "kvmini: -drive id=d0,file=/dev/null,format=qcow2: Unknown "
              "driver 'qcow2'\n");
    check_run(ARGS("-drive", "if=ide,id=d0,file=/dev/null"), 1, "",
              "kvmini: -drive if=ide,id=d0,file=/dev/null: unsupported bus "
              "type 'ide' (only if=none exists)\n");
    check_run(ARGS("-drive", "id=d0,file=/dev/null", "-drive",
                   "id=d0,file=/dev/null"), 1, "",
              "kvmini: -drive id=d0,file=/dev/null: Duplicate ID 'd0' for "
              "drive\n");
    check_run(ARGS("-drive", "id=d0,file=/dev/null,readonly=on", "-device",
                   "kvmini-test-bridge,id=br0", "-device",
                   "kvmini-test-device,drive=d0", "-device",
                   "kvmini-test-device,drive=d0"), 1, "",
              "kvmini: -device kvmini-test-device,drive=d0: Drive 'd0' is "
              "already in use by another device\n");
    check_run(ARGS("-chardev", "null,id=c0", "-device",
                   "kvmini-test-bridge,id=br0", "-device",
                   "kvmini-test-device,chardev=c0", "-device",
                   "kvmini-test-device,chardev=c0"), 1, "",
              "kvmini: -device kvmini-test-device,chardev=c0: Property "
              "'kvmini-test-device.chardev' can't take value 'c0': Device "
              "'c0' is in use\n");
    check_run(ARGS("-device", "kvmini-test-bridge,id=br0", "-device",
                   "kvmini-test-device,netdev=n9"), 1, "",
              "kvmini: -device kvmini-test-device,netdev=n9: Property "
              "'kvmini-test-device.netdev' can't find value 'n9'\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qdev/cmdline/machine-help", test_machine_help);
    g_test_add_func("/qdev/cmdline/machine-errors", test_machine_errors);
    g_test_add_func("/qdev/cmdline/sizing-errors", test_sizing_errors);
    g_test_add_func("/qdev/cmdline/rtc-errors", test_rtc_errors);
    g_test_add_func("/qdev/cmdline/virt-errors", test_virt_errors);
    g_test_add_func("/qdev/cmdline/device-help", test_device_help);
    g_test_add_func("/qdev/cmdline/device-errors", test_device_errors);
    g_test_add_func("/qdev/cmdline/backend-errors", test_backend_errors);
    return g_test_run();
}
