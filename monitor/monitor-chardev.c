/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * monitor-chardev.c: the frontend that runs a QMP or HMP monitor on a
 * chardev. Input is read only while the monitor takes it; output the
 * chardev cannot take now stays in the monitor (bounded by its output
 * limit) until the chardev's G_IO_OUT watch fires.
 */
#include "osdep.h"

#include "chardev/char-fe.h"
#include "chardev/char-opts.h"
#include "monitor/monitor-chardev.h"
#include "monitor/monitor.h"

typedef struct MonitorChardev {
    CharBackend be;
    Monitor *mon;
    guint out_watch;        /* waiting for G_IO_OUT, or 0 */
} MonitorChardev;

/* MonitorChardev *, in creation order. */
static GPtrArray *chardev_monitors;
static unsigned compat_monitor_count;

QemuOptsList qemu_mon_opts = {
    .name = "mon",
    .implied_opt_name = "chardev",
    .desc = {
        { .name = "mode", .type = QEMU_OPT_STRING },
        { .name = "chardev", .type = QEMU_OPT_STRING },
        { .name = "pretty", .type = QEMU_OPT_BOOL },
        { /* end of list */ }
    },
};

static gboolean mon_chr_writable(void *unused, GIOCondition cond, void *opaque)
{
    MonitorChardev *mc = opaque;

    mc->out_watch = 0;
    monitor_flush(mc->mon);
    return G_SOURCE_REMOVE;
}

static size_t mon_chr_write(void *opaque, const char *buf, size_t len)
{
    MonitorChardev *mc = opaque;
    int n = qemu_chr_fe_write(&mc->be, (const uint8_t *)buf,
                              MIN(len, (size_t)INT_MAX));

    if (0 > n) {
        /* The connection broke; the chardev reported CLOSED. */
        return len;
    }
    if ((size_t)n < len && !mc->out_watch) {
        mc->out_watch = qemu_chr_fe_add_watch(&mc->be, G_IO_OUT | G_IO_HUP,
                                              mon_chr_writable, mc);
    }
    return n;
}

static void mon_chr_set_accept_input(void *opaque, bool on)
{
    MonitorChardev *mc = opaque;

    if (on) {
        qemu_chr_fe_accept_input(&mc->be);
    }
}

static const MonitorTransport mon_chr_transport = {
    .write = mon_chr_write,
    .set_accept_input = mon_chr_set_accept_input,
};

static int mon_chr_can_read(void *opaque)
{
    MonitorChardev *mc = opaque;

    return monitor_can_receive(mc->mon);
}

static void mon_chr_read(void *opaque, const uint8_t *buf, int size)
{
    MonitorChardev *mc = opaque;

    monitor_receive(mc->mon, (const char *)buf, size);
}

static void mon_chr_drop_watch(MonitorChardev *mc)
{
    if (mc->out_watch) {
        g_source_remove(mc->out_watch);
        mc->out_watch = 0;
    }
}

static void mon_chr_event(void *opaque, QEMUChrEvent event)
{
    MonitorChardev *mc = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        monitor_opened(mc->mon);
        break;
    case CHR_EVENT_CLOSED:
        mon_chr_drop_watch(mc);
        monitor_closed(mc->mon);
        break;
    case CHR_EVENT_MUX_IN:
    case CHR_EVENT_MUX_OUT:
        /* On a mux: HMP holds its output while the console has the focus. */
        monitor_set_focus(mc->mon, CHR_EVENT_MUX_IN == event);
        break;
    default:
        break;
    }
}

bool monitor_init_chardev(Chardev *chr, bool qmp, bool pretty, Error **errp)
{
    MonitorChardev *mc = g_new0(MonitorChardev, 1);

    if (!qemu_chr_fe_init(&mc->be, chr, errp)) {
        g_free(mc);
        return false;
    }
    mc->mon = qmp ? monitor_new_qmp(&mon_chr_transport, mc, pretty)
                  : monitor_new_hmp(&mon_chr_transport, mc, true);
    if (!chardev_monitors) {
        chardev_monitors = g_ptr_array_new();
    }
    g_ptr_array_add(chardev_monitors, mc);
    qemu_chr_fe_set_handlers(&mc->be, mon_chr_can_read, mon_chr_read,
                             mon_chr_event, mc);
    return true;
}

bool monitor_init_opts(QemuOpts *opts, Error **errp)
{
    const char *mode = qemu_opt_get(opts, "mode");
    const char *id = qemu_opt_get(opts, "chardev");
    Chardev *chr;

    if (!id) {
        error_setg(errp, "Parameter 'chardev' is missing");
        return false;
    }
    if (mode && strcmp(mode, "control") && strcmp(mode, "readline")) {
        error_setg(errp, "Parameter 'mode' does not accept value '%s'", mode);
        return false;
    }
    chr = qemu_chr_find(id);
    if (!chr) {
        error_setg(errp, "chardev \"%s\" not found", id);
        return false;
    }
    return monitor_init_chardev(chr, mode && !strcmp(mode, "control"),
                                qemu_opt_get_bool(opts, "pretty", false), errp);
}

bool monitor_init_compat(const char *spec, bool qmp, bool pretty, bool mux,
                         Error **errp)
{
    g_autofree char *label = NULL;
    Chardev *chr;

    /* Like QEMU: "none" means no monitor for -monitor, not for -qmp. */
    if (!qmp && !strcmp(spec, "none")) {
        return true;
    }
    label = g_strdup_printf("compat_monitor%u", compat_monitor_count++);
    chr = qemu_chr_new_compat(label, spec, mux, errp);
    return chr && monitor_init_chardev(chr, qmp, pretty, errp);
}

void monitor_chardev_cleanup(void)
{
    MonitorChardev *mc;
    guint i;

    for (i = 0; chardev_monitors && i < chardev_monitors->len; i++) {
        mc = g_ptr_array_index(chardev_monitors, i);
        mon_chr_drop_watch(mc);
        qemu_chr_fe_deinit(&mc->be, false);
        monitor_free(mc->mon);
        g_free(mc);
    }
    g_clear_pointer(&chardev_monitors, g_ptr_array_unref);
    compat_monitor_count = 0;
}
