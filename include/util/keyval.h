/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * keyval.h: the keyval parser, which turns `key=value,...` with dotted keys
 * into a tree of QDicts and QLists for -object, -device and -blockdev, whose
 * values are typed later by a QAPI input visitor.
 */
#ifndef UTIL_KEYVAL_H
#define UTIL_KEYVAL_H

#include "qobject/qdict.h"

/*
 * Parse @params into a new QDict (new reference) whose leaves are QStrings:
 * "a.b=x" nests as {"a": {"b": "x"}}, a level keyed 0, 1, ... becomes a
 * QList, ",," is a literal ',', and a repeated key keeps its last value.
 * @implied_key (or NULL) names a first element without '='. With @help
 * non-NULL, an element "help" or "?" sets *@help (else *@help is false);
 * with @help NULL it is a missing '=' (or the implied value). Returns NULL
 * on error.
 */
QDict *keyval_parse(const char *params, const char *implied_key, bool *help,
                    Error **errp);

#endif /* UTIL_KEYVAL_H */
