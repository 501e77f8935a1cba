/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qdev-props.c: qdev properties of every kind on kvmini-test-device:
 * defaults, setting and reading them as text and JSON, range and parse
 * errors, refusal after realize, help text and device-list-properties.
 */
#include "osdep.h"

#include "hw/qdev-properties.h"
#include "monitor/qdev.h"
#include "qapi-commands-qdev.h"
#include "qdev-test-machine.h"
#include "qobject/qjson.h"
#include "util/qemu-option.h"

/* The value of @name as text, as -device and qom-get users see it. */
static char *prop_text(Object *obj, const char *name)
{
    return object_property_print(obj, name, false, &error_abort);
}

static void check_prop(Object *obj, const char *name, const char *expected)
{
    g_autofree char *text = prop_text(obj, name);

    g_assert_cmpstr(text, ==, expected);
}

/* Parse @value into @name and check that it fails with @message. */
static void check_parse_error(Object *obj, const char *name,
                              const char *value, const char *message)
{
    Error *err = NULL;

    g_assert_false(object_property_parse(obj, name, value, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
}

static void test_defaults(void)
{
    g_autoptr(Object) obj = OBJECT(qdev_new(TYPE_KVMINI_TEST_DEVICE));
    KvminiTestDevice *td = KVMINI_TEST_DEVICE(obj);

    g_assert_false(td->flag);
    g_assert_cmpuint(td->u8, ==, 8);
    g_assert_cmpuint(td->u16, ==, 16);
    g_assert_cmpuint(td->u32, ==, 32);
    g_assert_cmpint(td->i32, ==, -32);
    g_assert_cmpuint(td->u64, ==, 64);
    g_assert_cmpuint(td->size, ==, 4096);
    g_assert_null(td->msg);
    g_assert_cmpint(td->mode, ==, ON_OFF_AUTO_AUTO);
    g_assert_cmpint(td->addr, ==, -1);
    g_assert_null(td->peer);
    check_prop(obj, "msg", "");
    check_prop(obj, "mode", "auto");
    check_prop(obj, "i32", "-32");
}

static void test_set_get(void)
{
    g_autoptr(Object) obj = OBJECT(qdev_new(TYPE_KVMINI_TEST_DEVICE));
    KvminiTestDevice *td = KVMINI_TEST_DEVICE(obj);

    g_assert_true(object_property_parse(obj, "flag", "on", &error_abort));
    g_assert_true(object_property_parse(obj, "u8", "255", &error_abort));
    g_assert_true(object_property_parse(obj, "u16", "0x10", &error_abort));
    g_assert_true(object_property_parse(obj, "u32", "4294967295",
                                        &error_abort));
    g_assert_true(object_property_parse(obj, "i32", "-2147483648",
                                        &error_abort));
    g_assert_true(object_property_parse(obj, "u64", "18446744073709551615",
                                        &error_abort));
    g_assert_true(object_property_parse(obj, "size", "4K", &error_abort));
    g_assert_true(object_property_parse(obj, "msg", "hello", &error_abort));
    g_assert_true(object_property_parse(obj, "mode", "off", &error_abort));
    g_assert_true(object_property_parse(obj, "addr", "1f.7", &error_abort));
    g_assert_true(td->flag);
    g_assert_cmpuint(td->u8, ==, 255);
    g_assert_cmpuint(td->u16, ==, 16);
    g_assert_cmpuint(td->u32, ==, UINT32_MAX);
    g_assert_cmpint(td->i32, ==, INT32_MIN);
    g_assert_cmpuint(td->u64, ==, UINT64_MAX);
    g_assert_cmpuint(td->size, ==, 4096);
    g_assert_cmpstr(td->msg, ==, "hello");
    g_assert_cmpint(td->mode, ==, ON_OFF_AUTO_OFF);
    g_assert_cmpint(td->addr, ==, 0xff);
    check_prop(obj, "flag", "true");
    check_prop(obj, "msg", "hello");
    check_prop(obj, "mode", "off");
    check_prop(obj, "addr", "255");
    g_assert_cmpuint(object_property_get_uint(obj, "u64", &error_abort), ==,
                     UINT64_MAX);
}

static void test_json(void)
{
    g_autoptr(Object) obj = OBJECT(qdev_new(TYPE_KVMINI_TEST_DEVICE));
    KvminiTestDevice *td = KVMINI_TEST_DEVICE(obj);
    g_autoptr(QObject) num = qobject_from_json("12", &error_abort);
    g_autoptr(QObject) str = qobject_from_json("\"3.1\"", &error_abort);
    g_autoptr(QObject) big = qobject_from_json("256", &error_abort);
    Error *err = NULL;

    g_assert_true(object_property_set_qobject(obj, "addr", num, &error_abort));
    g_assert_cmpint(td->addr, ==, 12);
    g_assert_true(object_property_set_qobject(obj, "addr", str, &error_abort));
    g_assert_cmpint(td->addr, ==, 3 << 3 | 1);
    g_assert_false(object_property_set_qobject(obj, "addr", big, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'addr' expects a value between -1 and 255");
    error_free(err);
    g_assert_cmpint(td->addr, ==, 3 << 3 | 1);
}

static void test_errors(void)
{
    g_autoptr(Object) obj = OBJECT(qdev_new(TYPE_KVMINI_TEST_DEVICE));
    KvminiTestDevice *td = KVMINI_TEST_DEVICE(obj);

    check_parse_error(obj, "flag", "yes-please",
                      "Parameter 'flag' expects 'on' or 'off', got 'yes-please'");
    check_parse_error(obj, "mode", "maybe",
                      "Parameter 'mode' does not accept value 'maybe'");
    check_parse_error(obj, "addr", "zz",
                      "Property 'kvmini-test-device.addr' doesn't take "
                      "value 'zz'");
    check_parse_error(obj, "addr", "20",
                      "Property 'kvmini-test-device.addr' doesn't take "
                      "value '20'");
    check_parse_error(obj, "addr", "3.8",
                      "Property 'kvmini-test-device.addr' doesn't take "
                      "value '3.8'");
    check_parse_error(obj, "addr", "3.1x",
                      "Property 'kvmini-test-device.addr' doesn't take "
                      "value '3.1x'");
    check_parse_error(obj, "nope", "1",
                      "Property 'kvmini-test-device.nope' not found");
    check_parse_error(obj, "reset-count", "1",
                      "Property 'kvmini-test-device.reset-count' is not "
                      "writable");
    /* Refused values leave the old ones. */
    g_assert_false(td->flag);
    g_assert_cmpint(td->mode, ==, ON_OFF_AUTO_AUTO);
    g_assert_cmpint(td->addr, ==, -1);
}

static void test_ranges(void)
{
    g_autoptr(Object) obj = OBJECT(qdev_new(TYPE_KVMINI_TEST_DEVICE));
    g_autofree char *u8 = NULL, *u16 = NULL, *i32 = NULL;
    Error *err = NULL;

    g_assert_false(object_property_parse(obj, "u8", "256", &err));
    u8 = g_strdup(error_get_pretty(err));
    g_clear_pointer(&err, error_free);
    g_assert_false(object_property_parse(obj, "u16", "65536", &err));
    u16 = g_strdup(error_get_pretty(err));
    g_clear_pointer(&err, error_free);
    g_assert_false(object_property_parse(obj, "i32", "2147483648", &err));
    i32 = g_strdup(error_get_pretty(err));
    g_clear_pointer(&err, error_free);
    /* The visitors word these; each names the property and the value. */
    g_assert_nonnull(strstr(u8, "'u8'"));
    g_assert_nonnull(strstr(u8, "256"));
    g_assert_nonnull(strstr(u16, "'u16'"));
    g_assert_nonnull(strstr(u16, "65536"));
    g_assert_nonnull(strstr(i32, "'i32'"));
    g_assert_nonnull(strstr(i32, "2147483648"));
    g_assert_cmpuint(KVMINI_TEST_DEVICE(obj)->u8, ==, 8);
}

static void test_link(void)
{
    KvminiTestBridge *br;
    DeviceState *a, *b;
    Error *err = NULL;

    test_machine_new();
    br = test_bridge_new("br0");
    a = qdev_new(TYPE_KVMINI_TEST_DEVICE);
    b = qdev_new(TYPE_KVMINI_TEST_DEVICE);
    object_property_add_child(OBJECT(qdev_get_machine()), "b", OBJECT(b));
    g_assert_true(object_property_set_link(OBJECT(a), "peer", OBJECT(b),
                                           &error_abort));
    g_assert_true(KVMINI_TEST_DEVICE(a)->peer == KVMINI_TEST_DEVICE(b));
    check_prop(OBJECT(a), "peer", "/machine/b");
    g_assert_true(object_property_parse(OBJECT(a), "peer", "",
                                        &error_abort));
    g_assert_null(KVMINI_TEST_DEVICE(a)->peer);
    g_assert_true(qdev_realize_and_unref(a, br->bus, &error_abort));
    g_assert_false(object_property_set_link(OBJECT(a), "peer", OBJECT(b),
                                            &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Attempt to set link property 'peer' on device '' "
                    "(type 'kvmini-test-device') after it was realized");
    error_free(err);
    object_unref(b);
    test_machine_free();
}

static void test_after_realize(void)
{
    KvminiTestBridge *br;
    DeviceState *dev;

    test_machine_new();
    br = test_bridge_new(NULL);
    dev = qdev_new(TYPE_KVMINI_TEST_DEVICE);
    g_assert_true(qdev_realize(dev, br->bus, &error_abort));
    check_parse_error(OBJECT(dev), "u32", "1",
                      "Attempt to set property 'u32' on anonymous device "
                      "(type 'kvmini-test-device') after it was realized");
    qdev_set_id_str(dev, "t0");
    check_parse_error(OBJECT(dev), "msg", "x",
                      "Attempt to set property 'msg' on device 't0' "
                      "(type 'kvmini-test-device') after it was realized");
    g_assert_cmpuint(KVMINI_TEST_DEVICE(dev)->u32, ==, 32);
    object_unref(dev);
    test_machine_free();
}

static void test_help(void)
{
    QemuOpts *opts = qemu_opts_parse(&qemu_device_opts,
                                     "kvmini-test-bridge,help", true,
                                     &error_abort);
    g_autofree char *text = qdev_device_help(opts, &error_abort);
    g_autofree char *dev_text = NULL;
    Error *err = NULL;

    g_assert_cmpstr(text, ==, "There are no options for kvmini-test-bridge.\n");
    qemu_opts_del(opts);
    opts = qemu_opts_parse(&qemu_device_opts, "kvmini-test-device,help", true,
                           &error_abort);
    dev_text = qdev_device_help(opts, &error_abort);
    g_assert_cmpstr(dev_text, ==,
        "kvmini-test-device options:\n"
        "  addr=<int32>           - Slot and optional function number, "
        "example: 06.0 or 06 (default: -1)\n"
        "  chardev=<str>          - ID of a chardev to use as a backend\n"
        "  drive=<str>            - Node name or ID of a block device to use "
        "as a backend\n"
        "  fail-realize=<bool>    - on/off (default: false)\n"
        "  flag=<bool>            - on/off (default: false)\n"
        "  i32=<int32>            -  (default: -32)\n"
        "  mode=<OnOffAuto>       - on/off/auto (default: \"auto\")\n"
        "  msg=<str>\n"
        "  netdev=<str>           - ID of a netdev to use as a backend\n"
        "  peer=<link<kvmini-test-device>>\n"
        "  reset-count=<uint32>\n"
        "  size=<size>            -  (default: 4096)\n"
        "  u16=<uint16>           -  (default: 16)\n"
        "  u32=<uint32>           -  (default: 32)\n"
        "  u64=<uint64>           -  (default: 64)\n"
        "  u8=<uint8>             -  (default: 8)\n");
    qemu_opts_del(opts);
    opts = qemu_opts_parse(&qemu_device_opts, "nope,help", true,
                           &error_abort);
    g_assert_null(qdev_device_help(opts, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "'nope' is not a valid device model name");
    error_free(err);
    qemu_opts_del(opts);
    opts = qemu_opts_parse(&qemu_device_opts, "kvmini-test-device,u8=1",
                           true, &error_abort);
    g_assert_null(qdev_device_help(opts, &error_abort));
    qemu_opts_del(opts);
}

static void test_list_properties(void)
{
    ObjectPropertyInfoList *list;
    Error *err = NULL;
    g_autoptr(GString) names = g_string_new(NULL);
    ObjectPropertyInfoList *l;

    list = qmp_device_list_properties(TYPE_KVMINI_TEST_DEVICE, &error_abort);
    for (l = list; l; l = l->next) {
        g_string_append_printf(names, "%s:%s ", l->value->name,
                               l->value->type);
    }
    g_assert_cmpstr(names->str, ==,
                    "flag:bool u8:uint8 u16:uint16 u32:uint32 i32:int32 "
                    "u64:uint64 size:size msg:str mode:OnOffAuto addr:int32 "
                    "peer:link<kvmini-test-device> fail-realize:bool "
                    "chardev:str drive:str netdev:str "
                    "reset-count:uint32 ");
    qapi_free_ObjectPropertyInfoList(list);
    g_assert_null(qmp_device_list_properties(TYPE_DEVICE, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'typename' expects a non-abstract device "
                    "type");
    g_clear_pointer(&err, error_free);
    g_assert_null(qmp_device_list_properties("container", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'typename' expects a non-abstract device "
                    "type");
    g_clear_pointer(&err, error_free);
    g_assert_null(qmp_device_list_properties("nope", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'nope' not found");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    error_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qdev/props/defaults", test_defaults);
    g_test_add_func("/qdev/props/set-get", test_set_get);
    g_test_add_func("/qdev/props/json", test_json);
    g_test_add_func("/qdev/props/errors", test_errors);
    g_test_add_func("/qdev/props/ranges", test_ranges);
    g_test_add_func("/qdev/props/link", test_link);
    g_test_add_func("/qdev/props/after-realize", test_after_realize);
    g_test_add_func("/qdev/props/help", test_help);
    g_test_add_func("/qdev/props/list", test_list_properties);
    return g_test_run();
}
