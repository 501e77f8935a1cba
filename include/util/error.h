/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * error.h: the Error API, how failures travel from where they happen to where
 * they are reported.
 *
 * = Rules =
 *
 * - A function that can fail takes `Error **errp` as its last parameter and
 *   also says so in its return value: bool (true on success) or a pointer
 *   (NULL on failure). Callers test the return value, not *errp.
 * - On failure it sets exactly one error through errp; on success it leaves
 *   *errp alone.
 * - errp may be NULL (the caller does not care), &error_abort (failure is a
 *   programming bug: print and abort) or &error_fatal (print and exit(1); only
 *   in start-up code), or the address of a local `Error *err = NULL`.
 * - Never dereference errp to look at the error unless ERRP_GUARD() is at the
 *   top of the function: the guard makes *errp safe to read whatever the
 *   caller passed.
 * - An Error is owned by whoever holds the `Error *`. It is consumed exactly
 *   once: by error_propagate() into the caller's errp, by error_report_err(),
 *   or by error_free().
 * - Messages are one phrase, no trailing period or newline, naming the bad
 *   option, property or member. Advice goes into error_append_hint().
 */
#ifndef UTIL_ERROR_H
#define UTIL_ERROR_H

/*
 * The QMP error classes. Each maps 1:1 to the wire name QMP puts in an error
 * response's "class" member (see error_class_name()).
 */
typedef enum ErrorClass {
    ERROR_CLASS_GENERIC_ERROR,
    ERROR_CLASS_COMMAND_NOT_FOUND,
    ERROR_CLASS_DEVICE_NOT_ACTIVE,
    ERROR_CLASS_DEVICE_NOT_FOUND,
    ERROR_CLASS_KVM_MISSING_CAP,
    ERROR_CLASS_MAX,
} ErrorClass;

/* Sentinels: pass &error_abort or &error_fatal as errp. Never read them. */
extern Error *error_abort;
extern Error *error_fatal;

/* The QMP wire name of @klass ("GenericError", ...). */
const char *error_class_name(ErrorClass klass);

/* Look up an error class by its QMP wire name; false if @name is unknown. */
bool error_class_from_name(const char *name, ErrorClass *klass);

/*
 * Create a new error of class GenericError with a printf-style message and
 * store it through @errp (see the rules above for NULL, &error_abort and
 * &error_fatal). If *errp is already set, that is a programming bug and aborts.
 */
#define error_setg(errp, fmt, ...) \
    error_setg_internal((errp), __FILE__, __LINE__, __func__, (fmt), ## __VA_ARGS__)

/* Like error_setg(), then append ": " and strerror(@os_errno) to the message. */
#define error_setg_errno(errp, os_errno, fmt, ...) \
    error_setg_errno_internal((errp), __FILE__, __LINE__, __func__, \
                              (os_errno), (fmt), ## __VA_ARGS__)

/* Like error_setg(), with an explicit error class for QMP. */
#define error_set(errp, klass, fmt, ...) \
    error_set_internal((errp), __FILE__, __LINE__, __func__, \
                       (klass), (fmt), ## __VA_ARGS__)

void error_setg_internal(Error **errp, const char *src, int line,
                         const char *func, const char *fmt, ...)
    G_GNUC_PRINTF(5, 6);
void error_setg_errno_internal(Error **errp, const char *src, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...)
    G_GNUC_PRINTF(6, 7);
void error_set_internal(Error **errp, const char *src, int line,
                        const char *func, ErrorClass klass,
                        const char *fmt, ...)
    G_GNUC_PRINTF(6, 7);

/*
 * Hand @local_err (ownership transferred) to @dst_errp. If @dst_errp is NULL
 * the error is freed; if *dst_errp already holds an error, @local_err is freed
 * and the first error wins. @local_err may be NULL (nothing happens).
 */
void error_propagate(Error **dst_errp, Error *local_err);

/* error_prepend() @local_err with the message, then error_propagate() it. */
void error_propagate_prepend(Error **dst_errp, Error *local_err,
                             const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

/*
 * Prefix the message of the error in *@errp with a printf-style string, for
 * context the callee did not have ("-device foo: "). Does nothing when @errp is
 * NULL or holds no error. Must not be used with &error_fatal or &error_abort
 * (use ERRP_GUARD() in the function that calls it).
 */
void error_prepend(Error **errp, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/*
 * Append advice to the error in *@errp, printed on its own lines by
 * error_report_err() but not sent over QMP. Ends with a newline by convention.
 * Needs ERRP_GUARD() in the calling function when errp may be &error_fatal.
 */
void error_append_hint(Error **errp, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* The message of @err (borrowed: valid until @err is freed). */
const char *error_get_pretty(const Error *err);

/* The hint text of @err, or NULL (borrowed). */
const char *error_get_hint(const Error *err);

/* The QMP error class of @err. */
ErrorClass error_get_class(const Error *err);

/* A deep copy of @err; the caller owns the result. */
Error *error_copy(const Error *err);

/* Free @err and its message. NULL is allowed. */
void error_free(Error *err);

/* Free *@errp and set it to NULL; abort if it holds no error (tests only). */
void error_free_or_abort(Error **errp);

/* Print @err (message, then hint) with error_report() and free it. */
void error_report_err(Error *err);

/* Like error_report_err() but as a warning. */
void warn_report_err(Error *err);

/* Prepend a printf-style prefix to @err, then error_report_err() it. */
void error_reportf_err(Error *err, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/*
 * ERRP_GUARD(): put at the top of a function that needs to read *errp or to
 * call error_prepend()/error_append_hint(). If the caller passed NULL or
 * &error_fatal, errp is redirected to a local Error that is propagated to the
 * caller's errp when the function returns, so *errp is safe to test and
 * hints and prefixes reach the final report.
 */
typedef struct ErrorPropagator {
    Error *local_err;
    Error **errp;
} ErrorPropagator;

void error_propagator_cleanup(ErrorPropagator *prop);

#define ERRP_GUARD()                                                     \
    g_auto(ErrorPropagator) errp_guard_ = { .errp = errp };              \
    do {                                                                 \
        if (!errp || errp == &error_fatal) {                             \
            errp = &errp_guard_.local_err;                               \
        }                                                                \
    } while (0)

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ErrorPropagator, error_propagator_cleanup)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Error, error_free)

#endif /* UTIL_ERROR_H */
