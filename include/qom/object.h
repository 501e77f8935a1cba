/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object.h: the QEMU Object Model (QOM) of kvmini. Types are registered from
 * static TypeInfo descriptions; their classes are built on first use, with
 * single inheritance and stateless interfaces; instances are
 * reference-counted and cast with checks. This header also brings in
 * properties (object-props.h, object-props-typed.h) and the composition
 * tree (object-tree.h). docs/devel/qom.md explains the model.
 *
 * Threads: types and objects are used by the thread holding the big lock
 * (the main loop, or a vCPU thread that took it). Only object_ref() and
 * object_unref() are atomic.
 */
#ifndef QOM_OBJECT_H
#define QOM_OBJECT_H

#include "qom/object-props.h"
#include "qom/object-props-typed.h"
#include "qom/object-tree.h"

/* The name of the root of all instantiable types and of all interfaces. */
#define TYPE_OBJECT "object"
#define TYPE_INTERFACE "interface"

/* A registered type (opaque). */
typedef struct TypeImpl *Type;

typedef struct InterfaceInfo {
    const char *type;           /* the interface's type name */
} InterfaceInfo;

/**
 * TypeInfo: the static description of a type, given to type_register_static().
 * @name: the type name, unique ("memory-backend-ram")
 * @parent: the parent type's name (NULL only for TYPE_OBJECT, TYPE_INTERFACE)
 * @instance_size: sizeof the instance struct; 0 inherits the parent's
 * @instance_init: initialise an instance's own part; cannot fail. Runs after
 *   the parent's instance_init and after class property defaults are set.
 * @instance_post_init: runs after every instance_init, the type's first,
 *   then its parents'
 * @instance_finalize: release the instance's own part; runs before the
 *   parent's instance_finalize
 * @abstract: no instances of this type itself
 * @class_size: sizeof the class struct; 0 inherits the parent's
 * @class_init: fill in the class (methods, class properties). The parent
 *   class was copied in first, so overriding means saving the parent's
 *   method and installing your own.
 * @class_base_init: runs for every subclass, before its class_init, on the
 *   copy of this class it got (to reset what must not be inherited)
 * @class_data: passed to @class_init and @class_base_init
 * @interfaces: the interfaces this type implements, ended by an empty entry
 */
typedef struct TypeInfo {
    const char *name;
    const char *parent;
    size_t instance_size;
    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);
    bool abstract;
    size_t class_size;
    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;
    const InterfaceInfo *interfaces;
} TypeInfo;

/* Called when a child is removed from its parent (see ObjectClass). */
typedef void (ObjectUnparent)(Object *obj);

/* Frees the memory of an instance whose last reference went away. */
typedef void (ObjectFree)(void *obj);

/*
 * ObjectClass: the base of every class struct (member `parent_class` of a
 * subclass). One per type, built on first use and never freed.
 */
struct ObjectClass {
    Type type;                  /* private */
    GSList *interfaces;         /* private: its InterfaceClass of each */
    ObjectPropertyTable properties;    /* private: class properties */
    /* Called when an instance stops being a child in the tree; may be NULL. */
    ObjectUnparent *unparent;
};

/*
 * Object: the base of every instance struct (member `parent_obj` of a
 * subclass). All members are private: use the functions below.
 */
struct Object {
    ObjectClass *class;
    ObjectFree *free;           /* NULL for embedded objects */
    ObjectPropertyTable properties;
    int ref;                    /* atomic */
    Object *parent;             /* the owner in the composition tree */
};

/*
 * InterfaceClass: the base of every interface's class struct. A class that
 * implements an interface holds its own copy of it, which casting the class
 * to the interface type returns.
 */
typedef struct InterfaceClass {
    ObjectClass parent_class;
    ObjectClass *concrete_class;        /* private */
    Type interface_type;                /* private */
} InterfaceClass;

/* Unchecked casts to the base types; NULL stays NULL. */
#define OBJECT(obj) ((Object *)(obj))
#define OBJECT_CLASS(klass) ((ObjectClass *)(klass))

/* Checked casts: a wrong type aborts, naming both types; NULL stays NULL. */
#define OBJECT_CHECK(type, obj, name) \
    ((type *)object_dynamic_cast_assert(OBJECT(obj), (name), \
                                        __FILE__, __LINE__, __func__))
#define OBJECT_CLASS_CHECK(class_type, klass, name) \
    ((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(klass), \
                                                    (name), __FILE__, \
                                                    __LINE__, __func__))
#define OBJECT_GET_CLASS(class_type, obj, name) \
    OBJECT_CLASS_CHECK(class_type, object_get_class(OBJECT(obj)), name)

/* Define FOO(obj), the checked cast of any instance pointer to InstanceType. */
#define DECLARE_INSTANCE_CHECKER(InstanceType, OBJ_NAME, TYPENAME)       \
    static inline G_GNUC_UNUSED InstanceType *OBJ_NAME(const void *obj)  \
    {                                                                    \
        return OBJECT_CHECK(InstanceType, obj, TYPENAME);                \
    }

/* Define FOO_CLASS(klass) and FOO_GET_CLASS(obj) for ClassType. */
#define DECLARE_CLASS_CHECKERS(ClassType, OBJ_NAME, TYPENAME)               \
    static inline G_GNUC_UNUSED ClassType *OBJ_NAME##_GET_CLASS(            \
        const void *obj)                                                    \
    {                                                                       \
        return OBJECT_GET_CLASS(ClassType, obj, TYPENAME);                  \
    }                                                                       \
    static inline G_GNUC_UNUSED ClassType *OBJ_NAME##_CLASS(                \
        const void *klass)                                                  \
    {                                                                       \
        return OBJECT_CLASS_CHECK(ClassType, klass, TYPENAME);              \
    }

#define DECLARE_OBJ_CHECKERS(InstanceType, ClassType, OBJ_NAME, TYPENAME)  \
    DECLARE_INSTANCE_CHECKER(InstanceType, OBJ_NAME, TYPENAME)             \
    DECLARE_CLASS_CHECKERS(ClassType, OBJ_NAME, TYPENAME)

/*
 * OBJECT_DECLARE_TYPE(Foo, FooClass, FOO): typedefs for struct Foo and
 * struct FooClass, g_autoptr(Foo), and the casts FOO(), FOO_CLASS() and
 * FOO_GET_CLASS() checked against TYPE_FOO.
 */
#define OBJECT_DECLARE_TYPE(InstanceType, ClassType, MODULE_OBJ_NAME)     \
    typedef struct InstanceType InstanceType;                             \
    typedef struct ClassType ClassType;                                   \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(InstanceType, object_unref)             \
    DECLARE_OBJ_CHECKERS(InstanceType, ClassType, MODULE_OBJ_NAME,        \
                         TYPE_##MODULE_OBJ_NAME)

/*
 * OBJECT_DECLARE_SIMPLE_TYPE(Foo, FOO): the same for a type without a class
 * struct of its own.
 */
#define OBJECT_DECLARE_SIMPLE_TYPE(InstanceType, MODULE_OBJ_NAME)         \
    typedef struct InstanceType InstanceType;                             \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(InstanceType, object_unref)             \
    DECLARE_INSTANCE_CHECKER(InstanceType, MODULE_OBJ_NAME,               \
                             TYPE_##MODULE_OBJ_NAME)

/*
 * type_init(fn): run @fn at program start-up (a constructor), to register
 * the types of one file with type_register_static(). One per file.
 * Static libraries holding only types must be linked whole (link_whole).
 */
#define type_init(function)                                             \
    static void __attribute__((constructor)) type_init_##function(void) \
    {                                                                   \
        function();                                                     \
    }

/**
 * type_register_static: register the type @info describes (borrowed: it
 * must stay valid for the life of the process). The parent may be
 * registered later; it is looked up when the class is first needed.
 * Registering a name twice aborts. Returns: the new type.
 */
Type type_register_static(const TypeInfo *info);

/**
 * object_new: create an instance of @typename, which must be registered
 * and not abstract (else abort: a programming bug).
 * Returns: a new reference, owned by the caller.
 */
Object *object_new(const char *typename);

/* object_new() for the type of @klass. Returns a new reference. */
Object *object_new_with_class(ObjectClass *klass);

/**
 * object_initialize: initialise an instance of @typename in the caller's
 * memory @data of @size bytes (an object embedded in another struct). The
 * caller holds the one reference; the memory is not freed when it goes.
 */
void object_initialize(void *data, size_t size, const char *typename);

/**
 * object_initialize_child: object_initialize() the embedded @child as
 * @type, then make it the child @propname of @parent, which becomes its
 * only owner (the initial reference is dropped). Failure aborts.
 */
#define object_initialize_child(parent, propname, child, type)          \
    object_initialize_child_internal((parent), (propname),              \
                                     (child), sizeof(*(child)), (type))
void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *type);

/**
 * object_ref: take a reference to @obj (any instance pointer, or NULL).
 * Returns: @obj.
 */
Object *object_ref(void *obj);

/**
 * object_unref: drop a reference to @obj (NULL is allowed). The last one
 * finalizes it: every property is released (children unparented, links
 * dropped; instance properties newest first, then class properties), then
 * instance_finalize runs for its type, then for each parent type in turn,
 * and the memory is freed unless the object was embedded.
 */
void object_unref(void *obj);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Object, object_unref)

/*
 * object_dynamic_cast: @obj if it is an instance of @typename (the type, a
 * subtype, or a type implementing the interface @typename), else NULL.
 * Borrowed like @obj.
 */
Object *object_dynamic_cast(Object *obj, const char *typename);

/* OBJECT_CHECK()'s implementation: like object_dynamic_cast(), but aborts. */
Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func);

/* The class of @obj (borrowed). */
ObjectClass *object_get_class(Object *obj);

/* The type name of @obj (borrowed). */
const char *object_get_typename(const Object *obj);

/*
 * object_class_dynamic_cast: @klass if its type is @typename or a subtype;
 * for an interface @typename, the class's InterfaceClass of it; else NULL.
 */
ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename);

/* OBJECT_CLASS_CHECK()'s implementation: like the above, but aborts. */
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func);

/* The type name of @klass (borrowed). */
const char *object_class_get_name(ObjectClass *klass);

/*
 * The class of the type named @typename, initialised if needed, or NULL
 * when no such type is registered. Borrowed (classes live forever).
 */
ObjectClass *object_class_by_name(const char *typename);

/* The parent class of @klass, or NULL for a root type. */
ObjectClass *object_class_get_parent(ObjectClass *klass);

/* Whether @klass is abstract (interfaces always are). */
bool object_class_is_abstract(ObjectClass *klass);

/*
 * Call @fn(klass, @opaque) for each registered type in registration order
 * that is or implements @implements_type (NULL: every type), skipping
 * abstract ones unless @include_abstract. Registering types from @fn is
 * not allowed.
 */
void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque);

/*
 * The classes object_class_foreach() would visit, as a new GSList (free
 * with g_slist_free(); the classes are borrowed); _sorted by type name.
 */
GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract);
GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract);

#endif /* QOM_OBJECT_H */
