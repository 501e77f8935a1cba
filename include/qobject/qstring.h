/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qstring.h: JSON strings, held as NUL-terminated UTF-8 (the JSON parser
 * rejects \u0000, so a QString never holds an embedded NUL).
 */
#ifndef QOBJECT_QSTRING_H
#define QOBJECT_QSTRING_H

#include "qobject/qobject.h"

struct QString {
    QObjectHeader base;
    char *str;
    size_t length;
};

/* An empty QString. Returns a new reference. */
QString *qstring_new(void);

/* A QString holding a copy of @str. Returns a new reference. */
QString *qstring_from_str(const char *str);

/* A QString holding a copy of @str[@start .. @end - 1]. Returns a new reference. */
QString *qstring_from_substr(const char *str, size_t start, size_t end);

/* A QString taking ownership of @gstr's text (@gstr is freed). New reference. */
QString *qstring_from_gstring(GString *gstr);

/* The text of @qs (borrowed: valid while @qs lives). */
const char *qstring_get_str(const QString *qs);

/* The length in bytes of @qs's text. */
size_t qstring_get_length(const QString *qs);

QOBJECT_DEFINE_AUTOPTR(QString)

#endif /* QOBJECT_QSTRING_H */
