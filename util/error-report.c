/* SPDX-License-Identifier: GPL-2.0-or-later */
/* error-report.c: user-facing one-line messages with program name and location. */
#include "osdep.h"

#include "util/error-report.h"

/*
 * Each thread has its own location stack and printer: a vCPU thread reporting
 * a guest error must not pick up the location of a command line being parsed,
 * nor print into a monitor another thread is serving.
 */
static __thread Location std_loc = { .kind = LOC_NONE };
static __thread Location *cur_loc;
static __thread ErrorPrintFunc *cur_printer;
static __thread void *cur_printer_opaque;
static __thread bool hide_progname;
static char *progname;

static Location *loc_current(void)
{
    if (!cur_loc) {
        cur_loc = &std_loc;
    }
    return cur_loc;
}

Location *loc_push_none(Location *loc)
{
    loc->kind = LOC_NONE;
    loc->num = 0;
    loc->ptr = NULL;
    loc->prev = loc_current();
    cur_loc = loc;
    return loc;
}

Location *loc_pop(Location *loc)
{
    g_assert(loc_current() == loc && loc->prev);
    cur_loc = loc->prev;
    loc->prev = NULL;
    return loc;
}

Location *loc_save(Location *loc)
{
    *loc = *loc_current();
    loc->prev = NULL;
    return loc;
}

void loc_restore(const Location *loc)
{
    Location *cur = loc_current();
    Location *prev = cur->prev;

    *cur = *loc;
    cur->prev = prev;
}

void loc_set_none(void)
{
    Location *cur = loc_current();

    cur->kind = LOC_NONE;
    cur->num = 0;
    cur->ptr = NULL;
}

void loc_set_cmdline(char **argv, int idx, int cnt)
{
    Location *cur = loc_current();

    cur->kind = LOC_CMDLINE;
    cur->num = cnt;
    cur->ptr = argv + idx;
}

void loc_set_file(const char *fname, int lno)
{
    Location *cur = loc_current();

    g_assert(fname || cur->kind == LOC_FILE);
    cur->kind = LOC_FILE;
    cur->num = lno;
    if (fname) {
        cur->ptr = fname;
    }
}

void error_set_progname(const char *name)
{
    g_free(progname);
    progname = g_path_get_basename(name);
}

void error_set_printer(ErrorPrintFunc *print, void *opaque)
{
    cur_printer = print;
    cur_printer_opaque = opaque;
}

bool error_show_progname(bool show)
{
    bool old = !hide_progname;

    hide_progname = !show;
    return old;
}

ErrorPrintFunc *error_get_printer(void **opaque)
{
    *opaque = cur_printer_opaque;
    return cur_printer;
}

/* Give @text to this thread's printer, or write it to @out when none is set. */
static void emit_to(FILE *out, const char *text)
{
    if (cur_printer) {
        cur_printer(cur_printer_opaque, text);
    } else {
        fputs(text, out);
        fflush(out);
    }
}

static void error_emit(const char *text)
{
    emit_to(stderr, text);
}

static const char *error_progname(void)
{
    const char *prgname;

    if (!progname) {
        prgname = g_get_prgname();
        progname = g_path_get_basename(prgname ? prgname : "kvmini");
    }
    return progname;
}

static void loc_format(GString *out, const Location *loc)
{
    char *const *argp;
    int i;

    switch (loc->kind) {
    case LOC_CMDLINE:
        argp = loc->ptr;
        for (i = 0; i < loc->num; i++) {
            g_string_append_printf(out, "%s%s", i ? " " : "", argp[i]);
        }
        g_string_append(out, ": ");
        break;
    case LOC_FILE:
        g_string_append(out, (const char *)loc->ptr);
        if (loc->num) {
            g_string_append_printf(out, ":%d", loc->num);
        }
        g_string_append(out, ": ");
        break;
    case LOC_NONE:
        break;
    }
}

G_GNUC_PRINTF(2, 0)
static void vreport(const char *kind, const char *fmt, va_list ap)
{
    GString *line = g_string_new(NULL);

    if (!hide_progname) {
        g_string_append_printf(line, "%s: ", error_progname());
    }
    loc_format(line, loc_current());
    if (kind) {
        g_string_append_printf(line, "%s: ", kind);
    }
    g_string_append_vprintf(line, fmt, ap);
    g_string_append_c(line, '\n');
    error_emit(line->str);
    g_string_free(line, true);
}

void error_vreport(const char *fmt, va_list ap)
{
    vreport(NULL, fmt, ap);
}

void warn_vreport(const char *fmt, va_list ap)
{
    vreport("warning", fmt, ap);
}

void info_vreport(const char *fmt, va_list ap)
{
    vreport("info", fmt, ap);
}

void error_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vreport(fmt, ap);
    va_end(ap);
}

void warn_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    warn_vreport(fmt, ap);
    va_end(ap);
}

void info_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    info_vreport(fmt, ap);
    va_end(ap);
}

void error_printf(const char *fmt, ...)
{
    va_list ap;
    g_autofree char *text = NULL;

    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    error_emit(text);
}

void help_printf(const char *fmt, ...)
{
    va_list ap;
    g_autofree char *text = NULL;

    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    /* Help is output, not a diagnostic: `kvmini -object help | less`. */
    emit_to(stdout, text);
}
