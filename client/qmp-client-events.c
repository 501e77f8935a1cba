/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-client-events.c: libqmp's events: the bounded queue every event goes
 * into, the user's callback, waiting for a named event, draining.
 */
#include "osdep.h"

#include "qobject/qlist.h"
#include "util/error.h"
#include "qmp-client-internal.h"

void libqmp_event_locked(QmpClient *client, QDict *msg)
{
    Error *err = NULL;

    if (!qdict_get_try_str(msg, "event")) {
        error_setg(&err, "invalid reply from QMP server: 'event' is not a "
                   "string");
        libqmp_fail_locked(client, err);
        return;
    }
    /* Bounded: a program that never looks at events keeps the newest. */
    if (g_queue_get_length(&client->events) == QMP_CLIENT_MAX_EVENTS) {
        qobject_unref((QDict *)g_queue_pop_head(&client->events));
    }
    g_queue_push_tail(&client->events, qobject_ref(msg));
    if (client->event_fn) {
        g_queue_push_tail(&client->fresh, qobject_ref(msg));
    }
    g_cond_broadcast(&client->cond);
}

void libqmp_free_events(QmpClient *client)
{
    QDict *event;

    while ((event = g_queue_pop_head(&client->events))) {
        qobject_unref(event);
    }
    while ((event = g_queue_pop_head(&client->fresh))) {
        qobject_unref(event);
    }
}

void qmp_client_set_event_handler(QmpClient *client, QmpClientEventFunc *fn,
                                  void *opaque)
{
    g_mutex_lock(&client->lock);
    client->event_fn = fn;
    client->event_opaque = opaque;
    g_mutex_unlock(&client->lock);
}

typedef struct EventWait {
    const char *name;           /* NULL: any */
    QDict *event;               /* what was taken off the queue */
} EventWait;

/* QmpClientDoneFunc: take the first queued event @opaque waits for. */
static bool take_event(QmpClient *client, void *opaque)
{
    EventWait *wait = opaque;
    GList *l;

    for (l = client->events.head; l; l = l->next) {
        if (!wait->name ||
            !strcmp(qdict_get_str(l->data, "event"), wait->name)) {
            wait->event = l->data;
            g_queue_delete_link(&client->events, l);
            return true;
        }
    }
    return false;
}

QDict *qmp_client_wait_event(QmpClient *client, const char *name,
                             int64_t timeout_ms, Error **errp)
{
    EventWait wait = { .name = name };
    QmpWait res;

    g_mutex_lock(&client->lock);
    res = libqmp_wait_locked(client, take_event, &wait,
                             libqmp_deadline(timeout_ms), errp);
    g_mutex_unlock(&client->lock);
    if (res == QMP_WAIT_TIMEOUT) {
        error_setg(errp, "no %s%sevent from QMP server within %" PRId64
                   " ms", name ? name : "", name ? " " : "", timeout_ms);
    }
    return wait.event;
}

QList *qmp_client_drain_events(QmpClient *client, Error **errp)
{
    g_autoptr(QList) list = qlist_new();
    Error *err = NULL;
    QDict *event;

    g_mutex_lock(&client->lock);
    libqmp_wait_locked(client, NULL, NULL, g_get_monotonic_time(), &err);
    while ((event = g_queue_pop_head(&client->events))) {
        qlist_append(list, event);
    }
    g_mutex_unlock(&client->lock);
    if (err && qlist_empty(list)) {
        error_propagate(errp, err);
        return NULL;
    }
    error_free(err);
    return g_steal_pointer(&list);
}
