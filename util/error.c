/* SPDX-License-Identifier: GPL-2.0-or-later */
/* error.c: creating, propagating, reporting and freeing Error objects. */
#include "osdep.h"

#include "util/error.h"
#include "util/error-report.h"

struct Error {
    char *msg;
    ErrorClass err_class;
    GString *hint;
    /* Where the error was created, printed when it hits &error_abort. */
    const char *src;
    const char *func;
    int line;
};

Error *error_abort;
Error *error_fatal;

static const char *const error_class_names[ERROR_CLASS_MAX] = {
    [ERROR_CLASS_GENERIC_ERROR] = "GenericError",
    [ERROR_CLASS_COMMAND_NOT_FOUND] = "CommandNotFound",
    [ERROR_CLASS_DEVICE_NOT_ACTIVE] = "DeviceNotActive",
    [ERROR_CLASS_DEVICE_NOT_FOUND] = "DeviceNotFound",
    [ERROR_CLASS_KVM_MISSING_CAP] = "KVMMissingCap",
};

const char *error_class_name(ErrorClass klass)
{
    g_assert(klass < ERROR_CLASS_MAX);
    return error_class_names[klass];
}

bool error_class_from_name(const char *name, ErrorClass *klass)
{
    int i;

    for (i = 0; i < ERROR_CLASS_MAX; i++) {
        if (!strcmp(error_class_names[i], name)) {
            *klass = i;
            return true;
        }
    }
    return false;
}

static KVMINI_NORETURN void error_handle_abort(const Error *err)
{
    error_report("unexpected error in %s() at %s:%d: %s",
                 err->func, err->src, err->line, err->msg);
    abort();
}

static KVMINI_NORETURN void error_handle_fatal(Error *err)
{
    error_report_err(err);
    exit(1);
}

/* Deliver a freshly built @err to @errp, following the rules in error.h. */
static void error_deliver(Error **errp, Error *err)
{
    if (errp == &error_abort) {
        error_handle_abort(err);
    }
    if (errp == &error_fatal) {
        error_handle_fatal(err);
    }
    if (!errp) {
        error_free(err);
        return;
    }
    /* Setting a second error is a bug in the caller: one failure, one error. */
    g_assert(!*errp);
    *errp = err;
}

G_GNUC_PRINTF(7, 0)
static void error_setv(Error **errp, const char *src, int line,
                       const char *func, ErrorClass klass, int os_errno,
                       const char *fmt, va_list ap)
{
    Error *err;
    int saved_errno = errno;

    if (!errp) {
        return;
    }
    err = g_new0(Error, 1);
    err->msg = g_strdup_vprintf(fmt, ap);
    if (os_errno) {
        char *msg = err->msg;

        err->msg = g_strdup_printf("%s: %s", msg, g_strerror(os_errno));
        g_free(msg);
    }
    err->err_class = klass;
    err->src = src;
    err->line = line;
    err->func = func;
    error_deliver(errp, err);
    errno = saved_errno;
}

void error_setg_internal(Error **errp, const char *src, int line,
                         const char *func, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_setv(errp, src, line, func, ERROR_CLASS_GENERIC_ERROR, 0, fmt, ap);
    va_end(ap);
}

void error_setg_errno_internal(Error **errp, const char *src, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_setv(errp, src, line, func, ERROR_CLASS_GENERIC_ERROR, os_errno,
               fmt, ap);
    va_end(ap);
}

void error_set_internal(Error **errp, const char *src, int line,
                        const char *func, ErrorClass klass,
                        const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_setv(errp, src, line, func, klass, 0, fmt, ap);
    va_end(ap);
}

void error_propagate(Error **dst_errp, Error *local_err)
{
    if (!local_err) {
        return;
    }
    if (dst_errp == &error_abort) {
        error_handle_abort(local_err);
    }
    if (dst_errp == &error_fatal) {
        error_handle_fatal(local_err);
    }
    if (dst_errp && !*dst_errp) {
        *dst_errp = local_err;
    } else {
        error_free(local_err);
    }
}

G_GNUC_PRINTF(2, 0)
static void error_vprepend(Error *err, const char *fmt, va_list ap)
{
    g_autofree char *prefix = g_strdup_vprintf(fmt, ap);
    char *msg = err->msg;

    err->msg = g_strconcat(prefix, msg, NULL);
    g_free(msg);
}

void error_propagate_prepend(Error **dst_errp, Error *local_err,
                             const char *fmt, ...)
{
    va_list ap;

    if (local_err && dst_errp && !*dst_errp) {
        va_start(ap, fmt);
        error_vprepend(local_err, fmt, ap);
        va_end(ap);
    }
    error_propagate(dst_errp, local_err);
}

void error_prepend(Error **errp, const char *fmt, ...)
{
    va_list ap;

    g_assert(errp != &error_fatal && errp != &error_abort);
    if (!errp || !*errp) {
        return;
    }
    va_start(ap, fmt);
    error_vprepend(*errp, fmt, ap);
    va_end(ap);
}

void error_append_hint(Error **errp, const char *fmt, ...)
{
    va_list ap;
    int saved_errno = errno;

    g_assert(errp != &error_fatal && errp != &error_abort);
    if (!errp || !*errp) {
        return;
    }
    if (!(*errp)->hint) {
        (*errp)->hint = g_string_new(NULL);
    }
    va_start(ap, fmt);
    g_string_append_vprintf((*errp)->hint, fmt, ap);
    va_end(ap);
    errno = saved_errno;
}

const char *error_get_pretty(const Error *err)
{
    return err->msg;
}

const char *error_get_hint(const Error *err)
{
    return err->hint ? err->hint->str : NULL;
}

ErrorClass error_get_class(const Error *err)
{
    return err->err_class;
}

Error *error_copy(const Error *err)
{
    Error *copy = g_new0(Error, 1);

    copy->msg = g_strdup(err->msg);
    copy->err_class = err->err_class;
    copy->src = err->src;
    copy->line = err->line;
    copy->func = err->func;
    if (err->hint) {
        copy->hint = g_string_new(err->hint->str);
    }
    return copy;
}

void error_free(Error *err)
{
    if (!err) {
        return;
    }
    g_free(err->msg);
    if (err->hint) {
        g_string_free(err->hint, true);
    }
    g_free(err);
}

void error_free_or_abort(Error **errp)
{
    g_assert(errp && *errp);
    error_free(*errp);
    *errp = NULL;
}

static void error_print_hint(const Error *err)
{
    if (err->hint) {
        error_printf("%s", err->hint->str);
    }
}

void error_report_err(Error *err)
{
    error_report("%s", err->msg);
    error_print_hint(err);
    error_free(err);
}

void warn_report_err(Error *err)
{
    warn_report("%s", err->msg);
    error_print_hint(err);
    error_free(err);
}

void error_reportf_err(Error *err, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vprepend(err, fmt, ap);
    va_end(ap);
    error_report_err(err);
}

void error_propagator_cleanup(ErrorPropagator *prop)
{
    error_propagate(prop->errp, prop->local_err);
}
