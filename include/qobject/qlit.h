/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qlit.h: QObject literals, constant C initialisers that describe a JSON
 * value. Tests compare results against them; generated code uses them for
 * static data such as the QMP schema.
 *
 *   static const QLitObject expected = QLIT_QDICT(((QLitDictEntry[]) {
 *       { "name", QLIT_QSTR("vm1") },
 *       { "cpus", QLIT_QLIST(((QLitObject[]) { QLIT_QNUM(0), QLIT_QNUM(1), { } })) },
 *       { }
 *   }));
 */
#ifndef QOBJECT_QLIT_H
#define QOBJECT_QLIT_H

#include "qobject/qnum.h"

typedef struct QLitDictEntry QLitDictEntry;

struct QLitObject {
    QType type;
    QNumKind num_kind;          /* for QTYPE_QNUM */
    union {
        bool qbool;
        int64_t qnum;
        uint64_t qnum_u64;
        double qnum_dbl;
        const char *qstr;
        const QLitDictEntry *qdict;     /* terminated by an entry with NULL key */
        const QLitObject *qlist;        /* terminated by a QTYPE_NONE element */
    } value;
};

struct QLitDictEntry {
    const char *key;
    QLitObject value;
};

#define QLIT_QNULL { .type = QTYPE_QNULL }
#define QLIT_QBOOL(val) { .type = QTYPE_QBOOL, .value.qbool = (val) }
#define QLIT_QNUM(val) \
    { .type = QTYPE_QNUM, .num_kind = QNUM_I64, .value.qnum = (val) }
#define QLIT_QNUM_UINT(val) \
    { .type = QTYPE_QNUM, .num_kind = QNUM_U64, .value.qnum_u64 = (val) }
#define QLIT_QNUM_DOUBLE(val) \
    { .type = QTYPE_QNUM, .num_kind = QNUM_DOUBLE, .value.qnum_dbl = (val) }
#define QLIT_QSTR(val) { .type = QTYPE_QSTRING, .value.qstr = (val) }
#define QLIT_QDICT(val) { .type = QTYPE_QDICT, .value.qdict = (val) }
#define QLIT_QLIST(val) { .type = QTYPE_QLIST, .value.qlist = (val) }

/*
 * Whether the literal @lhs and the object @rhs hold the same value, with the
 * same rules as qobject_is_equal(). @rhs may be NULL (never equal).
 */
bool qlit_equal_qobject(const QLitObject *lhs, const QObject *rhs);

/* Build the QObject a literal describes. Returns a new reference. */
QObject *qobject_from_qlit(const QLitObject *qlit);

#endif /* QOBJECT_QLIT_H */
