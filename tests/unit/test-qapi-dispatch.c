/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-dispatch.c: the QMP command registry, qmp_dispatch() with
 * QEMU 7.2's exact messages and classes, id echo, and event messages.
 */
#include "osdep.h"

#include "qapi/compat-policy.h"
#include "qapi/dealloc-visitor.h"
#include "qapi/qmp-dispatch.h"
#include "qapi/qmp-event.h"
#include "qapi/qobject-input-visitor.h"
#include "qapi/qobject-output-visitor.h"
#include "qobject/qjson.h"
#include "qobject/qnum.h"
#include "util/error.h"

/* A command written the way the generator writes them */

/*
 * The arguments of
 * { 'command': 'add', 'data': { 'a': 'int', '*b': 'int' }, 'returns': 'int' }
 */
typedef struct q_obj_add_arg {
    int64_t a;
    bool has_b;
    int64_t b;
} q_obj_add_arg;

static bool visit_type_q_obj_add_arg_members(Visitor *v, q_obj_add_arg *obj,
                                             Error **errp)
{
    if (!visit_type_int(v, "a", &obj->a, errp)) {
        return false;
    }
    if (visit_optional(v, "b", &obj->has_b)) {
        if (!visit_type_int(v, "b", &obj->b, errp)) {
            return false;
        }
    }
    return true;
}

/* The handler: fails on overflow, with a class to check it travels. */
static int64_t qmp_add(int64_t a, bool has_b, int64_t b, Error **errp)
{
    int64_t sum;

    if (__builtin_add_overflow(a, has_b ? b : 0, &sum)) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Sum overflows");
        return 0;
    }
    return sum;
}

static void qmp_marshal_output_int(int64_t ret_in, QObject **ret_out,
                                   Error **errp)
{
    Visitor *v = qobject_output_visitor_new_qmp(ret_out);

    if (visit_type_int(v, "unused", &ret_in, errp)) {
        visit_complete(v, ret_out);
    }
    visit_free(v);
}

static void qmp_marshal_add(QDict *args, QObject **ret, Error **errp)
{
    Error *err = NULL;
    bool ok = false;
    Visitor *v;
    q_obj_add_arg arg = { 0 };
    int64_t retval;

    v = qobject_input_visitor_new_qmp(QOBJECT(args));
    if (!visit_start_struct(v, NULL, NULL, 0, errp)) {
        goto out;
    }
    if (visit_type_q_obj_add_arg_members(v, &arg, errp)) {
        ok = visit_check_struct(v, errp);
    }
    visit_end_struct(v, NULL);
    if (!ok) {
        goto out;
    }
    retval = qmp_add(arg.a, arg.has_b, arg.b, &err);
    error_propagate(errp, err);
    if (err) {
        goto out;
    }
    qmp_marshal_output_int(retval, ret, errp);
out:
    visit_free(v);
    v = qapi_dealloc_visitor_new();
    visit_start_struct(v, NULL, NULL, 0, NULL);
    visit_type_q_obj_add_arg_members(v, &arg, NULL);
    visit_end_struct(v, NULL);
    visit_free(v);
}

/* Commands that only record being called */

static int calls;

static void qmp_marshal_nothing(QDict *args, QObject **ret, Error **errp)
{
    calls++;
}

static void qmp_marshal_echo(QDict *args, QObject **ret, Error **errp)
{
    calls++;
    *ret = QOBJECT(qobject_ref(args));
}

static void qmp_marshal_fail(QDict *args, QObject **ret, Error **errp)
{
    calls++;
    error_setg(errp, "Failed as asked");
}

/* The command table of these tests; the caller frees it. */
static QmpCommandList *make_commands(void)
{
    QmpCommandList *cmds = qmp_command_list_new();

    qmp_register_command(cmds, "add", qmp_marshal_add, QCO_NO_OPTIONS, 0);
    qmp_register_command(cmds, "echo", qmp_marshal_echo,
                         QCO_ALLOW_PRECONFIG, 0);
    qmp_register_command(cmds, "nothing", qmp_marshal_nothing,
                         QCO_ALLOW_OOB | QCO_ALLOW_PRECONFIG, 0);
    qmp_register_command(cmds, "quiet", qmp_marshal_nothing,
                         QCO_NO_SUCCESS_RESP, 0);
    qmp_register_command(cmds, "quiet-fail", qmp_marshal_fail,
                         QCO_NO_SUCCESS_RESP, 0);
    qmp_register_command(cmds, "old", qmp_marshal_nothing, QCO_NO_OPTIONS,
                         1u << QAPI_DEPRECATED);
    qmp_register_command(cmds, "x-new", qmp_marshal_nothing, QCO_NO_OPTIONS,
                         1u << QAPI_UNSTABLE);
    return cmds;
}

/*
 * Dispatch the JSON text @request to @cmds; returns the response as
 * compact JSON, or NULL when there is none.
 */
static char *dispatch_full(const QmpCommandList *cmds, const char *request,
                           bool allow_oob, bool preconfig)
{
    g_autoptr(QObject) req = qobject_from_json(request, &error_abort);
    g_autoptr(QDict) rsp = qmp_dispatch(cmds, req, allow_oob, preconfig);
    g_autoptr(GString) json = NULL;

    if (!rsp) {
        return NULL;
    }
    json = qobject_to_json(QOBJECT(rsp));
    return g_strdup(json->str);
}

/* Assert that dispatching @request gives exactly @response (or none). */
static void check_full(const char *request, bool allow_oob, bool preconfig,
                       const char *response)
{
    QmpCommandList *cmds = make_commands();
    g_autofree char *got = dispatch_full(cmds, request, allow_oob,
                                         preconfig);

    g_assert_cmpstr(got, ==, response);
    qmp_command_list_free(cmds);
}

static void check(const char *request, const char *response)
{
    check_full(request, false, false, response);
}

/* The error response {"error": {"class": @klass, "desc": @desc}}. */
static void check_error(const char *request, bool allow_oob,
                        const char *klass, const char *desc)
{
    g_autofree char *expected = g_strdup_printf(
        "{\"error\": {\"class\": \"%s\", \"desc\": \"%s\"}}", klass, desc);

    check_full(request, allow_oob, false, expected);
}

/* Registry */

static void record_name(const QmpCommand *cmd, void *opaque)
{
    g_string_append_printf(opaque, "%s%s", ((GString *)opaque)->len ? " " : "",
                           cmd->name);
}

static void test_registry(void)
{
    QmpCommandList *cmds = make_commands();
    g_autoptr(GString) names = g_string_new(NULL);
    const QmpCommand *cmd;

    cmd = qmp_find_command(cmds, "echo");
    g_assert_nonnull(cmd);
    g_assert_cmpstr(cmd->name, ==, "echo");
    g_assert_true(cmd->fn == qmp_marshal_echo);
    g_assert_cmpint(cmd->options, ==, QCO_ALLOW_PRECONFIG);
    g_assert_true(cmd->enabled);
    g_assert_null(cmd->disable_reason);
    g_assert_true(qmp_has_success_response(cmd));
    g_assert_false(qmp_has_success_response(qmp_find_command(cmds,
                                                             "quiet")));
    g_assert_cmpuint(qmp_find_command(cmds, "old")->special_features, ==,
                     1u << QAPI_DEPRECATED);
    g_assert_null(qmp_find_command(cmds, "Echo"));

    qmp_for_each_command(cmds, record_name, names);
    g_assert_cmpstr(names->str, ==,
                    "add echo nothing quiet quiet-fail old x-new");

    qmp_disable_command(cmds, "echo", "not today");
    g_assert_false(cmd->enabled);
    g_assert_cmpstr(cmd->disable_reason, ==, "not today");
    qmp_disable_command(cmds, "no-such-command", NULL);
    qmp_enable_command(cmds, "echo");
    g_assert_true(cmd->enabled);
    g_assert_null(cmd->disable_reason);

    qmp_command_list_free(cmds);
    qmp_command_list_free(NULL);
}

/* Request shape, the messages QEMU 7.2 sends */

static void test_not_object(void)
{
    static const char *const requests[] = {
        "[1, 2]", "42", "null", "\"execute\"", "true",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(requests); i++) {
        check_error(requests[i], true, "GenericError",
                    "QMP input must be a JSON object");
    }
}

static void test_bad_members(void)
{
    check_error("{\"execute\": 1}", false, "GenericError",
                "QMP input member 'execute' must be a string");
    check_error("{\"execute\": null}", false, "GenericError",
                "QMP input member 'execute' must be a string");
    check_error("{\"execute\": \"echo\", \"arguments\": []}", false,
                "GenericError",
                "QMP input member 'arguments' must be an object");
    check_error("{\"execute\": \"echo\", \"arguments\": null}", false,
                "GenericError",
                "QMP input member 'arguments' must be an object");
    check_error("{\"execute\": \"echo\", \"foo\": 1}", false, "GenericError",
                "QMP input member 'foo' is unexpected");
    check_error("{\"exec\": \"echo\"}", false, "GenericError",
                "QMP input member 'exec' is unexpected");
    check_error("{}", false, "GenericError",
                "QMP input lacks member 'execute'");
    check_error("{\"arguments\": {}}", false, "GenericError",
                "QMP input lacks member 'execute'");
}

static void test_oob_shape(void)
{
    /* Without OOB negotiated, "exec-oob" is just an unknown member. */
    check_error("{\"exec-oob\": \"nothing\"}", false, "GenericError",
                "QMP input member 'exec-oob' is unexpected");
    check_error("{\"exec-oob\": 5}", true, "GenericError",
                "QMP input member 'exec-oob' must be a string");
    check_error("{\"execute\": \"nothing\", \"exec-oob\": \"nothing\"}", true,
                "GenericError",
                "QMP input member 'execute' clashes with 'exec-oob'");
    check_error("{\"exec-oob\": \"nothing\", \"execute\": \"nothing\"}", true,
                "GenericError",
                "QMP input member 'execute' clashes with 'exec-oob'");
    check_error("{\"exec-oob\": \"echo\"}", true, "GenericError",
                "The command echo does not support OOB");
    check_full("{\"exec-oob\": \"nothing\", \"id\": \"o\"}", true, false,
               "{\"return\": {}, \"id\": \"o\"}");
}

static void test_is_oob(void)
{
    g_autoptr(QDict) a = qdict_from_jsonf_nofail("{'exec-oob': 'x'}");
    g_autoptr(QDict) b = qdict_from_jsonf_nofail("{'execute': 'x'}");
    g_autoptr(QDict) c = qdict_from_jsonf_nofail(
        "{'execute': 'x', 'exec-oob': 'x'}");

    g_assert_true(qmp_is_oob(a));
    g_assert_false(qmp_is_oob(b));
    g_assert_false(qmp_is_oob(c));
}

/* Refusals */

static void test_not_found(void)
{
    check_error("{\"execute\": \"nonexistent\"}", false, "CommandNotFound",
                "The command nonexistent has not been found");
}

static void test_disabled(void)
{
    QmpCommandList *cmds = make_commands();
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    g_autofree char *c = NULL;

    qmp_disable_command(cmds, "echo", NULL);
    a = dispatch_full(cmds, "{\"execute\": \"echo\"}", false, false);
    g_assert_cmpstr(a, ==, "{\"error\": {\"class\": \"CommandNotFound\", "
                    "\"desc\": \"Command echo has been disabled\"}}");
    qmp_disable_command(cmds, "echo", "the guest agent is frozen");
    b = dispatch_full(cmds, "{\"execute\": \"echo\", \"id\": 1}", false,
                      false);
    g_assert_cmpstr(b, ==, "{\"id\": 1, \"error\": {\"class\": "
                    "\"CommandNotFound\", \"desc\": \"Command echo has been "
                    "disabled: the guest agent is frozen\"}}");
    qmp_enable_command(cmds, "echo");
    c = dispatch_full(cmds, "{\"execute\": \"echo\"}", false, false);
    g_assert_cmpstr(c, ==, "{\"return\": {}}");
    qmp_command_list_free(cmds);
}

static void test_preconfig(void)
{
    check_full("{\"execute\": \"add\", \"arguments\": {\"a\": 1}}", false,
               true, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
               "\"The command 'add' is permitted only after machine "
               "initialization has completed\"}}");
    check_full("{\"execute\": \"echo\"}", false, true, "{\"return\": {}}");
    check_full("{\"exec-oob\": \"nothing\"}", true, true, "{\"return\": {}}");
}

static void test_policy(void)
{
    CompatPolicy reject = {
        .deprecated_input = COMPAT_POLICY_INPUT_REJECT,
        .unstable_input = COMPAT_POLICY_INPUT_REJECT,
    };

    check("{\"execute\": \"old\"}", "{\"return\": {}}");
    check("{\"execute\": \"x-new\"}", "{\"return\": {}}");
    qapi_set_compat_policy(&reject);
    check_error("{\"execute\": \"old\"}", false, "CommandNotFound",
                "Deprecated command old disabled by policy");
    check_error("{\"execute\": \"x-new\"}", false, "CommandNotFound",
                "Unstable command x-new disabled by policy");
    check("{\"execute\": \"echo\"}", "{\"return\": {}}");
    qapi_set_compat_policy(&(CompatPolicy){0});
}

/* Running commands */

static void test_success(void)
{
    calls = 0;
    check("{\"execute\": \"nothing\"}", "{\"return\": {}}");
    g_assert_cmpint(calls, ==, 1);
    /* Missing "arguments" reach the marshaller as {}. */
    check("{\"execute\": \"echo\"}", "{\"return\": {}}");
    check("{\"arguments\": {\"k\": [1, \"v\"]}, \"execute\": \"echo\"}",
          "{\"return\": {\"k\": [1, \"v\"]}}");
    check("{\"execute\": \"add\", \"arguments\": {\"a\": 2, \"b\": 40}}",
          "{\"return\": 42}");
}

static void test_marshaller_errors(void)
{
    check_error("{\"execute\": \"add\"}", false, "GenericError",
                "Parameter 'a' is missing");
    check_error("{\"execute\": \"add\", \"arguments\": {\"a\": \"1\"}}", false,
                "GenericError", "Parameter 'a' expects integer");
    check_error("{\"execute\": \"add\", \"arguments\": {\"a\": 1, "
                "\"c\": 2}}", false, "GenericError",
                "Parameter 'c' is unexpected");
    check_error("{\"execute\": \"add\", \"arguments\": {\"a\": "
                "9223372036854775807, \"b\": 1}}", false, "DeviceNotFound",
                "Sum overflows");
}

static void test_no_success_response(void)
{
    calls = 0;
    check("{\"execute\": \"quiet\", \"id\": 1}", NULL);
    g_assert_cmpint(calls, ==, 1);
    /* Failures are still answered. */
    check("{\"execute\": \"quiet-fail\", \"id\": 2}",
          "{\"id\": 2, \"error\": {\"class\": \"GenericError\", "
          "\"desc\": \"Failed as asked\"}}");
    g_assert_cmpint(calls, ==, 2);
}

/* @text with every "@ID@" replaced by @id; a new string. */
static char *put_id(const char *text, const char *id)
{
    g_auto(GStrv) parts = g_strsplit(text, "@ID@", -1);

    return g_strjoinv(id, parts);
}

/*
 * Dispatch @request with the JSON text @id in place of @ID@ and expect
 * @response with @id as the JSON writer renders it in place of @ID@.
 */
static void check_id(const char *request, const char *id,
                     const char *response)
{
    g_autoptr(QObject) id_obj = qobject_from_json(id, &error_abort);
    g_autoptr(GString) id_json = qobject_to_json(id_obj);
    g_autofree char *req = put_id(request, id);
    g_autofree char *rsp = put_id(response, id_json->str);

    check_full(req, false, false, rsp);
}

/* "id" comes back verbatim, whatever its type, on success and failure. */
static void test_id_echo(void)
{
    static const char *const ids[] = {
        "\"x\"", "0", "-1", "18446744073709551615", "1.5", "true", "false",
        "null", "[]", "{}", "[1, {\"a\": [null, \"\\u00e9\"]}]",
        "{\"b\": {\"c\": [true]}}",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(ids); i++) {
        check_id("{\"execute\": \"nothing\", \"id\": @ID@}", ids[i],
                 "{\"return\": {}, \"id\": @ID@}");
        check_id("{\"id\": @ID@, \"execute\": \"fail\"}", ids[i],
                 "{\"id\": @ID@, \"error\": {\"class\": "
                 "\"CommandNotFound\", \"desc\": \"The command fail has "
                 "not been found\"}}");
        check_id("{\"id\": @ID@, \"execute\": 5}", ids[i],
                 "{\"id\": @ID@, \"error\": {\"class\": "
                 "\"GenericError\", \"desc\": \"QMP input member "
                 "'execute' must be a string\"}}");
        check_id("{\"id\": @ID@, \"execute\": \"quiet-fail\"}", ids[i],
                 "{\"id\": @ID@, \"error\": {\"class\": "
                 "\"GenericError\", \"desc\": \"Failed as asked\"}}");
    }
}

static void test_error_response(void)
{
    Error *err = NULL;
    g_autoptr(QDict) rsp = NULL;
    g_autoptr(GString) json = NULL;

    error_set(&err, ERROR_CLASS_KVM_MISSING_CAP, "No %s", "cap");
    rsp = qmp_error_response(err);
    json = qobject_to_json(QOBJECT(rsp));
    g_assert_cmpstr(json->str, ==, "{\"error\": {\"class\": "
                    "\"KVMMissingCap\", \"desc\": \"No cap\"}}");
}

/* Events */

static void test_event(void)
{
    gint64 before = g_get_real_time();
    g_autoptr(QDict) ev = qmp_event_build_dict("SHUTDOWN");
    gint64 after = g_get_real_time();
    QDict *ts = qdict_get_qdict(ev, "timestamp");
    const QDictEntry *e = qdict_first(ev);
    int64_t sec, usec, stamp;

    g_assert_cmpstr(qdict_entry_key(e), ==, "timestamp");
    g_assert_cmpstr(qdict_entry_key(qdict_next(ev, e)), ==, "event");
    g_assert_cmpuint(qdict_size(ev), ==, 2);
    g_assert_cmpstr(qdict_get_str(ev, "event"), ==, "SHUTDOWN");
    g_assert_cmpuint(qdict_size(ts), ==, 2);
    sec = qdict_get_int(ts, "seconds");
    usec = qdict_get_int(ts, "microseconds");
    g_assert_cmpint(usec, >=, 0);
    g_assert_cmpint(usec, <, G_USEC_PER_SEC);
    stamp = sec * G_USEC_PER_SEC + usec;
    g_assert_cmpint(stamp, >=, before);
    g_assert_cmpint(stamp, <=, after);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi/dispatch/registry", test_registry);
    g_test_add_func("/qapi/dispatch/not-object", test_not_object);
    g_test_add_func("/qapi/dispatch/bad-members", test_bad_members);
    g_test_add_func("/qapi/dispatch/oob-shape", test_oob_shape);
    g_test_add_func("/qapi/dispatch/is-oob", test_is_oob);
    g_test_add_func("/qapi/dispatch/not-found", test_not_found);
    g_test_add_func("/qapi/dispatch/disabled", test_disabled);
    g_test_add_func("/qapi/dispatch/preconfig", test_preconfig);
    g_test_add_func("/qapi/dispatch/policy", test_policy);
    g_test_add_func("/qapi/dispatch/success", test_success);
    g_test_add_func("/qapi/dispatch/marshaller-errors",
                    test_marshaller_errors);
    g_test_add_func("/qapi/dispatch/no-success-response",
                    test_no_success_response);
    g_test_add_func("/qapi/dispatch/id-echo", test_id_echo);
    g_test_add_func("/qapi/dispatch/error-response", test_error_response);
    g_test_add_func("/qapi/event/build", test_event);
    return g_test_run();
}
