/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-cmds-control.c: the commands about QMP itself (qmp_capabilities,
 * query-version, query-commands, query-events, query-qmp-schema), and the
 * process-wide command table they describe.
 */
#include "osdep.h"

#include "monitor-internal.h"
#include "monitor/qdev.h"
#include "monitor/qmp-cmds.h"
#include "qapi-commands-control.h"
#include "qapi-emit-events.h"
#include "qapi-init-commands.h"
#include "qapi-introspect.h"
#include "qapi/compat-policy.h"
#include "qobject/qlist.h"
#include "qobject/qlit.h"
#include "qobject/qstring.h"

/*
 * The QEMU release whose QMP interface kvmini follows. Clients choose what
 * to send by this version, so it names a QEMU they know; "package" says
 * what the server really is (docs/devel/qapi.md).
 */
#define QMP_QEMU_MAJOR 7
#define QMP_QEMU_MINOR 2
#define QMP_QEMU_MICRO 0

static gpointer qmp_commands_init(gpointer unused)
{
    QmpCommandList *cmds = qmp_command_list_new();

    qmp_init_marshal(cmds);
    /* 'gen': false in the schema: the marshaller is qmp_query_qmp_schema. */
    qmp_register_command(cmds, "query-qmp-schema", qmp_query_qmp_schema,
                         QCO_ALLOW_PRECONFIG, 0);
    /* 'gen': false: the arguments are the device's properties. */
    qmp_register_command(cmds, "device_add", qmp_device_add, QCO_NO_OPTIONS,
                         0);
    return cmds;
}

QmpCommandList *monitor_qmp_commands(void)
{
    static GOnce once = G_ONCE_INIT;

    return g_once(&once, qmp_commands_init, NULL);
}

void qmp_qmp_capabilities(QMPCapabilityList *enable, Error **errp)
{
    Monitor *mon = monitor_cur();

    /*
     * Every capability the greeting lists is offered on every connection,
     * so any valid list is accepted. Once negotiation is over (or outside
     * a monitor) the command is refused, with QEMU's class and words.
     */
    if (mon && monitor_qmp_negotiating(mon)) {
        monitor_qmp_enable(mon, enable);
        return;
    }
    error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
              "Capabilities negotiation is already complete, command ignored");
}

VersionInfo *qmp_query_version(Error **errp)
{
    VersionInfo *info = g_new0(VersionInfo, 1);

    info->qemu = g_new0(VersionTriple, 1);
    info->qemu->major = QMP_QEMU_MAJOR;
    info->qemu->minor = QMP_QEMU_MINOR;
    info->qemu->micro = QMP_QEMU_MICRO;
    info->package = g_strdup("kvmini " KVMINI_VERSION);
    return info;
}

/* The special features the output policy hides (QapiSpecialFeature mask). */
static unsigned hidden_features(void)
{
    const CompatPolicy *policy = qapi_compat_policy();
    unsigned mask = 0;

    if (COMPAT_POLICY_OUTPUT_HIDE == policy->deprecated_output) {
        mask |= 1u << QAPI_DEPRECATED;
    }
    if (COMPAT_POLICY_OUTPUT_HIDE == policy->unstable_output) {
        mask |= 1u << QAPI_UNSTABLE;
    }
    return mask;
}

typedef struct CommandsCollector {
    CommandInfoList **tail;
    unsigned hidden;
} CommandsCollector;

static void collect_command(const QmpCommand *cmd, void *opaque)
{
    CommandsCollector *c = opaque;
    CommandInfo *info;

    if (!cmd->enabled || (cmd->special_features & c->hidden)) {
        return;
    }
    info = g_new0(CommandInfo, 1);
    info->name = g_strdup(cmd->name);
    QAPI_LIST_APPEND(c->tail, info);
}

CommandInfoList *qmp_query_commands(Error **errp)
{
    CommandInfoList *list = NULL;
    CommandsCollector c = { .tail = &list, .hidden = hidden_features() };

    qmp_for_each_command(monitor_qmp_commands(), collect_command, &c);
    return list;
}

EventInfoList *qmp_query_events(Error **errp)
{
    EventInfoList *list = NULL;
    EventInfoList **tail = &list;
    unsigned hidden = hidden_features();
    EventInfo *info;
    int i;

    for (i = 0; i < QAPI_EVENT__MAX; i++) {
        if (QAPIEvent_lookup.special_features &&
            (QAPIEvent_lookup.special_features[i] & hidden)) {
            continue;
        }
        info = g_new0(EventInfo, 1);
        info->name = g_strdup(QAPIEvent_str(i));
        QAPI_LIST_APPEND(tail, info);
    }
    return list;
}

/* Whether the "features" of the SchemaInfo (or member) @entry include a hidden one. */
static bool schema_entry_hidden(const QDict *entry, unsigned hidden)
{
    QList *features = qdict_get_qlist(entry, "features");
    const QListEntry *e;
    const char *name;

    for (e = features ? qlist_first(features) : NULL; e; e = qlist_next(e)) {
        name = qstring_get_str(qobject_to(QString, qlist_entry_obj(e)));
        if (((hidden & (1u << QAPI_DEPRECATED)) && !strcmp(name, "deprecated")) ||
            ((hidden & (1u << QAPI_UNSTABLE)) && !strcmp(name, "unstable"))) {
            return true;
        }
    }
    return false;
}

/*
 * Drop every entity, member and enum value of @obj whose features the
 * policy hides: they are all dicts with "features", inside lists.
 */
static void schema_filter(QObject *obj, unsigned hidden)
{
    QList *list = qobject_to(QList, obj);
    QDict *dict = qobject_to(QDict, obj);
    const QDictEntry *de;
    QObject *elem;
    size_t n;

    if (dict) {
        for (de = qdict_first(dict); de; de = qdict_next(dict, de)) {
            schema_filter(qdict_entry_value(de), hidden);
        }
    } else if (list) {
        /* Rotate through the list once, keeping what stays visible. */
        for (n = qlist_size(list); n; n--) {
            elem = qlist_pop(list);
            dict = qobject_to(QDict, elem);
            if (dict && schema_entry_hidden(dict, hidden)) {
                qobject_unref(elem);
                continue;
            }
            schema_filter(elem, hidden);
            qlist_append_obj(list, elem);
        }
    }
}

void qmp_query_qmp_schema(QDict *args, QObject **ret, Error **errp)
{
    const QDictEntry *extra = args ? qdict_first(args) : NULL;
    QObject *schema;
    unsigned hidden;

    /* No generated marshaller checks the arguments: there are none. */
    if (extra) {
        error_setg(errp, "Parameter '%s' is unexpected", qdict_entry_key(extra));
        return;
    }
    schema = qobject_from_qlit(&qmp_schema_qlit);
    hidden = hidden_features();
    if (hidden) {
        schema_filter(schema, hidden);
    }
    *ret = schema;
}
