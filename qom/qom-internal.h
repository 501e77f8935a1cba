/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qom-internal.h: what the files of qom/ share and nothing else sees: the
 * type records behind Type, and the property tables of objects and
 * classes.
 */
#ifndef QOM_INTERNAL_H
#define QOM_INTERNAL_H

#include "qapi-types-qom.h"
#include "qom/object.h"

/* A registered type: a copy of its TypeInfo, and its class once built. */
struct TypeImpl {
    char *name;
    char *parent_name;          /* NULL for a root type */
    struct TypeImpl *parent;    /* looked up when the class is built */
    size_t instance_size;       /* 0: the parent's, until the class is built */
    size_t class_size;          /* likewise */
    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);
    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;
    bool abstract;
    const InterfaceInfo *interfaces;    /* borrowed from the TypeInfo */
    ObjectClass *class;         /* NULL until first use */
};

/* The type called @name, or NULL. */
Type type_get_by_name(const char *name);

/* Build the class of @type (and its parents') if not done yet. */
void type_initialize(Type type);

/* The parent of @type, or NULL for a root type; an unknown one aborts. */
Type type_get_parent(Type type);

/* Make @table empty. */
void object_property_table_init(ObjectPropertyTable *table);

/* Free the (empty) @table. */
void object_property_table_destroy(ObjectPropertyTable *table);

/*
 * The getter (@write false) or setter of the property @name of @obj, and
 * its opaque in *@opaque; NULL with @errp set when there is no such
 * property or it cannot be read (written).
 */
ObjectPropertyAccessor *object_property_find_accessor(Object *obj,
                                                      const char *name,
                                                      bool write,
                                                      void **opaque,
                                                      Error **errp);

/* Give the new instance @obj the defaults of its class properties. */
void object_class_property_init_all(Object *obj);

/*
 * Release every property of @obj (finalization): instance properties
 * newest first, each removed, then the class properties' release hooks.
 */
void object_property_del_all(Object *obj);

/*
 * The arguments in -object text @str: a JSON object, or keyval text with
 * implied key "qom-type" (then *@keyval is set, and "help" sets *@help
 * when @help is not NULL). Returns a new reference, or NULL with @errp set.
 */
QDict *user_creatable_parse_args(const char *str, bool *keyval, bool *help,
                                 Error **errp);

/*
 * The ObjectOptions in @args (from user_creatable_parse_args()), checked
 * against the schema. Returns a new ObjectOptions, or NULL with @errp set.
 */
ObjectOptions *user_creatable_parse_options(const QDict *args, bool keyval,
                                            Error **errp);

#endif /* QOM_INTERNAL_H */
