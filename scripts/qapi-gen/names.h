/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * names.h: the naming rules of the schema language and the mapping of
 * schema names to C identifiers.
 */
#ifndef QAPI_GEN_NAMES_H
#define QAPI_GEN_NAMES_H

/*
 * The C identifier for schema name @name: every character other than a
 * letter, digit or '_' becomes '_'; with @protect, C keywords, a few
 * predefined macro names and names starting with a digit get a "q_" prefix.
 * Returns a new string.
 */
char *qapi_c_name(const char *name, bool protect);

/*
 * @name in upper case with '_' between words: "BlockDevOptions" gives
 * "BLOCK_DEV_OPTIONS", "QMPCapability" gives "QMP_CAPABILITY".
 * Returns a new string.
 */
char *qapi_camel_to_upper(const char *name);

/*
 * The C enumeration constant for value @value of enum @type_name:
 * PREFIX_VALUE, PREFIX being @prefix when not NULL, else derived from
 * @type_name with qapi_camel_to_upper(). Returns a new string.
 */
char *qapi_c_enum_const(const char *type_name, const char *value,
                        const char *prefix);

/*
 * Whether @name is a valid schema name: an optional downstream prefix
 * "__RFQDN_" then a letter and letters, digits, '-' and '_', and not
 * starting with "q_" in C. @leading_digit admits a digit as first
 * character (enum values). On success *@stem points after the prefix.
 */
bool qapi_name_valid(const char *name, bool leading_digit, const char **stem);

/* Whether @stem is ALL_CAPS: no lower-case letter and no '-'. */
bool qapi_name_is_upper(const char *stem);

/* Whether @stem has an upper-case letter / an underscore. */
bool qapi_name_has_upper(const char *stem);
bool qapi_name_has_underscore(const char *stem);

/* Whether @stem is CamelCase: [A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*. */
bool qapi_name_is_camel(const char *stem);

/* Whether @s is a C identifier (a letter or '_', then letters, digits, '_'). */
bool qapi_name_is_c_identifier(const char *s);

/* Whether @s ends with @suffix. */
bool qapi_str_ends_with(const char *s, const char *suffix);

#endif /* QAPI_GEN_NAMES_H */
