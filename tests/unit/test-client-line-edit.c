/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-line-edit.c: kvmini-qmp's line editor, fed the bytes a
 * terminal sends: the lines that come out, and what the terminal is told
 * to show.
 */
#include "osdep.h"

#include "line-edit.h"

/* LineEditWrite: collect the output in the GString @opaque. */
static void collect(void *opaque, const char *text)
{
    g_string_append(opaque, text);
}

typedef struct Editor {
    LineEdit *le;
    GString *out;
} Editor;

static Editor editor_new(void)
{
    static char *words[] = {
        "query-status", "query-name", "quit", "stop", "system_reset", NULL,
    };
    Editor ed = { .out = g_string_new(NULL) };

    ed.le = line_edit_new("(qmp) ", collect, ed.out);
    line_edit_set_words(ed.le, words);
    return ed;
}

static void editor_free(Editor *ed)
{
    line_edit_free(ed->le);
    g_string_free(ed->out, true);
}

/*
 * Feed @keys, which must end the line exactly at their end; return the
 * line (new string).
 */
static char *edit(Editor *ed, const char *keys)
{
    size_t i, len = strlen(keys);

    for (i = 0; i + 1 < len; i++) {
        g_assert_cmpint(line_edit_feed(ed->le, keys[i]), ==, LINE_EDIT_MORE);
    }
    g_assert_cmpint(line_edit_feed(ed->le, keys[i]), ==, LINE_EDIT_LINE);
    return line_edit_take_line(ed->le);
}

/* Feed @keys and check the line they make. */
static void check_edit(Editor *ed, const char *keys, const char *want)
{
    g_autofree char *line = edit(ed, keys);

    g_assert_cmpstr(line, ==, want);
}

static void test_keys(void)
{
    Editor ed = editor_new();

    check_edit(&ed, "query-status\r", "query-status");
    check_edit(&ed, "\n", "");
    /* Left, insert; Right; Backspace and Ctrl-H; Delete and Ctrl-D. */
    check_edit(&ed, "ac\033[Db\033[C!\177\r", "abc");
    check_edit(&ed, "abcd\010\033[D\033[3~\r", "ab");
    check_edit(&ed, "abc\002\002\004\r", "ac");
    /* Home and End in their different spellings, Ctrl-A and Ctrl-E. */
    check_edit(&ed, "bc\001a\005d\r", "abcd");
    check_edit(&ed, "bc\033[Ha\033[Fd\r", "abcd");
    check_edit(&ed, "bc\033OHa\033OFd\r", "abcd");
    check_edit(&ed, "bc\033[1~a\033[4~d\r", "abcd");
    check_edit(&ed, "bc\033[7~a\033[8~d\006\r", "abcd");
    /* Ctrl-K, Ctrl-U, Ctrl-W; unknown sequences do nothing. */
    check_edit(&ed, "abcdef\033[D\033[D\013\r", "abcd");
    check_edit(&ed, "abcdef\033[D\033[D\025\r", "ef");
    check_edit(&ed, "stop now  \027later\r", "stop later");
    check_edit(&ed, "a\033[1;5Cb\033[Zc\033xd\r", "abcd");
    /* Ctrl-C drops the line; the next one starts afresh. */
    check_edit(&ed, "junk\003ok\r", "ok");
    /* Control characters and DEL on an empty line do nothing. */
    check_edit(&ed, "\177\010\013\025\027\001\005x\r", "x");
    editor_free(&ed);
}

static void test_eof(void)
{
    Editor ed = editor_new();

    g_assert_cmpint(line_edit_feed(ed.le, 'x'), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, 0x04), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, 0x04), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, 0x01), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, 0x04), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, 0x04), ==, LINE_EDIT_EOF);
    editor_free(&ed);
}

static void test_history(void)
{
    Editor ed = editor_new();
    int i;

    check_edit(&ed, "one\r", "one");
    check_edit(&ed, "two\r", "two");
    check_edit(&ed, "two\r", "two");
    check_edit(&ed, "\r", "");
    /* Repeats and empty lines are not kept. */
    check_edit(&ed, "\033[A\r", "two");
    /* "one" again joins the history: it differs from the last line. */
    check_edit(&ed, "\033[A\033[A\r", "one");
    /* Up past the oldest stays there; Ctrl-P and Ctrl-N walk too. */
    check_edit(&ed, "\033[A\033[A\033[A\033[A\r", "one");
    check_edit(&ed, "\020\020\020\016\r", "two");
    /* Down past the newest gives back the line being typed. */
    check_edit(&ed, "new\033[A\033[A\033[B\033[B\r", "new");
    check_edit(&ed, "\033[A\033[B\033[B\r", "");
    /* An edited history line is a new line. */
    check_edit(&ed, "\033[A\033[A\177\177\177x\r", "x");
    check_edit(&ed, "\033[A\033[A\r", "new");

    for (i = 0; i < LINE_EDIT_HISTORY_MAX + 5; i++) {
        g_autofree char *keys = g_strdup_printf("l%d\r", i);
        g_autofree char *line = edit(&ed, keys);
    }
    /* The oldest lines made room for the newest. */
    check_edit(&ed, "\033[A\r", "l104");
    for (i = 0; i < LINE_EDIT_HISTORY_MAX + 5; i++) {
        g_assert_cmpint(line_edit_feed(ed.le, 0x10), ==, LINE_EDIT_MORE);
    }
    check_edit(&ed, "\r", "l5");
    editor_free(&ed);
}

static void test_completion(void)
{
    Editor ed = editor_new();

    check_edit(&ed, "st\t\r", "stop ");
    check_edit(&ed, "query-s\tx\r", "query-status x");
    check_edit(&ed, "sys\t\r", "system_reset ");
    /* Only the first word completes; no match rings the bell. */
    check_edit(&ed, "stop st\t\r", "stop st");
    check_edit(&ed, "x\t\r", "x");

    /* Several matches: as far as they agree, then a list. */
    g_string_truncate(ed.out, 0);
    check_edit(&ed, "qu\t\r", "qu");
    g_assert_cmpstr(ed.out->str, ==,
                    "\r(qmp) q\033[K"
                    "\r(qmp) qu\033[K"
                    "\r\nquery-status  query-name  quit\r\n"
                    "\r(qmp) qu\033[K"
                    "\r\n");
    check_edit(&ed, "que\t\r", "query-");
    editor_free(&ed);
}

/* What the terminal is told: the whole line redrawn, cursor put back. */
static void test_output(void)
{
    Editor ed = editor_new();
    g_autofree char *line = NULL;

    line_edit_show(ed.le);
    g_assert_cmpint(line_edit_feed(ed.le, 'a'), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, 'b'), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, 0x02), ==, LINE_EDIT_MORE);
    /* An escape sequence redraws once, when it is complete. */
    g_assert_cmpint(line_edit_feed(ed.le, 0x1b), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, '['), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, 'D'), ==, LINE_EDIT_MORE);
    line_edit_hide(ed.le);
    line_edit_show(ed.le);
    g_assert_cmpint(line_edit_feed(ed.le, 0x07), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, 0x03), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, 'x'), ==, LINE_EDIT_MORE);
    g_assert_cmpint(line_edit_feed(ed.le, '\r'), ==, LINE_EDIT_LINE);
    line = line_edit_take_line(ed.le);
    g_assert_cmpstr(line, ==, "x");
    g_assert_cmpstr(ed.out->str, ==,
                    "\r(qmp) \033[K"
                    "\r(qmp) a\033[K"
                    "\r(qmp) ab\033[K"
                    "\r(qmp) ab\033[K\033[1D"
                    "\r(qmp) ab\033[K\033[2D"
                    "\r\033[K"
                    "\r(qmp) ab\033[K\033[2D"
                    "\r(qmp) ab\033[K\033[2D"
                    "^C\r\n\r(qmp) \033[K"
                    "\r(qmp) x\033[K"
                    "\r\n");
    editor_free(&ed);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/client/line-edit/keys", test_keys);
    g_test_add_func("/client/line-edit/eof", test_eof);
    g_test_add_func("/client/line-edit/history", test_history);
    g_test_add_func("/client/line-edit/completion", test_completion);
    g_test_add_func("/client/line-edit/output", test_output);
    return g_test_run();
}
