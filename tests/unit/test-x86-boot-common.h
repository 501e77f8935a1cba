/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-x86-boot-common.h: what the x86 boot tests share: guest RAM with
 * its X86BootConfig, files in a temporary directory, and loading with
 * an expected error message.
 */
#ifndef TEST_X86_BOOT_COMMON_H
#define TEST_X86_BOOT_COMMON_H

#include "hw/i386/x86-boot.h"

/* RAM filled with a byte pattern, so zero-filling shows. */
#define BOOT_TEST_RAM_FILL 0xaa

typedef struct BootTest {
    char *dir;
    GPtrArray *files;                   /* paths, to remove */
    X86BootConfig cfg;
    X86CpuBootState state;
} BootTest;

/* A config for @below_4g + @above_4g bytes of RAM, 1 vCPU, cmdline "". */
BootTest *boot_test_new(uint64_t below_4g, uint64_t above_4g);

/* Free @t, its RAM and its temporary directory and files. */
void boot_test_free(BootTest *t);

/*
 * Write @size bytes of @data to file @name in @t's directory; returns
 * its path (owned by @t).
 */
const char *boot_test_file(BootTest *t, const char *name, const void *data,
                           size_t size);

/* Host pointer to guest-physical @gpa (below 4 GiB). */
uint8_t *boot_test_ram(BootTest *t, uint64_t gpa);

/* Run x86_load_kernel() and assert that it succeeds. */
void boot_test_load(BootTest *t);

/*
 * Run x86_load_kernel(), assert that it fails with the message
 * @expected, in which "DIR" stands for @t's directory.
 */
void boot_test_load_fails(BootTest *t, const char *expected);

/* The little-endian integer at guest-physical @gpa. */
uint16_t boot_test_ld16(BootTest *t, uint64_t gpa);
uint32_t boot_test_ld32(BootTest *t, uint64_t gpa);
uint64_t boot_test_ld64(BootTest *t, uint64_t gpa);

#endif /* TEST_X86_BOOT_COMMON_H */
