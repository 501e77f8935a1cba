/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qom-user-creatable.c: user-creatable objects: creation at
 * /objects/ID from properties and from -object text, deletion and its
 * refusals, the -object help texts, and -object recorded and created in
 * order.
 */
#include "osdep.h"

#include "qapi/qobject-input-visitor.h"
#include "qobject/qjson.h"
#include "qom/container.h"
#include "qom/object-interfaces.h"
#include "qom/object-option.h"
#include "util/error-report.h"
#include "util/error.h"

#include "capture.h"
#include "event-log.h"

/* A backend: needs a size, can be made busy (not deletable). */
#define TYPE_TEST_BACKEND "test-backend"
OBJECT_DECLARE_SIMPLE_TYPE(TestBackend, TEST_BACKEND)
struct TestBackend {
    Object parent_obj;
    uint64_t size;
    char *label;
    bool busy;
};

#define TYPE_TEST_ABSTRACT "test-abstract-backend"
#define TYPE_TEST_PLAIN "test-plain"

/* Not user-creatable; links to a backend. */
#define TYPE_TEST_USER "test-user"
OBJECT_DECLARE_SIMPLE_TYPE(TestUser, TEST_USER)
struct TestUser {
    Object parent_obj;
    Object *backend;
};

/*
 * Stand-ins for the rng backends of backends/, which this program does not
 * link: the schema (ObjectType) knows their names, so -object text and
 * user_creatable_add_qapi() can create them. rng-random refuses an empty
 * filename, to have a failing complete.
 */
#define TYPE_STANDIN_RANDOM "rng-random"
OBJECT_DECLARE_SIMPLE_TYPE(StandinRandom, STANDIN_RANDOM)
struct StandinRandom {
    Object parent_obj;
    char *filename;
};

static bool backend_complete(UserCreatable *uc, Error **errp)
{
    TestBackend *b = TEST_BACKEND(uc);

    if (!b->size) {
        error_setg(errp, "property 'size' of %s must be set",
                   object_get_typename(OBJECT(uc)));
        return false;
    }
    event("complete(%s)", b->label ? b->label : "-");
    return true;
}

static bool backend_can_be_deleted(UserCreatable *uc)
{
    return !TEST_BACKEND(uc)->busy;
}

static char *backend_get_label(Object *obj, Error **errp)
{
    return g_strdup(TEST_BACKEND(obj)->label);
}

static bool backend_set_label(Object *obj, const char *value, Error **errp)
{
    g_free(TEST_BACKEND(obj)->label);
    TEST_BACKEND(obj)->label = g_strdup(value);
    return true;
}

static void backend_finalize(Object *obj)
{
    TestBackend *b = TEST_BACKEND(obj);

    event("finalize(%s)", b->label ? b->label : "-");
    g_free(b->label);
}

static void backend_class_init(ObjectClass *klass, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(klass);
    ObjectProperty *prop;

    ucc->complete = backend_complete;
    ucc->can_be_deleted = backend_can_be_deleted;
    prop = object_class_property_add_size_ptr(klass, "size",
                                              offsetof(TestBackend, size),
                                              OBJ_PROP_FLAG_READWRITE);
    object_property_set_default_uint(prop, 0);
    object_class_property_set_description(klass, "size",
                                          "Size of the backend");
    object_class_property_add_str(klass, "label", backend_get_label,
                                  backend_set_label);
    object_class_property_add_uint8_ptr(klass, "read-only", 0,
                                        OBJ_PROP_FLAG_READ);
}

static void user_instance_init(Object *obj)
{
    object_property_add_link(obj, "backend", TYPE_TEST_BACKEND,
                             &TEST_USER(obj)->backend,
                             object_property_allow_set_link, 0);
}

static bool standin_complete(UserCreatable *uc, Error **errp)
{
    Object *obj = OBJECT(uc);
    const char *filename;

    if (!object_dynamic_cast(obj, TYPE_STANDIN_RANDOM)) {
        event("complete(rng-builtin)");
        return true;
    }
    filename = STANDIN_RANDOM(obj)->filename;
    if (!filename[0]) {
        error_setg(errp, "property 'filename' of rng-random must not be "
                   "empty");
        return false;
    }
    event("complete(%s)", filename);
    return true;
}

static void standin_class_init(ObjectClass *klass, void *data)
{
    USER_CREATABLE_CLASS(klass)->complete = standin_complete;
}

static char *standin_get_filename(Object *obj, Error **errp)
{
    return g_strdup(STANDIN_RANDOM(obj)->filename);
}

static bool standin_set_filename(Object *obj, const char *value,
                                 Error **errp)
{
    g_free(STANDIN_RANDOM(obj)->filename);
    STANDIN_RANDOM(obj)->filename = g_strdup(value);
    return true;
}

static void standin_random_class_init(ObjectClass *klass, void *data)
{
    standin_class_init(klass, data);
    object_class_property_add_str(klass, "filename", standin_get_filename,
                                  standin_set_filename);
}

static void standin_random_init(Object *obj)
{
    STANDIN_RANDOM(obj)->filename = g_strdup("/dev/urandom");
}

static void standin_random_finalize(Object *obj)
{
    event("finalize(%s)", STANDIN_RANDOM(obj)->filename);
    g_free(STANDIN_RANDOM(obj)->filename);
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_ABSTRACT,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(TestBackend),
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_USER_CREATABLE }, { }
        },
    }, {
        .name = TYPE_TEST_BACKEND,
        .parent = TYPE_TEST_ABSTRACT,
        .instance_finalize = backend_finalize,
        .class_init = backend_class_init,
    }, {
        .name = TYPE_TEST_PLAIN,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Object),
    }, {
        .name = "rng-builtin",
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .class_init = standin_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_USER_CREATABLE }, { }
        },
    }, {
        .name = TYPE_STANDIN_RANDOM,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(StandinRandom),
        .instance_init = standin_random_init,
        .instance_finalize = standin_random_finalize,
        .class_init = standin_random_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_USER_CREATABLE }, { }
        },
    }, {
        .name = TYPE_TEST_USER,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestUser),
        .instance_init = user_instance_init,
    },
};

static void register_test_types(void)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(test_types); i++) {
        type_register_static(&test_types[i]);
    }
}

type_init(register_test_types)

static void assert_error(Error **errp, const char *expected)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, expected);
    error_free_or_abort(errp);
}

/* user_creatable_add_type() with properties from the JSON object @json. */
static Object *add_type(const char *type, const char *id, const char *json,
                        Error **errp)
{
    g_autoptr(QObject) props = qobject_from_json(json, &error_abort);
    g_autoptr(Visitor) v = qobject_input_visitor_new(props);

    return user_creatable_add_type(type, id, qobject_to(QDict, props), v,
                                   errp);
}

static Object *find_object(const char *id)
{
    return object_resolve_path_component(object_get_objects_root(), id);
}

/* Delete what a test left in /objects and in /a. */
static void cleanup(void)
{
    Object *a = object_resolve_path("/a", NULL);

    if (a) {
        object_unparent(a);
    }
    object_unparent(object_get_objects_root());
    events_clear();
}

static void test_add_type(void)
{
    Object *obj = add_type(TYPE_TEST_BACKEND, "b0",
                           "{'size': 4096, 'label': 'b0'}", &error_abort);
    g_autofree char *path = object_get_canonical_path(obj);

    assert_events("complete(b0)");
    g_assert_cmpstr(path, ==, "/objects/b0");
    g_assert_true(find_object("b0") == obj);
    g_assert_cmpuint(TEST_BACKEND(obj)->size, ==, 4096);
    /* A reference for the caller, one for /objects. */
    g_assert_cmpint(obj->ref, ==, 2);
    object_unref(obj);

    obj = add_type(TYPE_TEST_BACKEND, NULL, "{'size': 1}", &error_abort);
    g_assert_null(obj->parent);
    object_unref(obj);
    assert_events("complete(-) finalize(-)");
    cleanup();
    assert_events("");
}

static void test_add_type_errors(void)
{
    Object *b0 = add_type(TYPE_TEST_BACKEND, "b0", "{'size': 1}",
                          &error_abort);
    Error *err = NULL;

    object_unref(b0);
    events_clear();
    g_assert_null(add_type("test-nope", "x", "{}", &err));
    assert_error(&err, "invalid object type: test-nope");
    g_assert_null(add_type(TYPE_TEST_PLAIN, "x", "{}", &err));
    assert_error(&err, "object type 'test-plain' isn't supported by "
                 "object-add");
    g_assert_null(add_type(TYPE_TEST_ABSTRACT, "x", "{}", &err));
    assert_error(&err, "object type 'test-abstract-backend' is abstract");
    g_assert_null(add_type(TYPE_TEST_BACKEND, "0x", "{}", &err));
    g_assert_cmpstr(error_get_hint(err), ==, "Identifiers consist of "
                    "letters, digits, '-', '.', '_', starting with a "
                    "letter.\n");
    assert_error(&err, "Parameter 'id' expects an identifier");
    assert_events("");

    /* Every failure after the object exists finalizes it again. */
    g_assert_null(add_type(TYPE_TEST_BACKEND, "b0", "{'size': 1}", &err));
    assert_error(&err, "attempt to add duplicate property 'b0' to object "
                 "(type 'container')");
    assert_events("finalize(-)");
    g_assert_null(add_type(TYPE_TEST_BACKEND, "b1", "{'bogus': 1}", &err));
    assert_error(&err, "Property 'test-backend.bogus' not found");
    g_assert_null(add_type(TYPE_TEST_BACKEND, "b1", "{'size': 'big'}",
                           &err));
    assert_error(&err, "Parameter 'size' expects integer");
    g_assert_null(add_type(TYPE_TEST_BACKEND, "b1", "{'read-only': 1}",
                           &err));
    assert_error(&err, "Property 'test-backend.read-only' is not writable");
    g_assert_null(add_type(TYPE_TEST_BACKEND, "b1", "{'label': 'b1'}",
                           &err));
    assert_error(&err, "property 'size' of test-backend must be set");
    assert_events("finalize(-) finalize(-) finalize(-) finalize(b1)");
    g_assert_null(find_object("b1"));
    cleanup();
}

static void test_add_from_str(void)
{
    Error *err = NULL;

    g_assert_true(user_creatable_add_from_str(
                      "rng-random,id=k0,filename=/dev/null", &error_abort));
    g_assert_cmpstr(STANDIN_RANDOM(find_object("k0"))->filename, ==,
                    "/dev/null");
    g_assert_true(user_creatable_add_from_str(
                      "{'qom-type': 'rng-random', 'id': 'j0', "
                      "'filename': '/dev/zero'}", &error_abort));
    g_assert_true(user_creatable_add_from_str("rng-builtin,id=b0",
                                              &error_abort));
    assert_events("complete(/dev/null) complete(/dev/zero) "
                  "complete(rng-builtin)");

    /* Checked against the schema first, as object-add is. */
    g_assert_false(user_creatable_add_from_str("rng-random,filename=x",
                                               &err));
    assert_error(&err, "Parameter 'id' is missing");
    g_assert_false(user_creatable_add_from_str("id=x", &err));
    assert_error(&err, "Parameter 'qom-type' is missing");
    g_assert_false(user_creatable_add_from_str("test-backend,id=k1", &err));
    assert_error(&err, "Parameter 'qom-type' does not accept value "
                 "'test-backend'");
    g_assert_false(user_creatable_add_from_str("rng-builtin,id=k1,size=1",
                                               &err));
    assert_error(&err, "Parameter 'size' is unexpected");
    g_assert_false(user_creatable_add_from_str(
                       "{'qom-type': 'rng-random', 'id': 'k1', "
                       "'filename': 1}", &err));
    assert_error(&err, "Parameter 'filename' expects string");
    g_assert_false(user_creatable_add_from_str("rng-builtin,id=k1,=x", &err));
    assert_error(&err, "Empty parameter name at '=x'");
    g_assert_false(user_creatable_add_from_str("{'qom-type'", &err));
    assert_error(&err, "JSON parse error, premature end of input");
    g_assert_false(user_creatable_add_from_str("rng-random,id=k0", &err));
    assert_error(&err, "attempt to add duplicate property 'k0' to object "
                 "(type 'container')");
    assert_events("finalize(/dev/urandom)");
    cleanup();
}

static void test_del(void)
{
    Object *a = container_get(object_get_root(), "/a");
    Object *user = object_new(TYPE_TEST_USER);
    Object *b0;
    Error *err = NULL;

    object_property_add_child(a, "u", user);
    object_unref(user);
    b0 = add_type(TYPE_TEST_BACKEND, "b0", "{'size': 1, 'label': 'b0'}",
                  &error_abort);
    object_unref(b0);
    events_clear();

    g_assert_false(user_creatable_del("nope", &err));
    assert_error(&err, "object 'nope' not found");
    g_assert_false(user_creatable_del("a/u", &err));
    assert_error(&err, "object 'a/u' not found");

    g_assert_true(object_property_set_link(user, "backend", b0,
                                           &error_abort));
    g_assert_false(user_creatable_del("b0", &err));
    assert_error(&err, "object 'b0' is in use, can not be deleted: property "
                 "'backend' of '/a/u' links to it");
    g_assert_true(object_property_set_link(user, "backend", NULL,
                                           &error_abort));

    TEST_BACKEND(b0)->busy = true;
    g_assert_false(user_creatable_del("b0", &err));
    assert_error(&err, "object 'b0' is in use, can not be deleted");
    TEST_BACKEND(b0)->busy = false;

    /* A link inside the object itself does not keep it. */
    user = object_new(TYPE_TEST_USER);
    object_property_add_child(b0, "part", user);
    object_unref(user);
    g_assert_true(object_property_set_link(user, "backend", b0,
                                           &error_abort));
    g_assert_true(user_creatable_del("b0", &error_abort));
    assert_events("finalize(b0)");
    g_assert_null(find_object("b0"));
    cleanup();
}

/* What user_creatable_print_help(@type) prints (caller frees). */
static char *help_text(const char *type, bool *printed)
{
    capture_start();
    *printed = user_creatable_print_help(type);
    return capture_stop();
}

static void test_help(void)
{
    bool printed;
    char *text;

    text = help_text(NULL, &printed);
    g_assert_true(printed);
    g_assert_cmpstr(text, ==, "List of user creatable objects:\n"
                    "  rng-builtin\n"
                    "  rng-random\n"
                    "  test-backend\n");
    g_free(text);
    text = help_text("help", &printed);
    g_assert_cmpstr(text, ==, "List of user creatable objects:\n"
                    "  rng-builtin\n"
                    "  rng-random\n"
                    "  test-backend\n");
    g_free(text);

    text = help_text(TYPE_TEST_BACKEND, &printed);
    g_assert_true(printed);
    g_assert_cmpstr(text, ==, "test-backend options:\n"
                    "  label=<string>\n"
                    "  size=<size>            - Size of the backend "
                    "(default: 0)\n");
    g_free(text);
    text = help_text(TYPE_TEST_PLAIN, &printed);
    g_assert_cmpstr(text, ==, "There are no options for test-plain.\n");
    g_free(text);
    text = help_text("test-nope", &printed);
    g_assert_false(printed);
    g_assert_cmpstr(text, ==, "");
    g_free(text);
}

static void test_property_help(void)
{
    g_autoptr(QObject) defval = qobject_from_json("false", &error_abort);
    char *line;

    line = object_property_help("a", "bool", NULL, NULL);
    g_assert_cmpstr(line, ==, "  a=<bool>");
    g_free(line);
    line = object_property_help("a", "bool", defval, NULL);
    g_assert_cmpstr(line, ==, "  a=<bool>               -  (default: false)");
    g_free(line);
    line = object_property_help("a-very-long-property-name", "uint32",
                                NULL, "Text");
    g_assert_cmpstr(line, ==, "  a-very-long-property-name=<uint32> - Text");
    g_free(line);
}

/* Parse @optarg as the -object at argv[@idx] of a made-up command line. */
static bool parse_option(char **argv, int idx, bool *help, Error **errp)
{
    bool ok;

    loc_set_cmdline(argv, idx - 1, 2);
    ok = object_option_parse(argv[idx], help, errp);
    loc_set_none();
    return ok;
}

static void test_object_option(void)
{
    char *argv[] = {
        "kvmini", "-object", "rng-random,id=o1,filename=/dev/null",
        "-object", "{'qom-type': 'rng-builtin', 'id': 'o2'}",
        "-object", "rng-random,id=o3,filename=", NULL
    };
    g_autofree char *out = NULL;
    Error *err = NULL;
    Location loc;
    bool help;

    error_set_progname("kvmini");
    loc_push_none(&loc);
    g_assert_true(parse_option(argv, 2, &help, &error_abort));
    g_assert_false(help);
    g_assert_true(parse_option(argv, 4, &help, &error_abort));
    /* Nothing is created before object_option_add_all(). */
    g_assert_null(find_object("o1"));
    g_assert_true(object_option_add_all(&error_abort));
    assert_events("complete(/dev/null) complete(rng-builtin)");
    g_assert_nonnull(find_object("o1"));
    g_assert_nonnull(find_object("o2"));

    /* A failure leaves the location at the option that failed. */
    g_assert_true(parse_option(argv, 6, &help, &error_abort));
    g_assert_true(parse_option(argv, 2, &help, &error_abort));
    g_assert_false(object_option_add_all(&err));
    capture_start();
    error_report_err(err);
    out = capture_stop();
    g_assert_cmpstr(out, ==, "kvmini: -object rng-random,id=o3,filename=: "
                    "property 'filename' of rng-random must not be empty\n");
    loc_pop(&loc);
    /* The rest was forgotten. */
    g_assert_true(object_option_add_all(&error_abort));
    assert_events("finalize()");
    cleanup();
}

static void test_object_option_errors(void)
{
    char *argv[] = {
        "kvmini", "-object", "rng-random,id=0x", "-object", "nope,id=x",
        "-object", "{'qom-type': 'rng-builtin'}", "-object", "id=x",
        "-object", "rng-builtin,id=a,id=b,x", NULL
    };
    Error *err = NULL;
    bool help;

    /* Bad option text fails at once; the id is checked when created. */
    g_assert_true(parse_option(argv, 2, &help, &error_abort));
    g_assert_false(object_option_add_all(&err));
    assert_error(&err, "Parameter 'id' expects an identifier");
    g_assert_false(parse_option(argv, 4, &help, &err));
    assert_error(&err, "Parameter 'qom-type' does not accept value 'nope'");
    g_assert_false(parse_option(argv, 6, &help, &err));
    assert_error(&err, "Parameter 'id' is missing");
    g_assert_false(parse_option(argv, 8, &help, &err));
    assert_error(&err, "Parameter 'qom-type' is missing");
    g_assert_false(parse_option(argv, 10, &help, &err));
    assert_error(&err, "Expected '=' after parameter 'x'");
    loc_set_none();
}

static void test_object_option_help(void)
{
    char *argv[] = {
        "kvmini", "-object", "help", "-object", "test-backend,help",
        "-object", "qom-type=?", "-object", "test-nope,help",
        "-object", "{'qom-type': 'help', 'id': 'h'}", NULL
    };
    g_autofree char *out = NULL;
    Error *err = NULL;
    bool help;

    capture_start();
    g_assert_true(parse_option(argv, 2, &help, &error_abort));
    g_assert_true(help);
    g_assert_true(parse_option(argv, 4, &help, &error_abort));
    g_assert_true(help);
    g_assert_true(parse_option(argv, 6, &help, &error_abort));
    g_assert_true(help);
    out = capture_stop();
    g_assert_cmpstr(out, ==, "List of user creatable objects:\n"
                    "  rng-builtin\n"
                    "  rng-random\n"
                    "  test-backend\n"
                    "test-backend options:\n"
                    "  label=<string>\n"
                    "  size=<size>            - Size of the backend "
                    "(default: 0)\n"
                    "List of user creatable objects:\n"
                    "  rng-builtin\n"
                    "  rng-random\n"
                    "  test-backend\n");

    /* Help for a type nobody knows is an unknown type. */
    g_assert_false(parse_option(argv, 8, &help, &err));
    g_assert_false(help);
    assert_error(&err, "Parameter 'qom-type' does not accept value "
                 "'test-nope'");
    /* JSON has no help. */
    g_assert_false(parse_option(argv, 10, &help, &err));
    g_assert_false(help);
    assert_error(&err, "Parameter 'qom-type' does not accept value 'help'");
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/qom/user-creatable/add-type", test_add_type);
    g_test_add_func("/qom/user-creatable/add-type-errors",
                    test_add_type_errors);
    g_test_add_func("/qom/user-creatable/add-from-str", test_add_from_str);
    g_test_add_func("/qom/user-creatable/del", test_del);
    g_test_add_func("/qom/user-creatable/help", test_help);
    g_test_add_func("/qom/user-creatable/property-help", test_property_help);
    g_test_add_func("/qom/user-creatable/object-option", test_object_option);
    g_test_add_func("/qom/user-creatable/object-option-errors",
                    test_object_option_errors);
    g_test_add_func("/qom/user-creatable/object-option-help",
                    test_object_option_help);

    ret = g_test_run();
    events_free();
    return ret;
}
