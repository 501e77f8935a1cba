/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-client.c: libqmp's QmpClient: set-up over a connected socket, the
 * greeting, negotiation, and executing commands (in-band, out-of-band, HMP).
 */
#include "osdep.h"

#include <fcntl.h>

#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "qmp-client-internal.h"

int64_t libqmp_timeout_ms(int64_t timeout_ms)
{
    return timeout_ms ? timeout_ms : QMP_CLIENT_DEFAULT_TIMEOUT_MS;
}

/* QmpClientDoneFunc: the greeting has been read. */
static bool greeting_read(QmpClient *client, void *opaque)
{
    return client->greeting != NULL;
}

QmpClient *qmp_client_new_fd(int fd, const QmpClientOptions *opts,
                             Error **errp)
{
    QmpClientOptions defaults = { 0 };
    QmpClient *client;
    QmpWait res;
    int flags;

    opts = opts ? opts : &defaults;
    flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        error_setg_errno(errp, errno, "cannot use file descriptor %d", fd);
        if (fd >= 0) {
            close(fd);
        }
        return NULL;
    }
    client = g_new0(QmpClient, 1);
    client->fd = fd;
    client->timeout_ms = libqmp_timeout_ms(opts->timeout_ms);
    client->parser = json_message_parser_new(libqmp_emit, client,
                                             &opts->limits);
    client->buf = g_malloc(QMP_CLIENT_READ_SIZE);
    g_mutex_init(&client->write_lock);
    g_mutex_init(&client->lock);
    g_cond_init(&client->cond);
    g_queue_init(&client->pending);
    g_queue_init(&client->events);
    g_queue_init(&client->fresh);

    g_mutex_lock(&client->lock);
    res = libqmp_wait_locked(client, greeting_read, NULL,
                             libqmp_deadline(client->timeout_ms), errp);
    g_mutex_unlock(&client->lock);
    if (res == QMP_WAIT_TIMEOUT) {
        error_setg(errp, "no greeting from QMP server within %" PRId64 " ms",
                   client->timeout_ms);
    }
    if (res != QMP_WAIT_DONE) {
        qmp_client_free(client);
        return NULL;
    }
    return client;
}

void qmp_client_free(QmpClient *client)
{
    if (!client) {
        return;
    }
    close(client->fd);
    json_message_parser_free(client->parser);
    g_free(client->buf);
    qobject_unref(client->greeting);
    libqmp_free_events(client);
    error_free(client->failure);
    g_cond_clear(&client->cond);
    g_mutex_clear(&client->lock);
    g_mutex_clear(&client->write_lock);
    g_free(client);
}

void qmp_client_set_timeout(QmpClient *client, int64_t timeout_ms)
{
    g_mutex_lock(&client->lock);
    client->timeout_ms = libqmp_timeout_ms(timeout_ms);
    g_mutex_unlock(&client->lock);
}

int qmp_client_get_fd(const QmpClient *client)
{
    return client->fd;
}

QDict *qmp_client_get_version(const QmpClient *client)
{
    return qdict_get_qdict(client->greeting, "version");
}

QList *qmp_client_get_capabilities(const QmpClient *client)
{
    return qdict_get_qlist(client->greeting, "capabilities");
}

/* Whether @list holds the string @str. */
static bool qlist_has_str(const QList *list, const char *str)
{
    const QListEntry *e;
    QString *qs;

    for (e = list ? qlist_first(list) : NULL; e; e = qlist_next(e)) {
        qs = qobject_to(QString, qlist_entry_obj(e));
        if (qs && !strcmp(qstring_get_str(qs), str)) {
            return true;
        }
    }
    return false;
}

bool qmp_client_has_capability(const QmpClient *client, const char *cap)
{
    return qlist_has_str(qmp_client_get_capabilities(client), cap);
}

bool qmp_client_negotiate(QmpClient *client, bool oob, Error **errp)
{
    QDict *args = NULL;
    QList *enable;

    if (oob) {
        if (!qmp_client_has_capability(client, "oob")) {
            error_setg(errp, "QMP server does not offer capability 'oob'");
            return false;
        }
        enable = qlist_new();
        qlist_append_str(enable, "oob");
        args = qdict_new();
        qdict_put(args, "enable", enable);
    }
    return qmp_client_execute(client, "qmp_capabilities", args, NULL, errp);
}

bool qmp_client_oob_enabled(QmpClient *client)
{
    bool oob;

    g_mutex_lock(&client->lock);
    oob = client->oob;
    g_mutex_unlock(&client->lock);
    return oob;
}

const Error *qmp_client_get_failure(QmpClient *client)
{
    const Error *failure;

    g_mutex_lock(&client->lock);
    failure = client->failure;
    g_mutex_unlock(&client->lock);
    return failure;
}

/* QmpClientDoneFunc: the response to the QmpRequest @opaque has come. */
static bool request_answered(QmpClient *client, void *opaque)
{
    QmpRequest *req = opaque;

    return req->reply != NULL;
}

/* The result of a response: its "return" value, or its error. */
static bool unpack_reply(QDict *reply, QObject **ret, Error **errp)
{
    QDict *error = qdict_get_qdict(reply, "error");
    ErrorClass klass;

    if (error) {
        if (!error_class_from_name(qdict_get_str(error, "class"), &klass)) {
            klass = ERROR_CLASS_GENERIC_ERROR;
        }
        error_set(errp, klass, "%s", qdict_get_str(error, "desc"));
        return false;
    }
    if (ret) {
        *ret = qobject_ref(qdict_get(reply, "return"));
    }
    return true;
}

/*
 * Send {@verb: @command, "arguments": @args (taken), "id": N} and wait for
 * the response with id N. Returns it (new reference), or NULL with @errp
 * set on a timeout or failure.
 */
static QDict *transact(QmpClient *client, const char *verb,
                       const char *command, QDict *args, Error **errp)
{
    g_autoptr(QDict) msg = qdict_new();
    QmpRequest req = { 0 };
    QmpWait res = QMP_WAIT_FAILED;
    int64_t timeout_ms;
    gint64 deadline;

    qdict_put_str(msg, verb, command);
    if (args) {
        qdict_put(msg, "arguments", args);
    }
    g_mutex_lock(&client->lock);
    if (!libqmp_usable_locked(client, errp)) {
        g_mutex_unlock(&client->lock);
        return NULL;
    }
    timeout_ms = client->timeout_ms;
    deadline = libqmp_deadline(timeout_ms);
    req.id = ++client->last_id;
    /* Registered before it is sent: the response may come at once. */
    g_queue_push_tail(&client->pending, &req);
    g_mutex_unlock(&client->lock);

    qdict_put_int(msg, "id", req.id);
    if (libqmp_send(client, msg, deadline, errp)) {
        g_mutex_lock(&client->lock);
        res = libqmp_wait_locked(client, request_answered, &req, deadline,
                                 errp);
        g_mutex_unlock(&client->lock);
    }
    g_mutex_lock(&client->lock);
    g_queue_remove(&client->pending, &req);
    g_mutex_unlock(&client->lock);
    if (res == QMP_WAIT_TIMEOUT) {
        error_setg(errp, "no reply to '%s' from QMP server within %" PRId64
                   " ms", command, timeout_ms);
    }
    return req.reply;
}

/* Whether @args of @command switch on out-of-band execution. */
static bool enables_oob(const char *command, QDict *args)
{
    return args && !strcmp(command, "qmp_capabilities") &&
           qlist_has_str(qdict_get_qlist(args, "enable"), "oob");
}

bool qmp_client_execute(QmpClient *client, const char *command, QDict *args,
                        QObject **ret, Error **errp)
{
    bool oob = enables_oob(command, args);
    g_autoptr(QDict) reply = transact(client, "execute", command, args,
                                      errp);

    if (!reply || !unpack_reply(reply, ret, errp)) {
        return false;
    }
    if (oob) {
        g_mutex_lock(&client->lock);
        client->oob = true;
        g_mutex_unlock(&client->lock);
    }
    return true;
}

bool qmp_client_execute_oob(QmpClient *client, const char *command,
                            QDict *args, QObject **ret, Error **errp)
{
    g_autoptr(QDict) reply = NULL;

    if (!qmp_client_oob_enabled(client)) {
        qobject_unref(args);
        error_setg(errp, "cannot use exec-oob: capability 'oob' was not "
                   "negotiated");
        return false;
    }
    reply = transact(client, "exec-oob", command, args, errp);
    return reply && unpack_reply(reply, ret, errp);
}

char *qmp_client_hmp(QmpClient *client, const char *command_line,
                     Error **errp)
{
    QDict *args = qdict_new();
    g_autoptr(QObject) ret = NULL;
    QString *text;

    qdict_put_str(args, "command-line", command_line);
    if (!qmp_client_execute(client, "human-monitor-command", args, &ret,
                            errp)) {
        return NULL;
    }
    text = qobject_to(QString, ret);
    if (!text) {
        error_setg(errp, "invalid reply from QMP server: "
                   "human-monitor-command returned no string");
        return NULL;
    }
    return g_strdup(qstring_get_str(text));
}
