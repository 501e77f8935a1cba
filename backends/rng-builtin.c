/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rng-builtin.c: rng-builtin, randomness from the host's getrandom(). */
#include "osdep.h"

#include <sys/random.h>

#include "backends/rng.h"
#include "util/error.h"

static bool rng_builtin_read(RngBackend *rng, void *buf, size_t len,
                             Error **errp)
{
    char *p = buf;
    ssize_t n;

    while (len) {
        n = getrandom(p, len, 0);
        if (n < 0 && EINTR == errno) {
            continue;
        }
        if (n < 0) {
            error_setg_errno(errp, errno, "getrandom() failed");
            return false;
        }
        p += n;
        len -= n;
    }
    return true;
}

static void rng_builtin_class_init(ObjectClass *klass, void *data)
{
    RNG_BACKEND_CLASS(klass)->read = rng_builtin_read;
}

static const TypeInfo rng_builtin_info = {
    .name = TYPE_RNG_BUILTIN,
    .parent = TYPE_RNG_BACKEND,
    .class_init = rng_builtin_class_init,
};

static void rng_builtin_register_types(void)
{
    type_register_static(&rng_builtin_info);
}

type_init(rng_builtin_register_types)
