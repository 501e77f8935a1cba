/* SPDX-License-Identifier: GPL-2.0-or-later */
/* uart.c: a polling 16550 driver on COM1, and guest_exit(). */
#include "guest.h"

#define COM1 0x3f8
#define UART_THR 0
#define UART_RBR 0
#define UART_IER 1
#define UART_DLL 0
#define UART_DLM 1
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

/* FIFOs stay as they are: toggling them would drop input already received. */
void uart_init(void)
{
    outb(COM1 + UART_IER, 0);
    outb(COM1 + UART_LCR, 0x80);        /* DLAB: 115200 baud */
    outb(COM1 + UART_DLL, 1);
    outb(COM1 + UART_DLM, 0);
    outb(COM1 + UART_LCR, 0x03);        /* 8N1 */
    outb(COM1 + UART_MCR, 0x03);        /* DTR, RTS */
}

void uart_putc(char c)
{
    if (c == '\n') {
        uart_putc('\r');
    }
    while (!(inb(COM1 + UART_LSR) & LSR_THR_EMPTY)) {
        continue;
    }
    outb(COM1 + UART_THR, (uint8_t)c);
}

void uart_puts(const char *s)
{
    while (*s) {
        uart_putc(*s++);
    }
}

char uart_getc(void)
{
    while (!(inb(COM1 + UART_LSR) & LSR_DATA_READY)) {
        continue;
    }
    return (char)inb(COM1 + UART_RBR);
}

void guest_printf(const char *fmt, ...)
{
    char buf[160];
    va_list ap;

    va_start(ap, fmt);
    kg_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    uart_puts(buf);
}

void guest_exit(uint32_t value)
{
    outl(DEBUG_EXIT_PORT, value);
    /*
     * No debug-exit device: at CPL 3 hlt faults into trap_report(), which
     * reports it and ends up here at CPL 0, halted with interrupts off.
     */
    for (;;) {
        __asm__ volatile("hlt");
    }
}
