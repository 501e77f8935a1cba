/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * string-output-visitor.h: write one scalar, or a list of integers, as
 * text, for HMP output and QOM property values shown as text.
 */
#ifndef QAPI_STRING_OUTPUT_VISITOR_H
#define QAPI_STRING_OUTPUT_VISITOR_H

#include "qapi/visitor.h"

/*
 * A visitor that writes the visited value as text: integers in decimal,
 * lists of integers as ranges ("1,3-5,7", in visit order), booleans as
 * "true"/"false", strings and enum names as they are, null as "". With
 * @human (HMP, like QEMU's "info qtree"): integers as "42 (0x2a)", sizes
 * as "2147483648 (2 GiB)", strings in double quotes, null as "<null>".
 * Alternates are written as their branch. Structs, 'any' and lists of
 * anything but integers have no text form and fail with an error. After a
 * complete visit, visit_complete(v, @result) stores a new string the
 * caller frees into *@result. Free with visit_free().
 */
Visitor *string_output_visitor_new(bool human, char **result);

#endif /* QAPI_STRING_OUTPUT_VISITOR_H */
