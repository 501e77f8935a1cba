/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qbool.h: the JSON true and false values. */
#ifndef QOBJECT_QBOOL_H
#define QOBJECT_QBOOL_H

#include "qobject/qobject.h"

struct QBool {
    QObjectHeader base;
    bool value;
};

/* A QBool holding @value. Returns a new reference. */
QBool *qbool_from_bool(bool value);

/* The value of @qb. */
bool qbool_get_bool(const QBool *qb);

QOBJECT_DEFINE_AUTOPTR(QBool)

#endif /* QOBJECT_QBOOL_H */
