/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-client.h: the core call of libqmp, the C QMP client library, on which
 * the typed wrappers the QAPI generator emits (qmp_client_query_status()
 * etc.) are built.
 */
#ifndef CLIENT_QMP_CLIENT_H
#define CLIENT_QMP_CLIENT_H

#include "qobject/qdict.h"

typedef struct QmpClient QmpClient;

/*
 * Execute @command with @args (ownership taken; NULL for no arguments) and
 * wait for its response. On success store the "return" value (new
 * reference) into *@ret and return true; on an error response return false
 * with @errp set to its class and desc.
 */
bool qmp_client_execute(QmpClient *client, const char *command, QDict *args,
                        QObject **ret, Error **errp);

#endif /* CLIENT_QMP_CLIENT_H */
