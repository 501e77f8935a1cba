/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-props.h: QOM properties, the named and typed values of an object
 * (instance properties) or of all instances of a class (class properties),
 * read and written through visitors. Included by qom/object.h.
 *
 * A property has a type string for introspection ("bool", "uint32",
 * "string", "child<foo>", "link<foo>", a QAPI enum name, ...) and accessor
 * callbacks. A property without a getter is write-only, one without a
 * setter read-only. Error messages name the object's type and the
 * property: "Property 'memory-backend-ram.size' is not writable".
 */
#ifndef QOM_OBJECT_PROPS_H
#define QOM_OBJECT_PROPS_H

#include "qapi/visitor.h"

/*
 * ObjectPropertyAccessor: read the property @name of @obj into the visitor
 * @v (a getter) or write it from @v (a setter), visiting the value as @name.
 * @opaque is the property's. Returns false with @errp set on failure.
 */
typedef bool (ObjectPropertyAccessor)(Object *obj, Visitor *v,
                                      const char *name, void *opaque,
                                      Error **errp);

/*
 * ObjectPropertyResolve: the object the property stands for in a path
 * (the child, the link's target), or NULL. @part is the property's name.
 */
typedef Object *(ObjectPropertyResolve)(Object *obj, void *opaque,
                                        const char *part);

/*
 * ObjectPropertyRelease: free what the property holds for @obj. Called when
 * an instance property is deleted and, for every property, when @obj is
 * finalized.
 */
typedef void (ObjectPropertyRelease)(Object *obj, const char *name,
                                     void *opaque);

/* ObjectPropertyInit: give a new instance the property's default value. */
typedef void (ObjectPropertyInit)(Object *obj, ObjectProperty *prop);

/*
 * ObjectProperty: one property. Fill in what object_property_add() does not
 * take as arguments (resolve, description, defaults) through the functions
 * below.
 */
struct ObjectProperty {
    char *name;
    char *type;
    char *description;          /* or NULL */
    ObjectPropertyAccessor *get;
    ObjectPropertyAccessor *set;
    ObjectPropertyResolve *resolve;
    ObjectPropertyRelease *release;
    ObjectPropertyInit *init;   /* class properties: run for new instances */
    void *opaque;
    QObject *defval;            /* the default for help texts, or NULL */
    GList *node;                /* private: its place in the table's order */
};

/*
 * The properties of one object or class (private to qom/): by name, and
 * in the order they were added.
 */
typedef struct ObjectPropertyTable {
    GHashTable *by_name;        /* name -> ObjectProperty *, owning them */
    GQueue order;               /* the same properties, oldest first */
} ObjectPropertyTable;

/**
 * object_property_try_add: add the instance property @name of type @type
 * to @obj. A name ending in "[*]" gets the first free index instead
 * ("device[*]" becomes "device[0]", "device[1]", ...). @opaque is passed
 * to the callbacks; @release (or NULL) frees it.
 * Returns: the property (borrowed: owned by @obj), or NULL with @errp set
 * when @name is empty, contains '/', or is taken by an instance or class
 * property.
 */
ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyAccessor *get,
                                        ObjectPropertyAccessor *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp);

/* object_property_try_add() where failure is a programming bug (aborts). */
ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyAccessor *get,
                                    ObjectPropertyAccessor *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque);

/**
 * object_class_property_add: add a property to every instance of @klass and
 * its subclasses, typically from class_init. @opaque is shared by all
 * instances; @release runs for each instance when it is finalized.
 * A taken or invalid name aborts. Returns: the property (borrowed).
 */
ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name, const char *type,
                                          ObjectPropertyAccessor *get,
                                          ObjectPropertyAccessor *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque);

/*
 * Delete the instance property @name of @obj, releasing it. Nothing happens
 * when there is none (class properties cannot be deleted).
 */
void object_property_del(Object *obj, const char *name);

/* The property @name of @obj, instance or class, or NULL. Borrowed. */
ObjectProperty *object_property_find(Object *obj, const char *name);

/*
 * object_property_find(), failing with "Property 'TYPE.NAME' not found".
 */
ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp);

/* The class property @name of @klass or of one of its parents, or NULL. */
ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name);

/* object_class_property_find(), failing like object_property_find_err(). */
ObjectProperty *object_class_property_find_err(ObjectClass *klass,
                                               const char *name,
                                               Error **errp);

/*
 * Iterating over properties: the class properties of the root type first,
 * then those of each subclass down to the object's class, each in the
 * order added, then the instance properties in the order added. Deleting
 * the property just returned is allowed; other changes are not.
 *
 *     ObjectPropertyIterator iter;
 *     ObjectProperty *prop;
 *
 *     object_property_iter_init(&iter, obj);
 *     while ((prop = object_property_iter_next(&iter))) { ... }
 */
typedef struct ObjectPropertyIterator {
    Object *obj;                /* NULL: class properties only */
    ObjectClass *leaf;          /* the class whose properties come last */
    ObjectClass *klass;         /* the class being walked; NULL: instance */
    GList *next;
} ObjectPropertyIterator;

/* Start iterating over every property of @obj. */
void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj);

/* Start iterating over the class properties of @klass and its parents. */
void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass);

/* The next property (borrowed), or NULL at the end. */
ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter);

/* Set the description (copied) of the property @name, which must exist. */
void object_property_set_description(Object *obj, const char *name,
                                     const char *description);
void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description);

/*
 * Record the default value of @prop, shown by help texts and
 * qom-list-properties. On a class property, every new instance is also
 * set to it, before its instance_init runs. At most one default per
 * property; @prop must have a setter.
 */
void object_property_set_default_bool(ObjectProperty *prop, bool value);
void object_property_set_default_str(ObjectProperty *prop, const char *value);
void object_property_set_default_int(ObjectProperty *prop, int64_t value);
void object_property_set_default_uint(ObjectProperty *prop, uint64_t value);

/**
 * object_property_get: visit the value of the property @name of @obj with
 * the visitor @v (an output visitor, normally).
 * Returns: false with @errp set when there is no such property, it is not
 * readable ("Property 'TYPE.NAME' is not readable"), or its getter fails.
 */
bool object_property_get(Object *obj, const char *name, Visitor *v,
                         Error **errp);

/**
 * object_property_set: set the property @name of @obj from the visitor @v
 * (an input visitor).
 * Returns: false with @errp set when there is no such property, it is not
 * writable ("Property 'TYPE.NAME' is not writable"), or its setter refuses
 * the value (the value is unchanged then).
 */
bool object_property_set(Object *obj, const char *name, Visitor *v,
                         Error **errp);

/* The value of the property as a QObject (a new reference), or NULL. */
QObject *object_property_get_qobject(Object *obj, const char *name,
                                     Error **errp);

/* Set the property from @value (borrowed), read as typed JSON. */
bool object_property_set_qobject(Object *obj, const char *name,
                                 QObject *value, Error **errp);

/*
 * Typed shortcuts. The getters fail with "Invalid parameter type for
 * 'NAME', expected: string" (boolean, int, uint) when the property holds
 * another type; on failure get_str returns NULL, get_bool false, get_int
 * -1 and get_uint 0. get_str returns a new string.
 */
bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp);
char *object_property_get_str(Object *obj, const char *name, Error **errp);
bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp);
bool object_property_get_bool(Object *obj, const char *name, Error **errp);
bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp);
int64_t object_property_get_int(Object *obj, const char *name, Error **errp);
bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp);
uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp);

/*
 * Point the link property @name of @obj at @value (NULL: clear it), which
 * must be in the composition tree (it is named by its canonical path).
 */
bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp);

/*
 * The target of the link property @name (borrowed), or NULL when it is
 * unset or on failure.
 */
Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp);

/*
 * Set the property from text, as -object and -device values are given:
 * read with the string input visitor ("on", "4K", "0x10", an enum name).
 */
bool object_property_parse(Object *obj, const char *name, const char *string,
                           Error **errp);

/*
 * The value of the property as text (a new string), written by the string
 * output visitor; @human gives the "info qtree" form ("42 (0x2a)").
 */
char *object_property_print(Object *obj, const char *name, bool human,
                            Error **errp);

/* The type string of the property @name (borrowed), or NULL. */
const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp);

/*
 * One line of help text for a property, as -object TYPE,help and -device
 * DRIVER,help print it: "  name=<type>" and, when there is a description
 * or a default, padding to column 24, " - ", the description and
 * " (default: JSON)". Returns a new string.
 */
char *object_property_help(const char *name, const char *type,
                           const QObject *defval, const char *description);

/*
 * The help text of a type: "TYPE options:" and @lines (borrowed; sorted
 * in place), each one an object_property_help() line, or "There are no
 * options for TYPE." without any. Returns a new string.
 */
char *object_property_help_list(const char *typename, GPtrArray *lines);

/*
 * The help text of the settable class properties of @klass and its
 * parents, as -object TYPE,help and -M TYPE,help print it. Returns a new
 * string.
 */
char *object_class_property_help_text(ObjectClass *klass);

#endif /* QOM_OBJECT_PROPS_H */
