/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-client-connect.c: libqmp's addresses: "tcp:HOST:PORT", "unix:PATH"
 * or a bare unix socket path, connected to a socket for qmp_client_new_fd().
 */
#include "osdep.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "util/error.h"
#include "qmp-client-internal.h"

/*
 * Connect to the unix socket @path before @deadline. A server that does
 * not accept (stopped, hung) fills its listen backlog, and then connect()
 * on a non-blocking unix socket says EAGAIN: try again until @deadline.
 */
static int connect_unix(const char *path, gint64 deadline, Error **errp)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    gint64 left;
    int fd;

    if (strlen(path) >= sizeof(addr.sun_path)) {
        error_setg(errp, "unix socket path '%s' is too long", path);
        return -1;
    }
    strcpy(addr.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg_errno(errp, errno, "cannot create a unix socket");
        return -1;
    }
    for (;;) {
        if (!connect(fd, (struct sockaddr *)&addr, sizeof(addr))) {
            return fd;
        }
        if (errno == EINTR) {
            continue;
        }
        left = deadline - g_get_monotonic_time();
        if (errno != EAGAIN || left <= 0) {
            break;
        }
        g_usleep(MIN(10000, left));
    }
    error_setg_errno(errp, errno == EAGAIN ? ETIMEDOUT : errno,
                     "cannot connect to unix socket '%s'", path);
    close(fd);
    return -1;
}

/*
 * Connect a non-blocking socket to @ai before @deadline. Returns the
 * socket, or -1 with errno set.
 */
static int connect_addrinfo(const struct addrinfo *ai, gint64 deadline)
{
    socklen_t len = sizeof(int);
    int fd, ready, err = 0, one = 1;

    fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                ai->ai_protocol);
    if (fd < 0) {
        return -1;
    }
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
        err = errno;
    }
    if (err == EINPROGRESS) {
        ready = libqmp_wait_fd(fd, POLLOUT, deadline);
        if (ready < 0 ||
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0) {
            err = errno;
        } else if (!ready) {
            err = ETIMEDOUT;
        }
    }
    if (err) {
        close(fd);
        errno = err;
        return -1;
    }
    /* Requests are small and each one waits for its reply: no batching. */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    return fd;
}

/* Split "HOST:PORT" or "[V6]:PORT" into new strings; false if malformed. */
static bool split_host_port(const char *hostport, char **host, char **port)
{
    const char *colon = strrchr(hostport, ':');
    const char *end = colon;

    if (!colon || !colon[1]) {
        return false;
    }
    if (hostport[0] == '[') {
        if (hostport + 1 >= colon || colon[-1] != ']') {
            return false;
        }
        hostport++;
        end--;
    }
    if (hostport == end) {
        return false;
    }
    *host = g_strndup(hostport, end - hostport);
    *port = g_strdup(colon + 1);
    return true;
}

static int connect_tcp(const char *hostport, gint64 deadline, Error **errp)
{
    struct addrinfo hints = {
        .ai_family = AF_UNSPEC,
        .ai_socktype = SOCK_STREAM,
    };
    g_autofree char *host = NULL;
    g_autofree char *port = NULL;
    struct addrinfo *res, *ai;
    int fd = -1, ret;

    if (!split_host_port(hostport, &host, &port)) {
        error_setg(errp, "invalid QMP address 'tcp:%s', expected "
                   "tcp:HOST:PORT", hostport);
        return -1;
    }
    ret = getaddrinfo(host, port, &hints, &res);
    if (ret) {
        error_setg(errp, "cannot resolve '%s': %s", hostport,
                   gai_strerror(ret));
        return -1;
    }
    for (ai = res; ai && fd < 0; ai = ai->ai_next) {
        fd = connect_addrinfo(ai, deadline);
    }
    if (fd < 0) {
        error_setg_errno(errp, errno, "cannot connect to '%s'", hostport);
    }
    freeaddrinfo(res);
    return fd;
}

QmpClient *qmp_client_connect(const char *address,
                              const QmpClientOptions *opts, Error **errp)
{
    int64_t timeout_ms = libqmp_timeout_ms(opts ? opts->timeout_ms : 0);
    gint64 deadline = libqmp_deadline(timeout_ms);
    int fd;

    if (g_str_has_prefix(address, "tcp:")) {
        fd = connect_tcp(address + strlen("tcp:"), deadline, errp);
    } else if (g_str_has_prefix(address, "unix:")) {
        fd = connect_unix(address + strlen("unix:"), deadline, errp);
    } else {
        fd = connect_unix(address, deadline, errp);
    }
    if (fd < 0) {
        return NULL;
    }
    return qmp_client_new_fd(fd, opts, errp);
}
