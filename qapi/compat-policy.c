/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * compat-policy.c: the process-wide compat policy (-compat) and the check
 * every input path applies to deprecated and unstable features.
 */
#include "osdep.h"

#include "qapi/compat-policy.h"
#include "util/error-report.h"

/* Set once from -compat during start-up, read by QMP afterwards. */
static CompatPolicy compat_policy;

const CompatPolicy *qapi_compat_policy(void)
{
    return &compat_policy;
}

void qapi_set_compat_policy(const CompatPolicy *policy)
{
    compat_policy = *policy;
}

/* The check for one feature (@adjective "Deprecated" or "Unstable"). */
static bool input_ok(const char *adjective, CompatPolicyInput policy,
                     ErrorClass error_class, const char *kind,
                     const char *name, Error **errp)
{
    switch (policy) {
    case COMPAT_POLICY_INPUT_ACCEPT:
        return true;
    case COMPAT_POLICY_INPUT_REJECT:
        error_set(errp, error_class, "%s %s %s disabled by policy",
                  adjective, kind, name);
        return false;
    case COMPAT_POLICY_INPUT_CRASH:
        /*
         * The operator chose -compat ...-input=crash to catch clients that
         * still use such input: stopping here is the requested behaviour.
         */
        error_report("%s %s %s disabled by policy, crashing as configured",
                     adjective, kind, name);
        abort();
    }
    g_assert_not_reached();
}

bool compat_policy_input_ok(unsigned special_features,
                            const CompatPolicy *policy,
                            ErrorClass error_class, const char *kind,
                            const char *name, Error **errp)
{
    if ((special_features & (1u << QAPI_DEPRECATED))
        && !input_ok("Deprecated", policy->deprecated_input, error_class,
                     kind, name, errp)) {
        return false;
    }
    if ((special_features & (1u << QAPI_UNSTABLE))
        && !input_ok("Unstable", policy->unstable_input, error_class,
                     kind, name, errp)) {
        return false;
    }
    return true;
}
