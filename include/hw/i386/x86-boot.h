/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86-boot.h: direct kernel boot on the virt machine. Loads an ELF kernel
 * with a PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY: 32-bit protected mode,
 * %ebx = hvm_start_info with memmap, cmdline and the initrd as module 0)
 * or a Linux bzImage (boot protocol >= 2.06: zero page with e820,
 * cmdline and initrd, 64-bit entry with page tables and GDT prepared
 * here) into guest RAM, writes the MP table, and says how vCPU 0 starts.
 * Everything guest-visible is built in RAM given as a host pointer, so
 * unit tests check it without KVM. docs/user/booting.md has the layout.
 */
#ifndef HW_I386_X86_BOOT_H
#define HW_I386_X86_BOOT_H

#include "system/kvm.h"

/* Guest RAM: [0, below_4g) and [4 GiB, 4 GiB + above_4g). */
#define X86_HIGHMEM_BASE 0x100000000ULL

/*
 * X86BootConfig: what to boot and where.
 * @ram: host address of guest RAM: guest physical 0 is ram[0], the RAM
 *   above 4 GiB follows the RAM below it (ram[below_4g] is 4 GiB)
 * @kernel, @initrd: file names (@initrd may be NULL)
 * @cmdline: the kernel command line (never NULL; may be "")
 * @ncpus: vCPUs, for the MP table
 */
typedef struct X86BootConfig {
    uint8_t *ram;
    uint64_t below_4g;
    uint64_t above_4g;
    const char *kernel;
    const char *initrd;
    const char *cmdline;
    unsigned ncpus;
} X86BootConfig;

/*
 * Load @cfg->kernel (PVH ELF or bzImage) and @cfg->initrd into RAM with
 * the boot information the kernel expects and the MP table, and fill
 * @state with how vCPU 0 starts. False with @errp set, one line naming
 * the file and what is wrong with it ("KERNEL: not an ELF with a PVH
 * note nor a bzImage", "initrd is too large for RAM", ...).
 */
bool x86_load_kernel(const X86BootConfig *cfg, X86CpuBootState *state,
                     Error **errp);

#endif /* HW_I386_X86_BOOT_H */
