/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-util-fifo8.c: the byte FIFO: order, capacity, wrap-around, bufptr. */
#include "osdep.h"

#include "util/fifo8.h"

/* Push @n bytes counting up from @first; each must be taken. */
static void push_run(Fifo8 *fifo, uint8_t first, unsigned n)
{
    unsigned i;

    for (i = 0; i < n; i++) {
        g_assert_true(fifo8_push(fifo, first + i));
    }
}

static void test_order(void)
{
    Fifo8 fifo;

    fifo8_create(&fifo, 4);
    g_assert_true(fifo8_is_empty(&fifo));
    g_assert_false(fifo8_is_full(&fifo));
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 0);
    push_run(&fifo, 0x10, 3);
    g_assert_false(fifo8_is_empty(&fifo));
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 3);
    g_assert_cmphex(fifo8_peek(&fifo), ==, 0x10);
    /* Peeking leaves the byte in place. */
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 3);
    g_assert_cmphex(fifo8_pop(&fifo), ==, 0x10);
    g_assert_cmphex(fifo8_pop(&fifo), ==, 0x11);
    g_assert_cmphex(fifo8_pop(&fifo), ==, 0x12);
    g_assert_true(fifo8_is_empty(&fifo));
    fifo8_destroy(&fifo);
}

static void test_full(void)
{
    Fifo8 fifo;

    fifo8_create(&fifo, 3);
    push_run(&fifo, 1, 3);
    g_assert_true(fifo8_is_full(&fifo));
    /* A byte pushed to a full FIFO is refused; the others stay. */
    g_assert_false(fifo8_push(&fifo, 0x99));
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 3);
    g_assert_cmphex(fifo8_pop(&fifo), ==, 1);
    g_assert_false(fifo8_is_full(&fifo));
    g_assert_true(fifo8_push(&fifo, 4));
    g_assert_cmphex(fifo8_pop(&fifo), ==, 2);
    g_assert_cmphex(fifo8_pop(&fifo), ==, 3);
    g_assert_cmphex(fifo8_pop(&fifo), ==, 4);
    fifo8_destroy(&fifo);
}

static void test_wrap(void)
{
    Fifo8 fifo;
    unsigned i;

    /* Many times round a ring of 5 with 0 to 4 bytes in it. */
    fifo8_create(&fifo, 5);
    for (i = 0; i < 100; i++) {
        unsigned n = i % 5, j;

        push_run(&fifo, i, n);
        g_assert_cmpuint(fifo8_num_used(&fifo), ==, n);
        for (j = 0; j < n; j++) {
            g_assert_cmphex(fifo8_pop(&fifo), ==, (uint8_t)(i + j));
        }
        g_assert_true(fifo8_is_empty(&fifo));
    }
    fifo8_destroy(&fifo);
}

static void test_capacity_one(void)
{
    Fifo8 fifo;

    fifo8_create(&fifo, 1);
    g_assert_true(fifo8_push(&fifo, 0xaa));
    g_assert_true(fifo8_is_full(&fifo));
    g_assert_false(fifo8_push(&fifo, 0xbb));
    g_assert_cmphex(fifo8_pop(&fifo), ==, 0xaa);
    g_assert_true(fifo8_push(&fifo, 0xcc));
    g_assert_cmphex(fifo8_pop(&fifo), ==, 0xcc);
    fifo8_destroy(&fifo);
}

static void test_reset(void)
{
    Fifo8 fifo;

    fifo8_create(&fifo, 4);
    push_run(&fifo, 1, 3);
    fifo8_drop(&fifo, 2);
    fifo8_reset(&fifo);
    g_assert_true(fifo8_is_empty(&fifo));
    /* All the capacity is free again, from the start of the ring. */
    push_run(&fifo, 0x20, 4);
    g_assert_true(fifo8_is_full(&fifo));
    g_assert_cmphex(fifo8_pop(&fifo), ==, 0x20);
    fifo8_destroy(&fifo);
}

static void test_drop(void)
{
    Fifo8 fifo;

    fifo8_create(&fifo, 4);
    push_run(&fifo, 1, 4);
    fifo8_drop(&fifo, 0);
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 4);
    fifo8_drop(&fifo, 3);
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 1);
    g_assert_cmphex(fifo8_peek(&fifo), ==, 4);
    fifo8_drop(&fifo, 1);
    g_assert_true(fifo8_is_empty(&fifo));
    fifo8_destroy(&fifo);
}

static void test_peek_bufptr(void)
{
    Fifo8 fifo;
    const uint8_t *buf;
    uint32_t num = 99;

    fifo8_create(&fifo, 8);
    g_assert_null(fifo8_peek_bufptr(&fifo, 8, &num));
    g_assert_cmpuint(num, ==, 0);

    /* 1..6 pushed, 1..4 taken, 7..10 pushed: 5 6 7 8 | 9 10 wrapped. */
    push_run(&fifo, 1, 6);
    fifo8_drop(&fifo, 4);
    push_run(&fifo, 7, 4);
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 6);

    /* @max limits the run. */
    buf = fifo8_peek_bufptr(&fifo, 3, &num);
    g_assert_cmpuint(num, ==, 3);
    g_assert_cmpmem(buf, num, ((uint8_t[]){ 5, 6, 7 }), 3);
    /* The run stops at the end of the ring, and nothing was removed. */
    buf = fifo8_peek_bufptr(&fifo, 8, &num);
    g_assert_cmpuint(num, ==, 4);
    g_assert_cmpmem(buf, num, ((uint8_t[]){ 5, 6, 7, 8 }), 4);
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 6);

    fifo8_drop(&fifo, num);
    buf = fifo8_peek_bufptr(&fifo, 8, &num);
    g_assert_cmpuint(num, ==, 2);
    g_assert_cmpmem(buf, num, ((uint8_t[]){ 9, 10 }), 2);
    fifo8_drop(&fifo, num);

    g_assert_null(fifo8_peek_bufptr(&fifo, 8, &num));
    g_assert_cmpuint(num, ==, 0);
    fifo8_destroy(&fifo);
}

/* Popping an empty FIFO is a caller's bug: it fails loudly. */
static void test_pop_empty(void)
{
    if (g_test_subprocess()) {
        Fifo8 fifo;

        fifo8_create(&fifo, 2);
        fifo8_pop(&fifo);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*fifo8.c:*assertion failed*");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/fifo8/order", test_order);
    g_test_add_func("/util/fifo8/full", test_full);
    g_test_add_func("/util/fifo8/wrap", test_wrap);
    g_test_add_func("/util/fifo8/capacity-one", test_capacity_one);
    g_test_add_func("/util/fifo8/reset", test_reset);
    g_test_add_func("/util/fifo8/drop", test_drop);
    g_test_add_func("/util/fifo8/peek-bufptr", test_peek_bufptr);
    g_test_add_func("/util/fifo8/pop-empty", test_pop_empty);
    return g_test_run();
}
