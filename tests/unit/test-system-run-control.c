/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-system-run-control.c: stop, cont, system_reset, system_powerdown
 * and quit through qmp_dispatch(), the events a client sees, -no-shutdown,
 * -no-reboot, reset handlers, and signals. Each case runs in a fresh
 * subprocess: the run state is process-wide.
 */
#include "osdep.h"

#include <signal.h>

#include "capture.h"
#include "event-recorder.h"
#include "monitor/qmp-cmds.h"
#include "qobject/qjson.h"
#include "system/accel-info.h"
#include "system/run-control.h"
#include "system/runstate.h"
#include "system/vm-state.h"
#include "util/error.h"
#include "util/main-loop.h"

/* Dispatch @json; return the response as JSON text (caller frees). */
static char *qmp(const char *json)
{
    g_autoptr(QObject) request = qobject_from_json(json, &error_abort);
    g_autoptr(QDict) response = NULL;
    g_autoptr(GString) text = NULL;

    response = qmp_dispatch(monitor_qmp_commands(), request, false, false);
    text = qobject_to_json(QOBJECT(response));
    return g_strdup(text->str);
}

static void check_qmp(const char *request, const char *response)
{
    g_autofree char *got = qmp(request);

    g_assert_cmpstr(got, ==, response);
}

static void check_events(const char *expected)
{
    g_autofree char *got = events_take();

    g_assert_cmpstr(got, ==, expected);
}

/* Carry out pending requests as the main loop would; returns "exit?" */
static bool poll_requests(int *status)
{
    int dummy;

    return run_control_poll(status ? status : &dummy);
}

static const char *status_str(void)
{
    return RunState_str(runstate_get());
}

/* Run @body in a subprocess, so that each case starts from prelaunch. */
#define IN_SUBPROCESS(body)                             \
    do {                                                \
        if (g_test_subprocess()) {                      \
            events_start();                             \
            body();                                     \
            events_stop();                              \
            return;                                     \
        }                                               \
        g_test_trap_subprocess(NULL, 0, 0);             \
        g_test_trap_assert_passed();                    \
    } while (0)

static void stop_cont_body(void)
{
    g_assert_cmpstr(status_str(), ==, "prelaunch");
    check_qmp("{'execute': 'stop'}", "{\"return\": {}}");
    check_events("");
    g_assert_cmpstr(status_str(), ==, "prelaunch");

    check_qmp("{'execute': 'cont'}", "{\"return\": {}}");
    check_events("RESUME");
    g_assert_cmpstr(status_str(), ==, "running");
    check_qmp("{'execute': 'cont'}", "{\"return\": {}}");
    check_events("");

    check_qmp("{'execute': 'stop'}", "{\"return\": {}}");
    check_events("STOP");
    g_assert_cmpstr(status_str(), ==, "paused");
    check_qmp("{'execute': 'stop'}", "{\"return\": {}}");
    check_events("");

    check_qmp("{'execute': 'cont', 'id': 7}", "{\"return\": {}, \"id\": 7}");
    check_events("RESUME");
}

static void test_stop_cont(void)
{
    IN_SUBPROCESS(stop_cont_body);
}

static int reset_count;

static void count_reset(void *opaque)
{
    g_assert(opaque == &reset_count);
    reset_count++;
}

static void reset_body(void)
{
    run_control_register_reset(count_reset, &reset_count);
    vm_start();
    check_events("RESUME");

    check_qmp("{'execute': 'system_reset'}", "{\"return\": {}}");
    check_events("");   /* nothing happens before the main loop runs */
    g_assert_false(poll_requests(NULL));
    check_events("RESET {\"guest\": false, \"reason\": \"host-qmp-system-reset\"}");
    g_assert_cmpint(reset_count, ==, 1);
    g_assert_cmpstr(status_str(), ==, "running");

    /* A stopped VM comes out of reset in prelaunch, like QEMU's. */
    vm_stop(RUN_STATE_PAUSED);
    check_events("STOP");
    run_control_request_reset(SHUTDOWN_CAUSE_GUEST_RESET);
    g_assert_false(poll_requests(NULL));
    check_events("RESET {\"guest\": true, \"reason\": \"guest-reset\"}");
    g_assert_cmpstr(status_str(), ==, "prelaunch");

    run_control_unregister_reset(count_reset, &reset_count);
    run_control_request_reset(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    g_assert_false(poll_requests(NULL));
    g_assert_cmpint(reset_count, ==, 2);
}

static void test_reset(void)
{
    IN_SUBPROCESS(reset_body);
}

static void quit_body(void)
{
    int status = -1;

    vm_start();
    check_events("RESUME");
    check_qmp("{'execute': 'quit'}", "{\"return\": {}}");
    g_assert_true(poll_requests(&status));
    g_assert_cmpint(status, ==, 0);
    check_events("SHUTDOWN {\"guest\": false, \"reason\": \"host-qmp-quit\"}");
}

static void test_quit(void)
{
    IN_SUBPROCESS(quit_body);
}

static void no_shutdown_body(void)
{
    int status = -1;

    run_control_set_no_shutdown(true);
    vm_start();
    check_events("RESUME");
    run_control_request_shutdown(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
    g_assert_false(poll_requests(&status));
    check_events("SHUTDOWN {\"guest\": true, \"reason\": \"guest-shutdown\"}; STOP");
    g_assert_cmpstr(status_str(), ==, "shutdown");

    check_qmp("{'execute': 'cont'}",
              "{\"error\": {\"class\": \"GenericError\", "
              "\"desc\": \"Resetting the Virtual Machine is required\"}}");
    g_assert_cmpstr(status_str(), ==, "shutdown");

    /* "quit" exits even with -no-shutdown. */
    check_qmp("{'execute': 'quit'}", "{\"return\": {}}");
    g_assert_true(poll_requests(&status));
    check_events("SHUTDOWN {\"guest\": false, \"reason\": \"host-qmp-quit\"}");
}

static void test_no_shutdown(void)
{
    IN_SUBPROCESS(no_shutdown_body);
}

static void no_reboot_body(void)
{
    run_control_set_no_reboot(true);
    vm_start();
    check_events("RESUME");
    check_qmp("{'execute': 'system_reset'}", "{\"return\": {}}");
    g_assert_true(poll_requests(NULL));
    check_events("SHUTDOWN {\"guest\": false, \"reason\": \"host-qmp-system-reset\"}");
}

static void test_no_reboot(void)
{
    IN_SUBPROCESS(no_reboot_body);
}

static void shutdown_status_body(void)
{
    int status = -1;

    /* The first request decides the exit status. */
    run_control_request_shutdown_status(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 3);
    run_control_request_shutdown(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    g_assert_true(poll_requests(&status));
    g_assert_cmpint(status, ==, 3);
    check_events("SHUTDOWN {\"guest\": true, \"reason\": \"guest-shutdown\"}");
}

static void test_shutdown_status(void)
{
    IN_SUBPROCESS(shutdown_status_body);
}

static int powerdown_count;

static void count_powerdown(void *opaque)
{
    powerdown_count++;
}

static void powerdown_body(void)
{
    run_control_register_powerdown(count_powerdown, NULL);
    check_qmp("{'execute': 'system_powerdown'}", "{\"return\": {}}");
    g_assert_false(poll_requests(NULL));
    check_events("POWERDOWN");
    g_assert_cmpint(powerdown_count, ==, 1);
    g_assert_false(poll_requests(NULL));
    check_events("");
}

static void test_powerdown(void)
{
    IN_SUBPROCESS(powerdown_body);
}

static GString *changes;

static void record_change(void *opaque, bool running, RunState state)
{
    g_string_append_printf(changes, "%s:%s:%s ", (const char *)opaque,
                           running ? "run" : "stop", RunState_str(state));
}

static void change_handlers_body(void)
{
    VMChangeStateEntry *a, *b;

    changes = g_string_new(NULL);
    a = vm_change_state_add(record_change, "a");
    b = vm_change_state_add(record_change, "b");
    vm_start();
    vm_stop(RUN_STATE_PAUSED);
    vm_change_state_del(a);
    vm_start();
    vm_change_state_del(b);
    vm_stop(RUN_STATE_PAUSED);
    g_assert_cmpstr(changes->str, ==,
                    "a:run:running b:run:running a:stop:paused b:stop:paused "
                    "b:run:running ");
    g_string_free(changes, true);
    g_free(events_take());
}

static void test_change_handlers(void)
{
    IN_SUBPROCESS(change_handlers_body);
}

static void signal_body(void)
{
    g_autofree char *text = NULL;
    g_autofree char *expected = NULL;
    int status = -1;
    int i;

    main_loop_init();
    run_control_catch_signals();
    capture_start();
    kill(getpid(), SIGTERM);
    for (i = 0; i < 100 && !poll_requests(&status); i++) {
        main_loop_wait(true);
    }
    text = capture_stop();
    expected = g_strdup_printf("test-system-run-control: terminating on signal "
                               "15 from pid %d (test-system-run)\n", getpid());
    g_assert_cmpstr(text, ==, expected);
    check_events("SHUTDOWN {\"guest\": false, \"reason\": \"host-signal\"}");
}

/* Run the HMP @line through human-monitor-command; what it printed. */
static char *hmp(const char *line)
{
    g_autofree char *req = g_strdup_printf(
        "{'execute': 'human-monitor-command', 'arguments': "
        "{'command-line': '%s'}}", line);
    g_autofree char *rsp = qmp(req);
    g_autoptr(QObject) obj = qobject_from_json(rsp, &error_abort);

    return g_strdup(qdict_get_str(qobject_to(QDict, obj), "return"));
}

static void check_hmp(const char *line, const char *output)
{
    g_autofree char *got = hmp(line);

    g_assert_cmpstr(got, ==, output);
}

static void hmp_body(void)
{
    check_hmp("info kvm", accel_info_kvm_present() ? "kvm support: disabled\r\n"
                                                   : "kvm support: not present\r\n");
    check_hmp("info cpus", "");
    check_hmp("c", "");
    check_events("RESUME");
    check_hmp("stop", "");
    check_events("STOP");
    check_hmp("info status", "VM status: paused\r\n");
    check_hmp("cont", "");
    check_events("RESUME");
    check_hmp("system_reset", "");
    g_assert_false(poll_requests(NULL));
    check_events("RESET {\"guest\": false, \"reason\": \"host-qmp-system-reset\"}");
    check_hmp("system_powerdown", "");
    g_assert_false(poll_requests(NULL));
    check_events("POWERDOWN");

    run_control_set_no_shutdown(true);
    run_control_request_shutdown(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
    g_assert_false(poll_requests(NULL));
    check_events("SHUTDOWN {\"guest\": true, \"reason\": \"guest-shutdown\"}; STOP");
    check_hmp("c", "Error: Resetting the Virtual Machine is required\r\n");
    check_hmp("q", "");
    g_assert_true(poll_requests(NULL));
    check_events("SHUTDOWN {\"guest\": false, \"reason\": \"host-qmp-quit\"}");
}

static void test_hmp(void)
{
    IN_SUBPROCESS(hmp_body);
}

static void test_signal(void)
{
    IN_SUBPROCESS(signal_body);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/system/run-control/stop-cont", test_stop_cont);
    g_test_add_func("/system/run-control/reset", test_reset);
    g_test_add_func("/system/run-control/quit", test_quit);
    g_test_add_func("/system/run-control/no-shutdown", test_no_shutdown);
    g_test_add_func("/system/run-control/no-reboot", test_no_reboot);
    g_test_add_func("/system/run-control/shutdown-status", test_shutdown_status);
    g_test_add_func("/system/run-control/powerdown", test_powerdown);
    g_test_add_func("/system/run-control/change-handlers", test_change_handlers);
    g_test_add_func("/system/run-control/signal", test_signal);
    g_test_add_func("/system/run-control/hmp", test_hmp);
    return g_test_run();
}
