/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rtc.h: what -rtc chose for the guest's real-time clocks: the time
 * they start from (the base: the host's UTC or local time, or a date) and
 * the clock they run on (the host's wall clock, its monotonic clock, or a
 * clock that stops while the VM does). One setting per process, as in
 * QEMU; RTCs read it when they are realized.
 */
#ifndef SYSTEM_RTC_H
#define SYSTEM_RTC_H

typedef enum RTCBaseType {
    RTC_BASE_UTC,               /* the host's time in UTC */
    RTC_BASE_LOCALTIME,         /* the host's time in its time zone */
    RTC_BASE_DATETIME,          /* a date given on the command line */
} RTCBaseType;

typedef enum RTCClockType {
    RTC_CLOCK_HOST,             /* follows the host's wall clock when set */
    RTC_CLOCK_RT,               /* the host's monotonic time */
    RTC_CLOCK_VM,               /* monotonic, stopped while the VM is */
} RTCClockType;

/*
 * Use @base and @clock for the RTCs realized from now on. For
 * RTC_BASE_DATETIME, @start_sec (seconds since 1970-01-01 00:00 UTC) is the
 * base now, and it runs on from there; otherwise @start_sec is ignored.
 */
void rtc_config_set(RTCBaseType base, int64_t start_sec, RTCClockType clock);

/* The clock chosen by rtc_config_set() (RTC_CLOCK_HOST before any). */
RTCClockType rtc_config_clock(void);

/*
 * The base now, in seconds since the epoch: what an RTC the guest never
 * set shows (a local time is counted as if it were UTC). RTC_CHANGE's
 * offset is the guest's time minus this.
 */
int64_t rtc_config_base_now(void);

#endif /* SYSTEM_RTC_H */
