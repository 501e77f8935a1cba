/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-properties.c: the property kinds of qdev (integers, bool, size,
 * string, enum, PCI address, link) and their registration as QOM class
 * properties, settable only before realize.
 */
#include "osdep.h"

#include "hw/qdev-properties.h"
#include "qapi-types-machine.h"
#include "qapi/util.h"
#include "util/error.h"

void *object_field_prop_ptr(Object *obj, Property *prop)
{
    return (char *)obj + prop->offset;
}

void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp)
{
    if (dev->id) {
        error_setg(errp, "Attempt to set property '%s' on device '%s' "
                   "(type '%s') after it was realized", name, dev->id,
                   object_get_typename(OBJECT(dev)));
    } else {
        error_setg(errp, "Attempt to set property '%s' on anonymous device "
                   "(type '%s') after it was realized", name,
                   object_get_typename(OBJECT(dev)));
    }
}

void qdev_prop_error_value(Object *obj, const char *name, const char *value,
                           Error **errp)
{
    error_setg(errp, "Property '%s.%s' doesn't take value '%s'",
               object_get_typename(obj), name, value);
}

/* Whether the property may be set now: only before realize. */
static bool prop_settable(Object *obj, const char *name, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        qdev_prop_set_after_realize(dev, name, errp);
        return false;
    }
    return true;
}

/*
 * Accessors of the plain kinds: the field is visited directly; a setter
 * visits into a local first, so a refused value leaves the field alone.
 */
#define QDEV_PROP_FIELD_ACCESSORS(kind, ctype, visit)                     \
    static bool get_##kind(Object *obj, Visitor *v, const char *name,    \
                           void *opaque, Error **errp)                   \
    {                                                                     \
        ctype *ptr = object_field_prop_ptr(obj, opaque);                  \
                                                                          \
        return visit(v, name, ptr, errp);                                 \
    }                                                                     \
    static bool set_##kind(Object *obj, Visitor *v, const char *name,    \
                           void *opaque, Error **errp)                   \
    {                                                                     \
        ctype *ptr = object_field_prop_ptr(obj, opaque);                  \
        ctype value;                                                      \
                                                                          \
        if (!prop_settable(obj, name, errp) ||                            \
            !visit(v, name, &value, errp)) {                              \
            return false;                                                 \
        }                                                                 \
        *ptr = value;                                                     \
        return true;                                                      \
    }

QDEV_PROP_FIELD_ACCESSORS(bool, bool, visit_type_bool)
QDEV_PROP_FIELD_ACCESSORS(uint8, uint8_t, visit_type_uint8)
QDEV_PROP_FIELD_ACCESSORS(uint16, uint16_t, visit_type_uint16)
QDEV_PROP_FIELD_ACCESSORS(uint32, uint32_t, visit_type_uint32)
QDEV_PROP_FIELD_ACCESSORS(int32, int32_t, visit_type_int32)
QDEV_PROP_FIELD_ACCESSORS(uint64, uint64_t, visit_type_uint64)
QDEV_PROP_FIELD_ACCESSORS(size, uint64_t, visit_type_size)

static void set_default_bool(ObjectProperty *op, const Property *prop)
{
    object_property_set_default_bool(op, prop->defval.u);
}

static void set_default_int(ObjectProperty *op, const Property *prop)
{
    object_property_set_default_int(op, prop->defval.i);
}

static void set_default_uint(ObjectProperty *op, const Property *prop)
{
    object_property_set_default_uint(op, prop->defval.u);
}

const PropertyInfo qdev_prop_bool = {
    .name = "bool",
    .description = "on/off",
    .get = get_bool,
    .set = set_bool,
    .set_default_value = set_default_bool,
};

const PropertyInfo qdev_prop_uint8 = {
    .name = "uint8",
    .get = get_uint8,
    .set = set_uint8,
    .set_default_value = set_default_uint,
};

const PropertyInfo qdev_prop_uint16 = {
    .name = "uint16",
    .get = get_uint16,
    .set = set_uint16,
    .set_default_value = set_default_uint,
};

const PropertyInfo qdev_prop_uint32 = {
    .name = "uint32",
    .get = get_uint32,
    .set = set_uint32,
    .set_default_value = set_default_uint,
};

const PropertyInfo qdev_prop_int32 = {
    .name = "int32",
    .get = get_int32,
    .set = set_int32,
    .set_default_value = set_default_int,
};

const PropertyInfo qdev_prop_uint64 = {
    .name = "uint64",
    .get = get_uint64,
    .set = set_uint64,
    .set_default_value = set_default_uint,
};

const PropertyInfo qdev_prop_size = {
    .name = "size",
    .get = get_size,
    .set = set_size,
    .set_default_value = set_default_uint,
};

/* Strings: NULL reads as "". */
static bool get_string(Object *obj, Visitor *v, const char *name,
                       void *opaque, Error **errp)
{
    char **ptr = object_field_prop_ptr(obj, opaque);
    char *value = *ptr ? *ptr : (char *)"";

    return visit_type_str(v, name, &value, errp);
}

static bool set_string(Object *obj, Visitor *v, const char *name,
                       void *opaque, Error **errp)
{
    char **ptr = object_field_prop_ptr(obj, opaque);
    char *value;

    if (!prop_settable(obj, name, errp) ||
        !visit_type_str(v, name, &value, errp)) {
        return false;
    }
    g_free(*ptr);
    *ptr = value;
    return true;
}

static void release_string(Object *obj, const char *name, void *opaque)
{
    char **ptr = object_field_prop_ptr(obj, opaque);

    g_clear_pointer(ptr, g_free);
}

const PropertyInfo qdev_prop_string = {
    .name = "str",
    .get = get_string,
    .set = set_string,
    .release = release_string,
};

/* Enums: the field is an int-sized C enum, visited by value name. */
static bool get_enum(Object *obj, Visitor *v, const char *name,
                     void *opaque, Error **errp)
{
    Property *prop = opaque;
    int *ptr = object_field_prop_ptr(obj, prop);

    return visit_type_enum(v, name, ptr, prop->info->enum_table, errp);
}

static bool set_enum(Object *obj, Visitor *v, const char *name,
                     void *opaque, Error **errp)
{
    Property *prop = opaque;
    int *ptr = object_field_prop_ptr(obj, prop);
    int value;

    if (!prop_settable(obj, name, errp) ||
        !visit_type_enum(v, name, &value, prop->info->enum_table, errp)) {
        return false;
    }
    *ptr = value;
    return true;
}

static void set_default_enum(ObjectProperty *op, const Property *prop)
{
    object_property_set_default_str(
        op, qapi_enum_lookup(prop->info->enum_table, prop->defval.i));
}

const PropertyInfo qdev_prop_on_off_auto = {
    .name = "OnOffAuto",
    .description = "on/off/auto",
    .enum_table = &OnOffAuto_lookup,
    .get = get_enum,
    .set = set_enum,
    .set_default_value = set_default_enum,
};

const PropertyInfo qdev_prop_losttickpolicy = {
    .name = "LostTickPolicy",
    .enum_table = &LostTickPolicy_lookup,
    .get = get_enum,
    .set = set_enum,
    .set_default_value = set_default_enum,
};

/*
 * PCI addresses: "SLOT[.FN]" in hex (slot 0-0x1f, function 0-7) or, from
 * JSON, the number SLOT << 3 | FN; -1 means automatic.
 */
static bool parse_pci_devfn(const char *str, int32_t *devfn)
{
    unsigned int slot, fn = 0;
    int n = 0;

    if (2 != sscanf(str, "%x.%x%n", &slot, &fn, &n)) {
        fn = 0;
        if (1 != sscanf(str, "%x%n", &slot, &n)) {
            return false;
        }
    }
    if (str[n] || 7 < fn || 31 < slot) {
        return false;
    }
    *devfn = slot << 3 | fn;
    return true;
}

static bool set_pci_devfn(Object *obj, Visitor *v, const char *name,
                          void *opaque, Error **errp)
{
    int32_t *ptr = object_field_prop_ptr(obj, opaque);
    g_autofree char *str = NULL;
    int32_t value;

    if (!prop_settable(obj, name, errp)) {
        return false;
    }
    if (!visit_type_str(v, name, &str, NULL)) {
        if (!visit_type_int32(v, name, &value, errp)) {
            return false;
        }
        if (-1 > value || 255 < value) {
            error_setg(errp, "Parameter '%s' expects a value between -1 and "
                       "255", name);
            return false;
        }
        *ptr = value;
        return true;
    }
    if (!parse_pci_devfn(str, &value)) {
        qdev_prop_error_value(obj, name, str, errp);
        return false;
    }
    *ptr = value;
    return true;
}

static char *print_pci_devfn(Object *obj, Property *prop)
{
    int32_t *ptr = object_field_prop_ptr(obj, prop);

    if (-1 == *ptr) {
        return g_strdup("<unset>");
    }
    return g_strdup_printf("%02x.%x", *ptr >> 3, *ptr & 7);
}

const PropertyInfo qdev_prop_pci_devfn = {
    .name = "int32",
    .description = "Slot and optional function number, example: 06.0 or 06",
    .print = print_pci_devfn,
    .get = get_int32,
    .set = set_pci_devfn,
    .set_default_value = set_default_int,
};

/* Links: a QOM link property, changeable only before realize. */
static bool link_settable(const Object *obj, const char *name, Object *val,
                          Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        error_setg(errp, "Attempt to set link property '%s' on device '%s' "
                   "(type '%s') after it was realized", name,
                   dev->id ? dev->id : "", object_get_typename(OBJECT(obj)));
        return false;
    }
    return true;
}

static ObjectProperty *create_link(ObjectClass *oc, const char *name,
                                   Property *prop)
{
    return object_class_property_add_link(oc, name, prop->link_type,
                                          prop->offset, link_settable,
                                          OBJ_PROP_LINK_STRONG);
}

const PropertyInfo qdev_prop_link = {
    .name = "link",
    .create = create_link,
};

static void qdev_class_add_property(DeviceClass *dc, Property *prop)
{
    ObjectClass *oc = OBJECT_CLASS(dc);
    ObjectProperty *op;

    if (prop->info->create) {
        op = prop->info->create(oc, prop->name, prop);
    } else {
        op = object_class_property_add(oc, prop->name, prop->info->name,
                                       prop->info->get, prop->info->set,
                                       prop->info->release, prop);
    }
    if (prop->set_default && prop->info->set_default_value) {
        prop->info->set_default_value(op, prop);
    }
    if (prop->info->description) {
        object_class_property_set_description(oc, prop->name,
                                              prop->info->description);
    }
}

void device_class_set_props(DeviceClass *dc, Property *props)
{
    Property *prop;

    dc->props = props;
    for (prop = props; prop->name; prop++) {
        qdev_class_add_property(dc, prop);
    }
}

Property *qdev_find_prop(DeviceState *dev, const char *name)
{
    ObjectClass *oc = object_get_class(OBJECT(dev));
    Property *prop;

    for (; object_class_dynamic_cast(oc, TYPE_DEVICE);
         oc = object_class_get_parent(oc)) {
        for (prop = DEVICE_CLASS(oc)->props; prop && prop->name; prop++) {
            if (!strcmp(prop->name, name)) {
                return prop;
            }
        }
    }
    return NULL;
}
