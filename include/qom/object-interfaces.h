/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-interfaces.h: user-creatable objects, the ones a user creates
 * with -object or QMP object-add and deletes with object-del. They live
 * at /objects/ID. A type becomes user-creatable by implementing the
 * interface TYPE_USER_CREATABLE; docs/devel/qom.md shows how.
 */
#ifndef QOM_OBJECT_INTERFACES_H
#define QOM_OBJECT_INTERFACES_H

#include "qapi-types-qom.h"
#include "qom/object.h"

#define TYPE_USER_CREATABLE "user-creatable"

typedef struct UserCreatable UserCreatable;

/**
 * UserCreatableClass: the interface's methods, both optional.
 * @complete: finish the object once its properties are set (allocate,
 *   open files); false with @errp set fails the creation. Runs before the
 *   object is visible to anyone but its creator.
 * @can_be_deleted: whether the object may be deleted now (false while
 *   the machine uses it).
 */
typedef struct UserCreatableClass {
    InterfaceClass parent_class;
    bool (*complete)(UserCreatable *uc, Error **errp);
    bool (*can_be_deleted)(UserCreatable *uc);
} UserCreatableClass;

DECLARE_CLASS_CHECKERS(UserCreatableClass, USER_CREATABLE, TYPE_USER_CREATABLE)
DECLARE_INSTANCE_CHECKER(UserCreatable, USER_CREATABLE, TYPE_USER_CREATABLE)

/* Call @uc's complete method, if it has one. */
bool user_creatable_complete(UserCreatable *uc, Error **errp);

/* Whether @uc may be deleted (its can_be_deleted method; true without). */
bool user_creatable_can_be_deleted(UserCreatable *uc);

/**
 * object_set_properties_from_qdict: set the properties of @obj named by
 * the keys of @qdict (borrowed), in order, reading each value from @v, a
 * QObject input visitor over @qdict (strict for QMP, keyval for the
 * command line). Stops at the first failure; an unknown key fails with
 * "Property 'TYPE.KEY' not found".
 */
bool object_set_properties_from_qdict(Object *obj, const QDict *qdict,
                                      Visitor *v, Error **errp);

/**
 * user_creatable_add_type: create an object of the user-creatable,
 * non-abstract type @type with the properties in @qdict (read through @v,
 * as for object_set_properties_from_qdict()), put it at /objects/@id (a
 * well-formed id, not taken) unless @id is NULL, and complete it.
 * Returns: the object (a new reference: the caller drops it, /objects keeps
 * its own), or NULL with @errp set and nothing left behind.
 */
Object *user_creatable_add_type(const char *type, const char *id,
                                const QDict *qdict, Visitor *v, Error **errp);

/**
 * user_creatable_add_qapi: create the object @options (borrowed)
 * describes, as QMP object-add and -object do: user_creatable_add_type()
 * with the properties given. Returns false with @errp set on failure.
 */
bool user_creatable_add_qapi(ObjectOptions *options, Error **errp);

/**
 * user_creatable_add_from_str: create the object described by -object
 * option text @str: "TYPE,id=ID,prop=value,..." (keyval syntax) or a JSON
 * object {"qom-type": TYPE, "id": ID, ...}, checked against ObjectOptions
 * like object-add's arguments. Returns false with @errp set on failure.
 */
bool user_creatable_add_from_str(const char *str, Error **errp);

/**
 * user_creatable_del: delete the object /objects/@id. Refused while a
 * link property anywhere in the tree points to it ("object 'ID' is in
 * use, can not be deleted: property 'PROP' of 'PATH' links to it") or
 * while its can_be_deleted method says no. Returns false with @errp set.
 */
bool user_creatable_del(const char *id, Error **errp);

/**
 * user_creatable_print_help: help for -object, through error_printf().
 * @type NULL, "help" or "?": the list of user-creatable types. The name of
 * a type: its settable properties with type, description and default.
 * Returns: false, printing nothing, when @type names no type.
 */
bool user_creatable_print_help(const char *type);

#endif /* QOM_OBJECT_INTERFACES_H */
