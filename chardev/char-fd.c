/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-fd.c: backends on file descriptors: the shared base, and the file
 * and pipe backends.
 */
#include "osdep.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "char-fd.h"
#include "util/qemu-option.h"

static void fd_chr_read(Chardev *chr, GIOCondition cond)
{
    FDChardev *s = FD_CHARDEV(chr);

    if (!chr_fd_read_to_frontend(chr, s->fd_in, cond)) {
        /* End of input: output may go on. */
        chr_source_clear(&s->read_src);
    }
}

void fd_chr_set_fds(FDChardev *s, int fd_in, int fd_out)
{
    s->fd_in = fd_in;
    s->fd_out = fd_out;
    if (0 <= fd_in) {
        s->read_src = chr_read_source_new(CHARDEV(s), fd_in, fd_chr_read);
    }
}

static int fd_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return chr_fd_write(FD_CHARDEV(chr)->fd_out, buf, len, false);
}

static GSource *fd_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    return g_unix_fd_source_new(FD_CHARDEV(chr)->fd_out, cond);
}

static void fd_chr_instance_init(Object *obj)
{
    FDChardev *s = FD_CHARDEV(obj);

    s->fd_in = -1;
    s->fd_out = -1;
}

static void fd_chr_finalize(Object *obj)
{
    FDChardev *s = FD_CHARDEV(obj);

    chr_source_clear(&s->read_src);
    if (s->fd_in != s->fd_out) {
        chr_fd_close(s->fd_in);
    }
    chr_fd_close(s->fd_out);
}

static void fd_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->chr_write = fd_chr_write;
    cc->chr_add_watch = fd_chr_add_watch;
}

/* Open @path with @flags, with QEMU's message on failure. */
static int chr_open_path(const char *path, int flags, Error **errp)
{
    int fd = open(path, flags | O_CLOEXEC | O_NONBLOCK, 0666);

    if (0 > fd) {
        error_setg_errno(errp, errno, "Could not open '%s'", path);
    }
    return fd;
}

static void file_chr_parse(QemuOpts *opts, ChardevBackend *backend,
                           Error **errp)
{
    const char *path = qemu_opt_get(opts, "path");
    ChardevFile *file;

    if (!path) {
        error_setg(errp, "chardev: file: no filename given");
        return;
    }
    file = backend->u.file.data = g_new0(ChardevFile, 1);
    file->out = g_strdup(path);
    file->has_append = true;
    file->append = qemu_opt_get_bool(opts, "append", false);
}

static bool file_chr_open(Chardev *chr, ChardevBackend *backend,
                          bool *be_opened, Error **errp)
{
    ChardevFile *file = backend->u.file.data;
    int flags = O_WRONLY | O_CREAT | (file->append ? O_APPEND : O_TRUNC);
    int fd_in = -1, fd_out;

    fd_out = chr_open_path(file->out, flags, errp);
    if (0 > fd_out) {
        return false;
    }
    /* A regular file is always writable: block rather than drop. */
    fcntl(fd_out, F_SETFL, fcntl(fd_out, F_GETFL) & ~O_NONBLOCK);
    if (file->in) {
        fd_in = chr_open_path(file->in, O_RDONLY, errp);
        if (0 > fd_in) {
            close(fd_out);
            return false;
        }
    }
    fd_chr_set_fds(FD_CHARDEV(chr), fd_in, fd_out);
    qemu_chr_set_filename(chr, g_strdup("file"));
    return true;
}

static void file_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->parse = file_chr_parse;
    cc->open = file_chr_open;
}

static void pipe_chr_parse(QemuOpts *opts, ChardevBackend *backend,
                           Error **errp)
{
    const char *path = qemu_opt_get(opts, "path");

    if (!path) {
        error_setg(errp, "chardev: pipe: no device path given");
        return;
    }
    backend->u.pipe.data = g_new0(ChardevHostdev, 1);
    backend->u.pipe.data->device = g_strdup(path);
}

static bool pipe_chr_open(Chardev *chr, ChardevBackend *backend,
                          bool *be_opened, Error **errp)
{
    const char *path = backend->u.pipe.data->device;
    g_autofree char *in = g_strdup_printf("%s.in", path);
    g_autofree char *out = g_strdup_printf("%s.out", path);
    int fd_in, fd_out;

    /* PATH.in and PATH.out if both exist, else PATH both ways. */
    fd_in = open(in, O_RDWR | O_CLOEXEC | O_NONBLOCK);
    fd_out = open(out, O_RDWR | O_CLOEXEC | O_NONBLOCK);
    if (0 > fd_in || 0 > fd_out) {
        chr_fd_close(fd_in);
        chr_fd_close(fd_out);
        fd_in = fd_out = chr_open_path(path, O_RDWR, errp);
        if (0 > fd_in) {
            return false;
        }
    }
    fd_chr_set_fds(FD_CHARDEV(chr), fd_in, fd_out);
    qemu_chr_set_filename(chr, g_strdup("pipe"));
    return true;
}

static void pipe_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->parse = pipe_chr_parse;
    cc->open = pipe_chr_open;
}

static const TypeInfo fd_chr_types[] = {
    {
        .name = TYPE_CHARDEV_FD,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(FDChardev),
        .instance_init = fd_chr_instance_init,
        .instance_finalize = fd_chr_finalize,
        .abstract = true,
        .class_init = fd_chr_class_init,
    }, {
        .name = "chardev-file",
        .parent = TYPE_CHARDEV_FD,
        .class_init = file_chr_class_init,
    }, {
        .name = "chardev-pipe",
        .parent = TYPE_CHARDEV_FD,
        .class_init = pipe_chr_class_init,
    },
};

static void fd_chr_register_types(void)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(fd_chr_types); i++) {
        type_register_static(&fd_chr_types[i]);
    }
}

type_init(fd_chr_register_types)
