/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-rtc.h: helpers for the mc146818rtc tests: CMOS access through
 * ports 0x70/0x71 and a stopped host clock the test steps. Include after
 * test-isa-helpers.h; for test programs only.
 */
#ifndef TESTS_TEST_ISA_RTC_H
#define TESTS_TEST_ISA_RTC_H

#include <time.h>

#include "util/timer.h"

#define RTC_IRQ 8

/* 2026-11-28 13:05:09 UTC, a Saturday. */
#define RTC_TEST_T0 1795871109

static inline uint8_t cmos_read(uint8_t index)
{
    isa_outb(0x70, index);
    return isa_inb(0x71);
}

static inline void cmos_write(uint8_t index, uint8_t val)
{
    isa_outb(0x70, index);
    isa_outb(0x71, val);
}

static inline int from_bcd(uint8_t val)
{
    return (val >> 4) * 10 + (val & 0x0f);
}

/*
 * The time the clock shows, as seconds since the epoch: registers
 * converted by @conv, the year counted from @base_year plus 100 times the
 * century byte, the hours 12 or 24.
 */
static inline time_t rtc_read_time_once(int (*conv)(uint8_t),
                                        int base_year, bool h24)
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
static inline time_t rtc_read_time(int (*conv)(uint8_t), int base_year,
                                   bool h24)
{
    time_t last, now = rtc_read_time_once(conv, base_year, h24);

    do {
        last = now;
        now = rtc_read_time_once(conv, base_year, h24);
    } while (now != last);
    return now;
}

/* Move the host clock @ns forward, running the timers that expire. */
static inline void rtc_test_step_ns(int64_t ns)
{
    qemu_clock_step(QEMU_CLOCK_HOST, ns);
}

static inline void rtc_test_step_ms(int64_t ms)
{
    rtc_test_step_ns(ms * 1000000);
}

/*
 * Stop the host clock at @sec seconds since the epoch, make an ISA bus and
 * -device @optarg on it. Borrowed.
 */
static inline ISADevice *rtc_test_setup(const char *optarg, int64_t sec)
{
    qemu_clock_set_manual(QEMU_CLOCK_HOST, sec * NANOSECONDS_PER_SECOND);
    isa_test_bus_new();
    return ISA_DEVICE(isa_test_device_add(optarg));
}

#endif /* TESTS_TEST_ISA_RTC_H */
