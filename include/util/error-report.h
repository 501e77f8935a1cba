/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * error-report.h: one-line messages to the user, prefixed with the program
 * name and the current location (a command-line option or a file:line).
 *
 *   kvmini: -m 12X: invalid size '12X'
 *   kvmini: warning: -smp 0 treated as 1
 */
#ifndef UTIL_ERROR_REPORT_H
#define UTIL_ERROR_REPORT_H

/*
 * Where the input being processed came from. error_report() prefixes its
 * message with the current location. Locations form a stack so a nested
 * parser can push its own and pop it when done.
 */
typedef enum LocationKind {
    LOC_NONE,
    LOC_CMDLINE,    /* argv[idx .. idx + num - 1] */
    LOC_FILE,       /* file name and line */
} LocationKind;

struct Location {
    LocationKind kind;
    int num;
    const void *ptr;            /* borrowed: argv or file name */
    struct Location *prev;
};

/* Push @loc (caller-owned, uninitialised) as a LOC_NONE location. Returns @loc. */
Location *loc_push_none(Location *loc);

/* Pop @loc, which must be the innermost location. Returns @loc. */
Location *loc_pop(Location *loc);

/* Save the current location into @loc (for restoring later). Returns @loc. */
Location *loc_save(Location *loc);

/* Make @loc (saved earlier) the current location again. */
void loc_restore(const Location *loc);

/* Set the current location to nothing. */
void loc_set_none(void);

/* Set the current location to @cnt words of @argv starting at @idx (borrowed). */
void loc_set_cmdline(char **argv, int idx, int cnt);

/* Set the current location to @fname (borrowed) line @lno; @lno 0 means none. */
void loc_set_file(const char *fname, int lno);

/*
 * Set the program name used as prefix ("kvmini"); defaults to the basename of
 * g_get_prgname(), or "kvmini" when GLib has none. @name is copied.
 */
void error_set_progname(const char *name);

/* Report an error: "PROG: LOCATION: message\n" on stderr. */
void error_report(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* Report a warning: "PROG: LOCATION: warning: message\n" on stderr. */
void warn_report(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* Report information: "PROG: LOCATION: info: message\n" on stderr. */
void info_report(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

void error_vreport(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);
void warn_vreport(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);
void info_vreport(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);

/*
 * Print more lines after a report, without any prefix (hints, help text).
 * Goes where the reports go.
 */
void error_printf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/*
 * Whether this thread's reports start with the program name (they do by
 * default). The monitor leaves it out while an HMP command runs, as QEMU
 * does: the user who typed the command knows who answers. Returns the
 * previous setting, for restoring it.
 */
bool error_show_progname(bool show);

/*
 * Print help text (`-object help`, `-d help`, `-device X,help`): to
 * stdout, as QEMU does, or through this thread's printer when one is set
 * (an HMP command's monitor, a test's capture).
 */
void help_printf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/*
 * Redirect this thread's reports: @print is called with each complete piece
 * of text (a whole line for reports) instead of writing to stderr. NULL
 * restores stderr.
 * The monitor uses this to send messages to the user who typed the command;
 * tests use it to capture the exact text a user sees.
 */
typedef void ErrorPrintFunc(void *opaque, const char *text);
void error_set_printer(ErrorPrintFunc *print, void *opaque);

/*
 * This thread's printer (NULL for stderr) and its opaque in *@opaque, so a
 * caller can restore them after redirecting reports for a while.
 */
ErrorPrintFunc *error_get_printer(void **opaque);

#endif /* UTIL_ERROR_REPORT_H */
