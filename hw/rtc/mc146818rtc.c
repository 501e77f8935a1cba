/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mc146818rtc.c: the MC146818 real-time clock and CMOS as an ISA device:
 * ports 0x70/0x71, registers A-D and the time registers as the guest
 * reads and writes them, reset, 128 bytes of CMOS. The time keeping and
 * the interrupts are in mc146818rtc-clock.c.
 */
#include "osdep.h"

#include "hw/qdev-properties.h"
#include "util/error.h"

#include "mc146818rtc-internal.h"

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
        if (rtc_updating(s)) {
            /* Linux sets the time with the divider held, SET cleared. */
            rtc_report_change(s);
        }
    } else if (!was_updating && rtc_updating(s)) {
        /* SET cleared: the divider keeps its phase. */
        rtc_load_time(s, rtc_second_start(s, now));
        rtc_report_change(s);
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
            rtc_report_change(s);
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

static bool rtc_realize(DeviceState *dev, Error **errp)
{
    RTCState *s = MC146818_RTC(dev);
    ISADevice *isa = ISA_DEVICE(dev);

    if (!isa_check_irq(s->irq_num, "irq", errp) ||
        !isa_check_iobase(isa, "iobase", s->iobase, 2, errp)) {
        return false;
    }
    if (s->lost_tick_policy == LOST_TICK_POLICY_SLEW) {
        /* See isa.md: periodic ticks are coalesced, never re-injected. */
        error_setg(errp, "lost_tick_policy 'slew' is not supported");
        return false;
    }
    if (s->lost_tick_policy != LOST_TICK_POLICY_DISCARD) {
        error_setg(errp, "Invalid lost tick policy");
        return false;
    }
    s->irq = isa_get_irq(isa, s->irq_num);
    rtc_clock_init(s);
    s->timer = timer_new_ns(s->timer_clock, rtc_timer_fire, s);
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

    rtc_clock_cleanup(s);
    timer_free(s->timer);
    s->timer = NULL;
    isa->unrealize(dev);
}

static Property rtc_properties[] = {
    DEFINE_PROP_INT32("base_year", RTCState, base_year, 1980),
    DEFINE_PROP_UINT16("iobase", RTCState, iobase, 0x70),
    DEFINE_PROP_UINT8("irq", RTCState, irq_num, 8),
    DEFINE_PROP_LOSTTICKPOLICY("lost_tick_policy", RTCState, lost_tick_policy,
                               LOST_TICK_POLICY_DISCARD),
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
