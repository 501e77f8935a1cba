/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qmp-yank.c: yank and query-yank, kvmini's out-of-band commands, end
 * to end: a socket chardev's client is cut off by exec-oob yank.
 */
#include "osdep.h"

#include "kvmini-proc.h"
#include "qobject/qjson.h"

static void test_yank_chardev(void)
{
    g_autofree char *dir = g_dir_make_tmp("kvmini-yank-XXXXXX", NULL);
    g_autofree char *sock = g_build_filename(dir, "s0.sock", NULL);
    g_autofree char *chardev = g_strdup_printf(
        "socket,id=s0,path=%s,server=on,wait=off", sock);
    const char *const args[] = { "-chardev", chardev, NULL };
    g_autoptr(KvminiProc) p = kvmini_proc_start(args);
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, true);
    g_autoptr(QDict) yank = NULL;
    g_autoptr(QObject) ret = NULL;
    g_autofree char *list = NULL;
    int fd = kvmini_proc_connect(sock);
    char byte;

    list = kvmini_qmp_run(c, "{'execute': 'query-yank'}");
    g_assert_nonnull(strstr(list, "{\"type\": \"chardev\", \"id\": \"s0\"}"));
    kvmini_qmp_check(c, "{'execute': 'yank', 'arguments': {'instances': "
                     "[{'type': 'chardev', 'id': 'nope'}]}}",
                     "error: Instance not found");
    kvmini_qmp_check(c, "{'execute': 'yank', 'arguments': {'instances': "
                     "[{'type': 'migration'}]}}",
                     "error: Instance not found");

    /* Out of band: the chardev's client sees its connection end. */
    yank = qobject_to(QDict, qobject_from_json(
        "{'instances': [{'type': 'chardev', 'id': 's0'}]}", &error_abort));
    g_assert_true(qmp_client_execute_oob(c, "yank", g_steal_pointer(&yank),
                                         &ret, &error_abort));
    g_assert_cmpint(read(fd, &byte, 1), ==, 0);
    close(fd);

    /* The chardev listens again: a new client gets in. */
    fd = kvmini_proc_connect(sock);
    close(fd);
    unlink(sock);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/functional/qmp-yank/chardev", test_yank_chardev);
    return g_test_run();
}
