/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qjson.c: whole-string JSON parsing (plain and with jsonf interpolation)
 * and QObject to JSON text, on top of the streaming parser and the writer.
 */
#include "osdep.h"

#include "qobject/json-parser.h"
#include "qobject/json-writer.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "json-internal.h"

/* What the streaming parser gave for a string that must hold one value. */
typedef struct JSONSingle {
    QObject *result;
    Error *err;
    bool trailing;              /* something followed the value */
} JSONSingle;

static void single_emit(void *opaque, QObject *json, Error *err)
{
    JSONSingle *s = opaque;

    if (!s->result && !s->err) {
        s->result = json;
        s->err = err;
        return;
    }
    s->trailing = s->trailing || s->result;
    qobject_unref(json);
    error_free(err);
}

static QObject *from_json(const char *string, va_list *ap, Error **errp)
{
    JSONSingle s = { 0 };
    JSONMessageParser *p;

    if (ap) {
        p = json_message_parser_new_interp(single_emit, &s, ap);
    } else {
        p = json_message_parser_new(single_emit, &s, NULL);
    }
    json_message_parser_feed(p, string, strlen(string));
    json_message_parser_flush(p);
    json_message_parser_free(p);

    if (s.err) {
        error_propagate(errp, s.err);
        return NULL;
    }
    if (!s.result) {
        error_setg(errp, JSON_ERROR_PREFIX "no value in input");
        return NULL;
    }
    if (s.trailing) {
        qobject_unref(s.result);
        error_setg(errp, JSON_ERROR_PREFIX "trailing data after value");
        return NULL;
    }
    return s.result;
}

QObject *qobject_from_json(const char *string, Error **errp)
{
    return from_json(string, NULL, errp);
}

QObject *qobject_from_jsonf_nofail(const char *fmt, ...)
{
    QObject *obj;
    va_list ap;

    va_start(ap, fmt);
    obj = from_json(fmt, &ap, &error_abort);
    va_end(ap);
    return obj;
}

QDict *qdict_from_jsonf_nofail(const char *fmt, ...)
{
    QObject *obj;
    va_list ap;

    va_start(ap, fmt);
    obj = from_json(fmt, &ap, &error_abort);
    va_end(ap);
    g_assert(qobject_type(obj) == QTYPE_QDICT);
    return qobject_to(QDict, obj);
}

static void write_qobject(JSONWriter *w, const char *name, const QObject *obj);

static void write_qnum(JSONWriter *w, const char *name, const QNum *qn)
{
    switch (qn->kind) {
    case QNUM_I64:
        json_writer_int64(w, name, qn->u.i64);
        break;
    case QNUM_U64:
        json_writer_uint64(w, name, qn->u.u64);
        break;
    case QNUM_DOUBLE:
        json_writer_double(w, name, qn->u.dbl);
        break;
    }
}

static void write_qobject(JSONWriter *w, const char *name, const QObject *obj)
{
    const QDictEntry *de;
    const QListEntry *le;
    const QDict *dict;
    const QList *list;

    switch (qobject_type(obj)) {
    case QTYPE_QNULL:
        json_writer_null(w, name);
        break;
    case QTYPE_QBOOL:
        json_writer_bool(w, name, qbool_get_bool(qobject_to(QBool, obj)));
        break;
    case QTYPE_QNUM:
        write_qnum(w, name, qobject_to(QNum, obj));
        break;
    case QTYPE_QSTRING:
        json_writer_str(w, name, qstring_get_str(qobject_to(QString, obj)));
        break;
    case QTYPE_QDICT:
        dict = qobject_to(QDict, obj);
        json_writer_start_object(w, name);
        for (de = qdict_first(dict); de; de = qdict_next(dict, de)) {
            write_qobject(w, qdict_entry_key(de), qdict_entry_value(de));
        }
        json_writer_end_object(w);
        break;
    case QTYPE_QLIST:
        list = qobject_to(QList, obj);
        json_writer_start_list(w, name);
        for (le = qlist_first(list); le; le = qlist_next(le)) {
            write_qobject(w, NULL, qlist_entry_obj(le));
        }
        json_writer_end_list(w);
        break;
    case QTYPE_NONE:
    case QTYPE_MAX:
        g_assert_not_reached();
    }
}

GString *qobject_to_json_pretty(const QObject *obj, bool pretty)
{
    JSONWriter *w = json_writer_new(pretty);

    write_qobject(w, NULL, obj);
    return json_writer_get_and_free(w);
}

GString *qobject_to_json(const QObject *obj)
{
    return qobject_to_json_pretty(obj, false);
}
