/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvmini-qmp.c: main() of kvmini-qmp, the command-line QMP client: the
 * options, then one command or the interactive shell (qmp-shell.c).
 */
#include "osdep.h"

#include <getopt.h>
#include <math.h>

#include "util/error.h"
#include "util/error-report.h"
#include "kvmini-qmp.h"

static const char usage_text[] =
"Usage: kvmini-qmp [OPTION]... SOCKET [CMD [KEY=VALUE]...]\n"
"Send the QMP command CMD to the server at SOCKET and print its result as\n"
"pretty JSON. Without CMD, read commands from an interactive shell.\n"
"\n"
"SOCKET is the path of a unix socket (or unix:PATH), or tcp:HOST:PORT:\n"
"what kvmini's (or QEMU's) -qmp option listens on.\n"
"\n"
"Options:\n"
"  -H, --hmp            CMD and its words (each line, in the shell) are an\n"
"                       HMP command line, run with human-monitor-command;\n"
"                       its text is printed as it is\n"
"  -e, --events         print events as they arrive, one line each:\n"
"                       UTC timestamp, name, data\n"
"  -j, --json=JSON      the arguments of CMD as one JSON object\n"
"  -t, --timeout=SECS   how long to wait for the server (default 30;\n"
"                       0 waits forever)\n"
"      --oob            negotiate out-of-band execution and send commands\n"
"                       with exec-oob\n"
"  -h, --help           print this help and exit\n"
"  -V, --version        print the version and exit\n"
"\n"
"Arguments: each KEY=VALUE word sets one member; dotted keys nest\n"
"(a.b=1 gives {\"a\": {\"b\": 1}}), numbered ones make lists (l.0=x l.1=y).\n"
"Values are typed with the server's schema (query-qmp-schema): integers\n"
"(decimal or 0x hex), numbers, booleans (on/off, yes/no, true/false), null.\n"
"Where the schema says nothing, true, false, null and JSON numbers are\n"
"typed and the rest are strings. Use -j for anything else.\n"
"\n"
"The shell reads \"CMD [KEY=VALUE]...\" or \"CMD {JSON}\" lines; on a\n"
"terminal it edits lines (Ctrl-A/E/K/U/W, arrows), keeps a history\n"
"(Up/Down) and completes command names (Tab). Ctrl-C drops the line,\n"
"Ctrl-D ends the shell.\n"
"\n"
"Exit status: 0 on success, 1 on any error (printed on one line).\n";

typedef struct Options {
    bool hmp;
    bool events;
    bool oob;
    const char *json;
    int64_t timeout_ms;         /* as QmpClientOptions */
    const char *address;
    char **cmd;                 /* CMD and its words; empty: the shell */
} Options;

/* -t SECS: 0 is forever (-1 ms), anything else at least 1 ms. */
static bool parse_timeout(const char *text, int64_t *timeout_ms)
{
    char *end;
    double secs;

    errno = 0;
    secs = g_ascii_strtod(text, &end);
    if (!*text || *end || errno || !isfinite(secs) || secs < 0 ||
        1e9 < secs) {
        error_report("invalid timeout '%s', expected seconds", text);
        return false;
    }
    *timeout_ms = secs ? MAX((int64_t)(secs * 1000), 1) : -1;
    return true;
}

/* Returns 0 to go on, 1 after an error, -1 after --help or --version. */
static int parse_options(int argc, char **argv, Options *opts)
{
    enum { OPT_OOB = 256 };
    static const struct option longopts[] = {
        { "hmp", no_argument, NULL, 'H' },
        { "events", no_argument, NULL, 'e' },
        { "json", required_argument, NULL, 'j' },
        { "timeout", required_argument, NULL, 't' },
        { "oob", no_argument, NULL, OPT_OOB },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { },
    };
    int c;

    /* '+': options end at SOCKET; ':': a missing argument is ':'. */
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:Hej:t:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'H':
            opts->hmp = true;
            break;
        case 'e':
            opts->events = true;
            break;
        case 'j':
            opts->json = optarg;
            break;
        case 't':
            if (!parse_timeout(optarg, &opts->timeout_ms)) {
                return 1;
            }
            break;
        case OPT_OOB:
            opts->oob = true;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return -1;
        case 'V':
            printf("kvmini-qmp %s\n", KVMINI_VERSION);
            return -1;
        case ':':
            error_report("option '%s' needs an argument", argv[optind - 1]);
            return 1;
        default:
            error_report("unknown option '%s' (try --help)", argv[optind - 1]);
            return 1;
        }
    }
    if (optind == argc) {
        error_report("no SOCKET given (try --help)");
        return 1;
    }
    opts->address = argv[optind];
    opts->cmd = argv + optind + 1;
    return 0;
}

/*
 * The arguments the command line gives CMD, checked before connecting:
 * *@json from -j, or the keyval *@tree of its KEY=VALUE words.
 */
static bool parse_arguments(const Options *opts, QDict **json, QDict **tree)
{
    Error *err = NULL;

    if (opts->json && (opts->hmp || !opts->cmd[0] || opts->cmd[1])) {
        error_report("-j needs a QMP command and no KEY=VALUE arguments");
        return false;
    }
    if (opts->json) {
        *json = qmp_tool_parse_json(opts->json, &err);
        if (!*json) {
            error_reportf_err(err, "-j: ");
            return false;
        }
    } else if (!opts->hmp && opts->cmd[0] && opts->cmd[1]) {
        *tree = qmp_args_parse(opts->cmd + 1, &err);
        if (!*tree) {
            error_report_err(err);
            return false;
        }
    }
    return true;
}

/* QmpClientEventFunc: print the event on one line. */
static void print_event(void *opaque, QDict *event)
{
    g_autofree char *text = qmp_tool_format_event(event);

    printf("%s\n", text);
    fflush(stdout);
}

/* Run the command of the command line. */
static bool run_command(QmpTool *tool, const Options *opts, QDict *json,
                        QDict *tree)
{
    g_autofree char *line = NULL;

    if (opts->events) {
        qmp_client_set_event_handler(tool->client, print_event, NULL);
    }
    if (opts->hmp) {
        line = g_strjoinv(" ", opts->cmd);
        return qmp_tool_hmp(tool, line);
    }
    if (tree) {
        json = qmp_tool_type_args(tool, opts->cmd[0], tree);
    }
    return qmp_tool_execute(tool, opts->cmd[0], json);
}

int main(int argc, char **argv)
{
    Options opts = { 0 };
    QmpClientOptions client_opts = { 0 };
    QmpTool tool = { 0 };
    g_autoptr(QDict) tree = NULL;
    QDict *json = NULL;
    Error *err = NULL;
    int status;

    error_set_progname("kvmini-qmp");
    status = parse_options(argc, argv, &opts);
    if (status) {
        return MAX(status, 0);
    }
    if (!parse_arguments(&opts, &json, &tree)) {
        return 1;
    }
    client_opts.timeout_ms = opts.timeout_ms;
    tool.client = qmp_client_connect(opts.address, &client_opts, &err);
    if (!tool.client || !qmp_client_negotiate(tool.client, opts.oob, &err)) {
        error_report_err(err);
        qmp_client_free(tool.client);
        qobject_unref(json);
        return 1;
    }
    tool.hmp = opts.hmp;
    tool.oob = opts.oob;
    if (opts.cmd[0]) {
        status = run_command(&tool, &opts, json, tree) ? 0 : 1;
    } else {
        status = qmp_shell_run(&tool, opts.events);
    }
    qmp_client_free(tool.client);
    qmp_schema_free(tool.schema);
    return status;
}
