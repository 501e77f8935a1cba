/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * capture.h: capture what error_report(), error_printf() and friends print,
 * so tests can assert the exact text a user sees. For test programs only.
 */
#ifndef TESTS_CAPTURE_H
#define TESTS_CAPTURE_H

#include "util/error-report.h"

static GString *capture_text;

static void capture_print(void *opaque, const char *text)
{
    g_string_append(capture_text, text);
}

/* Start capturing this thread's reports instead of printing them. */
static inline void capture_start(void)
{
    g_assert(!capture_text);
    capture_text = g_string_new(NULL);
    error_set_printer(capture_print, NULL);
}

/* Stop capturing. Returns everything printed since capture_start() (caller frees). */
static inline char *capture_stop(void)
{
    error_set_printer(NULL, NULL);
    return g_string_free(g_steal_pointer(&capture_text), false);
}

#endif /* TESTS_CAPTURE_H */
