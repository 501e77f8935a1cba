/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hostmem-file.c: memory-backend-file, guest memory in a file: an existing
 * one at least as large as the memory, a new one, or a new unnamed one in
 * a directory (a hugetlbfs mount, say).
 */
#include "osdep.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "backends/hostmem.h"
#include "util/error.h"

OBJECT_DECLARE_SIMPLE_TYPE(HostMemoryBackendFile, MEMORY_BACKEND_FILE)

struct HostMemoryBackendFile {
    HostMemoryBackend parent_obj;
    char *mem_path;
};

/* A new file in the directory @dir, already unlinked; -1 with errno. */
static int file_backend_create_in(const char *dir)
{
    g_autofree char *path = g_build_filename(dir, "kvmini_back_mem.XXXXXX",
                                             NULL);
    int fd = mkostemp(path, O_CLOEXEC);

    if (fd >= 0) {
        unlink(path);
    }
    return fd;
}

/* Open (or create) the backing store at @path; -1 with errno. */
static int file_backend_open(const char *path)
{
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

    if (fd < 0 && EISDIR == errno) {
        fd = file_backend_create_in(path);
    }
    return fd;
}

static bool file_backend_alloc(HostMemoryBackend *backend, Error **errp)
{
    const char *path = MEMORY_BACKEND_FILE(backend)->mem_path;
    struct stat st;

    if (!path) {
        error_setg(errp, "mem-path property not set");
        return false;
    }
    backend->fd = file_backend_open(path);
    if (backend->fd < 0 || fstat(backend->fd, &st)) {
        error_setg_errno(errp, errno, "can't open backing store %s for "
                         "guest RAM", path);
        return false;
    }
    /* An empty file is grown to the size; a shorter one is a mistake. */
    if (!st.st_size && ftruncate(backend->fd, backend->mapped_size)) {
        error_setg_errno(errp, errno, "can't grow backing store %s to "
                         "0x%" PRIx64 " bytes", path, backend->mapped_size);
        return false;
    }
    if (st.st_size && (uint64_t)st.st_size < backend->size) {
        error_setg(errp, "backing store size 0x%" PRIx64 " does not match "
                   "'size' option 0x%" PRIx64, (uint64_t)st.st_size,
                   backend->size);
        return false;
    }
    return host_memory_backend_mmap(backend, backend->fd, errp);
}

static char *file_backend_get_mem_path(Object *obj, Error **errp)
{
    return g_strdup(MEMORY_BACKEND_FILE(obj)->mem_path);
}

static bool file_backend_set_mem_path(Object *obj, const char *value,
                                      Error **errp)
{
    HostMemoryBackendFile *file = MEMORY_BACKEND_FILE(obj);

    if (!host_memory_backend_check_settable(MEMORY_BACKEND(obj), "mem-path",
                                            errp)) {
        return false;
    }
    g_free(file->mem_path);
    file->mem_path = g_strdup(value);
    return true;
}

static void file_backend_finalize(Object *obj)
{
    g_free(MEMORY_BACKEND_FILE(obj)->mem_path);
}

static void file_backend_class_init(ObjectClass *klass, void *data)
{
    MEMORY_BACKEND_CLASS(klass)->alloc = file_backend_alloc;
    object_class_property_add_str(klass, "mem-path",
                                  file_backend_get_mem_path,
                                  file_backend_set_mem_path);
    object_class_property_set_description(klass, "mem-path",
                                          "File holding the memory, or a "
                                          "directory to create one in");
}

static const TypeInfo file_backend_info = {
    .name = TYPE_MEMORY_BACKEND_FILE,
    .parent = TYPE_MEMORY_BACKEND,
    .instance_size = sizeof(HostMemoryBackendFile),
    .instance_finalize = file_backend_finalize,
    .class_init = file_backend_class_init,
};

static void file_backend_register_types(void)
{
    type_register_static(&file_backend_info);
}

type_init(file_backend_register_types)
