/* SPDX-License-Identifier: GPL-2.0-or-later */
/* util-internal.h: helpers shared by the QemuOpts and keyval parsers. */
#ifndef UTIL_INTERNAL_H
#define UTIL_INTERNAL_H

#include "util/qemu-option.h"

/*
 * Split the element at *@pp ("key=value", "key" or, when @implied, a bare
 * "value") and move *@pp past it and its ','. In values ",," stands for a
 * literal ','. Sets *@key (NULL for an implied value) and *@value (NULL for
 * a bare key); the caller frees both.
 */
void qemu_opt_split_element(const char **pp, bool implied, char **key,
                            char **value);

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
