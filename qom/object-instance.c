/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-instance.c: the life of a QOM instance: initialisation through
 * its type's ancestry, references, and finalization in reverse.
 */
#include "osdep.h"

#include "qom/object.h"
#include "qom-internal.h"
#include "util/error-report.h"

/* instance_init of the root type first, down to @type's own. */
static void object_init_with_type(Object *obj, Type type)
{
    Type parent = type_get_parent(type);

    if (parent) {
        object_init_with_type(obj, parent);
    }
    if (type->instance_init) {
        type->instance_init(obj);
    }
}

/* instance_post_init of @type first, then of each parent. */
static void object_post_init_with_type(Object *obj, Type type)
{
    for (; type; type = type_get_parent(type)) {
        if (type->instance_post_init) {
            type->instance_post_init(obj);
        }
    }
}

static void object_initialize_with_type(void *data, size_t size, Type type)
{
    Object *obj = data;

    type_initialize(type);
    if (type->abstract) {
        error_report("cannot create an instance of abstract type '%s'",
                     type->name);
        abort();
    }
    g_assert(type->instance_size >= sizeof(Object));
    g_assert(size >= type->instance_size);

    memset(obj, 0, type->instance_size);
    obj->class = type->class;
    obj->ref = 1;
    object_property_table_init(&obj->properties);
    object_class_property_init_all(obj);
    object_init_with_type(obj, type);
    object_post_init_with_type(obj, type);
}

/* The type called @typename; an unknown name is a programming bug. */
static Type object_type_or_abort(const char *typename)
{
    Type type = type_get_by_name(typename);

    if (!type) {
        error_report("cannot create an instance of unknown type '%s'",
                     typename);
        abort();
    }
    return type;
}

void object_initialize(void *data, size_t size, const char *typename)
{
    object_initialize_with_type(data, size, object_type_or_abort(typename));
}

void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *type)
{
    object_initialize(child, size, type);
    object_property_add_child(parent, propname, OBJECT(child));
    object_unref(child);
}

static Object *object_new_with_type(Type type)
{
    Object *obj;

    type_initialize(type);
    obj = g_malloc(type->instance_size);
    object_initialize_with_type(obj, type->instance_size, type);
    obj->free = g_free;
    return obj;
}

Object *object_new(const char *typename)
{
    return object_new_with_type(object_type_or_abort(typename));
}

Object *object_new_with_class(ObjectClass *klass)
{
    return object_new_with_type(klass->type);
}

Object *object_ref(void *objptr)
{
    Object *obj = objptr;

    if (obj) {
        g_atomic_int_inc(&obj->ref);
    }
    return obj;
}

/* instance_finalize of @type first, then of each parent. */
static void object_deinit(Object *obj, Type type)
{
    for (; type; type = type_get_parent(type)) {
        if (type->instance_finalize) {
            type->instance_finalize(obj);
        }
    }
}

static void object_finalize(Object *obj)
{
    object_property_del_all(obj);
    object_deinit(obj, obj->class->type);
    object_property_table_destroy(&obj->properties);
    g_assert(0 == obj->ref);
    if (obj->free) {
        obj->free(obj);
    }
}

void object_unref(void *objptr)
{
    Object *obj = objptr;

    if (!obj) {
        return;
    }
    g_assert(obj->ref > 0);
    if (g_atomic_int_dec_and_test(&obj->ref)) {
        object_finalize(obj);
    }
}
