/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qlit.c: comparing QObject literals with QObjects, and building from them. */
#include "osdep.h"

#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qlit.h"
#include "qobject/qnull.h"
#include "qobject/qstring.h"

static bool qlit_equal_qdict(const QLitObject *lhs, const QDict *qdict)
{
    const QLitDictEntry *e;
    size_t n = 0;

    for (e = lhs->value.qdict; e->key; e++, n++) {
        if (!qlit_equal_qobject(&e->value, qdict_get(qdict, e->key))) {
            return false;
        }
    }
    return n == qdict_size(qdict);
}

static bool qlit_equal_qlist(const QLitObject *lhs, const QList *qlist)
{
    const QLitObject *elem = lhs->value.qlist;
    const QListEntry *e;

    for (e = qlist_first(qlist); e; e = qlist_next(e), elem++) {
        if (elem->type == QTYPE_NONE ||
            !qlit_equal_qobject(elem, qlist_entry_obj(e))) {
            return false;
        }
    }
    return elem->type == QTYPE_NONE;
}

bool qlit_equal_qobject(const QLitObject *lhs, const QObject *rhs)
{
    g_autoptr(QObject) lit = NULL;

    if (!rhs || lhs->type != qobject_type(rhs)) {
        return false;
    }
    switch (lhs->type) {
    case QTYPE_QNULL:
        return true;
    case QTYPE_QBOOL:
        return lhs->value.qbool == qbool_get_bool(qobject_to(QBool, rhs));
    case QTYPE_QSTRING:
        return !strcmp(lhs->value.qstr,
                       qstring_get_str(qobject_to(QString, rhs)));
    case QTYPE_QDICT:
        return qlit_equal_qdict(lhs, qobject_to(QDict, rhs));
    case QTYPE_QLIST:
        return qlit_equal_qlist(lhs, qobject_to(QList, rhs));
    case QTYPE_QNUM:
        /* Numbers have subtle cross-kind rules; reuse qobject_is_equal(). */
        lit = qobject_from_qlit(lhs);
        return qobject_is_equal(lit, rhs);
    case QTYPE_NONE:
    case QTYPE_MAX:
        break;
    }
    g_assert_not_reached();
}

static QNum *qnum_from_qlit(const QLitObject *qlit)
{
    switch (qlit->num_kind) {
    case QNUM_I64:
        return qnum_from_int(qlit->value.qnum);
    case QNUM_U64:
        return qnum_from_uint(qlit->value.qnum_u64);
    case QNUM_DOUBLE:
        return qnum_from_double(qlit->value.qnum_dbl);
    }
    g_assert_not_reached();
}

QObject *qobject_from_qlit(const QLitObject *qlit)
{
    const QLitDictEntry *de;
    const QLitObject *le;
    QDict *qdict;
    QList *qlist;

    switch (qlit->type) {
    case QTYPE_QNULL:
        return QOBJECT(qnull());
    case QTYPE_QNUM:
        return QOBJECT(qnum_from_qlit(qlit));
    case QTYPE_QBOOL:
        return QOBJECT(qbool_from_bool(qlit->value.qbool));
    case QTYPE_QSTRING:
        return QOBJECT(qstring_from_str(qlit->value.qstr));
    case QTYPE_QDICT:
        qdict = qdict_new();
        for (de = qlit->value.qdict; de->key; de++) {
            qdict_put_obj(qdict, de->key, qobject_from_qlit(&de->value));
        }
        return QOBJECT(qdict);
    case QTYPE_QLIST:
        qlist = qlist_new();
        for (le = qlit->value.qlist; le->type != QTYPE_NONE; le++) {
            qlist_append_obj(qlist, qobject_from_qlit(le));
        }
        return QOBJECT(qlist);
    case QTYPE_NONE:
    case QTYPE_MAX:
        break;
    }
    g_assert_not_reached();
}
