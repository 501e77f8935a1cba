/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qdev-bus.c: buses and the device tree: bus names, full buses,
 * finding buses, unplugging, and the order of realize, unrealize and
 * reset.
 */
#include "osdep.h"

#include "hw/qdev-properties.h"
#include "monitor/qdev.h"
#include "qdev-test-machine.h"
#include "qobject/qjson.h"
#include "system/run-control.h"
#include "util/main-loop.h"

#define TYPE_UPPER_BUS "Upper-Bus"
#define TYPE_ORDER_DEVICE "order-device"
#define TYPE_ORDER_BRIDGE "order-bridge"

/* What the order-* devices did, "R:id U:id X:id ..." (realize, ...). */
static GString *order_log;

static DeviceRealize parent_device_realize, parent_bridge_realize;

static void order_note(DeviceState *dev, const char *what)
{
    g_string_append_printf(order_log, "%s%s:%s", order_log->len ? " " : "",
                           what, dev->id ? dev->id : "?");
}

static bool order_device_realize(DeviceState *dev, Error **errp)
{
    order_note(dev, "R");
    return parent_device_realize(dev, errp);
}

static bool order_bridge_realize(DeviceState *dev, Error **errp)
{
    order_note(dev, "R");
    return parent_bridge_realize(dev, errp);
}

static void order_unrealize(DeviceState *dev)
{
    order_note(dev, "U");
}

static void order_reset(DeviceState *dev)
{
    order_note(dev, "X");
}

static void order_device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    parent_device_realize = dc->realize;
    dc->realize = order_device_realize;
    dc->unrealize = order_unrealize;
    dc->reset = order_reset;
}

static void order_bridge_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    parent_bridge_realize = dc->realize;
    dc->realize = order_bridge_realize;
    dc->unrealize = order_unrealize;
    dc->reset = order_reset;
}

static const TypeInfo test_types[] = {
    { .name = TYPE_UPPER_BUS, .parent = TYPE_BUS },
    { .name = TYPE_ORDER_DEVICE, .parent = TYPE_KVMINI_TEST_DEVICE,
      .class_init = order_device_class_init },
    { .name = TYPE_ORDER_BRIDGE, .parent = TYPE_KVMINI_TEST_BRIDGE,
      .class_init = order_bridge_class_init },
};

/* A realized device of @type with id @id on @bus, a child of /machine. */
static DeviceState *add_device(const char *type, const char *id,
                               BusState *bus)
{
    DeviceState *dev = qdev_new(type);

    qdev_set_id_str(dev, id);
    object_property_add_child(OBJECT(qdev_get_machine()), id, OBJECT(dev));
    qdev_realize_and_unref(dev, bus, &error_abort);
    return dev;
}

static char *order_take(void)
{
    char *text = g_strdup(order_log->str);

    g_string_truncate(order_log, 0);
    return text;
}

static void check_order(const char *expected)
{
    g_autofree char *text = order_take();

    g_assert_cmpstr(text, ==, expected);
}

static void test_names(void)
{
    KvminiTestBridge *anon1, *anon2, *named;
    DeviceState *dev;
    BusState *upper;

    test_machine_new();
    anon1 = test_bridge_new(NULL);
    anon2 = test_bridge_new(NULL);
    named = test_bridge_new("br0");
    g_assert_cmpstr(anon1->bus->name, ==, "kvmini-test-bus.0");
    g_assert_cmpstr(anon2->bus->name, ==, "kvmini-test-bus.1");
    g_assert_cmpstr(named->bus->name, ==, "br0.0");
    g_assert_true(qdev_get_child_bus(DEVICE(named), "br0.0") == named->bus);
    g_assert_null(qdev_get_child_bus(DEVICE(named), "br0.1"));
    /* Automatic names are the type name in lower case, counted by type. */
    dev = qdev_new(TYPE_KVMINI_TEST_DEVICE);
    upper = qbus_new(TYPE_UPPER_BUS, dev, NULL);
    g_assert_cmpstr(upper->name, ==, "upper-bus.0");
    g_assert_true(qbus_new(TYPE_UPPER_BUS, dev, "mine") ==
                  qdev_get_child_bus(dev, "mine"));
    g_assert_cmpint(dev->num_child_bus, ==, 2);
    object_unref(dev);
    g_assert_cmpstr(sysbus_get_default()->name, ==, "main-system-bus");
    g_assert_cmpstr(object_get_typename(OBJECT(sysbus_get_default())), ==,
                    "System");
    test_machine_free();
}

static void test_find(void)
{
    KvminiTestBridge *br;
    Error *err = NULL;

    test_machine_new();
    br = test_bridge_new("br0");
    g_assert_true(qbus_find("br0.0", &error_abort) == br->bus);
    g_assert_true(qbus_find("/machine/br0/br0.0", &error_abort) == br->bus);
    g_assert_true(qbus_find("main-system-bus", &error_abort) ==
                  sysbus_get_default());
    g_assert_null(qbus_find("br1.0", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Bus 'br1.0' not found");
    g_clear_pointer(&err, error_free);
    g_assert_null(qbus_find("/machine/br0", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Bus '/machine/br0' not found");
    error_free(err);
    test_machine_free();
}

static void test_full(void)
{
    g_autoptr(QObject) args = NULL;
    KvminiTestBridge *br;
    Error *err = NULL;
    int i;

    test_machine_new();
    br = test_bridge_new("br0");
    for (i = 0; i < KVMINI_TEST_BUS_MAX_DEV; i++) {
        g_autofree char *id = g_strdup_printf("d%d", i);

        g_assert_false(qbus_is_full(br->bus));
        add_device(TYPE_KVMINI_TEST_DEVICE, id, br->bus);
    }
    g_assert_true(qbus_is_full(br->bus));
    g_assert_cmpint(br->bus->num_children, ==, KVMINI_TEST_BUS_MAX_DEV);
    args = qobject_from_json("{'driver': 'kvmini-test-device', "
                             "'bus': 'br0.0'}", &error_abort);
    g_assert_null(qdev_device_add_from_qdict(qobject_to(QDict, args), true,
                                             &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Bus 'br0.0' is full");
    g_clear_pointer(&err, error_free);
    qobject_unref(args);
    args = qobject_from_json("{'driver': 'kvmini-test-device'}",
                             &error_abort);
    g_assert_null(qdev_device_add_from_qdict(qobject_to(QDict, args), true,
                                             &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "No 'kvmini-test-bus' bus found for device "
                    "'kvmini-test-device'");
    error_free(err);
    test_machine_free();
}

static void test_unplug(void)
{
    KvminiTestBridge *br;
    DeviceState *dev;
    Error *err = NULL;

    test_machine_new();
    br = test_bridge_new("br0");
    dev = add_device(TYPE_KVMINI_TEST_DEVICE, "d0", br->bus);
    g_assert_true(object_property_get_bool(OBJECT(dev), "hotpluggable",
                                           &error_abort));
    g_assert_false(object_property_get_bool(OBJECT(br), "hotpluggable",
                                            &error_abort));
    g_assert_false(qdev_unplug(DEVICE(br), &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Bus 'main-system-bus' does not support hotplugging");
    error_free(err);
    g_assert_true(qdev_unplug(dev, &error_abort));
    g_assert_cmpint(br->bus->num_children, ==, 0);
    g_assert_null(object_resolve_path("/machine/d0", NULL));
    test_machine_free();
}

static void test_order(void)
{
    KvminiTestBridge *br;
    DeviceState *a, *b;

    test_machine_new();
    br = KVMINI_TEST_BRIDGE(add_device(TYPE_ORDER_BRIDGE, "br",
                                       sysbus_get_default()));
    a = add_device(TYPE_ORDER_DEVICE, "a", br->bus);
    b = add_device(TYPE_ORDER_DEVICE, "b", br->bus);
    check_order("R:br R:a R:b");
    /* Reset: each bus's devices (newest first) before the bus's owner. */
    qdev_reset_all(NULL);
    check_order("X:b X:a X:br");
    g_assert_cmpuint(KVMINI_TEST_DEVICE(a)->reset_count, ==, 0);
    device_cold_reset(b);
    check_order("X:b");
    /* Unrealize: what is below first. */
    qdev_unrealize(DEVICE(br));
    check_order("U:b U:a U:br");
    g_assert_false(a->realized);
    g_assert_false(object_property_get_bool(OBJECT(b), "realized",
                                            &error_abort));
    g_assert_true(object_property_set_bool(OBJECT(br), "realized", true,
                                           &error_abort));
    check_order("R:br");
    g_assert_true(br->bus->realized);
    test_machine_free();
    /* a and b were unrealized already: only br is unrealized again. */
    check_order("U:br");
}

static void test_reset_count(void)
{
    KvminiTestBridge *br;
    DeviceState *dev;
    int status;

    test_machine_new();
    br = test_bridge_new("br0");
    dev = add_device(TYPE_KVMINI_TEST_DEVICE, "d0", br->bus);
    qdev_reset_all(NULL);
    qdev_reset_all(NULL);
    g_assert_cmpuint(object_property_get_uint(OBJECT(dev), "reset-count",
                                              &error_abort), ==, 2);
    /* The machine registered the reset with run control (system_reset). */
    main_loop_init();
    run_control_request_reset(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    g_assert_false(run_control_poll(&status));
    g_assert_cmpuint(KVMINI_TEST_DEVICE(dev)->reset_count, ==, 3);
    test_machine_free();
    /* ... and took it back when it went. */
    run_control_request_reset(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    g_assert_false(run_control_poll(&status));
}

/* A device put on a bus but never realized goes with the bus. */
static void test_unrealized_child(void)
{
    KvminiTestBridge *br;
    DeviceState *dev;

    test_machine_new();
    br = test_bridge_new("br0");
    dev = qdev_new(TYPE_KVMINI_TEST_DEVICE);
    qdev_set_parent_bus(dev, br->bus);
    object_unref(dev);
    g_assert_cmpint(br->bus->num_children, ==, 1);
    test_machine_free();
}

int main(int argc, char **argv)
{
    size_t i;
    int ret;

    g_test_init(&argc, &argv, NULL);
    for (i = 0; i < G_N_ELEMENTS(test_types); i++) {
        type_register_static(&test_types[i]);
    }
    order_log = g_string_new(NULL);
    g_test_add_func("/qdev/bus/names", test_names);
    g_test_add_func("/qdev/bus/find", test_find);
    g_test_add_func("/qdev/bus/full", test_full);
    g_test_add_func("/qdev/bus/unplug", test_unplug);
    g_test_add_func("/qdev/bus/order", test_order);
    g_test_add_func("/qdev/bus/reset-count", test_reset_count);
    g_test_add_func("/qdev/bus/unrealized-child", test_unrealized_child);
    ret = g_test_run();
    g_string_free(order_log, true);
    return ret;
}
