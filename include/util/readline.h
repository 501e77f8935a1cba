/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * readline.h: line editing for terminals, bytes in and echo out, with no
 * I/O of its own (the human monitor's command line).
 *
 * Each byte typed goes to readline_handle_byte(); the state echoes what a
 * terminal must show through the write callback (the text of the line and
 * ANSI cursor movements, redrawn the way QEMU's monitor does) and hands
 * every finished line to the line callback. It keeps a history of the last
 * READLINE_MAX_HISTORY distinct lines and completes words on Tab through
 * the completion callback.
 *
 * Keys: printable bytes insert; Left/Right (also Ctrl-B/Ctrl-F), Home/End
 * (also Ctrl-A/Ctrl-E) move; Backspace, Delete and Ctrl-D delete; Ctrl-K
 * kills to the end of the line, Ctrl-U to its start, Ctrl-W the word
 * before the cursor; Up/Down (also Ctrl-P/Ctrl-N) walk the history; Tab
 * completes; CR, LF or CR LF ends the line. Arrow, Home, End and Delete
 * keys are accepted in every form terminals send (ESC [ A, ESC O A,
 * ESC [ 1 ~, ESC [ 3 ~, ESC [ 1 ; 5 D, ...); other sequences are ignored.
 */
#ifndef UTIL_READLINE_H
#define UTIL_READLINE_H

/* The longest line, in bytes; further bytes typed are ignored. */
#define READLINE_MAX_LINE       4095
/* Lines kept in the history. */
#define READLINE_MAX_HISTORY    64
/* Candidates one completion may offer; more are ignored. */
#define READLINE_MAX_COMPLETIONS 256

/* Show @text (borrowed, NUL-terminated) to the user. */
typedef void ReadLineWriteFunc(void *opaque, const char *text);

/*
 * A line was entered: @line (borrowed, valid during the call). The
 * callback may write output and call readline_show_prompt(), but must not
 * free the state.
 */
typedef void ReadLineLineFunc(void *opaque, const char *line);

/*
 * Tab was pressed with @cmdline (borrowed) before the cursor: offer the
 * candidates for its last word with readline_add_completion(), after
 * saying where that word starts with readline_set_completion_index().
 */
typedef void ReadLineCompletionFunc(void *opaque, const char *cmdline);

/*
 * A new line editor showing @prompt (copied). @complete may be NULL (Tab
 * then does nothing). Free with readline_free().
 */
ReadLineState *readline_new(const char *prompt, ReadLineWriteFunc *write,
                            ReadLineLineFunc *line,
                            ReadLineCompletionFunc *complete, void *opaque);

/* Free @rs and its history. NULL is allowed. */
void readline_free(ReadLineState *rs);

/* Write the prompt and start a new, empty line on the screen. */
void readline_show_prompt(ReadLineState *rs);

/* Forget the line being edited and any half-received key sequence. */
void readline_restart(ReadLineState *rs);

/* Process one byte of input (0..255), echoing and editing as needed. */
void readline_handle_byte(ReadLineState *rs, int ch);

/* During the completion callback: offer @str (copied) as a candidate. */
void readline_add_completion(ReadLineState *rs, const char *str);

/*
 * During the completion callback: the partial word before the cursor is
 * @index bytes long, so a candidate's bytes from @index on are inserted.
 */
void readline_set_completion_index(ReadLineState *rs, int index);

/*
 * History line @index, oldest first (borrowed: valid until the next line
 * is entered), or NULL past the end.
 */
const char *readline_get_history(const ReadLineState *rs, unsigned index);

#endif /* UTIL_READLINE_H */
