/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qmp-chardev.c: chardev-add, chardev-remove, query-chardev and the
 * ring buffer commands of build/kvmini, end to end over QMP.
 */
#include "osdep.h"

#include "kvmini-proc.h"
#include "qobject/qjson.h"

static void test_add_remove(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, false);
    g_autofree char *sock = g_build_filename(p->dir, "s.sock", NULL);
    g_autofree char *add = g_strdup_printf(
        "{'execute': 'chardev-add', 'arguments': {'id': 's', 'backend': "
        "{'type': 'socket', 'data': {'addr': {'type': 'unix', 'data': "
        "{'path': '%s'}}, 'server': true, 'wait': false}}}}", sock);
    g_autofree char *filename = g_strdup_printf(
        "{\"label\": \"s\", \"filename\": \"disconnected:unix:%s,server=on\", "
        "\"frontend-open\": false}", sock);
    g_autofree char *list = NULL;

    kvmini_qmp_check(c, "{'execute': 'chardev-add', 'arguments': {'id': 'n', "
               "'backend': {'type': 'null', 'data': {}}}}", "{}");
    kvmini_qmp_check(c, "{'execute': 'chardev-add', 'arguments': {'id': 'n', "
               "'backend': {'type': 'null', 'data': {}}}}",
               "error: Chardev with id 'n' already exists");
    kvmini_qmp_check(c, add, "{}");
    list = kvmini_qmp_run(c, "{'execute': 'query-chardev'}");
    g_assert(strstr(list, "{\"label\": \"n\", \"filename\": \"null\", "
                    "\"frontend-open\": false}"));
    g_assert(strstr(list, filename));
    g_assert(g_file_test(sock, G_FILE_TEST_EXISTS));
    kvmini_qmp_check(c, "{'execute': 'chardev-remove', 'arguments': {'id': 's'}}",
               "{}");
    g_assert(!g_file_test(sock, G_FILE_TEST_EXISTS));
    kvmini_qmp_check(c, "{'execute': 'chardev-remove', 'arguments': {'id': 's'}}",
               "error: Chardev 's' not found");
    kvmini_qmp_check(c, "{'execute': 'chardev-remove', 'arguments': "
               "{'id': 'compat_monitor0'}}",
               "error: Chardev 'compat_monitor0' is busy");
    kvmini_qmp_check(c, "{'execute': 'chardev-add', 'arguments': {'id': 'f', "
               "'backend': {'type': 'file', 'data': {'out': '/nonexistent/x'}}}}",
               "error: Failed to add chardev 'f': Could not open "
               "'/nonexistent/x': No such file or directory");
    kvmini_qmp_check(c, "{'execute': 'chardev-add', 'arguments': {'id': 'r', "
               "'backend': {'type': 'ringbuf', 'data': {'size': 3}}}}",
               "error: Failed to add chardev 'r': size of ringbuf chardev "
               "must be power of two");
}

static void test_ringbuf(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start((const char *const[]) {
        "-chardev", "ringbuf,id=r,size=16", "-chardev", "null,id=n", NULL });
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, false);

    kvmini_qmp_check(c, "{'execute': 'ringbuf-write', 'arguments': {'device': 'r', "
               "'data': 'hello world, this is long'}}", "{}");
    /* 16 bytes kept: the oldest were overwritten. */
    kvmini_qmp_check(c, "{'execute': 'ringbuf-read', 'arguments': {'device': 'r', "
               "'size': 100}}", "\"ld, this is long\"");
    kvmini_qmp_check(c, "{'execute': 'ringbuf-write', 'arguments': {'device': 'r', "
               "'data': 'aGk=', 'format': 'base64'}}", "{}");
    kvmini_qmp_check(c, "{'execute': 'ringbuf-read', 'arguments': {'device': 'r', "
               "'size': 1}}", "\"h\"");
    kvmini_qmp_check(c, "{'execute': 'ringbuf-read', 'arguments': {'device': 'r', "
               "'size': 10, 'format': 'base64'}}", "\"aQ==\"");
    kvmini_qmp_check(c, "{'execute': 'ringbuf-write', 'arguments': {'device': 'r', "
               "'data': '!!!', 'format': 'base64'}}",
               "error: Base64 data contains invalid characters");
    kvmini_qmp_check(c, "{'execute': 'ringbuf-read', 'arguments': {'device': 'n', "
               "'size': 1}}", "error: n is not a ringbuf device");
    kvmini_qmp_check(c, "{'execute': 'ringbuf-read', 'arguments': {'device': 'zz', "
               "'size': 1}}", "error: Device 'zz' not found");
    kvmini_qmp_check(c, "{'execute': 'ringbuf-read', 'arguments': {'device': 'r', "
               "'size': -1}}", "error: size must be greater than zero");
}

/* A monitor added at run time on a new socket chardev... through -mon. */
static void test_mon_on_chardev(void)
{
    g_autoptr(KvminiProc) p = NULL;
    g_autofree char *path = NULL, *opt = NULL;
    g_autoptr(QmpClient) c = NULL;
    g_autofree char *tmp = g_dir_make_tmp("kvmini-mon-XXXXXX", NULL);
    g_autofree char *addr = NULL;
    QmpClientOptions opts = { .timeout_ms = 10000 };

    path = g_build_filename(tmp, "m.sock", NULL);
    opt = g_strdup_printf("socket,id=m,path=%s,server=on,wait=off", path);
    p = kvmini_proc_start((const char *const[]) {
        "-chardev", opt, "-mon", "chardev=m,mode=control,pretty=on", NULL });
    addr = g_strdup_printf("unix:%s", path);
    c = qmp_client_connect(addr, &opts, &error_abort);
    g_assert(qmp_client_negotiate(c, false, &error_abort));
    g_assert(qmp_client_execute(c, "query-status", NULL, NULL, &error_abort));
    qmp_client_free(g_steal_pointer(&c));
    g_clear_pointer(&p, kvmini_proc_free);
    unlink(path);
    rmdir(tmp);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp/chardev/add-remove", test_add_remove);
    g_test_add_func("/qmp/chardev/ringbuf", test_ringbuf);
    g_test_add_func("/qmp/chardev/mon-on-chardev", test_mon_on_chardev);
    return g_test_run();
}
