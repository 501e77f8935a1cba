/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * i8042-internal.h: the keyboard controller's output queue and the PS/2
 * keyboard and mouse behind it (ps2.c). Private to hw/input/.
 */
#ifndef HW_INPUT_I8042_INTERNAL_H
#define HW_INPUT_I8042_INTERNAL_H

/* Bytes waiting for the guest: far more than a command's replies. */
#define I8042_QUEUE_LENGTH 16

/* I8042Queue: the bytes for the data port, each from the keyboard or aux. */
typedef struct I8042Queue {
    uint8_t data[I8042_QUEUE_LENGTH];
    bool aux[I8042_QUEUE_LENGTH];
    unsigned head;
    unsigned num;
} I8042Queue;

void i8042_queue_reset(I8042Queue *q);

/* Append @byte; false (dropped) when the queue is full. */
bool i8042_queue_push(I8042Queue *q, uint8_t byte, bool aux);

/* Remove and return the oldest byte; the queue must not be empty. */
uint8_t i8042_queue_pop(I8042Queue *q);

/* Whether the oldest byte came from the mouse; the queue is not empty. */
bool i8042_queue_head_is_aux(const I8042Queue *q);

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
