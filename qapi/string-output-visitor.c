/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * string-output-visitor.c: write one scalar, or a list of integers, as
 * text (HMP output, QOM property values shown as text).
 *
 * A list of integers is written as comma-separated runs, "1,3-5,7", each
 * run being consecutive values in visit order, so that the string input
 * visitor reads back the same list.
 */
#include "osdep.h"

#include <math.h>

#include "qapi/string-output-visitor.h"
#include "qapi/visitor-impl.h"
#include "util/error.h"

typedef struct StringOutputVisitor {
    Visitor visitor;
    bool human;                 /* add hex / unit renderings */
    GString *string;            /* the text so far */
    char **result;              /* where visit_complete() stores it */
    size_t depth;               /* lists entered (at most one) */
    char *list_name;            /* for error messages */
    GString *hex;               /* human list: the runs in hex */
    bool in_run;                /* list: a run is open */
    bool run_signed;            /* the open run holds int64 values */
    uint64_t run_start;         /* as uint64_t, also for int64 values */
    uint64_t run_end;
} StringOutputVisitor;

static StringOutputVisitor *to_sov(Visitor *v)
{
    return container_of(v, StringOutputVisitor, visitor);
}

/* Fail for a value that has no text form. */
static bool sov_refuse(StringOutputVisitor *sov, const char *name,
                       Error **errp)
{
    const char *what = sov->depth ? sov->list_name : name;

    error_setg(errp, "Cannot write parameter '%s' as text: only scalars and "
               "lists of integers have a text form",
               what ? what : "<anonymous>");
    return false;
}

/* A scalar outside a list is the whole text. */
static void sov_set(StringOutputVisitor *sov, const char *text)
{
    g_string_assign(sov->string, text);
}

/* Append @value, an int64 when @is_signed, in decimal. */
static void append_decimal(GString *str, uint64_t value, bool is_signed)
{
    if (is_signed) {
        g_string_append_printf(str, "%" PRId64, (int64_t)value);
    } else {
        g_string_append_printf(str, "%" PRIu64, value);
    }
}

/* Append the open run to the text (and, for @human, to the hex text). */
static void sov_flush_run(StringOutputVisitor *sov)
{
    const char *sep = sov->string->len ? "," : "";

    if (!sov->in_run) {
        return;
    }
    g_string_append(sov->string, sep);
    append_decimal(sov->string, sov->run_start, sov->run_signed);
    if (sov->run_end != sov->run_start) {
        g_string_append_c(sov->string, '-');
        append_decimal(sov->string, sov->run_end, sov->run_signed);
    }
    if (sov->human) {
        g_string_append_printf(sov->hex, "%s0x%" PRIx64, sep, sov->run_start);
        if (sov->run_end != sov->run_start) {
            g_string_append_printf(sov->hex, "-0x%" PRIx64, sov->run_end);
        }
    }
    sov->in_run = false;
}

/* Add @value (an int64 when @is_signed) to the list being written. */
static void sov_list_add(StringOutputVisitor *sov, uint64_t value,
                         bool is_signed)
{
    bool extends = sov->in_run && sov->run_signed == is_signed
        && value == sov->run_end + 1
        && (is_signed ? (int64_t)sov->run_end < INT64_MAX
                      : sov->run_end < UINT64_MAX);

    if (extends) {
        sov->run_end = value;
        return;
    }
    sov_flush_run(sov);
    sov->in_run = true;
    sov->run_signed = is_signed;
    sov->run_start = sov->run_end = value;
}

static bool sov_start_struct(Visitor *v, const char *name, void **obj,
                             size_t size, Error **errp)
{
    return sov_refuse(to_sov(v), name, errp);
}

static void sov_end_struct(Visitor *v, void **obj)
{
}

static bool sov_start_list(Visitor *v, const char *name, GenericList **list,
                           size_t size, Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);

    if (sov->depth) {
        return sov_refuse(sov, name, errp);
    }
    sov->depth++;
    g_free(sov->list_name);
    sov->list_name = g_strdup(name);
    g_string_truncate(sov->string, 0);
    g_string_truncate(sov->hex, 0);
    return true;
}

static GenericList *sov_next_list(Visitor *v, GenericList *tail, size_t size)
{
    return tail->next;
}

static void sov_end_list(Visitor *v, void **obj)
{
    StringOutputVisitor *sov = to_sov(v);

    g_assert(sov->depth);
    sov_flush_run(sov);
    if (sov->human && sov->hex->len) {
        g_string_append_printf(sov->string, " (%s)", sov->hex->str);
    }
    sov->depth--;
}

static bool sov_type_int64(Visitor *v, const char *name, int64_t *obj,
                           int64_t min, int64_t max, Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);
    g_autofree char *text = NULL;

    if (sov->depth) {
        sov_list_add(sov, (uint64_t)*obj, true);
        return true;
    }
    if (sov->human) {
        text = g_strdup_printf("%" PRId64 " (0x%" PRIx64 ")", *obj,
                               (uint64_t)*obj);
    } else {
        text = g_strdup_printf("%" PRId64, *obj);
    }
    sov_set(sov, text);
    return true;
}

static bool sov_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                            uint64_t max, Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);
    g_autofree char *text = NULL;

    if (sov->depth) {
        sov_list_add(sov, *obj, false);
        return true;
    }
    if (sov->human) {
        text = g_strdup_printf("%" PRIu64 " (0x%" PRIx64 ")", *obj, *obj);
    } else {
        text = g_strdup_printf("%" PRIu64, *obj);
    }
    sov_set(sov, text);
    return true;
}

/*
 * @size in the largest binary unit that keeps the number below 1000, to
 * three significant digits: "512 B", "1.5 KiB", "4 GiB" (as QEMU shows it).
 */
static char *size_to_human(uint64_t size)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
    };
    double val = size;
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    size_t i = 0;

    while (i + 1 < ARRAY_SIZE(units) && val >= 1000) {
        val /= 1024;
        i++;
    }
    g_ascii_formatd(buf, sizeof(buf), "%0.3g", val);
    return g_strdup_printf("%s %s", buf, units[i]);
}

static bool sov_type_size(Visitor *v, const char *name, uint64_t *obj,
                          Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);
    g_autofree char *unit = NULL;
    g_autofree char *text = NULL;

    if (sov->depth || !sov->human) {
        return sov_type_uint64(v, name, obj, UINT64_MAX, errp);
    }
    unit = size_to_human(*obj);
    text = g_strdup_printf("%" PRIu64 " (%s)", *obj, unit);
    sov_set(sov, text);
    return true;
}

static bool sov_type_bool(Visitor *v, const char *name, bool *obj,
                          Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);

    if (sov->depth) {
        return sov_refuse(sov, name, errp);
    }
    sov_set(sov, *obj ? "true" : "false");
    return true;
}

static bool sov_type_str(Visitor *v, const char *name, char **obj,
                         Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);
    const char *str = *obj ? *obj : "";
    g_autofree char *quoted = NULL;

    if (sov->depth) {
        return sov_refuse(sov, name, errp);
    }
    if (sov->human) {
        quoted = g_strdup_printf("\"%s\"", str);
        str = quoted;
    }
    sov_set(sov, str);
    return true;
}

/* @val in the shortest form that reads back as the same double. */
static void format_double(char *buf, size_t len, double val)
{
    char fmt[8];
    int prec;

    for (prec = 1; prec < 17; prec++) {
        snprintf(fmt, sizeof(fmt), "%%.%dg", prec);
        g_ascii_formatd(buf, len, fmt, val);
        if (!isfinite(val) || g_ascii_strtod(buf, NULL) == val) {
            return;
        }
    }
    g_ascii_formatd(buf, len, "%.17g", val);
}

static bool sov_type_number(Visitor *v, const char *name, double *obj,
                            Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    if (sov->depth) {
        return sov_refuse(sov, name, errp);
    }
    format_double(buf, sizeof(buf), *obj);
    sov_set(sov, buf);
    return true;
}

static bool sov_type_any(Visitor *v, const char *name, QObject **obj,
                         Error **errp)
{
    return sov_refuse(to_sov(v), name, errp);
}

static bool sov_type_null(Visitor *v, const char *name, QNull **obj,
                          Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);

    if (sov->depth) {
        return sov_refuse(sov, name, errp);
    }
    sov_set(sov, sov->human ? "<null>" : "");
    return true;
}

/* @opaque must be the char ** the visitor was created with. */
static void sov_complete(Visitor *v, void *opaque)
{
    StringOutputVisitor *sov = to_sov(v);

    g_assert(opaque == sov->result);
    g_assert(!sov->depth);
    *sov->result = g_strdup(sov->string->str);
}

static void sov_free(Visitor *v)
{
    StringOutputVisitor *sov = to_sov(v);

    g_string_free(sov->string, true);
    g_string_free(sov->hex, true);
    g_free(sov->list_name);
    g_free(sov);
}

Visitor *string_output_visitor_new(bool human, char **result)
{
    StringOutputVisitor *sov = g_new0(StringOutputVisitor, 1);

    sov->visitor.type = VISITOR_OUTPUT;
    sov->visitor.start_struct = sov_start_struct;
    sov->visitor.end_struct = sov_end_struct;
    sov->visitor.start_list = sov_start_list;
    sov->visitor.next_list = sov_next_list;
    sov->visitor.end_list = sov_end_list;
    sov->visitor.type_int64 = sov_type_int64;
    sov->visitor.type_uint64 = sov_type_uint64;
    sov->visitor.type_size = sov_type_size;
    sov->visitor.type_bool = sov_type_bool;
    sov->visitor.type_str = sov_type_str;
    sov->visitor.type_number = sov_type_number;
    sov->visitor.type_any = sov_type_any;
    sov->visitor.type_null = sov_type_null;
    sov->visitor.complete = sov_complete;
    sov->visitor.free = sov_free;
    sov->human = human;
    sov->string = g_string_new(NULL);
    sov->hex = g_string_new(NULL);
    sov->result = result;
    *result = NULL;
    return &sov->visitor;
}
