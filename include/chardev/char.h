/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char.h: character devices (chardevs), the byte streams that frontends
 * (monitors, serial ports) talk through, and the backends that carry them
 * (socket, stdio, file, pipe, null, ringbuf, mux).
 *
 * A chardev is a QOM object of an abstract TYPE_CHARDEV subclass, living
 * at /chardevs/<id>. A backend delivers input to its frontend with
 * qemu_chr_be_can_write()/qemu_chr_be_write() and reports connection
 * changes with qemu_chr_be_event(); the frontend API is chardev/char-fe.h.
 * Everything runs in the main loop thread with the big lock held.
 * docs/devel/chardev.md describes the model and how to add a backend.
 */
#ifndef CHARDEV_CHAR_H
#define CHARDEV_CHAR_H

#include "qapi-types-char.h"
#include "qom/object.h"
#include "util/error.h"

#define TYPE_CHARDEV "chardev"

/* What happened to a connection, as a frontend's event handler sees it. */
typedef enum QEMUChrEvent {
    CHR_EVENT_BREAK,    /* a serial break */
    CHR_EVENT_OPENED,   /* the backend is connected (a client, a terminal) */
    CHR_EVENT_MUX_IN,   /* a mux gave this frontend the focus */
    CHR_EVENT_MUX_OUT,  /* a mux took the focus away */
    CHR_EVENT_CLOSED,   /* the connection went away */
} QEMUChrEvent;

typedef struct CharBackend CharBackend;

typedef struct Chardev {
    Object parent_obj;
    char *label;            /* the id */
    char *filename;         /* query-chardev's "filename" */
    CharBackend *be;        /* the frontend, or NULL (not for mux) */
    bool be_open;           /* connected: OPENED sent, CLOSED not since */
    int logfd;              /* logfile=: a copy of the output, or -1 */
} Chardev;

typedef struct ChardevClass {
    ObjectClass parent_class;
    /* For -chardev: fill the backend's data from @opts (borrowed). */
    void (*parse)(QemuOpts *opts, ChardevBackend *backend, Error **errp);
    /*
     * Open according to @backend (borrowed). Set *@be_opened false when
     * the device is not connected yet (a listening socket), so that no
     * OPENED event goes to frontends now. Returns false with @errp set.
     */
    bool (*open)(Chardev *chr, ChardevBackend *backend, bool *be_opened,
                 Error **errp);
    /*
     * Write up to @len bytes without blocking for long; returns how many
     * were taken (0 when the device cannot take more now), or -1 when the
     * connection is broken or absent.
     */
    int (*chr_write)(Chardev *chr, const uint8_t *buf, int len);
    /* A new source dispatching when @cond holds, or NULL if never. */
    GSource *(*chr_add_watch)(Chardev *chr, GIOCondition cond);
    /* The frontend can take input again (or its handlers changed). */
    void (*chr_accept_input)(Chardev *chr);
    /* Whether chardev-remove must refuse: a frontend uses it. */
    bool (*chr_is_busy)(Chardev *chr);
} ChardevClass;

DECLARE_OBJ_CHECKERS(Chardev, ChardevClass, CHARDEV, TYPE_CHARDEV)

/* The container of all chardevs, /chardevs (borrowed). */
Object *chardev_container(void);

/*
 * Create the chardev @id from @backend (borrowed) with the QOM type
 * @typename: a subclass of TYPE_CHARDEV. @id must be new ("Chardev with
 * id 'ID' already exists"). Returns the new chardev, owned by
 * /chardevs (borrowed), or NULL with @errp set.
 */
Chardev *qemu_chardev_new(const char *id, const char *typename,
                          ChardevBackend *backend, Error **errp);

/*
 * Create a chardev as chardev-add does: @backend (borrowed) picks the
 * type, @id must be new. Returns the
 * chardev (borrowed) or NULL with @errp set, without the "Failed to add"
 * prefix.
 */
Chardev *qemu_chr_new_from_backend(const char *id, ChardevBackend *backend,
                                   Error **errp);

/*
 * chardev-change: give the chardev @id the backend @backend (borrowed),
 * as a new chardev replacing it. Refused for a mux and for a chardev with
 * a frontend (none can switch backends); on failure the old one stays.
 */
bool qemu_chr_change(const char *id, ChardevBackend *backend, Error **errp);

/* The chardev with id @id (borrowed), or NULL. */
Chardev *qemu_chr_find(const char *id);

/*
 * Remove the chardev @id as chardev-remove does: refused while a frontend
 * uses it. Returns false with @errp set.
 */
bool qemu_chr_remove(const char *id, Error **errp);

/*
 * The backend type for @kind (a ChardevBackendKind name such as "socket"):
 * its QOM type name, as a new string ("chardev-socket"). NULL if unknown.
 */
char *chardev_type_name(const char *kind);

/*
 * Set @chr's query-chardev filename, taking ownership of @filename.
 */
void qemu_chr_set_filename(Chardev *chr, char *filename);

/* Backends: how many bytes the frontend takes now (0 without one). */
int qemu_chr_be_can_write(Chardev *chr);

/* Backends: give the frontend @len bytes of input. */
void qemu_chr_be_write(Chardev *chr, const uint8_t *buf, int len);

/*
 * Backends: report @event to the frontend(s); OPENED and CLOSED also
 * update be_open (a repeated one is dropped).
 */
void qemu_chr_be_event(Chardev *chr, QEMUChrEvent event);

/*
 * Copy @len bytes that @chr's frontend wrote to its logfile, if it has
 * one (frontend API and muxes call it).
 */
void qemu_chr_write_log(Chardev *chr, const uint8_t *buf, int len);

/* Close every chardev (at exit): sockets unlinked, terminals restored. */
void qemu_chr_cleanup(void);

#endif /* CHARDEV_CHAR_H */
