/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-test-dispatch.h: run QMP requests through this process's command
 * table with qmp_dispatch(), as a QMP monitor would, and compare the
 * responses as JSON text. For test programs only.
 */
#ifndef TESTS_QMP_TEST_DISPATCH_H
#define TESTS_QMP_TEST_DISPATCH_H

#include "monitor/qmp-cmds.h"
#include "qobject/qjson.h"
#include "util/error.h"

/* Dispatch @json; return the response as JSON text (caller frees). */
static inline char *qmp(const char *json)
{
    g_autoptr(QObject) request = qobject_from_json(json, &error_abort);
    g_autoptr(QDict) response = NULL;
    g_autoptr(GString) text = NULL;

    response = qmp_dispatch(monitor_qmp_commands(), request, false, false);
    text = qobject_to_json(QOBJECT(response));
    return g_strdup(text->str);
}

/* Dispatch @request and check that the response is @response. */
static inline void check_qmp(const char *request, const char *response)
{
    g_autofree char *got = qmp(request);

    g_assert_cmpstr(got, ==, response);
}

#endif /* TESTS_QMP_TEST_DISPATCH_H */
