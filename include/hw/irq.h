/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * irq.h: interrupt lines between devices. A qemu_irq is one input pin:
 * the device that drives it calls qemu_set_irq(), and the handler given
 * when it was allocated (an interrupt controller, or KVM's IRQ line
 * ioctl) is told the new level. Big lock held.
 */
#ifndef HW_IRQ_H
#define HW_IRQ_H

#include <stdbool.h>

typedef struct IRQState *qemu_irq;

/* Told that input @n of @opaque went to @level (0 or 1). */
typedef void (*qemu_irq_handler)(void *opaque, int n, int level);

/*
 * A new line that calls @handler(@opaque, @n, level) on every change.
 * The caller owns it and frees it with qemu_free_irq().
 */
qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n);

/* Free a line from qemu_allocate_irq(); NULL does nothing. */
void qemu_free_irq(qemu_irq irq);

/* Drive @irq to @level; a NULL line (not connected) ignores it. */
void qemu_set_irq(qemu_irq irq, int level);

static inline void qemu_irq_raise(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
}

static inline void qemu_irq_lower(qemu_irq irq)
{
    qemu_set_irq(irq, 0);
}

/* Raise and lower @irq: an edge. */
static inline void qemu_irq_pulse(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
    qemu_set_irq(irq, 0);
}

#endif /* HW_IRQ_H */
