/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qnum.h: JSON numbers. A QNum remembers whether it holds an int64, a uint64
 * or a double, so every value in those ranges survives a round trip exactly.
 */
#ifndef QOBJECT_QNUM_H
#define QOBJECT_QNUM_H

#include "qobject/qobject.h"

typedef enum QNumKind {
    QNUM_I64,
    QNUM_U64,       /* only used for values above INT64_MAX by the parser */
    QNUM_DOUBLE,
} QNumKind;

struct QNum {
    QObjectHeader base;
    QNumKind kind;
    union {
        int64_t i64;
        uint64_t u64;
        double dbl;
    } u;
};

/* Constructors; each returns a new reference. */
QNum *qnum_from_int(int64_t value);
QNum *qnum_from_uint(uint64_t value);
QNum *qnum_from_double(double value);

/*
 * Read @qn as an int64: true and *@val set when the value is an integer that
 * fits; false (and *@val untouched) otherwise, including for any double.
 */
bool qnum_get_try_int(const QNum *qn, int64_t *val);

/* Read @qn as a uint64: like qnum_get_try_int(), for 0..UINT64_MAX. */
bool qnum_get_try_uint(const QNum *qn, uint64_t *val);

/* qnum_get_try_int() for a value known to fit; aborts otherwise. */
int64_t qnum_get_int(const QNum *qn);

/* qnum_get_try_uint() for a value known to fit; aborts otherwise. */
uint64_t qnum_get_uint(const QNum *qn);

/* The value of @qn as a double (integers are converted, possibly rounding). */
double qnum_get_double(const QNum *qn);

/*
 * @qn as JSON number text: integers in decimal, doubles in the shortest form
 * that reads back to the same double and still reads as a double ("1.0",
 * "1e+300"). Non-finite doubles have no JSON form and give "null".
 * Returns a new string the caller frees.
 */
char *qnum_to_string(const QNum *qn);

QOBJECT_DEFINE_AUTOPTR(QNum)

#endif /* QOBJECT_QNUM_H */
