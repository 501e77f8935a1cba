/* SPDX-License-Identifier: GPL-2.0-or-later */
/* monitor-internal.h: what the monitor's own files share. */
#ifndef MONITOR_MONITOR_INTERNAL_H
#define MONITOR_MONITOR_INTERNAL_H

#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "qapi-emit-events.h"
#include "qapi-types-control.h"
#include "util/error-report.h"

/* What differs between QMP and HMP; the base calls these. */
typedef struct MonitorOps {
    /* A client connected / went away. */
    void (*opened)(Monitor *mon);
    void (*closed)(Monitor *mon);
    /* Consume one byte of input. */
    void (*feed)(Monitor *mon, char byte);
    /* Whether the engine wants no more input for now. */
    bool (*input_paused)(const Monitor *mon);
    /* Free the engine's state (the base frees the rest). */
    void (*free)(Monitor *mon);
} MonitorOps;

struct Monitor {
    const MonitorOps *ops;
    bool is_qmp;
    unsigned id;                /* names it in the debug log */
    /* NULL for a scratch monitor, whose output is collected, not sent. */
    const MonitorTransport *transport;
    void *opaque;
    bool open;                  /* a client is connected */
    GString *outbuf;            /* output not yet taken by the transport */
    bool output_full;           /* outbuf went over MONITOR_OUTPUT_LIMIT */
    bool held;                  /* HMP without the focus: output waits */
    GByteArray *inbuf;          /* input received, not yet consumed */
    size_t in_pos;              /* consumed up to here */
    bool feeding;               /* consuming inbuf (guards recursion) */
    guint resume_id;            /* idle source resuming input, or 0 */
    bool accepting;             /* what set_accept_input last said */
    int64_t cpu_index;
};

/* Set up the base of a monitor and add it to the list. */
void monitor_init_common(Monitor *mon, const MonitorOps *ops, bool is_qmp,
                         const MonitorTransport *transport, void *opaque);

/* A monitor with no transport: it is open and keeps all its output. */
void monitor_init_scratch(Monitor *mon, const MonitorOps *ops);

/* Free what monitor_init_common()/monitor_init_scratch() set up. */
void monitor_cleanup_common(Monitor *mon);

/* Every monitor with a transport, oldest first (borrowed). */
GList *monitor_list(void);

/* Send @str as is, but with "\n" as "\r\n"; dropped while closed. */
void monitor_write(Monitor *mon, const char *str);

/*
 * Something that pauses input changed (an engine condition, or the
 * output): tell the frontend, and consume pending input from an idle
 * callback once nothing pauses it.
 */
void monitor_update_input(Monitor *mon);

/*
 * While a command runs: monitor_cur() is @mon and, for HMP, error_report()
 * prints to it. monitor_pop_cur() restores what monitor_push_cur() saved.
 */
typedef struct MonitorCurSave {
    Monitor *mon;
    ErrorPrintFunc *printer;
    void *printer_opaque;
    bool show_progname;
} MonitorCurSave;

void monitor_push_cur(Monitor *mon, MonitorCurSave *save);
void monitor_pop_cur(const MonitorCurSave *save);

/* qmp.c */

/* Whether @mon is a QMP monitor still in capabilities negotiation. */
bool monitor_qmp_negotiating(const Monitor *mon);

/* End negotiation on @mon, enabling the capabilities in @enable. */
void monitor_qmp_enable(Monitor *mon, const QMPCapabilityList *enable);

/*
 * qmp.c: send the event message @qdict (borrowed) to every QMP client past
 * negotiation. qapi_event_emit() (qmp-event-throttle.c) calls it.
 */
void monitor_qmp_broadcast_event(QAPIEvent event, QDict *qdict);

/* hmp.c */

/* An HMP monitor for one human-monitor-command; free with monitor_free(). */
Monitor *monitor_hmp_new_scratch(void);

/* The output a scratch monitor collected (new string; the buffer empties). */
char *monitor_hmp_take_output(Monitor *mon);

/* Parse and run one command line on the HMP monitor @mon. */
void hmp_handle_command(Monitor *mon, const char *cmdline);

/* The history of @mon (borrowed), or NULL without readline. */
ReadLineState *monitor_hmp_readline(Monitor *mon);

/* hmp-table.c */

/* The monitor's own tables (hmp-cmds.c), registered first. */
extern const HMPCommand hmp_builtin_commands[];
extern const HMPCommand hmp_builtin_info_commands[];
/* hmp-cmds-run.c: running and stopping the VM, its vCPUs and KVM. */
extern const HMPCommand hmp_run_commands[];
extern const HMPCommand hmp_run_info_commands[];
/* hmp-cmds-qom.c: qom-list, qom-get, qom-set, object_add, object_del. */
extern const HMPCommand hmp_qom_commands[];

/* The top-level commands / `info` subcommands, sorted by name. */
GPtrArray *hmp_commands(void);
GPtrArray *hmp_info_commands(void);

/* Whether @cmd is the `info` command, whose subcommands are a table. */
bool hmp_cmd_is_info(const HMPCommand *cmd);

/* Whether @name is @cmd's name or one of its aliases. */
bool hmp_cmd_matches(const HMPCommand *cmd, const char *name);

/* The command of @table (hmp_commands() ...) called @name, or NULL. */
const HMPCommand *hmp_find_command(const GPtrArray *table, const char *name);

/*
 * Split @cmdline into words as the argument parser reads strings (quotes
 * and escapes understood). Returns a NULL-terminated vector (g_strfreev),
 * or NULL if a string is malformed.
 */
char **hmp_split_words(const char *cmdline);

/* hmp-args.c */

/*
 * Parse the arguments @args (the command line after the command's name)
 * of @cmd into a new QDict. On a syntax error, print it to @mon and
 * return NULL.
 */
QDict *hmp_parse_arguments(Monitor *mon, const char *args,
                           const HMPCommand *cmd);

/*
 * Read one word of @p as the 's' type does, into *@word (new string),
 * moving @p past it. Returns false, *@word NULL, at the end of the line or
 * on a malformed quoted string.
 */
bool hmp_get_word(const char **p, char **word);

/* The readline completion callback of HMP monitors (@opaque: the monitor). */
void hmp_complete(void *opaque, const char *cmdline);

/* hmp-completion.c */

/*
 * Offer the strings of @cands (sorted in place) that start with @str, in
 * order: QEMU lists candidates sorted.
 */
void hmp_offer_sorted(ReadLineState *rs, GPtrArray *cands, const char *str);

/* hmp-cmds.c */

/* help [cmd]: the help of the commands @name names, or of all. */
void hmp_help_cmd(Monitor *mon, const char *name);

#endif /* MONITOR_MONITOR_INTERNAL_H */
