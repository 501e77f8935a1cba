/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-client-internal.h: the QmpClient structure and what the files of
 * libqmp share: reading and dispatching messages (qmp-client-io.c), the
 * event queue (qmp-client-events.c), requests (qmp-client.c).
 *
 * Locking: @lock protects the fields below it. One thread at a time is the
 * reader (@reader): it polls and reads the socket without the lock, then
 * feeds the parser with the lock held, so replies and events are
 * dispatched under the lock. Writers serialise on @write_lock, so requests
 * of different threads never interleave on the wire.
 */
#ifndef CLIENT_QMP_CLIENT_INTERNAL_H
#define CLIENT_QMP_CLIENT_INTERNAL_H

#include "client/qmp-client.h"

/* One read takes at most this much; the parser keeps partial messages. */
#define QMP_CLIENT_READ_SIZE    65536

/* A request waiting for its response, on the stack of the caller. */
typedef struct QmpRequest {
    uint64_t id;
    QDict *reply;               /* the response message once it came */
} QmpRequest;

struct QmpClient {
    int fd;
    QDict *greeting;            /* the greeting's "QMP" member, once read */
    JSONMessageParser *parser;  /* fed by the reader, @lock held */
    char *buf;                  /* read buffer of the reader */
    GMutex write_lock;

    GMutex lock;
    GCond cond;                 /* broadcast on replies, events, failure */
    GThread *reader;            /* the thread reading, or NULL */
    Error *failure;             /* why the connection is unusable */
    int64_t timeout_ms;         /* negative: forever */
    uint64_t last_id;
    GQueue pending;             /* QmpRequest *, oldest first */
    GQueue events;              /* QDict *, oldest first */
    GQueue fresh;               /* QDict *, events not yet given to event_fn */
    QmpClientEventFunc *event_fn;
    void *event_opaque;
    bool oob;
};

/* How a wait ended. */
typedef enum QmpWait {
    QMP_WAIT_DONE,
    QMP_WAIT_TIMEOUT,
    QMP_WAIT_FAILED,
} QmpWait;

/* What a waiter waits for: true when it has come (called with @lock held). */
typedef bool QmpClientDoneFunc(QmpClient *client, void *opaque);

/* @timeout_ms as QmpClientOptions reads it: 0 is the default. */
int64_t libqmp_timeout_ms(int64_t timeout_ms);

/* The monotonic time (µs) @timeout_ms from now; G_MAXINT64 if negative. */
gint64 libqmp_deadline(int64_t timeout_ms);

/*
 * Wait until @fd is ready for @events (POLLIN, POLLOUT) or @deadline
 * passes: 1 ready, 0 timed out, -1 with errno set on error.
 */
int libqmp_wait_fd(int fd, short events, gint64 deadline);

/*
 * With @lock held: false with @errp set if the connection failed, or if
 * the calling thread is the reader (an event callback) and must not wait.
 */
bool libqmp_usable_locked(QmpClient *client, Error **errp);

/*
 * With @lock held: read and dispatch messages until @done (may be NULL:
 * never) says so, the connection fails (QMP_WAIT_FAILED with @errp set),
 * or @deadline passes with nothing more to read (QMP_WAIT_TIMEOUT, @errp
 * untouched: the caller names what it waited for).
 */
QmpWait libqmp_wait_locked(QmpClient *client, QmpClientDoneFunc *done,
                           void *opaque, gint64 deadline, Error **errp);

/*
 * Write @msg as one line. On failure (the request may be half written)
 * the connection fails and false is returned with @errp set.
 */
bool libqmp_send(QmpClient *client, QDict *msg, gint64 deadline,
                 Error **errp);

/* With @lock held: make the connection unusable because of @err (taken). */
void libqmp_fail_locked(QmpClient *client, Error *err);

/* JSONEmitFunc of the client's parser: dispatch one message, @lock held. */
void libqmp_emit(void *opaque, QObject *json, Error *err);

/* With @lock held: queue the event message @msg (borrowed). */
void libqmp_event_locked(QmpClient *client, QDict *msg);

/* Free the queued events of @client. */
void libqmp_free_events(QmpClient *client);

#endif /* CLIENT_QMP_CLIENT_INTERNAL_H */
