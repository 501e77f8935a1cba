/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-gen-commands.c: the command code the QAPI compiler generates
 * for tests/qapi-schema/qapi-schema-test.json: registration with the
 * schema's flags, marshallers run through qmp_dispatch() end to end, and
 * the typed client wrappers over a loopback qmp_client_execute() that
 * dispatches locally, through JSON text as on the wire.
 */
#include "osdep.h"

#include "client/qmp-client.h"
#include "qapi/clone-visitor.h"
#include "qapi/compat-policy.h"
#include "qapi/qobject-input-visitor.h"
#include "qobject/qjson.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "util/error.h"
#include "test-qapi-client.h"
#include "test-qapi-commands.h"
#include "test-qapi-init-commands.h"
#include "test-qapi-visit.h"

static QmpCommandList *cmds;
static int no_response_calls;

/* The handlers, qmp_FOO() for each command of the schema. */

void qmp_cmd_no_args(Error **errp)
{
}

Nested *qmp_cmd_args(int64_t i, const char *s, bool has_b, bool b,
                     bool has_color, Color color, intList *list, Nested *obj,
                     Error **errp)
{
    Nested *ret = g_new0(Nested, 1);
    GString *text = g_string_new(s);

    ret->value = i + QAPI_LIST_LENGTH(list) + (obj ? obj->value : 0);
    if (has_b) {
        g_string_append(text, b ? "+b" : "-b");
    }
    if (has_color) {
        g_string_append_printf(text, "+%s", Color_str(color));
    }
    ret->text = g_string_free(text, !text->len);
    return ret;
}

NestedList *qmp_cmd_named_args(int64_t id, const char *name, Color color,
                               ColorList *colors, Nested *nested,
                               NestedList *nesteds, Error **errp)
{
    NestedList *ret = NULL;
    Nested *n = g_new0(Nested, 1);

    n->value = id + nested->value + color;
    n->text = g_strdup(name);
    QAPI_LIST_PREPEND(ret, n);
    return ret;
}

Shape *qmp_cmd_boxed(Shape *arg, Error **errp)
{
    Shape *ret = QAPI_CLONE(Shape, arg);

    g_free(ret->name);
    ret->name = g_strdup("echo");
    return ret;
}

void qmp_cmd_boxed_cond(CondMembers *arg, Error **errp)
{
    if (arg->if_a != arg->always) {
        error_setg(errp, "if-a must equal always");
    }
}

AllBuiltins *qmp_cmd_echo_builtins(AllBuiltins *arg, Error **errp)
{
    return QAPI_CLONE(AllBuiltins, arg);
}

int64_t qmp_cmd_returns_int(Error **errp)
{
    return 42;
}

strList *qmp_cmd_returns_str_list(Error **errp)
{
    strList *ret = NULL;

    QAPI_LIST_PREPEND(ret, g_strdup("two"));
    QAPI_LIST_PREPEND(ret, g_strdup("one"));
    return ret;
}

QObject *qmp_cmd_returns_any(QObject *value, Error **errp)
{
    return qobject_ref(value);
}

AltIntBool *qmp_cmd_returns_alt(AltIntBool *a, Error **errp)
{
    return QAPI_CLONE(AltIntBool, a);
}

void qmp_cmd_no_response(Error **errp)
{
    no_response_calls++;
}

void qmp_cmd_oob(Error **errp)
{
}

void qmp_cmd_preconfig(Error **errp)
{
}

void qmp_cmd_coroutine(Error **errp)
{
}

void qmp_cmd_all_flags(Error **errp)
{
}

void qmp_cmd_features(bool has_old, int64_t old, bool has_level,
                      FeatureEnum level, Error **errp)
{
}

Nested *qmp_cmd_if(Error **errp)
{
    return g_new0(Nested, 1);
}

void qmp_legacy_command(Error **errp)
{
}

Keywords *qmp_cmd_keywords(int64_t q_default, const char *q_for,
                           Error **errp)
{
    Keywords *ret = g_new0(Keywords, 1);

    ret->q_default = q_default;
    ret->q_if = g_strdup(q_for);
    ret->q_unix = true;
    return ret;
}

void qmp_cmd_error(const char *msg, Error **errp)
{
    error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "%s", msg);
}

Drawing *qmp_cmd_drawing(Drawing *drawing, Alternates *alts, Error **errp)
{
    if (alts->so->type != QTYPE_QSTRING) {
        error_setg(errp, "so must be a string");
        return NULL;
    }
    return QAPI_CLONE(Drawing, drawing);
}

SubContainer *qmp_sub_command(SubStruct *item, Error **errp)
{
    SubContainer *ret = g_new0(SubContainer, 1);

    QAPI_LIST_PREPEND(ret->items, QAPI_CLONE(SubStruct, item));
    return ret;
}

/*
 * 'gen': false: no marshaller is generated; the program writes its own
 * and registers it by hand.
 */
static void qmp_marshal_cmd_no_gen(QDict *args, QObject **ret, Error **errp)
{
    QObject *x = qdict_get(args, "x");

    if (!x || qobject_type(x) != QTYPE_QNUM) {
        error_setg(errp, "cmd-no-gen wants an integer 'x'");
        return;
    }
    *ret = QOBJECT(qdict_new());
}

/* Registration */

typedef struct Registered {
    GString *names;
} Registered;

static void collect(const QmpCommand *cmd, void *opaque)
{
    Registered *r = opaque;

    g_string_append_printf(r->names, "%s%s", r->names->len ? " " : "",
                           cmd->name);
}

static void test_registration(void)
{
    Registered r = { .names = g_string_new(NULL) };
    const QmpCommand *cmd;

    qmp_for_each_command(cmds, collect, &r);
    /*
     * Schema order, included modules where they are included; no
     * 'gen': false command (cmd-no-gen is registered by hand, last), no
     * command whose condition is false (cmd-if-never).
     */
    g_assert_cmpstr(r.names->str, ==,
                    "sub-command cmd-no-args cmd-args cmd-named-args "
                    "cmd-boxed cmd-boxed-cond cmd-echo-builtins "
                    "cmd-returns-int cmd-returns-str-list cmd-returns-any "
                    "cmd-returns-alt cmd-no-response cmd-oob cmd-preconfig "
                    "cmd-coroutine cmd-all-flags cmd-features cmd-if "
                    "legacy_command cmd-keywords cmd-error cmd-drawing "
                    "cmd-no-gen");
    g_string_free(r.names, true);

    cmd = qmp_find_command(cmds, "cmd-args");
    g_assert_cmpint(cmd->options, ==, QCO_NO_OPTIONS);
    g_assert_cmpuint(cmd->special_features, ==, 0);
    g_assert_true(cmd->fn == qmp_marshal_cmd_args);
    g_assert_cmpint(qmp_find_command(cmds, "cmd-no-response")->options, ==,
                    QCO_NO_SUCCESS_RESP);
    g_assert_cmpint(qmp_find_command(cmds, "cmd-oob")->options, ==,
                    QCO_ALLOW_OOB);
    g_assert_cmpint(qmp_find_command(cmds, "cmd-preconfig")->options, ==,
                    QCO_ALLOW_PRECONFIG);
    g_assert_cmpint(qmp_find_command(cmds, "cmd-coroutine")->options, ==,
                    QCO_COROUTINE);
    g_assert_cmpint(qmp_find_command(cmds, "cmd-all-flags")->options, ==,
                    QCO_NO_SUCCESS_RESP | QCO_ALLOW_OOB |
                    QCO_ALLOW_PRECONFIG);
    g_assert_cmpuint(qmp_find_command(cmds, "cmd-features")->special_features,
                     ==, 1u << QAPI_DEPRECATED | 1u << QAPI_UNSTABLE);
    g_assert_null(qmp_find_command(cmds, "cmd-if-never"));
}

/* Dispatch */

/*
 * The response to request @json (dispatched with @allow_oob and
 * @preconfig) as JSON text, or NULL for none. Caller frees.
 */
static char *dispatch_full(const char *json, bool allow_oob, bool preconfig)
{
    g_autoptr(QObject) req = qobject_from_json(json, &error_abort);
    g_autoptr(QDict) rsp = qmp_dispatch(cmds, req, allow_oob, preconfig);
    g_autoptr(GString) text = NULL;

    if (!rsp) {
        return NULL;
    }
    text = qobject_to_json(QOBJECT(rsp));
    return g_strdup(text->str);
}

static void check_dispatch(const char *json, const char *expected)
{
    g_autofree char *rsp = dispatch_full(json, true, false);

    g_assert_cmpstr(rsp, ==, expected);
}

static void test_dispatch_good(void)
{
    check_dispatch("{\"execute\": \"cmd-no-args\"}", "{\"return\": {}}");
    check_dispatch("{\"execute\": \"cmd-args\", \"arguments\": {\"i\": 3, "
                   "\"s\": \"x\", \"b\": true, \"color\": \"blue\", "
                   "\"list\": [1, 2], \"obj\": {\"value\": 10}}}",
                   "{\"return\": {\"value\": 15, \"text\": \"x+b+blue\"}}");
    check_dispatch("{\"execute\": \"cmd-args\", \"arguments\": {\"i\": 1}}",
                   "{\"return\": {\"value\": 1}}");
    check_dispatch("{\"execute\": \"cmd-named-args\", \"arguments\": "
                   "{\"id\": 1, \"name\": \"n\", \"color\": \"green\", "
                   "\"nested\": {\"value\": 2}}}",
                   "{\"return\": [{\"value\": 4, \"text\": \"n\"}]}");
    check_dispatch("{\"execute\": \"cmd-boxed\", \"arguments\": "
                   "{\"kind\": \"rect\", \"width\": 1, \"height\": 2}}",
                   "{\"return\": {\"kind\": \"rect\", \"name\": \"echo\", "
                   "\"width\": 1, \"height\": 2}}");
    check_dispatch("{\"execute\": \"cmd-boxed-cond\", \"arguments\": "
                   "{\"always\": 1, \"if-a\": 1}}", "{\"return\": {}}");
    check_dispatch("{\"execute\": \"cmd-returns-int\"}", "{\"return\": 42}");
    check_dispatch("{\"execute\": \"cmd-returns-str-list\"}",
                   "{\"return\": [\"one\", \"two\"]}");
    check_dispatch("{\"execute\": \"cmd-returns-any\", \"arguments\": "
                   "{\"value\": [1, {\"a\": null}]}}",
                   "{\"return\": [1, {\"a\": null}]}");
    check_dispatch("{\"execute\": \"cmd-returns-alt\", \"arguments\": "
                   "{\"a\": false}}", "{\"return\": false}");
    check_dispatch("{\"execute\": \"cmd-keywords\", \"arguments\": "
                   "{\"default\": 7, \"for\": \"f\"}}",
                   "{\"return\": {\"default\": 7, \"if\": \"f\", "
                   "\"unix\": true}}");
    check_dispatch("{\"execute\": \"legacy_command\"}", "{\"return\": {}}");
    check_dispatch("{\"execute\": \"cmd-if\"}", "{\"return\": {\"value\": 0}}");
    check_dispatch("{\"execute\": \"sub-command\", \"arguments\": "
                   "{\"item\": {\"name\": \"s\", \"kind\": \"sub-one\"}}}",
                   "{\"return\": {\"items\": [{\"name\": \"s\", "
                   "\"kind\": \"sub-one\"}]}}");
    check_dispatch("{\"execute\": \"cmd-no-gen\", \"arguments\": {\"x\": 1}}",
                   "{\"return\": {}}");
    check_dispatch("{\"execute\": \"cmd-drawing\", \"arguments\": "
                   "{\"drawing\": {\"shapes\": [{\"kind\": \"empty\"}], "
                   "\"named\": {\"kind\": \"circle\", \"id\": 1, "
                   "\"radius\": 2.5}}, \"alts\": {\"so\": \"s\", "
                   "\"ib\": true, \"eu\": {\"kind\": \"empty\"}}}}",
                   "{\"return\": {\"shapes\": [{\"kind\": \"empty\"}], "
                   "\"named\": {\"kind\": \"circle\", \"id\": 1, "
                   "\"radius\": 2.5}}}");
}

static void test_dispatch_builtins(void)
{
    const char *args =
        "{\"s\": \"text\", \"n\": -0.5, \"i\": -1, \"i8\": -128, "
        "\"i16\": 1, \"i32\": 2, \"i64\": 3, \"u8\": 255, \"u16\": 4, "
        "\"u32\": 5, \"u64\": 18446744073709551615, \"sz\": 1024, "
        "\"b\": false, \"nul\": null, \"a\": {\"x\": [true]}, "
        "\"qt\": \"qstring\"}";
    g_autofree char *req = g_strdup_printf("{\"execute\": "
                                           "\"cmd-echo-builtins\", "
                                           "\"arguments\": %s}", args);
    g_autofree char *expected = g_strdup_printf("{\"return\": %s}", args);

    check_dispatch(req, expected);
}

static void test_dispatch_errors(void)
{
    check_dispatch("{\"execute\": \"cmd-args\"}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'i' is missing\"}}");
    check_dispatch("{\"execute\": \"cmd-no-args\", \"arguments\": {\"x\": 1}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'x' is unexpected\"}}");
    check_dispatch("{\"execute\": \"cmd-args\", \"arguments\": {\"i\": 1, "
                   "\"j\": 2}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'j' is unexpected\"}}");
    check_dispatch("{\"execute\": \"cmd-args\", \"arguments\": "
                   "{\"i\": \"one\"}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'i' expects integer\"}}");
    check_dispatch("{\"execute\": \"cmd-args\", \"arguments\": {\"i\": 1, "
                   "\"color\": \"pink\"}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'color' does not accept value "
                   "'pink'\"}}");
    check_dispatch("{\"execute\": \"cmd-args\", \"arguments\": {\"i\": 1, "
                   "\"obj\": {\"value\": 1, \"extra\": 2}}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'obj.extra' is unexpected\"}}");
    check_dispatch("{\"execute\": \"nope\"}",
                   "{\"error\": {\"class\": \"CommandNotFound\", "
                   "\"desc\": \"The command nope has not been found\"}}");
    check_dispatch("{\"execute\": \"cmd-if-never\"}",
                   "{\"error\": {\"class\": \"CommandNotFound\", "
                   "\"desc\": \"The command cmd-if-never has not been "
                   "found\"}}");
    /* The handler's error, with its class. */
    check_dispatch("{\"execute\": \"cmd-error\", \"arguments\": "
                   "{\"msg\": \"it failed\"}}",
                   "{\"error\": {\"class\": \"DeviceNotFound\", "
                   "\"desc\": \"it failed\"}}");
    check_dispatch("{\"execute\": \"cmd-boxed-cond\", \"arguments\": "
                   "{\"always\": 1, \"if-a\": 2}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"if-a must equal always\"}}");
    check_dispatch("{\"execute\": \"cmd-drawing\", \"arguments\": "
                   "{\"drawing\": {\"shapes\": [], \"named\": {\"kind\": "
                   "\"rect\", \"id\": 1, \"width\": 1, \"height\": 1}}, "
                   "\"alts\": {\"so\": {\"value\": 1}}}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"so must be a string\"}}");
}

/* Every JSON type works as "id", echoed as it came. */
static void test_dispatch_id(void)
{
    static const char *const ids[] = {
        "1", "-7", "18446744073709551615", "1.5", "\"text\"", "null",
        "true", "false", "[]", "[1, {\"a\": [null]}]", "{}",
        "{\"k\": \"v\", \"n\": 2}",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(ids); i++) {
        g_autofree char *good = g_strdup_printf(
            "{\"execute\": \"cmd-no-args\", \"id\": %s}", ids[i]);
        g_autofree char *good_rsp = g_strdup_printf(
            "{\"return\": {}, \"id\": %s}", ids[i]);
        g_autofree char *bad = g_strdup_printf(
            "{\"id\": %s, \"execute\": \"cmd-args\"}", ids[i]);
        g_autofree char *bad_rsp = g_strdup_printf(
            "{\"id\": %s, \"error\": {\"class\": \"GenericError\", "
            "\"desc\": \"Parameter 'i' is missing\"}}", ids[i]);

        check_dispatch(good, good_rsp);
        check_dispatch(bad, bad_rsp);
    }
}

static void test_dispatch_flags(void)
{
    g_autofree char *rsp = NULL;
    int calls = no_response_calls;

    /* 'success-response': false: no response, but the command ran. */
    rsp = dispatch_full("{\"execute\": \"cmd-no-response\", \"id\": 1}",
                        false, false);
    g_assert_null(rsp);
    g_assert_cmpint(no_response_calls, ==, calls + 1);

    check_dispatch("{\"exec-oob\": \"cmd-oob\", \"id\": 2}",
                   "{\"return\": {}, \"id\": 2}");
    check_dispatch("{\"exec-oob\": \"cmd-no-args\"}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"The command cmd-no-args does not support "
                   "OOB\"}}");

    rsp = dispatch_full("{\"execute\": \"cmd-preconfig\"}", false, true);
    g_assert_cmpstr(rsp, ==, "{\"return\": {}}");
    g_clear_pointer(&rsp, g_free);
    rsp = dispatch_full("{\"execute\": \"cmd-no-args\"}", false, true);
    g_assert_cmpstr(rsp, ==, "{\"error\": {\"class\": \"GenericError\", "
                    "\"desc\": \"The command 'cmd-no-args' is permitted "
                    "only after machine initialization has completed\"}}");
}

/* The compat policy applies to the registered special features. */
static void test_dispatch_policy(void)
{
    CompatPolicy reject = { .deprecated_input = COMPAT_POLICY_INPUT_REJECT };
    CompatPolicy accept = { 0 };

    check_dispatch("{\"execute\": \"cmd-features\", \"arguments\": "
                   "{\"old\": 1, \"level\": \"old\"}}", "{\"return\": {}}");
    qapi_set_compat_policy(&reject);
    check_dispatch("{\"execute\": \"cmd-features\"}",
                   "{\"error\": {\"class\": \"CommandNotFound\", "
                   "\"desc\": \"Deprecated command cmd-features disabled "
                   "by policy\"}}");
    qapi_set_compat_policy(&accept);
}

/* Client wrappers over a loopback qmp_client_execute() */

struct QmpClient {
    GString *last_request;      /* the JSON text of the last request */
};

/*
 * libqmp's core call, here without a socket: the request goes out as JSON
 * text, is dispatched locally, and the response comes back as JSON text.
 */
bool qmp_client_execute(QmpClient *client, const char *command, QDict *args,
                        QObject **ret, Error **errp)
{
    g_autoptr(QDict) req = qdict_new();
    g_autoptr(QObject) wire_req = NULL;
    g_autoptr(QDict) rsp = NULL;
    g_autoptr(GString) text = NULL;
    g_autoptr(QObject) wire_rsp = NULL;
    QDict *rsp_dict, *error;
    ErrorClass klass;

    qdict_put_str(req, "execute", command);
    if (args) {
        qdict_put(req, "arguments", args);
    }
    g_string_free(client->last_request, true);
    client->last_request = qobject_to_json(QOBJECT(req));
    wire_req = qobject_from_json(client->last_request->str, &error_abort);
    rsp = qmp_dispatch(cmds, wire_req, false, false);
    g_assert_nonnull(rsp);
    text = qobject_to_json(QOBJECT(rsp));
    wire_rsp = qobject_from_json(text->str, &error_abort);
    rsp_dict = qobject_to(QDict, wire_rsp);
    error = qdict_get_qdict(rsp_dict, "error");
    if (error) {
        g_assert_true(error_class_from_name(qdict_get_str(error, "class"),
                                            &klass));
        error_set(errp, klass, "%s", qdict_get_str(error, "desc"));
        return false;
    }
    *ret = qobject_ref(qdict_get(rsp_dict, "return"));
    return true;
}

static void test_client(void)
{
    QmpClient client = { .last_request = g_string_new(NULL) };
    g_autoptr(Nested) nested = NULL;
    g_autoptr(Shape) shape = NULL;
    g_autoptr(Shape) shape_ret = NULL;
    g_autoptr(strList) names = NULL;
    g_autoptr(QObject) any = qobject_from_json("[1, \"x\"]", &error_abort);
    g_autoptr(QObject) any_ret = NULL;
    g_autoptr(Keywords) kw = NULL;
    g_autoptr(SubContainer) sub = NULL;
    SubStruct item = { .name = (char *)"item", .kind = SUB_ENUM_SUB_TWO };
    intList *list = NULL;
    int64_t number = 0;

    QAPI_LIST_PREPEND(list, 5);
    g_assert_true(qmp_client_cmd_args(&client, 1, "s", true, false, false, 0,
                                      list, NULL, &nested, &error_abort));
    g_assert_cmpstr(client.last_request->str, ==,
                    "{\"execute\": \"cmd-args\", \"arguments\": {\"i\": 1, "
                    "\"s\": \"s\", \"b\": false, \"list\": [5]}}");
    g_assert_cmpint(nested->value, ==, 2);
    g_assert_cmpstr(nested->text, ==, "s-b");
    qapi_free_intList(list);

    g_assert_true(qmp_client_cmd_no_args(&client, &error_abort));
    g_assert_cmpstr(client.last_request->str, ==,
                    "{\"execute\": \"cmd-no-args\"}");

    shape = g_new0(Shape, 1);
    shape->kind = SHAPE_KIND_CIRCLE;
    shape->u.circle.radius = 0.5;
    g_assert_true(qmp_client_cmd_boxed(&client, shape, &shape_ret,
                                       &error_abort));
    g_assert_cmpstr(client.last_request->str, ==,
                    "{\"execute\": \"cmd-boxed\", \"arguments\": "
                    "{\"kind\": \"circle\", \"radius\": 0.5}}");
    g_assert_cmpstr(shape_ret->name, ==, "echo");
    g_assert_cmpfloat(shape_ret->u.circle.radius, ==, 0.5);

    g_assert_true(qmp_client_cmd_returns_int(&client, &number, &error_abort));
    g_assert_cmpint(number, ==, 42);
    g_assert_true(qmp_client_cmd_returns_str_list(&client, &names,
                                                  &error_abort));
    g_assert_cmpstr(names->next->value, ==, "two");
    g_assert_true(qmp_client_cmd_returns_any(&client, any, &any_ret,
                                             &error_abort));
    g_assert_true(qobject_is_equal(any, any_ret));
    g_assert_true(qmp_client_cmd_keywords(&client, 3, NULL, &kw,
                                          &error_abort));
    g_assert_cmpint(kw->q_default, ==, 3);
    g_assert_null(kw->q_if);
    g_assert_true(qmp_client_sub_command(&client, &item, &sub, &error_abort));
    g_assert_cmpint(sub->items->value->kind, ==, SUB_ENUM_SUB_TWO);
    g_assert_true(qmp_client_cmd_no_gen(&client, 9, &error_abort));
    g_string_free(client.last_request, true);
}

static void test_client_errors(void)
{
    QmpClient client = { .last_request = g_string_new(NULL) };
    AltIntBool alt = { .type = QTYPE_QNUM, .u.i = 3 };
    AltIntBool *alt_ret = NULL;
    Error *err = NULL;

    g_assert_false(qmp_client_cmd_error(&client, "no luck", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "no luck");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    g_clear_pointer(&err, error_free);

    /* cmd-if-never is not compiled in: the wrapper does not exist. */
    g_assert_true(qmp_client_cmd_returns_alt(&client, &alt, &alt_ret,
                                             &error_abort));
    g_assert_cmpint(alt_ret->type, ==, QTYPE_QNUM);
    g_assert_cmpint(alt_ret->u.i, ==, 3);
    qapi_free_AltIntBool(alt_ret);
    g_string_free(client.last_request, true);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    cmds = qmp_command_list_new();
    test_qmp_init_marshal(cmds);
    qmp_register_command(cmds, "cmd-no-gen", qmp_marshal_cmd_no_gen,
                         QCO_NO_OPTIONS, 0);
    g_test_add_func("/qapi-gen/commands/registration", test_registration);
    g_test_add_func("/qapi-gen/commands/dispatch-good", test_dispatch_good);
    g_test_add_func("/qapi-gen/commands/dispatch-builtins",
                    test_dispatch_builtins);
    g_test_add_func("/qapi-gen/commands/dispatch-errors",
                    test_dispatch_errors);
    g_test_add_func("/qapi-gen/commands/dispatch-id", test_dispatch_id);
    g_test_add_func("/qapi-gen/commands/dispatch-flags", test_dispatch_flags);
    g_test_add_func("/qapi-gen/commands/dispatch-policy",
                    test_dispatch_policy);
    g_test_add_func("/qapi-gen/commands/client", test_client);
    g_test_add_func("/qapi-gen/commands/client-errors", test_client_errors);
    ret = g_test_run();
    qmp_command_list_free(cmds);
    return ret;
}
