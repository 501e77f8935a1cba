/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib.c: the kvmini guest's pure helpers (see lib.h). */
#include "lib.h"

bool kg_streq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

char *kg_fmt_u64(char *buf, uint64_t v)
{
    char tmp[KG_NUM_BUF];
    int n = 0, i = 0;

    do {
        tmp[n++] = '0' + v % 10;
        v /= 10;
    } while (v);
    while (n) {
        buf[i++] = tmp[--n];
    }
    buf[i] = '\0';
    return buf;
}

char *kg_fmt_hex(char *buf, uint64_t v, int digits)
{
    int n = 1;
    int i;

    while (n < 16 && (v >> (4 * n))) {
        n++;
    }
    if (digits > 16) {
        digits = 16;
    }
    if (n < digits) {
        n = digits;
    }
    buf[0] = '0';
    buf[1] = 'x';
    for (i = 0; i < n; i++) {
        buf[2 + i] = "0123456789abcdef"[(v >> (4 * (n - 1 - i))) & 0xf];
    }
    buf[2 + n] = '\0';
    return buf;
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
