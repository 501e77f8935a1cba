/* SPDX-License-Identifier: GPL-2.0-or-later */
/* names.c: schema naming rules and the schema-to-C name mapping. */
#include "osdep.h"

#include "names.h"

/*
 * Words a generated identifier must not be: C89 to C23 keywords, GNU
 * extensions, C++ keywords (headers may be used from C++), macro names
 * common compilers predefine, and "errp", the parameter every generated
 * function with arguments as parameters ends with.
 */
static const char *const protected_words[] = {
    "_Alignas", "_Alignof", "_Atomic", "_BitInt", "_Bool", "_Complex",
    "_Decimal128", "_Decimal32", "_Decimal64", "_Generic", "_Imaginary",
    "_Noreturn", "_Static_assert", "_Thread_local",
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor",
    "bool", "break", "case", "catch", "char", "class", "compl", "const",
    "const_cast", "constexpr", "continue", "default", "delete", "do",
    "double", "dynamic_cast", "else", "enum", "errno", "errp", "explicit",
    "export",
    "extern", "false", "float", "for", "friend", "goto", "i386", "if",
    "inline", "int", "linux", "long", "mips", "mutable", "namespace", "new",
    "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private",
    "protected", "public", "register", "reinterpret_cast", "restrict",
    "return", "short", "signed", "sizeof", "sparc", "static",
    "static_assert", "static_cast", "struct", "switch", "template", "this",
    "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
    "typeof", "typeof_unqual", "union", "unix", "unsigned", "using",
    "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
};

static bool is_protected(const char *name)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(protected_words); i++) {
        if (!strcmp(name, protected_words[i])) {
            return true;
        }
    }
    return false;
}

char *qapi_c_name(const char *name, bool protect)
{
    char *ret = g_strdup(name);
    char *p;

    for (p = ret; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '_') {
            *p = '_';
        }
    }
    if (protect && (is_protected(ret) || g_ascii_isdigit(ret[0]))) {
        char *prefixed = g_strconcat("q_", ret, NULL);

        g_free(ret);
        return prefixed;
    }
    return ret;
}

char *qapi_camel_to_upper(const char *name)
{
    g_autofree char *cname = qapi_c_name(name, false);
    GString *out = g_string_new(NULL);
    const char *p;
    int run = 0;                /* upper-case letters just before p */
    bool has_lower = false;

    for (p = cname; *p; p++) {
        if (g_ascii_islower(*p)) {
            has_lower = true;
        }
    }
    for (p = cname; *p; p++) {
        /*
         * A word starts at a capital after a lower-case letter or digit
         * ("MyEnum", "X86Cpu"), or at the last capital of a run of at
         * least three that a lower-case letter follows ("QMPCapability"
         * is QMP_CAPABILITY, but "QType" stays QTYPE).
         */
        if (has_lower && g_ascii_isupper(*p) && p > cname) {
            if (g_ascii_islower(p[-1]) || g_ascii_isdigit(p[-1]) ||
                (run >= 2 && g_ascii_islower(p[1]))) {
                g_string_append_c(out, '_');
            }
        }
        run = g_ascii_isupper(*p) ? run + 1 : 0;
        g_string_append_c(out, g_ascii_toupper(*p));
    }
    return g_string_free(out, false);
}

char *qapi_c_enum_const(const char *type_name, const char *value,
                        const char *prefix)
{
    g_autofree char *head = prefix ? g_strdup(prefix)
                                   : qapi_camel_to_upper(type_name);
    g_autofree char *tail = qapi_c_name(value, false);
    char *ret = g_strdup_printf("%s_%s", head, tail);
    char *p;

    for (p = ret + strlen(head) + 1; *p; p++) {
        *p = g_ascii_toupper(*p);
    }
    return ret;
}

bool qapi_name_valid(const char *name, bool leading_digit, const char **stem)
{
    const char *s = name;
    const char *p;
    g_autofree char *cname = NULL;

    if (g_str_has_prefix(s, "__")) {
        /* Downstream prefix __RFQDN_: letters, digits, '-' and '.'. */
        const char *end = strchr(s + 2, '_');
        const char *q;

        if (!end || end == s + 2) {
            return false;
        }
        for (q = s + 2; q < end; q++) {
            if (!g_ascii_isalnum(*q) && *q != '-' && *q != '.') {
                return false;
            }
        }
        s = end + 1;
    }
    if (!g_ascii_isalpha(s[0]) && !(leading_digit && g_ascii_isdigit(s[0]))) {
        return false;
    }
    for (p = s; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_') {
            return false;
        }
    }
    /* The whole q_ namespace is the generator's (q_empty, q_obj_*, q_int). */
    cname = qapi_c_name(name, false);
    if (g_str_has_prefix(cname, "q_")) {
        return false;
    }
    *stem = s;
    return true;
}

bool qapi_name_is_upper(const char *stem)
{
    for (; *stem; stem++) {
        if (g_ascii_islower(*stem) || *stem == '-') {
            return false;
        }
    }
    return true;
}

bool qapi_name_has_upper(const char *stem)
{
    for (; *stem; stem++) {
        if (g_ascii_isupper(*stem)) {
            return true;
        }
    }
    return false;
}

bool qapi_name_has_underscore(const char *stem)
{
    return strchr(stem, '_') != NULL;
}

bool qapi_name_is_camel(const char *stem)
{
    bool lower = false;
    const char *p;

    if (!g_ascii_isupper(stem[0])) {
        return false;
    }
    for (p = stem + 1; *p; p++) {
        if (!g_ascii_isalnum(*p)) {
            return false;
        }
        if (g_ascii_islower(*p)) {
            lower = true;
        }
    }
    return lower;
}

bool qapi_name_is_c_identifier(const char *s)
{
    if (!g_ascii_isalpha(s[0]) && s[0] != '_') {
        return false;
    }
    for (s++; *s; s++) {
        if (!g_ascii_isalnum(*s) && *s != '_') {
            return false;
        }
    }
    return true;
}

bool qapi_str_ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);

    return ls >= lx && !strcmp(s + ls - lx, suffix);
}
