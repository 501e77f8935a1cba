/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * typedefs.h: opaque type names shared across subsystems, so that headers can
 * name each other's types without including each other.
 */
#ifndef TYPEDEFS_H
#define TYPEDEFS_H

typedef struct Error Error;
typedef struct Location Location;

typedef struct QObject QObject;
typedef struct QNull QNull;
typedef struct QBool QBool;
typedef struct QNum QNum;
typedef struct QString QString;
typedef struct QList QList;
typedef struct QDict QDict;
typedef struct QLitObject QLitObject;
typedef struct JSONMessageParser JSONMessageParser;
typedef struct JSONWriter JSONWriter;

typedef struct QemuOpt QemuOpt;
typedef struct QemuOpts QemuOpts;
typedef struct QemuOptsList QemuOptsList;

typedef struct Visitor Visitor;

typedef struct Object Object;
typedef struct ObjectClass ObjectClass;
typedef struct ObjectProperty ObjectProperty;
typedef struct Monitor Monitor;

typedef struct DeviceState DeviceState;
typedef struct BusState BusState;
typedef struct HotplugHandler HotplugHandler;
typedef struct Property Property;
typedef struct VMStateDescription VMStateDescription;
typedef struct ReadLineState ReadLineState;

#endif /* TYPEDEFS_H */
