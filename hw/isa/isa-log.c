/* SPDX-License-Identifier: GPL-2.0-or-later */
/* isa-log.c: rate-limited debug logging for legacy devices. */
#include "osdep.h"

#include "hw/isa/isa-log.h"

#define ISA_LOG_WINDOW_US G_USEC_PER_SEC

void isa_log(ISALogLimit *limit, int mask, const char *fmt, ...)
{
    int64_t now = g_get_monotonic_time();
    g_autofree char *text = NULL;
    va_list ap;

    if (!log_enabled(mask)) {
        return;
    }
    if (!limit->window_start || now - limit->window_start >= ISA_LOG_WINDOW_US) {
        limit->window_start = now;
        limit->lines = 0;
    }
    if (limit->lines >= ISA_LOG_BURST) {
        limit->dropped++;
        return;
    }
    limit->lines++;
    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (limit->dropped) {
        log_printf("%u similar messages suppressed\n%s", limit->dropped, text);
        limit->dropped = 0;
    } else {
        log_printf("%s", text);
    }
}
