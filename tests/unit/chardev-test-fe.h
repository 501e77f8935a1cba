/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * chardev-test-fe.h: a frontend for chardev unit tests that records what
 * it receives (bytes and events), and main-loop helpers.
 */
#ifndef TESTS_UNIT_CHARDEV_TEST_FE_H
#define TESTS_UNIT_CHARDEV_TEST_FE_H

#include "chardev/char-fe.h"

typedef struct TestFe {
    CharBackend be;
    GString *input;         /* bytes received */
    GString *events;        /* one letter per event: O C B I (mux in) X (out) */
    int can_read;           /* what can_read returns */
} TestFe;

/* Attach @fe to @chr with recording handlers; aborts on failure. */
void test_fe_attach(TestFe *fe, Chardev *chr);

/* Detach @fe and free what it recorded. */
void test_fe_detach(TestFe *fe);

/* Run the main loop until @cond(@opaque) holds; fails after 5 s. */
void test_loop_until(bool (*cond)(void *opaque), void *opaque);

/* Run the main loop until @fe->events ends with @ev. */
void test_fe_wait_event(TestFe *fe, char ev);

/* Run the main loop until @fe->input holds @len bytes. */
void test_fe_wait_input(TestFe *fe, size_t len);

/* Run the main loop a few times without waiting. */
void test_loop_drain(void);

#endif /* TESTS_UNIT_CHARDEV_TEST_FE_H */
