/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * line-edit.h: the small line editor of kvmini-qmp's interactive shell
 * (GLib has none, and kvmini links no readline). It is fed the bytes a
 * terminal in raw mode sends, one at a time, and writes what the terminal
 * must show through a callback, so it runs without a terminal in tests.
 *
 * Keys: printable characters insert; Left/Right, Ctrl-B/Ctrl-F move;
 * Home/End, Ctrl-A/Ctrl-E jump; Backspace and Delete (and Ctrl-D on a
 * non-empty line) delete; Ctrl-K, Ctrl-U, Ctrl-W kill to the end, to the
 * start, the word before; Up/Down (Ctrl-P/Ctrl-N) walk the history; Tab
 * completes the first word; Ctrl-C drops the line; Enter ends it; Ctrl-D
 * on an empty line is end of input. Escape sequences are the ones
 * terminals send (ESC [ A, ESC [ 3 ~, ESC O H, ...). Bytes are characters:
 * text beyond ASCII is kept but the cursor counts bytes.
 */
#ifndef CLIENT_LINE_EDIT_H
#define CLIENT_LINE_EDIT_H

typedef struct LineEdit LineEdit;

/* Where the editor's output goes: @text (NUL-terminated) for the terminal. */
typedef void LineEditWrite(void *opaque, const char *text);

typedef enum LineEditResult {
    LINE_EDIT_MORE,             /* keep feeding */
    LINE_EDIT_LINE,             /* a line is complete: line_edit_take_line() */
    LINE_EDIT_EOF,              /* end of input */
} LineEditResult;

/* At most this many lines are kept in the history. */
#define LINE_EDIT_HISTORY_MAX   100

/* A new editor showing @prompt (copied) through @write(@opaque, ...). */
LineEdit *line_edit_new(const char *prompt, LineEditWrite *write,
                        void *opaque);

/* Free @le. NULL is allowed. */
void line_edit_free(LineEdit *le);

/* The words Tab completes the first word of a line from (copied). */
void line_edit_set_words(LineEdit *le, char **words);

/* Show the prompt and the line being edited (at start, after output). */
void line_edit_show(LineEdit *le);

/* Erase the prompt line, so that other output can be printed. */
void line_edit_hide(LineEdit *le);

/* Take one input byte. */
LineEditResult line_edit_feed(LineEdit *le, char byte);

/*
 * After LINE_EDIT_LINE: the line (new string), which joins the history
 * unless it is empty or repeats the last one. The editor starts a new,
 * empty line, not shown until line_edit_show().
 */
char *line_edit_take_line(LineEdit *le);

#endif /* CLIENT_LINE_EDIT_H */
