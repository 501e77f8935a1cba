/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rng.h: random number generator backends, the user-creatable objects a
 * virtio-rng device draws randomness from (-object rng-random,id=rng0).
 * The abstract type rng-backend opens the source when the object is
 * completed; rng-random reads a host device, rng-builtin uses the host's
 * getrandom().
 */
#ifndef BACKENDS_RNG_H
#define BACKENDS_RNG_H

#include "qom/object.h"

#define TYPE_RNG_BACKEND "rng-backend"
#define TYPE_RNG_RANDOM "rng-random"
#define TYPE_RNG_BUILTIN "rng-builtin"

OBJECT_DECLARE_TYPE(RngBackend, RngBackendClass, RNG_BACKEND)

struct RngBackend {
    Object parent_obj;
    bool opened;            /* completed: the source is ready */
};

/*
 * RngBackendClass: @open readies the source when the object is completed
 * (may be NULL); @read fills @buf with @len random bytes. Both return
 * false with @errp set on failure.
 */
struct RngBackendClass {
    ObjectClass parent_class;
    bool (*open)(RngBackend *rng, Error **errp);
    bool (*read)(RngBackend *rng, void *buf, size_t len, Error **errp);
};

/*
 * Fill @buf with @len random bytes from the completed @rng. May block
 * until the source has them. False with @errp set on failure.
 */
bool rng_backend_read(RngBackend *rng, void *buf, size_t len, Error **errp);

#endif /* BACKENDS_RNG_H */
