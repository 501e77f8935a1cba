/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * string-input-visitor.c: read one scalar, or a list of integers, from a
 * string (HMP arguments, QOM property values given as text).
 *
 * A list of integers is comma-separated elements, each an integer or an
 * inclusive range "3-5"; elements are parsed one at a time as the list is
 * visited, so the element type decides whether they are signed.
 */
#include "osdep.h"

#include <math.h>

#include "qapi/string-input-visitor.h"
#include "qapi/visitor-impl.h"
#include "qobject/qnull.h"
#include "util/cutils.h"
#include "util/error.h"

/*
 * The most values a list may hold, and so one range expand to: the text
 * comes from users, and "0-65535" is 8 bytes that become 65536 elements.
 */
#define LIST_MAX_VALUES 65536

typedef struct StringInputVisitor {
    Visitor visitor;
    char *string;
    bool in_list;
    char *list_name;            /* for error messages */
    const char *cursor;         /* list: next element's text, NULL at end */
    unsigned count;             /* list: values produced so far */
    bool in_range;              /* list: a range has values left */
    uint64_t range_next;        /* as uint64_t, also for int64 values */
    uint64_t range_end;
} StringInputVisitor;

static StringInputVisitor *to_siv(Visitor *v)
{
    return container_of(v, StringInputVisitor, visitor);
}

static const char *siv_name(StringInputVisitor *siv, const char *name)
{
    if (siv->in_list) {
        name = siv->list_name;
    }
    return name ? name : "<anonymous>";
}

/* "Parameter 'NAME' expects WHAT, got 'TEXT'". */
static void siv_value_error(StringInputVisitor *siv, const char *name,
                            const char *what, const char *text, Error **errp)
{
    error_setg(errp, "Parameter '%s' expects %s, got '%s'",
               siv_name(siv, name), what, text);
}

static bool siv_refuse(StringInputVisitor *siv, const char *name,
                       Error **errp)
{
    error_setg(errp, "Cannot read parameter '%s' from text: only scalars "
               "and lists of integers have a text form", siv_name(siv, name));
    return false;
}

static void siv_range_error(StringInputVisitor *siv, const char *name,
                            int64_t min, uint64_t max, const char *text,
                            Error **errp)
{
    g_autofree char *what = g_strdup_printf("an integer between %" PRId64
                                            " and %" PRIu64, min, max);

    siv_value_error(siv, name, what, text, errp);
}

/* Structs and lists */

static bool siv_start_struct(Visitor *v, const char *name, void **obj,
                             size_t size, Error **errp)
{
    if (obj) {
        *obj = NULL;
    }
    return siv_refuse(to_siv(v), name, errp);
}

static void siv_end_struct(Visitor *v, void **obj)
{
}

static bool siv_start_list(Visitor *v, const char *name, GenericList **list,
                           size_t size, Error **errp)
{
    StringInputVisitor *siv = to_siv(v);

    if (list) {
        *list = NULL;
    }
    if (siv->in_list) {
        return siv_refuse(siv, name, errp);
    }
    siv->in_list = true;
    g_free(siv->list_name);
    siv->list_name = g_strdup(name);
    siv->cursor = siv->string[0] ? siv->string : NULL;
    siv->count = 0;
    siv->in_range = false;
    if (list && siv->cursor) {
        *list = g_malloc0(size);
    }
    return true;
}

static GenericList *siv_next_list(Visitor *v, GenericList *tail, size_t size)
{
    StringInputVisitor *siv = to_siv(v);

    if (!siv->in_range && !siv->cursor) {
        return NULL;
    }
    tail->next = g_malloc0(size);
    return tail->next;
}

static bool siv_check_list(Visitor *v, Error **errp)
{
    StringInputVisitor *siv = to_siv(v);

    if (siv->in_range || siv->cursor) {
        error_setg(errp, "Parameter '%s' has unexpected values after the "
                   "first %u", siv_name(siv, NULL), siv->count);
        return false;
    }
    return true;
}

static void siv_end_list(Visitor *v, void **obj)
{
    to_siv(v)->in_list = false;
}

/* Alternates: the value is text, like a keyval leaf. */
static bool siv_start_alternate(Visitor *v, const char *name,
                                GenericAlternate **obj, size_t size,
                                Error **errp)
{
    StringInputVisitor *siv = to_siv(v);

    if (siv->in_list) {
        *obj = NULL;
        return siv_refuse(siv, name, errp);
    }
    *obj = g_malloc0(size);
    (*obj)->type = QTYPE_QSTRING;
    return true;
}

/* List elements */

/* Take the next element's text off the list (a new string). */
static char *siv_next_element(StringInputVisitor *siv)
{
    const char *comma = strchr(siv->cursor, ',');
    char *elem;

    if (comma) {
        elem = g_strndup(siv->cursor, comma - siv->cursor);
        siv->cursor = comma + 1;
    } else {
        elem = g_strdup(siv->cursor);
        siv->cursor = NULL;
    }
    return elem;
}

/*
 * Parse an integer at @text (signed when @is_signed) into *@val; the text
 * after it is left in *@end. Returns qemu_strto*()'s result.
 */
static int parse_int(const char *text, const char **end, bool is_signed,
                     uint64_t *val)
{
    int64_t sval;
    int ret;

    if (!is_signed) {
        return qemu_strtou64(text, end, 0, val);
    }
    ret = qemu_strtoi64(text, end, 0, &sval);
    if (!ret) {
        *val = sval;
    }
    return ret;
}

/* Whether @a <= @b, both int64 when @is_signed. */
static bool value_le(uint64_t a, uint64_t b, bool is_signed)
{
    return is_signed ? (int64_t)a <= (int64_t)b : a <= b;
}

/*
 * Start the next element of the list, "N" or "N-M", as a range of values
 * in [@min, @max]; @min < 0 means signed values.
 */
static bool siv_parse_element(StringInputVisitor *siv, const char *name,
                              int64_t min, uint64_t max, Error **errp)
{
    bool is_signed = min < 0;
    g_autofree char *elem = siv_next_element(siv);
    const char *end;
    uint64_t first, last;
    int ret = parse_int(elem, &end, is_signed, &first);

    last = first;
    if (!ret && *end == '-') {
        ret = parse_int(end + 1, NULL, is_signed, &last);
    } else if (!ret && *end) {
        ret = -EINVAL;
    }
    if (ret == -EINVAL && (is_signed || elem[0] != '-')) {
        siv_value_error(siv, name, "an integer or a range N-M", elem, errp);
        return false;
    }
    if (ret || (is_signed && ((int64_t)first < min
                              || (int64_t)last > (int64_t)max))
        || (!is_signed && last > max)) {
        /* Out of range, or a negative value for an unsigned type. */
        siv_range_error(siv, name, min, max, elem, errp);
        return false;
    }
    if (!value_le(first, last, is_signed)) {
        siv_value_error(siv, name, "a range N-M with N <= M", elem, errp);
        return false;
    }
    if (last - first >= LIST_MAX_VALUES) {
        siv_value_error(siv, name, "a range of at most 65536 values", elem,
                        errp);
        return false;
    }
    siv->in_range = true;
    siv->range_next = first;
    siv->range_end = last;
    return true;
}

/* The next value of the list, in [@min, @max] (signed when @min < 0). */
static bool siv_list_value(StringInputVisitor *siv, const char *name,
                           uint64_t *val, int64_t min, uint64_t max,
                           Error **errp)
{
    if (siv->count == LIST_MAX_VALUES) {
        error_setg(errp, "Parameter '%s' expects at most %u values",
                   siv_name(siv, name), LIST_MAX_VALUES);
        return false;
    }
    if (!siv->in_range) {
        if (!siv->cursor) {
            error_setg(errp, "Parameter '%s' has only %u values",
                       siv_name(siv, name), siv->count);
            return false;
        }
        if (!siv_parse_element(siv, name, min, max, errp)) {
            return false;
        }
    }
    *val = siv->range_next;
    if (siv->range_next == siv->range_end) {
        siv->in_range = false;
    } else {
        siv->range_next++;
    }
    siv->count++;
    return true;
}

/* Scalars */

static bool siv_type_int64(Visitor *v, const char *name, int64_t *obj,
                           int64_t min, int64_t max, Error **errp)
{
    StringInputVisitor *siv = to_siv(v);
    uint64_t uval;
    int64_t val;
    int ret;

    if (siv->in_list) {
        if (!siv_list_value(siv, name, &uval, min, max, errp)) {
            return false;
        }
        *obj = (int64_t)uval;
        return true;
    }
    ret = qemu_strtoi64(siv->string, NULL, 0, &val);
    if (ret == -EINVAL) {
        siv_value_error(siv, name, "an integer", siv->string, errp);
        return false;
    }
    if (ret || val < min || val > max) {
        siv_range_error(siv, name, min, max, siv->string, errp);
        return false;
    }
    *obj = val;
    return true;
}

static bool siv_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                            uint64_t max, Error **errp)
{
    StringInputVisitor *siv = to_siv(v);
    uint64_t val;
    int64_t neg;
    int ret;

    if (siv->in_list) {
        return siv_list_value(siv, name, obj, 0, max, errp);
    }
    ret = qemu_strtou64(siv->string, NULL, 0, &val);
    if (ret == -EINVAL && qemu_strtoi64(siv->string, NULL, 0, &neg)) {
        siv_value_error(siv, name, "an integer", siv->string, errp);
        return false;
    }
    if (ret || val > max) {
        siv_range_error(siv, name, 0, max, siv->string, errp);
        return false;
    }
    *obj = val;
    return true;
}

static bool siv_type_size(Visitor *v, const char *name, uint64_t *obj,
                          Error **errp)
{
    StringInputVisitor *siv = to_siv(v);
    uint64_t val;
    int ret;

    if (siv->in_list) {
        return siv_list_value(siv, name, obj, 0, UINT64_MAX, errp);
    }
    ret = qemu_strtosz(siv->string, NULL, &val);
    if (ret == -ERANGE) {
        siv_value_error(siv, name, "a size below 16 EiB", siv->string, errp);
        return false;
    }
    if (ret) {
        siv_value_error(siv, name, "a size", siv->string, errp);
        return false;
    }
    *obj = val;
    return true;
}

static bool siv_type_bool(Visitor *v, const char *name, bool *obj,
                          Error **errp)
{
    StringInputVisitor *siv = to_siv(v);

    if (siv->in_list) {
        return siv_refuse(siv, name, errp);
    }
    if (!qemu_parse_bool(siv->string, obj)) {
        siv_value_error(siv, name, "'on' or 'off'", siv->string, errp);
        return false;
    }
    return true;
}

static bool siv_type_str(Visitor *v, const char *name, char **obj,
                         Error **errp)
{
    StringInputVisitor *siv = to_siv(v);

    *obj = NULL;
    if (siv->in_list) {
        return siv_refuse(siv, name, errp);
    }
    *obj = g_strdup(siv->string);
    return true;
}

static bool siv_type_number(Visitor *v, const char *name, double *obj,
                            Error **errp)
{
    StringInputVisitor *siv = to_siv(v);
    char *end;
    double val;

    if (siv->in_list) {
        return siv_refuse(siv, name, errp);
    }
    errno = 0;
    val = g_ascii_strtod(siv->string, &end);
    if (!siv->string[0] || *end || errno || !isfinite(val)) {
        siv_value_error(siv, name, "a number", siv->string, errp);
        return false;
    }
    *obj = val;
    return true;
}

static bool siv_type_any(Visitor *v, const char *name, QObject **obj,
                         Error **errp)
{
    *obj = NULL;
    return siv_refuse(to_siv(v), name, errp);
}

static bool siv_type_null(Visitor *v, const char *name, QNull **obj,
                          Error **errp)
{
    StringInputVisitor *siv = to_siv(v);

    if (obj) {
        *obj = NULL;
    }
    if (siv->in_list) {
        return siv_refuse(siv, name, errp);
    }
    if (siv->string[0]) {
        siv_value_error(siv, name, "null (an empty value)", siv->string,
                        errp);
        return false;
    }
    if (obj) {
        *obj = qnull();
    }
    return true;
}

static void siv_free(Visitor *v)
{
    StringInputVisitor *siv = to_siv(v);

    g_free(siv->string);
    g_free(siv->list_name);
    g_free(siv);
}

Visitor *string_input_visitor_new(const char *str)
{
    StringInputVisitor *siv = g_new0(StringInputVisitor, 1);

    siv->visitor.type = VISITOR_INPUT;
    siv->visitor.start_struct = siv_start_struct;
    siv->visitor.end_struct = siv_end_struct;
    siv->visitor.start_list = siv_start_list;
    siv->visitor.next_list = siv_next_list;
    siv->visitor.check_list = siv_check_list;
    siv->visitor.end_list = siv_end_list;
    siv->visitor.start_alternate = siv_start_alternate;
    siv->visitor.type_int64 = siv_type_int64;
    siv->visitor.type_uint64 = siv_type_uint64;
    siv->visitor.type_size = siv_type_size;
    siv->visitor.type_bool = siv_type_bool;
    siv->visitor.type_str = siv_type_str;
    siv->visitor.type_number = siv_type_number;
    siv->visitor.type_any = siv_type_any;
    siv->visitor.type_null = siv_type_null;
    siv->visitor.free = siv_free;
    siv->string = g_strdup(str);
    return &siv->visitor;
}
