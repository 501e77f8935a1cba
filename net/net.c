/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * net.c: the list of netdevs, -netdev, and the peer side: attaching a
 * device, sending frames and delivering received ones.
 */
#include "osdep.h"

#include "net/tap.h"
#include "util/error-report.h"
#include "util/error.h"

/* Every netdev, in creation order. */
static GQueue net_clients = G_QUEUE_INIT;

QemuOptsList qemu_netdev_opts = {
    .name = "netdev",
    .implied_opt_name = "type",
    .desc = {
        { .name = "type", .type = QEMU_OPT_STRING,
          .help = "the backend type (tap)" },
        { .name = "ifname", .type = QEMU_OPT_STRING,
          .help = "tap: the host interface name (default: tapN)" },
        { .name = "script", .type = QEMU_OPT_STRING,
          .help = "tap: only no (kvmini runs no scripts)" },
        { .name = "downscript", .type = QEMU_OPT_STRING,
          .help = "tap: only no (kvmini runs no scripts)" },
        { /* end of list */ }
    },
};

bool qemu_net_client_register(NetClientState *nc, Error **errp)
{
    if (qemu_find_netdev(nc->id)) {
        error_setg(errp, "Duplicate ID '%s' for netdev", nc->id);
        return false;
    }
    g_queue_push_tail(&net_clients, nc);
    return true;
}

/* Refuse a tap script other than "no": kvmini runs none. */
static bool net_check_no_script(QemuOpts *opts, const char *name,
                                Error **errp)
{
    const char *script = qemu_opt_get(opts, name);

    if (script && strcmp(script, "no")) {
        error_setg(errp, "Parameter '%s' does not accept value '%s' "
                   "(kvmini runs no scripts: use %s=no)", name, script, name);
        return false;
    }
    return true;
}

NetClientState *net_client_new(QemuOpts *opts, Error **errp)
{
    const char *type = qemu_opt_get(opts, "type");
    const char *id = qemu_opts_id(opts);

    if (!type) {
        error_setg(errp, "Parameter 'type' is missing");
        return NULL;
    }
    if (strcmp(type, "tap")) {
        error_setg(errp, "Parameter 'type' does not accept value '%s'", type);
        return NULL;
    }
    if (!id) {
        error_setg(errp, "Parameter 'id' is missing");
        return NULL;
    }
    if (!net_check_no_script(opts, "script", errp) ||
        !net_check_no_script(opts, "downscript", errp)) {
        return NULL;
    }
    return net_tap_new(id, qemu_opt_get(opts, "ifname"), errp);
}

void netdev_print_help(void)
{
    help_printf("Available netdev backend types:\ntap\n");
}

bool netdev_option_add(const char *optarg, bool *help, Error **errp)
{
    QemuOpts *opts;

    *help = is_help_option(optarg);
    if (*help) {
        netdev_print_help();
        return true;
    }
    opts = qemu_opts_parse(&qemu_netdev_opts, optarg, true, errp);
    if (!opts) {
        return false;
    }
    if (!net_client_new(opts, errp)) {
        qemu_opts_del(opts);
        return false;
    }
    return true;
}

void qemu_del_net_client(NetClientState *nc)
{
    g_assert(!nc->peer);
    g_queue_remove(&net_clients, nc);
    g_free(nc->id);
    nc->info->cleanup(nc);
}

void net_cleanup(void)
{
    NetClientState *nc;

    while ((nc = g_queue_peek_head(&net_clients))) {
        if (nc->peer) {
            qemu_netdev_detach(nc, nc->peer);
        }
        qemu_del_net_client(nc);
    }
}

NetClientState *qemu_find_netdev(const char *id)
{
    GList *l;

    for (l = net_clients.head; l; l = l->next) {
        NetClientState *nc = l->data;

        if (!strcmp(nc->id, id)) {
            return nc;
        }
    }
    return NULL;
}

bool qemu_netdev_attach(NetClientState *nc, DeviceState *dev)
{
    if (nc->peer && nc->peer != dev) {
        return false;
    }
    nc->peer = dev;
    return true;
}

void qemu_netdev_detach(NetClientState *nc, DeviceState *dev)
{
    g_assert(nc->peer == dev);
    qemu_netdev_set_receive(nc, NULL, NULL);
    nc->peer = NULL;
}

void qemu_netdev_set_receive(NetClientState *nc, NetReceive *receive,
                             void *opaque)
{
    nc->receive = receive;
    nc->receive_opaque = opaque;
    nc->info->set_receive(nc, receive);
}

ssize_t qemu_send_packet(NetClientState *nc, const uint8_t *buf,
                         size_t size)
{
    if (size < (size_t)nc->vnet_hdr_len) {
        return -EINVAL;
    }
    return nc->info->send(nc, buf, size);
}
