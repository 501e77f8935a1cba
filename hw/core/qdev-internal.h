/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qdev-internal.h: helpers shared by the files of hw/core only. */
#ifndef HW_CORE_QDEV_INTERNAL_H
#define HW_CORE_QDEV_INTERNAL_H

#include "hw/qdev-core.h"

/* Take @dev off @bus, dropping the references they hold on each other. */
void qbus_remove_child(BusState *bus, DeviceState *dev);

#endif /* HW_CORE_QDEV_INTERNAL_H */
