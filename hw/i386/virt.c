/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virt.c: the virt machine, kvmini's default. Guest RAM from a memory
 * backend (below 3 GiB, the rest above 4 GiB), the KVM vCPUs with the
 * in-kernel irqchip and PIT, an ISA bus with the legacy devices (a 16550
 * on COM1 per -serial, i8042, mc146818rtc, isa-debug-exit at 0xf4), and
 * direct boot of a PVH ELF or a Linux bzImage (by default the kvmini
 * guest). docs/user/booting.md describes what the guest sees.
 */
#include "osdep.h"

#include "chardev/char-serial.h"
#include "hw/boards.h"
#include "hw/char/serial-isa.h"
#include "hw/i386/x86-boot.h"
#include "hw/isa/isa.h"
#include "hw/rtc/mc146818rtc.h"
#include "qom/object-props.h"
#include "system/kvm.h"
#include "system/memory-as.h"
#include "system/run-control.h"
#include "util/cutils.h"
#include "util/error-report.h"

#define TYPE_VIRT_MACHINE MACHINE_TYPE_NAME("virt")
OBJECT_DECLARE_SIMPLE_TYPE(VirtMachineState, VIRT_MACHINE)

#define VIRT_BELOW_4G_MAX 0xc0000000ULL
#define VIRT_MIN_RAM (16 * MiB)
#define VIRT_DEBUG_EXIT_PORT 0xf4

struct VirtMachineState {
    MachineState parent_obj;

    MemoryRegion ram;
    MemoryRegion ram_below_4g;
    MemoryRegion ram_above_4g;
    qemu_irq irqs[ISA_NUM_IRQS];
    X86BootConfig boot;
    X86CpuBootState boot_state;     /* vCPU 0's start, from the loader */
};

/* The in-kernel irqchip takes the ISA lines as GSIs 0-15. */
static void virt_set_isa_irq(void *opaque, int n, int level)
{
    kvm_set_irq(n, level);
}

/* @size for a message: whole MiB, or bytes. Returns a new string. */
static char *virt_size_str(uint64_t size)
{
    if (size % MiB) {
        return g_strdup_printf("%" PRIu64 " bytes", size);
    }
    return g_strdup_printf("%" PRIu64 " MiB", size / MiB);
}

static bool virt_check_ram_size(uint64_t size, Error **errp)
{
    g_autofree char *text = virt_size_str(size);

    if (VIRT_MIN_RAM > size) {
        error_setg(errp, "RAM size %s is too small: the virt machine needs "
                   "at least 16 MiB", text);
        return false;
    }
    return true;
}

/* Map the backend's RAM: up to 3 GiB at 0, the rest at 4 GiB. */
static bool virt_memory_init(VirtMachineState *vms, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    HostMemoryBackend *backend = MEMORY_BACKEND(ms->memdev);
    uint64_t size = host_memory_backend_get_size(backend);
    uint64_t below = MIN(size, VIRT_BELOW_4G_MAX);

    if (!virt_check_ram_size(size, errp) ||
        !memory_region_init_ram_from_backend(&vms->ram, backend, errp)) {
        return false;
    }
    memory_region_init_alias(&vms->ram_below_4g, "ram-below-4g", &vms->ram,
                             0, below);
    memory_region_add_subregion(get_system_memory(), 0, &vms->ram_below_4g);
    if (size > below) {
        memory_region_init_alias(&vms->ram_above_4g, "ram-above-4g",
                                 &vms->ram, below, size - below);
        memory_region_add_subregion(get_system_memory(), X86_HIGHMEM_BASE,
                                    &vms->ram_above_4g);
    }
    vms->boot.ram = memory_region_get_ram_ptr(&vms->ram);
    vms->boot.below_4g = below;
    vms->boot.above_4g = size - below;
    return true;
}

/* Realize @dev (from isa_new(), properties set) on @bus; NULL on failure. */
static ISADevice *virt_isa_realize(ISABus *bus, ISADevice *dev, Error **errp)
{
    if (!qdev_realize_and_unref(DEVICE(dev), BUS(bus), errp)) {
        return NULL;
    }
    return dev;
}

/* A 16550 on COM1-COM4 for each -serial chardev. */
static bool virt_serial_init(ISABus *bus, Error **errp)
{
    int i;

    for (i = 0; i < MAX_ISA_SERIAL_PORTS; i++) {
        if (serial_hd(i) && !isa_serial_create(bus, i, serial_hd(i), errp)) {
            return false;
        }
    }
    return true;
}

static bool virt_devices_init(VirtMachineState *vms, Error **errp)
{
    ISADevice *rtc, *debug_exit;
    ISABus *bus;
    int i;

    for (i = 0; i < ISA_NUM_IRQS; i++) {
        vms->irqs[i] = qemu_allocate_irq(virt_set_isa_irq, vms, i);
    }
    bus = isa_bus_create(get_system_io(), vms->irqs, errp);
    if (!bus || !virt_serial_init(bus, errp) ||
        !virt_isa_realize(bus, isa_new("i8042"), errp)) {
        return false;
    }
    /*
     * As QEMU's PC machines: the year register holds the year's last two
     * digits and the century byte (0x32) the rest, which is what Linux
     * and firmware expect (the device's default base of 1980 would show
     * 2026 as year 46, century 0).
     */
    rtc = isa_new("mc146818rtc");
    object_property_set_int(OBJECT(rtc), "base_year", 0, &error_abort);
    rtc = virt_isa_realize(bus, rtc, errp);
    if (!rtc) {
        return false;
    }
    rtc_set_memory_size(rtc, vms->boot.below_4g, vms->boot.above_4g);
    debug_exit = isa_new("isa-debug-exit");
    object_property_set_int(OBJECT(debug_exit), "iobase", VIRT_DEBUG_EXIT_PORT,
                            &error_abort);
    object_property_set_int(OBJECT(debug_exit), "iosize", 4, &error_abort);
    return virt_isa_realize(bus, debug_exit, errp);
}

/*
 * Run-control reset: the guest starts over from its kernel, loaded again
 * (KVM's own reset handler, registered before, puts the vCPUs back).
 */
static void virt_reset(void *opaque)
{
    VirtMachineState *vms = opaque;
    Error *err = NULL;

    if (!x86_load_kernel(&vms->boot, &vms->boot_state, &err)) {
        error_report_err(err);
        run_control_request_shutdown(SHUTDOWN_CAUSE_HOST_ERROR);
        return;
    }
    kvm_set_boot_state(&vms->boot_state);
}

static void virt_boot_config(VirtMachineState *vms)
{
    MachineState *ms = MACHINE(vms);

    vms->boot.kernel = ms->kernel_filename ? ms->kernel_filename
                                           : KVMINI_GUEST_ELF;
    vms->boot.initrd = ms->initrd_filename;
    vms->boot.cmdline = ms->kernel_cmdline ? ms->kernel_cmdline : "";
    vms->boot.ncpus = ms->smp_cpus;
}

/*
 * Once KVM runs: tell the user when it is PVM and the guest is Linux (the
 * only kernel kvmini starts in long mode).
 */
static void virt_warn_pvm(VirtMachineState *vms)
{
    if (vms->boot_state.efer && kvm_host_is_pvm()) {
        warn_report("the host's KVM is PVM (kvm_pvm): a Linux kernel runs "
                    "~3000x slower there and may not boot; the kvmini guest "
                    "is made for it");
    }
}

static bool virt_init(MachineState *ms, Error **errp)
{
    VirtMachineState *vms = VIRT_MACHINE(ms);

    /*
     * The kernel is loaded first, so that a bad file is reported before
     * KVM is needed; the vCPUs come next, to be /machine/unattached's
     * device[0..N-1] as in QEMU, then the devices whose lines they take.
     */
    virt_boot_config(vms);
    if (!virt_memory_init(vms, errp) ||
        !x86_load_kernel(&vms->boot, &vms->boot_state, errp) ||
        !kvm_init(ms->smp_cpus, ms->cpu_model, errp) ||
        !virt_devices_init(vms, errp)) {
        return false;
    }
    virt_warn_pvm(vms);
    kvm_set_boot_state(&vms->boot_state);
    run_control_register_reset(virt_reset, vms);
    return true;
}

static void virt_finalize(Object *obj)
{
    VirtMachineState *vms = VIRT_MACHINE(obj);
    int i;

    run_control_unregister_reset(virt_reset, vms);
    for (i = 0; i < ISA_NUM_IRQS; i++) {
        qemu_free_irq(vms->irqs[i]);
    }
}

static void virt_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "kvmini KVM machine (PVH and Linux direct boot)";
    mc->is_default = true;
    mc->max_cpus = 254;
    mc->default_ram_size = 256 * MiB;
    mc->default_ram_id = "virt.ram";
    mc->init = virt_init;
}

static const TypeInfo virt_machine_info = {
    .name = TYPE_VIRT_MACHINE,
    .parent = TYPE_MACHINE,
    .instance_size = sizeof(VirtMachineState),
    .instance_finalize = virt_finalize,
    .class_init = virt_class_init,
};

static void virt_register_types(void)
{
    type_register_static(&virt_machine_info);
}

type_init(virt_register_types)
