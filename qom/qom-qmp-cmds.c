/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qom-qmp-cmds.c: the QMP commands of qapi/qom.json: qom-list, qom-get,
 * qom-set, qom-list-types, qom-list-properties, object-add, object-del.
 */
#include "osdep.h"

#include "qapi-commands-qom.h"
#include "qom/object-interfaces.h"
#include "util/error.h"

/* The object at @path, for qom-get and qom-set: any failure is "not found". */
static Object *qom_object(const char *path, Error **errp)
{
    Object *obj = object_resolve_path(path, NULL);

    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                  path);
    }
    return obj;
}

ObjectPropertyInfoList *qmp_qom_list(const char *path, Error **errp)
{
    ObjectPropertyInfoList *props = NULL, **tail = &props;
    ObjectPropertyIterator iter;
    ObjectPropertyInfo *info;
    ObjectProperty *prop;
    bool ambiguous;
    Object *obj = object_resolve_path(path, &ambiguous);

    if (!obj) {
        if (ambiguous) {
            error_setg(errp, "Path '%s' is ambiguous", path);
        } else {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        }
        return NULL;
    }
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        info = g_new0(ObjectPropertyInfo, 1);
        info->name = g_strdup(prop->name);
        info->type = g_strdup(prop->type);
        QAPI_LIST_APPEND(tail, info);
    }
    return props;
}

QObject *qmp_qom_get(const char *path, const char *property, Error **errp)
{
    Object *obj = qom_object(path, errp);

    return obj ? object_property_get_qobject(obj, property, errp) : NULL;
}

void qmp_qom_set(const char *path, const char *property, QObject *value,
                 Error **errp)
{
    Object *obj = qom_object(path, errp);

    if (obj) {
        object_property_set_qobject(obj, property, value, errp);
    }
}

static void qom_list_types_add(ObjectClass *klass, void *opaque)
{
    ObjectTypeInfoList ***tail = opaque;
    ObjectTypeInfo *info = g_new0(ObjectTypeInfo, 1);
    ObjectClass *parent = object_class_get_parent(klass);

    info->name = g_strdup(object_class_get_name(klass));
    info->has_abstract = info->abstract = object_class_is_abstract(klass);
    if (parent) {
        info->parent = g_strdup(object_class_get_name(parent));
    }
    QAPI_LIST_APPEND(*tail, info);
}

ObjectTypeInfoList *qmp_qom_list_types(const char *implements,
                                       bool has_abstract, bool abstract,
                                       Error **errp)
{
    ObjectTypeInfoList *types = NULL, **tail = &types;

    object_class_foreach(qom_list_types_add, implements,
                         has_abstract && abstract, &tail);
    return types;
}

ObjectPropertyInfoList *qmp_qom_list_properties(const char *q_typename,
                                                Error **errp)
{
    ObjectClass *klass = object_class_by_name(q_typename);
    ObjectPropertyInfoList *props = NULL, **tail = &props;
    g_autoptr(Object) obj = NULL;
    ObjectPropertyIterator iter;
    ObjectPropertyInfo *info;
    ObjectProperty *prop;

    if (!klass) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Class '%s' not found",
                  q_typename);
        return NULL;
    }
    if (!object_class_dynamic_cast(klass, TYPE_OBJECT)) {
        error_setg(errp, "Parameter 'typename' expects a QOM type");
        return NULL;
    }
    /* No instance of an abstract type: its class properties must do. */
    if (object_class_is_abstract(klass)) {
        object_class_property_iter_init(&iter, klass);
    } else {
        obj = object_new_with_class(klass);
        object_property_iter_init(&iter, obj);
    }
    while ((prop = object_property_iter_next(&iter))) {
        info = g_new0(ObjectPropertyInfo, 1);
        info->name = g_strdup(prop->name);
        info->type = g_strdup(prop->type);
        info->description = g_strdup(prop->description);
        QAPI_LIST_APPEND(tail, info);
    }
    return props;
}

void qmp_object_add(ObjectOptions *options, Error **errp)
{
    user_creatable_add_qapi(options, errp);
}

void qmp_object_del(const char *id, Error **errp)
{
    user_creatable_del(id, errp);
}
