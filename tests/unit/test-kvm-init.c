/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-kvm-init.c: what kvm_init() says when it cannot run (a missing or
 * wrong /dev/kvm, an unknown -cpu), and the monitor's vCPU commands
 * without KVM. None of it needs /dev/kvm.
 */
#include "osdep.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "monitor/qmp-cmds.h"
#include "qapi-commands-machine.h"
#include "qobject/qjson.h"
#include "system/accel-info.h"
#include "system/kvm.h"
#include "system/memory-as.h"
#include "util/error.h"

/* kvm_init()'s error message for @path and @cpu_model. */
static char *init_error(const char *path, const char *cpu_model)
{
    Error *err = NULL;
    char *msg;

    kvm_set_device_path(path);
    g_assert_false(kvm_init(1, cpu_model, &err));
    kvm_set_device_path(NULL);
    g_assert_nonnull(err);
    g_assert_false(kvm_enabled());
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    return msg;
}

static void test_missing(void)
{
    g_autofree char *msg = init_error("/nonexistent/kvm", "host");

    g_assert_cmpstr(msg, ==, "Could not access KVM kernel module "
                    "/nonexistent/kvm: No such file or directory (load "
                    "kvm_intel or kvm_amd, or use -M none)");
}

static void test_no_permission(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-kvm-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "kvm", NULL);
    g_autofree char *msg = NULL;
    g_autofree char *expected = NULL;

    if (!geteuid()) {
        g_test_skip("root opens any file: no permission error to see");
        g_rmdir(dir);
        return;
    }
    g_assert_true(g_file_set_contents(path, "", 0, NULL));
    g_assert_cmpint(chmod(path, 0), ==, 0);
    msg = init_error(path, "host");
    expected = g_strdup_printf("Could not access KVM kernel module %s: "
                               "Permission denied (add your user to the kvm "
                               "group, or use -M none)", path);
    g_assert_cmpstr(msg, ==, expected);
    g_unlink(path);
    g_rmdir(dir);
}

static void test_not_kvm(void)
{
    g_autofree char *msg = init_error("/dev/null", "host");

    g_assert_cmpstr(msg, ==, "/dev/null is not a KVM device: "
                    "Inappropriate ioctl for device");
}

static void test_bad_cpu(void)
{
    g_autofree char *msg = init_error("/nonexistent/kvm", "qemu64");

    /* The model is checked first, as QEMU does: no /dev/kvm needed. */
    g_assert_cmpstr(msg, ==, "unable to find CPU model 'qemu64'");
}

/* Run the HMP @line through human-monitor-command; what it printed. */
static char *hmp(const char *line)
{
    g_autofree char *req = g_strdup_printf(
        "{'execute': 'human-monitor-command', 'arguments': "
        "{'command-line': '%s'}}", line);
    g_autoptr(QObject) request = qobject_from_json(req, &error_abort);
    g_autoptr(QDict) rsp = NULL;

    rsp = qmp_dispatch(monitor_qmp_commands(), request, false, false);
    return g_strdup(qdict_get_str(rsp, "return"));
}

static void check_hmp(const char *line, const char *output)
{
    g_autofree char *got = hmp(line);

    g_assert_cmpstr(got, ==, output);
}

static void test_monitor_without_kvm(void)
{
    g_autoptr(CpuInfoFastList) cpus = qmp_query_cpus_fast(&error_abort);

    g_assert_null(cpus);
    check_hmp("info registers", "No CPU available\r\n");
    check_hmp("info registers -a", "");
    check_hmp("info registers 1", "CPU#1 not available\r\n");
    check_hmp("cpu 0", "invalid CPU index\r\n");
    check_hmp("help cpu", "cpu index -- set the default CPU\r\n");
    check_hmp("help info registers", "info registers [-a|vcpu] -- show the "
              "cpu registers (-a: show register info for all cpus; vcpu: "
              "specific vCPU to query; show the current CPU's registers if "
              "no argument is specified)\r\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    memory_map_init();
    kvm_hmp_register();
    g_test_add_func("/kvm/init/missing", test_missing);
    g_test_add_func("/kvm/init/no-permission", test_no_permission);
    g_test_add_func("/kvm/init/not-kvm", test_not_kvm);
    g_test_add_func("/kvm/init/bad-cpu", test_bad_cpu);
    g_test_add_func("/kvm/init/monitor", test_monitor_without_kvm);
    return g_test_run();
}
