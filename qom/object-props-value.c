/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-props-value.c: property values as QObjects, C scalars and text,
 * on top of object_property_get() and object_property_set().
 */
#include "osdep.h"

#include "qapi/qobject-input-visitor.h"
#include "qapi/qobject-output-visitor.h"
#include "qapi/string-input-visitor.h"
#include "qapi/string-output-visitor.h"
#include "qobject/qbool.h"
#include "qobject/qjson.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "qom/object.h"
#include "util/error.h"

QObject *object_property_get_qobject(Object *obj, const char *name,
                                     Error **errp)
{
    QObject *ret = NULL;
    Visitor *v = qobject_output_visitor_new(&ret);

    if (object_property_get(obj, name, v, errp)) {
        visit_complete(v, &ret);
    }
    visit_free(v);
    return ret;
}

bool object_property_set_qobject(Object *obj, const char *name,
                                 QObject *value, Error **errp)
{
    Visitor *v = qobject_input_visitor_new(value);
    bool ok = object_property_set(obj, name, v, errp);

    visit_free(v);
    return ok;
}

/* The typed getters' failure: the value is not of the expected kind. */
static void property_type_error(const char *name, const char *expected,
                                Error **errp)
{
    error_setg(errp, "Invalid parameter type for '%s', expected: %s",
               name, expected);
}

/*
 * The value of the property if it is a QObject of @type (a new
 * reference), else NULL with @errp set; @expected names the type for the
 * message.
 */
static QObject *property_get_typed(Object *obj, const char *name, QType type,
                                   const char *expected, Error **errp)
{
    QObject *ret = object_property_get_qobject(obj, name, errp);

    if (ret && qobject_type(ret) != type) {
        property_type_error(name, expected, errp);
        qobject_unref(ret);
        return NULL;
    }
    return ret;
}

bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp)
{
    g_autoptr(QString) qstr = qstring_from_str(value);

    return object_property_set_qobject(obj, name, QOBJECT(qstr), errp);
}

char *object_property_get_str(Object *obj, const char *name, Error **errp)
{
    g_autoptr(QObject) ret = property_get_typed(obj, name, QTYPE_QSTRING,
                                                "string", errp);

    return ret ? g_strdup(qstring_get_str(qobject_to(QString, ret))) : NULL;
}

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp)
{
    g_autoptr(QBool) qbool = qbool_from_bool(value);

    return object_property_set_qobject(obj, name, QOBJECT(qbool), errp);
}

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    g_autoptr(QObject) ret = property_get_typed(obj, name, QTYPE_QBOOL,
                                                "boolean", errp);

    return ret && qbool_get_bool(qobject_to(QBool, ret));
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp)
{
    g_autoptr(QNum) qnum = qnum_from_int(value);

    return object_property_set_qobject(obj, name, QOBJECT(qnum), errp);
}

int64_t object_property_get_int(Object *obj, const char *name, Error **errp)
{
    g_autoptr(QObject) ret = property_get_typed(obj, name, QTYPE_QNUM, "int",
                                                errp);
    int64_t value;

    if (!ret) {
        return -1;
    }
    if (!qnum_get_try_int(qobject_to(QNum, ret), &value)) {
        property_type_error(name, "int", errp);
        return -1;
    }
    return value;
}

bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp)
{
    g_autoptr(QNum) qnum = qnum_from_uint(value);

    return object_property_set_qobject(obj, name, QOBJECT(qnum), errp);
}

uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp)
{
    g_autoptr(QObject) ret = property_get_typed(obj, name, QTYPE_QNUM,
                                                "uint", errp);
    uint64_t value;

    if (!ret) {
        return 0;
    }
    if (!qnum_get_try_uint(qobject_to(QNum, ret), &value)) {
        property_type_error(name, "uint", errp);
        return 0;
    }
    return value;
}

bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp)
{
    g_autofree char *path = value ? object_get_canonical_path(value) : NULL;

    if (value && !path) {
        error_setg(errp, "Property '%s.%s' cannot link to an object outside "
                   "the composition tree", object_get_typename(obj), name);
        return false;
    }
    return object_property_set_str(obj, name, path ? path : "", errp);
}

Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    if (!prop) {
        return NULL;
    }
    if (!object_property_is_link(prop)) {
        property_type_error(name, "link", errp);
        return NULL;
    }
    return prop->resolve(obj, prop->opaque, name);
}

bool object_property_parse(Object *obj, const char *name, const char *string,
                           Error **errp)
{
    Visitor *v = string_input_visitor_new(string);
    bool ok = object_property_set(obj, name, v, errp);

    visit_free(v);
    return ok;
}

char *object_property_print(Object *obj, const char *name, bool human,
                            Error **errp)
{
    char *string = NULL;
    Visitor *v = string_output_visitor_new(human, &string);

    if (object_property_get(obj, name, v, errp)) {
        visit_complete(v, &string);
    }
    visit_free(v);
    return string;
}

char *object_property_help(const char *name, const char *type,
                           const QObject *defval, const char *description)
{
    GString *help = g_string_new(NULL);
    g_autoptr(GString) json = NULL;

    g_string_append_printf(help, "  %s=<%s>", name, type);
    if (description || defval) {
        while (help->len < 24) {
            g_string_append_c(help, ' ');
        }
        g_string_append(help, " - ");
    }
    if (description) {
        g_string_append(help, description);
    }
    if (defval) {
        json = qobject_to_json(defval);
        g_string_append_printf(help, " (default: %s)", json->str);
    }
    return g_string_free(help, false);
}

static gint help_line_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *object_property_help_list(const char *typename, GPtrArray *lines)
{
    GString *text;
    guint i;

    if (!lines->len) {
        return g_strdup_printf("There are no options for %s.\n", typename);
    }
    g_ptr_array_sort(lines, help_line_cmp);
    text = g_string_new(NULL);
    g_string_append_printf(text, "%s options:\n", typename);
    for (i = 0; i < lines->len; i++) {
        g_string_append_printf(text, "%s\n",
                               (char *)g_ptr_array_index(lines, i));
    }
    return g_string_free(text, false);
}

char *object_class_property_help_text(ObjectClass *klass)
{
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_class_property_iter_init(&iter, klass);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->set) {
            g_ptr_array_add(lines, object_property_help(prop->name,
                                                        prop->type,
                                                        prop->defval,
                                                        prop->description));
        }
    }
    return object_property_help_list(object_class_get_name(klass), lines);
}
