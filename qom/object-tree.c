/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-tree.c: child<T>, link<T> and alias properties, and the
 * composition tree they form.
 */
#include "osdep.h"

#include "qom/object.h"
#include "qom-internal.h"
#include "util/error.h"

bool object_property_is_child(const ObjectProperty *prop)
{
    return g_str_has_prefix(prop->type, "child<");
}

bool object_property_is_link(const ObjectProperty *prop)
{
    return g_str_has_prefix(prop->type, "link<");
}

/* Children */

static bool child_property_get(Object *obj, Visitor *v, const char *name,
                               void *opaque, Error **errp)
{
    g_autofree char *path = object_get_canonical_path(opaque);

    return visit_type_str(v, name, &path, errp);
}

static Object *child_property_resolve(Object *obj, void *opaque,
                                      const char *part)
{
    return opaque;
}

static void child_property_release(Object *obj, const char *name,
                                   void *opaque)
{
    Object *child = opaque;
    ObjectClass *klass = object_get_class(child);

    if (klass->unparent) {
        klass->unparent(child);
    }
    child->parent = NULL;
    object_unref(child);
}

ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp)
{
    g_autofree char *type = NULL;
    ObjectProperty *prop;

    g_assert(!child->parent);
    type = g_strdup_printf("child<%s>", object_get_typename(child));
    prop = object_property_try_add(obj, name, type, child_property_get, NULL,
                                   child_property_release, child, errp);
    if (!prop) {
        return NULL;
    }
    prop->resolve = child_property_resolve;
    object_ref(child);
    child->parent = obj;
    return prop;
}

ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child)
{
    return object_property_try_add_child(obj, name, child, &error_abort);
}

void object_unparent(Object *obj)
{
    const char *name = object_get_canonical_path_component(obj);

    if (name) {
        object_property_del(obj->parent, name);
    }
}

/* Links */

/*
 * The opaque of a link property: where the target pointer is (the
 * address, for instance properties; the offset in the instance, for class
 * properties), and how changes are checked and counted.
 */
typedef struct LinkProperty {
    Object **targetp;
    ptrdiff_t offset;
    char *target_type;              /* T of link<T> */
    ObjectPropertyLinkCheck *check;
    ObjectPropertyLinkFlags flags;
} LinkProperty;

static Object **link_property_target(Object *obj, const LinkProperty *link)
{
    return link->targetp ? link->targetp
                         : (Object **)((char *)obj + link->offset);
}

bool object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp)
{
    return true;
}

static bool link_property_get(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    Object *target = *link_property_target(obj, opaque);
    g_autofree char *path = target ? object_get_canonical_path(target) : NULL;

    if (!path) {
        path = g_strdup("");
    }
    return visit_type_str(v, name, &path, errp);
}

/*
 * The object at @path for the link property @name of type "link<@type>":
 * an instance of @type, found unambiguously. Borrowed, or NULL with @errp
 * set.
 */
static Object *link_property_lookup(const char *name, const char *type,
                                    const char *path, Error **errp)
{
    bool ambiguous = false;
    Object *target;

    target = object_resolve_path_type(path, type, &ambiguous);
    if (target) {
        return target;
    }
    if (ambiguous) {
        error_setg(errp, "Path '%s' does not uniquely identify an object",
                   path);
    } else if (object_resolve_path(path, &ambiguous) || ambiguous) {
        error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                   name, type);
    } else {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", path);
    }
    return NULL;
}

static bool link_property_set(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    LinkProperty *link = opaque;
    Object **targetp = link_property_target(obj, link);
    g_autofree char *path = NULL;
    Object *old = *targetp;
    Object *target = NULL;

    if (!visit_type_str(v, name, &path, errp)) {
        return false;
    }
    if (path[0]) {
        target = link_property_lookup(name, link->target_type, path, errp);
        if (!target) {
            return false;
        }
    }
    if (!link->check(obj, name, target, errp)) {
        return false;
    }
    *targetp = target;
    if (link->flags & OBJ_PROP_LINK_STRONG) {
        object_ref(target);
        object_unref(old);
    }
    return true;
}

static Object *link_property_resolve(Object *obj, void *opaque,
                                     const char *part)
{
    return *link_property_target(obj, opaque);
}

/* Drop what the link holds in @obj; an instance property also frees @opaque. */
static void link_property_release(Object *obj, const char *name,
                                  void *opaque)
{
    LinkProperty *link = opaque;
    Object **targetp = link_property_target(obj, link);

    if ((link->flags & OBJ_PROP_LINK_STRONG) && *targetp) {
        object_unref(*targetp);
        *targetp = NULL;
    }
    if (link->targetp) {
        g_free(link->target_type);
        g_free(link);
    }
}

static LinkProperty *link_property_new(Object **targetp, ptrdiff_t offset,
                                       const char *type,
                                       ObjectPropertyLinkCheck *check,
                                       ObjectPropertyLinkFlags flags)
{
    LinkProperty *link = g_new0(LinkProperty, 1);

    g_assert(check);
    link->targetp = targetp;
    link->offset = offset;
    link->target_type = g_strdup(type);
    link->check = check;
    link->flags = flags;
    return link;
}

ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         ObjectPropertyLinkCheck *check,
                                         ObjectPropertyLinkFlags flags)
{
    g_autofree char *link_type = g_strdup_printf("link<%s>", type);
    ObjectProperty *prop;

    g_assert(targetp);
    prop = object_property_add(obj, name, link_type, link_property_get,
                               link_property_set, link_property_release,
                               link_property_new(targetp, 0, type, check,
                                                 flags));
    prop->resolve = link_property_resolve;
    return prop;
}

ObjectProperty *object_class_property_add_link(ObjectClass *klass,
                                               const char *name,
                                               const char *type,
                                               ptrdiff_t offset,
                                               ObjectPropertyLinkCheck *check,
                                               ObjectPropertyLinkFlags flags)
{
    g_autofree char *link_type = g_strdup_printf("link<%s>", type);
    ObjectProperty *prop;

    prop = object_class_property_add(klass, name, link_type,
                                     link_property_get, link_property_set,
                                     link_property_release,
                                     link_property_new(NULL, offset, type,
                                                       check, flags));
    prop->resolve = link_property_resolve;
    return prop;
}

/* Aliases */

typedef struct AliasProperty {
    Object *target_obj;
    char *target_name;
} AliasProperty;

/*
 * The accessors call the target's own, with the alias's name: the value
 * is visited under the name the caller used (a member of -object's keys).
 */
static bool alias_property_access(Object *obj, Visitor *v, const char *name,
                                  AliasProperty *alias, bool write,
                                  Error **errp)
{
    void *opaque;
    ObjectPropertyAccessor *access;

    access = object_property_find_accessor(alias->target_obj,
                                           alias->target_name, write,
                                           &opaque, errp);
    return access && access(alias->target_obj, v, name, opaque, errp);
}

static bool alias_property_get(Object *obj, Visitor *v, const char *name,
                               void *opaque, Error **errp)
{
    return alias_property_access(obj, v, name, opaque, false, errp);
}

static bool alias_property_set(Object *obj, Visitor *v, const char *name,
                               void *opaque, Error **errp)
{
    return alias_property_access(obj, v, name, opaque, true, errp);
}

static Object *alias_property_resolve(Object *obj, void *opaque,
                                      const char *part)
{
    AliasProperty *alias = opaque;

    return object_resolve_path_component(alias->target_obj,
                                         alias->target_name);
}

static void alias_property_release(Object *obj, const char *name,
                                   void *opaque)
{
    AliasProperty *alias = opaque;

    g_free(alias->target_name);
    g_free(alias);
}

ObjectProperty *object_property_add_alias(Object *obj, const char *name,
                                          Object *target_obj,
                                          const char *target_name)
{
    ObjectProperty *target = object_property_find_err(target_obj, target_name,
                                                      &error_abort);
    AliasProperty *alias = g_new0(AliasProperty, 1);
    g_autofree char *type = NULL;
    ObjectProperty *prop;

    if (object_property_is_child(target)) {
        type = g_strdup_printf("link%s", target->type + strlen("child"));
    } else {
        type = g_strdup(target->type);
    }
    alias->target_obj = target_obj;
    alias->target_name = g_strdup(target_name);
    prop = object_property_add(obj, name, type,
                               target->get ? alias_property_get : NULL,
                               target->set ? alias_property_set : NULL,
                               alias_property_release, alias);
    prop->resolve = alias_property_resolve;
    prop->description = g_strdup(target->description);
    prop->defval = qobject_ref(target->defval);
    return prop;
}
