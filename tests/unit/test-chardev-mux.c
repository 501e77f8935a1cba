/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-chardev-mux.c: mux=on: two frontends on one socket chardev, the
 * focus, input held for a frontend that takes none, the Ctrl-A escapes
 * (h, c, b, t, x, C-a), OPENED passed on once the main loop runs, and
 * monitors on a mux.
 */
#include "osdep.h"

#include <sys/socket.h>
#include <sys/un.h>

#include "chardev-test-fe.h"
#include "chardev/char-opts.h"
#include "monitor/monitor-chardev.h"
#include "system/run-control.h"
#include "util/main-loop.h"

typedef struct MuxFixture {
    char *dir;
    char *path;
    TestFe a, b;            /* attached in this order: b has the focus */
    int client;
} MuxFixture;

static void mux_setup(MuxFixture *f, gconstpointer data)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    g_autofree char *opts = NULL;
    Chardev *chr;

    f->dir = g_dir_make_tmp("test-chardev-mux-XXXXXX", NULL);
    f->path = g_build_filename(f->dir, "m.sock", NULL);
    opts = g_strdup_printf("socket,id=m,path=%s,server=on,wait=off,mux=on",
                           f->path);
    chr = qemu_chr_new_from_cmdline(opts, &error_abort);
    g_assert_cmpstr(chr->filename, ==, "mux");
    g_assert(qemu_chr_find("m-base"));
    test_fe_attach(&f->a, chr);
    test_fe_attach(&f->b, chr);
    f->client = socket(AF_UNIX, SOCK_STREAM, 0);
    strcpy(un.sun_path, f->path);
    g_assert_cmpint(connect(f->client, (struct sockaddr *)&un, sizeof(un)),
                    ==, 0);
    test_fe_wait_event(&f->a, 'O');
    test_fe_wait_event(&f->b, 'O');
}

static void mux_teardown(MuxFixture *f, gconstpointer data)
{
    close(f->client);
    test_fe_detach(&f->a);
    test_fe_detach(&f->b);
    qemu_chr_cleanup();
    g_assert(!qemu_chr_find("m"));
    rmdir(f->dir);
    g_free(f->path);
    g_free(f->dir);
}

static void send_text(MuxFixture *f, const char *text)
{
    g_assert_cmpint(write(f->client, text, strlen(text)), ==,
                    (ssize_t)strlen(text));
}

/* Read exactly @len bytes from the client socket. */
static char *recv_text(MuxFixture *f, size_t len)
{
    char *buf = g_malloc0(len + 1);
    size_t got = 0;
    ssize_t n;

    while (got < len) {
        g_main_context_iteration(NULL, FALSE);
        n = recv(f->client, buf + got, len - got, MSG_DONTWAIT);
        if (0 < n) {
            got += n;
        }
    }
    return buf;
}

/* Type @keys; the client must then read exactly @shown. */
static void expect_text(MuxFixture *f, const char *keys, const char *shown)
{
    g_autofree char *got = NULL;

    send_text(f, keys);
    got = recv_text(f, strlen(shown));
    g_assert_cmpstr(got, ==, shown);
}

static void test_focus(MuxFixture *f, gconstpointer data)
{
    /* Attaching gave the focus to a, then to b. */
    g_assert_cmpstr(f->a.events->str, ==, "IXO");
    g_assert_cmpstr(f->b.events->str, ==, "IO");
    send_text(f, "ab");
    test_fe_wait_input(&f->b, 2);
    send_text(f, "\001c" "cd");
    test_fe_wait_input(&f->a, 2);
    g_assert_cmpstr(f->a.input->str, ==, "cd");
    g_assert_cmpstr(f->b.input->str, ==, "ab");
    g_assert_cmpstr(f->a.events->str, ==, "IXOI");
    g_assert_cmpstr(f->b.events->str, ==, "IOX");
    /* C-a C-a is a literal C-a; C-a b a break. */
    send_text(f, "\001\001" "\001b");
    test_fe_wait_event(&f->a, 'B');
    g_assert_cmpstr(f->a.input->str, ==, "cd\001");
}

/*
 * b takes no input (a stopped guest's full serial port): its bytes wait
 * for it, and C-a c still switches; they go to b, in order, once it
 * takes input again and has the focus.
 */
static void test_held(MuxFixture *f, gconstpointer data)
{
    f->b.can_read = 0;
    send_text(f, "xy" "\001c" "z");
    test_fe_wait_input(&f->a, 1);
    g_assert_cmpstr(f->a.input->str, ==, "z");
    g_assert_cmpstr(f->b.input->str, ==, "");
    f->b.can_read = 1;
    send_text(f, "\001c");
    test_fe_wait_input(&f->b, 2);
    g_assert_cmpstr(f->b.input->str, ==, "xy");
    send_text(f, "w");
    test_fe_wait_input(&f->b, 3);
    g_assert_cmpstr(f->b.input->str, ==, "xyw");
}

static void test_help(MuxFixture *f, gconstpointer data)
{
    static const char help[] =
        "\n\r"
        "C-a h    print this help\n\r"
        "C-a x    exit emulator\n\r"
        "C-a s    save disk data back to file (if -snapshot)\n\r"
        "C-a t    toggle console timestamps\n\r"
        "C-a b    send break (magic sysrq)\n\r"
        "C-a c    switch between console and monitor\n\r"
        "C-a C-a  sends C-a\n\r";
    g_autofree char *got = NULL;

    send_text(f, "\001h");
    got = recv_text(f, strlen(help));
    g_assert_cmpstr(got, ==, help);
    g_assert_cmpstr(f->b.input->str, ==, "");
}

static void test_timestamps(MuxFixture *f, gconstpointer data)
{
    g_autofree char *got = NULL;

    send_text(f, "\001t" "x");
    test_fe_wait_input(&f->b, 1);
    qemu_chr_fe_write_all(&f->b.be, (const uint8_t *)"1\n2\n", 4);
    /* "[00:00:00.0NN] " before each line but the first, begun earlier. */
    got = recv_text(f, 4 + 15);
    g_assert(g_regex_match_simple("^1\n\\[00:00:00\\.[0-9]{3}\\] 2\n$", got,
                                  0, 0));
}

static void test_exit(MuxFixture *f, gconstpointer data)
{
    g_autofree char *got = NULL;
    int status = -1;

    g_assert(!run_control_poll(&status));
    send_text(f, "\001x");
    got = recv_text(f, strlen("kvmini: Terminated\n\r"));
    g_assert_cmpstr(got, ==, "kvmini: Terminated\n\r");
    g_assert(run_control_poll(&status));
    g_assert_cmpint(status, ==, 0);
}

/*
 * The chardev below is open from the start (a file), but the frontends
 * hear of it only once the main loop runs, when all of them are attached.
 */
static void test_open_late(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-chardev-mux-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "out", NULL);
    g_autofree char *opts = g_strdup_printf("file,id=n,path=%s,mux=on", path);
    Chardev *chr = qemu_chr_new_from_cmdline(opts, &error_abort);
    TestFe a, b;

    g_assert(qemu_chr_find("n-base")->be_open);
    g_assert(!chr->be_open);
    test_fe_attach(&a, chr);
    test_fe_attach(&b, chr);
    g_assert_cmpstr(a.events->str, ==, "IX");
    g_assert_cmpstr(b.events->str, ==, "I");
    test_loop_drain();
    g_assert(chr->be_open);
    g_assert_cmpstr(a.events->str, ==, "IXO");
    g_assert_cmpstr(b.events->str, ==, "IO");
    test_fe_detach(&a);
    test_fe_detach(&b);
    qemu_chr_cleanup();
    unlink(path);
    rmdir(dir);
}

/*
 * A socket mux with a monitor (QMP: @qmp) attached first, then @f->a (so
 * it has the focus), and a client connected.
 */
static void mux_monitor_setup(MuxFixture *f, bool qmp)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    g_autofree char *opts = NULL;
    Chardev *chr;

    f->dir = g_dir_make_tmp("test-chardev-mux-XXXXXX", NULL);
    f->path = g_build_filename(f->dir, "m.sock", NULL);
    opts = g_strdup_printf("socket,id=m,path=%s,server=on,wait=off,mux=on",
                           f->path);
    chr = qemu_chr_new_from_cmdline(opts, &error_abort);
    g_assert(monitor_init_chardev(chr, qmp, false, &error_abort));
    test_fe_attach(&f->a, chr);
    f->client = socket(AF_UNIX, SOCK_STREAM, 0);
    strcpy(un.sun_path, f->path);
    g_assert_cmpint(connect(f->client, (struct sockaddr *)&un, sizeof(un)),
                    ==, 0);
    test_fe_wait_event(&f->a, 'O');
}

static void mux_monitor_teardown(MuxFixture *f)
{
    close(f->client);
    test_fe_detach(&f->a);
    monitor_chardev_cleanup();
    qemu_chr_cleanup();
    rmdir(f->dir);
    g_free(f->path);
    g_free(f->dir);
}

/*
 * A monitor attached before the console greets when it gets the focus;
 * until then its input goes to the console. Leaving it ends its line;
 * coming back drops the line being typed and shows a fresh prompt.
 */
static void test_monitor(void)
{
    static const char banner[] = "kvmini " KVMINI_VERSION " monitor - type "
        "'help' for more information\r\n(kvmini) ";
    MuxFixture f = { 0 };
    char c;

    mux_monitor_setup(&f, false);
    send_text(&f, "x");
    test_fe_wait_input(&f.a, 1);
    test_loop_drain();
    g_assert_cmpint(recv(f.client, &c, 1, MSG_DONTWAIT), ==, -1);
    expect_text(&f, "\001c", banner);
    expect_text(&f, "ab", "a\033[K\033[Dab\033[K");
    expect_text(&f, "\001c", "\r\n");
    send_text(&f, "y");
    test_fe_wait_input(&f.a, 2);
    g_assert_cmpstr(f.a.input->str, ==, "xy");
    expect_text(&f, "\001c", "(kvmini) ");
    expect_text(&f, "z", "z\033[K");
    mux_monitor_teardown(&f);
}

/* A QMP monitor greets at once, without the focus, as QEMU's does. */
static void test_qmp(void)
{
    MuxFixture f = { 0 };
    g_autofree char *got = NULL;

    mux_monitor_setup(&f, true);
    got = recv_text(&f, strlen("{\"QMP\": {"));
    g_assert_cmpstr(got, ==, "{\"QMP\": {");
    mux_monitor_teardown(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    main_loop_init();
    g_test_add("/chardev/mux/focus", MuxFixture, NULL, mux_setup, test_focus,
               mux_teardown);
    g_test_add("/chardev/mux/held", MuxFixture, NULL, mux_setup, test_held,
               mux_teardown);
    g_test_add("/chardev/mux/help", MuxFixture, NULL, mux_setup, test_help,
               mux_teardown);
    g_test_add("/chardev/mux/timestamps", MuxFixture, NULL, mux_setup,
               test_timestamps, mux_teardown);
    g_test_add_func("/chardev/mux/open-late", test_open_late);
    g_test_add_func("/chardev/mux/monitor", test_monitor);
    g_test_add_func("/chardev/mux/qmp", test_qmp);
    g_test_add("/chardev/mux/exit", MuxFixture, NULL, mux_setup, test_exit,
               mux_teardown);
    return g_test_run();
}
