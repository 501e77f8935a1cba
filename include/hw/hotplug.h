/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hotplug.h: the hotplug handler interface. An object implementing it
 * (a bridge, the machine) is asked to plug devices into a bus while the
 * machine runs and to unplug them on device_del; a bus without a handler
 * refuses both.
 */
#ifndef HW_HOTPLUG_H
#define HW_HOTPLUG_H

#include "qom/object.h"

#define TYPE_HOTPLUG_HANDLER "hotplug-handler"

/*
 * HotplugFn: act on @plugged_dev for @plug_handler; false with @errp set
 * refuses (pre_plug: before realize; plug: after; unplug_request: start
 * an unplug the guest finishes later; unplug: remove it now).
 */
typedef bool (*HotplugFn)(HotplugHandler *plug_handler,
                          DeviceState *plugged_dev, Error **errp);

/*
 * HotplugHandlerClass: all methods optional. Without unplug_request,
 * device_del calls unplug and then unparents the device at once.
 */
typedef struct HotplugHandlerClass {
    InterfaceClass parent;
    HotplugFn pre_plug;
    HotplugFn plug;
    HotplugFn unplug_request;
    HotplugFn unplug;
} HotplugHandlerClass;

DECLARE_CLASS_CHECKERS(HotplugHandlerClass, HOTPLUG_HANDLER,
                       TYPE_HOTPLUG_HANDLER)
DECLARE_INSTANCE_CHECKER(HotplugHandler, HOTPLUG_HANDLER,
                         TYPE_HOTPLUG_HANDLER)

/* Call the handler's method; a missing method succeeds. */
bool hotplug_handler_pre_plug(HotplugHandler *handler, DeviceState *dev,
                              Error **errp);
bool hotplug_handler_plug(HotplugHandler *handler, DeviceState *dev,
                          Error **errp);
bool hotplug_handler_unplug_request(HotplugHandler *handler,
                                    DeviceState *dev, Error **errp);
bool hotplug_handler_unplug(HotplugHandler *handler, DeviceState *dev,
                            Error **errp);

/* Whether @handler has an unplug_request method (asynchronous unplug). */
bool hotplug_handler_has_unplug_request(HotplugHandler *handler);

#endif /* HW_HOTPLUG_H */
