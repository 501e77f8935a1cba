/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memory-flat.c: flattening a region tree into a FlatView as QEMU does
 * (higher priority first, later-added first among equals, aliases
 * followed, disabled subtrees skipped), address spaces, and the memory
 * listeners told which RAM sections each new flat view added or removed.
 */
#include "osdep.h"

#include "memory-internal.h"

/* A range while rendering: [start, end) of @mr from @offset. */
typedef struct RenderRange {
    MemoryRegion *mr;
    hwaddr offset;
    MemInt128 start;
    MemInt128 end;
} RenderRange;

static GList *address_spaces;

GList *address_spaces_list(void)
{
    return address_spaces;
}

/* Fill the holes of [@start, @end) in @view with @mr, based at @base. */
static void render_fill(GArray *view, MemoryRegion *mr, MemInt128 base,
                        MemInt128 start, MemInt128 end)
{
    MemInt128 pos = start;
    RenderRange fill = { .mr = mr };
    guint i;

    for (i = 0; i < view->len && pos < end; i++) {
        const RenderRange *r = &g_array_index(view, RenderRange, i);

        if (r->end <= pos) {
            continue;
        }
        if (r->start > pos) {
            fill.start = pos;
            fill.end = MIN(r->start, end);
            fill.offset = pos - base;
            g_array_insert_val(view, i, fill);
            i++;
        }
        pos = MAX(pos, g_array_index(view, RenderRange, i).end);
    }
    if (pos < end) {
        fill.start = pos;
        fill.end = end;
        fill.offset = pos - base;
        g_array_append_val(view, fill);
    }
}

static void render_region(GArray *view, MemoryRegion *mr, MemInt128 base,
                          MemInt128 clip_start, MemInt128 clip_end)
{
    MemInt128 start, end;
    GList *l;

    if (!mr->enabled) {
        return;
    }
    base += mr->addr;
    start = MAX(clip_start, base);
    end = MIN(clip_end, base + memory_region_size128(mr));
    if (start >= end) {
        return;
    }
    if (mr->alias) {
        base -= (MemInt128)mr->alias->addr + mr->alias_offset;
        render_region(view, mr->alias, base, start, end);
        return;
    }
    for (l = mr->subregions; l; l = l->next) {
        render_region(view, l->data, base, start, end);
    }
    if (memory_region_terminates(mr)) {
        render_fill(view, mr, base, start, end);
    }
}

/*
 * The region a flat view is rendered from: down through aliases that
 * start at offset 0 and containers whose only enabled subregion covers
 * them from 0; NULL if that is an empty container (QEMU's rule).
 */
static MemoryRegion *flatview_root(MemoryRegion *mr)
{
    while (mr->enabled) {
        MemoryRegion *next = NULL;
        unsigned found = 0;
        GList *l;

        if (mr->alias) {
            if (mr->alias_offset ||
                memory_region_size128(mr) <
                memory_region_size128(mr->alias)) {
                return mr;
            }
            mr = mr->alias;
            continue;
        }
        if (memory_region_terminates(mr)) {
            return mr;
        }
        for (l = mr->subregions; l; l = l->next) {
            MemoryRegion *child = l->data;

            if (!child->enabled) {
                continue;
            }
            if (++found > 1) {
                next = NULL;
                break;
            }
            if (!child->addr && memory_region_size128(mr) >=
                memory_region_size128(child)) {
                next = child;
            }
        }
        if (!found) {
            return NULL;
        }
        if (!next) {
            return mr;
        }
        mr = next;
    }
    return NULL;
}

/* Turn rendered ranges into a FlatView, merging contiguous pieces. */
static FlatView *flatview_from_render(MemoryRegion *root, GArray *render)
{
    FlatView *view = g_new0(FlatView, 1);
    guint i;

    view->ref = 1;
    view->root = root;
    view->ranges = g_new(FlatRange, render->len);
    for (i = 0; i < render->len; i++) {
        const RenderRange *r = &g_array_index(render, RenderRange, i);
        FlatRange *prev = view->nr ? &view->ranges[view->nr - 1] : NULL;

        if (prev && prev->mr == r->mr && prev->last + 1 == r->start &&
            prev->offset_in_region + (prev->last - prev->addr) + 1 ==
            r->offset) {
            prev->last = r->end - 1;
            continue;
        }
        view->ranges[view->nr++] = (FlatRange) {
            .mr = MEMORY_REGION(object_ref(r->mr)),
            .offset_in_region = r->offset,
            .addr = r->start,
            .last = r->end - 1,
        };
    }
    return view;
}

static FlatView *flatview_generate(MemoryRegion *as_root)
{
    MemoryRegion *root = flatview_root(as_root);
    g_autoptr(GArray) render = g_array_new(false, false,
                                           sizeof(RenderRange));

    if (root) {
        render_region(render, root, 0, 0, (MemInt128)1 << 64);
    }
    return flatview_from_render(root, render);
}

void flatview_ref(FlatView *view)
{
    view->ref++;
}

void flatview_unref(FlatView *view)
{
    unsigned i;

    if (--view->ref) {
        return;
    }
    for (i = 0; i < view->nr; i++) {
        object_unref(view->ranges[i].mr);
    }
    g_free(view->ranges);
    g_free(view);
}

int flatview_find(const FlatView *view, hwaddr addr)
{
    int lo = 0, hi = (int)view->nr - 1;

    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        const FlatRange *r = &view->ranges[mid];

        if (addr < r->addr) {
            hi = mid - 1;
        } else if (addr > r->last) {
            lo = mid + 1;
        } else {
            return mid;
        }
    }
    return -1;
}

static bool flatview_has_range(const FlatView *view, const FlatRange *fr)
{
    int i = flatview_find(view, fr->addr);

    return 0 <= i && view->ranges[i].mr == fr->mr &&
           view->ranges[i].addr == fr->addr &&
           view->ranges[i].last == fr->last &&
           view->ranges[i].offset_in_region == fr->offset_in_region;
}

/* Tell @listener about the RAM ranges of @view missing from @other. */
static void listener_tell(MemoryListener *listener, const FlatView *view,
                          const FlatView *other, bool add)
{
    unsigned i;

    for (i = 0; i < view->nr; i++) {
        const FlatRange *fr = &view->ranges[i];
        MemoryRegionSection section = {
            .mr = fr->mr,
            .as = listener->address_space,
            .offset_within_region = fr->offset_in_region,
            .offset_within_address_space = fr->addr,
            .size = fr->last - fr->addr + 1,
        };

        if (!fr->mr->ram || (other && flatview_has_range(other, fr))) {
            continue;
        }
        if (add && listener->region_add) {
            listener->region_add(listener, &section);
        } else if (!add && listener->region_del) {
            listener->region_del(listener, &section);
        }
    }
}

/* Tell @listener what changed from @old to @new (either may be NULL). */
static void listener_update(MemoryListener *listener, const FlatView *old,
                            const FlatView *new)
{
    if (listener->begin) {
        listener->begin(listener);
    }
    if (old) {
        listener_tell(listener, old, new, false);
    }
    if (new) {
        listener_tell(listener, new, old, true);
    }
    if (listener->commit) {
        listener->commit(listener);
    }
}

void address_spaces_update(void)
{
    GList *l, *m;

    for (l = address_spaces; l; l = l->next) {
        AddressSpace *as = l->data;
        FlatView *old = as->current_map;

        as->current_map = flatview_generate(as->root);
        for (m = as->listeners; m; m = m->next) {
            listener_update(m->data, old, as->current_map);
        }
        flatview_unref(old);
    }
}

void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name)
{
    as->name = g_strdup(name);
    as->root = MEMORY_REGION(object_ref(root));
    as->current_map = flatview_generate(root);
    as->listeners = NULL;
    address_spaces = g_list_append(address_spaces, as);
}

void address_space_destroy(AddressSpace *as)
{
    g_assert(!as->listeners);
    address_spaces = g_list_remove(address_spaces, as);
    flatview_unref(as->current_map);
    object_unref(as->root);
    g_free(as->name);
}

const FlatView *address_space_get_flatview(const AddressSpace *as)
{
    return as->current_map;
}

void memory_listener_register(MemoryListener *listener, AddressSpace *as)
{
    listener->address_space = as;
    as->listeners = g_list_append(as->listeners, listener);
    listener_update(listener, NULL, as->current_map);
}

void memory_listener_unregister(MemoryListener *listener)
{
    AddressSpace *as = listener->address_space;

    listener_update(listener, as->current_map, NULL);
    as->listeners = g_list_remove(as->listeners, listener);
    listener->address_space = NULL;
}
