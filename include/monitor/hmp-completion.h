/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp-completion.h: HMPCompletionFunc callbacks that complete what the
 * machine has right now: QOM paths, device, object and chardev ids,
 * device drivers and object types. Set one as a command's .complete;
 * docs/devel/hmp.md lists which command completes what.
 */
#ifndef MONITOR_HMP_COMPLETION_H
#define MONITOR_HMP_COMPLETION_H

#include "monitor/hmp.h"

/*
 * The QOM path in the first argument (or a second one starting with '/',
 * as in qom-set -j PATH), one component at a time from the composition
 * tree: "/machine/p" offers "/machine/peripheral/" and
 * "/machine/peripheral-anon/"; an object with children gets a '/' after it.
 */
void hmp_complete_qom_path(ReadLineState *rs, int nb_args, const char *str);

/*
 * device_del: the id of a device in /machine/peripheral, or after a '/'
 * the QOM path of a device, through the objects with devices below them.
 */
void hmp_complete_device_del(ReadLineState *rs, int nb_args, const char *str);

/* device_add: the user-creatable, non-abstract device types. */
void hmp_complete_device_add(ReadLineState *rs, int nb_args, const char *str);

/* object_add: the user-creatable, non-abstract object types. */
void hmp_complete_object_add(ReadLineState *rs, int nb_args, const char *str);

/* object_del: the ids of the objects in /objects. */
void hmp_complete_object_del(ReadLineState *rs, int nb_args, const char *str);

/* chardev-remove: the ids of the chardevs. */
void hmp_complete_chardev_id(ReadLineState *rs, int nb_args, const char *str);

#endif /* MONITOR_HMP_COMPLETION_H */
