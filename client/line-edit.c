/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * line-edit.c: kvmini-qmp's line editor (see line-edit.h). Every change
 * redraws the whole line: carriage return, prompt, text, erase to the end
 * of the screen line, cursor back into place. Simple, and right for the
 * short lines a QMP shell sees.
 */
#include "osdep.h"

#include "line-edit.h"

/* Where an escape sequence is. */
typedef enum EscState {
    ESC_NONE,
    ESC_START,                  /* ESC */
    ESC_CSI,                    /* ESC [ digits */
    ESC_SS3,                    /* ESC O */
} EscState;

struct LineEdit {
    char *prompt;
    LineEditWrite *write;
    void *opaque;
    GString *line;
    size_t cursor;              /* byte offset into @line */
    GPtrArray *history;         /* char *, oldest first */
    guint hist_pos;             /* history->len: the new line */
    char *saved;                /* the new line while in the history */
    char **words;               /* for completion */
    EscState esc;
    unsigned esc_num;           /* the number of ESC [ N ~ */
};

LineEdit *line_edit_new(const char *prompt, LineEditWrite *write,
                        void *opaque)
{
    LineEdit *le = g_new0(LineEdit, 1);

    le->prompt = g_strdup(prompt);
    le->write = write;
    le->opaque = opaque;
    le->line = g_string_new(NULL);
    le->history = g_ptr_array_new_with_free_func(g_free);
    le->words = g_new0(char *, 1);
    return le;
}

void line_edit_free(LineEdit *le)
{
    if (!le) {
        return;
    }
    g_free(le->prompt);
    g_string_free(le->line, true);
    g_ptr_array_free(le->history, true);
    g_free(le->saved);
    g_strfreev(le->words);
    g_free(le);
}

void line_edit_set_words(LineEdit *le, char **words)
{
    g_strfreev(le->words);
    le->words = g_strdupv(words);
}

void line_edit_show(LineEdit *le)
{
    g_autoptr(GString) out = g_string_new("\r");

    g_string_append(out, le->prompt);
    g_string_append_len(out, le->line->str, le->line->len);
    g_string_append(out, "\033[K");
    if (le->cursor < le->line->len) {
        g_string_append_printf(out, "\033[%zuD", le->line->len - le->cursor);
    }
    le->write(le->opaque, out->str);
}

void line_edit_hide(LineEdit *le)
{
    le->write(le->opaque, "\r\033[K");
}

static void bell(LineEdit *le)
{
    le->write(le->opaque, "\a");
}

static void insert(LineEdit *le, const char *text, size_t len)
{
    g_string_insert_len(le->line, le->cursor, text, len);
    le->cursor += len;
}

/* Delete @len bytes before the cursor. */
static void delete_before(LineEdit *le, size_t len)
{
    g_string_erase(le->line, le->cursor - len, len);
    le->cursor -= len;
}

/* Replace the line with @text, cursor at its end. */
static void set_line(LineEdit *le, const char *text)
{
    g_string_assign(le->line, text);
    le->cursor = le->line->len;
}

static void history_move(LineEdit *le, int dir)
{
    if ((0 > dir && !le->hist_pos) ||
        (0 < dir && le->hist_pos == le->history->len)) {
        bell(le);
        return;
    }
    if (le->hist_pos == le->history->len) {
        g_free(le->saved);
        le->saved = g_strdup(le->line->str);
    }
    le->hist_pos += dir;
    set_line(le, le->hist_pos == le->history->len
                 ? le->saved : g_ptr_array_index(le->history, le->hist_pos));
}

/* Ctrl-W: the blanks before the cursor, then the word before them. */
static void kill_word(LineEdit *le)
{
    size_t start = le->cursor;

    while (start && ' ' == le->line->str[start - 1]) {
        start--;
    }
    while (start && ' ' != le->line->str[start - 1]) {
        start--;
    }
    delete_before(le, le->cursor - start);
}

/* How many leading bytes all of @matches share. */
static size_t common_prefix(GPtrArray *matches)
{
    const char *first = g_ptr_array_index(matches, 0);
    size_t len = strlen(first);
    guint i;

    for (i = 1; i < matches->len; i++) {
        const char *m = g_ptr_array_index(matches, i);
        size_t j = 0;

        while (j < len && m[j] == first[j]) {
            j++;
        }
        len = j;
    }
    return len;
}

/*
 * Tab: complete the first word from le->words. One match is completed
 * with a blank after it; several are completed as far as they agree,
 * and listed when that adds nothing.
 */
static void complete(LineEdit *le)
{
    g_autoptr(GPtrArray) matches = g_ptr_array_new();
    g_autofree char *list = NULL;
    const char *first;
    size_t len;
    char **w;

    if (memchr(le->line->str, ' ', le->cursor)) {
        bell(le);
        return;
    }
    for (w = le->words; *w; w++) {
        if (!strncmp(*w, le->line->str, le->cursor)) {
            g_ptr_array_add(matches, *w);
        }
    }
    if (!matches->len) {
        bell(le);
        return;
    }
    first = g_ptr_array_index(matches, 0);
    len = common_prefix(matches);
    if (1 == matches->len) {
        insert(le, first + le->cursor, len - le->cursor);
        insert(le, " ", 1);
    } else if (len > le->cursor) {
        insert(le, first + le->cursor, len - le->cursor);
    } else {
        g_ptr_array_add(matches, NULL);
        list = g_strjoinv("  ", (char **)matches->pdata);
        le->write(le->opaque, "\r\n");
        le->write(le->opaque, list);
        le->write(le->opaque, "\r\n");
    }
}

/* The final byte of ESC [ ... or ESC O ...: a cursor or editing key. */
static void escape_key(LineEdit *le, char key)
{
    if ('~' == key) {
        key = 1 == le->esc_num || 7 == le->esc_num ? 'H'
            : 4 == le->esc_num || 8 == le->esc_num ? 'F'
            : 3 == le->esc_num ? 'X' : 0;
    }
    switch (key) {
    case 'A':
        history_move(le, -1);
        break;
    case 'B':
        history_move(le, 1);
        break;
    case 'C':
        le->cursor += le->cursor < le->line->len;
        break;
    case 'D':
        le->cursor -= 0 < le->cursor;
        break;
    case 'H':
        le->cursor = 0;
        break;
    case 'F':
        le->cursor = le->line->len;
        break;
    case 'X':
        if (le->cursor < le->line->len) {
            g_string_erase(le->line, le->cursor, 1);
        }
        break;
    }
}

/* Advance the escape state machine with @byte. */
static void escape_byte(LineEdit *le, char byte)
{
    if (ESC_START == le->esc) {
        le->esc = '[' == byte ? ESC_CSI : 'O' == byte ? ESC_SS3 : ESC_NONE;
        le->esc_num = 0;
    } else if (ESC_CSI == le->esc && g_ascii_isdigit(byte)) {
        le->esc_num = MIN(le->esc_num * 10 + (byte - '0'), 1000);
    } else if (ESC_CSI == le->esc && ';' == byte) {
        le->esc_num = 0;
    } else {
        le->esc = ESC_NONE;
        escape_key(le, byte);
    }
}

/* A control character other than Enter, Ctrl-C and Ctrl-D. */
static void control_key(LineEdit *le, char byte)
{
    switch (byte) {
    case 0x01:                  /* Ctrl-A */
        le->cursor = 0;
        break;
    case 0x02:                  /* Ctrl-B */
        escape_key(le, 'D');
        break;
    case 0x05:                  /* Ctrl-E */
        le->cursor = le->line->len;
        break;
    case 0x06:                  /* Ctrl-F */
        escape_key(le, 'C');
        break;
    case 0x08:                  /* Ctrl-H */
    case 0x7f:                  /* Backspace */
        if (le->cursor) {
            delete_before(le, 1);
        }
        break;
    case 0x09:                  /* Tab */
        complete(le);
        break;
    case 0x0b:                  /* Ctrl-K */
        g_string_truncate(le->line, le->cursor);
        break;
    case 0x0e:                  /* Ctrl-N */
        history_move(le, 1);
        break;
    case 0x10:                  /* Ctrl-P */
        history_move(le, -1);
        break;
    case 0x15:                  /* Ctrl-U */
        delete_before(le, le->cursor);
        break;
    case 0x17:                  /* Ctrl-W */
        kill_word(le);
        break;
    case 0x1b:                  /* ESC */
        le->esc = ESC_START;
        break;
    }
}

LineEditResult line_edit_feed(LineEdit *le, char byte)
{
    if (ESC_NONE != le->esc) {
        escape_byte(le, byte);
    } else if ('\r' == byte || '\n' == byte) {
        le->write(le->opaque, "\r\n");
        return LINE_EDIT_LINE;
    } else if (0x03 == byte) {  /* Ctrl-C */
        le->write(le->opaque, "^C\r\n");
        set_line(le, "");
        le->hist_pos = le->history->len;
    } else if (0x04 == byte && !le->line->len) {
        le->write(le->opaque, "\r\n");
        return LINE_EDIT_EOF;
    } else if (0x04 == byte) {  /* Ctrl-D: delete */
        escape_key(le, 'X');
    } else if ((unsigned char)byte < 0x20 || 0x7f == byte) {
        control_key(le, byte);
    } else {
        insert(le, &byte, 1);
    }
    if (ESC_NONE == le->esc) {
        line_edit_show(le);
    }
    return LINE_EDIT_MORE;
}

char *line_edit_take_line(LineEdit *le)
{
    char *line = g_strdup(le->line->str);
    const char *last = le->history->len
                       ? g_ptr_array_index(le->history, le->history->len - 1)
                       : NULL;

    if (*line && g_strcmp0(line, last)) {
        if (LINE_EDIT_HISTORY_MAX == le->history->len) {
            g_ptr_array_remove_index(le->history, 0);
        }
        g_ptr_array_add(le->history, g_strdup(line));
    }
    set_line(le, "");
    le->hist_pos = le->history->len;
    g_clear_pointer(&le->saved, g_free);
    return line;
}
