/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * visitor.h: the visitor interface, one walk over a C data structure that
 * different visitors turn into different operations:
 *
 * - input visitors fill C objects from a QObject, a keyval tree or a string
 *   (qobject-input-visitor.h, string-input-visitor.h);
 * - output visitors build a QObject or a string from C objects
 *   (qobject-output-visitor.h, string-output-visitor.h);
 * - the dealloc visitor frees a C object tree (dealloc-visitor.h);
 * - the clone visitor deep-copies one (clone-visitor.h).
 *
 * The QAPI generator emits visit_type_FOO() for every schema type, written
 * only in terms of the functions below, so every visitor works with every
 * type.
 *
 * Rules for callers:
 * - @name is the member name inside a struct, NULL inside a list and for
 *   the top-level value (and for alternate branches).
 * - Every start function that returns true must be matched by its end
 *   function, even when something in between failed (an input visitor then
 *   frees what it allocated in the end function's clean-up).
 * - For input visitors, a failing visit_type_*() leaves *obj in a state the
 *   dealloc visitor can free; the generated visit_type_FOO() frees and NULLs
 *   *obj itself on failure.
 * - Visitor functions return true on success and false with @errp set on
 *   failure, except the end functions and visit_next_list(), which cannot
 *   fail.
 */
#ifndef QAPI_VISITOR_H
#define QAPI_VISITOR_H

#include "qobject/qobject.h"

/*
 * The common head of every generated FooList type: a singly linked list
 * whose element follows @next (`struct FooList { FooList *next; Foo *value; }`).
 */
typedef struct GenericList {
    struct GenericList *next;
    char padding[];
} GenericList;

/*
 * The common head of every generated alternate type: the QType of the
 * branch present, then a union of the branches.
 */
typedef struct GenericAlternate {
    QType type;
    char padding[];
} GenericAlternate;

/* What a visitor does; generated code asks with visit_is_input() etc. */
typedef enum VisitorType {
    VISITOR_INPUT = 1,
    VISITOR_OUTPUT = 2,
    VISITOR_CLONE = 4,
    VISITOR_DEALLOC = 8,
} VisitorType;

/*
 * Special features of schema members, enum values, commands and events, as
 * a bit mask: (1u << QAPI_DEPRECATED) etc.
 */
typedef enum QapiSpecialFeature {
    QAPI_DEPRECATED,
    QAPI_UNSTABLE,
} QapiSpecialFeature;

/* What to do with input that uses a deprecated or unstable feature. */
typedef enum CompatPolicyInput {
    COMPAT_POLICY_INPUT_ACCEPT,
    COMPAT_POLICY_INPUT_REJECT,
    COMPAT_POLICY_INPUT_CRASH,
} CompatPolicyInput;

/* What to do with output that would use a deprecated or unstable feature. */
typedef enum CompatPolicyOutput {
    COMPAT_POLICY_OUTPUT_ACCEPT,
    COMPAT_POLICY_OUTPUT_HIDE,
} CompatPolicyOutput;

/* The policy a visitor applies (all ACCEPT by default, as QEMU's -compat). */
typedef struct CompatPolicy {
    CompatPolicyInput deprecated_input;
    CompatPolicyOutput deprecated_output;
    CompatPolicyInput unstable_input;
    CompatPolicyOutput unstable_output;
} CompatPolicy;

/* Structs and alternates */

/*
 * Start visiting a struct named @name. For input visitors, when @obj is not
 * NULL, allocate a zeroed struct of @size bytes into *@obj. @obj NULL means
 * "just check and consume" (a virtual walk). Returns false if there is no
 * struct there (input) with @errp set.
 */
bool visit_start_struct(Visitor *v, const char *name, void **obj,
                        size_t size, Error **errp);

/*
 * Before visit_end_struct() on success: input visitors fail here when the
 * input had members nobody visited ("Parameter 'x' is unexpected").
 */
bool visit_check_struct(Visitor *v, Error **errp);

/* Finish a struct started with visit_start_struct(); @obj as passed there. */
void visit_end_struct(Visitor *v, void **obj);

/*
 * Start visiting a list named @name. Input visitors allocate the first
 * element of @size bytes into *@list (NULL for an empty list); @list NULL
 * is a virtual walk.
 */
bool visit_start_list(Visitor *v, const char *name, GenericList **list,
                      size_t size, Error **errp);

/*
 * Advance past @tail: input visitors allocate and link the next element
 * (@size bytes) if the input has one. Returns the next element, or NULL at
 * the end of the list.
 */
GenericList *visit_next_list(Visitor *v, GenericList *tail, size_t size);

/* Before visit_end_list() on success: fail if input elements are left over. */
bool visit_check_list(Visitor *v, Error **errp);

/* Finish a list started with visit_start_list(); @list as passed there. */
void visit_end_list(Visitor *v, void **list);

/*
 * Start visiting an alternate: input visitors allocate *@obj (@size bytes)
 * and set (*obj)->type to the QType of the input value, from which the
 * generated code picks the branch.
 */
bool visit_start_alternate(Visitor *v, const char *name,
                           GenericAlternate **obj, size_t size, Error **errp);

/* Finish an alternate started with visit_start_alternate(). */
void visit_end_alternate(Visitor *v, void **obj);

/*
 * Whether the optional member @name is present. Input visitors set
 * *@present from the input; other visitors return *@present unchanged.
 */
bool visit_optional(Visitor *v, const char *name, bool *present);

/*
 * For an input member @name with @special_features (a QapiSpecialFeature
 * mask) that is present in the input: true with @errp set when the
 * visitor's policy rejects it ("Deprecated parameter x disabled by
 * policy"), else false. Non-input visitors always return false. Generated
 * code: if (visit_policy_reject(v, "x", features, errp)) { fail }.
 */
bool visit_policy_reject(Visitor *v, const char *name,
                         unsigned special_features, Error **errp);

/*
 * For member @name with @special_features: true when it must be left out
 * (output visitors whose policy HIDEs such members), else false.
 */
bool visit_policy_skip(Visitor *v, const char *name,
                       unsigned special_features);

/* Use @policy (copied) instead of accepting everything. */
void visit_set_policy(Visitor *v, const CompatPolicy *policy);

/* Whether @v is an input / dealloc visitor. */
bool visit_is_input(Visitor *v);
bool visit_is_dealloc(Visitor *v);

/*
 * The full path of member @name of what @v is visiting, as error messages
 * name it: "data.list[2].size" (keyval input: "data.list.2.size"); just
 * @name for visitors that do not track paths; "<anonymous>" for an unnamed
 * top-level value. For messages of generated code. Returns a new string.
 */
char *visit_member_path(Visitor *v, const char *name);

/* Scalars. Input visitors check types and ranges and name @name in errors. */

bool visit_type_int(Visitor *v, const char *name, int64_t *obj, Error **errp);
bool visit_type_int8(Visitor *v, const char *name, int8_t *obj, Error **errp);
bool visit_type_int16(Visitor *v, const char *name, int16_t *obj, Error **errp);
bool visit_type_int32(Visitor *v, const char *name, int32_t *obj, Error **errp);
bool visit_type_int64(Visitor *v, const char *name, int64_t *obj, Error **errp);
bool visit_type_uint8(Visitor *v, const char *name, uint8_t *obj, Error **errp);
bool visit_type_uint16(Visitor *v, const char *name, uint16_t *obj,
                       Error **errp);
bool visit_type_uint32(Visitor *v, const char *name, uint32_t *obj,
                       Error **errp);
bool visit_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                       Error **errp);

/* A byte count: like uint64, but string-based input accepts "4K", "1G". */
bool visit_type_size(Visitor *v, const char *name, uint64_t *obj,
                     Error **errp);

bool visit_type_bool(Visitor *v, const char *name, bool *obj, Error **errp);

/*
 * A string. Input visitors store a new string the caller owns into *@obj;
 * output visitors read *@obj (NULL is written as "").
 */
bool visit_type_str(Visitor *v, const char *name, char **obj, Error **errp);

/* A double. */
bool visit_type_number(Visitor *v, const char *name, double *obj,
                       Error **errp);

/* Any JSON value, as a QObject (input: new reference; output: borrowed). */
bool visit_type_any(Visitor *v, const char *name, QObject **obj,
                    Error **errp);

/* JSON null (input: a new reference to the QNull; @obj may be NULL on output). */
bool visit_type_null(Visitor *v, const char *name, QNull **obj, Error **errp);

/*
 * An enum value *@obj of the type described by @lookup, as its name on the
 * wire. Input: "Parameter 'x' does not accept value 'y'" for an unknown name.
 */
typedef struct QEnumLookup QEnumLookup;
bool visit_type_enum(Visitor *v, const char *name, int *obj,
                     const QEnumLookup *lookup, Error **errp);

/*
 * Output visitors: make the result available where the visitor was told to
 * put it (qobject_output_visitor_new(&result) etc.). @opaque is that pointer.
 * Call once, after a complete visit.
 */
void visit_complete(Visitor *v, void *opaque);

/* Free the visitor (not the visited object). NULL is allowed. */
void visit_free(Visitor *v);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Visitor, visit_free)

#endif /* QAPI_VISITOR_H */
