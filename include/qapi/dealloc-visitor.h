/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dealloc-visitor.h: free a C object tree of QAPI types. The generated
 * qapi_free_FOO() is visit_type_FOO() run with this visitor.
 */
#ifndef QAPI_DEALLOC_VISITOR_H
#define QAPI_DEALLOC_VISITOR_H

#include "qapi/visitor.h"

/*
 * A visitor that frees everything it walks: structs, list elements,
 * alternates, strings, and the QObjects of 'any' and 'null' members. It
 * tolerates partly built objects (NULL members and list elements left by
 * a failed input visit). Free with visit_free().
 */
Visitor *qapi_dealloc_visitor_new(void);

#endif /* QAPI_DEALLOC_VISITOR_H */
