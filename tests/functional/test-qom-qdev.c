/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qom-qdev.c: the object model and the device model of build/kvmini,
 * end to end over QMP: -object and object-add/object-del, qom-list/get/set,
 * -device and device_add/device_del with DEVICE_DELETED, and info qtree /
 * info qom-tree through human-monitor-command, and devices naming
 * backends from the command line (-chardev, -drive, -netdev), released
 * by device_del for the next device. The tap netdev needs root and
 * /dev/net/tun; without them that case runs without a netdev.
 */
#include "osdep.h"

#include <fcntl.h>

#include "kvmini-proc.h"
#include "qobject/qjson.h"

static char *hmp(QmpClient *c, const char *line)
{
    return qmp_client_hmp(c, line, &error_abort);
}

static const char *const machine_args[] = {
    "-M", "none,memory-backend=m0",
    "-object", "memory-backend-ram,id=m0,size=1M",
    "-device", "kvmini-test-bridge,id=br",
    NULL
};

static void test_objects(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(machine_args);
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, false);
    g_autofree char *list = NULL;

    /* The machine uses m0 for its RAM: it cannot go. */
    kvmini_qmp_check(c, "{'execute': 'qom-get', 'arguments': {'path': '/objects/m0', "
               "'property': 'size'}}", "1048576");
    kvmini_qmp_check(c, "{'execute': 'object-del', 'arguments': {'id': 'm0'}}",
               "error: object 'm0' is in use, can not be deleted");

    kvmini_qmp_check(c, "{'execute': 'object-add', 'arguments': "
               "{'qom-type': 'rng-builtin', 'id': 'r0'}}", "{}");
    kvmini_qmp_check(c, "{'execute': 'object-add', 'arguments': "
               "{'qom-type': 'rng-builtin', 'id': 'r0'}}",
               "error: attempt to add duplicate property 'r0' to object "
               "(type 'container')");
    kvmini_qmp_check(c, "{'execute': 'qom-get', 'arguments': {'path': 'r0', "
               "'property': 'type'}}", "\"rng-builtin\"");
    list = kvmini_qmp_run(c, "{'execute': 'qom-list', 'arguments': {'path': '/objects'}}");
    g_assert_nonnull(strstr(list, "{\"name\": \"r0\", \"type\": \"child<rng-builtin>\"}"));
    g_assert_nonnull(strstr(list, "{\"name\": \"m0\", \"type\": \"child<memory-backend-ram>\"}"));
    kvmini_qmp_check(c, "{'execute': 'object-del', 'arguments': {'id': 'r0'}}", "{}");
    kvmini_qmp_check(c, "{'execute': 'object-del', 'arguments': {'id': 'r0'}}",
               "error: object 'r0' not found");
    /* The connection still works after every refusal. */
    kvmini_qmp_check(c, "{'execute': 'query-status'}",
               "{\"running\": true, \"singlestep\": false, \"status\": \"running\"}");
}

static void test_devices(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(machine_args);
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, false);
    g_autoptr(QDict) event = NULL;
    g_autoptr(GString) data = NULL;
    g_autofree char *qtree = NULL;
    g_autofree char *after = NULL;

    kvmini_qmp_check(c, "{'execute': 'device_add', 'arguments': {'driver': "
               "'kvmini-test-device', 'bus': 'br.0', 'id': 'd0', 'u8': 7}}",
               "{}");
    kvmini_qmp_check(c, "{'execute': 'device_add', 'arguments': {'driver': "
               "'kvmini-test-device', 'bus': 'br.0', 'id': 'd0'}}",
               "error: Duplicate device ID 'd0'");
    kvmini_qmp_check(c, "{'execute': 'device_add', 'arguments': {'driver': "
               "'kvmini-test-device', 'bus': 'nope'}}",
               "error: Bus 'nope' not found");
    kvmini_qmp_check(c, "{'execute': 'device_add', 'arguments': {'driver': 'nope'}}",
               "error: 'nope' is not a valid device model name");
    kvmini_qmp_check(c, "{'execute': 'device_add', 'arguments': {'driver': "
               "'kvmini-test-bridge'}}",
               "error: Bus 'main-system-bus' does not support hotplugging");
    kvmini_qmp_check(c, "{'execute': 'qom-get', 'arguments': {'path': "
               "'/machine/peripheral/d0', 'property': 'u8'}}", "7");
    kvmini_qmp_check(c, "{'execute': 'qom-set', 'arguments': {'path': "
               "'/machine/peripheral/d0', 'property': 'u8', 'value': 8}}",
               "error: Attempt to set property 'u8' on device 'd0' "
               "(type 'kvmini-test-device') after it was realized");

    qtree = hmp(c, "info qtree");
    g_assert_nonnull(strstr(qtree,
                            "bus: main-system-bus\r\n"
                            "  type System\r\n"
                            "  dev: kvmini-test-bridge, id \"br\"\r\n"
                            "    bus: br.0\r\n"
                            "      type kvmini-test-bus\r\n"
                            "      dev: kvmini-test-device, id \"d0\"\r\n"
                            "        flag = false\r\n"
                            "        u8 = 7 (0x7)\r\n"));

    kvmini_qmp_check(c, "{'execute': 'device_del', 'arguments': {'id': 'd0'}}", "{}");
    event = qmp_client_wait_event(c, "DEVICE_DELETED", 10000, &error_abort);
    data = qobject_to_json(qdict_get(event, "data"));
    g_assert_cmpstr(data->str, ==,
                    "{\"device\": \"d0\", \"path\": \"/machine/peripheral/d0\"}");
    kvmini_qmp_check(c, "{'execute': 'device_del', 'arguments': {'id': 'd0'}}",
               "error: Device 'd0' not found");
    after = hmp(c, "info qom-tree");
    g_assert_null(strstr(after, "/d0"));
    g_assert_nonnull(strstr(after, "/machine (none-machine)\r\n"
                            "  /peripheral (container)\r\n"
                            "    /br (kvmini-test-bridge)\r\n"
                            "      /br.0 (kvmini-test-bus)\r\n"));
}

/* Whether this process may create a tap netdev. */
static bool tap_available(void)
{
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);

    if (0 > fd) {
        return false;
    }
    close(fd);
    return true;
}

static void test_backends(void)
{
    bool tap = tap_available();
    const char *const args[] = {
        "-chardev", "null,id=c0",
        "-drive", "if=none,id=d0,file=/dev/null,format=raw,readonly=on",
        "-device", "kvmini-test-bridge,id=br",
        "-device", tap ? "kvmini-test-device,id=t0,chardev=c0,drive=d0,"
                         "netdev=n0" : "kvmini-test-device,id=t0,chardev=c0,"
                                       "drive=d0",
        /* Without tap, this NULL ends the list before -netdev. */
        tap ? "-netdev" : NULL, "tap,id=n0", NULL
    };
    g_autoptr(KvminiProc) p = kvmini_proc_start(args);
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, false);
    g_autoptr(QDict) event = NULL;
    g_autofree char *qtree = NULL;

    if (!tap) {
        g_test_message("no tap netdev: needs root and /dev/net/tun");
    }
    qtree = hmp(c, "info qtree");
    g_assert_nonnull(strstr(qtree, tap ? "        chardev = \"c0\"\r\n"
                                         "        drive = \"d0\"\r\n"
                                         "        netdev = \"n0\"\r\n"
                                       : "        chardev = \"c0\"\r\n"
                                         "        drive = \"d0\"\r\n"
                                         "        netdev = \"\"\r\n"));
    kvmini_qmp_check(c, "{'execute': 'device_add', 'arguments': {'driver': "
               "'kvmini-test-device', 'id': 't1', 'chardev': 'c0'}}",
               "error: Property 'kvmini-test-device.chardev' can't take "
               "value 'c0': Device 'c0' is in use");
    kvmini_qmp_check(c, "{'execute': 'device_add', 'arguments': {'driver': "
               "'kvmini-test-device', 'id': 't1', 'drive': 'd0'}}",
               "error: Drive 'd0' is already in use by another device");
    kvmini_qmp_check(c, "{'execute': 'device_add', 'arguments': {'driver': "
               "'kvmini-test-device', 'id': 't1', 'drive': 'd1'}}",
               "error: Property 'kvmini-test-device.drive' can't find value "
               "'d1'");
    if (tap) {
        kvmini_qmp_check(c, "{'execute': 'device_add', 'arguments': {'driver': "
                   "'kvmini-test-device', 'id': 't1', 'netdev': 'n0'}}",
                   "error: Property 'kvmini-test-device.netdev' can't take "
                   "value 'n0', it's in use");
    }
    /* device_del lets go of the backends: the next device takes them. */
    kvmini_qmp_check(c, "{'execute': 'device_del', 'arguments': {'id': 't0'}}", "{}");
    event = qmp_client_wait_event(c, "DEVICE_DELETED", 10000, &error_abort);
    kvmini_qmp_check(c, tap ? "{'execute': 'device_add', 'arguments': {'driver': "
                        "'kvmini-test-device', 'id': 't1', 'chardev': 'c0', "
                        "'drive': 'd0', 'netdev': 'n0'}}"
                      : "{'execute': 'device_add', 'arguments': {'driver': "
                        "'kvmini-test-device', 'id': 't1', 'chardev': 'c0', "
                        "'drive': 'd0'}}", "{}");
    kvmini_qmp_check(c, "{'execute': 'qom-get', 'arguments': {'path': "
               "'/machine/peripheral/t1', 'property': 'drive'}}", "\"d0\"");
    kvmini_qmp_check(c, "{'execute': 'qom-get', 'arguments': {'path': "
               "'/machine/peripheral/t1', 'property': 'chardev'}}",
               "\"c0\"");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/functional/qom-qdev/objects", test_objects);
    g_test_add_func("/functional/qom-qdev/devices", test_devices);
    g_test_add_func("/functional/qom-qdev/backends", test_backends);
    return g_test_run();
}
