/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-stdio.c: the stdio backend, kvmini's standard input and output.
 * On a terminal, input is raw (no echo, no line editing) and, with
 * signal=off, Ctrl-C is passed on instead of stopping kvmini. The
 * terminal's settings come back on every exit: a normal or error exit
 * (atexit) and a fatal signal.
 */
#include "osdep.h"

#include <fcntl.h>
#include <signal.h>
#include <termios.h>

#include "char-fd.h"
#include "util/qemu-option.h"

static struct termios stdio_saved_tty;
static bool stdio_tty_changed;
static bool stdio_in_use;

static void stdio_restore_tty(void)
{
    if (stdio_tty_changed) {
        tcsetattr(STDIN_FILENO, TCSANOW, &stdio_saved_tty);
        stdio_tty_changed = false;
    }
}

static void stdio_fatal_signal(int sig)
{
    stdio_restore_tty();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void stdio_set_raw(bool isig)
{
    static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT,
                                 SIGQUIT };
    struct termios tty;
    size_t i;

    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &tty)) {
        return;
    }
    stdio_saved_tty = tty;
    tty.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
                     ICRNL | IXON);
    tty.c_oflag |= OPOST;
    tty.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN | ISIG);
    if (isig) {
        tty.c_lflag |= ISIG;
    }
    tty.c_cflag &= ~(CSIZE | PARENB);
    tty.c_cflag |= CS8;
    tty.c_cc[VMIN] = 1;
    tty.c_cc[VTIME] = 0;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &tty)) {
        return;
    }
    stdio_tty_changed = true;
    for (i = 0; i < ARRAY_SIZE(fatal); i++) {
        signal(fatal[i], stdio_fatal_signal);
    }
}

static void stdio_chr_parse(QemuOpts *opts, ChardevBackend *backend,
                            Error **errp)
{
    ChardevStdio *stdio = backend->u.stdio.data = g_new0(ChardevStdio, 1);

    stdio->has_signal = true;
    stdio->signal = qemu_opt_get_bool(opts, "signal", true);
}

static bool stdio_chr_open(Chardev *chr, ChardevBackend *backend,
                           bool *be_opened, Error **errp)
{
    static bool atexit_done;
    ChardevStdio *opts = backend->u.stdio.data;

    if (stdio_in_use) {
        error_setg(errp, "cannot use stdio by multiple character devices");
        return false;
    }
    stdio_in_use = true;
    if (!atexit_done) {
        atexit(stdio_restore_tty);
        atexit_done = true;
    }
    fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
    stdio_set_raw(!opts->has_signal || opts->signal);
    fd_chr_set_fds(FD_CHARDEV(chr), STDIN_FILENO, STDOUT_FILENO);
    qemu_chr_set_filename(chr, g_strdup("stdio"));
    return true;
}

static void stdio_chr_finalize(Object *obj)
{
    stdio_restore_tty();
    fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) & ~O_NONBLOCK);
    stdio_in_use = false;
}

static void stdio_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->parse = stdio_chr_parse;
    cc->open = stdio_chr_open;
}

static const TypeInfo stdio_chr_info = {
    .name = "chardev-stdio",
    .parent = TYPE_CHARDEV_FD,
    .instance_finalize = stdio_chr_finalize,
    .class_init = stdio_chr_class_init,
};

static void stdio_chr_register_types(void)
{
    type_register_static(&stdio_chr_info);
}

type_init(stdio_chr_register_types)
