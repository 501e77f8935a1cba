/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-monitor-qmp.c: the QMP server engine through its transport
 * interface: greeting, negotiation, protocol errors and recovery, id echo,
 * pretty output, out-of-band execution, the queue limit, flow control,
 * events and disconnects. Texts are QEMU 7.2's, checked against it.
 */
#include "osdep.h"

#include "monitor-test-conn.h"
#include "monitor/qmp-cmds.h"
#include "qapi-events-control.h"
#include "qobject/qjson.h"
#include "qobject/qstring.h"
#include "util/error.h"

#define GREETING "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, " \
    "\"minor\": 2, \"major\": 7}, \"package\": \"kvmini " KVMINI_VERSION \
    "\"}, \"capabilities\": [\"oob\"]}}\r\n"
#define STATUS "{\"running\": false, \"singlestep\": false, " \
    "\"status\": \"prelaunch\"}"
#define NEGOTIATE "{\"execute\": \"qmp_capabilities\"}"
#define NEGOTIATE_OOB \
    "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}"

/* A test-only allow-oob command, as QEMU keeps x-oob-test out of its binary. */
static void qmp_marshal_x_oob_test(QDict *args, QObject **ret, Error **errp)
{
    *ret = QOBJECT(qstring_from_str("oob"));
}

/* A test-only command with a 64 KiB answer, to fill output buffers. */
static void qmp_marshal_x_big(QDict *args, QObject **ret, Error **errp)
{
    g_autofree char *big = g_strnfill(65536, 'x');

    *ret = QOBJECT(qstring_from_str(big));
}

static TestConn *qmp_conn(bool pretty)
{
    TestConn *c = test_conn_new();
    g_autofree char *greeting = NULL;

    c->mon = monitor_new_qmp(&test_conn_transport, c, pretty);
    monitor_opened(c->mon);
    greeting = test_conn_take(c);
    if (!pretty) {
        g_assert_cmpstr(greeting, ==, GREETING);
    }
    return c;
}

/* A connection past negotiation, with oob if @oob. */
static TestConn *qmp_conn_ready(bool oob)
{
    TestConn *c = qmp_conn(false);

    test_conn_exchange(c, oob ? NEGOTIATE_OOB : NEGOTIATE,
                       "{\"return\": {}}\r\n");
    return c;
}

static void test_greeting(void)
{
    TestConn *c = test_conn_new();
    g_autofree char *out = NULL;

    c->mon = monitor_new_qmp(&test_conn_transport, c, false);
    g_assert_true(monitor_is_qmp(c->mon));
    /* Nothing is said, and nothing read, before a client connects. */
    g_assert_cmpuint(c->out->len, ==, 0);
    g_assert_cmpuint(monitor_can_receive(c->mon), ==, 0);
    monitor_opened(c->mon);
    out = test_conn_take(c);
    g_assert_cmpstr(out, ==, GREETING);
    g_assert_true(c->accepting);
    g_assert_cmpuint(monitor_can_receive(c->mon), ==, MONITOR_INPUT_CHUNK);
    test_conn_free(c);
}

static void test_negotiation(void)
{
    TestConn *c = qmp_conn(false);

    test_conn_exchange(c, "{\"execute\": \"query-status\", \"id\": 1}",
                       "{\"id\": 1, \"error\": {\"class\": \"CommandNotFound\", "
                       "\"desc\": \"Expecting capabilities negotiation with "
                       "'qmp_capabilities'\"}}\r\n");
    test_conn_exchange(c, "{\"execute\": \"no-such-command\"}",
                       "{\"error\": {\"class\": \"CommandNotFound\", "
                       "\"desc\": \"Expecting capabilities negotiation with "
                       "'qmp_capabilities'\"}}\r\n");
    /* Protocol errors are not about negotiation: they keep their text. */
    test_conn_exchange(c, "[]", "{\"error\": {\"class\": \"GenericError\", "
                       "\"desc\": \"QMP input must be a JSON object\"}}\r\n");
    test_conn_exchange(c, "{\"exec-oob\": \"qmp_capabilities\"}",
                       "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                       "\"QMP input member 'exec-oob' is unexpected\"}}\r\n");
    /* Bad arguments fail, and negotiation goes on. */
    test_conn_exchange(c, "{\"execute\": \"qmp_capabilities\", "
                       "\"arguments\": {\"enable\": \"oob\"}}",
                       "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                       "\"Parameter 'enable' expects array\"}}\r\n");
    test_conn_exchange(c, "{\"execute\": \"qmp_capabilities\", "
                       "\"arguments\": {\"enable\": [\"foo\"]}}",
                       "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                       "\"Parameter 'enable[0]' does not accept value "
                       "'foo'\"}}\r\n");
    test_conn_exchange(c, "{\"execute\": \"qmp_capabilities\", "
                       "\"arguments\": {\"x\": 1}}",
                       "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                       "\"Parameter 'x' is unexpected\"}}\r\n");
    test_conn_exchange(c, "{\"execute\": \"qmp_capabilities\", \"id\": \"n\"}",
                       "{\"return\": {}, \"id\": \"n\"}\r\n");
    test_conn_exchange(c, NEGOTIATE,
                       "{\"error\": {\"class\": \"CommandNotFound\", "
                       "\"desc\": \"Capabilities negotiation is already "
                       "complete, command ignored\"}}\r\n");
    test_conn_exchange(c, "{\"execute\": \"query-status\"}",
                       "{\"return\": " STATUS "}\r\n");
    test_conn_free(c);
}

/* Each bad request gets its error, and the next good one its answer. */
static void test_protocol_errors(void)
{
    static const char *const cases[][2] = {
        { "{\"execute\": }", "JSON parse error, expecting value after ':'" },
        { "{'execute' 'query-status'}",
          "JSON parse error, expecting ':' after object key" },
        { "@", "JSON parse error, unexpected character '@'" },
        { "[1]", "QMP input must be a JSON object" },
        { "\"query-status\"", "QMP input must be a JSON object" },
        { "true\n", "QMP input must be a JSON object" },
        { "{}", "QMP input lacks member 'execute'" },
        { "{\"arguments\": {}}", "QMP input lacks member 'execute'" },
        { "{\"execute\": 1}", "QMP input member 'execute' must be a string" },
        { "{\"execute\": null}",
          "QMP input member 'execute' must be a string" },
        { "{\"execute\": \"query-status\", \"foo\": 1}",
          "QMP input member 'foo' is unexpected" },
        { "{\"execute\": \"query-status\", \"arguments\": []}",
          "QMP input member 'arguments' must be an object" },
        { "{\"execute\": \"query-status\", \"arguments\": {\"x\": 1}}",
          "Parameter 'x' is unexpected" },
        { "{\"exec-oob\": \"query-status\"}",
          "QMP input member 'exec-oob' is unexpected" },
    };
    TestConn *c = qmp_conn_ready(false);
    g_autofree char *expected = NULL;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        expected = g_strdup_printf("{\"error\": {\"class\": \"GenericError\", "
                                   "\"desc\": \"%s\"}}\r\n", cases[i][1]);
        test_conn_exchange(c, cases[i][0], expected);
        g_clear_pointer(&expected, g_free);
        test_conn_exchange(c, "{\"execute\": \"query-status\"}",
                           "{\"return\": " STATUS "}\r\n");
    }
    test_conn_exchange(c, "{\"execute\": \"no-such-command\", \"id\": \"x\"}",
                       "{\"id\": \"x\", \"error\": {\"class\": "
                       "\"CommandNotFound\", \"desc\": \"The command "
                       "no-such-command has not been found\"}}\r\n");
    test_conn_free(c);
}

/* Limits of the JSON layer: an error, bounded memory, and recovery. */
static void test_json_limits(void)
{
    TestConn *c = qmp_conn_ready(false);
    g_autoptr(GString) deep = g_string_new(NULL);
    int i;

    for (i = 0; i < 1025; i++) {
        g_string_append_c(deep, '[');
    }
    for (i = 0; i < 1025; i++) {
        g_string_append_c(deep, ']');
    }
    test_conn_exchange(c, deep->str, "{\"error\": {\"class\": \"GenericError\", "
                       "\"desc\": \"JSON parse error, nesting deeper than "
                       "1024 levels\"}}\r\n");
    test_conn_exchange(c, "{\"execute\": \"query-status\"}",
                       "{\"return\": " STATUS "}\r\n");
    /* A byte that resynchronises the parser cuts a request short. */
    test_conn_exchange(c, "{\"execute\": \"query-status\"\xff",
                       "{\"error\": {\"class\": \"GenericError\", "
                       "\"desc\": \"JSON parse error, unexpected byte "
                       "0xff\"}}\r\n");
    test_conn_exchange(c, "{\"execute\": \"query-status\"}",
                       "{\"return\": " STATUS "}\r\n");
    test_conn_free(c);
}

/* The "id" comes back verbatim, whatever its JSON type. */
static void test_id_echo(void)
{
    static const char *const ids[] = {
        "0", "-9223372036854775808", "18446744073709551615", "2.5", "1e+300",
        "\"\"", "\"a\\\"b\\u00E9\"", "null", "true", "false", "[]",
        "[1, \"x\", null, [{}]]", "{}", "{\"a\": {\"b\": [1, 2]}}",
    };
    TestConn *c = qmp_conn_ready(false);
    g_autofree char *req = NULL;
    g_autofree char *expected = NULL;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(ids); i++) {
        req = g_strdup_printf("{\"execute\": \"query-status\", \"id\": %s}",
                              ids[i]);
        expected = g_strdup_printf("{\"return\": " STATUS ", \"id\": %s}\r\n",
                                   ids[i]);
        test_conn_exchange(c, req, expected);
        g_free(req);
        g_free(expected);
        req = g_strdup_printf("{\"id\": %s, \"execute\": \"x\"}", ids[i]);
        expected = g_strdup_printf("{\"id\": %s, \"error\": {\"class\": "
                                   "\"CommandNotFound\", \"desc\": "
                                   "\"The command x has not been found\"}}"
                                   "\r\n", ids[i]);
        test_conn_exchange(c, req, expected);
        g_clear_pointer(&req, g_free);
        g_clear_pointer(&expected, g_free);
    }
    test_conn_free(c);
}

static void test_pretty(void)
{
    TestConn *c = qmp_conn(true);

    monitor_opened(c->mon);
    g_assert_cmpstr(c->out->str, ==,
                    "{\r\n"
                    "    \"QMP\": {\r\n"
                    "        \"version\": {\r\n"
                    "            \"qemu\": {\r\n"
                    "                \"micro\": 0,\r\n"
                    "                \"minor\": 2,\r\n"
                    "                \"major\": 7\r\n"
                    "            },\r\n"
                    "            \"package\": \"kvmini " KVMINI_VERSION "\"\r\n"
                    "        },\r\n"
                    "        \"capabilities\": [\r\n"
                    "            \"oob\"\r\n"
                    "        ]\r\n"
                    "    }\r\n"
                    "}\r\n");
    g_string_truncate(c->out, 0);
    test_conn_exchange(c, NEGOTIATE, "{\r\n    \"return\": {}\r\n}\r\n");
    test_conn_exchange(c, "{\"execute\": \"query-status\", \"id\": [1]}",
                       "{\r\n"
                       "    \"return\": {\r\n"
                       "        \"running\": false,\r\n"
                       "        \"singlestep\": false,\r\n"
                       "        \"status\": \"prelaunch\"\r\n"
                       "    },\r\n"
                       "    \"id\": [\r\n"
                       "        1\r\n"
                       "    ]\r\n"
                       "}\r\n");
    test_conn_free(c);
}

/* exec-oob overtakes in-band commands sent before it. */
static void test_oob_order(void)
{
    TestConn *c = qmp_conn_ready(true);
    g_autofree char *out = NULL;

    test_conn_send(c, "{\"execute\": \"query-status\", \"id\": 1}"
                   "{\"execute\": \"query-status\", \"id\": 2}"
                   "{\"execute\": \"query-status\", \"id\": 3}"
                   "{\"exec-oob\": \"x-oob-test\", \"id\": \"oob\"}");
    /* Read at once and answered before the main loop runs anything. */
    out = test_conn_take(c);
    g_assert_cmpstr(out, ==, "{\"return\": \"oob\", \"id\": \"oob\"}\r\n");
    g_free(out);
    test_main_loop();
    out = test_conn_take(c);
    g_assert_cmpstr(out, ==,
                    "{\"return\": " STATUS ", \"id\": 1}\r\n"
                    "{\"return\": " STATUS ", \"id\": 2}\r\n"
                    "{\"return\": " STATUS ", \"id\": 3}\r\n");
    /* exec-oob names only allow-oob commands; both keys clash. */
    test_conn_exchange(c, "{\"exec-oob\": \"query-status\", \"id\": 4}",
                       "{\"id\": 4, \"error\": {\"class\": \"GenericError\", "
                       "\"desc\": \"The command query-status does not support "
                       "OOB\"}}\r\n");
    test_conn_exchange(c, "{\"exec-oob\": \"x-oob-test\", "
                       "\"execute\": \"x-oob-test\"}",
                       "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                       "\"QMP input member 'execute' clashes with "
                       "'exec-oob'\"}}\r\n");
    /* x-oob-test also runs in band. */
    test_conn_exchange(c, "{\"execute\": \"x-oob-test\"}",
                       "{\"return\": \"oob\"}\r\n");
    test_conn_free(c);
}

/* Without oob, exec-oob is no key of a request. */
static void test_oob_disabled(void)
{
    TestConn *c = qmp_conn_ready(false);

    test_conn_exchange(c, "{\"exec-oob\": \"x-oob-test\", \"id\": 1}",
                       "{\"id\": 1, \"error\": {\"class\": \"GenericError\", "
                       "\"desc\": \"QMP input member 'exec-oob' is "
                       "unexpected\"}}\r\n");
    test_conn_free(c);
}

/* The "data" of a COMMAND_DROPPED event line, checking its envelope. */
static char *dropped_data(const char *line)
{
    g_autoptr(QObject) obj = qobject_from_json(line, &error_abort);
    QDict *event = qobject_to(QDict, obj);
    QDict *ts = qdict_get_qdict(event, "timestamp");
    g_autoptr(GString) data = NULL;

    g_assert_cmpstr(qdict_get_str(event, "event"), ==, "COMMAND_DROPPED");
    g_assert_cmpint(qdict_get_int(ts, "seconds"), >, 0);
    g_assert_cmpint(qdict_get_int(ts, "microseconds"), <, 1000000);
    g_assert_cmpstr(qdict_first(event)->key, ==, "timestamp");
    data = qobject_to_json(qdict_get(event, "data"));
    return g_strdup(data->str);
}

/* With oob, a ninth waiting in-band command is dropped, with an event. */
static void test_queue_full(void)
{
    TestConn *c = qmp_conn_ready(true);
    TestConn *other = qmp_conn_ready(true);
    g_autoptr(GString) reqs = g_string_new(NULL);
    g_autoptr(GString) expected = g_string_new(NULL);
    g_auto(GStrv) lines = NULL;
    g_autofree char *out = NULL;
    g_autofree char *data = NULL;
    int i;

    for (i = 1; i <= 10; i++) {
        g_string_append_printf(reqs, "{\"execute\": \"query-status\", "
                               "\"id\": %d}", i);
    }
    g_string_append(reqs, "{\"execute\": \"query-status\"}"
                    "{\"exec-oob\": \"x-oob-test\", \"id\": \"oob\"}");
    test_conn_send(c, reqs->str);
    /* The monitor kept reading, so out-of-band commands get through. */
    g_assert_true(c->accepting);
    out = test_conn_take(c);
    lines = g_strsplit(out, "\r\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, 5);
    data = dropped_data(lines[0]);
    g_assert_cmpstr(data, ==, "{\"id\": 9, \"reason\": \"queue-full\"}");
    g_free(data);
    data = dropped_data(lines[1]);
    g_assert_cmpstr(data, ==, "{\"id\": 10, \"reason\": \"queue-full\"}");
    g_free(data);
    data = dropped_data(lines[2]);
    g_assert_cmpstr(data, ==, "{\"id\": null, \"reason\": \"queue-full\"}");
    g_assert_cmpstr(lines[3], ==, "{\"return\": \"oob\", \"id\": \"oob\"}");
    g_assert_cmpstr(lines[4], ==, "");
    /* The event is about this connection's ids: the other hears nothing. */
    g_assert_cmpuint(other->out->len, ==, 0);
    test_main_loop();
    g_free(out);
    out = test_conn_take(c);
    for (i = 1; i <= 8; i++) {
        g_string_append_printf(expected, "{\"return\": " STATUS ", "
                               "\"id\": %d}\r\n", i);
    }
    g_assert_cmpstr(out, ==, expected->str);
    test_conn_free(other);
    test_conn_free(c);
}

/* Without oob, the next request is read only once the last is answered. */
static void test_flow_one_at_a_time(void)
{
    TestConn *c = qmp_conn_ready(false);
    g_autofree char *out = NULL;

    test_conn_send(c, "{\"execute\": \"query-status\", \"id\": 1}"
                   "{\"execute\": \"query-status\", \"id\": 2}"
                   "{\"execute\": \"query-status\", \"id\": 3}");
    g_assert_false(c->accepting);
    g_assert_cmpuint(monitor_can_receive(c->mon), ==, 0);
    g_assert_cmpuint(c->out->len, ==, 0);
    g_main_context_iteration(NULL, false);
    out = test_conn_take(c);
    g_assert_cmpstr(out, ==, "{\"return\": " STATUS ", \"id\": 1}\r\n");
    g_assert_false(c->accepting);
    test_main_loop();
    g_free(out);
    out = test_conn_take(c);
    g_assert_cmpstr(out, ==, "{\"return\": " STATUS ", \"id\": 2}\r\n"
                    "{\"return\": " STATUS ", \"id\": 3}\r\n");
    g_assert_true(c->accepting);
    test_conn_free(c);
}

/* A transport that takes a few bytes at a time gets everything, in order. */
static void test_partial_writes(void)
{
    TestConn *c = qmp_conn_ready(false);
    g_autofree char *out = NULL;
    int i;

    c->budget = 0;
    test_conn_send(c, "{\"execute\": \"query-status\", \"id\": 1}");
    test_main_loop();
    g_assert_cmpuint(c->out->len, ==, 0);
    for (i = 0; i < 100; i++) {
        c->budget = 7;
        monitor_flush(c->mon);
    }
    out = test_conn_take(c);
    g_assert_cmpstr(out, ==, "{\"return\": " STATUS ", \"id\": 1}\r\n");
    test_conn_free(c);
}

/* Broadcast an event (any will do). */
static void emit_event(void)
{
    g_autoptr(QObject) id = QOBJECT(qstring_from_str("e"));

    qapi_event_send_command_dropped(id, COMMAND_DROP_REASON_QUEUE_FULL);
}

static unsigned count_lines(const char *text, const char *prefix)
{
    g_auto(GStrv) lines = g_strsplit(text, "\r\n", -1);
    unsigned n = 0;
    int i;

    for (i = 0; lines[i]; i++) {
        n += g_str_has_prefix(lines[i], prefix);
    }
    return n;
}

/*
 * A client that stops reading: past MONITOR_OUTPUT_LIMIT of unsent output
 * the monitor stops reading it and drops its events, until it reads.
 */
static void test_output_limit(void)
{
    TestConn *c = qmp_conn_ready(false);
    TestConn *other = qmp_conn_ready(false);
    g_autoptr(GString) reqs = g_string_new(NULL);
    g_autofree char *out = NULL;
    int i;

    c->budget = 0;
    for (i = 0; i < 20; i++) {
        g_string_append(reqs, "{\"execute\": \"x-big\"}");
    }
    test_conn_send(c, reqs->str);
    test_main_loop();
    g_assert_false(c->accepting);
    g_assert_cmpuint(monitor_can_receive(c->mon), ==, 0);
    emit_event();
    g_assert_cmpuint(count_lines(other->out->str, "{\"timestamp\""), ==, 1);

    c->budget = SIZE_MAX;
    monitor_flush(c->mon);
    test_main_loop();
    out = test_conn_take(c);
    g_assert_cmpuint(count_lines(out, "{\"return\": \"xxxx"), ==, 20);
    g_assert_cmpuint(count_lines(out, "{\"timestamp\""), ==, 0);
    g_assert_true(c->accepting);
    test_conn_free(other);
    test_conn_free(c);
}

/* Events go to every connected QMP monitor past negotiation. */
static void test_event_broadcast(void)
{
    TestConn *a = qmp_conn_ready(false);
    TestConn *b = qmp_conn_ready(true);
    TestConn *negotiating = qmp_conn(false);
    TestConn *gone = qmp_conn_ready(false);
    TestConn *hmp = test_conn_new();
    g_autoptr(QObject) id = qobject_from_json("[1, {}]", &error_abort);
    g_autofree char *data = NULL;

    hmp->mon = monitor_new_hmp(&test_conn_transport, hmp, true);
    monitor_opened(hmp->mon);
    g_string_truncate(hmp->out, 0);
    monitor_closed(gone->mon);
    qapi_event_send_command_dropped(id, COMMAND_DROP_REASON_QUEUE_FULL);
    g_assert_cmpstr(a->out->str, ==, b->out->str);
    g_assert_true(g_str_has_suffix(a->out->str, "\r\n"));
    a->out->str[a->out->len - 2] = 0;
    data = dropped_data(a->out->str);
    g_assert_cmpstr(data, ==, "{\"id\": [1, {}], \"reason\": \"queue-full\"}");
    g_assert_cmpuint(negotiating->out->len, ==, 0);
    g_assert_cmpuint(gone->out->len, ==, 0);
    g_assert_cmpuint(hmp->out->len, ==, 0);
    test_conn_free(hmp);
    test_conn_free(gone);
    test_conn_free(negotiating);
    test_conn_free(b);
    test_conn_free(a);
}

/*
 * A client leaving with commands queued takes them along; the others go
 * on undisturbed, and a new client starts from the greeting.
 */
static void test_disconnect_queued(void)
{
    TestConn *a = qmp_conn_ready(true);
    TestConn *b = qmp_conn_ready(true);

    test_conn_send(a, "{\"execute\": \"query-status\", \"id\": 1}"
                   "{\"execute\": \"query-status\", \"id\": 2}");
    test_conn_send(b, "{\"execute\": \"query-status\", \"id\": 3}");
    monitor_closed(a->mon);
    g_assert_false(a->accepting);
    g_assert_cmpuint(monitor_can_receive(a->mon), ==, 0);
    test_conn_send(a, "{\"execute\": \"query-status\", \"id\": 4}");
    test_main_loop();
    g_assert_cmpuint(a->out->len, ==, 0);
    g_assert_cmpstr(b->out->str, ==, "{\"return\": " STATUS ", \"id\": 3}\r\n");

    monitor_opened(a->mon);
    g_assert_cmpstr(a->out->str, ==, GREETING);
    g_string_truncate(a->out, 0);
    test_conn_exchange(a, "{\"execute\": \"query-status\"}",
                       "{\"error\": {\"class\": \"CommandNotFound\", "
                       "\"desc\": \"Expecting capabilities negotiation with "
                       "'qmp_capabilities'\"}}\r\n");
    test_conn_free(b);
    test_conn_free(a);
}

/* The connection breaks while a response is written, mid-way in input. */
static void test_disconnect_in_write(void)
{
    TestConn *a = qmp_conn_ready(false);
    TestConn *b = qmp_conn_ready(false);

    a->close_on_write = true;
    test_conn_send(a, "{\"execute\": \"query-status\", \"id\": 1}"
                   "{\"execute\": \"query-status\", \"id\": 2}");
    test_conn_send(b, "{\"execute\": \"query-status\", \"id\": 3}");
    test_main_loop();
    g_assert_cmpuint(a->out->len, ==, 0);
    g_assert_false(a->accepting);
    g_assert_cmpstr(b->out->str, ==, "{\"return\": " STATUS ", \"id\": 3}\r\n");
    /* An event after the break finds it closed. */
    emit_event();
    g_assert_cmpuint(a->out->len, ==, 0);
    test_conn_free(b);
    test_conn_free(a);
}

/* The connection breaks while an exec-oob answer is written. */
static void test_disconnect_in_oob(void)
{
    TestConn *a = qmp_conn_ready(true);

    a->close_on_write = true;
    test_conn_send(a, "{\"exec-oob\": \"x-oob-test\"}1 ]"
                   "{\"execute\": \"query-status\"}");
    test_main_loop();
    g_assert_cmpuint(a->out->len, ==, 0);
    /* The next client starts with a fresh parser. */
    monitor_opened(a->mon);
    g_string_truncate(a->out, 0);
    test_conn_exchange(a, "{\"execute\": \"qmp_capabilities\"}",
                       "{\"return\": {}}\r\n");
    test_conn_free(a);
}

/* Text for people never reaches a QMP client. */
static void test_no_text(void)
{
    TestConn *c = qmp_conn_ready(false);

    g_assert_cmpint(monitor_printf(c->mon, "hello %d\n", 1), ==, -1);
    monitor_puts(c->mon, "hello\n");
    g_assert_cmpuint(c->out->len, ==, 0);
    test_conn_free(c);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qmp_register_command(monitor_qmp_commands(), "x-oob-test",
                         qmp_marshal_x_oob_test, QCO_ALLOW_OOB, 0);
    qmp_register_command(monitor_qmp_commands(), "x-big", qmp_marshal_x_big,
                         QCO_NO_OPTIONS, 0);
    g_test_add_func("/monitor/qmp/greeting", test_greeting);
    g_test_add_func("/monitor/qmp/negotiation", test_negotiation);
    g_test_add_func("/monitor/qmp/protocol-errors", test_protocol_errors);
    g_test_add_func("/monitor/qmp/json-limits", test_json_limits);
    g_test_add_func("/monitor/qmp/id-echo", test_id_echo);
    g_test_add_func("/monitor/qmp/pretty", test_pretty);
    g_test_add_func("/monitor/qmp/oob-order", test_oob_order);
    g_test_add_func("/monitor/qmp/oob-disabled", test_oob_disabled);
    g_test_add_func("/monitor/qmp/queue-full", test_queue_full);
    g_test_add_func("/monitor/qmp/flow-one-at-a-time",
                    test_flow_one_at_a_time);
    g_test_add_func("/monitor/qmp/partial-writes", test_partial_writes);
    g_test_add_func("/monitor/qmp/output-limit", test_output_limit);
    g_test_add_func("/monitor/qmp/event-broadcast", test_event_broadcast);
    g_test_add_func("/monitor/qmp/disconnect-queued", test_disconnect_queued);
    g_test_add_func("/monitor/qmp/disconnect-in-write",
                    test_disconnect_in_write);
    g_test_add_func("/monitor/qmp/disconnect-in-oob", test_disconnect_in_oob);
    g_test_add_func("/monitor/qmp/no-text", test_no_text);
    return g_test_run();
}
