/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp.c: the QMP server engine: greeting, capabilities negotiation,
 * request parsing, the in-band queue and out-of-band execution, responses
 * and events.
 */
#include "osdep.h"

#include "monitor-internal.h"
#include "monitor/qmp-cmds.h"
#include "qapi-commands-control.h"
#include "qapi-emit-events.h"
#include "qapi/qmp-event.h"
#include "qobject/json-parser.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnull.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "util/log.h"

/* In-band requests a monitor with oob enabled may have waiting, as QEMU. */
#define QMP_REQ_QUEUE_LEN_MAX 8

/* A request waiting to run: a parsed value or the error parsing it. */
typedef struct QMPRequest {
    QObject *req;
    Error *err;
} QMPRequest;

typedef struct MonitorQMP {
    Monitor common;
    bool pretty;
    JSONMessageParser *parser;
    bool parser_stale;          /* replace it before the next byte */
    bool negotiating;           /* only qmp_capabilities is accepted */
    bool oob;                   /* the oob capability is enabled */
    GQueue requests;            /* QMPRequest, in-band, oldest first */
    guint dispatch_id;          /* idle source running them, or 0 */
} MonitorQMP;

static MonitorQMP *to_qmp(const Monitor *mon)
{
    return container_of(mon, MonitorQMP, common);
}

/* What a connection in negotiation may run: qmp_capabilities alone. */
static gpointer negotiation_commands_init(gpointer unused)
{
    QmpCommandList *cmds = qmp_command_list_new();

    qmp_register_command(cmds, "qmp_capabilities",
                         qmp_marshal_qmp_capabilities, QCO_ALLOW_PRECONFIG,
                         0);
    return cmds;
}

static QmpCommandList *negotiation_commands(void)
{
    static GOnce once = G_ONCE_INIT;

    return g_once(&once, negotiation_commands_init, NULL);
}

static void qmp_send(MonitorQMP *mon, const QDict *msg)
{
    g_autoptr(GString) json = qobject_to_json_pretty(QOBJECT(msg),
                                                     mon->pretty);

    if (log_enabled(LOG_QMP)) {
        g_autoptr(GString) line = qobject_to_json(QOBJECT(msg));

        log_printf("qmp: monitor %u -> %s\n", mon->common.id, line->str);
    }
    g_string_append_c(json, '\n');
    monitor_write(&mon->common, json->str);
}

/*
 * {"QMP": {"version": ..., "capabilities": ["oob"]}}, with the version
 * triple's members in the order QEMU 7.2 sends them.
 */
static QDict *qmp_greeting(void)
{
    g_autoptr(VersionInfo) info = qmp_query_version(&error_abort);
    QDict *qemu = qdict_new();
    QDict *version = qdict_new();
    QList *caps = qlist_new();
    QDict *qmp = qdict_new();
    QDict *greeting = qdict_new();

    qdict_put_int(qemu, "micro", info->qemu->micro);
    qdict_put_int(qemu, "minor", info->qemu->minor);
    qdict_put_int(qemu, "major", info->qemu->major);
    qdict_put(version, "qemu", qemu);
    qdict_put_str(version, "package", info->package);
    /* Out-of-band runs in the main loop, so every connection offers it. */
    qlist_append_str(caps, QMPCapability_str(QMP_CAPABILITY_OOB));
    qdict_put(qmp, "version", version);
    qdict_put(qmp, "capabilities", caps);
    qdict_put(greeting, "QMP", qmp);
    return greeting;
}

/* Run @req (borrowed) now and send its response. */
static void qmp_run(MonitorQMP *mon, QObject *req)
{
    bool negotiating = mon->negotiating;
    MonitorCurSave save;
    QDict *error;
    QDict *rsp;

    monitor_push_cur(&mon->common, &save);
    rsp = qmp_dispatch(negotiating ? negotiation_commands()
                                   : monitor_qmp_commands(),
                       req, mon->oob, false);
    monitor_pop_cur(&save);
    error = rsp ? qdict_get_qdict(rsp, "error") : NULL;
    if (negotiating && error
        && !g_strcmp0(qdict_get_try_str(error, "class"),
                      error_class_name(ERROR_CLASS_COMMAND_NOT_FOUND))) {
        /* Tell the client what it forgot, in QEMU's words. */
        qdict_put_str(error, "desc", "Expecting capabilities negotiation "
                      "with 'qmp_capabilities'");
    }
    if (rsp) {
        qmp_send(mon, rsp);
    }
    qobject_unref(rsp);
}

static void qmp_request_free(QMPRequest *r)
{
    qobject_unref(r->req);
    error_free(r->err);
    g_free(r);
}

static void qmp_clear_queue(MonitorQMP *mon)
{
    QMPRequest *r;

    while ((r = g_queue_pop_head(&mon->requests))) {
        qmp_request_free(r);
    }
    if (mon->dispatch_id) {
        g_source_remove(mon->dispatch_id);
        mon->dispatch_id = 0;
    }
}

/* The main loop runs the oldest in-band request of @mon, one per call. */
static gboolean qmp_dispatch_cb(gpointer opaque)
{
    MonitorQMP *mon = opaque;
    QMPRequest *r = g_queue_pop_head(&mon->requests);
    QDict *rsp;

    if (r->req) {
        qmp_run(mon, r->req);
    } else {
        rsp = qmp_error_response(g_steal_pointer(&r->err));
        qmp_send(mon, rsp);
        qobject_unref(rsp);
    }
    qmp_request_free(r);
    if (g_queue_is_empty(&mon->requests)) {
        mon->dispatch_id = 0;
        monitor_update_input(&mon->common);
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

/* Tell @mon (only: the id is the client's) that its request was dropped. */
static void qmp_send_dropped(MonitorQMP *mon, QObject *req)
{
    QDict *dict = qobject_to(QDict, req);
    QObject *id = dict ? qdict_get(dict, "id") : NULL;
    g_autoptr(QDict) event = qmp_event_build_dict("COMMAND_DROPPED");
    QDict *data = qdict_new();

    qdict_put_obj(data, "id", id ? qobject_ref(id) : QOBJECT(qnull()));
    qdict_put_str(data, "reason",
                  CommandDropReason_str(COMMAND_DROP_REASON_QUEUE_FULL));
    qdict_put(event, "data", data);
    qmp_send(mon, event);
}

/* The JSON parser's callback: one request, or the error parsing one. */
static void qmp_handle_json(void *opaque, QObject *req, Error *err)
{
    MonitorQMP *mon = opaque;
    QDict *dict = qobject_to(QDict, req);
    QMPRequest *r;

    if (!mon->common.open) {
        /* The client left while this byte was parsed. */
        qobject_unref(req);
        error_free(err);
        return;
    }
    if (req && log_enabled(LOG_QMP)) {
        g_autoptr(GString) line = qobject_to_json(req);

        log_printf("qmp: monitor %u <- %s\n", mon->common.id, line->str);
    }
    if (dict && qmp_is_oob(dict)) {
        /* exec-oob runs at once, ahead of the in-band queue. */
        qmp_run(mon, req);
        qobject_unref(req);
        return;
    }
    if (mon->oob && g_queue_get_length(&mon->requests)
                    >= QMP_REQ_QUEUE_LEN_MAX) {
        qmp_send_dropped(mon, req);
        qobject_unref(req);
        error_free(err);
        return;
    }
    r = g_new0(QMPRequest, 1);
    r->req = req;
    r->err = err;
    g_queue_push_tail(&mon->requests, r);
    if (!mon->dispatch_id) {
        mon->dispatch_id = g_idle_add(qmp_dispatch_cb, mon);
    }
}

static void qmp_reset_parser(MonitorQMP *mon)
{
    json_message_parser_free(mon->parser);
    mon->parser = json_message_parser_new(qmp_handle_json, mon, NULL);
    mon->parser_stale = false;
}

static void qmp_feed(Monitor *mon, char byte)
{
    MonitorQMP *qmp = to_qmp(mon);

    if (qmp->parser_stale) {
        qmp_reset_parser(qmp);
    }
    json_message_parser_feed(qmp->parser, &byte, 1);
}

/*
 * Without oob, the client waits for each response before the next request
 * is read (QEMU's behaviour before oob existed), so the queue holds one.
 */
static bool qmp_input_paused(const Monitor *mon)
{
    const MonitorQMP *qmp = to_qmp(mon);

    return !qmp->oob && qmp->requests.length;
}

static void qmp_opened(Monitor *mon)
{
    MonitorQMP *qmp = to_qmp(mon);
    g_autoptr(QDict) greeting = qmp_greeting();

    qmp->negotiating = true;
    qmp->oob = false;
    qmp_send(qmp, greeting);
}

static void qmp_closed(Monitor *mon)
{
    MonitorQMP *qmp = to_qmp(mon);

    qmp_clear_queue(qmp);
    /*
     * The parser goes with the client's half-sent request; not at once
     * if we are inside it (a write failed while answering exec-oob).
     */
    qmp->parser_stale = true;
    if (!mon->feeding) {
        qmp_reset_parser(qmp);
    }
    qmp->negotiating = true;
    qmp->oob = false;
}

static void qmp_free(Monitor *mon)
{
    MonitorQMP *qmp = to_qmp(mon);

    qmp_clear_queue(qmp);
    json_message_parser_free(qmp->parser);
    monitor_cleanup_common(mon);
    g_free(qmp);
}

static const MonitorOps qmp_ops = {
    .opened = qmp_opened,
    .closed = qmp_closed,
    .feed = qmp_feed,
    .input_paused = qmp_input_paused,
    .free = qmp_free,
};

Monitor *monitor_new_qmp(const MonitorTransport *transport, void *opaque,
                         bool pretty)
{
    MonitorQMP *mon = g_new0(MonitorQMP, 1);

    monitor_init_common(&mon->common, &qmp_ops, true, transport, opaque);
    mon->pretty = pretty;
    mon->negotiating = true;
    g_queue_init(&mon->requests);
    qmp_reset_parser(mon);
    return &mon->common;
}

bool monitor_qmp_negotiating(const Monitor *mon)
{
    return mon->is_qmp && to_qmp(mon)->negotiating;
}

void monitor_qmp_enable(Monitor *mon, const QMPCapabilityList *enable)
{
    MonitorQMP *qmp = to_qmp(mon);

    for (; enable; enable = enable->next) {
        if (QMP_CAPABILITY_OOB == enable->value) {
            qmp->oob = true;
        }
    }
    qmp->negotiating = false;
}

void monitor_qmp_broadcast_event(QAPIEvent event, QDict *qdict)
{
    MonitorQMP *qmp;
    GList *l;

    for (l = monitor_list(); l; l = l->next) {
        if (!monitor_is_qmp(l->data)) {
            continue;
        }
        qmp = to_qmp(l->data);
        if (!qmp->common.open || qmp->negotiating) {
            continue;
        }
        if (qmp->common.output_full) {
            /* A client this far behind loses events; see qmp.md. */
            log_mask(LOG_QMP, "qmp: monitor %u: output full, event %s "
                     "dropped\n", qmp->common.id, QAPIEvent_str(event));
            continue;
        }
        qmp_send(qmp, qdict);
    }
}
