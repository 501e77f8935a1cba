/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-qmp.c: libFuzzer harness for the QMP server engine: bytes in
 * through monitor_receive() on a QMP monitor with a fake transport,
 * responses out.
 *
 * The first input byte chooses the conditions (see FuzzMode); the rest is
 * what the client sends, fed in chunks whose sizes come from the data,
 * with the main loop run between chunks so in-band commands execute, and
 * input withheld while the monitor does not accept it. Every complete
 * message the monitor sends must be a JSON object shaped like a greeting,
 * a response or an event; leaks and memory errors are the sanitizers'.
 */
#include "osdep.h"

#include "monitor/monitor.h"
#include "monitor/qmp-cmds.h"
#include "qobject/json-parser.h"
#include "qobject/qjson.h"
#include "qobject/qstring.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bits of the first byte. */
enum FuzzMode {
    FUZZ_PRETTY = 1 << 0,       /* indented JSON */
    FUZZ_SLOW_READER = 1 << 1,  /* the transport takes a few bytes a time */
    FUZZ_RECONNECT = 1 << 2,    /* a new client halfway through */
    FUZZ_BREAK = 1 << 3,        /* a write finds the connection broken */
};

typedef struct FuzzConn {
    Monitor *mon;
    unsigned mode;
    GString *session;           /* what this client received */
    bool accepting;
    unsigned writes;
    bool break_next_write;
    bool broken;                /* the connection broke: reconnect */
} FuzzConn;

static size_t fuzz_write(void *opaque, const char *buf, size_t len)
{
    FuzzConn *c = opaque;

    c->writes++;
    if (c->break_next_write) {
        c->break_next_write = false;
        c->broken = true;
        monitor_closed(c->mon);
        return 0;
    }
    if (c->mode & FUZZ_SLOW_READER) {
        len = MIN(len, c->writes % 7);
    }
    g_string_append_len(c->session, buf, len);
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

/* A message must look like a greeting, a response or an event. */
static void check_message(void *opaque, QObject *obj, Error *err)
{
    QDict *msg = qobject_to(QDict, obj);
    QDict *error;

    g_assert(!err && msg);
    if (qdict_haskey(msg, "QMP")) {
        g_assert(1 == qdict_size(msg));
    } else if (qdict_haskey(msg, "event")) {
        g_assert(qdict_get_qdict(msg, "timestamp"));
        g_assert(qdict_get_try_str(msg, "event"));
    } else if (qdict_haskey(msg, "error")) {
        error = qdict_get_qdict(msg, "error");
        g_assert(error && qdict_get_try_str(error, "class"));
        g_assert(qdict_get_try_str(error, "desc"));
        g_assert(qdict_size(msg) <= 2 && !qdict_haskey(msg, "return"));
    } else {
        g_assert(qdict_haskey(msg, "return"));
        g_assert(qdict_size(msg) == 1 + qdict_haskey(msg, "id"));
    }
    qobject_unref(obj);
}

/*
 * Check what one client received. A client cut off may have half a
 * message at the end, which is left unparsed.
 */
static void check_session(GString *session, bool cut)
{
    g_autoptr(JSONMessageParser) parser = NULL;

    parser = json_message_parser_new(check_message, NULL, NULL);
    json_message_parser_feed(parser, session->str, session->len);
    if (!cut) {
        json_message_parser_flush(parser);
    }
    g_string_truncate(session, 0);
}

static void run_main_loop(void)
{
    while (g_main_context_iteration(NULL, false)) {
        continue;
    }
}

/* A new client, after checking what the last one received. */
static void reconnect(FuzzConn *c)
{
    monitor_closed(c->mon);
    check_session(c->session, true);
    c->broken = false;
    monitor_opened(c->mon);
}

/*
 * Let the client read and the server work until input is accepted; a slow
 * reader speeds up after a while, a broken connection gets a new client.
 */
static void wait_for_input(FuzzConn *c)
{
    int i;

    for (i = 0; !monitor_can_receive(c->mon); i++) {
        g_assert(i < 1000);
        if (c->broken) {
            reconnect(c);
        }
        if (100 == i) {
            c->mode &= ~FUZZ_SLOW_READER;
        }
        monitor_flush(c->mon);
        run_main_loop();
    }
}

/* An allow-oob command for exec-oob to reach, kept out of the binary. */
static void qmp_marshal_x_oob_test(QDict *args, QObject **ret, Error **errp)
{
    *ret = QOBJECT(qdict_new());
}

static void fuzz_init(void)
{
    static bool done;

    if (done) {
        return;
    }
    done = true;
    qmp_register_command(monitor_qmp_commands(), "x-oob-test",
                         qmp_marshal_x_oob_test, QCO_ALLOW_OOB, 0);
    /* Nothing the client sends may end the process. */
    qmp_disable_command(monitor_qmp_commands(), "quit", "fuzzing");
    /*
     * Nor touch the host: these open files and sockets at paths the input
     * names, or allocate (and with prealloc, touch) as much memory as it
     * asks for. Their argument checking is still reached through the
     * visitors of the other commands; their own tests are unit tests.
     */
    qmp_disable_command(monitor_qmp_commands(), "chardev-add", "fuzzing");
    qmp_disable_command(monitor_qmp_commands(), "chardev-change", "fuzzing");
    qmp_disable_command(monitor_qmp_commands(), "object-add", "fuzzing");
    qmp_disable_command(monitor_qmp_commands(), "human-monitor-command",
                        "fuzzing (fuzz-hmp covers HMP)");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzConn c = { .session = g_string_new(NULL) };
    size_t pos = 1, n;

    fuzz_init();
    c.mode = size ? data[0] : 0;
    c.mon = monitor_new_qmp(&fuzz_transport, &c, c.mode & FUZZ_PRETTY);
    monitor_opened(c.mon);
    while (pos < size) {
        if ((c.mode & FUZZ_RECONNECT) && pos > size / 2) {
            c.mode &= ~FUZZ_RECONNECT;
            reconnect(&c);
        }
        if ((c.mode & FUZZ_BREAK) && pos > size / 3) {
            c.mode &= ~FUZZ_BREAK;
            c.break_next_write = true;
        }
        wait_for_input(&c);
        n = MIN(1 + data[pos] % monitor_can_receive(c.mon), size - pos);
        monitor_receive(c.mon, (const char *)data + pos, n);
        pos += n;
        if (data[pos - 1] & 1) {
            run_main_loop();
        }
    }
    /* Everything is answered and read. */
    c.mode &= ~FUZZ_SLOW_READER;
    wait_for_input(&c);
    monitor_flush(c.mon);
    run_main_loop();
    check_session(c.session, c.broken);
    monitor_free(c.mon);
    run_main_loop();
    g_string_free(c.session, true);
    return 0;
}
