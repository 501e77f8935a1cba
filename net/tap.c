/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tap.c: the tap netdev: a /dev/net/tun descriptor in tap mode with a
 * virtio-net header on every frame, read from the main loop while the
 * peer wants frames.
 */
#include "osdep.h"

#include <fcntl.h>
#include <glib-unix.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <sys/ioctl.h>

#include "net/tap.h"
#include "util/error.h"

#define PATH_NET_TUN "/dev/net/tun"
/* struct virtio_net_hdr, what IFF_VNET_HDR puts before a frame. */
#define TAP_VNET_HDR_LEN 10
/* The largest frame read: a 64 KiB GSO frame and its header. */
#define TAP_BUFSIZE (TAP_VNET_HDR_LEN + 65536)

typedef struct TAPState {
    NetClientState nc;
    int fd;
    char ifname[IFNAMSIZ];
    guint watch;                /* the read source while receiving, or 0 */
    uint8_t buf[TAP_BUFSIZE];
} TAPState;

static TAPState *tap_state(const NetClientState *nc)
{
    return container_of(nc, TAPState, nc);
}

static ssize_t tap_send(NetClientState *nc, const uint8_t *buf, size_t size)
{
    ssize_t n;

    do {
        n = write(tap_state(nc)->fd, buf, size);
    } while (0 > n && EINTR == errno);
    return 0 > n ? -errno : n;
}

/* Read the frames waiting on the tap and hand them to the peer. */
static gboolean tap_readable(gint fd, GIOCondition cond, gpointer opaque)
{
    TAPState *s = opaque;
    ssize_t n;

    while (s->nc.receive) {
        n = read(fd, s->buf, sizeof(s->buf));
        if (0 > n && EINTR == errno) {
            continue;
        }
        if (0 >= n) {
            break;
        }
        s->nc.receive(s->nc.receive_opaque, s->buf, n);
    }
    return G_SOURCE_CONTINUE;
}

static void tap_set_receive(NetClientState *nc, bool on)
{
    TAPState *s = tap_state(nc);

    if (on && !s->watch) {
        s->watch = g_unix_fd_add(s->fd, G_IO_IN, tap_readable, s);
    } else if (!on && s->watch) {
        g_source_remove(s->watch);
        s->watch = 0;
    }
}

static void tap_cleanup(NetClientState *nc)
{
    TAPState *s = tap_state(nc);

    tap_set_receive(nc, false);
    close(s->fd);
    g_free(s);
}

static const NetClientInfo tap_info = {
    .type = "tap",
    .send = tap_send,
    .set_receive = tap_set_receive,
    .cleanup = tap_cleanup,
};

/* Open /dev/net/tun as interface @ifname (may be ""); its fd or -1. */
static int tap_open(char ifname[IFNAMSIZ], Error **errp)
{
    struct ifreq ifr = { .ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR };
    int fd = open(PATH_NET_TUN, O_RDWR | O_NONBLOCK | O_CLOEXEC);

    if (0 > fd) {
        error_setg_errno(errp, errno, "could not open %s", PATH_NET_TUN);
        return -1;
    }
    g_strlcpy(ifr.ifr_name, ifname[0] ? ifname : "tap%d", IFNAMSIZ);
    if (0 > ioctl(fd, TUNSETIFF, &ifr)) {
        error_setg_errno(errp, errno, "could not configure %s (%s)",
                         PATH_NET_TUN, ifr.ifr_name);
        close(fd);
        return -1;
    }
    g_strlcpy(ifname, ifr.ifr_name, IFNAMSIZ);
    return fd;
}

NetClientState *net_tap_new(const char *id, const char *ifname,
                            Error **errp)
{
    TAPState *s;

    if (ifname && IFNAMSIZ <= strlen(ifname)) {
        error_setg(errp, "Parameter 'ifname' expects a name of at most %d "
                   "characters", IFNAMSIZ - 1);
        return NULL;
    }
    if (qemu_find_netdev(id)) {
        error_setg(errp, "Duplicate ID '%s' for netdev", id);
        return NULL;
    }
    s = g_new0(TAPState, 1);
    g_strlcpy(s->ifname, ifname ? ifname : "", IFNAMSIZ);
    s->fd = tap_open(s->ifname, errp);
    if (0 > s->fd) {
        g_free(s);
        return NULL;
    }
    s->nc.info = &tap_info;
    s->nc.id = g_strdup(id);
    s->nc.vnet_hdr_len = TAP_VNET_HDR_LEN;
    /* The id was checked before the interface was created. */
    qemu_net_client_register(&s->nc, &error_abort);
    return &s->nc;
}

const char *net_tap_get_ifname(const NetClientState *nc)
{
    return &tap_info == nc->info ? tap_state(nc)->ifname : NULL;
}
