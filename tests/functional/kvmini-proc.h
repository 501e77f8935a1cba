/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvmini-proc.h: start build/kvmini for functional tests, with its QMP and
 * HMP sockets in a fresh g_dir_make_tmp() directory, and make sure it is
 * killed: by kvmini_proc_free(), and at exit for any still running (a
 * failed assertion aborts, and atexit/SIGABRT handlers kill them).
 */
#ifndef TESTS_FUNCTIONAL_KVMINI_PROC_H
#define TESTS_FUNCTIONAL_KVMINI_PROC_H

#include "client/qmp-client.h"
#include "util/error.h"

typedef struct KvminiProc {
    GPid pid;               /* 0 once reaped */
    char *dir;              /* the temporary directory */
    char *qmp;              /* "unix:DIR/qmp.sock", the first QMP monitor */
    char *qmp2;             /* "unix:DIR/qmp2.sock", a second QMP monitor */
    char *hmp_path;         /* DIR/hmp.sock, an HMP monitor */
    int status;             /* the wait status once reaped */
} KvminiProc;

/*
 * Start kvmini -nodefaults with the extra arguments @args (NULL ended;
 * may be NULL; without -M in them, -M none comes first), then both QMP monitors and the HMP monitor on unix
 * sockets (server=on,wait=off). Returns once the sockets exist; aborts the test if
 * they do not appear within 60 s (nested KVM under load is slow).
 */
KvminiProc *kvmini_proc_start(const char *const *args);

/*
 * Append to @argv (its strings freed with g_free) -M none unless @args
 * (NULL ended; may be NULL) name a machine with -M or -machine, then
 * copies of @args: kvmini's arguments after the program name.
 */
void kvmini_proc_add_args(GPtrArray *argv, const char *const *args);

/*
 * Kill @pid at exit or abort unless untracked (@on false) first; for
 * kvmini processes started otherwise (a daemon, a terminal test).
 */
void kvmini_proc_track(GPid pid, bool on);

/* A QMP client on @p's first QMP socket, negotiated (oob: @oob; 60 s timeouts). */
QmpClient *kvmini_proc_qmp(KvminiProc *p, bool oob);

/* A raw connection to the unix socket @path (blocking; 10 s timeouts). */
int kvmini_proc_connect(const char *path);

/* Read one line (without its "\r\n" or "\n") from @fd, a new string; NULL at EOF. */
char *kvmini_proc_read_line(int fd);

/* Read from @fd until @text has arrived; returns all read (new string). */
char *kvmini_proc_read_until(int fd, const char *text);

/* Write all of @text to @fd. */
void kvmini_proc_write(int fd, const char *text);

/*
 * Wait up to @timeout_ms for @p to exit; returns true with the wait
 * status in @p->status, false if it still runs.
 */
bool kvmini_proc_wait(KvminiProc *p, int timeout_ms);

/* @p's resident memory in KiB (VmRSS). */
long kvmini_proc_rss_kib(const KvminiProc *p);

/* Kill (SIGKILL) and reap @p if it runs, remove its directory, free it. */
void kvmini_proc_free(KvminiProc *p);

/*
 * Run @json, a QMP command object ({'execute': ..., 'arguments': ...}),
 * on @c. Returns its result as compact JSON, or "error: DESC" (new string).
 */
char *kvmini_qmp_run(QmpClient *c, const char *json);

/* kvmini_qmp_run() and assert that what it returns is exactly @expect. */
void kvmini_qmp_check(QmpClient *c, const char *json, const char *expect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(KvminiProc, kvmini_proc_free)

#endif /* TESTS_FUNCTIONAL_KVMINI_PROC_H */
