/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-client-server.h: a scripted QMP server for libqmp's tests. It runs
 * in a thread of the test, on a unix socket, a TCP port or one end of a
 * socketpair, and plays a script: send these bytes, expect this request,
 * close. Whatever departs from the script is reported by
 * fake_server_finish().
 */
#ifndef TESTS_TEST_CLIENT_SERVER_H
#define TESTS_TEST_CLIENT_SERVER_H

typedef enum FakeOp {
    FAKE_OP_END,        /* end of script: wait for the client to close */
    FAKE_OP_SEND,       /* send JSON @text (single quotes allowed) + "\r\n" */
    FAKE_OP_SEND_RAW,   /* send the bytes of @text as they are */
    FAKE_OP_EXPECT,     /* receive one request, equal to JSON @text */
    FAKE_OP_ECHO,       /* receive @count requests; answer them last first */
    FAKE_OP_CLOSE,      /* close the connection, end the script */
    FAKE_OP_PAUSE,      /* wait for fake_server_resume() */
} FakeOp;

typedef struct FakeStep {
    FakeOp op;
    const char *text;
    int count;
} FakeStep;

#define FAKE_SEND(json)         { FAKE_OP_SEND, (json), 0 }
#define FAKE_SEND_RAW(bytes)    { FAKE_OP_SEND_RAW, (bytes), 0 }
#define FAKE_EXPECT(json)       { FAKE_OP_EXPECT, (json), 0 }
#define FAKE_ECHO(n)            { FAKE_OP_ECHO, NULL, (n) }
#define FAKE_CLOSE              { FAKE_OP_CLOSE, NULL, 0 }
#define FAKE_PAUSE              { FAKE_OP_PAUSE, NULL, 0 }
#define FAKE_END                { FAKE_OP_END, NULL, 0 }

/* QEMU 7.2's greeting shape, as kvmini sends it. */
#define FAKE_GREETING \
    "{'QMP': {'version': {'qemu': {'micro': 0, 'minor': 2, 'major': 7}, " \
    "'package': 'kvmini 0.1.0'}, 'capabilities': ['oob']}}"

/* The greeting and a successful negotiation without capabilities. */
#define FAKE_NEGOTIATION \
    FAKE_SEND(FAKE_GREETING), \
    FAKE_EXPECT("{'execute': 'qmp_capabilities', 'id': 1}"), \
    FAKE_SEND("{'return': {}, 'id': 1}")

/* How long the server waits for the client at any step. */
#define FAKE_SERVER_TIMEOUT_MS  10000

typedef struct FakeServer FakeServer;

/*
 * Start playing @script (borrowed: it must outlive the server) for the
 * first client that connects to a unix socket in a new temporary
 * directory (fake_server_address() gives its path).
 */
FakeServer *fake_server_new(const FakeStep *script);

/* Like fake_server_new() on a TCP port of 127.0.0.1 ("tcp:127.0.0.1:N"). */
FakeServer *fake_server_new_tcp(const FakeStep *script);

/*
 * Like fake_server_new() on one end of a socketpair; the other end is
 * stored into *@client_fd for the client to adopt.
 */
FakeServer *fake_server_new_pair(const FakeStep *script, int *client_fd);

/* The address a client connects to (borrowed). */
const char *fake_server_address(FakeServer *srv);

/* Block until the server has received @n requests in all. */
void fake_server_wait_requests(FakeServer *srv, unsigned n);

/* Let the server go on past a FAKE_PAUSE step. */
void fake_server_resume(FakeServer *srv);

/*
 * Wait for the script to end, assert that everything went as it says, and
 * free @srv.
 */
void fake_server_finish(FakeServer *srv);

#endif /* TESTS_TEST_CLIENT_SERVER_H */
