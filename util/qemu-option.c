/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qemu-option.c: QemuOpts storage, typed checks, getters, QDict conversion. */
#include "osdep.h"

#include "qobject/qbool.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "util/cutils.h"
#include "util/error.h"
#include "util/qemu-option.h"
#include "util-internal.h"

/*
 * One key=value. Values are kept as the text the user gave; they were
 * checked against their descriptor when set, and the typed getters parse
 * them again, which cannot fail for a checked value (a key no descriptor
 * checked may not parse, and then reads as the default).
 */
struct QemuOpt {
    char *name;
    char *str;
};

struct QemuOpts {
    char *id;
    QemuOptsList *list;     /* borrowed: the list owns us */
    GQueue opts;            /* QemuOpt *, in the order they were set */
    GList *link;            /* our node in list->head */
    bool help;
};

static QemuOpt *qemu_opt_new(const char *name, const char *value)
{
    QemuOpt *opt = g_new(QemuOpt, 1);

    opt->name = g_strdup(name);
    opt->str = g_strdup(value);
    return opt;
}

static void qemu_opt_free(gpointer data)
{
    QemuOpt *opt = data;

    g_free(opt->name);
    g_free(opt->str);
    g_free(opt);
}

static const QemuOptDesc *find_desc_by_name(const QemuOptDesc *desc,
                                            const char *name)
{
    for (; desc->name; desc++) {
        if (!strcmp(desc->name, name)) {
            return desc;
        }
    }
    return NULL;
}

/* Key names: letters, digits, '-', '.', '_' (keys like "file.filename"). */
static bool opt_name_wellformed(const char *name)
{
    return name[0] && strspn(name, "abcdefghijklmnopqrstuvwxyz"
                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                   "0123456789-._") == strlen(name);
}

bool qemu_opts_id_wellformed(const char *id)
{
    return g_ascii_isalpha(id[0]) &&
           strspn(id + 1, "abcdefghijklmnopqrstuvwxyz"
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                          "0123456789-._") == strlen(id + 1);
}

void qemu_opts_id_error(Error **errp)
{
    ERRP_GUARD();

    error_setg(errp, "Parameter 'id' expects an identifier");
    error_append_hint(errp, "Identifiers consist of letters, digits, "
                      "'-', '.', '_', starting with a letter.\n");
}

/*
 * Check @value against the type of @desc. @name is the key the user typed,
 * or NULL when the value came through the implied key, and is then left out
 * of the message: "-m 12X" says "invalid size '12X'".
 */
static bool opt_check_value(const QemuOptDesc *desc, const char *name,
                            const char *value, Error **errp)
{
    ERRP_GUARD();
    g_autofree char *key = name ? g_strdup_printf(" for parameter '%s'", name)
                                : g_strdup("");
    uint64_t num;
    bool flag;
    int ret;

    switch (desc->type) {
    case QEMU_OPT_STRING:
        return true;
    case QEMU_OPT_BOOL:
        if (qemu_parse_bool(value, &flag)) {
            return true;
        }
        error_setg(errp, "invalid boolean '%s'%s (use on or off)", value, key);
        return false;
    case QEMU_OPT_NUMBER:
        ret = qemu_strtou64(value, NULL, 0, &num);
        if (ret == -ERANGE) {
            error_setg(errp, "number '%s' out of range%s", value, key);
            error_append_hint(errp, "The largest number is %" PRIu64 ".\n",
                              UINT64_MAX);
        } else if (ret) {
            error_setg(errp, "invalid number '%s'%s", value, key);
        }
        return !ret;
    case QEMU_OPT_SIZE:
        ret = qemu_strtosz(value, NULL, &num);
        if (ret == -ERANGE) {
            error_setg(errp, "size '%s' out of range%s", value, key);
            error_append_hint(errp,
                              "Sizes must be less than 16E (2^64 bytes).\n");
        } else if (ret) {
            error_setg(errp, "invalid size '%s'%s", value, key);
            error_append_hint(errp, "Use a number with an optional suffix B, K, "
                              "M, G, T, P or E (powers of 1024).\n");
        }
        return !ret;
    }
    g_assert_not_reached();
}

/* Check @name=@value against @desc (an empty @desc accepts any key). */
static bool opt_check(const QemuOptDesc *desc, const char *name,
                      bool name_typed, const char *value, Error **errp)
{
    ERRP_GUARD();
    const QemuOptDesc *d;

    if (!opt_name_wellformed(name)) {
        error_setg(errp, "Invalid parameter name '%s'", name);
        error_append_hint(errp, "Parameter names consist of letters, digits, "
                          "'-', '.' and '_'.\n");
        return false;
    }
    if (!strcmp(name, "id") || (desc->name && !find_desc_by_name(desc, name))) {
        error_setg(errp, "Invalid parameter '%s'", name);
        return false;
    }
    d = find_desc_by_name(desc, name);
    return !d || opt_check_value(d, name_typed ? name : NULL, value, errp);
}

bool qemu_opt_stage(const QemuOptsList *list, GQueue *staged, const char *name,
                    bool name_typed, const char *value, Error **errp)
{
    if (!opt_check(list->desc, name, name_typed, value, errp)) {
        return false;
    }
    g_queue_push_tail(staged, qemu_opt_new(name, value));
    return true;
}

void qemu_opt_staged_clear(GQueue *staged)
{
    g_queue_clear_full(staged, qemu_opt_free);
}

void qemu_opts_commit(QemuOpts *opts, GQueue *staged, bool help)
{
    QemuOpt *opt;

    while ((opt = g_queue_pop_head(staged))) {
        g_queue_push_tail(&opts->opts, opt);
    }
    opts->help |= help;
}

QemuOpts *qemu_opts_find(QemuOptsList *list, const char *id)
{
    GList *l;
    QemuOpts *opts;

    for (l = list->head.head; l; l = l->next) {
        opts = l->data;
        if (!g_strcmp0(opts->id, id)) {
            return opts;
        }
    }
    return NULL;
}

QemuOpts *qemu_opts_create(QemuOptsList *list, const char *id,
                           bool fail_if_exists, Error **errp)
{
    QemuOpts *opts;

    if (id && !qemu_opts_id_wellformed(id)) {
        qemu_opts_id_error(errp);
        return NULL;
    }
    /* Without an id, each QemuOpts is new unless the list merges. */
    opts = id || list->merge_lists ? qemu_opts_find(list, id) : NULL;
    if (opts && (list->merge_lists || !fail_if_exists)) {
        return opts;
    }
    if (opts) {
        error_setg(errp, "Duplicate ID '%s' for %s", id, list->name);
        return NULL;
    }
    opts = g_new0(QemuOpts, 1);
    opts->id = g_strdup(id);
    opts->list = list;
    g_queue_init(&opts->opts);
    g_queue_push_tail(&list->head, opts);
    opts->link = g_queue_peek_tail_link(&list->head);
    return opts;
}

void qemu_opts_del(QemuOpts *opts)
{
    if (!opts) {
        return;
    }
    g_queue_delete_link(&opts->list->head, opts->link);
    g_queue_clear_full(&opts->opts, qemu_opt_free);
    g_free(opts->id);
    g_free(opts);
}

void qemu_opts_reset(QemuOptsList *list)
{
    while (!g_queue_is_empty(&list->head)) {
        qemu_opts_del(g_queue_peek_head(&list->head));
    }
}

const char *qemu_opts_id(const QemuOpts *opts)
{
    return opts->id;
}

void qemu_opts_set_id(QemuOpts *opts, char *id)
{
    g_free(opts->id);
    opts->id = id;
}

/* The last value set for @name, or NULL. */
static const QemuOpt *qemu_opt_find(const QemuOpts *opts, const char *name)
{
    GList *l;
    QemuOpt *opt;

    for (l = opts->opts.tail; l; l = l->prev) {
        opt = l->data;
        if (!strcmp(opt->name, name)) {
            return opt;
        }
    }
    return NULL;
}

const char *qemu_opt_get(const QemuOpts *opts, const char *name)
{
    const QemuOpt *opt = qemu_opt_find(opts, name);
    const QemuOptDesc *desc;

    if (opt) {
        return opt->str;
    }
    desc = find_desc_by_name(opts->list->desc, name);
    return desc ? desc->def_value_str : NULL;
}

bool qemu_opt_get_bool(const QemuOpts *opts, const char *name, bool defval)
{
    const char *str = qemu_opt_get(opts, name);
    bool value;

    return qemu_parse_bool(str, &value) ? value : defval;
}

uint64_t qemu_opt_get_number(const QemuOpts *opts, const char *name,
                             uint64_t defval)
{
    const char *str = qemu_opt_get(opts, name);
    uint64_t value;

    return str && !qemu_strtou64(str, NULL, 0, &value) ? value : defval;
}

uint64_t qemu_opt_get_size(const QemuOpts *opts, const char *name,
                           uint64_t defval)
{
    const char *str = qemu_opt_get(opts, name);
    uint64_t value;

    return str && !qemu_strtosz(str, NULL, &value) ? value : defval;
}

bool qemu_opt_has_help_opt(const QemuOpts *opts)
{
    return opts->help;
}

bool qemu_opt_set(QemuOpts *opts, const char *name, const char *value,
                  Error **errp)
{
    GQueue staged = G_QUEUE_INIT;

    if (!qemu_opt_stage(opts->list, &staged, name, true, value, errp)) {
        return false;
    }
    qemu_opts_commit(opts, &staged, false);
    return true;
}

bool qemu_opt_set_bool(QemuOpts *opts, const char *name, bool value,
                       Error **errp)
{
    return qemu_opt_set(opts, name, value ? "on" : "off", errp);
}

bool qemu_opt_set_number(QemuOpts *opts, const char *name, uint64_t value,
                         Error **errp)
{
    char buf[24];

    snprintf(buf, sizeof(buf), "%" PRIu64, value);
    return qemu_opt_set(opts, name, buf, errp);
}

bool qemu_opt_unset(QemuOpts *opts, const char *name)
{
    GList *l, *next;
    bool found = false;

    for (l = opts->opts.head; l; l = next) {
        next = l->next;
        if (!strcmp(((QemuOpt *)l->data)->name, name)) {
            qemu_opt_free(l->data);
            g_queue_delete_link(&opts->opts, l);
            found = true;
        }
    }
    return found;
}

int qemu_opt_foreach(const QemuOpts *opts, qemu_opt_loopfunc func,
                     void *opaque, Error **errp)
{
    GList *l;
    QemuOpt *opt;
    int ret;

    for (l = opts->opts.head; l; l = l->next) {
        opt = l->data;
        ret = func(opaque, opt->name, opt->str, errp);
        if (ret) {
            return ret;
        }
    }
    return 0;
}

int qemu_opts_foreach(QemuOptsList *list, qemu_opts_loopfunc func,
                      void *opaque, Error **errp)
{
    GList *l, *next;
    int ret;

    for (l = list->head.head; l; l = next) {
        next = l->next;
        ret = func(opaque, l->data, errp);
        if (ret) {
            return ret;
        }
    }
    return 0;
}

QDict *qemu_opts_to_qdict(const QemuOpts *opts, QDict *qdict)
{
    GList *l;
    QemuOpt *opt;

    if (!qdict) {
        qdict = qdict_new();
    }
    if (opts->id) {
        qdict_put_str(qdict, "id", opts->id);
    }
    for (l = opts->opts.head; l; l = l->next) {
        opt = l->data;
        qdict_put_str(qdict, opt->name, opt->str);
    }
    return qdict;
}

/* The text form of a scalar QObject, or NULL for other types. Caller frees. */
static char *qobject_to_opt_value(const QObject *obj)
{
    switch (qobject_type(obj)) {
    case QTYPE_QSTRING:
        return g_strdup(qstring_get_str(qobject_to(QString, obj)));
    case QTYPE_QNUM:
        return qnum_to_string(qobject_to(QNum, obj));
    case QTYPE_QBOOL:
        return g_strdup(qbool_get_bool(qobject_to(QBool, obj)) ? "on" : "off");
    default:
        return NULL;
    }
}

QemuOpts *qemu_opts_from_qdict(QemuOptsList *list, const QDict *qdict,
                               Error **errp)
{
    QString *id = qobject_to(QString, qdict_get(qdict, "id"));
    GQueue staged = G_QUEUE_INIT;
    const QDictEntry *e;
    QemuOpts *opts;
    const char *key;

    if (qdict_haskey(qdict, "id") && !id) {
        qemu_opts_id_error(errp);
        return NULL;
    }
    for (e = qdict_first(qdict); e; e = qdict_next(qdict, e)) {
        g_autofree char *value = qobject_to_opt_value(qdict_entry_value(e));

        key = qdict_entry_key(e);
        if (!strcmp(key, "id")) {
            continue;
        }
        if (!value) {
            error_setg(errp, "Parameter '%s' must be a string, number or "
                       "boolean", key);
            qemu_opt_staged_clear(&staged);
            return NULL;
        }
        if (!qemu_opt_stage(list, &staged, key, true, value, errp)) {
            qemu_opt_staged_clear(&staged);
            return NULL;
        }
    }
    opts = qemu_opts_create(list, id ? qstring_get_str(id) : NULL, true, errp);
    if (!opts) {
        qemu_opt_staged_clear(&staged);
        return NULL;
    }
    qemu_opts_commit(opts, &staged, false);
    return opts;
}

bool qemu_opts_validate(QemuOpts *opts, const QemuOptDesc *desc, Error **errp)
{
    GList *l;
    QemuOpt *opt;

    for (l = opts->opts.head; l; l = l->next) {
        opt = l->data;
        if (!find_desc_by_name(desc, opt->name)) {
            error_setg(errp, "Invalid parameter '%s'", opt->name);
            return false;
        }
        if (!opt_check(desc, opt->name, true, opt->str, errp)) {
            return false;
        }
    }
    return true;
}
