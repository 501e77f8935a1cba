/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qapi-gen-events.c: the event code the QAPI compiler generates for
 * tests/qapi-schema/qapi-schema-test.json: qapi_event_send_FOO() builds
 * the message and hands it to test_qapi_event_emit(), defined here as the
 * monitor would, which records it.
 */
#include "osdep.h"

#include "qobject/qjson.h"
#include "qobject/qnum.h"
#include "test-qapi-emit-events.h"
#include "test-qapi-events.h"

static test_QAPIEvent last_event = TEST_QAPI_EVENT__MAX;
static QDict *last_message;

void test_qapi_event_emit(test_QAPIEvent event, QDict *qdict)
{
    last_event = event;
    qobject_unref(last_message);
    last_message = qobject_ref(qdict);
}

/*
 * The last message was event @event with "data" @data (JSON, or NULL for
 * none) and a current timestamp.
 */
static void check_message(test_QAPIEvent event, const char *name,
                          const char *data)
{
    QDict *ts = qdict_get_qdict(last_message, "timestamp");
    int64_t now = g_get_real_time() / G_USEC_PER_SEC;
    g_autoptr(GString) json = NULL;

    g_assert_cmpint(last_event, ==, event);
    g_assert_cmpstr(qdict_get_str(last_message, "event"), ==, name);
    g_assert_nonnull(ts);
    g_assert_cmpuint(qdict_size(ts), ==, 2);
    g_assert_cmpint(qdict_get_int(ts, "seconds"), <=, now);
    g_assert_cmpint(qdict_get_int(ts, "seconds"), >=, now - 60);
    g_assert_cmpint(qdict_get_int(ts, "microseconds"), >=, 0);
    g_assert_cmpint(qdict_get_int(ts, "microseconds"), <, 1000000);
    g_assert_cmpuint(qdict_size(last_message), ==, data ? 3 : 2);
    if (data) {
        json = qobject_to_json(qdict_get(last_message, "data"));
        g_assert_cmpstr(json->str, ==, data);
    }
    qobject_unref(last_message);
    last_message = NULL;
}

static void test_no_data(void)
{
    qapi_event_send_event_no_data();
    check_message(TEST_QAPI_EVENT_EVENT_NO_DATA, "EVENT_NO_DATA", NULL);
    qapi_event_send_event_features();
    check_message(TEST_QAPI_EVENT_EVENT_FEATURES, "EVENT_FEATURES", NULL);
    qapi_event_send_event_if();
    check_message(TEST_QAPI_EVENT_EVENT_IF, "EVENT_IF", NULL);
}

static void test_data(void)
{
    Nested obj = { .value = 2, .text = (char *)"t" };

    qapi_event_send_event_data(1, "x", true, COLOR_BLUE, &obj);
    check_message(TEST_QAPI_EVENT_EVENT_DATA, "EVENT_DATA",
                  "{\"i\": 1, \"s\": \"x\", \"color\": \"blue\", "
                  "\"obj\": {\"value\": 2, \"text\": \"t\"}}");
    /* Absent optional members are left out. */
    qapi_event_send_event_data(5, NULL, false, COLOR_RED, NULL);
    check_message(TEST_QAPI_EVENT_EVENT_DATA, "EVENT_DATA", "{\"i\": 5}");
    qapi_event_send_event_named(3, "named");
    check_message(TEST_QAPI_EVENT_EVENT_NAMED, "EVENT_NAMED",
                  "{\"value\": 3, \"text\": \"named\"}");
    qapi_event_send_sub_event(SUB_ENUM_SUB_TWO);
    check_message(TEST_QAPI_EVENT_SUB_EVENT, "SUB_EVENT",
                  "{\"kind\": \"sub-two\"}");
}

static void test_boxed(void)
{
    Shape shape = {
        .kind = SHAPE_KIND_RECT,
        .name = (char *)"box",
        .u.rect = { .width = 4, .height = 3 },
    };

    qapi_event_send_event_boxed(&shape);
    check_message(TEST_QAPI_EVENT_EVENT_BOXED, "EVENT_BOXED",
                  "{\"kind\": \"rect\", \"name\": \"box\", \"width\": 4, "
                  "\"height\": 3}");
}

static void test_lookup(void)
{
    /* EVENT_NEVER's condition is false: it is not in the enum. */
    g_assert_cmpint(TEST_QAPI_EVENT__MAX, ==, 7);
    g_assert_cmpint(test_QAPIEvent_lookup.size, ==, TEST_QAPI_EVENT__MAX);
    g_assert_cmpstr(test_QAPIEvent_str(TEST_QAPI_EVENT_SUB_EVENT), ==,
                    "SUB_EVENT");
    g_assert_cmpstr(test_QAPIEvent_str(TEST_QAPI_EVENT_EVENT_IF), ==,
                    "EVENT_IF");
    g_assert_nonnull(test_QAPIEvent_lookup.special_features);
    g_assert_cmpuint(test_QAPIEvent_lookup.special_features[
                         TEST_QAPI_EVENT_EVENT_FEATURES], ==,
                     1u << QAPI_DEPRECATED);
    g_assert_cmpuint(test_QAPIEvent_lookup.special_features[
                         TEST_QAPI_EVENT_EVENT_DATA], ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi-gen/events/no-data", test_no_data);
    g_test_add_func("/qapi-gen/events/data", test_data);
    g_test_add_func("/qapi-gen/events/boxed", test_boxed);
    g_test_add_func("/qapi-gen/events/lookup", test_lookup);
    return g_test_run();
}
