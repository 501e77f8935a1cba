/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * osdep.h: the project prelude. Every .c file includes it first, before any
 * other header; headers never include it themselves.
 */
#ifndef OSDEP_H
#define OSDEP_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib.h>

#include "typedefs.h"

/* Compiler attributes used across the tree. */
#define KVMINI_NORETURN         __attribute__((noreturn))
#define KVMINI_PACKED           __attribute__((packed))
#define KVMINI_WARN_UNUSED      __attribute__((warn_unused_result))
#define KVMINI_SENTINEL         __attribute__((sentinel))

/* container_of: from a pointer to @member, the pointer to its enclosing @type. */
#define container_of(ptr, type, member) \
    ((type *)((char *)(ptr) - offsetof(type, member)))

#define ARRAY_SIZE(a) G_N_ELEMENTS(a)

#endif /* OSDEP_H */
