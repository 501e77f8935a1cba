/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-client-io.c: libqmp's side of the wire: writing requests, the reader
 * role that waiting threads take in turn, and the dispatch of each message
 * the server sends (greeting, response, event).
 */
#include "osdep.h"

#include <poll.h>
#include <sys/socket.h>

#include "qobject/qnum.h"
#include "qobject/qjson.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "qmp-client-internal.h"

gint64 libqmp_deadline(int64_t timeout_ms)
{
    gint64 now = g_get_monotonic_time();

    if (timeout_ms < 0 || timeout_ms > (G_MAXINT64 - now) / 1000) {
        return G_MAXINT64;
    }
    return now + timeout_ms * 1000;
}

/* The poll() timeout in ms until @deadline: -1 forever, 0 if passed. */
static int poll_timeout(gint64 deadline)
{
    gint64 left;

    if (deadline == G_MAXINT64) {
        return -1;
    }
    left = deadline - g_get_monotonic_time();
    if (left <= 0) {
        return 0;
    }
    return MIN((left + 999) / 1000, INT_MAX);
}

int libqmp_wait_fd(int fd, short events, gint64 deadline)
{
    struct pollfd pfd = { .fd = fd, .events = events };
    int ret;

    do {
        ret = poll(&pfd, 1, poll_timeout(deadline));
    } while (ret < 0 && errno == EINTR);
    return ret;
}

void libqmp_fail_locked(QmpClient *client, Error *err)
{
    if (client->failure) {
        error_free(err);
        return;
    }
    client->failure = err;
    g_cond_broadcast(&client->cond);
}

/* Fail with "invalid reply from QMP server: @what". */
static void fail_invalid_locked(QmpClient *client, const char *what)
{
    Error *err = NULL;

    error_setg(&err, "invalid reply from QMP server: %s", what);
    libqmp_fail_locked(client, err);
}

static bool write_all(int fd, const char *buf, size_t len, gint64 deadline,
                      Error **errp)
{
    ssize_t n;
    int ret;

    while (len) {
        /* MSG_NOSIGNAL: a closed connection is an error, not SIGPIPE. */
        n = send(fd, buf, len, MSG_NOSIGNAL);
        if (n > 0) {
            buf += n;
            len -= n;
            continue;
        }
        if (errno == EINTR) {
            continue;
        }
        if (errno == EPIPE || errno == ECONNRESET) {
            error_setg(errp, "QMP server closed the connection");
            return false;
        }
        if (errno != EAGAIN) {
            error_setg_errno(errp, errno, "cannot write to QMP server");
            return false;
        }
        ret = libqmp_wait_fd(fd, POLLOUT, deadline);
        if (ret < 0) {
            error_setg_errno(errp, errno, "cannot write to QMP server");
            return false;
        }
        if (!ret) {
            error_setg(errp, "timed out writing to QMP server");
            return false;
        }
    }
    return true;
}

bool libqmp_send(QmpClient *client, QDict *msg, gint64 deadline,
                 Error **errp)
{
    g_autoptr(GString) text = qobject_to_json(QOBJECT(msg));
    Error *err = NULL;
    bool ok;

    g_string_append_c(text, '\n');
    g_mutex_lock(&client->write_lock);
    ok = write_all(client->fd, text->str, text->len, deadline, &err);
    g_mutex_unlock(&client->write_lock);
    if (!ok) {
        g_mutex_lock(&client->lock);
        libqmp_fail_locked(client, error_copy(err));
        g_mutex_unlock(&client->lock);
        error_propagate(errp, err);
    }
    return ok;
}

/* Hand the events that arrived to the callback, without the lock. */
static void notify_events_locked(QmpClient *client)
{
    QmpClientEventFunc *fn;
    void *opaque;
    QDict *event;

    while ((event = g_queue_pop_head(&client->fresh))) {
        fn = client->event_fn;
        opaque = client->event_opaque;
        g_mutex_unlock(&client->lock);
        if (fn) {
            fn(opaque, event);
        }
        qobject_unref(event);
        g_mutex_lock(&client->lock);
    }
}

/*
 * With @lock held and no other reader: be the reader for one read. Returns
 * false when nothing came before @deadline, true otherwise (data was
 * dispatched, or the connection failed).
 */
static bool read_once_locked(QmpClient *client, gint64 deadline)
{
    Error *err = NULL;
    ssize_t n = -1;
    int ready, saved_errno;

    client->reader = g_thread_self();
    g_mutex_unlock(&client->lock);
    ready = libqmp_wait_fd(client->fd, POLLIN, deadline);
    if (ready > 0) {
        do {
            n = read(client->fd, client->buf, QMP_CLIENT_READ_SIZE);
        } while (n < 0 && errno == EINTR);
    }
    saved_errno = errno;
    g_mutex_lock(&client->lock);

    if (n > 0) {
        json_message_parser_feed(client->parser, client->buf, n);
    } else if (ready > 0 && (!n || saved_errno == ECONNRESET)) {
        /*
         * A reset is a close too: QEMU reads a byte at a time and exits
         * after "quit" with the request's line end still unread.
         */
        error_setg(&err, "QMP server closed the connection");
    } else if (ready < 0 || (ready > 0 && saved_errno != EAGAIN)) {
        error_setg_errno(&err, saved_errno, "cannot read from QMP server");
    }
    if (err) {
        libqmp_fail_locked(client, err);
    }
    /* Waiters whose reply came need not wait for the callbacks. */
    g_cond_broadcast(&client->cond);
    notify_events_locked(client);
    client->reader = NULL;
    g_cond_broadcast(&client->cond);
    return ready != 0;
}

bool libqmp_usable_locked(QmpClient *client, Error **errp)
{
    if (client->failure) {
        error_propagate(errp, error_copy(client->failure));
        return false;
    }
    if (client->reader == g_thread_self()) {
        error_setg(errp, "cannot wait for the QMP server in its event "
                   "callback");
        return false;
    }
    return true;
}

QmpWait libqmp_wait_locked(QmpClient *client, QmpClientDoneFunc *done,
                           void *opaque, gint64 deadline, Error **errp)
{
    bool timed_out = false;

    for (;;) {
        if (done && done(client, opaque)) {
            return QMP_WAIT_DONE;
        }
        if (!libqmp_usable_locked(client, errp)) {
            return QMP_WAIT_FAILED;
        }
        if (timed_out) {
            return QMP_WAIT_TIMEOUT;
        }
        if (client->reader) {
            if (deadline == G_MAXINT64) {
                g_cond_wait(&client->cond, &client->lock);
            } else {
                timed_out = !g_cond_wait_until(&client->cond, &client->lock,
                                               deadline);
            }
        } else {
            timed_out = !read_once_locked(client, deadline);
        }
    }
}

/* The greeting: {"QMP": {"version": {...}, "capabilities": [...]}}. */
static void dispatch_greeting_locked(QmpClient *client, QDict *msg)
{
    QDict *qmp = qdict_get_qdict(msg, "QMP");
    Error *err = NULL;

    if (!qmp) {
        error_setg(&err, "invalid greeting from QMP server: no object 'QMP'");
    } else if (!qdict_get_qdict(qmp, "version")) {
        error_setg(&err, "invalid greeting from QMP server: no object "
                   "'QMP.version'");
    } else if (!qdict_get_qlist(qmp, "capabilities")) {
        error_setg(&err, "invalid greeting from QMP server: no array "
                   "'QMP.capabilities'");
    }
    if (err) {
        libqmp_fail_locked(client, err);
        return;
    }
    client->greeting = qobject_ref(qmp);
    g_cond_broadcast(&client->cond);
}

/*
 * The pending request a response is for: the one with its @id or, for a
 * response without one (the server could not read the request's), the
 * oldest still waiting. NULL for an id nobody waits for.
 */
static QmpRequest *find_request_locked(QmpClient *client, QObject *id)
{
    QNum *num = qobject_to(QNum, id);
    QmpRequest *req;
    uint64_t val;
    GList *l;

    if (id && (!num || !qnum_get_try_uint(num, &val))) {
        return NULL;
    }
    for (l = client->pending.head; l; l = l->next) {
        req = l->data;
        if (!req->reply && (!id || req->id == val)) {
            return req;
        }
    }
    return NULL;
}

/* A response: {"return": ...} or {"error": {"class", "desc"}}, with "id". */
static void dispatch_response_locked(QmpClient *client, QDict *msg)
{
    QDict *error = qdict_get_qdict(msg, "error");
    QmpRequest *req;

    if (qdict_haskey(msg, "error") &&
        (!error || !qdict_get_try_str(error, "class") ||
         !qdict_get_try_str(error, "desc"))) {
        fail_invalid_locked(client, "'error' is not an object with strings "
                            "'class' and 'desc'");
        return;
    }
    /*
     * A response nobody waits for (its caller timed out, or an id this
     * client never sent) is dropped, as the QMP specification says.
     */
    req = find_request_locked(client, qdict_get(msg, "id"));
    if (req) {
        req->reply = qobject_ref(msg);
        g_cond_broadcast(&client->cond);
    }
}

void libqmp_emit(void *opaque, QObject *json, Error *err)
{
    QmpClient *client = opaque;
    QDict *msg = qobject_to(QDict, json);

    if (client->failure) {
        /* The rest of a stream that already failed means nothing. */
        error_free(err);
    } else if (err) {
        error_prepend(&err, "invalid reply from QMP server: ");
        libqmp_fail_locked(client, err);
    } else if (!msg) {
        fail_invalid_locked(client, "not a JSON object");
    } else if (!client->greeting) {
        dispatch_greeting_locked(client, msg);
    } else if (qdict_haskey(msg, "event")) {
        libqmp_event_locked(client, msg);
    } else if (qdict_haskey(msg, "return") || qdict_haskey(msg, "error")) {
        dispatch_response_locked(client, msg);
    } else {
        fail_invalid_locked(client, "no member 'return', 'error' or 'event'");
    }
    qobject_unref(json);
}
