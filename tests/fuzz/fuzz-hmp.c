/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-hmp.c: libFuzzer harness for the human monitor: bytes typed into
 * an HMP monitor (readline: line editing, history, completion; or plain
 * lines), and each line of the input run through human-monitor-command.
 *
 * The first input byte chooses readline or plain lines; the rest is what
 * the user types, fed in chunks whose sizes come from the data. Besides
 * the monitor's own commands, fuzz-only commands take every argument
 * type, so the argument parser sees it all. No command registered here can
 * end the process. The sanitizers catch memory errors and leaks; the
 * harness checks that human-monitor-command always returns text and that
 * the monitor still answers a known command at the end.
 */
#include "osdep.h"

#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "qapi-commands-control.h"
#include "qobject/qjson.h"
#include "util/error-report.h"
#include "util/qemu-option.h"
#include "util/readline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct FuzzConn {
    Monitor *mon;
    GString *out;
    bool accepting;
} FuzzConn;

static size_t fuzz_write(void *opaque, const char *buf, size_t len)
{
    FuzzConn *c = opaque;

    g_string_append_len(c->out, buf, len);
    return len;
}

static void fuzz_set_accept(void *opaque, bool on)
{
    FuzzConn *c = opaque;

    g_assert(on != c->accepting);
    c->accepting = on;
}

static const MonitorTransport fuzz_transport = {
    .write = fuzz_write,
    .set_accept_input = fuzz_set_accept,
};

/* Every fuzz command prints what it was given. */
static void hmp_fuzz_show(Monitor *mon, const QDict *qdict)
{
    g_autoptr(GString) json = qobject_to_json(QOBJECT(qdict));

    monitor_printf(mon, "%s\n", json->str);
}

static void complete_fuzz(ReadLineState *rs, int nb_args, const char *str)
{
    readline_set_completion_index(rs, strlen(str));
    if (g_str_has_prefix("fuzz-completion/", str)) {
        readline_add_completion(rs, "fuzz-completion/");
    }
    if (g_str_has_prefix("fuzz-word", str)) {
        readline_add_completion(rs, "fuzz-word");
        readline_add_completion(rs, "fuzz-words");
    }
}

static const HMPCommand fuzz_commands[] = {
    { "fs|f", "a:s,b:s?,rest:S?", "a [b [rest]]", "strings", hmp_fuzz_show,
      complete_fuzz },
    { "fi", "a:i,b:l?,c:M?", "a [b [c]]", "integers", hmp_fuzz_show },
    { "fo", "a:o,b:b?,c:F?,d:B?", "size [on|off] [file] [dev]", "others",
      hmp_fuzz_show },
    { "fflags", "x:-x,y:-ys,z:-z,id:s?", "[-x] [-y v] [-z] [id]", "flags",
      hmp_fuzz_show },
    { "fopts", "fuzz-opts:O", "[a=...]", "options", hmp_fuzz_show },
    { }
};

static const HMPCommand fuzz_info_commands[] = {
    { "fuzz", "n:i?", "[n]", "fuzz info", hmp_fuzz_show },
    { }
};

static QemuOptsList fuzz_opts = {
    .name = "fuzz-opts",
    .implied_opt_name = "a",
    .desc = {
        { .name = "a", .type = QEMU_OPT_STRING },
        { .name = "n", .type = QEMU_OPT_NUMBER },
        { .name = "s", .type = QEMU_OPT_SIZE },
        { }
    },
};

static void discard_print(void *opaque, const char *text)
{
}

static void fuzz_init(void)
{
    static bool done;

    if (done) {
        return;
    }
    done = true;
    qemu_add_opts(&fuzz_opts);
    hmp_register_commands(fuzz_commands);
    hmp_register_info_commands(fuzz_info_commands);
}

static void run_main_loop(void)
{
    while (g_main_context_iteration(NULL, false)) {
        continue;
    }
}

/* Each line of @data through human-monitor-command. */
static void fuzz_hmc(const uint8_t *data, size_t size)
{
    g_autofree char *text = g_strndup((const char *)data, size);
    g_auto(GStrv) lines = g_strsplit(text, "\n", 64);
    Error *err = NULL;
    char *out;
    int i;

    for (i = 0; lines[i]; i++) {
        out = qmp_human_monitor_command(lines[i], false, 0, &err);
        g_assert(out && !err);
        g_free(out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzConn c = { .out = g_string_new(NULL) };
    size_t pos = 1, n;

    fuzz_init();
    /* Nothing reaches stderr: reports go to the monitor, or nowhere. */
    error_set_printer(discard_print, NULL);
    c.mon = monitor_new_hmp(&fuzz_transport, &c, !size || !(data[0] & 1));
    monitor_opened(c.mon);
    while (pos < size) {
        run_main_loop();
        g_assert(monitor_can_receive(c.mon));
        n = MIN(1 + data[pos] % 64, size - pos);
        monitor_receive(c.mon, (const char *)data + pos, n);
        pos += n;
    }
    run_main_loop();
    /* Whatever came before, a new line runs a command. */
    g_string_truncate(c.out, 0);
    monitor_receive(c.mon, "\x15\ninfo version\n", 15);
    g_assert(strstr(c.out->str, "7.2.0 (kvmini "));
    monitor_free(c.mon);
    if (size) {
        fuzz_hmc(data + 1, size - 1);
    }
    error_set_printer(NULL, NULL);
    g_string_free(c.out, true);
    return 0;
}
