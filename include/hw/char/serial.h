/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * serial.h: the core of a 16550A UART ("serial"), a bus-less device that
 * a bus binding (serial-isa.c) embeds, wires to an interrupt line and maps
 * as 8 byte-wide registers. Output goes to its chardev without blocking the
 * vCPU; input is taken as the receive FIFO has room.
 */
#ifndef HW_CHAR_SERIAL_H
#define HW_CHAR_SERIAL_H

#include "chardev/char-fe.h"
#include "hw/irq.h"
#include "hw/qdev-core.h"
#include "system/memory.h"
#include "util/fifo8.h"
#include "util/log.h"
#include "util/timer.h"

#define TYPE_SERIAL "serial"
OBJECT_DECLARE_SIMPLE_TYPE(SerialState, SERIAL)

/* The depth of each FIFO of a 16550A. */
#define UART_FIFO_LENGTH 16

/*
 * SerialState: the UART's registers and FIFOs. The binding sets @irq and
 * maps @io (memory_region_init_io() with serial_io_ops, @opaque the
 * SerialState) before realizing it.
 */
struct SerialState {
    DeviceState parent_obj;

    /* properties */
    CharBackend chr;
    uint32_t baudbase;

    /* wiring, set by the bus binding */
    qemu_irq irq;
    MemoryRegion io;

    /* registers */
    uint16_t divider;           /* DLL/DLM */
    uint8_t ier;
    uint8_t lcr;
    uint8_t mcr;
    uint8_t lsr_err;            /* LSR error bits (OE, PE, FE, BI, bit 7) */
    uint8_t msr;
    uint8_t scr;
    uint8_t fcr;                /* FIFO enable, DMA mode, trigger level */

    /* interrupt and data state */
    bool thr_ipending;          /* THRE interrupt, until IIR read/THR write */
    bool timeout_ipending;      /* character timeout interrupt */
    bool irq_level;             /* the level last put on @irq */
    Fifo8 rx;                   /* UART_FIFO_LENGTH; FCR says how much is used */
    Fifo8 tx;                   /* bytes the chardev has not taken yet */
    guint tx_retry;             /* chardev watch retrying output, or 0 */
    QEMUTimer *tx_retry_timer;  /* retries output without such a watch */
    QEMUTimer *rx_timeout;      /* the character timeout */
    LogRateLimit log_limit;
};

/* The register callbacks: 8 byte-wide registers at offsets 0-7. */
extern const MemoryRegionOps serial_io_ops;

#endif /* HW_CHAR_SERIAL_H */
