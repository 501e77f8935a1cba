/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hostmem.c: the abstract memory backend: its size, share and prealloc
 * properties, and mapping the memory when the object is completed.
 */
#include "osdep.h"

#include <sys/mman.h>

#include "backends/hostmem.h"
#include "qom/object-interfaces.h"
#include "util/error.h"

void *host_memory_backend_get_host_ptr(HostMemoryBackend *backend)
{
    return backend->ptr;
}

uint64_t host_memory_backend_get_size(HostMemoryBackend *backend)
{
    return backend->size;
}

int host_memory_backend_get_fd(HostMemoryBackend *backend)
{
    return backend->fd;
}

bool host_memory_backend_is_mapped(HostMemoryBackend *backend)
{
    return backend->is_mapped;
}

void host_memory_backend_set_mapped(HostMemoryBackend *backend, bool mapped)
{
    backend->is_mapped = mapped;
}

bool host_memory_backend_check_settable(HostMemoryBackend *backend,
                                        const char *name, Error **errp)
{
    if (backend->ptr) {
        error_setg(errp, "cannot change property '%s' of %s", name,
                   object_get_typename(OBJECT(backend)));
        return false;
    }
    return true;
}

const char *host_memory_backend_name(HostMemoryBackend *backend)
{
    const char *id = object_get_canonical_path_component(OBJECT(backend));

    return id ? id : object_get_typename(OBJECT(backend));
}

bool host_memory_backend_mmap(HostMemoryBackend *backend, int fd,
                              Error **errp)
{
    int flags = backend->share ? MAP_SHARED : MAP_PRIVATE;
    void *ptr;

    if (fd < 0) {
        flags |= MAP_ANONYMOUS;
    }
    ptr = mmap(NULL, backend->mapped_size, PROT_READ | PROT_WRITE, flags,
               fd, 0);
    if (MAP_FAILED == ptr) {
        error_setg_errno(errp, errno, "cannot set up guest memory '%s'",
                         host_memory_backend_name(backend));
        return false;
    }
    backend->ptr = ptr;
    return true;
}

/* Fault in every page now, so that the guest never waits for memory. */
static bool host_memory_backend_prealloc(HostMemoryBackend *backend,
                                         Error **errp)
{
    if (madvise(backend->ptr, backend->mapped_size, MADV_POPULATE_WRITE)) {
        error_setg_errno(errp, errno, "cannot preallocate memory '%s'",
                         host_memory_backend_name(backend));
        return false;
    }
    return true;
}

static bool host_memory_backend_get_size_prop(Object *obj, Visitor *v,
                                              const char *name, void *opaque,
                                              Error **errp)
{
    uint64_t size = MEMORY_BACKEND(obj)->size;

    return visit_type_size(v, name, &size, errp);
}

static bool host_memory_backend_set_size_prop(Object *obj, Visitor *v,
                                              const char *name, void *opaque,
                                              Error **errp)
{
    HostMemoryBackend *backend = MEMORY_BACKEND(obj);
    uint64_t size;

    if (!host_memory_backend_check_settable(backend, name, errp) ||
        !visit_type_size(v, name, &size, errp)) {
        return false;
    }
    if (!size) {
        error_setg(errp, "property '%s' of %s doesn't take value '0'", name,
                   object_get_typename(obj));
        return false;
    }
    backend->size = size;
    return true;
}

static bool host_memory_backend_get_share(Object *obj, Error **errp)
{
    return MEMORY_BACKEND(obj)->share;
}

static bool host_memory_backend_set_share(Object *obj, bool value,
                                          Error **errp)
{
    HostMemoryBackend *backend = MEMORY_BACKEND(obj);

    if (!host_memory_backend_check_settable(backend, "share", errp)) {
        return false;
    }
    backend->share = value;
    return true;
}

static bool host_memory_backend_get_prealloc(Object *obj, Error **errp)
{
    return MEMORY_BACKEND(obj)->prealloc;
}

/* Turning prealloc on for mapped memory preallocates it at once. */
static bool host_memory_backend_set_prealloc(Object *obj, bool value,
                                             Error **errp)
{
    HostMemoryBackend *backend = MEMORY_BACKEND(obj);

    if (value && !backend->prealloc && backend->ptr &&
        !host_memory_backend_prealloc(backend, errp)) {
        return false;
    }
    backend->prealloc = value;
    return true;
}

static bool host_memory_backend_complete(UserCreatable *uc, Error **errp)
{
    HostMemoryBackend *backend = MEMORY_BACKEND(uc);
    HostMemoryBackendClass *bc = MEMORY_BACKEND_GET_CLASS(uc);
    uint64_t page = sysconf(_SC_PAGESIZE);

    if (!backend->size) {
        error_setg(errp, "can't create backend with size 0");
        return false;
    }
    /* The memory code maps whole pages; a size near 2^64 cannot be had. */
    if (backend->size > UINT64_MAX - (page - 1)) {
        error_setg_errno(errp, ENOMEM, "cannot set up guest memory '%s'",
                         host_memory_backend_name(backend));
        return false;
    }
    backend->mapped_size = (backend->size + page - 1) & ~(page - 1);
    if (!bc->alloc(backend, errp)) {
        return false;
    }
    if (backend->prealloc && !host_memory_backend_prealloc(backend, errp)) {
        munmap(backend->ptr, backend->mapped_size);
        backend->ptr = NULL;
        return false;
    }
    return true;
}

static bool host_memory_backend_can_be_deleted(UserCreatable *uc)
{
    return !host_memory_backend_is_mapped(MEMORY_BACKEND(uc));
}

static void host_memory_backend_init(Object *obj)
{
    MEMORY_BACKEND(obj)->fd = -1;
}

static void host_memory_backend_finalize(Object *obj)
{
    HostMemoryBackend *backend = MEMORY_BACKEND(obj);

    if (backend->ptr) {
        munmap(backend->ptr, backend->mapped_size);
    }
    if (backend->fd >= 0) {
        close(backend->fd);
    }
}

static void host_memory_backend_class_init(ObjectClass *klass, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(klass);
    ObjectProperty *prop;

    ucc->complete = host_memory_backend_complete;
    ucc->can_be_deleted = host_memory_backend_can_be_deleted;

    /* "int", as QEMU calls it; text input takes suffixes ("1G"). */
    object_class_property_add(klass, "size", "int",
                              host_memory_backend_get_size_prop,
                              host_memory_backend_set_size_prop, NULL, NULL);
    object_class_property_set_description(klass, "size",
                                          "Size of the memory in bytes "
                                          "(suffixes K, M, G, T allowed)");
    object_class_property_add_bool(klass, "share",
                                   host_memory_backend_get_share,
                                   host_memory_backend_set_share);
    object_class_property_set_description(klass, "share",
                                          "Map the memory shared with "
                                          "other processes");
    prop = object_class_property_add_bool(klass, "prealloc",
                                          host_memory_backend_get_prealloc,
                                          host_memory_backend_set_prealloc);
    object_property_set_default_bool(prop, false);
    object_class_property_set_description(klass, "prealloc",
                                          "Fault in all of the memory when "
                                          "it is created");
}

static const TypeInfo host_memory_backend_info = {
    .name = TYPE_MEMORY_BACKEND,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .instance_size = sizeof(HostMemoryBackend),
    .instance_init = host_memory_backend_init,
    .instance_finalize = host_memory_backend_finalize,
    .class_size = sizeof(HostMemoryBackendClass),
    .class_init = host_memory_backend_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { TYPE_USER_CREATABLE },
        { }
    },
};

static void host_memory_backend_register_types(void)
{
    type_register_static(&host_memory_backend_info);
}

type_init(host_memory_backend_register_types)
