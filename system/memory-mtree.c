/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memory-mtree.c: the text of `info mtree` and `info mtree -f`, in the
 * format of QEMU 7.2 (without its -o, -d and -D options, so disabled
 * regions are not shown, though their subregions are).
 */
#include "osdep.h"

#include "memory-internal.h"

#define MTREE_INDENT "  "
#define HWADDR_FMT "%016" PRIx64

/* QEMU's MR_SIZE: the offset of the last byte (0 for an empty region). */
static hwaddr mtree_last(uint64_t size)
{
    return size ? (UINT64_MAX == size ? UINT64_MAX : size - 1) : 0;
}

static const char *mtree_type(const MemoryRegion *mr)
{
    while (mr->alias) {
        mr = mr->alias;
    }
    return mr->ram ? "ram" : "i/o";
}

/* Subregions by address, higher priority first at the same address. */
static gint mtree_cmp(gconstpointer a, gconstpointer b)
{
    const MemoryRegion *x = a, *y = b;

    if (x->addr != y->addr) {
        return x->addr < y->addr ? -1 : 1;
    }
    return x->priority > y->priority ? -1 : x->priority < y->priority;
}

static void mtree_print_mr(GString *out, const MemoryRegion *mr,
                           unsigned level, hwaddr base, GPtrArray *aliases)
{
    hwaddr start = base + mr->addr;
    hwaddr end = start + mtree_last(mr->size);
    g_autoptr(GList) children = NULL;
    GList *l;
    unsigned i;

    if (mr->alias && !g_ptr_array_find(aliases, mr->alias, NULL)) {
        g_ptr_array_add(aliases, mr->alias);
    }
    if (mr->enabled) {
        for (i = 0; i < level; i++) {
            g_string_append(out, MTREE_INDENT);
        }
        g_string_append_printf(out, HWADDR_FMT "-" HWADDR_FMT
                               " (prio %d, %s): %s%s", start, end,
                               mr->priority, mtree_type(mr),
                               mr->alias ? "alias " : "", mr->name);
        if (mr->alias) {
            g_string_append_printf(out, " @%s " HWADDR_FMT "-" HWADDR_FMT,
                                   mr->alias->name, mr->alias_offset,
                                   mr->alias_offset + mtree_last(mr->size));
        }
        g_string_append_c(out, '\n');
    }
    children = g_list_sort(g_list_copy(mr->subregions), mtree_cmp);
    for (l = children; l; l = l->next) {
        mtree_print_mr(out, l->data, level + 1, start, aliases);
    }
}

static void mtree_print_tree(GString *out)
{
    g_autoptr(GPtrArray) aliases = g_ptr_array_new();
    GList *l;
    guint i;

    for (l = g_list_last(address_spaces_list()); l; l = l->prev) {
        AddressSpace *as = l->data;

        g_string_append_printf(out, "address-space: %s\n", as->name);
        mtree_print_mr(out, as->root, 1, 0, aliases);
        g_string_append_c(out, '\n');
    }
    for (i = 0; i < aliases->len; i++) {
        MemoryRegion *mr = g_ptr_array_index(aliases, i);

        g_string_append_printf(out, "memory-region: %s\n", mr->name);
        mtree_print_mr(out, mr, 1, 0, aliases);
        g_string_append_c(out, '\n');
    }
}

static void mtree_print_flatview(GString *out, const AddressSpace *as,
                                 unsigned number)
{
    const FlatView *view = as->current_map;
    unsigned i;

    g_string_append_printf(out, "FlatView #%u\n AS \"%s\", root: %s",
                           number, as->name, as->root->name);
    if (as->root->alias) {
        g_string_append_printf(out, ", alias %s", as->root->alias->name);
    }
    g_string_append_printf(out, "\n Root memory region: %s\n",
                           view->root ? view->root->name : "(none)");
    if (!view->nr) {
        g_string_append(out, MTREE_INDENT "No rendered FlatView\n\n");
        return;
    }
    for (i = 0; i < view->nr; i++) {
        const FlatRange *fr = &view->ranges[i];

        g_string_append_printf(out, MTREE_INDENT HWADDR_FMT "-" HWADDR_FMT
                               " (prio %d, %s): %s", fr->addr, fr->last,
                               fr->mr->priority, mtree_type(fr->mr),
                               fr->mr->name);
        if (fr->offset_in_region) {
            g_string_append_printf(out, " @" HWADDR_FMT,
                                   fr->offset_in_region);
        }
        g_string_append_c(out, '\n');
    }
    g_string_append_c(out, '\n');
}

char *mtree_info(bool flatview)
{
    GString *out = g_string_new("");
    unsigned number = 0;
    GList *l;

    if (!flatview) {
        mtree_print_tree(out);
        return g_string_free(out, false);
    }
    for (l = address_spaces_list(); l; l = l->next) {
        mtree_print_flatview(out, l->data, number++);
    }
    return g_string_free(out, false);
}
