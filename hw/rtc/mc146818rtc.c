/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mc146818rtc.c: the MC146818 real-time clock and CMOS: the host's time
 * (UTC) plus the offset the guest set, in BCD or binary and 12/24 hours,
 * UIP, registers A-D, update-ended interrupts, 128 bytes of CMOS.
 */
#include "osdep.h"

#include <time.h>

#include "util/log.h"
#include "hw/qdev-properties.h"
#include "hw/rtc/mc146818rtc.h"
#include "util/error.h"

#define RTC_SECONDS         0x00
#define RTC_MINUTES         0x02
#define RTC_HOURS           0x04
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
#define REG_B_SET           0x80    /* updates stopped while the guest sets */
#define REG_B_PIE           0x40
#define REG_B_AIE           0x20
#define REG_B_UIE           0x10
#define REG_B_DM            0x04    /* binary, not BCD */
#define REG_B_24H           0x02
#define REG_C_IRQF          0x80
#define REG_C_UF            0x10
#define REG_D_VRT           0x80    /* valid RAM and time */

#define RTC_HOUR_PM         0x80

/* UIP is set this long before each second's update (MC146818 datasheet). */
#define RTC_UIP_US          244

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
    /* state */
    uint8_t cmos_index;
    uint8_t cmos_data[RTC_CMOS_SIZE];
    int64_t offset;             /* guest time minus host time, seconds */
    int64_t last_second;        /* guest second when UF was last looked at */
    guint update_timer;         /* source of the next update-ended IRQ */
    LogRateLimit log_limit;
} RTCState;

OBJECT_DECLARE_SIMPLE_TYPE(RTCState, MC146818_RTC)

static void rtc_update_timer_arm(RTCState *s);

/* The guest's time now, in microseconds since the epoch. */
static int64_t rtc_guest_us(const RTCState *s)
{
    return g_get_real_time() + s->offset * G_USEC_PER_SEC;
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

/* Write the guest's current time into the clock registers. */
static void rtc_store_time(RTCState *s)
{
    time_t now = rtc_guest_us(s) / G_USEC_PER_SEC;
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

/* Take the clock registers the guest wrote as the new time. */
static void rtc_load_time(RTCState *s)
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
    s->offset = (int64_t)timegm(&tm) - g_get_real_time() / G_USEC_PER_SEC;
    s->last_second = rtc_guest_us(s) / G_USEC_PER_SEC;
}

static bool rtc_running(const RTCState *s)
{
    return !(s->cmos_data[RTC_REG_B] & REG_B_SET);
}

static bool rtc_is_clock_reg(unsigned index)
{
    return index <= RTC_YEAR || RTC_CENTURY == index;
}

static void rtc_update_irq(RTCState *s)
{
    qemu_set_irq(s->irq, !!(s->cmos_data[RTC_REG_C] & REG_C_IRQF));
}

/* Note the updates since the guest last looked: UF, and IRQF under UIE. */
static void rtc_note_updates(RTCState *s)
{
    int64_t second = rtc_guest_us(s) / G_USEC_PER_SEC;

    if (rtc_running(s) && second != s->last_second) {
        s->cmos_data[RTC_REG_C] |= REG_C_UF;
        if (s->cmos_data[RTC_REG_B] & REG_B_UIE) {
            s->cmos_data[RTC_REG_C] |= REG_C_IRQF;
        }
    }
    s->last_second = second;
}

static gboolean rtc_update_timer_fire(void *opaque)
{
    RTCState *s = opaque;

    s->update_timer = 0;
    rtc_note_updates(s);
    rtc_update_irq(s);
    rtc_update_timer_arm(s);
    return G_SOURCE_REMOVE;
}

static void rtc_update_timer_cancel(RTCState *s)
{
    if (s->update_timer) {
        g_source_remove(s->update_timer);
        s->update_timer = 0;
    }
}

/* With UIE and the clock running, wake at the next second's update. */
static void rtc_update_timer_arm(RTCState *s)
{
    int64_t us = rtc_guest_us(s) % G_USEC_PER_SEC;

    rtc_update_timer_cancel(s);
    if (rtc_running(s) && (s->cmos_data[RTC_REG_B] & REG_B_UIE)) {
        s->update_timer = g_timeout_add((G_USEC_PER_SEC - us) / 1000 + 1,
                                        rtc_update_timer_fire, s);
    }
}

static void rtc_write_reg_b(RTCState *s, uint8_t val)
{
    bool was_running = rtc_running(s);

    if (was_running && (val & REG_B_SET)) {
        /* Updates stop: the registers hold the time for the guest. */
        rtc_store_time(s);
    }
    s->cmos_data[RTC_REG_B] = val;
    if (!was_running && rtc_running(s)) {
        rtc_load_time(s);
    }
    if (val & (REG_B_PIE | REG_B_AIE)) {
        log_ratelimited(&s->log_limit, LOG_UNIMP,
                        "mc146818rtc: periodic and alarm interrupts not supported\n");
    }
    rtc_update_timer_arm(s);
}

static void rtc_write_data(RTCState *s, uint8_t val)
{
    unsigned index = s->cmos_index;

    switch (index) {
    case RTC_REG_A:
        s->cmos_data[index] = (s->cmos_data[index] & REG_A_UIP) |
                              (val & ~REG_A_UIP);
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
        if (rtc_is_clock_reg(index) && rtc_running(s)) {
            /* Setting one field of a running clock keeps the others. */
            rtc_store_time(s);
            s->cmos_data[index] = val;
            rtc_load_time(s);
        } else {
            s->cmos_data[index] = val;
        }
        break;
    }
}

static uint8_t rtc_read_data(RTCState *s)
{
    unsigned index = s->cmos_index;
    uint8_t val;

    if (rtc_is_clock_reg(index) && rtc_running(s)) {
        rtc_store_time(s);
    }
    switch (index) {
    case RTC_REG_A:
        val = s->cmos_data[index] & ~REG_A_UIP;
        if (rtc_running(s) &&
            rtc_guest_us(s) % G_USEC_PER_SEC >= G_USEC_PER_SEC - RTC_UIP_US) {
            val |= REG_A_UIP;
        }
        return val;
    case RTC_REG_C:
        /* Reading C acknowledges the interrupt and clears the flags. */
        rtc_note_updates(s);
        val = s->cmos_data[index];
        s->cmos_data[index] = 0;
        rtc_update_irq(s);
        return val;
    default:
        return s->cmos_data[index];
    }
}

static uint64_t rtc_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    RTCState *s = opaque;

    if (0 == addr) {
        /* The index register is write-only. */
        return 0xff;
    }
    return rtc_read_data(s);
}

static void rtc_ioport_write(void *opaque, hwaddr addr, uint64_t data,
                             unsigned size)
{
    RTCState *s = opaque;

    if (0 == addr) {
        s->cmos_index = data & RTC_INDEX_MASK;
    } else {
        rtc_write_data(s, data);
    }
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

/* Reset keeps the time and the CMOS, as a battery-backed chip does. */
static void rtc_reset(DeviceState *dev)
{
    RTCState *s = MC146818_RTC(dev);

    s->cmos_data[RTC_REG_A] = 0x26;         /* 32.768 kHz, 1024 Hz rate */
    s->cmos_data[RTC_REG_B] = REG_B_24H;
    s->cmos_data[RTC_REG_C] = 0;
    s->cmos_data[RTC_REG_D] = REG_D_VRT;
    s->last_second = rtc_guest_us(s) / G_USEC_PER_SEC;
    rtc_store_time(s);
    rtc_update_timer_cancel(s);
    rtc_update_irq(s);
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
    memory_region_init_io(&s->io, &rtc_ops, s, "rtc", 2);
    isa_register_ioport(isa, &s->io, s->iobase);
    rtc_reset(dev);
    return true;
}

static void rtc_unrealize(DeviceState *dev)
{
    DeviceClass *isa = DEVICE_CLASS(object_class_by_name(TYPE_ISA_DEVICE));

    rtc_update_timer_cancel(MC146818_RTC(dev));
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
