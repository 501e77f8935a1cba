/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-props-typed.c: ready-made accessors for bool, string and enum
 * properties with callbacks, and for integers, sizes and strings kept in
 * variables.
 */
#include "osdep.h"

#include "qom/object.h"
#include "util/error.h"

/*
 * The opaque of a callback property. Instance properties free it on
 * release; a class property's lives as long as its class, i.e. forever.
 */
typedef struct CallbackProperty {
    union {
        ObjectBoolGetter *get_bool;
        ObjectStrGetter *get_str;
        ObjectEnumGetter *get_enum;
    };
    union {
        ObjectBoolSetter *set_bool;
        ObjectStrSetter *set_str;
        ObjectEnumSetter *set_enum;
    };
    const QEnumLookup *lookup;
} CallbackProperty;

static void property_release_opaque(Object *obj, const char *name,
                                    void *opaque)
{
    g_free(opaque);
}

/*
 * Add the property to @obj or, when @obj is NULL, to @klass, with @prop
 * (owned by the property) as opaque and the accessors that exist.
 */
static ObjectProperty *callback_property_add(Object *obj, ObjectClass *klass,
                                             const char *name,
                                             const char *type,
                                             ObjectPropertyAccessor *get,
                                             ObjectPropertyAccessor *set,
                                             CallbackProperty *prop)
{
    if (obj) {
        return object_property_add(obj, name, type, get, set,
                                   property_release_opaque, prop);
    }
    return object_class_property_add(klass, name, type, get, set, NULL, prop);
}

static bool property_get_bool(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    ERRP_GUARD();
    CallbackProperty *prop = opaque;
    bool value = prop->get_bool(obj, errp);

    if (*errp) {
        return false;
    }
    return visit_type_bool(v, name, &value, errp);
}

static bool property_set_bool(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    CallbackProperty *prop = opaque;
    bool value;

    if (!visit_type_bool(v, name, &value, errp)) {
        return false;
    }
    return prop->set_bool(obj, value, errp);
}

static ObjectProperty *bool_property_add(Object *obj, ObjectClass *klass,
                                         const char *name,
                                         ObjectBoolGetter *get,
                                         ObjectBoolSetter *set)
{
    CallbackProperty *prop = g_new0(CallbackProperty, 1);

    prop->get_bool = get;
    prop->set_bool = set;
    return callback_property_add(obj, klass, name, "bool",
                                 get ? property_get_bool : NULL,
                                 set ? property_set_bool : NULL, prop);
}

ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         ObjectBoolGetter *get,
                                         ObjectBoolSetter *set)
{
    return bool_property_add(obj, NULL, name, get, set);
}

ObjectProperty *object_class_property_add_bool(ObjectClass *klass,
                                               const char *name,
                                               ObjectBoolGetter *get,
                                               ObjectBoolSetter *set)
{
    return bool_property_add(NULL, klass, name, get, set);
}

static bool property_get_str(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    CallbackProperty *prop = opaque;
    Error *err = NULL;
    g_autofree char *value = prop->get_str(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return false;
    }
    if (!value) {
        /* An unset string reads as "", as in QEMU. */
        value = g_strdup("");
    }
    return visit_type_str(v, name, &value, errp);
}

static bool property_set_str(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    CallbackProperty *prop = opaque;
    g_autofree char *value = NULL;

    if (!visit_type_str(v, name, &value, errp)) {
        return false;
    }
    return prop->set_str(obj, value, errp);
}

static ObjectProperty *str_property_add(Object *obj, ObjectClass *klass,
                                        const char *name,
                                        ObjectStrGetter *get,
                                        ObjectStrSetter *set)
{
    CallbackProperty *prop = g_new0(CallbackProperty, 1);

    prop->get_str = get;
    prop->set_str = set;
    return callback_property_add(obj, klass, name, "string",
                                 get ? property_get_str : NULL,
                                 set ? property_set_str : NULL, prop);
}

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        ObjectStrGetter *get,
                                        ObjectStrSetter *set)
{
    return str_property_add(obj, NULL, name, get, set);
}

ObjectProperty *object_class_property_add_str(ObjectClass *klass,
                                              const char *name,
                                              ObjectStrGetter *get,
                                              ObjectStrSetter *set)
{
    return str_property_add(NULL, klass, name, get, set);
}

static bool property_get_enum(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    CallbackProperty *prop = opaque;
    int value = prop->get_enum(obj, errp);

    if (value < 0) {
        return false;
    }
    return visit_type_enum(v, name, &value, prop->lookup, errp);
}

static bool property_set_enum(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    CallbackProperty *prop = opaque;
    int value;

    if (!visit_type_enum(v, name, &value, prop->lookup, errp)) {
        return false;
    }
    return prop->set_enum(obj, value, errp);
}

static ObjectProperty *enum_property_add(Object *obj, ObjectClass *klass,
                                         const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         ObjectEnumGetter *get,
                                         ObjectEnumSetter *set)
{
    CallbackProperty *prop = g_new0(CallbackProperty, 1);

    prop->get_enum = get;
    prop->set_enum = set;
    prop->lookup = lookup;
    return callback_property_add(obj, klass, name, typename,
                                 get ? property_get_enum : NULL,
                                 set ? property_set_enum : NULL, prop);
}

ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         ObjectEnumGetter *get,
                                         ObjectEnumSetter *set)
{
    return enum_property_add(obj, NULL, name, typename, lookup, get, set);
}

ObjectProperty *object_class_property_add_enum(ObjectClass *klass,
                                               const char *name,
                                               const char *typename,
                                               const QEnumLookup *lookup,
                                               ObjectEnumGetter *get,
                                               ObjectEnumSetter *set)
{
    return enum_property_add(NULL, klass, name, typename, lookup, get, set);
}

/* The C types of the variables behind pointer properties. */
typedef enum PtrKind {
    PTR_UINT8,
    PTR_UINT16,
    PTR_UINT32,
    PTR_UINT64,
    PTR_INT64,
    PTR_SIZE,
    PTR_STR,
} PtrKind;

static const char *const ptr_kind_types[] = {
    [PTR_UINT8] = "uint8",
    [PTR_UINT16] = "uint16",
    [PTR_UINT32] = "uint32",
    [PTR_UINT64] = "uint64",
    [PTR_INT64] = "int",
    [PTR_SIZE] = "size",
    [PTR_STR] = "string",
};

/*
 * The opaque of a pointer property: the variable's address (instance
 * properties) or its offset in the instance (class properties).
 */
typedef struct PtrProperty {
    PtrKind kind;
    void *ptr;
    ptrdiff_t offset;
} PtrProperty;

static void *ptr_property_var(Object *obj, const PtrProperty *prop)
{
    return prop->ptr ? prop->ptr : (char *)obj + prop->offset;
}

/* A string variable (NULL reads as ""), visited through a copy. */
static bool property_get_str_ptr(Visitor *v, const char *name, char **var,
                                 Error **errp)
{
    g_autofree char *copy = g_strdup(*var ? *var : "");

    return visit_type_str(v, name, &copy, errp);
}

/* The variable takes the new string; the old one is freed. */
static bool property_set_str_ptr(Visitor *v, const char *name, char **var,
                                 Error **errp)
{
    char *value = NULL;

    if (!visit_type_str(v, name, &value, errp)) {
        return false;
    }
    g_free(*var);
    *var = value;
    return true;
}

static bool property_get_ptr(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    PtrProperty *prop = opaque;
    void *var = ptr_property_var(obj, prop);
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    int64_t i64;

    /* Visit copies, so that no visitor can write to the variable. */
    switch (prop->kind) {
    case PTR_UINT8:
        u8 = *(uint8_t *)var;
        return visit_type_uint8(v, name, &u8, errp);
    case PTR_UINT16:
        u16 = *(uint16_t *)var;
        return visit_type_uint16(v, name, &u16, errp);
    case PTR_UINT32:
        u32 = *(uint32_t *)var;
        return visit_type_uint32(v, name, &u32, errp);
    case PTR_UINT64:
        u64 = *(uint64_t *)var;
        return visit_type_uint64(v, name, &u64, errp);
    case PTR_INT64:
        i64 = *(int64_t *)var;
        return visit_type_int64(v, name, &i64, errp);
    case PTR_SIZE:
        u64 = *(uint64_t *)var;
        return visit_type_size(v, name, &u64, errp);
    case PTR_STR:
        return property_get_str_ptr(v, name, var, errp);
    }
    g_assert_not_reached();
}

static bool property_set_ptr(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    PtrProperty *prop = opaque;
    void *var = ptr_property_var(obj, prop);
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    int64_t i64;

    /* Visit into a local: a refused value leaves the variable alone. */
    switch (prop->kind) {
    case PTR_UINT8:
        if (!visit_type_uint8(v, name, &u8, errp)) {
            return false;
        }
        *(uint8_t *)var = u8;
        return true;
    case PTR_UINT16:
        if (!visit_type_uint16(v, name, &u16, errp)) {
            return false;
        }
        *(uint16_t *)var = u16;
        return true;
    case PTR_UINT32:
        if (!visit_type_uint32(v, name, &u32, errp)) {
            return false;
        }
        *(uint32_t *)var = u32;
        return true;
    case PTR_UINT64:
        if (!visit_type_uint64(v, name, &u64, errp)) {
            return false;
        }
        *(uint64_t *)var = u64;
        return true;
    case PTR_SIZE:
        if (!visit_type_size(v, name, &u64, errp)) {
            return false;
        }
        *(uint64_t *)var = u64;
        return true;
    case PTR_INT64:
        if (!visit_type_int64(v, name, &i64, errp)) {
            return false;
        }
        *(int64_t *)var = i64;
        return true;
    case PTR_STR:
        return property_set_str_ptr(v, name, var, errp);
    }
    g_assert_not_reached();
}

/* Add a pointer property to @obj (at @ptr) or, when @obj is NULL, @klass. */
static ObjectProperty *ptr_property_add(Object *obj, ObjectClass *klass,
                                        const char *name, PtrKind kind,
                                        const void *ptr, ptrdiff_t offset,
                                        ObjectPropertyFlags flags)
{
    PtrProperty *prop = g_new0(PtrProperty, 1);
    ObjectPropertyAccessor *get = NULL, *set = NULL;

    prop->kind = kind;
    prop->ptr = (void *)ptr;
    prop->offset = offset;
    if (flags & OBJ_PROP_FLAG_READ) {
        get = property_get_ptr;
    }
    if (flags & OBJ_PROP_FLAG_WRITE) {
        set = property_set_ptr;
    }
    if (obj) {
        return object_property_add(obj, name, ptr_kind_types[kind], get, set,
                                   property_release_opaque, prop);
    }
    return object_class_property_add(klass, name, ptr_kind_types[kind], get,
                                     set, NULL, prop);
}

ObjectProperty *object_property_add_uint8_ptr(Object *obj, const char *name,
                                              const uint8_t *v,
                                              ObjectPropertyFlags flags)
{
    return ptr_property_add(obj, NULL, name, PTR_UINT8, v, 0, flags);
}

ObjectProperty *object_property_add_uint16_ptr(Object *obj, const char *name,
                                               const uint16_t *v,
                                               ObjectPropertyFlags flags)
{
    return ptr_property_add(obj, NULL, name, PTR_UINT16, v, 0, flags);
}

ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               const uint32_t *v,
                                               ObjectPropertyFlags flags)
{
    return ptr_property_add(obj, NULL, name, PTR_UINT32, v, 0, flags);
}

ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               const uint64_t *v,
                                               ObjectPropertyFlags flags)
{
    return ptr_property_add(obj, NULL, name, PTR_UINT64, v, 0, flags);
}

ObjectProperty *object_property_add_int64_ptr(Object *obj, const char *name,
                                              const int64_t *v,
                                              ObjectPropertyFlags flags)
{
    return ptr_property_add(obj, NULL, name, PTR_INT64, v, 0, flags);
}

ObjectProperty *object_property_add_size_ptr(Object *obj, const char *name,
                                             const uint64_t *v,
                                             ObjectPropertyFlags flags)
{
    return ptr_property_add(obj, NULL, name, PTR_SIZE, v, 0, flags);
}

ObjectProperty *object_class_property_add_uint8_ptr(ObjectClass *klass,
                                                    const char *name,
                                                    ptrdiff_t offset,
                                                    ObjectPropertyFlags flags)
{
    return ptr_property_add(NULL, klass, name, PTR_UINT8, NULL, offset,
                            flags);
}

ObjectProperty *object_class_property_add_uint16_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     ptrdiff_t offset,
                                                     ObjectPropertyFlags flags)
{
    return ptr_property_add(NULL, klass, name, PTR_UINT16, NULL, offset,
                            flags);
}

ObjectProperty *object_class_property_add_uint32_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     ptrdiff_t offset,
                                                     ObjectPropertyFlags flags)
{
    return ptr_property_add(NULL, klass, name, PTR_UINT32, NULL, offset,
                            flags);
}

ObjectProperty *object_class_property_add_uint64_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     ptrdiff_t offset,
                                                     ObjectPropertyFlags flags)
{
    return ptr_property_add(NULL, klass, name, PTR_UINT64, NULL, offset,
                            flags);
}

ObjectProperty *object_class_property_add_int64_ptr(ObjectClass *klass,
                                                    const char *name,
                                                    ptrdiff_t offset,
                                                    ObjectPropertyFlags flags)
{
    return ptr_property_add(NULL, klass, name, PTR_INT64, NULL, offset,
                            flags);
}

ObjectProperty *object_class_property_add_size_ptr(ObjectClass *klass,
                                                   const char *name,
                                                   ptrdiff_t offset,
                                                   ObjectPropertyFlags flags)
{
    return ptr_property_add(NULL, klass, name, PTR_SIZE, NULL, offset,
                            flags);
}

ObjectProperty *object_class_property_add_str_ptr(ObjectClass *klass,
                                                  const char *name,
                                                  ptrdiff_t offset,
                                                  ObjectPropertyFlags flags)
{
    return ptr_property_add(NULL, klass, name, PTR_STR, NULL, offset, flags);
}
