/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp-completion.c: completion of the arguments that name things the
 * machine has: QOM paths, devices, objects, chardevs, and the types
 * device_add and object_add can create. Candidates are offered sorted,
 * as QEMU lists them.
 */
#include "osdep.h"

#include "hw/qdev-core.h"
#include "monitor-internal.h"
#include "monitor/hmp-completion.h"
#include "qapi-commands-char.h"
#include "qom/object-interfaces.h"
#include "util/readline.h"

static gint cand_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void hmp_offer_sorted(ReadLineState *rs, GPtrArray *cands, const char *str)
{
    const char *cand;
    guint i;

    g_ptr_array_sort(cands, cand_cmp);
    for (i = 0; i < cands->len; i++) {
        cand = g_ptr_array_index(cands, i);
        if (g_str_has_prefix(cand, str)) {
            readline_add_completion(rs, cand);
        }
    }
}

typedef struct PathCands {
    const char *dir;            /* the path up to and with its last '/' */
    bool devices;               /* only devices and what leads to them */
    GPtrArray *cands;           /* char *, owned */
} PathCands;

static int has_child(Object *child, void *opaque)
{
    return 1;
}

static int is_device(Object *obj, void *opaque)
{
    return !!object_dynamic_cast(obj, TYPE_DEVICE);
}

static int add_path_cand(Object *child, void *opaque)
{
    PathCands *pc = opaque;
    bool dir = object_child_foreach(child, has_child, NULL);

    if (pc->devices && !is_device(child, NULL) &&
        !object_child_foreach_recursive(child, is_device, NULL)) {
        return 0;
    }

    g_ptr_array_add(pc->cands,
                    g_strconcat(pc->dir,
                                object_get_canonical_path_component(child),
                                dir ? "/" : "", NULL));
    return 0;
}

/*
 * The children of the object @str's last '/' ends, as absolute paths;
 * with @devices, only devices and the objects with devices below them.
 */
static void complete_path(ReadLineState *rs, const char *str, bool devices)
{
    g_autoptr(GPtrArray) cands = g_ptr_array_new_with_free_func(g_free);
    const char *slash = strrchr(str, '/');
    g_autofree char *dir = NULL, *parent_path = NULL;
    Object *parent;

    if ('/' != str[0]) {
        if (!*str) {
            readline_add_completion(rs, "/");
        }
        return;
    }
    dir = g_strndup(str, slash - str + 1);
    parent_path = g_strndup(str, slash - str);
    parent = *parent_path ? object_resolve_path(parent_path, NULL)
                          : object_get_root();
    if (parent) {
        object_child_foreach(parent, add_path_cand,
                             &(PathCands){ .dir = dir, .devices = devices,
                                           .cands = cands });
        hmp_offer_sorted(rs, cands, str);
    }
}

void hmp_complete_qom_path(ReadLineState *rs, int nb_args, const char *str)
{
    readline_set_completion_index(rs, strlen(str));
    if (2 == nb_args || (3 == nb_args && '/' == str[0])) {
        complete_path(rs, str, false);
    }
}

static int add_device_id(Object *child, void *opaque)
{
    DeviceState *dev = (DeviceState *)object_dynamic_cast(child, TYPE_DEVICE);

    if (dev && dev->id) {
        g_ptr_array_add(opaque, g_strdup(dev->id));
    }
    return 0;
}

void hmp_complete_device_del(ReadLineState *rs, int nb_args, const char *str)
{
    g_autoptr(GPtrArray) cands = g_ptr_array_new_with_free_func(g_free);
    Object *peripheral;

    readline_set_completion_index(rs, strlen(str));
    if (2 != nb_args) {
        return;
    }
    if ('/' == str[0]) {
        complete_path(rs, str, true);
        return;
    }
    peripheral = object_resolve_path("/machine/peripheral", NULL);
    if (peripheral) {
        object_child_foreach(peripheral, add_device_id, cands);
        hmp_offer_sorted(rs, cands, str);
    }
}

/* Offer the non-abstract types implementing @iface accepted by @want. */
static void complete_types(ReadLineState *rs, const char *iface,
                           bool (*want)(ObjectClass *klass), const char *str)
{
    g_autoptr(GPtrArray) cands = g_ptr_array_new();
    GSList *list = object_class_get_list(iface, false);
    GSList *l;

    for (l = list; l; l = l->next) {
        if (want(l->data)) {
            g_ptr_array_add(cands, (char *)object_class_get_name(l->data));
        }
    }
    hmp_offer_sorted(rs, cands, str);
    g_slist_free(list);
}

static bool device_is_user_creatable(ObjectClass *klass)
{
    return DEVICE_CLASS(klass)->user_creatable;
}

static bool any_type(ObjectClass *klass)
{
    return true;
}

void hmp_complete_device_add(ReadLineState *rs, int nb_args, const char *str)
{
    readline_set_completion_index(rs, strlen(str));
    if (2 == nb_args) {
        complete_types(rs, TYPE_DEVICE, device_is_user_creatable, str);
    }
}

void hmp_complete_object_add(ReadLineState *rs, int nb_args, const char *str)
{
    readline_set_completion_index(rs, strlen(str));
    if (2 == nb_args) {
        complete_types(rs, TYPE_USER_CREATABLE, any_type, str);
    }
}

static int add_child_name(Object *child, void *opaque)
{
    g_ptr_array_add(opaque,
                    g_strdup(object_get_canonical_path_component(child)));
    return 0;
}

void hmp_complete_object_del(ReadLineState *rs, int nb_args, const char *str)
{
    g_autoptr(GPtrArray) cands = g_ptr_array_new_with_free_func(g_free);

    readline_set_completion_index(rs, strlen(str));
    if (2 == nb_args) {
        object_child_foreach(object_get_objects_root(), add_child_name, cands);
        hmp_offer_sorted(rs, cands, str);
    }
}

void hmp_complete_chardev_id(ReadLineState *rs, int nb_args, const char *str)
{
    g_autoptr(GPtrArray) cands = g_ptr_array_new();
    g_autoptr(ChardevInfoList) list = NULL;
    ChardevInfoList *l;

    readline_set_completion_index(rs, strlen(str));
    if (2 != nb_args) {
        return;
    }
    list = qmp_query_chardev(NULL);
    for (l = list; l; l = l->next) {
        g_ptr_array_add(cands, l->value->label);
    }
    hmp_offer_sorted(rs, cands, str);
}
