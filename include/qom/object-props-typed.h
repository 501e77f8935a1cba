/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-props-typed.h: helpers that add the common kinds of QOM property
 * (bool, string, enum, integers and sizes) with ready-made accessors, to
 * one object or, in class_init, to every instance of a class. Included by
 * qom/object.h.
 *
 * Type strings: "bool", "string", the enum's QAPI type name, "uint8",
 * "uint16", "uint32", "uint64", "int", "size". Values arrive through
 * visitors, so a value out of the C type's range is refused by the visitor
 * with a message naming the property.
 */
#ifndef QOM_OBJECT_PROPS_TYPED_H
#define QOM_OBJECT_PROPS_TYPED_H

#include "qom/object-props.h"

/* Which accessors a pointer property gets. */
typedef enum ObjectPropertyFlags {
    OBJ_PROP_FLAG_READ = 1 << 0,
    OBJ_PROP_FLAG_WRITE = 1 << 1,
    OBJ_PROP_FLAG_READWRITE = OBJ_PROP_FLAG_READ | OBJ_PROP_FLAG_WRITE,
} ObjectPropertyFlags;

/*
 * Callbacks of the bool, string and enum helpers. Getters: the value (a
 * new string for strings, NULL for an unset one, which reads as ""; -1 or
 * NULL with @errp set on failure). Setters:
 * false with @errp set to refuse the value (the string is borrowed).
 * A NULL getter or setter makes the property write-only or read-only.
 */
typedef bool (ObjectBoolGetter)(Object *obj, Error **errp);
typedef bool (ObjectBoolSetter)(Object *obj, bool value, Error **errp);
typedef char *(ObjectStrGetter)(Object *obj, Error **errp);
typedef bool (ObjectStrSetter)(Object *obj, const char *value, Error **errp);
typedef int (ObjectEnumGetter)(Object *obj, Error **errp);
typedef bool (ObjectEnumSetter)(Object *obj, int value, Error **errp);

/* A "bool" property with getter and setter. Returns it (borrowed). */
ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         ObjectBoolGetter *get,
                                         ObjectBoolSetter *set);
ObjectProperty *object_class_property_add_bool(ObjectClass *klass,
                                               const char *name,
                                               ObjectBoolGetter *get,
                                               ObjectBoolSetter *set);

/* A "string" property with getter and setter. Returns it (borrowed). */
ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        ObjectStrGetter *get,
                                        ObjectStrSetter *set);
ObjectProperty *object_class_property_add_str(ObjectClass *klass,
                                              const char *name,
                                              ObjectStrGetter *get,
                                              ObjectStrSetter *set);

/*
 * A property of the QAPI enum type @typename described by @lookup
 * (borrowed, static), visited as the value's name: an unknown name is
 * refused with "Parameter 'NAME' does not accept value 'x'".
 */
ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         ObjectEnumGetter *get,
                                         ObjectEnumSetter *set);
ObjectProperty *object_class_property_add_enum(ObjectClass *klass,
                                               const char *name,
                                               const char *typename,
                                               const QEnumLookup *lookup,
                                               ObjectEnumGetter *get,
                                               ObjectEnumSetter *set);

/*
 * Properties stored in a variable: @v points into the object (it must live
 * as long as the property), or, for class properties, @offset is the
 * variable's offset in the instance struct. @flags says whether the
 * property can be read, written or both. Returns the property (borrowed).
 */
ObjectProperty *object_property_add_uint8_ptr(Object *obj, const char *name,
                                              const uint8_t *v,
                                              ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint16_ptr(Object *obj, const char *name,
                                               const uint16_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               const uint32_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               const uint64_t *v,
                                               ObjectPropertyFlags flags);
/* An "int" (int64_t) and a "size" (uint64_t, text input takes "4K"). */
ObjectProperty *object_property_add_int64_ptr(Object *obj, const char *name,
                                              const int64_t *v,
                                              ObjectPropertyFlags flags);
ObjectProperty *object_property_add_size_ptr(Object *obj, const char *name,
                                             const uint64_t *v,
                                             ObjectPropertyFlags flags);

ObjectProperty *object_class_property_add_uint8_ptr(ObjectClass *klass,
                                                    const char *name,
                                                    ptrdiff_t offset,
                                                    ObjectPropertyFlags flags);
ObjectProperty *object_class_property_add_uint16_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     ptrdiff_t offset,
                                                     ObjectPropertyFlags flags);
ObjectProperty *object_class_property_add_uint32_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     ptrdiff_t offset,
                                                     ObjectPropertyFlags flags);
ObjectProperty *object_class_property_add_uint64_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     ptrdiff_t offset,
                                                     ObjectPropertyFlags flags);
ObjectProperty *object_class_property_add_int64_ptr(ObjectClass *klass,
                                                    const char *name,
                                                    ptrdiff_t offset,
                                                    ObjectPropertyFlags flags);
ObjectProperty *object_class_property_add_size_ptr(ObjectClass *klass,
                                                   const char *name,
                                                   ptrdiff_t offset,
                                                   ObjectPropertyFlags flags);

/*
 * A "string" property kept in the instance's char * at @offset, which the
 * instance owns (its finalize frees it). Reading a NULL string gives "";
 * writing frees the old string and stores a copy of the new one.
 */
ObjectProperty *object_class_property_add_str_ptr(ObjectClass *klass,
                                                  const char *name,
                                                  ptrdiff_t offset,
                                                  ObjectPropertyFlags flags);

#endif /* QOM_OBJECT_PROPS_TYPED_H */
