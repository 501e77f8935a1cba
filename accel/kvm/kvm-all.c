/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvm-all.c: opening /dev/kvm and checking it, creating the VM with its
 * in-kernel irqchip and PIT, the vCPUs, interrupt lines, and cleanup.
 */
#include "osdep.h"

#include <fcntl.h>
#include <sys/ioctl.h>

#include "kvm-internal.h"
#include "hw/qdev-properties.h"
#include "system/accel-info.h"
#include "system/run-control.h"
#include "system/runstate.h"
#include "util/error.h"
#include "util/error-report.h"

/* Where QEMU puts the TSS (3 pages) and the identity map page on x86. */
#define KVM_TSS_ADDR 0xfffbd000
#define KVM_IDENTITY_MAP_ADDR 0xfffbc000

KVMState *kvm_state;
static const char *kvm_device_path = "/dev/kvm";

typedef struct KVMCapability {
    const char *name;
    int cap;
} KVMCapability;

#define KVM_CAP_INFO(c) { "KVM_CAP_" #c, KVM_CAP_##c }

/* What kvmini relies on, checked in this order. */
static const KVMCapability kvm_required_caps[] = {
    KVM_CAP_INFO(USER_MEMORY),
    KVM_CAP_INFO(IRQCHIP),
    KVM_CAP_INFO(PIT2),
    KVM_CAP_INFO(SET_TSS_ADDR),
    KVM_CAP_INFO(SET_IDENTITY_MAP_ADDR),
    KVM_CAP_INFO(EXT_CPUID),
    KVM_CAP_INFO(MP_STATE),
    KVM_CAP_INFO(VCPU_EVENTS),
    KVM_CAP_INFO(DEBUGREGS),
    KVM_CAP_INFO(IMMEDIATE_EXIT),
    KVM_CAP_INFO(NR_MEMSLOTS),
    KVM_CAP_INFO(IRQ_ROUTING),
};

int kvm_ioctl(int fd, unsigned long request, void *arg)
{
    int ret;

    do {
        ret = ioctl(fd, request, arg);
    } while (0 > ret && EINTR == errno);
    return 0 > ret ? -errno : ret;
}

void kvm_set_device_path(const char *path)
{
    kvm_device_path = path ? path : "/dev/kvm";
}

bool kvm_enabled(void)
{
    return kvm_state != NULL;
}

bool kvm_host_is_pvm(void)
{
    return g_file_test("/sys/module/kvm_pvm", G_FILE_TEST_IS_DIR);
}

static bool kvm_open(KVMState *s, Error **errp)
{
    int version;

    s->fd = open(kvm_device_path, O_RDWR | O_CLOEXEC);
    if (0 > s->fd) {
        error_setg(errp, "Could not access KVM kernel module %s: %s (%s)",
                   kvm_device_path, g_strerror(errno),
                   EACCES == errno ?
                   "add your user to the kvm group, or use -M none" :
                   "load kvm_intel or kvm_amd, or use -M none");
        return false;
    }
    version = kvm_ioctl(s->fd, KVM_GET_API_VERSION, NULL);
    if (0 > version) {
        error_setg(errp, "%s is not a KVM device: %s", kvm_device_path,
                   g_strerror(-version));
        return false;
    }
    if (KVM_API_VERSION != version) {
        error_setg(errp, "%s has KVM API version %d, kvmini needs %d",
                   kvm_device_path, version, KVM_API_VERSION);
        return false;
    }
    return true;
}

static bool kvm_check_caps(KVMState *s, Error **errp)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(kvm_required_caps); i++) {
        if (0 >= kvm_ioctl(s->fd, KVM_CHECK_EXTENSION,
                           (void *)(long)kvm_required_caps[i].cap)) {
            error_setg(errp, "kvm does not support %s (kvmini needs a newer "
                       "host kernel)", kvm_required_caps[i].name);
            return false;
        }
    }
    s->nr_slots = kvm_ioctl(s->fd, KVM_CHECK_EXTENSION,
                            (void *)(long)KVM_CAP_NR_MEMSLOTS);
    s->has_xcrs = 0 < kvm_ioctl(s->fd, KVM_CHECK_EXTENSION,
                                (void *)(long)KVM_CAP_XCRS);
    s->has_xsave = 0 < kvm_ioctl(s->fd, KVM_CHECK_EXTENSION,
                                 (void *)(long)KVM_CAP_XSAVE);
    return true;
}

/*
 * Where each ISA interrupt (GSI 0-15) and IOAPIC input (GSI 16-23) goes,
 * as on a PC and in QEMU: GSI N reaches the PICs' IRQ N and IOAPIC pin N,
 * except that the PIT's GSI 0 is wired to IOAPIC pin 2 (the MP table
 * says so) and GSI 2, the PICs' cascade, to nothing. KVM's default
 * routing sends GSI 0 to pin 0, where no guest looks for its timer.
 */
static int kvm_set_gsi_routing(KVMState *s)
{
    g_autofree struct kvm_irq_routing *table = NULL;
    struct kvm_irq_routing_entry *e;
    unsigned gsi, n = 0;

    table = g_malloc0(sizeof(*table) + 40 * sizeof(table->entries[0]));
    for (gsi = 0; gsi < 24; gsi++) {
        if (2 == gsi) {
            continue;
        }
        if (gsi < 16) {
            e = &table->entries[n++];
            e->gsi = gsi;
            e->type = KVM_IRQ_ROUTING_IRQCHIP;
            e->u.irqchip.irqchip = gsi < 8 ? KVM_IRQCHIP_PIC_MASTER
                                           : KVM_IRQCHIP_PIC_SLAVE;
            e->u.irqchip.pin = gsi % 8;
        }
        e = &table->entries[n++];
        e->gsi = gsi;
        e->type = KVM_IRQ_ROUTING_IRQCHIP;
        e->u.irqchip.irqchip = KVM_IRQCHIP_IOAPIC;
        e->u.irqchip.pin = gsi ? gsi : 2;
    }
    table->nr = n;
    return kvm_ioctl(s->vmfd, KVM_SET_GSI_ROUTING, table);
}

/* The VM and its devices in the kernel: PIC, IOAPIC, LAPICs and PIT. */
static bool kvm_create_vm(KVMState *s, Error **errp)
{
    struct kvm_pit_config pit = { .flags = KVM_PIT_SPEAKER_DUMMY };
    uint64_t identity = KVM_IDENTITY_MAP_ADDR;
    int ret;

    s->vmfd = kvm_ioctl(s->fd, KVM_CREATE_VM, NULL);
    if (0 > s->vmfd) {
        error_setg(errp, "KVM_CREATE_VM failed: %s", g_strerror(-s->vmfd));
        return false;
    }
    s->run_size = kvm_ioctl(s->fd, KVM_GET_VCPU_MMAP_SIZE, NULL);
    ret = s->run_size;
    if (0 <= ret) {
        ret = kvm_ioctl(s->vmfd, KVM_SET_TSS_ADDR, (void *)KVM_TSS_ADDR);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(s->vmfd, KVM_SET_IDENTITY_MAP_ADDR, &identity);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(s->vmfd, KVM_CREATE_IRQCHIP, NULL);
    }
    if (0 <= ret) {
        ret = kvm_set_gsi_routing(s);
    }
    if (0 <= ret) {
        ret = kvm_ioctl(s->vmfd, KVM_CREATE_PIT2, &pit);
    }
    if (0 > ret) {
        error_setg(errp, "could not create the KVM VM: %s", g_strerror(-ret));
        return false;
    }
    return true;
}

static bool kvm_check_cpu_model(const char *cpu_model, Error **errp)
{
    if (strcmp(cpu_model, "host") && strcmp(cpu_model, "max")) {
        error_setg(errp, "unable to find CPU model '%s'", cpu_model);
        return false;
    }
    return true;
}

/*
 * The vCPUs, as QEMU 7.2 lays out -smp N by default: one socket of N
 * cores with one thread each, APIC ID = core = index.
 */
static bool kvm_create_cpus(KVMState *s, unsigned ncpus, Error **errp)
{
    unsigned i;

    s->smp_cpus = ncpus;
    s->cpus = g_new0(KVMCPU *, ncpus);
    for (i = 0; i < ncpus; i++) {
        DeviceState *dev = qdev_new(TYPE_KVM_CPU);
        KVMCPU *cpu = KVM_CPU(dev);

        cpu->index = i;
        object_property_set_uint(OBJECT(dev), "apic-id", i, &error_abort);
        object_property_set_int(OBJECT(dev), "socket-id", 0, &error_abort);
        object_property_set_int(OBJECT(dev), "core-id", i, &error_abort);
        object_property_set_int(OBJECT(dev), "thread-id", 0, &error_abort);
        if (!qdev_realize_and_unref(dev, NULL, errp)) {
            object_unparent(OBJECT(dev));
            return false;
        }
        s->cpus[s->ncpus++] = cpu;
    }
    return true;
}

static void kvm_state_free(KVMState *s)
{
    unsigned i;

    for (i = 0; i < s->ncpus; i++) {
        object_unparent(OBJECT(s->cpus[i]));
    }
    if (s->listener.address_space) {
        kvm_slots_cleanup(s);
    }
    if (0 <= s->vmfd) {
        close(s->vmfd);
    }
    if (0 <= s->fd) {
        close(s->fd);
    }
    g_free(s->cpus);
    g_free(s->cpuid);
    g_free(s->reset_msrs);
    g_free(s->slots);
    g_free(s);
}

bool kvm_init(unsigned ncpus, const char *cpu_model, Error **errp)
{
    KVMState *s = g_new0(KVMState, 1);
    unsigned i;

    g_assert(!kvm_state && ncpus);
    s->fd = s->vmfd = -1;
    /* The vCPUs' constructors look here for the VM. */
    kvm_state = s;
    if (!kvm_check_cpu_model(cpu_model, errp) || !kvm_open(s, errp) ||
        !kvm_check_caps(s, errp) || !kvm_create_vm(s, errp) ||
        !kvm_x86_init_vm(s, errp)) {
        goto fail;
    }
    kvm_slots_init(s);
    if (!kvm_create_cpus(s, ncpus, errp)) {
        goto fail;
    }
    for (i = 0; i < s->ncpus; i++) {
        kvm_x86_reset_cpu(s, s->cpus[i], NULL);
        kvm_cpus_start(s->cpus[i]);
    }
    vm_set_cpus_ops(&kvm_cpus_ops);
    kvm_info_init();
    run_control_register_reset(kvm_reset_cpus, NULL);
    return true;

fail:
    kvm_state = NULL;
    kvm_state_free(s);
    return false;
}

void kvm_set_irq(unsigned gsi, int level)
{
    struct kvm_irq_level irq = { .irq = gsi, .level = level };
    int ret = kvm_ioctl(kvm_state->vmfd, KVM_IRQ_LINE, &irq);

    if (0 > ret) {
        error_report("kvm: setting interrupt line %u failed: %s", gsi,
                     g_strerror(-ret));
    }
}

void kvm_set_boot_state(const X86CpuBootState *state)
{
    KVMState *s = kvm_state;

    s->boot = *state;
    s->has_boot = true;
    if (!s->started) {
        kvm_x86_reset_cpu(s, s->cpus[0], &s->boot);
    }
}

void kvm_reset_cpus(void *opaque)
{
    KVMState *s = kvm_state;
    unsigned i;

    for (i = 0; i < s->ncpus; i++) {
        kvm_x86_reset_cpu(s, s->cpus[i],
                          !i && s->has_boot ? &s->boot : NULL);
    }
}

void kvm_cleanup(void)
{
    KVMState *s = kvm_state;

    if (!s) {
        return;
    }
    run_control_unregister_reset(kvm_reset_cpus, NULL);
    kvm_info_cleanup();
    vm_set_cpus_ops(NULL);
    kvm_cpus_stop_all(s);
    kvm_state = NULL;
    kvm_state_free(s);
}
