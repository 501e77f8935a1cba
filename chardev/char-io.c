/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-io.c: file-descriptor helpers of the backends: a read source that
 * only polls while the frontend takes input, reading into the frontend,
 * non-blocking writes.
 */
#include "osdep.h"

#include <sys/socket.h>

#include "chardev-internal.h"

typedef struct ChrReadSource {
    GSource source;
    Chardev *chr;           /* borrowed: the chardev destroys the source */
    gpointer tag;
    GIOCondition events;    /* what the fd is polled for now */
    ChrReadFunc *fn;
} ChrReadSource;

static gboolean chr_read_prepare(GSource *source, gint *timeout)
{
    ChrReadSource *s = (ChrReadSource *)source;
    GIOCondition want = 0 < qemu_chr_be_can_write(s->chr) ? G_IO_IN : 0;

    /* Only on a change: modifying the fd wakes the loop up again. */
    if (want != s->events) {
        s->events = want;
        g_source_modify_unix_fd(source, s->tag, want);
    }
    *timeout = -1;
    return FALSE;
}

static gboolean chr_read_check(GSource *source)
{
    ChrReadSource *s = (ChrReadSource *)source;

    return 0 != g_source_query_unix_fd(source, s->tag);
}

static gboolean chr_read_dispatch(GSource *source, GSourceFunc unused,
                                  gpointer data)
{
    ChrReadSource *s = (ChrReadSource *)source;

    s->fn(s->chr, g_source_query_unix_fd(source, s->tag));
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs chr_read_funcs = {
    .prepare = chr_read_prepare,
    .check = chr_read_check,
    .dispatch = chr_read_dispatch,
};

GSource *chr_read_source_new(Chardev *chr, int fd, ChrReadFunc *fn)
{
    GSource *source = g_source_new(&chr_read_funcs, sizeof(ChrReadSource));
    ChrReadSource *s = (ChrReadSource *)source;

    s->chr = chr;
    s->fn = fn;
    s->tag = g_source_add_unix_fd(source, fd, 0);
    g_source_attach(source, NULL);
    return source;
}

void chr_source_clear(GSource **src)
{
    if (*src) {
        g_source_destroy(*src);
        g_source_unref(*src);
        *src = NULL;
    }
}

bool chr_fd_read_to_frontend(Chardev *chr, int fd, GIOCondition cond)
{
    uint8_t buf[4096];
    int len = MIN(qemu_chr_be_can_write(chr), (int)sizeof(buf));
    ssize_t n;

    if (0 >= len) {
        /* Nothing wanted; a hang-up or error still ends the stream. */
        return !(cond & (G_IO_HUP | G_IO_ERR));
    }
    n = read(fd, buf, len);
    if (0 > n) {
        return EAGAIN == errno || EINTR == errno;
    }
    if (!n) {
        return false;
    }
    qemu_chr_be_write(chr, buf, n);
    return true;
}

int chr_fd_write(int fd, const uint8_t *buf, int len, bool is_socket)
{
    ssize_t n;

    do {
        n = is_socket ? send(fd, buf, len, MSG_NOSIGNAL) : write(fd, buf, len);
    } while (0 > n && EINTR == errno);
    if (0 > n) {
        return EAGAIN == errno ? 0 : -1;
    }
    return n;
}

void chr_fd_close(int fd)
{
    if (STDERR_FILENO < fd) {
        close(fd);
    }
}
