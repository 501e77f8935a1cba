/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-socket.c: the socket backend, unix or TCP, listening (server=on)
 * or connecting (reconnect=SECONDS retries). One client at a time: while
 * one is connected, the listening socket is not accepted from, so a
 * second client waits in the backlog. Unix sockets are created with mode
 * 0600 and removed when the chardev goes.
 */
#include "osdep.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "chardev-internal.h"
#include "qapi-visit-char.h"
#include "qapi/clone-visitor.h"
#include "system/yank.h"
#include "util/error-report.h"
#include "util/qemu-option.h"

typedef struct SocketChardev {
    Chardev parent_obj;
    SocketAddressLegacy *addr;  /* owned */
    bool is_listen;
    bool nodelay;
    int64_t reconnect;          /* seconds; 0: never */
    int listen_fd;
    GSource *listen_src;
    int fd;                     /* the connection, or -1 */
    GSource *read_src;
    guint reconnect_id;
    dev_t sock_dev;             /* the unix socket file made, to remove */
    ino_t sock_ino;
    bool yank_registered;       /* in the yank list (system/yank.h) */
} SocketChardev;

DECLARE_INSTANCE_CHECKER(SocketChardev, SOCKET_CHARDEV, "chardev-socket")

static void tcp_chr_listen_watch(SocketChardev *s);
static bool tcp_chr_try_connect(SocketChardev *s, Error **errp);

static bool tcp_chr_is_unix(const SocketChardev *s)
{
    return SOCKET_ADDRESS_TYPE_UNIX == s->addr->type;
}

/* "unix:PATH" or "tcp:HOST:PORT", as QEMU prints an address. */
static char *tcp_chr_addr_str(const SocketChardev *s)
{
    if (tcp_chr_is_unix(s)) {
        return g_strdup_printf("unix:%s", s->addr->u.q_unix.data->path);
    }
    return g_strdup_printf("tcp:%s:%s", s->addr->u.inet.data->host,
                           s->addr->u.inet.data->port);
}

static char *tcp_chr_sockaddr_str(const struct sockaddr_storage *ss,
                                  socklen_t len)
{
    char host[NI_MAXHOST] = "", serv[NI_MAXSERV] = "";

    getnameinfo((const struct sockaddr *)ss, len, host, sizeof(host), serv,
                sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV);
    return g_strdup_printf("%s:%s", host, serv);
}

static void tcp_chr_update_filename(SocketChardev *s)
{
    const char *server = s->is_listen ? ",server=on" : "";
    g_autofree char *addr = tcp_chr_addr_str(s);
    struct sockaddr_storage local, peer;
    socklen_t llen = sizeof(local), plen = sizeof(peer);
    g_autofree char *lstr = NULL, *pstr = NULL;

    if (0 > s->fd) {
        qemu_chr_set_filename(CHARDEV(s), g_strdup_printf("disconnected:%s%s",
                                                          addr, server));
        return;
    }
    if (tcp_chr_is_unix(s) ||
        getsockname(s->fd, (struct sockaddr *)&local, &llen) ||
        getpeername(s->fd, (struct sockaddr *)&peer, &plen)) {
        qemu_chr_set_filename(CHARDEV(s), g_strdup_printf("%s%s", addr, server));
        return;
    }
    lstr = tcp_chr_sockaddr_str(&local, llen);
    pstr = tcp_chr_sockaddr_str(&peer, plen);
    qemu_chr_set_filename(CHARDEV(s), g_strdup_printf("tcp:%s%s <-> %s",
                                                      lstr, server, pstr));
}

static gboolean tcp_chr_reconnect_cb(gpointer opaque)
{
    SocketChardev *s = opaque;

    s->reconnect_id = 0;
    if (!tcp_chr_try_connect(s, NULL)) {
        s->reconnect_id = g_timeout_add_seconds(s->reconnect,
                                                tcp_chr_reconnect_cb, s);
    }
    return G_SOURCE_REMOVE;
}

static void tcp_chr_disconnect(SocketChardev *s)
{
    if (0 > s->fd) {
        return;
    }
    chr_source_clear(&s->read_src);
    close(s->fd);
    s->fd = -1;
    tcp_chr_update_filename(s);
    if (s->is_listen) {
        tcp_chr_listen_watch(s);
    } else if (s->reconnect) {
        s->reconnect_id = g_timeout_add_seconds(s->reconnect,
                                                tcp_chr_reconnect_cb, s);
    }
    qemu_chr_be_event(CHARDEV(s), CHR_EVENT_CLOSED);
}

static void tcp_chr_read(Chardev *chr, GIOCondition cond)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);

    if (!chr_fd_read_to_frontend(chr, s->fd, cond)) {
        tcp_chr_disconnect(s);
    }
}

/*
 * yank: cut the connection now. shutdown() makes the pending read see the
 * end of the stream, and the usual disconnect follows from the main loop.
 */
static void tcp_chr_yank(void *opaque)
{
    SocketChardev *s = opaque;

    if (0 <= s->fd) {
        shutdown(s->fd, SHUT_RDWR);
    }
}

/* Take @fd as the connection and tell the frontend. */
static void tcp_chr_new_client(SocketChardev *s, int fd)
{
    int one = 1;

    s->fd = fd;
    g_unix_set_fd_nonblocking(fd, TRUE, NULL);
    if (s->nodelay && !tcp_chr_is_unix(s)) {
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    chr_source_clear(&s->listen_src);
    s->read_src = chr_read_source_new(CHARDEV(s), fd, tcp_chr_read);
    tcp_chr_update_filename(s);
    qemu_chr_be_event(CHARDEV(s), CHR_EVENT_OPENED);
}

static gboolean tcp_chr_accept(gint fd, GIOCondition cond, gpointer opaque)
{
    SocketChardev *s = opaque;
    int client = accept4(fd, NULL, NULL, SOCK_CLOEXEC);

    if (0 <= client) {
        tcp_chr_new_client(s, client);
    }
    return G_SOURCE_CONTINUE;
}

static void tcp_chr_listen_watch(SocketChardev *s)
{
    s->listen_src = g_unix_fd_source_new(s->listen_fd, G_IO_IN);
    g_source_set_callback(s->listen_src,
                          (GSourceFunc)(void (*)(void))tcp_chr_accept, s, NULL);
    g_source_attach(s->listen_src, NULL);
}

/* A unix socket address for @path, or false if it is too long. */
static bool tcp_chr_unix_addr(const char *path, struct sockaddr_un *un,
                              Error **errp)
{
    memset(un, 0, sizeof(*un));
    un->sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(un->sun_path)) {
        error_setg(errp, "UNIX socket path '%s' is too long", path);
        return false;
    }
    strcpy(un->sun_path, path);
    return true;
}

/* Resolve the TCP address of @s; freeaddrinfo() the result. */
static struct addrinfo *tcp_chr_resolve(SocketChardev *s, bool passive,
                                        Error **errp)
{
    InetSocketAddress *inet = s->addr->u.inet.data;
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM,
                              .ai_flags = passive ? AI_PASSIVE : 0 };
    struct addrinfo *res = NULL;
    int rc = getaddrinfo(*inet->host ? inet->host : NULL, inet->port, &hints,
                         &res);

    if (rc) {
        error_setg(errp, "address resolution failed for %s:%s: %s",
                   inet->host, inet->port, gai_strerror(rc));
        return NULL;
    }
    return res;
}

/* With port 0 the kernel chose one: show that one, as QEMU does. */
static void tcp_chr_set_bound_port(SocketChardev *s)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    char serv[NI_MAXSERV];

    if (!getsockname(s->listen_fd, (struct sockaddr *)&ss, &len) &&
        !getnameinfo((struct sockaddr *)&ss, len, NULL, 0, serv, sizeof(serv),
                     NI_NUMERICSERV)) {
        g_free(s->addr->u.inet.data->port);
        s->addr->u.inet.data->port = g_strdup(serv);
        tcp_chr_update_filename(s);
    }
}

static bool tcp_chr_listen(SocketChardev *s, Error **errp)
{
    g_autofree char *addr = tcp_chr_addr_str(s);
    struct addrinfo *res = NULL;
    struct sockaddr_un un;
    struct stat st;
    int fd, one = 1, rc;

    if (tcp_chr_is_unix(s)) {
        if (!tcp_chr_unix_addr(s->addr->u.q_unix.data->path, &un, errp)) {
            return false;
        }
        unlink(un.sun_path);
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        /* Linux creates the socket file with the socket's mode. */
        rc = 0 > fd ? -1 : fchmod(fd, 0600) ? -1 :
            bind(fd, (struct sockaddr *)&un, sizeof(un));
    } else {
        res = tcp_chr_resolve(s, true, errp);
        if (!res) {
            return false;
        }
        fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        rc = 0 > fd ? -1 :
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ? -1 :
            bind(fd, res->ai_addr, res->ai_addrlen);
        freeaddrinfo(res);
    }
    if (rc || listen(fd, 1)) {
        error_setg_errno(errp, errno, "Failed to bind socket to '%s'", addr);
        if (0 <= fd) {
            close(fd);
        }
        return false;
    }
    s->listen_fd = fd;
    if (tcp_chr_is_unix(s) && !stat(un.sun_path, &st)) {
        s->sock_dev = st.st_dev;
        s->sock_ino = st.st_ino;
    }
    if (!tcp_chr_is_unix(s)) {
        tcp_chr_set_bound_port(s);
    }
    return true;
}

/* Connect at once (blocking); on failure @errp is set. */
static bool tcp_chr_try_connect(SocketChardev *s, Error **errp)
{
    g_autofree char *addr = tcp_chr_addr_str(s);
    struct addrinfo *res = NULL;
    struct sockaddr_un un;
    int fd, rc;

    if (tcp_chr_is_unix(s)) {
        if (!tcp_chr_unix_addr(s->addr->u.q_unix.data->path, &un, errp)) {
            return false;
        }
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        rc = 0 > fd ? -1 : connect(fd, (struct sockaddr *)&un, sizeof(un));
    } else {
        res = tcp_chr_resolve(s, false, errp);
        if (!res) {
            return false;
        }
        fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        rc = 0 > fd ? -1 : connect(fd, res->ai_addr, res->ai_addrlen);
        freeaddrinfo(res);
    }
    if (rc) {
        /* Without the "unix:" or "tcp:" prefix, as QEMU says it. */
        error_setg_errno(errp, errno, "Failed to connect to '%s'",
                         strchr(addr, ':') + 1);
        if (0 <= fd) {
            close(fd);
        }
        return false;
    }
    tcp_chr_new_client(s, fd);
    return true;
}

static bool tcp_chr_open(Chardev *chr, ChardevBackend *backend,
                         bool *be_opened, Error **errp)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);
    ChardevSocket *sock = backend->u.socket.data;
    bool wait = sock->has_wait && sock->wait;
    g_autofree char *addr = NULL;
    Error *err = NULL;
    int fd;

    s->is_listen = !sock->has_server || sock->server;
    s->nodelay = sock->has_nodelay && sock->nodelay;
    s->reconnect = sock->has_reconnect ? sock->reconnect : 0;
    if (sock->tls_creds || sock->tls_authz ||
        (sock->has_telnet && sock->telnet) || (sock->has_tn3270 && sock->tn3270) ||
        (sock->has_websocket && sock->websocket)) {
        error_setg(errp, "chardev: socket: tls, telnet, tn3270 and websocket "
                   "are not supported");
        return false;
    }
    if (s->is_listen && s->reconnect) {
        error_setg(errp, "'reconnect' option is incompatible with socket in "
                   "server listen mode");
        return false;
    }
    if (0 > s->reconnect) {
        error_setg(errp, "'reconnect' must not be negative");
        return false;
    }
    s->addr = QAPI_CLONE(SocketAddressLegacy, sock->addr);
    *be_opened = false;
    yank_register_chardev(chr->label, tcp_chr_yank, s);
    s->yank_registered = true;
    tcp_chr_update_filename(s);
    if (!s->is_listen) {
        if (tcp_chr_try_connect(s, &err)) {
            return true;
        }
        if (!s->reconnect) {
            error_propagate(errp, err);
            return false;
        }
        error_reportf_err(err, "Unable to connect character device %s: ",
                          chr->label);
        s->reconnect_id = g_timeout_add_seconds(s->reconnect,
                                                tcp_chr_reconnect_cb, s);
        return true;
    }
    if (!tcp_chr_listen(s, errp)) {
        return false;
    }
    if (wait) {
        addr = g_strdup(chr->filename);
        info_report("kvmini waiting for connection on: %s", addr);
        fd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC);
        if (0 <= fd) {
            tcp_chr_new_client(s, fd);
            return true;
        }
    }
    tcp_chr_listen_watch(s);
    return true;
}

static int tcp_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);
    int n;

    if (0 > s->fd) {
        /* Like QEMU: output without a client is dropped. */
        return len;
    }
    n = chr_fd_write(s->fd, buf, len, true);
    if (0 > n) {
        tcp_chr_disconnect(s);
    }
    return n;
}

static GSource *tcp_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);

    return 0 > s->fd ? NULL : g_unix_fd_source_new(s->fd, cond);
}

static void tcp_chr_instance_init(Object *obj)
{
    SocketChardev *s = SOCKET_CHARDEV(obj);

    s->fd = -1;
    s->listen_fd = -1;
}

/* Remove the socket file, unless another has replaced it since. */
static void tcp_chr_unlink(SocketChardev *s)
{
    const char *path;
    struct stat st;

    if (!tcp_chr_is_unix(s)) {
        return;
    }
    path = s->addr->u.q_unix.data->path;
    if (!stat(path, &st) && st.st_dev == s->sock_dev &&
        st.st_ino == s->sock_ino) {
        unlink(path);
    }
}

static void tcp_chr_finalize(Object *obj)
{
    SocketChardev *s = SOCKET_CHARDEV(obj);

    if (s->yank_registered) {
        yank_unregister_chardev(CHARDEV(s)->label, s);
    }
    chr_source_clear(&s->read_src);
    chr_source_clear(&s->listen_src);
    if (s->reconnect_id) {
        g_source_remove(s->reconnect_id);
    }
    if (0 <= s->fd) {
        close(s->fd);
    }
    if (0 <= s->listen_fd) {
        close(s->listen_fd);
        tcp_chr_unlink(s);
    }
    qapi_free_SocketAddressLegacy(s->addr);
}

static void tcp_chr_parse(QemuOpts *opts, ChardevBackend *backend,
                          Error **errp)
{
    const char *path = qemu_opt_get(opts, "path");
    const char *host = qemu_opt_get(opts, "host");
    const char *port = qemu_opt_get(opts, "port");
    ChardevSocket *sock;
    SocketAddressLegacy *addr;

    if (!path && !port) {
        error_setg(errp, "chardev: socket: no path or port given");
        return;
    }
    sock = backend->u.socket.data = g_new0(ChardevSocket, 1);
    sock->has_server = true;
    sock->server = qemu_opt_get_bool(opts, "server", false);
    sock->has_wait = true;
    sock->wait = qemu_opt_get_bool(opts, "wait", true);
    sock->has_nodelay = true;
    sock->nodelay = qemu_opt_get_bool(opts, "nodelay", false);
    sock->has_reconnect = true;
    sock->reconnect = qemu_opt_get_number(opts, "reconnect", 0);
    sock->has_telnet = true;
    sock->telnet = qemu_opt_get_bool(opts, "telnet", false);
    addr = sock->addr = g_new0(SocketAddressLegacy, 1);
    if (path) {
        addr->type = SOCKET_ADDRESS_TYPE_UNIX;
        addr->u.q_unix.data = g_new0(UnixSocketAddress, 1);
        addr->u.q_unix.data->path = g_strdup(path);
    } else {
        addr->type = SOCKET_ADDRESS_TYPE_INET;
        addr->u.inet.data = g_new0(InetSocketAddress, 1);
        addr->u.inet.data->host = g_strdup(host ? host : "");
        addr->u.inet.data->port = g_strdup(port);
    }
}

static void tcp_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->parse = tcp_chr_parse;
    cc->open = tcp_chr_open;
    cc->chr_write = tcp_chr_write;
    cc->chr_add_watch = tcp_chr_add_watch;
}

static const TypeInfo tcp_chr_info = {
    .name = "chardev-socket",
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(SocketChardev),
    .instance_init = tcp_chr_instance_init,
    .instance_finalize = tcp_chr_finalize,
    .class_init = tcp_chr_class_init,
};

static void tcp_chr_register_types(void)
{
    type_register_static(&tcp_chr_info);
}

type_init(tcp_chr_register_types)
