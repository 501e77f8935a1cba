/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * schema-check-cnames.c: different schema names must not become the same
 * C name in the generated code: type names (Foo, FooList), enum constants
 * (FOO_BAR_BAZ from enum 'FooBar' value 'baz' and from enum 'Foo' value
 * 'bar-baz'), and the functions of commands (qmp_X, qmp_marshal_X,
 * qmp_client_X). Nor may they be names the runtime headers declare.
 */
#include "osdep.h"

#include "util/error.h"
#include "names.h"
#include "schema-check.h"

/* What the runtime headers the generated code includes declare. */
static const char *const runtime_names[] = {
    /* Types */
    "CompatPolicy", "Error", "GenericAlternate", "GenericList",
    "QAPIEvent", "QBool", "QDict", "QEnumLookup", "QList", "QLitObject",
    "QNull", "QNum", "QObject", "QString", "QapiSpecialFeature",
    "QmpClient", "QmpCommand", "QmpCommandList", "Visitor",
    /* The enum QType of qobject.h ends with QTYPE_MAX, not QTYPE__MAX. */
    "QTYPE_MAX",
    /* Functions of libqmp (include/client/qmp-client.h) */
    "qmp_client_connect", "qmp_client_drain_events", "qmp_client_execute",
    "qmp_client_execute_oob", "qmp_client_free", "qmp_client_get_capabilities",
    "qmp_client_get_failure", "qmp_client_get_fd", "qmp_client_get_version",
    "qmp_client_has_capability", "qmp_client_hmp", "qmp_client_negotiate",
    "qmp_client_new_fd", "qmp_client_oob_enabled",
    "qmp_client_set_event_handler", "qmp_client_set_timeout",
    "qmp_client_wait_event",
    /* Functions of the QAPI runtime */
    "qmp_command_list_free", "qmp_command_list_new",
    "qmp_disable_command", "qmp_dispatch", "qmp_enable_command",
    "qmp_error_response", "qmp_event_build_dict", "qmp_find_command",
    "qmp_for_each_command", "qmp_has_success_response", "qmp_init_marshal",
    "qmp_is_oob", "qmp_register_command",
};

typedef struct Names {
    GHashTable *seen;           /* C name -> description (owned) */
} Names;

/*
 * Claim C name @cname for @what (a description; ownership taken) defined
 * at @info; fail if something else has it.
 */
static bool claim(Names *n, char *cname, char *what,
                  const QAPISourceInfo *info, Error **errp)
{
    const char *other = g_hash_table_lookup(n->seen, cname);

    if (other) {
        qapi_error_setg(errp, info, "%s collides with %s in C (%s)", what,
                        other, cname);
        g_free(cname);
        g_free(what);
        return false;
    }
    g_hash_table_insert(n->seen, cname, what);
    return true;
}

static bool claim_enum(Names *n, const QAPIEntity *ent, Error **errp)
{
    g_autofree char *self = qapi_describe(ent);
    guint i;

    /* QType's constants and sentinel come from qobject.h. */
    if (!strcmp(ent->name, "QType")) {
        return true;
    }
    for (i = 0; i < ent->values->len; i++) {
        const QAPIMember *v = g_ptr_array_index(ent->values, i);

        if (!claim(n, qapi_c_enum_const(ent->name, v->name, ent->prefix),
                   qapi_describe_member(v), ent->info, errp)) {
            return false;
        }
    }
    return claim(n, qapi_c_enum_const(ent->name, "_MAX", ent->prefix),
                 g_strdup_printf("the __MAX sentinel of %s", self), ent->info,
                 errp);
}

static bool claim_command(Names *n, const QAPIEntity *ent, Error **errp)
{
    static const char *const prefixes[] = {
        "qmp_", "qmp_marshal_", "qmp_client_",
    };
    g_autofree char *cname = qapi_c_name(ent->name, true);
    size_t i;

    for (i = 0; i < ARRAY_SIZE(prefixes); i++) {
        if (!claim(n, g_strconcat(prefixes[i], cname, NULL),
                   qapi_describe(ent), ent->info, errp)) {
            return false;
        }
    }
    return true;
}

bool qapi_check_c_names(QAPICheck *c, Error **errp)
{
    Names n = {
        .seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                      g_free),
    };
    bool ok = true;
    guint i;

    for (i = 0; i < ARRAY_SIZE(runtime_names); i++) {
        g_hash_table_insert(n.seen, g_strdup(runtime_names[i]),
                            g_strdup("a name of the QAPI runtime"));
    }
    for (i = 0; ok && i < c->schema->entities->len; i++) {
        const QAPIEntity *ent = g_ptr_array_index(c->schema->entities, i);

        if (ent->meta == QAPI_META_COMMAND) {
            ok = claim_command(&n, ent, errp);
        } else if (ent->meta != QAPI_META_EVENT &&
                   ent->meta != QAPI_META_BUILTIN &&
                   strcmp(ent->name, "QType")) {
            ok = claim(&n, qapi_c_name(ent->name, true), qapi_describe(ent),
                       ent->info, errp);
        }
        if (ok && ent->meta == QAPI_META_ENUM) {
            ok = claim_enum(&n, ent, errp);
        }
    }
    g_hash_table_destroy(n.seen);
    return ok;
}
