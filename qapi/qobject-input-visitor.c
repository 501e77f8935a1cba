/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qobject-input-visitor.c: fill C objects from a QObject tree, either
 * typed JSON (strict) or the all-strings trees of keyval (keyval mode).
 */
#include "osdep.h"

#include <math.h>

#include "qapi/compat-policy.h"
#include "qapi/qobject-input-visitor.h"
#include "qapi/visitor-impl.h"
#include "qobject/qbool.h"
#include "qobject/qjson.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "util/cutils.h"
#include "util/error.h"
#include "util/keyval.h"

/* One QDict or QList being visited. */
typedef struct StackObject {
    QObject *obj;               /* borrowed: the parent (or root) holds it */
    char *name;                 /* its member name in a QDict parent */
    unsigned label_index;       /* its index in a QList parent */
    GHashTable *visited;        /* QDict: member names visited so far */
    const QListEntry *entry;    /* QList: the element to visit next */
    unsigned index;             /* QList: the index of @entry */
    bool fetched;               /* QList: element index - 1 is being visited */
} StackObject;

typedef struct QObjectInputVisitor {
    Visitor visitor;
    QObject *root;              /* strong reference */
    bool keyval;                /* leaves are QStrings to parse */
    GPtrArray *stack;           /* StackObject *, the root's first */
} QObjectInputVisitor;

static QObjectInputVisitor *to_qiv(Visitor *v)
{
    return container_of(v, QObjectInputVisitor, visitor);
}

static StackObject *qiv_top(QObjectInputVisitor *qiv)
{
    g_assert(qiv->stack->len);
    return g_ptr_array_index(qiv->stack, qiv->stack->len - 1);
}

/* Paths for error messages */

static void path_append_member(GString *path, const char *name)
{
    if (path->len) {
        g_string_append_c(path, '.');
    }
    g_string_append(path, name);
}

/* Keyval input names list elements as the user typed them: "list.2". */
static void path_append_index(QObjectInputVisitor *qiv, GString *path,
                              unsigned index)
{
    if (qiv->keyval) {
        if (path->len) {
            g_string_append_c(path, '.');
        }
        g_string_append_printf(path, "%u", index);
    } else {
        g_string_append_printf(path, "[%u]", index);
    }
}

/*
 * The full path of member @name of the container being visited. In a
 * list, that is the element being visited, or with @next the element
 * after it (the one a "missing" or "unexpected" error is about).
 * Returns a new string.
 */
static char *qiv_path(QObjectInputVisitor *qiv, const char *name, bool next)
{
    GString *path = g_string_new(NULL);
    StackObject *so, *parent = NULL;
    unsigned index;
    guint i;

    for (i = 0; i < qiv->stack->len; i++) {
        so = g_ptr_array_index(qiv->stack, i);
        if (parent && qobject_type(parent->obj) == QTYPE_QLIST) {
            path_append_index(qiv, path, so->label_index);
        } else if (so->name) {
            path_append_member(path, so->name);
        }
        parent = so;
    }
    if (parent && qobject_type(parent->obj) == QTYPE_QLIST) {
        index = parent->index;
        if (!next && parent->fetched) {
            index--;
        }
        path_append_index(qiv, path, index);
    } else if (name) {
        path_append_member(path, name);
    }
    if (!path->len) {
        g_string_append(path, "<anonymous>");
    }
    return g_string_free(path, false);
}

static char *qiv_member_path(Visitor *v, const char *name)
{
    return qiv_path(to_qiv(v), name, false);
}

/* "Parameter 'PATH' expects TYPE" for a value of the wrong JSON type. */
static void qiv_type_error(QObjectInputVisitor *qiv, const char *name,
                           const char *type, Error **errp)
{
    g_autofree char *path = qiv_path(qiv, name, false);

    error_setg(errp, "Parameter '%s' expects %s", path, type);
}

/* "Parameter 'PATH' expects WHAT, got 'TEXT'" for text that is no WHAT. */
static void qiv_value_error(QObjectInputVisitor *qiv, const char *name,
                            const char *what, const char *text, Error **errp)
{
    g_autofree char *path = qiv_path(qiv, name, false);

    error_setg(errp, "Parameter '%s' expects %s, got '%s'", path, what, text);
}

static void qiv_range_error(QObjectInputVisitor *qiv, const char *name,
                            int64_t min, uint64_t max, const char *text,
                            Error **errp)
{
    g_autofree char *what = g_strdup_printf("an integer between %" PRId64
                                            " and %" PRIu64, min, max);

    qiv_value_error(qiv, name, what, text, errp);
}

/* Finding values */

/*
 * The value @name of the container being visited (the next element in a
 * list; the root before anything was started), or NULL if there is none.
 * With @consume, mark it visited. Returns a borrowed reference.
 */
static QObject *qiv_try_get(QObjectInputVisitor *qiv, const char *name,
                            bool consume)
{
    StackObject *tos;
    QObject *obj;

    if (!qiv->stack->len) {
        return qiv->root;
    }
    tos = qiv_top(qiv);
    if (qobject_type(tos->obj) == QTYPE_QDICT) {
        g_assert(name);
        obj = qdict_get(qobject_to(QDict, tos->obj), name);
        if (obj && consume) {
            g_hash_table_add(tos->visited, g_strdup(name));
        }
        return obj;
    }
    if (!tos->entry) {
        return NULL;
    }
    obj = qlist_entry_obj(tos->entry);
    if (consume) {
        tos->entry = qlist_next(tos->entry);
        tos->index++;
        tos->fetched = true;
    }
    return obj;
}

/* qiv_try_get(), failing with "Parameter 'PATH' is missing". */
static QObject *qiv_get(QObjectInputVisitor *qiv, const char *name,
                        bool consume, Error **errp)
{
    QObject *obj = qiv_try_get(qiv, name, consume);
    g_autofree char *path = NULL;

    if (!obj) {
        path = qiv_path(qiv, name, true);
        error_setg(errp, "Parameter '%s' is missing", path);
    }
    return obj;
}

/*
 * In keyval mode, the text of the value @name when it is a QString, else
 * NULL (a typed value, visited like strict input). Consumes the value;
 * *@obj is the value, NULL with @errp set when it is missing.
 */
static const char *qiv_get_text(QObjectInputVisitor *qiv, const char *name,
                                QObject **obj, Error **errp)
{
    *obj = qiv_get(qiv, name, true, errp);
    if (!*obj || !qiv->keyval || qobject_type(*obj) != QTYPE_QSTRING) {
        return NULL;
    }
    return qstring_get_str(qobject_to(QString, *obj));
}

static void qiv_push(QObjectInputVisitor *qiv, const char *name,
                     QObject *obj)
{
    StackObject *so = g_new0(StackObject, 1);
    StackObject *parent = qiv->stack->len ? qiv_top(qiv) : NULL;

    so->obj = obj;
    so->name = g_strdup(name);
    if (parent && qobject_type(parent->obj) == QTYPE_QLIST) {
        /* @obj was fetched from @parent just now. */
        so->label_index = parent->index - 1;
    }
    if (qobject_type(obj) == QTYPE_QDICT) {
        so->visited = g_hash_table_new_full(g_str_hash, g_str_equal,
                                            g_free, NULL);
    } else {
        so->entry = qlist_first(qobject_to(QList, obj));
    }
    g_ptr_array_add(qiv->stack, so);
}

static void stack_object_free(gpointer data)
{
    StackObject *so = data;

    if (so->visited) {
        g_hash_table_destroy(so->visited);
    }
    g_free(so->name);
    g_free(so);
}

static void qiv_pop(QObjectInputVisitor *qiv)
{
    g_ptr_array_remove_index(qiv->stack, qiv->stack->len - 1);
}

/* Structs, lists, alternates */

static bool qiv_start_struct(Visitor *v, const char *name, void **obj,
                             size_t size, Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj;

    if (obj) {
        *obj = NULL;
    }
    qobj = qiv_get(qiv, name, true, errp);
    if (!qobj) {
        return false;
    }
    if (qobject_type(qobj) != QTYPE_QDICT) {
        qiv_type_error(qiv, name, "object", errp);
        return false;
    }
    qiv_push(qiv, name, qobj);
    if (obj) {
        *obj = g_malloc0(size);
    }
    return true;
}

static bool qiv_check_struct(Visitor *v, Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    StackObject *tos = qiv_top(qiv);
    QDict *dict = qobject_to(QDict, tos->obj);
    const QDictEntry *e;
    g_autofree char *path = NULL;

    for (e = qdict_first(dict); e; e = qdict_next(dict, e)) {
        if (!g_hash_table_contains(tos->visited, qdict_entry_key(e))) {
            path = qiv_path(qiv, qdict_entry_key(e), false);
            error_setg(errp, "Parameter '%s' is unexpected", path);
            return false;
        }
    }
    return true;
}

static void qiv_end_struct(Visitor *v, void **obj)
{
    QObjectInputVisitor *qiv = to_qiv(v);

    g_assert(qobject_type(qiv_top(qiv)->obj) == QTYPE_QDICT);
    qiv_pop(qiv);
}

static bool qiv_start_list(Visitor *v, const char *name, GenericList **list,
                           size_t size, Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj;

    if (list) {
        *list = NULL;
    }
    qobj = qiv_get(qiv, name, true, errp);
    if (!qobj) {
        return false;
    }
    if (qobject_type(qobj) != QTYPE_QLIST) {
        qiv_type_error(qiv, name, "array", errp);
        return false;
    }
    qiv_push(qiv, name, qobj);
    if (list && qiv_top(qiv)->entry) {
        *list = g_malloc0(size);
    }
    return true;
}

static GenericList *qiv_next_list(Visitor *v, GenericList *tail, size_t size)
{
    StackObject *tos = qiv_top(to_qiv(v));

    if (!tos->entry) {
        return NULL;
    }
    tos->fetched = false;
    tail->next = g_malloc0(size);
    return tail->next;
}

static bool qiv_check_list(Visitor *v, Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    g_autofree char *path = NULL;

    if (qiv_top(qiv)->entry) {
        path = qiv_path(qiv, NULL, true);
        error_setg(errp, "Parameter '%s' is unexpected", path);
        return false;
    }
    return true;
}

static void qiv_end_list(Visitor *v, void **obj)
{
    QObjectInputVisitor *qiv = to_qiv(v);

    g_assert(qobject_type(qiv_top(qiv)->obj) == QTYPE_QLIST);
    qiv_pop(qiv);
}

/*
 * The branch is chosen by the JSON type of the value. Keyval leaves are
 * all QTYPE_QSTRING; docs/devel/visitors.md explains how generated code
 * still reaches number and boolean branches with them.
 */
static bool qiv_start_alternate(Visitor *v, const char *name,
                                GenericAlternate **obj, size_t size,
                                Error **errp)
{
    QObject *qobj = qiv_get(to_qiv(v), name, false, errp);

    if (!qobj) {
        *obj = NULL;
        return false;
    }
    *obj = g_malloc0(size);
    (*obj)->type = qobject_type(qobj);
    return true;
}

static void qiv_optional(Visitor *v, const char *name, bool *present)
{
    *present = qiv_try_get(to_qiv(v), name, false) != NULL;
}

/* Integers */

/* A typed (JSON) integer @qobj in [@min, @max]. */
static bool qiv_check_int(QObjectInputVisitor *qiv, const char *name,
                          QObject *qobj, int64_t *obj, int64_t min,
                          int64_t max, Error **errp)
{
    QNum *qnum = qobject_to(QNum, qobj);
    g_autofree char *num = NULL;
    int64_t val;

    if (!qnum || qnum->kind == QNUM_DOUBLE) {
        qiv_type_error(qiv, name, "integer", errp);
        return false;
    }
    if (!qnum_get_try_int(qnum, &val) || val < min || val > max) {
        num = qnum_to_string(qnum);
        qiv_range_error(qiv, name, min, max, num, errp);
        return false;
    }
    *obj = val;
    return true;
}

/* A typed (JSON) integer @qobj in [0, @max]. */
static bool qiv_check_uint(QObjectInputVisitor *qiv, const char *name,
                           QObject *qobj, uint64_t *obj, uint64_t max,
                           Error **errp)
{
    QNum *qnum = qobject_to(QNum, qobj);
    g_autofree char *num = NULL;
    uint64_t val;

    if (!qnum || qnum->kind == QNUM_DOUBLE) {
        qiv_type_error(qiv, name, "integer", errp);
        return false;
    }
    if (!qnum_get_try_uint(qnum, &val) || val > max) {
        num = qnum_to_string(qnum);
        qiv_range_error(qiv, name, 0, max, num, errp);
        return false;
    }
    *obj = val;
    return true;
}

static bool qiv_type_int64(Visitor *v, const char *name, int64_t *obj,
                           int64_t min, int64_t max, Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj;
    const char *text = qiv_get_text(qiv, name, &qobj, errp);
    int64_t val;
    int ret;

    if (!text) {
        return qobj && qiv_check_int(qiv, name, qobj, obj, min, max, errp);
    }
    ret = qemu_strtoi64(text, NULL, 0, &val);
    if (ret == -EINVAL) {
        qiv_value_error(qiv, name, "an integer", text, errp);
        return false;
    }
    if (ret || val < min || val > max) {
        qiv_range_error(qiv, name, min, max, text, errp);
        return false;
    }
    *obj = val;
    return true;
}

static bool qiv_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                            uint64_t max, Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj;
    const char *text = qiv_get_text(qiv, name, &qobj, errp);
    uint64_t val;
    int64_t neg;
    int ret;

    if (!text) {
        return qobj && qiv_check_uint(qiv, name, qobj, obj, max, errp);
    }
    ret = qemu_strtou64(text, NULL, 0, &val);
    if (ret == -EINVAL && qemu_strtoi64(text, NULL, 0, &neg)) {
        qiv_value_error(qiv, name, "an integer", text, errp);
        return false;
    }
    if (ret || val > max) {
        /* Too large, or a negative number. */
        qiv_range_error(qiv, name, 0, max, text, errp);
        return false;
    }
    *obj = val;
    return true;
}

static bool qiv_type_size(Visitor *v, const char *name, uint64_t *obj,
                          Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj;
    const char *text = qiv_get_text(qiv, name, &qobj, errp);
    uint64_t val;
    int ret;

    if (!text) {
        return qobj && qiv_check_uint(qiv, name, qobj, obj, UINT64_MAX, errp);
    }
    ret = qemu_strtosz(text, NULL, &val);
    if (ret == -ERANGE) {
        qiv_value_error(qiv, name, "a size below 16 EiB", text, errp);
        return false;
    }
    if (ret) {
        qiv_value_error(qiv, name, "a size", text, errp);
        return false;
    }
    *obj = val;
    return true;
}

/* Other scalars */

static bool qiv_type_bool(Visitor *v, const char *name, bool *obj,
                          Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj;
    const char *text = qiv_get_text(qiv, name, &qobj, errp);
    QBool *qbool;

    if (text) {
        if (!qemu_parse_bool(text, obj)) {
            qiv_value_error(qiv, name, "'on' or 'off'", text, errp);
            return false;
        }
        return true;
    }
    if (!qobj) {
        return false;
    }
    qbool = qobject_to(QBool, qobj);
    if (!qbool) {
        qiv_type_error(qiv, name, "boolean", errp);
        return false;
    }
    *obj = qbool_get_bool(qbool);
    return true;
}

static bool qiv_type_str(Visitor *v, const char *name, char **obj,
                         Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj = qiv_get(qiv, name, true, errp);
    QString *qstr;

    *obj = NULL;
    if (!qobj) {
        return false;
    }
    qstr = qobject_to(QString, qobj);
    if (!qstr) {
        qiv_type_error(qiv, name, "string", errp);
        return false;
    }
    *obj = g_strdup(qstring_get_str(qstr));
    return true;
}

static bool qiv_type_number(Visitor *v, const char *name, double *obj,
                            Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj;
    const char *text = qiv_get_text(qiv, name, &qobj, errp);
    char *end;
    double val;
    QNum *qnum;

    if (text) {
        errno = 0;
        val = g_ascii_strtod(text, &end);
        if (!*text || *end || errno || !isfinite(val)) {
            qiv_value_error(qiv, name, "a number", text, errp);
            return false;
        }
        *obj = val;
        return true;
    }
    if (!qobj) {
        return false;
    }
    qnum = qobject_to(QNum, qobj);
    if (!qnum) {
        qiv_type_error(qiv, name, "number", errp);
        return false;
    }
    *obj = qnum_get_double(qnum);
    return true;
}

static bool qiv_type_any(Visitor *v, const char *name, QObject **obj,
                         Error **errp)
{
    QObject *qobj = qiv_get(to_qiv(v), name, true, errp);

    *obj = qobject_ref(qobj);
    return qobj != NULL;
}

static bool qiv_type_null(Visitor *v, const char *name, QNull **obj,
                          Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj = qiv_get(qiv, name, true, errp);

    if (obj) {
        *obj = NULL;
    }
    if (!qobj) {
        return false;
    }
    if (qobject_type(qobj) != QTYPE_QNULL) {
        qiv_type_error(qiv, name, "null", errp);
        return false;
    }
    if (obj) {
        *obj = qnull();
    }
    return true;
}

/* Construction */

static void qiv_free(Visitor *v)
{
    QObjectInputVisitor *qiv = to_qiv(v);

    g_ptr_array_free(qiv->stack, true);
    qobject_unref(qiv->root);
    g_free(qiv);
}

static Visitor *qiv_new(QObject *obj, bool keyval)
{
    QObjectInputVisitor *qiv = g_new0(QObjectInputVisitor, 1);

    g_assert(obj);
    qiv->visitor.type = VISITOR_INPUT;
    qiv->visitor.start_struct = qiv_start_struct;
    qiv->visitor.check_struct = qiv_check_struct;
    qiv->visitor.end_struct = qiv_end_struct;
    qiv->visitor.start_list = qiv_start_list;
    qiv->visitor.next_list = qiv_next_list;
    qiv->visitor.check_list = qiv_check_list;
    qiv->visitor.end_list = qiv_end_list;
    qiv->visitor.start_alternate = qiv_start_alternate;
    qiv->visitor.type_int64 = qiv_type_int64;
    qiv->visitor.type_uint64 = qiv_type_uint64;
    qiv->visitor.type_size = qiv_type_size;
    qiv->visitor.type_bool = qiv_type_bool;
    qiv->visitor.type_str = qiv_type_str;
    qiv->visitor.type_number = qiv_type_number;
    qiv->visitor.type_any = qiv_type_any;
    qiv->visitor.type_null = qiv_type_null;
    qiv->visitor.optional = qiv_optional;
    qiv->visitor.member_path = qiv_member_path;
    qiv->visitor.free = qiv_free;
    qiv->root = qobject_ref(obj);
    qiv->keyval = keyval;
    qiv->stack = g_ptr_array_new_with_free_func(stack_object_free);
    return &qiv->visitor;
}

Visitor *qobject_input_visitor_new(QObject *obj)
{
    return qiv_new(obj, false);
}

Visitor *qobject_input_visitor_new_qmp(QObject *obj)
{
    Visitor *v = qiv_new(obj, false);

    visit_set_policy(v, qapi_compat_policy());
    return v;
}

Visitor *qobject_input_visitor_new_keyval(QObject *obj)
{
    return qiv_new(obj, true);
}

Visitor *qobject_input_visitor_new_str(const char *str,
                                       const char *implied_key,
                                       Error **errp)
{
    QObject *obj;
    QDict *args;
    Visitor *v;

    if (str[0] == '{') {
        obj = qobject_from_json(str, errp);
        if (!obj) {
            return NULL;
        }
        /* Text starting with '{' that parses is a JSON object. */
        args = qobject_to(QDict, obj);
        g_assert(args);
        v = qobject_input_visitor_new(QOBJECT(args));
    } else {
        args = keyval_parse(str, implied_key, NULL, errp);
        if (!args) {
            return NULL;
        }
        v = qobject_input_visitor_new_keyval(QOBJECT(args));
    }
    qobject_unref(args);
    return v;
}
