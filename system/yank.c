/* SPDX-License-Identifier: GPL-2.0-or-later */
/* yank.c: the yankable connections, and the yank and query-yank commands. */
#include "osdep.h"

#include "qapi-commands-yank.h"
#include "system/yank.h"
#include "util/error.h"

typedef struct YankEntry {
    char *id;
    YankFunc *fn;
    void *opaque;
} YankEntry;

/* YankEntry pointers of chardevs, in registration order. */
static GPtrArray *chardev_entries;

static void yank_entry_free(gpointer p)
{
    YankEntry *e = p;

    g_free(e->id);
    g_free(e);
}

/*
 * The newest entry for chardev @id (while chardev-change replaces a
 * chardev, the old and the new one are both registered for a moment).
 */
static YankEntry *yank_find_chardev(const char *id)
{
    guint i;

    for (i = chardev_entries ? chardev_entries->len : 0; i > 0; i--) {
        YankEntry *e = g_ptr_array_index(chardev_entries, i - 1);

        if (!strcmp(e->id, id)) {
            return e;
        }
    }
    return NULL;
}

void yank_register_chardev(const char *id, YankFunc *fn, void *opaque)
{
    YankEntry *e = g_new(YankEntry, 1);

    e->id = g_strdup(id);
    e->fn = fn;
    e->opaque = opaque;
    if (!chardev_entries) {
        chardev_entries = g_ptr_array_new_with_free_func(yank_entry_free);
    }
    g_ptr_array_add(chardev_entries, e);
}

void yank_unregister_chardev(const char *id, void *opaque)
{
    guint i;

    for (i = 0; chardev_entries && i < chardev_entries->len; i++) {
        YankEntry *e = g_ptr_array_index(chardev_entries, i);

        if (!strcmp(e->id, id) && e->opaque == opaque) {
            g_ptr_array_remove_index(chardev_entries, i);
            return;
        }
    }
}

/* The entry of @instance, or NULL: kvmini has no yankable block nodes or migrations yet. */
static YankEntry *yank_find(const YankInstance *instance)
{
    if (YANK_INSTANCE_TYPE_CHARDEV != instance->type) {
        return NULL;
    }
    return yank_find_chardev(instance->u.chardev.id);
}

void qmp_yank(YankInstanceList *instances, Error **errp)
{
    YankInstanceList *l;

    /* All or nothing, as QEMU: check every instance before cutting any. */
    for (l = instances; l; l = l->next) {
        if (!yank_find(l->value)) {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Instance not found");
            return;
        }
    }
    for (l = instances; l; l = l->next) {
        YankEntry *e = yank_find(l->value);

        e->fn(e->opaque);
    }
}

YankInstanceList *qmp_query_yank(Error **errp)
{
    YankInstanceList *list = NULL;
    YankInstanceList **tail = &list;
    YankInstance *instance;
    guint i;

    for (i = 0; chardev_entries && i < chardev_entries->len; i++) {
        YankEntry *e = g_ptr_array_index(chardev_entries, i);

        if (yank_find_chardev(e->id) != e) {
            continue;       /* listed once, as the newest entry */
        }
        instance = g_new0(YankInstance, 1);
        instance->type = YANK_INSTANCE_TYPE_CHARDEV;
        instance->u.chardev.id = g_strdup(e->id);
        QAPI_LIST_APPEND(tail, instance);
    }
    return list;
}
