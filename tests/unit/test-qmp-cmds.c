/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qmp-cmds.c: the project schema's commands (qmp_capabilities,
 * query-version, query-commands, query-qmp-schema, query-status,
 * query-name), run through qmp_dispatch() as a QMP client would.
 */
#include "osdep.h"

#include "monitor/qmp-cmds.h"
#include "qapi/compat-policy.h"
#include "qapi-types-common.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "system/accel-info.h"
#include "system/runstate.h"
#include "system/vm-name.h"

/* Dispatch the JSON request @json and return the response as JSON text. */
static char *dispatch(const char *json, bool preconfig)
{
    g_autoptr(QObject) request = qobject_from_json(json, &error_abort);
    g_autoptr(QDict) response = NULL;
    g_autoptr(GString) text = NULL;

    response = qmp_dispatch(monitor_qmp_commands(), request, false, preconfig);
    g_assert_nonnull(response);
    text = qobject_to_json(QOBJECT(response));
    return g_strdup(text->str);
}

/* Dispatch @json and return its "return" value (new reference). */
static QObject *dispatch_return(const char *json)
{
    g_autoptr(QObject) request = qobject_from_json(json, &error_abort);
    g_autoptr(QDict) response = NULL;
    QObject *ret;

    response = qmp_dispatch(monitor_qmp_commands(), request, false, false);
    ret = qdict_get(response, "return");
    g_assert_nonnull(ret);
    return qobject_ref(ret);
}

static void check_response(const char *request, const char *expected)
{
    g_autofree char *response = dispatch(request, false);

    g_assert_cmpstr(response, ==, expected);
}

static void test_version(void)
{
    check_response("{'execute': 'query-version', 'id': 1}",
                   "{\"return\": {\"qemu\": {\"major\": 7, \"minor\": 2, "
                   "\"micro\": 0}, \"package\": \"kvmini " KVMINI_VERSION
                   "\"}, \"id\": 1}");
}

static void test_name(void)
{
    check_response("{'execute': 'query-name'}", "{\"return\": {}}");
    vm_name_set("vm1");
    check_response("{'execute': 'query-name'}",
                   "{\"return\": {\"name\": \"vm1\"}}");
    vm_name_set(NULL);
    check_response("{'execute': 'query-name'}", "{\"return\": {}}");
}

static void test_status(void)
{
    g_assert_cmpint(runstate_get(), ==, RUN_STATE_PRELAUNCH);
    check_response("{'execute': 'query-status'}",
                   "{\"return\": {\"running\": false, \"singlestep\": false, "
                   "\"status\": \"prelaunch\"}}");
    runstate_set(RUN_STATE_RUNNING);
    check_response("{'execute': 'query-status'}",
                   "{\"return\": {\"running\": true, \"singlestep\": false, "
                   "\"status\": \"running\"}}");
    runstate_set(RUN_STATE_PAUSED);
    check_response("{'execute': 'query-status'}",
                   "{\"return\": {\"running\": false, \"singlestep\": false, "
                   "\"status\": \"paused\"}}");
    runstate_set(RUN_STATE_PRELAUNCH);
    g_assert_true(runstate_check(RUN_STATE_PRELAUNCH));
}

static void test_status_bad_args(void)
{
    check_response("{'execute': 'query-status', 'arguments': {'all': true}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'all' is unexpected\"}}");
}

static void test_runstate_transitions(void)
{
    g_assert_true(runstate_transition_valid(RUN_STATE_PRELAUNCH,
                                            RUN_STATE_RUNNING));
    g_assert_true(runstate_transition_valid(RUN_STATE_RUNNING,
                                            RUN_STATE_SHUTDOWN));
    g_assert_true(runstate_transition_valid(RUN_STATE_SHUTDOWN,
                                            RUN_STATE_PRELAUNCH));
    g_assert_false(runstate_transition_valid(RUN_STATE_SHUTDOWN,
                                             RUN_STATE_RUNNING));
    g_assert_false(runstate_transition_valid(RUN_STATE_PRELAUNCH,
                                             RUN_STATE_PAUSED));
    /* Staying in a state is always allowed. */
    g_assert_true(runstate_transition_valid(RUN_STATE_PAUSED,
                                            RUN_STATE_PAUSED));
}

static void test_runstate_invalid(void)
{
    if (g_test_subprocess()) {
        runstate_set(RUN_STATE_SHUTDOWN);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*invalid run state transition from "
                              "'prelaunch' to 'shutdown'*");
}

static void test_capabilities(void)
{
    /* Past negotiation (which the QMP server handles), it is refused. */
    check_response("{'execute': 'qmp_capabilities', 'id': 'c'}",
                   "{\"id\": \"c\", \"error\": {\"class\": \"CommandNotFound\", "
                   "\"desc\": \"Capabilities negotiation is already complete, "
                   "command ignored\"}}");
    check_response("{'execute': 'qmp_capabilities', "
                   "'arguments': {'enable': ['bogus']}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Parameter 'enable[0]' does not accept value 'bogus'\"}}");
}

/* Whether the list of {"name": ...} dicts @list holds @name. */
static bool list_has_name(QList *list, const char *name)
{
    const QListEntry *e;

    for (e = qlist_first(list); e; e = qlist_next(e)) {
        QDict *d = qobject_to(QDict, qlist_entry_obj(e));

        if (!g_strcmp0(qdict_get_try_str(d, "name"), name)) {
            return true;
        }
    }
    return false;
}

static void test_commands(void)
{
    static const char *const names[] = {
        "qmp_capabilities", "query-version", "query-commands",
        "query-qmp-schema", "query-status", "query-name", "stop", "cont",
        "system_reset", "system_powerdown", "quit", "human-monitor-command",
        "qom-list", "qom-get", "qom-set", "qom-list-types",
        "qom-list-properties", "object-add", "object-del", "query-events",
        "query-kvm", "query-cpus-fast",
        "query-chardev", "query-chardev-backends", "chardev-add",
        "chardev-change", "chardev-remove", "chardev-send-break",
        "ringbuf-write",
        "ringbuf-read", "yank", "query-yank",
        "query-machines", "device-list-properties", "device_add",
        "device_del",
    };
    g_autoptr(QObject) ret = dispatch_return("{'execute': 'query-commands'}");
    g_autoptr(QObject) after = NULL;
    QList *list = qobject_to(QList, ret);
    size_t i;

    g_assert_nonnull(list);
    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        g_assert_true(list_has_name(list, names[i]));
    }
    g_assert_cmpuint(qlist_size(list), ==, G_N_ELEMENTS(names));

    /* A disabled command is not listed, and refuses to run. */
    qmp_disable_command(monitor_qmp_commands(), "query-name", NULL);
    after = dispatch_return("{'execute': 'query-commands'}");
    g_assert_false(list_has_name(qobject_to(QList, after), "query-name"));
    check_response("{'execute': 'query-name'}",
                   "{\"error\": {\"class\": \"CommandNotFound\", "
                   "\"desc\": \"Command query-name has been disabled\"}}");
    qmp_enable_command(monitor_qmp_commands(), "query-name");
}

static void test_preconfig(void)
{
    /* Every command so far is allowed before the machine is built. */
    g_autofree char *status = dispatch("{'execute': 'query-status'}", true);
    g_autofree char *schema = dispatch("{'execute': 'query-qmp-schema'}", true);

    g_assert_true(g_str_has_prefix(status, "{\"return\": {"));
    g_assert_true(g_str_has_prefix(schema, "{\"return\": ["));
}

/* The SchemaInfo called @name in @schema (borrowed), or NULL. */
static QDict *schema_find(QList *schema, const char *name)
{
    const QListEntry *e;

    for (e = qlist_first(schema); e; e = qlist_next(e)) {
        QDict *d = qobject_to(QDict, qlist_entry_obj(e));

        if (!strcmp(qdict_get_str(d, "name"), name)) {
            return d;
        }
    }
    return NULL;
}

/* The member called @name of the object SchemaInfo @obj (borrowed), or NULL. */
static QDict *schema_member(QDict *obj, const char *name)
{
    QList *members = qdict_get_qlist(obj, "members");
    const QListEntry *e;

    for (e = qlist_first(members); e; e = qlist_next(e)) {
        QDict *m = qobject_to(QDict, qlist_entry_obj(e));

        if (!strcmp(qdict_get_str(m, "name"), name)) {
            return m;
        }
    }
    return NULL;
}

/* Follow query-status's ret-type to StatusInfo (borrowed). */
static QDict *status_info(QList *schema)
{
    QDict *cmd = schema_find(schema, "query-status");

    g_assert_nonnull(cmd);
    g_assert_cmpstr(qdict_get_str(cmd, "meta-type"), ==, "command");
    return schema_find(schema, qdict_get_str(cmd, "ret-type"));
}

static void test_schema(void)
{
    g_autoptr(QObject) ret = dispatch_return("{'execute': 'query-qmp-schema'}");
    QList *schema = qobject_to(QList, ret);
    QDict *info, *singlestep, *status;
    g_autoptr(GString) features = NULL;

    g_assert_nonnull(schema);
    g_assert_nonnull(schema_find(schema, "query-qmp-schema"));
    info = status_info(schema);
    g_assert_nonnull(info);
    g_assert_cmpstr(qdict_get_str(info, "meta-type"), ==, "object");
    g_assert_nonnull(schema_member(info, "running"));
    singlestep = schema_member(info, "singlestep");
    features = qobject_to_json(qdict_get(singlestep, "features"));
    g_assert_cmpstr(features->str, ==, "[\"deprecated\"]");

    /* The RunState enum lists every state by name. */
    status = schema_member(info, "status");
    info = schema_find(schema, qdict_get_str(status, "type"));
    g_assert_cmpstr(qdict_get_str(info, "meta-type"), ==, "enum");
    g_assert_true(list_has_name(qdict_get_qlist(info, "members"),
                                "prelaunch"));
    g_assert_true(list_has_name(qdict_get_qlist(info, "members"),
                                "guest-panicked"));

    check_response("{'execute': 'query-qmp-schema', 'arguments': {'x': 1}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'x' is unexpected\"}}");
}

static void test_schema_policy_hide(void)
{
    CompatPolicy hide = { .deprecated_output = COMPAT_POLICY_OUTPUT_HIDE };
    CompatPolicy accept = { 0 };
    g_autoptr(QObject) ret = NULL;
    g_autofree char *status = NULL;

    qapi_set_compat_policy(&hide);
    ret = dispatch_return("{'execute': 'query-qmp-schema'}");
    status = dispatch("{'execute': 'query-status'}", false);
    qapi_set_compat_policy(&accept);

    /* Hidden from the schema and from the result alike. */
    g_assert_null(schema_member(status_info(qobject_to(QList, ret)),
                                "singlestep"));
    g_assert_cmpstr(status, ==, "{\"return\": {\"running\": false, "
                                "\"status\": \"prelaunch\"}}");
}

/* The schema documents the error classes util/error.c puts on the wire. */
static void test_error_classes(void)
{
    int i;

    g_assert_cmpint(QapiErrorClass_lookup.size, ==, ERROR_CLASS_MAX);
    for (i = 0; i < ERROR_CLASS_MAX; i++) {
        g_assert_cmpstr(QapiErrorClass_str(i), ==, error_class_name(i));
    }
}

static void test_kvm_cpus_events(void)
{
    g_autofree char *kvm = g_strdup_printf(
        "{\"return\": {\"enabled\": false, \"present\": %s}}",
        accel_info_kvm_present() ? "true" : "false");
    g_autoptr(QObject) events = dispatch_return("{'execute': 'query-events'}");

    /* No accelerator registered: the "none" machine, no vCPUs. */
    check_response("{'execute': 'query-kvm'}", kvm);
    check_response("{'execute': 'query-cpus-fast'}", "{\"return\": []}");
    g_assert_true(list_has_name(qobject_to(QList, events), "SHUTDOWN"));
    g_assert_true(list_has_name(qobject_to(QList, events), "STOP"));
    g_assert_true(list_has_name(qobject_to(QList, events), "COMMAND_DROPPED"));
    g_assert_true(list_has_name(qobject_to(QList, events), "GUEST_PANICKED"));
    g_assert_false(list_has_name(qobject_to(QList, events), "query-status"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp/cmds/version", test_version);
    g_test_add_func("/qmp/cmds/kvm-cpus-events", test_kvm_cpus_events);
    g_test_add_func("/qmp/cmds/name", test_name);
    g_test_add_func("/qmp/cmds/status", test_status);
    g_test_add_func("/qmp/cmds/status-bad-args", test_status_bad_args);
    g_test_add_func("/qmp/cmds/runstate-transitions", test_runstate_transitions);
    g_test_add_func("/qmp/cmds/runstate-invalid", test_runstate_invalid);
    g_test_add_func("/qmp/cmds/capabilities", test_capabilities);
    g_test_add_func("/qmp/cmds/commands", test_commands);
    g_test_add_func("/qmp/cmds/preconfig", test_preconfig);
    g_test_add_func("/qmp/cmds/schema", test_schema);
    g_test_add_func("/qmp/cmds/schema-policy-hide", test_schema_policy_hide);
    g_test_add_func("/qmp/cmds/error-classes", test_error_classes);
    return g_test_run();
}
