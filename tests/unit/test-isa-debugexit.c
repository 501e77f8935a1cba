/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-debugexit.c: isa-debug-exit: a write of V shuts the machine
 * down with exit status (V << 1) | 1, after the SHUTDOWN event a QMP
 * client sees, at the default port and at one the user chose.
 */
#include "osdep.h"

#include "event-recorder.h"
#include "system/run-control.h"
#include "test-isa-helpers.h"

/* Write @val (@size bytes) to @port; check the shutdown and its status. */
static void check_exit(uint16_t port, uint32_t val, unsigned size,
                       int status)
{
    g_autofree char *events = NULL;
    int got = -1;

    g_assert_false(run_control_poll(&got));
    g_assert_cmpuint(address_space_write(&address_space_io, port, &val,
                                         size), ==, MEMTX_OK);
    g_assert_true(run_control_poll(&got));
    g_assert_cmpint(got, ==, status);
    events = events_take();
    g_assert_cmpstr(events, ==,
                    "SHUTDOWN {\"guest\": true, \"reason\": \"guest-shutdown\"}");
}

static void test_default_port(void)
{
    isa_test_bus_new();
    events_start();
    isa_test_device_add("isa-debug-exit");
    check_exit(0x501, 0x00, 1, 1);
    check_exit(0x501, 0x21, 1, 0x43);
    check_exit(0x502, 0x02, 1, 5);
    /* A 16-bit write; the process keeps the low 8 bits of the status. */
    check_exit(0x501, 0x0180, 2, 0x01);
    g_assert_cmphex(isa_inb(0x501), ==, 0x00);
    events_stop();
    isa_test_bus_free();
}

static void test_chosen_port(void)
{
    isa_test_bus_new();
    events_start();
    isa_test_device_add("isa-debug-exit,iobase=0xf4,iosize=4");
    check_exit(0xf4, 0x10, 4, 0x21);
    /* The default port is free. */
    g_assert_cmpuint(address_space_write(&address_space_io, 0x501,
                                         &(uint8_t){ 1 }, 1),
                     ==, MEMTX_DECODE_ERROR);
    g_assert_false(run_control_poll(&(int){ 0 }));
    events_stop();
    isa_test_bus_free();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/isa/debugexit/default-port", test_default_port);
    g_test_add_func("/isa/debugexit/chosen-port", test_chosen_port);
    return g_test_run();
}
