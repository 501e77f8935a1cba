/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vm-name.c: the virtual machine's name and the query-name command. */
#include "osdep.h"

#include "qapi-commands-machine.h"
#include "system/vm-name.h"

static char *vm_name;

void vm_name_set(const char *name)
{
    g_free(vm_name);
    vm_name = g_strdup(name);
}

const char *vm_name_get(void)
{
    return vm_name;
}

NameInfo *qmp_query_name(Error **errp)
{
    NameInfo *info = g_new0(NameInfo, 1);

    info->name = g_strdup(vm_name);
    return info;
}
