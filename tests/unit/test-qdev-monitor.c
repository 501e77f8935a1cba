/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qdev-monitor.c: creating and deleting devices as users do: -device
 * (text and JSON), -M, device_add, device_del and query-machines through
 * qmp_dispatch() with the DEVICE_DELETED events a QMP client sees, the
 * help texts, and info qtree / info qom-tree through an HMP monitor.
 * The command-line cases come first: they run before the machine is
 * marked ready, the monitor cases after.
 */
#include "osdep.h"

#include "event-recorder.h"
#include "hw/qdev-option.h"
#include "monitor/qdev.h"
#include "monitor/qmp-cmds.h"
#include "qmp-dispatch-helpers.h"
#include "qdev-test-machine.h"
#include "qobject/qjson.h"
#include "qom/object-interfaces.h"
#include "util/qemu-option.h"

/* What `-device help` prints with kvmini's device types. */
#define DEVICE_HELP_TEXT                                                  \
    "Controller/Bridge/Hub devices:\n"                                    \
    "name \"kvmini-test-bridge\", bus System, desc "                      \
    "\"test-only: a bridge providing a kvmini-test-bus\"\n"               \
    "\n"                                                                  \
    "Misc devices:\n"                                                     \
    "name \"kvmini-test-device\", bus kvmini-test-bus, desc "             \
    "\"test-only: a device with a property of every kind\"\n"

static const MachineCmdline defaults_on = { .defaults = true };
static const MachineCmdline defaults_off = { .defaults = false };

static void check_qmp_error(const char *json, const char *desc)
{
    g_autofree char *expected = g_strdup_printf(
        "{\"error\": {\"class\": \"GenericError\", \"desc\": \"%s\"}}", desc);

    check_response(json, expected);
}

static void check_events(const char *expected)
{
    g_autofree char *events = events_take();

    g_assert_cmpstr(events, ==, expected);
}

/* -device @optarg fails with @message. */
static void check_device_option_error(const char *optarg, const char *message)
{
    Error *err = NULL;
    bool help;

    if (device_option_parse(optarg, &help, &err)) {
        g_assert_false(help);
        g_assert_false(device_option_add_all(&err));
    }
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
}

static void device_option(const char *optarg)
{
    bool help;

    g_assert_true(device_option_parse(optarg, &help, &error_abort));
    g_assert_false(help);
}

/* A system bus device only board code may create. */
static const TypeInfo board_device_info = {
    .name = "test-board-device",
    .parent = TYPE_SYS_BUS_DEVICE,
};

static void test_cmdline(void)
{
    KvminiTestDevice *td;

    test_machine_new();
    device_option("kvmini-test-bridge,id=br0");
    device_option("kvmini-test-device,id=t0,u8=7,mode=on,addr=2.1");
    device_option("{'driver': 'kvmini-test-device', 'bus': 'br0.0', "
                  "'u32': 9, 'msg': 'json'}");
    g_assert_true(device_option_add_all(&error_abort));
    td = KVMINI_TEST_DEVICE(object_resolve_path("/machine/peripheral/t0",
                                                NULL));
    g_assert_nonnull(td);
    g_assert_cmpuint(td->u8, ==, 7);
    g_assert_cmpint(td->mode, ==, ON_OFF_AUTO_ON);
    g_assert_cmpint(td->addr, ==, 2 << 3 | 1);
    g_assert_false(DEVICE(td)->hotplugged);
    td = KVMINI_TEST_DEVICE(object_resolve_path(
        "/machine/peripheral-anon/device[0]", NULL));
    g_assert_nonnull(td);
    g_assert_cmpuint(td->u32, ==, 9);
    g_assert_cmpstr(td->msg, ==, "json");

    check_device_option_error("kvmini-test-device,id=t0",
                              "Duplicate device ID 't0'");
    check_device_option_error("kvmini-test-device,id=9",
                              "Parameter 'id' expects an identifier");
    check_device_option_error("kvmini-test-device,u8=1,nope=2",
                              "Property 'kvmini-test-device.nope' not found");
    check_device_option_error("kvmini-test-device,fail-realize=on",
                              "test-only: realize refused by 'fail-realize'");
    check_device_option_error("nope", "'nope' is not a valid device model "
                              "name");
    check_device_option_error("container", "'container' is not a valid "
                              "device model name");
    check_device_option_error("sys-bus-device", "Parameter 'driver' expects "
                              "a non-abstract device type");
    type_register_static(&board_device_info);
    check_device_option_error("test-board-device", "Parameter 'driver' "
                              "expects a pluggable device type");
    check_device_option_error("kvmini-test-device,bus=main-system-bus",
                              "Device 'kvmini-test-device' can't go on "
                              "System bus");
    check_device_option_error("{'bus': 'br0.0'}",
                              "Parameter 'driver' is missing");
    check_device_option_error("[1]", "'[1]' is not a valid device model name");
    /* A failed device leaves nothing behind. */
    g_assert_null(object_resolve_path("/machine/peripheral/x", NULL));
    g_assert_null(object_resolve_path("/machine/peripheral-anon/device[1]",
                                      NULL));
    test_machine_free();
}

static void test_device_help(void)
{
    QemuOpts *opts = qemu_opts_parse(&qemu_device_opts, "help", true,
                                     &error_abort);
    g_autofree char *text = qdev_device_help(opts, &error_abort);

    g_assert_cmpstr(text, ==, DEVICE_HELP_TEXT);
    qemu_opts_del(opts);
}

static void test_machines(void)
{
    g_autofree char *help = machine_help_text();

    g_assert_cmpstr(help, ==, "Supported machines are:\n"
                    "none                 empty machine\n");
    check_response("{'execute': 'query-machines'}",
                   "{\"return\": [{\"name\": \"none\", \"cpu-max\": 1, "
                   "\"hotpluggable-cpus\": false, \"numa-mem-supported\": false, "
                   "\"deprecated\": false}]}");
    g_assert_true(machine_find_class("none") ==
                  MACHINE_CLASS(object_class_by_name("none-machine")));
    g_assert_null(machine_find_class("none-machine"));
    g_assert_null(machine_find_default());
}

static void test_machine_help(void)
{
    g_autofree char *text = object_class_property_help_text(
        OBJECT_CLASS(machine_find_class("none")));

    g_assert_cmpstr(text, ==, "none-machine options:\n"
                    "  append=<string>        - Linux kernel command line\n"
                    "  initrd=<string>        - Linux initial ramdisk file\n"
                    "  kernel=<string>        - Linux kernel image file\n"
                    "  memory-backend=<string> - Set RAM backend; valid value "
                    "is ID of hostmem based backend\n");
}

static void test_machine_option(void)
{
    Error *err = NULL;
    bool help;

    g_assert_nonnull(qemu_opts_parse(&qemu_machine_opts, "none,nope=1", true,
                                     &error_abort));
    g_assert_false(machine_option_create(&defaults_on, &help, &err));
    g_assert_false(help);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'none-machine.nope' not found");
    g_clear_pointer(&err, error_free);
    test_machine_free();
    qemu_opts_reset(&qemu_machine_opts);

    g_assert_nonnull(qemu_opts_parse(&qemu_machine_opts, "bogus", true,
                                     &error_abort));
    g_assert_false(machine_option_create(&defaults_on, &help, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "unsupported machine type");
    g_clear_pointer(&err, error_free);
    qemu_opts_reset(&qemu_machine_opts);

    g_assert_nonnull(qemu_opts_parse(&qemu_machine_opts,
                                     "none,memory-backend=m0", true,
                                     &error_abort));
    g_assert_false(machine_option_create(&defaults_off, &help, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Memory backend 'm0' not found");
    g_clear_pointer(&err, error_free);
    g_assert_false(qdev_get_machine()->defaults_enabled);
    test_machine_free();
    qemu_opts_reset(&qemu_machine_opts);

    g_assert_true(machine_option_create(&defaults_on, &help, &error_abort));
    g_assert_cmpstr(object_get_typename(OBJECT(qdev_get_machine())), ==,
                    "none-machine");
    g_assert_true(qdev_get_machine()->defaults_enabled);
    test_machine_free();
}

/* The machine's RAM backend cannot be deleted while the machine uses it. */
static void test_memory_backend(void)
{
    Error *err = NULL;
    bool help;

    g_assert_true(user_creatable_add_from_str(
        "memory-backend-ram,id=m0,size=1M", &error_abort));
    g_assert_nonnull(qemu_opts_parse(&qemu_machine_opts,
                                     "none,memory-backend=m0", true,
                                     &error_abort));
    g_assert_true(machine_option_create(&defaults_on, &help, &error_abort));
    g_assert_cmpuint(qdev_get_machine()->ram_size, ==, 1 << 20);
    g_assert_false(user_creatable_del("m0", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "object 'm0' is in use, can not be deleted");
    error_free(err);
    test_machine_free();
    qemu_opts_reset(&qemu_machine_opts);
    g_assert_true(user_creatable_del("m0", &error_abort));
}

static const char *const test_default_devices[] = {
    "kvmini-test-bridge,id=dflt",
    NULL
};

static void defaults_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "a machine with a default device";
    mc->default_devices = test_default_devices;
}

static const TypeInfo defaults_machine_info = {
    .name = MACHINE_TYPE_NAME("test-defaults"),
    .parent = TYPE_MACHINE,
    .class_init = defaults_machine_class_init,
};

/* Registered after /qdev/monitor/machines, which lists every type. */
static void test_default_devices_case(void)
{
    bool help;

    type_register_static(&defaults_machine_info);
    g_assert_nonnull(qemu_opts_parse(&qemu_machine_opts, "test-defaults",
                                     true, &error_abort));
    g_assert_true(machine_option_create(&defaults_on, &help, &error_abort));
    g_assert_nonnull(object_resolve_path_type("/machine/peripheral/dflt",
                                              TYPE_KVMINI_TEST_BRIDGE, NULL));
    test_machine_free();
    /* -nodefaults */
    g_assert_true(machine_option_create(&defaults_off, &help, &error_abort));
    g_assert_null(object_resolve_path("/machine/peripheral/dflt", NULL));
    test_machine_free();
    qemu_opts_reset(&qemu_machine_opts);
}

static void test_device_add(void)
{
    Object *obj;

    qdev_machine_creation_done();
    test_machine_new();
    test_bridge_new("br0");
    check_response("{'execute': 'device_add', 'arguments': {'driver': "
                   "'kvmini-test-device', 'id': 't0', 'u16': 3, 'flag': true, "
                   "'addr': '1.2'}}", "{\"return\": {}}");
    obj = object_resolve_path("/machine/peripheral/t0", NULL);
    g_assert_nonnull(obj);
    g_assert_true(DEVICE(obj)->realized);
    g_assert_true(DEVICE(obj)->hotplugged);
    g_assert_cmpuint(KVMINI_TEST_DEVICE(obj)->u16, ==, 3);
    g_assert_true(KVMINI_TEST_DEVICE(obj)->flag);
    check_response("{'execute': 'device_add', 'arguments': {'driver': "
                   "'kvmini-test-device', 'bus': '/machine/br0/br0.0'}}",
                   "{\"return\": {}}");
    g_assert_nonnull(object_resolve_path("/machine/peripheral-anon/device[0]",
                                         NULL));

    check_qmp_error("{'execute': 'device_add', 'arguments': {'driver': "
                    "'kvmini-test-device', 'id': 't0'}}",
                    "Duplicate device ID 't0'");
    check_qmp_error("{'execute': 'device_add', 'arguments': {'driver': "
                    "'kvmini-test-device', 'id': '0t'}}",
                    "Parameter 'id' expects an identifier");
    check_qmp_error("{'execute': 'device_add', 'arguments': {'id': 'x'}}",
                    "Parameter 'driver' is missing");
    check_qmp_error("{'execute': 'device_add', 'arguments': {'driver': "
                    "'device'}}",
                    "Parameter 'driver' expects a non-abstract device type");
    check_qmp_error("{'execute': 'device_add', 'arguments': {'driver': "
                    "'none-machine'}}",
                    "'none-machine' is not a valid device model name");
    check_qmp_error("{'execute': 'device_add', 'arguments': {'driver': "
                    "'kvmini-test-bridge'}}",
                    "Bus 'main-system-bus' does not support hotplugging");
    check_qmp_error("{'execute': 'device_add', 'arguments': {'driver': "
                    "'kvmini-test-device', 'bus': 'br9.0'}}",
                    "Bus 'br9.0' not found");
    check_qmp_error("{'execute': 'device_add', 'arguments': {'driver': "
                    "'kvmini-test-device', 'u8': 'x'}}",
                    "Parameter 'u8' expects integer");
    check_qmp_error("{'execute': 'device_add', 'arguments': {'driver': "
                    "'kvmini-test-device', 'addr': 256}}",
                    "Parameter 'addr' expects a value between -1 and 255");
    check_qmp_error("{'execute': 'device_add', 'arguments': {'driver': "
                    "'kvmini-test-device', 'bogus': 1}}",
                    "Property 'kvmini-test-device.bogus' not found");
    test_machine_free();
}

static void test_device_del(void)
{
    qdev_machine_creation_done();
    test_machine_new();
    events_start();
    test_bridge_new("br0");
    check_response("{'execute': 'device_add', 'arguments': {'driver': "
                   "'kvmini-test-device', 'id': 't0'}}", "{\"return\": {}}");
    check_response("{'execute': 'device_add', 'arguments': {'driver': "
                   "'kvmini-test-device'}}", "{\"return\": {}}");
    check_events("");
    check_response("{'execute': 'device_del', 'arguments': {'id': 't0'}}",
                   "{\"return\": {}}");
    check_events("DEVICE_DELETED {\"device\": \"t0\", \"path\": "
                 "\"/machine/peripheral/t0\"}");
    g_assert_null(object_resolve_path("/machine/peripheral/t0", NULL));
    check_response("{'execute': 'device_del', 'arguments': {'id': "
                   "'/machine/peripheral-anon/device[0]'}}", "{\"return\": {}}");
    check_events("DEVICE_DELETED {\"path\": "
                 "\"/machine/peripheral-anon/device[0]\"}");
    check_response("{'execute': 'device_del', 'arguments': {'id': 't0'}}",
                   "{\"error\": {\"class\": \"DeviceNotFound\", \"desc\": "
                   "\"Device 't0' not found\"}}");
    check_qmp_error("{'execute': 'device_del', 'arguments': {'id': "
                    "'/machine/br0'}}",
                    "Bus 'main-system-bus' does not support hotplugging");
    check_qmp_error("{'execute': 'device_del', 'arguments': {'id': "
                    "'/machine/peripheral'}}",
                    "/machine/peripheral is not a hotpluggable device");
    /* The id is free again. */
    check_response("{'execute': 'device_add', 'arguments': {'driver': "
                   "'kvmini-test-device', 'id': 't0'}}", "{\"return\": {}}");
    check_events("");
    test_machine_free();
    /* Devices still there when the machine goes are deleted too. */
    check_events("DEVICE_DELETED {\"device\": \"t0\", \"path\": "
                 "\"/machine/peripheral/t0\"}; DEVICE_DELETED {\"device\": "
                 "\"br0\", \"path\": \"/machine/br0\"}");
    events_stop();
}

/* Run the HMP command line @line and return its output (caller frees). */
static char *hmp(const char *line)
{
    TestConn *c = test_conn_new();
    g_autofree char *banner = NULL;
    char *out;

    c->mon = monitor_new_hmp(&test_conn_transport, c, false);
    monitor_opened(c->mon);
    test_main_loop();
    banner = test_conn_take(c);
    test_conn_send(c, line);
    test_main_loop();
    out = test_conn_take(c);
    test_conn_free(c);
    return out;
}

static void check_hmp(const char *line, const char *expected)
{
    g_autofree char *out = hmp(line);
    g_auto(GStrv) lines = g_strsplit(out, "\r\n", -1);
    g_autofree char *text = g_strjoinv("\n", lines);

    g_assert_cmpstr(text, ==, expected);
}

static void test_info_qtree(void)
{
    qdev_machine_creation_done();
    test_machine_new();
    check_hmp("info qtree\n", "bus: main-system-bus\n  type System\n");
    test_bridge_new("br0");
    check_response("{'execute': 'device_add', 'arguments': {'driver': "
                   "'kvmini-test-device', 'id': 't0', 'msg': 'hi', "
                   "'size': 2097152, 'addr': '0a.3', 'mode': 'off'}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'device_add', 'arguments': {'driver': "
                   "'kvmini-test-device', 'peer': 't0', 'i32': -1}}",
                   "{\"return\": {}}");
    check_hmp("info qtree\n",
              "bus: main-system-bus\n"
              "  type System\n"
              "  dev: kvmini-test-bridge, id \"br0\"\n"
              "    bus: br0.0\n"
              "      type kvmini-test-bus\n"
              "      dev: kvmini-test-device, id \"\"\n"
              "        flag = false\n"
              "        u8 = 8 (0x8)\n"
              "        u16 = 16 (0x10)\n"
              "        u32 = 32 (0x20)\n"
              "        i32 = -1 (0xffffffffffffffff)\n"
              "        u64 = 64 (0x40)\n"
              "        size = 4096 (4 KiB)\n"
              "        msg = \"\"\n"
              "        mode = \"auto\"\n"
              "        addr = <unset>\n"
              "        peer = \"/machine/peripheral/t0\"\n"
              "        fail-realize = false\n"
              "        chardev = \"\"\n"
              "        drive = \"\"\n"
              "        netdev = \"\"\n"
              "      dev: kvmini-test-device, id \"t0\"\n"
              "        flag = false\n"
              "        u8 = 8 (0x8)\n"
              "        u16 = 16 (0x10)\n"
              "        u32 = 32 (0x20)\n"
              "        i32 = -32 (0xffffffffffffffe0)\n"
              "        u64 = 64 (0x40)\n"
              "        size = 2097152 (2 MiB)\n"
              "        msg = \"hi\"\n"
              "        mode = \"off\"\n"
              "        addr = 0a.3\n"
              "        peer = \"\"\n"
              "        fail-realize = false\n"
              "        chardev = \"\"\n"
              "        drive = \"\"\n"
              "        netdev = \"\"\n");
    test_machine_free();
}

static void test_info_qom_tree(void)
{
    qdev_machine_creation_done();
    object_get_objects_root();
    test_machine_new();
    test_bridge_new("br0");
    check_response("{'execute': 'device_add', 'arguments': {'driver': "
                   "'kvmini-test-device', 'id': 't0'}}", "{\"return\": {}}");
    check_response("{'execute': 'device_add', 'arguments': {'driver': "
                   "'kvmini-test-device'}}", "{\"return\": {}}");
    check_hmp("info qom-tree\n",
              "/machine (none-machine)\n"
              "  /br0 (kvmini-test-bridge)\n"
              "    /br0.0 (kvmini-test-bus)\n"
              "  /peripheral (container)\n"
              "    /t0 (kvmini-test-device)\n"
              "  /peripheral-anon (container)\n"
              "    /device[0] (kvmini-test-device)\n"
              "  /unattached (container)\n"
              "    /sysbus (System)\n");
    check_hmp("info qom-tree /machine/peripheral\n",
              "/peripheral (container)\n"
              "  /t0 (kvmini-test-device)\n");
    check_hmp("info qom-tree /nope\n",
              "Path '/nope' could not be resolved.\n");
    check_hmp("info qom-tree /\n",
              "/ (container)\n"
              "  /machine (none-machine)\n"
              "    /br0 (kvmini-test-bridge)\n"
              "      /br0.0 (kvmini-test-bus)\n"
              "    /peripheral (container)\n"
              "      /t0 (kvmini-test-device)\n"
              "    /peripheral-anon (container)\n"
              "      /device[0] (kvmini-test-device)\n"
              "    /unattached (container)\n"
              "      /sysbus (System)\n"
              "  /objects (container)\n");
    check_hmp("device_del t0\n", "");
    check_hmp("device_add kvmini-test-device,id=t1,u8=300\n",
              "Error: Parameter 'u8' expects an integer between 0 and 255, "
              "got '300'\n");
    check_hmp("device_add kvmini-test-device,id=t1,u8=3\n", "");
    check_hmp("device_add kvmini-test-bridge,help\n",
              "There are no options for kvmini-test-bridge.\n");
    check_hmp("device_add help\n", DEVICE_HELP_TEXT);
    check_hmp("device_add nope,help\n",
              "Error: 'nope' is not a valid device model name\n");
    check_hmp("info qom-tree peripheral\n",
              "/peripheral (container)\n"
              "  /t1 (kvmini-test-device)\n");
    test_machine_free();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qemu_add_opts(&qemu_device_opts);
    qdev_hmp_register();
    /* Before the machine is ready (command line), then after (monitor). */
    g_test_add_func("/qdev/monitor/cmdline", test_cmdline);
    g_test_add_func("/qdev/monitor/device-help", test_device_help);
    g_test_add_func("/qdev/monitor/machines", test_machines);
    g_test_add_func("/qdev/monitor/machine-help", test_machine_help);
    g_test_add_func("/qdev/monitor/machine-option", test_machine_option);
    g_test_add_func("/qdev/monitor/memory-backend", test_memory_backend);
    g_test_add_func("/qdev/monitor/default-devices",
                    test_default_devices_case);
    g_test_add_func("/qdev/monitor/device-add", test_device_add);
    g_test_add_func("/qdev/monitor/device-del", test_device_del);
    g_test_add_func("/qdev/monitor/info-qtree", test_info_qtree);
    g_test_add_func("/qdev/monitor/info-qom-tree", test_info_qom_tree);
    return g_test_run();
}
