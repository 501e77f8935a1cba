/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * boards.h: the machine, the root of the guest's hardware. Each machine
 * type is a subclass of TYPE_MACHINE named "NAME-machine"; -M NAME
 * creates it at /machine, with the containers peripheral (devices with
 * an id), peripheral-anon (-device without an id) and unattached
 * (devices created by the machine without a parent).
 */
#ifndef HW_BOARDS_H
#define HW_BOARDS_H

#include "hw/qdev-core.h"
#include "qapi-types-machine.h"

#define TYPE_MACHINE "machine"
#define TYPE_MACHINE_SUFFIX "-machine"
/* The QOM type name of the machine called @name ("none-machine"). */
#define MACHINE_TYPE_NAME(name) (name TYPE_MACHINE_SUFFIX)

OBJECT_DECLARE_TYPE(MachineState, MachineClass, MACHINE)

/*
 * MachineClass: a machine type.
 * @name: the name -M takes (set from the type name unless given)
 * @desc: one line for `-M help`
 * @alias: another name -M takes, or NULL
 * @is_default: the machine used without -M
 * @max_cpus: the most vCPUs it supports
 * @default_ram_size: the RAM size without -m
 * @default_ram_id: the id of the RAM backend it creates, or NULL
 * @default_devices: -device texts of the devices it adds unless
 *   -nodefaults, ending with NULL; or NULL for none
 * @init: build the board (devices, RAM); may fail
 */
struct MachineClass {
    ObjectClass parent_class;
    const char *name;
    const char *desc;
    const char *alias;
    bool is_default;
    bool deprecated;
    int max_cpus;
    uint64_t default_ram_size;
    const char *default_ram_id;
    const char *const *default_devices;
    bool (*init)(MachineState *ms, Error **errp);
};

/*
 * MachineState: the machine instance.
 * @defaults_enabled: false with -nodefaults: no default devices
 * @ram_size: the RAM size (-m or the class default)
 * @ram_memdev_id: the memory-backend property, or NULL
 * @memdev: the backend it names, found by machine_run_board_init(),
 *   which marks it mapped (borrowed: object-del refuses it until the
 *   machine goes), or the one it creates for @ram_size when the class
 *   has a @default_ram_id
 * @smp_cpus: the vCPUs (-smp; 1 by default)
 * @cpu_model: the CPU model (-cpu; "host" by default)
 * @kernel_filename, @initrd_filename, @kernel_cmdline: the properties
 *   kernel, initrd and append (-kernel, -initrd, -append), or NULL
 */
struct MachineState {
    Object parent_obj;
    bool defaults_enabled;
    uint64_t ram_size;
    char *ram_memdev_id;
    Object *memdev;
    unsigned smp_cpus;
    char *cpu_model;
    char *kernel_filename;
    char *initrd_filename;
    char *kernel_cmdline;
};

/*
 * The machine class -M @name selects (a name or alias), or NULL.
 * Borrowed.
 */
MachineClass *machine_find_class(const char *name);

/* The default machine class (is_default), or NULL. Borrowed. */
MachineClass *machine_find_default(void);

/*
 * machine_create: create the machine of class @mc at /machine with its
 * containers. Returns it (borrowed: owned by the tree).
 */
MachineState *machine_create(MachineClass *mc);

/* The machine at /machine (borrowed), or NULL before machine_create(). */
MachineState *qdev_get_machine(void);

/*
 * machine_run_board_init: check smp_cpus against the class's max_cpus,
 * resolve the memory backend (its size becomes ram_size) or create the
 * class's default one of ram_size bytes at /objects/ID, run the class's
 * init, add the default devices (unless defaults_enabled is false), and
 * register the reset of all devices with run control.
 * Returns false with @errp set ("Memory backend 'ID' not found").
 */
bool machine_run_board_init(MachineState *ms, Error **errp);

/*
 * The `-M help` text: "Supported machines are:" and one line per type and
 * alias, sorted by name. Returns a new string.
 */
char *machine_help_text(void);

/* Reset every device below the main system bus (a run-control handler). */
void qdev_reset_all(void *opaque);

#endif /* HW_BOARDS_H */
