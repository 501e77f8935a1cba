/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-server.c: the scripted QMP server of libqmp's tests (see
 * test-client-server.h). It reads requests with the project's JSON parser
 * and compares them as compact JSON, so a script states the exact request
 * a client must send, ids included.
 */
#include "osdep.h"

#include <glib/gstdio.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "qobject/json-parser.h"
#include "qobject/qjson.h"
#include "util/error.h"
#include "test-client-server.h"

struct FakeServer {
    const FakeStep *script;
    int listen_fd;              /* -1 for a socketpair */
    int fd;                     /* the connection */
    char *dir;                  /* temporary directory of the unix socket */
    char *address;
    GThread *thread;
    char *problem;              /* the first departure from the script */

    JSONMessageParser *parser;
    GQueue requests;            /* QObject * (or NULL for a parse error) */
    GMutex lock;
    GCond cond;
    unsigned received;          /* requests received in all */
    bool resumed;               /* fake_server_resume() was called */
};

static void on_request(void *opaque, QObject *json, Error *err)
{
    FakeServer *srv = opaque;

    error_free(err);
    g_queue_push_tail(&srv->requests, json);
    g_mutex_lock(&srv->lock);
    srv->received++;
    g_cond_broadcast(&srv->cond);
    g_mutex_unlock(&srv->lock);
}

/* Wait for @fd to be readable; false after FAKE_SERVER_TIMEOUT_MS. */
static bool readable(int fd)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };

    return poll(&pfd, 1, FAKE_SERVER_TIMEOUT_MS) > 0;
}

/*
 * The next request as compact JSON ("<parse error>" if it was not JSON),
 * or NULL at end of file or after the timeout (*@eof tells which).
 */
static char *next_request(FakeServer *srv, bool *eof)
{
    g_autoptr(GString) text = NULL;
    QObject *req;
    char buf[4096];
    ssize_t n;

    *eof = false;
    while (g_queue_is_empty(&srv->requests)) {
        n = readable(srv->fd) ? read(srv->fd, buf, sizeof(buf)) : -2;
        if (n <= 0) {
            /* A client closing with replies unread resets the connection. */
            *eof = !n || (n == -1 && errno == ECONNRESET);
            return NULL;
        }
        json_message_parser_feed(srv->parser, buf, n);
    }
    req = g_queue_pop_head(&srv->requests);
    if (!req) {
        return g_strdup("<parse error>");
    }
    text = qobject_to_json(req);
    qobject_unref(req);
    return g_strdup(text->str);
}

static void send_text(FakeServer *srv, const char *text, size_t len)
{
    ssize_t n;

    while (len) {
        n = send(srv->fd, text, len, MSG_NOSIGNAL);
        if (n <= 0) {
            return;             /* the client went away: a later step says so */
        }
        text += n;
        len -= n;
    }
}

/* @json (single quotes allowed) as compact JSON. */
static char *canonical(const char *json)
{
    g_autoptr(QObject) obj = qobject_from_json(json, &error_abort);
    g_autoptr(GString) text = qobject_to_json(obj);

    return g_strdup(text->str);
}

static void send_json(FakeServer *srv, const char *json)
{
    g_autofree char *text = canonical(json);
    g_autofree char *line = g_strconcat(text, "\r\n", NULL);

    send_text(srv, line, strlen(line));
}

/* FAKE_ECHO: answer @count requests, last first, with their arguments. */
static bool echo(FakeServer *srv, int count, GString *problem)
{
    g_autoptr(GPtrArray) reqs = g_ptr_array_new_with_free_func(g_free);
    bool eof;
    char *req;
    int i;

    for (i = 0; i < count; i++) {
        req = next_request(srv, &eof);
        if (!req) {
            g_string_printf(problem, "echo: request %d of %d missing", i + 1,
                            count);
            return false;
        }
        g_ptr_array_add(reqs, req);
    }
    for (i = count - 1; i >= 0; i--) {
        g_autoptr(QObject) req_obj = qobject_from_json(reqs->pdata[i], NULL);
        QDict *in = qobject_to(QDict, req_obj);
        g_autoptr(QDict) out = qdict_new();
        g_autoptr(GString) text = NULL;
        QObject *args;

        if (!in) {
            g_string_printf(problem, "echo: request %d is no object", i + 1);
            return false;
        }
        args = qdict_get(in, "arguments");

        qdict_put_obj(out, "return", args ? qobject_ref(args)
                                          : QOBJECT(qdict_new()));
        qdict_put_obj(out, "id", qobject_ref(qdict_get(in, "id")));
        text = qobject_to_json(QOBJECT(out));
        g_string_append(text, "\r\n");
        send_text(srv, text->str, text->len);
    }
    return true;
}

/* FAKE_PAUSE: wait for fake_server_resume(). */
static bool pause_script(FakeServer *srv, GString *problem)
{
    gint64 deadline = g_get_monotonic_time() +
                      FAKE_SERVER_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

    g_mutex_lock(&srv->lock);
    while (!srv->resumed &&
           g_cond_wait_until(&srv->cond, &srv->lock, deadline)) {
        continue;
    }
    if (!srv->resumed) {
        g_string_printf(problem, "not resumed");
    }
    srv->resumed = false;
    g_mutex_unlock(&srv->lock);
    return !problem->len;
}

/* Play one step; false (with @problem set) when the script must stop. */
static bool play(FakeServer *srv, const FakeStep *step, GString *problem)
{
    g_autofree char *req = NULL;
    g_autofree char *want = NULL;
    bool eof;

    switch (step->op) {
    case FAKE_OP_SEND:
        send_json(srv, step->text);
        return true;
    case FAKE_OP_SEND_RAW:
        send_text(srv, step->text, strlen(step->text));
        return true;
    case FAKE_OP_EXPECT:
        want = canonical(step->text);
        req = next_request(srv, &eof);
        if (!req || strcmp(req, want)) {
            g_string_printf(problem, "expected %s, got %s", want,
                            req ? req : eof ? "end of file" : "nothing");
            return false;
        }
        return true;
    case FAKE_OP_ECHO:
        return echo(srv, step->count, problem);
    case FAKE_OP_PAUSE:
        return pause_script(srv, problem);
    case FAKE_OP_CLOSE:
        return false;
    case FAKE_OP_END:
        req = next_request(srv, &eof);
        if (req || !eof) {
            g_string_printf(problem, "expected the client to close, got %s",
                            req ? req : "nothing");
        }
        return false;
    }
    g_assert_not_reached();
}

static gpointer server_thread(gpointer opaque)
{
    FakeServer *srv = opaque;
    g_autoptr(GString) problem = g_string_new(NULL);
    const FakeStep *step;

    if (srv->listen_fd >= 0) {
        srv->fd = readable(srv->listen_fd)
                  ? accept4(srv->listen_fd, NULL, NULL, SOCK_CLOEXEC) : -1;
        if (srv->fd < 0) {
            srv->problem = g_strdup("no client connected");
            return NULL;
        }
    }
    step = srv->script;
    while (play(srv, step, problem)) {
        step++;
    }
    if (problem->len) {
        srv->problem = g_strdup_printf("step %d: %s",
                                       (int)(step - srv->script), problem->str);
    }
    close(srv->fd);
    srv->fd = -1;
    return NULL;
}

static FakeServer *server_new(const FakeStep *script, int listen_fd, int fd,
                              char *dir, char *address)
{
    FakeServer *srv = g_new0(FakeServer, 1);

    srv->script = script;
    srv->listen_fd = listen_fd;
    srv->fd = fd;
    srv->dir = dir;
    srv->address = address;
    srv->parser = json_message_parser_new(on_request, srv, NULL);
    g_queue_init(&srv->requests);
    g_mutex_init(&srv->lock);
    g_cond_init(&srv->cond);
    srv->thread = g_thread_new("fake-qmp-server", server_thread, srv);
    return srv;
}

FakeServer *fake_server_new(const FakeStep *script)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    char *dir = g_dir_make_tmp("test-client-XXXXXX", NULL);
    char *path;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_assert_nonnull(dir);
    g_assert_cmpint(fd, >=, 0);
    path = g_build_filename(dir, "qmp.sock", NULL);
    g_assert_cmpuint(strlen(path), <, sizeof(addr.sun_path));
    strcpy(addr.sun_path, path);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&addr, sizeof(addr)), ==, 0);
    g_assert_cmpint(listen(fd, 1), ==, 0);
    return server_new(script, fd, -1, dir, path);
}

FakeServer *fake_server_new_tcp(const FakeStep *script)
{
    struct sockaddr_in addr = {
        .sin_family = AF_INET,
        .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
    };
    socklen_t len = sizeof(addr);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&addr, sizeof(addr)), ==, 0);
    g_assert_cmpint(listen(fd, 1), ==, 0);
    g_assert_cmpint(getsockname(fd, (struct sockaddr *)&addr, &len), ==, 0);
    return server_new(script, fd, -1, NULL, g_strdup_printf(
                          "tcp:127.0.0.1:%d", ntohs(addr.sin_port)));
}

FakeServer *fake_server_new_pair(const FakeStep *script, int *client_fd)
{
    int fds[2];

    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds),
                    ==, 0);
    *client_fd = fds[0];
    return server_new(script, -1, fds[1], NULL, NULL);
}

const char *fake_server_address(FakeServer *srv)
{
    return srv->address;
}

void fake_server_wait_requests(FakeServer *srv, unsigned n)
{
    gint64 deadline = g_get_monotonic_time() +
                      FAKE_SERVER_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

    g_mutex_lock(&srv->lock);
    while (srv->received < n) {
        g_assert_true(g_cond_wait_until(&srv->cond, &srv->lock, deadline));
    }
    g_mutex_unlock(&srv->lock);
}

void fake_server_resume(FakeServer *srv)
{
    g_mutex_lock(&srv->lock);
    srv->resumed = true;
    g_cond_broadcast(&srv->cond);
    g_mutex_unlock(&srv->lock);
}

void fake_server_finish(FakeServer *srv)
{
    g_thread_join(srv->thread);
    g_assert_cmpstr(srv->problem, ==, NULL);
    if (srv->listen_fd >= 0) {
        close(srv->listen_fd);
    }
    if (srv->dir) {
        g_assert_cmpint(g_unlink(srv->address), ==, 0);
        g_assert_cmpint(g_rmdir(srv->dir), ==, 0);
    }
    json_message_parser_free(srv->parser);
    g_queue_clear_full(&srv->requests, (GDestroyNotify)qobject_unref_impl);
    g_mutex_clear(&srv->lock);
    g_cond_clear(&srv->cond);
    g_free(srv->dir);
    g_free(srv->address);
    g_free(srv);
}
