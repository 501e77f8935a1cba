/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qom-tree.c: the composition tree: child, link and alias
 * properties, unparenting, containers, canonical paths, absolute and
 * partial path resolution, and walks over children.
 */
#include "osdep.h"

#include "qobject/qnum.h"
#include "qom/container.h"
#include "qom/object.h"
#include "util/error.h"

#include "event-log.h"

#define TYPE_TEST_NODE "test-node"
OBJECT_DECLARE_SIMPLE_TYPE(TestNode, TEST_NODE)
struct TestNode {
    Object parent_obj;
    char *label;            /* for the event log */
    uint8_t level;
    Object *peer;           /* class link<test-node>, strong */
    Object *friend;         /* instance link<test-node>, weak, checked */
};

#define TYPE_TEST_LEAF "test-leaf"

/* Logs the node's path, or its label once it is out of the tree. */
static void node_unparent(Object *obj)
{
    g_autofree char *path = object_get_canonical_path(obj);

    event("unparent(%s)", path ? path : TEST_NODE(obj)->label);
}

static void node_class_init(ObjectClass *klass, void *data)
{
    ObjectProperty *prop;

    klass->unparent = node_unparent;
    prop = object_class_property_add_uint8_ptr(klass, "level",
                                               offsetof(TestNode, level),
                                               OBJ_PROP_FLAG_READWRITE);
    object_property_set_default_uint(prop, 3);
    object_class_property_set_description(klass, "level", "How deep");
    object_class_property_add_uint8_ptr(klass, "ro-level",
                                        offsetof(TestNode, level),
                                        OBJ_PROP_FLAG_READ);
    object_class_property_add_link(klass, "peer", TYPE_TEST_NODE,
                                   offsetof(TestNode, peer),
                                   object_property_allow_set_link,
                                   OBJ_PROP_LINK_STRONG);
}

/* The friend link refuses the node itself. */
static bool node_check_friend(const Object *obj, const char *name,
                              Object *val, Error **errp)
{
    if (val == obj) {
        error_setg(errp, "Property '%s' of '%s' cannot link to itself",
                   name, TEST_NODE(obj)->label);
        return false;
    }
    return true;
}

static void node_instance_init(Object *obj)
{
    TestNode *node = TEST_NODE(obj);

    object_property_add_link(obj, "friend", TYPE_TEST_NODE, &node->friend,
                             node_check_friend, 0);
}

static void node_instance_finalize(Object *obj)
{
    TestNode *node = TEST_NODE(obj);

    event("finalize(%s)", node->label);
    g_free(node->label);
}

static const TypeInfo node_info = {
    .name = TYPE_TEST_NODE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(TestNode),
    .instance_init = node_instance_init,
    .instance_finalize = node_instance_finalize,
    .class_init = node_class_init,
};

static const TypeInfo leaf_info = {
    .name = TYPE_TEST_LEAF,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(Object),
};

static void register_test_types(void)
{
    type_register_static(&node_info);
    type_register_static(&leaf_info);
}

type_init(register_test_types)

/* A new node called @label, the child @label of @parent (borrowed). */
static Object *add_node(Object *parent, const char *label)
{
    Object *node = object_new(TYPE_TEST_NODE);

    TEST_NODE(node)->label = g_strdup(label);
    object_property_add_child(parent, label, node);
    object_unref(node);
    return node;
}

static void assert_path(Object *obj, const char *expected)
{
    g_autofree char *path = object_get_canonical_path(obj);

    g_assert_cmpstr(path, ==, expected);
}

static void assert_error(Error **errp, const char *expected)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, expected);
    error_free_or_abort(errp);
}

/* Whatever a test added below the root goes again. */
static void tree_cleanup(void)
{
    static const char *const paths[] = { "/a", "/machine" };
    Object *obj;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(paths); i++) {
        obj = object_resolve_path(paths[i], NULL);
        if (obj) {
            object_unparent(obj);
        }
    }
    events_clear();
}

static void test_root_and_containers(void)
{
    Object *root = object_get_root();
    Object *peripheral;

    g_assert_cmpstr(object_get_typename(root), ==, TYPE_CONTAINER);
    assert_path(root, "/");
    g_assert_null(object_get_canonical_path_component(root));
    assert_path(object_get_objects_root(), "/objects");
    g_assert_true(object_get_objects_root() == object_get_objects_root());

    peripheral = container_get(root, "/machine/peripheral");
    assert_path(peripheral, "/machine/peripheral");
    g_assert_cmpstr(object_get_canonical_path_component(peripheral), ==,
                    "peripheral");
    g_assert_true(container_get(root, "machine//peripheral/") == peripheral);
    g_assert_cmpstr(object_get_typename(object_resolve_path("/machine",
                                                            NULL)), ==,
                    TYPE_CONTAINER);
    assert_path(container_get(object_resolve_path("/machine", NULL),
                              "peripheral-anon"),
                "/machine/peripheral-anon");
    tree_cleanup();
    g_assert_null(object_resolve_path("/machine", NULL));
}

static void test_child(void)
{
    Object *a = add_node(object_get_root(), "a");
    Object *b = add_node(a, "b");
    g_autofree char *value = NULL;
    Error *err = NULL;

    g_assert_cmpint(b->ref, ==, 1);
    g_assert_cmpstr(object_property_get_type(a, "b", &error_abort), ==,
                    "child<test-node>");
    value = object_property_get_str(a, "b", &error_abort);
    g_assert_cmpstr(value, ==, "/a/b");
    g_assert_false(object_property_set_str(a, "b", "/a", &err));
    assert_error(&err, "Property 'test-node.b' is not writable");
    g_assert_true(object_resolve_path_component(a, "b") == b);
    g_assert_null(object_resolve_path_component(a, "level"));
    g_assert_null(object_resolve_path_component(a, "nope"));

    /* Someone else's reference keeps an unparented node alive. */
    object_ref(b);
    object_unparent(b);
    assert_events("unparent(/a/b)");
    g_assert_null(object_get_canonical_path(b));
    g_assert_null(object_get_canonical_path_component(b));
    g_assert_null(object_property_find(a, "b"));
    object_unparent(b);
    assert_events("");
    object_unref(b);
    assert_events("finalize(b)");

    /* Children go with their parent, newest first. */
    add_node(a, "c1");
    add_node(object_resolve_path("/a/c1", NULL), "g");
    add_node(a, "c2");
    object_unparent(a);
    /* Once /a is out of the tree, its children have no path. */
    assert_events("unparent(/a) unparent(c2) finalize(c2) unparent(c1) "
                  "unparent(g) finalize(g) finalize(c1) finalize(a)");
}

static void test_child_refused(void)
{
    Object *a = add_node(object_get_root(), "a");
    Object *leaf = object_new(TYPE_TEST_LEAF);
    Error *err = NULL;

    g_assert_null(object_property_try_add_child(a, "level", leaf, &err));
    assert_error(&err, "attempt to add duplicate property 'level' to object "
                 "(type 'test-node')");
    g_assert_null(leaf->parent);
    g_assert_cmpint(leaf->ref, ==, 1);
    g_assert_null(object_property_try_add_child(a, "x/y", leaf, &err));
    assert_error(&err, "invalid property name 'x/y' for object (type "
                 "'test-node')");
    object_property_add_child(a, "leaf[*]", leaf);
    assert_path(leaf, "/a/leaf[0]");
    object_unref(leaf);
    tree_cleanup();
}

static void test_resolve(void)
{
    Object *a = add_node(object_get_root(), "a");
    Object *b = add_node(a, "b");
    Object *c = add_node(a, "c");
    Object *bx = add_node(b, "x");
    Object *cx = add_node(c, "x");
    Object *leaf = object_new(TYPE_TEST_LEAF);
    bool ambiguous = true;

    object_property_add_child(cx, "leaf", leaf);
    object_unref(leaf);

    g_assert_true(object_resolve_path("/", &ambiguous) == object_get_root());
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path("/a/b/x", &ambiguous) == bx);
    g_assert_true(object_resolve_path("//a//b/x/", NULL) == bx);
    g_assert_null(object_resolve_path("/a/b/y", &ambiguous));
    g_assert_false(ambiguous);
    g_assert_null(object_resolve_path("/a/level", &ambiguous));

    /* Partial paths: the one object whose path ends so. */
    g_assert_true(object_resolve_path("b/x", &ambiguous) == bx);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path("c", NULL) == c);
    g_assert_true(object_resolve_path("leaf", NULL) == leaf);
    g_assert_null(object_resolve_path("x", &ambiguous));
    g_assert_true(ambiguous);
    g_assert_null(object_resolve_path("nothing", &ambiguous));
    g_assert_false(ambiguous);
    g_assert_null(object_resolve_path("", &ambiguous));
    g_assert_true(ambiguous);

    /* With a type, only its instances count. */
    g_assert_true(object_resolve_path_type("", TYPE_TEST_LEAF, &ambiguous)
                  == leaf);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path_type("/a/c/x/leaf", TYPE_TEST_LEAF,
                                           NULL) == leaf);
    g_assert_null(object_resolve_path_type("/a/c/x", TYPE_TEST_LEAF,
                                           &ambiguous));
    g_assert_null(object_resolve_path_type("x", TYPE_TEST_LEAF, &ambiguous));
    g_assert_false(ambiguous);
    g_assert_null(object_resolve_path_type("x", TYPE_TEST_NODE, &ambiguous));
    g_assert_true(ambiguous);
    tree_cleanup();
}

static void test_link(void)
{
    Object *a = add_node(object_get_root(), "a");
    Object *b = add_node(a, "b");
    Object *c = add_node(a, "c");
    Object *leaf = object_new(TYPE_TEST_LEAF);
    g_autofree char *value = NULL;
    Error *err = NULL;

    object_property_add_child(b, "leaf", leaf);
    object_unref(leaf);
    g_assert_cmpstr(object_property_get_type(a, "peer", &error_abort), ==,
                    "link<test-node>");
    value = object_property_get_str(a, "peer", &error_abort);
    g_assert_cmpstr(value, ==, "");
    g_assert_null(object_property_get_link(a, "peer", &error_abort));

    /* Strong: the link holds a reference. */
    g_assert_true(object_property_set_str(a, "peer", "/a/b", &error_abort));
    g_assert_true(TEST_NODE(a)->peer == b);
    g_assert_cmpint(b->ref, ==, 2);
    g_free(value);
    value = object_property_get_str(a, "peer", &error_abort);
    g_assert_cmpstr(value, ==, "/a/b");
    g_assert_true(object_property_get_link(a, "peer", &error_abort) == b);
    /* Paths go through links. */
    g_assert_true(object_resolve_path("/a/peer/leaf", NULL) == leaf);

    g_assert_true(object_property_set_str(a, "peer", "c", &error_abort));
    g_assert_cmpint(b->ref, ==, 1);
    g_assert_cmpint(c->ref, ==, 2);
    g_assert_true(object_property_set_link(a, "peer", NULL, &error_abort));
    g_assert_null(TEST_NODE(a)->peer);
    g_assert_cmpint(c->ref, ==, 1);

    /* Weak: no reference. */
    g_assert_true(object_property_set_link(a, "friend", b, &error_abort));
    g_assert_true(TEST_NODE(a)->friend == b);
    g_assert_cmpint(b->ref, ==, 1);

    g_assert_false(object_property_set_str(a, "peer", "/a/b/leaf", &err));
    assert_error(&err, "Invalid parameter type for 'peer', expected: "
                 "test-node");
    g_assert_false(object_property_set_str(a, "peer", "/a/nope", &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    assert_error(&err, "Device '/a/nope' not found");
    add_node(b, "twin");
    add_node(c, "twin");
    g_assert_false(object_property_set_str(a, "peer", "twin", &err));
    assert_error(&err, "Path 'twin' does not uniquely identify an object");
    g_assert_false(object_property_set_link(a, "friend", a, &err));
    assert_error(&err, "Property 'friend' of 'a' cannot link to itself");
    g_assert_true(TEST_NODE(a)->friend == b);
    g_assert_true(object_property_set_str(a, "peer", "", &error_abort));
    g_assert_null(TEST_NODE(a)->peer);
    g_assert_null(object_property_get_link(a, "level", &err));
    assert_error(&err, "Invalid parameter type for 'level', expected: link");
    tree_cleanup();
}

static void test_link_lifetime(void)
{
    Object *a = add_node(object_get_root(), "a");
    Object *b = add_node(a, "b");
    Object *outsider = object_new(TYPE_TEST_NODE);
    g_autofree char *peer = NULL;
    Error *err = NULL;

    TEST_NODE(outsider)->label = g_strdup("outsider");
    g_assert_false(object_property_set_link(a, "peer", outsider, &err));
    assert_error(&err, "Property 'test-node.peer' cannot link to an object "
                 "outside the composition tree");
    object_unref(outsider);
    assert_events("finalize(outsider)");

    /* A strong link keeps its target after it leaves the tree. */
    g_assert_true(object_property_set_link(b, "peer", a, &error_abort));
    object_unparent(a);
    assert_events("unparent(/a)");
    peer = object_property_get_str(b, "peer", &error_abort);
    g_assert_cmpstr(peer, ==, "");
    /* Finalizing b drops its reference to a, the last one. */
    object_unparent(b);
    assert_events("unparent(b) finalize(b) finalize(a)");
}

static void test_alias(void)
{
    Object *a = add_node(object_get_root(), "a");
    Object *b = add_node(a, "b");
    ObjectProperty *prop;
    Error *err = NULL;

    prop = object_property_add_alias(a, "b-level", b, "level");
    g_assert_cmpstr(prop->type, ==, "uint8");
    g_assert_cmpstr(prop->description, ==, "How deep");
    g_assert_cmpuint(qnum_get_uint(qobject_to(QNum, prop->defval)), ==, 3);
    g_assert_true(object_property_set_uint(a, "b-level", 9, &error_abort));
    g_assert_cmpuint(TEST_NODE(b)->level, ==, 9);
    g_assert_cmpuint(TEST_NODE(a)->level, ==, 3);
    g_assert_cmpuint(object_property_get_uint(a, "b-level", &error_abort),
                     ==, 9);
    /* Refusals name the alias, as the user wrote it. */
    g_assert_false(object_property_set_uint(a, "b-level", 256, &err));
    assert_error(&err, "Parameter 'b-level' expects an integer between 0 "
                 "and 255, got '256'");

    object_property_add_alias(a, "b-ro-level", b, "ro-level");
    g_assert_false(object_property_set_uint(a, "b-ro-level", 1, &err));
    assert_error(&err, "Property 'test-node.b-ro-level' is not writable");

    /* An alias of a child is a link. */
    prop = object_property_add_alias(a, "first", a, "b");
    g_assert_cmpstr(prop->type, ==, "link<test-node>");
    g_assert_true(object_resolve_path("/a/first", NULL) == b);
    g_assert_true(object_property_get_link(a, "first", &error_abort) == b);

    object_property_add_alias(a, "b-peer", b, "peer");
    g_assert_true(object_property_set_str(a, "b-peer", "/a", &error_abort));
    g_assert_true(TEST_NODE(b)->peer == a);
    g_assert_true(object_resolve_path("/a/b-peer", NULL) == a);
    g_assert_true(object_property_set_str(a, "b-peer", "", &error_abort));

    /* An alias whose target property went away fails cleanly. */
    object_property_add_alias(a, "b-friend", b, "friend");
    object_property_del(b, "friend");
    g_assert_false(object_property_set_str(a, "b-friend", "", &err));
    assert_error(&err, "Property 'test-node.friend' not found");
    /* ...or came back without a getter. */
    object_property_add_uint8_ptr(b, "friend", &TEST_NODE(b)->level,
                                  OBJ_PROP_FLAG_WRITE);
    g_assert_null(object_property_get_qobject(a, "b-friend", &err));
    assert_error(&err, "Property 'test-node.friend' is not readable");
    tree_cleanup();
}

static int collect_path(Object *child, void *opaque)
{
    g_autofree char *path = object_get_canonical_path(child);

    event("%s", path);
    return !strcmp(path, opaque);
}

static int unparent_child(Object *child, void *opaque)
{
    object_unparent(child);
    return 0;
}

static void test_child_foreach(void)
{
    Object *a = add_node(object_get_root(), "a");
    Object *b = add_node(a, "b");

    add_node(b, "b1");
    add_node(b, "b2");
    add_node(a, "c");
    add_node(a, "d");

    g_assert_cmpint(object_child_foreach(a, collect_path, (void *)""), ==, 0);
    assert_events("/a/b /a/c /a/d");
    g_assert_cmpint(object_child_foreach(a, collect_path, (void *)"/a/c"),
                    ==, 1);
    assert_events("/a/b /a/c");
    g_assert_cmpint(object_child_foreach_recursive(a, collect_path,
                                                   (void *)""), ==, 0);
    assert_events("/a/b /a/b/b1 /a/b/b2 /a/c /a/d");
    g_assert_cmpint(object_child_foreach_recursive(a, collect_path,
                                                   (void *)"/a/b/b1"), ==, 1);
    assert_events("/a/b /a/b/b1");

    g_assert_cmpint(object_child_foreach(b, unparent_child, NULL), ==, 0);
    assert_events("unparent(/a/b/b1) finalize(b1) unparent(/a/b/b2) "
                  "finalize(b2)");
    g_assert_cmpint(object_child_foreach(b, collect_path, (void *)""), ==, 0);
    assert_events("");
    tree_cleanup();
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/qom/tree/root-and-containers",
                    test_root_and_containers);
    g_test_add_func("/qom/tree/child", test_child);
    g_test_add_func("/qom/tree/child-refused", test_child_refused);
    g_test_add_func("/qom/tree/resolve", test_resolve);
    g_test_add_func("/qom/tree/link", test_link);
    g_test_add_func("/qom/tree/link-lifetime", test_link_lifetime);
    g_test_add_func("/qom/tree/alias", test_alias);
    g_test_add_func("/qom/tree/child-foreach", test_child_foreach);

    ret = g_test_run();
    events_free();
    return ret;
}
