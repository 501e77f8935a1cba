/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-path.c: paths in the composition tree: canonical paths, absolute
 * and partial path resolution, and walks over children.
 */
#include "osdep.h"

#include "qom/object.h"

const char *object_get_canonical_path_component(const Object *obj)
{
    ObjectProperty *prop;
    GList *l;

    if (!obj->parent) {
        return NULL;
    }
    for (l = obj->parent->properties.order.head; l; l = l->next) {
        prop = l->data;
        if (prop->opaque == obj && object_property_is_child(prop)) {
            return prop->name;
        }
    }
    g_assert_not_reached();
}

char *object_get_canonical_path(const Object *obj)
{
    Object *root = object_get_root();
    GString *path = g_string_new(NULL);
    const char *component;

    for (; obj != root; obj = obj->parent) {
        component = object_get_canonical_path_component(obj);
        if (!component) {
            /* Not attached below the root: no path at all. */
            g_string_free(path, true);
            return NULL;
        }
        g_string_prepend(path, component);
        g_string_prepend_c(path, '/');
    }
    if (!path->len) {
        g_string_append_c(path, '/');
    }
    return g_string_free(path, false);
}

Object *object_resolve_path_component(Object *parent, const char *part)
{
    ObjectProperty *prop = object_property_find(parent, part);

    if (!prop || !prop->resolve) {
        return NULL;
    }
    return prop->resolve(parent, prop->opaque, part);
}

/*
 * Follow @parts (NULL-terminated, empty ones skipped) from @obj through
 * children and links. The object reached if it is a @typename (any type
 * when NULL), else NULL.
 */
static Object *resolve_abs_path(Object *obj, char **parts,
                                const char *typename)
{
    for (; obj && *parts; parts++) {
        if (**parts) {
            obj = object_resolve_path_component(obj, *parts);
        }
    }
    return obj && typename ? object_dynamic_cast(obj, typename) : obj;
}

/*
 * Look for @parts from @obj and from every object below it. *@found is
 * the match so far; a second, different one sets *@ambiguous and ends
 * the search.
 */
static void resolve_partial_path(Object *obj, char **parts,
                                 const char *typename, Object **found,
                                 bool *ambiguous)
{
    Object *match = resolve_abs_path(obj, parts, typename);
    ObjectProperty *prop;
    GList *l;

    if (match) {
        if (*found && *found != match) {
            *ambiguous = true;
            return;
        }
        *found = match;
    }
    for (l = obj->properties.order.head; l && !*ambiguous; l = l->next) {
        prop = l->data;
        if (object_property_is_child(prop)) {
            resolve_partial_path(prop->opaque, parts, typename, found,
                                 ambiguous);
        }
    }
}

Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);
    Object *found = NULL;
    bool ambig = false;

    if (parts[0] && !parts[0][0]) {
        found = resolve_abs_path(object_get_root(), parts + 1, typename);
    } else {
        resolve_partial_path(object_get_root(), parts, typename, &found,
                             &ambig);
        if (ambig) {
            found = NULL;
        }
    }
    if (ambiguous) {
        *ambiguous = ambig;
    }
    return found;
}

Object *object_resolve_path(const char *path, bool *ambiguous)
{
    return object_resolve_path_type(path, NULL, ambiguous);
}

static int do_object_child_foreach(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque, bool recurse)
{
    ObjectProperty *prop;
    GList *l, *next;
    Object *child;
    int ret = 0;

    for (l = obj->properties.order.head; l && !ret; l = next) {
        prop = l->data;
        /* @fn may unparent @child, which deletes this node. */
        next = l->next;
        if (!object_property_is_child(prop)) {
            continue;
        }
        child = object_ref(prop->opaque);
        ret = fn(child, opaque);
        if (!ret && recurse) {
            ret = do_object_child_foreach(child, fn, opaque, true);
        }
        object_unref(child);
    }
    return ret;
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    return do_object_child_foreach(obj, fn, opaque, false);
}

int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque)
{
    return do_object_child_foreach(obj, fn, opaque, true);
}
