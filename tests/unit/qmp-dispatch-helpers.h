/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-dispatch-helpers.h: run QMP requests through the process command
 * table as a monitor would, and compare the exact JSON responses. For test
 * programs that link monitor_dep only.
 */
#ifndef TESTS_QMP_DISPATCH_HELPERS_H
#define TESTS_QMP_DISPATCH_HELPERS_H

#include "monitor/qmp-cmds.h"
#include "qobject/qjson.h"
#include "util/error.h"

/* Dispatch the JSON request @json; the response as JSON text (new string). */
static inline char *qmp_test_dispatch(const char *json)
{
    g_autoptr(QObject) request = qobject_from_json(json, &error_abort);
    g_autoptr(QDict) response = NULL;
    g_autoptr(GString) text = NULL;

    response = qmp_dispatch(monitor_qmp_commands(), request, false, false);
    g_assert_nonnull(response);
    text = qobject_to_json(QOBJECT(response));
    return g_strdup(text->str);
}

/* Assert that the response to @request is exactly @expected. */
#define check_response(request, expected) do {                         \
        g_autofree char *response_ = qmp_test_dispatch(request);        \
        g_assert_cmpstr(response_, ==, (expected));                     \
    } while (0)

#endif /* TESTS_QMP_DISPATCH_HELPERS_H */
