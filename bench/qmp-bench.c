/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-bench.c: measure a QMP server from the outside, with nothing but
 * sockets, so that kvmini and QEMU are measured by the same client.
 *
 *   qmp-bench greeting RUNS VMM ARGS...   start the VMM RUNS times (every
 *       "@SOCK@" in ARGS becomes a fresh socket path); print the best and
 *       median milliseconds from fork() to the complete greeting line
 *   qmp-bench sequential N VMM ARGS...    start the VMM once, then N
 *       query-status requests, each sent after the previous answer
 *   qmp-bench pipelined N VMM ARGS...     N query-status requests written
 *       at once, then all answers read
 *
 * The rates are printed as requests per second. The VMM is stopped with
 * "quit" and, if it lingers, SIGKILL.
 */
#include "osdep.h"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>

#define REQUEST "{\"execute\": \"query-status\"}\n"

typedef struct Vmm {
    pid_t pid;
    int fd;
    char dir[64];
    char sock[128];
    GString *in;        /* bytes read and not consumed yet */
} Vmm;

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die(const char *what)
{
    fprintf(stderr, "qmp-bench: %s: %s\n", what, g_strerror(errno));
    exit(1);
}

/* Start the VMM with @argv, "@SOCK@" replaced by a fresh socket path. */
static void vmm_spawn(Vmm *v, char **argv)
{
    GPtrArray *args = g_ptr_array_new_with_free_func(g_free);
    int i;

    g_strlcpy(v->dir, "/tmp/qmp-bench-XXXXXX", sizeof(v->dir));
    if (!g_mkdtemp(v->dir)) {
        die("mkdtemp");
    }
    g_snprintf(v->sock, sizeof(v->sock), "%s/qmp.sock", v->dir);
    for (i = 0; argv[i]; i++) {
        g_ptr_array_add(args, g_strjoinv(v->sock, g_strsplit(argv[i], "@SOCK@", -1)));
    }
    g_ptr_array_add(args, NULL);
    v->pid = fork();
    if (0 > v->pid) {
        die("fork");
    }
    if (!v->pid) {
        execvp(args->pdata[0], (char **)args->pdata);
        fprintf(stderr, "qmp-bench: cannot run %s: %s\n",
                (char *)args->pdata[0], g_strerror(errno));
        _exit(127);
    }
    g_ptr_array_free(args, true);
    v->in = g_string_new(NULL);
}

/* Connect to the VMM's socket, retrying while it is not there yet. */
static void vmm_connect(Vmm *v)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    double deadline = now_ms() + 10000;
    int status;

    g_strlcpy(addr.sun_path, v->sock, sizeof(addr.sun_path));
    for (;;) {
        v->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (!connect(v->fd, (struct sockaddr *)&addr, sizeof(addr))) {
            return;
        }
        close(v->fd);
        if (waitpid(v->pid, &status, WNOHANG) == v->pid) {
            fprintf(stderr, "qmp-bench: the VMM exited before its socket appeared\n");
            exit(1);
        }
        if (now_ms() > deadline) {
            fprintf(stderr, "qmp-bench: no socket at %s after 10 s\n", v->sock);
            exit(1);
        }
        usleep(50);
    }
}

/* Read one line (without its end), blocking. Returns a new string. */
static char *vmm_read_line(Vmm *v)
{
    char buf[65536];
    char *nl;
    ssize_t n;

    while (!(nl = memchr(v->in->str, '\n', v->in->len))) {
        n = read(v->fd, buf, sizeof(buf));
        if (0 >= n) {
            fprintf(stderr, "qmp-bench: connection closed by the VMM\n");
            exit(1);
        }
        g_string_append_len(v->in, buf, n);
    }
    {
        char *line = g_strndup(v->in->str, nl - v->in->str);

        g_string_erase(v->in, 0, nl - v->in->str + 1);
        return line;
    }
}

static void vmm_write(Vmm *v, const char *buf, size_t len)
{
    ssize_t n;

    while (len) {
        n = write(v->fd, buf, len);
        if (0 > n) {
            die("write");
        }
        buf += n;
        len -= n;
    }
}

/* Read lines until an answer ("return" or "error"); events are skipped. */
static void vmm_read_answer(Vmm *v)
{
    for (;;) {
        g_autofree char *line = vmm_read_line(v);

        if (strstr(line, "\"return\"")) {
            return;
        }
        if (strstr(line, "\"error\"")) {
            fprintf(stderr, "qmp-bench: error answer: %s\n", line);
            exit(1);
        }
    }
}

static void vmm_negotiate(Vmm *v)
{
    static const char caps[] = "{\"execute\": \"qmp_capabilities\"}\n";

    vmm_write(v, caps, strlen(caps));
    vmm_read_answer(v);
}

static void vmm_stop(Vmm *v)
{
    static const char quit[] = "{\"execute\": \"quit\"}\n";
    int status, i;

    if (0 <= v->fd) {
        (void)!write(v->fd, quit, strlen(quit));
    }
    for (i = 0; i < 2000 && waitpid(v->pid, &status, WNOHANG) != v->pid; i++) {
        usleep(1000);
    }
    if (2000 == i) {
        kill(v->pid, SIGKILL);
        waitpid(v->pid, &status, 0);
    }
    if (0 <= v->fd) {
        close(v->fd);
    }
    unlink(v->sock);
    rmdir(v->dir);
    g_string_free(v->in, true);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

static void bench_greeting(int runs, char **argv)
{
    double *ms = g_new(double, runs);
    int i;

    for (i = 0; i < runs; i++) {
        Vmm v = { 0 };
        double t0 = now_ms();

        vmm_spawn(&v, argv);
        vmm_connect(&v);
        g_free(vmm_read_line(&v));
        ms[i] = now_ms() - t0;
        vmm_negotiate(&v);
        vmm_stop(&v);
    }
    qsort(ms, runs, sizeof(*ms), cmp_double);
    printf("greeting_best_ms %.2f\ngreeting_median_ms %.2f\n", ms[0], ms[runs / 2]);
    g_free(ms);
}

typedef struct PipeWriter {
    Vmm *vmm;
    int n;
} PipeWriter;

static gpointer pipe_writer(gpointer opaque)
{
    PipeWriter *w = opaque;
    g_autoptr(GString) batch = g_string_new(NULL);
    int i;

    for (i = 0; i < 64; i++) {
        g_string_append(batch, REQUEST);
    }
    for (i = 0; i + 64 <= w->n; i += 64) {
        vmm_write(w->vmm, batch->str, batch->len);
    }
    for (; i < w->n; i++) {
        vmm_write(w->vmm, REQUEST, strlen(REQUEST));
    }
    return NULL;
}

static void bench_requests(bool pipelined, int n, char **argv)
{
    Vmm v = { 0 };
    double t0, t;
    int i;

    vmm_spawn(&v, argv);
    vmm_connect(&v);
    g_free(vmm_read_line(&v));
    vmm_negotiate(&v);
    t0 = now_ms();
    if (pipelined) {
        /* A writer thread keeps sending while this thread reads answers. */
        PipeWriter w = { .vmm = &v, .n = n };
        GThread *writer = g_thread_new("writer", pipe_writer, &w);

        for (i = 0; i < n; i++) {
            vmm_read_answer(&v);
        }
        g_thread_join(writer);
    } else {
        for (i = 0; i < n; i++) {
            vmm_write(&v, REQUEST, strlen(REQUEST));
            vmm_read_answer(&v);
        }
    }
    t = now_ms() - t0;
    printf("%s_per_s %.0f\n", pipelined ? "pipelined" : "sequential", n / (t / 1e3));
    vmm_stop(&v);
}

int main(int argc, char **argv)
{
    int n;

    if (4 > argc) {
        fprintf(stderr, "usage: qmp-bench greeting|sequential|pipelined N VMM [ARGS...]\n");
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);
    n = atoi(argv[2]);
    if (0 >= n) {
        fprintf(stderr, "qmp-bench: N must be a positive number\n");
        return 1;
    }
    if (!strcmp(argv[1], "greeting")) {
        bench_greeting(n, argv + 3);
    } else if (!strcmp(argv[1], "sequential")) {
        bench_requests(false, n, argv + 3);
    } else if (!strcmp(argv[1], "pipelined")) {
        bench_requests(true, n, argv + 3);
    } else {
        fprintf(stderr, "qmp-bench: unknown mode '%s'\n", argv[1]);
        return 1;
    }
    return 0;
}
