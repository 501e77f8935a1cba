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
 * The fixed guest-physical addresses of what the loaders write below
 * 1 MiB. [0, X86_BOOT_DATA_END) and [X86_BOOT_MPTABLE, 1 MiB) are
 * kvmini's: no kernel segment may overlap them.
 */
#define X86_BOOT_GDT            0x500       /* 4 descriptors */
#define X86_BOOT_PML4           0x1000      /* bzImage: page tables */
#define X86_BOOT_PDPT           0x2000
#define X86_BOOT_PD             0x3000      /* 4 pages: 0-4 GiB, 2 MiB pages */
#define X86_BOOT_INFO           0x7000      /* zero page, or PVH start_info */
#define X86_BOOT_CMDLINE        0x20000
#define X86_BOOT_CMDLINE_MAX    0x10000     /* bytes, with the NUL */
#define X86_BOOT_DATA_END       0x30000
#define X86_BOOT_MPTABLE        0x9fc00     /* e820 reserved up to 1 MiB */
#define X86_BOOT_KERNEL         0x100000    /* bzImage default load address */
/* Direct boot needs RAM below 4 GiB up to at least here. */
#define X86_BOOT_MIN_RAM        0x100000

/*
 * X86BootConfig: what to boot and where.
 * @ram: host address of guest RAM: guest physical 0 is ram[0], the RAM
 *   above 4 GiB follows the RAM below it (ram[below_4g] is 4 GiB)
 * @below_4g, @above_4g: RAM sizes in bytes (@below_4g at most 4 GiB)
 * @kernel, @initrd: file names (@initrd may be NULL)
 * @cmdline: the kernel command line (never NULL; may be "")
 * @ncpus: vCPUs, for the MP table (1-254)
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
 * X86BootFile: a kernel or initrd already in memory (borrowed); @name
 * is what error messages call it.
 */
typedef struct X86BootFile {
    const char *name;
    const uint8_t *data;
    size_t size;
} X86BootFile;

/*
 * Load @cfg->kernel (PVH ELF or bzImage) and @cfg->initrd into RAM with
 * the boot information the kernel expects and the MP table, and fill
 * @state with how vCPU 0 starts. False with @errp set, one line naming
 * the file and what is wrong with it ("could not open kernel file 'F':
 * No such file or directory", "F: initrd is too large for RAM ...").
 * An empty initrd file is the same as none.
 */
bool x86_load_kernel(const X86BootConfig *cfg, X86CpuBootState *state,
                     Error **errp);

/*
 * x86_load_kernel() for files already in memory: @kernel and @initrd
 * (NULL for none) stand for @cfg->kernel and @cfg->initrd, which are
 * not used. The files' contents are untrusted.
 */
bool x86_load_kernel_image(const X86BootConfig *cfg,
                           const X86BootFile *kernel,
                           const X86BootFile *initrd,
                           X86CpuBootState *state, Error **errp);

#endif /* HW_I386_X86_BOOT_H */
