/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memtest.c: the memtest mode and the shell's dirty and verify, the
 * workload of the migration tests. The test area's pages start at
 * MEMTEST_BASE; each has a generation in the table at MEMTEST_TABLE, and
 * its words hold kg_pattern(address, generation). Dirtying a page bumps
 * its generation and rewrites it; verifying compares every word, so a
 * page that a migration lost (stale or zero) shows as a MISMATCH line.
 */
#include "guest.h"

#define PAGES_PER_MIB (1024 * 1024 / KG_PAGE_SIZE)
/* At most this many MISMATCH lines per verify (a lost area is big). */
#define MISMATCH_LINES_MAX 8
#define PROGRESS_MS 1000

static uint32_t *const gen_table = (uint32_t *)(uintptr_t)MEMTEST_TABLE;
/* Pages [0, pages_dirtied) of the area have a generation. */
static uint64_t pages_dirtied;

static uint64_t *page_ptr(uint64_t page)
{
    return (uint64_t *)(uintptr_t)(MEMTEST_BASE + page * KG_PAGE_SIZE);
}

/* MiB of RAM from MEMTEST_BASE, as far as the guest maps it. */
static uint64_t available_mib(void)
{
    uint64_t end = guest_ram_end(MEMTEST_BASE);

    if (end > GUEST_MAPPED_END) {
        end = GUEST_MAPPED_END;
    }
    return end > MEMTEST_BASE ? (end - MEMTEST_BASE) >> 20 : 0;
}

/* The size argument @arg of @name in MiB, checked; 0 (reported) if bad. */
static uint64_t parse_mib(const char *name, const char *arg)
{
    uint64_t mib, avail = available_mib();

    if (!*arg) {
        guest_printf(KG_OUT_NO_SIZE "\n", name);
        return 0;
    }
    if (!kg_parse_u64(arg, &mib) || !mib) {
        guest_printf(KG_OUT_BAD_SIZE "\n", name, arg);
        return 0;
    }
    if (mib > avail) {
        guest_printf(KG_OUT_TOO_BIG "\n", name, mib, avail);
        return 0;
    }
    return mib;
}

/* A new generation for pages [0, @pages). */
static void dirty(uint64_t pages)
{
    uint64_t p;

    for (p = 0; p < pages; p++) {
        if (p >= pages_dirtied) {
            gen_table[p] = 0;
        }
        gen_table[p]++;
        kg_page_fill(page_ptr(p), MEMTEST_BASE + p * KG_PAGE_SIZE,
                     gen_table[p]);
    }
    if (pages > pages_dirtied) {
        pages_dirtied = pages;
    }
}

/* Check every dirtied page; the number of bad ones, reported as @name. */
static uint64_t verify(const char *name)
{
    uint64_t p, bad = 0;

    for (p = 0; p < pages_dirtied; p++) {
        const uint64_t *page = page_ptr(p);
        uint64_t addr = MEMTEST_BASE + p * KG_PAGE_SIZE;
        size_t first;

        if (!kg_page_check(page, addr, gen_table[p], &first)) {
            continue;
        }
        if (bad++ < MISMATCH_LINES_MAX) {
            guest_printf(KG_OUT_MISMATCH "\n", name, addr + 8 * first,
                         kg_pattern(addr + 8 * first, gen_table[p]),
                         page[first]);
        }
    }
    if (bad) {
        guest_printf(KG_OUT_BAD_PAGES "\n", name, bad,
                     pages_dirtied / PAGES_PER_MIB);
    }
    return bad;
}

void memtest_cmd_dirty(const char *arg)
{
    uint64_t mib = parse_mib("dirty", arg);

    if (mib) {
        dirty(mib * PAGES_PER_MIB);
        guest_printf(KG_OUT_DIRTY "\n", mib);
    }
}

void memtest_cmd_verify(void)
{
    if (!verify("verify")) {
        guest_printf(KG_OUT_VERIFY_OK "\n", pages_dirtied / PAGES_PER_MIB);
    }
}

void memtest_run(const char *arg)
{
    uint64_t mib = parse_mib("memtest", arg);
    uint64_t pass, bad = 0, next;

    if (!mib) {
        guest_exit(1);
    }
    guest_printf(KG_OUT_MEMTEST "\n", mib, (uint64_t)MEMTEST_BASE);
    pages_dirtied = 0;
    dirty(mib * PAGES_PER_MIB);
    next = timer_elapsed_ms() + PROGRESS_MS;
    for (pass = 1;; pass++) {
        dirty(mib * PAGES_PER_MIB);
        bad += verify("memtest");
        if (timer_elapsed_ms() >= next) {
            /* A pass with a mismatch already said so; "ok" means none. */
            if (!bad) {
                guest_printf(KG_OUT_MEMTEST_PASS "\n", pass);
            }
            bad = 0;
            next += PROGRESS_MS;
        }
    }
}
