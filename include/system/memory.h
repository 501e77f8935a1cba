/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memory.h: the memory API. Guest-visible memory is a tree of
 * MemoryRegions (RAM, I/O callbacks, containers, aliases); each
 * AddressSpace flattens its tree into a FlatView of sorted,
 * non-overlapping ranges, recomputed when a transaction commits, and tells
 * its MemoryListeners (KVM's memory slots) which RAM sections came and
 * went. docs/devel/memory.md explains the model.
 *
 * Threads: everything here is used by the thread holding the big lock.
 */
#ifndef SYSTEM_MEMORY_H
#define SYSTEM_MEMORY_H

#include "qom/object.h"
#include "backends/hostmem.h"

/* A guest physical address or I/O port number. */
typedef uint64_t hwaddr;

#define TYPE_MEMORY_REGION "memory-region"
OBJECT_DECLARE_SIMPLE_TYPE(MemoryRegion, MEMORY_REGION)

typedef struct AddressSpace AddressSpace;
typedef struct FlatView FlatView;

/* The result of a guest access: MEMTX_OK or a set of MEMTX_ bits. */
typedef uint32_t MemTxResult;
#define MEMTX_OK 0
#define MEMTX_ERROR (1U << 0)           /* a device refused the access */
#define MEMTX_DECODE_ERROR (1U << 1)    /* nothing is mapped there */

/*
 * MemoryRegionOps: the callbacks of an I/O region. Data is little-endian.
 * @read: return @size bytes at offset @addr of the region
 * @write: store the low @size bytes of @data at offset @addr
 * @impl.min_access_size, @impl.max_access_size: the access sizes (1, 2, 4
 *   or 8) the callbacks handle; 0 means 1 and 4.
 * A guest access is cut into pieces of the largest power of two (at most
 * 8) that fits and is aligned to its offset; a piece of N bytes is done as
 * accesses of MAX(MIN(N, max), min) bytes at increasing offsets, combined
 * little-endian. An access narrower than min is widened: reads keep the
 * low N bytes, writes are zero-extended.
 */
typedef struct MemoryRegionOps {
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
    } impl;
} MemoryRegionOps;

/*
 * MemoryRegion: one node of the tree. Fields are private to system/;
 * use the functions below. A size of UINT64_MAX means the whole 2^64.
 */
struct MemoryRegion {
    Object parent_obj;

    char *name;
    uint64_t size;
    hwaddr addr;                /* offset in the container */
    int priority;
    bool enabled;
    bool ram;
    void *ram_ptr;              /* borrowed */
    HostMemoryBackend *backend; /* strong, or NULL */
    const MemoryRegionOps *ops;
    void *opaque;
    MemoryRegion *alias;        /* strong, or NULL */
    hwaddr alias_offset;
    MemoryRegion *container;    /* borrowed: it holds our reference */
    bool may_overlap;
    GList *subregions;          /* MemoryRegion *, strong, by priority */
};

/*
 * The initialisers run object_initialize() on the caller's storage @mr:
 * the caller holds the one reference and drops it with object_unref().
 * memory_region_init: a container of @size bytes named @name.
 */
void memory_region_init(MemoryRegion *mr, const char *name, uint64_t size);

/* An I/O region whose accesses call @ops (borrowed, static) with @opaque. */
void memory_region_init_io(MemoryRegion *mr, const MemoryRegionOps *ops,
                           void *opaque, const char *name, uint64_t size);

/* A RAM region over @size bytes at @ptr (borrowed: must outlive @mr). */
void memory_region_init_ram_ptr(MemoryRegion *mr, const char *name,
                                uint64_t size, void *ptr);

/*
 * A RAM region over the memory of @backend (a reference is taken), named
 * after the backend. Fails if the backend has no memory yet.
 */
bool memory_region_init_ram_from_backend(MemoryRegion *mr,
                                         HostMemoryBackend *backend,
                                         Error **errp);

/* An alias of @size bytes of @orig (a reference is taken) from @offset. */
void memory_region_init_alias(MemoryRegion *mr, const char *name,
                              MemoryRegion *orig, hwaddr offset,
                              uint64_t size);

/* Borrowed name; size (UINT64_MAX for 2^64); host pointer of RAM or NULL. */
const char *memory_region_name(const MemoryRegion *mr);
uint64_t memory_region_size(const MemoryRegion *mr);
void *memory_region_get_ram_ptr(const MemoryRegion *mr);

/*
 * Map @subregion (a reference is taken) at @offset of the container @mr,
 * over anything of lower priority; it must not be mapped elsewhere.
 * memory_region_add_subregion() uses priority 0.
 */
void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion);
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority);

/* Unmap @subregion from @mr, dropping @mr's reference to it. */
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion);

/* Show or hide @mr (and its subtree); regions start enabled. */
void memory_region_set_enabled(MemoryRegion *mr, bool enabled);

/* Move @mr to @addr in its container. */
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);

/* Change the size of @mr. */
void memory_region_set_size(MemoryRegion *mr, uint64_t size);

/*
 * Group changes: flat views are recomputed and listeners told once, when
 * the outermost commit runs. Every change is its own transaction.
 */
void memory_region_transaction_begin(void);
void memory_region_transaction_commit(void);

#endif
