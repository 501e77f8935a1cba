/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-dispatch.c: run one QMP request. Check its shape, find the command,
 * apply the rules that may refuse it, call its marshaller and wrap the
 * outcome in a response. The messages are QEMU's, word for word, because
 * QMP clients match on them.
 */
#include "osdep.h"

#include "qapi/compat-policy.h"
#include "qapi/qmp-dispatch.h"
#include "qobject/qstring.h"
#include "util/error.h"

/* {"class": ..., "desc": ...} for @err (borrowed). */
static QDict *error_object(const Error *err)
{
    QDict *obj = qdict_new();

    qdict_put_str(obj, "class", error_class_name(error_get_class(err)));
    qdict_put_str(obj, "desc", error_get_pretty(err));
    return obj;
}

QDict *qmp_error_response(Error *err)
{
    QDict *rsp = qdict_new();

    qdict_put(rsp, "error", error_object(err));
    error_free(err);
    return rsp;
}

/*
 * Check the members of @request: "execute" (or "exec-oob" when
 * @allow_oob) holding a string, optional "arguments" holding an object,
 * optional "id" of any type, nothing else. Returns the command name
 * (borrowed) and sets *@oob, or NULL with @errp set.
 */
static const char *check_request(QDict *request, bool allow_oob, bool *oob,
                                 Error **errp)
{
    const char *exec_key = NULL;
    const QDictEntry *e;
    const char *key;
    QObject *value;

    for (e = qdict_first(request); e; e = qdict_next(request, e)) {
        key = qdict_entry_key(e);
        value = qdict_entry_value(e);
        if (!strcmp(key, "execute")
            || (allow_oob && !strcmp(key, "exec-oob"))) {
            if (qobject_type(value) != QTYPE_QSTRING) {
                error_setg(errp, "QMP input member '%s' must be a string",
                           key);
                return NULL;
            }
            if (exec_key) {
                /* The order QEMU reports them in, whatever the input's. */
                error_setg(errp, "QMP input member 'execute' clashes with "
                           "'exec-oob'");
                return NULL;
            }
            exec_key = key;
        } else if (!strcmp(key, "arguments")) {
            if (qobject_type(value) != QTYPE_QDICT) {
                error_setg(errp,
                           "QMP input member 'arguments' must be an object");
                return NULL;
            }
        } else if (strcmp(key, "id")) {
            error_setg(errp, "QMP input member '%s' is unexpected", key);
            return NULL;
        }
    }
    if (!exec_key) {
        error_setg(errp, "QMP input lacks member 'execute'");
        return NULL;
    }
    *oob = !strcmp(exec_key, "exec-oob");
    return qdict_get_try_str(request, exec_key);
}

/*
 * The command @request asks for, if it may run now; else NULL with @errp
 * set. The checks come in QEMU's order.
 */
static const QmpCommand *find_runnable(const QmpCommandList *cmds,
                                       QObject *request, bool allow_oob,
                                       bool preconfig, Error **errp)
{
    QDict *dict = qobject_to(QDict, request);
    const QmpCommand *cmd;
    const char *name;
    bool oob = false;

    if (!dict) {
        error_setg(errp, "QMP input must be a JSON object");
        return NULL;
    }
    name = check_request(dict, allow_oob, &oob, errp);
    if (!name) {
        return NULL;
    }
    cmd = qmp_find_command(cmds, name);
    if (!cmd) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "The command %s has not been found", name);
        return NULL;
    }
    if (!compat_policy_input_ok(cmd->special_features, qapi_compat_policy(),
                                ERROR_CLASS_COMMAND_NOT_FOUND, "command",
                                name, errp)) {
        return NULL;
    }
    if (!cmd->enabled) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "Command %s has been disabled%s%s", name,
                  cmd->disable_reason ? ": " : "",
                  cmd->disable_reason ? cmd->disable_reason : "");
        return NULL;
    }
    if (oob && !(cmd->options & QCO_ALLOW_OOB)) {
        error_setg(errp, "The command %s does not support OOB", name);
        return NULL;
    }
    if (preconfig && !(cmd->options & QCO_ALLOW_PRECONFIG)) {
        error_setg(errp, "The command '%s' is permitted only after machine "
                   "initialization has completed", name);
        return NULL;
    }
    return cmd;
}

/* Call @cmd's marshaller with the "arguments" of @request ({} if none). */
static QObject *run_command(const QmpCommand *cmd, QDict *request,
                            Error **errp)
{
    QDict *args = qdict_get_qdict(request, "arguments");
    QObject *ret = NULL;

    args = args ? qobject_ref(args) : qdict_new();
    cmd->fn(args, &ret, errp);
    qobject_unref(args);
    return ret;
}

QDict *qmp_dispatch(const QmpCommandList *cmds, QObject *request,
                    bool allow_oob, bool preconfig)
{
    QDict *dict = qobject_to(QDict, request);
    QObject *id = dict ? qdict_get(dict, "id") : NULL;
    Error *err = NULL;
    const QmpCommand *cmd;
    QObject *ret = NULL;
    QDict *rsp;

    cmd = find_runnable(cmds, request, allow_oob, preconfig, &err);
    if (cmd) {
        ret = run_command(cmd, dict, &err);
    }
    if (err) {
        /* A marshaller that failed must not have returned anything. */
        qobject_unref(ret);
        rsp = qdict_new();
        /* QEMU's member order: "id" before "error", after "return". */
        if (id) {
            qdict_put_obj(rsp, "id", qobject_ref(id));
        }
        qdict_put(rsp, "error", error_object(err));
        error_free(err);
        return rsp;
    }
    if (!qmp_has_success_response(cmd)) {
        qobject_unref(ret);
        return NULL;
    }
    rsp = qdict_new();
    qdict_put_obj(rsp, "return", ret ? ret : QOBJECT(qdict_new()));
    if (id) {
        qdict_put_obj(rsp, "id", qobject_ref(id));
    }
    return rsp;
}

bool qmp_is_oob(const QDict *request)
{
    return qdict_haskey(request, "exec-oob")
        && !qdict_haskey(request, "execute");
}
