/* SPDX-License-Identifier: GPL-2.0-or-later */
/* object-option.c: -object, recorded while parsing, created in order later. */
#include "osdep.h"

#include "qapi-types-qom.h"
#include "qobject/qdict.h"
#include "qom/object-interfaces.h"
#include "qom/object-option.h"
#include "qom-internal.h"
#include "util/error-report.h"
#include "util/error.h"
#include "util/qemu-option.h"

/* One -object, checked, and where it was given. */
typedef struct ObjectOption {
    ObjectOptions *options;
    Location loc;
} ObjectOption;

static GQueue object_options = G_QUEUE_INIT;

static void object_option_free(gpointer data)
{
    ObjectOption *opt = data;

    qapi_free_ObjectOptions(opt->options);
    g_free(opt);
}

bool object_option_parse(const char *optarg, bool *help, Error **errp)
{
    g_autoptr(QDict) args = NULL;
    ObjectOptions *options;
    const char *type;
    ObjectOption *opt;
    bool keyval;

    *help = false;
    args = user_creatable_parse_args(optarg, &keyval, help, errp);
    if (!args) {
        return false;
    }
    type = qdict_get_try_str(args, "qom-type");
    if (keyval && (*help || is_help_option(type))) {
        *help = user_creatable_print_help(*help ? type : NULL);
        if (*help) {
            return true;
        }
        /* An unknown type: checking the options below says so. */
    }
    options = user_creatable_parse_options(args, keyval, errp);
    if (!options) {
        return false;
    }
    opt = g_new0(ObjectOption, 1);
    opt->options = options;
    loc_save(&opt->loc);
    g_queue_push_tail(&object_options, opt);
    return true;
}

bool object_option_add_all(Error **errp)
{
    ObjectOption *opt;
    Location saved;
    bool ok = true;

    loc_save(&saved);
    while (ok && (opt = g_queue_pop_head(&object_options))) {
        loc_restore(&opt->loc);
        ok = user_creatable_add_qapi(opt->options, errp);
        object_option_free(opt);
    }
    if (!ok) {
        g_queue_clear_full(&object_options, object_option_free);
        return false;
    }
    loc_restore(&saved);
    return true;
}
