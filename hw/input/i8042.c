/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * i8042.c: the PC keyboard controller: its status, command byte, output
 * port and controller commands, the reset line, and the replies of the
 * PS/2 keyboard and mouse behind it (ps2.c).
 */
#include "osdep.h"

#include "hw/input/i8042.h"
#include "util/log.h"
#include "hw/qdev-properties.h"
#include "i8042-internal.h"
#include "system/run-control.h"
#include "util/error.h"
#include "util/fifo8.h"

#define I8042_DATA_PORT 0x60
#define I8042_CMD_PORT  0x64

/* Bytes waiting for the guest: far more than a command's replies. */
#define I8042_QUEUE_LENGTH 16

/* Status register. */
#define KBD_STAT_OBF        0x01    /* output buffer full */
#define KBD_STAT_SELFTEST   0x04    /* system flag: self-test passed */
#define KBD_STAT_CMD        0x08    /* last write was to the command port */
#define KBD_STAT_UNLOCKED   0x10    /* keyboard not inhibited */
#define KBD_STAT_MOUSE_OBF  0x20    /* the byte comes from the mouse */

/* Command byte ("mode"). */
#define KBD_MODE_KBD_INT        0x01
#define KBD_MODE_MOUSE_INT      0x02
#define KBD_MODE_SYS            0x04
#define KBD_MODE_DISABLE_KBD    0x10
#define KBD_MODE_DISABLE_MOUSE  0x20
#define KBD_MODE_XLATE          0x40    /* scancodes translated to set 1 */

/* Output port. */
#define KBD_OUT_RESET   0x01        /* low: the CPU is held in reset */
#define KBD_OUT_A20     0x02
#define KBD_OUT_ONES    0xcc        /* bits the controller keeps at 1 */

/* Controller commands (port 0x64). */
#define KBD_CCMD_READ_MODE      0x20
#define KBD_CCMD_WRITE_MODE     0x60
#define KBD_CCMD_MOUSE_DISABLE  0xa7
#define KBD_CCMD_MOUSE_ENABLE   0xa8
#define KBD_CCMD_TEST_MOUSE     0xa9
#define KBD_CCMD_SELF_TEST      0xaa
#define KBD_CCMD_KBD_TEST       0xab
#define KBD_CCMD_KBD_DISABLE    0xad
#define KBD_CCMD_KBD_ENABLE     0xae
#define KBD_CCMD_READ_OUTPORT   0xd0
#define KBD_CCMD_WRITE_OUTPORT  0xd1
#define KBD_CCMD_WRITE_OBUF     0xd2
#define KBD_CCMD_WRITE_AUX_OBUF 0xd3
#define KBD_CCMD_WRITE_MOUSE    0xd4
#define KBD_CCMD_DISABLE_A20    0xdd
#define KBD_CCMD_ENABLE_A20     0xdf
#define KBD_CCMD_PULSE_FIRST    0xf0    /* 0xf0-0xff: pulse output lines */

typedef struct I8042State {
    ISADevice parent_obj;
    /* properties */
    uint8_t kbd_irq_num;
    uint8_t mouse_irq_num;
    /* wiring */
    qemu_irq kbd_irq;
    qemu_irq mouse_irq;
    MemoryRegion data_io;
    MemoryRegion cmd_io;
    /* state */
    uint8_t status;
    uint8_t mode;
    uint8_t outport;
    uint8_t write_cmd;          /* command waiting for its data byte, or 0 */
    uint8_t last_read;          /* read again when the queue is empty */
    Fifo8 queue;                /* the bytes for the data port */
    Fifo8 queue_aux;            /* with each, 1 if it came from the mouse */
    PS2State ps2;
    LogRateLimit log_limit;
} I8042State;

OBJECT_DECLARE_SIMPLE_TYPE(I8042State, I8042)

/* The interrupt lines follow the byte waiting in the output buffer. */
static void i8042_update_irq(I8042State *s)
{
    bool kbd = false, mouse = false;

    s->status &= ~(KBD_STAT_OBF | KBD_STAT_MOUSE_OBF);
    if (!fifo8_is_empty(&s->queue)) {
        s->status |= KBD_STAT_OBF;
        if (fifo8_peek(&s->queue_aux)) {
            s->status |= KBD_STAT_MOUSE_OBF;
            mouse = s->mode & KBD_MODE_MOUSE_INT;
        } else {
            kbd = s->mode & KBD_MODE_KBD_INT;
        }
    }
    qemu_set_irq(s->kbd_irq, kbd);
    qemu_set_irq(s->mouse_irq, mouse);
}

/* Queue a byte for the guest, from the keyboard side or the mouse (@aux). */
static void i8042_queue(I8042State *s, uint8_t byte, bool aux)
{
    /* Both queues fill and empty together. */
    if (!fifo8_push(&s->queue, byte)) {
        log_ratelimited(&s->log_limit, LOG_GUEST_ERROR,
                        "i8042: output buffer overflow, 0x%x dropped\n", byte);
        return;
    }
    fifo8_push(&s->queue_aux, aux);
}

/* Let ps2.c's replies reach the output buffer. */
static void i8042_ps2_reply(void *opaque, uint8_t byte, bool aux)
{
    i8042_queue(opaque, byte, aux);
}

static void i8042_write_outport(I8042State *s, uint8_t val)
{
    s->outport = val | KBD_OUT_ONES;
    /* Bit 0 low holds the CPU in reset: the guest reboots. */
    if (!(val & KBD_OUT_RESET)) {
        run_control_request_reset(SHUTDOWN_CAUSE_GUEST_RESET);
    }
}

static void i8042_write_command(I8042State *s, uint8_t cmd)
{
    s->write_cmd = 0;
    switch (cmd) {
    case KBD_CCMD_READ_MODE:
        i8042_queue(s, s->mode, false);
        break;
    case KBD_CCMD_WRITE_MODE:
    case KBD_CCMD_WRITE_OUTPORT:
    case KBD_CCMD_WRITE_OBUF:
    case KBD_CCMD_WRITE_AUX_OBUF:
    case KBD_CCMD_WRITE_MOUSE:
        s->write_cmd = cmd;
        break;
    case KBD_CCMD_MOUSE_DISABLE:
        s->mode |= KBD_MODE_DISABLE_MOUSE;
        break;
    case KBD_CCMD_MOUSE_ENABLE:
        s->mode &= ~KBD_MODE_DISABLE_MOUSE;
        break;
    case KBD_CCMD_TEST_MOUSE:
    case KBD_CCMD_KBD_TEST:
        i8042_queue(s, 0x00, false);        /* interface OK */
        break;
    case KBD_CCMD_SELF_TEST:
        s->status |= KBD_STAT_SELFTEST;
        i8042_queue(s, 0x55, false);        /* controller OK */
        break;
    case KBD_CCMD_KBD_DISABLE:
        s->mode |= KBD_MODE_DISABLE_KBD;
        break;
    case KBD_CCMD_KBD_ENABLE:
        s->mode &= ~KBD_MODE_DISABLE_KBD;
        break;
    case KBD_CCMD_READ_OUTPORT:
        i8042_queue(s, s->outport, false);
        break;
    case KBD_CCMD_DISABLE_A20:
        s->outport &= ~KBD_OUT_A20;
        break;
    case KBD_CCMD_ENABLE_A20:
        s->outport |= KBD_OUT_A20;
        break;
    default:
        if (cmd >= KBD_CCMD_PULSE_FIRST) {
            /* A pulse on output line 0 (0xfe) is the reset line. */
            if (!(cmd & KBD_OUT_RESET)) {
                run_control_request_reset(SHUTDOWN_CAUSE_GUEST_RESET);
            }
            break;
        }
        log_ratelimited(&s->log_limit, LOG_UNIMP,
                        "i8042: unsupported controller command 0x%x\n", cmd);
        break;
    }
}

static void i8042_write_data(I8042State *s, uint8_t val)
{
    switch (s->write_cmd) {
    case 0:
        /* Data for the keyboard; it enables keyboard communication. */
        s->mode &= ~KBD_MODE_DISABLE_KBD;
        ps2_kbd_write(&s->ps2, val, !!(s->mode & KBD_MODE_XLATE));
        break;
    case KBD_CCMD_WRITE_MODE:
        s->mode = val;
        s->status = (s->status & ~KBD_STAT_SELFTEST) |
                    ((val & KBD_MODE_SYS) ? KBD_STAT_SELFTEST : 0);
        break;
    case KBD_CCMD_WRITE_OUTPORT:
        i8042_write_outport(s, val);
        break;
    case KBD_CCMD_WRITE_OBUF:
        i8042_queue(s, val, false);
        break;
    case KBD_CCMD_WRITE_AUX_OBUF:
        i8042_queue(s, val, true);
        break;
    case KBD_CCMD_WRITE_MOUSE:
        ps2_mouse_write(&s->ps2, val);
        break;
    }
    s->write_cmd = 0;
}

static uint64_t i8042_data_read(void *opaque, hwaddr addr, unsigned size)
{
    I8042State *s = opaque;

    if (!fifo8_is_empty(&s->queue)) {
        s->last_read = fifo8_pop(&s->queue);
        fifo8_pop(&s->queue_aux);
    }
    i8042_update_irq(s);
    return s->last_read;
}

static void i8042_data_write(void *opaque, hwaddr addr, uint64_t data,
                             unsigned size)
{
    I8042State *s = opaque;

    s->status &= ~KBD_STAT_CMD;
    i8042_write_data(s, data);
    i8042_update_irq(s);
}

static uint64_t i8042_cmd_read(void *opaque, hwaddr addr, unsigned size)
{
    I8042State *s = opaque;

    return s->status;
}

static void i8042_cmd_write(void *opaque, hwaddr addr, uint64_t data,
                            unsigned size)
{
    I8042State *s = opaque;

    s->status |= KBD_STAT_CMD;
    i8042_write_command(s, data);
    i8042_update_irq(s);
}

static const MemoryRegionOps i8042_data_ops = {
    .read = i8042_data_read,
    .write = i8042_data_write,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static const MemoryRegionOps i8042_cmd_ops = {
    .read = i8042_cmd_read,
    .write = i8042_cmd_write,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static void i8042_reset(DeviceState *dev)
{
    I8042State *s = I8042(dev);

    s->mode = KBD_MODE_KBD_INT | KBD_MODE_MOUSE_INT;
    s->status = KBD_STAT_CMD | KBD_STAT_UNLOCKED;
    s->outport = KBD_OUT_RESET | KBD_OUT_A20 | KBD_OUT_ONES;
    s->write_cmd = 0;
    s->last_read = 0;
    fifo8_reset(&s->queue);
    fifo8_reset(&s->queue_aux);
    ps2_reset(&s->ps2);
    i8042_update_irq(s);
}

static bool i8042_realize(DeviceState *dev, Error **errp)
{
    I8042State *s = I8042(dev);
    ISADevice *isa = ISA_DEVICE(dev);

    if (!isa_check_irq(s->kbd_irq_num, "kbd-irq", errp) ||
        !isa_check_irq(s->mouse_irq_num, "mouse-irq", errp)) {
        return false;
    }
    s->kbd_irq = isa_get_irq(isa, s->kbd_irq_num);
    s->mouse_irq = isa_get_irq(isa, s->mouse_irq_num);
    s->ps2.reply = i8042_ps2_reply;
    s->ps2.opaque = s;
    memory_region_init_io(&s->data_io, &i8042_data_ops, s, "i8042-data", 1);
    memory_region_init_io(&s->cmd_io, &i8042_cmd_ops, s, "i8042-cmd", 1);
    isa_register_ioport(isa, &s->data_io, I8042_DATA_PORT);
    isa_register_ioport(isa, &s->cmd_io, I8042_CMD_PORT);
    i8042_reset(dev);
    return true;
}

static void i8042_instance_init(Object *obj)
{
    I8042State *s = I8042(obj);

    fifo8_create(&s->queue, I8042_QUEUE_LENGTH);
    fifo8_create(&s->queue_aux, I8042_QUEUE_LENGTH);
}

static void i8042_instance_finalize(Object *obj)
{
    I8042State *s = I8042(obj);

    fifo8_destroy(&s->queue);
    fifo8_destroy(&s->queue_aux);
}

static Property i8042_properties[] = {
    DEFINE_PROP_UINT8("kbd-irq", I8042State, kbd_irq_num, 1),
    DEFINE_PROP_UINT8("mouse-irq", I8042State, mouse_irq_num, 12),
    DEFINE_PROP_END_OF_LIST(),
};

static void i8042_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->categories = 1ul << DEVICE_CATEGORY_INPUT;
    dc->realize = i8042_realize;
    dc->reset = i8042_reset;
    device_class_set_props(dc, i8042_properties);
}

static const TypeInfo i8042_info = {
    .name = TYPE_I8042,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(I8042State),
    .instance_init = i8042_instance_init,
    .instance_finalize = i8042_instance_finalize,
    .class_init = i8042_class_init,
};

static void i8042_register_types(void)
{
    type_register_static(&i8042_info);
}

type_init(i8042_register_types)
