/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-event.h: building QMP event messages. The generated
 * qapi_event_send_FOO() builds the message with qmp_event_build_dict(), adds
 * "data", and hands it to qapi_event_emit(), which the monitor implements
 * (declared in the generated qapi-emit-events.h).
 */
#ifndef QAPI_QMP_EVENT_H
#define QAPI_QMP_EVENT_H

#include "qobject/qdict.h"

/*
 * A new event message {"timestamp": {"seconds": S, "microseconds": US},
 * "event": @name} stamped with the current wall-clock time (members in
 * the order QEMU sends them). Returns a new reference.
 */
QDict *qmp_event_build_dict(const char *name);

#endif /* QAPI_QMP_EVENT_H */
