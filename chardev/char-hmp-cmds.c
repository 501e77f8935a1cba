/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-hmp-cmds.c: the HMP commands of chardevs, thin wrappers of their
 * QMP commands printing as QEMU does.
 */
#include "osdep.h"

#include "chardev/char-hmp-cmds.h"
#include "chardev/char-opts.h"
#include "monitor/hmp-completion.h"
#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "qapi-commands-char.h"

static void hmp_info_chardev(Monitor *mon, const QDict *qdict)
{
    g_autoptr(ChardevInfoList) list = qmp_query_chardev(NULL);
    ChardevInfoList *l;

    for (l = list; l; l = l->next) {
        monitor_printf(mon, "%s: filename=%s\n", l->value->label,
                       l->value->filename);
    }
}

static void hmp_chardev_add(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;

    qemu_chr_new_from_cmdline(qdict_get_str(qdict, "args"), &err);
    hmp_handle_error(mon, err);
}

static void hmp_chardev_remove(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;

    qmp_chardev_remove(qdict_get_str(qdict, "id"), &err);
    hmp_handle_error(mon, err);
}

static void hmp_ringbuf_write(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;

    qmp_ringbuf_write(qdict_get_str(qdict, "device"),
                      qdict_get_str(qdict, "data"), false, 0, &err);
    hmp_handle_error(mon, err);
}

static void hmp_ringbuf_read(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;
    g_autofree char *data = qmp_ringbuf_read(qdict_get_str(qdict, "device"),
                                             qdict_get_int(qdict, "size"),
                                             false, 0, &err);
    const char *p;

    if (hmp_handle_error(mon, err)) {
        return;
    }
    /* Like QEMU: backslash doubled, control characters as \uXXXX. */
    for (p = data; *p; p++) {
        unsigned char ch = *p;

        if ('\\' == ch) {
            monitor_printf(mon, "\\\\");
        } else if ((0x20 > ch && '\n' != ch && '\t' != ch) || 0x7f == ch) {
            monitor_printf(mon, "\\u%04X", ch);
        } else {
            monitor_printf(mon, "%c", ch);
        }
    }
    monitor_printf(mon, "\n");
}

static const HMPCommand chardev_hmp_commands[] = {
    {
        .name = "chardev-add",
        .args_type = "args:s",
        .params = "args",
        .help = "add chardev",
        .cmd = hmp_chardev_add,
    },
    {
        .name = "chardev-remove",
        .args_type = "id:s",
        .params = "id",
        .help = "remove chardev",
        .cmd = hmp_chardev_remove,
        .complete = hmp_complete_chardev_id,
    },
    {
        .name = "ringbuf_read",
        .args_type = "device:s,size:i",
        .params = "device size",
        .help = "Read from a ring buffer character device",
        .cmd = hmp_ringbuf_read,
    },
    {
        .name = "ringbuf_write",
        .args_type = "device:s,data:s",
        .params = "device data",
        .help = "Write to a ring buffer character device",
        .cmd = hmp_ringbuf_write,
    },
    { /* end of list */ }
};

static const HMPCommand chardev_hmp_info_commands[] = {
    {
        .name = "chardev",
        .args_type = "",
        .params = "",
        .help = "show the character devices",
        .cmd = hmp_info_chardev,
    },
    { /* end of list */ }
};

void chardev_hmp_register(void)
{
    hmp_register_commands(chardev_hmp_commands);
    hmp_register_info_commands(chardev_hmp_info_commands);
}
