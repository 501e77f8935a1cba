/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qnull.c: the JSON null singleton. */
#include "osdep.h"

#include "qobject/qnull.h"

/*
 * Statically allocated with one reference that is never dropped, so the
 * count never reaches zero and the singleton is never freed.
 */
QNull qnull_singleton = {
    .base = { .type = QTYPE_QNULL, .refcnt = 1 },
};
