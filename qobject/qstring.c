/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qstring.c: JSON strings. */
#include "osdep.h"

#include "qobject/qstring.h"
#include "qobject-internal.h"

static QString *qstring_wrap(char *str, size_t length)
{
    QString *qs = g_new(QString, 1);

    qobject_init(QOBJECT(qs), QTYPE_QSTRING);
    qs->str = str;
    qs->length = length;
    return qs;
}

QString *qstring_new(void)
{
    return qstring_wrap(g_strdup(""), 0);
}

QString *qstring_from_str(const char *str)
{
    return qstring_wrap(g_strdup(str), strlen(str));
}

QString *qstring_from_substr(const char *str, size_t start, size_t end)
{
    g_assert(start <= end);
    return qstring_wrap(g_strndup(str + start, end - start), end - start);
}

QString *qstring_from_gstring(GString *gstr)
{
    size_t length = gstr->len;

    return qstring_wrap(g_string_free(gstr, false), length);
}

const char *qstring_get_str(const QString *qs)
{
    return qs->str;
}

size_t qstring_get_length(const QString *qs)
{
    return qs->length;
}

bool qstring_is_equal(const QObject *x, const QObject *y)
{
    const QString *a = qobject_to(QString, x);
    const QString *b = qobject_to(QString, y);

    return a->length == b->length && !memcmp(a->str, b->str, a->length);
}

void qstring_destroy_obj(QObject *obj)
{
    QString *qs = qobject_to(QString, obj);

    g_free(qs->str);
    g_free(qs);
}
