/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-rtc.h: helpers for the mc146818rtc tests: CMOS access through
 * ports 0x70/0x71 and a stopped host clock the test steps. Include after
 * test-isa-helpers.h; for test programs only.
 */
#ifndef TESTS_TEST_ISA_RTC_H
#define TESTS_TEST_ISA_RTC_H

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
