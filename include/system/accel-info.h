/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * accel-info.h: what the accelerator tells the monitor about itself and
 * its vCPUs (query-kvm, query-cpus-fast, HMP info kvm / info cpus).
 * Until an accelerator registers, KVM is not in use and there are no
 * vCPUs (the "none" machine).
 */
#ifndef SYSTEM_ACCEL_INFO_H
#define SYSTEM_ACCEL_INFO_H

#include "qapi-types-machine.h"

typedef struct AccelInfoOps {
    /* The vCPUs, in index order; a new list the caller frees. */
    CpuInfoFastList *(*query_cpus)(void);
} AccelInfoOps;

/*
 * The KVM accelerator runs the VM: query-kvm says "enabled" from now on,
 * and query-cpus-fast asks @ops (borrowed, static) for the vCPUs.
 */
void accel_info_register_kvm(const AccelInfoOps *ops);

/* Whether the host offers KVM: /dev/kvm can be opened for reading and writing. */
bool accel_info_kvm_present(void);

#endif /* SYSTEM_ACCEL_INFO_H */
