/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * util.h: helpers the generated QAPI code and its users share: enum name
 * tables and list building.
 */
#ifndef QAPI_UTIL_H
#define QAPI_UTIL_H

#include "qapi/visitor.h"  /* the QEnumLookup typedef */

/*
 * The generated description of an enum type Foo: Foo_lookup.array[FOO_BAR]
 * is "bar"; @special_features (or NULL) holds each value's
 * QapiSpecialFeature mask; @size is FOO__MAX.
 */
struct QEnumLookup {
    const char *const *array;
    const unsigned char *special_features;
    const int size;
};

/* The wire name of enum value @val (which must be in range). */
const char *qapi_enum_lookup(const QEnumLookup *lookup, int val);

/*
 * The value named @buf; @def when @buf is NULL; -1 with @errp set
 * ("invalid value 'x'") when no value has that name.
 */
int qapi_enum_parse(const QEnumLookup *lookup, const char *buf, int def,
                    Error **errp);

/* Prepend @element to the generated FooList *@list (any list type). */
#define QAPI_LIST_PREPEND(list, element) do {                   \
    __typeof__(list) qapi_new_ = g_malloc(sizeof(*(list)));     \
    qapi_new_->value = (element);                               \
    qapi_new_->next = (list);                                   \
    (list) = qapi_new_;                                         \
} while (0)

/*
 * Append @element at *@tail, where @tail starts as &list and is advanced:
 *     FooList *list = NULL, **tail = &list;
 *     QAPI_LIST_APPEND(tail, foo1);
 */
#define QAPI_LIST_APPEND(tail, element) do {                    \
    *(tail) = g_malloc0(sizeof(**(tail)));                      \
    (*(tail))->value = (element);                               \
    (tail) = &(*(tail))->next;                                  \
} while (0)

/* The number of elements of any generated FooList. */
#define QAPI_LIST_LENGTH(list) ({                               \
    size_t qapi_len_ = 0;                                       \
    __typeof__(list) qapi_elem_;                                \
    for (qapi_elem_ = (list); qapi_elem_;                       \
         qapi_elem_ = qapi_elem_->next) {                       \
        qapi_len_++;                                            \
    }                                                           \
    qapi_len_;                                                  \
})

#endif /* QAPI_UTIL_H */
