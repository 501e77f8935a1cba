/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memory.c: MemoryRegion, the QOM type of the nodes of the guest memory
 * tree: initialisers for each kind, the subregion list kept in priority
 * order, and the transactions that batch flat view updates.
 */
#include "osdep.h"

#include "util/error.h"
#include "system/memory.h"
#include "memory-internal.h"

static unsigned transaction_depth;
static bool transaction_pending;

void memory_region_transaction_begin(void)
{
    transaction_depth++;
}

void memory_region_transaction_commit(void)
{
    g_assert(transaction_depth);
    if (--transaction_depth || !transaction_pending) {
        return;
    }
    transaction_pending = false;
    address_spaces_update();
}

void memory_region_mark_changed(void)
{
    memory_region_transaction_begin();
    transaction_pending = true;
    memory_region_transaction_commit();
}

static void memory_region_common_init(MemoryRegion *mr, const char *name,
                                      uint64_t size)
{
    object_initialize(mr, sizeof(*mr), TYPE_MEMORY_REGION);
    mr->name = g_strdup(name);
    mr->size = size;
}

void memory_region_init(MemoryRegion *mr, const char *name, uint64_t size)
{
    memory_region_common_init(mr, name, size);
}

void memory_region_init_io(MemoryRegion *mr, const MemoryRegionOps *ops,
                           void *opaque, const char *name, uint64_t size)
{
    memory_region_common_init(mr, name, size);
    mr->ops = ops;
    mr->opaque = opaque;
}

void memory_region_init_ram_ptr(MemoryRegion *mr, const char *name,
                                uint64_t size, void *ptr)
{
    memory_region_common_init(mr, name, size);
    mr->ram = true;
    mr->ram_ptr = ptr;
}

bool memory_region_init_ram_from_backend(MemoryRegion *mr,
                                         HostMemoryBackend *backend,
                                         Error **errp)
{
    void *ptr = host_memory_backend_get_host_ptr(backend);

    if (!ptr) {
        error_setg(errp, "memory backend '%s' has no memory",
                   host_memory_backend_name(backend));
        return false;
    }
    memory_region_init_ram_ptr(mr, host_memory_backend_name(backend),
                               host_memory_backend_get_size(backend), ptr);
    mr->backend = backend;
    object_ref(backend);
    return true;
}

void memory_region_init_alias(MemoryRegion *mr, const char *name,
                              MemoryRegion *orig, hwaddr offset,
                              uint64_t size)
{
    memory_region_common_init(mr, name, size);
    mr->alias = orig;
    mr->alias_offset = offset;
    object_ref(orig);
}

MemInt128 memory_region_size128(const MemoryRegion *mr)
{
    return UINT64_MAX == mr->size ? (MemInt128)1 << 64 : mr->size;
}

bool memory_region_terminates(const MemoryRegion *mr)
{
    return mr->ram || mr->ops;
}

const char *memory_region_name(const MemoryRegion *mr)
{
    return mr->name;
}

uint64_t memory_region_size(const MemoryRegion *mr)
{
    return mr->size;
}

void *memory_region_get_ram_ptr(const MemoryRegion *mr)
{
    return mr->ram ? mr->ram_ptr : NULL;
}

/*
 * Insert before the first subregion of lower or equal priority: among
 * equal priorities the last one added wins, as in QEMU.
 */
static gint memory_region_priority_cmp(gconstpointer a, gconstpointer b)
{
    const MemoryRegion *x = a, *y = b;

    return x->priority >= y->priority ? -1 : 1;
}

static void memory_region_add_subregion_common(MemoryRegion *mr,
                                               hwaddr offset,
                                               MemoryRegion *subregion)
{
    g_assert(!subregion->container);
    subregion->container = mr;
    subregion->addr = offset;
    object_ref(subregion);
    mr->subregions = g_list_insert_sorted(mr->subregions, subregion,
                                          memory_region_priority_cmp);
    memory_region_mark_changed();
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion)
{
    subregion->may_overlap = false;
    subregion->priority = 0;
    memory_region_add_subregion_common(mr, offset, subregion);
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority)
{
    subregion->may_overlap = true;
    subregion->priority = priority;
    memory_region_add_subregion_common(mr, offset, subregion);
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion)
{
    g_assert(subregion->container == mr);
    subregion->container = NULL;
    mr->subregions = g_list_remove(mr->subregions, subregion);
    memory_region_mark_changed();
    object_unref(subregion);
}

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    if (mr->enabled != enabled) {
        mr->enabled = enabled;
        memory_region_mark_changed();
    }
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    if (mr->addr != addr) {
        mr->addr = addr;
        memory_region_mark_changed();
    }
}

void memory_region_set_size(MemoryRegion *mr, uint64_t size)
{
    if (mr->size != size) {
        mr->size = size;
        memory_region_mark_changed();
    }
}

static void memory_region_instance_init(Object *obj)
{
    MEMORY_REGION(obj)->enabled = true;
}

static void memory_region_instance_finalize(Object *obj)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    while (mr->subregions) {
        memory_region_del_subregion(mr, mr->subregions->data);
    }
    if (mr->alias) {
        object_unref(mr->alias);
    }
    if (mr->backend) {
        object_unref(mr->backend);
    }
    g_free(mr->name);
}

static const TypeInfo memory_region_info = {
    .name = TYPE_MEMORY_REGION,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(MemoryRegion),
    .instance_init = memory_region_instance_init,
    .instance_finalize = memory_region_instance_finalize,
};

static void memory_register_types(void)
{
    type_register_static(&memory_region_info);
}

type_init(memory_register_types)
