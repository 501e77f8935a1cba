/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-net-tap.c: netdevs: -netdev parsing and its errors, and the tap
 * backend on a real tap interface: its name, the peer device, frames
 * sent by the peer reaching the host and frames from the host reaching
 * the peer's receive callback (through an AF_PACKET socket on the
 * interface). The tap cases need root and /dev/net/tun; they are skipped
 * with the reason otherwise.
 */
#include "osdep.h"

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "net-test-tap.h"

/* IEEE local experimental ethertype: nothing else sends it. */
#define TEST_ETHERTYPE 0x88b5
#define TEST_FRAME_LEN 60
#define VNET_HDR_LEN 10

static void check_error(Error *err, const char *message)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
}

static void check_netdev_error(const char *optarg, const char *message)
{
    Error *err = NULL;
    bool help;

    g_assert_false(netdev_option_add(optarg, &help, &err));
    check_error(err, message);
    g_assert_null(qemu_opts_find(&qemu_netdev_opts, "n0"));
}

static bool interface_exists(const char *ifname)
{
    g_autofree char *path = g_strdup_printf("/sys/class/net/%s", ifname);

    return g_file_test(path, G_FILE_TEST_EXISTS);
}

static void test_options(void)
{
    check_netdev_error("user,id=n0",
                       "Parameter 'type' does not accept value 'user'");
    check_netdev_error("id=n0", "Parameter 'type' is missing");
    check_netdev_error("tap", "Parameter 'id' is missing");
    check_netdev_error("tap,id=n0,script=/etc/qemu-ifup",
                       "Parameter 'script' does not accept value "
                       "'/etc/qemu-ifup' (kvmini runs no scripts: use "
                       "script=no)");
    check_netdev_error("tap,id=n0,script=no,downscript=yes",
                       "Parameter 'downscript' does not accept value 'yes' "
                       "(kvmini runs no scripts: use downscript=no)");
    check_netdev_error("tap,id=n0,ifname=0123456789abcdef",
                       "Parameter 'ifname' expects a name of at most 15 "
                       "characters");
    check_netdev_error("tap,id=n0,vhost=on", "Invalid parameter 'vhost'");
}

static void test_help(void)
{
    bool help;

    if (g_test_subprocess()) {
        g_assert_true(netdev_option_add("help", &help, &error_abort));
        g_assert_true(help);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("Available netdev backend types:\ntap\n");
}

static void test_create(void)
{
    NetClientState *nc = tap_new_or_skip("n0", NULL);
    g_autofree char *ifname = NULL;
    Error *err = NULL;
    bool help;

    if (!nc) {
        return;
    }
    ifname = g_strdup(net_tap_get_ifname(nc));
    g_assert_true(g_str_has_prefix(ifname, "tap"));
    g_assert_true(interface_exists(ifname));
    g_assert_true(qemu_find_netdev("n0") == nc);
    g_assert_null(qemu_find_netdev("n1"));
    g_assert_cmpint(nc->vnet_hdr_len, ==, VNET_HDR_LEN);
    g_assert_null(net_tap_new("n0", NULL, &err));
    check_error(err, "Duplicate ID 'n0' for netdev");
    qemu_del_net_client(nc);
    g_assert_false(interface_exists(ifname));
    /* The same through -netdev, with a chosen name. */
    g_assert_true(netdev_option_add("tap,id=n1,ifname=kvmtest0,script=no,"
                                    "downscript=no", &help, &error_abort));
    g_assert_false(help);
    g_assert_cmpstr(net_tap_get_ifname(qemu_find_netdev("n1")), ==,
                    "kvmtest0");
    check_netdev_error("tap,id=n1", "Duplicate ID 'n1' for netdev");
    g_assert_nonnull(qemu_opts_find(&qemu_netdev_opts, "n1"));
    net_cleanup();
    qemu_opts_reset(&qemu_netdev_opts);
    g_assert_false(interface_exists("kvmtest0"));
}

static void test_attach(void)
{
    NetClientState *nc = tap_new_or_skip("n0", NULL);
    DeviceState *dev1 = (DeviceState *)&dev1;
    DeviceState *dev2 = (DeviceState *)&dev2;

    if (!nc) {
        return;
    }
    g_assert_null(nc->peer);
    g_assert_true(qemu_netdev_attach(nc, dev1));
    g_assert_true(qemu_netdev_attach(nc, dev1));
    g_assert_false(qemu_netdev_attach(nc, dev2));
    g_assert_true(nc->peer == dev1);
    qemu_netdev_detach(nc, dev1);
    g_assert_true(qemu_netdev_attach(nc, dev2));
    /* net_cleanup() detaches what is still attached. */
    net_cleanup();
}

/* Bring @ifname up, so that the host sends and takes frames on it. */
static void interface_up(const char *ifname)
{
    struct ifreq ifr = { 0 };
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

    g_assert_cmpint(fd, >=, 0);
    g_strlcpy(ifr.ifr_name, ifname, IFNAMSIZ);
    g_assert_cmpint(ioctl(fd, SIOCGIFFLAGS, &ifr), ==, 0);
    ifr.ifr_flags |= IFF_UP;
    g_assert_cmpint(ioctl(fd, SIOCSIFFLAGS, &ifr), ==, 0);
    close(fd);
}

/* A packet socket on @ifname taking frames of TEST_ETHERTYPE. */
static int packet_socket(const char *ifname, struct sockaddr_ll *addr)
{
    int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK,
                    htons(TEST_ETHERTYPE));

    g_assert_cmpint(fd, >=, 0);
    *addr = (struct sockaddr_ll) {
        .sll_family = AF_PACKET,
        .sll_protocol = htons(TEST_ETHERTYPE),
        .sll_ifindex = if_nametoindex(ifname),
    };
    g_assert_cmpint(addr->sll_ifindex, >, 0);
    g_assert_cmpint(bind(fd, (struct sockaddr *)addr, sizeof(*addr)), ==, 0);
    return fd;
}

/* A broadcast test frame whose payload starts with @text. */
static void make_frame(uint8_t *frame, const char *text)
{
    static const uint8_t src[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };

    memset(frame, 0, TEST_FRAME_LEN);
    memset(frame, 0xff, ETH_ALEN);
    memcpy(frame + ETH_ALEN, src, ETH_ALEN);
    frame[12] = TEST_ETHERTYPE >> 8;
    frame[13] = TEST_ETHERTYPE & 0xff;
    memcpy(frame + ETH_HLEN, text, strlen(text));
}

typedef struct Received {
    GByteArray *frame;          /* the first test frame, or NULL */
} Received;

static void test_receive(void *opaque, const uint8_t *buf, size_t size)
{
    Received *r = opaque;

    if (!r->frame && size >= VNET_HDR_LEN + ETH_HLEN &&
        buf[VNET_HDR_LEN + 12] == TEST_ETHERTYPE >> 8 &&
        buf[VNET_HDR_LEN + 13] == (TEST_ETHERTYPE & 0xff)) {
        r->frame = g_byte_array_new();
        g_byte_array_append(r->frame, buf, size);
    }
}

static void test_send_receive(void)
{
    NetClientState *nc = tap_new_or_skip("n0", NULL);
    uint8_t out[VNET_HDR_LEN + TEST_FRAME_LEN] = { 0 };
    uint8_t frame[TEST_FRAME_LEN], got[TEST_FRAME_LEN + 16];
    struct pollfd pfd = { .events = POLLIN };
    struct sockaddr_ll addr;
    Received r = { NULL };
    gint64 deadline;
    ssize_t n;

    if (!nc) {
        return;
    }
    interface_up(net_tap_get_ifname(nc));
    pfd.fd = packet_socket(net_tap_get_ifname(nc), &addr);

    /* Peer to host: the virtio-net header is stripped by the kernel. */
    g_assert_cmpint(qemu_send_packet(nc, out, VNET_HDR_LEN - 1), ==,
                    -EINVAL);
    make_frame(out + VNET_HDR_LEN, "to the host");
    g_assert_cmpint(qemu_send_packet(nc, out, sizeof(out)), ==, sizeof(out));
    g_assert_cmpint(poll(&pfd, 1, 5000), ==, 1);
    n = recv(pfd.fd, got, sizeof(got), 0);
    g_assert_cmpint(n, ==, TEST_FRAME_LEN);
    g_assert_cmpmem(got, n, out + VNET_HDR_LEN, TEST_FRAME_LEN);

    /* Host to peer, through the main loop. */
    qemu_netdev_set_receive(nc, test_receive, &r);
    make_frame(frame, "to the guest");
    g_assert_cmpint(sendto(pfd.fd, frame, sizeof(frame), 0,
                           (struct sockaddr *)&addr, sizeof(addr)), ==,
                    sizeof(frame));
    deadline = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;
    while (!r.frame && g_get_monotonic_time() < deadline) {
        g_main_context_iteration(NULL, false);
        g_usleep(1000);
    }
    g_assert_nonnull(r.frame);
    g_assert_cmpuint(r.frame->len, ==, VNET_HDR_LEN + TEST_FRAME_LEN);
    g_assert_cmpmem(r.frame->data + VNET_HDR_LEN, TEST_FRAME_LEN, frame,
                    TEST_FRAME_LEN);
    g_byte_array_unref(r.frame);
    close(pfd.fd);
    net_cleanup();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/net/tap/options", test_options);
    g_test_add_func("/net/tap/help", test_help);
    g_test_add_func("/net/tap/create", test_create);
    g_test_add_func("/net/tap/attach", test_attach);
    g_test_add_func("/net/tap/send-receive", test_send_receive);
    return g_test_run();
}
