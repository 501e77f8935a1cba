/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dump.h: the checked model as text (qapi-gen --dump), one line per
 * entity and per member with its flags, conditions and features, then the
 * documentation. The schema tests compare it with the .out files
 * of tests/qapi-schema.
 */
#ifndef QAPI_GEN_DUMP_H
#define QAPI_GEN_DUMP_H

#include "schema.h"

/* Append the dump of the user modules of @schema to @out. */
void qapi_schema_dump(const QAPISchema *schema, GString *out);

#endif /* QAPI_GEN_DUMP_H */
