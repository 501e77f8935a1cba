/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cutils.h: strict parsing of integers, sizes and booleans from user text.
 *
 * The qemu_strto*() functions share one contract, unlike strtol():
 * - They return 0 on success, -EINVAL when @nptr is NULL, empty, not a number,
 *   or followed by anything when @endptr is NULL, and -ERANGE on overflow.
 * - Leading whitespace is skipped as by strtol(); nothing else is.
 * - With @endptr non-NULL, *@endptr is set to the first character after the
 *   number (on success and on -ERANGE) or to @nptr (on -EINVAL), and text
 *   after the number is left for the caller.
 * - On success *@result is the value. On -ERANGE it is the nearest value in
 *   range (INT64_MIN, INT64_MAX or UINT64_MAX). On -EINVAL it is untouched.
 */
#ifndef UTIL_CUTILS_H
#define UTIL_CUTILS_H

/* Binary size units. */
#define KiB (UINT64_C(1) << 10)
#define MiB (UINT64_C(1) << 20)
#define GiB (UINT64_C(1) << 30)

/*
 * Parse a signed integer in @base (0 or 2..36). Base 0 reads "0x"/"0X" as hex,
 * a leading "0" as octal and anything else as decimal; base 16 allows "0x".
 */
int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result);

/*
 * Parse an unsigned integer like qemu_strtoi64(). Any minus sign is -EINVAL
 * (strtoull() would wrap "-1" to UINT64_MAX); a plus sign is allowed.
 */
int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result);

/*
 * Parse a size in bytes: a decimal integer or fraction ("1.5") or a "0x" hex
 * integer, then for decimals an optional suffix B, K, M, G, T, P or E (either
 * case, powers of 1024). No suffix means bytes. A fraction is rounded down to
 * a whole byte. Hex takes neither fraction nor suffix ("0x10K" is -EINVAL).
 */
int qemu_strtosz(const char *nptr, const char **endptr, uint64_t *result);

/* qemu_strtosz() where no suffix (and hex) means MiB, as -m SIZE reads it. */
int qemu_strtosz_MiB(const char *nptr, const char **endptr, uint64_t *result);

/*
 * Parse a boolean: "on", "yes", "true", "y" or "off", "no", "false", "n"
 * (exactly, case-sensitive). Returns false and leaves *@result untouched if
 * @value is none of them or NULL.
 */
bool qemu_parse_bool(const char *value, bool *result);

#endif /* UTIL_CUTILS_H */
