/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-rtc.c: mc146818rtc through ports 0x70/0x71: the host's time in
 * BCD and binary, 12 and 24 hours, setting the time, registers A-D, the
 * update-ended interrupt, and the CMOS bytes board code sets.
 */
#include "osdep.h"

#include <time.h>

#include "hw/rtc/mc146818rtc.h"
#include "test-isa-helpers.h"

#define RTC_IRQ 8

static ISADevice *setup(const char *optarg)
{
    isa_test_bus_new();
    return ISA_DEVICE(isa_test_device_add(optarg));
}

static uint8_t cmos_read(uint8_t index)
{
    isa_outb(0x70, index);
    return isa_inb(0x71);
}

static void cmos_write(uint8_t index, uint8_t val)
{
    isa_outb(0x70, index);
    isa_outb(0x71, val);
}

static int from_bcd(uint8_t val)
{
    return (val >> 4) * 10 + (val & 0x0f);
}

/*
 * The time the clock shows, as seconds since the epoch: registers
 * converted by @conv, the year counted from @base_year plus 100 times the
 * century byte, the hours 12 or 24.
 */
static time_t rtc_read_time_once(int (*conv)(uint8_t), int base_year,
                                 bool h24)
{
    uint8_t hours = cmos_read(0x04);
    struct tm tm = {
        .tm_sec = conv(cmos_read(0x00)),
        .tm_min = conv(cmos_read(0x02)),
        .tm_mday = conv(cmos_read(0x07)),
        .tm_mon = conv(cmos_read(0x08)) - 1,
        .tm_year = conv(cmos_read(0x09)) + base_year +
                   conv(cmos_read(0x32)) * 100 - 1900,
    };

    tm.tm_hour = h24 ? conv(hours)
                     : conv(hours & 0x7f) % 12 + ((hours & 0x80) ? 12 : 0);
    return timegm(&tm);
}

/* rtc_read_time_once() until two reads agree: no update in between. */
static time_t rtc_read_time(int (*conv)(uint8_t), int base_year, bool h24)
{
    time_t last, now = rtc_read_time_once(conv, base_year, h24);

    do {
        last = now;
        now = rtc_read_time_once(conv, base_year, h24);
    } while (now != last);
    return now;
}

static int identity(uint8_t val)
{
    return val;
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

static void test_time_bcd(void)
{
    time_t now = time(NULL);
    struct tm tm;

    setup("mc146818rtc,base_year=2000");
    check_host_time(from_bcd, 2000, true);
    /* As on QEMU's pc: years from 2000, century byte 0. */
    gmtime_r(&now, &tm);
    g_assert_cmpint(from_bcd(cmos_read(0x09)), ==, tm.tm_year % 100);
    g_assert_cmphex(cmos_read(0x32), ==, 0x00);
    isa_test_bus_free();
}

static void test_time_binary(void)
{
    setup("mc146818rtc");
    cmos_write(0x0b, 0x06);                 /* binary, 24 hours */
    check_host_time(identity, 1980, true);
    cmos_write(0x0b, 0x04);                 /* binary, 12 hours */
    check_host_time(identity, 1980, false);
    cmos_write(0x0b, 0x00);                 /* BCD, 12 hours */
    check_host_time(from_bcd, 1980, false);
    isa_test_bus_free();
}

static void test_set_time(void)
{
    time_t set;

    setup("mc146818rtc,base_year=2000");
    cmos_write(0x0b, 0x82);                 /* SET: updates stop */
    cmos_write(0x00, 0x56);
    cmos_write(0x02, 0x34);
    cmos_write(0x04, 0x12);
    cmos_write(0x07, 0x31);
    cmos_write(0x08, 0x12);
    cmos_write(0x09, 0x99);
    g_assert_cmphex(cmos_read(0x00), ==, 0x56);
    cmos_write(0x0b, 0x02);                 /* the clock runs from there */
    set = rtc_read_time(from_bcd, 2000, true);
    /* 2099-12-31 12:34:56 UTC, give or take the second it took. */
    g_assert_cmpint(set, >=, 4102403696);
    g_assert_cmpint(set, <=, 4102403697);
    /* A reset keeps the time, as the battery does. */
    qdev_reset_all(NULL);
    set = rtc_read_time(from_bcd, 2000, true);
    g_assert_cmpint(set, >=, 4102403696);
    g_assert_cmpint(set, <=, 4102403698);
    isa_test_bus_free();
}

static void test_registers(void)
{
    setup("mc146818rtc");
    g_assert_cmphex(cmos_read(0x0a) & 0x7f, ==, 0x26);
    g_assert_cmphex(cmos_read(0x0b), ==, 0x02);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x00);
    g_assert_cmphex(cmos_read(0x0d), ==, 0x80);
    /* C and D are read-only; bit 7 of the index only masks NMI. */
    cmos_write(0x0d, 0x00);
    g_assert_cmphex(cmos_read(0x8d), ==, 0x80);
    cmos_write(0x0a, 0xa5);
    g_assert_cmphex(cmos_read(0x0a) & 0x7f, ==, 0x25);
    /* The index register reads as all ones. */
    g_assert_cmphex(isa_inb(0x70), ==, 0xff);
    isa_test_bus_free();
}

static void test_update_irq(void)
{
    setup("mc146818rtc");
    cmos_write(0x0b, 0x12);                 /* update-ended interrupt */
    g_assert_true(isa_test_wait_for(isa_test_level[RTC_IRQ]));
    g_assert_cmphex(cmos_read(0x0c), ==, 0x90);
    g_assert_cmpint(isa_test_level[RTC_IRQ], ==, 0);
    cmos_write(0x0b, 0x02);
    isa_test_bus_free();
}

static void test_cmos(void)
{
    ISADevice *rtc = setup("mc146818rtc");
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
    g_test_add_func("/isa/rtc/time-bcd", test_time_bcd);
    g_test_add_func("/isa/rtc/time-binary", test_time_binary);
    g_test_add_func("/isa/rtc/set-time", test_set_time);
    g_test_add_func("/isa/rtc/registers", test_registers);
    g_test_add_func("/isa/rtc/update-irq", test_update_irq);
    g_test_add_func("/isa/rtc/cmos", test_cmos);
    return g_test_run();
}
