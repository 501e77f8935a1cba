/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * serial-internal.h: what the 16550A core's two files share: the FIFO
 * state and registers of serial.c, the chardev side of serial-chr.c.
 * Private to hw/char/.
 */
#ifndef HW_CHAR_SERIAL_INTERNAL_H
#define HW_CHAR_SERIAL_INTERNAL_H

#include "hw/char/serial.h"

#define UART_LSR_DR     0x01    /* data ready */
#define UART_LSR_OE     0x02    /* overrun error */
#define UART_LSR_PE     0x04    /* parity error */
#define UART_LSR_FE     0x08    /* framing error */
#define UART_LSR_BI     0x10    /* break interrupt */
#define UART_LSR_THRE   0x20    /* transmit holding register empty */
#define UART_LSR_TEMT   0x40    /* transmitter empty */
#define UART_LSR_FIFOE  0x80    /* an error in the receive FIFO */
#define UART_LSR_ERRORS (UART_LSR_OE | UART_LSR_PE | UART_LSR_FE | UART_LSR_BI)

/* serial.c: whether FIFOs are on (FCR bit 0); how many bytes each holds. */
bool serial_fifo_enabled(const SerialState *s);
unsigned serial_fifo_capacity(const SerialState *s);

/* serial.c: whether MCR selects loopback. */
bool serial_loopback(const SerialState *s);

/* serial.c: whether the receive FIFO holds data below its trigger level. */
bool serial_rx_below_trigger(const SerialState *s);

/* serial.c: put a received byte in the receive FIFO (overrun if full). */
void serial_receive_byte(SerialState *s, uint8_t byte);

/* serial.c: drive the interrupt line from the pending interrupts. */
void serial_update_irq(SerialState *s);

/* serial-chr.c: install the chardev handlers (at realize). */
void serial_chr_connect(SerialState *s);

/* serial-chr.c: tell the chardev the receiver has room again. */
void serial_accept_input(SerialState *s);

/*
 * serial-chr.c: hand the transmit FIFO to the chardev; what it does not
 * take now is retried from the main loop. Updates THRE and the IRQ.
 */
void serial_tx_flush(SerialState *s);

/* serial-chr.c: stop retrying output. */
void serial_tx_cancel(SerialState *s);

/*
 * serial-chr.c: (re)start the character timeout: four character times
 * after the last byte came or went, data below the trigger level raises
 * the timeout interrupt.
 */
void serial_rx_timeout_arm(SerialState *s);
void serial_rx_timeout_cancel(SerialState *s);

/* serial-chr.c: create (instance init) and free (finalize) the two timers. */
void serial_timers_init(SerialState *s);
void serial_timers_free(SerialState *s);

#endif /* HW_CHAR_SERIAL_INTERNAL_H */
