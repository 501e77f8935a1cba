/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-qmp-cmds.c: the QMP commands of chardevs: query-chardev,
 * query-chardev-backends, chardev-add, chardev-change, chardev-remove,
 * chardev-send-break, ringbuf-write, ringbuf-read.
 */
#include "osdep.h"

#include "chardev/char-opts.h"
#include "chardev-internal.h"
#include "qapi-commands-char.h"

static int chr_info_add(Object *child, void *opaque)
{
    ChardevInfoList ***tail = opaque;
    Chardev *chr = (Chardev *)object_dynamic_cast(child, TYPE_CHARDEV);
    ChardevInfo *info;

    if (!chr) {
        return 0;
    }
    info = g_new0(ChardevInfo, 1);
    info->label = g_strdup(chr->label);
    info->filename = g_strdup(chr->filename);
    /* A frontend with handlers; a mux's frontends are not its "be". */
    info->frontend_open = chr->be && chr->be->event;
    **tail = g_new0(ChardevInfoList, 1);
    (**tail)->value = info;
    *tail = &(**tail)->next;
    return 0;
}

ChardevInfoList *qmp_query_chardev(Error **errp)
{
    ChardevInfoList *head = NULL, **tail = &head;

    object_child_foreach(chardev_container(), chr_info_add, &tail);
    return head;
}

ChardevBackendInfoList *qmp_query_chardev_backends(Error **errp)
{
    g_autoptr(GPtrArray) names = chardev_backend_names();
    ChardevBackendInfoList *head = NULL, *elem;
    guint i;

    for (i = names->len; i > 0; i--) {
        elem = g_new0(ChardevBackendInfoList, 1);
        elem->value = g_new0(ChardevBackendInfo, 1);
        elem->value->name = g_strdup(g_ptr_array_index(names, i - 1));
        elem->next = head;
        head = elem;
    }
    return head;
}

ChardevReturn *qmp_chardev_add(const char *id, ChardevBackend *backend,
                               Error **errp)
{
    Error *err = NULL;

    if (qemu_chr_find(id)) {
        error_setg(errp, "Chardev with id '%s' already exists", id);
        return NULL;
    }
    if (!qemu_chr_new_from_backend(id, backend, &err)) {
        error_propagate_prepend(errp, err, "Failed to add chardev '%s': ", id);
        return NULL;
    }
    return g_new0(ChardevReturn, 1);
}

ChardevReturn *qmp_chardev_change(const char *id, ChardevBackend *backend,
                                  Error **errp)
{
    if (!qemu_chr_change(id, backend, errp)) {
        return NULL;
    }
    return g_new0(ChardevReturn, 1);
}

void qmp_chardev_remove(const char *id, Error **errp)
{
    qemu_chr_remove(id, errp);
}

void qmp_chardev_send_break(const char *id, Error **errp)
{
    Chardev *chr = qemu_chr_find(id);

    if (!chr) {
        error_setg(errp, "Chardev '%s' not found", id);
        return;
    }
    qemu_chr_be_event(chr, CHR_EVENT_BREAK);
}

/* The ring buffer @device, or NULL with QEMU's error. */
static Chardev *ringbuf_find(const char *device, Error **errp)
{
    Chardev *chr = qemu_chr_find(device);

    if (!chr) {
        error_setg(errp, "Device '%s' not found", device);
        return NULL;
    }
    if (!object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_RINGBUF)) {
        error_setg(errp, "%s is not a ringbuf device", device);
        return NULL;
    }
    return chr;
}

/* Whether @data is base64: the alphabet, then at most two '=' at the end. */
static bool base64_valid(const char *data)
{
    size_t len = strspn(data, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                              "0123456789+/");
    size_t pad = strspn(data + len, "=");

    return !data[len + pad] && 2 >= pad && 0 == (len + pad) % 4;
}

void qmp_ringbuf_write(const char *device, const char *data, bool has_format,
                       DataFormat format, Error **errp)
{
    Chardev *chr = ringbuf_find(device, errp);
    g_autofree guchar *bytes = NULL;
    gsize len;

    if (!chr) {
        return;
    }
    if (has_format && DATA_FORMAT_BASE64 == format) {
        if (!base64_valid(data)) {
            error_setg(errp, "Base64 data contains invalid characters");
            return;
        }
        bytes = g_base64_decode(data, &len);
        ringbuf_chr_put(chr, bytes, len);
        return;
    }
    ringbuf_chr_put(chr, (const uint8_t *)data, strlen(data));
}

char *qmp_ringbuf_read(const char *device, int64_t size, bool has_format,
                       DataFormat format, Error **errp)
{
    Chardev *chr = ringbuf_find(device, errp);
    g_autofree uint8_t *buf = NULL;
    int len;

    if (!chr) {
        return NULL;
    }
    if (0 >= size) {
        error_setg(errp, "size must be greater than zero");
        return NULL;
    }
    /* The client's size is bounded by what the ring holds. */
    len = MIN(size, (int64_t)ringbuf_chr_count(chr));
    buf = g_malloc(len + 1);
    len = ringbuf_chr_get(chr, buf, len);
    if (has_format && DATA_FORMAT_BASE64 == format) {
        return g_base64_encode(buf, len);
    }
    buf[len] = 0;
    return (char *)g_steal_pointer(&buf);
}
