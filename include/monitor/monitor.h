/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * monitor.h: the monitors, QMP (JSON, for programs) and HMP (a command
 * line, for people), independent of how their bytes travel.
 *
 * A frontend (a character device: socket, stdio, ...) owns the connection
 * and drives a monitor through a MonitorTransport and the entry points
 * below; the monitor never does I/O itself. The frontend:
 * - creates the monitor once, with monitor_new_qmp() or monitor_new_hmp();
 * - calls monitor_opened() when a client connects (the monitor sends the
 *   QMP greeting, or the HMP banner and prompt) and monitor_closed() when
 *   it goes away (everything about that client is dropped);
 * - reads at most monitor_can_receive() bytes at a time, and only while
 *   the monitor accepts input (it says so through set_accept_input), and
 *   passes them to monitor_receive();
 * - when its write callback took less than offered, waits until the
 *   connection is writable again and calls monitor_flush();
 * - frees it with monitor_free(), never from inside a transport callback.
 *
 * All of this runs in the main loop thread with the big lock held (GLib's
 * default context); deferred work (in-band QMP commands, resuming input)
 * runs from idle callbacks there. docs/devel/qmp.md and hmp.md describe
 * the protocols, flow control and limits.
 */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

/*
 * Unsent output beyond which a monitor stops accepting input until the
 * client has read at least half of it; QMP events for a client that far
 * behind are dropped (docs/devel/qmp.md, "Flow control").
 */
#define MONITOR_OUTPUT_LIMIT    ((size_t)1 << 20)

/* The most bytes monitor_can_receive() allows at once. */
#define MONITOR_INPUT_CHUNK     4096

/* How a monitor reaches its client; both callbacks are required. */
typedef struct MonitorTransport {
    /*
     * Send up to @len bytes of @buf; returns how many were taken, 0..@len.
     * The rest stays buffered and is offered again by monitor_flush().
     * May call monitor_closed() (the connection broke).
     */
    size_t (*write)(void *opaque, const char *buf, size_t len);
    /* Start (@on) or stop reading the client's input. */
    void (*set_accept_input)(void *opaque, bool on);
} MonitorTransport;

/*
 * A new QMP monitor, not yet connected, sending its output through
 * @transport (borrowed: must outlive the monitor) with @opaque; @pretty
 * selects indented JSON. Free with monitor_free().
 */
Monitor *monitor_new_qmp(const MonitorTransport *transport, void *opaque,
                         bool pretty);

/*
 * A new HMP monitor, not yet connected. With @use_readline the client is
 * a terminal: input is echoed and edited (util/readline.h), with history,
 * completion and the prompt "(kvmini) "; without, each line ending in LF
 * is one command, nothing is echoed and there is no prompt.
 */
Monitor *monitor_new_hmp(const MonitorTransport *transport, void *opaque,
                         bool use_readline);

/*
 * A client connected: QMP sends its greeting and starts capabilities
 * negotiation afresh; HMP prints its banner and prompt.
 */
void monitor_opened(Monitor *mon);

/*
 * The client went away: drop its unread input, unsent output and queued
 * QMP commands; nothing is sent until monitor_opened(). May be called from
 * a transport callback.
 */
void monitor_closed(Monitor *mon);

/*
 * The frontend shares its terminal with others (a mux) and the user gave
 * @mon the terminal (@focus) or took it away. As in QEMU, an HMP monitor
 * that loses it ends its line and keeps its output until it gets it back,
 * then shows a fresh prompt (the line being edited is dropped); an HMP
 * monitor opened without it prints its banner and prompt only then. A
 * QMP monitor ignores the focus.
 */
void monitor_set_focus(Monitor *mon, bool focus);

/*
 * The client sent @len bytes. They are processed at once as far as the
 * monitor accepts input; the rest is kept and processed when it accepts
 * again, so a frontend should pass at most monitor_can_receive() bytes.
 */
void monitor_receive(Monitor *mon, const char *buf, size_t len);

/* How many bytes the frontend may read now: 0 while input is stopped. */
size_t monitor_can_receive(const Monitor *mon);

/* Offer the buffered output to the transport again. */
void monitor_flush(Monitor *mon);

/* Free @mon and drop its state. NULL is allowed. Not from its callbacks. */
void monitor_free(Monitor *mon);

/* Whether @mon is a QMP monitor (else HMP). */
bool monitor_is_qmp(const Monitor *mon);

/*
 * Print to @mon: text for a person, so only for HMP (on a QMP monitor the
 * text is dropped, as QMP clients only ever get JSON). "\n" goes out as
 * "\r\n". Returns the number of bytes formatted, or -1 on a QMP monitor.
 */
int monitor_printf(Monitor *mon, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);
void monitor_puts(Monitor *mon, const char *str);

/*
 * The monitor running the current command in this thread (borrowed), or
 * NULL. While an HMP command runs, error_report() prints to its monitor.
 */
Monitor *monitor_cur(void);

/* Whether a vCPU with index @index exists (the accelerator provides it). */
typedef bool MonitorCpuExistsFunc(int64_t index);

/*
 * Install the test of vCPU indexes; until then there are no vCPUs, and
 * every index is refused (as with QEMU's -M none).
 */
void monitor_set_cpu_exists_func(MonitorCpuExistsFunc *fn);

/*
 * Make vCPU @index the one @mon's CPU commands act on. Returns false if
 * there is no such vCPU.
 */
bool monitor_set_cpu_index(Monitor *mon, int64_t index);

/* The vCPU @mon's CPU commands act on, or -1 for the default (the first). */
int64_t monitor_get_cpu_index(const Monitor *mon);

#endif /* MONITOR_MONITOR_H */
