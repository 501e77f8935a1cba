/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memory-access.c: guest accesses through an address space (RAM copied,
 * I/O split into the sizes its callbacks take, nothing mapped reported as
 * MEMTX_DECODE_ERROR), and the two system address spaces.
 */
#include "osdep.h"

#include "memory-internal.h"

AddressSpace address_space_memory;
AddressSpace address_space_io;
static MemoryRegion system_memory;
static MemoryRegion system_io;

static uint64_t unassigned_read(void *opaque, hwaddr addr, unsigned size)
{
    return UINT64_MAX;
}

static void unassigned_write(void *opaque, hwaddr addr, uint64_t data,
                             unsigned size)
{
}

const MemoryRegionOps memory_unassigned_ops = {
    .read = unassigned_read,
    .write = unassigned_write,
};

void memory_map_init(void)
{
    if (address_space_memory.root) {
        return;
    }
    memory_region_init(&system_memory, "system", UINT64_MAX);
    address_space_init(&address_space_memory, &system_memory, "memory");
    memory_region_init_io(&system_io, &memory_unassigned_ops, NULL, "io",
                          0x10000);
    address_space_init(&address_space_io, &system_io, "I/O");
}

MemoryRegion *get_system_memory(void)
{
    return &system_memory;
}

MemoryRegion *get_system_io(void)
{
    return &system_io;
}

/* @len bytes of I/O at offset @addr of @mr, in the sizes its ops take. */
static void io_access(MemoryRegion *mr, hwaddr addr, uint8_t *buf,
                      unsigned len, bool is_write)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned min = ops->impl.min_access_size ?: 1;
    unsigned max = ops->impl.max_access_size ?: 4;
    unsigned size = MAX(MIN(len, max), min);
    unsigned i, j, n;
    uint64_t data;

    for (i = 0; i < len; i += size) {
        n = MIN(size, len - i);
        data = 0;
        if (is_write) {
            for (j = 0; j < n; j++) {
                data |= (uint64_t)buf[i + j] << (8 * j);
            }
            ops->write(mr->opaque, addr + i, data, size);
            continue;
        }
        data = ops->read(mr->opaque, addr + i, size);
        for (j = 0; j < n; j++) {
            buf[i + j] = data >> (8 * j);
        }
    }
}

/* MIN(@len, bytes from @addr to @last inclusive), for @len > 0. */
static hwaddr bytes_until(hwaddr addr, hwaddr last, hwaddr len)
{
    return last - addr >= len - 1 ? len : last - addr + 1;
}

/* Up to @len bytes at @addr within the range @fr; returns the count done. */
static hwaddr range_access(const FlatRange *fr, hwaddr addr, uint8_t *buf,
                           hwaddr len, bool is_write)
{
    MemoryRegion *mr = fr->mr;
    hwaddr offset = fr->offset_in_region + (addr - fr->addr);
    hwaddr n = bytes_until(addr, fr->last, len);

    if (mr->ram) {
        if (is_write) {
            memcpy((uint8_t *)mr->ram_ptr + offset, buf, n);
        } else {
            memcpy(buf, (uint8_t *)mr->ram_ptr + offset, n);
        }
        return n;
    }
    n = n >= 8 ? 8 : n >= 4 ? 4 : n >= 2 ? 2 : 1;
    while (offset & (n - 1)) {
        n >>= 1;
    }
    io_access(mr, offset, buf, n, is_write);
    return n;
}

/* How many bytes from @addr, at most @len, lie before the next range. */
static hwaddr unassigned_len(const FlatView *view, hwaddr addr, hwaddr len)
{
    unsigned i;

    for (i = 0; i < view->nr; i++) {
        if (view->ranges[i].addr > addr) {
            return MIN(len, view->ranges[i].addr - addr);
        }
    }
    return len;
}

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, void *buf,
                             hwaddr len, bool is_write)
{
    FlatView *view = as->current_map;
    MemTxResult result = MEMTX_OK;
    uint8_t *p = buf;
    hwaddr n;
    int i;

    flatview_ref(view);
    while (len) {
        i = flatview_find(view, addr);
        if (0 > i || view->ranges[i].mr->ops == &memory_unassigned_ops) {
            n = 0 > i ? unassigned_len(view, addr, len)
                      : bytes_until(addr, view->ranges[i].last, len);
            if (!is_write) {
                memset(p, 0xff, n);
            }
            result |= MEMTX_DECODE_ERROR;
        } else {
            n = range_access(&view->ranges[i], addr, p, len, is_write);
        }
        p += n;
        len -= n;
        addr += n;
    }
    flatview_unref(view);
    return result;
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr, void *buf,
                               hwaddr len)
{
    return address_space_rw(as, addr, buf, len, false);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                const void *buf, hwaddr len)
{
    return address_space_rw(as, addr, (void *)buf, len, true);
}
