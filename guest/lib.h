/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lib.h: the kvmini guest's pure helpers (strings, number formatting and
 * parsing). No I/O and no globals, so tests/unit compiles them for the host.
 */
#ifndef GUEST_LIB_H
#define GUEST_LIB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether @a and @b are equal strings. */
bool kg_streq(const char *a, const char *b);

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

/*
 * Format @fmt into @buf (@size bytes, always NUL-terminated, truncating)
 * like vsnprintf(), for the conversions %s, %c, %u, %lu, %x, %lx and %%,
 * with an optional '0' flag and width. Returns the length written.
 */
size_t kg_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* kg_vsnprintf() with the arguments inline. */
__attribute__((format(printf, 3, 4)))
size_t kg_snprintf(char *buf, size_t size, const char *fmt, ...);

/* The bytes in a memtest page, and the 64-bit words in it. */
#define KG_PAGE_SIZE 4096
#define KG_PAGE_WORDS (KG_PAGE_SIZE / 8)

/*
 * The memtest word at guest physical @addr in generation @gen: the
 * generation in bits 40-63, the address in bits 0-39, so a mismatch
 * reads as "which generation, which address".
 */
uint64_t kg_pattern(uint64_t addr, uint32_t gen);

/* Fill @page, the page at guest physical @addr, for generation @gen. */
void kg_page_fill(uint64_t *page, uint64_t addr, uint32_t gen);

/*
 * Check @page (at guest physical @addr) against generation @gen: the
 * number of words that differ, with the index of the first in *@first.
 */
size_t kg_page_check(const uint64_t *page, uint64_t addr, uint32_t gen,
                     size_t *first);

#endif /* GUEST_LIB_H */
