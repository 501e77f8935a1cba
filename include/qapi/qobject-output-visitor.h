/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qobject-output-visitor.h: build a QObject tree from C objects, for QMP
 * return values, events and anything else that becomes JSON.
 */
#ifndef QAPI_QOBJECT_OUTPUT_VISITOR_H
#define QAPI_QOBJECT_OUTPUT_VISITOR_H

#include "qapi/visitor.h"

/*
 * A visitor that builds the visited value as a QObject: structs become
 * QDicts with members in visit order, lists QLists, integers QNums that
 * keep int64/uint64 exact, doubles QNums, a NULL string "". After a
 * complete visit, visit_complete(v, @result) stores the value (a new
 * reference the caller owns) into *@result. Free with visit_free().
 */
Visitor *qobject_output_visitor_new(QObject **result);

/*
 * qobject_output_visitor_new() with the process-wide compat policy
 * (qapi_compat_policy()) applied: members with a feature the policy hides
 * are left out. What generated marshallers and events use.
 */
Visitor *qobject_output_visitor_new_qmp(QObject **result);

#endif /* QAPI_QOBJECT_OUTPUT_VISITOR_H */
