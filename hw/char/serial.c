/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * serial.c: the 16550A UART core: its registers, FIFOs and interrupts,
 * loopback, and the chardev it talks through (serial-chr.c).
 */
#include "osdep.h"

#include "hw/char/serial.h"
#include "hw/qdev-properties-system.h"
#include "serial-internal.h"
#include "util/error.h"

/* Register offsets (DLAB: divisor latch access, LCR bit 7). */
#define UART_RBR 0              /* read, DLAB=0: receive buffer */
#define UART_THR 0              /* write, DLAB=0: transmit holding */
#define UART_DLL 0              /* DLAB=1: divisor latch low */
#define UART_IER 1              /* DLAB=0: interrupt enable */
#define UART_DLM 1              /* DLAB=1: divisor latch high */
#define UART_IIR 2              /* read: interrupt identification */
#define UART_FCR 2              /* write: FIFO control */
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_MSR 6
#define UART_SCR 7

#define UART_IER_RDI    0x01    /* received data available */
#define UART_IER_THRI   0x02    /* transmit holding register empty */
#define UART_IER_RLSI   0x04    /* receiver line status */
#define UART_IER_MSI    0x08    /* modem status */

#define UART_IIR_NO_INT 0x01
#define UART_IIR_MSI    0x00
#define UART_IIR_THRI   0x02
#define UART_IIR_RDI    0x04
#define UART_IIR_RLSI   0x06
#define UART_IIR_CTI    0x0c    /* character timeout */
#define UART_IIR_FE     0xc0    /* FIFOs enabled */

#define UART_FCR_FE     0x01
#define UART_FCR_RFR    0x02    /* reset the receive FIFO */
#define UART_FCR_XFR    0x04    /* reset the transmit FIFO */
#define UART_FCR_DMS    0x08
#define UART_FCR_ITL    0xc0    /* receive trigger level */

#define UART_LCR_DLAB   0x80

#define UART_MCR_DTR    0x01
#define UART_MCR_RTS    0x02
#define UART_MCR_OUT1   0x04
#define UART_MCR_OUT2   0x08
#define UART_MCR_LOOP   0x10

#define UART_MSR_DCTS   0x01
#define UART_MSR_DDSR   0x02
#define UART_MSR_TERI   0x04
#define UART_MSR_DDCD   0x08
#define UART_MSR_CTS    0x10
#define UART_MSR_DSR    0x20
#define UART_MSR_RI     0x40
#define UART_MSR_DCD    0x80
#define UART_MSR_DELTA  0x0f

/* The modem inputs outside loopback: a connected, ready peer. */
#define UART_MSR_IDLE   (UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS)

bool serial_fifo_enabled(const SerialState *s)
{
    return s->fcr & UART_FCR_FE;
}

unsigned serial_fifo_capacity(const SerialState *s)
{
    /* Without FIFOs each direction holds one byte: RBR and THR. */
    return serial_fifo_enabled(s) ? UART_FIFO_LENGTH : 1;
}

bool serial_loopback(const SerialState *s)
{
    return s->mcr & UART_MCR_LOOP;
}

/* The receive FIFO level that raises the data-available interrupt. */
static unsigned serial_rx_trigger(const SerialState *s)
{
    static const unsigned levels[] = { 1, 4, 8, 14 };

    return serial_fifo_enabled(s) ? levels[s->fcr >> 6] : 1;
}

bool serial_rx_below_trigger(const SerialState *s)
{
    uint32_t num = fifo8_num_used(&s->rx);

    return num && num < serial_rx_trigger(s);
}

/* Line status: data ready, transmitter empty, and the latched errors. */
static uint8_t serial_lsr(const SerialState *s)
{
    uint8_t lsr = s->lsr_err;

    if (!fifo8_is_empty(&s->rx)) {
        lsr |= UART_LSR_DR;
    }
    if (fifo8_is_empty(&s->tx)) {
        lsr |= UART_LSR_THRE | UART_LSR_TEMT;
    }
    return lsr;
}

/* IIR: the highest-priority pending interrupt the IER enables. */
static uint8_t serial_iir(const SerialState *s)
{
    uint8_t fifo = serial_fifo_enabled(s) ? UART_IIR_FE : 0;

    if ((s->ier & UART_IER_RLSI) && (s->lsr_err & UART_LSR_ERRORS)) {
        return fifo | UART_IIR_RLSI;
    }
    if ((s->ier & UART_IER_RDI) &&
        fifo8_num_used(&s->rx) >= serial_rx_trigger(s)) {
        return fifo | UART_IIR_RDI;
    }
    if ((s->ier & UART_IER_RDI) && s->timeout_ipending) {
        return fifo | UART_IIR_CTI;
    }
    if ((s->ier & UART_IER_THRI) && s->thr_ipending) {
        return fifo | UART_IIR_THRI;
    }
    if ((s->ier & UART_IER_MSI) && (s->msr & UART_MSR_DELTA)) {
        return fifo | UART_IIR_MSI;
    }
    return fifo | UART_IIR_NO_INT;
}

void serial_update_irq(SerialState *s)
{
    bool level = !(serial_iir(s) & UART_IIR_NO_INT);

    if (level != s->irq_level) {
        s->irq_level = level;
        qemu_set_irq(s->irq, level);
    }
}

void serial_receive_byte(SerialState *s, uint8_t byte)
{
    if (fifo8_num_used(&s->rx) < serial_fifo_capacity(s)) {
        fifo8_push(&s->rx, byte);
    } else if (serial_fifo_enabled(s)) {
        /* The FIFO keeps its bytes; the one arriving is lost. */
        s->lsr_err |= UART_LSR_OE;
    } else {
        /* Without a FIFO the new byte overwrites the unread one. */
        fifo8_drop(&s->rx, 1);
        fifo8_push(&s->rx, byte);
        s->lsr_err |= UART_LSR_OE;
    }
    s->timeout_ipending = false;
    serial_rx_timeout_arm(s);
}

/* The modem inputs: outside loopback a ready peer, inside the MCR outputs. */
static void serial_update_msr(SerialState *s)
{
    uint8_t old = s->msr, status = UART_MSR_IDLE;

    if (serial_loopback(s)) {
        status = 0;
        status |= (s->mcr & UART_MCR_RTS) ? UART_MSR_CTS : 0;
        status |= (s->mcr & UART_MCR_DTR) ? UART_MSR_DSR : 0;
        status |= (s->mcr & UART_MCR_OUT1) ? UART_MSR_RI : 0;
        status |= (s->mcr & UART_MCR_OUT2) ? UART_MSR_DCD : 0;
    }
    s->msr = status | (old & UART_MSR_DELTA);
    if ((old ^ status) & UART_MSR_CTS) {
        s->msr |= UART_MSR_DCTS;
    }
    if ((old ^ status) & UART_MSR_DSR) {
        s->msr |= UART_MSR_DDSR;
    }
    if ((old ^ status) & UART_MSR_DCD) {
        s->msr |= UART_MSR_DDCD;
    }
    /* TERI reports the trailing edge of RI only. */
    if ((old & UART_MSR_RI) && !(status & UART_MSR_RI)) {
        s->msr |= UART_MSR_TERI;
    }
}

static void serial_write_thr(SerialState *s, uint8_t val)
{
    if (serial_loopback(s)) {
        /* The transmitter's output is wired to the receiver. */
        serial_receive_byte(s, val);
        s->thr_ipending = true;
        return;
    }
    if (fifo8_num_used(&s->tx) >= serial_fifo_capacity(s)) {
        log_ratelimited(&s->log_limit, LOG_GUEST_ERROR,
                        "serial: transmit overrun: 0x%x written while THRE "
                        "clear\n", val);
        return;
    }
    fifo8_push(&s->tx, val);
    s->thr_ipending = false;
    serial_tx_flush(s);
}

static void serial_write_ier(SerialState *s, uint8_t val)
{
    uint8_t old = s->ier;

    s->ier = val & 0x0f;
    /* Enabling THRI while the holding register is empty interrupts. */
    if (!(old & UART_IER_THRI) && (s->ier & UART_IER_THRI) &&
        fifo8_is_empty(&s->tx)) {
        s->thr_ipending = true;
    }
}

static void serial_write_fcr(SerialState *s, uint8_t val)
{
    /* Turning the FIFOs on or off empties both (16550A datasheet). */
    if ((val ^ s->fcr) & UART_FCR_FE) {
        val |= UART_FCR_RFR | UART_FCR_XFR;
    }
    if (val & UART_FCR_RFR) {
        fifo8_reset(&s->rx);
        s->timeout_ipending = false;
        serial_rx_timeout_cancel(s);
        serial_accept_input(s);
    }
    if (val & UART_FCR_XFR) {
        fifo8_reset(&s->tx);
        serial_tx_cancel(s);
        s->thr_ipending = true;
    }
    /* The other bits are written only together with the enable bit. */
    s->fcr = (val & UART_FCR_FE) ? val & (UART_FCR_FE | UART_FCR_DMS |
                                          UART_FCR_ITL) : 0;
}

static void serial_write_mcr(SerialState *s, uint8_t val)
{
    bool was_loop = serial_loopback(s);

    s->mcr = val & 0x1f;
    serial_update_msr(s);
    if (was_loop != serial_loopback(s)) {
        /* The receiver takes the chardev's input again, or stops. */
        serial_accept_input(s);
    }
}

static void serial_ioport_write(void *opaque, hwaddr addr, uint64_t data,
                                unsigned size)
{
    SerialState *s = opaque;
    uint8_t val = data;
    bool dlab = s->lcr & UART_LCR_DLAB;

    switch (addr) {
    case UART_THR:
        if (dlab) {
            s->divider = (s->divider & 0xff00) | val;
        } else {
            serial_write_thr(s, val);
        }
        break;
    case UART_IER:
        if (dlab) {
            s->divider = (s->divider & 0x00ff) | (val << 8);
        } else {
            serial_write_ier(s, val);
        }
        break;
    case UART_FCR:
        serial_write_fcr(s, val);
        break;
    case UART_LCR:
        s->lcr = val;
        break;
    case UART_MCR:
        serial_write_mcr(s, val);
        break;
    case UART_SCR:
        s->scr = val;
        break;
    default:
        log_ratelimited(&s->log_limit, LOG_GUEST_ERROR,
                        "serial: write 0x%x to read-only register %u\n", val,
                        (unsigned)addr);
        break;
    }
    serial_update_irq(s);
}

static uint8_t serial_read_rbr(SerialState *s)
{
    bool was_full = fifo8_num_used(&s->rx) >= serial_fifo_capacity(s);
    uint8_t byte;

    if (fifo8_is_empty(&s->rx)) {
        return 0;
    }
    byte = fifo8_pop(&s->rx);
    s->timeout_ipending = false;
    serial_rx_timeout_arm(s);
    /* The chardev stopped reading when the FIFO filled up. */
    if (was_full) {
        serial_accept_input(s);
    }
    return byte;
}

static uint8_t serial_read_iir(SerialState *s)
{
    uint8_t iir = serial_iir(s);

    /* Reading IIR acknowledges a THRE interrupt it reports. */
    if (UART_IIR_THRI == (iir & 0x0f)) {
        s->thr_ipending = false;
    }
    return iir;
}

static uint64_t serial_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    SerialState *s = opaque;
    bool dlab = s->lcr & UART_LCR_DLAB;
    uint8_t val = 0;

    switch (addr) {
    case UART_RBR:
        val = dlab ? s->divider & 0xff : serial_read_rbr(s);
        break;
    case UART_IER:
        val = dlab ? s->divider >> 8 : s->ier;
        break;
    case UART_IIR:
        val = serial_read_iir(s);
        break;
    case UART_LCR:
        val = s->lcr;
        break;
    case UART_MCR:
        val = s->mcr;
        break;
    case UART_LSR:
        val = serial_lsr(s);
        s->lsr_err = 0;
        break;
    case UART_MSR:
        val = s->msr;
        s->msr &= ~UART_MSR_DELTA;
        break;
    case UART_SCR:
        val = s->scr;
        break;
    }
    serial_update_irq(s);
    return val;
}

const MemoryRegionOps serial_io_ops = {
    .read = serial_ioport_read,
    .write = serial_ioport_write,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static void serial_reset(DeviceState *dev)
{
    SerialState *s = SERIAL(dev);

    serial_rx_timeout_cancel(s);
    serial_tx_cancel(s);
    /* The divisor is undefined at power-on; QEMU starts at 9600 baud. */
    s->divider = 0x0c;
    s->ier = 0;
    s->lcr = 0;
    s->mcr = 0;
    s->lsr_err = 0;
    s->msr = UART_MSR_IDLE;
    s->scr = 0;
    s->fcr = 0;
    s->thr_ipending = false;
    s->timeout_ipending = false;
    fifo8_reset(&s->rx);
    fifo8_reset(&s->tx);
    serial_update_irq(s);
    serial_accept_input(s);
}

static bool serial_realize(DeviceState *dev, Error **errp)
{
    SerialState *s = SERIAL(dev);

    serial_chr_connect(s);
    serial_reset(dev);
    return true;
}

static void serial_instance_init(Object *obj)
{
    SerialState *s = SERIAL(obj);

    fifo8_create(&s->rx, UART_FIFO_LENGTH);
    fifo8_create(&s->tx, UART_FIFO_LENGTH);
    serial_timers_init(s);
}

static void serial_instance_finalize(Object *obj)
{
    SerialState *s = SERIAL(obj);

    fifo8_destroy(&s->rx);
    fifo8_destroy(&s->tx);
    serial_timers_free(s);
}

static void serial_unrealize(DeviceState *dev)
{
    SerialState *s = SERIAL(dev);

    serial_rx_timeout_cancel(s);
    serial_tx_cancel(s);
    qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL);
}

static Property serial_properties[] = {
    DEFINE_PROP_CHR("chardev", SerialState, chr),
    DEFINE_PROP_UINT32("baudbase", SerialState, baudbase, 115200),
    DEFINE_PROP_END_OF_LIST(),
};

static void serial_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    /* Only a bus binding creates one. */
    dc->user_creatable = false;
    dc->realize = serial_realize;
    dc->unrealize = serial_unrealize;
    dc->reset = serial_reset;
    device_class_set_props(dc, serial_properties);
}

static const TypeInfo serial_info = {
    .name = TYPE_SERIAL,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(SerialState),
    .instance_init = serial_instance_init,
    .instance_finalize = serial_instance_finalize,
    .class_init = serial_class_init,
};

static void serial_register_types(void)
{
    type_register_static(&serial_info);
}

type_init(serial_register_types)
