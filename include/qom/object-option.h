/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-option.h: the -object command-line option. vl.c hands each
 * -object argument to object_option_parse() as it reads the command line
 * (with the current location set to that option, see error-report.h),
 * then calls object_option_add_all() once, where it creates the objects
 * (before the machine), in command-line order:
 *
 *     case QEMU_OPTION_object:
 *         if (!object_option_parse(optarg, &help, &err)) { report, exit(1) }
 *         if (help) { exit(0) }
 *     ...
 *     if (!object_option_add_all(&err)) { error_report_err(err); exit(1); }
 */
#ifndef QOM_OBJECT_OPTION_H
#define QOM_OBJECT_OPTION_H

/**
 * object_option_parse: check the -object argument @optarg ("TYPE,id=ID,
 * prop=value,..." or a JSON object) and record it, with the current
 * location, for object_option_add_all(). "help" and "TYPE,help" print
 * the help of user_creatable_print_help() instead and set *@help (else
 * it is cleared); nothing is recorded then.
 * Returns: false with @errp set when @optarg is not a valid -object.
 */
bool object_option_parse(const char *optarg, bool *help, Error **errp);

/**
 * object_option_add_all: create the objects of every recorded -object, in
 * the order given, and forget them. On the first failure the rest are
 * forgotten too and the current location is left at the failing option,
 * so that error_report_err() names it ("kvmini: -object ...: message").
 * Returns: false with @errp set on failure.
 */
bool object_option_add_all(Error **errp);

#endif /* QOM_OBJECT_OPTION_H */
