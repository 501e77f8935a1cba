/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qmp-event.c: the envelope of QMP event messages. */
#include "osdep.h"

#include "qapi/qmp-event.h"

QDict *qmp_event_build_dict(const char *name)
{
    QDict *dict = qdict_new();
    QDict *timestamp = qdict_new();
    gint64 now = g_get_real_time();

    qdict_put_int(timestamp, "seconds", now / G_USEC_PER_SEC);
    qdict_put_int(timestamp, "microseconds", now % G_USEC_PER_SEC);
    /* QEMU sends "timestamp" first; clients that diff transcripts notice. */
    qdict_put(dict, "timestamp", timestamp);
    qdict_put_str(dict, "event", name);
    return dict;
}
