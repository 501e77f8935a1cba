/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvmini-qmp.h: the parts of the kvmini-qmp tool (not of libqmp): turning
 * KEY=VALUE words into typed arguments (qmp-args.c), running one command
 * and printing what comes back (qmp-tool.c), the interactive shell
 * (qmp-shell.c). docs/user/libqmp.md documents the tool.
 */
#ifndef CLIENT_KVMINI_QMP_H
#define CLIENT_KVMINI_QMP_H

#include "client/qmp-client.h"

/* The server's schema, as query-qmp-schema returns it, indexed by name. */
typedef struct QmpSchema QmpSchema;

/* Index @entries (query-qmp-schema's return; reference taken). */
QmpSchema *qmp_schema_new(QList *entries);

/* Free @schema. NULL is allowed. */
void qmp_schema_free(QmpSchema *schema);

/*
 * Parse @words (NULL-terminated, each one "KEY=VALUE"; a ',' in a value
 * is just a comma) with keyval: dotted keys nest, numbered ones make
 * lists, every value is a string. Returns a new QDict, or NULL with @errp
 * set on a syntax error.
 */
QDict *qmp_args_parse(char **words, Error **errp);

/*
 * The arguments of @command from the keyval @tree (borrowed): each string
 * converted to the type @schema gives its member, or guessed when @schema
 * (may be NULL) does not say; see docs/user/libqmp.md for the rules.
 * Returns a new QDict.
 */
QDict *qmp_args_type(const QmpSchema *schema, const char *command,
                     QDict *tree);

/* What the tool talks to, and how. */
typedef struct QmpTool {
    QmpClient *client;
    bool hmp;                   /* -H: commands are HMP command lines */
    bool oob;                   /* --oob: send commands with exec-oob */
    bool schema_asked;          /* query-qmp-schema was tried */
    QmpSchema *schema;          /* its answer, or NULL */
} QmpTool;

/*
 * Parse @json, the arguments of a command as one JSON object. Returns a
 * new QDict, or NULL with @errp set.
 */
QDict *qmp_tool_parse_json(const char *json, Error **errp);

/*
 * The arguments of @command from the keyval @tree (borrowed), typed with
 * the server's schema, which is asked for on first use (qmp_args_type()).
 * Returns a new QDict.
 */
QDict *qmp_tool_type_args(QmpTool *tool, const char *command, QDict *tree);

/*
 * Execute @command with @args (taken; NULL for none), print the result
 * as pretty JSON on stdout, or report the error. Returns success.
 */
bool qmp_tool_execute(QmpTool *tool, const char *command, QDict *args);

/* Run the HMP @line, print its text with "\n" line ends. Returns success. */
bool qmp_tool_hmp(QmpTool *tool, const char *line);

/*
 * One line for @event (borrowed): its UTC timestamp, name and data,
 * "2024-01-02T03:04:05.000006Z STOP {...}". Returns a new string.
 */
char *qmp_tool_format_event(QDict *event);

/*
 * The interactive shell on stdin: util/readline when it is a terminal,
 * plain lines otherwise; with @events, events are printed as they come.
 * Returns the exit status: 0 at end of input, 1 if the connection failed.
 */
int qmp_shell_run(QmpTool *tool, bool events);

#endif /* CLIENT_KVMINI_QMP_H */
