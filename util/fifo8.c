/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fifo8.c: a fixed-capacity FIFO of bytes in a ring. */
#include "osdep.h"

#include "util/fifo8.h"

void fifo8_create(Fifo8 *fifo, uint32_t capacity)
{
    g_assert(capacity > 0);
    fifo->data = g_new(uint8_t, capacity);
    fifo->capacity = capacity;
    fifo->head = 0;
    fifo->num = 0;
}

void fifo8_destroy(Fifo8 *fifo)
{
    g_free(fifo->data);
    fifo->data = NULL;
    fifo->capacity = 0;
    fifo->head = 0;
    fifo->num = 0;
}

void fifo8_reset(Fifo8 *fifo)
{
    fifo->head = 0;
    fifo->num = 0;
}

bool fifo8_push(Fifo8 *fifo, uint8_t byte)
{
    if (fifo8_is_full(fifo)) {
        return false;
    }
    fifo->data[(fifo->head + fifo->num) % fifo->capacity] = byte;
    fifo->num++;
    return true;
}

uint8_t fifo8_pop(Fifo8 *fifo)
{
    uint8_t byte = fifo8_peek(fifo);

    fifo8_drop(fifo, 1);
    return byte;
}

uint8_t fifo8_peek(const Fifo8 *fifo)
{
    g_assert(fifo->num > 0);
    return fifo->data[fifo->head];
}

const uint8_t *fifo8_peek_bufptr(const Fifo8 *fifo, uint32_t max,
                                 uint32_t *num)
{
    /* From the oldest byte to the tail, or to the end of the ring. */
    *num = MIN(MIN(max, fifo->num), fifo->capacity - fifo->head);
    return *num ? &fifo->data[fifo->head] : NULL;
}

void fifo8_drop(Fifo8 *fifo, uint32_t len)
{
    g_assert(len <= fifo->num);
    fifo->head = (fifo->head + len) % fifo->capacity;
    fifo->num -= len;
}

uint32_t fifo8_num_used(const Fifo8 *fifo)
{
    return fifo->num;
}

bool fifo8_is_empty(const Fifo8 *fifo)
{
    return 0 == fifo->num;
}

bool fifo8_is_full(const Fifo8 *fifo)
{
    return fifo->num == fifo->capacity;
}
