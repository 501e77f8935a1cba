/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-dispatch.h: the QMP command table and dispatcher. The generated
 * PREFIXqmp_init_marshal(cmds) registers every schema command's marshaller;
 * the monitor hands each request to qmp_dispatch() and sends what it returns.
 */
#ifndef QAPI_QMP_DISPATCH_H
#define QAPI_QMP_DISPATCH_H

#include "qobject/qdict.h"

/*
 * A generated marshaller: unpack @args (borrowed), call qmp_FOO(), and put
 * the return value (new reference) into *@ret. Returns nothing: failure is
 * @errp being set.
 */
typedef void QmpCommandFunc(QDict *args, QObject **ret, Error **errp);

/* The schema flags of a command. */
typedef enum QmpCommandOptions {
    QCO_NO_OPTIONS = 0,
    QCO_NO_SUCCESS_RESP = 1 << 0,   /* 'success-response': false */
    QCO_ALLOW_OOB = 1 << 1,         /* 'allow-oob': true */
    QCO_ALLOW_PRECONFIG = 1 << 2,   /* 'allow-preconfig': true */
    QCO_COROUTINE = 1 << 3,         /* 'coroutine': true (recorded only) */
} QmpCommandOptions;

typedef struct QmpCommand {
    const char *name;
    QmpCommandFunc *fn;
    QmpCommandOptions options;
    unsigned special_features;      /* QapiSpecialFeature mask */
    bool enabled;
    const char *disable_reason;     /* or NULL */
} QmpCommand;

/* A set of commands, looked up by name; iterated in registration order. */
typedef struct QmpCommandList QmpCommandList;

/* A new, empty command list; free with qmp_command_list_free(). */
QmpCommandList *qmp_command_list_new(void);

/* Free @cmds. NULL is allowed. */
void qmp_command_list_free(QmpCommandList *cmds);

/* Add command @name (a string that outlives @cmds) calling @fn. */
void qmp_register_command(QmpCommandList *cmds, const char *name,
                          QmpCommandFunc *fn, QmpCommandOptions options,
                          unsigned special_features);

/* The command called @name, or NULL. */
const QmpCommand *qmp_find_command(const QmpCommandList *cmds,
                                   const char *name);

/*
 * Disable command @name (dispatch then fails with class CommandNotFound,
 * "Command NAME has been disabled", plus ": REASON" when @reason (copied)
 * is not NULL), or enable it again. Unknown names are ignored.
 */
void qmp_disable_command(QmpCommandList *cmds, const char *name,
                         const char *reason);
void qmp_enable_command(QmpCommandList *cmds, const char *name);

/* Call @fn for each command in registration order. */
typedef void QmpCommandCallback(const QmpCommand *cmd, void *opaque);
void qmp_for_each_command(const QmpCommandList *cmds, QmpCommandCallback *fn,
                          void *opaque);

/* Whether a successful @cmd sends a response. */
bool qmp_has_success_response(const QmpCommand *cmd);

/* The response for @err (consumed): {"error": {"class": ..., "desc": ...}}. */
QDict *qmp_error_response(Error *err);

/*
 * Run one request (borrowed): check its shape ("execute" or, when
 * @allow_oob, "exec-oob", optional "arguments" object, optional "id" of any
 * JSON type, nothing else), find the command, refuse it when the compat
 * policy (qapi_compat_policy()) rejects its features, when disabled, when
 * "exec-oob" names a command without allow-oob, or when @preconfig (the
 * machine is not built yet) and the command lacks allow-preconfig; then run
 * it. Returns the response to send (new reference), with "id" echoed, or
 * NULL for a successful command without success response. Errors are
 * always answered. docs/devel/visitors.md lists the messages.
 */
QDict *qmp_dispatch(const QmpCommandList *cmds, QObject *request,
                    bool allow_oob, bool preconfig);

/*
 * Whether @request (borrowed) asks for out-of-band execution, i.e. has an
 * "exec-oob" member and no "execute" (with both, qmp_dispatch() reports
 * the clash). The monitor uses it to route requests.
 */
bool qmp_is_oob(const QDict *request);

#endif /* QAPI_QMP_DISPATCH_H */
