/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rng-random.c: rng-random, randomness read from a host device. */
#include "osdep.h"

#include <fcntl.h>

#include "backends/rng.h"
#include "util/error.h"

OBJECT_DECLARE_SIMPLE_TYPE(RngRandom, RNG_RANDOM)

struct RngRandom {
    RngBackend parent_obj;
    char *filename;
    int fd;
};

static bool rng_random_open(RngBackend *rng, Error **errp)
{
    RngRandom *s = RNG_RANDOM(rng);

    s->fd = open(s->filename, O_RDONLY | O_CLOEXEC);
    if (s->fd < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", s->filename);
        return false;
    }
    return true;
}

static bool rng_random_read(RngBackend *rng, void *buf, size_t len,
                            Error **errp)
{
    RngRandom *s = RNG_RANDOM(rng);
    char *p = buf;
    ssize_t n;

    while (len) {
        n = read(s->fd, p, len);
        if (n < 0 && EINTR == errno) {
            continue;
        }
        if (n <= 0) {
            error_setg_errno(errp, n ? errno : EIO, "cannot read from '%s'",
                             s->filename);
            return false;
        }
        p += n;
        len -= n;
    }
    return true;
}

static char *rng_random_get_filename(Object *obj, Error **errp)
{
    return g_strdup(RNG_RANDOM(obj)->filename);
}

static bool rng_random_set_filename(Object *obj, const char *value,
                                    Error **errp)
{
    RngRandom *s = RNG_RANDOM(obj);

    if (RNG_BACKEND(obj)->opened) {
        error_setg(errp, "Property 'filename' can no longer be set");
        return false;
    }
    g_free(s->filename);
    s->filename = g_strdup(value);
    return true;
}

static void rng_random_init(Object *obj)
{
    RNG_RANDOM(obj)->fd = -1;
}

static void rng_random_finalize(Object *obj)
{
    RngRandom *s = RNG_RANDOM(obj);

    if (s->fd >= 0) {
        close(s->fd);
    }
    g_free(s->filename);
}

static void rng_random_class_init(ObjectClass *klass, void *data)
{
    RngBackendClass *rc = RNG_BACKEND_CLASS(klass);
    ObjectProperty *prop;

    rc->open = rng_random_open;
    rc->read = rng_random_read;
    prop = object_class_property_add_str(klass, "filename",
                                         rng_random_get_filename,
                                         rng_random_set_filename);
    object_property_set_default_str(prop, "/dev/urandom");
    object_class_property_set_description(klass, "filename",
                                          "Host device to read randomness "
                                          "from");
}

static const TypeInfo rng_random_info = {
    .name = TYPE_RNG_RANDOM,
    .parent = TYPE_RNG_BACKEND,
    .instance_size = sizeof(RngRandom),
    .instance_init = rng_random_init,
    .instance_finalize = rng_random_finalize,
    .class_init = rng_random_class_init,
};

static void rng_random_register_types(void)
{
    type_register_static(&rng_random_info);
}

type_init(rng_random_register_types)
