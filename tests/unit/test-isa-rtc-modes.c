/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-rtc-modes.c: -rtc as machine-option.c parses it (the exact
 * errors), the mc146818rtc's base (utc, localtime, a date) and clock (host,
 * rt, vm), and RTC_CHANGE as a QMP client receives it, one a second at
 * most. The host and monotonic clocks are stopped and stepped by hand.
 */
#include "osdep.h"

#include "event-recorder.h"
#include "hw/machine-option.h"
#include "hw/rtc/mc146818rtc.h"
#include "system/vm-state.h"
#include "test-isa-helpers.h"
#include "test-isa-rtc.h"

#define NS_PER_SEC NANOSECONDS_PER_SECOND

/* 2006-06-17 16:01:21 UTC and 2006-06-17 00:00:00 UTC. */
#define DATE_TIME 1150560081
#define DATE_DAY 1150502400

/* -rtc @arg, merged over the earlier ones of this test. */
static void rtc_option(const char *arg)
{
    bool help;

    g_assert_true(machine_option_rtc(arg, &help, &error_abort));
    g_assert_false(help);
}

/*
 * Stop the host clock at RTC_TEST_T0 and the monotonic clock, apply the
 * -rtc options given so far and create an RTC counting years from 2000.
 */
static void modes_setup(void)
{
    qemu_clock_set_manual(QEMU_CLOCK_HOST, RTC_TEST_T0 * NS_PER_SEC);
    qemu_clock_set_manual(QEMU_CLOCK_REALTIME, 1000 * NS_PER_SEC);
    g_assert_true(machine_option_rtc_apply(&error_abort));
    isa_test_bus_new();
    isa_test_device_add("mc146818rtc,base_year=2000");
}

/* Free the RTC and go back to -rtc base=utc,clock=host. */
static void modes_teardown(void)
{
    isa_test_bus_free();
    g_assert_true(machine_option_rtc_apply(&error_abort));
}

static time_t shown(void)
{
    return rtc_read_time(from_bcd, 2000, true);
}

static void step_sec(QEMUClockType type, int64_t sec)
{
    qemu_clock_step(type, sec * NS_PER_SEC);
}

/* The guest sets the time it reads, as a clock program does: SET, clear. */
static void guest_resets_time(void)
{
    cmos_write(0x0b, 0x82);
    cmos_write(0x0b, 0x02);
}

/* Let RTC_CHANGE's throttle end its periods, sending what waits. */
static char *events_after_throttle(void)
{
    step_sec(QEMU_CLOCK_REALTIME, 1);
    step_sec(QEMU_CLOCK_REALTIME, 1);
    return events_take();
}

static void check_apply_error(const char *arg, const char *msg,
                              const char *hint)
{
    Error *err = NULL;

    rtc_option(arg);
    g_assert_false(machine_option_rtc_apply(&err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    g_assert_cmpstr(error_get_hint(err), ==, hint);
    error_free(err);
}

static void test_option_errors(void)
{
    static const char *const date_hint =
        "valid formats: '2006-06-17T16:01:21' or '2006-06-17'\n";
    Error *err = NULL;
    bool help;

    check_apply_error("base=foo", "invalid datetime format", date_hint);
    check_apply_error("base=2006-06", "invalid datetime format", date_hint);
    /* timegm()'s -1 is QEMU's failure too. */
    check_apply_error("base=1969-12-31T23:59:59", "invalid datetime format",
                      date_hint);
    check_apply_error("clock=bar", "invalid option value 'bar'", NULL);
    check_apply_error("driftfix=x", "invalid option value 'x'", NULL);
    check_apply_error("driftfix=slew", "driftfix 'slew' is not supported",
                      "kvmini's RTC does not re-inject lost ticks; use "
                      "driftfix=none.\n");
    /* Options merge: the last value of each key counts. */
    rtc_option("base=foo,clock=vm");
    rtc_option("base=localtime,driftfix=none");
    g_assert_true(machine_option_rtc_apply(&error_abort));

    g_assert_false(machine_option_rtc("foo=1", &help, &err));
    g_assert_false(help);
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'foo'");
    g_clear_pointer(&err, error_free);
    /* A key without a value is "on", as in QEMU. */
    check_apply_error("clock", "invalid option value 'on'", NULL);
}

/* By default the RTC shows the host's UTC and follows it when it is set. */
static void test_base_utc(void)
{
    modes_setup();
    g_assert_cmpint(shown(), ==, RTC_TEST_T0);
    qemu_clock_set_manual(QEMU_CLOCK_HOST, (RTC_TEST_T0 + 3600) * NS_PER_SEC);
    g_assert_cmpint(shown(), ==, RTC_TEST_T0 + 3600);
    modes_teardown();
}

/* base=localtime: the host's time in its zone (here UTC+2). */
static void test_base_localtime(void)
{
    g_autofree char *events = NULL;

    g_setenv("TZ", "XYZ-2", true);
    tzset();
    events_start();
    rtc_option("base=localtime");
    modes_setup();
    g_assert_cmpint(shown(), ==, RTC_TEST_T0 + 2 * 3600);
    /* The guest keeps its local time: no offset from the base. */
    guest_resets_time();
    events = events_after_throttle();
    g_assert_cmpstr(events, ==, "RTC_CHANGE {\"offset\": 0}");
    modes_teardown();
    events_stop();
    g_unsetenv("TZ");
    tzset();
}

/* base=DATE: the guest's clock starts at the date and runs on. */
static void test_base_date(void)
{
    g_autofree char *events = NULL;

    events_start();
    rtc_option("base=2006-06-17T16:01:21");
    modes_setup();
    g_assert_cmpint(shown(), ==, DATE_TIME);
    step_sec(QEMU_CLOCK_HOST, 3);
    g_assert_cmpint(shown(), ==, DATE_TIME + 3);
    /* RTC_CHANGE counts from the date, not from the host's time. */
    guest_resets_time();
    events = events_after_throttle();
    g_assert_cmpstr(events, ==, "RTC_CHANGE {\"offset\": 0}");
    modes_teardown();
    events_stop();

    rtc_option("base=2006-06-17");
    modes_setup();
    g_assert_cmpint(shown(), ==, DATE_DAY);
    modes_teardown();
    /* As in QEMU: a time that is not complete is not read. */
    rtc_option("base=2006-06-17T16:01");
    modes_setup();
    g_assert_cmpint(shown(), ==, DATE_DAY);
    modes_teardown();
}

/* clock=rt: the host's monotonic time; setting the host's time does not. */
static void test_clock_rt(void)
{
    rtc_option("clock=rt");
    modes_setup();
    g_assert_cmpint(shown(), ==, RTC_TEST_T0);
    qemu_clock_set_manual(QEMU_CLOCK_HOST, (RTC_TEST_T0 + 3600) * NS_PER_SEC);
    g_assert_cmpint(shown(), ==, RTC_TEST_T0);
    step_sec(QEMU_CLOCK_REALTIME, 2);
    g_assert_cmpint(shown(), ==, RTC_TEST_T0 + 2);
    /* The update interrupt comes from a monotonic timer. */
    cmos_write(0x0b, 0x12);
    step_sec(QEMU_CLOCK_REALTIME, 1);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 1);
    g_assert_cmphex(cmos_read(0x0c), ==, 0xd0);   /* IRQF, PF, UF */
    modes_teardown();
}

/* clock=vm: the guest's time stands still while the VM does not run. */
static void test_clock_vm(void)
{
    rtc_option("clock=vm");
    modes_setup();
    step_sec(QEMU_CLOCK_REALTIME, 5);
    g_assert_cmpint(shown(), ==, RTC_TEST_T0);
    vm_start();
    step_sec(QEMU_CLOCK_REALTIME, 2);
    g_assert_cmpint(shown(), ==, RTC_TEST_T0 + 2);
    cmos_write(0x0b, 0x12);
    step_sec(QEMU_CLOCK_REALTIME, 1);
    g_assert_cmphex(cmos_read(0x0c), ==, 0xd0);   /* IRQF, PF, UF */

    vm_stop(RUN_STATE_PAUSED);
    step_sec(QEMU_CLOCK_REALTIME, 10);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 0);
    g_assert_cmpint(shown(), ==, RTC_TEST_T0 + 3);
    vm_start();
    step_sec(QEMU_CLOCK_REALTIME, 1);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 1);
    g_assert_cmpint(shown(), ==, RTC_TEST_T0 + 4);
    vm_stop(RUN_STATE_PAUSED);
    modes_teardown();
}

/*
 * The guest setting its time sends RTC_CHANGE with its offset from the
 * host's; within a second of one, only the latest waits, for the end of
 * that second.
 */
static void test_rtc_change(void)
{
    g_autofree char *first = NULL;
    g_autofree char *later = NULL;
    g_autofree char *idle = NULL;
    g_autofree char *again = NULL;

    events_start();
    modes_setup();
    /* While SET holds the clock, writes send nothing; clearing SET does. */
    cmos_write(0x0b, 0x82);
    cmos_write(0x02, 0x06);                 /* 13:05:09 -> 13:06:09 */
    cmos_write(0x0b, 0x02);
    /* A running clock's field written: the same, throttled. */
    cmos_write(0x00, 0x19);                 /* +70 s */
    cmos_write(0x00, 0x29);                 /* +80 s, replaces +70 */
    first = events_take();
    g_assert_cmpstr(first, ==, "RTC_CHANGE {\"offset\": 60}");
    step_sec(QEMU_CLOCK_REALTIME, 1);
    later = events_take();
    g_assert_cmpstr(later, ==, "RTC_CHANGE {\"offset\": 80}");
    step_sec(QEMU_CLOCK_REALTIME, 1);
    idle = events_take();
    g_assert_cmpstr(idle, ==, "");
    /* A second without any: the next goes out at once. */
    cmos_write(0x04, 0x12);                 /* an hour back: +80 - 3600 */
    again = events_take();
    g_assert_cmpstr(again, ==, "RTC_CHANGE {\"offset\": -3520}");
    g_assert_cmpint(shown(), ==, RTC_TEST_T0 - 3520);
    g_free(events_after_throttle());
    modes_teardown();
    events_stop();
}

/*
 * Linux sets the time with SET and the divider held in reset (A = 0x7x),
 * clears SET, then starts the divider: that last write sends the event.
 */
static void test_rtc_change_linux(void)
{
    g_autofree char *held = NULL;
    g_autofree char *started = NULL;

    events_start();
    modes_setup();
    cmos_write(0x0b, 0x82);
    cmos_write(0x0a, 0x76);
    cmos_write(0x04, 0x15);                 /* 13:05:09 -> 15:05:09 */
    cmos_write(0x0b, 0x02);
    held = events_take();
    g_assert_cmpstr(held, ==, "");
    cmos_write(0x0a, 0x26);
    started = events_take();
    g_assert_cmpstr(started, ==, "RTC_CHANGE {\"offset\": 7200}");
    g_free(events_after_throttle());
    modes_teardown();
    events_stop();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qemu_add_opts(&qemu_device_opts);
    g_test_add_func("/isa/rtc-modes/option-errors", test_option_errors);
    g_test_add_func("/isa/rtc-modes/base-utc", test_base_utc);
    g_test_add_func("/isa/rtc-modes/base-localtime", test_base_localtime);
    g_test_add_func("/isa/rtc-modes/base-date", test_base_date);
    g_test_add_func("/isa/rtc-modes/clock-rt", test_clock_rt);
    g_test_add_func("/isa/rtc-modes/clock-vm", test_clock_vm);
    g_test_add_func("/isa/rtc-modes/rtc-change", test_rtc_change);
    g_test_add_func("/isa/rtc-modes/rtc-change-linux", test_rtc_change_linux);
    return g_test_run();
}
