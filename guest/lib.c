/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib.c: the kvmini guest's pure helpers (see lib.h). */
#include "lib.h"

/* Enough for any uint64_t's digits. */
#define KG_NUM_BUF 24

bool kg_streq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

bool kg_parse_u64(const char *s, uint64_t *out)
{
    uint64_t v = 0;

    if (!*s) {
        return false;
    }
    for (; *s; s++) {
        unsigned d = (unsigned)(*s - '0');

        if (d > 9 || v > (UINT64_MAX - d) / 10) {
            return false;
        }
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

char *kg_next_word(char **p)
{
    char *s = *p;
    char *word;

    while (*s == ' ' || *s == '\t') {
        s++;
    }
    word = s;
    while (*s && *s != ' ' && *s != '\t') {
        s++;
    }
    if (*s) {
        *s++ = '\0';
    }
    *p = s;
    return word;
}

/* Append @c to @buf if there is room (one byte stays for the NUL). */
static void put_char(char *buf, size_t size, size_t *len, char c)
{
    if (*len + 1 < size) {
        buf[*len] = c;
    }
    (*len)++;
}

/* Append the digits of @v in @base, padded to @width with @pad. */
static void put_number(char *buf, size_t size, size_t *len, uint64_t v,
                       unsigned base, int width, char pad)
{
    char digits[KG_NUM_BUF];
    int n = 0;

    do {
        digits[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    for (; width > n; width--) {
        put_char(buf, size, len, pad);
    }
    while (n) {
        put_char(buf, size, len, digits[--n]);
    }
}

size_t kg_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    size_t len = 0;

    for (; *fmt; fmt++) {
        char pad = ' ';
        bool is_long = false;
        int width = 0;
        const char *s;

        if (*fmt != '%') {
            put_char(buf, size, &len, *fmt);
            continue;
        }
        if (*++fmt == '0') {
            pad = '0';
            fmt++;
        }
        for (; *fmt >= '0' && *fmt <= '9'; fmt++) {
            width = width * 10 + (*fmt - '0');
        }
        if (*fmt == 'l') {
            is_long = true;
            fmt++;
        }
        switch (*fmt) {
        case 's':
            for (s = va_arg(ap, const char *); *s; s++) {
                put_char(buf, size, &len, *s);
            }
            break;
        case 'c':
            put_char(buf, size, &len, (char)va_arg(ap, int));
            break;
        case 'u':
        case 'x':
            put_number(buf, size, &len,
                       is_long ? va_arg(ap, unsigned long)
                               : va_arg(ap, unsigned int),
                       *fmt == 'u' ? 10 : 16, width, pad);
            break;
        case '\0':
            fmt--;
            break;
        default:
            put_char(buf, size, &len, *fmt);
            break;
        }
    }
    if (size) {
        buf[len < size ? len : size - 1] = '\0';
    }
    return len < size ? len : (size ? size - 1 : 0);
}

size_t kg_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    size_t len;

    va_start(ap, fmt);
    len = kg_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return len;
}

uint64_t kg_pattern(uint64_t addr, uint32_t gen)
{
    return (uint64_t)gen << 40 | (addr & ((1ULL << 40) - 1));
}

void kg_page_fill(uint64_t *page, uint64_t addr, uint32_t gen)
{
    size_t i;

    for (i = 0; i < KG_PAGE_WORDS; i++) {
        page[i] = kg_pattern(addr + 8 * i, gen);
    }
}

size_t kg_page_check(const uint64_t *page, uint64_t addr, uint32_t gen,
                     size_t *first)
{
    size_t i, bad = 0;

    for (i = 0; i < KG_PAGE_WORDS; i++) {
        if (page[i] != kg_pattern(addr + 8 * i, gen) && !bad++) {
            *first = i;
        }
    }
    return bad;
}
