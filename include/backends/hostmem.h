/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hostmem.h: memory backends, the user-creatable objects that hold guest
 * RAM (-object memory-backend-ram,id=m0,size=1G). The abstract type
 * memory-backend has the common properties (size, share, prealloc) and
 * maps the memory when the object is completed; each subtype says where
 * the memory comes from: anonymous memory (memory-backend-ram), a file
 * (memory-backend-file) or a memfd (memory-backend-memfd).
 *
 * The memory code uses a backend through the functions below: it asks
 * for the mapping, and marks the backend mapped while the guest uses it,
 * which makes object-del refuse to delete it.
 */
#ifndef BACKENDS_HOSTMEM_H
#define BACKENDS_HOSTMEM_H

#include "qom/object.h"

#define TYPE_MEMORY_BACKEND "memory-backend"
#define TYPE_MEMORY_BACKEND_RAM "memory-backend-ram"
#define TYPE_MEMORY_BACKEND_FILE "memory-backend-file"
#define TYPE_MEMORY_BACKEND_MEMFD "memory-backend-memfd"

OBJECT_DECLARE_TYPE(HostMemoryBackend, HostMemoryBackendClass,
                    MEMORY_BACKEND)

struct HostMemoryBackend {
    Object parent_obj;

    /* Properties. */
    uint64_t size;
    bool share;
    bool prealloc;

    /* State, once completed. */
    void *ptr;              /* the mapping, NULL before */
    uint64_t mapped_size;   /* size rounded up to whole host pages */
    int fd;                 /* the file or memfd, -1 for anonymous memory */
    bool is_mapped;         /* in use by the guest */
};

/*
 * HostMemoryBackendClass: @alloc maps backend->mapped_size bytes into
 * backend->ptr (with host_memory_backend_mmap()), opening backend->fd
 * first for memory kept in a file; false with @errp set on failure.
 */
struct HostMemoryBackendClass {
    ObjectClass parent_class;
    bool (*alloc)(HostMemoryBackend *backend, Error **errp);
};

/* The guest memory of a completed @backend (borrowed), or NULL before. */
void *host_memory_backend_get_host_ptr(HostMemoryBackend *backend);

/* Its size in bytes, as the "size" property says. */
uint64_t host_memory_backend_get_size(HostMemoryBackend *backend);

/* The file descriptor behind the memory (borrowed), or -1 if anonymous. */
int host_memory_backend_get_fd(HostMemoryBackend *backend);

/* Whether the guest uses @backend; object-del refuses it then. */
bool host_memory_backend_is_mapped(HostMemoryBackend *backend);

/* Record that the guest uses @backend (@mapped) or stopped using it. */
void host_memory_backend_set_mapped(HostMemoryBackend *backend, bool mapped);

/* The backend's id, for messages (its type name without one). Borrowed. */
const char *host_memory_backend_name(HostMemoryBackend *backend);

/*
 * For @alloc methods: map backend->mapped_size bytes of @fd (-1:
 * anonymous memory) readable and writable, shared when the "share"
 * property says so, into backend->ptr. False with @errp set ("cannot set
 * up guest memory 'ID': reason") on failure.
 */
bool host_memory_backend_mmap(HostMemoryBackend *backend, int fd,
                              Error **errp);

/*
 * For property setters of subtypes: false with @errp set ("cannot change
 * property 'NAME' of TYPE") once @backend is completed.
 */
bool host_memory_backend_check_settable(HostMemoryBackend *backend,
                                        const char *name, Error **errp);

#endif /* BACKENDS_HOSTMEM_H */
