/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-guest-qemu.c: boot build/guest/kvmini-guest.elf under Debian's
 * qemu-system-x86_64 (microvm, TCG, PVH boot) with its console on stdio,
 * and check exactly what the guest prints and the exit status it picks
 * through isa-debug-exit (QEMU exits with (value << 1) | 1). Skips when
 * QEMU is not installed. QEMU is killed by PID on any failure
 * (kvmini_proc_track).
 */
#include "osdep.h"
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kvmini-proc.h"

#define QEMU "qemu-system-x86_64"
#define TIMEOUT_MS 60000

typedef struct GuestRun {
    GPid pid;
    int in;                 /* QEMU's stdin: the guest's serial input */
    int out;                /* QEMU's stdout: the guest's serial output */
    GString *output;
} GuestRun;

/*
 * Boot the guest with the command line @append; NULL (the test skipped)
 * when QEMU is not installed.
 */
static GuestRun *guest_start(const char *append)
{
    g_autofree char *qemu = g_find_program_in_path(QEMU);
    const char *argv[] = {
        qemu, "-M", "microvm", "-accel", "tcg", "-m", "128",
        "-nodefaults", "-no-reboot", "-display", "none", "-serial", "stdio",
        "-device", "isa-debug-exit,iobase=0xf4,iosize=4",
        "-kernel", KVMINI_GUEST_PATH, "-append", append, NULL,
    };
    g_autoptr(GError) err = NULL;
    GuestRun *run;

    if (!qemu) {
        g_test_skip(QEMU " is not installed (CI does not install QEMU)");
        return NULL;
    }
    run = g_new0(GuestRun, 1);
    g_assert_true(g_spawn_async_with_pipes(NULL, (char **)argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                           NULL, &run->pid, &run->in,
                                           &run->out, NULL, &err));
    g_assert_no_error(err);
    kvmini_proc_track(run->pid, true);
    run->output = g_string_new(NULL);
    return run;
}

/*
 * Read the guest's output until @until has arrived (or, for NULL, until
 * QEMU closes its stdout); fails the test after TIMEOUT_MS.
 */
static void guest_read(GuestRun *run, const char *until)
{
    gint64 deadline = g_get_monotonic_time() + TIMEOUT_MS * 1000;

    while (!until || !strstr(run->output->str, until)) {
        struct pollfd pfd = { .fd = run->out, .events = POLLIN };
        int left = (int)((deadline - g_get_monotonic_time()) / 1000);
        char buf[512];
        ssize_t n;

        g_assert_cmpint(left, >, 0);
        if (poll(&pfd, 1, left) <= 0) {
            continue;
        }
        n = read(run->out, buf, sizeof(buf));
        g_assert_cmpint(n, >=, 0);
        if (n == 0) {
            g_assert_null(until);
            return;
        }
        g_string_append_len(run->output, buf, n);
    }
}

/* Wait for QEMU to exit on its own; returns its exit status. */
static int guest_wait(GuestRun *run)
{
    int status;

    guest_read(run, NULL);
    g_assert_cmpint(waitpid(run->pid, &status, 0), ==, run->pid);
    kvmini_proc_track(run->pid, false);
    run->pid = 0;
    g_assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static void guest_free(GuestRun *run)
{
    if (run->pid) {
        kill(run->pid, SIGKILL);
        waitpid(run->pid, NULL, 0);
        kvmini_proc_track(run->pid, false);
    }
    close(run->in);
    close(run->out);
    g_string_free(run->output, true);
    g_free(run);
}

/*
 * Boot the guest with @append, send it @input, and check that it prints
 * exactly @expect and makes QEMU exit with @status.
 */
static void guest_check(const char *append, const char *input, int status,
                        const char *expect)
{
    GuestRun *run = guest_start(append);

    if (!run) {
        return;
    }
    g_assert_cmpint(write(run->in, input, strlen(input)), ==, strlen(input));
    g_assert_cmpint(guest_wait(run), ==, status);
    g_assert_cmpstr(run->output->str, ==, expect);
    guest_free(run);
}

static void test_hello(void)
{
    /* Debug-exit value 0: QEMU's status (0 << 1) | 1. */
    guest_check("hello", "", 1, "kvmini guest: hello\r\n");
}

static void test_shell(void)
{
    guest_check("shell", "help\ncount 3\nfoo\nexit 300\nexit 3\n",
                (3 << 1) | 1,
        "kvmini guest: shell (type help)\r\n"
        "kvmini> help\r\n"
        "commands:\r\n"
        "  help      this list\r\n"
        "  uptime    time since the guest started\r\n"
        "  mem       the memory map from PVH start_info\r\n"
        "  count [N] count from 1 to N (default 10)\r\n"
        "  exit [N]  exit through the debug-exit port with status N\r\n"
        "kvmini> count 3\r\n"
        "1 2 3\r\n"
        "kvmini> foo\r\n"
        "unknown command 'foo' (try help)\r\n"
        "kvmini> exit 300\r\n"
        "exit: bad status '300'\r\n"
        "kvmini> exit 3\r\n");
}

static void test_shell_mem(void)
{
    GuestRun *run;

    run = guest_start("");
    if (!run) {
        return;
    }
    g_assert_cmpint(write(run->in, "mem\nuptime\n", 11), ==, 11);
    guest_read(run, "uptime: ");
    guest_read(run, " s\r\n");
    /* -m 128: 639 KiB below the EBDA and 127 MiB from 1 MiB. */
    g_assert_nonnull(strstr(run->output->str,
        "kvmini> mem\r\n"
        "0x0000000000000000-0x000000000009fbff ram\r\n"));
    g_assert_nonnull(strstr(run->output->str,
        "0x0000000000100000-0x0000000007ffffff ram\r\n"
        "ram KiB: 130687\r\n"
        "kvmini> uptime\r\n"
        "uptime: "));
    guest_free(run);
}

static void test_counter(void)
{
    GuestRun *run;
    gint64 start;

    run = guest_start("counter");
    if (!run) {
        return;
    }
    guest_read(run, "kvmini guest: counter\r\n1\r\n");
    start = g_get_monotonic_time();
    guest_read(run, "\r\n5\r\n");
    /* Four more numbers at 100 ms each: at least 300 ms of wall clock. */
    g_assert_cmpint(g_get_monotonic_time() - start, >=, 300 * 1000);
    g_assert_true(g_str_has_prefix(run->output->str,
                  "kvmini guest: counter\r\n1\r\n2\r\n3\r\n4\r\n5\r\n"));
    guest_free(run);
}

static void test_bad_mode(void)
{
    guest_check("bogus", "", (2 << 1) | 1,
                "kvmini guest: unknown mode 'bogus' "
                "(shell, hello, counter)\r\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    signal(SIGPIPE, SIG_IGN);
    g_test_add_func("/guest/qemu/hello", test_hello);
    g_test_add_func("/guest/qemu/shell", test_shell);
    g_test_add_func("/guest/qemu/shell-mem", test_shell_mem);
    g_test_add_func("/guest/qemu/counter", test_counter);
    g_test_add_func("/guest/qemu/bad-mode", test_bad_mode);
    return g_test_run();
}
