/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qmp-protocol.c: the QMP protocol of build/kvmini over its unix
 * sockets, byte for byte: greeting, negotiation, malformed input, id echo,
 * several monitors, events to all, clients leaving, floods, oob.
 */
#include "osdep.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "kvmini-proc.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"

#define GREETING "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, " \
    "\"minor\": 2, \"major\": 7}, \"package\": \"kvmini " KVMINI_VERSION \
    "\"}, \"capabilities\": [\"oob\"]}}"

/*
 * Connect to a QMP socket of @p (@second: the second one) and check the
 * greeting.
 */
static int raw_connect_to(KvminiProc *p, bool second)
{
    int fd = kvmini_proc_connect((second ? p->qmp2 : p->qmp) + strlen("unix:"));
    g_autofree char *line = kvmini_proc_read_line(fd);

    g_assert_cmpstr(line, ==, GREETING);
    return fd;
}

/* Send @req (a line) and return the next line that is not an event. */
static int raw_connect(KvminiProc *p)
{
    return raw_connect_to(p, false);
}

static char *raw_exchange(int fd, const char *req)
{
    char *line;

    kvmini_proc_write(fd, req);
    for (;;) {
        line = kvmini_proc_read_line(fd);
        g_assert(line);
        if (!g_str_has_prefix(line, "{\"timestamp\"")) {
            return line;
        }
        g_free(line);
    }
}

static void assert_exchange(int fd, const char *req, const char *rsp)
{
    g_autofree char *line = raw_exchange(fd, req);

    g_assert_cmpstr(line, ==, rsp);
}

static void test_greeting(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    int fd = raw_connect(p);

    close(fd);
}

static void test_negotiation(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    int fd = raw_connect(p);

    assert_exchange(fd, "{\"execute\": \"query-status\", \"id\": 1}\n",
                    "{\"id\": 1, \"error\": {\"class\": \"CommandNotFound\", "
                    "\"desc\": \"Expecting capabilities negotiation with "
                    "'qmp_capabilities'\"}}");
    assert_exchange(fd, "{\"execute\": \"qmp_capabilities\", "
                    "\"arguments\": {\"enable\": [\"bogus\"]}}\n",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Parameter 'enable[0]' does not accept value 'bogus'\"}}");
    assert_exchange(fd, "{\"execute\": \"qmp_capabilities\"}\n",
                    "{\"return\": {}}");
    assert_exchange(fd, "{\"execute\": \"qmp_capabilities\"}\n",
                    "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": "
                    "\"Capabilities negotiation is already complete, command "
                    "ignored\"}}");
    close(fd);
}

static void test_malformed(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    int fd = raw_connect(p);

    assert_exchange(fd, "{\"execute\": \"qmp_capabilities\"}\n",
                    "{\"return\": {}}");
    assert_exchange(fd, "\"hi\"\n", "{\"error\": {\"class\": \"GenericError\", "
                    "\"desc\": \"QMP input must be a JSON object\"}}");
    assert_exchange(fd, "{\"execute\": 1}\n",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"QMP input member 'execute' must be a string\"}}");
    assert_exchange(fd, "{\"execute\": \"nope\"}\n",
                    "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": "
                    "\"The command nope has not been found\"}}");
    assert_exchange(fd, "{\"execute\": \"query-status\", "
                    "\"arguments\": {\"x\": 1}}\n",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Parameter 'x' is unexpected\"}}");
    /* After all that, the session still works. */
    assert_exchange(fd, "{\"execute\": \"query-status\"}\n",
                    "{\"return\": {\"running\": true, \"singlestep\": false, "
                    "\"status\": \"running\"}}");
    close(fd);
}

static void test_id_echo(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    int fd = raw_connect(p);

    assert_exchange(fd, "{\"execute\": \"qmp_capabilities\", \"id\": \"a\"}\n",
                    "{\"return\": {}, \"id\": \"a\"}");
    assert_exchange(fd, "{\"execute\": \"query-name\", "
                    "\"id\": [1, {\"a\": 2}]}\n",
                    "{\"return\": {}, \"id\": [1, {\"a\": 2}]}");
    assert_exchange(fd, "{\"execute\": \"nope\", \"id\": 7}\n",
                    "{\"id\": 7, \"error\": {\"class\": \"CommandNotFound\", "
                    "\"desc\": \"The command nope has not been found\"}}");
    close(fd);
}

/* Two QMP monitors negotiate on their own, and both get the events. */
static void test_events_to_all(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    QmpClientOptions opts = { .timeout_ms = 10000 };
    g_autoptr(QmpClient) a = kvmini_proc_qmp(p, false);
    g_autoptr(QmpClient) b = qmp_client_connect(p->qmp2, &opts, &error_abort);
    g_autoptr(QDict) ev = NULL;
    Error *err = NULL;

    /* b has not negotiated: its commands are refused, a's work. */
    g_assert(!qmp_client_execute(b, "query-status", NULL, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Expecting capabilities negotiation with 'qmp_capabilities'");
    g_clear_pointer(&err, error_free);
    g_assert(qmp_client_negotiate(b, false, &error_abort));

    g_assert(qmp_client_execute(a, "stop", NULL, NULL, &error_abort));
    ev = qmp_client_wait_event(a, "STOP", 5000, &error_abort);
    qobject_unref(ev);
    ev = qmp_client_wait_event(b, "STOP", 5000, &error_abort);
    qobject_unref(ev);
    g_assert(qmp_client_execute(b, "cont", NULL, NULL, &error_abort));
    ev = qmp_client_wait_event(a, "RESUME", 5000, &error_abort);
    qobject_unref(ev);
    ev = qmp_client_wait_event(b, "RESUME", 5000, &error_abort);
}

/* A client leaving in the middle of a command does not hurt the next. */
static void test_disconnect_mid_command(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    g_autoptr(QmpClient) c = NULL;
    int fd, i;

    for (i = 0; i < 20; i++) {
        fd = raw_connect(p);
        kvmini_proc_write(fd, "{\"execute\": \"qmp_capabilities\"}\n"
                          "{\"execute\": \"query-status\"}\n{\"execute\": \"qu");
        close(fd);
    }
    c = kvmini_proc_qmp(p, false);
    g_assert(qmp_client_execute(c, "query-status", NULL, NULL, &error_abort));
}

/*
 * A client that sends without ever reading: kvmini stops reading from it
 * once its output is over the limit, so its memory stays bounded, and
 * other monitors keep working.
 */
static void test_flood(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    g_autoptr(QmpClient) c = NULL;
    g_autofree char *req = NULL;
    GString *batch = g_string_new(NULL);
    long rss_before, rss_after;
    int fd = raw_connect_to(p, true);
    int i, sent = 0;

    kvmini_proc_write(fd, "{\"execute\": \"qmp_capabilities\"}\n");
    for (i = 0; i < 1000; i++) {
        g_string_append(batch, "{\"execute\": \"query-qmp-schema\"}\n");
    }
    req = g_string_free(batch, FALSE);
    g_assert(fcntl(fd, F_SETFL, O_NONBLOCK) == 0);
    rss_before = kvmini_proc_rss_kib(p);
    /* Until kvmini stops reading: our socket buffer stays full. */
    for (i = 0; i < 2000; i++) {
        ssize_t n = send(fd, req, strlen(req), MSG_NOSIGNAL);

        if (0 > n) {
            g_assert_cmpint(errno, ==, EAGAIN);
            g_usleep(5 * 1000);
            continue;
        }
        sent += n;
    }
    rss_after = kvmini_proc_rss_kib(p);
    g_test_message("sent %d bytes; RSS %ld KiB -> %ld KiB", sent, rss_before,
                   rss_after);
    /* Each reply is ~100 KiB: without flow control this would be GiBs. */
    g_assert_cmpint(rss_after - rss_before, <, 64 * 1024);
    c = kvmini_proc_qmp(p, false);
    g_assert(qmp_client_execute(c, "query-status", NULL, NULL, &error_abort));
    close(fd);
}

static void test_oob(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, true);
    Error *err = NULL;
    int fd = raw_connect_to(p, true);

    g_assert(qmp_client_oob_enabled(c));
    g_assert(!qmp_client_execute_oob(c, "query-status", NULL, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "The command query-status does not support OOB");
    error_free(err);
    /* Without oob negotiated, exec-oob is refused. */
    assert_exchange(fd, "{\"execute\": \"qmp_capabilities\"}\n",
                    "{\"return\": {}}");
    assert_exchange(fd, "{\"exec-oob\": \"query-status\"}\n",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"QMP input member 'exec-oob' is unexpected\"}}");
    close(fd);
}

static void test_socket_mode(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    struct stat st;

    g_assert_cmpint(stat(p->hmp_path, &st), ==, 0);
    g_assert_cmpint(st.st_mode & 07777, ==, 0600);
    g_assert_cmpint(stat(p->qmp + strlen("unix:"), &st), ==, 0);
    g_assert_cmpint(st.st_mode & 07777, ==, 0600);
}

static void test_quit(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, false);
    g_autoptr(QDict) ev = NULL;

    g_assert(qmp_client_execute(c, "quit", NULL, NULL, &error_abort));
    ev = qmp_client_wait_event(c, "SHUTDOWN", 5000, &error_abort);
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(ev, "data"), "reason"), ==,
                    "host-qmp-quit");
    g_assert(kvmini_proc_wait(p, 5000));
    g_assert(WIFEXITED(p->status));
    g_assert_cmpint(WEXITSTATUS(p->status), ==, 0);
    /* The socket files went with it. */
    g_assert(!g_file_test(p->hmp_path, G_FILE_TEST_EXISTS));
}

static void test_sigterm(void)
{
    g_autoptr(KvminiProc) p = kvmini_proc_start(NULL);
    g_autoptr(QmpClient) c = kvmini_proc_qmp(p, false);
    g_autoptr(QDict) ev = NULL;

    g_assert_cmpint(kill(p->pid, SIGTERM), ==, 0);
    ev = qmp_client_wait_event(c, "SHUTDOWN", 5000, &error_abort);
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(ev, "data"), "reason"), ==,
                    "host-signal");
    g_assert(kvmini_proc_wait(p, 5000));
    g_assert(WIFEXITED(p->status));
    g_assert_cmpint(WEXITSTATUS(p->status), ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp/protocol/greeting", test_greeting);
    g_test_add_func("/qmp/protocol/negotiation", test_negotiation);
    g_test_add_func("/qmp/protocol/malformed", test_malformed);
    g_test_add_func("/qmp/protocol/id-echo", test_id_echo);
    g_test_add_func("/qmp/protocol/events-to-all", test_events_to_all);
    g_test_add_func("/qmp/protocol/disconnect-mid-command",
                    test_disconnect_mid_command);
    g_test_add_func("/qmp/protocol/flood", test_flood);
    g_test_add_func("/qmp/protocol/oob", test_oob);
    g_test_add_func("/qmp/protocol/socket-mode", test_socket_mode);
    g_test_add_func("/qmp/protocol/quit", test_quit);
    g_test_add_func("/qmp/protocol/sigterm", test_sigterm);
    return g_test_run();
}
