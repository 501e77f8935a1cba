/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qom-props.c: QOM properties: every typed helper on instances and
 * classes, values as JSON and as text, defaults, descriptions, read-only
 * and write-only properties, names, iteration order, and the exact
 * messages for every refusal.
 */
#include "osdep.h"

#include "qapi/util.h"
#include "qobject/qjson.h"
#include "qom/object.h"
#include "util/error.h"

typedef enum TestColor {
    TEST_COLOR_RED,
    TEST_COLOR_GREEN,
    TEST_COLOR_BLUE,
    TEST_COLOR__MAX,
} TestColor;

static const char *const test_color_names[] = { "red", "green", "blue" };
static const QEnumLookup test_color_lookup = {
    .array = test_color_names,
    .size = TEST_COLOR__MAX,
};

#define TYPE_TEST_PROPS "test-props"
OBJECT_DECLARE_SIMPLE_TYPE(TestProps, TEST_PROPS)
struct TestProps {
    Object parent_obj;
    bool flag;
    char *name;
    int color;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    int64_t i64;
    uint64_t size;
    uint8_t ro;
    char *secret;
};

#define TYPE_TEST_PROPS_SUB "test-props-sub"

static bool props_get_flag(Object *obj, Error **errp)
{
    return TEST_PROPS(obj)->flag;
}

static bool props_set_flag(Object *obj, bool value, Error **errp)
{
    TEST_PROPS(obj)->flag = value;
    return true;
}

static char *props_get_name(Object *obj, Error **errp)
{
    return g_strdup(TEST_PROPS(obj)->name);
}

static bool props_set_name(Object *obj, const char *value, Error **errp)
{
    TestProps *props = TEST_PROPS(obj);

    if (!strcmp(value, "forbidden")) {
        error_setg(errp, "property 'name' of %s doesn't take value '%s'",
                   object_get_typename(obj), value);
        return false;
    }
    g_free(props->name);
    props->name = g_strdup(value);
    return true;
}

static bool props_set_secret(Object *obj, const char *value, Error **errp)
{
    g_free(TEST_PROPS(obj)->secret);
    TEST_PROPS(obj)->secret = g_strdup(value);
    return true;
}

static int props_get_color(Object *obj, Error **errp)
{
    return TEST_PROPS(obj)->color;
}

static bool props_set_color(Object *obj, int value, Error **errp)
{
    TEST_PROPS(obj)->color = value;
    return true;
}

static void props_class_init(ObjectClass *klass, void *data)
{
    ObjectProperty *prop;

    prop = object_class_property_add_bool(klass, "flag", props_get_flag,
                                          props_set_flag);
    object_property_set_default_bool(prop, true);
    object_class_property_set_description(klass, "flag", "A flag");
    object_class_property_add_str(klass, "name", props_get_name,
                                  props_set_name);
    prop = object_class_property_add_enum(klass, "color", "TestColor",
                                          &test_color_lookup,
                                          props_get_color, props_set_color);
    object_property_set_default_str(prop, "green");
    object_class_property_add_uint8_ptr(klass, "u8",
                                        offsetof(TestProps, u8),
                                        OBJ_PROP_FLAG_READWRITE);
    object_class_property_add_uint16_ptr(klass, "u16",
                                         offsetof(TestProps, u16),
                                         OBJ_PROP_FLAG_READWRITE);
    object_class_property_add_uint32_ptr(klass, "u32",
                                         offsetof(TestProps, u32),
                                         OBJ_PROP_FLAG_READWRITE);
    prop = object_class_property_add_uint64_ptr(klass, "u64",
                                                offsetof(TestProps, u64),
                                                OBJ_PROP_FLAG_READWRITE);
    object_property_set_default_uint(prop, UINT64_MAX);
    prop = object_class_property_add_int64_ptr(klass, "i64",
                                               offsetof(TestProps, i64),
                                               OBJ_PROP_FLAG_READWRITE);
    object_property_set_default_int(prop, -1);
    object_class_property_add_size_ptr(klass, "size",
                                       offsetof(TestProps, size),
                                       OBJ_PROP_FLAG_READWRITE);
    object_class_property_add_uint8_ptr(klass, "ro", offsetof(TestProps, ro),
                                        OBJ_PROP_FLAG_READ);
    object_class_property_add_str(klass, "secret", NULL, props_set_secret);
}

static void props_instance_init(Object *obj)
{
    TestProps *props = TEST_PROPS(obj);

    /* The class defaults are already set. */
    g_assert_true(props->flag);
    g_assert_cmpint(props->color, ==, TEST_COLOR_GREEN);
    props->name = g_strdup("unnamed");
    props->ro = 7;
}

static void props_instance_finalize(Object *obj)
{
    g_free(TEST_PROPS(obj)->name);
    g_free(TEST_PROPS(obj)->secret);
}

static void props_sub_class_init(ObjectClass *klass, void *data)
{
    object_class_property_add_str(klass, "nickname", props_get_name, NULL);
}

static const TypeInfo props_info = {
    .name = TYPE_TEST_PROPS,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(TestProps),
    .instance_init = props_instance_init,
    .instance_finalize = props_instance_finalize,
    .class_init = props_class_init,
};

static const TypeInfo props_sub_info = {
    .name = TYPE_TEST_PROPS_SUB,
    .parent = TYPE_TEST_PROPS,
    .class_init = props_sub_class_init,
};

static void register_test_types(void)
{
    type_register_static(&props_info);
    type_register_static(&props_sub_info);
}

type_init(register_test_types)

/* The value of property @name of @obj as JSON text (new string). */
static char *get_json(Object *obj, const char *name)
{
    g_autoptr(QObject) value = object_property_get_qobject(obj, name,
                                                           &error_abort);
    GString *json = qobject_to_json(value);

    return g_string_free(json, false);
}

#define assert_json(obj, name, expected) do {                   \
        g_autofree char *json_ = get_json((obj), (name));       \
        g_assert_cmpstr(json_, ==, (expected));                 \
    } while (0)

/* Set property @name of @obj from the JSON text @json. */
static bool set_json(Object *obj, const char *name, const char *json,
                     Error **errp)
{
    g_autoptr(QObject) value = qobject_from_json(json, &error_abort);

    return object_property_set_qobject(obj, name, value, errp);
}

/* Assert that *@errp holds @expected, and free it. */
static void assert_error(Error **errp, const char *expected)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, expected);
    error_free_or_abort(errp);
}

static void test_defaults(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS);
    ObjectProperty *prop;

    assert_json(obj, "flag", "true");
    assert_json(obj, "color", "\"green\"");
    assert_json(obj, "u64", "18446744073709551615");
    assert_json(obj, "i64", "-1");
    assert_json(obj, "u8", "0");
    assert_json(obj, "name", "\"unnamed\"");

    prop = object_property_find(obj, "color");
    g_assert_cmpint(qobject_type(prop->defval), ==, QTYPE_QSTRING);
    g_assert_null(object_property_find(obj, "u8")->defval);
}

static void test_json_values(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS);

    g_assert_true(set_json(obj, "flag", "false", &error_abort));
    g_assert_true(set_json(obj, "name", "'dog'", &error_abort));
    g_assert_true(set_json(obj, "color", "'blue'", &error_abort));
    g_assert_true(set_json(obj, "u8", "255", &error_abort));
    g_assert_true(set_json(obj, "u16", "65535", &error_abort));
    g_assert_true(set_json(obj, "u32", "4294967295", &error_abort));
    g_assert_true(set_json(obj, "u64", "18446744073709551615", &error_abort));
    g_assert_true(set_json(obj, "i64", "-9223372036854775808", &error_abort));
    g_assert_true(set_json(obj, "size", "1048576", &error_abort));

    assert_json(obj, "flag", "false");
    assert_json(obj, "name", "\"dog\"");
    assert_json(obj, "color", "\"blue\"");
    assert_json(obj, "u8", "255");
    assert_json(obj, "u16", "65535");
    assert_json(obj, "u32", "4294967295");
    assert_json(obj, "u64", "18446744073709551615");
    assert_json(obj, "i64", "-9223372036854775808");
    assert_json(obj, "size", "1048576");
    assert_json(obj, "type", "\"test-props\"");
    g_assert_cmpuint(TEST_PROPS(obj)->u16, ==, 65535);
    g_assert_cmpint(TEST_PROPS(obj)->color, ==, TEST_COLOR_BLUE);
}

static void test_json_errors(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS);
    Error *err = NULL;

    g_assert_false(set_json(obj, "u8", "256", &err));
    assert_error(&err, "Parameter 'u8' expects an integer between 0 and "
                 "255, got '256'");
    g_assert_false(set_json(obj, "u16", "-1", &err));
    assert_error(&err, "Parameter 'u16' expects an integer between 0 and "
                 "65535, got '-1'");
    g_assert_false(set_json(obj, "u32", "4294967296", &err));
    assert_error(&err, "Parameter 'u32' expects an integer between 0 and "
                 "4294967295, got '4294967296'");
    g_assert_false(set_json(obj, "i64", "'x'", &err));
    assert_error(&err, "Parameter 'i64' expects integer");
    g_assert_false(set_json(obj, "flag", "1", &err));
    assert_error(&err, "Parameter 'flag' expects boolean");
    g_assert_false(set_json(obj, "name", "{}", &err));
    assert_error(&err, "Parameter 'name' expects string");
    g_assert_false(set_json(obj, "color", "'purple'", &err));
    assert_error(&err, "Parameter 'color' does not accept value 'purple'");
    g_assert_false(set_json(obj, "name", "'forbidden'", &err));
    assert_error(&err, "property 'name' of test-props doesn't take value "
                 "'forbidden'");
    g_assert_false(set_json(obj, "nope", "1", &err));
    assert_error(&err, "Property 'test-props.nope' not found");

    /* Refused values left everything alone. */
    assert_json(obj, "u8", "0");
    assert_json(obj, "name", "\"unnamed\"");
    assert_json(obj, "color", "\"green\"");
}

static void test_read_only_write_only(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS);
    Error *err = NULL;

    assert_json(obj, "ro", "7");
    g_assert_false(set_json(obj, "ro", "1", &err));
    assert_error(&err, "Property 'test-props.ro' is not writable");
    g_assert_false(set_json(obj, "type", "'x'", &err));
    assert_error(&err, "Property 'test-props.type' is not writable");

    g_assert_true(object_property_set_str(obj, "secret", "pw", &error_abort));
    g_assert_cmpstr(TEST_PROPS(obj)->secret, ==, "pw");
    g_assert_null(object_property_get_qobject(obj, "secret", &err));
    assert_error(&err, "Property 'test-props.secret' is not readable");
    g_assert_null(object_property_get_qobject(obj, "nope", &err));
    assert_error(&err, "Property 'test-props.nope' not found");
}

static void test_typed_accessors(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS);
    g_autofree char *name = NULL;
    Error *err = NULL;

    g_assert_true(object_property_set_bool(obj, "flag", false, &error_abort));
    g_assert_false(object_property_get_bool(obj, "flag", &error_abort));
    g_assert_true(object_property_set_int(obj, "i64", -42, &error_abort));
    g_assert_cmpint(object_property_get_int(obj, "i64", &error_abort), ==,
                    -42);
    g_assert_true(object_property_set_uint(obj, "u32", 42, &error_abort));
    g_assert_cmpuint(object_property_get_uint(obj, "u32", &error_abort), ==,
                     42);
    g_assert_true(object_property_set_str(obj, "name", "x", &error_abort));
    name = object_property_get_str(obj, "name", &error_abort);
    g_assert_cmpstr(name, ==, "x");

    g_assert_null(object_property_get_str(obj, "u8", &err));
    assert_error(&err, "Invalid parameter type for 'u8', expected: string");
    g_assert_false(object_property_get_bool(obj, "name", &err));
    assert_error(&err, "Invalid parameter type for 'name', expected: boolean");
    g_assert_cmpint(object_property_get_int(obj, "u64", &err), ==, -1);
    assert_error(&err, "Invalid parameter type for 'u64', expected: int");
    g_assert_cmpuint(object_property_get_uint(obj, "i64", &err), ==, 0);
    assert_error(&err, "Invalid parameter type for 'i64', expected: uint");
    g_assert_false(object_property_set_uint(obj, "u8", 256, &err));
    assert_error(&err, "Parameter 'u8' expects an integer between 0 and "
                 "255, got '256'");
    g_assert_false(object_property_set_bool(obj, "nope", true, &err));
    assert_error(&err, "Property 'test-props.nope' not found");
}

static void test_parse_print(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS);
    Error *err = NULL;
    char *text;

    g_assert_true(object_property_parse(obj, "u8", "0x2a", &error_abort));
    g_assert_true(object_property_parse(obj, "size", "4K", &error_abort));
    g_assert_true(object_property_parse(obj, "flag", "off", &error_abort));
    g_assert_true(object_property_parse(obj, "color", "red", &error_abort));
    g_assert_true(object_property_parse(obj, "name", "a,b", &error_abort));
    g_assert_true(object_property_parse(obj, "i64", "-5", &error_abort));
    g_assert_cmpuint(TEST_PROPS(obj)->u8, ==, 42);
    g_assert_cmpuint(TEST_PROPS(obj)->size, ==, 4096);

    text = object_property_print(obj, "u8", false, &error_abort);
    g_assert_cmpstr(text, ==, "42");
    g_free(text);
    text = object_property_print(obj, "u8", true, &error_abort);
    g_assert_cmpstr(text, ==, "42 (0x2a)");
    g_free(text);
    text = object_property_print(obj, "size", true, &error_abort);
    g_assert_cmpstr(text, ==, "4096 (4 KiB)");
    g_free(text);
    text = object_property_print(obj, "name", true, &error_abort);
    g_assert_cmpstr(text, ==, "\"a,b\"");
    g_free(text);
    text = object_property_print(obj, "color", false, &error_abort);
    g_assert_cmpstr(text, ==, "red");
    g_free(text);
    text = object_property_print(obj, "flag", false, &error_abort);
    g_assert_cmpstr(text, ==, "false");
    g_free(text);

    g_assert_false(object_property_parse(obj, "u8", "300", &err));
    assert_error(&err, "Parameter 'u8' expects an integer between 0 and "
                 "255, got '300'");
    g_assert_false(object_property_parse(obj, "size", "12X", &err));
    assert_error(&err, "Parameter 'size' expects a size, got '12X'");
    g_assert_false(object_property_parse(obj, "flag", "maybe", &err));
    assert_error(&err, "Parameter 'flag' expects 'on' or 'off', got 'maybe'");
    g_assert_false(object_property_parse(obj, "color", "purple", &err));
    assert_error(&err, "Parameter 'color' does not accept value 'purple'");
    g_assert_null(object_property_print(obj, "secret", false, &err));
    assert_error(&err, "Property 'test-props.secret' is not readable");
}

static void test_types_and_descriptions(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS);
    static const char *const types[][2] = {
        { "type", "string" }, { "flag", "bool" }, { "name", "string" },
        { "color", "TestColor" }, { "u8", "uint8" }, { "u16", "uint16" },
        { "u32", "uint32" }, { "u64", "uint64" }, { "i64", "int" },
        { "size", "size" },
    };
    Error *err = NULL;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(types); i++) {
        g_assert_cmpstr(object_property_get_type(obj, types[i][0],
                                                 &error_abort), ==,
                        types[i][1]);
    }
    g_assert_null(object_property_get_type(obj, "nope", &err));
    assert_error(&err, "Property 'test-props.nope' not found");

    g_assert_cmpstr(object_property_find(obj, "flag")->description, ==,
                    "A flag");
    g_assert_null(object_property_find(obj, "u8")->description);
    object_property_add_uint8_ptr(obj, "extra", &TEST_PROPS(obj)->u8,
                                  OBJ_PROP_FLAG_READ);
    object_property_set_description(obj, "extra", "One more");
    g_assert_cmpstr(object_property_find(obj, "extra")->description, ==,
                    "One more");
}

/* "name, name, ..." of every property the iterator gives. */
static char *property_names(ObjectPropertyIterator *iter)
{
    GString *names = g_string_new(NULL);
    ObjectProperty *prop;

    while ((prop = object_property_iter_next(iter))) {
        g_string_append_printf(names, "%s%s", names->len ? " " : "",
                               prop->name);
    }
    return g_string_free(names, false);
}

static void test_iteration_order(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS_SUB);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    uint8_t a = 1, b = 2;
    char *names;

    object_property_add_uint8_ptr(obj, "b", &b, OBJ_PROP_FLAG_READ);
    object_property_add_uint8_ptr(obj, "a", &a, OBJ_PROP_FLAG_READ);

    object_property_iter_init(&iter, obj);
    names = property_names(&iter);
    g_assert_cmpstr(names, ==, "type flag name color u8 u16 u32 u64 i64 "
                    "size ro secret nickname b a");
    g_free(names);

    object_class_property_iter_init(&iter, object_get_class(obj));
    names = property_names(&iter);
    g_assert_cmpstr(names, ==, "type flag name color u8 u16 u32 u64 i64 "
                    "size ro secret nickname");
    g_free(names);

    /* Deleting the property just returned is allowed. */
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        object_property_del(obj, prop->name);
    }
    object_property_iter_init(&iter, obj);
    names = property_names(&iter);
    g_assert_cmpstr(names, ==, "type flag name color u8 u16 u32 u64 i64 "
                    "size ro secret nickname");
    g_free(names);
}

static void test_subclass_inherits(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS_SUB);
    Error *err = NULL;

    assert_json(obj, "color", "\"green\"");
    assert_json(obj, "nickname", "\"unnamed\"");
    g_assert_true(object_property_find(obj, "u8") ==
                  object_class_property_find(
                      object_class_by_name(TYPE_TEST_PROPS), "u8"));
    g_assert_null(object_class_property_find(
                      object_class_by_name(TYPE_TEST_PROPS), "nickname"));
    g_assert_null(object_class_property_find_err(
                      object_class_by_name(TYPE_TEST_PROPS), "nickname",
                      &err));
    assert_error(&err, "Property 'test-props.nickname' not found");
}

static bool flag_value;

static bool get_flag_value(Object *obj, Error **errp)
{
    return flag_value;
}

static bool set_flag_value(Object *obj, bool value, Error **errp)
{
    flag_value = value;
    return true;
}

static char *get_label(Object *obj, Error **errp)
{
    error_setg(errp, "no label today");
    return NULL;
}

/* A string nobody has set: the getter's NULL without an error. */
static char *get_unset(Object *obj, Error **errp)
{
    return NULL;
}

static int enum_value = TEST_COLOR_BLUE;

static int get_enum_value(Object *obj, Error **errp)
{
    return enum_value;
}

static bool set_enum_value(Object *obj, int value, Error **errp)
{
    enum_value = value;
    return true;
}

static void test_instance_helpers(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS);
    uint16_t u16 = 1;
    uint32_t u32 = 2;
    uint64_t u64 = 3, size = 4;
    int64_t i64 = -4;
    Error *err = NULL;

    object_property_add_bool(obj, "iflag", get_flag_value, set_flag_value);
    object_property_add_str(obj, "ilabel", get_label, NULL);
    object_property_add_str(obj, "iunset", get_unset, NULL);
    object_property_add_enum(obj, "icolor", "TestColor", &test_color_lookup,
                             get_enum_value, set_enum_value);
    object_property_add_uint16_ptr(obj, "iu16", &u16,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint32_ptr(obj, "iu32", &u32,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint64_ptr(obj, "iu64", &u64,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_int64_ptr(obj, "ii64", &i64, OBJ_PROP_FLAG_WRITE);
    object_property_add_size_ptr(obj, "isize", &size,
                                 OBJ_PROP_FLAG_READWRITE);

    g_assert_true(set_json(obj, "iflag", "true", &error_abort));
    g_assert_true(flag_value);
    assert_json(obj, "iflag", "true");
    g_assert_null(object_property_get_qobject(obj, "ilabel", &err));
    assert_error(&err, "no label today");
    assert_json(obj, "iunset", "\"\"");
    assert_json(obj, "icolor", "\"blue\"");
    g_assert_true(object_property_parse(obj, "icolor", "red", &error_abort));
    g_assert_cmpint(enum_value, ==, TEST_COLOR_RED);
    g_assert_true(object_property_parse(obj, "iu16", "10", &error_abort));
    g_assert_true(object_property_parse(obj, "iu32", "11", &error_abort));
    g_assert_true(object_property_parse(obj, "iu64", "12", &error_abort));
    g_assert_true(object_property_parse(obj, "ii64", "-13", &error_abort));
    g_assert_true(object_property_parse(obj, "isize", "1M", &error_abort));
    g_assert_cmpuint(u16, ==, 10);
    g_assert_cmpuint(u32, ==, 11);
    g_assert_cmpuint(u64, ==, 12);
    g_assert_cmpint(i64, ==, -13);
    g_assert_cmpuint(size, ==, 1048576);
    g_assert_null(object_property_get_qobject(obj, "ii64", &err));
    assert_error(&err, "Property 'test-props.ii64' is not readable");
    g_assert_cmpstr(object_property_get_type(obj, "isize", &error_abort), ==,
                    "size");

    /* Instance properties can be deleted (class properties cannot). */
    object_property_del(obj, "iu16");
    g_assert_null(object_property_find(obj, "iu16"));
    object_property_del(obj, "u8");
    g_assert_nonnull(object_property_find(obj, "u8"));
}

static void test_names(void)
{
    g_autoptr(Object) obj = object_new(TYPE_TEST_PROPS);
    uint8_t v = 0;
    Error *err = NULL;

    g_assert_null(object_property_try_add(obj, "u8", "uint8", NULL, NULL,
                                          NULL, NULL, &err));
    assert_error(&err, "attempt to add duplicate property 'u8' to object "
                 "(type 'test-props')");
    g_assert_null(object_property_try_add(obj, "a/b", "uint8", NULL, NULL,
                                          NULL, NULL, &err));
    assert_error(&err, "invalid property name 'a/b' for object (type "
                 "'test-props')");
    g_assert_null(object_property_try_add(obj, "", "uint8", NULL, NULL,
                                          NULL, NULL, &err));
    assert_error(&err, "invalid property name '' for object (type "
                 "'test-props')");

    g_assert_cmpstr(object_property_add_uint8_ptr(obj, "slot[*]", &v,
                                                  OBJ_PROP_FLAG_READ)->name,
                    ==, "slot[0]");
    g_assert_cmpstr(object_property_add_uint8_ptr(obj, "slot[*]", &v,
                                                  OBJ_PROP_FLAG_READ)->name,
                    ==, "slot[1]");
    object_property_del(obj, "slot[0]");
    g_assert_cmpstr(object_property_add_uint8_ptr(obj, "slot[*]", &v,
                                                  OBJ_PROP_FLAG_READ)->name,
                    ==, "slot[0]");
}

static void test_duplicate_class_property_aborts(void)
{
    if (g_test_subprocess()) {
        ObjectClass *klass = object_class_by_name(TYPE_TEST_PROPS_SUB);

        object_class_property_add_bool(klass, "flag", NULL, NULL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*cannot add property 'flag' to class (type "
                              "'test-props-sub'): the name is invalid or "
                              "taken\n");
}

static void test_duplicate_property_aborts(void)
{
    if (g_test_subprocess()) {
        Object *obj = object_new(TYPE_TEST_PROPS);

        object_property_add_bool(obj, "flag", NULL, NULL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*attempt to add duplicate property 'flag' to "
                              "object (type 'test-props')*");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/qom/props/defaults", test_defaults);
    g_test_add_func("/qom/props/json-values", test_json_values);
    g_test_add_func("/qom/props/json-errors", test_json_errors);
    g_test_add_func("/qom/props/read-only-write-only",
                    test_read_only_write_only);
    g_test_add_func("/qom/props/typed-accessors", test_typed_accessors);
    g_test_add_func("/qom/props/parse-print", test_parse_print);
    g_test_add_func("/qom/props/types-descriptions",
                    test_types_and_descriptions);
    g_test_add_func("/qom/props/iteration-order", test_iteration_order);
    g_test_add_func("/qom/props/subclass", test_subclass_inherits);
    g_test_add_func("/qom/props/instance-helpers", test_instance_helpers);
    g_test_add_func("/qom/props/names", test_names);
    g_test_add_func("/qom/props/duplicate-class-property",
                    test_duplicate_class_property_aborts);
    g_test_add_func("/qom/props/duplicate-property",
                    test_duplicate_property_aborts);

    return g_test_run();
}
