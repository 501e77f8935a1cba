/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-x86-boot-common.c: guest RAM, temporary files and loads for the
 * x86 boot tests.
 */
#include "osdep.h"

#include "test-x86-boot-common.h"

BootTest *boot_test_new(uint64_t below_4g, uint64_t above_4g)
{
    BootTest *t = g_new0(BootTest, 1);

    t->dir = g_dir_make_tmp("test-x86-boot-XXXXXX", NULL);
    g_assert_nonnull(t->dir);
    t->files = g_ptr_array_new_with_free_func(g_free);
    t->cfg = (X86BootConfig) {
        .ram = g_malloc(below_4g + above_4g),
        .below_4g = below_4g, .above_4g = above_4g,
        .cmdline = "", .ncpus = 1,
    };
    memset(t->cfg.ram, BOOT_TEST_RAM_FILL, below_4g + above_4g);
    return t;
}

void boot_test_free(BootTest *t)
{
    unsigned i;

    for (i = 0; i < t->files->len; i++) {
        g_assert_cmpint(remove(g_ptr_array_index(t->files, i)), ==, 0);
    }
    g_assert_cmpint(rmdir(t->dir), ==, 0);
    g_ptr_array_unref(t->files);
    g_free(t->dir);
    g_free(t->cfg.ram);
    g_free(t);
}

const char *boot_test_file(BootTest *t, const char *name, const void *data,
                           size_t size)
{
    char *path = g_build_filename(t->dir, name, NULL);

    g_assert_true(g_file_set_contents(path, data, size, NULL));
    g_ptr_array_add(t->files, path);
    return path;
}

uint8_t *boot_test_ram(BootTest *t, uint64_t gpa)
{
    g_assert_cmpuint(gpa, <, t->cfg.below_4g);
    return t->cfg.ram + gpa;
}

void boot_test_load(BootTest *t)
{
    Error *err = NULL;

    if (!x86_load_kernel(&t->cfg, &t->state, &err)) {
        g_error("unexpected load error: %s", error_get_pretty(err));
    }
}

void boot_test_load_fails(BootTest *t, const char *expected)
{
    Error *err = NULL;
    g_auto(GStrv) parts = g_strsplit(expected, "DIR", -1);
    g_autofree char *msg = g_strjoinv(t->dir, parts);

    g_assert_false(x86_load_kernel(&t->cfg, &t->state, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

uint16_t boot_test_ld16(BootTest *t, uint64_t gpa)
{
    uint16_t v;

    memcpy(&v, boot_test_ram(t, gpa), sizeof(v));
    return GUINT16_FROM_LE(v);
}

uint32_t boot_test_ld32(BootTest *t, uint64_t gpa)
{
    uint32_t v;

    memcpy(&v, boot_test_ram(t, gpa), sizeof(v));
    return GUINT32_FROM_LE(v);
}

uint64_t boot_test_ld64(BootTest *t, uint64_t gpa)
{
    uint64_t v;

    memcpy(&v, boot_test_ram(t, gpa), sizeof(v));
    return GUINT64_FROM_LE(v);
}
