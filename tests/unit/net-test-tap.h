/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * net-test-tap.h: create a tap netdev in a test, or skip the test with
 * the reason when this process may not (not root, no /dev/net/tun). For
 * test programs that link net/.
 */
#ifndef TESTS_NET_TEST_TAP_H
#define TESTS_NET_TEST_TAP_H

#include "net/tap.h"
#include "util/error.h"

/*
 * A new tap netdev @id on @ifname (NULL: tapN), or NULL after marking the
 * test skipped: "needs root and /dev/net/tun: REASON".
 */
static inline NetClientState *tap_new_or_skip(const char *id,
                                              const char *ifname)
{
    Error *err = NULL;
    NetClientState *nc = net_tap_new(id, ifname, &err);
    g_autofree char *reason = NULL;

    if (!nc) {
        reason = g_strdup_printf("needs root and /dev/net/tun: %s",
                                 error_get_pretty(err));
        g_test_skip(reason);
        error_free(err);
    }
    return nc;
}

#endif /* TESTS_NET_TEST_TAP_H */
