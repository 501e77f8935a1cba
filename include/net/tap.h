/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tap.h: the tap netdev: -netdev tap,id=ID[,ifname=NAME][,script=no]
 * [,downscript=no], a Linux tap interface opened through /dev/net/tun
 * with IFF_TAP | IFF_NO_PI | IFF_VNET_HDR. kvmini runs no ifup/ifdown
 * scripts: script and downscript default to no, and only no is accepted.
 * Creating one needs CAP_NET_ADMIN (root).
 */
#ifndef NET_TAP_H
#define NET_TAP_H

#include "net/net.h"

/*
 * Create the tap netdev @id (copied) on interface @ifname (NULL: the
 * kernel picks tapN). Returns it (registered; borrowed) or NULL with
 * @errp set: "could not open /dev/net/tun: REASON", "could not configure
 * /dev/net/tun (IFNAME): REASON", "Duplicate ID 'ID' for netdev".
 */
NetClientState *net_tap_new(const char *id, const char *ifname,
                            Error **errp);

/* The host interface name of @nc (borrowed), or NULL if it is no tap. */
const char *net_tap_get_ifname(const NetClientState *nc);

#endif /* NET_TAP_H */
