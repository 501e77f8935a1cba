/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-gen-introspect.c: the SchemaInfo list the QAPI compiler
 * generates for tests/qapi-schema/qapi-schema-test.json
 * (test_qmp_schema_qlit), as query-qmp-schema would return it.
 */
#include "osdep.h"

#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qlit.h"
#include "qobject/qjson.h"
#include "qobject/qstring.h"
#include "test-qapi-introspect.h"

/* The SchemaInfo list, and its entries by name. */
typedef struct Schema {
    QList *list;
    GHashTable *by_name;        /* name -> QDict *, borrowed */
} Schema;

static Schema *schema;

static QDict *entry(const char *name)
{
    return g_hash_table_lookup(schema->by_name, name);
}

/* The entry @ref (a type name used by another entry) names. */
static QDict *type_entry(const char *ref)
{
    QDict *e = entry(ref);

    g_assert_nonnull(e);
    return e;
}

/* The element of list @key of @e whose @field is @value, or NULL. */
static QDict *find_in(QDict *e, const char *key, const char *field,
                      const char *value)
{
    QList *list = qdict_get_qlist(e, key);
    const QListEntry *le;

    g_assert_nonnull(list);
    for (le = qlist_first(list); le; le = qlist_next(le)) {
        QDict *d = qobject_to(QDict, qlist_entry_obj(le));

        if (!g_strcmp0(qdict_get_try_str(d, field), value)) {
            return d;
        }
    }
    return NULL;
}

/* The JSON text of list @key of @e, or of @e itself when NULL. */
static char *json_of(QDict *e, const char *key)
{
    g_autoptr(GString) json = qobject_to_json(key ? qdict_get(e, key)
                                                  : QOBJECT(e));

    return g_strdup(json->str);
}

static void check_ref(const char *name)
{
    if (name && !entry(name)) {
        g_test_message("type '%s' is used but has no SchemaInfo", name);
        g_test_fail();
    }
}

static void check_list_refs(QDict *e, const char *key, const char *field)
{
    QList *list = qdict_get_qlist(e, key);
    const QListEntry *le;

    for (le = list ? qlist_first(list) : NULL; le; le = qlist_next(le)) {
        QDict *d = qobject_to(QDict, qlist_entry_obj(le));

        check_ref(d ? qdict_get_try_str(d, field) : NULL);
    }
}

/* Names are unique, and every type an entry uses has an entry. */
static void test_closed(void)
{
    const QListEntry *le;
    guint n = 0;

    for (le = qlist_first(schema->list); le; le = qlist_next(le)) {
        QDict *e = qobject_to(QDict, qlist_entry_obj(le));
        const char *meta = qdict_get_str(e, "meta-type");

        n++;
        check_ref(qdict_get_try_str(e, "arg-type"));
        check_ref(qdict_get_try_str(e, "ret-type"));
        check_ref(qdict_get_try_str(e, "element-type"));
        if (!strcmp(meta, "object") || !strcmp(meta, "alternate")) {
            check_list_refs(e, "members", "type");
        }
        check_list_refs(e, "variants", "type");
    }
    g_assert_cmpuint(n, ==, g_hash_table_size(schema->by_name));
}

static void test_command(void)
{
    QDict *cmd = entry("cmd-args");
    QDict *args, *ret, *m;
    g_autofree char *members = NULL;

    g_assert_nonnull(cmd);
    g_assert_cmpstr(qdict_get_str(cmd, "meta-type"), ==, "command");
    g_assert_false(qdict_haskey(cmd, "allow-oob"));
    g_assert_false(qdict_haskey(cmd, "features"));
    args = type_entry(qdict_get_str(cmd, "arg-type"));
    g_assert_cmpstr(qdict_get_str(args, "meta-type"), ==, "object");
    /* Type names are masked: numbers, except built-ins and arrays. */
    g_assert_true(g_ascii_isdigit(qdict_get_str(args, "name")[0]));
    m = find_in(args, "members", "name", "i");
    g_assert_cmpstr(qdict_get_str(m, "type"), ==, "int");
    g_assert_false(qdict_haskey(m, "default"));
    m = find_in(args, "members", "name", "s");
    g_assert_cmpstr(qdict_get_str(m, "type"), ==, "str");
    g_assert_true(qdict_haskey(m, "default"));
    g_assert_cmpint(qobject_type(qdict_get(m, "default")), ==, QTYPE_QNULL);
    m = find_in(args, "members", "name", "list");
    g_assert_cmpstr(qdict_get_str(m, "type"), ==, "[int]");
    g_assert_cmpstr(qdict_get_str(type_entry("[int]"), "element-type"), ==,
                    "int");
    m = find_in(args, "members", "name", "color");
    members = json_of(type_entry(qdict_get_str(m, "type")), "members");
    g_assert_cmpstr(members, ==, "[{\"name\": \"red\"}, {\"name\": "
                    "\"green\"}, {\"name\": \"blue\"}]");
    ret = type_entry(qdict_get_str(cmd, "ret-type"));
    g_assert_nonnull(find_in(ret, "members", "name", "value"));
    g_assert_nonnull(find_in(ret, "members", "name", "text"));
}

static void test_command_flags(void)
{
    QDict *cmd = entry("cmd-oob");
    QDict *empty;
    g_autofree char *features = NULL;

    g_assert_true(qdict_get_bool(cmd, "allow-oob"));
    /* No arguments or no return value: an object without members. */
    empty = type_entry(qdict_get_str(entry("cmd-no-args"), "arg-type"));
    g_assert_true(qlist_empty(qdict_get_qlist(empty, "members")));
    g_assert_cmpstr(qdict_get_str(entry("cmd-no-args"), "ret-type"), ==,
                    qdict_get_str(empty, "name"));
    features = json_of(entry("cmd-features"), "features");
    g_assert_cmpstr(features, ==, "[\"deprecated\", \"unstable\", "
                    "\"plain-feature\"]");
    /* 'gen': false commands are part of the protocol all the same. */
    g_assert_nonnull(entry("cmd-no-gen"));
    g_assert_nonnull(entry("sub-command"));
    g_assert_nonnull(entry("legacy_command"));
}

static void test_conditions(void)
{
    QDict *e;
    g_autofree char *values = NULL;

    g_assert_nonnull(entry("cmd-if"));
    g_assert_null(entry("cmd-if-never"));
    g_assert_nonnull(entry("EVENT_IF"));
    g_assert_null(entry("EVENT_NEVER"));

    /* Members, values, branches and features drop out likewise. */
    e = type_entry(qdict_get_str(entry("cmd-boxed-cond"), "arg-type"));
    g_assert_nonnull(find_in(e, "members", "name", "if-a"));
    g_assert_null(find_in(e, "members", "name", "if-b"));
    g_assert_cmpstr(qdict_get_str(find_in(e, "members", "name", "any-of"),
                                  "type"), ==, "bool");
    values = json_of(e, "features");
    g_assert_cmpstr(values, ==, "[\"cond-feature\"]");
}

static void test_union(void)
{
    QDict *shape = type_entry(qdict_get_str(entry("cmd-boxed"), "arg-type"));
    g_autofree char *variants = NULL;
    QDict *kind;

    g_assert_cmpstr(qdict_get_str(shape, "tag"), ==, "kind");
    g_assert_cmpuint(qlist_size(qdict_get_qlist(shape, "members")), ==, 2);
    g_assert_true(qdict_haskey(find_in(shape, "members", "name", "name"),
                               "default"));
    g_assert_nonnull(find_in(shape, "variants", "case", "circle"));
    g_assert_nonnull(find_in(shape, "variants", "case", "cond"));
    g_assert_null(find_in(shape, "variants", "case", "never"));
    g_assert_null(find_in(shape, "variants", "case", "empty"));
    kind = type_entry(qdict_get_str(find_in(shape, "members", "name",
                                            "kind"), "type"));
    variants = json_of(kind, "values");
    g_assert_cmpstr(variants, ==, "[\"circle\", \"rect\", \"empty\", "
                    "\"cond\"]");
}

static void test_enum_alternate(void)
{
    QDict *args = type_entry(qdict_get_str(entry("cmd-features"),
                                           "arg-type"));
    QDict *e = type_entry(qdict_get_str(find_in(args, "members", "name",
                                                "level"), "type"));
    QDict *old = find_in(args, "members", "name", "old");
    QDict *alt;
    g_autofree char *text = NULL;
    g_autofree char *values = NULL;
    g_autofree char *features = NULL;

    g_assert_cmpstr(qdict_get_str(e, "meta-type"), ==, "enum");
    text = json_of(e, "members");
    g_assert_cmpstr(text, ==, "[{\"name\": \"current\"}, {\"name\": "
                    "\"old\", \"features\": [\"deprecated\"]}, {\"name\": "
                    "\"new\", \"features\": [\"unstable\"]}]");
    values = json_of(e, "values");
    g_assert_cmpstr(values, ==, "[\"current\", \"old\", \"new\"]");
    features = json_of(old, "features");
    g_assert_cmpstr(features, ==, "[\"deprecated\"]");

    alt = type_entry(qdict_get_str(entry("cmd-returns-alt"), "ret-type"));
    g_assert_cmpstr(qdict_get_str(alt, "meta-type"), ==, "alternate");
    g_clear_pointer(&text, g_free);
    text = json_of(alt, "members");
    g_assert_cmpstr(text, ==, "[{\"type\": \"int\"}, {\"type\": \"bool\"}]");
}

static void test_builtins(void)
{
    QDict *all = type_entry(qdict_get_str(entry("cmd-echo-builtins"),
                                          "arg-type"));
    g_autofree char *json = NULL;

    /* The integer types differ only in C: all are "int" here. */
    g_assert_cmpstr(qdict_get_str(find_in(all, "members", "name", "u8"),
                                  "type"), ==, "int");
    g_assert_cmpstr(qdict_get_str(find_in(all, "members", "name", "sz"),
                                  "type"), ==, "int");
    g_assert_null(entry("uint8"));
    g_assert_null(entry("size"));
    json = json_of(entry("int"), NULL);
    g_assert_cmpstr(json, ==, "{\"name\": \"int\", \"meta-type\": "
                    "\"builtin\", \"json-type\": \"int\"}");
    g_assert_cmpstr(qdict_get_str(entry("any"), "json-type"), ==, "value");
    g_assert_cmpstr(qdict_get_str(entry("null"), "json-type"), ==, "null");
    g_assert_cmpstr(qdict_get_str(entry("number"), "json-type"), ==,
                    "number");
    g_assert_cmpstr(qdict_get_str(entry("bool"), "json-type"), ==,
                    "boolean");
    /* QType is an enum, not a built-in. */
    g_assert_cmpstr(qdict_get_str(type_entry(qdict_get_str(
        find_in(all, "members", "name", "qt"), "type")), "meta-type"), ==,
        "enum");
}

static void test_event(void)
{
    QDict *ev = entry("EVENT_DATA");
    QDict *data;

    g_assert_cmpstr(qdict_get_str(ev, "meta-type"), ==, "event");
    data = type_entry(qdict_get_str(ev, "arg-type"));
    g_assert_cmpuint(qlist_size(qdict_get_qlist(data, "members")), ==, 4);
    g_assert_cmpstr(qdict_get_str(entry("EVENT_FEATURES"), "meta-type"), ==,
                    "event");
    g_assert_nonnull(entry("SUB_EVENT"));
}

/* Types no command or event uses are left out. */
static void test_unreachable(void)
{
    const QListEntry *le;

    for (le = qlist_first(schema->list); le; le = qlist_next(le)) {
        QDict *e = qobject_to(QDict, qlist_entry_obj(le));
        QList *members = qdict_get_qlist(e, "members");

        if (members && !strcmp(qdict_get_str(e, "meta-type"), "object")) {
            g_assert_null(find_in(e, "members", "name", "Upper_Member"));
            g_assert_null(find_in(e, "members", "name",
                                  "__org.example_member"));
        }
    }
}

int main(int argc, char **argv)
{
    const QListEntry *le;
    int ret;

    g_test_init(&argc, &argv, NULL);
    schema = g_new0(Schema, 1);
    schema->list = qobject_to(QList, qobject_from_qlit(&test_qmp_schema_qlit));
    schema->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    for (le = qlist_first(schema->list); le; le = qlist_next(le)) {
        QDict *e = qobject_to(QDict, qlist_entry_obj(le));

        g_hash_table_insert(schema->by_name,
                            (gpointer)qdict_get_str(e, "name"), e);
    }
    g_test_add_func("/qapi-gen/introspect/closed", test_closed);
    g_test_add_func("/qapi-gen/introspect/command", test_command);
    g_test_add_func("/qapi-gen/introspect/command-flags", test_command_flags);
    g_test_add_func("/qapi-gen/introspect/conditions", test_conditions);
    g_test_add_func("/qapi-gen/introspect/union", test_union);
    g_test_add_func("/qapi-gen/introspect/enum-alternate",
                    test_enum_alternate);
    g_test_add_func("/qapi-gen/introspect/builtins", test_builtins);
    g_test_add_func("/qapi-gen/introspect/event", test_event);
    g_test_add_func("/qapi-gen/introspect/unreachable", test_unreachable);
    ret = g_test_run();
    g_hash_table_destroy(schema->by_name);
    qobject_unref(schema->list);
    g_free(schema);
    return ret;
}
