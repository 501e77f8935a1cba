/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-test-machine.h: a -M none machine for qdev tests, with the
 * test-only bridge, torn down whole at the end of each test. For test
 * programs only.
 */
#ifndef TESTS_QDEV_TEST_MACHINE_H
#define TESTS_QDEV_TEST_MACHINE_H

#include "hw/boards.h"
#include "hw/testdev/test-devices.h"
#include "util/error.h"

/* Create /machine (type none-machine) and build it. Borrowed. */
static inline MachineState *test_machine_new(void)
{
    MachineState *ms = machine_create(machine_find_class("none"));

    g_assert_true(machine_run_board_init(ms, &error_abort));
    return ms;
}

/* A realized kvmini-test-bridge with id @id (or none) on the system bus. */
static inline KvminiTestBridge *test_bridge_new(const char *id)
{
    DeviceState *dev = qdev_new(TYPE_KVMINI_TEST_BRIDGE);

    if (id) {
        qdev_set_id_str(dev, id);
        object_property_add_child(OBJECT(qdev_get_machine()), id,
                                  OBJECT(dev));
    }
    qdev_realize_and_unref(dev, sysbus_get_default(), &error_abort);
    return KVMINI_TEST_BRIDGE(dev);
}

/* Free the whole tree below /machine. */
static inline void test_machine_free(void)
{
    object_unparent(OBJECT(qdev_get_machine()));
    g_assert_null(qdev_get_machine());
}

#endif /* TESTS_QDEV_TEST_MACHINE_H */
