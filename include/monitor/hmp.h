/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp.h: the human monitor's command tables. Each subsystem adds its
 * commands in its own file: a table of HMPCommand ending with an empty
 * entry, registered once at start-up with hmp_register_commands() or,
 * for `info` subcommands, hmp_register_info_commands(). A handler is a
 * thin wrapper: it calls the qmp_* C function QMP uses and prints the
 * result as QEMU's HMP does (docs/devel/hmp.md).
 */
#ifndef MONITOR_HMP_H
#define MONITOR_HMP_H

#include "qobject/qdict.h"

/* Run a command with its parsed arguments @qdict (borrowed). */
typedef void HMPCommandFunc(Monitor *mon, const QDict *qdict);

/*
 * Offer completions (readline_add_completion()) for the last word @str of
 * a command line that has @nb_args words counting the command's name,
 * after readline_set_completion_index(@rs, strlen(@str)).
 */
typedef void HMPCompletionFunc(ReadLineState *rs, int nb_args,
                               const char *str);

typedef struct HMPCommand {
    /* The name, then any aliases after '|': "help|?". */
    const char *name;
    /*
     * The arguments, comma-separated "key:TYPE" in QEMU's notation; a '?'
     * after TYPE makes the argument optional. TYPE is s (a word or a
     * "quoted string" with \n \r \\ \' \" escapes), F (a file name), B (a
     * block device name), S (the rest of the line), i (a 32-bit integer
     * expression), l (a 64-bit one), M (one in MiB), o (a size with an
     * optional K/M/G/T suffix, MiB by default), b (on or off), O (options
     * of the QemuOptsList named by key, as "a=1,b=2"), -x (the flag -x,
     * a bool) or -xs (the flag -x followed by a string).
     */
    const char *args_type;
    /* The arguments as `help` shows them: "[-f] device". */
    const char *params;
    /* One line of help. */
    const char *help;
    HMPCommandFunc *cmd;
    /* Completes the arguments, or NULL. */
    HMPCompletionFunc *complete;
} HMPCommand;

/*
 * Add the commands of @cmds (borrowed: must live for the process), an
 * array ending with an entry whose name is NULL. Names must be new.
 */
void hmp_register_commands(const HMPCommand *cmds);

/* Likewise, for subcommands of `info`. */
void hmp_register_info_commands(const HMPCommand *cmds);

/*
 * If @err (consumed) is set, print "Error: MESSAGE" (and its hint) to
 * @mon and return true; else return false.
 */
bool hmp_handle_error(Monitor *mon, Error *err);

#endif /* MONITOR_HMP_H */
