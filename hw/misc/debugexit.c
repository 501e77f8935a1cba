/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * debugexit.c: isa-debug-exit, the port a test guest writes its exit
 * status to.
 */
#include "osdep.h"

#include "hw/misc/debugexit.h"
#include "hw/qdev-properties.h"
#include "system/run-control.h"
#include "util/error.h"

typedef struct ISADebugExitState {
    ISADevice parent_obj;
    /* properties */
    uint32_t iobase;
    uint32_t iosize;
    /* wiring */
    MemoryRegion io;
} ISADebugExitState;

OBJECT_DECLARE_SIMPLE_TYPE(ISADebugExitState, ISA_DEBUG_EXIT)

static uint64_t debug_exit_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void debug_exit_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    /*
     * QEMU calls exit((val << 1) | 1) on the spot; kvmini shuts down
     * through the main loop, so the SHUTDOWN event goes out first. The
     * status is what the process exits with: its low 8 bits.
     */
    run_control_request_shutdown_status(SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
                                        ((val << 1) | 1) & 0xff);
}

static const MemoryRegionOps debug_exit_ops = {
    .read = debug_exit_read,
    .write = debug_exit_write,
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static bool debug_exit_realize(DeviceState *dev, Error **errp)
{
    ISADebugExitState *s = ISA_DEBUG_EXIT(dev);
    ISADevice *isa = ISA_DEVICE(dev);

    if (!s->iosize) {
        qdev_prop_error_value(OBJECT(dev), "iosize", "0", errp);
        return false;
    }
    if (!isa_check_iobase(isa, "iobase", s->iobase, s->iosize, errp)) {
        return false;
    }
    memory_region_init_io(&s->io, &debug_exit_ops, s, "isa-debug-exit",
                          s->iosize);
    isa_register_ioport(isa, &s->io, s->iobase);
    return true;
}

static Property debug_exit_properties[] = {
    DEFINE_PROP_UINT32("iobase", ISADebugExitState, iobase, 0x501),
    DEFINE_PROP_UINT32("iosize", ISADebugExitState, iosize, 0x02),
    DEFINE_PROP_END_OF_LIST(),
};

static void debug_exit_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->categories = 1ul << DEVICE_CATEGORY_MISC;
    dc->realize = debug_exit_realize;
    device_class_set_props(dc, debug_exit_properties);
}

static const TypeInfo debug_exit_info = {
    .name = TYPE_ISA_DEBUG_EXIT,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(ISADebugExitState),
    .class_init = debug_exit_class_init,
};

static void debug_exit_register_types(void)
{
    type_register_static(&debug_exit_info);
}

type_init(debug_exit_register_types)
