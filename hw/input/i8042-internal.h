/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * i8042-internal.h: the PS/2 keyboard and mouse behind the keyboard
 * controller (ps2.c). Private to hw/input/.
 */
#ifndef HW_INPUT_I8042_INTERNAL_H
#define HW_INPUT_I8042_INTERNAL_H

/* Where a PS/2 device's reply bytes go (@aux: from the mouse). */
typedef void PS2ReplyFn(void *opaque, uint8_t byte, bool aux);

/* PS2State: the keyboard and mouse command state. */
typedef struct PS2State {
    PS2ReplyFn *reply;
    void *opaque;
    uint8_t kbd_cmd;            /* keyboard command awaiting its argument */
    uint8_t mouse_cmd;          /* mouse command awaiting its argument */
    uint8_t scancode_set;
    bool mouse_streaming;
    uint8_t mouse_rate;
    uint8_t mouse_resolution;
} PS2State;

/* Both devices back to their power-on state (no replies). */
void ps2_reset(PS2State *s);

/* A byte the guest sent the keyboard; @translate: the controller's XLATE. */
void ps2_kbd_write(PS2State *s, uint8_t val, bool translate);

/* A byte the guest sent the mouse (controller command 0xd4). */
void ps2_mouse_write(PS2State *s, uint8_t val);

#endif /* HW_INPUT_I8042_INTERNAL_H */
