/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * block-backend.c: named raw image files, with bounded reads and writes
 * and one attached device each.
 */
#include "osdep.h"

#include <fcntl.h>

#include "block/block-backend.h"
#include "util/error.h"

struct BlockBackend {
    char *name;
    char *filename;
    int fd;
    int64_t size;
    bool read_only;
    DeviceState *dev;           /* borrowed; the attached device or NULL */
};

/* Every backend, in creation order. */
static GQueue block_backends = G_QUEUE_INIT;

BlockBackend *blk_new_open(const char *name, const char *filename,
                           bool read_only, Error **errp)
{
    BlockBackend *blk;
    int64_t size;
    int fd;

    if (blk_by_name(name)) {
        error_setg(errp, "Duplicate ID '%s' for drive", name);
        return NULL;
    }
    fd = open(filename, (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    if (0 > fd) {
        error_setg_errno(errp, errno, "Could not open '%s'", filename);
        return NULL;
    }
    size = lseek(fd, 0, SEEK_END);
    if (0 > size) {
        error_setg_errno(errp, errno, "Could not get the size of '%s'",
                         filename);
        close(fd);
        return NULL;
    }
    blk = g_new0(BlockBackend, 1);
    blk->name = g_strdup(name);
    blk->filename = g_strdup(filename);
    blk->fd = fd;
    blk->size = size;
    blk->read_only = read_only;
    g_queue_push_tail(&block_backends, blk);
    return blk;
}

void blk_delete(BlockBackend *blk)
{
    g_assert(!blk->dev);
    g_queue_remove(&block_backends, blk);
    close(blk->fd);
    g_free(blk->name);
    g_free(blk->filename);
    g_free(blk);
}

void blk_delete_all(void)
{
    BlockBackend *blk;

    while ((blk = g_queue_peek_head(&block_backends))) {
        blk->dev = NULL;
        blk_delete(blk);
    }
}

BlockBackend *blk_by_name(const char *name)
{
    GList *l;

    for (l = block_backends.head; l; l = l->next) {
        BlockBackend *blk = l->data;

        if (!strcmp(blk->name, name)) {
            return blk;
        }
    }
    return NULL;
}

BlockBackend *blk_next(const BlockBackend *blk)
{
    GList *l;

    if (!blk) {
        return g_queue_peek_head(&block_backends);
    }
    l = g_queue_find(&block_backends, blk);
    return l && l->next ? l->next->data : NULL;
}

const char *blk_name(const BlockBackend *blk)
{
    return blk->name;
}

int64_t blk_getlength(const BlockBackend *blk)
{
    return blk->size;
}

bool blk_is_read_only(const BlockBackend *blk)
{
    return blk->read_only;
}

/* Whether [@offset, @offset + @bytes) lies inside the image. */
static bool blk_range_ok(const BlockBackend *blk, int64_t offset,
                         int64_t bytes)
{
    return 0 <= offset && 0 <= bytes && bytes <= blk->size &&
           offset <= blk->size - bytes;
}

int blk_pread(BlockBackend *blk, int64_t offset, int64_t bytes, void *buf)
{
    uint8_t *p = buf;
    ssize_t n;

    if (!blk_range_ok(blk, offset, bytes)) {
        return -EINVAL;
    }
    while (0 < bytes) {
        n = pread(blk->fd, p, bytes, offset);
        if (0 > n && EINTR == errno) {
            continue;
        }
        if (0 > n) {
            return -errno;
        }
        if (0 == n) {
            /* The file shrank under us. */
            return -EIO;
        }
        p += n;
        offset += n;
        bytes -= n;
    }
    return 0;
}

int blk_pwrite(BlockBackend *blk, int64_t offset, int64_t bytes,
               const void *buf)
{
    const uint8_t *p = buf;
    ssize_t n;

    if (blk->read_only) {
        return -EPERM;
    }
    if (!blk_range_ok(blk, offset, bytes)) {
        return -EINVAL;
    }
    while (0 < bytes) {
        n = pwrite(blk->fd, p, bytes, offset);
        if (0 > n && EINTR == errno) {
            continue;
        }
        if (0 >= n) {
            return 0 > n ? -errno : -EIO;
        }
        p += n;
        offset += n;
        bytes -= n;
    }
    return 0;
}

int blk_flush(BlockBackend *blk)
{
    if (blk->read_only) {
        return 0;
    }
    return fdatasync(blk->fd) ? -errno : 0;
}

bool blk_attach_dev(BlockBackend *blk, DeviceState *dev)
{
    if (blk->dev && blk->dev != dev) {
        return false;
    }
    blk->dev = dev;
    return true;
}

void blk_detach_dev(BlockBackend *blk, DeviceState *dev)
{
    g_assert(blk->dev == dev);
    blk->dev = NULL;
}

DeviceState *blk_get_attached_dev(const BlockBackend *blk)
{
    return blk->dev;
}
