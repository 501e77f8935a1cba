/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-rtc-irq.c: mc146818rtc's interrupts on IRQ 8: periodic rates
 * and coalescing, update-ended once a second, alarms with don't-care bytes,
 * register C's flags and clear-on-read, no re-injection, the host's clock
 * being set, and what is logged as unimplemented. The host clock is
 * stopped and stepped by hand: nothing here sleeps.
 */
#include "osdep.h"

#include <glib/gstdio.h>

#include "hw/rtc/mc146818rtc.h"
#include "util/log.h"
#include "test-isa-helpers.h"
#include "test-isa-rtc.h"

#define NS_PER_MS 1000000

/*
 * Run the clock @ns further in steps of @step_ns, acknowledging each
 * interrupt as a guest's handler does: register C, which must read @flags,
 * lowers the line. Returns how many interrupts came.
 */
static unsigned run_acking(int64_t ns, int64_t step_ns, uint8_t flags)
{
    unsigned count = 0;
    int64_t t;

    for (t = 0; t < ns; t += step_ns) {
        rtc_test_step_ns(step_ns);
        if (isa_test_level[RTC_IRQ]) {
            g_assert_cmphex(cmos_read(0x0c), ==, flags);
            g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 0);
            count++;
        }
    }
    return count;
}

/* Interrupts a second at each rate; above 1024 Hz they are coalesced. */
static void test_periodic_rates(void)
{
    static const struct {
        uint8_t rate;
        unsigned per_second;
    } rates[] = {
        { 1, 256 }, { 2, 128 }, { 3, 1024 }, { 4, 1024 }, { 5, 1024 },
        { 6, 1024 }, { 7, 512 }, { 8, 256 }, { 9, 128 }, { 12, 16 },
        { 15, 2 }, { 0, 0 },
    };
    size_t i;

    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    /* SET stops updates (no UF) but not the divider's periodic flag. */
    cmos_write(0x0b, 0xc2);
    for (i = 0; i < G_N_ELEMENTS(rates); i++) {
        cmos_write(0x0a, 0x20 | rates[i].rate);
        g_assert_cmpuint(run_acking(NANOSECONDS_PER_SECOND, 100000, 0xc0),
                         ==, rates[i].per_second);
    }
    isa_test_bus_free();
}

/* PF is set without PIE; the line follows PF and PIE together. */
static void test_periodic_flag(void)
{
    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    rtc_test_step_ns(976562);               /* 31.99 of the 32 ticks */
    g_assert_cmphex(cmos_read(0x0c), ==, 0x00);
    rtc_test_step_ns(1);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x40);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x00);     /* cleared by the read */
    rtc_test_step_ms(1);
    g_assert_cmpuint(isa_test_raised[RTC_IRQ], ==, 0);
    /* Enabling PIE with PF set raises the line at once... */
    cmos_write(0x0b, 0x42);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 1);
    /* ...disabling it lowers it; PF stays. */
    cmos_write(0x0b, 0x02);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 0);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x40);
    isa_test_bus_free();
}

/* Periods the guest did not acknowledge in time are lost, not queued. */
static void test_periodic_no_reinjection(void)
{
    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    cmos_write(0x0b, 0x42);
    rtc_test_step_ms(500);
    g_assert_cmpuint(isa_test_raised[RTC_IRQ], ==, 1);
    g_assert_cmphex(cmos_read(0x0c), ==, 0xc0);
    g_assert_cmpuint(run_acking(10 * NS_PER_MS, 100000, 0xc0), ==, 10);
    g_assert_cmpuint(isa_test_raised[RTC_IRQ], ==, 11);
    isa_test_bus_free();
}

static void test_update_ended(void)
{
    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    cmos_write(0x0a, 0x20);                 /* no periodic flag */
    cmos_write(0x0b, 0x12);
    rtc_test_step_ms(999);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 0);
    rtc_test_step_ms(1);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 1);
    g_assert_cmphex(cmos_read(0x00), ==, 0x10);
    /* Unacknowledged, the line stays up and nothing more comes. */
    rtc_test_step_ms(5000);
    g_assert_cmpuint(isa_test_raised[RTC_IRQ], ==, 1);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x90);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 0);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x00);
    /* Once a second, at the update. */
    g_assert_cmpuint(run_acking(10 * NANOSECONDS_PER_SECOND, 10 * NS_PER_MS,
                                0x90), ==, 10);
    g_assert_cmphex(cmos_read(0x00), ==, 0x25);
    /* SET stops updates: no UF. */
    cmos_write(0x0b, 0x92);
    rtc_test_step_ms(3000);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x00);
    isa_test_bus_free();
}

/* Set the clock to 12:34:56 in BCD, 24 hours, at a second's start. */
static void set_time_123456(void)
{
    cmos_write(0x0b, 0x82);
    cmos_write(0x04, 0x12);
    cmos_write(0x02, 0x34);
    cmos_write(0x00, 0x56);
    cmos_write(0x0b, 0x02);
}

static void set_alarm(uint8_t hours, uint8_t minutes, uint8_t seconds)
{
    cmos_write(0x05, hours);
    cmos_write(0x03, minutes);
    cmos_write(0x01, seconds);
}

static void test_alarm(void)
{
    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    cmos_write(0x0a, 0x20);
    set_time_123456();
    set_alarm(0x12, 0x34, 0x58);
    cmos_write(0x0b, 0x22);                 /* AIE */
    rtc_test_step_ms(1000);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 0);
    rtc_test_step_ms(1000);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 1);
    g_assert_cmphex(cmos_read(0x0c), ==, 0xb0);     /* IRQF, AF, UF */
    /* Once a day: not again in the next hour. */
    g_assert_cmpuint(run_acking(3600 * NANOSECONDS_PER_SECOND,
                                NANOSECONDS_PER_SECOND, 0xb0), ==, 0);
    /* 13:34:58. Don't-care hours and minutes: every minute at :00. */
    set_alarm(0xc0, 0xff, 0x00);
    g_assert_cmpuint(run_acking(600 * NANOSECONDS_PER_SECOND,
                                100 * NS_PER_MS, 0xb0), ==, 10);
    /* All three don't care: every second. */
    set_alarm(0xff, 0xc5, 0xd0);
    g_assert_cmpuint(run_acking(5 * NANOSECONDS_PER_SECOND,
                                100 * NS_PER_MS, 0xb0), ==, 5);
    isa_test_bus_free();
}

/* In 12-hour mode the alarm's hour carries the PM bit as the clock's. */
static void test_alarm_12h(void)
{
    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    cmos_write(0x0a, 0x20);
    set_time_123456();
    cmos_write(0x0b, 0x20);                 /* AIE, BCD, 12 hours */
    set_alarm(0x01, 0x00, 0x00);            /* 1 AM: not today */
    g_assert_cmpuint(run_acking(1800 * NANOSECONDS_PER_SECOND,
                                NANOSECONDS_PER_SECOND, 0xb0), ==, 0);
    set_alarm(0x81, 0x15, 0x00);            /* 1:15 PM */
    g_assert_cmpuint(run_acking(1800 * NANOSECONDS_PER_SECOND,
                                NANOSECONDS_PER_SECOND, 0xb0), ==, 1);
    isa_test_bus_free();
}

/* Without AIE the alarm still sets AF, found when C is read. */
static void test_alarm_flag(void)
{
    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    cmos_write(0x0a, 0x20);
    set_time_123456();
    set_alarm(0x00, 0x00, 0x00);            /* midnight */
    rtc_test_step_ms(1000);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x10);
    /* Three days unread: the alarm came, the line never rose. */
    rtc_test_step_ms(3 * 86400 * 1000);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x30);
    /* A value no time has (60 seconds) never matches. */
    set_alarm(0x00, 0x00, 0x60);
    rtc_test_step_ms(2 * 86400 * 1000);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x10);
    g_assert_cmpuint(isa_test_raised[RTC_IRQ], ==, 0);
    isa_test_bus_free();
}

/* The guest's clock follows the host's when it is set, even backwards. */
static void test_host_clock_set(void)
{
    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    cmos_write(0x0a, 0x20);
    cmos_write(0x0b, 0x12);
    rtc_test_step_ms(500);
    qemu_clock_set_manual(QEMU_CLOCK_HOST,
                          (RTC_TEST_T0 - 3600) * NANOSECONDS_PER_SECOND +
                          500 * NS_PER_MS);
    /*
     * Untouched by the guest, the timer still wakes at the new time's next
     * second, not an hour away.
     */
    rtc_test_step_ms(499);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 0);
    rtc_test_step_ms(1);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 1);
    g_assert_cmphex(cmos_read(0x04), ==, 0x12);     /* 12:05:10 */
    g_assert_cmphex(cmos_read(0x02), ==, 0x05);
    g_assert_cmphex(cmos_read(0x00), ==, 0x10);
    isa_test_bus_free();
}

static void test_unimplemented(void)
{
    g_autofree char *dir = g_dir_make_tmp("kvmini-rtc-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "log", NULL);
    g_autofree char *text = NULL;

    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    log_set_mask(LOG_UNIMP);
    g_assert_true(log_set_file(path, &error_abort));
    cmos_write(0x0b, 0x72);                 /* PIE, AIE, UIE: implemented */
    cmos_write(0x0b, 0x0a);
    cmos_write(0x0b, 0x03);
    log_close();
    log_set_mask(0);
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==,
                    "mc146818rtc: square-wave output not supported\n"
                    "mc146818rtc: daylight saving not supported\n");
    isa_test_bus_free();
    g_unlink(path);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/isa/rtc-irq/periodic-rates", test_periodic_rates);
    g_test_add_func("/isa/rtc-irq/periodic-flag", test_periodic_flag);
    g_test_add_func("/isa/rtc-irq/periodic-no-reinjection",
                    test_periodic_no_reinjection);
    g_test_add_func("/isa/rtc-irq/update-ended", test_update_ended);
    g_test_add_func("/isa/rtc-irq/alarm", test_alarm);
    g_test_add_func("/isa/rtc-irq/alarm-12h", test_alarm_12h);
    g_test_add_func("/isa/rtc-irq/alarm-flag", test_alarm_flag);
    g_test_add_func("/isa/rtc-irq/host-clock-set", test_host_clock_set);
    g_test_add_func("/isa/rtc-irq/unimplemented", test_unimplemented);
    return g_test_run();
}
