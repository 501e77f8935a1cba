/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-mkinitramfs.c: scripts/mkinitramfs, run into a g_dir_make_tmp()
 * directory: the archive's exact file list (cpio -t) and module load
 * order from a made-up module tree, the virtio modules of the installed
 * Debian kernel, /init, and its one-line errors. Skips when Debian's
 * busybox-static (or, for the real kernel, a kernel) is not installed.
 */
#include "osdep.h"
#include <sys/wait.h>

#define BUSYBOX "/bin/busybox"

/* Directories every archive has, in cpio -t (sorted) order. */
#define ROOT_DIRS "bin\nbin/busybox\ndev\ninit\nlib\nlib/modules\n"
#define TAIL_DIRS "proc\nsbin\nsys\ntmp\nusr\nusr/bin\nusr/sbin\n"

typedef struct Run {
    int status;
    char *out;
    char *err;
} Run;

/* Run @argv (NULL ended); its exit status, stdout and stderr. */
static Run run_argv(const char *const *argv)
{
    g_autoptr(GError) err = NULL;
    Run r = { 0 };
    int wait_status;

    g_assert_true(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &r.out, &r.err, &wait_status,
                               &err));
    g_assert_no_error(err);
    g_assert_true(WIFEXITED(wait_status));
    r.status = WEXITSTATUS(wait_status);
    return r;
}

static void run_clear(Run *r)
{
    g_free(r->out);
    g_free(r->err);
}

/* Run a shell command line @cmd; assert it succeeds and return its stdout. */
static char *run_sh(const char *cmd)
{
    const char *argv[] = { "/bin/sh", "-c", cmd, NULL };
    Run r = run_argv(argv);

    g_assert_cmpstr(r.err, ==, "");
    g_assert_cmpint(r.status, ==, 0);
    g_free(r.err);
    return r.out;
}

static char *cpio_list(const char *archive)
{
    g_autofree char *cmd = g_strdup_printf("gzip -dc '%s' | cpio -t --quiet",
                                           archive);

    return run_sh(cmd);
}

static char *cpio_cat(const char *archive, const char *file)
{
    g_autofree char *cmd = g_strdup_printf(
        "gzip -dc '%s' | cpio -i --quiet --to-stdout %s", archive, file);

    return run_sh(cmd);
}

/* A new temporary directory (new string), for remove_dir(). */
static char *make_dir(void)
{
    g_autoptr(GError) err = NULL;
    char *dir = g_dir_make_tmp("mkinitramfs-XXXXXX", &err);

    g_assert_no_error(err);
    return dir;
}

/* Remove @dir and what is in it, and free it. */
static void remove_dir(char *dir)
{
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);

    g_free(run_sh(cmd));
    g_free(dir);
}

typedef void DirTest(const char *dir);

/* Run the test @data (a DirTest) in a new temporary directory. */
static void run_in_dir(gconstpointer data)
{
    DirTest *test = (DirTest *)data;
    char *dir;

    if (!g_file_test(BUSYBOX, G_FILE_TEST_IS_EXECUTABLE)) {
        g_test_skip(BUSYBOX " is missing (scripts/setup-deps --linux)");
        return;
    }
    dir = make_dir();
    test(dir);
    remove_dir(dir);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_autofree char *parent = g_path_get_dirname(path);

    g_assert_cmpint(g_mkdir_with_parents(parent, 0755), ==, 0);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

/*
 * A made-up kernel "9.9": virtio_blk needs virtio and virtio_ring,
 * virtio_net needs net_failover (which needs failover) and virtio; the
 * virtio_pci* and virtio_console modules are missing (built in).
 */
static void make_module_tree(const char *root)
{
    write_file(root, "9.9/modules.dep",
        "kernel/drivers/block/virtio_blk.ko: kernel/drivers/virtio/virtio.ko"
        " kernel/drivers/virtio/virtio_ring.ko\n"
        "kernel/drivers/virtio/virtio.ko: kernel/drivers/virtio/virtio_ring.ko\n"
        "kernel/drivers/virtio/virtio_ring.ko:\n"
        "kernel/drivers/net/virtio_net.ko: kernel/drivers/net/net_failover.ko"
        " kernel/net/core/failover.ko kernel/drivers/virtio/virtio.ko\n"
        "kernel/drivers/net/net_failover.ko: kernel/net/core/failover.ko\n"
        "kernel/net/core/failover.ko:\n"
        "kernel/sound/snd-dummy.ko:\n");
    write_file(root, "9.9/kernel/drivers/block/virtio_blk.ko", "blk");
    write_file(root, "9.9/kernel/drivers/virtio/virtio.ko", "virtio");
    write_file(root, "9.9/kernel/drivers/virtio/virtio_ring.ko", "ring");
    write_file(root, "9.9/kernel/drivers/net/virtio_net.ko", "net");
    write_file(root, "9.9/kernel/drivers/net/net_failover.ko", "nf");
    write_file(root, "9.9/kernel/net/core/failover.ko", "fo");
    write_file(root, "9.9/kernel/sound/snd-dummy.ko", "snd");
}

static void test_made_up_kernel(const char *dir)
{
    g_autofree char *mods = g_build_filename(dir, "modules", NULL);
    g_autofree char *out = g_build_filename(dir, "out", "initramfs.cpio.gz",
                                            NULL);
    g_autofree char *expect_out = g_strdup_printf(
        "mkinitramfs: %s (kernel 9.9: virtio_ring virtio virtio_blk "
        "failover net_failover virtio_net)\n", out);
    g_autofree char *list = NULL;
    g_autofree char *order = NULL;
    g_autofree char *ko = NULL;
    const char *argv[] = { MKINITRAMFS_PATH, "-o", out, "-m", mods, NULL };
    Run r;

    make_module_tree(mods);
    r = run_argv(argv);
    g_assert_cmpstr(r.err, ==, "");
    g_assert_cmpstr(r.out, ==, expect_out);
    g_assert_cmpint(r.status, ==, 0);
    run_clear(&r);

    list = cpio_list(out);
    g_assert_cmpstr(list, ==, ROOT_DIRS
                    "lib/modules/failover.ko\n"
                    "lib/modules/load-order\n"
                    "lib/modules/net_failover.ko\n"
                    "lib/modules/virtio.ko\n"
                    "lib/modules/virtio_blk.ko\n"
                    "lib/modules/virtio_net.ko\n"
                    "lib/modules/virtio_ring.ko\n"
                    TAIL_DIRS);
    order = cpio_cat(out, "lib/modules/load-order");
    g_assert_cmpstr(order, ==, "virtio_ring\nvirtio\nvirtio_blk\n"
                    "failover\nnet_failover\nvirtio_net\n");
    ko = cpio_cat(out, "lib/modules/net_failover.ko");
    g_assert_cmpstr(ko, ==, "nf");
}

static void test_init(const char *dir)
{
    g_autofree char *mods = g_build_filename(dir, "modules", NULL);
    g_autofree char *out = g_build_filename(dir, "i.cpio.gz", NULL);
    g_autofree char *init = NULL;
    g_autofree char *list = NULL;
    const char *argv[] = { MKINITRAMFS_PATH, "-o", out, "-m", mods, NULL };
    Run r;

    write_file(mods, "1.0/modules.dep", "");
    r = run_argv(argv);
    g_assert_cmpint(r.status, ==, 0);
    run_clear(&r);
    list = cpio_list(out);
    g_assert_cmpstr(list, ==, ROOT_DIRS "lib/modules/load-order\n" TAIL_DIRS);
    init = cpio_cat(out, "init");
    g_assert_cmpstr(init, ==,
        "#!/bin/busybox sh\n"
        "/bin/busybox --install -s\n"
        "mount -t proc proc /proc\n"
        "mount -t sysfs sysfs /sys\n"
        "mount -t devtmpfs devtmpfs /dev\n"
        "for m in $(cat /lib/modules/load-order); do\n"
        "    insmod /lib/modules/$m.ko || echo \"kvmini-linux: cannot load $m\"\n"
        "done\n"
        "echo \"kvmini-linux: ready\"\n"
        "exec setsid cttyhack sh\n");
}

/* The newest installed kernel, as mkinitramfs picks it; NULL if none. */
static char *newest_kernel(void)
{
    g_autofree char *kver = run_sh("ls /lib/modules 2>/dev/null | "
                                   "sort -V | tail -n 1");
    g_autofree char *dep = NULL;

    g_strchomp(kver);
    dep = g_strdup_printf("/lib/modules/%s/modules.dep", kver);
    if (!*kver || !g_file_test(dep, G_FILE_TEST_EXISTS)) {
        return NULL;
    }
    return g_steal_pointer(&kver);
}

static void test_installed_kernel(const char *dir)
{
    g_autofree char *out = g_build_filename(dir, "initramfs.cpio.gz", NULL);
    g_autofree char *kver = newest_kernel();
    g_autofree char *list = NULL;
    g_autofree char *order = NULL;
    g_auto(GStrv) lines = NULL;
    const char *argv[] = { MKINITRAMFS_PATH, "-o", out, NULL };
    const char *const virtio[] = {
        "virtio_ring", "virtio", "virtio_pci", "virtio_blk", "virtio_net",
    };
    Run r;
    size_t i;

    if (!kver) {
        g_test_skip("no kernel in /lib/modules (scripts/setup-deps --linux)");
        return;
    }
    r = run_argv(argv);
    g_assert_cmpstr(r.err, ==, "");
    g_assert_cmpint(r.status, ==, 0);
    run_clear(&r);
    list = cpio_list(out);
    order = cpio_cat(out, "lib/modules/load-order");
    g_assert_true(g_str_has_prefix(list, ROOT_DIRS));
    g_assert_true(g_str_has_suffix(list, TAIL_DIRS));
    /* Debian builds these as modules; each comes after what it needs. */
    lines = g_strsplit(order, "\n", -1);
    g_assert_cmpstr(lines[0], ==, "virtio_ring");
    g_assert_cmpstr(lines[1], ==, "virtio");
    for (i = 0; i < G_N_ELEMENTS(virtio); i++) {
        g_autofree char *ko = g_strdup_printf("\nlib/modules/%s.ko\n",
                                              virtio[i]);

        g_assert_nonnull(strstr(list, ko));
        g_assert_true(g_strv_contains((const char *const *)lines,
                                      virtio[i]));
    }
}

static void test_errors(const char *dir)
{
    g_autofree char *out = g_build_filename(dir, "i.cpio.gz", NULL);
    g_autofree char *expect = g_strdup_printf(
        "mkinitramfs: no kernel in %s (install linux-image-amd64: "
        "scripts/setup-deps --linux)\n", dir);
    const char *empty[] = { MKINITRAMFS_PATH, "-o", out, "-m", dir, NULL };
    const char *bogus[] = { MKINITRAMFS_PATH, "-o", out, "-m", dir,
                            "-k", "bogus", NULL };
    const char *extra[] = { MKINITRAMFS_PATH, "extra", NULL };
    Run r;

    r = run_argv(empty);
    g_assert_cmpstr(r.err, ==, expect);
    g_assert_cmpint(r.status, ==, 1);
    run_clear(&r);

    g_free(expect);
    expect = g_strdup_printf("mkinitramfs: %s/bogus/modules.dep is missing "
                             "(is kernel bogus installed?)\n", dir);
    r = run_argv(bogus);
    g_assert_cmpstr(r.err, ==, expect);
    g_assert_cmpint(r.status, ==, 1);
    run_clear(&r);

    r = run_argv(extra);
    g_assert_cmpstr(r.err, ==, "mkinitramfs: unexpected argument 'extra'\n");
    g_assert_cmpint(r.status, ==, 1);
    run_clear(&r);
    g_assert_false(g_file_test(out, G_FILE_TEST_EXISTS));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_data_func("/guest/mkinitramfs/made-up-kernel",
                         test_made_up_kernel, run_in_dir);
    g_test_add_data_func("/guest/mkinitramfs/init", test_init, run_in_dir);
    g_test_add_data_func("/guest/mkinitramfs/installed-kernel",
                         test_installed_kernel, run_in_dir);
    g_test_add_data_func("/guest/mkinitramfs/errors", test_errors,
                         run_in_dir);
    return g_test_run();
}
