/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-ringbuf.c: the null backend (output discarded, no input) and the
 * ringbuf backend ("memory" too): output is kept in a ring of a power of
 * two bytes, the oldest overwritten, for ringbuf-read.
 */
#include "osdep.h"

#include "chardev-internal.h"
#include "util/qemu-option.h"

typedef struct RingBufChardev {
    Chardev parent_obj;
    size_t size;            /* a power of two */
    size_t prod;            /* bytes ever written */
    size_t cons;            /* bytes ever read; prod - cons <= size */
    uint8_t *buf;
} RingBufChardev;

DECLARE_INSTANCE_CHECKER(RingBufChardev, RINGBUF_CHARDEV, TYPE_CHARDEV_RINGBUF)

static int null_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return len;
}

static void null_chr_parse(QemuOpts *opts, ChardevBackend *backend,
                           Error **errp)
{
    backend->u.null.data = g_new0(ChardevCommon, 1);
}

static bool null_chr_open(Chardev *chr, ChardevBackend *backend,
                          bool *be_opened, Error **errp)
{
    *be_opened = false;
    qemu_chr_set_filename(chr, g_strdup("null"));
    return true;
}

static void null_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->parse = null_chr_parse;
    cc->open = null_chr_open;
    cc->chr_write = null_chr_write;
}

void ringbuf_chr_put(Chardev *chr, const uint8_t *buf, int len)
{
    RingBufChardev *d = RINGBUF_CHARDEV(chr);
    int i;

    for (i = 0; i < len; i++) {
        d->buf[d->prod++ & (d->size - 1)] = buf[i];
        if (d->prod - d->cons > d->size) {
            d->cons = d->prod - d->size;
        }
    }
}

size_t ringbuf_chr_count(Chardev *chr)
{
    RingBufChardev *d = RINGBUF_CHARDEV(chr);

    return d->prod - d->cons;
}

int ringbuf_chr_get(Chardev *chr, uint8_t *buf, int len)
{
    RingBufChardev *d = RINGBUF_CHARDEV(chr);
    int i;

    for (i = 0; i < len && d->cons != d->prod; i++) {
        buf[i] = d->buf[d->cons++ & (d->size - 1)];
    }
    return i;
}

static int ringbuf_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    ringbuf_chr_put(chr, buf, len);
    return len;
}

static void ringbuf_chr_parse(QemuOpts *opts, ChardevBackend *backend,
                              Error **errp)
{
    ChardevRingbuf *rb = backend->u.ringbuf.data = g_new0(ChardevRingbuf, 1);

    if (qemu_opt_get(opts, "size")) {
        rb->has_size = true;
        rb->size = qemu_opt_get_size(opts, "size", 0);
    }
}

static bool ringbuf_chr_open(Chardev *chr, ChardevBackend *backend,
                             bool *be_opened, Error **errp)
{
    RingBufChardev *d = RINGBUF_CHARDEV(chr);
    ChardevRingbuf *opts = backend->u.ringbuf.data;
    int64_t size = opts->has_size ? opts->size : RINGBUF_DEFAULT_SIZE;

    /* A size the client chose: bounded before allocating it. */
    if (0 >= size || (size & (size - 1)) || size > (INT64_C(1) << 30)) {
        error_setg(errp, "size of ringbuf chardev must be power of two");
        return false;
    }
    d->size = size;
    d->buf = g_malloc0(size);
    qemu_chr_set_filename(chr, g_strdup("ringbuf"));
    return true;
}

static void ringbuf_chr_finalize(Object *obj)
{
    g_free(RINGBUF_CHARDEV(obj)->buf);
}

static void ringbuf_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->parse = ringbuf_chr_parse;
    cc->open = ringbuf_chr_open;
    cc->chr_write = ringbuf_chr_write;
}

static const TypeInfo ringbuf_chr_types[] = {
    {
        .name = "chardev-null",
        .parent = TYPE_CHARDEV,
        .class_init = null_chr_class_init,
    }, {
        .name = TYPE_CHARDEV_RINGBUF,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(RingBufChardev),
        .instance_finalize = ringbuf_chr_finalize,
        .class_init = ringbuf_chr_class_init,
    },
};

static void ringbuf_chr_register_types(void)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(ringbuf_chr_types); i++) {
        type_register_static(&ringbuf_chr_types[i]);
    }
}

type_init(ringbuf_chr_register_types)
