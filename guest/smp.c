/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * smp.c: the kvmini guest's CPUs, at CPL 3. They come from the MP table
 * (or ACPI's MADT, cpu-tables.c); the smp mode starts each AP the
 * standard way, through the local APIC: INIT, then two STARTUP IPIs
 * pointing at start.S's trampoline, copied below 1 MiB. APs start one at
 * a time, each prints its line and reports in before the next starts, so
 * the output is in table order.
 */
#include "guest.h"
#include "cpu-tables.h"

#define LAPIC_ID 0x20
#define LAPIC_SVR 0xf0
#define LAPIC_ICR_LOW 0x300
#define LAPIC_ICR_HIGH 0x310
#define SVR_ENABLE 0x100
#define SVR_SPURIOUS_VECTOR 0xff
#define ICR_INIT 0x500
#define ICR_STARTUP 0x600
#define ICR_ASSERT 0x4000
#define ICR_PENDING 0x1000
#define ICR_POLL_MAX 1000000
/* INIT-SIPI-SIPI timing (Intel SDM: 10 ms after INIT, 200 us between). */
#define INIT_DELAY_MS 10
#define SIPI_DELAY_US 200
/* How long an AP may take to report in (generous for nested TCG). */
#define AP_TIMEOUT_MS 5000

extern const char ap_trampoline[], ap_trampoline_end[];
extern char ap_kernel_stacks[], ap_user_stacks[];

/* Read by start.S's ap_long_mode; filled before each AP's SIPIs. */
struct ap_boot ap_boot;
/* Set by the AP once it has printed its line. */
static volatile uint32_t ap_ready;

static uint32_t lapic_read(uint32_t reg)
{
    return *(volatile uint32_t *)(uintptr_t)(LAPIC_BASE + reg);
}

static void lapic_write(uint32_t reg, uint32_t v)
{
    /* Everything the AP will read is written before the IPI goes out. */
    __asm__ volatile("" : : : "memory");
    *(volatile uint32_t *)(uintptr_t)(LAPIC_BASE + reg) = v;
}

static uint8_t lapic_id(void)
{
    return (uint8_t)(lapic_read(LAPIC_ID) >> 24);
}

static void lapic_ipi(uint8_t apic_id, uint32_t icr)
{
    long i;

    lapic_write(LAPIC_ICR_HIGH, (uint32_t)apic_id << 24);
    lapic_write(LAPIC_ICR_LOW, icr);
    for (i = 0; i < ICR_POLL_MAX && (lapic_read(LAPIC_ICR_LOW) & ICR_PENDING);
         i++) {
        __asm__ volatile("pause");
    }
}

/* Guest physical memory as the guest maps it (the first GiB). */
static const void *phys_map(uint64_t addr, uint64_t len, void *opaque)
{
    (void)opaque;
    if (addr >= GUEST_MAPPED_END || len > GUEST_MAPPED_END - addr) {
        return NULL;
    }
    return (const void *)(uintptr_t)addr;
}

/* The CPUs from @source ("mp", "acpi", or "" for the MP table, else ACPI). */
static bool find_cpus(const char *source, KgCpus *cpus)
{
    const PVHStartInfo *si = guest_start_info();
    uint64_t rsdp = si ? si->rsdp_paddr : 0;

    if (!kg_streq(source, "acpi") && kg_mp_find_cpus(phys_map, NULL, cpus)) {
        return true;
    }
    return !kg_streq(source, "mp") &&
           kg_madt_find_cpus(phys_map, NULL, rsdp, cpus);
}

void smp_cmd_cpus(const char *arg)
{
    KgCpus cpus;
    unsigned i;

    if (*arg && !kg_streq(arg, "mp") && !kg_streq(arg, "acpi")) {
        guest_printf("cpus: unknown source '%s' (mp, acpi)\n", arg);
        return;
    }
    if (!find_cpus(arg, &cpus)) {
        if (*arg) {
            guest_printf(KG_OUT_CPUS_NO_TABLE "\n",
                         kg_streq(arg, "mp") ? "MP table" : "ACPI MADT");
        } else {
            guest_printf(KG_OUT_NO_CPU_TABLE "\n", "cpus");
        }
        return;
    }
    guest_printf(KG_OUT_CPUS, cpus.total, cpus.source);
    for (i = 0; i < cpus.count; i++) {
        guest_printf(" %u", cpus.apic_id[i]);
    }
    uart_putc('\n');
}

/* Start the AP @apic_id as CPU @cpu with the stacks and TSS of @slot. */
static bool ap_start(unsigned cpu, uint8_t apic_id, unsigned slot)
{
    uint64_t deadline;
    int sipi;

    ap_boot = (struct ap_boot) {
        .kernel_stack = (uint64_t)ap_kernel_stacks +
                        (slot + 1) * AP_KERNEL_STACK,
        .user_stack = (uint64_t)ap_user_stacks + (slot + 1) * AP_USER_STACK,
        .tss = TSS_SEL(slot),
        .cpu = cpu,
    };
    cpu_tss_init(slot, ap_boot.kernel_stack);
    ap_ready = 0;
    lapic_ipi(apic_id, ICR_INIT | ICR_ASSERT);
    timer_delay_ms(INIT_DELAY_MS);
    /* A second STARTUP only if the first was lost (SDM's MP init). */
    for (sipi = 0; sipi < 2 && !ap_ready; sipi++) {
        lapic_ipi(apic_id, ICR_STARTUP | AP_TRAMPOLINE >> 12);
        timer_delay_us(SIPI_DELAY_US);
    }
    deadline = timer_elapsed_ms() + AP_TIMEOUT_MS;
    while (!ap_ready && timer_elapsed_ms() < deadline) {
        __asm__ volatile("pause");
    }
    return ap_ready;
}

void smp_run(void)
{
    char *tramp = (char *)(uintptr_t)AP_TRAMPOLINE;
    unsigned i, slot = 0;
    uint8_t bsp = lapic_id();
    KgCpus cpus;

    uart_puts(KG_OUT_SMP "\n");
    if (!find_cpus("", &cpus)) {
        guest_printf(KG_OUT_NO_CPU_TABLE "\n", "smp");
        guest_exit(1);
    }
    if (cpus.total > GUEST_MAX_CPUS) {
        guest_printf(KG_OUT_SMP_TOO_MANY "\n", cpus.total, GUEST_MAX_CPUS);
        guest_exit(1);
    }
    for (i = 0; ap_trampoline + i < ap_trampoline_end; i++) {
        tramp[i] = ap_trampoline[i];
    }
    lapic_write(LAPIC_SVR, SVR_ENABLE | SVR_SPURIOUS_VECTOR);
    for (i = 0; i < cpus.count; i++) {
        if (cpus.apic_id[i] == bsp) {
            guest_printf(KG_OUT_CPU_ONLINE "\n", i, bsp);
        } else if (slot + 1 >= GUEST_MAX_CPUS ||
                   !ap_start(i, cpus.apic_id[i], ++slot)) {
            guest_printf(KG_OUT_SMP_NO_START "\n", i, cpus.apic_id[i]);
            guest_exit(1);
        }
    }
    guest_printf(KG_OUT_SMP_DONE "\n", cpus.count);
    guest_exit(0);
}

void ap_main(uint32_t cpu)
{
    guest_printf(KG_OUT_CPU_ONLINE "\n", cpu, lapic_id());
    ap_ready = 1;
    /* Parked at CPL 3 (hlt would fault) until the VM exits. */
    for (;;) {
        __asm__ volatile("pause");
    }
}
