/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qnum.c: JSON numbers kept exactly as int64, uint64 or double. */
#include "osdep.h"

#include <math.h>

#include "qobject/qnum.h"
#include "qobject-internal.h"

static QNum *qnum_alloc(QNumKind kind)
{
    QNum *qn = g_new(QNum, 1);

    qobject_init(QOBJECT(qn), QTYPE_QNUM);
    qn->kind = kind;
    return qn;
}

QNum *qnum_from_int(int64_t value)
{
    QNum *qn = qnum_alloc(QNUM_I64);

    qn->u.i64 = value;
    return qn;
}

QNum *qnum_from_uint(uint64_t value)
{
    QNum *qn = qnum_alloc(QNUM_U64);

    qn->u.u64 = value;
    return qn;
}

QNum *qnum_from_double(double value)
{
    QNum *qn = qnum_alloc(QNUM_DOUBLE);

    qn->u.dbl = value;
    return qn;
}

bool qnum_get_try_int(const QNum *qn, int64_t *val)
{
    switch (qn->kind) {
    case QNUM_I64:
        *val = qn->u.i64;
        return true;
    case QNUM_U64:
        if (qn->u.u64 > INT64_MAX) {
            return false;
        }
        *val = qn->u.u64;
        return true;
    case QNUM_DOUBLE:
        return false;
    }
    g_assert_not_reached();
}

bool qnum_get_try_uint(const QNum *qn, uint64_t *val)
{
    switch (qn->kind) {
    case QNUM_I64:
        if (qn->u.i64 < 0) {
            return false;
        }
        *val = qn->u.i64;
        return true;
    case QNUM_U64:
        *val = qn->u.u64;
        return true;
    case QNUM_DOUBLE:
        return false;
    }
    g_assert_not_reached();
}

int64_t qnum_get_int(const QNum *qn)
{
    int64_t val;
    bool ok = qnum_get_try_int(qn, &val);

    g_assert(ok);
    return val;
}

uint64_t qnum_get_uint(const QNum *qn)
{
    uint64_t val;
    bool ok = qnum_get_try_uint(qn, &val);

    g_assert(ok);
    return val;
}

double qnum_get_double(const QNum *qn)
{
    switch (qn->kind) {
    case QNUM_I64:
        return qn->u.i64;
    case QNUM_U64:
        return qn->u.u64;
    case QNUM_DOUBLE:
        return qn->u.dbl;
    }
    g_assert_not_reached();
}

/*
 * @dbl as the fewest significant digits that read back to exactly @dbl (a
 * double never needs more than 17). Like JavaScript's number formatting, the
 * digits are written out in plain notation for decimal exponents from -7 to
 * 20 ("100.0", "0.001", "18446744073709552000.0") and in exponent notation
 * beyond ("1e+300"). A ".0" keeps an integral value a double when read back.
 */
static char *double_to_string(double dbl)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    char fmt[16], digits[20];
    GString *out;
    int prec, exp, ndigits, i;
    char *p;

    if (!isfinite(dbl)) {
        return g_strdup("null");
    }
    for (prec = 1; prec <= 17; prec++) {
        snprintf(fmt, sizeof(fmt), "%%.%de", prec - 1);
        g_ascii_formatd(buf, sizeof(buf), fmt, dbl);
        if (g_ascii_strtod(buf, NULL) == dbl) {
            break;
        }
    }
    /* buf is "[-]D[.DDD]e[+-]XX": split it into digits and exponent. */
    p = strchr(buf, 'e');
    exp = atoi(p + 1);
    *p = '\0';
    if (exp < -7 || exp >= 21) {
        return g_strdup_printf("%se%c%02d", buf, exp < 0 ? '-' : '+', ABS(exp));
    }
    ndigits = 0;
    for (p = buf; *p; p++) {
        if (g_ascii_isdigit(*p)) {
            digits[ndigits++] = *p;
        }
    }
    out = g_string_new(buf[0] == '-' ? "-" : "");
    if (exp < 0) {
        g_string_append(out, "0.");
        for (i = exp + 1; i < 0; i++) {
            g_string_append_c(out, '0');
        }
        g_string_append_len(out, digits, ndigits);
        return g_string_free(out, false);
    }
    for (i = 0; i <= exp || i < ndigits; i++) {
        if (i == exp + 1) {
            g_string_append_c(out, '.');
        }
        g_string_append_c(out, i < ndigits ? digits[i] : '0');
    }
    if (ndigits <= exp + 1) {
        g_string_append(out, ".0");
    }
    return g_string_free(out, false);
}

char *qnum_to_string(const QNum *qn)
{
    switch (qn->kind) {
    case QNUM_I64:
        return g_strdup_printf("%" PRId64, qn->u.i64);
    case QNUM_U64:
        return g_strdup_printf("%" PRIu64, qn->u.u64);
    case QNUM_DOUBLE:
        return double_to_string(qn->u.dbl);
    }
    g_assert_not_reached();
}

bool qnum_is_equal(const QObject *x, const QObject *y)
{
    const QNum *a = qobject_to(QNum, x);
    const QNum *b = qobject_to(QNum, y);
    uint64_t ua, ub;
    int64_t ia, ib;

    if (a->kind == QNUM_DOUBLE || b->kind == QNUM_DOUBLE) {
        return a->kind == b->kind && a->u.dbl == b->u.dbl;
    }
    /* Both integers: equal when they denote the same mathematical value. */
    if (qnum_get_try_int(a, &ia)) {
        return qnum_get_try_int(b, &ib) && ia == ib;
    }
    ua = a->u.u64;
    return qnum_get_try_uint(b, &ub) && ua == ub;
}

void qnum_destroy_obj(QObject *obj)
{
    g_free(qobject_to(QNum, obj));
}
