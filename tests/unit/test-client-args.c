/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-args.c: kvmini-qmp's KEY=VALUE arguments: keyval syntax,
 * typing by a schema shaped like query-qmp-schema's (numbered type names,
 * builtins, enums, arrays, unions, alternates), and the guesses made where
 * the schema says nothing.
 */
#include "osdep.h"

#include "kvmini-qmp.h"
#include "qobject/qjson.h"
#include "util/error.h"

static const char schema_json[] =
    "[{'name': 'frob', 'meta-type': 'command', 'arg-type': '1', "
    "  'ret-type': '0'},"
    " {'name': '0', 'meta-type': 'object', 'members': []},"
    " {'name': '1', 'meta-type': 'object', 'members': ["
    "   {'name': 'i', 'type': 'int'}, {'name': 'n', 'type': 'number'},"
    "   {'name': 'b', 'type': 'bool'}, {'name': 's', 'type': 'str'},"
    "   {'name': 'e', 'type': '2'}, {'name': 'nul', 'type': 'null'},"
    "   {'name': 'a', 'type': 'any', 'default': null},"
    "   {'name': 'l', 'type': '[int]', 'default': null},"
    "   {'name': 'o', 'type': '3', 'default': null},"
    "   {'name': 'alt', 'type': '4', 'default': null},"
    "   {'name': 'u', 'type': '5', 'default': null}]},"
    " {'name': 'int', 'meta-type': 'builtin', 'json-type': 'int'},"
    " {'name': 'number', 'meta-type': 'builtin', 'json-type': 'number'},"
    " {'name': 'bool', 'meta-type': 'builtin', 'json-type': 'boolean'},"
    " {'name': 'str', 'meta-type': 'builtin', 'json-type': 'string'},"
    " {'name': 'null', 'meta-type': 'builtin', 'json-type': 'null'},"
    " {'name': 'any', 'meta-type': 'builtin', 'json-type': 'value'},"
    " {'name': '2', 'meta-type': 'enum', 'values': ['on', 'off']},"
    " {'name': '[int]', 'meta-type': 'array', 'element-type': 'int'},"
    " {'name': '3', 'meta-type': 'object', 'members': ["
    "   {'name': 'x', 'type': 'int'}, {'name': 'y', 'type': 'str'}]},"
    " {'name': '4', 'meta-type': 'alternate', 'members': ["
    "   {'type': 'str'}, {'type': 'null'}, {'type': '3'}]},"
    " {'name': '5', 'meta-type': 'object', 'tag': 'kind', 'members': ["
    "   {'name': 'kind', 'type': '6'}], "
    "  'variants': [{'case': 'disk', 'type': '7'}, {'case': 'net', "
    "   'type': '0'}]},"
    " {'name': '6', 'meta-type': 'enum', 'values': ['disk', 'net']},"
    " {'name': '7', 'meta-type': 'object', 'members': ["
    "   {'name': 'size', 'type': 'int'}, {'name': 'ro', 'type': 'bool'}]}]";

/*
 * The arguments of @command from the NULL-terminated @words, typed with
 * the test schema (or none if !@with_schema), as compact JSON.
 */
static char *typed(const char *command, bool with_schema, char **words)
{
    QmpSchema *schema = NULL;
    g_autoptr(QDict) tree = qmp_args_parse(words, &error_abort);
    g_autoptr(QDict) args = NULL;
    g_autoptr(GString) text = NULL;

    if (with_schema) {
        schema = qmp_schema_new(qobject_to(QList, qobject_from_json(
                                               schema_json, &error_abort)));
    }
    args = qmp_args_type(schema, command, tree);
    qmp_schema_free(schema);
    text = qobject_to_json(QOBJECT(args));
    return g_strdup(text->str);
}

static void check_typed(const char *command, bool with_schema,
                        const char *words, const char *want)
{
    g_auto(GStrv) w = g_strsplit(words, " ", -1);
    g_autofree char *got = typed(command, with_schema, w);

    g_assert_cmpstr(got, ==, want);
}

static void test_schema_types(void)
{
    check_typed("frob", true,
                "i=0x10 n=1.5 b=on s=007 e=on nul=null l.0=1 l.1=-2 o.x=3 "
                "o.y=4",
                "{\"i\": 16, \"n\": 1.5, \"b\": true, \"s\": \"007\", "
                "\"e\": \"on\", \"nul\": null, \"l\": [1, -2], "
                "\"o\": {\"x\": 3, \"y\": \"4\"}}");
    check_typed("frob", true, "i=18446744073709551615 n=2 b=no",
                "{\"i\": 18446744073709551615, \"n\": 2.0, \"b\": false}");
    /* What does not convert stays a string, for the server to refuse. */
    check_typed("frob", true, "i=x n=1e999 b=maybe nul=nil o=text l.0=z",
                "{\"i\": \"x\", \"n\": \"1e999\", \"b\": \"maybe\", "
                "\"nul\": \"nil\", \"o\": \"text\", \"l\": [\"z\"]}");
    /* A value of the wrong shape is guessed. */
    check_typed("frob", true, "i.x=1 s.y=true",
                "{\"i\": {\"x\": 1}, \"s\": {\"y\": true}}");
    /* One word is one member: its commas are commas. */
    check_typed("frob", true, "s=a,b=c,,d",
                "{\"s\": \"a,b=c,,d\"}");
}

static void test_union_and_alternate(void)
{
    check_typed("frob", true, "u.kind=disk u.size=4096 u.ro=yes",
                "{\"u\": {\"kind\": \"disk\", \"size\": 4096, "
                "\"ro\": true}}");
    /* Members of another branch are not typed by this one. */
    check_typed("frob", true, "u.kind=net u.size=4096 u.ro=yes",
                "{\"u\": {\"kind\": \"net\", \"size\": 4096, "
                "\"ro\": \"yes\"}}");
    check_typed("frob", true, "alt=null", "{\"alt\": null}");
    check_typed("frob", true, "alt=12", "{\"alt\": \"12\"}");
    check_typed("frob", true, "alt.x=12 alt.y=12",
                "{\"alt\": {\"x\": 12, \"y\": \"12\"}}");
}

/* Without schema information, true, false, null and numbers are typed. */
static void test_guesses(void)
{
    check_typed("frob", true, "a=12 zz=true zzz=abc",
                "{\"a\": 12, \"zz\": true, \"zzz\": \"abc\"}");
    check_typed("frob", true, "a.x=-1.5e3 a.y=off",
                "{\"a\": {\"x\": -1500.0, \"y\": \"off\"}}");
    check_typed("frob", false,
                "i=1 s=007 b=on t=true f=false n=null d=0.5 h=0x10 w=1x",
                "{\"i\": 1, \"s\": \"007\", \"b\": \"on\", \"t\": true, "
                "\"f\": false, \"n\": null, \"d\": 0.5, \"h\": \"0x10\", "
                "\"w\": \"1x\"}");
    check_typed("other", true, "i=1 s=x l.0=1",
                "{\"i\": 1, \"s\": \"x\", \"l\": [1]}");
}

static void check_parse_error(const char *words, const char *msg)
{
    g_auto(GStrv) w = g_strsplit(words, " ", -1);
    Error *err = NULL;

    g_assert_null(qmp_args_parse(w, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_parse_errors(void)
{
    check_parse_error("foo", "Expected '=' after parameter 'foo'");
    check_parse_error("a=1 =2", "Empty parameter name at '=2'");
    check_parse_error("a=1 a.b=2",
                      "Parameter 'a' used both as a value and as a prefix");
    check_parse_error("l.1=x", "Parameter 'l.0' missing");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/client/args/schema-types", test_schema_types);
    g_test_add_func("/client/args/union-and-alternate",
                    test_union_and_alternate);
    g_test_add_func("/client/args/guesses", test_guesses);
    g_test_add_func("/client/args/parse-errors", test_parse_errors);
    return g_test_run();
}
