/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * container.h: containers, the plain objects that group others in the
 * composition tree ("/objects", "/machine/peripheral", ...).
 */
#ifndef QOM_CONTAINER_H
#define QOM_CONTAINER_H

#include "qom/object.h"

#define TYPE_CONTAINER "container"

/**
 * container_get: the object at @path below @root ("/machine/peripheral"),
 * creating every missing component on the way as a container. The machine
 * code adds /machine itself before asking for the containers below it
 * (peripheral, peripheral-anon, unattached), or it would be made a
 * container too.
 * Returns: the object (borrowed: owned by its parent).
 */
Object *container_get(Object *root, const char *path);

#endif /* QOM_CONTAINER_H */
