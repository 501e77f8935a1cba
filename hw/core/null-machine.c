/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * null-machine.c: -M none, the empty machine: no RAM, no devices, no
 * vCPUs; only the monitors and what -device adds.
 */
#include "osdep.h"

#include "hw/boards.h"

static void null_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "empty machine";
    mc->max_cpus = 1;
}

static const TypeInfo null_machine_info = {
    .name = MACHINE_TYPE_NAME("none"),
    .parent = TYPE_MACHINE,
    .class_init = null_machine_class_init,
};

static void null_machine_register_types(void)
{
    type_register_static(&null_machine_info);
}

type_init(null_machine_register_types)
