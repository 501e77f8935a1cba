/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-chardev-backends.c: the file, pipe, null and ringbuf backends,
 * -chardev parsing errors, and the chardev QMP commands' errors.
 */
#include "osdep.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "chardev-test-fe.h"
#include "chardev/char-opts.h"
#include "monitor/qmp-cmds.h"
#include "qapi-commands-char.h"
#include "qobject/qjson.h"

static char *tmpdir;

static void assert_cmdline_error(const char *opts, const char *msg)
{
    Error *err = NULL;

    g_assert(!qemu_chr_new_from_cmdline(opts, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_cmdline_errors(void)
{
    assert_cmdline_error("null", "chardev: no id specified");
    assert_cmdline_error("bogus,id=a", "'bogus' is not a valid char driver name");
    assert_cmdline_error("null,id=1a", "Parameter 'id' expects an identifier");
    assert_cmdline_error("null,id=a,bogus=1", "Invalid parameter 'bogus'");
    assert_cmdline_error("file,id=a", "chardev: file: no filename given");
    assert_cmdline_error("pipe,id=a", "chardev: pipe: no device path given");
    assert_cmdline_error("ringbuf,id=a,size=1000",
                         "size of ringbuf chardev must be power of two");
    g_assert(qemu_chr_new_from_cmdline("null,id=a", &error_abort));
    assert_cmdline_error("null,id=a", "Chardev with id 'a' already exists");
    g_assert(qemu_chr_remove("a", &error_abort));
}

static void test_file(void)
{
    g_autofree char *path = g_build_filename(tmpdir, "out", NULL);
    g_autofree char *opts = g_strdup_printf("file,id=f,path=%s", path);
    g_autofree char *text = NULL;
    TestFe fe = { 0 };

    g_assert(g_file_set_contents(path, "old\n", -1, NULL));
    test_fe_attach(&fe, qemu_chr_new_from_cmdline(opts, &error_abort));
    g_assert_cmpstr(fe.events->str, ==, "O");
    g_assert_cmpstr(qemu_chr_find("f")->filename, ==, "file");
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"one\n", 4);
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("f", &error_abort));
    g_assert(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "one\n");

    g_free(opts);
    opts = g_strdup_printf("file,id=f,path=%s,append=on", path);
    test_fe_attach(&fe, qemu_chr_new_from_cmdline(opts, &error_abort));
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"two\n", 4);
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("f", &error_abort));
    g_free(text);
    g_assert(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "one\ntwo\n");
}

static void test_pipe(void)
{
    g_autofree char *base = g_build_filename(tmpdir, "p", NULL);
    g_autofree char *in = g_strdup_printf("%s.in", base);
    g_autofree char *out = g_strdup_printf("%s.out", base);
    g_autofree char *opts = g_strdup_printf("pipe,id=p,path=%s", base);
    g_autofree char *msg = g_strdup_printf(
        "Could not open '%s': No such file or directory", base);
    TestFe fe = { 0 };
    char buf[8] = "";
    int wfd, rfd;

    assert_cmdline_error(opts, msg);
    g_assert_cmpint(mkfifo(in, 0600), ==, 0);
    g_assert_cmpint(mkfifo(out, 0600), ==, 0);
    test_fe_attach(&fe, qemu_chr_new_from_cmdline(opts, &error_abort));
    g_assert_cmpstr(qemu_chr_find("p")->filename, ==, "pipe");
    wfd = open(in, O_WRONLY);
    rfd = open(out, O_RDONLY | O_NONBLOCK);
    g_assert_cmpint(write(wfd, "in", 2), ==, 2);
    test_fe_wait_input(&fe, 2);
    g_assert_cmpstr(fe.input->str, ==, "in");
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (const uint8_t *)"out", 3), ==, 3);
    g_assert_cmpint(read(rfd, buf, sizeof(buf)), ==, 3);
    g_assert_cmpstr(buf, ==, "out");
    close(wfd);
    close(rfd);
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("p", &error_abort));
    unlink(in);
    unlink(out);
}

static void test_null(void)
{
    TestFe fe = { 0 };

    test_fe_attach(&fe, qemu_chr_new_from_cmdline("null,id=n", &error_abort));
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (const uint8_t *)"x", 1), ==, 1);
    g_assert(!qemu_chr_fe_backend_open(&fe.be));
    g_assert_cmpstr(fe.events->str, ==, "");
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("n", &error_abort));
}

/* Run @json through the QMP command table; the response as JSON text. */
static char *dispatch(const char *json)
{
    g_autoptr(QDict) req = qobject_to(QDict, qobject_from_json(json,
                                                               &error_abort));
    g_autoptr(QDict) rsp = qmp_dispatch(monitor_qmp_commands(), QOBJECT(req),
                                        false, false);

    return g_string_free(qobject_to_json(QOBJECT(rsp)), FALSE);
}

static void assert_dispatch(const char *json, const char *expect)
{
    g_autofree char *got = dispatch(json);

    g_assert_cmpstr(got, ==, expect);
}

static void test_ringbuf(void)
{
    TestFe fe = { 0 };

    test_fe_attach(&fe, qemu_chr_new_from_cmdline("ringbuf,id=r,size=8",
                                                  &error_abort));
    /* The frontend's output fills the ring; the oldest bytes go. */
    qemu_chr_fe_write(&fe.be, (const uint8_t *)"0123456789", 10);
    assert_dispatch("{'execute': 'ringbuf-read', 'arguments': "
                    "{'device': 'r', 'size': 3}}", "{\"return\": \"234\"}");
    assert_dispatch("{'execute': 'ringbuf-read', 'arguments': "
                    "{'device': 'r', 'size': 100}}", "{\"return\": \"56789\"}");
    assert_dispatch("{'execute': 'ringbuf-read', 'arguments': "
                    "{'device': 'r', 'size': 100}}", "{\"return\": \"\"}");
    assert_dispatch("{'execute': 'ringbuf-write', 'arguments': "
                    "{'device': 'r', 'data': 'AAEC/w==', 'format': 'base64'}}",
                    "{\"return\": {}}");
    assert_dispatch("{'execute': 'ringbuf-read', 'arguments': "
                    "{'device': 'r', 'size': 8, 'format': 'base64'}}",
                    "{\"return\": \"AAEC/w==\"}");
    assert_dispatch("{'execute': 'ringbuf-write', 'arguments': "
                    "{'device': 'r', 'data': 'a=b=', 'format': 'base64'}}",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Base64 data contains invalid characters\"}}");
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("r", &error_abort));
}

static void test_qmp_errors(void)
{
    assert_dispatch("{'execute': 'chardev-add', 'arguments': {'id': 'm', "
                    "'backend': {'type': 'mux', 'data': {'chardev': 'zz'}}}}",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Failed to add chardev 'm': mux: base chardev zz not "
                    "found\"}}");
    assert_dispatch("{'execute': 'chardev-add', 'arguments': {'id': 'r', "
                    "'backend': {'type': 'memory', 'data': {'size': 0}}}}",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Failed to add chardev 'r': size of ringbuf chardev "
                    "must be power of two\"}}");
    assert_dispatch("{'execute': 'chardev-add', 'arguments': {'id': 'r', "
                    "'backend': {'type': 'memory', 'data': {}}}}",
                    "{\"return\": {}}");
    assert_dispatch("{'execute': 'query-chardev'}",
                    "{\"return\": [{\"label\": \"r\", \"filename\": "
                    "\"ringbuf\", \"frontend-open\": false}]}");
    assert_dispatch("{'execute': 'chardev-remove', 'arguments': {'id': 'r'}}",
                    "{\"return\": {}}");
    assert_dispatch("{'execute': 'chardev-remove', 'arguments': {'id': 'r'}}",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Chardev 'r' not found\"}}");
    assert_dispatch("{'execute': 'query-chardev-backends'}",
                    "{\"return\": [{\"name\": \"file\"}, {\"name\": \"mux\"}, "
                    "{\"name\": \"null\"}, {\"name\": \"pipe\"}, "
                    "{\"name\": \"ringbuf\"}, {\"name\": \"socket\"}, "
                    "{\"name\": \"stdio\"}, {\"name\": \"memory\"}]}");
}

static void test_logfile(void)
{
    g_autofree char *log = g_build_filename(tmpdir, "log", NULL);
    g_autofree char *opts = g_strdup_printf("null,id=l,logfile=%s", log);
    g_autofree char *text = NULL;
    TestFe fe = { 0 };

    assert_cmdline_error("null,id=l,logfile=/nonexistent/x",
                         "Could not create '/nonexistent/x': No such file or "
                         "directory");
    test_fe_attach(&fe, qemu_chr_new_from_cmdline(opts, &error_abort));
    qemu_chr_fe_write(&fe.be, (const uint8_t *)"one ", 4);
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"two", 3);
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("l", &error_abort));
    g_assert(g_file_get_contents(log, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "one two");
    unlink(log);
}

static void test_send_break(void)
{
    TestFe fe = { 0 };

    test_fe_attach(&fe, qemu_chr_new_from_cmdline("null,id=b", &error_abort));
    assert_dispatch("{'execute': 'chardev-send-break', 'arguments': "
                    "{'id': 'b'}}", "{\"return\": {}}");
    g_assert_cmpstr(fe.events->str, ==, "B");
    assert_dispatch("{'execute': 'chardev-send-break', 'arguments': "
                    "{'id': 'zz'}}", "{\"error\": {\"class\": "
                    "\"GenericError\", \"desc\": \"Chardev 'zz' not found\"}}");
    test_fe_detach(&fe);
    g_assert(qemu_chr_remove("b", &error_abort));
}

static void test_change(void)
{
    TestFe fe = { 0 };

    g_assert(qemu_chr_new_from_cmdline("null,id=c", &error_abort));
    assert_dispatch("{'execute': 'chardev-change', 'arguments': {'id': 'c', "
                    "'backend': {'type': 'ringbuf', 'data': {'size': 3}}}}",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"size of ringbuf chardev must be power of two\"}}");
    g_assert_cmpstr(qemu_chr_find("c")->filename, ==, "null");
    assert_dispatch("{'execute': 'chardev-change', 'arguments': {'id': 'c', "
                    "'backend': {'type': 'ringbuf', 'data': {}}}}",
                    "{\"return\": {}}");
    g_assert_cmpstr(qemu_chr_find("c")->filename, ==, "ringbuf");
    assert_dispatch("{'execute': 'chardev-change', 'arguments': {'id': 'zz', "
                    "'backend': {'type': 'null', 'data': {}}}}",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Chardev 'zz' does not exist\"}}");
    test_fe_attach(&fe, qemu_chr_find("c"));
    assert_dispatch("{'execute': 'chardev-change', 'arguments': {'id': 'c', "
                    "'backend': {'type': 'null', 'data': {}}}}",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Chardev user does not support chardev hotswap\"}}");
    test_fe_detach(&fe);
    g_assert(qemu_chr_new_from_cmdline("null,id=m,mux=on", &error_abort));
    assert_dispatch("{'execute': 'chardev-change', 'arguments': {'id': 'm', "
                    "'backend': {'type': 'null', 'data': {}}}}",
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Mux device hotswap not supported yet\"}}");
    qemu_chr_cleanup();
}

int main(int argc, char **argv)
{
    g_autofree char *out = NULL;
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("test-chardev-backends-XXXXXX", NULL);
    g_test_add_func("/chardev/backends/cmdline-errors", test_cmdline_errors);
    g_test_add_func("/chardev/backends/file", test_file);
    g_test_add_func("/chardev/backends/pipe", test_pipe);
    g_test_add_func("/chardev/backends/null", test_null);
    g_test_add_func("/chardev/backends/ringbuf", test_ringbuf);
    g_test_add_func("/chardev/backends/qmp-errors", test_qmp_errors);
    g_test_add_func("/chardev/backends/logfile", test_logfile);
    g_test_add_func("/chardev/backends/send-break", test_send_break);
    g_test_add_func("/chardev/backends/change", test_change);
    ret = g_test_run();
    qemu_chr_cleanup();
    out = g_build_filename(tmpdir, "out", NULL);
    unlink(out);
    rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
