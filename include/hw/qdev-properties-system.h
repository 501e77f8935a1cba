/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-properties-system.h: qdev properties that connect a device to a
 * backend by the backend's id: a chardev (a CharBackend field), a drive
 * (a BlockBackend *), a netdev (a NetClientState *).
 * Setting one attaches the device at once, so a backend another device
 * uses is refused; the device lets go of it when it is finalized.
 * docs/devel/qdev.md ("Backend properties") describes them.
 */
#ifndef HW_QDEV_PROPERTIES_SYSTEM_H
#define HW_QDEV_PROPERTIES_SYSTEM_H

#include "block/block-backend.h"
#include "chardev/char-fe.h"
#include "hw/qdev-properties.h"
#include "net/net.h"

extern const PropertyInfo qdev_prop_chr;
extern const PropertyInfo qdev_prop_drive;
extern const PropertyInfo qdev_prop_netdev;

/*
 * A CharBackend field, attached as the frontend of the chardev whose id
 * is set ("" detaches). Errors: "Property 'TYPE.NAME' can't find value
 * 'ID'", "Property 'TYPE.NAME' can't take value 'ID': Device 'ID' is in
 * use".
 */
#define DEFINE_PROP_CHR(_n, _s, _f)                                     \
    DEFINE_PROP(_n, _s, _f, qdev_prop_chr, CharBackend)

/*
 * A BlockBackend * field, attached (blk_attach_dev()) to the backend with
 * the id set ("" detaches). Errors: "Property 'TYPE.NAME' can't find
 * value 'ID'", "Drive 'ID' is already in use by another device".
 */
#define DEFINE_PROP_DRIVE(_n, _s, _f)                                   \
    DEFINE_PROP(_n, _s, _f, qdev_prop_drive, BlockBackend *)

/*
 * A NetClientState * field: the device becomes the peer of the netdev
 * with the id set ("" detaches). Errors: "Property 'TYPE.NAME' can't find
 * value 'ID'", "Property 'TYPE.NAME' can't take value 'ID', it's in use".
 */
#define DEFINE_PROP_NETDEV(_n, _s, _f)                                  \
    DEFINE_PROP(_n, _s, _f, qdev_prop_netdev, NetClientState *)

#endif /* HW_QDEV_PROPERTIES_SYSTEM_H */
