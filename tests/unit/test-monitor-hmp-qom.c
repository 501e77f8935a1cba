/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-monitor-hmp-qom.c: the HMP commands over QOM (qom-list, qom-get,
 * qom-set, object_add, object_del) and Tab completion of QOM paths,
 * device, object and chardev ids, device drivers and object types,
 * through a readline monitor on a fake connection. Texts and listings
 * are QEMU 7.2's, checked against it.
 */
#include "osdep.h"

#include "chardev/char-hmp-cmds.h"
#include "chardev/char-opts.h"
#include "monitor-test-conn.h"
#include "monitor/hmp.h"
#include "monitor/qdev.h"
#include "qdev-test-machine.h"
#include "util/qemu-option.h"

#define PROMPT "(kvmini) "
#define TYPES_HELP "List of user creatable objects:\n" \
    "  memory-backend-file\n" \
    "  memory-backend-memfd\n" \
    "  memory-backend-ram\n" \
    "  rng-builtin\n" \
    "  rng-random\n"

/* Run the HMP line @line without readline; what it printed, \r\n as \n. */
static char *hmp(const char *line)
{
    TestConn *c = test_conn_new();
    g_autofree char *banner = NULL, *out = NULL, *cmd = NULL;
    g_auto(GStrv) lines = NULL;

    c->mon = monitor_new_hmp(&test_conn_transport, c, false);
    monitor_opened(c->mon);
    banner = test_conn_take(c);
    cmd = g_strdup_printf("%s\n", line);
    test_conn_send(c, cmd);
    test_main_loop();
    out = test_conn_take(c);
    test_conn_free(c);
    lines = g_strsplit(out, "\r\n", -1);
    return g_strjoinv("\n", lines);
}

static void check(const char *line, const char *expected)
{
    g_autofree char *out = hmp(line);

    g_assert_cmpstr(out, ==, expected);
}

/* Type @keys at a fresh readline prompt; everything echoed after it. */
static char *type_keys(const char *keys)
{
    TestConn *c = test_conn_new();
    char *out;

    c->mon = monitor_new_hmp(&test_conn_transport, c, true);
    monitor_opened(c->mon);
    g_free(test_conn_take(c));
    test_conn_send(c, keys);
    test_main_loop();
    out = test_conn_take(c);
    test_conn_free(c);
    return out;
}

/* Typing @keys leaves the line @line, with no candidates listed. */
static void check_line(const char *keys, const char *line)
{
    g_autofree char *out = type_keys(keys);
    g_autofree char *expected = g_strdup_printf("%s\033[K", line);

    g_assert_null(strstr(out, "\r\n"));
    g_assert_true(g_str_has_suffix(out, expected));
}

/*
 * Typing @keys lists the candidates @listing (rows ending "\r\n"), then
 * shows the prompt and the line @line again.
 */
static void check_listing(const char *keys, const char *listing,
                          const char *line)
{
    g_autofree char *out = type_keys(keys);
    g_autofree char *expected = g_strdup_printf("\033[K\r\n%s" PROMPT
                                                "%s\033[K", listing, line);

    g_assert_true(g_str_has_suffix(out, expected));
}

/* A machine with a bridge /machine/br0 and devices t0, x1 on its bus. */
static void machine_with_devices(void)
{
    test_machine_new();
    test_bridge_new("br0");
    check("device_add kvmini-test-device,id=t0,u16=3", "");
    check("device_add kvmini-test-device,id=x1", "");
}

static void test_qom_list(void)
{
    check("qom-list", "/\n");
    check("object_add memory-backend-ram,id=mem0,size=1M", "");
    check("qom-list /objects",
          "type (string)\nmem0 (child<memory-backend-ram>)\n");
    /* A partial path names the one object anywhere in the tree. */
    check("qom-list objects",
          "type (string)\nmem0 (child<memory-backend-ram>)\n");
    check("qom-list /nope", "Error: Device '/nope' not found\n");
    check("object_del mem0", "");
    check("qom-list /objects", "type (string)\n");
}

static void test_qom_get(void)
{
    check("object_add memory-backend-ram,id=mem0,size=1M", "");
    check("qom-get /objects/mem0 size", "1048576\n");
    check("qom-get /objects/mem0 share", "false\n");
    check("qom-get /machine/peripheral/t0 u16", "3\n");
    check("qom-get /machine/peripheral/t0 msg", "\"\"\n");
    check("qom-get /objects/mem0 type", "\"memory-backend-ram\"\n");
    check("qom-get /objects/mem0 nope",
          "Error: Property 'memory-backend-ram.nope' not found\n");
    check("qom-get /nope size", "Error: Device '/nope' not found\n");
    check("qom-get /objects/mem0",
          "qom-get: string expected\n"
          "Try \"help qom-get\" for more information\n");
    check("object_del mem0", "");
}

static void test_qom_set(void)
{
    check("object_add memory-backend-ram,id=mem0,size=1M", "");
    check("qom-set /objects/mem0 prealloc on", "");
    check("qom-get /objects/mem0 prealloc", "true\n");
    check("qom-set -j /objects/mem0 prealloc false", "");
    check("qom-get /objects/mem0 prealloc", "false\n");
    /* The texts of kvmini's visitors and JSON parser, not QEMU's. */
    check("qom-set /objects/mem0 prealloc maybe",
          "Error: Parameter 'prealloc' expects 'on' or 'off', got 'maybe'\n");
    check("qom-set -j /objects/mem0 prealloc 1",
          "Error: Parameter 'prealloc' expects boolean\n");
    check("qom-set -j /objects/mem0 prealloc {",
          "Error: JSON parse error, premature end of input\n");
    /* Without -j the value is the rest of the line. */
    check("qom-set /objects/mem0 prealloc on off",
          "Error: Parameter 'prealloc' expects 'on' or 'off', got 'on off'\n");
    check("qom-set /nope size 1", "Error: Device '/nope' not found\n");
    check("qom-set -j /nope size 1", "Error: Device '/nope' not found\n");
    check("object_del mem0", "");
}

static void test_object_add_del(void)
{
    check("object_add memory-backend-ram,id=m2,size=4096", "");
    check("object_add memory-backend-ram,id=m2,size=4096",
          "Error: attempt to add duplicate property 'm2' to object "
          "(type 'container')\n");
    check("object_add nope,id=x",
          "Error: Parameter 'qom-type' does not accept value 'nope'\n");
    check("object_add memory-backend-ram",
          "Error: Parameter 'id' is missing\n");
    check("object_add {\"qom-type\": \"memory-backend-ram\", \"id\": \"m3\", "
          "\"size\": 4096}", "");
    check("object_del m2", "");
    check("object_del m2", "Error: object 'm2' not found\n");
    check("object_del m3", "");
    check("object_add",
          "object_add: string expected\n"
          "Try \"help object_add\" for more information\n");
    check("object_del",
          "object_del: string expected\n"
          "Try \"help object_del\" for more information\n");
    check("object_add help", TYPES_HELP);
    check("object_add nope,help", TYPES_HELP);
    check("object_add memory-backend-ram,id=m4,help",
          "memory-backend-ram options:\n"
          "  prealloc=<bool>        - Fault in all of the memory when it is "
          "created (default: false)\n"
          "  share=<bool>           - Map the memory shared with other "
          "processes\n"
          "  size=<int>             - Size of the memory in bytes (suffixes "
          "K, M, G, T allowed)\n");
    check("qom-list /objects", "type (string)\n");
}

static void test_complete_qom_path(void)
{
    check_line("qom-list \t", "qom-list /");
    check_line("qom-list /m\t", "qom-list /machine/");
    /* Objects with children end in '/', so no space follows them. */
    check_listing("qom-list /\t", "/machine/  /objects   \r\n", "qom-list /");
    check_listing("qom-list /machine/\t",
                  "/machine/br0/             /machine/peripheral-anon  "
                  "/machine/peripheral/      \r\n"
                  "/machine/unattached/      \r\n", "qom-list /machine/");
    check_line("qom-list /o\t", "qom-list /objects ");
    check_line("qom-list /machine/b\t", "qom-list /machine/br0/");
    check_line("qom-get /machine/peripheral/t\t",
               "qom-get /machine/peripheral/t0 ");
    check_line("qom-get /machine/peripheral/t0 \t",
               "qom-get /machine/peripheral/t0 ");
    check_line("qom-set -j /machine/peripheral/t\t",
               "qom-set -j /machine/peripheral/t0 ");
    check_line("qom-list /nope/\t", "qom-list /nope/");
    check_line("qom-list mach\t", "qom-list mach");
}

static void test_complete_devices(void)
{
    check_line("device_del x\t", "device_del x1 ");
    check_listing("device_del \t", "t0        x1        \r\n", "device_del ");
    check_line("device_del /machine/peripheral/t\t",
               "device_del /machine/peripheral/t0 ");
    check_line("device_del t0 \t", "device_del t0 ");
    /* Paths lead only to devices: /objects has none, /machine does. */
    check("object_add memory-backend-ram,id=mem0,size=1M", "");
    check_line("device_del /\t", "device_del /machine/");
    check_listing("device_del /machine/\t",
                  "/machine/br0/         /machine/peripheral/  \r\n",
                  "device_del /machine/");
    check("object_del mem0", "");
    check_listing("device_add kvmini-test-\t",
                  "kvmini-test-bridge  kvmini-test-device  \r\n",
                  "device_add kvmini-test-");
    check_line("device_add kvmini-test-br\t",
               "device_add kvmini-test-bridge ");
}

static void test_complete_objects(void)
{
    check("object_add memory-backend-ram,id=mem0,size=1M", "");
    check("object_add memory-backend-ram,id=mem1,size=1M", "");
    check_listing("object_del me\t", "mem0      mem1      \r\n",
                  "object_del mem");
    check_line("object_del mem1\t", "object_del mem1 ");
    check_listing("object_add memory-backend-\t",
                  "memory-backend-file   memory-backend-memfd  "
                  "memory-backend-ram    \r\n",
                  "object_add memory-backend-");
    check_line("object_add memory-backend-r\t",
               "object_add memory-backend-ram ");
    check_line("object_del mem0 \t", "object_del mem0 ");
    check("object_del mem0", "");
    check("object_del mem1", "");
}

static void test_complete_chardevs(void)
{
    check("chardev-add null,id=ch0", "");
    check("chardev-add null,id=chx", "");
    check_listing("chardev-remove \t", "ch0       chx       \r\n",
                  "chardev-remove ch");
    check_line("chardev-remove chx\t", "chardev-remove chx ");
    check("chardev-remove ch0", "");
    check("chardev-remove chx", "");
}

int main(int argc, char **argv)
{
    int status;

    g_test_init(&argc, &argv, NULL);
    qemu_add_opts(&qemu_device_opts);
    qemu_add_opts(&qemu_chardev_opts);
    qdev_hmp_register();
    chardev_hmp_register();
    qdev_machine_creation_done();
    machine_with_devices();
    g_test_add_func("/monitor/hmp-qom/qom-list", test_qom_list);
    g_test_add_func("/monitor/hmp-qom/qom-get", test_qom_get);
    g_test_add_func("/monitor/hmp-qom/qom-set", test_qom_set);
    g_test_add_func("/monitor/hmp-qom/object-add-del", test_object_add_del);
    g_test_add_func("/monitor/hmp-qom/complete-qom-path",
                    test_complete_qom_path);
    g_test_add_func("/monitor/hmp-qom/complete-devices",
                    test_complete_devices);
    g_test_add_func("/monitor/hmp-qom/complete-objects",
                    test_complete_objects);
    g_test_add_func("/monitor/hmp-qom/complete-chardevs",
                    test_complete_chardevs);
    status = g_test_run();
    test_machine_free();
    return status;
}
