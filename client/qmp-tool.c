/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-tool.c: what kvmini-qmp does with one command, in both of its
 * modes: send it (QMP, or an HMP line), print the result or report the
 * error; and how it prints an event.
 */
#include "osdep.h"

#include <time.h>

#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "util/error.h"
#include "util/error-report.h"
#include "kvmini-qmp.h"

/* The server's schema, asked for once; NULL if it has none to give. */
static QmpSchema *tool_schema(QmpTool *tool)
{
    QObject *ret = NULL;

    if (!tool->schema_asked) {
        tool->schema_asked = true;
        if (qmp_client_execute(tool->client, "query-qmp-schema", NULL, &ret,
                               NULL) &&
            qobject_type(ret) == QTYPE_QLIST) {
            tool->schema = qmp_schema_new(qobject_to(QList, ret));
        } else {
            qobject_unref(ret);
        }
    }
    return tool->schema;
}

QDict *qmp_tool_parse_json(const char *json, Error **errp)
{
    QObject *obj = qobject_from_json(json, errp);

    if (obj && qobject_type(obj) != QTYPE_QDICT) {
        qobject_unref(obj);
        error_setg(errp, "arguments must be a JSON object");
        return NULL;
    }
    return qobject_to(QDict, obj);
}

QDict *qmp_tool_type_args(QmpTool *tool, const char *command, QDict *tree)
{
    return qmp_args_type(tool_schema(tool), command, tree);
}

bool qmp_tool_execute(QmpTool *tool, const char *command, QDict *args)
{
    g_autoptr(QObject) ret = NULL;
    g_autoptr(GString) text = NULL;
    Error *err = NULL;
    bool ok;

    if (tool->oob) {
        ok = qmp_client_execute_oob(tool->client, command, args, &ret, &err);
    } else {
        ok = qmp_client_execute(tool->client, command, args, &ret, &err);
    }
    if (!ok) {
        error_report_err(err);
        return false;
    }
    text = qobject_to_json_pretty(ret, true);
    printf("%s\n", text->str);
    fflush(stdout);
    return true;
}

bool qmp_tool_hmp(QmpTool *tool, const char *line)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    Error *err = NULL;

    text = qmp_client_hmp(tool->client, line, &err);
    if (!text) {
        error_report_err(err);
        return false;
    }
    /* HMP ends its lines with "\r\n", for terminals; print them with "\n". */
    lines = g_strsplit(text, "\r\n", -1);
    g_free(text);
    text = g_strjoinv("\n", lines);
    fputs(text, stdout);
    fflush(stdout);
    return true;
}

/* The event's "seconds" and "microseconds" as UTC, or "-" if it has none. */
static char *format_timestamp(QDict *event)
{
    QDict *ts = qdict_get_qdict(event, "timestamp");
    QNum *sec = ts ? qobject_to(QNum, qdict_get(ts, "seconds")) : NULL;
    QNum *usec = ts ? qobject_to(QNum, qdict_get(ts, "microseconds")) : NULL;
    int64_t s, us;
    time_t t;
    struct tm tm;
    char buf[32];

    if (!sec || !usec || !qnum_get_try_int(sec, &s) ||
        !qnum_get_try_int(usec, &us) || s < 0 || us < 0 || us > 999999) {
        return g_strdup("-");
    }
    t = s;
    if (!gmtime_r(&t, &tm) ||
        !strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm)) {
        return g_strdup("-");
    }
    return g_strdup_printf("%s.%06" PRId64 "Z", buf, us);
}

char *qmp_tool_format_event(QDict *event)
{
    g_autofree char *when = format_timestamp(event);
    QObject *data = qdict_get(event, "data");
    g_autoptr(GString) text = data ? qobject_to_json(data) : NULL;

    return g_strdup_printf("%s %s%s%s", when, qdict_get_str(event, "event"),
                           text ? " " : "", text ? text->str : "");
}
