/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-core.h: devices and buses, the qdev layer over QOM. A device is
 * created (qdev_new), given properties, plugged into a bus and realized
 * (qdev_realize); buses belong to devices and hold devices, forming the
 * tree `info qtree` shows. docs/devel/qdev.md explains the model.
 */
#ifndef HW_QDEV_CORE_H
#define HW_QDEV_CORE_H

#include "qom/object.h"
#include "hw/hotplug.h"

/* The groups of `-device help`, in QEMU's order. */
typedef enum DeviceCategory {
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_USB,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_SOUND,
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_WATCHDOG,
    DEVICE_CATEGORY_MAX
} DeviceCategory;

#define TYPE_DEVICE "device"
#define TYPE_BUS "bus"

OBJECT_DECLARE_TYPE(DeviceState, DeviceClass, DEVICE)
OBJECT_DECLARE_TYPE(BusState, BusClass, BUS)

/* DeviceRealize: make @dev work (allocate, connect backends); may fail. */
typedef bool (*DeviceRealize)(DeviceState *dev, Error **errp);
/* DeviceUnrealize: undo realize; cannot fail. */
typedef void (*DeviceUnrealize)(DeviceState *dev);
/* DeviceReset: put @dev in its power-on state (single phase). */
typedef void (*DeviceReset)(DeviceState *dev);

/**
 * DeviceClass: the class of every device.
 * @categories: bitmap of 1 << DeviceCategory, for `-device help`
 * @desc: one line for `-device help`, or NULL
 * @props: the qdev properties (set with device_class_set_props())
 * @user_creatable: -device and device_add may create it
 * @hotpluggable: device_add/device_del may plug it while the machine runs
 * @bus_type: the bus type it plugs into, or NULL for a bus-less device
 * @vmsd: its migration state description, or NULL
 */
struct DeviceClass {
    ObjectClass parent_class;
    unsigned long categories;
    const char *desc;
    Property *props;
    bool user_creatable;
    bool hotpluggable;
    DeviceRealize realize;
    DeviceUnrealize unrealize;
    DeviceReset reset;
    const VMStateDescription *vmsd;
    const char *bus_type;
};

/*
 * DeviceState: the base of every device instance. @id is the user's id
 * (NULL when none); @parent_bus the bus it sits on; @child_buses its own
 * buses (BusState *, newest first, as QEMU lists them).
 */
struct DeviceState {
    Object parent_obj;
    char *id;
    char *canonical_path;       /* private: kept for DEVICE_DELETED */
    bool realized;
    bool hotplugged;            /* realized after the machine was ready */
    bool pending_deleted_event; /* private */
    BusState *parent_bus;
    GList *child_buses;
    int num_child_bus;
};

/*
 * BusClass: the class of every bus. @max_dev is the most devices it
 * holds (0: no limit).
 */
struct BusClass {
    ObjectClass parent_class;
    int max_dev;
};

/*
 * BusState: the base of every bus instance. @children holds its devices,
 * newest first (QEMU's order in `info qtree`), each referenced.
 */
struct BusState {
    Object obj;
    DeviceState *parent;
    char *name;
    Object *hotplug_handler;
    int max_index;
    bool realized;
    int num_children;
    GList *children;
};

/*
 * qdev_new: create a device of type @name, not yet realized.
 * Returns: a new reference.
 */
DeviceState *qdev_new(const char *name);

/*
 * qdev_realize: plug @dev into @bus (NULL for a bus-less device) and
 * realize it. Returns false with @errp set on failure, @dev unrealized
 * (still on @bus).
 */
bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp);

/* qdev_realize(), then drop the caller's reference (taken over by @bus). */
bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp);

/* Unrealize @dev and everything below it (child buses first). */
void qdev_unrealize(DeviceState *dev);

/* Put @dev on @bus, taking it off its old bus. */
void qdev_set_parent_bus(DeviceState *dev, BusState *bus);

/* The child bus of @dev named @name (borrowed), or NULL. */
BusState *qdev_get_child_bus(DeviceState *dev, const char *name);

/* The hotplug handler for @dev: its bus's (borrowed), or NULL. */
Object *qdev_get_hotplug_handler(DeviceState *dev);

/*
 * qdev_unplug: unplug @dev as device_del does, through its bus's
 * hotplug handler. Returns false with @errp set when it cannot be
 * unplugged ("Bus 'NAME' does not support hotplugging").
 */
bool qdev_unplug(DeviceState *dev, Error **errp);

/* Reset @dev: its child buses (their devices) first, then @dev itself. */
void device_cold_reset(DeviceState *dev);

/* Reset every device on @bus and below it. */
void bus_cold_reset(BusState *bus);

/*
 * Mark the machine as built: from now on devices are hot-plugged
 * (device_add checks hotplug support, realize sets dev->hotplugged).
 */
void qdev_machine_creation_done(void);

/* Whether qdev_machine_creation_done() was called. */
bool qdev_machine_is_ready(void);

/* Put @dev's id at @id (copied) or none; before it is placed in the tree. */
void qdev_set_id_str(DeviceState *dev, const char *id);

/*
 * qbus_init: initialise the bus embedded at @bus (of @size bytes) as
 * @typename, belonging to @parent (or NULL) and named @name or, when NULL,
 * as QEMU names it: "PARENTID.N" when the parent has an id, else
 * "TYPENAME.N" with the type name in lower case.
 */
void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name);

/* qbus_init() of a new bus. Returns it (borrowed: owned by @parent). */
BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name);

/* Set the hotplug handler of @bus (an object implementing the interface). */
void qbus_set_hotplug_handler(BusState *bus, Object *handler);

/* Whether @bus has a hotplug handler. */
bool qbus_is_hotpluggable(const BusState *bus);

/* Whether @bus holds its class's max_dev devices. */
bool qbus_is_full(const BusState *bus);

/* Realize (or unrealize) @bus; unrealizing unrealizes its devices first. */
bool qbus_realize(BusState *bus, Error **errp);
void qbus_unrealize(BusState *bus);

/*
 * Call @fn(dev, @opaque) for every device on @bus and below, depth first,
 * each device after its child buses. Stops at a non-zero return.
 */
int qbus_walk_devices(BusState *bus, int (*fn)(DeviceState *dev,
                                                 void *opaque),
                      void *opaque);

#endif /* HW_QDEV_CORE_H */
