/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-system-memory.c: the memory API: overlaps and priorities, aliases,
 * disabled regions, flat views, listeners, I/O access splitting, reads of
 * unassigned addresses and the text of `info mtree`.
 */
#include "osdep.h"

#include "system/memory-as.h"

/* A test I/O device: logs every access, reads return 0x10 + offset. */
typedef struct TestDev {
    GString *log;
    uint64_t value;
} TestDev;

static uint64_t testdev_read(void *opaque, hwaddr addr, unsigned size)
{
    TestDev *dev = opaque;

    g_string_append_printf(dev->log, "r%" PRIx64 "/%u ", addr, size);
    return dev->value + addr;
}

static void testdev_write(void *opaque, hwaddr addr, uint64_t data,
                          unsigned size)
{
    TestDev *dev = opaque;

    g_string_append_printf(dev->log, "w%" PRIx64 "/%u=%" PRIx64 " ", addr,
                           size, data);
}

static const MemoryRegionOps testdev_ops_bytes = {
    .read = testdev_read,
    .write = testdev_write,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static const MemoryRegionOps testdev_ops_words = {
    .read = testdev_read,
    .write = testdev_write,
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* The flat view of @as as "start-last name@offset;" items. */
static char *flat_text(const AddressSpace *as)
{
    const FlatView *view = address_space_get_flatview(as);
    GString *out = g_string_new("");
    unsigned i;

    for (i = 0; i < view->nr; i++) {
        const FlatRange *fr = &view->ranges[i];

        g_string_append_printf(out, "%" PRIx64 "-%" PRIx64 " %s@%" PRIx64
                               ";", fr->addr, fr->last,
                               memory_region_name(fr->mr),
                               fr->offset_in_region);
    }
    return g_string_free(out, false);
}

static void assert_flat(const AddressSpace *as, const char *expected)
{
    g_autofree char *text = flat_text(as);

    g_assert_cmpstr(text, ==, expected);
}

static void test_priority(void)
{
    uint8_t ram[0x4000];
    MemoryRegion root, low, high, under;
    TestDev dev = { .log = g_string_new(""), .value = 0x40 };
    AddressSpace as;
    uint8_t byte;

    memset(ram, 0x5a, sizeof(ram));
    memory_region_init(&root, "root", 0x10000);
    address_space_init(&as, &root, "test");
    memory_region_init_ram_ptr(&low, "low", sizeof(ram), ram);
    memory_region_init_io(&high, &testdev_ops_bytes, &dev, "high", 0x4000);
    memory_region_init_io(&under, &testdev_ops_bytes, &dev, "under",
                          0x10000);
    memory_region_add_subregion(&root, 0, &low);
    memory_region_add_subregion_overlap(&root, 0x2000, &high, 1);
    memory_region_add_subregion_overlap(&root, 0, &under, -1);
    assert_flat(&as, "0-1fff low@0;2000-5fff high@0;6000-ffff under@6000;");

    g_assert_cmpuint(address_space_read(&as, 0x1fff, &byte, 1), ==,
                     MEMTX_OK);
    g_assert_cmpuint(byte, ==, 0x5a);
    g_assert_cmpuint(address_space_read(&as, 0x2001, &byte, 1), ==,
                     MEMTX_OK);
    g_assert_cmpuint(byte, ==, 0x41);
    g_assert_cmpstr(dev.log->str, ==, "r1/1 ");

    /* Same priority: the region added last wins. */
    memory_region_del_subregion(&root, &high);
    memory_region_add_subregion_overlap(&root, 0x2000, &high, 0);
    assert_flat(&as, "0-1fff low@0;2000-5fff high@0;6000-ffff under@6000;");
    memory_region_del_subregion(&root, &low);
    memory_region_add_subregion(&root, 0, &low);
    assert_flat(&as, "0-3fff low@0;4000-5fff high@2000;"
                "6000-ffff under@6000;");

    memory_region_set_address(&high, 0x8000);
    assert_flat(&as, "0-3fff low@0;4000-7fff under@4000;"
                "8000-bfff high@0;c000-ffff under@c000;");

    address_space_destroy(&as);
    object_unref(&root);
    object_unref(&low);
    object_unref(&high);
    object_unref(&under);
    g_string_free(dev.log, true);
}

static void test_alias(void)
{
    uint8_t ram[0x1000] = { 0 };
    uint8_t buf[4] = { 1, 2, 3, 4 };
    MemoryRegion root, ramr, alias, whole;
    AddressSpace as;

    memory_region_init(&root, "root", 0x100000);
    address_space_init(&as, &root, "test");
    memory_region_init_ram_ptr(&ramr, "ram", sizeof(ram), ram);
    memory_region_init_alias(&alias, "window", &ramr, 0x800, 0x400);
    memory_region_add_subregion(&root, 0x10000, &alias);
    assert_flat(&as, "10000-103ff ram@800;");

    g_assert_cmpuint(address_space_write(&as, 0x10002, buf, 4), ==,
                     MEMTX_OK);
    g_assert_cmpmem(ram + 0x802, 4, buf, 4);

    /* An alias of the whole root makes the view render from the target. */
    memory_region_init_alias(&whole, "whole", &root, 0, 0x100000);
    address_space_destroy(&as);
    address_space_init(&as, &whole, "test");
    g_assert_true(address_space_get_flatview(&as)->root == &root);
    assert_flat(&as, "10000-103ff ram@800;");

    address_space_destroy(&as);
    object_unref(&whole);
    memory_region_del_subregion(&root, &alias);
    object_unref(&alias);
    object_unref(&ramr);
    object_unref(&root);
}

/* A listener that logs its callbacks. */
typedef struct TestListener {
    MemoryListener listener;
    GString *log;
} TestListener;

static void tl_log(MemoryListener *listener, const char *what,
                   MemoryRegionSection *section)
{
    TestListener *tl = container_of(listener, TestListener, listener);

    g_string_append(tl->log, what);
    if (section) {
        g_string_append_printf(tl->log, " %s@%" PRIx64 "+%" PRIx64
                               "=%" PRIx64, memory_region_name(section->mr),
                               section->offset_within_address_space,
                               section->offset_within_region,
                               section->size);
    }
    g_string_append(tl->log, ";");
}

static void tl_begin(MemoryListener *listener)
{
    tl_log(listener, "begin", NULL);
}

static void tl_commit(MemoryListener *listener)
{
    tl_log(listener, "commit", NULL);
}

static void tl_add(MemoryListener *listener, MemoryRegionSection *section)
{
    tl_log(listener, "add", section);
}

static void tl_del(MemoryListener *listener, MemoryRegionSection *section)
{
    tl_log(listener, "del", section);
}

static void assert_log(GString *log, const char *expected)
{
    g_assert_cmpstr(log->str, ==, expected);
    g_string_truncate(log, 0);
}

static void test_listener(void)
{
    uint8_t ram[0x2000];
    MemoryRegion root, a, b, io;
    TestDev dev = { .log = g_string_new("") };
    TestListener tl = {
        .listener = {
            .begin = tl_begin, .commit = tl_commit,
            .region_add = tl_add, .region_del = tl_del,
        },
        .log = g_string_new(""),
    };
    AddressSpace as;

    memory_region_init(&root, "root", 0x100000);
    address_space_init(&as, &root, "test");
    memory_region_init_ram_ptr(&a, "a", 0x1000, ram);
    memory_region_init_ram_ptr(&b, "b", 0x1000, ram + 0x1000);
    memory_region_init_io(&io, &testdev_ops_bytes, &dev, "io", 0x100);
    memory_region_add_subregion(&root, 0, &a);

    memory_listener_register(&tl.listener, &as);
    assert_log(tl.log, "begin;add a@0+0=1000;commit;");

    /* I/O regions are not RAM sections: an empty update. */
    memory_region_add_subregion(&root, 0x8000, &io);
    assert_log(tl.log, "begin;commit;");

    memory_region_transaction_begin();
    memory_region_add_subregion(&root, 0x4000, &b);
    memory_region_del_subregion(&root, &io);
    memory_region_add_subregion_overlap(&root, 0x800, &io, 1);
    assert_log(tl.log, "");
    memory_region_transaction_commit();
    assert_log(tl.log, "begin;del a@0+0=1000;add a@0+0=800;"
               "add a@900+900=700;add b@4000+0=1000;commit;");

    memory_region_set_enabled(&b, false);
    assert_log(tl.log, "begin;del b@4000+0=1000;commit;");
    assert_flat(&as, "0-7ff a@0;800-8ff io@0;900-fff a@900;");
    memory_region_set_enabled(&b, true);
    assert_log(tl.log, "begin;add b@4000+0=1000;commit;");

    memory_listener_unregister(&tl.listener);
    assert_log(tl.log, "begin;del a@0+0=800;del a@900+900=700;"
               "del b@4000+0=1000;commit;");
    memory_region_del_subregion(&root, &b);
    assert_log(tl.log, "");

    address_space_destroy(&as);
    object_unref(&root);
    object_unref(&a);
    object_unref(&b);
    object_unref(&io);
    g_string_free(tl.log, true);
    g_string_free(dev.log, true);
}

static void test_io_split(void)
{
    MemoryRegion root, bytes, words;
    TestDev dev = { .log = g_string_new(""), .value = 0x10 };
    AddressSpace as;
    uint64_t val = 0;
    uint8_t byte;

    memory_region_init(&root, "root", 0x10000);
    address_space_init(&as, &root, "test");
    memory_region_init_io(&bytes, &testdev_ops_bytes, &dev, "bytes", 0x10);
    memory_region_init_io(&words, &testdev_ops_words, &dev, "words", 0x10);
    memory_region_add_subregion(&root, 0x100, &bytes);
    memory_region_add_subregion(&root, 0x200, &words);

    /* Wider than max: split into 1-byte accesses, combined LE. */
    g_assert_cmpuint(address_space_read(&as, 0x104, &val, 4), ==, MEMTX_OK);
    g_assert_cmphex(val, ==, 0x17161514);
    g_assert_cmpstr(dev.log->str, ==, "r4/1 r5/1 r6/1 r7/1 ");
    g_string_truncate(dev.log, 0);

    val = 0xa1b2;
    g_assert_cmpuint(address_space_write(&as, 0x100, &val, 2), ==,
                     MEMTX_OK);
    g_assert_cmpstr(dev.log->str, ==, "w0/1=b2 w1/1=a1 ");
    g_string_truncate(dev.log, 0);

    /* Narrower than min: widened; reads keep the low byte. */
    g_assert_cmpuint(address_space_read(&as, 0x201, &byte, 1), ==,
                     MEMTX_OK);
    g_assert_cmphex(byte, ==, 0x11);
    g_assert_cmpstr(dev.log->str, ==, "r1/4 ");
    g_string_truncate(dev.log, 0);

    /* An 8-byte write: two 4-byte accesses. */
    val = 0x1122334455667788ULL;
    g_assert_cmpuint(address_space_write(&as, 0x208, &val, 8), ==,
                     MEMTX_OK);
    g_assert_cmpstr(dev.log->str, ==, "w8/4=55667788 wc/4=11223344 ");
    g_string_truncate(dev.log, 0);

    /* An unaligned 3-byte read: pieces of 1 then 2 bytes. */
    val = 0;
    g_assert_cmpuint(address_space_read(&as, 0x203, &val, 3), ==, MEMTX_OK);
    g_assert_cmphex(val, ==, 0x1413);
    g_assert_cmpstr(dev.log->str, ==, "r3/4 r4/4 ");

    address_space_destroy(&as);
    object_unref(&root);
    object_unref(&bytes);
    object_unref(&words);
    g_string_free(dev.log, true);
}

static void test_unassigned(void)
{
    uint8_t ram[0x10];
    uint8_t buf[8];
    const uint8_t expected[8] = { 7, 7, 7, 7, 0xff, 0xff, 0xff, 0xff };
    MemoryRegion root, ramr;
    AddressSpace as;

    memset(ram, 7, sizeof(ram));
    memory_region_init(&root, "root", UINT64_MAX);
    address_space_init(&as, &root, "test");
    memory_region_init_ram_ptr(&ramr, "ram", sizeof(ram), ram);
    memory_region_add_subregion(&root, 0x1000, &ramr);

    g_assert_cmpuint(address_space_read(&as, 0x100c, buf, 8), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpmem(buf, 8, expected, 8);
    g_assert_cmpuint(address_space_write(&as, 0x0ffc, buf, 8), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpmem(ram, 4, expected + 4, 4);

    /* The top of the address space, wrapping around: no crash. */
    g_assert_cmpuint(address_space_read(&as, UINT64_MAX - 3, buf, 8), ==,
                     MEMTX_DECODE_ERROR);

    address_space_destroy(&as);
    object_unref(&root);
    object_unref(&ramr);
}

static void assert_mtree(bool flatview, const char *expected)
{
    g_autofree char *text = mtree_info(flatview);

    g_assert_cmpstr(text, ==, expected);
}

static void test_mtree(void)
{
    uint8_t ram[0x1000];
    MemoryRegion ram0, alias0;
    uint8_t byte;

    memory_map_init();
    /* As QEMU 7.2 prints them with -M none. */
    assert_mtree(false,
        "address-space: I/O\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "\n"
        "address-space: memory\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"
        "\n");
    assert_mtree(true,
        "FlatView #0\n"
        " AS \"memory\", root: system\n"
        " Root memory region: (none)\n"
        "  No rendered FlatView\n"
        "\n"
        "FlatView #1\n"
        " AS \"I/O\", root: io\n"
        " Root memory region: io\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "\n");
    g_assert_cmpuint(address_space_read(&address_space_io, 0x80, &byte, 1),
                     ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(byte, ==, 0xff);

    memory_region_init_ram_ptr(&ram0, "ram0", sizeof(ram), ram);
    memory_region_init_alias(&alias0, "alias0", &ram0, 0x400, 0x800);
    memory_region_add_subregion(get_system_memory(), 0, &ram0);
    memory_region_add_subregion_overlap(get_system_memory(), 0x100000,
                                        &alias0, 1);
    assert_mtree(false,
        "address-space: I/O\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "\n"
        "address-space: memory\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"
        "    0000000000000000-0000000000000fff (prio 0, ram): ram0\n"
        "    0000000000100000-00000000001007ff (prio 1, ram): alias alias0"
        " @ram0 0000000000000400-0000000000000bff\n"
        "\n"
        "memory-region: ram0\n"
        "  0000000000000000-0000000000000fff (prio 0, ram): ram0\n"
        "\n");
    assert_mtree(true,
        "FlatView #0\n"
        " AS \"memory\", root: system\n"
        " Root memory region: system\n"
        "  0000000000000000-0000000000000fff (prio 0, ram): ram0\n"
        "  0000000000100000-00000000001007ff (prio 0, ram): ram0"
        " @0000000000000400\n"
        "\n"
        "FlatView #1\n"
        " AS \"I/O\", root: io\n"
        " Root memory region: io\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "\n");

    memory_region_del_subregion(get_system_memory(), &ram0);
    memory_region_del_subregion(get_system_memory(), &alias0);
    object_unref(&alias0);
    object_unref(&ram0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/system/memory/priority", test_priority);
    g_test_add_func("/system/memory/alias", test_alias);
    g_test_add_func("/system/memory/listener", test_listener);
    g_test_add_func("/system/memory/io-split", test_io_split);
    g_test_add_func("/system/memory/unassigned", test_unassigned);
    g_test_add_func("/system/memory/mtree", test_mtree);
    return g_test_run();
}
