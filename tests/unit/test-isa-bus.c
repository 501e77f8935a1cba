/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-bus.c: the ISA bus as users meet it: -device without bus=
 * landing on isa.0, the COM ports isa-serial picks, the one-line errors of
 * bad properties and a missing bus, `info qtree` with the four legacy
 * devices (the text QEMU 7.2's microvm prints, less its gpio lines and
 * the properties kvmini does not have), and no hot-plug once the machine
 * runs.
 */
#include "osdep.h"

#include "chardev/char-opts.h"
#include "hw/char/serial-isa.h"
#include "hw/rtc/mc146818rtc.h"
#include "monitor-test-conn.h"
#include "qmp-dispatch-helpers.h"
#include "test-isa-helpers.h"

static void test_default_bus(void)
{
    ISABus *bus = isa_test_bus_new();
    DeviceState *com1, *com2;
    g_autofree char *path = NULL;
    g_autofree char *chardev = NULL;
    Error *err = NULL;

    qemu_chr_new_from_cmdline("null,id=c0", &error_abort);
    com1 = isa_test_device_add("isa-serial,chardev=c0");
    com2 = isa_test_device_add("isa-serial,id=com2");
    g_assert_true(com1->parent_bus == BUS(bus));
    g_assert_cmpstr(BUS(bus)->name, ==, "isa.0");
    path = object_get_canonical_path(OBJECT(com2));
    g_assert_cmpstr(path, ==, "/machine/peripheral/com2");
    /* The first free COM ports: COM1 and COM2 answer. */
    g_assert_cmphex(isa_inb(0x3f8 + 5), ==, 0x60);
    g_assert_cmphex(isa_inb(0x2f8 + 5), ==, 0x60);
    g_assert_cmpuint(object_property_get_uint(OBJECT(com2), "irq",
                                              &error_abort), ==, 3);
    chardev = object_property_get_str(OBJECT(com1), "chardev", &error_abort);
    g_assert_cmpstr(chardev, ==, "c0");
    isa_test_device_add("isa-serial,index=3");
    g_assert_cmphex(isa_inb(0x2e8 + 5), ==, 0x60);

    /* Nothing answers at COM3 until a device is there. */
    g_assert_cmpuint(address_space_read(&address_space_io, 0x3e8 + 5,
                                        &(uint8_t){ 0 }, 1),
                     ==, MEMTX_DECODE_ERROR);
    g_assert_nonnull(isa_serial_create(bus, 2, NULL, &error_abort));
    g_assert_cmphex(isa_inb(0x3e8 + 5), ==, 0x60);
    g_assert_null(isa_serial_create(bus, 4, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Max. supported number of ISA serial ports is 4");
    error_free_or_abort(&err);
    isa_test_device_add_error("isa-serial",
                              "Max. supported number of ISA serial ports "
                              "is 4");

    g_assert_null(isa_bus_create(get_system_io(), isa_test_irqs, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Can't create a second ISA bus");
    error_free_or_abort(&err);
    isa_test_bus_free();
    g_assert_true(qemu_chr_remove("c0", &error_abort));
}

static void test_errors(void)
{
    MachineState *ms = machine_create(machine_find_class("none"));

    /* A machine without an ISA bus. */
    g_assert_true(machine_run_board_init(ms, &error_abort));
    isa_test_device_add_error("isa-serial",
                              "No 'ISA' bus found for device 'isa-serial'");
    object_unparent(OBJECT(ms));

    isa_test_bus_new();
    qemu_chr_new_from_cmdline("null,id=c0", &error_abort);
    isa_test_device_add("isa-serial,chardev=c0");
    isa_test_device_add_error("isa-serial,chardev=c0",
                              "Property 'serial.chardev' can't take value "
                              "'c0': Device 'c0' is in use");
    isa_test_device_add_error("isa-serial,chardev=nope",
                              "Property 'serial.chardev' can't find value "
                              "'nope'");
    isa_test_device_add_error("isa-serial,iobase=0xfffc",
                              "Property 'isa-serial.iobase' doesn't take "
                              "value '65532'");
    isa_test_device_add_error("isa-serial,irq=16",
                              "Maximum value for \"irq\" is: 15");
    isa_test_device_add_error("isa-serial,index=4",
                              "Max. supported number of ISA serial ports "
                              "is 4");
    isa_test_device_add_error("i8042,mouse-irq=16",
                              "Maximum value for \"mouse-irq\" is: 15");
    isa_test_device_add_error("mc146818rtc,irq=16",
                              "Maximum value for \"irq\" is: 15");
    isa_test_device_add_error("mc146818rtc,iobase=0xffff",
                              "Property 'mc146818rtc.iobase' doesn't take "
                              "value '65535'");
    isa_test_device_add_error("mc146818rtc,lost_tick_policy=x",
                              "Parameter 'lost_tick_policy' does not accept "
                              "value 'x'");
    isa_test_device_add_error("mc146818rtc,lost_tick_policy=delay",
                              "Invalid lost tick policy");
    isa_test_device_add_error("mc146818rtc,lost_tick_policy=slew",
                              "lost_tick_policy 'slew' is not supported");
    isa_test_device_add_error("isa-debug-exit,iosize=0",
                              "Property 'isa-debug-exit.iosize' doesn't "
                              "take value '0'");
    isa_test_device_add_error("isa-debug-exit,iobase=0x10000",
                              "Property 'isa-debug-exit.iobase' doesn't "
                              "take value '65536'");
    isa_test_device_add_error("isa-serial,bus=isa.1",
                              "Bus 'isa.1' not found");
    /* A failed device leaves no ports behind: only COM1 is mapped. */
    g_assert_cmpuint(address_space_get_flatview(&address_space_io)->nr, ==,
                     3);
    isa_test_bus_free();
    g_assert_true(qemu_chr_remove("c0", &error_abort));
}

#define QTREE_TEXT                              \
    "bus: main-system-bus\n"                    \
    "  type System\n"                           \
    "  dev: isabus-bridge, id \"\"\n"           \
    "    bus: isa.0\n"                          \
    "      type ISA\n"                          \
    "      dev: i8042, id \"\"\n"               \
    "        kbd-irq = 1 (0x1)\n"               \
    "        mouse-irq = 12 (0xc)\n"            \
    "      dev: isa-debug-exit, id \"\"\n"      \
    "        iobase = 244 (0xf4)\n"             \
    "        iosize = 4 (0x4)\n"                \
    "      dev: isa-serial, id \"\"\n"          \
    "        index = 0 (0x0)\n"                 \
    "        iobase = 1016 (0x3f8)\n"           \
    "        irq = 4 (0x4)\n"                   \
    "      dev: mc146818rtc, id \"\"\n"         \
    "        base_year = 0 (0x0)\n"             \
    "        iobase = 112 (0x70)\n"             \
    "        irq = 8 (0x8)\n"                   \
    "        lost_tick_policy = \"discard\"\n"

static void test_info_qtree(void)
{
    ISABus *bus = isa_test_bus_new();
    ISADevice *rtc = isa_new(TYPE_MC146818_RTC);
    g_autofree char *text = NULL;

    /* The machine's devices, then the command line's, as on microvm. */
    object_property_set_int(OBJECT(rtc), "base_year", 0, &error_abort);
    qdev_realize_and_unref(DEVICE(rtc), BUS(bus), &error_abort);
    isa_serial_create(bus, 0, NULL, &error_abort);
    isa_test_device_add("isa-debug-exit,iobase=0xf4,iosize=4");
    isa_test_device_add("i8042");
    text = test_conn_hmp("info qtree\n");
    g_assert_cmpstr(text, ==, QTREE_TEXT);
    isa_test_bus_free();
}

/* Once the machine runs, the ISA bus takes no new devices. */
static void test_no_hotplug(void)
{
    isa_test_bus_new();
    qdev_machine_creation_done();
    check_response("{'execute': 'device_add', 'arguments': "
                   "{'driver': 'isa-debug-exit'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Bus 'isa.0' does not support hotplugging\"}}");
    isa_test_bus_free();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qemu_add_opts(&qemu_device_opts);
    qdev_hmp_register();
    g_test_add_func("/isa/bus/default-bus", test_default_bus);
    g_test_add_func("/isa/bus/errors", test_errors);
    g_test_add_func("/isa/bus/info-qtree", test_info_qtree);
    g_test_add_func("/isa/bus/no-hotplug", test_no_hotplug);
    return g_test_run();
}
