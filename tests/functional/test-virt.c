/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-virt.c: the virt machine on KVM, as a user sees it. kvmini boots
 * the kvmini guest (build/guest/kvmini-guest.elf, its default kernel)
 * with the serial console on a socket chardev (or a file, for a guest
 * that makes kvmini exit), and is driven over QMP and HMP: the guest's modes,
 * -smp, stop/cont/system_reset/quit with their events, info qtree/mtree/
 * registers, query-cpus-fast, HMP sharing the console (-serial mon:), and
 * a Linux bzImage's first console line.
 * KVM cases skip without /dev/kvm (meson runs this program through
 * tests/nested/kvm-nested, which provides one where it can).
 */
#include "osdep.h"

#include <poll.h>
#include <sys/wait.h>

#include "kvmini-proc.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qstring.h"

#define BOOT_TIMEOUT_MS 120000

typedef struct VirtRun {
    KvminiProc *p;
    QmpClient *qmp;
    GString *console;       /* everything read from the guest so far */
    char *dir;              /* the console's socket or file */
    char *console_file;     /* or NULL: the console is @con */
    size_t file_read;       /* bytes of console_file taken in */
    int con;                /* connected to the console socket, or -1 */
} VirtRun;

/* Append @len bytes of guest output to @r->console without the CRs. */
static void virt_take(VirtRun *r, const char *text, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        if ('\r' != text[i]) {
            g_string_append_c(r->console, text[i]);
        }
    }
}

static bool have_kvm(void)
{
    if (access("/dev/kvm", R_OK | W_OK)) {
        g_test_skip("no usable /dev/kvm (tests/nested/kvm-nested provides "
                    "one where QEMU and a Debian kernel are installed)");
        return false;
    }
    return true;
}

/* Where the guest's serial console goes. */
typedef enum VirtConsole {
    VIRT_CONSOLE_SOCKET,    /* a socket the test reads and types into */
    VIRT_CONSOLE_FILE,      /* a file: it outlives a guest that exits */
    VIRT_CONSOLE_MUX,       /* a socket shared with HMP (-serial mon:) */
} VirtConsole;

/*
 * Start kvmini -M virt with @args after the console options; a console
 * socket is connected before the vCPUs start.
 */
static VirtRun *virt_start_console(const char *const *args,
                                   VirtConsole console)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *sock = NULL;
    VirtRun *r = g_new0(VirtRun, 1);

    r->con = -1;
    r->dir = g_dir_make_tmp("kvmini-virt-XXXXXX", NULL);
    g_assert_nonnull(r->dir);
    if (!args || !g_strv_contains((const char *const *)args, "-M")) {
        g_ptr_array_add(argv, g_strdup("-M"));
        g_ptr_array_add(argv, g_strdup("virt"));
    }
    if (VIRT_CONSOLE_FILE == console) {
        r->console_file = g_build_filename(r->dir, "console.txt", NULL);
        g_ptr_array_add(argv, g_strdup("-serial"));
        g_ptr_array_add(argv, g_strdup_printf("file:%s", r->console_file));
    } else {
        sock = g_build_filename(r->dir, "console.sock", NULL);
        g_ptr_array_add(argv, g_strdup("-S"));
        g_ptr_array_add(argv, g_strdup("-serial"));
        g_ptr_array_add(argv, g_strdup_printf(
            "%sunix:%s,server=on,wait=off",
            VIRT_CONSOLE_MUX == console ? "mon:" : "", sock));
    }
    for (; args && *args; args++) {
        g_ptr_array_add(argv, g_strdup(*args));
    }
    g_ptr_array_add(argv, NULL);
    r->p = kvmini_proc_start((const char *const *)argv->pdata);
    r->qmp = kvmini_proc_qmp(r->p, false);
    r->console = g_string_new(NULL);
    if (sock) {
        r->con = kvmini_proc_connect(sock);
        kvmini_qmp_check(r->qmp, "{'execute': 'cont'}", "{}");
    }
    return r;
}

static VirtRun *virt_start(const char *const *args)
{
    return virt_start_console(args, VIRT_CONSOLE_SOCKET);
}

static void virt_free(VirtRun *r)
{
    if (0 <= r->con) {
        close(r->con);
    }
    qmp_client_free(r->qmp);
    kvmini_proc_free(r->p);
    g_string_free(r->console, true);
    if (r->console_file) {
        unlink(r->console_file);
    }
    rmdir(r->dir);
    g_free(r->console_file);
    g_free(r->dir);
    g_free(r);
}

/* Append what the guest printed since the last call; false when nothing. */
static bool virt_read(VirtRun *r)
{
    g_autofree char *all = NULL;
    struct pollfd pfd = { .fd = r->con, .events = POLLIN };
    char buf[4096];
    size_t len = 0;
    ssize_t n;

    if (r->console_file) {
        g_file_get_contents(r->console_file, &all, &len, NULL);
        if (len <= r->file_read) {
            return false;
        }
        virt_take(r, all + r->file_read, len - r->file_read);
        r->file_read = len;
        return true;
    }
    if (1 != poll(&pfd, 1, 0)) {
        return false;
    }
    n = read(r->con, buf, sizeof(buf));
    if (0 >= n) {
        return false;
    }
    virt_take(r, buf, n);
    return true;
}

/* Wait until the console shows @text (after @from); its offset after it. */
static size_t virt_wait_for(VirtRun *r, const char *text, size_t from)
{
    gint64 end = g_get_monotonic_time() + BOOT_TIMEOUT_MS * 1000LL;
    const char *hit;

    for (;;) {
        hit = from <= r->console->len ? strstr(r->console->str + from, text)
                                      : NULL;
        if (hit) {
            return hit - r->console->str + strlen(text);
        }
        if (g_get_monotonic_time() > end) {
            g_error("the guest did not print '%s'; console so far:\n%s",
                    text, r->console->str);
        }
        if (!virt_read(r)) {
            g_usleep(20 * 1000);
        }
    }
}

/* Type @text on the guest's console. */
static void virt_type(VirtRun *r, const char *text)
{
    kvmini_proc_write(r->con, text);
}

/* Wait for kvmini to exit; its exit status. */
static int virt_exit_status(VirtRun *r)
{
    g_assert_true(kvmini_proc_wait(r->p, BOOT_TIMEOUT_MS));
    g_assert_true(WIFEXITED(r->p->status));
    return WEXITSTATUS(r->p->status);
}

static void virt_wait_event(VirtRun *r, const char *name, const char *data)
{
    Error *err = NULL;
    g_autoptr(QDict) ev = qmp_client_wait_event(r->qmp, name, 30000, &err);
    g_autoptr(GString) json = NULL;

    g_assert_null(err);
    g_assert_nonnull(ev);
    if (data) {
        json = qobject_to_json(qdict_get(ev, "data"));
        g_assert_cmpstr(json->str, ==, data);
    }
}

static void test_hello(void)
{
    VirtRun *r;

    if (!have_kvm()) {
        return;
    }
    r = virt_start_console((const char *const[]){ "-append", "hello", NULL },
                           VIRT_CONSOLE_FILE);
    virt_wait_for(r, "kvmini guest: hello\n", 0);
    /* isa-debug-exit: the guest wrote 0, kvmini exits with (0 << 1) | 1. */
    g_assert_cmpint(virt_exit_status(r), ==, 1);
    virt_free(r);
}

static void test_shell(void)
{
    VirtRun *r;
    size_t at;

    if (!have_kvm()) {
        return;
    }
    r = virt_start(NULL);
    at = virt_wait_for(r, "kvmini guest: shell (type help)\nkvmini> ", 0);
    virt_type(r, "count 3\r");
    at = virt_wait_for(r, "count 3\n1 2 3\nkvmini> ", at);
    virt_type(r, "cpus\r");
    at = virt_wait_for(r, "cpus\ncpus: 1 (MP table), apic ids 0\nkvmini> ", at);
    virt_type(r, "exit 5\r");
    g_assert_cmpint(virt_exit_status(r), ==, (5 << 1) | 1);
    virt_free(r);
}

static void test_smp(gconstpointer data)
{
    unsigned ncpus = GPOINTER_TO_UINT(data);
    g_autofree char *smp = g_strdup_printf("%u", ncpus);
    g_autofree char *line = g_strdup_printf("smp: %u cpus online\n", ncpus);
    VirtRun *r;

    if (!have_kvm()) {
        return;
    }
    r = virt_start_console((const char *const[]){ "-smp", smp, "-append",
                                                  "smp", NULL },
                           VIRT_CONSOLE_FILE);
    virt_wait_for(r, line, 0);
    g_assert_cmpint(virt_exit_status(r), ==, 1);
    virt_free(r);
}

/*
 * -serial mon:unix:...: the console and HMP share the socket as they share
 * the terminal under -nographic. The serial port, attached last, has the
 * focus: the monitor stays silent until C-a c shows its banner and prompt;
 * C-a c again ends its line and gives the keys back to the guest.
 */
static void test_monitor_mux(void)
{
    VirtRun *r;
    size_t at;

    if (!have_kvm()) {
        return;
    }
    r = virt_start_console(NULL, VIRT_CONSOLE_MUX);
    at = virt_wait_for(r, "kvmini guest: shell (type help)\nkvmini> ", 0);
    g_assert_null(strstr(r->console->str, "monitor"));
    virt_type(r, "\001c");
    virt_wait_for(r, "(kvmini) ", at);
    g_assert_cmpstr(r->console->str + at, ==, "kvmini " KVMINI_VERSION
                    " monitor - type 'help' for more information\n(kvmini) ");
    virt_type(r, "info status\r");
    at = virt_wait_for(r, "\nVM status: running\n(kvmini) ", at);
    virt_type(r, "\001c");
    virt_type(r, "count 3\r");
    virt_wait_for(r, "kvmini> ", at);
    g_assert_cmpstr(r->console->str + at, ==, "\ncount 3\n1 2 3\nkvmini> ");
    virt_free(r);
}

/* The number the counter printed last (it prints one per line). */
static unsigned long virt_last_count(VirtRun *r)
{
    const char *end = r->console->str + r->console->len;
    const char *p = end;

    while (p > r->console->str && '\n' == p[-1]) {
        p--;
    }
    while (p > r->console->str && g_ascii_isdigit(p[-1])) {
        p--;
    }
    return strtoul(p, NULL, 10);
}

static void test_run_control(void)
{
    g_autofree char *next = NULL;
    unsigned long stopped_at;
    VirtRun *r;
    size_t at;

    if (!have_kvm()) {
        return;
    }
    r = virt_start((const char *const[]){ "-append", "counter", NULL });
    at = virt_wait_for(r, "kvmini guest: counter\n", 0);
    at = virt_wait_for(r, "3\n", at);

    kvmini_qmp_check(r->qmp, "{'execute': 'stop'}", "{}");
    virt_wait_event(r, "STOP", NULL);
    kvmini_qmp_check(r->qmp, "{'execute': 'query-status'}",
                     "{\"running\": false, \"singlestep\": false, "
                     "\"status\": \"paused\"}");
    virt_read(r);
    stopped_at = virt_last_count(r);
    g_usleep(500 * 1000);
    virt_read(r);
    g_assert_cmpuint(virt_last_count(r), ==, stopped_at);

    kvmini_qmp_check(r->qmp, "{'execute': 'cont'}", "{}");
    virt_wait_event(r, "RESUME", NULL);
    next = g_strdup_printf("\n%lu\n", stopped_at + 2);
    at = virt_wait_for(r, next, at);

    kvmini_qmp_check(r->qmp, "{'execute': 'system_reset'}", "{}");
    virt_wait_event(r, "RESET", "{\"guest\": false, \"reason\": \"host-qmp-system-reset\"}");
    at = virt_wait_for(r, "kvmini guest: counter\n", at);
    virt_wait_for(r, "\n2\n", at);

    kvmini_qmp_check(r->qmp, "{'execute': 'quit'}", "{}");
    virt_wait_event(r, "SHUTDOWN", "{\"guest\": false, \"reason\": \"host-qmp-quit\"}");
    g_assert_cmpint(virt_exit_status(r), ==, 0);
    virt_free(r);
}

/* @text, with its CRs dropped, contains each of the NULL-ended @needles. */
static void assert_contains(const char *text, const char *const *needles)
{
    g_autoptr(GString) lf = g_string_new(text);

    g_string_replace(lf, "\r", "", 0);
    for (; *needles; needles++) {
        if (!strstr(lf->str, *needles)) {
            g_error("'%s' is missing from:\n%s", *needles, lf->str);
        }
    }
}

/* The guest's reboot command resets the VM; with -no-reboot kvmini exits. */
static void test_reboot(void)
{
    VirtRun *r;
    size_t at;

    if (!have_kvm()) {
        return;
    }
    r = virt_start(NULL);
    at = virt_wait_for(r, "kvmini> ", 0);
    virt_type(r, "reboot\r");
    virt_wait_event(r, "RESET",
                    "{\"guest\": true, \"reason\": \"guest-reset\"}");
    virt_wait_for(r, "reboot: resetting through the i8042\n"
                  "kvmini guest: shell (type help)\nkvmini> ", at);
    virt_free(r);

    r = virt_start((const char *const[]){ "-no-reboot", NULL });
    virt_wait_for(r, "kvmini> ", 0);
    virt_type(r, "reboot\r");
    virt_wait_event(r, "SHUTDOWN",
                    "{\"guest\": true, \"reason\": \"guest-reset\"}");
    g_assert_cmpint(virt_exit_status(r), ==, 0);
    virt_free(r);
}

/* Guest RAM from a memory backend the user made, and memtest in it. */
static void test_memory_backend(void)
{
    g_autofree char *mtree = NULL;
    Error *err = NULL;
    VirtRun *r;
    size_t at;

    if (!have_kvm()) {
        return;
    }
    r = virt_start((const char *const[]){
        "-object", "memory-backend-memfd,id=m0,size=96M",
        "-M", "virt,memory-backend=m0", "-append", "memtest 16", NULL });
    /* A progress line about every second: wait for two. */
    at = virt_wait_for(r, "kvmini guest: memtest 16 MiB at 0x400000\n", 0);
    at = virt_wait_for(r, " ok\nmemtest: pass ", at);
    virt_wait_for(r, " ok\n", at);
    g_assert_null(strstr(r->console->str, "MISMATCH"));
    mtree = qmp_client_hmp(r->qmp, "info mtree", &err);
    g_assert_null(err);
    assert_contains(mtree, (const char *const[]){
        "0000000000000000-0000000005ffffff (prio 0, ram): alias ram-below-4g "
        "@m0 0000000000000000-0000000005ffffff\n", NULL });
    kvmini_qmp_check(r->qmp, "{'execute': 'object-del', 'arguments': "
                     "{'id': 'm0'}}", "error: object 'm0' is in use, "
                     "can not be deleted");
    virt_free(r);
}

static void test_monitor_info(void)
{
    g_autofree char *qtree = NULL, *mtree = NULL, *regs = NULL, *cpus = NULL;
    VirtRun *r;
    Error *err = NULL;

    if (!have_kvm()) {
        return;
    }
    r = virt_start((const char *const[]){ "-smp", "2", "-m", "64M", NULL });
    virt_wait_for(r, "kvmini> ", 0);

    qtree = qmp_client_hmp(r->qmp, "info qtree", &err);
    g_assert_null(err);
    assert_contains(qtree, (const char *const[]){
        "bus: main-system-bus\n  type System\n",
        "  dev: isabus-bridge, id \"\"\n    bus: isa.0\n      type ISA\n",
        "      dev: isa-serial, id \"\"\n        index = 0 (0x0)\n"
        "        iobase = 1016 (0x3f8)\n        irq = 4 (0x4)\n",
        "      dev: i8042, id \"\"\n",
        "      dev: mc146818rtc, id \"\"\n        base_year = 0 (0x0)\n"
        "        iobase = 112 (0x70)\n        irq = 8 (0x8)\n"
        "        lost_tick_policy = \"discard\"\n",
        "      dev: isa-debug-exit, id \"\"\n        iobase = 244 (0xf4)\n",
        NULL });

    mtree = qmp_client_hmp(r->qmp, "info mtree", &err);
    g_assert_null(err);
    assert_contains(mtree, (const char *const[]){
        "address-space: memory\n",
        "0000000000000000-0000000003ffffff (prio 0, ram): alias ram-below-4g "
        "@virt.ram 0000000000000000-0000000003ffffff\n",
        "address-space: I/O\n",
        NULL });

    regs = qmp_client_hmp(r->qmp, "info registers", &err);
    g_assert_null(err);
    assert_contains(regs, (const char *const[]){
        "RAX=", "RIP=", "EFER=", "CR0=", NULL });

    cpus = kvmini_qmp_run(r->qmp, "{'execute': 'query-cpus-fast'}");
    assert_contains(cpus, (const char *const[]){
        "\"cpu-index\": 0", "\"cpu-index\": 1", "\"target\": \"x86_64\"",
        NULL });
    kvmini_qmp_check(r->qmp, "{'execute': 'query-kvm'}",
                     "{\"enabled\": true, \"present\": true}");
    virt_free(r);
}

/* A Linux bzImage: its first console line proves the boot protocol. */
static void test_linux_banner(void)
{
    const char *kernel = "/vmlinuz";
    VirtRun *r;

    if (!have_kvm()) {
        return;
    }
    if (g_file_test("/sys/module/kvm_pvm", G_FILE_TEST_EXISTS)) {
        g_test_skip("the host's KVM is PVM: Linux cannot boot there");
        return;
    }
    if (access(kernel, R_OK)) {
        g_test_skip("no Debian kernel at /vmlinuz (scripts/setup-deps --linux)");
        return;
    }
    r = virt_start((const char *const[]){
        "-m", "512M", "-kernel", kernel,
        "-append", "console=ttyS0 earlyprintk=ttyS0 panic=-1", NULL });
    virt_wait_for(r, "Linux version ", 0);
    virt_wait_for(r, "Command line: console=ttyS0 earlyprintk=ttyS0 panic=-1", 0);
    virt_free(r);
}

/*
 * Debian's kernel with the busybox initramfs (scripts/mkinitramfs) boots
 * to its shell, which answers on the serial console.
 */
static void test_linux_shell(void)
{
    g_autoptr(GDateTime) year = NULL;
    g_autofree char *expect = NULL;
    g_autofree char *dir = NULL, *initrd = NULL, *cmd = NULL;
    g_autofree char *out = NULL, *err = NULL;
    VirtRun *r;
    size_t at;
    int status;

    if (!have_kvm()) {
        return;
    }
    if (g_file_test("/sys/module/kvm_pvm", G_FILE_TEST_EXISTS)) {
        g_test_skip("the host's KVM is PVM: Linux cannot boot there");
        return;
    }
    if (access("/vmlinuz", R_OK) || access("/bin/busybox", X_OK)) {
        g_test_skip("no Debian kernel or busybox (scripts/setup-deps --linux)");
        return;
    }
    dir = g_dir_make_tmp("kvmini-linux-XXXXXX", NULL);
    initrd = g_build_filename(dir, "initramfs.cpio.gz", NULL);
    cmd = g_strdup_printf("%s -o %s", MKINITRAMFS, initrd);
    g_assert_true(g_spawn_command_line_sync(cmd, &out, &err, &status, NULL));
    g_assert_cmpstr(err, ==, "");
    g_assert_cmpint(status, ==, 0);

    r = virt_start((const char *const[]){
        "-m", "512M", "-kernel", "/vmlinuz", "-initrd", initrd,
        "-append", "console=ttyS0 quiet panic=-1", NULL });
    at = virt_wait_for(r, "kvmini-linux: ready\n", 0);
    virt_type(r, "echo hello from $(uname -s)\n");
    at = virt_wait_for(r, "hello from Linux\n", at);
    /*
     * A sleep needs the timer interrupt (the PIT on IOAPIC pin 2, then
     * the LAPIC timer it calibrates); rtc-cmos reads the year from the
     * RTC's year and century bytes.
     */
    virt_type(r, "sleep 1; echo rtc year $(cut -c1-4 /sys/class/rtc/rtc0/date)\n");
    year = g_date_time_new_now_utc();
    expect = g_date_time_format(year, "rtc year %Y\n");
    virt_wait_for(r, expect, at);
    kvmini_qmp_check(r->qmp, "{'execute': 'quit'}", "{}");
    g_assert_cmpint(virt_exit_status(r), ==, 0);
    virt_free(r);
    unlink(initrd);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virt/guest/hello", test_hello);
    g_test_add_func("/virt/guest/shell", test_shell);
    g_test_add_func("/virt/guest/monitor-mux", test_monitor_mux);
    g_test_add_data_func("/virt/guest/smp-2", GUINT_TO_POINTER(2), test_smp);
    g_test_add_data_func("/virt/guest/smp-4", GUINT_TO_POINTER(4), test_smp);
    g_test_add_func("/virt/run-control", test_run_control);
    g_test_add_func("/virt/reboot", test_reboot);
    g_test_add_func("/virt/memory-backend", test_memory_backend);
    g_test_add_func("/virt/monitor-info", test_monitor_info);
    g_test_add_func("/virt/linux/banner", test_linux_banner);
    g_test_add_func("/virt/linux/shell", test_linux_shell);
    return g_test_run();
}
