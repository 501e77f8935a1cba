/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp-cmds-qom.c: HMP commands over QOM's QMP commands, printing as QEMU
 * 7.2 does: qom-list, qom-get, qom-set, object_add and object_del, with
 * completion of QOM paths, object types and object ids.
 */
#include "osdep.h"

#include "monitor-internal.h"
#include "monitor/hmp-completion.h"
#include "qapi-commands-qom.h"
#include "qobject/qjson.h"
#include "qom/object-interfaces.h"
#include "util/error.h"
#include "util/keyval.h"
#include "util/qemu-option.h"

static void hmp_qom_list(Monitor *mon, const QDict *qdict)
{
    const char *path = qdict_get_try_str(qdict, "path");
    g_autoptr(ObjectPropertyInfoList) list = NULL;
    ObjectPropertyInfoList *l;
    Error *err = NULL;

    /* QEMU prints just the root's name when no path is given. */
    if (!path) {
        monitor_printf(mon, "/\n");
        return;
    }
    list = qmp_qom_list(path, &err);
    if (hmp_handle_error(mon, err)) {
        return;
    }
    for (l = list; l; l = l->next) {
        monitor_printf(mon, "%s (%s)\n", l->value->name, l->value->type);
    }
}

static void hmp_qom_get(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;
    g_autoptr(QObject) value = qmp_qom_get(qdict_get_str(qdict, "path"),
                                           qdict_get_str(qdict, "property"),
                                           &err);
    g_autoptr(GString) json = NULL;

    if (hmp_handle_error(mon, err)) {
        return;
    }
    json = qobject_to_json_pretty(value, true);
    monitor_printf(mon, "%s\n", json->str);
}

/* Without -j the value is text, parsed as the property's type wants. */
static void hmp_qom_set(Monitor *mon, const QDict *qdict)
{
    const char *path = qdict_get_str(qdict, "path");
    const char *property = qdict_get_str(qdict, "property");
    const char *value = qdict_get_str(qdict, "value");
    g_autoptr(QObject) json = NULL;
    Error *err = NULL;
    Object *obj;

    if (qdict_haskey(qdict, "json")) {
        json = qobject_from_json(value, &err);
        if (json) {
            qmp_qom_set(path, property, json, &err);
        }
    } else {
        obj = object_resolve_path(path, NULL);
        if (obj) {
            object_property_parse(obj, property, value, &err);
        } else {
            error_set(&err, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        }
    }
    hmp_handle_error(mon, err);
}

/*
 * Whether keyval text @str asks for help ("help", "TYPE,help"); if so, the
 * help is printed: TYPE's properties, or the list of types when TYPE is
 * unknown (as QEMU does).
 */
static bool object_add_help(const char *str)
{
    g_autoptr(QDict) args = NULL;
    const char *type;
    bool help = false;

    if ('{' == str[0]) {
        return false;
    }
    args = keyval_parse(str, "qom-type", &help, NULL);
    if (!args) {
        return false;
    }
    type = qdict_get_try_str(args, "qom-type");
    if (!help && !is_help_option(type)) {
        return false;
    }
    if (!help || !user_creatable_print_help(type)) {
        user_creatable_print_help(NULL);
    }
    return true;
}

static void hmp_object_add(Monitor *mon, const QDict *qdict)
{
    const char *options = qdict_get_str(qdict, "object");
    Error *err = NULL;

    if (!object_add_help(options)) {
        user_creatable_add_from_str(options, &err);
        hmp_handle_error(mon, err);
    }
}

static void hmp_object_del(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;

    qmp_object_del(qdict_get_str(qdict, "id"), &err);
    hmp_handle_error(mon, err);
}

const HMPCommand hmp_qom_commands[] = {
    {
        .name = "qom-list",
        .args_type = "path:s?",
        .params = "path",
        .help = "list QOM properties",
        .cmd = hmp_qom_list,
        .complete = hmp_complete_qom_path,
    },
    {
        .name = "qom-get",
        .args_type = "path:s,property:s",
        .params = "path property",
        .help = "print QOM property",
        .cmd = hmp_qom_get,
        .complete = hmp_complete_qom_path,
    },
    {
        .name = "qom-set",
        .args_type = "json:-j,path:s,property:s,value:S",
        .params = "[-j] path property value",
        .help = "set QOM property.\n\t\t\t"
                "-j: the value is specified in json format.",
        .cmd = hmp_qom_set,
        .complete = hmp_complete_qom_path,
    },
    {
        .name = "object_add",
        .args_type = "object:S",
        .params = "[qom-type=]type,id=str[,prop=value][,...]",
        .help = "create QOM object",
        .cmd = hmp_object_add,
        .complete = hmp_complete_object_add,
    },
    {
        .name = "object_del",
        .args_type = "id:s",
        .params = "id",
        .help = "destroy QOM object",
        .cmd = hmp_object_del,
        .complete = hmp_complete_object_del,
    },
    { /* end of list */ }
};
