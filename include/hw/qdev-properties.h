/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-properties.h: device properties declared in a static table of
 * Property, each a field of the device struct with a PropertyInfo saying
 * how it is read, written and printed. device_class_set_props() turns
 * the table into QOM class properties; their defaults are set on every new
 * instance; they can only be set before the device is realized.
 */
#ifndef HW_QDEV_PROPERTIES_H
#define HW_QDEV_PROPERTIES_H

#include "hw/qdev-core.h"
#include "qapi-types-common.h"

/*
 * PropertyInfo: one kind of property.
 * @name: the type name device-list-properties and `-device X,help` show
 * @description: the help text, or NULL
 * @enum_table: the values of an enum kind, or NULL
 * @print: the value as `info qtree` shows it (a new string), or NULL to
 *   print through QOM
 * @set_default_value: record the Property's default on the QOM property
 * @create: add the class property itself (link kinds), or NULL
 * @get, @set: the accessors; @opaque is the Property
 */
typedef struct PropertyInfo {
    const char *name;
    const char *description;
    const QEnumLookup *enum_table;
    char *(*print)(Object *obj, Property *prop);
    void (*set_default_value)(ObjectProperty *op, const Property *prop);
    ObjectProperty *(*create)(ObjectClass *oc, const char *name,
                              Property *prop);
    ObjectPropertyAccessor *get;
    ObjectPropertyAccessor *set;
    ObjectPropertyRelease *release;
} PropertyInfo;

/*
 * Property: one row of a device's property table: the field at @offset in
 * the instance struct, of kind @info, with an optional default.
 */
struct Property {
    const char *name;
    const PropertyInfo *info;
    ptrdiff_t offset;
    bool set_default;
    union {
        int64_t i;
        uint64_t u;
    } defval;
    const char *link_type;
};

extern const PropertyInfo qdev_prop_bool;
extern const PropertyInfo qdev_prop_uint8;
extern const PropertyInfo qdev_prop_uint16;
extern const PropertyInfo qdev_prop_uint32;
extern const PropertyInfo qdev_prop_int32;
extern const PropertyInfo qdev_prop_uint64;
extern const PropertyInfo qdev_prop_size;
extern const PropertyInfo qdev_prop_string;
extern const PropertyInfo qdev_prop_on_off_auto;
/* LostTickPolicy (qapi/machine.json): a timer device's lost ticks. */
extern const PropertyInfo qdev_prop_losttickpolicy;
extern const PropertyInfo qdev_prop_pci_devfn;
extern const PropertyInfo qdev_prop_link;

#define DEFINE_PROP(_name, _state, _field, _prop, _type, ...) {        \
        .name = (_name),                                           \
        .info = &(_prop),                                          \
        .offset = offsetof(_state, _field)                         \
            + type_check(_type, typeof_field(_state, _field)),     \
        __VA_ARGS__                                                \
        }

#define DEFINE_PROP_SIGNED(_name, _state, _field, _defval, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type,                  \
                .set_default = true, .defval.i = (_type)(_defval))

#define DEFINE_PROP_UNSIGNED(_name, _state, _field, _defval, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type,                    \
                .set_default = true, .defval.u = (_type)(_defval))

#define DEFINE_PROP_BOOL(_name, _state, _field, _defval)                \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bool, bool,          \
                .set_default = true, .defval.u = (bool)(_defval))
#define DEFINE_PROP_UINT8(_n, _s, _f, _d)                               \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint8, uint8_t)
#define DEFINE_PROP_UINT16(_n, _s, _f, _d)                              \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint16, uint16_t)
#define DEFINE_PROP_UINT32(_n, _s, _f, _d)                              \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint32, uint32_t)
#define DEFINE_PROP_INT32(_n, _s, _f, _d)                               \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int32, int32_t)
#define DEFINE_PROP_UINT64(_n, _s, _f, _d)                              \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint64, uint64_t)
#define DEFINE_PROP_SIZE(_n, _s, _f, _d)                                \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_size, uint64_t)
/* An OnOffAuto field; the default is an OnOffAuto value. */
#define DEFINE_PROP_ON_OFF_AUTO(_n, _s, _f, _d)                         \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_on_off_auto, OnOffAuto)
/* A LostTickPolicy field (include qapi-types-machine.h). */
#define DEFINE_PROP_LOSTTICKPOLICY(_n, _s, _f, _d)                      \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_losttickpolicy,        \
                       LostTickPolicy)
/* A PCI device and function ("slot.fn", or -1 for automatic). */
#define DEFINE_PROP_PCI_DEVFN(_n, _s, _f, _d)                           \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_pci_devfn, int32_t)
/* A char * field, NULL by default, freed with the device. */
#define DEFINE_PROP_STRING(_n, _s, _f)                                  \
    DEFINE_PROP(_n, _s, _f, qdev_prop_string, char *)
/* A link to an object of type @_type, held in a @_ptr_type field. */
#define DEFINE_PROP_LINK(_n, _s, _f, _type, _ptr_type)                  \
    DEFINE_PROP(_n, _s, _f, qdev_prop_link, _ptr_type, .link_type = (_type))
#define DEFINE_PROP_END_OF_LIST() { }

/* Compile-time check that a field has the C type a property kind wants. */
#define typeof_field(type, field) typeof(((type *)0)->field)
#define type_check(t1, t2) \
    (0 * sizeof(char[__builtin_types_compatible_p(t1, t2) ? 1 : -1]))

/*
 * Give @dc the properties of @props (borrowed: a static table ending with
 * DEFINE_PROP_END_OF_LIST()), as class properties. Call once, in
 * class_init.
 */
void device_class_set_props(DeviceClass *dc, Property *props);

/* The address of @prop's field in @obj. */
void *object_field_prop_ptr(Object *obj, Property *prop);

/*
 * Fail with QEMU's error for setting a property of a realized device:
 * "Attempt to set property 'NAME' on device 'ID' (type 'TYPE') after it
 * was realized" ("on anonymous device" without an id).
 */
void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp);

/*
 * Fail for a value @value of property @name of @obj that cannot be used:
 * "Property 'TYPE.NAME' doesn't take value 'VALUE'".
 */
void qdev_prop_error_value(Object *obj, const char *name, const char *value,
                           Error **errp);

/*
 * The qdev Property @name of @dev's class or its parents (borrowed), or
 * NULL.
 */
Property *qdev_find_prop(DeviceState *dev, const char *name);

#endif /* HW_QDEV_PROPERTIES_H */
