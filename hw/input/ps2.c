/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ps2.c: the PS/2 keyboard and mouse behind the i8042, as far as a guest
 * probes them: each command answered (ACK, reset, echo, identify, status),
 * arguments taken; there is no key or motion input, so enabling and
 * disabling scanning only acknowledge.
 */
#include "osdep.h"

#include "i8042-internal.h"

#define PS2_ACK         0xfa
#define PS2_RESEND      0xfe
#define PS2_BAT_OK      0xaa    /* basic assurance test passed */

/* Keyboard commands. */
#define KBD_CMD_SET_LEDS        0xed
#define KBD_CMD_ECHO            0xee
#define KBD_CMD_SCANCODE        0xf0
#define KBD_CMD_GET_ID          0xf2
#define KBD_CMD_SET_RATE        0xf3
#define KBD_CMD_ENABLE          0xf4
#define KBD_CMD_RESET_DISABLE   0xf5
#define KBD_CMD_RESET_ENABLE    0xf6
#define KBD_CMD_RESET           0xff

/* Mouse commands. */
#define AUX_SET_SCALE11         0xe6
#define AUX_SET_SCALE21         0xe7
#define AUX_SET_RES             0xe8
#define AUX_GET_STATUS          0xe9
#define AUX_SET_STREAM          0xea
#define AUX_POLL                0xeb
#define AUX_SET_REMOTE          0xf0
#define AUX_GET_TYPE            0xf2
#define AUX_SET_SAMPLE          0xf3
#define AUX_ENABLE_DEV          0xf4
#define AUX_DISABLE_DEV         0xf5
#define AUX_SET_DEFAULT         0xf6
#define AUX_RESET               0xff

static void ps2_kbd_reply(PS2State *s, uint8_t byte)
{
    s->reply(s->opaque, byte, false);
}

static void ps2_mouse_reply(PS2State *s, uint8_t byte)
{
    s->reply(s->opaque, byte, true);
}

static void ps2_kbd_defaults(PS2State *s)
{
    s->kbd_cmd = 0;
    s->scancode_set = 2;
}

static void ps2_mouse_defaults(PS2State *s)
{
    s->mouse_cmd = 0;
    s->mouse_streaming = false;
    s->mouse_rate = 100;
    s->mouse_resolution = 2;
}

void ps2_reset(PS2State *s)
{
    ps2_kbd_defaults(s);
    ps2_mouse_defaults(s);
}

/* The argument of a keyboard command that takes one. */
static void ps2_kbd_argument(PS2State *s, uint8_t val)
{
    uint8_t cmd = s->kbd_cmd;

    s->kbd_cmd = 0;
    if (KBD_CMD_SCANCODE == cmd && val > 3) {
        ps2_kbd_reply(s, PS2_RESEND);
        return;
    }
    /* LED and typematic settings have nothing to act on. */
    ps2_kbd_reply(s, PS2_ACK);
    if (KBD_CMD_SCANCODE == cmd && 0 == val) {
        ps2_kbd_reply(s, s->scancode_set);      /* 0: which set is used */
    } else if (KBD_CMD_SCANCODE == cmd) {
        s->scancode_set = val;
    }
}

void ps2_kbd_write(PS2State *s, uint8_t val, bool translate)
{
    if (s->kbd_cmd && KBD_CMD_ECHO != val && KBD_CMD_RESET != val) {
        ps2_kbd_argument(s, val);
        return;
    }
    s->kbd_cmd = 0;
    switch (val) {
    case KBD_CMD_ECHO:
        ps2_kbd_reply(s, KBD_CMD_ECHO);
        break;
    case KBD_CMD_GET_ID:
        ps2_kbd_reply(s, PS2_ACK);
        ps2_kbd_reply(s, 0xab);
        /* An MF2 keyboard; its second ID byte is translated too. */
        ps2_kbd_reply(s, translate ? 0x41 : 0x83);
        break;
    case KBD_CMD_SET_LEDS:
    case KBD_CMD_SET_RATE:
    case KBD_CMD_SCANCODE:
        ps2_kbd_reply(s, PS2_ACK);
        s->kbd_cmd = val;
        break;
    case KBD_CMD_ENABLE:
        ps2_kbd_reply(s, PS2_ACK);
        break;
    case KBD_CMD_RESET_DISABLE:
    case KBD_CMD_RESET_ENABLE:
        /* Defaults; scanning has nothing to enable or disable. */
        ps2_kbd_defaults(s);
        ps2_kbd_reply(s, PS2_ACK);
        break;
    case KBD_CMD_RESET:
        ps2_kbd_defaults(s);
        ps2_kbd_reply(s, PS2_ACK);
        ps2_kbd_reply(s, PS2_BAT_OK);
        break;
    default:
        ps2_kbd_reply(s, PS2_RESEND);
        break;
    }
}

void ps2_mouse_write(PS2State *s, uint8_t val)
{
    uint8_t cmd = s->mouse_cmd;

    s->mouse_cmd = 0;
    if (AUX_SET_SAMPLE == cmd || AUX_SET_RES == cmd) {
        if (AUX_SET_SAMPLE == cmd) {
            s->mouse_rate = val;
        } else {
            s->mouse_resolution = val;
        }
        ps2_mouse_reply(s, PS2_ACK);
        return;
    }
    switch (val) {
    case AUX_SET_SAMPLE:
    case AUX_SET_RES:
        s->mouse_cmd = val;
        ps2_mouse_reply(s, PS2_ACK);
        break;
    case AUX_GET_TYPE:
        ps2_mouse_reply(s, PS2_ACK);
        ps2_mouse_reply(s, 0x00);           /* a standard PS/2 mouse */
        break;
    case AUX_GET_STATUS:
        /* Status: flags, resolution, sample rate. */
        ps2_mouse_reply(s, PS2_ACK);
        ps2_mouse_reply(s, s->mouse_streaming ? 0x20 : 0x00);
        ps2_mouse_reply(s, s->mouse_resolution);
        ps2_mouse_reply(s, s->mouse_rate);
        break;
    case AUX_ENABLE_DEV:
        s->mouse_streaming = true;
        ps2_mouse_reply(s, PS2_ACK);
        break;
    case AUX_DISABLE_DEV:
        s->mouse_streaming = false;
        ps2_mouse_reply(s, PS2_ACK);
        break;
    case AUX_SET_DEFAULT:
        ps2_mouse_defaults(s);
        ps2_mouse_reply(s, PS2_ACK);
        break;
    case AUX_SET_SCALE11:
    case AUX_SET_SCALE21:
    case AUX_SET_STREAM:
    case AUX_SET_REMOTE:
        ps2_mouse_reply(s, PS2_ACK);
        break;
    case AUX_POLL:
        /* A movement packet with nothing moved. */
        ps2_mouse_reply(s, PS2_ACK);
        ps2_mouse_reply(s, 0x08);
        ps2_mouse_reply(s, 0x00);
        ps2_mouse_reply(s, 0x00);
        break;
    case AUX_RESET:
        ps2_mouse_defaults(s);
        ps2_mouse_reply(s, PS2_ACK);
        ps2_mouse_reply(s, PS2_BAT_OK);
        ps2_mouse_reply(s, 0x00);           /* device ID */
        break;
    default:
        ps2_mouse_reply(s, PS2_RESEND);
        break;
    }
}
