/* SPDX-License-Identifier: GPL-2.0-or-later */
/* memory-internal.h: what the files of the memory API share. */
#ifndef SYSTEM_MEMORY_INTERNAL_H
#define SYSTEM_MEMORY_INTERNAL_H

#include "system/memory-as.h"

/* Signed 128-bit arithmetic for sizes up to 2^64 and shifted bases. */
typedef __int128 MemInt128;

/* The ops of the "io" region: a region that decodes nothing. */
extern const MemoryRegionOps memory_unassigned_ops;

/* A change of the tree: the flat views must be redone. */
void memory_region_mark_changed(void);

/* Redo every address space's flat view and tell the listeners. */
void address_spaces_update(void);

/* The size of @mr, 2^64 for UINT64_MAX. */
MemInt128 memory_region_size128(const MemoryRegion *mr);

/* Whether @mr ends the tree (RAM or I/O) rather than holding subregions. */
bool memory_region_terminates(const MemoryRegion *mr);

/* The index of the range of @view holding @addr, or -1. */
int flatview_find(const FlatView *view, hwaddr addr);

/* Take and drop a reference to @view. */
void flatview_ref(FlatView *view);
void flatview_unref(FlatView *view);

/* The address spaces, in the order they were made (borrowed). */
GList *address_spaces_list(void);

#endif
