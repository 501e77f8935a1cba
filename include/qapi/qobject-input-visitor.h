/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qobject-input-visitor.h: fill C objects from a QObject tree. The strict
 * flavour reads typed JSON (QMP arguments); the keyval flavour reads the
 * all-strings trees of keyval_parse() and qemu_opts_to_qdict() (-object,
 * -device) and parses numbers, booleans and sizes from their text.
 *
 * Errors name the full path of the bad member, "Parameter 'a.b[2].c' ...";
 * docs/devel/visitors.md lists every message.
 */
#ifndef QAPI_QOBJECT_INPUT_VISITOR_H
#define QAPI_QOBJECT_INPUT_VISITOR_H

#include "qapi/visitor.h"

/*
 * A visitor that reads @obj (the visitor takes its own reference) as typed
 * JSON: integers must be JSON integers, booleans JSON true/false, and so
 * on. Every compat policy is ACCEPT. Free with visit_free().
 */
Visitor *qobject_input_visitor_new(QObject *obj);

/*
 * qobject_input_visitor_new() with the process-wide compat policy
 * (qapi_compat_policy()) applied: what generated QMP marshallers use.
 */
Visitor *qobject_input_visitor_new_qmp(QObject *obj);

/*
 * A visitor that reads @obj (own reference taken), a tree of QDicts and
 * QLists whose leaves are QStrings: visit_type_int() parses "42" or
 * "0x2a", visit_type_bool() "on"/"off"/"yes"/"no"/"true"/"false",
 * visit_type_size() "4K". visit_start_alternate() reports a QString leaf
 * as QTYPE_QSTRING; see docs/devel/visitors.md for how alternates work.
 */
Visitor *qobject_input_visitor_new_keyval(QObject *obj);

/*
 * A visitor for option text @str: a JSON object when @str starts with '{'
 * (strict visitor), else keyval syntax with @implied_key (or NULL) naming
 * a first value given without "key=" (keyval visitor). Returns NULL with
 * @errp set when @str does not parse.
 */
Visitor *qobject_input_visitor_new_str(const char *str,
                                       const char *implied_key,
                                       Error **errp);

#endif /* QAPI_QOBJECT_INPUT_VISITOR_H */
