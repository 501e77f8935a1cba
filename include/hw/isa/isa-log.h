/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * isa-log.h: rate-limited debug logging for legacy devices, so that a
 * guest hammering a bad register cannot flood the -d log.
 *
 *   isa_log(&s->log_limit, LOG_GUEST_ERROR,
 *           "serial: write to read-only register 0x%x\n", reg);
 */
#ifndef HW_ISA_ISA_LOG_H
#define HW_ISA_ISA_LOG_H

#include "util/log.h"

/* How many lines one ISALogLimit lets through per second. */
#define ISA_LOG_BURST 10

/* ISALogLimit: the rate limit of one device's log; zero-initialised. */
typedef struct ISALogLimit {
    int64_t window_start;       /* g_get_monotonic_time() of the window */
    unsigned lines;             /* logged in this window */
    unsigned dropped;           /* left out since the last logged line */
} ISALogLimit;

/*
 * Log a message (ending in "\n") under @mask when it is enabled, at most
 * ISA_LOG_BURST lines a second through @limit. The first line after some
 * were left out is preceded by "N similar messages suppressed\n".
 */
void isa_log(ISALogLimit *limit, int mask, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

#endif /* HW_ISA_ISA_LOG_H */
