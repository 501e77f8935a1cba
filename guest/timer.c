/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * timer.c: time from the TSC, calibrated once against PIT channel 0
 * (1.193182 MHz), which every PC-like machine (QEMU microvm, kvmini's
 * in-kernel PIT) has. Channel 0 runs as a free 16-bit down-counter
 * (mode 2); interrupts stay off, so its IRQ 0 is never taken.
 */
#include "guest.h"

#define PIT_HZ 1193182
#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define CALIBRATE_PIT_TICKS (PIT_HZ / 50)       /* 20 ms */
#define CALIBRATE_MAX_READS 1000000
#define FALLBACK_TSC_HZ 1000000000ULL

static uint64_t tsc_hz;
static uint64_t tsc_start;

static uint16_t pit_read(void)
{
    uint8_t lo, hi;

    outb(PIT_CMD, 0x00);                /* latch channel 0 */
    lo = inb(PIT_CH0);
    hi = inb(PIT_CH0);
    return (uint16_t)(lo | hi << 8);
}

void timer_init(void)
{
    uint64_t ticks = 0, t0;
    uint16_t prev, cur;
    long reads;

    outb(PIT_CMD, 0x34);                /* channel 0, lo/hi byte, mode 2 */
    outb(PIT_CH0, 0);
    outb(PIT_CH0, 0);                   /* period 65536 */
    prev = pit_read();
    t0 = rdtsc();
    for (reads = 0; ticks < CALIBRATE_PIT_TICKS &&
                    reads < CALIBRATE_MAX_READS; reads++) {
        cur = pit_read();
        ticks += (uint16_t)(prev - cur);
        prev = cur;
    }
    tsc_start = rdtsc();
    /* No PIT (the counter never moved): assume 1 GHz rather than hang. */
    tsc_hz = ticks ? (tsc_start - t0) * PIT_HZ / ticks : FALLBACK_TSC_HZ;
    if (!tsc_hz) {
        tsc_hz = FALLBACK_TSC_HZ;
    }
}

uint64_t timer_elapsed_ms(void)
{
    return (rdtsc() - tsc_start) * 1000 / tsc_hz;
}

void timer_delay_us(uint64_t us)
{
    uint64_t end = rdtsc() + us * tsc_hz / 1000000;

    while (rdtsc() < end) {
        continue;
    }
}

void timer_delay_ms(uint64_t ms)
{
    timer_delay_us(ms * 1000);
}
