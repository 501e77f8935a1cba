/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * serial-chr.c: the 16550A core's chardev side: output handed over
 * without blocking (retried from the main loop while the chardev is
 * full), input as the receive FIFO has room, breaks, and the receive
 * character timeout, both on util/timer.h's QEMU_CLOCK_REALTIME.
 */
#include "osdep.h"

#include "serial-internal.h"

/* How often output is retried when the chardev offers no G_IO_OUT watch. */
#define SERIAL_TX_RETRY_NS (10 * 1000 * 1000)

static void serial_tx_retry_start(SerialState *s);

static gboolean serial_tx_watch(void *do_not_use, GIOCondition cond,
                                void *opaque)
{
    SerialState *s = opaque;

    s->tx_retry = 0;
    serial_tx_flush(s);
    return G_SOURCE_REMOVE;
}

static void serial_tx_timer(void *opaque)
{
    serial_tx_flush(opaque);
}

static void serial_tx_retry_start(SerialState *s)
{
    if (s->tx_retry || timer_pending(s->tx_retry_timer)) {
        return;
    }
    s->tx_retry = qemu_chr_fe_add_watch(&s->chr, G_IO_OUT, serial_tx_watch,
                                        s);
    if (!s->tx_retry) {
        timer_mod(s->tx_retry_timer,
                  qemu_clock_get_ns(QEMU_CLOCK_REALTIME) + SERIAL_TX_RETRY_NS);
    }
}

void serial_tx_cancel(SerialState *s)
{
    if (s->tx_retry) {
        g_source_remove(s->tx_retry);
        s->tx_retry = 0;
    }
    timer_del(s->tx_retry_timer);
}

void serial_tx_flush(SerialState *s)
{
    while (!fifo8_is_empty(&s->tx)) {
        uint32_t len;
        const uint8_t *buf = fifo8_peek_bufptr(&s->tx, UART_FIFO_LENGTH,
                                               &len);
        int n = qemu_chr_fe_write(&s->chr, buf, len);

        if (n < 0) {
            /* Nobody is connected: the bits leave the UART unheard. */
            n = len;
        } else if (0 == n) {
            /* The chardev is full: keep the bytes, THRE stays clear. */
            serial_tx_retry_start(s);
            return;
        }
        fifo8_drop(&s->tx, n);
    }
    serial_tx_cancel(s);
    s->thr_ipending = true;
    serial_update_irq(s);
}

static int serial_can_receive(void *opaque)
{
    SerialState *s = opaque;

    /* In loopback the receiver listens to the transmitter only. */
    if (serial_loopback(s)) {
        return 0;
    }
    return serial_fifo_capacity(s) -
           MIN(fifo8_num_used(&s->rx), serial_fifo_capacity(s));
}

static void serial_receive(void *opaque, const uint8_t *buf, int size)
{
    SerialState *s = opaque;
    int i;

    for (i = 0; i < size; i++) {
        serial_receive_byte(s, buf[i]);
    }
    serial_update_irq(s);
}

static void serial_event(void *opaque, QEMUChrEvent event)
{
    SerialState *s = opaque;

    if (CHR_EVENT_BREAK == event) {
        /* A break arrives as a zero byte with BI set. */
        s->lsr_err |= UART_LSR_BI;
        if (serial_fifo_enabled(s)) {
            s->lsr_err |= UART_LSR_FIFOE;
        }
        serial_receive_byte(s, 0);
        serial_update_irq(s);
    }
}

void serial_chr_connect(SerialState *s)
{
    qemu_chr_fe_set_handlers(&s->chr, serial_can_receive, serial_receive,
                             serial_event, s);
}

void serial_accept_input(SerialState *s)
{
    if (serial_can_receive(s) > 0) {
        qemu_chr_fe_accept_input(&s->chr);
    }
}

static void serial_rx_timeout(void *opaque)
{
    SerialState *s = opaque;

    if (serial_rx_below_trigger(s)) {
        s->timeout_ipending = true;
        serial_update_irq(s);
    }
}

/* Four character times at the current line settings, in ms (at least 1). */
static int64_t serial_char_timeout_ms(const SerialState *s)
{
    unsigned bits = 1 + 5 + (s->lcr & 0x03) + !!(s->lcr & 0x08) +
                    ((s->lcr & 0x04) ? 2 : 1);
    uint64_t divider = s->divider ? s->divider : 1;
    uint64_t us;

    if (!s->baudbase) {
        return 1;
    }
    us = 4 * bits * G_USEC_PER_SEC * divider / s->baudbase;
    return MAX(1, (us + 999) / 1000);
}

void serial_rx_timeout_cancel(SerialState *s)
{
    timer_del(s->rx_timeout);
}

void serial_rx_timeout_arm(SerialState *s)
{
    if (serial_rx_below_trigger(s)) {
        timer_mod(s->rx_timeout, qemu_clock_get_ns(QEMU_CLOCK_REALTIME) +
                                 serial_char_timeout_ms(s) * 1000000);
    } else {
        timer_del(s->rx_timeout);
    }
}

void serial_timers_init(SerialState *s)
{
    s->tx_retry_timer = timer_new_ns(QEMU_CLOCK_REALTIME, serial_tx_timer, s);
    s->rx_timeout = timer_new_ns(QEMU_CLOCK_REALTIME, serial_rx_timeout, s);
}

void serial_timers_free(SerialState *s)
{
    timer_free(s->tx_retry_timer);
    timer_free(s->rx_timeout);
    s->tx_retry_timer = NULL;
    s->rx_timeout = NULL;
}
