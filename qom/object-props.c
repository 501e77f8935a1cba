/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-props.c: property tables of objects and classes: adding, finding,
 * deleting and iterating properties, descriptions and defaults, and reading
 * and writing them through visitors.
 */
#include "osdep.h"

#include "qapi/qobject-input-visitor.h"
#include "qobject/qbool.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "qom/object.h"
#include "qom-internal.h"
#include "util/error-report.h"
#include "util/error.h"

static void object_property_free(gpointer data)
{
    ObjectProperty *prop = data;

    g_free(prop->name);
    g_free(prop->type);
    g_free(prop->description);
    qobject_unref(prop->defval);
    g_free(prop);
}

void object_property_table_init(ObjectPropertyTable *table)
{
    table->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                           object_property_free);
    g_queue_init(&table->order);
}

void object_property_table_destroy(ObjectPropertyTable *table)
{
    g_assert(g_queue_is_empty(&table->order));
    g_hash_table_unref(table->by_name);
}

static ObjectProperty *property_table_add(ObjectPropertyTable *table,
                                          const char *name, const char *type,
                                          ObjectPropertyAccessor *get,
                                          ObjectPropertyAccessor *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque)
{
    ObjectProperty *prop = g_new0(ObjectProperty, 1);

    prop->name = g_strdup(name);
    prop->type = g_strdup(type);
    prop->get = get;
    prop->set = set;
    prop->release = release;
    prop->opaque = opaque;
    prop->node = g_list_alloc();
    prop->node->data = prop;
    g_queue_push_tail_link(&table->order, prop->node);
    g_hash_table_insert(table->by_name, prop->name, prop);
    return prop;
}

/*
 * Release @prop of @obj, then remove it from @table and free it. The
 * release hook runs while the property still exists (an unparent method
 * may want the object's path), and only once.
 */
static void property_table_del(ObjectPropertyTable *table, Object *obj,
                               ObjectProperty *prop)
{
    ObjectPropertyRelease *release = prop->release;

    prop->release = NULL;
    if (release) {
        release(obj, prop->name, prop->opaque);
    }
    g_queue_delete_link(&table->order, prop->node);
    g_hash_table_remove(table->by_name, prop->name);
}

/* Property names end up in paths: they cannot be empty or contain '/'. */
static bool property_name_valid(const char *name)
{
    return name[0] && !strchr(name, '/');
}

/* Try "base[0]", "base[1]", ... for a name "base[*]". */
static ObjectProperty *property_add_indexed(Object *obj, const char *name,
                                            const char *type,
                                            ObjectPropertyAccessor *get,
                                            ObjectPropertyAccessor *set,
                                            ObjectPropertyRelease *release,
                                            void *opaque)
{
    g_autofree char *base = g_strndup(name, strlen(name) - strlen("[*]"));
    unsigned int i;

    for (i = 0;; i++) {
        g_autofree char *indexed = g_strdup_printf("%s[%u]", base, i);

        if (!object_property_find(obj, indexed)) {
            return property_table_add(&obj->properties, indexed, type, get,
                                      set, release, opaque);
        }
    }
}

ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyAccessor *get,
                                        ObjectPropertyAccessor *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp)
{
    if (!property_name_valid(name)) {
        error_setg(errp, "invalid property name '%s' for object (type '%s')",
                   name, object_get_typename(obj));
        return NULL;
    }
    if (g_str_has_suffix(name, "[*]")) {
        return property_add_indexed(obj, name, type, get, set, release,
                                    opaque);
    }
    if (object_property_find(obj, name)) {
        error_setg(errp, "attempt to add duplicate property '%s' to object "
                   "(type '%s')", name, object_get_typename(obj));
        return NULL;
    }
    return property_table_add(&obj->properties, name, type, get, set,
                              release, opaque);
}

ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyAccessor *get,
                                    ObjectPropertyAccessor *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    return object_property_try_add(obj, name, type, get, set, release,
                                   opaque, &error_abort);
}

ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name, const char *type,
                                          ObjectPropertyAccessor *get,
                                          ObjectPropertyAccessor *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque)
{
    if (!property_name_valid(name) ||
        object_class_property_find(klass, name)) {
        error_report("cannot add property '%s' to class (type '%s'): the "
                     "name is invalid or taken", name,
                     object_class_get_name(klass));
        abort();
    }
    return property_table_add(&klass->properties, name, type, get, set,
                              release, opaque);
}

void object_property_del(Object *obj, const char *name)
{
    ObjectProperty *prop = g_hash_table_lookup(obj->properties.by_name, name);

    if (prop) {
        /*
         * Releasing may drop the last reference to @obj (a child that
         * holds a strong link to its parent): keep @obj until the
         * property is gone.
         */
        object_ref(obj);
        property_table_del(&obj->properties, obj, prop);
        object_unref(obj);
    }
}

void object_property_del_all(Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    GList *last;

    /* A release hook may delete other properties: take the newest each time. */
    while ((last = g_queue_peek_tail_link(&obj->properties.order))) {
        property_table_del(&obj->properties, obj, last->data);
    }
    object_class_property_iter_init(&iter, obj->class);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->release) {
            prop->release(obj, prop->name, prop->opaque);
        }
    }
}

ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name)
{
    ObjectProperty *prop;

    for (; klass; klass = object_class_get_parent(klass)) {
        prop = g_hash_table_lookup(klass->properties.by_name, name);
        if (prop) {
            return prop;
        }
    }
    return NULL;
}

ObjectProperty *object_class_property_find_err(ObjectClass *klass,
                                               const char *name,
                                               Error **errp)
{
    ObjectProperty *prop = object_class_property_find(klass, name);

    if (!prop) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_class_get_name(klass), name);
    }
    return prop;
}

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    ObjectProperty *prop = object_class_property_find(obj->class, name);

    return prop ? prop : g_hash_table_lookup(obj->properties.by_name, name);
}

ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);

    if (!prop) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_get_typename(obj), name);
    }
    return prop;
}

/* The ancestor of @leaf (or @leaf itself) whose parent is @klass. */
static ObjectClass *class_below(ObjectClass *leaf, ObjectClass *klass)
{
    ObjectClass *parent;

    while ((parent = object_class_get_parent(leaf)) != klass) {
        leaf = parent;
    }
    return leaf;
}

void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass)
{
    ObjectClass *root = klass;
    ObjectClass *parent;

    while ((parent = object_class_get_parent(root))) {
        root = parent;
    }
    iter->obj = NULL;
    iter->leaf = klass;
    iter->klass = root;
    iter->next = root->properties.order.head;
}

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj)
{
    object_class_property_iter_init(iter, obj->class);
    iter->obj = obj;
}

ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter)
{
    ObjectProperty *prop;

    while (!iter->next) {
        if (!iter->klass) {
            return NULL;                /* instance properties done */
        }
        if (iter->klass == iter->leaf) {
            iter->klass = NULL;
            if (!iter->obj) {
                return NULL;
            }
            iter->next = iter->obj->properties.order.head;
        } else {
            iter->klass = class_below(iter->leaf, iter->klass);
            iter->next = iter->klass->properties.order.head;
        }
    }
    prop = iter->next->data;
    iter->next = iter->next->next;
    return prop;
}

void object_property_set_description(Object *obj, const char *name,
                                     const char *description)
{
    ObjectProperty *prop = object_property_find_err(obj, name, &error_abort);

    g_free(prop->description);
    prop->description = g_strdup(description);
}

void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description)
{
    ObjectProperty *prop = g_hash_table_lookup(klass->properties.by_name,
                                               name);

    /* Only the class's own: a parent's description is shared. */
    g_assert(prop);
    g_free(prop->description);
    prop->description = g_strdup(description);
}

static void object_property_init_defval(Object *obj, ObjectProperty *prop)
{
    Visitor *v = qobject_input_visitor_new(prop->defval);

    prop->set(obj, v, prop->name, prop->opaque, &error_abort);
    visit_free(v);
}

/* Takes ownership of @defval. */
static void object_property_set_default(ObjectProperty *prop,
                                        QObject *defval)
{
    g_assert(!prop->defval && !prop->init && prop->set);
    prop->defval = defval;
    prop->init = object_property_init_defval;
}

void object_property_set_default_bool(ObjectProperty *prop, bool value)
{
    object_property_set_default(prop, QOBJECT(qbool_from_bool(value)));
}

void object_property_set_default_str(ObjectProperty *prop, const char *value)
{
    object_property_set_default(prop, QOBJECT(qstring_from_str(value)));
}

void object_property_set_default_int(ObjectProperty *prop, int64_t value)
{
    object_property_set_default(prop, QOBJECT(qnum_from_int(value)));
}

void object_property_set_default_uint(ObjectProperty *prop, uint64_t value)
{
    object_property_set_default(prop, QOBJECT(qnum_from_uint(value)));
}

void object_class_property_init_all(Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_class_property_iter_init(&iter, obj->class);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->init) {
            prop->init(obj, prop);
        }
    }
}

ObjectPropertyAccessor *object_property_find_accessor(Object *obj,
                                                      const char *name,
                                                      bool write,
                                                      void **opaque,
                                                      Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    ObjectPropertyAccessor *accessor;

    if (!prop) {
        return NULL;
    }
    accessor = write ? prop->set : prop->get;
    if (!accessor) {
        error_setg(errp, "Property '%s.%s' is not %s",
                   object_get_typename(obj), name,
                   write ? "writable" : "readable");
    }
    *opaque = prop->opaque;
    return accessor;
}

bool object_property_get(Object *obj, const char *name, Visitor *v,
                         Error **errp)
{
    void *opaque;
    ObjectPropertyAccessor *get = object_property_find_accessor(obj, name, false,
                                                                &opaque, errp);

    return get && get(obj, v, name, opaque, errp);
}

bool object_property_set(Object *obj, const char *name, Visitor *v,
                         Error **errp)
{
    void *opaque;
    ObjectPropertyAccessor *set = object_property_find_accessor(obj, name, true,
                                                                &opaque, errp);

    return set && set(obj, v, name, opaque, errp);
}

const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    return prop ? prop->type : NULL;
}
