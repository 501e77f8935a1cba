/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-mux.c: the multiplexer (mux=on, -nographic): up to MUX_MAX
 * frontends share one chardev. Output of every frontend goes out; input
 * goes to the frontend with the focus, and Ctrl-A escapes act as in
 * QEMU: C-a h help, C-a x exit, C-a c next frontend, C-a t timestamps,
 * C-a b break, C-a C-a a literal C-a.
 *
 * As in QEMU, a mux tells its frontends that the chardev below is open
 * only once the main loop runs, when every frontend created at start-up
 * (the monitor, then the serial port) is attached and the focus rests on
 * the last: a monitor that does not have it stays silent until C-a c.
 *
 * Input is read a byte at a time, so that the escapes act even while the
 * focused frontend takes nothing (a stopped guest's serial port): up to
 * MUX_HELD bytes wait for each frontend, in order, until it takes them.
 */
#include "osdep.h"

#include "chardev-internal.h"
#include "system/run-control.h"
#include "util/fifo8.h"

#define MUX_ESCAPE 0x01     /* Ctrl-A */
#define MUX_HELD 32         /* input bytes kept for a frontend */

typedef struct MuxChardev {
    Chardev parent_obj;
    CharBackend chr;                /* this mux on the chardev it shares */
    CharBackend *backends[MUX_MAX]; /* borrowed: the frontends */
    Fifo8 held[MUX_MAX];            /* input they did not take yet */
    int mux_cnt;
    int focus;                      /* index in backends, or -1 */
    bool escape;                    /* C-a came, the command comes next */
    bool timestamps;
    bool linestart;                 /* the next output starts a line */
    int64_t timestamps_start;       /* g_get_monotonic_time() of C-a t */
    guint open_idle;                /* passes OPENED on once the loop runs */
} MuxChardev;

DECLARE_INSTANCE_CHECKER(MuxChardev, MUX_CHARDEV, TYPE_CHARDEV_MUX)

bool chardev_is_mux(const Chardev *chr)
{
    return NULL != object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_MUX);
}

static CharBackend *mux_focus_be(MuxChardev *d)
{
    return 0 <= d->focus ? d->backends[d->focus] : NULL;
}

static int mux_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    int64_t ms;
    char stamp[32];
    int i;

    if (!d->timestamps) {
        return qemu_chr_fe_write(&d->chr, buf, len);
    }
    for (i = 0; i < len; i++) {
        if (d->linestart) {
            ms = (g_get_monotonic_time() - d->timestamps_start) / 1000;
            snprintf(stamp, sizeof(stamp), "[%02d:%02d:%02d.%03d] ",
                     (int)(ms / 3600000), (int)(ms / 60000 % 60),
                     (int)(ms / 1000 % 60), (int)(ms % 1000));
            qemu_chr_fe_write_all(&d->chr, (const uint8_t *)stamp,
                                  strlen(stamp));
            d->linestart = false;
        }
        qemu_chr_fe_write_all(&d->chr, buf + i, 1);
        d->linestart = '\n' == buf[i];
    }
    return len;
}

static void mux_print(MuxChardev *d, const char *text)
{
    qemu_chr_fe_write_all(&d->chr, (const uint8_t *)text, strlen(text));
}

static void mux_print_help(MuxChardev *d)
{
    static const char help[] =
        "\n\r"
        "C-a h    print this help\n\r"
        "C-a x    exit emulator\n\r"
        "C-a s    save disk data back to file (if -snapshot)\n\r"
        "C-a t    toggle console timestamps\n\r"
        "C-a b    send break (magic sysrq)\n\r"
        "C-a c    switch between console and monitor\n\r"
        "C-a C-a  sends C-a\n\r";

    mux_print(d, help);
}

/* Whether the focused frontend @be takes a byte now. */
static bool mux_be_takes(CharBackend *be)
{
    return be->read && be->can_read && 0 < be->can_read(be->opaque);
}

/* Hand the focused frontend what waits for it, as far as it takes it. */
static void mux_deliver_held(MuxChardev *d)
{
    CharBackend *be = mux_focus_be(d);
    uint8_t ch;

    if (!be) {
        return;
    }
    while (!fifo8_is_empty(&d->held[d->focus]) && mux_be_takes(be)) {
        ch = fifo8_pop(&d->held[d->focus]);
        be->read(be->opaque, &ch, 1);
    }
}

/* Input @ch for the focused frontend: now if it takes it, else later. */
static void mux_deliver(MuxChardev *d, uint8_t ch)
{
    CharBackend *be = mux_focus_be(d);

    mux_deliver_held(d);
    if (!be || !be->read) {
        return;
    }
    if (fifo8_is_empty(&d->held[d->focus]) && mux_be_takes(be)) {
        be->read(be->opaque, &ch, 1);
    } else {
        /* Dropped when MUX_HELD bytes already wait. */
        fifo8_push(&d->held[d->focus], ch);
    }
}

static void mux_send_to(CharBackend *be, QEMUChrEvent event)
{
    if (be && be->event) {
        be->event(be->opaque, event);
    }
}

static void mux_set_focus(MuxChardev *d, int focus)
{
    mux_send_to(mux_focus_be(d), CHR_EVENT_MUX_OUT);
    d->focus = focus;
    mux_send_to(mux_focus_be(d), CHR_EVENT_MUX_IN);
    mux_deliver_held(d);
}

/* Act on the character after C-a; returns whether @ch is input. */
static bool mux_escape(MuxChardev *d, uint8_t ch)
{
    switch (ch) {
    case 'h':
    case '?':
        mux_print_help(d);
        return false;
    case 'x':
        mux_print(d, "kvmini: Terminated\n\r");
        run_control_request_shutdown(SHUTDOWN_CAUSE_HOST_UI);
        return false;
    case 'b':
        mux_send_to(mux_focus_be(d), CHR_EVENT_BREAK);
        return false;
    case 'c':
        if (d->mux_cnt) {
            mux_set_focus(d, (d->focus + 1) % d->mux_cnt);
        }
        return false;
    case 't':
        d->timestamps = !d->timestamps;
        d->timestamps_start = g_get_monotonic_time();
        d->linestart = false;
        return false;
    case MUX_ESCAPE:
        return true;
    default:
        return false;
    }
}

static int mux_chr_can_read(void *opaque)
{
    MuxChardev *d = MUX_CHARDEV(opaque);

    /* One byte: the next may be C-a c, and go to another frontend. */
    return 0 <= d->focus && !fifo8_is_full(&d->held[d->focus]) ? 1 : 0;
}

static void mux_chr_read(void *opaque, const uint8_t *buf, int size)
{
    MuxChardev *d = MUX_CHARDEV(opaque);
    int i;

    for (i = 0; i < size; i++) {
        if (d->escape) {
            d->escape = false;
            if (!mux_escape(d, buf[i])) {
                continue;
            }
        } else if (MUX_ESCAPE == buf[i]) {
            d->escape = true;
            continue;
        }
        mux_deliver(d, buf[i]);
    }
}

static void mux_chr_event(void *opaque, QEMUChrEvent event)
{
    MuxChardev *d = MUX_CHARDEV(opaque);

    /* Until mux_chr_open_late(), which looks at the state below. */
    if (d->open_idle
        && (CHR_EVENT_OPENED == event || CHR_EVENT_CLOSED == event)) {
        return;
    }
    qemu_chr_be_event(CHARDEV(opaque), event);
}

static gboolean mux_chr_open_late(gpointer opaque)
{
    MuxChardev *d = opaque;

    d->open_idle = 0;
    if (qemu_chr_fe_backend_open(&d->chr)) {
        qemu_chr_be_event(CHARDEV(d), CHR_EVENT_OPENED);
    }
    return G_SOURCE_REMOVE;
}

void mux_chr_send_event(Chardev *chr, QEMUChrEvent event)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    int i;

    for (i = 0; i < d->mux_cnt; i++) {
        mux_send_to(d->backends[i], event);
    }
}

bool mux_chr_attach(Chardev *chr, CharBackend *be)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    if (MUX_MAX <= d->mux_cnt) {
        return false;
    }
    be->tag = d->mux_cnt++;
    d->backends[be->tag] = be;
    return true;
}

void mux_chr_detach(Chardev *chr, CharBackend *be)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    Fifo8 gone = d->held[be->tag];
    int i;

    for (i = be->tag; i + 1 < d->mux_cnt; i++) {
        d->backends[i] = d->backends[i + 1];
        d->backends[i]->tag = i;
        d->held[i] = d->held[i + 1];
    }
    d->backends[--d->mux_cnt] = NULL;
    /* The departed frontend's queue, emptied, serves the freed slot. */
    fifo8_reset(&gone);
    d->held[d->mux_cnt] = gone;
    if (d->focus >= d->mux_cnt) {
        d->focus = d->mux_cnt - 1;
    }
}

void mux_chr_set_handlers(Chardev *chr, CharBackend *be)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    if (!be->event && !be->read) {
        return;
    }
    /* The newest frontend takes the focus, as the serial console does. */
    mux_set_focus(d, be->tag);
    if (chr->be_open) {
        mux_send_to(be, CHR_EVENT_OPENED);
    }
}

static void mux_chr_accept_input(Chardev *chr)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    mux_deliver_held(d);
    qemu_chr_fe_accept_input(&d->chr);
}

static GSource *mux_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    Chardev *under = MUX_CHARDEV(chr)->chr.chr;
    ChardevClass *cc = CHARDEV_GET_CLASS(under);

    return cc->chr_add_watch ? cc->chr_add_watch(under, cond) : NULL;
}

static bool mux_chr_is_busy(Chardev *chr)
{
    /* Like QEMU: a mux is never removed. */
    return true;
}

static void mux_chr_parse(QemuOpts *opts, ChardevBackend *backend,
                          Error **errp)
{
    error_setg(errp, "chardev: mux: use mux=on with another backend");
}

static bool mux_chr_open(Chardev *chr, ChardevBackend *backend,
                         bool *be_opened, Error **errp)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    const char *under_id = backend->u.mux.data->chardev;
    Chardev *under = qemu_chr_find(under_id);

    if (!under) {
        error_setg(errp, "mux: base chardev %s not found", under_id);
        return false;
    }
    if (!qemu_chr_fe_init(&d->chr, under, errp)) {
        return false;
    }
    d->focus = -1;
    *be_opened = false;
    d->open_idle = g_idle_add(mux_chr_open_late, d);
    qemu_chr_fe_set_handlers(&d->chr, mux_chr_can_read, mux_chr_read,
                             mux_chr_event, d);
    qemu_chr_set_filename(chr, g_strdup("mux"));
    return true;
}

static void mux_chr_instance_init(Object *obj)
{
    MuxChardev *d = MUX_CHARDEV(obj);
    int i;

    for (i = 0; i < MUX_MAX; i++) {
        fifo8_create(&d->held[i], MUX_HELD);
    }
}

static void mux_chr_finalize(Object *obj)
{
    MuxChardev *d = MUX_CHARDEV(obj);
    int i;

    for (i = 0; i < MUX_MAX; i++) {
        fifo8_destroy(&d->held[i]);
    }
    if (d->open_idle) {
        g_source_remove(d->open_idle);
    }
    qemu_chr_fe_deinit(&d->chr, false);
}

static void mux_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->parse = mux_chr_parse;
    cc->open = mux_chr_open;
    cc->chr_write = mux_chr_write;
    cc->chr_add_watch = mux_chr_add_watch;
    cc->chr_accept_input = mux_chr_accept_input;
    cc->chr_is_busy = mux_chr_is_busy;
}

static const TypeInfo mux_chr_info = {
    .name = TYPE_CHARDEV_MUX,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(MuxChardev),
    .instance_init = mux_chr_instance_init,
    .instance_finalize = mux_chr_finalize,
    .class_init = mux_chr_class_init,
};

static void mux_chr_register_types(void)
{
    type_register_static(&mux_chr_info);
}

type_init(mux_chr_register_types)
