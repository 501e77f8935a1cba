/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-tree.h: the composition tree. Objects own their children through
 * child<T> properties, refer to others through link<T> properties, and
 * are named by paths from the root "/" ("/objects/m0",
 * "/machine/peripheral/dev0"). Included by qom/object.h.
 *
 * Paths: an absolute path starts with '/' and names each child (or link)
 * on the way; empty components are skipped ("//machine/" is "/machine").
 * A partial path ("peripheral/dev0", "dev0") names the one object anywhere
 * in the tree whose path ends with it; when several do, it is ambiguous.
 */
#ifndef QOM_OBJECT_TREE_H
#define QOM_OBJECT_TREE_H

#include "qom/object-props.h"

/* Options of link properties. */
typedef enum ObjectPropertyLinkFlags {
    /* The link holds a reference to its target (else it only points). */
    OBJ_PROP_LINK_STRONG = 1 << 0,
} ObjectPropertyLinkFlags;

/*
 * ObjectPropertyLinkCheck: whether the link property @name of @obj may
 * point to @val (NULL: be cleared); false with @errp set to refuse.
 */
typedef bool (ObjectPropertyLinkCheck)(const Object *obj, const char *name,
                                       Object *val, Error **errp);

/* An ObjectPropertyLinkCheck that allows every change. */
bool object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp);

/**
 * object_property_try_add_child: make @child the child @name of @obj, of
 * type "child<TYPE>". @obj takes its own reference to @child, so the
 * caller still drops its own one. @child must not have a parent yet (a
 * programming bug otherwise). Reading the property gives the child's
 * canonical path; it cannot be written.
 * Returns: the property (borrowed), or NULL with @errp set when @name is
 * taken or invalid (see object_property_try_add()).
 */
ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp);

/* object_property_try_add_child() where failure is a bug (aborts). */
ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child);

/**
 * object_unparent: remove @obj from its parent, which drops the parent's
 * reference (and finalizes @obj when that was the last one). The class's
 * unparent method runs first. Nothing happens when @obj has no parent.
 */
void object_unparent(Object *obj);

/**
 * object_property_add_link: add the property @name of type "link<@type>" to
 * @obj, stored in *@targetp (inside @obj). Reading it gives the target's
 * canonical path ("" when unset); writing takes a path, absolute or
 * partial, of an object of type @type ("" clears it), which @check (not
 * NULL) may refuse. With OBJ_PROP_LINK_STRONG the link holds a reference to
 * its target, dropped when the link changes or @obj is finalized.
 * Returns: the property (borrowed). A taken name aborts.
 */
ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         ObjectPropertyLinkCheck *check,
                                         ObjectPropertyLinkFlags flags);

/* The same for every instance of @klass: the pointer is at @offset. */
ObjectProperty *object_class_property_add_link(ObjectClass *klass,
                                               const char *name,
                                               const char *type,
                                               ptrdiff_t offset,
                                               ObjectPropertyLinkCheck *check,
                                               ObjectPropertyLinkFlags flags);

/**
 * object_property_add_alias: add the property @name to @obj that reads and
 * writes the property @target_name of @target_obj (borrowed: it must
 * outlive the alias, typically a child of @obj). It has the target's type,
 * description and default, except that an alias of a child<T> is a
 * link<T>. The target property must exist (else abort).
 * Returns: the property (borrowed).
 */
ObjectProperty *object_property_add_alias(Object *obj, const char *name,
                                          Object *target_obj,
                                          const char *target_name);

/* Whether @prop is a child<T> property, or a link<T> (or alias of one). */
bool object_property_is_child(const ObjectProperty *prop);
bool object_property_is_link(const ObjectProperty *prop);

/* The root of the tree, "/", a container created on first use. Borrowed. */
Object *object_get_root(void);

/* The container "/objects", where user-created objects live. Borrowed. */
Object *object_get_objects_root(void);

/**
 * object_get_canonical_path: the absolute path of @obj ("/" for the root).
 * Returns: a new string, or NULL when @obj is not in the tree.
 */
char *object_get_canonical_path(const Object *obj);

/*
 * The name of @obj's child property in its parent (borrowed), or NULL
 * when it has no parent.
 */
const char *object_get_canonical_path_component(const Object *obj);

/**
 * object_resolve_path_type: the object at @path (absolute or partial) that
 * is an instance of @typename (NULL: any type). With a partial path, only
 * matching objects of that type count, so "" finds the only instance of
 * @typename in the tree.
 * Returns: the object (borrowed), or NULL; then *@ambiguous (if not NULL)
 * says whether it was because several objects matched.
 */
Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous);

/* object_resolve_path_type() for any type. */
Object *object_resolve_path(const char *path, bool *ambiguous);

/*
 * The object the property @part of @parent stands for: the child, or the
 * link's target. NULL when there is no such property, it is neither, or
 * the link is unset. Borrowed.
 */
Object *object_resolve_path_component(Object *parent, const char *part);

/*
 * Call @fn(child, @opaque) for each child of @obj in the order they were
 * added, stopping at the first non-zero return, which is returned (else 0).
 * @fn may unparent the child it is given, but add or remove no other child
 * of @obj. The _recursive variant visits the whole subtree, each child
 * before its own children.
 */
int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque);
int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque);

#endif /* QOM_OBJECT_TREE_H */
