/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvm.h: the KVM accelerator (accel/kvm/). One VM per process: /dev/kvm
 * checked, the in-kernel irqchip (PIC, IOAPIC, LAPIC) and PIT, guest RAM
 * as memory slots that follow address_space_memory, and one thread per
 * vCPU running KVM_RUN, whose port I/O and MMIO exits go to
 * address_space_io / address_space_memory under the big lock.
 * docs/devel/kvm.md explains it. Main thread, big lock held, unless said.
 */
#ifndef SYSTEM_KVM_H
#define SYSTEM_KVM_H

#include <linux/kvm.h>

#include "util/error.h"

/*
 * X86CpuBootState: the registers the boot CPU starts with (what a
 * kernel loader prepares): general registers, code and data segments
 * (ds is also used for es, fs, gs and ss), the GDT, control registers
 * and EFER. Everything else keeps its reset value.
 */
typedef struct X86CpuBootState {
    struct kvm_regs regs;
    struct kvm_segment cs;
    struct kvm_segment ds;
    struct kvm_dtable gdt;
    uint64_t cr0;
    uint64_t cr3;
    uint64_t cr4;
    uint64_t efer;
} X86CpuBootState;

/*
 * Open /dev/kvm, check its API version and the capabilities kvmini
 * needs, create the VM with its irqchip and PIT, follow
 * address_space_memory with memory slots, and create @ncpus vCPUs
 * (CPUID of -cpu @cpu_model, which must be "host" or its alias "max")
 * as QOM devices "host-x86_64-cpu" under /machine/unattached, whose
 * threads wait for vm_start(). Registers the vCPU pause/resume ops, the
 * query ops, the HMP `cpu` index check and kvm_reset_cpus() as a reset
 * handler. Call memory_map_init() first, and before creating other
 * unattached devices to get QEMU's device[N] paths. False with @errp
 * set: one line naming what is missing and how to fix it.
 */
bool kvm_init(unsigned ncpus, const char *cpu_model, Error **errp);

/* Whether kvm_init() succeeded. Any thread. */
bool kvm_enabled(void);

/*
 * Set the level of interrupt line @gsi (0-23) of the in-kernel irqchip.
 * Any thread: devices call it from vCPU threads too.
 */
void kvm_set_irq(unsigned gsi, int level);

/*
 * The state vCPU 0 gets at every reset (copied); the others wait for
 * INIT and SIPI from it, as on real hardware. Before the vCPUs first
 * run, vCPU 0 gets it at once.
 */
void kvm_set_boot_state(const X86CpuBootState *state);

/*
 * Put every vCPU in its reset state (vCPU 0 in the boot state). The
 * vCPUs must be paused (vm_pause_cpus()); a run-control reset handler,
 * registered by kvm_init().
 */
void kvm_reset_cpus(void *opaque);

/* Stop and join the vCPU threads and close the VM, at exit. */
void kvm_cleanup(void);

/*
 * Register the HMP command `info registers [-a|vcpu]` (QEMU's layout).
 * Call once at start-up, with or without KVM ("No CPU available").
 */
void kvm_hmp_register(void);

/*
 * Whether the host's KVM is PVM (kvm_pvm loaded): guest code at CPL 0
 * is emulated there, far slower, so a stock Linux kernel cannot boot.
 */
bool kvm_host_is_pvm(void);

/*
 * For tests only: open @path instead of /dev/kvm (NULL: /dev/kvm again),
 * to check kvm_init()'s messages. Not a user option.
 */
void kvm_set_device_path(const char *path);

#endif /* SYSTEM_KVM_H */
