/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hostmem-ram.c: memory-backend-ram, guest memory in anonymous memory. */
#include "osdep.h"

#include "backends/hostmem.h"

static bool ram_backend_alloc(HostMemoryBackend *backend, Error **errp)
{
    return host_memory_backend_mmap(backend, -1, errp);
}

static void ram_backend_class_init(ObjectClass *klass, void *data)
{
    MEMORY_BACKEND_CLASS(klass)->alloc = ram_backend_alloc;
}

static const TypeInfo ram_backend_info = {
    .name = TYPE_MEMORY_BACKEND_RAM,
    .parent = TYPE_MEMORY_BACKEND,
    .class_init = ram_backend_class_init,
};

static void ram_backend_register_types(void)
{
    type_register_static(&ram_backend_info);
}

type_init(ram_backend_register_types)
