/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-backends-hostmem.c: the memory backends, created with object-add
 * and -object text: the memory they map, their properties and refusals,
 * files and memfds, and deletion while in use.
 */
#include "osdep.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "backends/hostmem.h"
#include "qom/object-interfaces.h"
#include "qom/object-option.h"

#include "capture.h"
#include "qmp-dispatch-helpers.h"

/* A stand-in for a device using a memory backend. */
#define TYPE_TEST_MEMDEV_USER "test-memdev-user"
OBJECT_DECLARE_SIMPLE_TYPE(TestMemdevUser, TEST_MEMDEV_USER)
struct TestMemdevUser {
    Object parent_obj;
    Object *memdev;
};

static void memdev_user_class_init(ObjectClass *klass, void *data)
{
    object_class_property_add_link(klass, "memdev", TYPE_MEMORY_BACKEND,
                                   offsetof(TestMemdevUser, memdev),
                                   object_property_allow_set_link,
                                   OBJ_PROP_LINK_STRONG);
}

static const TypeInfo memdev_user_info = {
    .name = TYPE_TEST_MEMDEV_USER,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(TestMemdevUser),
    .class_init = memdev_user_class_init,
};

static void register_test_types(void)
{
    type_register_static(&memdev_user_info);
}

type_init(register_test_types)

static HostMemoryBackend *find_backend(const char *id)
{
    Object *obj = object_resolve_path_component(object_get_objects_root(),
                                                id);

    return obj ? MEMORY_BACKEND(obj) : NULL;
}

static void assert_error(Error **errp, const char *expected)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, expected);
    error_free_or_abort(errp);
}

static void test_ram(void)
{
    HostMemoryBackend *m0;
    char *mem;

    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'memory-backend-ram', 'id': 'm0', "
                   "'size': 1000}}",
                   "{\"return\": {}}");
    m0 = find_backend("m0");
    g_assert_nonnull(m0);
    mem = host_memory_backend_get_host_ptr(m0);
    g_assert_nonnull(mem);
    /* Whole pages are mapped; the property keeps what was asked. */
    g_assert_cmpuint(m0->mapped_size, ==, sysconf(_SC_PAGESIZE));
    g_assert_cmpuint(host_memory_backend_get_size(m0), ==, 1000);
    g_assert_cmpint(host_memory_backend_get_fd(m0), ==, -1);
    memset(mem, 0xaa, m0->mapped_size);
    g_assert_cmpint(mem[999], ==, (char)0xaa);

    check_response("{'execute': 'qom-get', 'arguments': "
                   "{'path': '/objects/m0', 'property': 'size'}}",
                   "{\"return\": 1000}");
    check_response("{'execute': 'qom-get', 'arguments': "
                   "{'path': 'm0', 'property': 'share'}}",
                   "{\"return\": false}");
    check_response("{'execute': 'qom-list', "
                   "'arguments': {'path': '/objects/m0'}}",
                   "{\"return\": [{\"name\": \"type\", \"type\": \"string\"}, "
                   "{\"name\": \"size\", \"type\": \"int\"}, "
                   "{\"name\": \"share\", \"type\": \"bool\"}, "
                   "{\"name\": \"prealloc\", \"type\": \"bool\"}]}");
    /* Turning prealloc on afterwards preallocates; nothing else changes. */
    check_response("{'execute': 'qom-set', 'arguments': {'path': 'm0', "
                   "'property': 'prealloc', 'value': true}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'qom-set', 'arguments': {'path': 'm0', "
                   "'property': 'size', 'value': 4096}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"cannot change property 'size' of "
                   "memory-backend-ram\"}}");
    check_response("{'execute': 'qom-set', 'arguments': {'path': 'm0', "
                   "'property': 'share', 'value': true}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"cannot change property 'share' of "
                   "memory-backend-ram\"}}");
    check_response("{'execute': 'object-del', 'arguments': {'id': 'm0'}}",
                   "{\"return\": {}}");
    g_assert_null(find_backend("m0"));
}

static void test_ram_options(void)
{
    HostMemoryBackend *m;

    g_assert_true(user_creatable_add_from_str(
                      "memory-backend-ram,id=m1,size=2M,prealloc=on,"
                      "share=on", &error_abort));
    m = find_backend("m1");
    g_assert_cmpuint(m->size, ==, 2 * 1024 * 1024);
    g_assert_true(m->prealloc);
    g_assert_true(m->share);
    ((char *)m->ptr)[m->size - 1] = 1;
    g_assert_true(user_creatable_del("m1", &error_abort));
}

static void test_ram_errors(void)
{
    g_autofree char *response = NULL;

    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'memory-backend-ram', 'id': 'm', "
                   "'size': 0}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"property 'size' of memory-backend-ram doesn't take "
                   "value '0'\"}}");
    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'memory-backend-ram', 'id': 'm'}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'size' is missing\"}}");
    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'memory-backend-ram', 'id': 'huge', "
                   "'size': 18446744073709551615}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"cannot set up guest memory 'huge': Cannot allocate "
                   "memory\"}}");
    /*
     * 1000 TiB: more than the host will map. Why is the host's to say
     * (ENOMEM on Linux, EINVAL under valgrind).
     */
    response = qmp_test_dispatch("{'execute': 'object-add', 'arguments': "
                                 "{'qom-type': 'memory-backend-ram', "
                                 "'id': 'big', "
                                 "'size': 1125899906842624000}}");
    g_assert_true(g_str_has_prefix(response, "{\"error\": {\"class\": "
                                   "\"GenericError\", \"desc\": \"cannot set "
                                   "up guest memory 'big': "));
    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'memory-backend-ram', 'id': 'm', "
                   "'size': 4096, 'mem-path': '/tmp'}}",
                   "{\"error\": {\"class\": \"GenericError\", "
                   "\"desc\": \"Parameter 'mem-path' is unexpected\"}}");
    g_assert_null(find_backend("m"));
    g_assert_null(find_backend("huge"));
    g_assert_null(find_backend("big"));
}

static void test_in_use(void)
{
    Object *user = object_new(TYPE_TEST_MEMDEV_USER);
    HostMemoryBackend *m;

    object_property_add_child(object_get_root(), "dev", user);
    object_unref(user);
    g_assert_true(user_creatable_add_from_str(
                      "memory-backend-ram,id=m2,size=4K", &error_abort));
    m = find_backend("m2");

    /* The machine maps it. */
    host_memory_backend_set_mapped(m, true);
    g_assert_true(host_memory_backend_is_mapped(m));
    check_response("{'execute': 'object-del', 'arguments': {'id': 'm2'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"object 'm2' is in use, can not be deleted\"}}");
    host_memory_backend_set_mapped(m, false);

    /* A device links to it. */
    check_response("{'execute': 'qom-set', 'arguments': {'path': '/dev', "
                   "'property': 'memdev', 'value': 'm2'}}",
                   "{\"return\": {}}");
    check_response("{'execute': 'object-del', 'arguments': {'id': 'm2'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"object 'm2' is in use, can not be deleted: property "
                   "'memdev' of '/dev' links to it\"}}");
    object_unparent(user);
    check_response("{'execute': 'object-del', 'arguments': {'id': 'm2'}}",
                   "{\"return\": {}}");
}

static void test_file(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-hostmem-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "mem", NULL);
    g_autofree char *small = g_build_filename(dir, "small", NULL);
    g_autofree char *arg = NULL;
    HostMemoryBackend *f;
    struct stat st;
    char byte = 0;
    Error *err = NULL;
    int fd;

    g_assert_nonnull(dir);
    /* A new file, grown to the size, shared: writes reach the file. */
    arg = g_strdup_printf("memory-backend-file,id=f0,size=8K,share=on,"
                          "mem-path=%s", path);
    g_assert_true(user_creatable_add_from_str(arg, &error_abort));
    f = find_backend("f0");
    g_assert_cmpint(host_memory_backend_get_fd(f), >=, 0);
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_size, ==, 8192);
    ((char *)f->ptr)[4096] = 'x';
    fd = open(path, O_RDONLY);
    g_assert_cmpint(pread(fd, &byte, 1, 4096), ==, 1);
    close(fd);
    g_assert_cmpint(byte, ==, 'x');
    check_response("{'execute': 'qom-set', 'arguments': {'path': 'f0', "
                   "'property': 'mem-path', 'value': '/x'}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"cannot change property 'mem-path' of "
                   "memory-backend-file\"}}");
    g_assert_true(user_creatable_del("f0", &error_abort));

    /* The same file again, private: the guest's writes stay in memory. */
    g_free(arg);
    arg = g_strdup_printf("memory-backend-file,id=f1,size=4K,mem-path=%s",
                          path);
    g_assert_true(user_creatable_add_from_str(arg, &error_abort));
    f = find_backend("f1");
    g_assert_cmpint(((char *)f->ptr)[0], ==, 0);
    ((char *)f->ptr)[0] = 'y';
    fd = open(path, O_RDONLY);
    g_assert_cmpint(pread(fd, &byte, 1, 0), ==, 1);
    close(fd);
    g_assert_cmpint(byte, ==, 0);
    g_assert_true(user_creatable_del("f1", &error_abort));

    /* A directory gets an unnamed file. */
    g_free(arg);
    arg = g_strdup_printf("memory-backend-file,id=f2,size=4K,mem-path=%s",
                          dir);
    g_assert_true(user_creatable_add_from_str(arg, &error_abort));
    g_assert_true(user_creatable_del("f2", &error_abort));

    /* A file shorter than the memory is refused. */
    fd = open(small, O_RDWR | O_CREAT, 0600);
    g_assert_cmpint(ftruncate(fd, 4096), ==, 0);
    close(fd);
    g_free(arg);
    arg = g_strdup_printf("memory-backend-file,id=f3,size=1M,mem-path=%s",
                          small);
    g_assert_false(user_creatable_add_from_str(arg, &err));
    assert_error(&err, "backing store size 0x1000 does not match 'size' "
                 "option 0x100000");
    g_assert_false(user_creatable_add_from_str(
                       "memory-backend-file,id=f3,size=4K,"
                       "mem-path=/nonexistent/mem", &err));
    assert_error(&err, "can't open backing store /nonexistent/mem for guest "
                 "RAM: No such file or directory");
    g_assert_false(user_creatable_add_from_str(
                       "memory-backend-file,id=f3,size=4K", &err));
    assert_error(&err, "Parameter 'mem-path' is missing");
    g_assert_null(find_backend("f3"));

    g_assert_cmpint(unlink(small), ==, 0);
    g_assert_cmpint(unlink(path), ==, 0);
    /* Empty: the directory's unnamed file was unlinked. */
    g_assert_cmpint(rmdir(dir), ==, 0);
}

static void test_memfd(void)
{
    HostMemoryBackend *d;
    int seals;

    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'memory-backend-memfd', 'id': 'd0', "
                   "'size': 4096}}",
                   "{\"return\": {}}");
    d = find_backend("d0");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': 'd0', 'property': 'share'}}",
                   "{\"return\": true}");
    check_response("{'execute': 'qom-get', "
                   "'arguments': {'path': 'd0', 'property': 'seal'}}",
                   "{\"return\": true}");
    seals = fcntl(host_memory_backend_get_fd(d), F_GET_SEALS);
    g_assert_cmpint(seals, ==, F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
    g_assert_cmpint(ftruncate(host_memory_backend_get_fd(d), 8192), ==, -1);
    check_response("{'execute': 'qom-set', 'arguments': {'path': 'd0', "
                   "'property': 'seal', 'value': false}}",
                   "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"cannot change property 'seal' of "
                   "memory-backend-memfd\"}}");

    check_response("{'execute': 'object-add', 'arguments': "
                   "{'qom-type': 'memory-backend-memfd', 'id': 'd1', "
                   "'size': 4096, 'seal': false, 'share': false}}",
                   "{\"return\": {}}");
    d = find_backend("d1");
    g_assert_false(d->share);
    g_assert_cmpint(fcntl(host_memory_backend_get_fd(d), F_GET_SEALS), ==,
                    0);
    g_assert_true(user_creatable_del("d0", &error_abort));
    g_assert_true(user_creatable_del("d1", &error_abort));
}

static void test_help(void)
{
    g_autofree char *text = NULL;

    capture_start();
    g_assert_true(user_creatable_print_help(NULL));
    g_assert_true(user_creatable_print_help("memory-backend-memfd"));
    text = capture_stop();
    g_assert_cmpstr(text, ==,
                    "List of user creatable objects:\n"
                    "  memory-backend-file\n"
                    "  memory-backend-memfd\n"
                    "  memory-backend-ram\n"
                    "  rng-builtin\n"
                    "  rng-random\n"
                    "memory-backend-memfd options:\n"
                    "  prealloc=<bool>        - Fault in all of the memory "
                    "when it is created (default: false)\n"
                    "  seal=<bool>            - Seal the memory against "
                    "growing and shrinking (default: true)\n"
                    "  share=<bool>           - Map the memory shared with "
                    "other processes\n"
                    "  size=<int>             - Size of the memory in bytes "
                    "(suffixes K, M, G, T allowed)\n");
}

static void test_object_option(void)
{
    char *argv[] = {
        "kvmini", "-object", "memory-backend-ram,id=o1,size=64K",
        "-object", "memory-backend-memfd,id=o2,size=64K", NULL
    };
    bool help;

    loc_set_cmdline(argv, 1, 2);
    g_assert_true(object_option_parse(argv[2], &help, &error_abort));
    loc_set_cmdline(argv, 3, 2);
    g_assert_true(object_option_parse(argv[4], &help, &error_abort));
    loc_set_none();
    g_assert_true(object_option_add_all(&error_abort));
    g_assert_cmpuint(find_backend("o1")->size, ==, 65536);
    g_assert_cmpint(host_memory_backend_get_fd(find_backend("o2")), >=, 0);
    g_assert_true(user_creatable_del("o1", &error_abort));
    g_assert_true(user_creatable_del("o2", &error_abort));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/backends/hostmem/ram", test_ram);
    g_test_add_func("/backends/hostmem/ram-options", test_ram_options);
    g_test_add_func("/backends/hostmem/ram-errors", test_ram_errors);
    g_test_add_func("/backends/hostmem/in-use", test_in_use);
    g_test_add_func("/backends/hostmem/file", test_file);
    g_test_add_func("/backends/hostmem/memfd", test_memfd);
    g_test_add_func("/backends/hostmem/help", test_help);
    g_test_add_func("/backends/hostmem/object-option", test_object_option);

    return g_test_run();
}
