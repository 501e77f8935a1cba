/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-block-backend.c: block backends over a raw image in a temporary
 * directory: opening read-only and read-write, reads and writes with
 * their range checks, the attached device, listing by name, and -drive
 * with its errors.
 */
#include "osdep.h"

#include "block/blockdev.h"
#include "util/error.h"

#define IMAGE_SIZE 8192

static char *tmpdir;
static char *image;

static void check_error(Error *err, const char *message)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
}

/* Write a fresh image: byte i is i % 251. */
static void image_reset(void)
{
    g_autofree uint8_t *data = g_malloc(IMAGE_SIZE);
    int i;

    for (i = 0; i < IMAGE_SIZE; i++) {
        data[i] = i % 251;
    }
    g_assert_true(g_file_set_contents(image, (char *)data, IMAGE_SIZE,
                                      NULL));
}

static void test_read_write(void)
{
    BlockBackend *blk;
    uint8_t buf[16];
    g_autofree char *contents = NULL;
    gsize len;

    image_reset();
    blk = blk_new_open("d0", image, false, &error_abort);
    g_assert_cmpint(blk_getlength(blk), ==, IMAGE_SIZE);
    g_assert_false(blk_is_read_only(blk));
    g_assert_cmpint(blk_pread(blk, 251, 4, buf), ==, 0);
    g_assert_cmpmem(buf, 4, "\0\1\2\3", 4);
    g_assert_cmpint(blk_pwrite(blk, IMAGE_SIZE - 5, 5, "hello"), ==, 0);
    g_assert_cmpint(blk_flush(blk), ==, 0);
    g_assert_cmpint(blk_pread(blk, IMAGE_SIZE - 5, 5, buf), ==, 0);
    g_assert_cmpmem(buf, 5, "hello", 5);
    /* A zero-length request at the end is inside the image. */
    g_assert_cmpint(blk_pread(blk, IMAGE_SIZE, 0, buf), ==, 0);
    blk_delete(blk);
    g_assert_true(g_file_get_contents(image, &contents, &len, NULL));
    g_assert_cmpuint(len, ==, IMAGE_SIZE);
    g_assert_cmpmem(contents + IMAGE_SIZE - 5, 5, "hello", 5);
}

static void test_bounds(void)
{
    BlockBackend *blk = blk_new_open("d0", image, false, &error_abort);
    uint8_t buf[16] = { 0xaa };

    g_assert_cmpint(blk_pread(blk, IMAGE_SIZE - 4, 5, buf), ==, -EINVAL);
    g_assert_cmpint(blk_pread(blk, IMAGE_SIZE + 1, 0, buf), ==, -EINVAL);
    g_assert_cmpint(blk_pread(blk, -1, 1, buf), ==, -EINVAL);
    g_assert_cmpint(blk_pread(blk, 0, -1, buf), ==, -EINVAL);
    g_assert_cmpint(blk_pread(blk, INT64_MAX, 16, buf), ==, -EINVAL);
    g_assert_cmpint(blk_pread(blk, 16, INT64_MAX, buf), ==, -EINVAL);
    g_assert_cmpint(blk_pwrite(blk, INT64_MAX - 1, 2, buf), ==, -EINVAL);
    g_assert_cmpint(blk_pwrite(blk, IMAGE_SIZE, 1, buf), ==, -EINVAL);
    /* Nothing was touched. */
    g_assert_cmpuint(buf[0], ==, 0xaa);
    g_assert_cmpint(blk_pread(blk, 252, 1, buf), ==, 0);
    g_assert_cmpuint(buf[0], ==, 1);
    blk_delete(blk);
}

static void test_read_only(void)
{
    BlockBackend *blk = blk_new_open("ro", image, true, &error_abort);
    uint8_t buf[4];

    g_assert_true(blk_is_read_only(blk));
    g_assert_cmpint(blk_pwrite(blk, 0, 4, "abcd"), ==, -EPERM);
    g_assert_cmpint(blk_pread(blk, 0, 4, buf), ==, 0);
    g_assert_cmpmem(buf, 4, "\0\1\2\3", 4);
    g_assert_cmpint(blk_flush(blk), ==, 0);
    blk_delete(blk);
}

static void test_names(void)
{
    BlockBackend *a = blk_new_open("a", image, true, &error_abort);
    BlockBackend *b = blk_new_open("b", image, false, &error_abort);
    g_autofree char *missing = g_build_filename(tmpdir, "missing", NULL);
    g_autofree char *message = NULL;
    Error *err = NULL;

    g_assert_true(blk_by_name("a") == a);
    g_assert_true(blk_by_name("b") == b);
    g_assert_null(blk_by_name("c"));
    g_assert_true(blk_next(NULL) == a);
    g_assert_true(blk_next(a) == b);
    g_assert_null(blk_next(b));
    g_assert_cmpstr(blk_name(b), ==, "b");
    g_assert_null(blk_new_open("a", image, true, &err));
    check_error(err, "Duplicate ID 'a' for drive");
    err = NULL;
    g_assert_null(blk_new_open("c", missing, true, &err));
    message = g_strdup_printf("Could not open '%s': No such file or "
                              "directory", missing);
    check_error(err, message);
    blk_delete_all();
    g_assert_null(blk_next(NULL));
}

static void test_attach(void)
{
    BlockBackend *blk = blk_new_open("d0", image, false, &error_abort);
    DeviceState *dev1 = (DeviceState *)&dev1;
    DeviceState *dev2 = (DeviceState *)&dev2;

    g_assert_null(blk_get_attached_dev(blk));
    g_assert_true(blk_attach_dev(blk, dev1));
    g_assert_true(blk_attach_dev(blk, dev1));
    g_assert_false(blk_attach_dev(blk, dev2));
    g_assert_true(blk_get_attached_dev(blk) == dev1);
    blk_detach_dev(blk, dev1);
    g_assert_true(blk_attach_dev(blk, dev2));
    blk_detach_dev(blk, dev2);
    blk_delete(blk);
}

/* -drive @optarg fails with @message. */
static void check_drive_error(const char *optarg, const char *message)
{
    Error *err = NULL;

    g_assert_false(drive_option_add(optarg, &err));
    check_error(err, message);
}

static void test_drive_option(void)
{
    g_autofree char *ok = g_strdup_printf("if=none,id=d1,file=%s,"
                                          "format=raw,readonly=on", image);
    g_autofree char *rw = g_strdup_printf("id=d2,file=%s", image);
    g_autofree char *fmt = g_strdup_printf("id=d3,file=%s,format=qcow2",
                                           image);
    g_autofree char *iface = g_strdup_printf("if=virtio,id=d3,file=%s",
                                             image);
    g_autofree char *noid = g_strdup_printf("if=none,file=%s", image);

    g_assert_true(drive_option_add(ok, &error_abort));
    g_assert_true(blk_is_read_only(blk_by_name("d1")));
    g_assert_true(drive_option_add(rw, &error_abort));
    g_assert_false(blk_is_read_only(blk_by_name("d2")));
    check_drive_error(ok, "Duplicate ID 'd1' for drive");
    check_drive_error(fmt, "Unknown driver 'qcow2'");
    check_drive_error(iface,
                      "unsupported bus type 'virtio' (only if=none exists)");
    check_drive_error(noid, "Parameter 'id' is missing");
    check_drive_error("id=d3", "Parameter 'file' is missing");
    check_drive_error("id=d3,file=/nonexistent/x",
                      "Could not open '/nonexistent/x': No such file or "
                      "directory");
    g_assert_null(blk_by_name("d3"));
    g_assert_null(qemu_opts_find(&qemu_drive_opts, "d3"));
    blk_delete_all();
    qemu_opts_reset(&qemu_drive_opts);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("test-block-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);
    image = g_build_filename(tmpdir, "disk.raw", NULL);
    image_reset();
    g_test_add_func("/block/backend/read-write", test_read_write);
    g_test_add_func("/block/backend/bounds", test_bounds);
    g_test_add_func("/block/backend/read-only", test_read_only);
    g_test_add_func("/block/backend/names", test_names);
    g_test_add_func("/block/backend/attach", test_attach);
    g_test_add_func("/block/backend/drive-option", test_drive_option);
    ret = g_test_run();
    unlink(image);
    rmdir(tmpdir);
    g_free(image);
    g_free(tmpdir);
    return ret;
}
