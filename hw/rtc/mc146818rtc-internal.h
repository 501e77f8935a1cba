/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mc146818rtc-internal.h: the MC146818's registers and state, shared by the
 * device (mc146818rtc.c: ports, registers, qdev) and its time keeping
 * (mc146818rtc-clock.c). Private to hw/rtc/.
 */
#ifndef HW_RTC_MC146818RTC_INTERNAL_H
#define HW_RTC_MC146818RTC_INTERNAL_H

#include "hw/rtc/mc146818rtc.h"
#include "qapi-types-machine.h"
#include "system/rtc.h"
#include "system/vm-state.h"
#include "util/log.h"
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
    LostTickPolicy lost_tick_policy;
    /* wiring */
    qemu_irq irq;
    MemoryRegion io;
    QEMUTimer *timer;           /* the next interrupt the guest enabled */
    /*
     * The RTC's clock (rtc_now()), -rtc clock= at realize: HOST or REALTIME
     * as they are, or for RTC_CLOCK_VM REALTIME less the time the VM was
     * stopped: @vm_offset_ns while it runs, frozen at @vm_frozen_ns while
     * it does not.
     */
    RTCClockType clock;
    QEMUClockType timer_clock;
    bool vm_running;
    int64_t vm_offset_ns;
    int64_t vm_frozen_ns;
    VMChangeStateEntry *vm_change;
    /* state */
    uint8_t cmos_index;
    uint8_t cmos_data[RTC_CMOS_SIZE];
    bool irq_level;
    /*
     * While the divider runs, the guest's second @base_sec began at time
     * @ref_ns of the RTC's clock; the divider's ticks count from there.
     */
    int64_t base_sec;
    int64_t ref_ns;
    int64_t last_ns;            /* the time the flags were computed for */
    LogRateLimit log_limit;
} RTCState;

OBJECT_DECLARE_SIMPLE_TYPE(RTCState, MC146818_RTC)

/* Whether the divider counts: register A's DV bits are 010. */
bool rtc_divider_running(const RTCState *s);

/* Whether the time registers follow the clock: divider on and no SET. */
bool rtc_updating(const RTCState *s);

/*
 * Set register C's flags for what happened since the last call (PF, UF,
 * AF) and make last_ns now. Call first at every access and state change.
 */
void rtc_catch_up(RTCState *s);

/* Write the guest's time at the last catch-up into the time registers. */
void rtc_store_time(RTCState *s);

/*
 * Take the time registers as the time of the second that began at host
 * time @second_ns.
 */
void rtc_load_time(RTCState *s, int64_t second_ns);

/* The host time at which the divider's second holding host time @now began. */
int64_t rtc_second_start(const RTCState *s, int64_t now);

/* Set IRQF from C and B, and the line with it. */
void rtc_update_irq(RTCState *s);

/*
 * Arm the timer for the next interrupt the guest enabled whose flag is
 * clear, or delete it. Call after rtc_catch_up() and any change.
 */
void rtc_timer_update(RTCState *s);

/* The timer's callback: catch up, raise what is due, re-arm. */
void rtc_timer_fire(void *opaque);

/*
 * Start the RTC's clock as -rtc clock= says; for RTC_CLOCK_VM, follow the
 * VM's run state. Before rtc_power_on().
 */
void rtc_clock_init(RTCState *s);

/* Stop following the VM's run state. */
void rtc_clock_cleanup(RTCState *s);

/* The guest set its time: send RTC_CHANGE with the offset from the base. */
void rtc_report_change(RTCState *s);

/* Register A's UIP at the last catch-up. */
bool rtc_update_in_progress(const RTCState *s);

/* Power on: the -rtc base's time, 32.768 kHz, 1024 Hz, BCD, 24 hours. */
void rtc_power_on(RTCState *s);

#endif /* HW_RTC_MC146818RTC_INTERNAL_H */
