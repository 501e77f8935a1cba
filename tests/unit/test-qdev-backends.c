/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qdev-backends.c: the qdev properties naming a backend (chardev,
 * drive, netdev) on kvmini-test-device, through device_add and device_del
 * as a QMP client uses them: attaching, unknown ids, a backend in use, release on
 * device_del so that the backend can be used again, and the value text
 * info qtree prints. The netdev case needs root and /dev/net/tun for its
 * tap netdev, and is skipped with the reason otherwise.
 */
#include "osdep.h"

#include "block/block-backend.h"
#include "chardev/char-opts.h"
#include "monitor/qdev.h"
#include "net-test-tap.h"
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

/* The device @backend is attached to (borrowed), or NULL. */
typedef DeviceState *AttachedFn(void *backend);

/*
 * What a user sees of property @prop naming the backend @id: an unknown
 * id, attaching, the qtree text, @in_use for a second device, release on
 * device_del, and release when the machine goes.
 */
static void check_backend_prop(const char *prop, const char *id,
                               const char *in_use, AttachedFn *attached,
                               void *backend)
{
    g_autofree char *unknown = g_strdup_printf(
        "Property 'kvmini-test-device.%s' can't find value 'zz'", prop);
    g_autofree char *quoted = g_strdup_printf("\"%s\"", id);

    test_machine_new();
    test_bridge_new("br0");
    device_add_error("t0", prop, "zz", unknown);
    device_add_ok("t0", prop, id);
    g_assert_true(attached(backend) == DEVICE(peripheral("t0")));
    check_qtree_value("t0", prop, quoted);
    device_add_error("t1", prop, id, in_use);
    device_add_ok("t1", "msg", "no backend");
    check_qtree_value("t1", prop, "\"\"");
    device_del_ok("t0");
    g_assert_null(attached(backend));
    device_add_ok("t2", prop, id);
    g_assert_true(attached(backend) == DEVICE(peripheral("t2")));
    test_machine_free();
    g_assert_null(attached(backend));
}

static DeviceState *chardev_attached(void *backend)
{
    Chardev *chr = backend;

    return chr->be ? DEVICE(container_of(chr->be, KvminiTestDevice, chr))
                   : NULL;
}

static void test_chardev(void)
{
    Chardev *chr = qemu_chr_new_from_cmdline("null,id=c0", &error_abort);

    check_backend_prop("chardev", "c0",
                       "Property 'kvmini-test-device.chardev' can't take "
                       "value 'c0': Device 'c0' is in use",
                       chardev_attached, chr);
    g_assert_true(qemu_chr_remove("c0", &error_abort));
}

static DeviceState *drive_attached(void *backend)
{
    return blk_get_attached_dev(backend);
}

static void test_drive(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-qdev-XXXXXX", NULL);
    g_autofree char *image = g_build_filename(dir, "disk.raw", NULL);
    BlockBackend *blk;

    g_assert_true(g_file_set_contents(image, "data", 4, NULL));
    blk = blk_new_open("d0", image, true, &error_abort);
    check_backend_prop("drive", "d0",
                       "Drive 'd0' is already in use by another device",
                       drive_attached, blk);
    blk_delete(blk);
    unlink(image);
    rmdir(dir);
}

static DeviceState *netdev_attached(void *backend)
{
    return ((NetClientState *)backend)->peer;
}

static void test_netdev(void)
{
    NetClientState *nc = tap_new_or_skip("n0", NULL);

    if (!nc) {
        return;
    }
    check_backend_prop("netdev", "n0",
                       "Property 'kvmini-test-device.netdev' can't take "
                       "value 'n0', it's in use",
                       netdev_attached, nc);
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
