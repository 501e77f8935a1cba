/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hotplug.c: the hotplug handler interface and its method wrappers. */
#include "osdep.h"

#include "hw/hotplug.h"

typedef enum HotplugStep {
    HOTPLUG_PRE_PLUG,
    HOTPLUG_PLUG,
    HOTPLUG_UNPLUG_REQUEST,
    HOTPLUG_UNPLUG,
} HotplugStep;

static HotplugFn hotplug_method(HotplugHandler *handler, HotplugStep step)
{
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_GET_CLASS(handler);

    switch (step) {
    case HOTPLUG_PRE_PLUG:
        return hc->pre_plug;
    case HOTPLUG_PLUG:
        return hc->plug;
    case HOTPLUG_UNPLUG_REQUEST:
        return hc->unplug_request;
    case HOTPLUG_UNPLUG:
        return hc->unplug;
    }
    return NULL;
}

static bool hotplug_call(HotplugHandler *handler, HotplugStep step,
                         DeviceState *dev, Error **errp)
{
    HotplugFn fn = hotplug_method(handler, step);

    return fn ? fn(handler, dev, errp) : true;
}

bool hotplug_handler_pre_plug(HotplugHandler *handler, DeviceState *dev,
                              Error **errp)
{
    return hotplug_call(handler, HOTPLUG_PRE_PLUG, dev, errp);
}

bool hotplug_handler_plug(HotplugHandler *handler, DeviceState *dev,
                          Error **errp)
{
    return hotplug_call(handler, HOTPLUG_PLUG, dev, errp);
}

bool hotplug_handler_unplug_request(HotplugHandler *handler,
                                    DeviceState *dev, Error **errp)
{
    return hotplug_call(handler, HOTPLUG_UNPLUG_REQUEST, dev, errp);
}

bool hotplug_handler_unplug(HotplugHandler *handler, DeviceState *dev,
                            Error **errp)
{
    return hotplug_call(handler, HOTPLUG_UNPLUG, dev, errp);
}

bool hotplug_handler_has_unplug_request(HotplugHandler *handler)
{
    return NULL != hotplug_method(handler, HOTPLUG_UNPLUG_REQUEST);
}

static const TypeInfo hotplug_handler_info = {
    .name = TYPE_HOTPLUG_HANDLER,
    .parent = TYPE_INTERFACE,
    .class_size = sizeof(HotplugHandlerClass),
};

static void hotplug_register_types(void)
{
    type_register_static(&hotplug_handler_info);
}

type_init(hotplug_register_types)
