/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-interfaces.c: the user-creatable interface: creating objects at
 * /objects/ID from properties, deleting them unless in use, and the help
 * texts of -object.
 */
#include "osdep.h"

#include "qapi-visit-qom.h"
#include "qapi/qobject-input-visitor.h"
#include "qapi/qobject-output-visitor.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qom/object-interfaces.h"
#include "qom-internal.h"
#include "util/error-report.h"
#include "util/error.h"
#include "util/keyval.h"
#include "util/qemu-option.h"

bool user_creatable_complete(UserCreatable *uc, Error **errp)
{
    UserCreatableClass *ucc = USER_CREATABLE_GET_CLASS(uc);

    return !ucc->complete || ucc->complete(uc, errp);
}

bool user_creatable_can_be_deleted(UserCreatable *uc)
{
    UserCreatableClass *ucc = USER_CREATABLE_GET_CLASS(uc);

    return !ucc->can_be_deleted || ucc->can_be_deleted(uc);
}

bool object_set_properties_from_qdict(Object *obj, const QDict *qdict,
                                      Visitor *v, Error **errp)
{
    const QDictEntry *e;
    bool ok = false;

    if (!visit_start_struct(v, NULL, NULL, 0, errp)) {
        return false;
    }
    for (e = qdict_first(qdict); e; e = qdict_next(qdict, e)) {
        if (!object_property_set(obj, qdict_entry_key(e), v, errp)) {
            goto out;
        }
    }
    ok = visit_check_struct(v, errp);
out:
    visit_end_struct(v, NULL);
    return ok;
}

/* The class of @type if objects of it can be created by users. */
static ObjectClass *user_creatable_class(const char *type, Error **errp)
{
    ObjectClass *klass = object_class_by_name(type);

    if (!klass) {
        error_setg(errp, "invalid object type: %s", type);
        return NULL;
    }
    if (!object_class_dynamic_cast(klass, TYPE_USER_CREATABLE)) {
        error_setg(errp, "object type '%s' isn't supported by object-add",
                   type);
        return NULL;
    }
    if (object_class_is_abstract(klass)) {
        error_setg(errp, "object type '%s' is abstract", type);
        return NULL;
    }
    return klass;
}

Object *user_creatable_add_type(const char *type, const char *id,
                                const QDict *qdict, Visitor *v, Error **errp)
{
    Object *root = object_get_objects_root();
    ObjectClass *klass = user_creatable_class(type, errp);
    Object *obj;

    if (!klass) {
        return NULL;
    }
    if (id && !qemu_opts_id_wellformed(id)) {
        qemu_opts_id_error(errp);
        return NULL;
    }
    obj = object_new_with_class(klass);
    if (!object_set_properties_from_qdict(obj, qdict, v, errp)) {
        goto fail;
    }
    if (id && !object_property_try_add_child(root, id, obj, errp)) {
        goto fail;
    }
    if (!user_creatable_complete(USER_CREATABLE(obj), errp)) {
        if (id) {
            object_property_del(root, id);
        }
        goto fail;
    }
    return obj;

fail:
    object_unref(obj);
    return NULL;
}

bool user_creatable_add_qapi(ObjectOptions *options, Error **errp)
{
    g_autoptr(QObject) args = NULL;
    g_autoptr(Visitor) v = NULL;
    QDict *props;
    Object *obj;

    /* The options as JSON, for the properties' own visits. */
    v = qobject_output_visitor_new(&args);
    visit_type_ObjectOptions(v, NULL, &options, &error_abort);
    visit_complete(v, &args);
    g_clear_pointer(&v, visit_free);
    props = qobject_to(QDict, args);
    qdict_del(props, "qom-type");
    qdict_del(props, "id");

    v = qobject_input_visitor_new(args);
    obj = user_creatable_add_type(ObjectType_str(options->qom_type),
                                  options->id, props, v, errp);
    object_unref(obj);
    return obj;
}

QDict *user_creatable_parse_args(const char *str, bool *keyval, bool *help,
                                 Error **errp)
{
    g_autoptr(QObject) json = NULL;

    *keyval = '{' != str[0];
    if (*keyval) {
        return keyval_parse(str, "qom-type", help, errp);
    }
    if (help) {
        *help = false;
    }
    /* Text that starts with '{' is a JSON object or does not parse. */
    json = qobject_from_json(str, errp);
    return qobject_ref(qobject_to(QDict, json));
}

ObjectOptions *user_creatable_parse_options(const QDict *args, bool keyval,
                                            Error **errp)
{
    g_autoptr(Visitor) v = NULL;
    ObjectOptions *options = NULL;

    v = keyval ? qobject_input_visitor_new_keyval(QOBJECT(args))
               : qobject_input_visitor_new(QOBJECT(args));
    visit_type_ObjectOptions(v, NULL, &options, errp);
    return options;
}

bool user_creatable_add_from_str(const char *str, Error **errp)
{
    g_autoptr(QDict) args = NULL;
    g_autoptr(ObjectOptions) options = NULL;
    bool keyval;

    args = user_creatable_parse_args(str, &keyval, NULL, errp);
    if (!args) {
        return false;
    }
    options = user_creatable_parse_options(args, keyval, errp);
    return options && user_creatable_add_qapi(options, errp);
}

typedef struct LinkUser {
    Object *target;
    Object *user;
    const char *prop;
} LinkUser;

/* Whether @obj is @ancestor or below it. */
static bool object_is_below(Object *obj, Object *ancestor)
{
    for (; obj; obj = obj->parent) {
        if (obj == ancestor) {
            return true;
        }
    }
    return false;
}

/* object_child_foreach_recursive(): find a link of @child to the target. */
static int find_link_user(Object *child, void *opaque)
{
    LinkUser *lu = opaque;
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    if (object_is_below(child, lu->target)) {
        return 0;   /* the target's own parts do not count */
    }
    object_property_iter_init(&iter, child);
    while ((prop = object_property_iter_next(&iter))) {
        if (object_property_is_link(prop) &&
            prop->resolve(child, prop->opaque, prop->name) == lu->target) {
            lu->user = child;
            lu->prop = prop->name;
            return 1;
        }
    }
    return 0;
}

bool user_creatable_del(const char *id, Error **errp)
{
    Object *obj = object_resolve_path_component(object_get_objects_root(),
                                                id);
    LinkUser lu = { .target = obj };
    g_autofree char *path = NULL;

    if (!obj || !object_dynamic_cast(obj, TYPE_USER_CREATABLE)) {
        error_setg(errp, "object '%s' not found", id);
        return false;
    }
    if (object_child_foreach_recursive(object_get_root(), find_link_user,
                                       &lu)) {
        path = object_get_canonical_path(lu.user);
        error_setg(errp, "object '%s' is in use, can not be deleted: "
                   "property '%s' of '%s' links to it", id, lu.prop, path);
        return false;
    }
    if (!user_creatable_can_be_deleted(USER_CREATABLE(obj))) {
        error_setg(errp, "object '%s' is in use, can not be deleted", id);
        return false;
    }
    object_unparent(obj);
    return true;
}

static void print_types(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_USER_CREATABLE, false);
    GSList *l;

    help_printf("List of user creatable objects:\n");
    for (l = list; l; l = l->next) {
        help_printf("  %s\n", object_class_get_name(l->data));
    }
    g_slist_free(list);
}

static void print_properties(ObjectClass *klass)
{
    g_autofree char *text = object_class_property_help_text(klass);

    help_printf("%s", text);
}

bool user_creatable_print_help(const char *type)
{
    ObjectClass *klass;

    if (!type || is_help_option(type)) {
        print_types();
        return true;
    }
    klass = object_class_by_name(type);
    if (!klass) {
        return false;
    }
    print_properties(klass);
    return true;
}

static const TypeInfo user_creatable_info = {
    .name = TYPE_USER_CREATABLE,
    .parent = TYPE_INTERFACE,
    .class_size = sizeof(UserCreatableClass),
};

static void user_creatable_register_types(void)
{
    type_register_static(&user_creatable_info);
}

type_init(user_creatable_register_types)
