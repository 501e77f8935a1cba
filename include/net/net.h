/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * net.h: network backends (netdevs). A NetClientState is a backend with
 * a unique id (-netdev TYPE,id=ID); one device at a time is its peer
 * (the "netdev" qdev property). The peer sends frames with
 * qemu_send_packet() and gets the backend's frames through the receive
 * callback it installs. docs/devel/net.md describes the model.
 *
 * Frames start with the virtio-net header the backend negotiated
 * (qemu_netdev_vnet_hdr_len(); 10 bytes for tap), as virtio-net needs.
 * Everything runs in the main loop thread.
 */
#ifndef NET_NET_H
#define NET_NET_H

#include "typedefs.h"
#include "util/qemu-option.h"

typedef struct NetClientState NetClientState;

/* A frame of @size bytes for the peer (borrowed: copy what you keep). */
typedef void NetReceive(void *opaque, const uint8_t *buf, size_t size);

/* What a backend type implements. */
typedef struct NetClientInfo {
    const char *type;           /* "tap" */
    /* Send one frame to the host; returns @size or -errno. */
    ssize_t (*send)(NetClientState *nc, const uint8_t *buf, size_t size);
    /* Start (@on) or stop delivering frames to nc->receive. */
    void (*set_receive)(NetClientState *nc, bool on);
    /* Close the backend and free it, @nc included. */
    void (*cleanup)(NetClientState *nc);
} NetClientInfo;

struct NetClientState {
    const NetClientInfo *info;
    char *id;
    int vnet_hdr_len;           /* bytes of virtio-net header per frame */
    DeviceState *peer;          /* borrowed; the attached device or NULL */
    NetReceive *receive;        /* the peer's callback, or NULL */
    void *receive_opaque;
};

/* The -netdev option list; vl.c registers it with qemu_add_opts(). */
extern QemuOptsList qemu_netdev_opts;

/*
 * Register @nc (allocated by a backend type, id set) as a netdev; takes
 * ownership. Fails with "Duplicate ID 'ID' for netdev".
 */
bool qemu_net_client_register(NetClientState *nc, Error **errp);

/*
 * Create the netdev @opts (borrowed) describe. Returns it (borrowed:
 * owned by the list of netdevs until qemu_del_net_client()) or NULL with
 * @errp set: "Parameter 'type' is missing", "Parameter 'type' does not
 * accept value 'X'", "Parameter 'id' is missing", the backend's errors.
 */
NetClientState *net_client_new(QemuOpts *opts, Error **errp);

/*
 * -netdev @optarg: parse it into qemu_netdev_opts and create the netdev,
 * or with "help" print the backend types and set *@help. False with
 * @errp set on failure.
 */
bool netdev_option_add(const char *optarg, bool *help, Error **errp);

/* Print `-netdev help`: "Available netdev backend types:" and the types. */
void netdev_print_help(void);

/* Close @nc and forget it; no device may be attached. */
void qemu_del_net_client(NetClientState *nc);

/* Delete every netdev, detaching their devices (shutdown and tests). */
void net_cleanup(void);

/* The netdev with id @id (borrowed), or NULL. */
NetClientState *qemu_find_netdev(const char *id);

/*
 * Make @dev (borrowed, not referenced) the peer of @nc. Returns false when
 * another device is the peer; attaching the same one again is fine.
 */
bool qemu_netdev_attach(NetClientState *nc, DeviceState *dev);

/* Detach @dev, which must be the peer; stops delivering frames. */
void qemu_netdev_detach(NetClientState *nc, DeviceState *dev);

/*
 * Deliver the backend's frames to @receive(@opaque, ...) from the main
 * loop (NULL: stop, frames wait in the host queue).
 */
void qemu_netdev_set_receive(NetClientState *nc, NetReceive *receive,
                             void *opaque);

/*
 * Send the frame @buf (@size bytes, virtio-net header first) to the
 * host through @nc. Returns @size, -EINVAL when @size is shorter than the
 * header, or -errno of the host (-EAGAIN: the host queue is full).
 */
ssize_t qemu_send_packet(NetClientState *nc, const uint8_t *buf,
                         size_t size);

#endif /* NET_NET_H */
