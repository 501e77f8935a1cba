/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-helpers.h: an ISA bus for device tests without KVM: a -M none
 * machine, the system I/O space, and 16 interrupt lines that record their
 * levels; port accesses through address_space_io. For test programs only.
 */
#ifndef TESTS_TEST_ISA_HELPERS_H
#define TESTS_TEST_ISA_HELPERS_H

#include "hw/boards.h"
#include "hw/isa/isa.h"
#include "monitor/qdev.h"
#include "system/memory-as.h"
#include "util/error.h"
#include "util/qemu-option.h"

/* The level of each ISA line and how often it went from 0 to 1. */
static int isa_test_level[ISA_NUM_IRQS];
static unsigned isa_test_raised[ISA_NUM_IRQS];
static qemu_irq isa_test_irqs[ISA_NUM_IRQS];

static void isa_test_irq_handler(void *opaque, int n, int level)
{
    if (level && !isa_test_level[n]) {
        isa_test_raised[n]++;
    }
    isa_test_level[n] = level;
}

/* A -M none machine with an ISA bus on the system I/O space. Borrowed. */
static inline ISABus *isa_test_bus_new(void)
{
    MachineState *ms = machine_create(machine_find_class("none"));
    ISABus *bus;
    int i;

    g_assert_true(machine_run_board_init(ms, &error_abort));
    memory_map_init();
    for (i = 0; i < ISA_NUM_IRQS; i++) {
        isa_test_level[i] = 0;
        isa_test_raised[i] = 0;
        isa_test_irqs[i] = qemu_allocate_irq(isa_test_irq_handler, NULL, i);
    }
    bus = isa_bus_create(get_system_io(), isa_test_irqs, &error_abort);
    g_assert_true(bus == isa_bus_get_default());
    return bus;
}

/* Free the machine with its devices (their ports unmapped) and the lines. */
static inline void isa_test_bus_free(void)
{
    int i;

    object_unparent(OBJECT(qdev_get_machine()));
    g_assert_null(isa_bus_get_default());
    g_assert_cmpuint(address_space_get_flatview(&address_space_io)->nr, ==,
                     1);
    for (i = 0; i < ISA_NUM_IRQS; i++) {
        qemu_free_irq(isa_test_irqs[i]);
    }
}

/* -device @optarg, as the command line creates it. Borrowed. */
static inline DeviceState *isa_test_device_add(const char *optarg)
{
    QemuOpts *opts = qemu_opts_parse_noisily(&qemu_device_opts, optarg, true);
    DeviceState *dev;

    g_assert_nonnull(opts);
    dev = qdev_device_add(opts, &error_abort);
    qemu_opts_del(opts);
    object_unref(dev);      /* /machine/peripheral(-anon) holds it */
    return dev;
}

/* -device @optarg fails with @message. */
static inline void isa_test_device_add_error(const char *optarg,
                                             const char *message)
{
    QemuOpts *opts = qemu_opts_parse_noisily(&qemu_device_opts, optarg, true);
    Error *err = NULL;

    g_assert_nonnull(opts);
    g_assert_null(qdev_device_add(opts, &err));
    qemu_opts_del(opts);
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
}

static inline uint8_t isa_inb(uint16_t port)
{
    uint8_t val = 0;

    g_assert_cmpuint(address_space_read(&address_space_io, port, &val, 1),
                     ==, MEMTX_OK);
    return val;
}

static inline void isa_outb(uint16_t port, uint8_t val)
{
    g_assert_cmpuint(address_space_write(&address_space_io, port, &val, 1),
                     ==, MEMTX_OK);
}

/* Run the main loop until @cond holds or 2 s pass; returns @cond. */
#define isa_test_wait_for(cond) ({                                       \
        gint64 deadline_ = g_get_monotonic_time() + 2 * G_USEC_PER_SEC;    \
        while (!(cond) && g_get_monotonic_time() < deadline_) {         \
            g_main_context_iteration(NULL, false);                      \
            g_usleep(100);                                              \
        }                                                               \
        (cond);                                                         \
    })

#endif /* TESTS_TEST_ISA_HELPERS_H */
