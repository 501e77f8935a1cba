/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rtc.c: -rtc's base and clock, for every RTC of the process. */
#include "osdep.h"

#include <time.h>

#include "system/rtc.h"
#include "util/timer.h"

static RTCBaseType rtc_base = RTC_BASE_UTC;
static RTCClockType rtc_clock = RTC_CLOCK_HOST;
/* RTC_BASE_DATETIME: the date minus the host's time when it was given. */
static int64_t rtc_date_offset;

static int64_t rtc_host_sec(void)
{
    int64_t ns = qemu_clock_get_ns(QEMU_CLOCK_HOST);

    return ns / NANOSECONDS_PER_SECOND - (ns % NANOSECONDS_PER_SECOND < 0);
}

void rtc_config_set(RTCBaseType base, int64_t start_sec, RTCClockType clock)
{
    rtc_base = base;
    rtc_clock = clock;
    rtc_date_offset = base == RTC_BASE_DATETIME ? start_sec - rtc_host_sec()
                                                : 0;
}

RTCClockType rtc_config_clock(void)
{
    return rtc_clock;
}

int64_t rtc_config_base_now(void)
{
    time_t now = rtc_host_sec();
    struct tm tm;

    switch (rtc_base) {
    case RTC_BASE_LOCALTIME:
        /* The fields of the local time, read back as if they were UTC. */
        localtime_r(&now, &tm);
        return timegm(&tm);
    case RTC_BASE_DATETIME:
        return now + rtc_date_offset;
    default:
        return now;
    }
}
