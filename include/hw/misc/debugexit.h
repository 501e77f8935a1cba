/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * debugexit.h: "isa-debug-exit", a port (iobase 0x501, iosize 2 by
 * default) through which the guest ends kvmini: writing V shuts the
 * machine down (a SHUTDOWN event, cause guest-shutdown) and kvmini exits
 * with status ((V << 1) | 1) & 0xff, as QEMU's process does.
 */
#ifndef HW_MISC_DEBUGEXIT_H
#define HW_MISC_DEBUGEXIT_H

#include "hw/isa/isa.h"

#define TYPE_ISA_DEBUG_EXIT "isa-debug-exit"

#endif /* HW_MISC_DEBUGEXIT_H */
