/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-backends-rng.c: the random number generator backends: rng-builtin
 * and rng-random created with object-add and -object text, reading from
 * them, and their refusals.
 */
#include "osdep.h"

#include "backends/rng.h"
#include "qom/object-interfaces.h"

#include "capture.h"
#include "qmp-dispatch-helpers.h"

static RngBackend *find_rng(const char *id)
{
    Object *obj = object_resolve_path_component(object_get_objects_root(),
                                                id);

    return obj ? RNG_BACKEND(obj) : NULL;
}

static void assert_error(Error **errp, const char *expected)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, expected);
    error_free_or_abort(errp);
}

static void test_builtin(void)
{
    static const uint8_t zeros[64];
    uint8_t buf[64];

    check_response("{'execute': 'object-add', "
                   "'arguments': {'qom-type': 'rng-builtin', 'id': 'b0'}}",
                   "{\"return\": {}}");
    g_assert_true(rng_backend_read(find_rng("b0"), buf, sizeof(buf),
                                   &error_abort));
    /* 512 random bits all zero: not in this universe. */
    g_assert_true(memcmp(buf, zeros, sizeof(buf)));
    check_response("{'execute': 'qom-list', "
                   "'arguments': {'path': '/objects/b0'}}",
                   "{\"return\": [{\"name\": \"type\", "
                   "\"type\": \"string\"}]}");
    check_response("{'execute': 'object-del', 'arguments': {'id': 'b0'}}",
                   "{\"return\": {}}");
}

static void test_random(void)
{
    uint8_t buf[256];
    Error *err = NULL;
    size_t i;

    check_response("{'execute': 'object-add', "
                   "'arguments': {'qom-type': 'rng-random', 'id': 'r0'}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': 'r0', 'property': 'filename'}}",
                   "{\"return\": \"/dev/urandom\"}");
    g_assert_true(rng_backend_read(find_rng("r0"), buf, sizeof(buf),
                                   &error_abort));
    check_response("{'execute': 'qom-set', 'arguments': {'path': 'r0', "
                   "'property': 'filename', 'value': '/dev/random'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Property 'filename' can no longer be set\"}}");

    /* The device given is the one read. */
    g_assert_true(user_creatable_add_from_str(
                      "rng-random,id=r1,filename=/dev/zero", &error_abort));
    memset(buf, 0xff, sizeof(buf));
    g_assert_true(rng_backend_read(find_rng("r1"), buf, sizeof(buf),
                                   &error_abort));
    for (i = 0; i < sizeof(buf); i++) {
        g_assert_cmpuint(buf[i], ==, 0);
    }
    g_assert_true(user_creatable_add_from_str(
                      "rng-random,id=r2,filename=/dev/null", &error_abort));
    g_assert_false(rng_backend_read(find_rng("r2"), buf, 1, &err));
    assert_error(&err, "cannot read from '/dev/null': Input/output error");

    g_assert_true(user_creatable_del("r0", &error_abort));
    g_assert_true(user_creatable_del("r1", &error_abort));
    g_assert_true(user_creatable_del("r2", &error_abort));
}

static void test_random_errors(void)
{
    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'rng-random', 'id': 'r', "
                   "'filename': '/nonexistent'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Could not open '/nonexistent': No such file or "
                   "directory\"}}");
    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'rng-builtin', 'id': 'r', "
                   "'filename': '/dev/zero'}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'filename' is unexpected\"}}");
    g_assert_null(find_rng("r"));
}

static void test_types_and_help(void)
{
    g_autofree char *text = NULL;

    check_response("{'execute': 'qom-list-types', 'arguments': "
                   "{'implements': 'rng-backend', 'abstract': true}}",
                   "{\"return\": [{\"name\": \"rng-backend\", "
                   "\"abstract\": true, \"parent\": \"object\"}, "
                   "{\"name\": \"rng-random\", \"parent\": \"rng-backend\"}, "
                   "{\"name\": \"rng-builtin\", "
                   "\"parent\": \"rng-backend\"}]}");
    check_response("{'execute': 'qom-list-properties', "
                   "'arguments': {'typename': 'rng-random'}}",
                   "{\"return\": [{\"name\": \"type\", \"type\": \"string\"}, "
                   "{\"name\": \"filename\", \"type\": \"string\", "
                   "\"description\": \"Host device to read randomness "
                   "from\"}]}");
    capture_start();
    g_assert_true(user_creatable_print_help("rng-random"));
    g_assert_true(user_creatable_print_help("rng-builtin"));
    text = capture_stop();
    g_assert_cmpstr(text, ==, "rng-random options:\n"
                    "  filename=<string>      - Host device to read "
                    "randomness from (default: \"/dev/urandom\")\n"
                    "There are no options for rng-builtin.\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/backends/rng/builtin", test_builtin);
    g_test_add_func("/backends/rng/random", test_random);
    g_test_add_func("/backends/rng/random-errors", test_random_errors);
    g_test_add_func("/backends/rng/types-and-help", test_types_and_help);

    return g_test_run();
}
