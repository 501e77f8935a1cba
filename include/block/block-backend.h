/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * block-backend.h: block backends, the disks devices read and write. A
 * BlockBackend is a raw image file opened read-only or read-write under a
 * unique name (the -drive id); one device at a time may be attached to
 * it (the "drive" qdev property). Every request is checked against the
 * image size before any host I/O. docs/devel/block.md describes it.
 */
#ifndef BLOCK_BLOCK_BACKEND_H
#define BLOCK_BLOCK_BACKEND_H

#include "typedefs.h"

typedef struct BlockBackend BlockBackend;

/*
 * Open @filename as a raw image named @name (both copied). Returns the
 * backend, owned by the list of backends until blk_delete(), or NULL with
 * @errp set: "Duplicate ID 'NAME' for drive", "Could not open 'FILE':
 * REASON".
 */
BlockBackend *blk_new_open(const char *name, const char *filename,
                           bool read_only, Error **errp);

/* Close @blk and forget it; no device may be attached. */
void blk_delete(BlockBackend *blk);

/* Delete every backend, detaching their devices (for shutdown and tests). */
void blk_delete_all(void);

/* The backend named @name (borrowed), or NULL. */
BlockBackend *blk_by_name(const char *name);

/* The backend after @blk in creation order (NULL: the first); borrowed. */
BlockBackend *blk_next(const BlockBackend *blk);

/* The name of @blk (borrowed). */
const char *blk_name(const BlockBackend *blk);

/* The size of @blk's image in bytes, as it was when opened. */
int64_t blk_getlength(const BlockBackend *blk);

/* Whether @blk was opened read-only. */
bool blk_is_read_only(const BlockBackend *blk);

/*
 * Read @bytes at @offset into @buf. Returns 0, -EINVAL when the range is
 * not inside the image (negative, overflowing or past the end; nothing is
 * read), or another -errno of the host read.
 */
int blk_pread(BlockBackend *blk, int64_t offset, int64_t bytes, void *buf);

/*
 * Write @bytes of @buf at @offset. Returns 0, -EPERM when @blk is
 * read-only, -EINVAL for a range outside the image (nothing is written),
 * or another -errno of the host write.
 */
int blk_pwrite(BlockBackend *blk, int64_t offset, int64_t bytes,
               const void *buf);

/* Flush written data to stable storage. Returns 0 or -errno. */
int blk_flush(BlockBackend *blk);

/*
 * Attach @dev (borrowed, not referenced) as @blk's device. Returns false
 * when another device is attached; attaching the same one again is fine.
 */
bool blk_attach_dev(BlockBackend *blk, DeviceState *dev);

/* Detach @dev, which must be the attached device. */
void blk_detach_dev(BlockBackend *blk, DeviceState *dev);

/* The attached device (borrowed), or NULL. */
DeviceState *blk_get_attached_dev(const BlockBackend *blk);

#endif /* BLOCK_BLOCK_BACKEND_H */
