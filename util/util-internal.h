/* SPDX-License-Identifier: GPL-2.0-or-later */
/* util-internal.h: helpers shared by the QemuOpts and keyval parsers. */
#ifndef UTIL_INTERNAL_H
#define UTIL_INTERNAL_H

#include "util/qemu-option.h"

/*
 * Read an option value at *@pp up to the next single ',' or the end, with
 * ",," standing for a literal ','. Leaves *@pp at that ',' or at the NUL.
 * Returns the value, which the caller frees.
 */
char *qemu_opt_read_value(const char **pp);

/* Whether @id is an identifier: a letter, then letters, digits, -, ., _ */
bool qemu_opts_id_wellformed(const char *id);

/* Set the error for an @id that is not an identifier, with a hint. */
void qemu_opts_id_error(Error **errp);

/*
 * Check @name=@value against @list as qemu_opt_set() does and, if good,
 * append a new QemuOpt for it to @staged. @name_typed is false when @name
 * is the implied key, which error messages then leave out. Returns false
 * on error.
 */
bool qemu_opt_stage(const QemuOptsList *list, GQueue *staged, const char *name,
                    bool name_typed, const char *value, Error **errp);

/* Free the QemuOpt queued in @staged that were never committed. */
void qemu_opt_staged_clear(GQueue *staged);

/*
 * Move every QemuOpt of @staged to the end of @opts, in order, and record
 * @help. @staged is left empty.
 */
void qemu_opts_commit(QemuOpts *opts, GQueue *staged, bool help);

#endif /* UTIL_INTERNAL_H */
