/* SPDX-License-Identifier: GPL-2.0-or-later */
/* readline.c: terminal line editing, history and completion. */
#include "osdep.h"

#include "util/readline.h"

/* Where we are in a key sequence. */
typedef enum ReadLineEsc {
    RL_NORMAL,
    RL_ESC,         /* after ESC */
    RL_CSI,         /* after ESC [ */
    RL_SS3,         /* after ESC O */
} ReadLineEsc;

/* A CSI parameter above this is no key we know; stop counting there. */
#define RL_MAX_PARAM 1000

struct ReadLineState {
    char *prompt;
    ReadLineWriteFunc *write;
    ReadLineLineFunc *line;
    ReadLineCompletionFunc *complete;
    void *opaque;

    char buf[READLINE_MAX_LINE + 1];    /* the line being edited */
    int len;
    int pos;                            /* cursor, 0..len */
    char shown[READLINE_MAX_LINE + 1];  /* on screen after the prompt */
    int shown_len;
    int shown_pos;

    ReadLineEsc esc;
    int esc_param;                      /* first CSI parameter */
    bool esc_later_param;               /* past it, at a later one */
    bool after_cr;                      /* an LF now ends no new line */

    char *history[READLINE_MAX_HISTORY];    /* oldest first, NULL-terminated */
    int hist_cur;                       /* entry shown by Up/Down, or -1 */

    GPtrArray *completions;
    int completion_index;

    GString *out;                       /* echo not yet written */
};

static void rl_flush(ReadLineState *rs)
{
    if (rs->out->len) {
        rs->write(rs->opaque, rs->out->str);
        g_string_truncate(rs->out, 0);
    }
}

static void rl_repeat(ReadLineState *rs, const char *seq, int count)
{
    while (count-- > 0) {
        g_string_append(rs->out, seq);
    }
}

/*
 * Bring the screen up to date: when the text changed, move back to the
 * start of the line, print it whole and clear what is left of the old one;
 * then move the cursor to its place. Same escape sequences as QEMU.
 */
static void rl_redraw(ReadLineState *rs)
{
    if (rs->len != rs->shown_len || memcmp(rs->buf, rs->shown, rs->len)) {
        rl_repeat(rs, "\033[D", rs->shown_pos);
        g_string_append_len(rs->out, rs->buf, rs->len);
        g_string_append(rs->out, "\033[K");
        memcpy(rs->shown, rs->buf, rs->len);
        rs->shown_len = rs->len;
        rs->shown_pos = rs->len;
    }
    if (rs->pos > rs->shown_pos) {
        rl_repeat(rs, "\033[C", rs->pos - rs->shown_pos);
    } else {
        rl_repeat(rs, "\033[D", rs->shown_pos - rs->pos);
    }
    rs->shown_pos = rs->pos;
}

static void rl_set_line(ReadLineState *rs, const char *text)
{
    rs->len = MIN(strlen(text), (size_t)READLINE_MAX_LINE);
    memcpy(rs->buf, text, rs->len);
    rs->pos = rs->len;
}

static void rl_insert(ReadLineState *rs, char ch)
{
    if (rs->len < READLINE_MAX_LINE) {
        memmove(rs->buf + rs->pos + 1, rs->buf + rs->pos, rs->len - rs->pos);
        rs->buf[rs->pos++] = ch;
        rs->len++;
    }
}

/* Delete the bytes [@from, @to) of the line; the cursor goes to @from. */
static void rl_delete(ReadLineState *rs, int from, int to)
{
    memmove(rs->buf + from, rs->buf + to, rs->len - to);
    rs->len -= to - from;
    rs->pos = from;
}

static void rl_delete_char(ReadLineState *rs)
{
    if (rs->pos < rs->len) {
        rl_delete(rs, rs->pos, rs->pos + 1);
    }
}

static void rl_backspace(ReadLineState *rs)
{
    if (rs->pos > 0) {
        rl_delete(rs, rs->pos - 1, rs->pos);
    }
}

/* Ctrl-W: the spaces before the cursor, then the word before them. */
static void rl_delete_word(ReadLineState *rs)
{
    int start = rs->pos;

    while (start > 0 && g_ascii_isspace(rs->buf[start - 1])) {
        start--;
    }
    while (start > 0 && !g_ascii_isspace(rs->buf[start - 1])) {
        start--;
    }
    rl_delete(rs, start, rs->pos);
}

static int rl_history_len(const ReadLineState *rs)
{
    int n = 0;

    while (n < READLINE_MAX_HISTORY && rs->history[n]) {
        n++;
    }
    return n;
}

static void rl_history_up(ReadLineState *rs)
{
    if (rs->hist_cur == 0) {
        return;
    }
    if (rs->hist_cur < 0) {
        rs->hist_cur = rl_history_len(rs);
        if (!rs->hist_cur) {
            rs->hist_cur = -1;
            return;
        }
    }
    rs->hist_cur--;
    rl_set_line(rs, rs->history[rs->hist_cur]);
}

/* Past the newest entry, the line is empty again. */
static void rl_history_down(ReadLineState *rs)
{
    if (rs->hist_cur < 0) {
        return;
    }
    rs->hist_cur++;
    if (rs->hist_cur < READLINE_MAX_HISTORY && rs->history[rs->hist_cur]) {
        rl_set_line(rs, rs->history[rs->hist_cur]);
    } else {
        rs->hist_cur = -1;
        rl_set_line(rs, "");
    }
}

/*
 * Append @line to the history. A line already there moves to the end
 * instead of appearing twice; when full, the oldest line goes.
 */
static void rl_history_add(ReadLineState *rs, const char *line)
{
    int n = rl_history_len(rs);
    char *entry = NULL;
    int i;

    for (i = 0; i < n && !entry; i++) {
        if (!strcmp(rs->history[i], line)) {
            entry = rs->history[i];
            memmove(&rs->history[i], &rs->history[i + 1],
                    (n - i - 1) * sizeof(char *));
            n--;
        }
    }
    if (!entry && READLINE_MAX_HISTORY == n) {
        g_free(rs->history[0]);
        memmove(&rs->history[0], &rs->history[1], (n - 1) * sizeof(char *));
        n--;
    }
    rs->history[n] = entry ? entry : g_strdup(line);
    if (n + 1 < READLINE_MAX_HISTORY) {
        rs->history[n + 1] = NULL;
    }
    rs->hist_cur = -1;
}

static void rl_enter(ReadLineState *rs)
{
    g_autofree char *line = g_strndup(rs->buf, rs->len);

    if (*line) {
        rl_history_add(rs, line);
    }
    rs->hist_cur = -1;
    g_string_append(rs->out, "\n");
    readline_restart(rs);
    rl_flush(rs);
    rs->line(rs->opaque, line);
}

/* The length of the prefix all candidates share. */
static int rl_common_prefix(GPtrArray *cands)
{
    const char *first = g_ptr_array_index(cands, 0);
    int len = strlen(first);
    const char *c;
    guint i;
    int j;

    for (i = 1; i < cands->len; i++) {
        c = g_ptr_array_index(cands, i);
        for (j = 0; j < len && c[j] == first[j]; j++) {
            continue;
        }
        len = j;
    }
    return len;
}

/* Several candidates: print them in columns of an 80-column screen. */
static void rl_list_completions(ReadLineState *rs)
{
    int width = 0, cols, col = 0;
    guint i;

    for (i = 0; i < rs->completions->len; i++) {
        width = MAX(width, (int)strlen(g_ptr_array_index(rs->completions, i)));
    }
    width = CLAMP(width + 2, 10, 80);
    cols = 80 / width;
    g_string_append(rs->out, "\n");
    for (i = 0; i < rs->completions->len; i++) {
        g_string_append_printf(rs->out, "%-*s", width,
                               (char *)g_ptr_array_index(rs->completions, i));
        if (++col == cols || i + 1 == rs->completions->len) {
            g_string_append(rs->out, "\n");
            col = 0;
        }
    }
}

/* Insert bytes @from..@to of @cand at the cursor. */
static void rl_insert_range(ReadLineState *rs, const char *cand, int from,
                            int to)
{
    for (; from < to; from++) {
        rl_insert(rs, cand[from]);
    }
}

static void rl_complete(ReadLineState *rs)
{
    g_autofree char *cmdline = g_strndup(rs->buf, rs->pos);
    const char *only;
    int len;

    if (!rs->complete) {
        return;
    }
    g_ptr_array_set_size(rs->completions, 0);
    rs->completion_index = 0;
    rl_flush(rs);
    rs->complete(rs->opaque, cmdline);
    if (!rs->completions->len) {
        return;
    }
    if (1 == rs->completions->len) {
        only = g_ptr_array_index(rs->completions, 0);
        len = strlen(only);
        rl_insert_range(rs, only, rs->completion_index, len);
        /* The word is complete: a space starts the next, unless in a path. */
        if (len && '/' != only[len - 1]) {
            rl_insert(rs, ' ');
        }
    } else {
        rl_insert_range(rs, g_ptr_array_index(rs->completions, 0),
                        rs->completion_index,
                        rl_common_prefix(rs->completions));
        rl_list_completions(rs);
        readline_show_prompt(rs);
    }
    g_ptr_array_set_size(rs->completions, 0);
}

/* A byte outside any escape sequence. */
static void rl_normal_byte(ReadLineState *rs, int ch)
{
    switch (ch) {
    case 1:     /* Ctrl-A */
        rs->pos = 0;
        break;
    case 2:     /* Ctrl-B */
        rs->pos = MAX(rs->pos - 1, 0);
        break;
    case 4:     /* Ctrl-D */
        rl_delete_char(rs);
        break;
    case 5:     /* Ctrl-E */
        rs->pos = rs->len;
        break;
    case 6:     /* Ctrl-F */
        rs->pos = MIN(rs->pos + 1, rs->len);
        break;
    case 8:     /* Ctrl-H */
    case 127:   /* DEL, what Backspace sends */
        rl_backspace(rs);
        break;
    case 9:
        rl_complete(rs);
        break;
    case 11:    /* Ctrl-K */
        rs->len = rs->pos;
        break;
    case 14:    /* Ctrl-N */
        rl_history_down(rs);
        break;
    case 16:    /* Ctrl-P */
        rl_history_up(rs);
        break;
    case 21:    /* Ctrl-U */
        rl_delete(rs, 0, rs->pos);
        break;
    case 23:    /* Ctrl-W */
        rl_delete_word(rs);
        break;
    case 27:
        rs->esc = RL_ESC;
        break;
    default:
        if (ch >= 32) {
            rl_insert(rs, ch);
        }
        break;
    }
}

/* The final byte of ESC [ ... or ESC O ...: the arrows, Home and End. */
static void rl_cursor_key(ReadLineState *rs, int ch)
{
    switch (ch) {
    case 'A':
        rl_history_up(rs);
        break;
    case 'B':
        rl_history_down(rs);
        break;
    case 'C':
        rs->pos = MIN(rs->pos + 1, rs->len);
        break;
    case 'D':
        rs->pos = MAX(rs->pos - 1, 0);
        break;
    case 'H':
        rs->pos = 0;
        break;
    case 'F':
        rs->pos = rs->len;
        break;
    }
}

/* ESC [ N ~: the editing keypad (VT220 codes). */
static void rl_keypad_key(ReadLineState *rs, int param)
{
    switch (param) {
    case 1:     /* Home */
    case 7:
        rs->pos = 0;
        break;
    case 3:     /* Delete */
        rl_delete_char(rs);
        break;
    case 4:     /* End */
    case 8:
        rs->pos = rs->len;
        break;
    }
}

/*
 * A byte of ESC [ ...: parameter digits (only the first parameter counts:
 * ESC [ 1 ; 5 D is Ctrl-Left, handled as Left), then a final byte.
 */
static void rl_csi_byte(ReadLineState *rs, int ch)
{
    if (g_ascii_isdigit(ch)) {
        if (!rs->esc_later_param && rs->esc_param < RL_MAX_PARAM) {
            rs->esc_param = rs->esc_param * 10 + (ch - '0');
        }
        return;
    }
    if (';' == ch) {
        rs->esc_later_param = true;
        return;
    }
    if (ch < 0x40 || ch > 0x7e) {
        /* Not a final byte: the sequence is not one we know; drop it. */
        rs->esc = RL_NORMAL;
        return;
    }
    if ('~' == ch) {
        rl_keypad_key(rs, rs->esc_param);
    } else {
        rl_cursor_key(rs, ch);
    }
    rs->esc = RL_NORMAL;
}

void readline_handle_byte(ReadLineState *rs, int ch)
{
    bool lf_after_cr = rs->after_cr && '\n' == ch;

    ch &= 0xff;
    rs->after_cr = RL_NORMAL == rs->esc && '\r' == ch;
    switch (rs->esc) {
    case RL_NORMAL:
        if ('\r' == ch || '\n' == ch) {
            if (!lf_after_cr) {
                rl_enter(rs);
            }
            return;
        }
        rl_normal_byte(rs, ch);
        break;
    case RL_ESC:
        rs->esc_param = 0;
        rs->esc_later_param = false;
        rs->esc = '[' == ch ? RL_CSI : 'O' == ch ? RL_SS3 : RL_NORMAL;
        break;
    case RL_CSI:
        rl_csi_byte(rs, ch);
        break;
    case RL_SS3:
        rl_cursor_key(rs, ch);
        rs->esc = RL_NORMAL;
        break;
    }
    rl_redraw(rs);
    rl_flush(rs);
}

void readline_show_prompt(ReadLineState *rs)
{
    g_string_append(rs->out, rs->prompt);
    rs->shown_len = 0;
    rs->shown_pos = 0;
    rs->esc = RL_NORMAL;
    rl_redraw(rs);
    rl_flush(rs);
}

void readline_restart(ReadLineState *rs)
{
    rs->len = 0;
    rs->pos = 0;
    rs->shown_len = 0;
    rs->shown_pos = 0;
    rs->esc = RL_NORMAL;
}

void readline_add_completion(ReadLineState *rs, const char *str)
{
    if (rs->completions->len < READLINE_MAX_COMPLETIONS) {
        g_ptr_array_add(rs->completions, g_strdup(str));
    }
}

void readline_set_completion_index(ReadLineState *rs, int index)
{
    rs->completion_index = CLAMP(index, 0, rs->pos);
}

const char *readline_get_history(const ReadLineState *rs, unsigned index)
{
    return index < READLINE_MAX_HISTORY ? rs->history[index] : NULL;
}

ReadLineState *readline_new(const char *prompt, ReadLineWriteFunc *write,
                            ReadLineLineFunc *line,
                            ReadLineCompletionFunc *complete, void *opaque)
{
    ReadLineState *rs = g_new0(ReadLineState, 1);

    rs->prompt = g_strdup(prompt);
    rs->write = write;
    rs->line = line;
    rs->complete = complete;
    rs->opaque = opaque;
    rs->hist_cur = -1;
    rs->completions = g_ptr_array_new_with_free_func(g_free);
    rs->out = g_string_new(NULL);
    return rs;
}

void readline_free(ReadLineState *rs)
{
    int i;

    if (!rs) {
        return;
    }
    for (i = 0; i < READLINE_MAX_HISTORY; i++) {
        g_free(rs->history[i]);
    }
    g_ptr_array_free(rs->completions, true);
    g_string_free(rs->out, true);
    g_free(rs->prompt);
    g_free(rs);
}
