/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-properties-system.c: the qdev property kinds naming a backend by
 * id: chardev, drive, netdev. Each reads as the backend's id ("" when unset).
 */
#include "osdep.h"

#include "block/block-backend.h"
#include "chardev/char-fe.h"
#include "hw/qdev-properties-system.h"
#include "net/net.h"
#include "util/error.h"

/*
 * Read the id a backend property is being set to; false (with @errp set)
 * when the device is realized or the value is not a string.
 */
static bool backend_prop_read_id(Object *obj, Visitor *v, const char *name,
                                 char **id, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        qdev_prop_set_after_realize(dev, name, errp);
        return false;
    }
    return visit_type_str(v, name, id, errp);
}

/* Fail with QEMU's error for an id that names no backend. */
static void backend_prop_not_found(Object *obj, const char *name,
                                   const char *id, Error **errp)
{
    error_setg(errp, "Property '%s.%s' can't find value '%s'",
               object_get_typename(obj), name, id);
}

/* Visit @id (NULL: "") as the property's value. */
static bool backend_prop_visit_id(Visitor *v, const char *name,
                                  const char *id, Error **errp)
{
    char *value = (char *)(id ? id : "");

    return visit_type_str(v, name, &value, errp);
}

/* chardev: a CharBackend attached to the chardev with the id set. */
static bool get_chr(Object *obj, Visitor *v, const char *name, void *opaque,
                    Error **errp)
{
    CharBackend *be = object_field_prop_ptr(obj, opaque);
    Chardev *chr = qemu_chr_fe_get_driver(be);

    return backend_prop_visit_id(v, name, chr ? chr->label : NULL, errp);
}

static bool set_chr(Object *obj, Visitor *v, const char *name, void *opaque,
                    Error **errp)
{
    CharBackend *be = object_field_prop_ptr(obj, opaque);
    g_autofree char *id = NULL;
    Chardev *chr;

    if (!backend_prop_read_id(obj, v, name, &id, errp)) {
        return false;
    }
    if (!*id) {
        qemu_chr_fe_deinit(be, false);
        return true;
    }
    chr = qemu_chr_find(id);
    if (!chr) {
        backend_prop_not_found(obj, name, id, errp);
        return false;
    }
    if (qemu_chr_fe_get_driver(be) == chr) {
        return true;
    }
    qemu_chr_fe_deinit(be, false);
    if (!qemu_chr_fe_init(be, chr, errp)) {
        error_prepend(errp, "Property '%s.%s' can't take value '%s': ",
                      object_get_typename(obj), name, id);
        return false;
    }
    return true;
}

static void release_chr(Object *obj, const char *name, void *opaque)
{
    qemu_chr_fe_deinit(object_field_prop_ptr(obj, opaque), false);
}

const PropertyInfo qdev_prop_chr = {
    .name = "str",
    .description = "ID of a chardev to use as a backend",
    .get = get_chr,
    .set = set_chr,
    .release = release_chr,
};

/* drive: a BlockBackend * attached to the device. */
static bool get_drive(Object *obj, Visitor *v, const char *name,
                      void *opaque, Error **errp)
{
    BlockBackend **ptr = object_field_prop_ptr(obj, opaque);

    return backend_prop_visit_id(v, name, *ptr ? blk_name(*ptr) : NULL,
                                 errp);
}

static void release_drive(Object *obj, const char *name, void *opaque)
{
    BlockBackend **ptr = object_field_prop_ptr(obj, opaque);

    if (*ptr) {
        blk_detach_dev(*ptr, DEVICE(obj));
        *ptr = NULL;
    }
}

static bool set_drive(Object *obj, Visitor *v, const char *name,
                      void *opaque, Error **errp)
{
    BlockBackend **ptr = object_field_prop_ptr(obj, opaque);
    g_autofree char *id = NULL;
    BlockBackend *blk;

    if (!backend_prop_read_id(obj, v, name, &id, errp)) {
        return false;
    }
    blk = *id ? blk_by_name(id) : NULL;
    if (*id && !blk) {
        backend_prop_not_found(obj, name, id, errp);
        return false;
    }
    if (blk && !blk_attach_dev(blk, DEVICE(obj))) {
        error_setg(errp, "Drive '%s' is already in use by another device",
                   id);
        return false;
    }
    if (*ptr && *ptr != blk) {
        release_drive(obj, name, opaque);
    }
    *ptr = blk;
    return true;
}

const PropertyInfo qdev_prop_drive = {
    .name = "str",
    .description = "Node name or ID of a block device to use as a backend",
    .get = get_drive,
    .set = set_drive,
    .release = release_drive,
};

/* netdev: a NetClientState * whose peer is the device. */
static bool get_netdev(Object *obj, Visitor *v, const char *name,
                       void *opaque, Error **errp)
{
    NetClientState **ptr = object_field_prop_ptr(obj, opaque);

    return backend_prop_visit_id(v, name, *ptr ? (*ptr)->id : NULL, errp);
}

static void release_netdev(Object *obj, const char *name, void *opaque)
{
    NetClientState **ptr = object_field_prop_ptr(obj, opaque);

    if (*ptr) {
        qemu_netdev_detach(*ptr, DEVICE(obj));
        *ptr = NULL;
    }
}

static bool set_netdev(Object *obj, Visitor *v, const char *name,
                       void *opaque, Error **errp)
{
    NetClientState **ptr = object_field_prop_ptr(obj, opaque);
    g_autofree char *id = NULL;
    NetClientState *nc;

    if (!backend_prop_read_id(obj, v, name, &id, errp)) {
        return false;
    }
    nc = *id ? qemu_find_netdev(id) : NULL;
    if (*id && !nc) {
        backend_prop_not_found(obj, name, id, errp);
        return false;
    }
    if (nc && !qemu_netdev_attach(nc, DEVICE(obj))) {
        error_setg(errp, "Property '%s.%s' can't take value '%s', it's in "
                   "use", object_get_typename(obj), name, id);
        return false;
    }
    if (*ptr && *ptr != nc) {
        release_netdev(obj, name, opaque);
    }
    *ptr = nc;
    return true;
}

const PropertyInfo qdev_prop_netdev = {
    .name = "str",
    .description = "ID of a netdev to use as a backend",
    .get = get_netdev,
    .set = set_netdev,
    .release = release_netdev,
};
