/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kvm-run.c: a vCPU's run loop. KVM_RUN until a pause interrupts it;
 * port I/O and MMIO exits go to the address spaces under the big lock;
 * a triple fault resets the VM; an error stops it (on the main thread).
 */
#include "osdep.h"

#include <sys/ioctl.h>

#include "kvm-internal.h"
#include "qapi-events-run-state.h"
#include "system/run-control.h"
#include "system/runstate.h"
#include "util/error.h"
#include "util/error-report.h"
#include "util/log.h"
#include "util/main-loop.h"

/*
 * Log an access where nothing is mapped, under -d guest_errors, rate
 * limited: a guest probing ports must not flood the log. Big lock held.
 */
static void kvm_log_unassigned(KVMCPU *cpu, const char *space, uint64_t addr,
                               unsigned size, bool is_write)
{
    static LogRateLimit limit;

    log_ratelimited(&limit, LOG_GUEST_ERROR,
                    "vCPU %u: %s %u byte(s) %s unassigned %s address 0x%"
                    PRIx64 "\n", cpu->index,
                    is_write ? "write of" : "read of", size,
                    is_write ? "to" : "from", space, addr);
}

static void kvm_handle_io(KVMCPU *cpu)
{
    struct kvm_run *run = cpu->run;
    uint8_t *data = (uint8_t *)run + run->io.data_offset;
    bool is_write = KVM_EXIT_IO_OUT == run->io.direction;
    uint32_t i;

    bql_lock();
    /* A string instruction (rep outsb, ...) brings @count items. */
    for (i = 0; i < run->io.count; i++) {
        if (MEMTX_DECODE_ERROR &
            address_space_rw(&address_space_io, run->io.port, data,
                             run->io.size, is_write)) {
            kvm_log_unassigned(cpu, "I/O", run->io.port, run->io.size,
                               is_write);
        }
        data += run->io.size;
    }
    bql_unlock();
}

static void kvm_handle_mmio(KVMCPU *cpu)
{
    struct kvm_run *run = cpu->run;

    bql_lock();
    if (MEMTX_DECODE_ERROR &
        address_space_rw(&address_space_memory, run->mmio.phys_addr,
                         run->mmio.data, run->mmio.len,
                         run->mmio.is_write)) {
        kvm_log_unassigned(cpu, "memory", run->mmio.phys_addr,
                           run->mmio.len, run->mmio.is_write);
    }
    bql_unlock();
}

/* Main loop: report a vCPU's failure, then stop the VM as QEMU does. */
static gboolean kvm_stop_for_error(gpointer opaque)
{
    error_report("%s", (const char *)opaque);
    if (runstate_is_running()) {
        qapi_event_send_guest_panicked(GUEST_PANIC_ACTION_PAUSE);
        vm_stop(RUN_STATE_INTERNAL_ERROR);
    }
    return G_SOURCE_REMOVE;
}

/*
 * @cpu cannot go on: hold it, and have the main thread print the
 * message "vCPU N: @what ..., rip 0x..." and stop the VM (a vCPU never
 * stops the VM itself: vm_stop() waits for every vCPU).
 */
static void G_GNUC_PRINTF(2, 3) kvm_cpu_fail(KVMCPU *cpu, const char *fmt, ...)
{
    struct kvm_regs regs = { 0 };
    g_autofree char *what = NULL;
    va_list ap;
    char *msg;

    va_start(ap, fmt);
    what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    kvm_ioctl(cpu->fd, KVM_GET_REGS, &regs);
    msg = g_strdup_printf("kvm: vCPU %u: %s, rip 0x%llx; the VM is stopped",
                          cpu->index, what, regs.rip);
    kvm_cpu_hold(cpu);
    g_idle_add_full(G_PRIORITY_DEFAULT, kvm_stop_for_error, msg, g_free);
}

static const char *kvm_internal_error_str(uint32_t suberror)
{
    switch (suberror) {
    case KVM_INTERNAL_ERROR_EMULATION:
        return "emulation failure";
    case KVM_INTERNAL_ERROR_SIMUL_EX:
        return "exception while delivering another";
    case KVM_INTERNAL_ERROR_DELIVERY_EV:
        return "event delivery failure";
    default:
        return "unknown";
    }
}

static bool kvm_handle_system_event(KVMCPU *cpu)
{
    switch (cpu->run->system_event.type) {
    case KVM_SYSTEM_EVENT_SHUTDOWN:
        run_control_request_shutdown(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
        break;
    case KVM_SYSTEM_EVENT_RESET:
        run_control_request_reset(SHUTDOWN_CAUSE_GUEST_RESET);
        break;
    default:
        kvm_cpu_fail(cpu, "system event %u",
                     cpu->run->system_event.type);
        return false;
    }
    kvm_cpu_hold(cpu);
    return false;
}

/*
 * After a device access: when it asked for a reset or a shutdown (the
 * i8042's reset line, isa-debug-exit), @cpu runs no further guest code
 * until the main loop has handled it, as in QEMU. False: leave the loop.
 */
static bool kvm_cpu_after_access(KVMCPU *cpu)
{
    if (run_control_request_pending()) {
        kvm_cpu_hold(cpu);
        return false;
    }
    return true;
}

/* Handle the exit KVM_RUN returned; false when @cpu must leave the loop. */
static bool kvm_handle_exit(KVMCPU *cpu)
{
    struct kvm_run *run = cpu->run;

    switch (run->exit_reason) {
    case KVM_EXIT_IO:
        kvm_handle_io(cpu);
        return kvm_cpu_after_access(cpu);
    case KVM_EXIT_MMIO:
        kvm_handle_mmio(cpu);
        return kvm_cpu_after_access(cpu);
    case KVM_EXIT_SHUTDOWN:
        /*
         * A triple fault: QEMU resets the machine. The vCPU stays out of
         * the guest until then (it would only fault again).
         */
        run_control_request_reset(SHUTDOWN_CAUSE_GUEST_RESET);
        kvm_cpu_hold(cpu);
        return false;
    case KVM_EXIT_SYSTEM_EVENT:
        return kvm_handle_system_event(cpu);
    case KVM_EXIT_INTERNAL_ERROR:
        kvm_cpu_fail(cpu, "KVM internal error, suberror %u (%s)",
                     run->internal.suberror,
                     kvm_internal_error_str(run->internal.suberror));
        return false;
    case KVM_EXIT_FAIL_ENTRY:
        kvm_cpu_fail(cpu, "KVM could not enter the guest, hardware "
                     "reason 0x%llx",
                     run->fail_entry.hardware_entry_failure_reason);
        return false;
    default:
        kvm_cpu_fail(cpu, "unexpected KVM exit %u", run->exit_reason);
        return false;
    }
}

void kvm_cpu_exec(KVMCPU *cpu)
{
    int ret;

    for (;;) {
        ret = ioctl(cpu->fd, KVM_RUN, NULL);
        if (0 > ret) {
            if (EINTR != errno && EAGAIN != errno) {
                kvm_cpu_fail(cpu, "KVM_RUN failed: %s", g_strerror(errno));
                return;
            }
            /* A kick (or a stray signal) interrupted it. */
            if (kvm_cpu_should_stop(cpu)) {
                return;
            }
            continue;
        }
        if (log_enabled(LOG_KVM)) {
            log_printf("kvm: vCPU %u: exit %u\n", cpu->index,
                       cpu->run->exit_reason);
        }
        if (!kvm_handle_exit(cpu)) {
            return;
        }
    }
}
