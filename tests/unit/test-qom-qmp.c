/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qom-qmp.c: the QOM commands (qom-list, qom-get, qom-set,
 * qom-list-types, qom-list-properties, object-add, object-del) through
 * qmp_dispatch() on the process command table, with the exact replies and
 * error texts of QEMU 7.2.
 */
#include "osdep.h"

#include "qom/container.h"
#include "qom/object-interfaces.h"

#include "qmp-dispatch-helpers.h"

/* An abstract base and a node type with properties of each kind. */
#define TYPE_TEST_BASE "test-qmp-base"
#define TYPE_TEST_NODE "test-qmp-node"
OBJECT_DECLARE_SIMPLE_TYPE(TestNode, TEST_NODE)
struct TestNode {
    Object parent_obj;
    uint8_t level;
    bool on;
    Object *peer;
    Object *rng;
};

#define TYPE_TEST_IFACE "test-qmp-iface"

static bool node_get_on(Object *obj, Error **errp)
{
    return TEST_NODE(obj)->on;
}

static bool node_set_on(Object *obj, bool value, Error **errp)
{
    TEST_NODE(obj)->on = value;
    return true;
}

static void base_class_init(ObjectClass *klass, void *data)
{
    ObjectProperty *prop;

    prop = object_class_property_add_uint8_ptr(klass, "level",
                                               offsetof(TestNode, level),
                                               OBJ_PROP_FLAG_READWRITE);
    object_property_set_default_uint(prop, 2);
    object_class_property_set_description(klass, "level", "How deep");
}

static void node_class_init(ObjectClass *klass, void *data)
{
    object_class_property_add_bool(klass, "on", node_get_on, node_set_on);
    object_class_property_add_link(klass, "peer", TYPE_TEST_NODE,
                                   offsetof(TestNode, peer),
                                   object_property_allow_set_link, 0);
}

static void node_instance_init(Object *obj)
{
    object_property_add_uint8_ptr(obj, "shadow", &TEST_NODE(obj)->level,
                                  OBJ_PROP_FLAG_READ);
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_IFACE,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(InterfaceClass),
    }, {
        .name = TYPE_TEST_BASE,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(TestNode),
        .class_init = base_class_init,
        .interfaces = (const InterfaceInfo[]) { { TYPE_TEST_IFACE }, { } },
    }, {
        .name = TYPE_TEST_NODE,
        .parent = TYPE_TEST_BASE,
        .instance_init = node_instance_init,
        .class_init = node_class_init,
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

/* /a (a node) with children b and c, c with a child b. */
static void build_tree(void)
{
    Object *a = object_new(TYPE_TEST_NODE);
    Object *b = object_new(TYPE_TEST_NODE);
    Object *c = object_new(TYPE_TEST_NODE);
    Object *cb = object_new(TYPE_TEST_NODE);

    object_property_add_child(object_get_root(), "a", a);
    object_property_add_child(a, "b", b);
    object_property_add_child(a, "c", c);
    object_property_add_child(c, "b", cb);
    object_unref(a);
    object_unref(b);
    object_unref(c);
    object_unref(cb);
}

static void remove_tree(void)
{
    object_unparent(object_resolve_path("/a", NULL));
}

static void test_qom_list(void)
{
    build_tree();
    check_response("{'execute': 'qom-list', 'arguments': {'path': '/a'}}",
                   "{\"return\": [{\"name\": \"type\", \"type\": \"string\"}, "
                   "{\"name\": \"level\", \"type\": \"uint8\"}, "
                   "{\"name\": \"on\", \"type\": \"bool\"}, "
                   "{\"name\": \"peer\", \"type\": \"link<test-qmp-node>\"}, "
                   "{\"name\": \"shadow\", \"type\": \"uint8\"}, "
                   "{\"name\": \"b\", \"type\": \"child<test-qmp-node>\"}, "
                   "{\"name\": \"c\", \"type\": \"child<test-qmp-node>\"}]}");
    check_response("{'execute': 'qom-list', 'arguments': {'path': 'c'}, "
                   "'id': 1}",
                   "{\"return\": [{\"name\": \"type\", \"type\": \"string\"}, "
                   "{\"name\": \"level\", \"type\": \"uint8\"}, "
                   "{\"name\": \"on\", \"type\": \"bool\"}, "
                   "{\"name\": \"peer\", \"type\": \"link<test-qmp-node>\"}, "
                   "{\"name\": \"shadow\", \"type\": \"uint8\"}, "
                   "{\"name\": \"b\", \"type\": \"child<test-qmp-node>\"}], "
                   "\"id\": 1}");
    check_response("{'execute': 'qom-list', 'arguments': {'path': 'b'}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Path 'b' is ambiguous\"}}");
    check_response("{'execute': 'qom-list', 'arguments': {'path': '/a/x'}}",
                   "{\"error\": {\"class\": \"DeviceNotFound\", "
                   "\"desc\": \"Device '/a/x' not found\"}}");
    check_response("{'execute': 'qom-list', 'arguments': {}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'path' is missing\"}}");
    remove_tree();
}

static void test_qom_get_set(void)
{
    build_tree();
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': '/a', 'property': 'level'}}",
                   "{\"return\": 2}");
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a', 'property': 'level', 'value': 7}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': 'a', 'property': 'shadow'}}",
                   "{\"return\": 7}");
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a/c', 'property': 'on', 'value': true}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': 'c', 'property': 'on'}}",
                   "{\"return\": true}");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': '/a', 'property': 'type'}}",
                   "{\"return\": \"test-qmp-node\"}");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': '/a', 'property': 'c'}}",
                   "{\"return\": \"/a/c\"}");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': '/a', 'property': 'peer'}}",
                   "{\"return\": \"\"}");
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a', 'property': 'peer', 'value': 'c/b'}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': '/a', 'property': 'peer'}}",
                   "{\"return\": \"/a/c/b\"}");
    remove_tree();
}

static void test_qom_get_set_errors(void)
{
    build_tree();
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': '/a', 'property': 'nope'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Property 'test-qmp-node.nope' not found\"}}");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': 'b', 'property': 'type'}}",
                   "{\"error\": {\"class\": \"DeviceNotFound\", "
                   "\"desc\": \"Device 'b' not found\"}}");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': '', 'property': 'type'}}",
                   "{\"error\": {\"class\": \"DeviceNotFound\", "
                   "\"desc\": \"Device '' not found\"}}");
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a', 'property': 'type', 'value': 'x'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Property 'test-qmp-node.type' is not writable\"}}");
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a', 'property': 'level', 'value': 256}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Parameter 'level' expects an integer between 0 and "
                   "255, got '256'\"}}");
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a', 'property': 'on', 'value': 'yes'}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'on' expects boolean\"}}");
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a', 'property': 'peer', 'value': '/nope'}}",
                   "{\"error\": {\"class\": \"DeviceNotFound\", "
                   "\"desc\": \"Device '/nope' not found\"}}");
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a', 'property': 'peer', 'value': '/'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Invalid parameter type for 'peer', expected: "
                   "test-qmp-node\"}}");
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a', 'property': 'peer', 'value': 5}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'peer' expects string\"}}");
    check_response("{'execute': 'qom-set', "
                   "'arguments': {'path': '/a', 'property': 'level'}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'value' is missing\"}}");
    remove_tree();
}

static void test_qom_list_types(void)
{
    check_response("{'execute': 'qom-list-types', "
                   "'arguments': {'implements': 'test-qmp-base'}}",
                   "{\"return\": [{\"name\": \"test-qmp-node\", "
                   "\"parent\": \"test-qmp-base\"}]}");
    check_response("{'execute': 'qom-list-types', 'arguments': "
                   "{'implements': 'test-qmp-iface', 'abstract': true}}",
                   "{\"return\": [{\"name\": \"test-qmp-iface\", "
                   "\"abstract\": true, \"parent\": \"interface\"}, "
                   "{\"name\": \"test-qmp-base\", \"abstract\": true, "
                   "\"parent\": \"object\"}, "
                   "{\"name\": \"test-qmp-node\", "
                   "\"parent\": \"test-qmp-base\"}]}");
    check_response("{'execute': 'qom-list-types', "
                   "'arguments': {'implements': 'nope'}}",
                   "{\"return\": []}");
    check_response("{'execute': 'qom-list-types', "
                   "'arguments': {'implements': 'container', "
                   "'abstract': false}}",
                   "{\"return\": [{\"name\": \"container\", "
                   "\"parent\": \"object\"}]}");
}

static void test_qom_list_properties(void)
{
    check_response("{'execute': 'qom-list-properties', "
                   "'arguments': {'typename': 'test-qmp-node'}}",
                   "{\"return\": [{\"name\": \"type\", \"type\": \"string\"}, "
                   "{\"name\": \"level\", \"type\": \"uint8\", "
                   "\"description\": \"How deep\"}, "
                   "{\"name\": \"on\", \"type\": \"bool\"}, "
                   "{\"name\": \"peer\", \"type\": \"link<test-qmp-node>\"}, "
                   "{\"name\": \"shadow\", \"type\": \"uint8\"}]}");
    /* Abstract: the class properties only. */
    check_response("{'execute': 'qom-list-properties', "
                   "'arguments': {'typename': 'test-qmp-base'}}",
                   "{\"return\": [{\"name\": \"type\", \"type\": \"string\"}, "
                   "{\"name\": \"level\", \"type\": \"uint8\", "
                   "\"description\": \"How deep\"}]}");
    check_response("{'execute': 'qom-list-properties', "
                   "'arguments': {'typename': 'nope'}}",
                   "{\"error\": {\"class\": \"DeviceNotFound\", "
                   "\"desc\": \"Class 'nope' not found\"}}");
    check_response("{'execute': 'qom-list-properties', "
                   "'arguments': {'typename': 'user-creatable'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Parameter 'typename' expects a QOM type\"}}");
}

static void test_object_add_del(void)
{
    Object *node = object_new(TYPE_TEST_NODE);

    check_response("{'execute': 'object-add', "
                   "'arguments': {'qom-type': 'rng-builtin', 'id': 'r0'}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'qom-list', "
                   "'arguments': {'path': '/objects'}}",
                   "{\"return\": [{\"name\": \"type\", \"type\": \"string\"}, "
                   "{\"name\": \"r0\", \"type\": \"child<rng-builtin>\"}]}");
    check_response("{'execute': 'object-add', "
                   "'arguments': {'qom-type': 'rng-builtin', 'id': 'r0'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"attempt to add duplicate property 'r0' to object "
                   "(type 'container')\"}}");

    /* In use: a link points to it. */
    object_property_add_child(object_get_root(), "a", node);
    object_unref(node);
    object_property_add_link(node, "rng", "rng-builtin",
                             &TEST_NODE(node)->rng,
                             object_property_allow_set_link, 0);
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a', 'property': 'rng', 'value': 'r0'}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'object-del', 'arguments': {'id': 'r0'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"object 'r0' is in use, can not be deleted: property "
                   "'rng' of '/a' links to it\"}}");
    check_response("{'execute': 'qom-set', 'arguments': "
                   "{'path': '/a', 'property': 'rng', 'value': ''}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'object-del', 'arguments': {'id': 'r0'}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'object-del', 'arguments': {'id': 'r0'}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"object 'r0' not found\"}}");
    g_assert_null(object_resolve_path("/objects/r0", NULL));
    remove_tree();
}

static void test_object_add_errors(void)
{
    check_response("{'execute': 'object-add', "
                   "'arguments': {'qom-type': 'nope', 'id': 'x'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Parameter 'qom-type' does not accept value 'nope'\"}}");
    check_response("{'execute': 'object-add', "
                   "'arguments': {'qom-type': 'rng-builtin'}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'id' is missing\"}}");
    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'memory-backend-ram', 'id': 'm'}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'size' is missing\"}}");
    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'rng-builtin', 'id': 'x', 'bogus': 1}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'bogus' is unexpected\"}}");
    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'rng-builtin', 'id': '0bad'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Parameter 'id' expects an identifier\"}}");
    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'memory-backend-ram', 'id': 'm', "
                   "'size': '1K'}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'size' expects integer\"}}");
    check_response("{'execute': 'object-del', 'arguments': {}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'id' is missing\"}}");
    g_assert_null(object_resolve_path("/objects/x", NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/qom/qmp/qom-list", test_qom_list);
    g_test_add_func("/qom/qmp/qom-get-set", test_qom_get_set);
    g_test_add_func("/qom/qmp/qom-get-set-errors", test_qom_get_set_errors);
    g_test_add_func("/qom/qmp/qom-list-types", test_qom_list_types);
    g_test_add_func("/qom/qmp/qom-list-properties",
                    test_qom_list_properties);
    g_test_add_func("/qom/qmp/object-add-del", test_object_add_del);
    g_test_add_func("/qom/qmp/object-add-errors", test_object_add_errors);

    return g_test_run();
}
