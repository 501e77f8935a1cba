/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char.c: the abstract chardev type, the /chardevs container, creating,
 * finding and removing chardevs, and the backend-side entry points.
 */
#include "osdep.h"

#include <fcntl.h>

#include "chardev-internal.h"
#include "qom/container.h"

Object *chardev_container(void)
{
    return container_get(object_get_root(), "/chardevs");
}

char *chardev_type_name(const char *kind)
{
    g_autofree char *name = NULL;
    ObjectClass *oc;

    /* "memory" is QEMU's other name of the ring buffer. */
    if (!strcmp(kind, "memory")) {
        kind = "ringbuf";
    }
    name = g_strdup_printf("chardev-%s", kind);
    oc = object_class_by_name(name);
    if (!oc || object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, TYPE_CHARDEV)) {
        return NULL;
    }
    return g_steal_pointer(&name);
}

/*
 * The ChardevCommon members of @backend: every branch's data starts with
 * them (its QAPI base), so any branch's pointer can be read as one.
 */
static const ChardevCommon *chardev_common(const ChardevBackend *backend)
{
    return (const ChardevCommon *)backend->u.null.data;
}

static bool qemu_chr_open_log(Chardev *chr, ChardevBackend *backend,
                              Error **errp)
{
    const ChardevCommon *common = chardev_common(backend);
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC;

    if (!common || !common->logfile) {
        return true;
    }
    flags |= common->has_logappend && common->logappend ? O_APPEND : O_TRUNC;
    chr->logfd = open(common->logfile, flags, 0666);
    if (0 > chr->logfd) {
        error_setg_errno(errp, errno, "Could not create '%s'",
                         common->logfile);
        return false;
    }
    return true;
}

void qemu_chr_write_log(Chardev *chr, const uint8_t *buf, int len)
{
    ssize_t n;

    while (0 <= chr->logfd && 0 < len) {
        n = write(chr->logfd, buf, len);
        if (0 > n && EINTR == errno) {
            continue;
        }
        if (0 >= n) {
            return;
        }
        buf += n;
        len -= n;
    }
}

/*
 * A new chardev @id of @typename opened from @backend, not yet in
 * /chardevs (the reference is the caller's); *@be_opened as open says.
 */
static Object *chardev_open(const char *id, const char *typename,
                            ChardevBackend *backend, bool *be_opened,
                            Error **errp)
{
    g_autoptr(Object) obj = object_new(typename);
    Chardev *chr = CHARDEV(obj);

    chr->label = g_strdup(id);
    *be_opened = true;
    if (!qemu_chr_open_log(chr, backend, errp) ||
        !CHARDEV_GET_CLASS(chr)->open(chr, backend, be_opened, errp)) {
        return NULL;
    }
    return g_steal_pointer(&obj);
}

/* Put @obj (reference borrowed) into /chardevs as @id, then tell it opened. */
static Chardev *chardev_add(const char *id, Object *obj, bool be_opened)
{
    object_property_add_child(chardev_container(), id, obj);
    if (be_opened) {
        qemu_chr_be_event(CHARDEV(obj), CHR_EVENT_OPENED);
    }
    return CHARDEV(obj);
}

Chardev *qemu_chardev_new(const char *id, const char *typename,
                          ChardevBackend *backend, Error **errp)
{
    g_autoptr(Object) obj = NULL;
    bool be_opened;

    if (qemu_chr_find(id)) {
        error_setg(errp, "Chardev with id '%s' already exists", id);
        return NULL;
    }
    obj = chardev_open(id, typename, backend, &be_opened, errp);
    return obj ? chardev_add(id, obj, be_opened) : NULL;
}

bool qemu_chr_change(const char *id, ChardevBackend *backend, Error **errp)
{
    const char *kind = ChardevBackendKind_str(backend->type);
    g_autofree char *type = chardev_type_name(kind);
    Chardev *chr = qemu_chr_find(id);
    g_autoptr(Object) obj = NULL;
    bool be_opened;

    if (!chr) {
        error_setg(errp, "Chardev '%s' does not exist", id);
        return false;
    }
    if (chardev_is_mux(chr)) {
        error_setg(errp, "Mux device hotswap not supported yet");
        return false;
    }
    /* No frontend can move to another backend (QEMU's monitors cannot). */
    if (chr->be) {
        error_setg(errp, "Chardev user does not support chardev hotswap");
        return false;
    }
    if (!type) {
        error_setg(errp, "'%s' is not a valid char driver name", kind);
        return false;
    }
    /* The old one stays if the new one cannot open. */
    obj = chardev_open(id, type, backend, &be_opened, errp);
    if (!obj) {
        return false;
    }
    object_unparent(OBJECT(chr));
    chardev_add(id, obj, be_opened);
    return true;
}

Chardev *qemu_chr_new_from_backend(const char *id, ChardevBackend *backend,
                                   Error **errp)
{
    const char *kind = ChardevBackendKind_str(backend->type);
    g_autofree char *type = chardev_type_name(kind);

    if (!type) {
        error_setg(errp, "'%s' is not a valid char driver name", kind);
        return NULL;
    }
    return qemu_chardev_new(id, type, backend, errp);
}

Chardev *qemu_chr_find(const char *id)
{
    Object *obj = object_resolve_path_component(chardev_container(), id);

    return obj ? (Chardev *)object_dynamic_cast(obj, TYPE_CHARDEV) : NULL;
}

static bool qemu_chr_is_busy(Chardev *chr)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);

    return cc->chr_is_busy ? cc->chr_is_busy(chr) : NULL != chr->be;
}

bool qemu_chr_remove(const char *id, Error **errp)
{
    Chardev *chr = qemu_chr_find(id);

    if (!chr) {
        error_setg(errp, "Chardev '%s' not found", id);
        return false;
    }
    if (qemu_chr_is_busy(chr)) {
        error_setg(errp, "Chardev '%s' is busy", id);
        return false;
    }
    object_unparent(OBJECT(chr));
    return true;
}

void qemu_chr_set_filename(Chardev *chr, char *filename)
{
    g_free(chr->filename);
    chr->filename = filename;
}

int qemu_chr_be_can_write(Chardev *chr)
{
    CharBackend *be = chr->be;

    if (!be || !be->can_read) {
        return 0;
    }
    return be->can_read(be->opaque);
}

void qemu_chr_be_write(Chardev *chr, const uint8_t *buf, int len)
{
    CharBackend *be = chr->be;

    if (be && be->read && 0 < len) {
        be->read(be->opaque, buf, len);
    }
}

void qemu_chr_be_event(Chardev *chr, QEMUChrEvent event)
{
    CharBackend *be = chr->be;

    if (CHR_EVENT_OPENED == event || CHR_EVENT_CLOSED == event) {
        if (chr->be_open == (CHR_EVENT_OPENED == event)) {
            return;
        }
        chr->be_open = CHR_EVENT_OPENED == event;
    }
    if (chardev_is_mux(chr)) {
        mux_chr_send_event(chr, event);
    } else if (be && be->event) {
        be->event(be->opaque, event);
    }
}

static int chr_collect(Object *child, void *opaque)
{
    if (object_dynamic_cast(child, TYPE_CHARDEV)) {
        *(GSList **)opaque = g_slist_prepend(*(GSList **)opaque, child);
    }
    return 0;
}

void qemu_chr_cleanup(void)
{
    GSList *list = NULL, *l;

    object_child_foreach(chardev_container(), chr_collect, &list);
    /* Muxes (created last) go before the chardevs under them. */
    for (l = list; l; l = l->next) {
        object_unparent(OBJECT(l->data));
    }
    g_slist_free(list);
}

static void chardev_init(Object *obj)
{
    CHARDEV(obj)->logfd = -1;
}

static void chardev_finalize(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    if (0 <= chr->logfd) {
        close(chr->logfd);
    }
    g_free(chr->label);
    g_free(chr->filename);
}

static const TypeInfo chardev_info = {
    .name = TYPE_CHARDEV,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(Chardev),
    .instance_init = chardev_init,
    .instance_finalize = chardev_finalize,
    .abstract = true,
    .class_size = sizeof(ChardevClass),
};

static void chardev_register_types(void)
{
    type_register_static(&chardev_info);
}

type_init(chardev_register_types)
