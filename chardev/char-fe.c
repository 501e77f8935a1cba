/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-fe.c: the frontend API: attaching to a chardev, handlers, writing,
 * waiting until the device is writable.
 */
#include "osdep.h"

#include "chardev-internal.h"
#include "util/main-loop.h"

bool qemu_chr_fe_init(CharBackend *be, Chardev *chr, Error **errp)
{
    memset(be, 0, sizeof(*be));
    if (!chr) {
        return true;
    }
    if (chardev_is_mux(chr) ? !mux_chr_attach(chr, be) : NULL != chr->be) {
        error_setg(errp, "Device '%s' is in use", chr->label);
        return false;
    }
    if (!chardev_is_mux(chr)) {
        chr->be = be;
    }
    be->chr = chr;
    return true;
}

void qemu_chr_fe_deinit(CharBackend *be, bool del)
{
    Chardev *chr = be->chr;

    if (!chr) {
        return;
    }
    qemu_chr_fe_set_handlers(be, NULL, NULL, NULL, NULL);
    if (chardev_is_mux(chr)) {
        mux_chr_detach(chr, be);
    } else {
        chr->be = NULL;
    }
    be->chr = NULL;
    if (del) {
        object_unparent(OBJECT(chr));
    }
}

Chardev *qemu_chr_fe_get_driver(const CharBackend *be)
{
    return be->chr;
}

void qemu_chr_fe_set_handlers(CharBackend *be, IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event, void *opaque)
{
    Chardev *chr = be->chr;
    ChardevClass *cc;

    be->can_read = fd_can_read;
    be->read = fd_read;
    be->event = fd_event;
    be->opaque = opaque;
    if (!chr) {
        return;
    }
    cc = CHARDEV_GET_CLASS(chr);
    if (chardev_is_mux(chr)) {
        mux_chr_set_handlers(chr, be);
    } else if (fd_event && chr->be_open) {
        fd_event(opaque, CHR_EVENT_OPENED);
    }
    if (cc->chr_accept_input) {
        cc->chr_accept_input(chr);
    }
}

int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len)
{
    Chardev *chr = be->chr;
    int n;

    if (!chr) {
        return len;
    }
    n = CHARDEV_GET_CLASS(chr)->chr_write(chr, buf, len);
    if (0 < n) {
        qemu_chr_write_log(chr, buf, n);
    }
    return n;
}

static gboolean chr_writable(gint fd, GIOCondition cond, gpointer data)
{
    return G_SOURCE_REMOVE;
}

/* Wait, holding the big lock, until @chr is writable. */
static void qemu_chr_wait_writable(Chardev *chr)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);
    GSource *src = cc->chr_add_watch ? cc->chr_add_watch(chr, G_IO_OUT) : NULL;
    GMainContext *ctx;

    if (!src) {
        return;
    }
    /* A private context: only this source, polled without the lock. */
    ctx = g_main_context_new();
    g_source_set_callback(src, (GSourceFunc)(void (*)(void))chr_writable,
                          NULL, NULL);
    g_source_attach(src, ctx);
    g_source_unref(src);
    g_main_context_iteration(ctx, TRUE);
    g_source_destroy(src);
    g_main_context_unref(ctx);
}

int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len)
{
    Chardev *chr = be->chr;
    int done = 0, n;

    if (!chr) {
        return len;
    }
    while (done < len) {
        n = CHARDEV_GET_CLASS(chr)->chr_write(chr, buf + done, len - done);
        if (0 > n) {
            return -1;
        }
        qemu_chr_write_log(chr, buf + done, n);
        if (!n) {
            qemu_chr_wait_writable(chr);
        }
        done += n;
    }
    return len;
}

typedef struct FEWatch {
    FEWatchFunc *func;
    void *opaque;
} FEWatch;

static gboolean fe_watch_dispatch(gint fd, GIOCondition cond, gpointer data)
{
    FEWatch *w = data;

    return w->func(NULL, cond, w->opaque);
}

guint qemu_chr_fe_add_watch(CharBackend *be, GIOCondition cond,
                            FEWatchFunc *func, void *user_data)
{
    Chardev *chr = be->chr;
    ChardevClass *cc;
    FEWatch *w;
    GSource *src;
    guint id;

    if (!chr) {
        return 0;
    }
    cc = CHARDEV_GET_CLASS(chr);
    src = cc->chr_add_watch ? cc->chr_add_watch(chr, cond) : NULL;
    if (!src) {
        return 0;
    }
    w = g_new(FEWatch, 1);
    w->func = func;
    w->opaque = user_data;
    g_source_set_callback(src, (GSourceFunc)(void (*)(void))fe_watch_dispatch,
                          w, g_free);
    id = g_source_attach(src, NULL);
    g_source_unref(src);
    return id;
}

void qemu_chr_fe_accept_input(CharBackend *be)
{
    Chardev *chr = be->chr;

    if (chr && CHARDEV_GET_CLASS(chr)->chr_accept_input) {
        CHARDEV_GET_CLASS(chr)->chr_accept_input(chr);
    }
    main_loop_wakeup();
}

bool qemu_chr_fe_backend_open(const CharBackend *be)
{
    return be->chr && be->chr->be_open;
}
