/* SPDX-License-Identifier: GPL-2.0-or-later */
/* accel-info.c: query-kvm and query-cpus-fast. */
#include "osdep.h"

#include <fcntl.h>

#include "qapi-commands-machine.h"
#include "system/accel-info.h"

static const AccelInfoOps *kvm_ops;

void accel_info_register_kvm(const AccelInfoOps *ops)
{
    kvm_ops = ops;
}

bool accel_info_kvm_present(void)
{
    int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);

    if (0 > fd) {
        return false;
    }
    close(fd);
    return true;
}

KvmInfo *qmp_query_kvm(Error **errp)
{
    KvmInfo *info = g_new0(KvmInfo, 1);

    info->enabled = kvm_ops != NULL;
    info->present = accel_info_kvm_present();
    return info;
}

CpuInfoFastList *qmp_query_cpus_fast(Error **errp)
{
    return kvm_ops ? kvm_ops->query_cpus() : NULL;
}
