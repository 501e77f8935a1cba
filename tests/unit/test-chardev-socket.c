/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-chardev-socket.c: the socket backend: a unix server (mode 0600,
 * filenames, data both ways, one client at a time), a client with and
 * without reconnect, TCP.
 */
#include "osdep.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "chardev-test-fe.h"
#include "chardev/char-opts.h"
#include "util/error-report.h"

static char *tmpdir;

static int unix_connect(const char *path)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    strcpy(un.sun_path, path);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&un, sizeof(un)), ==, 0);
    return fd;
}

static int unix_listen(const char *path)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    strcpy(un.sun_path, path);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&un, sizeof(un)), ==, 0);
    g_assert_cmpint(listen(fd, 1), ==, 0);
    return fd;
}

/* -chardev "socket,id=@id,path=@path@rest". */
static Chardev *chardev_new(const char *id, const char *path, const char *rest)
{
    g_autofree char *opts = g_strdup_printf("socket,id=%s,path=%s%s", id,
                                            path, rest);

    return qemu_chr_new_from_cmdline(opts, &error_abort);
}

static void test_server(void)
{
    g_autofree char *path = g_build_filename(tmpdir, "s.sock", NULL);
    g_autofree char *expect = NULL;
    Chardev *chr = chardev_new("s", path, ",server=on,wait=off");
    TestFe fe = { 0 };
    struct stat st;
    char buf[8] = "";
    int fd;

    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_mode & 07777, ==, 0600);
    expect = g_strdup_printf("disconnected:unix:%s,server=on", path);
    g_assert_cmpstr(chr->filename, ==, expect);
    test_fe_attach(&fe, chr);
    g_assert_cmpstr(fe.events->str, ==, "");

    fd = unix_connect(path);
    test_fe_wait_event(&fe, 'O');
    g_free(expect);
    expect = g_strdup_printf("unix:%s,server=on", path);
    g_assert_cmpstr(chr->filename, ==, expect);
    g_assert(qemu_chr_fe_backend_open(&fe.be));

    g_assert_cmpint(write(fd, "abc", 3), ==, 3);
    test_fe_wait_input(&fe, 3);
    g_assert_cmpstr(fe.input->str, ==, "abc");
    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"xyz", 3),
                    ==, 3);
    g_assert_cmpint(read(fd, buf, sizeof(buf)), ==, 3);
    g_assert_cmpstr(buf, ==, "xyz");

    close(fd);
    test_fe_wait_event(&fe, 'C');
    g_assert_cmpstr(fe.events->str, ==, "OC");
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("s", &error_abort));
    g_assert(!g_file_test(path, G_FILE_TEST_EXISTS));
}

/* While the frontend takes nothing, nothing is read. */
static void test_flow_control(void)
{
    g_autofree char *path = g_build_filename(tmpdir, "f.sock", NULL);
    Chardev *chr = chardev_new("f", path, ",server=on,wait=off");
    TestFe fe = { 0 };
    int fd;

    test_fe_attach(&fe, chr);
    fe.can_read = 0;
    fd = unix_connect(path);
    test_fe_wait_event(&fe, 'O');
    g_assert_cmpint(write(fd, "abcdef", 6), ==, 6);
    test_loop_drain();
    g_assert_cmpstr(fe.input->str, ==, "");
    fe.can_read = 2;
    qemu_chr_fe_accept_input(&fe.be);
    test_fe_wait_input(&fe, 6);
    g_assert_cmpstr(fe.input->str, ==, "abcdef");
    close(fd);
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("f", &error_abort));
}

static void test_second_client_waits(void)
{
    g_autofree char *path = g_build_filename(tmpdir, "w.sock", NULL);
    Chardev *chr = chardev_new("w", path, ",server=on,wait=off");
    TestFe fe = { 0 };
    int a, b;

    test_fe_attach(&fe, chr);
    a = unix_connect(path);
    test_fe_wait_event(&fe, 'O');
    b = unix_connect(path);
    g_assert_cmpint(write(b, "b", 1), ==, 1);
    test_loop_drain();
    g_assert_cmpstr(fe.events->str, ==, "O");
    g_assert_cmpstr(fe.input->str, ==, "");
    close(a);
    test_fe_wait_input(&fe, 1);
    g_assert_cmpstr(fe.events->str, ==, "OCO");
    g_assert_cmpstr(fe.input->str, ==, "b");
    close(b);
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("w", &error_abort));
}

static void test_in_use(void)
{
    Chardev *chr = qemu_chr_new_from_cmdline("null,id=n", &error_abort);
    TestFe fe = { 0 };
    CharBackend other;
    Error *err = NULL;

    test_fe_attach(&fe, chr);
    g_assert(!qemu_chr_fe_init(&other, chr, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'n' is in use");
    g_clear_pointer(&err, error_free);
    g_assert(!qemu_chr_remove("n", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Chardev 'n' is busy");
    g_clear_pointer(&err, error_free);
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("n", &error_abort));
}

static void test_client_no_server(void)
{
    g_autofree char *path = g_build_filename(tmpdir, "none.sock", NULL);
    g_autofree char *opts = g_strdup_printf("socket,id=c,path=%s", path);
    g_autofree char *expect = g_strdup_printf(
        "Failed to connect to '%s': No such file or directory", path);
    Error *err = NULL;

    g_assert(!qemu_chr_new_from_cmdline(opts, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, expect);
    g_clear_pointer(&err, error_free);
    g_assert(!qemu_chr_find("c"));
}

static void collect(void *opaque, const char *text)
{
    g_string_append(opaque, text);
}

/* reconnect=1: the client connects once the server is there. */
static void test_client_reconnect(void)
{
    g_autofree char *path = g_build_filename(tmpdir, "r.sock", NULL);
    g_autoptr(GString) printed = g_string_new(NULL);
    g_autofree char *expect = NULL;
    Chardev *chr;
    TestFe fe = { 0 };
    int lfd, fd;

    error_set_printer(collect, printed);
    chr = chardev_new("r", path, ",reconnect=1");
    error_set_printer(NULL, NULL);
    expect = g_strdup_printf("Unable to connect character device r: Failed "
                             "to connect to '%s': No such file or directory",
                             path);
    g_assert(strstr(printed->str, expect));
    g_free(expect);
    expect = g_strdup_printf("disconnected:unix:%s", path);
    g_assert_cmpstr(chr->filename, ==, expect);

    test_fe_attach(&fe, chr);
    lfd = unix_listen(path);
    test_fe_wait_event(&fe, 'O');
    g_free(expect);
    expect = g_strdup_printf("unix:%s", path);
    g_assert_cmpstr(chr->filename, ==, expect);
    fd = accept(lfd, NULL, NULL);
    /* The server drops it: the client connects again. */
    close(fd);
    test_fe_wait_event(&fe, 'C');
    test_fe_wait_event(&fe, 'O');
    g_assert_cmpstr(fe.events->str, ==, "OCO");
    close(lfd);
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("r", &error_abort));
    unlink(path);
}

static void test_reconnect_server(void)
{
    Error *err = NULL;

    g_assert(!qemu_chr_new_from_cmdline("socket,id=x,path=/tmp/x,server=on,"
                                        "reconnect=1", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "'reconnect' option is "
                    "incompatible with socket in server listen mode");
    g_clear_pointer(&err, error_free);
}

/* A chardev that goes removes its socket file, not a newer one there. */
static void test_replaced_socket_file(void)
{
    g_autofree char *path = g_build_filename(tmpdir, "x.sock", NULL);

    chardev_new("x1", path, ",server=on,wait=off");
    chardev_new("x2", path, ",server=on,wait=off");
    g_assert(qemu_chr_remove("x1", &error_abort));
    g_assert(g_file_test(path, G_FILE_TEST_EXISTS));
    g_assert(qemu_chr_remove("x2", &error_abort));
    g_assert(!g_file_test(path, G_FILE_TEST_EXISTS));
}

static void test_tcp(void)
{
    Chardev *chr = qemu_chr_new_from_cmdline(
        "socket,id=t,host=127.0.0.1,port=0,server=on,wait=off,nodelay=on",
        &error_abort);
    struct sockaddr_in sin = { .sin_family = AF_INET };
    socklen_t len = sizeof(sin);
    g_autofree char *expect = NULL;
    TestFe fe = { 0 };
    int port, fd;

    g_assert(g_str_has_prefix(chr->filename, "disconnected:tcp:127.0.0.1:"));
    g_assert(g_str_has_suffix(chr->filename, ",server=on"));
    port = atoi(chr->filename + strlen("disconnected:tcp:127.0.0.1:"));
    g_assert_cmpint(port, >, 0);
    test_fe_attach(&fe, chr);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    sin.sin_port = htons(port);
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sin, sizeof(sin)), ==, 0);
    test_fe_wait_event(&fe, 'O');
    g_assert_cmpint(getsockname(fd, (struct sockaddr *)&sin, &len), ==, 0);
    expect = g_strdup_printf("tcp:127.0.0.1:%d,server=on <-> 127.0.0.1:%d",
                             port, ntohs(sin.sin_port));
    g_assert_cmpstr(chr->filename, ==, expect);
    close(fd);
    test_fe_wait_event(&fe, 'C');
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("t", &error_abort));
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("test-chardev-socket-XXXXXX", NULL);
    g_test_add_func("/chardev/socket/server", test_server);
    g_test_add_func("/chardev/socket/flow-control", test_flow_control);
    g_test_add_func("/chardev/socket/second-client-waits",
                    test_second_client_waits);
    g_test_add_func("/chardev/socket/in-use", test_in_use);
    g_test_add_func("/chardev/socket/client-no-server", test_client_no_server);
    g_test_add_func("/chardev/socket/client-reconnect", test_client_reconnect);
    g_test_add_func("/chardev/socket/reconnect-server", test_reconnect_server);
    g_test_add_func("/chardev/socket/replaced-socket-file",
                    test_replaced_socket_file);
    g_test_add_func("/chardev/socket/tcp", test_tcp);
    ret = g_test_run();
    qemu_chr_cleanup();
    rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
