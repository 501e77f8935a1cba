/* SPDX-License-Identifier: GPL-2.0-or-later */
/* object.c: the QOM type registry, lazy class initialisation and casts. */
#include "osdep.h"

#include "qom/object.h"
#include "qom-internal.h"
#include "util/error-report.h"

/* Every registered type: by name, and in registration order. */
static GHashTable *type_table;
static GPtrArray *type_list;
/* Set while object_class_foreach() walks type_list. */
static bool enumerating_types;

/* A programming bug in how types are declared: say which, and stop. */
static KVMINI_NORETURN G_GNUC_PRINTF(1, 2) void type_bug(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vreport(fmt, ap);
    va_end(ap);
    abort();
}

Type type_get_by_name(const char *name)
{
    return name && type_table ? g_hash_table_lookup(type_table, name) : NULL;
}

Type type_register_static(const TypeInfo *info)
{
    Type ti;

    g_assert(info->name);
    if (!type_table) {
        type_table = g_hash_table_new(g_str_hash, g_str_equal);
        type_list = g_ptr_array_new();
    }
    if (type_get_by_name(info->name)) {
        type_bug("registering type '%s' which already exists", info->name);
    }
    g_assert(!enumerating_types);

    ti = g_new0(struct TypeImpl, 1);
    ti->name = g_strdup(info->name);
    ti->parent_name = g_strdup(info->parent);
    ti->instance_size = info->instance_size;
    ti->class_size = info->class_size;
    ti->instance_init = info->instance_init;
    ti->instance_post_init = info->instance_post_init;
    ti->instance_finalize = info->instance_finalize;
    ti->class_init = info->class_init;
    ti->class_base_init = info->class_base_init;
    ti->class_data = info->class_data;
    ti->abstract = info->abstract;
    ti->interfaces = info->interfaces;

    g_hash_table_insert(type_table, ti->name, ti);
    g_ptr_array_add(type_list, ti);
    return ti;
}

Type type_get_parent(Type type)
{
    if (!type->parent && type->parent_name) {
        type->parent = type_get_by_name(type->parent_name);
        if (!type->parent) {
            type_bug("type '%s' has unknown parent type '%s'",
                     type->name, type->parent_name);
        }
    }
    return type->parent;
}

/* Whether @type is @target or derives from it. */
static bool type_is_ancestor(Type type, Type target)
{
    for (; type; type = type_get_parent(type)) {
        if (type == target) {
            return true;
        }
    }
    return false;
}

static Type type_interface(void)
{
    static Type interface;

    if (!interface) {
        interface = type_get_by_name(TYPE_INTERFACE);
        g_assert(interface);
    }
    return interface;
}

/*
 * Give the class of @ti its own InterfaceClass of @iface, a copy of
 * @parent's class: the interface's own, or the one @ti's parent type
 * holds (so that methods the parent installed are inherited).
 */
static void type_add_interface(Type ti, Type iface, Type parent)
{
    Type impl = g_new0(struct TypeImpl, 1);
    InterfaceClass *iclass;

    impl->name = g_strdup_printf("%s::%s", ti->name, iface->name);
    impl->parent_name = g_strdup(parent->name);
    impl->parent = parent;
    impl->abstract = true;
    type_initialize(impl);

    iclass = (InterfaceClass *)impl->class;
    iclass->concrete_class = ti->class;
    iclass->interface_type = iface;
    ti->class->interfaces = g_slist_append(ti->class->interfaces, iclass);
}

/* The interfaces of @ti: those its parent implements, then its own. */
static void type_initialize_interfaces(Type ti, Type parent)
{
    const InterfaceInfo *info;
    InterfaceClass *iclass;
    GSList *e;
    Type iface;

    for (e = parent->class->interfaces; e; e = e->next) {
        iclass = e->data;
        type_add_interface(ti, iclass->interface_type,
                           OBJECT_CLASS(iclass)->type);
    }
    for (info = ti->interfaces; info && info->type; info++) {
        iface = type_get_by_name(info->type);
        if (!iface || !type_is_ancestor(iface, type_interface())) {
            type_bug("type '%s' implements '%s', which is not an interface",
                     ti->name, info->type);
        }
        for (e = ti->class->interfaces; e; e = e->next) {
            if (type_is_ancestor(OBJECT_CLASS(e->data)->type, iface)) {
                break;
            }
        }
        if (!e) {
            type_add_interface(ti, iface, iface);
        }
    }
}

/* Sizes of zero are inherited; shrinking the parent's is a bug. */
static void type_inherit_sizes(Type ti, Type parent)
{
    if (!parent) {
        ti->class_size = ti->class_size ? ti->class_size : sizeof(ObjectClass);
        return;
    }
    ti->class_size = ti->class_size ? ti->class_size : parent->class_size;
    ti->instance_size = ti->instance_size ? ti->instance_size
                                          : parent->instance_size;
    if (ti->class_size < parent->class_size ||
        ti->instance_size < parent->instance_size) {
        type_bug("type '%s' is smaller than its parent type '%s'",
                 ti->name, parent->name);
    }
}

void type_initialize(Type ti)
{
    Type parent;

    if (ti->class) {
        return;
    }
    parent = type_get_parent(ti);
    if (parent) {
        type_initialize(parent);
    }
    type_inherit_sizes(ti, parent);
    /* Without instance memory there can be no instances: interfaces. */
    if (!ti->instance_size) {
        ti->abstract = true;
    }

    ti->class = g_malloc0(ti->class_size);
    if (parent) {
        memcpy(ti->class, parent->class, parent->class_size);
        ti->class->interfaces = NULL;
    }
    object_property_table_init(&ti->class->properties);
    ti->class->type = ti;
    if (parent) {
        type_initialize_interfaces(ti, parent);
    }

    for (parent = ti->parent; parent; parent = parent->parent) {
        if (parent->class_base_init) {
            parent->class_base_init(ti->class, ti->class_data);
        }
    }
    if (ti->class_init) {
        ti->class_init(ti->class, ti->class_data);
    }
}

ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename)
{
    ObjectClass *found = NULL;
    Type target;
    GSList *e;

    if (!klass) {
        return NULL;
    }
    if (!strcmp(klass->type->name, typename)) {
        return klass;
    }
    target = type_get_by_name(typename);
    if (!target) {
        return NULL;
    }
    if (klass->interfaces && type_is_ancestor(target, type_interface())) {
        for (e = klass->interfaces; e; e = e->next) {
            if (type_is_ancestor(OBJECT_CLASS(e->data)->type, target)) {
                /* Two interfaces deriving from @target: ambiguous. */
                if (found) {
                    return NULL;
                }
                found = e->data;
            }
        }
        return found;
    }
    return type_is_ancestor(klass->type, target) ? klass : NULL;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func)
{
    ObjectClass *ret = object_class_dynamic_cast(klass, typename);

    if (klass && !ret) {
        type_bug("%s:%d:%s: Class %p of type '%s' is not an instance of "
                 "type '%s'", file, line, func, (void *)klass,
                 klass->type->name, typename);
    }
    return ret;
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    if (obj && object_class_dynamic_cast(obj->class, typename)) {
        return obj;
    }
    return NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func)
{
    if (obj && !object_dynamic_cast(obj, typename)) {
        type_bug("%s:%d:%s: Object %p of type '%s' is not an instance of "
                 "type '%s'", file, line, func, (void *)obj,
                 object_get_typename(obj), typename);
    }
    return obj;
}

ObjectClass *object_get_class(Object *obj)
{
    return obj->class;
}

const char *object_get_typename(const Object *obj)
{
    return obj->class->type->name;
}

const char *object_class_get_name(ObjectClass *klass)
{
    return klass->type->name;
}

ObjectClass *object_class_by_name(const char *typename)
{
    Type type = type_get_by_name(typename);

    if (!type) {
        return NULL;
    }
    type_initialize(type);
    return type->class;
}

ObjectClass *object_class_get_parent(ObjectClass *klass)
{
    Type parent = type_get_parent(klass->type);

    if (!parent) {
        return NULL;
    }
    type_initialize(parent);
    return parent->class;
}

bool object_class_is_abstract(ObjectClass *klass)
{
    return klass->type->abstract;
}

void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque)
{
    bool enumerating = enumerating_types;
    ObjectClass *klass;
    guint i;

    enumerating_types = true;
    for (i = 0; type_list && i < type_list->len; i++) {
        Type type = g_ptr_array_index(type_list, i);

        type_initialize(type);
        klass = type->class;
        if (implements_type &&
            !object_class_dynamic_cast(klass, implements_type)) {
            continue;
        }
        if (!include_abstract && type->abstract) {
            continue;
        }
        fn(klass, opaque);
    }
    enumerating_types = enumerating;
}

static void class_list_add(ObjectClass *klass, void *opaque)
{
    GSList **list = opaque;

    *list = g_slist_prepend(*list, klass);
}

GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract)
{
    GSList *list = NULL;

    object_class_foreach(class_list_add, implements_type, include_abstract,
                         &list);
    return g_slist_reverse(list);
}

static gint class_name_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(object_class_get_name(OBJECT_CLASS(a)),
                  object_class_get_name(OBJECT_CLASS(b)));
}

GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract)
{
    return g_slist_sort(object_class_get_list(implements_type,
                                              include_abstract),
                        class_name_cmp);
}

/* TYPE_OBJECT's "type" property. */
static char *object_get_type(Object *obj, Error **errp)
{
    return g_strdup(object_get_typename(obj));
}

static void object_class_init(ObjectClass *klass, void *data)
{
    object_class_property_add_str(klass, "type", object_get_type, NULL);
}

static const TypeInfo object_info = {
    .name = TYPE_OBJECT,
    .instance_size = sizeof(Object),
    .class_init = object_class_init,
    .abstract = true,
};

static const TypeInfo interface_info = {
    .name = TYPE_INTERFACE,
    .class_size = sizeof(InterfaceClass),
    .abstract = true,
};

static void object_register_types(void)
{
    type_register_static(&object_info);
    type_register_static(&interface_info);
}

type_init(object_register_types)
