/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * compat-policy.h: the process-wide compat policy (-compat on the command
 * line) that QMP applies to deprecated and unstable commands, arguments,
 * enum values and return members.
 */
#ifndef QAPI_COMPAT_POLICY_H
#define QAPI_COMPAT_POLICY_H

#include "qapi/visitor.h"
#include "util/error.h"

/*
 * The current policy (borrowed; all ACCEPT until set). Read by
 * qmp_dispatch(), qobject_input_visitor_new_qmp() and
 * qobject_output_visitor_new_qmp().
 */
const CompatPolicy *qapi_compat_policy(void);

/* Replace the policy with a copy of @policy; call during start-up. */
void qapi_set_compat_policy(const CompatPolicy *policy);

/*
 * Whether input using something of @kind ("command", "parameter",
 * "value") called @name with @special_features is allowed by @policy.
 * If not, sets @errp with class @error_class ("Deprecated parameter x
 * disabled by policy") and returns false. COMPAT_POLICY_INPUT_CRASH
 * aborts: an operator asks for it to find clients using such input.
 */
bool compat_policy_input_ok(unsigned special_features,
                            const CompatPolicy *policy,
                            ErrorClass error_class, const char *kind,
                            const char *name, Error **errp);

#endif /* QAPI_COMPAT_POLICY_H */
