/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qemu-option-parse.c: the QemuOpts `key=value,...` syntax, help output and
 * the registry of option lists.
 */
#include "osdep.h"

#include "util/error.h"
#include "util/error-report.h"
#include "util/qemu-option.h"
#include "util-internal.h"

/* What one call of qemu_opts_parse() has read so far. */
typedef struct OptsParse {
    const QemuOptsList *list;
    GQueue staged;          /* checked QemuOpt *, not yet in any QemuOpts */
    char *id;
    bool help;
} OptsParse;

/* Read a value at *@pp up to the next single ',' or the end (",," is ','). */
static char *qemu_opt_read_value(const char **pp)
{
    GString *value = g_string_new(NULL);
    const char *p = *pp;
    size_t len;

    for (;;) {
        len = strcspn(p, ",");
        g_string_append_len(value, p, len);
        p += len;
        if (p[0] != ',' || p[1] != ',') {
            break;
        }
        g_string_append_c(value, ',');
        p += 2;
    }
    *pp = p;
    return g_string_free(value, false);
}

void qemu_opt_split_element(const char **pp, bool implied, char **key,
                            char **value)
{
    const char *start = *pp;
    size_t len = strcspn(start, "=,");

    *key = NULL;
    *value = NULL;
    if (start[len] == '=') {
        *key = g_strndup(start, len);
        *pp = start + len + 1;
        *value = qemu_opt_read_value(pp);
    } else if (implied) {
        *value = qemu_opt_read_value(pp);
    } else {
        *key = g_strndup(start, len);
        *pp = start + len;
    }
    if (**pp == ',') {
        (*pp)++;
    }
}

/* Take @name=@value (both owned by the caller) into @parse. */
static bool opts_parse_put(OptsParse *parse, const char *name, bool name_typed,
                           const char *value, Error **errp)
{
    if (strcmp(name, "id")) {
        return qemu_opt_stage(parse->list, &parse->staged, name, name_typed,
                              value, errp);
    }
    if (!qemu_opts_id_wellformed(value)) {
        qemu_opts_id_error(errp);
        return false;
    }
    g_free(parse->id);
    parse->id = g_strdup(value);
    return true;
}

/*
 * Parse the element at *@pp and move *@pp past it and its ','. @implied is
 * the implied key when this is the first element and abbreviation is on.
 */
static bool opts_parse_element(OptsParse *parse, const char **pp,
                               const char *implied, Error **errp)
{
    const char *start = *pp;
    g_autofree char *name = NULL;
    g_autofree char *value = NULL;
    bool ok = true;

    qemu_opt_split_element(pp, implied, &name, &value);

    if (!name && is_help_option(value)) {
        parse->help = true;
    } else if (!name) {
        ok = opts_parse_put(parse, implied, false, value, errp);
    } else if (!name[0]) {
        error_setg(errp, "Empty parameter name at '%s'", start);
        ok = false;
    } else if (!value && is_help_option(name)) {
        parse->help = true;
    } else {
        /* A bare key is a flag: "share" means "share=on". */
        ok = opts_parse_put(parse, name, true, value ? value : "on", errp);
    }
    return ok;
}

QemuOpts *qemu_opts_parse(QemuOptsList *list, const char *params,
                          bool permit_abbrev, Error **errp)
{
    const char *implied = permit_abbrev ? list->implied_opt_name : NULL;
    OptsParse parse = { .list = list, .staged = G_QUEUE_INIT };
    const char *p = params;
    QemuOpts *opts = NULL;

    while (*p) {
        if (!opts_parse_element(&parse, &p, p == params ? implied : NULL,
                                errp)) {
            goto out;
        }
    }
    /* Created only now, so that a failed parse never touches @list. */
    opts = qemu_opts_create(list, parse.id, !list->merge_lists, errp);
    if (opts) {
        qemu_opts_commit(opts, &parse.staged, parse.help);
    }
out:
    qemu_opt_staged_clear(&parse.staged);
    g_free(parse.id);
    return opts;
}

QemuOpts *qemu_opts_parse_noisily(QemuOptsList *list, const char *params,
                                  bool permit_abbrev)
{
    Error *err = NULL;
    QemuOpts *opts = qemu_opts_parse(list, params, permit_abbrev, &err);

    if (!opts) {
        error_report_err(err);
    }
    return opts;
}

bool is_help_option(const char *str)
{
    return str && (!strcmp(str, "help") || !strcmp(str, "?"));
}

static const char *opt_type_name(QemuOptType type)
{
    switch (type) {
    case QEMU_OPT_STRING:
        return "str";
    case QEMU_OPT_BOOL:
        return "bool (on/off)";
    case QEMU_OPT_NUMBER:
        return "num";
    case QEMU_OPT_SIZE:
        return "size";
    }
    g_assert_not_reached();
}

void qemu_opts_print_help(const QemuOptsList *list, bool print_caption)
{
    const QemuOptDesc *desc;
    int width = 0;

    if (print_caption) {
        help_printf("%s options:\n", list->name);
    }
    if (!list->desc[0].name) {
        help_printf("  There are no options.\n");
        return;
    }
    for (desc = list->desc; desc->name; desc++) {
        width = MAX(width, (int)(strlen(desc->name) + 3 +
                                 strlen(opt_type_name(desc->type))));
    }
    for (desc = list->desc; desc->name; desc++) {
        g_autofree char *key = g_strdup_printf("%s=<%s>", desc->name,
                                               opt_type_name(desc->type));
        g_autofree char *text = g_strdup(desc->help ? desc->help : "");

        if (desc->def_value_str) {
            g_autofree char *help = g_steal_pointer(&text);

            text = g_strdup_printf("%s%s(default: %s)", help,
                                   help[0] ? " " : "", desc->def_value_str);
        }
        if (text[0]) {
            help_printf("  %-*s  - %s\n", width, key, text);
        } else {
            help_printf("  %s\n", key);
        }
    }
}

/* The option lists of the program, registered at start-up, by name. */
static QemuOptsList *opts_registry[64];

void qemu_add_opts(QemuOptsList *list)
{
    size_t i;

    g_assert(!qemu_find_opts(list->name));
    for (i = 0; i < G_N_ELEMENTS(opts_registry); i++) {
        if (!opts_registry[i]) {
            opts_registry[i] = list;
            return;
        }
    }
    g_assert_not_reached();
}

QemuOptsList *qemu_find_opts(const char *name)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(opts_registry) && opts_registry[i]; i++) {
        if (!strcmp(opts_registry[i]->name, name)) {
            return opts_registry[i];
        }
    }
    return NULL;
}

QemuOptsList *qemu_find_opts_err(const char *name, Error **errp)
{
    QemuOptsList *list = qemu_find_opts(name);

    if (!list) {
        error_setg(errp, "There is no option group '%s'", name);
    }
    return list;
}
