/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mc146818rtc.h: "mc146818rtc", the PC's CMOS real-time clock on the ISA
 * bus: index port 0x70 (bit 7 masks NMI), data port 0x71, IRQ 8. It tells
 * the host's time in BCD or binary, 12 or 24 hours as register B says,
 * raises periodic, alarm and update-ended interrupts, and holds 128 bytes
 * of CMOS that board code fills (memory sizes) with rtc_set_cmos().
 */
#ifndef HW_RTC_MC146818RTC_H
#define HW_RTC_MC146818RTC_H

#include "hw/isa/isa.h"

#define TYPE_MC146818_RTC "mc146818rtc"

/* The size of the CMOS, clock registers included. */
#define RTC_CMOS_SIZE 128

/* Set CMOS byte @addr (0-127; others are ignored) of the RTC @rtc to @val. */
void rtc_set_cmos(ISADevice *rtc, unsigned addr, uint8_t val);

/*
 * Record the guest's RAM in the CMOS as QEMU's pc machine does: 640 KiB
 * base memory (0x15/0x16), KiB above 1 MiB (0x17/0x18, 0x30/0x31) and
 * 64 KiB units above 16 MiB (0x34/0x35) of @below_4g bytes, each capped at
 * 65535, and 64 KiB units of @above_4g (0x5b-0x5d).
 */
void rtc_set_memory_size(ISADevice *rtc, uint64_t below_4g,
                         uint64_t above_4g);

#endif /* HW_RTC_MC146818RTC_H */
