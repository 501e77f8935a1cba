/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-compat.c: the short chardev spellings of -qmp, -monitor and
 * -serial ("stdio", "null", "file:PATH", "pipe:PATH", "unix:PATH,...",
 * "tcp:HOST:PORT,..."), turned into -chardev options.
 */
#include "osdep.h"

#include "chardev/char-opts.h"

/* The -chardev text for @spec, or NULL if it is no known spelling. */
static char *chr_compat_to_opts(const char *spec)
{
    const char *rest, *colon;

    if (!strcmp(spec, "stdio") || !strcmp(spec, "null")) {
        return g_strdup(spec);
    }
    if (g_str_has_prefix(spec, "file:")) {
        return g_strdup_printf("file,path=%s", spec + strlen("file:"));
    }
    if (g_str_has_prefix(spec, "pipe:")) {
        return g_strdup_printf("pipe,path=%s", spec + strlen("pipe:"));
    }
    if (g_str_has_prefix(spec, "unix:")) {
        return g_strdup_printf("socket,path=%s", spec + strlen("unix:"));
    }
    if (g_str_has_prefix(spec, "tcp:")) {
        rest = spec + strlen("tcp:");
        colon = strchr(rest, ':');
        if (!colon) {
            return NULL;
        }
        return g_strdup_printf("socket,host=%.*s,port=%s",
                               (int)(colon - rest), rest, colon + 1);
    }
    return NULL;
}

Chardev *qemu_chr_new_compat(const char *label, const char *spec, bool mux,
                             Error **errp)
{
    g_autofree char *text = chr_compat_to_opts(spec);
    QemuOpts *opts;
    Chardev *chr;

    if (!text) {
        error_setg(errp, "'%s' is not a valid char driver", spec);
        return NULL;
    }
    opts = qemu_opts_parse(&qemu_chardev_opts, text, true, errp);
    if (!opts) {
        return NULL;
    }
    qemu_opts_set_id(opts, g_strdup(label));
    if (mux && !qemu_opt_set_bool(opts, "mux", true, errp)) {
        qemu_opts_del(opts);
        return NULL;
    }
    chr = qemu_chr_new_from_opts(opts, errp);
    qemu_opts_del(opts);
    return chr;
}
