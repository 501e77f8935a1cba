/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rng.c: the abstract random number generator backend. */
#include "osdep.h"

#include "backends/rng.h"
#include "qom/object-interfaces.h"
#include "util/error.h"

bool rng_backend_read(RngBackend *rng, void *buf, size_t len, Error **errp)
{
    g_assert(rng->opened);
    return RNG_BACKEND_GET_CLASS(rng)->read(rng, buf, len, errp);
}

static bool rng_backend_complete(UserCreatable *uc, Error **errp)
{
    RngBackend *rng = RNG_BACKEND(uc);
    RngBackendClass *rc = RNG_BACKEND_GET_CLASS(rng);

    if (rc->open && !rc->open(rng, errp)) {
        return false;
    }
    rng->opened = true;
    return true;
}

static void rng_backend_class_init(ObjectClass *klass, void *data)
{
    USER_CREATABLE_CLASS(klass)->complete = rng_backend_complete;
}

static const TypeInfo rng_backend_info = {
    .name = TYPE_RNG_BACKEND,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .instance_size = sizeof(RngBackend),
    .class_size = sizeof(RngBackendClass),
    .class_init = rng_backend_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { TYPE_USER_CREATABLE },
        { }
    },
};

static void rng_backend_register_types(void)
{
    type_register_static(&rng_backend_info);
}

type_init(rng_backend_register_types)
