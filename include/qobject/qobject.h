/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qobject.h: the reference-counted base of all QObject types (QNull, QBool,
 * QNum, QString, QList, QDict), the in-memory form of JSON values.
 *
 * Ownership: every function that creates a QObject returns a new reference,
 * owned by the caller. Containers take ownership of what is put into them
 * and hand out borrowed references from their getters; take your own with
 * qobject_ref() to keep a value beyond the container's life.
 */
#ifndef QOBJECT_QOBJECT_H
#define QOBJECT_QOBJECT_H

/*
 * The dynamic type of a QObject. The order (none, null, number, string, dict,
 * list, bool) is fixed: it is the order QMP introspection lists JSON types.
 */
typedef enum QType {
    QTYPE_NONE,
    QTYPE_QNULL,
    QTYPE_QNUM,
    QTYPE_QSTRING,
    QTYPE_QDICT,
    QTYPE_QLIST,
    QTYPE_QBOOL,
    QTYPE_MAX,
} QType;

/*
 * The header every QObject type starts with, as its member `base`. QObject
 * itself wraps it too, so that QOBJECT() works on a QObject * as well.
 */
typedef struct QObjectHeader {
    QType type;
    int refcnt;     /* atomic */
} QObjectHeader;

struct QObject {
    QObjectHeader base;
};

/* For each subtype, the QType qobject_to() checks against. */
#define QTYPE_CAST_TO_QNull     QTYPE_QNULL
#define QTYPE_CAST_TO_QNum      QTYPE_QNUM
#define QTYPE_CAST_TO_QString   QTYPE_QSTRING
#define QTYPE_CAST_TO_QDict     QTYPE_QDICT
#define QTYPE_CAST_TO_QList     QTYPE_QLIST
#define QTYPE_CAST_TO_QBool     QTYPE_QBOOL

/**
 * QOBJECT: upcast any QObject subtype pointer (or NULL) to QObject *.
 */
#define QOBJECT(obj) ({                                         \
    __typeof__(obj) qobj_ = (obj);                              \
    qobj_ ? container_of(&qobj_->base, QObject, base) : NULL;   \
})

/**
 * qobject_to: checked downcast of a QObject * to @type *, or NULL if @obj is
 * NULL or of another type. The result is borrowed like @obj.
 */
#define qobject_to(type, obj) \
    ((type *)qobject_check_type((obj), QTYPE_CAST_TO_##type))

/**
 * qobject_ref: take a new reference to @obj (any QObject subtype or NULL).
 * Returns: @obj, with its own type.
 */
#define qobject_ref(obj) ({                                     \
    __typeof__(obj) qref_ = (obj);                              \
    qobject_ref_impl(QOBJECT(qref_));                           \
    qref_;                                                      \
})

/**
 * qobject_unref: drop a reference to @obj (any QObject subtype or NULL),
 * destroying it when that was the last one.
 */
#define qobject_unref(obj) qobject_unref_impl(QOBJECT(obj))

/* Implementation of the macros above; call the macros instead. */
void qobject_ref_impl(QObject *obj);
void qobject_unref_impl(QObject *obj);
QObject *qobject_check_type(const QObject *obj, QType type);

/* Initialise the header of a newly allocated QObject: @type, refcount 1. */
void qobject_init(QObject *obj, QType type);

/* The type of @obj (which must not be NULL). */
static inline QType qobject_type(const QObject *obj)
{
    return obj->base.type;
}

/* The name of @type: "none", "qnull", "qnum", "qstring", "qdict", ... */
const char *qtype_name(QType type);

/**
 * qobject_is_equal: whether @x and @y hold the same value. Dicts compare
 * regardless of key order, lists in order. Numbers compare by value when both
 * are integers (int64 or uint64); a double equals only a double. NaN never
 * equals anything. Two NULLs are equal.
 */
bool qobject_is_equal(const QObject *x, const QObject *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QObject, qobject_unref_impl)

/*
 * QOBJECT_DEFINE_AUTOPTR: let g_autoptr(Type) unref a QObject subtype; each
 * subtype's header uses it once.
 */
#define QOBJECT_DEFINE_AUTOPTR(Type)                            \
    static inline void qobject_autounref_##Type(Type *obj)      \
    {                                                           \
        qobject_unref(obj);                                     \
    }                                                           \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(Type, qobject_autounref_##Type)

#endif /* QOBJECT_QOBJECT_H */
