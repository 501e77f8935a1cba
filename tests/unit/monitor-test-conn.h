/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * monitor-test-conn.h: a fake connection for monitor tests. It records
 * what the monitor writes and how it asks for input, and can take fewer
 * bytes than offered, or break, like a real socket.
 */
#ifndef TESTS_UNIT_MONITOR_TEST_CONN_H
#define TESTS_UNIT_MONITOR_TEST_CONN_H

#include "monitor/monitor.h"

typedef struct TestConn {
    Monitor *mon;
    GString *out;               /* everything written, not yet taken */
    size_t budget;              /* bytes the next writes may take */
    bool accepting;             /* what set_accept_input last said */
    unsigned accept_calls;
    bool close_on_write;        /* the next write finds the socket broken */
} TestConn;

static inline size_t test_conn_write(void *opaque, const char *buf, size_t len)
{
    TestConn *c = opaque;

    if (c->close_on_write) {
        c->close_on_write = false;
        monitor_closed(c->mon);
        return 0;
    }
    len = MIN(len, c->budget);
    g_string_append_len(c->out, buf, len);
    c->budget -= len;
    return len;
}

static inline void test_conn_set_accept(void *opaque, bool on)
{
    TestConn *c = opaque;

    g_assert_true(on != c->accepting);
    c->accepting = on;
    c->accept_calls++;
}

static const MonitorTransport test_conn_transport = {
    .write = test_conn_write,
    .set_accept_input = test_conn_set_accept,
};

/* A connection that takes everything written. */
static inline TestConn *test_conn_new(void)
{
    TestConn *c = g_new0(TestConn, 1);

    c->out = g_string_new(NULL);
    c->budget = SIZE_MAX;
    return c;
}

static inline void test_conn_free(TestConn *c)
{
    monitor_free(c->mon);
    g_string_free(c->out, true);
    g_free(c);
}

/* Run the main loop until nothing is left to do. */
static inline void test_main_loop(void)
{
    while (g_main_context_iteration(NULL, false)) {
        continue;
    }
}

/* What the monitor wrote since the last call (caller frees). */
static inline char *test_conn_take(TestConn *c)
{
    char *text = g_strdup(c->out->str);

    g_string_truncate(c->out, 0);
    return text;
}

/* The client sends @text. */
static inline void test_conn_send(TestConn *c, const char *text)
{
    monitor_receive(c->mon, text, strlen(text));
}

/* Send @text, run the main loop, and check all that came back. */
static inline void test_conn_exchange(TestConn *c, const char *text,
                               const char *expected)
{
    g_autofree char *out = NULL;

    test_conn_send(c, text);
    test_main_loop();
    out = test_conn_take(c);
    g_assert_cmpstr(out, ==, expected);
}

/*
 * Run the HMP command line @line (ending in "\n") on a fresh monitor
 * without readline; what it printed after the banner, "\r\n" turned to
 * "\n" (caller frees).
 */
static inline char *test_conn_hmp(const char *line)
{
    TestConn *c = test_conn_new();
    g_autofree char *banner = NULL;
    g_autofree char *out = NULL;
    g_auto(GStrv) lines = NULL;

    c->mon = monitor_new_hmp(&test_conn_transport, c, false);
    monitor_opened(c->mon);
    test_main_loop();
    banner = test_conn_take(c);
    test_conn_send(c, line);
    test_main_loop();
    out = test_conn_take(c);
    test_conn_free(c);
    lines = g_strsplit(out, "\r\n", -1);
    return g_strjoinv("\n", lines);
}

#endif /* TESTS_UNIT_MONITOR_TEST_CONN_H */
