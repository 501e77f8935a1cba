/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mc146818rtc-clock.c: the MC146818's time keeping: the RTC's clock (-rtc
 * clock=), the divider counting 32768 ticks a second from a reference on
 * it, the time registers, the flags in register C caught up at each
 * access, the one timer that wakes for the next interrupt the guest
 * enabled, and RTC_CHANGE.
 */
#include "osdep.h"

#include <time.h>

#include "qapi-events-machine.h"
#include "system/runstate.h"

#include "mc146818rtc-internal.h"

/* @a / @b rounded towards minus infinity, for @b > 0. */
static int64_t rtc_div_floor(int64_t a, int64_t b)
{
    return a / b - (a % b < 0);
}

static int64_t rtc_mod_floor(int64_t a, int64_t b)
{
    return a - rtc_div_floor(a, b) * b;
}

/* The divider's ticks in the @ns nanoseconds since ref_ns. */
static int64_t rtc_ns_to_ticks(int64_t ns)
{
    return rtc_div_floor(ns, NANOSECONDS_PER_SECOND) * RTC_HZ +
           rtc_mod_floor(ns, NANOSECONDS_PER_SECOND) * RTC_HZ /
           NANOSECONDS_PER_SECOND;
}

/* The first nanosecond since ref_ns at which @ticks have passed. */
static int64_t rtc_ticks_to_ns(int64_t ticks)
{
    int64_t rest = rtc_mod_floor(ticks, RTC_HZ) * NANOSECONDS_PER_SECOND;

    return rtc_div_floor(ticks, RTC_HZ) * NANOSECONDS_PER_SECOND +
           (rest + RTC_HZ - 1) / RTC_HZ;
}

/* The RTC's clock now, in ns. */
static int64_t rtc_now(const RTCState *s)
{
    if (s->clock != RTC_CLOCK_VM) {
        return qemu_clock_get_ns(s->timer_clock);
    }
    if (!s->vm_running) {
        return s->vm_frozen_ns;
    }
    return qemu_clock_get_ns(QEMU_CLOCK_REALTIME) - s->vm_offset_ns;
}

/*
 * RTC_CLOCK_VM: the clock stops with the VM, after the flags caught up to
 * the moment it stopped, and goes on from there when it starts again.
 */
static void rtc_vm_state_change(void *opaque, bool running, RunState state)
{
    RTCState *s = opaque;

    rtc_catch_up(s);
    if (running) {
        s->vm_offset_ns = qemu_clock_get_ns(QEMU_CLOCK_REALTIME) -
                          s->vm_frozen_ns;
    } else {
        s->vm_frozen_ns = s->last_ns;
    }
    s->vm_running = running;
    rtc_update_irq(s);
    rtc_timer_update(s);
}

void rtc_clock_init(RTCState *s)
{
    s->clock = rtc_config_clock();
    s->timer_clock = s->clock == RTC_CLOCK_HOST ? QEMU_CLOCK_HOST
                                                : QEMU_CLOCK_REALTIME;
    if (s->clock == RTC_CLOCK_VM) {
        s->vm_running = runstate_is_running();
        s->vm_frozen_ns = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);
        s->vm_offset_ns = 0;
        s->vm_change = vm_change_state_add(rtc_vm_state_change, s);
    }
}

void rtc_clock_cleanup(RTCState *s)
{
    if (s->vm_change) {
        vm_change_state_del(s->vm_change);
        s->vm_change = NULL;
    }
}

/* Arm the timer for time @next of the RTC's clock. */
static void rtc_timer_arm(RTCState *s, int64_t next)
{
    if (s->clock != RTC_CLOCK_VM) {
        timer_mod(s->timer, next);
    } else if (s->vm_running) {
        timer_mod(s->timer, next + s->vm_offset_ns);
    } else {
        /* A stopped clock reaches no deadline; starting re-arms. */
        timer_del(s->timer);
    }
}

bool rtc_divider_running(const RTCState *s)
{
    return REG_A_DV_32KHZ == (s->cmos_data[RTC_REG_A] & REG_A_DV_MASK);
}

/* Whether the time registers follow the clock: divider on and no SET. */
bool rtc_updating(const RTCState *s)
{
    return rtc_divider_running(s) && !(s->cmos_data[RTC_REG_B] & REG_B_SET);
}

/* The periodic interrupt's period in ticks, 0 for none (rate select 0). */
static int64_t rtc_period_ticks(const RTCState *s)
{
    unsigned rate = s->cmos_data[RTC_REG_A] & REG_A_RS_MASK;

    if (!rate) {
        return 0;
    }
    /* With a 32.768 kHz time base, rates 1 and 2 act as 8 and 9. */
    if (rate <= 2) {
        rate += 7;
    }
    return 1 << (rate - 1);
}

/* The guest's time at host time @now: seconds since the epoch. */
static int64_t rtc_guest_sec(const RTCState *s, int64_t now)
{
    return s->base_sec + rtc_div_floor(now - s->ref_ns,
                                       NANOSECONDS_PER_SECOND);
}

static uint8_t rtc_to_reg(const RTCState *s, int value)
{
    if (s->cmos_data[RTC_REG_B] & REG_B_DM) {
        return value;
    }
    return ((value / 10) << 4) | (value % 10);
}

static int rtc_from_reg(const RTCState *s, uint8_t reg)
{
    if (s->cmos_data[RTC_REG_B] & REG_B_DM) {
        return reg;
    }
    return (reg >> 4) * 10 + (reg & 0x0f);
}

static uint8_t rtc_hour_to_reg(const RTCState *s, int hour)
{
    int h12 = hour % 12 ? hour % 12 : 12;

    if (s->cmos_data[RTC_REG_B] & REG_B_24H) {
        return rtc_to_reg(s, hour);
    }
    return rtc_to_reg(s, h12) | (hour >= 12 ? RTC_HOUR_PM : 0);
}

static int rtc_hour_from_reg(const RTCState *s, uint8_t reg)
{
    if (s->cmos_data[RTC_REG_B] & REG_B_24H) {
        return rtc_from_reg(s, reg);
    }
    return rtc_from_reg(s, reg & ~RTC_HOUR_PM) % 12 +
           ((reg & RTC_HOUR_PM) ? 12 : 0);
}

/* Write the guest's time (at the last catch-up) into the clock registers. */
void rtc_store_time(RTCState *s)
{
    time_t now = rtc_guest_sec(s, s->last_ns);
    int year;
    struct tm tm;

    gmtime_r(&now, &tm);
    year = tm.tm_year + 1900 - s->base_year;
    s->cmos_data[RTC_SECONDS] = rtc_to_reg(s, tm.tm_sec);
    s->cmos_data[RTC_MINUTES] = rtc_to_reg(s, tm.tm_min);
    s->cmos_data[RTC_HOURS] = rtc_hour_to_reg(s, tm.tm_hour);
    s->cmos_data[RTC_DAY_OF_WEEK] = rtc_to_reg(s, tm.tm_wday + 1);
    s->cmos_data[RTC_DAY_OF_MONTH] = rtc_to_reg(s, tm.tm_mday);
    s->cmos_data[RTC_MONTH] = rtc_to_reg(s, tm.tm_mon + 1);
    /* As QEMU: years counted from base_year, the hundreds in 0x32. */
    s->cmos_data[RTC_YEAR] = rtc_to_reg(s, ((year % 100) + 100) % 100);
    s->cmos_data[RTC_CENTURY] = rtc_to_reg(s, MAX(year, 0) / 100 % 100);
}

/*
 * Take the clock registers the guest wrote as the time of the second that
 * began at host time @second_ns.
 */
void rtc_load_time(RTCState *s, int64_t second_ns)
{
    struct tm tm = {
        .tm_sec = rtc_from_reg(s, s->cmos_data[RTC_SECONDS]),
        .tm_min = rtc_from_reg(s, s->cmos_data[RTC_MINUTES]),
        .tm_hour = rtc_hour_from_reg(s, s->cmos_data[RTC_HOURS]),
        .tm_mday = rtc_from_reg(s, s->cmos_data[RTC_DAY_OF_MONTH]),
        .tm_mon = rtc_from_reg(s, s->cmos_data[RTC_MONTH]) - 1,
        .tm_year = rtc_from_reg(s, s->cmos_data[RTC_YEAR]) + s->base_year +
                   rtc_from_reg(s, s->cmos_data[RTC_CENTURY]) * 100 - 1900,
    };

    /* timegm() normalises out-of-range fields the guest may have set. */
    s->base_sec = timegm(&tm);
    s->ref_ns = second_ns;
}

/* The host time at which the divider's current second began. */
int64_t rtc_second_start(const RTCState *s, int64_t now)
{
    return s->ref_ns + rtc_div_floor(now - s->ref_ns, NANOSECONDS_PER_SECOND) *
                       NANOSECONDS_PER_SECOND;
}

static bool rtc_alarm_field_matches(uint8_t alarm, uint8_t value)
{
    return RTC_ALARM_ANY == (alarm & RTC_ALARM_ANY) || alarm == value;
}

/* Whether the alarm bytes match the guest time @sec, as registers show it. */
static bool rtc_alarm_matches(const RTCState *s, int64_t sec)
{
    int64_t day_sec = rtc_mod_floor(sec, RTC_SECS_PER_DAY);
    const uint8_t *r = s->cmos_data;

    return rtc_alarm_field_matches(r[RTC_SECONDS_ALARM],
                                   rtc_to_reg(s, day_sec % 60)) &&
           rtc_alarm_field_matches(r[RTC_MINUTES_ALARM],
                                   rtc_to_reg(s, day_sec / 60 % 60)) &&
           rtc_alarm_field_matches(r[RTC_HOURS_ALARM],
                                   rtc_hour_to_reg(s, day_sec / 3600));
}

/*
 * Seconds @from (exclusive) to @to (inclusive) since ref_ns ended with an
 * update: UF, and AF if the alarm matched one of them. Past a day every
 * time of day has come, so at most a day's seconds are looked at; and
 * each call covers the time since the last, so the work stays in step
 * with the guest's time however the guest reads.
 */
static void rtc_note_updates(RTCState *s, int64_t from, int64_t to)
{
    int64_t sec;

    if (from >= to) {
        return;
    }
    s->cmos_data[RTC_REG_C] |= REG_C_UF;
    if (s->cmos_data[RTC_REG_C] & REG_C_AF) {
        return;
    }
    for (sec = MAX(from + 1, to - RTC_SECS_PER_DAY + 1); sec <= to; sec++) {
        if (rtc_alarm_matches(s, s->base_sec + sec)) {
            s->cmos_data[RTC_REG_C] |= REG_C_AF;
            return;
        }
    }
}

/*
 * Set the flags for what happened since the last call: PF when a periodic
 * period ended, UF and AF for updates. The divider and the registers did
 * not change in between: every change calls this first.
 */
void rtc_catch_up(RTCState *s)
{
    int64_t now = rtc_now(s);
    int64_t from = s->last_ns - s->ref_ns;
    int64_t to = now - s->ref_ns;
    int64_t period = rtc_period_ticks(s);

    /* A host clock set back gives no flags until it passes last_ns. */
    if (rtc_divider_running(s) && now > s->last_ns) {
        if (period && rtc_div_floor(rtc_ns_to_ticks(from), period) !=
                      rtc_div_floor(rtc_ns_to_ticks(to), period)) {
            s->cmos_data[RTC_REG_C] |= REG_C_PF;
        }
        if (rtc_updating(s)) {
            rtc_note_updates(s, rtc_div_floor(from, NANOSECONDS_PER_SECOND),
                             rtc_div_floor(to, NANOSECONDS_PER_SECOND));
        }
    }
    s->last_ns = now;
}

/* IRQF is set while a flag in C and its enable in B both are. */
void rtc_update_irq(RTCState *s)
{
    uint8_t *c = &s->cmos_data[RTC_REG_C];
    bool level = *c & s->cmos_data[RTC_REG_B] & REG_C_FLAGS;

    *c = level ? *c | REG_C_IRQF : *c & ~REG_C_IRQF;
    if (level != s->irq_level) {
        s->irq_level = level;
        qemu_set_irq(s->irq, level);
    }
}

/*
 * Arm the timer for the next moment an enabled flag that is clear would be
 * set: a period's end (at most every RTC_MIN_WAKE_TICKS: faster rates are
 * coalesced) or a second's update. A set flag needs no timer: the line is
 * already up, and reading C re-arms. Call right after rtc_catch_up().
 */
void rtc_timer_update(RTCState *s)
{
    uint8_t b = s->cmos_data[RTC_REG_B];
    uint8_t c = s->cmos_data[RTC_REG_C];
    int64_t since = s->last_ns - s->ref_ns;
    int64_t period = rtc_period_ticks(s);
    int64_t next = INT64_MAX;
    int64_t tick;

    if (rtc_divider_running(s) && period && (b & REG_B_PIE) &&
        !(c & REG_C_PF)) {
        period = MAX(period, RTC_MIN_WAKE_TICKS);
        tick = (rtc_div_floor(rtc_ns_to_ticks(since), period) + 1) * period;
        next = s->ref_ns + rtc_ticks_to_ns(tick);
    }
    if (rtc_updating(s) && (((b & REG_B_UIE) && !(c & REG_C_UF)) ||
                            ((b & REG_B_AIE) && !(c & REG_C_AF)))) {
        next = MIN(next, rtc_second_start(s, s->last_ns) +
                         NANOSECONDS_PER_SECOND);
    }
    if (INT64_MAX == next) {
        timer_del(s->timer);
    } else {
        rtc_timer_arm(s, next);
    }
}

void rtc_timer_fire(void *opaque)
{
    RTCState *s = opaque;

    rtc_catch_up(s);
    rtc_update_irq(s);
    rtc_timer_update(s);
}

/* UIP: updating, and in the last RTC_UIP_TICKS of the second. */
bool rtc_update_in_progress(const RTCState *s)
{
    int64_t ticks = rtc_ns_to_ticks(s->last_ns - s->ref_ns);

    return rtc_updating(s) &&
           rtc_mod_floor(ticks, RTC_HZ) >= RTC_HZ - RTC_UIP_TICKS;
}

void rtc_report_change(RTCState *s)
{
    qapi_event_send_rtc_change(rtc_guest_sec(s, s->last_ns) -
                               rtc_config_base_now());
}

/*
 * Power on: the -rtc base's time, 32.768 kHz, 1024 Hz rate, BCD, 24 hours.
 * The guest's seconds begin when the host's do.
 */
void rtc_power_on(RTCState *s)
{
    int64_t now = rtc_now(s);
    int64_t host = qemu_clock_get_ns(QEMU_CLOCK_HOST);

    s->ref_ns = now - rtc_mod_floor(host, NANOSECONDS_PER_SECOND);
    s->base_sec = rtc_config_base_now();
    s->last_ns = now;
    s->cmos_data[RTC_REG_A] = REG_A_DV_32KHZ | 0x06;
    s->cmos_data[RTC_REG_B] = REG_B_24H;
    s->cmos_data[RTC_REG_C] = 0;
    s->cmos_data[RTC_REG_D] = REG_D_VRT;
    rtc_store_time(s);
}
