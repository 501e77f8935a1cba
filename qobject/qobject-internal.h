/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qobject-internal.h: per-type hooks qobject.c dispatches to. */
#ifndef QOBJECT_INTERNAL_H
#define QOBJECT_INTERNAL_H

#include "qobject/qobject.h"

/* Free @obj of the given type; called when its last reference goes. */
void qnum_destroy_obj(QObject *obj);
void qbool_destroy_obj(QObject *obj);
void qstring_destroy_obj(QObject *obj);
void qlist_destroy_obj(QObject *obj);
void qdict_destroy_obj(QObject *obj);

/* Value equality of two objects of the given type (see qobject_is_equal()). */
bool qnum_is_equal(const QObject *x, const QObject *y);
bool qbool_is_equal(const QObject *x, const QObject *y);
bool qstring_is_equal(const QObject *x, const QObject *y);
bool qlist_is_equal(const QObject *x, const QObject *y);
bool qdict_is_equal(const QObject *x, const QObject *y);

#endif /* QOBJECT_INTERNAL_H */
