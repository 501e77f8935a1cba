/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hostmem-memfd.c: memory-backend-memfd, guest memory in an anonymous
 * memory file (memfd_create()) that can be shared with other processes
 * by passing its descriptor.
 */
#include "osdep.h"

#include <fcntl.h>
#include <sys/mman.h>

#include "backends/hostmem.h"
#include "util/error.h"

OBJECT_DECLARE_SIMPLE_TYPE(HostMemoryBackendMemfd, MEMORY_BACKEND_MEMFD)

struct HostMemoryBackendMemfd {
    HostMemoryBackend parent_obj;
    bool seal;
};

static bool memfd_backend_alloc(HostMemoryBackend *backend, Error **errp)
{
    HostMemoryBackendMemfd *memfd = MEMORY_BACKEND_MEMFD(backend);
    const char *id = host_memory_backend_name(backend);
    int fd;

    fd = memfd_create(id, MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) {
        error_setg_errno(errp, errno, "cannot create memfd for '%s'", id);
        return false;
    }
    backend->fd = fd;
    if (ftruncate(fd, backend->mapped_size)) {
        error_setg_errno(errp, errno, "cannot set up guest memory '%s'", id);
        return false;
    }
    /* Sealed, the memory can neither grow nor shrink under the guest. */
    if (memfd->seal &&
        fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL)) {
        error_setg_errno(errp, errno, "cannot seal memfd for '%s'", id);
        return false;
    }
    return host_memory_backend_mmap(backend, fd, errp);
}

static bool memfd_backend_get_seal(Object *obj, Error **errp)
{
    return MEMORY_BACKEND_MEMFD(obj)->seal;
}

static bool memfd_backend_set_seal(Object *obj, bool value, Error **errp)
{
    if (!host_memory_backend_check_settable(MEMORY_BACKEND(obj), "seal",
                                            errp)) {
        return false;
    }
    MEMORY_BACKEND_MEMFD(obj)->seal = value;
    return true;
}

/* Unlike the other backends, memfd memory is shared unless told not to be. */
static void memfd_backend_init(Object *obj)
{
    MEMORY_BACKEND(obj)->share = true;
}

static void memfd_backend_class_init(ObjectClass *klass, void *data)
{
    ObjectProperty *prop;

    MEMORY_BACKEND_CLASS(klass)->alloc = memfd_backend_alloc;
    prop = object_class_property_add_bool(klass, "seal",
                                          memfd_backend_get_seal,
                                          memfd_backend_set_seal);
    object_property_set_default_bool(prop, true);
    object_class_property_set_description(klass, "seal",
                                          "Seal the memory against growing "
                                          "and shrinking");
}

static const TypeInfo memfd_backend_info = {
    .name = TYPE_MEMORY_BACKEND_MEMFD,
    .parent = TYPE_MEMORY_BACKEND,
    .instance_size = sizeof(HostMemoryBackendMemfd),
    .instance_init = memfd_backend_init,
    .class_init = memfd_backend_class_init,
};

static void memfd_backend_register_types(void)
{
    type_register_static(&memfd_backend_info);
}

type_init(memfd_backend_register_types)
