/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvm-slots.c: guest RAM as KVM memory slots, following the RAM sections
 * of address_space_memory through a MemoryListener.
 */
#include "osdep.h"

#include "kvm-internal.h"
#include "util/error.h"
#include "util/error-report.h"

/*
 * KVM maps whole pages: the part of @section that covers whole pages,
 * in *@gpa, *@size and *@host. False when nothing is left, or when the
 * host address is not page-aligned with the guest one.
 */
static bool kvm_section_pages(MemoryRegionSection *section, hwaddr *gpa,
                              uint64_t *size, uint8_t **host)
{
    uint64_t page = sysconf(_SC_PAGESIZE);
    hwaddr start = section->offset_within_address_space;
    hwaddr end = start + section->size;
    hwaddr first = (start + page - 1) & ~(page - 1);
    hwaddr last = end & ~(page - 1);

    if (first >= last) {
        return false;
    }
    *gpa = first;
    *size = last - first;
    *host = (uint8_t *)memory_region_get_ram_ptr(section->mr) +
            section->offset_within_region + (first - start);
    return !((uintptr_t)*host & (page - 1));
}

static int kvm_slot_set(KVMState *s, unsigned index, const KVMSlot *slot)
{
    struct kvm_userspace_memory_region region = {
        .slot = index,
        .flags = slot->flags,
        .guest_phys_addr = slot->gpa,
        .memory_size = slot->size,
        .userspace_addr = (uintptr_t)slot->host,
    };

    return kvm_ioctl(s->vmfd, KVM_SET_USER_MEMORY_REGION, &region);
}

static void kvm_region_add(MemoryListener *listener,
                           MemoryRegionSection *section)
{
    KVMState *s = container_of(listener, KVMState, listener);
    KVMSlot slot = { 0 };
    uint8_t *host;
    unsigned i;
    int ret;

    if (!kvm_section_pages(section, &slot.gpa, &slot.size, &host)) {
        return;
    }
    slot.host = host;
    for (i = 0; i < s->nr_slots && s->slots[i].size; i++) {
        continue;
    }
    if (i == s->nr_slots) {
        error_report("kvm: no free memory slot for %s at 0x%" PRIx64
                     " (KVM has %u)", memory_region_name(section->mr),
                     slot.gpa, s->nr_slots);
        return;
    }
    ret = kvm_slot_set(s, i, &slot);
    if (0 > ret) {
        error_report("kvm: mapping %s at 0x%" PRIx64 " failed: %s",
                     memory_region_name(section->mr), slot.gpa,
                     g_strerror(-ret));
        return;
    }
    s->slots[i] = slot;
}

static void kvm_region_del(MemoryListener *listener,
                           MemoryRegionSection *section)
{
    KVMState *s = container_of(listener, KVMState, listener);
    KVMSlot gone = { 0 };
    uint8_t *host;
    unsigned i;

    if (!kvm_section_pages(section, &gone.gpa, &gone.size, &host)) {
        return;
    }
    for (i = 0; i < s->nr_slots; i++) {
        KVMSlot *slot = &s->slots[i];

        if (slot->size && slot->gpa == gone.gpa && slot->size == gone.size) {
            /* A size of 0 deletes the slot. */
            memset(slot, 0, sizeof(*slot));
            kvm_slot_set(s, i, slot);
            return;
        }
    }
}

void kvm_slots_init(KVMState *s)
{
    s->slots = g_new0(KVMSlot, s->nr_slots);
    s->listener.region_add = kvm_region_add;
    s->listener.region_del = kvm_region_del;
    memory_listener_register(&s->listener, &address_space_memory);
}

void kvm_slots_cleanup(KVMState *s)
{
    memory_listener_unregister(&s->listener);
}
