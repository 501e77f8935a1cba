/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-util-readline.c: line editing: key sequences as terminals send
 * them and the line they produce, the echo (QEMU's redraw sequences),
 * history and completion.
 */
#include "osdep.h"

#include "util/readline.h"

#define LEFT    "\033[D"
#define RIGHT   "\033[C"
#define UP      "\033[A"
#define DOWN    "\033[B"
#define CLEAR   "\033[K"

typedef struct RLTest {
    ReadLineState *rs;
    GString *echo;
    GPtrArray *lines;
    const char *const *cands;   /* what completion offers, NULL-terminated */
    int cand_index;
    GString *asked;             /* the command lines completion was asked for */
} RLTest;

static void rlt_write(void *opaque, const char *text)
{
    RLTest *t = opaque;

    g_string_append(t->echo, text);
}

static void rlt_line(void *opaque, const char *line)
{
    RLTest *t = opaque;

    g_ptr_array_add(t->lines, g_strdup(line));
}

static void rlt_complete(void *opaque, const char *cmdline)
{
    RLTest *t = opaque;
    int i;

    g_string_append_printf(t->asked, "[%s]", cmdline);
    readline_set_completion_index(t->rs, t->cand_index);
    for (i = 0; t->cands && t->cands[i]; i++) {
        readline_add_completion(t->rs, t->cands[i]);
    }
}

static RLTest *rlt_new(void)
{
    RLTest *t = g_new0(RLTest, 1);

    t->rs = readline_new("> ", rlt_write, rlt_line, rlt_complete, t);
    t->echo = g_string_new(NULL);
    t->lines = g_ptr_array_new_with_free_func(g_free);
    t->asked = g_string_new(NULL);
    return t;
}

static void rlt_free(RLTest *t)
{
    readline_free(t->rs);
    g_string_free(t->echo, true);
    g_string_free(t->asked, true);
    g_ptr_array_free(t->lines, true);
    g_free(t);
}

static void rlt_type(RLTest *t, const char *keys)
{
    for (; *keys; keys++) {
        readline_handle_byte(t->rs, (unsigned char)*keys);
    }
}

/* Type @keys then Enter; the line they produce. */
static const char *rlt_line_of(RLTest *t, const char *keys)
{
    rlt_type(t, keys);
    rlt_type(t, "\r");
    g_assert_cmpuint(t->lines->len, >, 0);
    return g_ptr_array_index(t->lines, t->lines->len - 1);
}

static void check_line(const char *keys, const char *expected)
{
    RLTest *t = rlt_new();

    g_assert_cmpstr(rlt_line_of(t, keys), ==, expected);
    rlt_free(t);
}

static void test_editing(void)
{
    check_line("abc", "abc");
    check_line("abc\x02\x02X", "aXbc");                 /* Ctrl-B */
    check_line("abc" LEFT LEFT "X", "aXbc");
    check_line("abc\033OD\033ODX", "aXbc");             /* SS3 Left */
    check_line("abc" LEFT LEFT RIGHT "X", "abXc");
    check_line("abc\x02\x02\x06X", "abXc");             /* Ctrl-F */
    check_line("ab" RIGHT RIGHT "c", "abc");            /* Right at the end */
    check_line(LEFT "a", "a");                          /* Left at the start */
    check_line("bc\x01" "a", "abc");                    /* Ctrl-A */
    check_line("bc\033[Ha", "abc");                     /* Home */
    check_line("bc\033OHa", "abc");
    check_line("bc\033[1~a", "abc");
    check_line("bc\033[7~a", "abc");
    check_line("ab\x01\x05" "c", "abc");                /* Ctrl-E */
    check_line("ab\x01\033[Fc", "abc");                 /* End */
    check_line("ab\x01\033OFc", "abc");
    check_line("ab\x01\033[4~c", "abc");
    check_line("ab\x01\033[8~c", "abc");
    check_line("abcd\x7f\x7f", "ab");                   /* Backspace */
    check_line("abcd\x08", "abc");
    check_line("\x7f", "");
    check_line("abcd" LEFT LEFT "\033[3~", "abd");      /* Delete */
    check_line("abcd" LEFT LEFT "\x04", "abd");         /* Ctrl-D */
    check_line("abcd\033[3~", "abcd");
    check_line("hello world" LEFT LEFT LEFT LEFT LEFT LEFT "\x0b",
               "hello");                                /* Ctrl-K */
    check_line("hello world" LEFT LEFT LEFT LEFT LEFT "\x15",
               "world");                                /* Ctrl-U */
    check_line("info  status  \x17", "info  ");         /* Ctrl-W */
    check_line("info  status  \x17\x17", "");
    check_line("a b" LEFT "\x17", "b");
    check_line("abc\033[1;5DX", "abXc");                /* Ctrl-Left */
    check_line("abc\033[1;5~X", "Xabc");                /* param 1 is Home */
    check_line("ab\033[Zc\033xd\033[99999999~e", "abcde");  /* unknown keys */
    check_line("a\x03\x07\x0c" "b", "ab");              /* other controls */
    check_line("caf\xc3\xa9", "caf\xc3\xa9");           /* bytes above 127 */
}

static void test_line_ends(void)
{
    RLTest *t = rlt_new();

    rlt_type(t, "a\rb\nc\r\nd\n\re\r\r");
    g_assert_cmpuint(t->lines->len, ==, 7);
    g_assert_cmpstr(g_ptr_array_index(t->lines, 0), ==, "a");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 1), ==, "b");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 2), ==, "c");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 3), ==, "d");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 4), ==, "");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 5), ==, "e");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 6), ==, "");
    rlt_free(t);
}

static void test_max_line(void)
{
    RLTest *t = rlt_new();
    g_autofree char *keys = g_strnfill(READLINE_MAX_LINE + 100, 'a');
    g_autofree char *expected = g_strnfill(READLINE_MAX_LINE, 'a');

    g_assert_cmpstr(rlt_line_of(t, keys), ==, expected);
    rlt_free(t);
}

/* The echo is QEMU's: move back, redraw, clear the rest, place the cursor. */
static void test_echo(void)
{
    RLTest *t = rlt_new();

    readline_show_prompt(t->rs);
    rlt_type(t, "ab");
    g_assert_cmpstr(t->echo->str, ==, "> a" CLEAR LEFT "ab" CLEAR);
    g_string_truncate(t->echo, 0);
    rlt_type(t, "\033[D");
    g_assert_cmpstr(t->echo->str, ==, LEFT);
    g_string_truncate(t->echo, 0);
    rlt_type(t, "X");
    g_assert_cmpstr(t->echo->str, ==, LEFT "aXb" CLEAR LEFT);
    g_string_truncate(t->echo, 0);
    rlt_type(t, "\x7f");
    g_assert_cmpstr(t->echo->str, ==, LEFT LEFT "ab" CLEAR LEFT);
    g_string_truncate(t->echo, 0);
    /* A key that changes nothing echoes nothing. */
    rlt_type(t, "\033[3~\033[3~\033[C\033[C");
    g_assert_cmpstr(t->echo->str, ==, LEFT "a" CLEAR);
    g_string_truncate(t->echo, 0);
    rlt_type(t, "\r");
    g_assert_cmpstr(t->echo->str, ==, "\n");
    rlt_free(t);
}

/* With "one", "two", "three" in the history, the line @keys produce. */
static void check_recall(const char *keys, const char *expected)
{
    RLTest *t = rlt_new();

    rlt_type(t, "one\rtwo\rthree\r");
    g_assert_cmpstr(rlt_line_of(t, keys), ==, expected);
    rlt_free(t);
}

static void test_history(void)
{
    RLTest *t = rlt_new();

    check_recall(UP, "three");
    check_recall(UP UP, "two");
    check_recall(UP UP UP UP UP UP, "one");
    check_recall(UP UP DOWN, "three");
    check_recall(UP DOWN, "");
    check_recall(DOWN, "");
    check_recall("\x10\x10", "two");                   /* Ctrl-P */
    check_recall("\x10\x10\x10\x0e", "two");           /* Ctrl-N */
    check_recall("\033OA", "three");
    check_recall(UP "\x7f\x7f" "EE", "thrEE");        /* edit a recalled line */
    check_recall("x" UP, "three");

    /* A line entered again moves to the end; empty lines are not kept. */
    rlt_type(t, "one\rtwo\r\rone\r");
    g_assert_cmpstr(readline_get_history(t->rs, 0), ==, "two");
    g_assert_cmpstr(readline_get_history(t->rs, 1), ==, "one");
    g_assert_null(readline_get_history(t->rs, 2));
    g_assert_null(readline_get_history(t->rs, 1000));
    rlt_free(t);
}

static void test_history_limit(void)
{
    RLTest *t = rlt_new();
    g_autofree char *line = NULL;
    int i;

    g_assert_null(readline_get_history(t->rs, 0));
    g_assert_cmpstr(rlt_line_of(t, UP), ==, "");
    for (i = 0; i < READLINE_MAX_HISTORY + 10; i++) {
        line = g_strdup_printf("cmd%d", i);
        rlt_line_of(t, line);
        g_clear_pointer(&line, g_free);
    }
    g_assert_cmpstr(readline_get_history(t->rs, 0), ==, "cmd10");
    line = g_strdup_printf("cmd%d", READLINE_MAX_HISTORY + 9);
    g_assert_cmpstr(readline_get_history(t->rs, READLINE_MAX_HISTORY - 1), ==,
                    line);
    g_assert_cmpstr(rlt_line_of(t, "cmd10"), ==, "cmd10");
    g_assert_cmpstr(readline_get_history(t->rs, 0), ==, "cmd11");
    g_assert_cmpstr(readline_get_history(t->rs, READLINE_MAX_HISTORY - 1), ==,
                    "cmd10");
    rlt_free(t);
}

static void test_completion(void)
{
    static const char *const one[] = { "status", NULL };
    static const char *const path[] = { "/tmp/", NULL };
    static const char *const several[] = { "stop", "status", "stat", NULL };
    RLTest *t = rlt_new();

    t->cands = one;
    t->cand_index = 2;
    g_assert_cmpstr(rlt_line_of(t, "info st\t"), ==, "info status ");
    g_assert_cmpstr(t->asked->str, ==, "[info st]");
    t->cands = path;
    t->cand_index = 2;
    g_assert_cmpstr(rlt_line_of(t, "x /t\t"), ==, "x /tmp/");
    /* Only what is before the cursor is completed. */
    g_string_truncate(t->asked, 0);
    t->cands = one;
    t->cand_index = 1;
    g_assert_cmpstr(rlt_line_of(t, "sX" LEFT "\t"), ==, "status X");
    g_assert_cmpstr(t->asked->str, ==, "[s]");
    t->cands = NULL;
    g_assert_cmpstr(rlt_line_of(t, "zz\t"), ==, "zz");

    /* Several: the common prefix is inserted and all are listed. */
    t->cands = several;
    t->cand_index = 1;
    readline_show_prompt(t->rs);
    rlt_type(t, "s");
    g_string_truncate(t->echo, 0);
    rlt_type(t, "\t");
    g_assert_cmpstr(t->echo->str, ==, "\nstop      status    stat      \n"
                    "> st" CLEAR);
    g_assert_cmpstr(rlt_line_of(t, ""), ==, "st");
    rlt_free(t);
}

static void test_no_completion(void)
{
    RLTest t = { .echo = g_string_new(NULL),
                 .lines = g_ptr_array_new_with_free_func(g_free) };

    t.rs = readline_new("$ ", rlt_write, rlt_line, NULL, &t);
    g_assert_cmpstr(rlt_line_of(&t, "ab\tc"), ==, "abc");
    readline_free(t.rs);
    readline_free(NULL);
    g_string_free(t.echo, true);
    g_ptr_array_free(t.lines, true);
}

/* After readline_restart(), the half-typed line and key are forgotten. */
static void test_restart(void)
{
    RLTest *t = rlt_new();

    rlt_type(t, "abc\033[");
    readline_restart(t->rs);
    g_assert_cmpstr(rlt_line_of(t, "Dx"), ==, "Dx");
    rlt_free(t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/readline/editing", test_editing);
    g_test_add_func("/util/readline/line-ends", test_line_ends);
    g_test_add_func("/util/readline/max-line", test_max_line);
    g_test_add_func("/util/readline/echo", test_echo);
    g_test_add_func("/util/readline/history", test_history);
    g_test_add_func("/util/readline/history-limit", test_history_limit);
    g_test_add_func("/util/readline/completion", test_completion);
    g_test_add_func("/util/readline/no-completion", test_no_completion);
    g_test_add_func("/util/readline/restart", test_restart);
    return g_test_run();
}
