/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-rtc.c: mc146818rtc through ports 0x70/0x71: the host's time,
 * BCD and binary, 12 and 24 hours, setting the time, registers A-D, UIP,
 * the divider, and the CMOS bytes board code sets. The host clock is
 * stopped and stepped by hand (util/timer.h) except in host-time.
 */
#include "osdep.h"

#include <time.h>

#include "hw/rtc/mc146818rtc.h"
#include "util/timer.h"
#include "test-isa-helpers.h"
#include "test-isa-rtc.h"

static ISADevice *setup(const char *optarg)
{
    isa_test_bus_new();
    return ISA_DEVICE(isa_test_device_add(optarg));
}

/* The clock tells the host's time, read between @before and after. */
static void check_host_time(int (*conv)(uint8_t), int base_year, bool h24)
{
    time_t before = time(NULL);
    time_t shown = rtc_read_time(conv, base_year, h24);
    time_t after = time(NULL);
    struct tm tm;

    g_assert_cmpint(shown, >=, before);
    g_assert_cmpint(shown, <=, after);
    gmtime_r(&shown, &tm);
    g_assert_cmpint(conv(cmos_read(0x06)), ==, tm.tm_wday + 1);
}

/* Without a manual clock the RTC shows the host's time. */
static void test_host_time(void)
{
    time_t now = time(NULL);
    struct tm tm;

    qemu_clock_set_real(QEMU_CLOCK_HOST);
    setup("mc146818rtc,base_year=2000");
    check_host_time(from_bcd, 2000, true);
    /* As on QEMU's pc: years from 2000, century byte 0. */
    gmtime_r(&now, &tm);
    g_assert_cmpint(from_bcd(cmos_read(0x09)), ==, tm.tm_year % 100);
    g_assert_cmphex(cmos_read(0x32), ==, 0x00);
    isa_test_bus_free();
}

/* 2026-11-28 13:05:09 UTC, a Saturday, in each format of register B. */
static void test_formats(void)
{
    static const struct {
        uint8_t reg_b, sec, min, hour, wday, mday, mon, year;
    } formats[] = {
        { 0x02, 0x09, 0x05, 0x13, 0x07, 0x28, 0x11, 0x46 },  /* BCD, 24 h */
        { 0x00, 0x09, 0x05, 0x81, 0x07, 0x28, 0x11, 0x46 },  /* BCD, 12 h */
        { 0x06, 9, 5, 13, 7, 28, 11, 46 },                  /* binary, 24 h */
        { 0x04, 9, 5, 0x81, 7, 28, 11, 46 },                /* binary, 12 h */
    };
    size_t i;

    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    for (i = 0; i < G_N_ELEMENTS(formats); i++) {
        cmos_write(0x0b, formats[i].reg_b);
        g_assert_cmphex(cmos_read(0x0b), ==, formats[i].reg_b);
        g_assert_cmphex(cmos_read(0x00), ==, formats[i].sec);
        g_assert_cmphex(cmos_read(0x02), ==, formats[i].min);
        g_assert_cmphex(cmos_read(0x04), ==, formats[i].hour);
        g_assert_cmphex(cmos_read(0x06), ==, formats[i].wday);
        g_assert_cmphex(cmos_read(0x07), ==, formats[i].mday);
        g_assert_cmphex(cmos_read(0x08), ==, formats[i].mon);
        g_assert_cmphex(cmos_read(0x09), ==, formats[i].year);  /* 1980 + */
        g_assert_cmphex(cmos_read(0x32), ==, 0x00);
    }
    /* Midnight and noon in 12 hours: 12 AM and 12 PM. */
    rtc_test_step_ms((24 - 13) * 3600 * 1000);
    g_assert_cmphex(cmos_read(0x04), ==, 12);
    rtc_test_step_ms(12 * 3600 * 1000);
    g_assert_cmphex(cmos_read(0x04), ==, 0x80 | 12);
    isa_test_bus_free();
}

/* The time as the BCD 24-hour registers show it, seconds since the epoch. */
static time_t rtc_time_now(int base_year)
{
    return rtc_read_time_once(from_bcd, base_year, true);
}

static void test_set_time(void)
{
    rtc_test_setup("mc146818rtc,base_year=2000", RTC_TEST_T0);
    rtc_test_step_ms(300);
    cmos_write(0x0b, 0x82);                 /* SET: updates stop */
    cmos_write(0x00, 0x56);
    cmos_write(0x02, 0x34);
    cmos_write(0x04, 0x12);
    cmos_write(0x07, 0x31);
    cmos_write(0x08, 0x12);
    cmos_write(0x09, 0x99);
    rtc_test_step_ms(5000);
    g_assert_cmphex(cmos_read(0x00), ==, 0x56);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x40);   /* PF only: no update */
    cmos_write(0x0b, 0x02);                 /* the clock runs from there */
    g_assert_cmpint(rtc_time_now(2000), ==, 4102403696);
    /* The divider kept its phase: the next update is 700 ms away. */
    rtc_test_step_ms(699);
    g_assert_cmpint(rtc_time_now(2000), ==, 4102403696);
    rtc_test_step_ms(1);
    g_assert_cmpint(rtc_time_now(2000), ==, 4102403697);
    /* A field written while the clock runs: the others run on. */
    cmos_write(0x04, 0x05);
    g_assert_cmpint(rtc_time_now(2000), ==, 4102403697 - 7 * 3600);
    rtc_test_step_ms(1000);
    g_assert_cmpint(rtc_time_now(2000), ==, 4102403698 - 7 * 3600);
    /* A reset keeps the time, as the battery does. */
    qdev_reset_all(NULL);
    g_assert_cmpint(rtc_time_now(2000), ==, 4102403698 - 7 * 3600);
    isa_test_bus_free();
}

static void test_registers(void)
{
    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    g_assert_cmphex(cmos_read(0x0a), ==, 0x26);
    g_assert_cmphex(cmos_read(0x0b), ==, 0x02);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x00);
    g_assert_cmphex(cmos_read(0x0d), ==, 0x80);
    /* C and D are read-only; bit 7 of the index only masks NMI. */
    cmos_write(0x0d, 0x00);
    g_assert_cmphex(cmos_read(0x8d), ==, 0x80);
    cmos_write(0x0c, 0xff);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x00);
    /* UIP is read-only. */
    cmos_write(0x0a, 0xa5);
    g_assert_cmphex(cmos_read(0x0a), ==, 0x25);
    /* Setting SET clears UIE. */
    cmos_write(0x0b, 0x92);
    g_assert_cmphex(cmos_read(0x0b), ==, 0x82);
    cmos_write(0x0b, 0x7f);
    g_assert_cmphex(cmos_read(0x0b), ==, 0x7f);
    /* Reset clears PIE, AIE, UIE and SQWE, keeps DM, 24h and DSE. */
    qdev_reset_all(NULL);
    g_assert_cmphex(cmos_read(0x0b), ==, 0x07);
    g_assert_cmphex(cmos_read(0x0a), ==, 0x25);
    /* The index register reads as all ones. */
    g_assert_cmphex(isa_inb(0x70), ==, 0xff);
    isa_test_bus_free();
}

/* UIP is set in the last 8/32768 s (244.14 us) before each update. */
static void test_uip(void)
{
    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    rtc_test_step_ns(999755859);            /* 32759.99 ticks */
    g_assert_cmphex(cmos_read(0x0a), ==, 0x26);
    g_assert_cmphex(cmos_read(0x00), ==, 0x09);
    rtc_test_step_ns(1);                    /* 32760 ticks */
    g_assert_cmphex(cmos_read(0x0a), ==, 0xa6);
    g_assert_cmphex(cmos_read(0x00), ==, 0x09);
    rtc_test_step_ns(244140);
    g_assert_cmphex(cmos_read(0x0a), ==, 0x26);
    g_assert_cmphex(cmos_read(0x00), ==, 0x10);
    /* Never while SET holds the registers. */
    cmos_write(0x0b, 0x82);
    rtc_test_step_ns(999900000);
    g_assert_cmphex(cmos_read(0x0a), ==, 0x26);
    isa_test_bus_free();
}

/*
 * Divider settings other than 010 stop the clock; out of reset (11x) the
 * first update comes 500 ms later.
 */
static void test_divider(void)
{
    static const uint8_t stopped[] = { 0x70, 0x60, 0x00, 0x10, 0x30, 0x40 };
    size_t i;

    rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    for (i = 0; i < G_N_ELEMENTS(stopped); i++) {
        cmos_write(0x0a, stopped[i] | 0x06);
        rtc_test_step_ms(2999);
        g_assert_cmphex(cmos_read(0x00), ==, 0x09);
        g_assert_cmphex(cmos_read(0x0c), ==, 0x00);   /* no PF, no UF */
    }
    cmos_write(0x0a, 0x26);
    rtc_test_step_ms(499);
    g_assert_cmphex(cmos_read(0x00), ==, 0x09);
    rtc_test_step_ms(1);
    g_assert_cmphex(cmos_read(0x00), ==, 0x10);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x50);       /* PF, UF */
    isa_test_bus_free();
}

static void test_cmos(void)
{
    ISADevice *rtc = rtc_test_setup("mc146818rtc", RTC_TEST_T0);
    static const uint8_t expected[][2] = {
        { 0x15, 0x80 }, { 0x16, 0x02 },     /* 640 KiB */
        { 0x17, 0xff }, { 0x18, 0xff },     /* capped */
        { 0x30, 0xff }, { 0x31, 0xff },
        { 0x34, 0x00 }, { 0x35, 0x1f },     /* (512 - 16) MiB / 64 KiB */
        { 0x5b, 0x00 }, { 0x5c, 0x40 }, { 0x5d, 0x00 },  /* 1 GiB */
    };
    size_t i;

    rtc_set_cmos(rtc, 0x40, 0xab);
    rtc_set_cmos(rtc, 0x80, 0xcd);          /* out of range: ignored */
    g_assert_cmphex(cmos_read(0x40), ==, 0xab);
    cmos_write(0x41, 0x12);
    g_assert_cmphex(cmos_read(0x41), ==, 0x12);

    rtc_set_memory_size(rtc, 512 * 1024 * 1024, 1024 * 1024 * 1024);
    for (i = 0; i < G_N_ELEMENTS(expected); i++) {
        g_assert_cmphex(cmos_read(expected[i][0]), ==, expected[i][1]);
    }
    rtc_set_memory_size(rtc, 8 * 1024 * 1024, 0);
    g_assert_cmphex(cmos_read(0x17), ==, 0x00);     /* 7168 KiB */
    g_assert_cmphex(cmos_read(0x18), ==, 0x1c);
    g_assert_cmphex(cmos_read(0x34), ==, 0x00);
    g_assert_cmphex(cmos_read(0x35), ==, 0x00);
    isa_test_bus_free();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/isa/rtc/host-time", test_host_time);
    g_test_add_func("/isa/rtc/formats", test_formats);
    g_test_add_func("/isa/rtc/set-time", test_set_time);
    g_test_add_func("/isa/rtc/registers", test_registers);
    g_test_add_func("/isa/rtc/uip", test_uip);
    g_test_add_func("/isa/rtc/divider", test_divider);
    g_test_add_func("/isa/rtc/cmos", test_cmos);
    return g_test_run();
}
