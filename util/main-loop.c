/* SPDX-License-Identifier: GPL-2.0-or-later */
/* main-loop.c: the main thread's GLib loop and the big lock it holds. */
#include "osdep.h"

#include "util/main-loop.h"

static GMutex bql;
static __thread bool bql_held;
static GThread *main_thread;
/* GLib's own poll function, which ours wraps. */
static GPollFunc glib_poll;

/*
 * The poll function of the default context: drop the big lock while the
 * main thread sleeps, so vCPU threads can take it for their exits, and
 * take it back before any source is dispatched.
 */
static gint main_loop_poll(GPollFD *fds, guint nfds, gint timeout)
{
    gint ret;

    if (!timeout) {
        return glib_poll(fds, nfds, 0);
    }
    bql_unlock();
    ret = glib_poll(fds, nfds, timeout);
    bql_lock();
    return ret;
}

void main_loop_init(void)
{
    GMainContext *ctx = g_main_context_default();

    g_assert(!main_thread);
    main_thread = g_thread_self();
    bql_lock();
    glib_poll = g_main_context_get_poll_func(ctx);
    g_main_context_set_poll_func(ctx, main_loop_poll);
}

void main_loop_wait(bool blocking)
{
    g_assert(main_loop_is_main_thread() && bql_held);
    g_main_context_iteration(NULL, blocking);
}

void main_loop_wakeup(void)
{
    g_main_context_wakeup(NULL);
}

bool main_loop_is_main_thread(void)
{
    return main_thread == g_thread_self();
}

void bql_lock(void)
{
    g_assert(!bql_held);
    g_mutex_lock(&bql);
    bql_held = true;
}

void bql_unlock(void)
{
    g_assert(bql_held);
    bql_held = false;
    g_mutex_unlock(&bql);
}

bool bql_locked(void)
{
    return bql_held;
}
