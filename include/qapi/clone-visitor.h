/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * clone-visitor.h: deep copies of C objects of QAPI types.
 */
#ifndef QAPI_CLONE_VISITOR_H
#define QAPI_CLONE_VISITOR_H

#include "qapi/visitor.h"

/*
 * A deep copy of @src (a Foo *) made by walking it with @visit_type
 * (visit_type_Foo), or NULL when @src is NULL. The caller owns the copy
 * and frees it with qapi_free_Foo(). Use QAPI_CLONE() rather than this.
 */
void *qapi_clone(const void *src,
                 bool (*visit_type)(Visitor *, const char *, void **,
                                    Error **));

/*
 * Overwrite the @size bytes at @dst with a deep copy of the members of
 * @src, walked with @visit_type_members (visit_type_Foo_members). Whatever
 * @dst held before is not freed. Use QAPI_CLONE_MEMBERS() rather than this.
 */
void qapi_clone_members(void *dst, const void *src, size_t size,
                        bool (*visit_type_members)(Visitor *, void *,
                                                   Error **));

/* A deep copy of @src, a (const) @type *; returns a new @type *. */
#define QAPI_CLONE(type, src)                                           \
    ((type *)qapi_clone((src),                                          \
                        (bool (*)(Visitor *, const char *, void **,     \
                                  Error **))visit_type_ ## type))

/*
 * Deep-copy the members of *@src into *@dst (both @type *), e.g. into a
 * struct embedded in another one.
 */
#define QAPI_CLONE_MEMBERS(type, dst, src)                              \
    qapi_clone_members((dst), (src), sizeof(type),                      \
                       (bool (*)(Visitor *, void *, Error **))          \
                       visit_type_ ## type ## _members)

#endif /* QAPI_CLONE_VISITOR_H */
