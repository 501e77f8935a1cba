/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-stress.c: the code generated from the stress schema
 * (scripts/qapi-stress-schema.py, prefix "stress-") compiles, links and
 * works: every command registers, introspection lists every command and
 * event, and a value of nested unions makes the round trip. Slow suite.
 */
#include "osdep.h"

#include "qapi/qobject-input-visitor.h"
#include "qapi/qobject-output-visitor.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qlit.h"
#include "client/qmp-client.h"
#include "util/error.h"
#include "stress-qapi-emit-events.h"
#include "stress-qapi-events.h"
#include "stress-qapi-init-commands.h"
#include "stress-qapi-introspect.h"
#include "stress-qapi-visit.h"

static int events_sent;

void stress_qapi_event_emit(stress_QAPIEvent event, QDict *qdict)
{
    g_assert_cmpstr(qdict_get_str(qdict, "event"), ==,
                    stress_QAPIEvent_str(event));
    events_sent++;
}

/* The client wrappers link against libqmp's call; there is no server. */
bool qmp_client_execute(QmpClient *client, const char *command, QDict *args,
                        QObject **ret, Error **errp)
{
    qobject_unref(args);
    error_setg(errp, "no QMP server in this test");
    return false;
}

static void count(const QmpCommand *cmd, void *opaque)
{
    (*(int *)opaque)++;
}

static void test_commands(void)
{
    QmpCommandList *cmds = qmp_command_list_new();
    int n = 0;

    stress_qmp_init_marshal(cmds);
    qmp_for_each_command(cmds, count, &n);
    /* Conditional commands (CONFIG_STRESS_*) are not compiled in. */
    g_assert_cmpint(n, >, 900);
    g_assert_cmpint(n, <=, 1000);
    g_assert_nonnull(qmp_find_command(cmds, "stress-command-0"));
    qmp_command_list_free(cmds);
}

static void test_introspect(void)
{
    g_autoptr(QObject) list = qobject_from_qlit(&stress_qmp_schema_qlit);
    const QListEntry *e;
    int calls = 0;

    for (e = qlist_first(qobject_to(QList, list)); e; e = qlist_next(e)) {
        const char *meta = qdict_get_str(qobject_to(QDict,
                                                    qlist_entry_obj(e)),
                                         "meta-type");

        calls += !strcmp(meta, "command") || !strcmp(meta, "event");
    }
    g_assert_cmpint(calls, >, 1000);
}

static void test_nested_union(void)
{
    StressUnion1 *u = NULL;
    g_autoptr(QObject) in = qobject_from_json(
        "{\"tag\": \"value-0\", \"b0-inner\": {\"tag\": \"value-1\", "
        "\"b1-inner\": 7}}", &error_abort);
    g_autoptr(QObject) out = NULL;
    g_autoptr(GString) json = NULL;
    Visitor *v = qobject_input_visitor_new(in);

    g_assert_true(visit_type_StressUnion1(v, NULL, &u, &error_abort));
    visit_free(v);
    g_assert_cmpint(u->u.value_0.b0_inner->u.value_1.b1_inner, ==, 7);
    v = qobject_output_visitor_new(&out);
    g_assert_true(visit_type_StressUnion1(v, NULL, &u, &error_abort));
    visit_complete(v, &out);
    visit_free(v);
    json = qobject_to_json(out);
    g_assert_cmpstr(json->str, ==, "{\"tag\": \"value-0\", \"b0-inner\": "
                    "{\"tag\": \"value-1\", \"b1-inner\": 7}}");
    qapi_free_StressUnion1(u);
}

static void test_event(void)
{
    qapi_event_send_stress_event_0(0);
    g_assert_cmpint(events_sent, ==, 1);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi-gen/stress/commands", test_commands);
    g_test_add_func("/qapi-gen/stress/introspect", test_introspect);
    g_test_add_func("/qapi-gen/stress/nested-union", test_nested_union);
    g_test_add_func("/qapi-gen/stress/event", test_event);
    return g_test_run();
}
