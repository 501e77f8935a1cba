/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fifo8.h: a first-in first-out queue of bytes of fixed capacity, kept
 * in a ring: a device's receive or transmit FIFO, a controller's output
 * buffer. Named like QEMU's Fifo8.
 *
 * Pushing to a full FIFO refuses the byte; popping, peeking or dropping
 * more than it holds is a programming error (callers check
 * fifo8_num_used() or fifo8_is_empty() first).
 */
#ifndef UTIL_FIFO8_H
#define UTIL_FIFO8_H

/* Fifo8: the ring; use it only through the functions below. */
typedef struct Fifo8 {
    uint8_t *data;
    uint32_t capacity;
    uint32_t head;              /* index of the oldest byte */
    uint32_t num;               /* bytes held */
} Fifo8;

/* Make @fifo an empty FIFO of @capacity (at least 1) bytes; see destroy. */
void fifo8_create(Fifo8 *fifo, uint32_t capacity);

/* Free @fifo's storage; it must be created again before any other use. */
void fifo8_destroy(Fifo8 *fifo);

/* Empty @fifo. */
void fifo8_reset(Fifo8 *fifo);

/* Append @byte; false (and @byte is dropped) when @fifo is full. */
bool fifo8_push(Fifo8 *fifo, uint8_t byte);

/* Remove and return the oldest byte; @fifo must not be empty. */
uint8_t fifo8_pop(Fifo8 *fifo);

/* The oldest byte, left in place; @fifo must not be empty. */
uint8_t fifo8_peek(const Fifo8 *fifo);

/*
 * The oldest bytes that lie contiguously in the ring, at most @max: the
 * count in *@num, the bytes at the pointer returned (borrowed, valid until
 * @fifo next changes; NULL when *@num is 0). Nothing is removed: pass on
 * the bytes, then fifo8_drop() those taken.
 */
const uint8_t *fifo8_peek_bufptr(const Fifo8 *fifo, uint32_t max,
                                 uint32_t *num);

/* Remove the @len oldest bytes; @fifo must hold at least @len. */
void fifo8_drop(Fifo8 *fifo, uint32_t len);

/* How many bytes @fifo holds. */
uint32_t fifo8_num_used(const Fifo8 *fifo);

/* Whether @fifo holds no byte. */
bool fifo8_is_empty(const Fifo8 *fifo);

/* Whether @fifo holds as many bytes as its capacity. */
bool fifo8_is_full(const Fifo8 *fifo);

#endif /* UTIL_FIFO8_H */
