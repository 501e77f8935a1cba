/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cutils.c: strict parsing of integers, sizes and booleans from user text. */
#include "osdep.h"

#include "util/cutils.h"

/* A parsed integer before its sign and range are applied. */
typedef struct ParsedInt {
    uint64_t magnitude;
    bool negative;
    bool overflow;      /* the digits do not fit in 64 bits */
    const char *end;    /* first character after the digits */
} ParsedInt;

/* The C locale's isspace(), which is what strtol() skips. */
static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The value of @c as a digit in any base up to 36, or 36 if it is none. */
static int digit_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 36;
}

static bool has_hex_prefix(const char *p)
{
    return p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
           digit_value(p[2]) < 16;
}

/*
 * Read digits in @base at @p into @out, accumulating while they fit.
 * Returns the first character that is not a digit.
 */
static const char *parse_digits(const char *p, int base, ParsedInt *out)
{
    uint64_t digit;

    for (; digit_value(*p) < base; p++) {
        digit = digit_value(*p);
        if (out->magnitude > (UINT64_MAX - digit) / base) {
            out->overflow = true;
        } else if (!out->overflow) {
            out->magnitude = out->magnitude * base + digit;
        }
    }
    return p;
}

/*
 * Parse whitespace, an optional sign, an optional base prefix and digits, as
 * strtoull() does. Returns false when there are no digits at all. A "0x" not
 * followed by a hex digit is the number 0 ending before the 'x', like strtol().
 */
static bool parse_int(const char *nptr, int base, ParsedInt *out)
{
    const char *p = nptr;
    const char *digits;

    g_assert(base == 0 || (base >= 2 && base <= 36));
    memset(out, 0, sizeof(*out));
    while (is_space(*p)) {
        p++;
    }
    if (*p == '+' || *p == '-') {
        out->negative = *p == '-';
        p++;
    }
    if ((base == 0 || base == 16) && has_hex_prefix(p)) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = *p == '0' ? 8 : 10;
    }
    digits = p;
    p = parse_digits(p, base, out);
    if (p == digits) {
        return false;
    }
    out->end = p;
    return true;
}

/*
 * The end of parsing shared by all qemu_strto*(): report where the number
 * ended, or reject trailing text when the caller gave no @endptr.
 * Returns @ret, or -EINVAL for trailing text.
 */
static int finish_parse(const char *end, const char **endptr, int ret)
{
    if (endptr) {
        *endptr = end;
        return ret;
    }
    return *end == '\0' ? ret : -EINVAL;
}

static int reject(const char *nptr, const char **endptr)
{
    if (endptr) {
        *endptr = nptr;
    }
    return -EINVAL;
}

int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result)
{
    ParsedInt num;
    uint64_t limit;
    int ret;

    if (!nptr || !parse_int(nptr, base, &num)) {
        return reject(nptr, endptr);
    }
    /* INT64_MIN's magnitude is one more than INT64_MAX's. */
    limit = num.negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    ret = num.overflow || num.magnitude > limit ? -ERANGE : 0;
    ret = finish_parse(num.end, endptr, ret);
    if (ret == -EINVAL) {
        return ret;
    }
    if (ret == -ERANGE) {
        *result = num.negative ? INT64_MIN : INT64_MAX;
    } else if (num.negative) {
        *result = num.magnitude == limit ? INT64_MIN : -(int64_t)num.magnitude;
    } else {
        *result = num.magnitude;
    }
    return ret;
}

int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result)
{
    ParsedInt num;
    int ret;

    if (!nptr || !parse_int(nptr, base, &num) || num.negative) {
        return reject(nptr, endptr);
    }
    ret = finish_parse(num.end, endptr, num.overflow ? -ERANGE : 0);
    if (ret != -EINVAL) {
        *result = num.overflow ? UINT64_MAX : num.magnitude;
    }
    return ret;
}

/*
 * The bytes in the fraction 0.@digits (@len decimal digits) of a unit of
 * 2^@shift bytes, rounded down. Only the first 19 digits can matter: after
 * them the fraction changes by less than 10^-19 of a unit, which is less than
 * the distance 2^shift / 10^19 from the truncated product to the next whole
 * byte (2^60 < 10^19), so exact integers in 128 bits suffice.
 */
static uint64_t fraction_bytes(const char *digits, size_t len, int shift)
{
    unsigned __int128 num = 0, den = 1;
    size_t i;

    for (i = 0; i < len && i < 19; i++) {
        num = num * 10 + (digits[i] - '0');
        den *= 10;
    }
    return (uint64_t)((num << shift) / den);
}

/* The power of 1024 a size suffix stands for (0 for 'B'), or -1. */
static int suffix_shift(char c)
{
    static const char suffixes[] = "BKMGTPE";
    const char *s;

    if (c == '\0') {
        return -1;
    }
    s = strchr(suffixes, g_ascii_toupper(c));
    return s ? (int)(s - suffixes) * 10 : -1;
}

/* qemu_strtosz() with a default unit of 2^@default_shift bytes. */
static int do_strtosz(const char *nptr, const char **endptr, int default_shift,
                      uint64_t *result)
{
    const char *p = nptr, *frac = NULL;
    size_t frac_len = 0;
    int shift = default_shift;
    unsigned __int128 total;
    ParsedInt num = { 0 };
    int ret;

    if (!nptr) {
        return reject(nptr, endptr);
    }
    while (is_space(*p)) {
        p++;
    }
    if (has_hex_prefix(p)) {
        /* 'B' and 'E' are hex digits, so hex takes no suffix to mistake. */
        p = parse_digits(p + 2, 16, &num);
    } else if (g_ascii_isdigit(*p)) {
        p = parse_digits(p, 10, &num);
        if (*p == '.' && g_ascii_isdigit(p[1])) {
            frac = p + 1;
            frac_len = strspn(frac, "0123456789");
            p = frac + frac_len;
        }
        if (suffix_shift(*p) >= 0) {
            shift = suffix_shift(*p);
            p++;
        }
    } else {
        return reject(nptr, endptr);
    }

    total = (unsigned __int128)num.magnitude << shift;
    if (frac) {
        total += fraction_bytes(frac, frac_len, shift);
    }
    ret = num.overflow || total > UINT64_MAX ? -ERANGE : 0;
    ret = finish_parse(p, endptr, ret);
    if (ret != -EINVAL) {
        *result = ret ? UINT64_MAX : (uint64_t)total;
    }
    return ret;
}

int qemu_strtosz(const char *nptr, const char **endptr, uint64_t *result)
{
    return do_strtosz(nptr, endptr, 0, result);
}

int qemu_strtosz_MiB(const char *nptr, const char **endptr, uint64_t *result)
{
    return do_strtosz(nptr, endptr, 20, result);
}

bool qemu_parse_bool(const char *value, bool *result)
{
    static const char *const truths[] = { "on", "yes", "true", "y" };
    static const char *const falsehoods[] = { "off", "no", "false", "n" };
    size_t i;

    if (!value) {
        return false;
    }
    for (i = 0; i < G_N_ELEMENTS(truths); i++) {
        if (!strcmp(value, truths[i])) {
            *result = true;
            return true;
        }
        if (!strcmp(value, falsehoods[i])) {
            *result = false;
            return true;
        }
    }
    return false;
}
