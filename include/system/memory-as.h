/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memory-as.h: address spaces, their flat views, memory listeners, guest
 * accesses and `info mtree` (see memory.h for the region tree).
 */
#ifndef SYSTEM_MEMORY_AS_H
#define SYSTEM_MEMORY_AS_H

#include "system/memory.h"

/* One range of a flat view: @addr..@last of @mr from @offset_in_region. */
typedef struct FlatRange {
    MemoryRegion *mr;           /* strong */
    hwaddr offset_in_region;
    hwaddr addr;
    hwaddr last;                /* inclusive */
} FlatRange;

/* FlatView: the ranges an address space shows, sorted, non-overlapping. */
struct FlatView {
    unsigned ref;
    MemoryRegion *root;         /* borrowed: the region rendered, or NULL */
    FlatRange *ranges;
    unsigned nr;
};

/* A RAM section as listeners see it (all borrowed during the call). */
typedef struct MemoryRegionSection {
    MemoryRegion *mr;
    AddressSpace *as;
    hwaddr offset_within_region;
    hwaddr offset_within_address_space;
    uint64_t size;
} MemoryRegionSection;

/*
 * MemoryListener: told about the RAM sections of one address space. Each
 * update is begin, region_del of the sections that went, region_add of
 * those that came, commit. Any callback may be NULL.
 */
typedef struct MemoryListener MemoryListener;
struct MemoryListener {
    void (*begin)(MemoryListener *listener);
    void (*commit)(MemoryListener *listener);
    void (*region_add)(MemoryListener *listener,
                       MemoryRegionSection *section);
    void (*region_del)(MemoryListener *listener,
                       MemoryRegionSection *section);
    AddressSpace *address_space;    /* private */
};

struct AddressSpace {
    char *name;
    MemoryRegion *root;         /* strong */
    FlatView *current_map;      /* strong */
    GList *listeners;           /* MemoryListener *, borrowed */
};

/* The two system address spaces, "memory" and "I/O" (see memory_map_init). */
extern AddressSpace address_space_memory;
extern AddressSpace address_space_io;

/*
 * Create the system regions "system" (a 2^64 container) and "io" (a
 * 64 KiB I/O region that decodes nothing) and their address spaces, once.
 */
void memory_map_init(void);

/* The roots of the system address spaces (borrowed; memory_map_init'ed). */
MemoryRegion *get_system_memory(void);
MemoryRegion *get_system_io(void);

/* Make @as (caller's storage) show @root (a reference is taken). */
void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name);

/* Undo address_space_init(); @as must have no listeners. */
void address_space_destroy(AddressSpace *as);

/* The current flat view of @as, borrowed until the next commit. */
const FlatView *address_space_get_flatview(const AddressSpace *as);

/* Tell @listener about every RAM section of @as now and from now on. */
void memory_listener_register(MemoryListener *listener, AddressSpace *as);

/* Tell @listener every section went, and stop telling it anything. */
void memory_listener_unregister(MemoryListener *listener);

/*
 * Guest accesses of @len bytes at @addr: RAM is copied, I/O goes through
 * the region's callbacks. They never fail the caller: bytes where nothing
 * is mapped read as 0 (writes are dropped) and MEMTX_DECODE_ERROR is set
 * in the result, for the vCPU loop to log.
 */
MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, void *buf,
                             hwaddr len, bool is_write);
MemTxResult address_space_read(AddressSpace *as, hwaddr addr, void *buf,
                               hwaddr len);
MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                const void *buf, hwaddr len);

/*
 * The text of `info mtree` (@flatview: `info mtree -f`) as QEMU 7.2 prints
 * it, for every address space. Returns a new string.
 */
char *mtree_info(bool flatview);

#endif
