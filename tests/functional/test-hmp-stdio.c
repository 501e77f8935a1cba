/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-hmp-stdio.c: kvmini on its standard input and output: -nographic
 * (HMP behind Ctrl-A), the terminal settings restored on exit and on a
 * fatal signal, and -daemonize. On a terminal, HMP behind the mux shows
 * exactly what QEMU 7.2's does (the bytes below are QEMU's, with its
 * name and version replaced): its banner only once it has the focus, a
 * fresh prompt whenever it gets it back, and the echo of line editing.
 */
#include "osdep.h"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>

#include "kvmini-proc.h"

/* Start kvmini with @args, its stdin, stdout and stderr on @fd. */
static GPid spawn_on_fd(const char *const *args, int fd)
{
    GPid pid = fork();
    int i;

    g_assert_cmpint(pid, >=, 0);
    if (!pid) {
        setsid();
        dup2(fd, STDIN_FILENO);
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        for (i = 3; i < 64; i++) {
            close(i);
        }
        execv(KVMINI_PATH, (char **)args);
        _exit(127);
    }
    kvmini_proc_track(pid, true);
    return pid;
}

/* Wait up to 5 s for @pid to exit; its wait status. */
static int wait_exit(GPid pid)
{
    int status, i;

    for (i = 0; i < 500; i++) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            kvmini_proc_track(pid, false);
            return status;
        }
        g_usleep(10 * 1000);
    }
    g_error("kvmini did not exit");
}

static void test_nographic(void)
{
    const char *const args[] = { KVMINI_PATH, "-M", "none", "-nographic", NULL };
    g_autofree char *banner = NULL, *out = NULL, *end = NULL;
    int sv[2];
    GPid pid;
    int status;

    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), ==, 0);
    pid = spawn_on_fd(args, sv[1]);
    close(sv[1]);
    banner = kvmini_proc_read_until(sv[0], "(kvmini) ");
    g_assert_cmpstr(banner, ==, "kvmini " KVMINI_VERSION " monitor - type "
                    "'help' for more information\r\n(kvmini) ");
    kvmini_proc_write(sv[0], "info chardev\r");
    out = kvmini_proc_read_until(sv[0], "\r\n(kvmini) ");
    g_assert(g_str_has_suffix(out, "info chardev\033[K\r\n"
                              "serial0-base: filename=stdio\r\n"
                              "serial0: filename=mux\r\n(kvmini) "));
    kvmini_proc_write(sv[0], "\001x");
    end = kvmini_proc_read_until(sv[0], "kvmini: Terminated\n\r");
    status = wait_exit(pid);
    g_assert(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    close(sv[0]);
}

/* kvmini on a pseudo-terminal: raw while it runs, restored after. */
static void run_on_pty(int sig)
{
    const char *const args[] = { KVMINI_PATH, "-M", "none", "-nographic", NULL };
    g_autofree char *banner = NULL;
    struct termios before, during, after;
    int master, slave;
    GPid pid;
    int status;

    g_assert_cmpint(openpty(&master, &slave, NULL, NULL, NULL), ==, 0);
    g_assert_cmpint(tcgetattr(slave, &before), ==, 0);
    g_assert(before.c_lflag & ECHO);
    g_assert(before.c_lflag & ICANON);
    pid = spawn_on_fd(args, slave);
    banner = kvmini_proc_read_until(master, "(kvmini) ");
    g_assert_cmpint(tcgetattr(slave, &during), ==, 0);
    g_assert(!(during.c_lflag & (ECHO | ICANON)));
    g_assert(during.c_lflag & ISIG);
    if (sig) {
        kill(pid, sig);
    } else {
        kvmini_proc_write(master, "\001x");
    }
    status = wait_exit(pid);
    if (sig) {
        g_assert(WIFSIGNALED(status));
        g_assert_cmpint(WTERMSIG(status), ==, sig);
    } else {
        g_assert(WIFEXITED(status));
    }
    g_assert_cmpint(tcgetattr(slave, &after), ==, 0);
    g_assert_cmpint(after.c_lflag, ==, before.c_lflag);
    g_assert_cmpint(after.c_iflag, ==, before.c_iflag);
    close(master);
    close(slave);
}

static void test_terminal_restored(void)
{
    run_on_pty(0);
}

static void test_terminal_restored_on_crash(void)
{
    run_on_pty(SIGSEGV);
}

#define BANNER "kvmini " KVMINI_VERSION " monitor - type 'help' for more " \
    "information"

/*
 * kvmini with @args on a new pseudo-terminal, which kvmini makes raw but
 * for output post-processing (as QEMU does): "\r\n" shows as "\r\r\n".
 * *@master is the terminal's other end.
 */
static GPid spawn_on_pty(const char *const *args, int *master)
{
    int slave;
    GPid pid;

    g_assert_cmpint(openpty(master, &slave, NULL, NULL, NULL), ==, 0);
    pid = spawn_on_fd(args, slave);
    close(slave);
    return pid;
}

/* Type @keys on @fd; the terminal must then show exactly @shown. */
static void assert_echo(int fd, const char *keys, const char *shown)
{
    g_autofree char *got = NULL;

    kvmini_proc_write(fd, keys);
    got = kvmini_proc_read_until(fd, shown);
    g_assert_cmpstr(got, ==, shown);
}

/* Nothing more shows on @fd for a while. */
static void assert_quiet(int fd)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };

    g_assert_cmpint(poll(&pfd, 1, 300), ==, 0);
}

/* C-a x on @master, then @pid exits with status 0. */
static void quit_on_pty(GPid pid, int master)
{
    int status;

    kvmini_proc_write(master, "\001x");
    g_free(kvmini_proc_read_until(master, "kvmini: Terminated"));
    status = wait_exit(pid);
    g_assert(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    close(master);
}

/*
 * Two monitors on one mux: the last one attached has the focus and greets
 * at start-up; the other greets only when C-a c gives it the terminal.
 * Leaving a monitor ends its line; coming back drops the line being typed
 * and shows a fresh prompt.
 */
static void test_mux_focus(void)
{
    const char *const args[] = { KVMINI_PATH, "-M", "none", "-display", "none",
                                 "-chardev", "stdio,mux=on,id=x",
                                 "-mon", "chardev=x", "-mon", "chardev=x",
                                 NULL };
    g_autofree char *start = NULL;
    int master;
    GPid pid = spawn_on_pty(args, &master);

    start = kvmini_proc_read_until(master, "(kvmini) ");
    g_assert_cmpstr(start, ==, BANNER "\r\r\n(kvmini) ");
    assert_quiet(master);
    assert_echo(master, "\001c", "\r\r\n" BANNER "\r\r\n(kvmini) ");
    assert_echo(master, "ab", "a\033[K\033[Dab\033[K");
    assert_echo(master, "\001c", "\r\r\n(kvmini) ");
    assert_echo(master, "\001c", "\r\r\n(kvmini) ");
    assert_echo(master, "x", "x\033[K");
    quit_on_pty(pid, master);
}

/*
 * -serial mon:stdio with -nographic (make run's options) gives the one
 * monitor; with -M none no serial port takes the focus from it.
 */
static void test_serial_mon_stdio(void)
{
    const char *const args[] = { KVMINI_PATH, "-M", "none", "-nographic",
                                 "-serial", "mon:stdio", NULL };
    g_autofree char *start = NULL;
    int master;
    GPid pid = spawn_on_pty(args, &master);

    start = kvmini_proc_read_until(master, "(kvmini) ");
    g_assert_cmpstr(start, ==, BANNER "\r\r\n(kvmini) ");
    /* Alone on the mux, it loses and regains the focus at once. */
    assert_echo(master, "\001c", "\r\r\n(kvmini) ");
    /* The help's "\n\r" line ends show as "\r\n\r". */
    assert_echo(master, "\001h", "\r\n\rC-a h    print this help\r\n\r"
                "C-a x    exit emulator\r\n\r"
                "C-a s    save disk data back to file (if -snapshot)\r\n\r"
                "C-a t    toggle console timestamps\r\n\r"
                "C-a b    send break (magic sysrq)\r\n\r"
                "C-a c    switch between console and monitor\r\n\r"
                "C-a C-a  sends C-a\r\n\r");
    quit_on_pty(pid, master);
}

/*
 * Line editing redraws the line from its start on every key, as QEMU's
 * does: Backspace, Left, Right, Enter, Up (history), Tab completion.
 */
static void test_line_editing(void)
{
    const char *const args[] = { KVMINI_PATH, "-M", "none", "-nographic",
                                 NULL };
    g_autofree char *start = NULL;
    int master;
    GPid pid = spawn_on_pty(args, &master);

    start = kvmini_proc_read_until(master, "(kvmini) ");
    assert_echo(master, "ab\177\033[Dx\033[C\r",
                "a\033[K\033[Dab\033[K\033[D\033[Da\033[K\033[Dxa\033[K"
                "\033[D\033[C\r\r\nunknown command: 'xa'\r\r\n(kvmini) ");
    assert_echo(master, "\033[A\177\177",
                "xa\033[K\033[D\033[Dx\033[K\033[D\033[K");
    assert_echo(master, "qo\t",
                "q\033[K\033[Dqo\033[K\r\r\nqom-get   qom-list  qom-set   "
                "\r\r\n(kvmini) qom-\033[K");
    assert_echo(master, "\177\177\177\177help qui\t",
                "\033[D\033[D\033[D\033[Dqom\033[K\033[D\033[D\033[Dqo\033[K"
                "\033[D\033[Dq\033[K\033[D\033[Kh\033[K\033[Dhe\033[K"
                "\033[D\033[Dhel\033[K\033[D\033[D\033[Dhelp\033[K"
                "\033[D\033[D\033[D\033[Dhelp \033[K"
                "\033[D\033[D\033[D\033[D\033[Dhelp q\033[K"
                "\033[D\033[D\033[D\033[D\033[D\033[Dhelp qu\033[K"
                "\033[D\033[D\033[D\033[D\033[D\033[D\033[Dhelp qui\033[K"
                "\033[D\033[D\033[D\033[D\033[D\033[D\033[D\033[D"
                "help quit \033[K");
    quit_on_pty(pid, master);
}

/* The CPU time @pid used so far, in clock ticks. */
static unsigned long cpu_ticks(GPid pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/stat", pid);
    g_autofree char *stat = NULL;
    unsigned long utime, stime;
    const char *p;

    g_assert(g_file_get_contents(path, &stat, NULL, NULL));
    /* After "PID (COMM) ": the state, then 10 fields before utime, stime. */
    p = strrchr(stat, ')');
    g_assert_nonnull(p);
    g_assert_cmpint(sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u "
                           "%*u %lu %lu", &utime, &stime), ==, 2);
    return utime + stime;
}

/* Waiting for the user's keys, kvmini sleeps: its main loop does not spin. */
static void test_idle(void)
{
    const char *const args[] = { KVMINI_PATH, "-M", "none", "-nographic",
                                 NULL };
    unsigned long before;
    int master;
    GPid pid = spawn_on_pty(args, &master);

    g_free(kvmini_proc_read_until(master, "(kvmini) "));
    before = cpu_ticks(pid);
    g_usleep(2 * G_USEC_PER_SEC);
    g_assert_cmpuint(cpu_ticks(pid) - before, <, sysconf(_SC_CLK_TCK) / 10);
    quit_on_pty(pid, master);
}

static void test_daemonize(void)
{
    g_autofree char *dir = g_dir_make_tmp("kvmini-daemon-XXXXXX", NULL);
    g_autofree char *pidfile = g_build_filename(dir, "pid", NULL);
    g_autofree char *sock = g_build_filename(dir, "q.sock", NULL);
    g_autofree char *qmp = g_strdup_printf("unix:%s,server=on,wait=off", sock);
    const char *const args[] = { KVMINI_PATH, "-M", "none", "-nodefaults", "-daemonize",
                                 "-pidfile", pidfile, "-qmp", qmp, NULL };
    QmpClientOptions opts = { .timeout_ms = 10000 };
    g_autoptr(QmpClient) c = NULL;
    g_autoptr(GError) gerr = NULL;
    g_autofree char *text = NULL;
    GPid daemon;
    int status, i;

    g_spawn_sync(NULL, (char **)args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                 &status, &gerr);
    g_assert_no_error(gerr);
    /* The parent returned 0 once the daemon was ready: its socket exists. */
    g_assert(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    g_assert(g_file_get_contents(pidfile, &text, NULL, NULL));
    daemon = atoi(text);
    g_assert_cmpint(daemon, >, 0);
    kvmini_proc_track(daemon, true);
    g_assert(g_file_test(sock, G_FILE_TEST_EXISTS));

    c = qmp_client_connect(sock, &opts, &error_abort);
    g_assert(qmp_client_negotiate(c, false, &error_abort));
    g_assert(qmp_client_execute(c, "quit", NULL, NULL, &error_abort));
    for (i = 0; i < 500 && !kill(daemon, 0); i++) {
        g_usleep(10 * 1000);
    }
    g_assert_cmpint(kill(daemon, 0), ==, -1);
    kvmini_proc_track(daemon, false);
    g_assert(!g_file_test(pidfile, G_FILE_TEST_EXISTS));
    rmdir(dir);
}

static void test_daemonize_stdio(void)
{
    const char *const args[] = { KVMINI_PATH, "-M", "none", "-nodefaults", "-daemonize",
                                 "-serial", "stdio", NULL };
    const char *const args2[] = { KVMINI_PATH, "-M", "none", "-daemonize", "-nographic",
                                  NULL };
    g_autofree char *err = NULL, *err2 = NULL;
    int status;

    g_assert(g_spawn_sync(NULL, (char **)args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                          NULL, NULL, NULL, &err, &status, NULL));
    g_assert(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 1);
    g_assert_cmpstr(err, ==,
                    "kvmini: -serial stdio: cannot use stdio with -daemonize\n");
    g_assert(g_spawn_sync(NULL, (char **)args2, NULL,
                          G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err2,
                          &status, NULL));
    g_assert_cmpint(WEXITSTATUS(status), ==, 1);
    g_assert_cmpstr(err2, ==,
                    "kvmini: -nographic cannot be used with -daemonize\n");
}

/* Run kvmini with @args; check it fails with exactly @stderr_text. */
static void assert_fails(const char *const *args, const char *stderr_text)
{
    g_autofree char *err = NULL;
    int status;

    g_assert(g_spawn_sync(NULL, (char **)args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                          NULL, NULL, NULL, &err, &status, NULL));
    g_assert(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 1);
    g_assert_cmpstr(err, ==, stderr_text);
}

static void test_cmdline_errors(void)
{
#define K KVMINI_PATH, "-nodefaults"
    assert_fails((const char *const[]) { K, "-chardev", "null", NULL },
                 "kvmini: -chardev null: chardev: no id specified\n");
    assert_fails((const char *const[]) { K, "-chardev", "null,id=a",
                                         "-chardev", "null,id=a", NULL },
                 "kvmini: -chardev null,id=a: Duplicate ID 'a' for chardev\n");
    assert_fails((const char *const[]) { K, "-chardev", "bogus,id=a", NULL },
                 "kvmini: -chardev bogus,id=a: 'bogus' is not a valid char "
                 "driver name\n");
    assert_fails((const char *const[]) { K, "-mon", "chardev=nope", NULL },
                 "kvmini: -mon chardev=nope: chardev \"nope\" not found\n");
    assert_fails((const char *const[]) { K, "-mon", "mode=control", NULL },
                 "kvmini: -mon mode=control: Parameter 'chardev' is missing\n");
    assert_fails((const char *const[]) { K, "-chardev", "null,id=n", "-mon",
                                         "n", "-mon", "n", NULL },
                 "kvmini: -mon n: Device 'n' is in use\n");
    assert_fails((const char *const[]) { K, "-qmp", "bogus:foo", NULL },
                 "kvmini: -qmp bogus:foo: 'bogus:foo' is not a valid char "
                 "driver\n");
    assert_fails((const char *const[]) { K, "-qmp", "none", NULL },
                 "kvmini: -qmp none: 'none' is not a valid char driver\n");
    assert_fails((const char *const[]) { K, "-serial", "chardev:zz", NULL },
                 "kvmini: -serial chardev:zz: could not connect serial device "
                 "to character backend 'chardev:zz'\n");
    assert_fails((const char *const[]) { K, "-display", "gtk", NULL },
                 "kvmini: -display gtk: Display 'gtk' is not available\n");
#undef K
}

static void test_chardev_help(void)
{
    const char *const args[] = { KVMINI_PATH, "-chardev", "help", NULL };
    g_autofree char *out = NULL;
    int status;

    g_assert(g_spawn_sync(NULL, (char **)args, NULL, 0, NULL, NULL, &out, NULL,
                          &status, NULL));
    g_assert(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    g_assert_cmpstr(out, ==, "Available chardev backend types: \n  file\n  mux\n"
                    "  null\n  pipe\n  ringbuf\n  socket\n  stdio\n  memory\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hmp/stdio/nographic", test_nographic);
    g_test_add_func("/hmp/stdio/terminal-restored", test_terminal_restored);
    g_test_add_func("/hmp/stdio/terminal-restored-on-crash",
                    test_terminal_restored_on_crash);
    g_test_add_func("/hmp/stdio/mux-focus", test_mux_focus);
    g_test_add_func("/hmp/stdio/serial-mon-stdio", test_serial_mon_stdio);
    g_test_add_func("/hmp/stdio/line-editing", test_line_editing);
    g_test_add_func("/hmp/stdio/idle", test_idle);
    g_test_add_func("/hmp/stdio/daemonize", test_daemonize);
    g_test_add_func("/hmp/stdio/daemonize-stdio", test_daemonize_stdio);
    g_test_add_func("/hmp/stdio/cmdline-errors", test_cmdline_errors);
    g_test_add_func("/hmp/stdio/chardev-help", test_chardev_help);
    return g_test_run();
}
