/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * start.S: the kvmini guest's CPL 0 part. PVH enters pvh_start in 32-bit
 * protected mode with paging off and %ebx = the start_info address. We
 * zero .bss, identity map the first GiB with 2 MiB pages (user accessible),
 * enter long mode, load the GDT/TSS/IDT and iretq to guest_main() at CPL 3
 * with IOPL 3 and interrupts off. Exceptions come back here (trap_entry).
 */
#define KERNEL_CS   0x08
#define KERNEL_DS   0x10
#define USER_DS     0x1b
#define USER_CS     0x23
#define TSS_SEL     0x28
#define RFLAGS_IOPL3 0x3002

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
        xor %eax, %eax
        rep stosb
        mov %edx, boot_start_info

        /* PML4[0] -> PDPT, PDPT[0] -> PD, PD[i] = i * 2 MiB (P|RW|US|PS). */
        mov $pdpt, %eax
        or $0x7, %eax
        mov %eax, pml4
        mov $pd, %eax
        or $0x7, %eax
        mov %eax, pdpt
        xor %ecx, %ecx
1:      mov %ecx, %eax
        shl $21, %eax
        or $0x87, %eax
        mov %eax, pd(,%ecx,8)
        inc %ecx
        cmp $512, %ecx
        jne 1b

        mov %cr4, %eax
        or $0x20, %eax                  /* PAE */
        mov %eax, %cr4
        mov $pml4, %eax
        mov %eax, %cr3
        mov $0xc0000080, %ecx           /* EFER.LME */
        rdmsr
        or $0x100, %eax
        wrmsr
        lgdt gdt_desc
        mov %cr0, %eax
        or $0x80000001, %eax            /* PG | PE */
        mov %eax, %cr0
        ljmp $KERNEL_CS, $long_mode

        .code64
long_mode:
        mov $KERNEL_DS, %ax
        mov %ax, %ds
        mov %ax, %es
        mov %ax, %ss
        xor %eax, %eax
        mov %ax, %fs
        mov %ax, %gs
        lea kernel_stack_top(%rip), %rsp
        call cpu_init
        mov $TSS_SEL, %ax
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
        .globl gdt_tss
gdt_tss:
        .quad 0, 0                      /* 0x28 TSS, filled by cpu_init() */
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
        .p2align 4
        .skip 8192
        .globl kernel_stack_top
kernel_stack_top:
        .p2align 4
        .skip 16384
user_stack_top:
