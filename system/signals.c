/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * signals.c: SIGINT, SIGTERM and SIGHUP become shutdown requests, read
 * from a signalfd by the main loop (so no code runs in a signal handler,
 * and the message can name the sender).
 */
#include "osdep.h"

#include <signal.h>
#include <sys/signalfd.h>

#include <glib-unix.h>

#include "system/run-control.h"
#include "util/error-report.h"

static gboolean signal_ready(gint fd, GIOCondition cond, gpointer opaque)
{
    struct signalfd_siginfo info;
    g_autofree char *comm_path = NULL;
    g_autofree char *comm = NULL;

    if (sizeof(info) != read(fd, &info, sizeof(info))) {
        return G_SOURCE_CONTINUE;
    }
    comm_path = g_strdup_printf("/proc/%u/comm", info.ssi_pid);
    if (info.ssi_pid && g_file_get_contents(comm_path, &comm, NULL, NULL)) {
        g_strchomp(comm);
        error_report("terminating on signal %u from pid %u (%s)",
                     info.ssi_signo, info.ssi_pid, comm);
    } else if (info.ssi_pid) {
        error_report("terminating on signal %u from pid %u",
                     info.ssi_signo, info.ssi_pid);
    } else {
        error_report("terminating on signal %u", info.ssi_signo);
    }
    run_control_request_shutdown(SHUTDOWN_CAUSE_HOST_SIGNAL);
    return G_SOURCE_CONTINUE;
}

void run_control_catch_signals(void)
{
    sigset_t set;
    int fd;

    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (0 > fd) {
        error_report("cannot catch signals: %s", g_strerror(errno));
        return;
    }
    g_unix_fd_add(fd, G_IO_IN, signal_ready, NULL);
    /* A client that closes its socket while we write must not kill us. */
    signal(SIGPIPE, SIG_IGN);
}
