/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * serial-isa.c: "isa-serial", the ISA binding of the 16550A core: COM1-COM4
 * ports and IRQs, the "serial" child and its aliased properties.
 */
#include "osdep.h"

#include "hw/char/serial-isa.h"
#include "hw/char/serial.h"
#include "hw/qdev-properties.h"
#include "qom/object-tree.h"
#include "util/error.h"

#define ISA_SERIAL_AUTO UINT32_MAX

typedef struct ISASerialState {
    ISADevice parent_obj;
    /* properties: UINT32_MAX (-1) picks the COM port's value */
    uint32_t index;
    uint32_t iobase;
    uint32_t irq;
    /* the UART */
    SerialState state;
} ISASerialState;

OBJECT_DECLARE_SIMPLE_TYPE(ISASerialState, ISA_SERIAL)

static const uint16_t isa_serial_io[MAX_ISA_SERIAL_PORTS] = {
    0x3f8, 0x2f8, 0x3e8, 0x2e8
};
static const uint8_t isa_serial_irq[MAX_ISA_SERIAL_PORTS] = { 4, 3, 4, 3 };

/* The lowest COM index no other realized isa-serial on @bus uses. */
static uint32_t isa_serial_free_index(ISASerialState *s, BusState *bus)
{
    bool used[MAX_ISA_SERIAL_PORTS] = { false };
    uint32_t i;
    GList *l;

    for (l = bus->children; l; l = l->next) {
        Object *other = l->data;

        if (other != OBJECT(s) && DEVICE(other)->realized &&
            object_dynamic_cast(other, TYPE_ISA_SERIAL) &&
            ISA_SERIAL(other)->index < MAX_ISA_SERIAL_PORTS) {
            used[ISA_SERIAL(other)->index] = true;
        }
    }
    for (i = 0; i < MAX_ISA_SERIAL_PORTS && used[i]; i++) {
        continue;
    }
    return i;
}

static bool serial_isa_realize(DeviceState *dev, Error **errp)
{
    ISASerialState *s = ISA_SERIAL(dev);
    ISADevice *isa = ISA_DEVICE(dev);
    uint32_t index = s->index, iobase = s->iobase, irq = s->irq;

    if (ISA_SERIAL_AUTO == index) {
        index = isa_serial_free_index(s, dev->parent_bus);
    }
    if (index >= MAX_ISA_SERIAL_PORTS) {
        error_setg(errp, "Max. supported number of ISA serial ports is %d",
                   MAX_ISA_SERIAL_PORTS);
        return false;
    }
    if (ISA_SERIAL_AUTO == iobase) {
        iobase = isa_serial_io[index];
    }
    if (ISA_SERIAL_AUTO == irq) {
        irq = isa_serial_irq[index];
    }
    if (!isa_check_irq(irq, "irq", errp) ||
        !isa_check_iobase(isa, "iobase", iobase, 8, errp) ||
        !qdev_realize(DEVICE(&s->state), NULL, errp)) {
        return false;
    }
    /* As in QEMU, info qtree shows the values chosen. */
    s->index = index;
    s->iobase = iobase;
    s->irq = irq;
    s->state.irq = isa_get_irq(isa, irq);
    memory_region_init_io(&s->state.io, &serial_io_ops, &s->state, "serial",
                          8);
    isa_register_ioport(isa, &s->state.io, iobase);
    return true;
}

static void serial_isa_unrealize(DeviceState *dev)
{
    DeviceClass *isa = DEVICE_CLASS(object_class_by_name(TYPE_ISA_DEVICE));

    /* The ports go first, then the UART behind them. */
    isa->unrealize(dev);
    qdev_unrealize(DEVICE(&ISA_SERIAL(dev)->state));
}

static void serial_isa_reset(DeviceState *dev)
{
    device_cold_reset(DEVICE(&ISA_SERIAL(dev)->state));
}

static void serial_isa_instance_init(Object *obj)
{
    ISASerialState *s = ISA_SERIAL(obj);

    object_initialize_child(obj, "serial", &s->state, TYPE_SERIAL);
    /* The UART's own properties, as QEMU offers them on isa-serial. */
    object_property_add_alias(obj, "chardev", OBJECT(&s->state), "chardev");
    object_property_add_alias(obj, "baudbase", OBJECT(&s->state),
                              "baudbase");
}

ISADevice *isa_serial_create(ISABus *bus, int index, Chardev *chr,
                             Error **errp)
{
    ISADevice *dev = isa_new(TYPE_ISA_SERIAL);

    if (!object_property_set_uint(OBJECT(dev), "index", index, errp) ||
        (chr && !object_property_set_str(OBJECT(dev), "chardev", chr->label,
                                         errp)) ||
        !qdev_realize(DEVICE(dev), BUS(bus), errp)) {
        object_unparent(OBJECT(dev));
        object_unref(dev);
        return NULL;
    }
    object_unref(dev);
    return dev;
}

static Property serial_isa_properties[] = {
    DEFINE_PROP_UINT32("index", ISASerialState, index, ISA_SERIAL_AUTO),
    DEFINE_PROP_UINT32("iobase", ISASerialState, iobase, ISA_SERIAL_AUTO),
    DEFINE_PROP_UINT32("irq", ISASerialState, irq, ISA_SERIAL_AUTO),
    DEFINE_PROP_END_OF_LIST(),
};

static void serial_isa_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->categories = 1ul << DEVICE_CATEGORY_INPUT;
    dc->realize = serial_isa_realize;
    dc->unrealize = serial_isa_unrealize;
    dc->reset = serial_isa_reset;
    device_class_set_props(dc, serial_isa_properties);
}

static const TypeInfo serial_isa_info = {
    .name = TYPE_ISA_SERIAL,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(ISASerialState),
    .instance_init = serial_isa_instance_init,
    .class_init = serial_isa_class_init,
};

static void serial_isa_register_types(void)
{
    type_register_static(&serial_isa_info);
}

type_init(serial_isa_register_types)
