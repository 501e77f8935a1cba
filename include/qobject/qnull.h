/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qnull.h: the JSON null value, a single shared instance. */
#ifndef QOBJECT_QNULL_H
#define QOBJECT_QNULL_H

#include "qobject/qobject.h"

struct QNull {
    QObjectHeader base;
};

/* The null singleton; never freed. Call qnull() rather than using it directly. */
extern QNull qnull_singleton;

/* Returns a new reference to the null value. */
static inline QNull *qnull(void)
{
    return qobject_ref(&qnull_singleton);
}

QOBJECT_DEFINE_AUTOPTR(QNull)

#endif /* QOBJECT_QNULL_H */
