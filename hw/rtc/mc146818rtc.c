/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mc146818rtc.c: the MC146818 real-time clock and CMOS: the host's time
 * (UTC) plus the offset the guest set, in BCD or binary and 12/24 hours,
 * registers A-D, periodic, alarm and update-ended interrupts on a
 * QEMU_CLOCK_HOST timer, 128 bytes of CMOS.
 */
#include "osdep.h"

#include <time.h>

#include "util/log.h"
#include "hw/qdev-properties.h"
#include "hw/rtc/mc146818rtc.h"
#include "util/error.h"
#include "util/timer.h"

#define RTC_SECONDS         0x00
#define RTC_SECONDS_ALARM   0x01
#define RTC_MINUTES         0x02
#define RTC_MINUTES_ALARM   0x03
#define RTC_HOURS           0x04
#define RTC_HOURS_ALARM     0x05
#define RTC_DAY_OF_WEEK     0x06
#define RTC_DAY_OF_MONTH    0x07
#define RTC_MONTH           0x08
#define RTC_YEAR            0x09
#define RTC_REG_A           0x0a
#define RTC_REG_B           0x0b
#define RTC_REG_C           0x0c
#define RTC_REG_D           0x0d
#define RTC_CENTURY         0x32    /* IBM's century byte */

#define REG_A_UIP           0x80    /* an update is about to happen */
#define REG_A_DV_MASK       0x70    /* divider: time base, oscillator */
#define REG_A_DV_32KHZ      0x20    /* the only setting that keeps time */
#define REG_A_RS_MASK       0x0f    /* periodic rate select */
#define REG_B_SET           0x80    /* updates stopped while the guest sets */
#define REG_B_PIE           0x40
#define REG_B_AIE           0x20
#define REG_B_UIE           0x10
#define REG_B_SQWE          0x08
#define REG_B_DM            0x04    /* binary, not BCD */
#define REG_B_24H           0x02
#define REG_B_DSE           0x01
#define REG_C_IRQF          0x80
#define REG_C_PF            0x40    /* each flag is its enable's bit in B */
#define REG_C_AF            0x20
#define REG_C_UF            0x10
#define REG_C_FLAGS         (REG_C_PF | REG_C_AF | REG_C_UF)
#define REG_D_VRT           0x80    /* valid RAM and time */

#define RTC_HOUR_PM         0x80
#define RTC_ALARM_ANY       0xc0    /* 11xxxxxx in an alarm byte: any value */

/* The time base: the divider counts 32768 ticks a second. */
#define RTC_HZ              32768
/* UIP is set 8 ticks (244 us) before each update (MC146818 datasheet). */
#define RTC_UIP_TICKS       8
/* Faster periodic rates are delivered as one interrupt per 1/1024 s. */
#define RTC_MIN_WAKE_TICKS  32
#define RTC_SECS_PER_DAY    86400

#define RTC_INDEX_MASK      0x7f    /* bit 7 of the index masks NMI */

typedef struct RTCState {
    ISADevice parent_obj;
    /* properties */
    int32_t base_year;
    uint16_t iobase;
    uint8_t irq_num;
    /* wiring */
    qemu_irq irq;
    MemoryRegion io;
    QEMUTimer *timer;           /* the next interrupt the guest enabled */
    /* state */
    uint8_t cmos_index;
    uint8_t cmos_data[RTC_CMOS_SIZE];
    bool irq_level;
    /*
     * While the divider runs, the guest's second @base_sec began at host
     * time @ref_ns (QEMU_CLOCK_HOST); the divider's ticks count from there.
     */
    int64_t base_sec;
    int64_t ref_ns;
    int64_t last_ns;            /* host time the flags were computed for */
    LogRateLimit log_limit;
} RTCState;

OBJECT_DECLARE_SIMPLE_TYPE(RTCState, MC146818_RTC)

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

static int64_t rtc_now(void)
{
    return qemu_clock_get_ns(QEMU_CLOCK_HOST);
}

static bool rtc_divider_running(const RTCState *s)
{
    return REG_A_DV_32KHZ == (s->cmos_data[RTC_REG_A] & REG_A_DV_MASK);
}

/* Whether the time registers follow the clock: divider on and no SET. */
static bool rtc_updating(const RTCState *s)
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
static void rtc_store_time(RTCState *s)
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
static void rtc_load_time(RTCState *s, int64_t second_ns)
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
static int64_t rtc_second_start(const RTCState *s, int64_t now)
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
static void rtc_catch_up(RTCState *s)
{
    int64_t now = rtc_now();
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
static void rtc_update_irq(RTCState *s)
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
static void rtc_timer_update(RTCState *s)
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
        timer_mod(s->timer, next);
    }
}

static void rtc_timer_fire(void *opaque)
{
    RTCState *s = opaque;

    rtc_catch_up(s);
    rtc_update_irq(s);
    rtc_timer_update(s);
}

/*
 * Write register A or B: the registers keep the time when updates stop,
 * and are the time when they start again.
 */
static void rtc_write_control(RTCState *s, unsigned index, uint8_t val)
{
    bool was_running = rtc_divider_running(s);
    bool was_updating = rtc_updating(s);
    int64_t now = s->last_ns;

    if (was_updating) {
        rtc_store_time(s);
    }
    s->cmos_data[index] = val;
    if (!was_running && rtc_divider_running(s)) {
        /* Out of reset, the divider's first update is 500 ms away. */
        rtc_load_time(s, now - NANOSECONDS_PER_SECOND / 2);
    } else if (!was_updating && rtc_updating(s)) {
        /* SET cleared: the divider keeps its phase. */
        rtc_load_time(s, rtc_second_start(s, now));
    }
}

static void rtc_write_reg_b(RTCState *s, uint8_t val)
{
    if (val & REG_B_SET) {
        /* Setting SET clears UIE (datasheet, register B). */
        val &= ~REG_B_UIE;
    }
    if (val & REG_B_SQWE) {
        log_ratelimited(&s->log_limit, LOG_UNIMP,
                        "mc146818rtc: square-wave output not supported\n");
    }
    if (val & REG_B_DSE) {
        log_ratelimited(&s->log_limit, LOG_UNIMP,
                        "mc146818rtc: daylight saving not supported\n");
    }
    rtc_write_control(s, RTC_REG_B, val);
}

static bool rtc_is_clock_reg(unsigned index)
{
    return index <= RTC_YEAR || RTC_CENTURY == index;
}

static void rtc_write_data(RTCState *s, uint8_t val)
{
    unsigned index = s->cmos_index;

    switch (index) {
    case RTC_REG_A:
        /* UIP is read-only. */
        rtc_write_control(s, index, val & ~REG_A_UIP);
        break;
    case RTC_REG_B:
        rtc_write_reg_b(s, val);
        break;
    case RTC_REG_C:
    case RTC_REG_D:
        log_ratelimited(&s->log_limit, LOG_GUEST_ERROR,
                        "mc146818rtc: write 0x%x to read-only register 0x%x\n",
                        val, index);
        break;
    default:
        if (rtc_is_clock_reg(index) && rtc_updating(s)) {
            /* Setting one field of a running clock keeps the others. */
            rtc_store_time(s);
            s->cmos_data[index] = val;
            rtc_load_time(s, rtc_second_start(s, s->last_ns));
        } else {
            s->cmos_data[index] = val;
        }
        break;
    }
}

/* UIP: updating, and in the last RTC_UIP_TICKS of the second. */
static bool rtc_update_in_progress(const RTCState *s)
{
    int64_t ticks = rtc_ns_to_ticks(s->last_ns - s->ref_ns);

    return rtc_updating(s) &&
           rtc_mod_floor(ticks, RTC_HZ) >= RTC_HZ - RTC_UIP_TICKS;
}

static uint8_t rtc_read_data(RTCState *s)
{
    unsigned index = s->cmos_index;
    uint8_t val;

    if (rtc_is_clock_reg(index) && rtc_updating(s)) {
        rtc_store_time(s);
    }
    switch (index) {
    case RTC_REG_A:
        val = s->cmos_data[index];
        return rtc_update_in_progress(s) ? val | REG_A_UIP : val;
    case RTC_REG_C:
        /* Reading C acknowledges: the flags clear, the line drops. */
        val = s->cmos_data[index];
        s->cmos_data[index] = 0;
        return val;
    default:
        return s->cmos_data[index];
    }
}

static uint64_t rtc_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    RTCState *s = opaque;
    uint8_t val;

    if (0 == addr) {
        /* The index register is write-only. */
        return 0xff;
    }
    rtc_catch_up(s);
    val = rtc_read_data(s);
    rtc_update_irq(s);
    rtc_timer_update(s);
    return val;
}

static void rtc_ioport_write(void *opaque, hwaddr addr, uint64_t data,
                             unsigned size)
{
    RTCState *s = opaque;

    if (0 == addr) {
        s->cmos_index = data & RTC_INDEX_MASK;
        return;
    }
    rtc_catch_up(s);
    rtc_write_data(s, data);
    rtc_update_irq(s);
    rtc_timer_update(s);
}

static const MemoryRegionOps rtc_ops = {
    .read = rtc_ioport_read,
    .write = rtc_ioport_write,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

void rtc_set_cmos(ISADevice *rtc, unsigned addr, uint8_t val)
{
    if (addr < RTC_CMOS_SIZE) {
        MC146818_RTC(rtc)->cmos_data[addr] = val;
    }
}

/* Store @val, capped at 65535, little-endian at @lo and @lo + 1. */
static void rtc_set_cmos_word(ISADevice *rtc, unsigned lo, uint64_t val)
{
    val = MIN(val, 65535);
    rtc_set_cmos(rtc, lo, val);
    rtc_set_cmos(rtc, lo + 1, val >> 8);
}

void rtc_set_memory_size(ISADevice *rtc, uint64_t below_4g,
                         uint64_t above_4g)
{
    const uint64_t mib = 1024 * 1024;
    uint64_t kib_above_1m = below_4g > mib ? (below_4g - mib) / 1024 : 0;
    uint64_t above_16m = below_4g > 16 * mib ? (below_4g - 16 * mib) >> 16
                                             : 0;

    rtc_set_cmos_word(rtc, 0x15, 640);
    rtc_set_cmos_word(rtc, 0x17, kib_above_1m);
    rtc_set_cmos_word(rtc, 0x30, kib_above_1m);
    rtc_set_cmos_word(rtc, 0x34, above_16m);
    rtc_set_cmos(rtc, 0x5b, above_4g >> 16);
    rtc_set_cmos(rtc, 0x5c, above_4g >> 24);
    rtc_set_cmos(rtc, 0x5d, above_4g >> 32);
}

/*
 * The RESET pin clears the interrupt enables, SQWE and the flags; the time,
 * register A, SET, the data mode and the CMOS stay, as on the chip.
 */
static void rtc_reset(DeviceState *dev)
{
    RTCState *s = MC146818_RTC(dev);

    rtc_catch_up(s);
    s->cmos_data[RTC_REG_B] &= ~(REG_B_PIE | REG_B_AIE | REG_B_UIE |
                                 REG_B_SQWE);
    s->cmos_data[RTC_REG_C] = 0;
    rtc_update_irq(s);
    rtc_timer_update(s);
}

/* Power on: the host's time, 32.768 kHz, 1024 Hz rate, BCD, 24 hours. */
static void rtc_power_on(RTCState *s)
{
    int64_t now = rtc_now();

    s->ref_ns = now - rtc_mod_floor(now, NANOSECONDS_PER_SECOND);
    s->base_sec = rtc_div_floor(now, NANOSECONDS_PER_SECOND);
    s->last_ns = now;
    s->cmos_data[RTC_REG_A] = REG_A_DV_32KHZ | 0x06;
    s->cmos_data[RTC_REG_B] = REG_B_24H;
    s->cmos_data[RTC_REG_C] = 0;
    s->cmos_data[RTC_REG_D] = REG_D_VRT;
    rtc_store_time(s);
}

static bool rtc_realize(DeviceState *dev, Error **errp)
{
    RTCState *s = MC146818_RTC(dev);
    ISADevice *isa = ISA_DEVICE(dev);

    if (!isa_check_irq(s->irq_num, "irq", errp) ||
        !isa_check_iobase(isa, "iobase", s->iobase, 2, errp)) {
        return false;
    }
    s->irq = isa_get_irq(isa, s->irq_num);
    s->timer = timer_new_ns(QEMU_CLOCK_HOST, rtc_timer_fire, s);
    rtc_power_on(s);
    memory_region_init_io(&s->io, &rtc_ops, s, "rtc", 2);
    isa_register_ioport(isa, &s->io, s->iobase);
    rtc_reset(dev);
    return true;
}

static void rtc_unrealize(DeviceState *dev)
{
    DeviceClass *isa = DEVICE_CLASS(object_class_by_name(TYPE_ISA_DEVICE));
    RTCState *s = MC146818_RTC(dev);

    timer_free(s->timer);
    s->timer = NULL;
    isa->unrealize(dev);
}

static Property rtc_properties[] = {
    DEFINE_PROP_INT32("base_year", RTCState, base_year, 1980),
    DEFINE_PROP_UINT16("iobase", RTCState, iobase, 0x70),
    DEFINE_PROP_UINT8("irq", RTCState, irq_num, 8),
    DEFINE_PROP_END_OF_LIST(),
};

static void rtc_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->categories = 1ul << DEVICE_CATEGORY_MISC;
    dc->realize = rtc_realize;
    dc->unrealize = rtc_unrealize;
    dc->reset = rtc_reset;
    device_class_set_props(dc, rtc_properties);
}

static const TypeInfo rtc_info = {
    .name = TYPE_MC146818_RTC,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(RTCState),
    .class_init = rtc_class_init,
};

static void rtc_register_types(void)
{
    type_register_static(&rtc_info);
}

type_init(rtc_register_types)
