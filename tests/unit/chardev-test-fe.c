/* SPDX-License-Identifier: GPL-2.0-or-later */
/* chardev-test-fe.c: a recording frontend and main-loop helpers for tests. */
#include "osdep.h"

#include "chardev-test-fe.h"
#include "util/main-loop.h"

static int test_fe_can_read(void *opaque)
{
    return ((TestFe *)opaque)->can_read;
}

static void test_fe_read(void *opaque, const uint8_t *buf, int size)
{
    g_string_append_len(((TestFe *)opaque)->input, (const char *)buf, size);
}

static void test_fe_event(void *opaque, QEMUChrEvent event)
{
    static const char letters[] = {
        [CHR_EVENT_BREAK] = 'B', [CHR_EVENT_OPENED] = 'O',
        [CHR_EVENT_MUX_IN] = 'I', [CHR_EVENT_MUX_OUT] = 'X',
        [CHR_EVENT_CLOSED] = 'C',
    };

    g_string_append_c(((TestFe *)opaque)->events, letters[event]);
}

void test_fe_attach(TestFe *fe, Chardev *chr)
{
    g_assert(qemu_chr_fe_init(&fe->be, chr, &error_abort));
    fe->input = g_string_new(NULL);
    fe->events = g_string_new(NULL);
    fe->can_read = 4096;
    qemu_chr_fe_set_handlers(&fe->be, test_fe_can_read, test_fe_read,
                             test_fe_event, fe);
}

void test_fe_detach(TestFe *fe)
{
    qemu_chr_fe_deinit(&fe->be, false);
    g_string_free(fe->input, TRUE);
    g_string_free(fe->events, TRUE);
}

void test_loop_until(bool (*cond)(void *opaque), void *opaque)
{
    gint64 end = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;

    while (!cond(opaque)) {
        g_assert_cmpint(g_get_monotonic_time(), <, end);
        g_main_context_iteration(NULL, FALSE);
        g_usleep(1000);
    }
}

typedef struct WaitEvent {
    TestFe *fe;
    char ev;
    size_t len;
} WaitEvent;

static bool has_event(void *opaque)
{
    WaitEvent *w = opaque;

    return w->fe->events->len && w->ev == w->fe->events->str[w->fe->events->len - 1];
}

static bool has_input(void *opaque)
{
    WaitEvent *w = opaque;

    return w->fe->input->len >= w->len;
}

void test_fe_wait_event(TestFe *fe, char ev)
{
    WaitEvent w = { .fe = fe, .ev = ev };

    test_loop_until(has_event, &w);
}

void test_fe_wait_input(TestFe *fe, size_t len)
{
    WaitEvent w = { .fe = fe, .len = len };

    test_loop_until(has_input, &w);
}

void test_loop_drain(void)
{
    int i;

    for (i = 0; i < 10; i++) {
        g_main_context_iteration(NULL, FALSE);
    }
}
