/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gen-client.c: PREFIXqapi-client-M.{c,h}: for each command, a typed
 * wrapper for C clients built on libqmp's qmp_client_execute():
 *
 *     bool qmp_client_query_status(QmpClient *client, StatusInfo **ret,
 *                                  Error **errp);
 *
 * Arguments are passed like to the qmp_FOO() handler (one by one, or
 * boxed); the return value, if the command has one, is stored into *ret
 * (the caller owns it). Commands with 'success-response': false get no
 * wrapper: no response would ever come.
 */
#include "osdep.h"

#include "gen.h"
#include "names.h"

/*
 * The name of the parameter @name, unless an argument of @cmd has it: the
 * arguments are parameters too. Then "q_" + @name, which no argument is.
 */
static const char *param_name(const QAPIEntity *cmd, const char *name,
                              const char *alt)
{
    guint i;

    for (i = 0; cmd->arg && !cmd->boxed && i < cmd->arg->members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(cmd->arg->members, i);
        g_autofree char *cname = qapi_c_name(m->name, true);

        if (!strcmp(cname, name)) {
            return alt;
        }
    }
    return name;
}

static char *client_fn(const QAPIEntity *cmd)
{
    g_autofree char *cname = qapi_c_name(cmd->name, true);
    g_autofree char *params = qapi_gen_params(cmd);
    g_autofree char *ret = NULL;

    if (cmd->ret) {
        g_autofree char *type = qapi_c_type(cmd->ret);

        ret = g_strdup_printf("%s%s*%s, ", type,
                              type[strlen(type) - 1] == '*' ? "" : " ",
                              param_name(cmd, "ret", "q_ret"));
    }
    return g_strdup_printf("qmp_client_%s(QmpClient *%s, %s%sError **errp)",
                           cname, param_name(cmd, "client", "q_client"),
                           params, ret ? ret : "");
}

static void gen_args(CGen *c, const QAPIEntity *cmd)
{
    g_autofree char *arg = qapi_c_name(cmd->arg->name, true);
    guint i;

    if (!cmd->boxed) {
        cg(c, "    %s q_param = {\n", arg);
        for (i = 0; i < cmd->arg->members->len; i++) {
            const QAPIMember *m = g_ptr_array_index(cmd->arg->members, i);
            g_autofree char *cname = qapi_c_name(m->name, true);
            bool str = m->type->meta == QAPI_META_BUILTIN &&
                       !strcmp(m->type->name, "str");

            if (qapi_member_has_flag(m)) {
                cg(c, "        .has_%s = has_%s,\n", cname, cname);
            }
            cg(c, "        .%s = %s%s,\n", cname, str ? "(char *)" : "",
               cname);
        }
        cg(c, "    };\n");
    }
    cg(c, "\n    q_v = qobject_output_visitor_new(&q_args);\n"
       "    visit_start_struct(q_v, NULL, NULL, 0, &error_abort);\n"
       "    visit_type_%s_members(q_v, %s, &error_abort);\n"
       "    visit_check_struct(q_v, &error_abort);\n"
       "    visit_end_struct(q_v, NULL);\n"
       "    visit_complete(q_v, &q_args);\n"
       "    visit_free(q_v);\n", arg, cmd->boxed ? "arg" : "&q_param");
}

static void gen_wrapper(CGen *c, const QAPIEntity *cmd)
{
    g_autofree char *fn = client_fn(cmd);
    g_autofree char *q = cg_quote(cmd->name);

    /* Locals start with q_, which no argument's C name does. */
    cg_if(c, cmd->ifcond);
    cg(c, "bool %s\n{\n    QObject *q_args = NULL;\n"
       "    QObject *q_result = NULL;\n", fn);
    if (cmd->arg || cmd->ret) {
        cg(c, "    Visitor *q_v;\n");
    }
    if (cmd->ret) {
        cg(c, "    bool q_ok;\n");
    }
    if (cmd->arg) {
        gen_args(c, cmd);
    }
    cg(c, "\n    if (!qmp_client_execute(%s, %s, qobject_to(QDict, q_args),\n"
       "                            &q_result, errp)) {\n"
       "        return false;\n    }\n",
       param_name(cmd, "client", "q_client"), q);
    if (cmd->ret) {
        g_autofree char *tname = qapi_type_c_name(cmd->ret);

        cg(c, "    q_v = qobject_input_visitor_new(q_result);\n"
           "    q_ok = visit_type_%s(q_v, NULL, %s, errp);\n"
           "    visit_free(q_v);\n"
           "    qobject_unref(q_result);\n"
           "    return q_ok;\n}\n", tname, param_name(cmd, "ret", "q_ret"));
    } else {
        cg(c, "    qobject_unref(q_result);\n    return true;\n}\n");
    }
    cg_endif(c, cmd->ifcond);
    cg(c, "\n");
}

static void gen_module(QAPIGen *gen, const QAPIModule *m)
{
    g_autofree char *hname = qapi_gen_fname(gen, "client", m, ".h");
    g_autofree char *cname = qapi_gen_fname(gen, "client", m, ".c");
    g_autofree char *types = qapi_gen_fname(gen, "types", m, ".h");
    g_autofree char *visit = qapi_gen_fname(gen, "visit", NULL, ".h");
    CGen h = { .buf = qapi_output_file(gen->out, hname) };
    CGen c = { .buf = qapi_output_file(gen->out, cname) };
    guint i;

    cg_header_begin(&h, hname, gen->source, "Typed QMP client wrappers "
                    "(libqmp)");
    cg_source_begin(&c, gen->source, "Typed QMP client wrappers (libqmp)");
    cg(&h, "#include \"client/qmp-client.h\"\n");
    for (i = 0; i < m->includes->len; i++) {
        g_autofree char *inc = qapi_gen_fname(gen, "client",
                                              g_ptr_array_index(m->includes,
                                                                i), ".h");

        cg(&h, "#include \"%s\"\n", inc);
    }
    cg(&h, "#include \"%s\"\n\n", types);
    cg(&c, "#include \"qapi/qobject-input-visitor.h\"\n"
       "#include \"qapi/qobject-output-visitor.h\"\n"
       "#include \"util/error.h\"\n"
       "#include \"%s\"\n#include \"%s\"\n\n", visit, hname);
    for (i = 0; i < m->entities->len; i++) {
        const QAPIEntity *cmd = g_ptr_array_index(m->entities, i);
        g_autofree char *fn = NULL;

        if (cmd->meta != QAPI_META_COMMAND || !cmd->success_response) {
            continue;
        }
        fn = client_fn(cmd);
        cg_if(&h, cmd->ifcond);
        cg(&h, "bool %s;\n", fn);
        cg_endif(&h, cmd->ifcond);
        gen_wrapper(&c, cmd);
    }
    cg_header_end(&h, hname);
}

void qapi_gen_client(QAPIGen *gen)
{
    g_autoptr(GPtrArray) modules = qapi_gen_modules(gen, false);
    guint i;

    for (i = 0; i < modules->len; i++) {
        gen_module(gen, g_ptr_array_index(modules, i));
    }
    qapi_gen_umbrella(gen, "client", "Typed QMP client wrappers, all "
                      "modules");
}
