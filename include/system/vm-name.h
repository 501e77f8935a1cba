/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vm-name.h: the name of the virtual machine (-name), as query-name reports it. */
#ifndef SYSTEM_VM_NAME_H
#define SYSTEM_VM_NAME_H

/* Set the name to a copy of @name, or clear it when NULL. Main thread only. */
void vm_name_set(const char *name);

/* The name (borrowed: valid until the next vm_name_set()), or NULL. */
const char *vm_name_get(void);

#endif /* SYSTEM_VM_NAME_H */
