/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qdev-backends.c: the qdev properties naming a backend (chardev,
 * drive, netdev) * on kvmini-test-device, through device_add and device_del as a QMP
 * client uses them: attaching, unknown ids, a backend in use, release on
 * device_del so that the backend can be used again, and the value text
 * info qtree prints. The netdev case needs root and /dev/net/tun for its
 * tap netdev, and is skipped with the reason otherwise.
 */
#include "osdep.h"

#include "block/block-backend.h"
#include "chardev/char-opts.h"
#include "monitor/qdev.h"
#include "net/tap.h"
#include "qdev-test-machine.h"
#include "qmp-dispatch-helpers.h"

static void check_qmp_error(const char *json, const char *desc)
{
    g_autofree char *expected = g_strdup_printf(
        "{\"error\": {\"class\": \"GenericError\", \"desc\": \"%s\"}}", desc);

    check_response(json, expected);
}

/* device_add of a kvmini-test-device with id @id and @prop=@value. */
static char *device_add_json(const char *id, const char *prop,
                             const char *value)
{
    return g_strdup_printf("{'execute': 'device_add', 'arguments': "
                           "{'driver': 'kvmini-test-device', 'id': '%s', "
                           "'%s': '%s'}}", id, prop, value);
}

static void device_add_ok(const char *id, const char *prop, const char *value)
{
    g_autofree char *json = device_add_json(id, prop, value);

    check_response(json, "{\"return\": {}}");
}

static void device_add_error(const char *id, const char *prop,
                             const char *value, const char *desc)
{
    g_autofree char *json = device_add_json(id, prop, value);

    check_qmp_error(json, desc);
}

static void device_del_ok(const char *id)
{
    g_autofree char *json = g_strdup_printf(
        "{'execute': 'device_del', 'arguments': {'id': '%s'}}", id);

    check_response(json, "{\"return\": {}}");
}

/* The device /machine/peripheral/@id (borrowed). */
static KvminiTestDevice *peripheral(const char *id)
{
    g_autofree char *path = g_strdup_printf("/machine/peripheral/%s", id);

    return KVMINI_TEST_DEVICE(object_resolve_path(path, NULL));
}

/* @prop of device @id as info qtree prints it. */
static void check_qtree_value(const char *id, const char *prop,
                              const char *expected)
{
    g_autofree char *text = object_property_print(OBJECT(peripheral(id)),
                                                  prop, true, &error_abort);

    g_assert_cmpstr(text, ==, expected);
}

static void test_chardev(void)
{
    Chardev *chr = qemu_chr_new_from_cmdline("null,id=c0", &error_abort);

    test_machine_new();
    test_bridge_new("br0");
    device_add_error("t0", "chardev", "zz",
                     "Property 'kvmini-test-device.chardev' can't find "
                     "value 'zz'");
    device_add_ok("t0", "chardev", "c0");
    g_assert_true(chr->be == &peripheral("t0")->chr);
    check_qtree_value("t0", "chardev", "\"c0\"");
    device_add_error("t1", "chardev", "c0",
                     "Property 'kvmini-test-device.chardev' can't take "
                     "value 'c0': Device 'c0' is in use");
    device_add_ok("t1", "msg", "no chardev");
    check_qtree_value("t1", "chardev", "\"\"");
    device_del_ok("t0");
    g_assert_null(chr->be);
    device_add_ok("t2", "chardev", "c0");
    test_machine_free();
    g_assert_null(chr->be);
    g_assert_true(qemu_chr_remove("c0", &error_abort));
}

static void test_drive(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-qdev-XXXXXX", NULL);
    g_autofree char *image = g_build_filename(dir, "disk.raw", NULL);
    BlockBackend *blk;

    g_assert_true(g_file_set_contents(image, "data", 4, NULL));
    blk = blk_new_open("d0", image, true, &error_abort);
    test_machine_new();
    test_bridge_new("br0");
    device_add_error("t0", "drive", "zz",
                     "Property 'kvmini-test-device.drive' can't find "
                     "value 'zz'");
    device_add_ok("t0", "drive", "d0");
    g_assert_true(blk_get_attached_dev(blk) == DEVICE(peripheral("t0")));
    g_assert_true(peripheral("t0")->drive == blk);
    check_qtree_value("t0", "drive", "\"d0\"");
    device_add_error("t1", "drive", "d0",
                     "Drive 'd0' is already in use by another device");
    device_add_ok("t1", "msg", "no drive");
    check_qtree_value("t1", "drive", "\"\"");
    device_del_ok("t0");
    g_assert_null(blk_get_attached_dev(blk));
    device_add_ok("t2", "drive", "d0");
    test_machine_free();
    g_assert_null(blk_get_attached_dev(blk));
    blk_delete(blk);
    unlink(image);
    rmdir(dir);
}

static void test_netdev(void)
{
    Error *err = NULL;
    NetClientState *nc = net_tap_new("n0", NULL, &err);
    g_autofree char *reason = NULL;

    if (!nc) {
        reason = g_strdup_printf("needs root and /dev/net/tun: %s",
                                 error_get_pretty(err));
        g_test_skip(reason);
        error_free(err);
        return;
    }
    test_machine_new();
    test_bridge_new("br0");
    device_add_error("t0", "netdev", "zz",
                     "Property 'kvmini-test-device.netdev' can't find "
                     "value 'zz'");
    device_add_ok("t0", "netdev", "n0");
    g_assert_true(nc->peer == DEVICE(peripheral("t0")));
    g_assert_true(peripheral("t0")->netdev == nc);
    check_qtree_value("t0", "netdev", "\"n0\"");
    device_add_error("t1", "netdev", "n0",
                     "Property 'kvmini-test-device.netdev' can't take "
                     "value 'n0', it's in use");
    device_add_ok("t1", "msg", "no netdev");
    check_qtree_value("t1", "netdev", "\"\"");
    device_del_ok("t0");
    g_assert_null(nc->peer);
    device_add_ok("t2", "netdev", "n0");
    test_machine_free();
    g_assert_null(nc->peer);
    qemu_del_net_client(nc);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qdev_machine_creation_done();
    g_test_add_func("/qdev/backends/chardev", test_chardev);
    g_test_add_func("/qdev/backends/drive", test_drive);
    g_test_add_func("/qdev/backends/netdev", test_netdev);
    return g_test_run();
}
