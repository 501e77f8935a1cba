/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-guest-qemu.c: boot build/guest/kvmini-guest.elf under Debian's
 * qemu-system-x86_64 (microvm, PVH boot; TCG, and KVM for /guest/qemu-kvm)
 * with its console on stdio, and check exactly what the guest prints and
 * the exit status it picks through isa-debug-exit (QEMU exits with
 * (value << 1) | 1). Skips when QEMU is not installed, the KVM cases when
 * /dev/kvm is not usable. QEMU is killed by PID on any failure
 * (kvmini_proc_track).
 */
#include "osdep.h"
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kvmini-proc.h"
#include "output.h"

#define QEMU "qemu-system-x86_64"
#define TIMEOUT_MS 60000

typedef struct GuestRun {
    GPid pid;
    int in;                 /* QEMU's stdin: the guest's serial input */
    int out;                /* QEMU's stdout: the guest's serial output */
    GString *output;
} GuestRun;

/*
 * Boot the guest with QEMU's accelerator @accel ("tcg" or "kvm"), the
 * command line @append and the extra QEMU arguments @extra (NULL ended,
 * or NULL); NULL (the test skipped) when QEMU is not installed.
 */
static GuestRun *guest_start_with(const char *accel, const char *append,
                                  const char *const *extra)
{
    g_autofree char *qemu = g_find_program_in_path(QEMU);
    const char *const common[] = {
        "-M", "microvm", "-accel", accel, "-m", "128",
        "-nodefaults", "-no-reboot", "-display", "none", "-serial", "stdio",
        "-device", "isa-debug-exit,iobase=0xf4,iosize=4",
        "-kernel", KVMINI_GUEST_PATH, "-append", append, NULL,
    };
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_autoptr(GError) err = NULL;
    GuestRun *run;
    size_t i;

    if (!qemu) {
        g_test_skip(QEMU " is not installed (CI does not install QEMU)");
        return NULL;
    }
    g_ptr_array_add(argv, qemu);
    for (i = 0; common[i]; i++) {
        g_ptr_array_add(argv, (char *)common[i]);
    }
    for (i = 0; extra && extra[i]; i++) {
        g_ptr_array_add(argv, (char *)extra[i]);
    }
    g_ptr_array_add(argv, NULL);
    run = g_new0(GuestRun, 1);
    g_assert_true(g_spawn_async_with_pipes(NULL, (char **)argv->pdata, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                           NULL, &run->pid, &run->in,
                                           &run->out, NULL, &err));
    g_assert_no_error(err);
    kvmini_proc_track(run->pid, true);
    run->output = g_string_new(NULL);
    return run;
}

static GuestRun *guest_start(const char *append)
{
    return guest_start_with("tcg", append, NULL);
}

/*
 * Read the guest's output until @until has arrived at or after offset
 * @from (or, for NULL, until QEMU closes its stdout); returns the offset
 * just past it. Fails the test after TIMEOUT_MS.
 */
static size_t guest_read_from(GuestRun *run, const char *until, size_t from)
{
    gint64 deadline = g_get_monotonic_time() + TIMEOUT_MS * 1000;
    const char *hit;

    while (!until || !(hit = strstr(run->output->str + from, until))) {
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
            return run->output->len;
        }
        g_string_append_len(run->output, buf, n);
    }
    return hit - run->output->str + strlen(until);
}

static void guest_read(GuestRun *run, const char *until)
{
    guest_read_from(run, until, 0);
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
 * Boot the guest with @accel, @append and the extra QEMU arguments
 * @extra (as guest_start_with()), send it @input, and check that it
 * prints exactly @expect and makes QEMU exit with @status.
 */
static void guest_check_with(const char *accel, const char *append,
                             const char *const *extra, const char *input,
                             int status, const char *expect)
{
    GuestRun *run = guest_start_with(accel, append, extra);

    if (!run) {
        return;
    }
    g_assert_cmpint(write(run->in, input, strlen(input)), ==, strlen(input));
    g_assert_cmpint(guest_wait(run), ==, status);
    g_assert_cmpstr(run->output->str, ==, expect);
    guest_free(run);
}

static void guest_check(const char *append, const char *input, int status,
                        const char *expect)
{
    guest_check_with("tcg", append, NULL, input, status, expect);
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
        "  help           this list\r\n"
        "  uptime         time since the guest started\r\n"
        "  mem            the memory map from PVH start_info\r\n"
        "  cpus [mp|acpi] the CPUs in the MP table or ACPI MADT\r\n"
        "  count [N]      count from 1 to N (default 10)\r\n"
        "  dirty N        a new generation in the first N MiB of the "
        "test area\r\n"
        "  verify         check the test area pages dirty wrote\r\n"
        "  reboot         reset the machine through the i8042\r\n"
        "  exit [N]       exit through the debug-exit port with status N\r\n"
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
                "(shell, hello, counter, smp, memtest)\r\n");
}

/* The smp mode's exact output for @n CPUs with APIC ids 0..n-1. */
static char *smp_expect(unsigned n)
{
    GString *s = g_string_new(KG_OUT_SMP "\r\n");
    unsigned i;

    for (i = 0; i < n; i++) {
        g_string_append_printf(s, KG_OUT_CPU_ONLINE "\r\n", i, i);
    }
    g_string_append_printf(s, KG_OUT_SMP_DONE "\r\n", n);
    return g_string_free(s, false);
}

static void test_smp(gconstpointer data)
{
    unsigned n = GPOINTER_TO_UINT(data);
    g_autofree char *smp = g_strdup_printf("%u", n);
    g_autofree char *expect = smp_expect(n);
    const char *const extra[] = { "-smp", smp, NULL };

    guest_check_with("tcg", "smp", extra, "", 1, expect);
}

/* The shell's cpus with both tables (microvm has an MP table and ACPI). */
static void test_shell_cpus(void)
{
    const char *const extra[] = { "-smp", "3", NULL };

    guest_check_with("tcg", "", extra,
                     "cpus\ncpus mp\ncpus acpi\ncpus bios\nexit\n", 1,
        KG_OUT_SHELL "\r\n"
        KG_OUT_PROMPT "cpus\r\n"
        "cpus: 3 (MP table), apic ids 0 1 2\r\n"
        KG_OUT_PROMPT "cpus mp\r\n"
        "cpus: 3 (MP table), apic ids 0 1 2\r\n"
        KG_OUT_PROMPT "cpus acpi\r\n"
        "cpus: 3 (ACPI MADT), apic ids 0 1 2\r\n"
        KG_OUT_PROMPT "cpus bios\r\n"
        "cpus: unknown source 'bios' (mp, acpi)\r\n"
        KG_OUT_PROMPT "exit\r\n");
}

/* microvm,acpi=off: the MP table only. */
static void test_shell_cpus_no_acpi(void)
{
    const char *const extra[] = { "-M", "acpi=off", NULL };

    guest_check_with("tcg", "", extra, "cpus acpi\ncpus\nexit\n", 1,
        KG_OUT_SHELL "\r\n"
        KG_OUT_PROMPT "cpus acpi\r\n"
        "cpus: no ACPI MADT\r\n"
        KG_OUT_PROMPT "cpus\r\n"
        "cpus: 1 (MP table), apic ids 0\r\n"
        KG_OUT_PROMPT "exit\r\n");
}

/* -m 128: the test area runs from 4 MiB to 128 MiB, 124 MiB. */
static void test_shell_dirty_verify(void)
{
    guest_check("shell",
                "verify\ndirty 4\nverify\ndirty 2\nverify\ndirty 125\n"
                "dirty 0\ndirty\nexit\n", 1,
        KG_OUT_SHELL "\r\n"
        KG_OUT_PROMPT "verify\r\n"
        "verify: 0 MiB ok\r\n"
        KG_OUT_PROMPT "dirty 4\r\n"
        "dirty: 4 MiB\r\n"
        KG_OUT_PROMPT "verify\r\n"
        "verify: 4 MiB ok\r\n"
        KG_OUT_PROMPT "dirty 2\r\n"
        "dirty: 2 MiB\r\n"
        KG_OUT_PROMPT "verify\r\n"
        "verify: 4 MiB ok\r\n"
        KG_OUT_PROMPT "dirty 125\r\n"
        "dirty: 125 MiB is more than the 124 MiB available\r\n"
        KG_OUT_PROMPT "dirty 0\r\n"
        "dirty: bad size '0'\r\n"
        KG_OUT_PROMPT "dirty\r\n"
        "dirty: missing size in MiB\r\n"
        KG_OUT_PROMPT "exit\r\n");
}

/* Read one GDB remote protocol packet from @fd and ack it; its data. */
static char *gdb_read_packet(int fd)
{
    GString *data = g_string_new(NULL);
    bool in_packet = false;
    int tail = -1;
    char c;

    while (tail && 1 == read(fd, &c, 1)) {
        if (tail > 0) {
            tail--;
        } else if (in_packet && '#' == c) {
            tail = 2;
        } else if (in_packet) {
            g_string_append_c(data, c);
        } else if ('$' == c) {
            in_packet = true;
        }
    }
    g_assert_cmpint(tail, ==, 0);
    kvmini_proc_write(fd, "+");
    return g_string_free(data, false);
}

/*
 * One exchange with QEMU's gdbstub on @fd: send the packet @cmd and
 * return the reply's data (new string). QEMU stops the VM when a client
 * connects and may say so with a stop reply ("T05...") first: skipped.
 */
static char *gdb_exchange(int fd, const char *cmd)
{
    g_autofree char *packet = NULL;
    unsigned sum = 0;
    const char *p;
    char *reply;

    for (p = cmd; *p; p++) {
        sum += (unsigned char)*p;
    }
    packet = g_strdup_printf("$%s#%02x", cmd, sum & 0xff);
    kvmini_proc_write(fd, packet);
    for (;;) {
        reply = gdb_read_packet(fd);
        if ('T' != reply[0]) {
            return reply;
        }
        g_free(reply);
    }
}

/*
 * A page changed behind the guest's back (through QEMU's gdbstub, as a
 * migration that lost a write would leave it): verify reports it.
 */
static void test_shell_verify_mismatch(void)
{
    g_autofree char *dir = g_dir_make_tmp("guest-qemu-XXXXXX", NULL);
    g_autofree char *sock = g_build_filename(dir, "gdb.sock", NULL);
    g_autofree char *gdb = g_strdup_printf("unix:%s,server=on,wait=off",
                                           sock);
    const char *const extra[] = { "-gdb", gdb, NULL };
    g_autofree char *reply = NULL;
    GuestRun *run;
    size_t end;
    int fd;

    run = guest_start_with("tcg", "shell", extra);
    if (!run) {
        rmdir(dir);
        return;
    }
    g_assert_cmpint(write(run->in, "dirty 2\n", 8), ==, 8);
    end = guest_read_from(run, "dirty: 2 MiB\r\n" KG_OUT_PROMPT, 0);
    fd = kvmini_proc_connect(sock);
    /* Two words of the second page and one of the 300th. */
    reply = gdb_exchange(fd, "M401008,10:efbeaddeefbeadde0000000000000000");
    g_assert_cmpstr(reply, ==, "OK");
    g_free(reply);
    reply = gdb_exchange(fd, "M52b010,1:00");
    g_assert_cmpstr(reply, ==, "OK");
    g_free(reply);
    reply = gdb_exchange(fd, "D");
    g_assert_cmpstr(reply, ==, "OK");
    close(fd);

    g_assert_cmpint(write(run->in, "verify\nexit\n", 12), ==, 12);
    g_assert_cmpint(guest_wait(run), ==, 1);
    g_assert_cmpstr(run->output->str + end, ==,
        "verify\r\n"
        "verify: MISMATCH at 0x401008 expected 0x0000010000401008 "
        "got 0xdeadbeefdeadbeef\r\n"
        "verify: MISMATCH at 0x52b010 expected 0x000001000052b010 "
        "got 0x000001000052b000\r\n"
        "verify: 2 bad pages in 2 MiB\r\n"
        KG_OUT_PROMPT "exit\r\n");
    guest_free(run);
    unlink(sock);
    rmdir(dir);
}

/* A few passes of memtest 4 with @accel: progress lines, counting up. */
static void memtest_check(const char *accel)
{
    g_auto(GStrv) lines = NULL;
    GuestRun *run;
    uint64_t prev = 0;
    size_t end;
    int i;

    run = guest_start_with(accel, "memtest 4", NULL);
    if (!run) {
        return;
    }
    for (i = 0, end = 0; i < 4; i++) {
        end = guest_read_from(run, "\r\n", end);
    }
    lines = g_strsplit(run->output->str, "\r\n", -1);
    g_assert_cmpstr(lines[0], ==, "kvmini guest: memtest 4 MiB at 0x400000");
    for (i = 1; i <= 3; i++) {
        uint64_t pass;

        g_assert_cmpint(sscanf(lines[i], KG_OUT_MEMTEST_PASS, &pass), ==, 1);
        g_assert_cmpuint(pass, >, prev);
        prev = pass;
    }
    guest_free(run);
}

static void test_memtest(void)
{
    memtest_check("tcg");
}

static void test_memtest_bad(void)
{
    guest_check("memtest 125", "", (1 << 1) | 1,
                "memtest: 125 MiB is more than the 124 MiB available\r\n");
    guest_check("memtest 4x", "", (1 << 1) | 1, "memtest: bad size '4x'\r\n");
}

/*
 * The same guest under QEMU with KVM (its in-kernel local APIC takes the
 * INIT and STARTUP IPIs); meson runs these through tests/nested/kvm-nested.
 */
static bool have_kvm(void)
{
    if (access("/dev/kvm", R_OK | W_OK)) {
        g_test_skip("no usable /dev/kvm (meson runs these cases through "
                    "tests/nested/kvm-nested)");
        return false;
    }
    /* microvm's qboot firmware and the AP trampoline are CPL 0 code. */
    if (!access("/sys/module/kvm_pvm", F_OK)) {
        g_test_skip("the host's KVM is PVM: QEMU's microvm firmware "
                    "would run through its CPL 0 emulator");
        return false;
    }
    return true;
}

static void test_kvm_smp(void)
{
    g_autofree char *expect = smp_expect(4);
    const char *const extra[] = { "-smp", "4", NULL };

    if (have_kvm()) {
        guest_check_with("kvm", "smp", extra, "", 1, expect);
    }
}

static void test_kvm_shell(void)
{
    const char *const extra[] = { "-smp", "2", NULL };

    if (have_kvm()) {
        guest_check_with("kvm", "", extra, "cpus\ndirty 8\nverify\nexit 5\n",
                         (5 << 1) | 1,
            KG_OUT_SHELL "\r\n"
            KG_OUT_PROMPT "cpus\r\n"
            "cpus: 2 (MP table), apic ids 0 1\r\n"
            KG_OUT_PROMPT "dirty 8\r\n"
            "dirty: 8 MiB\r\n"
            KG_OUT_PROMPT "verify\r\n"
            "verify: 8 MiB ok\r\n"
            KG_OUT_PROMPT "exit 5\r\n");
    }
}

static void test_kvm_memtest(void)
{
    if (have_kvm()) {
        memtest_check("kvm");
    }
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
    g_test_add_data_func("/guest/qemu/smp-1", GUINT_TO_POINTER(1), test_smp);
    g_test_add_data_func("/guest/qemu/smp-2", GUINT_TO_POINTER(2), test_smp);
    g_test_add_data_func("/guest/qemu/smp-4", GUINT_TO_POINTER(4), test_smp);
    g_test_add_func("/guest/qemu/shell-cpus", test_shell_cpus);
    g_test_add_func("/guest/qemu/shell-cpus-no-acpi", test_shell_cpus_no_acpi);
    g_test_add_func("/guest/qemu/shell-dirty-verify", test_shell_dirty_verify);
    g_test_add_func("/guest/qemu/shell-verify-mismatch",
                    test_shell_verify_mismatch);
    g_test_add_func("/guest/qemu/memtest", test_memtest);
    g_test_add_func("/guest/qemu/memtest-bad", test_memtest_bad);
    g_test_add_func("/guest/qemu-kvm/smp-4", test_kvm_smp);
    g_test_add_func("/guest/qemu-kvm/shell", test_kvm_shell);
    g_test_add_func("/guest/qemu-kvm/memtest", test_kvm_memtest);
    return g_test_run();
}
