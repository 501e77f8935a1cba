/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-cmds.h: the QMP command table of this process and the commands that
 * describe the QMP interface itself (qmp_capabilities, query-version,
 * query-commands, query-qmp-schema).
 */
#ifndef MONITOR_QMP_CMDS_H
#define MONITOR_QMP_CMDS_H

#include "qapi/qmp-dispatch.h"

/*
 * The table every QMP monitor dispatches from: all schema commands,
 * registered on first use (from any thread). Borrowed; lives for the
 * process.
 */
QmpCommandList *monitor_qmp_commands(void);

/*
 * query-qmp-schema (a 'gen': false command): the introspection data,
 * without what the compat policy hides.
 */
void qmp_query_qmp_schema(QDict *args, QObject **ret, Error **errp);

#endif /* MONITOR_QMP_CMDS_H */
