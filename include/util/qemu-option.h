/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qemu-option.h: QemuOpts, the typed `key=value,...` option lists behind
 * command-line options such as -machine, -m, -device and -chardev.
 *
 * A QemuOptsList describes one option (its name, implied key and the keys
 * it accepts). Each occurrence on the command line is parsed into a QemuOpts
 * owned by the list; a QemuOpts holds QemuOpt key/value pairs in the order
 * given. docs/devel/qemuopts.md explains the syntax and the rules.
 */
#ifndef UTIL_QEMU_OPTION_H
#define UTIL_QEMU_OPTION_H

#include "qobject/qdict.h"

/* How the value of an option is checked and read. */
typedef enum QemuOptType {
    QEMU_OPT_STRING,    /* any text */
    QEMU_OPT_BOOL,      /* on/off, yes/no, true/false, y/n */
    QEMU_OPT_NUMBER,    /* unsigned 64-bit integer, qemu_strtou64() base 0 */
    QEMU_OPT_SIZE,      /* bytes with optional suffix, qemu_strtosz() */
} QemuOptType;

/* One accepted key: its name, type, help text and default (NULL: none). */
typedef struct QemuOptDesc {
    const char *name;
    QemuOptType type;
    const char *help;
    const char *def_value_str;
} QemuOptDesc;

/*
 * An option and its occurrences. Define it static, with @desc ended by an
 * entry whose name is NULL. An empty @desc accepts any key as a string, for
 * options whose keys are checked later (qemu_opts_validate(), or -device
 * handing them to device properties).
 */
struct QemuOptsList {
    const char *name;
    const char *implied_opt_name;   /* key of a leading bare value, or NULL */
    bool merge_lists;               /* one QemuOpts per id; later parses add */
    GQueue head;                    /* private: QemuOpts, in creation order */
    QemuOptDesc desc[];
};

/*
 * Parse @params into a new QemuOpts in @list, or merge them into an existing
 * one when @list->merge_lists. @permit_abbrev lets a first element without
 * '=' be the value of @list->implied_opt_name. The result is owned by @list.
 * Returns NULL on error, leaving @list unchanged.
 */
QemuOpts *qemu_opts_parse(QemuOptsList *list, const char *params,
                          bool permit_abbrev, Error **errp);

/* qemu_opts_parse(), reporting a failure with error_report_err(). */
QemuOpts *qemu_opts_parse_noisily(QemuOptsList *list, const char *params,
                                  bool permit_abbrev);

/*
 * Create an empty QemuOpts with @id (copied; NULL for none) in @list.
 * An existing QemuOpts with @id is returned instead when @list->merge_lists
 * or !@fail_if_exists, and is an error otherwise. Owned by @list.
 */
QemuOpts *qemu_opts_create(QemuOptsList *list, const char *id,
                           bool fail_if_exists, Error **errp);

/* The first QemuOpts of @list whose id is @id (NULL: without id), or NULL. */
QemuOpts *qemu_opts_find(QemuOptsList *list, const char *id);

/* Remove @opts from its list and free it. NULL is allowed. */
void qemu_opts_del(QemuOpts *opts);

/* Delete every QemuOpts of @list. */
void qemu_opts_reset(QemuOptsList *list);

/* The id of @opts (borrowed), or NULL. */
const char *qemu_opts_id(const QemuOpts *opts);

/*
 * Set the id of @opts to @id, taking ownership of it. The id is not checked:
 * this is for ids the program makes up, never for user input.
 */
void qemu_opts_set_id(QemuOpts *opts, char *id);

/*
 * The value of @name in @opts (borrowed): the last one set, else the
 * default of its descriptor, else NULL.
 */
const char *qemu_opt_get(const QemuOpts *opts, const char *name);

/*
 * Typed getters. The value of @name as qemu_opt_get() finds it, parsed as
 * the getter's type; @defval when there is none or it does not parse (which
 * only happens for keys no descriptor has checked).
 */
bool qemu_opt_get_bool(const QemuOpts *opts, const char *name, bool defval);
uint64_t qemu_opt_get_number(const QemuOpts *opts, const char *name,
                             uint64_t defval);
uint64_t qemu_opt_get_size(const QemuOpts *opts, const char *name,
                           uint64_t defval);

/* Whether the user asked for help ("help" or "?" among the elements). */
bool qemu_opt_has_help_opt(const QemuOpts *opts);

/*
 * Add @name=@value (copied) to @opts, checked like parsed input: @name must
 * be a known key (unless the list accepts any) and @value of its type. "id"
 * is not an option here: use qemu_opts_set_id(). Returns false on error.
 */
bool qemu_opt_set(QemuOpts *opts, const char *name, const char *value,
                  Error **errp);

/* qemu_opt_set() with "on"/"off". */
bool qemu_opt_set_bool(QemuOpts *opts, const char *name, bool value,
                       Error **errp);

/* qemu_opt_set() with @value in decimal (for number and size options). */
bool qemu_opt_set_number(QemuOpts *opts, const char *name, uint64_t value,
                         Error **errp);

/* Remove every value of @name from @opts. Returns whether there was one. */
bool qemu_opt_unset(QemuOpts *opts, const char *name);

/*
 * Loop callbacks: return 0 to go on, anything else to stop; set @errp when
 * stopping because of a failure. @name and @value are borrowed.
 */
typedef int (*qemu_opt_loopfunc)(void *opaque, const char *name,
                                 const char *value, Error **errp);
typedef int (*qemu_opts_loopfunc)(void *opaque, QemuOpts *opts, Error **errp);

/*
 * Call @func for each value of @opts in order (repeated keys included).
 * Returns 0, or the first non-zero value @func returned.
 */
int qemu_opt_foreach(const QemuOpts *opts, qemu_opt_loopfunc func,
                     void *opaque, Error **errp);

/*
 * Call @func for each QemuOpts of @list in order; @func may delete the
 * QemuOpts it is given. Returns 0, or the first non-zero value of @func.
 */
int qemu_opts_foreach(QemuOptsList *list, qemu_opts_loopfunc func,
                      void *opaque, Error **errp);

/*
 * Store "id" (if set) and every value of @opts as QStrings into @qdict, a
 * later value of a key replacing an earlier one. Returns @qdict, or a new
 * QDict (new reference) when @qdict is NULL.
 */
QDict *qemu_opts_to_qdict(const QemuOpts *opts, QDict *qdict);

/*
 * Create a QemuOpts in @list from @qdict (borrowed): "id" as for
 * qemu_opts_create() with fail_if_exists, other keys as for qemu_opt_set(),
 * with QString, QNum or QBool values. Returns NULL on error, @list unchanged.
 */
QemuOpts *qemu_opts_from_qdict(QemuOptsList *list, const QDict *qdict,
                               Error **errp);

/*
 * Check every value of @opts against @desc (ended by a NULL name), as
 * parsing does for a list with a desc. For lists with an empty desc, once
 * the keys are known. Returns false on the first bad key or value.
 */
bool qemu_opts_validate(QemuOpts *opts, const QemuOptDesc *desc, Error **errp);

/*
 * Print the keys of @list, one "  name=<type>  - help (default: x)" line
 * each, after a "NAME options:" caption when @print_caption, through
 * error_printf().
 */
void qemu_opts_print_help(const QemuOptsList *list, bool print_caption);

/*
 * Whether @id is an identifier: a letter, then letters, digits, '-', '.'
 * and '_'. The rule for every id a user gives (-object, -device, ...).
 */
bool qemu_opts_id_wellformed(const char *id);

/*
 * Set the error for an id that is not an identifier ("Parameter 'id'
 * expects an identifier"), with a hint saying what one is.
 */
void qemu_opts_id_error(Error **errp);

/* Whether @str asks for help: "help" or "?". NULL is not. */
bool is_help_option(const char *str);

/*
 * Register @list (borrowed, static) so qemu_find_opts() finds it by name.
 * Registering two lists with one name is a programming error.
 */
void qemu_add_opts(QemuOptsList *list);

/* The registered list called @name (borrowed), or NULL. */
QemuOptsList *qemu_find_opts(const char *name);

/* qemu_find_opts(), with an error naming @name when there is no such list. */
QemuOptsList *qemu_find_opts_err(const char *name, Error **errp);

#endif /* UTIL_QEMU_OPTION_H */
