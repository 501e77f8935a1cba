/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-util-timer.c: util/timer.h: deadline order, re-arming and deleting,
 * manual clocks and their steps, a HOST clock being set, and real timers
 * woken by the main loop.
 */
#include "osdep.h"

#include "util/timer.h"

#define MS 1000000

/* What the callbacks saw: which timer ran at what time. */
static GString *runs;

typedef struct TestTimer {
    QEMUTimer *timer;
    QEMUClockType type;
    char name;
    int64_t period_ns;          /* re-arm this much later, 0: not */
    unsigned count;
} TestTimer;

static void test_timer_cb(void *opaque)
{
    TestTimer *tt = opaque;
    int64_t now = qemu_clock_get_ns(tt->type);

    g_assert_false(timer_pending(tt->timer));
    tt->count++;
    g_string_append_printf(runs, "%c@%" PRId64 " ", tt->name, now);
    if (tt->period_ns) {
        timer_mod(tt->timer, now + tt->period_ns);
    }
}

static void test_timer_init(TestTimer *tt, QEMUClockType type, char name)
{
    *tt = (TestTimer) { .type = type, .name = name };
    tt->timer = timer_new_ns(type, test_timer_cb, tt);
    g_assert_false(timer_pending(tt->timer));
}

/* The callbacks' record since the last call. */
static char *runs_take(void)
{
    char *text = g_strdup(runs->str);

    g_string_truncate(runs, 0);
    return text;
}

static void test_order(void)
{
    TestTimer a, b, c;
    g_autofree char *text = NULL;

    qemu_clock_set_manual(QEMU_CLOCK_REALTIME, 1000);
    test_timer_init(&a, QEMU_CLOCK_REALTIME, 'a');
    test_timer_init(&b, QEMU_CLOCK_REALTIME, 'b');
    test_timer_init(&c, QEMU_CLOCK_REALTIME, 'c');
    timer_mod(a.timer, 3000);
    timer_mod(b.timer, 2000);
    timer_mod(c.timer, 3000);               /* same deadline: after a */
    g_assert_true(timer_pending(a.timer));
    qemu_clock_step(QEMU_CLOCK_REALTIME, 1999);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_REALTIME), ==, 2999);
    text = runs_take();
    g_assert_cmpstr(text, ==, "b@2000 ");
    g_free(text);
    qemu_clock_step(QEMU_CLOCK_REALTIME, 5000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_REALTIME), ==, 7999);
    text = runs_take();
    g_assert_cmpstr(text, ==, "a@3000 c@3000 ");
    g_assert_false(timer_pending(a.timer));
    timer_free(a.timer);
    timer_free(b.timer);
    timer_free(c.timer);
}

static void test_mod_del(void)
{
    TestTimer a, b;
    g_autofree char *text = NULL;

    qemu_clock_set_manual(QEMU_CLOCK_REALTIME, 0);
    test_timer_init(&a, QEMU_CLOCK_REALTIME, 'a');
    test_timer_init(&b, QEMU_CLOCK_REALTIME, 'b');
    timer_mod(a.timer, 500);
    timer_mod(a.timer, 100);                /* moved earlier */
    timer_mod(b.timer, 200);
    timer_mod(b.timer, 900);                /* and later */
    timer_del(b.timer);
    timer_del(b.timer);                     /* not pending: nothing */
    g_assert_false(timer_pending(b.timer));
    /* A deadline already passed runs at the next step. */
    timer_mod(b.timer, -5);
    qemu_clock_step(QEMU_CLOCK_REALTIME, 1000);
    text = runs_take();
    g_assert_cmpstr(text, ==, "b@0 a@100 ");
    /* Freed while pending: never runs. */
    timer_mod(a.timer, 1500);
    timer_free(a.timer);
    timer_free(NULL);
    qemu_clock_step(QEMU_CLOCK_REALTIME, 1000);
    g_assert_cmpstr(runs->str, ==, "");
    timer_free(b.timer);
}

/* A callback re-arms its own timer: it runs at each period in the step. */
static void test_periodic(void)
{
    TestTimer a;
    g_autofree char *text = NULL;

    qemu_clock_set_manual(QEMU_CLOCK_REALTIME, 0);
    test_timer_init(&a, QEMU_CLOCK_REALTIME, 'a');
    a.period_ns = 300;
    timer_mod(a.timer, 300);
    qemu_clock_step(QEMU_CLOCK_REALTIME, 1000);
    text = runs_take();
    g_assert_cmpstr(text, ==, "a@300 a@600 a@900 ");
    g_assert_true(timer_pending(a.timer));
    timer_free(a.timer);
}

/* Setting the HOST clock runs its pending timers at once. */
static void test_host_set(void)
{
    TestTimer h, r;
    g_autofree char *text = NULL;

    qemu_clock_set_manual(QEMU_CLOCK_HOST, 1000 * MS);
    qemu_clock_set_manual(QEMU_CLOCK_REALTIME, 0);
    test_timer_init(&h, QEMU_CLOCK_HOST, 'h');
    test_timer_init(&r, QEMU_CLOCK_REALTIME, 'r');
    timer_mod(h.timer, 2000 * MS);
    timer_mod(r.timer, 1000);
    qemu_clock_set_manual(QEMU_CLOCK_HOST, 10 * MS);  /* set back */
    qemu_clock_set_manual(QEMU_CLOCK_REALTIME, 0);
    text = runs_take();
    g_assert_cmpstr(text, ==, "h@10000000 ");
    g_assert_true(timer_pending(r.timer));
    timer_free(h.timer);
    timer_free(r.timer);
}

/* Real clocks: the main loop runs the timers when they expire. */
static void test_real(void)
{
    static const QEMUClockType types[] = {
        QEMU_CLOCK_REALTIME, QEMU_CLOCK_HOST,
    };
    TestTimer a, b;
    int64_t start, limit;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(types); i++) {
        qemu_clock_set_real(types[i]);
        test_timer_init(&a, types[i], 'a');
        test_timer_init(&b, types[i], 'b');
        start = qemu_clock_get_ns(types[i]);
        limit = g_get_monotonic_time() + 10 * G_USEC_PER_SEC;
        timer_mod(a.timer, start + 2 * MS);
        timer_mod(b.timer, start - 1);      /* already due */
        while (!a.count) {
            g_assert_cmpint(g_get_monotonic_time(), <, limit);
            g_main_context_iteration(NULL, true);
        }
        g_assert_cmpuint(b.count, ==, 1);
        g_assert_cmpint(qemu_clock_get_ns(types[i]) - start, >=, 2 * MS);
        timer_free(a.timer);
        timer_free(b.timer);
    }
    g_string_truncate(runs, 0);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    runs = g_string_new(NULL);
    g_test_add_func("/util/timer/order", test_order);
    g_test_add_func("/util/timer/mod-del", test_mod_del);
    g_test_add_func("/util/timer/periodic", test_periodic);
    g_test_add_func("/util/timer/host-set", test_host_set);
    g_test_add_func("/util/timer/real", test_real);
    ret = g_test_run();
    g_string_free(runs, true);
    return ret;
}
