/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * start.S: the kvmini guest's CPL 0 part. PVH enters pvh_start in 32-bit
 * protected mode with paging off and %ebx = the start_info address. We
 * zero .bss, identity map the first GiB with 2 MiB pages and the local
 * APIC's page (all user accessible), enter long mode, load the GDT/TSS/IDT
 * and iretq to guest_main() at CPL 3 with IOPL 3 and interrupts off.
 * Application processors start in ap_trampoline (copied below 1 MiB by
 * smp.c), reach long mode the same way and iretq to ap_main(). Exceptions
 * come back here (trap_stubs).
 */
#include "layout.h"

#define RFLAGS_IOPL3 0x3002
#define PTE_LARGE_USER 0x87             /* P | RW | US | PS */
#define PTE_UNCACHED 0x18               /* PWT | PCD */

/* Paging on with our tables, in long mode (32-bit code; eax, ecx, edx). */
        .macro enter_long_mode
        mov %cr4, %eax
        or $0x20, %eax                  /* PAE */
        mov %eax, %cr4
        mov $pml4, %eax
        mov %eax, %cr3
        mov $0xc0000080, %ecx           /* EFER.LME */
        rdmsr
        or $0x100, %eax
        wrmsr
        mov %cr0, %eax
        or $0x80000001, %eax            /* PG | PE */
        mov %eax, %cr0
        .endm

/* Kernel data segments, and none in %fs/%gs (64-bit code; eax). */
        .macro load_kernel_segments
        mov $KERNEL_DS, %ax
        mov %ax, %ds
        mov %ax, %es
        mov %ax, %ss
        xor %eax, %eax
        mov %ax, %fs
        mov %ax, %gs
        .endm

/* XEN_ELFNOTE_PHYS32_ENTRY (18): the 32-bit PVH entry point. */
        .section .note.pvh, "a", @note
        .p2align 2
        .long 4, 8, 18
        .asciz "Xen"
        .quad pvh_start

        .section .text.boot, "ax"
        .code32
        .globl pvh_start
pvh_start:
        cld
        mov %ebx, %edx
        mov $__bss_start, %edi
        mov $__bss_end, %ecx
        sub %edi, %ecx
        shr $2, %ecx                    /* .bss is 16-byte aligned and sized */
        xor %eax, %eax
        rep stosl
        mov %edx, boot_start_info

        /*
         * PML4[0] -> PDPT, PDPT[0] -> PD, PD[i] = i * 2 MiB; PDPT[3] ->
         * pd_apic, which maps only the LAPIC's 2 MiB page, uncached.
         */
        mov $pdpt, %eax
        or $0x7, %eax
        mov %eax, pml4
        mov $pd, %eax
        or $0x7, %eax
        mov %eax, pdpt
        mov $pd_apic, %eax
        or $0x7, %eax
        mov %eax, pdpt + 3 * 8
        movl $(LAPIC_BASE | PTE_LARGE_USER | PTE_UNCACHED), \
             pd_apic + ((LAPIC_BASE >> 21) & 511) * 8
        xor %ecx, %ecx
1:      mov %ecx, %eax
        shl $21, %eax
        or $PTE_LARGE_USER, %eax
        mov %eax, pd(,%ecx,8)
        inc %ecx
        cmp $512, %ecx
        jne 1b

        lgdt gdt_desc
        enter_long_mode
        ljmp $KERNEL_CS, $long_mode

        .code64
long_mode:
        load_kernel_segments
        lea kernel_stack_top(%rip), %rsp
        call cpu_init
        mov $TSS_SEL0, %ax
        ltr %ax

        mov boot_start_info(%rip), %edi
        push $USER_DS
        lea user_stack_top(%rip), %rax
        push %rax
        push $RFLAGS_IOPL3
        push $USER_CS
        lea guest_main(%rip), %rax
        push %rax
        iretq

/*
 * An AP's start after INIT-SIPI-SIPI, copied to AP_TRAMPOLINE: real mode
 * with %cs = AP_TRAMPOLINE >> 4 and %ip = 0, so data is addressed
 * relative to the copy. Protected mode first (KERNEL_CS32), then long mode
 * as on the BSP, then ap_long_mode in the image.
 */
        .code16
        .globl ap_trampoline, ap_trampoline_end
ap_trampoline:
        cli
        mov %cs, %ax
        mov %ax, %ds
        lgdtl ap_gdt_desc - ap_trampoline
        mov %cr0, %eax
        or $1, %eax                     /* PE */
        mov %eax, %cr0
        ljmpl $KERNEL_CS32, $(AP_TRAMPOLINE + ap_protected - ap_trampoline)

        .code32
ap_protected:
        mov $KERNEL_DS, %ax
        mov %ax, %ds
        mov %ax, %es
        mov %ax, %ss
        enter_long_mode
        ljmp $KERNEL_CS, $ap_long_mode
        .p2align 2
ap_gdt_desc:
        .word gdt_end - gdt - 1
        .long gdt
ap_trampoline_end:

/*
 * The AP in long mode: its stacks, TSS and CPU number come from ap_boot,
 * filled by the BSP (smp.c) before it sends the SIPIs.
 */
        .code64
ap_long_mode:
        load_kernel_segments
        mov ap_boot + AP_BOOT_KERNEL_STACK(%rip), %rsp
        lidt idt_desc(%rip)
        mov ap_boot + AP_BOOT_TSS(%rip), %ax
        ltr %ax

        mov ap_boot + AP_BOOT_CPU(%rip), %edi
        push $USER_DS
        push ap_boot + AP_BOOT_USER_STACK(%rip)
        push $RFLAGS_IOPL3
        push $USER_CS
        lea ap_main(%rip), %rax
        push %rax
        iretq

/*
 * Exception stubs: push a zero error code where the CPU pushes none, then
 * the vector, and go to trap_report(frame), which never returns.
 */
        .macro trap_stub n
        .p2align 4
        .if !((\n == 8) || (\n >= 10 && \n <= 14) || (\n == 17) || \
              (\n == 21) || (\n == 29) || (\n == 30))
        push $0
        .endif
        push $\n
        jmp trap_common
        .endm

        .p2align 4
        .globl trap_stubs
trap_stubs:
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15, \
                16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        trap_stub \n
        .endr

trap_common:
        mov %rsp, %rdi
        and $-16, %rsp
        call trap_report

        .data
        .p2align 3
gdt:
        .quad 0
        .quad 0x00af9a000000ffff        /* 0x08 kernel code, 64-bit */
        .quad 0x00cf92000000ffff        /* 0x10 kernel data */
        .quad 0x00cff2000000ffff        /* 0x18 user data */
        .quad 0x00affa000000ffff        /* 0x20 user code, 64-bit */
        .quad 0x00cf9a000000ffff        /* 0x28 kernel code, 32-bit */
        .globl gdt_tss
gdt_tss:                                /* 0x30: a TSS per CPU (cpu.c) */
        .skip 16 * GUEST_MAX_CPUS
gdt_end:
gdt_desc:
        .word gdt_end - gdt - 1
        .long gdt

        .globl boot_start_info
boot_start_info:
        .long 0

        .bss
        .p2align 12
pml4:   .skip 4096
pdpt:   .skip 4096
pd:     .skip 4096
pd_apic: .skip 4096
        .p2align 4
        .skip 8192
        .globl kernel_stack_top
kernel_stack_top:
        .p2align 4
        .skip 16384
user_stack_top:

/* Per-CPU areas, not zeroed (cpu_tss_init() fills each TSS it uses). */
        .section .percpu, "aw", @nobits
        .p2align 12
        .globl percpu_tss, ap_kernel_stacks, ap_user_stacks
ap_kernel_stacks:
        .skip AP_KERNEL_STACK * GUEST_MAX_CPUS
ap_user_stacks:
        .skip AP_USER_STACK * GUEST_MAX_CPUS
        .p2align 4
percpu_tss:
        .skip 104 * GUEST_MAX_CPUS
