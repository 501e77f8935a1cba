/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp-cmds.c: the monitor's own HMP commands (help, info and the info
 * subcommands about the VM and the monitor), and human-monitor-command,
 * which runs HMP over QMP.
 */
#include "osdep.h"

#include "monitor-internal.h"
#include "qapi-commands-control.h"
#include "qapi-commands-machine.h"
#include "qapi-commands-run-state.h"
#include "util/error.h"
#include "util/readline.h"

bool hmp_handle_error(Monitor *mon, Error *err)
{
    if (!err) {
        return false;
    }
    monitor_printf(mon, "Error: %s\n", error_get_pretty(err));
    if (error_get_hint(err)) {
        monitor_puts(mon, error_get_hint(err));
    }
    error_free(err);
    return true;
}

/* "PREFIX NAME PARAMS -- HELP", as QEMU prints each command. */
static void help_one(Monitor *mon, const HMPCommand *cmd, char **prefix,
                     int nb_prefix)
{
    int i;

    for (i = 0; i < nb_prefix; i++) {
        monitor_printf(mon, "%s ", prefix[i]);
    }
    monitor_printf(mon, "%s %s -- %s\n", cmd->name, cmd->params, cmd->help);
}

/* The help of @words[@idx..] looked up in @table; all of it past the end. */
static void help_dump(Monitor *mon, const GPtrArray *table, char **words,
                      int nb_words, int idx)
{
    const HMPCommand *cmd;
    guint i;
    int j;

    if (idx >= nb_words) {
        for (i = 0; i < table->len; i++) {
            help_one(mon, g_ptr_array_index(table, i), words, idx);
        }
        return;
    }
    cmd = hmp_find_command(table, words[idx]);
    if (!cmd) {
        monitor_puts(mon, "unknown command: '");
        for (j = 0; j <= idx; j++) {
            monitor_printf(mon, "%s%s", words[j], j == idx ? "'\n" : " ");
        }
        return;
    }
    if (table == hmp_commands() && hmp_cmd_is_info(cmd)) {
        help_dump(mon, hmp_info_commands(), words, nb_words, idx + 1);
    } else {
        help_one(mon, cmd, words, idx);
    }
}

void hmp_help_cmd(Monitor *mon, const char *name)
{
    g_auto(GStrv) words = hmp_split_words(name ? name : "");

    if (words) {
        help_dump(mon, hmp_commands(), words, g_strv_length(words), 0);
    }
}

static void hmp_help(Monitor *mon, const QDict *qdict)
{
    hmp_help_cmd(mon, qdict_get_try_str(qdict, "name"));
}

static void hmp_info(Monitor *mon, const QDict *qdict)
{
    hmp_help_cmd(mon, "info");
}

static void hmp_info_status(Monitor *mon, const QDict *qdict)
{
    g_autoptr(StatusInfo) info = qmp_query_status(&error_abort);

    monitor_printf(mon, "VM status: %s%s", info->running ? "running" : "paused",
                   info->singlestep ? " (single step mode)" : "");
    /* "paused" says it all; other stopped states are named. */
    if (!info->running && RUN_STATE_PAUSED != info->status) {
        monitor_printf(mon, " (%s)", RunState_str(info->status));
    }
    monitor_puts(mon, "\n");
}

/*
 * QEMU prints the version then the package, glued ("7.2.0Debian ...");
 * kvmini puts its own name and version in parentheses, as -version does.
 */
static void hmp_info_version(Monitor *mon, const QDict *qdict)
{
    g_autoptr(VersionInfo) info = qmp_query_version(&error_abort);

    monitor_printf(mon, "%" PRId64 ".%" PRId64 ".%" PRId64 " (%s)\n",
                   info->qemu->major, info->qemu->minor, info->qemu->micro,
                   info->package);
}

static void hmp_info_name(Monitor *mon, const QDict *qdict)
{
    g_autoptr(NameInfo) info = qmp_query_name(&error_abort);

    if (info->name) {
        monitor_printf(mon, "%s\n", info->name);
    }
}

/* Only a monitor with readline has a history; the others print nothing. */
static void hmp_info_history(Monitor *mon, const QDict *qdict)
{
    ReadLineState *rs = monitor_hmp_readline(mon);
    const char *line;
    unsigned i;

    for (i = 0; rs && (line = readline_get_history(rs, i)); i++) {
        monitor_printf(mon, "%u: '%s'\n", i, line);
    }
}

const HMPCommand hmp_builtin_commands[] = {
    {
        .name = "help|?",
        .args_type = "name:S?",
        .params = "[cmd]",
        .help = "show the help",
        .cmd = hmp_help,
    },
    {
        .name = "info",
        .args_type = "item:s?",
        .params = "[subcommand]",
        .help = "show various information about the system state",
        .cmd = hmp_info,
    },
    { }
};

const HMPCommand hmp_builtin_info_commands[] = {
    {
        .name = "history",
        .args_type = "",
        .params = "",
        .help = "show the command line history",
        .cmd = hmp_info_history,
    },
    {
        .name = "name",
        .args_type = "",
        .params = "",
        .help = "show the current VM name",
        .cmd = hmp_info_name,
    },
    {
        .name = "status",
        .args_type = "",
        .params = "",
        .help = "show the current VM status (running|paused)",
        .cmd = hmp_info_status,
    },
    {
        .name = "version",
        .args_type = "",
        .params = "",
        .help = "show the version of kvmini",
        .cmd = hmp_info_version,
    },
    { }
};

char *qmp_human_monitor_command(const char *command_line, bool has_cpu_index,
                                int64_t cpu_index, Error **errp)
{
    Monitor *mon = monitor_hmp_new_scratch();
    char *out = NULL;

    if (has_cpu_index && !monitor_set_cpu_index(mon, cpu_index)) {
        error_setg(errp, "Parameter 'cpu-index' expects a CPU number");
    } else {
        hmp_handle_command(mon, command_line);
        out = monitor_hmp_take_output(mon);
    }
    monitor_free(mon);
    return out;
}
