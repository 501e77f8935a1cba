/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * reader.h: phase 1 of loading a schema: read the main file and its
 * includes into the schema's expressions, documentation blocks, modules
 * and pragmas.
 */
#ifndef QAPI_GEN_READER_H
#define QAPI_GEN_READER_H

#include "schema.h"

/*
 * Read @fname and, recursively, the files it includes into @schema. Each
 * file is blanked of '#' comments (keeping lines), its "##" blocks are
 * collected as documentation, and the rest is parsed as JSON. Returns
 * false with @errp set at the first error.
 */
bool qapi_read_schema(QAPISchema *schema, const char *fname,
                      QAPIReadFileFunc *read_file, void *opaque,
                      Error **errp);

#endif /* QAPI_GEN_READER_H */
