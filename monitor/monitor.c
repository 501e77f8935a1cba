/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * monitor.c: what QMP and HMP monitors share: the list of monitors, output
 * buffering and flow control, input pausing, the current monitor.
 */
#include "osdep.h"

#include "monitor-internal.h"

/* Every monitor with a transport, oldest first; main loop only. */
static GList *monitors;
static unsigned next_monitor_id;
static MonitorCpuExistsFunc *cpu_exists;

/* The monitor running the current command, per thread. */
static __thread Monitor *cur_mon;

GList *monitor_list(void)
{
    return monitors;
}

static void monitor_init_base(Monitor *mon, const MonitorOps *ops,
                              bool is_qmp)
{
    mon->ops = ops;
    mon->is_qmp = is_qmp;
    mon->id = next_monitor_id++;
    mon->outbuf = g_string_new(NULL);
    mon->inbuf = g_byte_array_new();
    mon->cpu_index = -1;
}

void monitor_init_common(Monitor *mon, const MonitorOps *ops, bool is_qmp,
                         const MonitorTransport *transport, void *opaque)
{
    monitor_init_base(mon, ops, is_qmp);
    mon->transport = transport;
    mon->opaque = opaque;
    monitors = g_list_append(monitors, mon);
}

void monitor_init_scratch(Monitor *mon, const MonitorOps *ops)
{
    monitor_init_base(mon, ops, false);
    mon->open = true;
}

void monitor_cleanup_common(Monitor *mon)
{
    monitors = g_list_remove(monitors, mon);
    if (mon->resume_id) {
        g_source_remove(mon->resume_id);
    }
    g_string_free(mon->outbuf, true);
    g_byte_array_free(mon->inbuf, true);
}

bool monitor_is_qmp(const Monitor *mon)
{
    return mon->is_qmp;
}

/* Whether anything stops @mon from consuming input now. */
static bool monitor_input_paused(const Monitor *mon)
{
    return !mon->open || mon->output_full || mon->ops->input_paused(mon);
}

/*
 * Tell the frontend whether to read: only when nothing pauses input and
 * nothing received earlier is still waiting.
 */
static void monitor_update_accept(Monitor *mon)
{
    bool accept = !monitor_input_paused(mon) && mon->in_pos == mon->inbuf->len;

    if (mon->transport && accept != mon->accepting) {
        mon->accepting = accept;
        mon->transport->set_accept_input(mon->opaque, accept);
    }
}

/* Consume received bytes until they run out or something pauses input. */
static void monitor_consume_input(Monitor *mon)
{
    if (mon->feeding) {
        /* The outer call goes on with these bytes when this one returns. */
        return;
    }
    mon->feeding = true;
    while (mon->in_pos < mon->inbuf->len && !monitor_input_paused(mon)) {
        mon->ops->feed(mon, mon->inbuf->data[mon->in_pos++]);
    }
    mon->feeding = false;
    if (mon->in_pos == mon->inbuf->len) {
        g_byte_array_set_size(mon->inbuf, 0);
        mon->in_pos = 0;
    }
    monitor_update_accept(mon);
}

static gboolean monitor_resume_cb(gpointer opaque)
{
    Monitor *mon = opaque;

    mon->resume_id = 0;
    monitor_consume_input(mon);
    return G_SOURCE_REMOVE;
}

void monitor_update_input(Monitor *mon)
{
    /*
     * Consume pending input later, from the main loop: we may be deep in
     * a command (of this monitor or another) that must finish first.
     */
    if (mon->in_pos < mon->inbuf->len && !monitor_input_paused(mon)
        && !mon->resume_id) {
        mon->resume_id = g_idle_add(monitor_resume_cb, mon);
    }
    monitor_update_accept(mon);
}

void monitor_receive(Monitor *mon, const char *buf, size_t len)
{
    if (!mon->open) {
        return;
    }
    g_byte_array_append(mon->inbuf, (const guint8 *)buf, len);
    monitor_consume_input(mon);
}

size_t monitor_can_receive(const Monitor *mon)
{
    return mon->accepting ? MONITOR_INPUT_CHUNK : 0;
}

/* Input stops above the limit and resumes once half of it is read. */
static void monitor_check_output(Monitor *mon)
{
    bool full = mon->outbuf->len > MONITOR_OUTPUT_LIMIT
        || (mon->output_full && mon->outbuf->len > MONITOR_OUTPUT_LIMIT / 2);

    if (full != mon->output_full) {
        mon->output_full = full;
        monitor_update_input(mon);
    }
}

void monitor_flush(Monitor *mon)
{
    size_t n;

    while (mon->transport && mon->open && !mon->held && mon->outbuf->len) {
        n = mon->transport->write(mon->opaque, mon->outbuf->str,
                                  mon->outbuf->len);
        if (!mon->open) {
            /* The write found the connection broken and closed it. */
            return;
        }
        if (!n) {
            break;
        }
        g_string_erase(mon->outbuf, 0, MIN(n, mon->outbuf->len));
    }
    monitor_check_output(mon);
}

void monitor_write(Monitor *mon, const char *str)
{
    const char *nl;

    if (!mon->open) {
        return;
    }
    while ((nl = strchr(str, '\n'))) {
        g_string_append_len(mon->outbuf, str, nl - str);
        g_string_append(mon->outbuf, "\r\n");
        str = nl + 1;
    }
    g_string_append(mon->outbuf, str);
    monitor_flush(mon);
}

void monitor_puts(Monitor *mon, const char *str)
{
    if (!mon->is_qmp) {
        monitor_write(mon, str);
    }
}

int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
{
    g_autofree char *text = NULL;
    int len;

    if (mon->is_qmp) {
        return -1;
    }
    text = g_strdup_vprintf(fmt, ap);
    len = strlen(text);
    monitor_write(mon, text);
    return len;
}

int monitor_printf(Monitor *mon, const char *fmt, ...)
{
    va_list ap;
    int len;

    va_start(ap, fmt);
    len = monitor_vprintf(mon, fmt, ap);
    va_end(ap);
    return len;
}

void monitor_opened(Monitor *mon)
{
    if (mon->open) {
        monitor_closed(mon);
    }
    mon->open = true;
    mon->ops->opened(mon);
    monitor_update_input(mon);
}

void monitor_closed(Monitor *mon)
{
    if (!mon->open) {
        return;
    }
    mon->open = false;
    g_string_truncate(mon->outbuf, 0);
    mon->output_full = false;
    /* A consume loop running now stops: it sees the monitor closed. */
    g_byte_array_set_size(mon->inbuf, 0);
    mon->in_pos = 0;
    mon->ops->closed(mon);
    monitor_update_accept(mon);
}

void monitor_free(Monitor *mon)
{
    if (!mon) {
        return;
    }
    mon->ops->free(mon);
}

Monitor *monitor_cur(void)
{
    return cur_mon;
}

/* The error printer while an HMP command runs. */
static void monitor_error_print(void *opaque, const char *text)
{
    monitor_puts(opaque, text);
}

void monitor_push_cur(Monitor *mon, MonitorCurSave *save)
{
    save->mon = cur_mon;
    save->printer = error_get_printer(&save->printer_opaque);
    save->show_progname = error_show_progname(true);
    cur_mon = mon;
    if (!mon->is_qmp) {
        error_set_printer(monitor_error_print, mon);
        error_show_progname(false);
    }
}

void monitor_pop_cur(const MonitorCurSave *save)
{
    cur_mon = save->mon;
    error_set_printer(save->printer, save->printer_opaque);
    error_show_progname(save->show_progname);
}

void monitor_set_cpu_exists_func(MonitorCpuExistsFunc *fn)
{
    cpu_exists = fn;
}

bool monitor_set_cpu_index(Monitor *mon, int64_t index)
{
    if (!cpu_exists || !cpu_exists(index)) {
        return false;
    }
    mon->cpu_index = index;
    return true;
}

int64_t monitor_get_cpu_index(const Monitor *mon)
{
    return mon->cpu_index;
}
