/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qapi-util.c: enum name tables of generated QAPI code. */
#include "osdep.h"

#include "qapi/util.h"
#include "util/error.h"

const char *qapi_enum_lookup(const QEnumLookup *lookup, int val)
{
    g_assert(val >= 0 && val < lookup->size);
    return lookup->array[val];
}

int qapi_enum_parse(const QEnumLookup *lookup, const char *buf, int def,
                    Error **errp)
{
    int i;

    if (!buf) {
        return def;
    }
    for (i = 0; i < lookup->size; i++) {
        if (!strcmp(buf, lookup->array[i])) {
            return i;
        }
    }
    error_setg(errp, "invalid value '%s'", buf);
    return -1;
}
