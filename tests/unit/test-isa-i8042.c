/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-i8042.c: the keyboard controller through ports 0x60/0x64: the
 * self-test and interface tests, the command byte, keyboard and mouse
 * replies with their IRQs, and the reset line observed through run
 * control (the RESET event, or SHUTDOWN with -no-reboot).
 */
#include "osdep.h"

#include "event-recorder.h"
#include "system/run-control.h"
#include "test-isa-helpers.h"

#define DATA 0x60
#define CMD 0x64
#define STATUS 0x64
#define KBD_IRQ 1
#define MOUSE_IRQ 12

static void setup(void)
{
    isa_test_bus_new();
    isa_test_device_add("i8042");
}

/* Controller command @cmd; its reply byte from the keyboard side. */
static uint8_t command_reply(uint8_t cmd)
{
    isa_outb(CMD, cmd);
    g_assert_cmphex(isa_inb(STATUS) & 0x21, ==, 0x01);
    return isa_inb(DATA);
}

static void test_self_test(void)
{
    setup();
    /* Unlocked, last write a command, nothing to read. */
    g_assert_cmphex(isa_inb(STATUS), ==, 0x18);
    isa_outb(CMD, 0xaa);
    g_assert_cmphex(isa_inb(STATUS), ==, 0x1d);     /* OBF, system flag */
    g_assert_cmpint(isa_test_level[KBD_IRQ], ==, 1);
    g_assert_cmphex(isa_inb(DATA), ==, 0x55);
    g_assert_cmpint(isa_test_level[KBD_IRQ], ==, 0);
    g_assert_cmphex(isa_inb(STATUS), ==, 0x1c);
    /* An empty buffer reads the last byte again. */
    g_assert_cmphex(isa_inb(DATA), ==, 0x55);
    g_assert_cmphex(command_reply(0xab), ==, 0x00);  /* keyboard interface */
    g_assert_cmphex(command_reply(0xa9), ==, 0x00);  /* mouse interface */
    g_assert_cmphex(command_reply(0xd0), ==, 0xcf);  /* output port */
    isa_test_bus_free();
}

static void test_command_byte(void)
{
    setup();
    g_assert_cmphex(command_reply(0x20), ==, 0x03);
    isa_outb(CMD, 0x60);
    isa_outb(DATA, 0x65);
    g_assert_cmphex(isa_inb(STATUS), ==, 0x14);     /* data written last */
    g_assert_cmphex(command_reply(0x20), ==, 0x65);
    isa_outb(CMD, 0xae);                            /* enable keyboard */
    isa_outb(CMD, 0xa8);                            /* enable mouse */
    g_assert_cmphex(command_reply(0x20), ==, 0x45);
    isa_outb(CMD, 0xad);
    isa_outb(CMD, 0xa7);
    g_assert_cmphex(command_reply(0x20), ==, 0x75);
    /* Without the keyboard interrupt bit, replies raise no IRQ 1. */
    isa_outb(CMD, 0x60);
    isa_outb(DATA, 0x00);
    isa_outb(CMD, 0x20);
    g_assert_cmpint(isa_test_level[KBD_IRQ], ==, 0);
    g_assert_cmphex(isa_inb(DATA), ==, 0x00);
    g_assert_cmpuint(isa_test_raised[KBD_IRQ], ==, 4);
    isa_test_bus_free();
}

static void check_data(const uint8_t *expected, size_t len, bool mouse)
{
    size_t i;

    for (i = 0; i < len; i++) {
        g_assert_cmphex(isa_inb(STATUS) & 0x21, ==, mouse ? 0x21 : 0x01);
        g_assert_cmpint(isa_test_level[mouse ? MOUSE_IRQ : KBD_IRQ], ==, 1);
        g_assert_cmphex(isa_inb(DATA), ==, expected[i]);
    }
    g_assert_cmphex(isa_inb(STATUS) & 0x21, ==, 0x00);
    g_assert_cmpint(isa_test_level[KBD_IRQ], ==, 0);
    g_assert_cmpint(isa_test_level[MOUSE_IRQ], ==, 0);
}

static void test_keyboard(void)
{
    setup();
    isa_outb(DATA, 0xff);                           /* reset */
    check_data((const uint8_t[]){ 0xfa, 0xaa }, 2, false);
    isa_outb(DATA, 0xee);                           /* echo */
    check_data((const uint8_t[]){ 0xee }, 1, false);
    isa_outb(DATA, 0xf2);                           /* identify */
    check_data((const uint8_t[]){ 0xfa, 0xab, 0x83 }, 3, false);
    isa_outb(DATA, 0xed);                           /* LEDs, then its value */
    isa_outb(DATA, 0x07);
    check_data((const uint8_t[]){ 0xfa, 0xfa }, 2, false);
    isa_outb(DATA, 0xf0);                           /* which scancode set? */
    isa_outb(DATA, 0x00);
    check_data((const uint8_t[]){ 0xfa, 0xfa, 0x02 }, 3, false);
    /* With translation on, the ID's second byte is translated. */
    isa_outb(CMD, 0x60);
    isa_outb(DATA, 0x43);
    isa_outb(DATA, 0xf2);
    check_data((const uint8_t[]){ 0xfa, 0xab, 0x41 }, 3, false);
    isa_outb(DATA, 0x01);                           /* unknown: resend */
    check_data((const uint8_t[]){ 0xfe }, 1, false);
    isa_test_bus_free();
}

static void test_mouse(void)
{
    setup();
    isa_outb(CMD, 0xd4);
    isa_outb(DATA, 0xff);                           /* reset */
    check_data((const uint8_t[]){ 0xfa, 0xaa, 0x00 }, 3, true);
    isa_outb(CMD, 0xd4);
    isa_outb(DATA, 0xf2);                           /* identify */
    check_data((const uint8_t[]){ 0xfa, 0x00 }, 2, true);
    isa_outb(CMD, 0xd4);
    isa_outb(DATA, 0xf3);                           /* sample rate 40 */
    isa_outb(CMD, 0xd4);
    isa_outb(DATA, 40);
    isa_outb(CMD, 0xd4);
    isa_outb(DATA, 0xe9);                           /* status */
    check_data((const uint8_t[]){ 0xfa, 0xfa, 0xfa, 0x00, 0x02, 40 }, 6,
               true);
    /* 0xd3 puts a byte in the buffer as if the mouse sent it. */
    isa_outb(CMD, 0xd3);
    isa_outb(DATA, 0x5a);
    check_data((const uint8_t[]){ 0x5a }, 1, true);
    isa_test_bus_free();
}

static void test_reset(void)
{
    g_autofree char *events = NULL;
    int status = -1;

    setup();
    events_start();
    isa_outb(CMD, 0x60);
    isa_outb(DATA, 0x00);
    isa_outb(CMD, 0xfe);                            /* pulse the reset line */
    g_assert_false(run_control_poll(&status));
    events = events_take();
    g_assert_cmpstr(events, ==,
                    "RESET {\"guest\": true, \"reason\": \"guest-reset\"}");
    /* System reset brought the command byte back. */
    g_assert_cmphex(command_reply(0x20), ==, 0x03);

    /* 0xff pulses no line; an output port with bit 0 low resets. */
    isa_outb(CMD, 0xff);
    g_assert_false(run_control_poll(&status));
    g_free(events);
    events = events_take();
    g_assert_cmpstr(events, ==, "");
    run_control_set_no_reboot(true);
    isa_outb(CMD, 0xd1);
    isa_outb(DATA, 0xfe);
    g_assert_true(run_control_poll(&status));
    g_assert_cmpint(status, ==, 0);
    g_free(events);
    events = events_take();
    g_assert_cmpstr(events, ==,
                    "SHUTDOWN {\"guest\": true, \"reason\": \"guest-reset\"}");
    run_control_set_no_reboot(false);
    events_stop();
    isa_test_bus_free();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/isa/i8042/self-test", test_self_test);
    g_test_add_func("/isa/i8042/command-byte", test_command_byte);
    g_test_add_func("/isa/i8042/keyboard", test_keyboard);
    g_test_add_func("/isa/i8042/mouse", test_mouse);
    g_test_add_func("/isa/i8042/reset", test_reset);
    return g_test_run();
}
