/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lib.h: the kvmini guest's pure helpers (strings, number formatting and
 * parsing). No I/O and no globals, so tests/unit compiles them for the host.
 */
#ifndef GUEST_LIB_H
#define GUEST_LIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Enough for any uint64_t in decimal or "0x" + 16 hex digits, plus NUL. */
#define KG_NUM_BUF 24

/* Whether @a and @b are equal strings. */
bool kg_streq(const char *a, const char *b);

/* Write @v in decimal to @buf (KG_NUM_BUF bytes); returns @buf. */
char *kg_fmt_u64(char *buf, uint64_t v);

/* Write @v as "0x" and @digits hex digits (1-16, more if needed) to @buf. */
char *kg_fmt_hex(char *buf, uint64_t v, int digits);

/*
 * Parse all of @s as a decimal number that fits in 64 bits into @out;
 * false (and @out untouched) for an empty string or any other character.
 */
bool kg_parse_u64(const char *s, uint64_t *out);

/*
 * Split the next space-separated word off *@p in place: skips spaces,
 * NUL-terminates the word, advances *@p past it and returns it ("" at
 * the end). @p points into a writable string.
 */
char *kg_next_word(char **p);

#endif /* GUEST_LIB_H */
