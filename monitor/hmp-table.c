/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp-table.c: the registry of HMP commands (top-level and `info`), which
 * every subsystem extends with its own table; looking commands up, and Tab
 * completion of command names, `info` subcommands, command names after
 * `help`, and whatever a command's own completion callback offers.
 */
#include "osdep.h"

#include "monitor-internal.h"
#include "util/readline.h"

/* const HMPCommand *, borrowed, sorted by name; main thread only. */
static GPtrArray *top_table;
static GPtrArray *info_table;

bool hmp_cmd_matches(const HMPCommand *cmd, const char *name)
{
    const char *p = cmd->name, *end;
    size_t len = strlen(name);

    for (;;) {
        end = strchrnul(p, '|');
        if ((size_t)(end - p) == len && !memcmp(p, name, len)) {
            return true;
        }
        if (!*end) {
            return false;
        }
        p = end + 1;
    }
}

const HMPCommand *hmp_find_command(const GPtrArray *table, const char *name)
{
    const HMPCommand *cmd;
    guint i;

    for (i = 0; i < table->len; i++) {
        cmd = g_ptr_array_index(table, i);
        if (hmp_cmd_matches(cmd, name)) {
            return cmd;
        }
    }
    return NULL;
}

static gint hmp_cmd_compare(gconstpointer a, gconstpointer b)
{
    const HMPCommand *x = *(const HMPCommand *const *)a;
    const HMPCommand *y = *(const HMPCommand *const *)b;

    return strcmp(x->name, y->name);
}

/* Add @cmds to @table; each name and alias must be new there. */
static void hmp_table_add(GPtrArray *table, const HMPCommand *cmds)
{
    g_auto(GStrv) names = NULL;
    int i;

    for (; cmds->name; cmds++) {
        names = g_strsplit(cmds->name, "|", -1);
        for (i = 0; names[i]; i++) {
            g_assert(!hmp_find_command(table, names[i]));
        }
        g_clear_pointer(&names, g_strfreev);
        g_ptr_array_add(table, (gpointer)cmds);
    }
    g_ptr_array_sort(table, hmp_cmd_compare);
}

static void hmp_tables_init(void)
{
    if (!top_table) {
        top_table = g_ptr_array_new();
        info_table = g_ptr_array_new();
        hmp_table_add(top_table, hmp_builtin_commands);
        hmp_table_add(info_table, hmp_builtin_info_commands);
        hmp_table_add(top_table, hmp_run_commands);
        hmp_table_add(info_table, hmp_run_info_commands);
        hmp_table_add(top_table, hmp_qom_commands);
    }
}

void hmp_register_commands(const HMPCommand *cmds)
{
    hmp_tables_init();
    hmp_table_add(top_table, cmds);
}

void hmp_register_info_commands(const HMPCommand *cmds)
{
    hmp_tables_init();
    hmp_table_add(info_table, cmds);
}

GPtrArray *hmp_commands(void)
{
    hmp_tables_init();
    return top_table;
}

GPtrArray *hmp_info_commands(void)
{
    hmp_tables_init();
    return info_table;
}

bool hmp_cmd_is_info(const HMPCommand *cmd)
{
    return !strcmp(cmd->name, "info");
}

/* A quoted string: "...", with \n \r \\ \' \" escapes. */
static bool hmp_get_quoted(const char **pp, GString *out)
{
    const char *p = *pp + 1;

    while (*p && '"' != *p) {
        if ('\\' != *p) {
            g_string_append_c(out, *p++);
            continue;
        }
        switch (p[1]) {
        case 'n':
            g_string_append_c(out, '\n');
            break;
        case 'r':
            g_string_append_c(out, '\r');
            break;
        case '\\':
        case '\'':
        case '"':
            g_string_append_c(out, p[1]);
            break;
        default:
            return false;
        }
        p += 2;
    }
    if ('"' != *p) {
        return false;
    }
    *pp = p + 1;
    return true;
}

bool hmp_get_word(const char **pp, char **word)
{
    g_autoptr(GString) out = g_string_new(NULL);
    const char *p = *pp;

    *word = NULL;
    while (g_ascii_isspace(*p)) {
        p++;
    }
    if (!*p) {
        *pp = p;
        return false;
    }
    if ('"' == *p) {
        if (!hmp_get_quoted(&p, out)) {
            return false;
        }
    } else {
        while (*p && !g_ascii_isspace(*p)) {
            g_string_append_c(out, *p++);
        }
    }
    *pp = p;
    *word = g_string_free(g_steal_pointer(&out), false);
    return true;
}

char **hmp_split_words(const char *cmdline)
{
    GPtrArray *words = g_ptr_array_new();
    const char *p = cmdline;
    char *word;

    for (;;) {
        while (g_ascii_isspace(*p)) {
            p++;
        }
        if (!*p) {
            break;
        }
        if (!hmp_get_word(&p, &word)) {
            g_ptr_array_set_free_func(words, g_free);
            g_ptr_array_free(words, true);
            return NULL;
        }
        g_ptr_array_add(words, word);
    }
    g_ptr_array_add(words, NULL);
    return (char **)g_ptr_array_free(words, false);
}

/* Offer every name and alias in @table starting with @prefix, sorted. */
static void complete_names(ReadLineState *rs, const GPtrArray *table,
                           const char *prefix)
{
    g_autoptr(GPtrArray) cands = g_ptr_array_new_with_free_func(g_free);
    const HMPCommand *cmd;
    g_auto(GStrv) names = NULL;
    guint i;
    int j;

    readline_set_completion_index(rs, strlen(prefix));
    for (i = 0; i < table->len; i++) {
        cmd = g_ptr_array_index(table, i);
        names = g_strsplit(cmd->name, "|", -1);
        for (j = 0; names[j]; j++) {
            g_ptr_array_add(cands, g_steal_pointer(&names[j]));
        }
        g_clear_pointer(&names, g_strfreev);
    }
    hmp_offer_sorted(rs, cands, prefix);
}

/* Complete the last of the @nb_args @words, which start in @table. */
static void complete_in_table(ReadLineState *rs, const GPtrArray *table,
                              char **words, int nb_args)
{
    const HMPCommand *cmd;

    if (nb_args <= 1) {
        complete_names(rs, table, nb_args ? words[0] : "");
        return;
    }
    cmd = hmp_find_command(table, words[0]);
    if (!cmd) {
        return;
    }
    if (table == hmp_commands() && hmp_cmd_is_info(cmd)) {
        complete_in_table(rs, hmp_info_commands(), words + 1, nb_args - 1);
    } else if (cmd->complete) {
        cmd->complete(rs, nb_args, words[nb_args - 1]);
    } else if (hmp_cmd_matches(cmd, "help")) {
        /* `help` takes a command line: complete it like one. */
        complete_in_table(rs, table, words + 1, nb_args - 1);
    }
}

void hmp_complete(void *opaque, const char *cmdline)
{
    ReadLineState *rs = monitor_hmp_readline(opaque);
    g_auto(GStrv) words = hmp_split_words(cmdline);
    size_t len = strlen(cmdline);
    int nb_args;

    if (!words) {
        return;
    }
    nb_args = g_strv_length(words);
    /* After a space, the word to complete is a new, empty one. */
    if (len && g_ascii_isspace(cmdline[len - 1])) {
        words = g_renew(char *, words, nb_args + 2);
        words[nb_args++] = g_strdup("");
        words[nb_args] = NULL;
    }
    complete_in_table(rs, hmp_commands(), words, nb_args);
}
