/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-client.h: libqmp, the C QMP client library. Connect to a QMP server
 * (kvmini's -qmp socket, or QEMU's), read its greeting, negotiate, execute
 * commands and receive events. The typed wrappers the QAPI generator emits
 * (qapi-client.h: qmp_client_query_status() etc.) are built on
 * qmp_client_execute(). docs/user/libqmp.md is the guide.
 *
 * Timeouts: every call that waits for the server gives up after the
 * client's timeout (QmpClientOptions, default QMP_CLIENT_DEFAULT_TIMEOUT_MS)
 * with an error; only qmp_client_wait_event() takes its own.
 *
 * Threads: a QmpClient may be used by several threads at once. Requests
 * from different threads are pipelined on the one connection and each
 * caller gets the response carrying its own request's id. libqmp has no
 * thread of its own: it reads from the server only inside calls that wait
 * (execute, wait_event, drain_events), one thread at a time.
 * qmp_client_free() must not race with any other call on the client.
 *
 * Failures: a connection failure (the server closed it, an I/O error) or a
 * protocol failure (a reply that is not QMP) makes the client unusable;
 * every later call fails with the same one-line error. An error response
 * or a timeout does not: the connection keeps working.
 */
#ifndef CLIENT_QMP_CLIENT_H
#define CLIENT_QMP_CLIENT_H

#include "qobject/json-parser.h"
#include "qobject/qdict.h"

typedef struct QmpClient QmpClient;

/* How long a call waits for the server unless told otherwise: 30 s. */
#define QMP_CLIENT_DEFAULT_TIMEOUT_MS   30000

/* At most this many events are queued; beyond it the oldest is dropped. */
#define QMP_CLIENT_MAX_EVENTS           1024

/* How a client is set up; a zeroed struct (or NULL) means the defaults. */
typedef struct QmpClientOptions {
    /*
     * How long connecting, reading the greeting and each call wait, in
     * milliseconds: 0 means QMP_CLIENT_DEFAULT_TIMEOUT_MS, negative means
     * forever.
     */
    int64_t timeout_ms;
    /* Bounds on one message from the server (0 fields: JSON's defaults). */
    JSONLimits limits;
} QmpClientOptions;

/*
 * Connect to the QMP server at @address: "tcp:HOST:PORT" (HOST may be a
 * name, an IPv4 address or [IPv6]), "unix:PATH", or any other text as
 * the path of a unix socket. Reads the greeting; negotiation is left to
 * qmp_client_negotiate(). @opts may be NULL. Returns the client, or NULL
 * with @errp set.
 */
QmpClient *qmp_client_connect(const char *address,
                              const QmpClientOptions *opts, Error **errp);

/*
 * Like qmp_client_connect(), over @fd, an already connected stream socket
 * (takes ownership: it is closed by qmp_client_free(), or at once on
 * failure). The fd is made non-blocking.
 */
QmpClient *qmp_client_new_fd(int fd, const QmpClientOptions *opts,
                             Error **errp);

/* Close the connection and free @client. NULL is allowed. */
void qmp_client_free(QmpClient *client);

/* Change the timeout of later calls (milliseconds, as in QmpClientOptions). */
void qmp_client_set_timeout(QmpClient *client, int64_t timeout_ms);

/*
 * The socket (borrowed), for poll() or a main loop: when it is readable,
 * qmp_client_drain_events() takes in what arrived.
 */
int qmp_client_get_fd(const QmpClient *client);

/*
 * From the greeting: the server's version, {"qemu": {"major", "minor",
 * "micro"}, "package"} (borrowed), and the capabilities it offers, such as
 * "oob" (borrowed QList of QStrings).
 */
QDict *qmp_client_get_version(const QmpClient *client);
QList *qmp_client_get_capabilities(const QmpClient *client);

/* Whether the greeting offered capability @cap. */
bool qmp_client_has_capability(const QmpClient *client, const char *cap);

/*
 * Leave capabilities negotiation mode with qmp_capabilities, enabling
 * out-of-band execution if @oob (the server must offer "oob"). Until this
 * succeeds the server accepts no other command. Returns false with @errp
 * set on failure.
 */
bool qmp_client_negotiate(QmpClient *client, bool oob, Error **errp);

/* Whether out-of-band execution was negotiated. */
bool qmp_client_oob_enabled(QmpClient *client);

/*
 * Execute @command with @args (ownership taken; NULL for no arguments) and
 * wait for its response. On success store the "return" value (new
 * reference) into *@ret (unless @ret is NULL) and return true; on an error
 * response return false with @errp set to its class (an unknown class is
 * GenericError) and desc; on a timeout or failure, false with @errp set.
 */
bool qmp_client_execute(QmpClient *client, const char *command, QDict *args,
                        QObject **ret, Error **errp);

/*
 * qmp_client_execute() with "exec-oob": the server runs @command at once,
 * even while in-band commands (from other threads) are pending. Needs
 * qmp_client_negotiate(client, true, ...) first.
 */
bool qmp_client_execute_oob(QmpClient *client, const char *command,
                            QDict *args, QObject **ret, Error **errp);

/*
 * The error that made @client unusable (borrowed: valid until the client
 * is freed), or NULL while the connection works.
 */
const Error *qmp_client_get_failure(QmpClient *client);

/*
 * Run the HMP command line @command_line with human-monitor-command.
 * Returns its output text as the server sent it (QEMU and kvmini end lines
 * with "\r\n"), a new string, or NULL with @errp set.
 */
char *qmp_client_hmp(QmpClient *client, const char *command_line,
                     Error **errp);

/*
 * Called once for every event the server sends, in order, with the event
 * message ({"event", "data", "timestamp"}; borrowed). It runs in the
 * thread that is reading from the server, inside one of its calls that
 * wait. Calls on the same client that would have to wait for the server
 * fail there ("cannot wait for the QMP server in its event callback").
 */
typedef void QmpClientEventFunc(void *opaque, QDict *event);

/*
 * Call @fn(@opaque, event) for each event from now on; @fn NULL stops.
 * Events are queued for qmp_client_wait_event() and
 * qmp_client_drain_events() whether or not a callback is set.
 */
void qmp_client_set_event_handler(QmpClient *client, QmpClientEventFunc *fn,
                                  void *opaque);

/*
 * Wait up to @timeout_ms (0: only look at what has arrived; negative:
 * forever) for an event named @name (any event if NULL), take the first
 * such one off the queue and return it (new reference). Other events stay
 * queued. Returns NULL with @errp set on a timeout or failure.
 */
QDict *qmp_client_wait_event(QmpClient *client, const char *name,
                             int64_t timeout_ms, Error **errp);

/*
 * Take in whatever the server has sent, without waiting, and return all
 * queued events, oldest first, emptying the queue (new reference; may be
 * empty). Returns NULL with @errp set only when the queue is empty and the
 * connection has failed.
 */
QList *qmp_client_drain_events(QmpClient *client, Error **errp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QmpClient, qmp_client_free)

#endif /* CLIENT_QMP_CLIENT_H */
