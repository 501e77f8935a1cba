/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * event-log.h: a log of what test callbacks did, in order ("init(dog)
 * finalize(dog)"), so tests can assert the order of hooks. For test
 * programs only.
 */
#ifndef TESTS_EVENT_LOG_H
#define TESTS_EVENT_LOG_H

static GString *event_log;

/* Append one event, space-separated from the previous one. */
static G_GNUC_PRINTF(1, 2) void event(const char *fmt, ...)
{
    va_list ap;

    if (!event_log) {
        event_log = g_string_new(NULL);
    }
    if (event_log->len) {
        g_string_append_c(event_log, ' ');
    }
    va_start(ap, fmt);
    g_string_append_vprintf(event_log, fmt, ap);
    va_end(ap);
}

/* Forget the events so far. */
static inline void events_clear(void)
{
    if (event_log) {
        g_string_truncate(event_log, 0);
    }
}

/* Assert the events since the last check are @expected, and forget them. */
#define assert_events(expected) do {                                    \
        g_assert_cmpstr(event_log ? event_log->str : "", ==, (expected)); \
        events_clear();                                                 \
    } while (0)

/* Free the log at the end of the test program. */
static inline void events_free(void)
{
    if (event_log) {
        g_string_free(g_steal_pointer(&event_log), true);
    }
}

#endif /* TESTS_EVENT_LOG_H */
