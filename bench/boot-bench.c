/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * boot-bench.c: time a VMM booting the kvmini guest, and weigh it, from
 * the outside, so that kvmini and QEMU are measured the same way. The
 * VMM's stdout is the guest's serial console; its stdin is a pipe kept
 * open (and empty) while it runs.
 *
 *   boot-bench serial RUNS LINE VMM ARGS...   start the VMM RUNS times;
 *       print the median milliseconds from fork() to the end of the first
 *       output line containing LINE, and to the VMM's exit, and the exit
 *       status of the last run
 *   boot-bench greeting RUNS VMM ARGS...      start the VMM RUNS times,
 *       "@SOCK@" in ARGS replaced by a fresh unix socket path; print the
 *       median milliseconds from fork() to the whole QMP greeting line
 *   boot-bench rss RAM_MIB PROMPT VMM ARGS... start the VMM, wait for
 *       PROMPT on its console, then print its VmRSS, the resident part of
 *       the guest RAM mapping (the largest of at least RAM_MIB MiB in
 *       /proc/PID/smaps) and the difference, in KiB; then kill it
 *
 * bench/boot.sh runs it.
 */
#include "osdep.h"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TIMEOUT_MS 120000

typedef struct Vmm {
    pid_t pid;
    int in;             /* the VMM's stdin (write end) */
    int out;            /* the VMM's stdout (read end) */
    GString *text;      /* everything read from out */
    bool eof;
} Vmm;

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die(const char *msg)
{
    fprintf(stderr, "boot-bench: %s\n", msg);
    exit(1);
}

static void vmm_spawn(Vmm *v, char **argv)
{
    int in[2], out[2];

    if (pipe(in) || pipe(out)) {
        die("pipe failed");
    }
    v->pid = fork();
    if (0 > v->pid) {
        die("fork failed");
    }
    if (!v->pid) {
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        execvp(argv[0], argv);
        fprintf(stderr, "boot-bench: cannot run %s: %s\n", argv[0],
                g_strerror(errno));
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    v->in = in[1];
    v->out = out[0];
    v->text = g_string_new(NULL);
    v->eof = false;
}

/* Read what the VMM printed, waiting up to @ms; false at EOF. */
static bool vmm_read(Vmm *v, int ms)
{
    struct pollfd pfd = { .fd = v->out, .events = POLLIN };
    char buf[4096];
    ssize_t n;

    if (0 >= poll(&pfd, 1, ms)) {
        return true;
    }
    n = read(v->out, buf, sizeof(buf));
    if (0 >= n) {
        v->eof = true;
        return false;
    }
    g_string_append_len(v->text, buf, n);
    return true;
}

/* Read until a complete line containing @what has arrived. */
static void vmm_wait_line(Vmm *v, const char *what)
{
    double deadline = now_ms() + TIMEOUT_MS;
    const char *hit;

    for (;;) {
        hit = strstr(v->text->str, what);
        if (hit && strchr(hit, '\n')) {
            return;
        }
        if (v->eof || now_ms() > deadline) {
            fprintf(stderr, "boot-bench: no line with '%s' from the VMM; "
                    "it printed:\n%s\n", what, v->text->str);
            exit(1);
        }
        vmm_read(v, 100);
    }
}

/* Read until EOF, then reap the VMM; its wait status. */
static int vmm_wait_exit(Vmm *v)
{
    double deadline = now_ms() + TIMEOUT_MS;
    int status;

    while (!v->eof && now_ms() < deadline) {
        vmm_read(v, 100);
    }
    if (!v->eof) {
        kill(v->pid, SIGKILL);
    }
    waitpid(v->pid, &status, 0);
    return status;
}

static void vmm_kill(Vmm *v)
{
    kill(v->pid, SIGKILL);
    waitpid(v->pid, NULL, 0);
}

static void vmm_free(Vmm *v)
{
    close(v->in);
    close(v->out);
    g_string_free(v->text, true);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

static void bench_serial(int runs, const char *line, char **argv)
{
    double *first = g_new(double, runs);
    double *exited = g_new(double, runs);
    int status = 0, i;

    for (i = 0; i < runs; i++) {
        Vmm v;
        double t0 = now_ms();

        vmm_spawn(&v, argv);
        vmm_wait_line(&v, line);
        first[i] = now_ms() - t0;
        status = vmm_wait_exit(&v);
        exited[i] = now_ms() - t0;
        vmm_free(&v);
    }
    qsort(first, runs, sizeof(*first), cmp_double);
    qsort(exited, runs, sizeof(*exited), cmp_double);
    printf("first_line_median_ms %.2f\nexit_median_ms %.2f\nexit_status %d\n",
           first[runs / 2], exited[runs / 2],
           WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    g_free(first);
    g_free(exited);
}

/*
 * Connect to the unix socket @path, until @deadline; or -1. @watch is an
 * inotify descriptor watching @path's directory for IN_CREATE, so that
 * waiting for the socket takes no CPU from a VMM starting on the same
 * (possibly nested and emulated) CPUs; the VMM may bind a moment before
 * it listens, so a refused connection is retried.
 */
static int connect_until(const char *path, int watch, double deadline)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    struct pollfd pfd = { .fd = watch, .events = POLLIN };
    char events[4096];
    struct stat st;
    int fd;

    g_strlcpy(addr.sun_path, path, sizeof(addr.sun_path));
    while (now_ms() < deadline) {
        if (stat(path, &st)) {
            if (0 < poll(&pfd, 1, 100)) {
                (void)!read(watch, events, sizeof(events));
            }
            continue;
        }
        fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (0 > fd) {
            die("socket failed");
        }
        if (!connect(fd, (struct sockaddr *)&addr, sizeof(addr))) {
            return fd;
        }
        close(fd);
        usleep(100);
    }
    return -1;
}

/* Milliseconds from fork() to the QMP greeting of the VMM @argv. */
static double greeting_once(char **argv)
{
    g_autofree char *dir = g_dir_make_tmp("boot-bench-XXXXXX", NULL);
    g_autofree char *sock = g_build_filename(dir, "qmp.sock", NULL);
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func(g_free);
    double t0, deadline, ms = -1;
    int watch = inotify_init1(IN_CLOEXEC);
    char c = 0;
    Vmm v;
    int fd, i;

    if (0 > watch || 0 > inotify_add_watch(watch, dir, IN_CREATE)) {
        die("inotify failed");
    }

    for (i = 0; argv[i]; i++) {
        g_auto(GStrv) parts = g_strsplit(argv[i], "@SOCK@", -1);

        g_ptr_array_add(args, g_strjoinv(sock, parts));
    }
    g_ptr_array_add(args, NULL);
    t0 = now_ms();
    deadline = t0 + TIMEOUT_MS;
    vmm_spawn(&v, (char **)args->pdata);
    fd = connect_until(sock, watch, deadline);
    /* The greeting is one line: {"QMP": {...}}. */
    while (0 <= fd && '\n' != c && 1 == read(fd, &c, 1)) {
        if ('\n' == c) {
            ms = now_ms() - t0;
        }
    }
    if (0 <= fd) {
        close(fd);
    }
    close(watch);
    vmm_kill(&v);
    vmm_free(&v);
    unlink(sock);
    rmdir(dir);
    if (0 > ms) {
        die("no QMP greeting from the VMM");
    }
    return ms;
}

static void bench_greeting(int runs, char **argv)
{
    double *ms = g_new(double, runs);
    int i;

    for (i = 0; i < runs; i++) {
        ms[i] = greeting_once(argv);
    }
    qsort(ms, runs, sizeof(*ms), cmp_double);
    printf("greeting_median_ms %.2f\n", ms[runs / 2]);
    g_free(ms);
}

/* The lines of /proc/@pid/@file (a new string vector). */
static char **proc_lines(pid_t pid, const char *file)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/%s", (int)pid, file);
    g_autofree char *text = NULL;

    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        die("cannot read the VMM's /proc files");
    }
    return g_strsplit(text, "\n", -1);
}

/*
 * The VMM's VmRSS, and the Rss of its largest mapping of at least
 * @min_kib KiB (the guest RAM), in KiB.
 */
static void vmm_rss(pid_t pid, long min_kib, long *total, long *ram)
{
    g_auto(GStrv) status = proc_lines(pid, "status");
    g_auto(GStrv) lines = proc_lines(pid, "smaps");
    long size = 0, best = 0, kib;
    int i;

    *total = 0;
    *ram = 0;
    for (i = 0; status[i]; i++) {
        sscanf(status[i], "VmRSS: %ld kB", total);
    }
    for (i = 0; lines[i]; i++) {
        if (1 == sscanf(lines[i], "Size: %ld kB", &kib)) {
            size = kib;
        } else if (1 == sscanf(lines[i], "Rss: %ld kB", &kib)) {
            if (size >= min_kib && size > best) {
                best = size;
                *ram = kib;
            }
        }
    }
    if (!best) {
        die("no guest RAM mapping in the VMM's /proc/PID/smaps");
    }
}

static void bench_rss(long ram_mib, const char *prompt, char **argv)
{
    long total, ram;
    Vmm v;

    vmm_spawn(&v, argv);
    while (!strstr(v.text->str, prompt)) {
        if (!vmm_read(&v, TIMEOUT_MS)) {
            die("the VMM exited before the guest's prompt");
        }
    }
    /* Let start-up work (threads, lazily touched pages) settle. */
    usleep(500 * 1000);
    vmm_rss(v.pid, ram_mib * 1024, &total, &ram);
    printf("vmrss_kib %ld\nguest_ram_rss_kib %ld\noverhead_kib %ld\n",
           total, ram, total - ram);
    vmm_kill(&v);
    vmm_free(&v);
}

int main(int argc, char **argv)
{
    long n;

    if (4 > argc) {
        fprintf(stderr, "usage: boot-bench serial RUNS LINE VMM [ARGS...]\n"
                "       boot-bench greeting RUNS VMM [ARGS...]\n"
                "       boot-bench rss RAM_MIB PROMPT VMM [ARGS...]\n");
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);
    n = atol(argv[2]);
    if (0 >= n) {
        die("RUNS and RAM_MIB must be positive numbers");
    }
    if (!strcmp(argv[1], "serial") && 5 <= argc) {
        bench_serial(n, argv[3], argv + 4);
    } else if (!strcmp(argv[1], "greeting")) {
        bench_greeting(n, argv + 3);
    } else if (!strcmp(argv[1], "rss") && 5 <= argc) {
        bench_rss(n, argv[3], argv + 4);
    } else {
        fprintf(stderr, "boot-bench: unknown mode '%s' or too few "
                "arguments\n", argv[1]);
        return 1;
    }
    return 0;
}
