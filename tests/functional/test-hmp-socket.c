/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-hmp-socket.c: the human monitor of build/kvmini on a unix socket
 * (-monitor unix:...), and through QMP's human-monitor-command; QOM
 * commands and completion of QOM paths and ids on it.
 */
#include "osdep.h"

#include <fcntl.h>

#include "kvmini-proc.h"

#define BANNER "kvmini " KVMINI_VERSION " monitor - type 'help' for more " \
    "information\r\n(kvmini) "

/* Send the command line @cmd and return what came until the next prompt. */
static char *hmp_command(int fd, const char *cmd)
{
    g_autofree char *line = g_strdup_printf("%s\n", cmd);

    kvmini_proc_write(fd, line);
    return kvmini_proc_read_until(fd, "\r\n(kvmini) ");
}

static void test_info_status(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    int fd = kvmini_proc_connect(p->hmp_path);
    g_autofree char *banner = kvmini_proc_read_until(fd, "(kvmini) ");
    g_autofree char *out = NULL;
    g_autoptr(QmpClient) c = NULL;

    g_assert_cmpstr(banner, ==, BANNER);
    out = hmp_command(fd, "info status");
    /* Readline echoes the line as it is typed, then the output. */
    g_assert(g_str_has_suffix(out, "info status\033[K\r\n"
                              "VM status: running\r\n(kvmini) "));
    g_free(out);
    /* A QMP monitor stops the VM; the HMP one sees it. */
    c = kvmini_proc_qmp(p, false);
    g_assert(qmp_client_execute(c, "stop", NULL, NULL, &error_abort));
    out = hmp_command(fd, "info status");
    g_assert(g_str_has_suffix(out, "\r\nVM status: paused\r\n(kvmini) "));
    close(fd);
}

static void test_help(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    int fd = kvmini_proc_connect(p->hmp_path);
    g_autofree char *banner = kvmini_proc_read_until(fd, "(kvmini) ");
    g_autofree char *out = NULL;

    g_assert_true(g_str_has_prefix(banner, "kvmini " KVMINI_VERSION " monitor"));
    out = hmp_command(fd, "help info");
    g_assert(strstr(out, "\r\ninfo chardev  -- show the character devices\r\n"));
    g_assert(strstr(out, "\r\ninfo status  -- show the current VM status "
                    "(running|paused)\r\n"));
    close(fd);
}

/* A second client waits until the first leaves, then gets the banner. */
static void test_one_client_at_a_time(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    int a = kvmini_proc_connect(p->hmp_path);
    g_autofree char *banner_a = kvmini_proc_read_until(a, "(kvmini) ");
    int b = kvmini_proc_connect(p->hmp_path);
    g_autofree char *banner_b = NULL;
    char c;

    g_assert_true(g_str_has_suffix(banner_a, "(kvmini) "));
    g_assert(fcntl(b, F_SETFL, O_NONBLOCK) == 0);
    g_usleep(200 * 1000);
    g_assert_cmpint(read(b, &c, 1), ==, -1);
    g_assert_cmpint(errno, ==, EAGAIN);
    close(a);
    g_assert(fcntl(b, F_SETFL, 0) == 0);
    banner_b = kvmini_proc_read_until(b, "(kvmini) ");
    g_assert_cmpstr(banner_b, ==, BANNER);
    close(b);
}

static void test_human_monitor_command(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, false);
    g_autofree char *out = qmp_client_hmp(c, "info chardev", &error_abort);
    g_autofree char *expect = g_strdup_printf(
        "compat_monitor0: filename=%s,server=on\r\n"
        "compat_monitor1: filename=disconnected:%s,server=on\r\n"
        "compat_monitor2: filename=disconnected:unix:%s,server=on\r\n",
        p->qmp, p->qmp2, p->hmp_path);

    g_assert_cmpstr(out, ==, expect);
}

static void assert_hmp(QmpClient *c, const char *cmd, const char *expect)
{
    g_autofree char *out = qmp_client_hmp(c, cmd, &error_abort);

    g_assert_cmpstr(out, ==, expect);
}

static void test_chardev_commands(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, false);
    QDict *args;

    assert_hmp(c, "chardev-add ringbuf,id=r,size=8", "");
    assert_hmp(c, "ringbuf_write r helloworld", "");
    assert_hmp(c, "ringbuf_read r 100", "lloworld\r\n");
    /* What is not printable comes escaped. */
    args = qdict_new();
    qdict_put_str(args, "device", "r");
    qdict_put_str(args, "data", "a\\b\001\177");
    g_assert(qmp_client_execute(c, "ringbuf-write", args, NULL, &error_abort));
    assert_hmp(c, "ringbuf_read r 100", "a\\\\b\\u0001\\u007F\r\n");
    assert_hmp(c, "chardev-add null,id=r",
               "Error: Chardev with id 'r' already exists\r\n");
    assert_hmp(c, "chardev-add bogus,id=x",
               "Error: 'bogus' is not a valid char driver name\r\n");
    assert_hmp(c, "chardev-add null", "Error: chardev: no id specified\r\n");
    assert_hmp(c, "ringbuf_read zz 1", "Error: Device 'zz' not found\r\n");
    assert_hmp(c, "chardev-remove zz", "Error: Chardev 'zz' not found\r\n");
    assert_hmp(c, "chardev-remove r", "");
    assert_hmp(c, "chardev-remove r", "Error: Chardev 'r' not found\r\n");
}

/* Type @keys and read what comes back until (and with) @until. */
static char *hmp_type(int fd, const char *keys, const char *until)
{
    kvmini_proc_write(fd, keys);
    return kvmini_proc_read_until(fd, until);
}

/* The QOM commands, and Tab completing a QOM path one level at a time. */
static void test_qom_commands(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    int fd = kvmini_proc_connect(p->hmp_path);
    g_autofree char *banner = kvmini_proc_read_until(fd, "(kvmini) ");
    g_autofree char *out = hmp_command(fd, "object_add memory-backend-ram,"
                                       "id=mem0,size=1M");

    g_assert(g_str_has_suffix(out, "size=1M\033[K\r\n(kvmini) "));
    g_free(out);
    out = hmp_type(fd, "qom-list /ob\t", "qom-list /objects/\033[K");
    g_free(out);
    out = hmp_type(fd, "\t", "qom-list /objects/mem0 \033[K");
    g_free(out);
    out = hmp_type(fd, "\r", "\r\n(kvmini) ");
    g_assert(strstr(out, "\r\ntype (string)\r\n"));
    g_assert(strstr(out, "\r\nsize (int)\r\n"));
    g_free(out);
    out = hmp_command(fd, "qom-get /objects/mem0 size");
    g_assert(g_str_has_suffix(out, "size\033[K\r\n1048576\r\n(kvmini) "));
    g_free(out);
    out = hmp_type(fd, "object_del m\t\r", "\r\n(kvmini) ");
    g_assert(g_str_has_suffix(out, "object_del mem0 \033[K\r\n(kvmini) "));
    g_free(out);
    out = hmp_command(fd, "qom-list /objects");
    g_assert(g_str_has_suffix(out, "\r\ntype (string)\r\n(kvmini) "));
    close(fd);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hmp/socket/info-status", test_info_status);
    g_test_add_func("/hmp/socket/help", test_help);
    g_test_add_func("/hmp/socket/one-client-at-a-time",
                    test_one_client_at_a_time);
    g_test_add_func("/hmp/socket/human-monitor-command",
                    test_human_monitor_command);
    g_test_add_func("/hmp/socket/chardev-commands", test_chardev_commands);
    g_test_add_func("/hmp/socket/qom-commands", test_qom_commands);
    return g_test_run();
}
