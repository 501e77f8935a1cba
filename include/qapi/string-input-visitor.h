/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * string-input-visitor.h: read one scalar, or a list of integers, from a
 * string, for HMP arguments and QOM property values given as text.
 */
#ifndef QAPI_STRING_INPUT_VISITOR_H
#define QAPI_STRING_INPUT_VISITOR_H

#include "qapi/visitor.h"

/*
 * A visitor that reads @str (copied): integers in decimal, octal or "0x"
 * hex, possibly negative; sizes with suffixes ("4K"); booleans
 * "on"/"off"/"yes"/"no"/"true"/"false"; numbers; strings and enum names
 * (the whole text); null (the empty string). Lists of integers are
 * comma-separated with ranges: "1,3-5,7" reads as 1, 3, 4, 5, 7 (at most
 * 65536 values in all). Alternates see the text as QTYPE_QSTRING, as
 * with keyval input. Structs, 'any' and lists of anything but integers
 * have no text form and fail with an error. Free with visit_free().
 */
Visitor *string_input_visitor_new(const char *str);

#endif /* QAPI_STRING_INPUT_VISITOR_H */
