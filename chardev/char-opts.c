/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-opts.c: -chardev BACKEND,id=ID,...: the QemuOpts list, turning
 * options into a ChardevBackend through the backend's parse method,
 * mux=on, and `-chardev help`.
 */
#include "osdep.h"

#include "chardev/char-opts.h"
#include "chardev-internal.h"
#include "qapi-types-char.h"
#include "util/error-report.h"

QemuOptsList qemu_chardev_opts = {
    .name = "chardev",
    .implied_opt_name = "backend",
    .desc = {
        { .name = "backend", .type = QEMU_OPT_STRING },
        { .name = "path", .type = QEMU_OPT_STRING },
        { .name = "host", .type = QEMU_OPT_STRING },
        { .name = "port", .type = QEMU_OPT_STRING },
        { .name = "server", .type = QEMU_OPT_BOOL },
        { .name = "wait", .type = QEMU_OPT_BOOL },
        { .name = "nodelay", .type = QEMU_OPT_BOOL },
        { .name = "telnet", .type = QEMU_OPT_BOOL },
        { .name = "reconnect", .type = QEMU_OPT_NUMBER },
        { .name = "mux", .type = QEMU_OPT_BOOL },
        { .name = "signal", .type = QEMU_OPT_BOOL },
        { .name = "size", .type = QEMU_OPT_SIZE },
        { .name = "append", .type = QEMU_OPT_BOOL },
        { .name = "logfile", .type = QEMU_OPT_STRING },
        { .name = "logappend", .type = QEMU_OPT_BOOL },
        { /* end of list */ }
    },
};

GPtrArray *chardev_backend_names(void)
{
    GPtrArray *names = g_ptr_array_new();
    GSList *list = object_class_get_list_sorted(TYPE_CHARDEV, false), *l;

    for (l = list; l; l = l->next) {
        g_ptr_array_add(names, (gpointer)(object_class_get_name(l->data) +
                                          strlen("chardev-")));
    }
    g_slist_free(list);
    /* QEMU's other name of ringbuf. */
    g_ptr_array_add(names, (gpointer)"memory");
    return names;
}

void chardev_print_help(void)
{
    g_autoptr(GPtrArray) names = chardev_backend_names();
    guint i;

    help_printf("Available chardev backend types: \n");
    for (i = 0; i < names->len; i++) {
        help_printf("  %s\n", (const char *)g_ptr_array_index(names, i));
    }
}

/* The ChardevBackend that @opts describe, for the backend @kind. */
static ChardevBackend *chardev_parse_backend(QemuOpts *opts, const char *kind,
                                             const char *type, Error **errp)
{
    g_autoptr(ChardevBackend) backend = g_new0(ChardevBackend, 1);
    ChardevClass *cc = CHARDEV_CLASS(object_class_by_name(type));
    ChardevCommon *common;
    Error *err = NULL;
    int i;

    for (i = 0; i < CHARDEV_BACKEND_KIND__MAX; i++) {
        if (!strcmp(kind, ChardevBackendKind_str(i))) {
            backend->type = i;
        }
    }
    cc->parse(opts, backend, &err);
    if (err) {
        error_propagate(errp, err);
        return NULL;
    }
    /* Every branch's data begins with ChardevCommon (its QAPI base). */
    common = (ChardevCommon *)backend->u.null.data;
    common->logfile = g_strdup(qemu_opt_get(opts, "logfile"));
    common->has_logappend = true;
    common->logappend = qemu_opt_get_bool(opts, "logappend", false);
    return g_steal_pointer(&backend);
}

Chardev *qemu_chr_new_from_opts(QemuOpts *opts, Error **errp)
{
    const char *kind = qemu_opt_get(opts, "backend");
    const char *id = qemu_opts_id(opts);
    g_autoptr(ChardevBackend) backend = NULL;
    g_autofree char *type = NULL;
    g_autofree char *base_id = NULL;
    ChardevBackend mux = { .type = CHARDEV_BACKEND_KIND_MUX };
    ChardevMux mux_opts = { 0 };
    Chardev *chr;

    if (!kind) {
        error_setg(errp, "chardev: \"%s\" missing backend", id ? id : "");
        return NULL;
    }
    if (!id) {
        error_setg(errp, "chardev: no id specified");
        return NULL;
    }
    type = chardev_type_name(kind);
    if (!type || !strcmp(kind, "mux")) {
        error_setg(errp, "'%s' is not a valid char driver name", kind);
        return NULL;
    }
    backend = chardev_parse_backend(opts, kind, type, errp);
    if (!backend) {
        return NULL;
    }
    if (!qemu_opt_get_bool(opts, "mux", false)) {
        return qemu_chardev_new(id, type, backend, errp);
    }
    /* mux=on: the backend is ID-base, the mux in front of it is ID. */
    base_id = g_strdup_printf("%s-base", id);
    if (!qemu_chardev_new(base_id, type, backend, errp)) {
        return NULL;
    }
    mux_opts.chardev = base_id;
    mux.u.mux.data = &mux_opts;
    chr = qemu_chardev_new(id, TYPE_CHARDEV_MUX, &mux, errp);
    if (!chr) {
        object_unparent(OBJECT(qemu_chr_find(base_id)));
    }
    return chr;
}

Chardev *qemu_chr_new_from_cmdline(const char *optarg, Error **errp)
{
    QemuOpts *opts = qemu_opts_parse(&qemu_chardev_opts, optarg, true, errp);
    Chardev *chr;

    if (!opts) {
        return NULL;
    }
    chr = qemu_chr_new_from_opts(opts, errp);
    qemu_opts_del(opts);
    return chr;
}
