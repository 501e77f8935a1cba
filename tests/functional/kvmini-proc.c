/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kvmini-proc.c: starting, talking to and always killing kvmini in tests. */
#include "osdep.h"

#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "kvmini-proc.h"
#include "qobject/qjson.h"

/* The PIDs still running, killed at exit or on abort. */
static GPid running[16];

static void kill_running(void)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(running); i++) {
        if (running[i]) {
            kill(running[i], SIGKILL);
            waitpid(running[i], NULL, 0);
            running[i] = 0;
        }
    }
}

static void kill_running_on_abort(int sig)
{
    kill_running();
    signal(sig, SIG_DFL);
    raise(sig);
}

void kvmini_proc_track(GPid pid, bool on)
{
    static bool handlers;
    size_t i;

    if (!handlers) {
        atexit(kill_running);
        signal(SIGABRT, kill_running_on_abort);
        signal(SIGTERM, kill_running_on_abort);
        /* A kvmini that died fails the test by EPIPE, not by killing it. */
        signal(SIGPIPE, SIG_IGN);
        handlers = true;
    }
    for (i = 0; i < G_N_ELEMENTS(running); i++) {
        if (on ? !running[i] : running[i] == pid) {
            running[i] = on ? pid : 0;
            return;
        }
    }
    g_assert(!on);
}

static bool kvmini_args_have_machine(const char *const *args)
{
    for (; args && *args; args++) {
        if (!strcmp(*args, "-M") || !strcmp(*args, "-machine")) {
            return true;
        }
    }
    return false;
}

void kvmini_proc_add_args(GPtrArray *argv, const char *const *args)
{
    if (!kvmini_args_have_machine(args)) {
        g_ptr_array_add(argv, g_strdup("-M"));
        g_ptr_array_add(argv, g_strdup("none"));
    }
    for (; args && *args; args++) {
        g_ptr_array_add(argv, g_strdup(*args));
    }
}

KvminiProc *kvmini_proc_start(const char *const *args)
{
    KvminiProc *p = g_new0(KvminiProc, 1);
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) gerr = NULL;
    g_autofree char *qmp_sock = NULL, *qmp2_sock = NULL;
    int i;

    p->dir = g_dir_make_tmp("kvmini-test-XXXXXX", &gerr);
    g_assert_no_error(gerr);
    qmp_sock = g_build_filename(p->dir, "qmp.sock", NULL);
    qmp2_sock = g_build_filename(p->dir, "qmp2.sock", NULL);
    p->hmp_path = g_build_filename(p->dir, "hmp.sock", NULL);
    p->qmp = g_strdup_printf("unix:%s", qmp_sock);
    p->qmp2 = g_strdup_printf("unix:%s", qmp2_sock);
    g_ptr_array_add(argv, g_strdup(KVMINI_PATH));
    g_ptr_array_add(argv, g_strdup("-nodefaults"));
    kvmini_proc_add_args(argv, args);
    /* Last: the HMP socket, made last, then says everything is ready. */
    g_ptr_array_add(argv, g_strdup("-qmp"));
    g_ptr_array_add(argv, g_strdup_printf("%s,server=on,wait=off", p->qmp));
    g_ptr_array_add(argv, g_strdup("-qmp"));
    g_ptr_array_add(argv, g_strdup_printf("%s,server=on,wait=off", p->qmp2));
    g_ptr_array_add(argv, g_strdup("-monitor"));
    g_ptr_array_add(argv, g_strdup_printf("unix:%s,server=on,wait=off",
                                          p->hmp_path));
    g_ptr_array_add(argv, NULL);
    g_spawn_async(NULL, (char **)argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                  NULL, NULL, &p->pid, &gerr);
    g_assert_no_error(gerr);
    kvmini_proc_track(p->pid, true);
    for (i = 0; i < 6000; i++) {
        if (g_file_test(p->hmp_path, G_FILE_TEST_EXISTS)) {
            return p;
        }
        g_usleep(10 * 1000);
    }
    g_error("kvmini did not create its sockets in %s within 60 s", p->dir);
}

QmpClient *kvmini_proc_qmp(KvminiProc *p, bool oob)
{
    QmpClientOptions opts = { .timeout_ms = 60000 };
    Error *err = NULL;
    QmpClient *c = qmp_client_connect(p->qmp, &opts, &error_abort);

    qmp_client_negotiate(c, oob, &err);
    g_assert(!err);
    return c;
}

int kvmini_proc_connect(const char *path)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    struct timeval tv = { .tv_sec = 10 };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int i;

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpuint(strlen(path), <, sizeof(un.sun_path));
    strcpy(un.sun_path, path);
    /*
     * The socket file appears at bind(), a moment before listen(): until
     * then connect() is refused, so retry for a while.
     */
    for (i = 0; connect(fd, (struct sockaddr *)&un, sizeof(un)); i++) {
        g_assert_cmpint(errno, ==, ECONNREFUSED);
        g_assert_cmpint(i, <, 1000);
        g_usleep(10 * 1000);
    }
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
    return fd;
}

char *kvmini_proc_read_line(int fd)
{
    GString *line = g_string_new(NULL);
    char c;

    while (1 == read(fd, &c, 1)) {
        if ('\n' == c) {
            if (line->len && '\r' == line->str[line->len - 1]) {
                g_string_truncate(line, line->len - 1);
            }
            return g_string_free(line, FALSE);
        }
        g_string_append_c(line, c);
    }
    g_string_free(line, TRUE);
    return NULL;
}

char *kvmini_proc_read_until(int fd, const char *text)
{
    GString *got = g_string_new(NULL);
    char buf[512];
    ssize_t n;

    while (!strstr(got->str, text)) {
        n = read(fd, buf, sizeof(buf));
        if (0 >= n) {
            g_error("no '%s' before EOF; got '%s'", text, got->str);
        }
        g_string_append_len(got, buf, n);
    }
    return g_string_free(got, FALSE);
}

void kvmini_proc_write(int fd, const char *text)
{
    size_t len = strlen(text);

    g_assert_cmpint(write(fd, text, len), ==, (ssize_t)len);
}

bool kvmini_proc_wait(KvminiProc *p, int timeout_ms)
{
    int i;

    for (i = 0; p->pid && i < timeout_ms / 10; i++) {
        if (waitpid(p->pid, &p->status, WNOHANG) == p->pid) {
            kvmini_proc_track(p->pid, false);
            p->pid = 0;
            return true;
        }
        g_usleep(10 * 1000);
    }
    return !p->pid;
}

long kvmini_proc_rss_kib(const KvminiProc *p)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/status", (int)p->pid);
    g_autofree char *text = NULL;
    const char *rss;

    g_assert(g_file_get_contents(path, &text, NULL, NULL));
    rss = strstr(text, "VmRSS:");
    g_assert(rss);
    return strtol(rss + strlen("VmRSS:"), NULL, 10);
}

void kvmini_proc_free(KvminiProc *p)
{
    g_autoptr(GDir) dir = NULL;
    const char *name;

    if (!p) {
        return;
    }
    if (p->pid) {
        kill(p->pid, SIGKILL);
        waitpid(p->pid, NULL, 0);
        kvmini_proc_track(p->pid, false);
    }
    dir = g_dir_open(p->dir, 0, NULL);
    while (dir && (name = g_dir_read_name(dir))) {
        g_autofree char *file = g_build_filename(p->dir, name, NULL);
        unlink(file);
    }
    rmdir(p->dir);
    g_free(p->dir);
    g_free(p->qmp);
    g_free(p->qmp2);
    g_free(p->hmp_path);
    g_free(p);
}

char *kvmini_qmp_run(QmpClient *c, const char *json)
{
    g_autoptr(QDict) req = qobject_to(QDict, qobject_from_json(json,
                                                               &error_abort));
    QDict *args = qdict_get_qdict(req, "arguments");
    g_autoptr(QObject) ret = NULL;
    Error *err = NULL;
    char *text;

    if (!qmp_client_execute(c, qdict_get_str(req, "execute"),
                            args ? qobject_ref(args) : NULL, &ret, &err)) {
        text = g_strdup_printf("error: %s", error_get_pretty(err));
        error_free(err);
        return text;
    }
    return g_string_free(qobject_to_json(ret), FALSE);
}

void kvmini_qmp_check(QmpClient *c, const char *json, const char *expect)
{
    g_autofree char *got = kvmini_qmp_run(c, json);

    g_assert_cmpstr(got, ==, expect);
}
