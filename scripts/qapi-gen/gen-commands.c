/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gen-commands.c: PREFIXqapi-commands-M.{c,h}: the prototype of each
 * command's handler qmp_FOO(), which the program implements, and its
 * marshaller qmp_marshal_FOO(), which unpacks the arguments, calls it and
 * builds the return value; and PREFIXqapi-init-commands.{c,h}, which
 * registers every marshaller with its flags.
 */
#include "osdep.h"

#include "gen.h"
#include "names.h"

char *qapi_gen_params(const QAPIEntity *cmd)
{
    GString *out = g_string_new(NULL);
    guint i;

    if (!cmd->arg) {
        return g_string_free(out, false);
    }
    if (cmd->boxed) {
        g_autofree char *type = qapi_c_type(cmd->arg);
        g_autofree char *decl = cg_decl(type, "arg");

        g_string_append_printf(out, "%s, ", decl);
        return g_string_free(out, false);
    }
    for (i = 0; i < cmd->arg->members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(cmd->arg->members, i);
        g_autofree char *cname = qapi_c_name(m->name, true);
        g_autofree char *type = qapi_c_param_type(m->type);
        g_autofree char *decl = cg_decl(type, cname);

        if (qapi_member_has_flag(m)) {
            g_string_append_printf(out, "bool has_%s, ", cname);
        }
        g_string_append_printf(out, "%s, ", decl);
    }
    return g_string_free(out, false);
}

/* The arguments passing struct @var's members to qmp_FOO(). */
static char *call_args(const QAPIEntity *cmd, const char *var)
{
    GString *out = g_string_new(NULL);
    guint i;

    if (!cmd->arg) {
        return g_string_free(out, false);
    }
    if (cmd->boxed) {
        g_string_append_printf(out, "&%s, ", var);
        return g_string_free(out, false);
    }
    for (i = 0; i < cmd->arg->members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(cmd->arg->members, i);
        g_autofree char *cname = qapi_c_name(m->name, true);

        if (qapi_member_has_flag(m)) {
            g_string_append_printf(out, "%s.has_%s, ", var, cname);
        }
        g_string_append_printf(out, "%s.%s, ", var, cname);
    }
    return g_string_free(out, false);
}

static char *ret_type(const QAPIEntity *cmd)
{
    return cmd->ret ? qapi_c_type(cmd->ret) : g_strdup("void");
}

static void gen_prototypes(CGen *h, const QAPIEntity *cmd)
{
    g_autofree char *cname = qapi_c_name(cmd->name, true);
    g_autofree char *params = qapi_gen_params(cmd);
    g_autofree char *ret = ret_type(cmd);
    g_autofree char *fn = g_strdup_printf("qmp_%s(%sError **errp)", cname,
                                          params);
    g_autofree char *decl = cg_decl(ret, fn);

    cg_if(h, cmd->ifcond);
    cg(h, "%s;\nvoid qmp_marshal_%s(QDict *args, QObject **ret, "
       "Error **errp);\n", decl, cname);
    cg_endif(h, cmd->ifcond);
}

/* qmp_marshal_output_T(): output visit of the result, then free it. */
static void gen_output(CGen *c, const QAPIEntity *type, const QAPIIf *cond)
{
    g_autofree char *tname = qapi_type_c_name(type);
    g_autofree char *ctype = qapi_c_type(type);
    g_autofree char *decl = cg_decl(ctype, "ret_in");

    cg_if(c, cond);
    cg(c, "static void qmp_marshal_output_%s(%s, QObject **ret_out,\n"
       "    Error **errp)\n{\n"
       "    Visitor *v;\n\n"
       "    v = qobject_output_visitor_new_qmp(ret_out);\n"
       "    if (visit_type_%s(v, \"unused\", &ret_in, errp)) {\n"
       "        visit_complete(v, ret_out);\n"
       "    }\n"
       "    visit_free(v);\n"
       "    v = qapi_dealloc_visitor_new();\n"
       "    visit_type_%s(v, \"unused\", &ret_in, NULL);\n"
       "    visit_free(v);\n}\n", tname, decl, tname, tname);
    cg_endif(c, cond);
    cg(c, "\n");
}

static void gen_marshal_args(CGen *c, const QAPIEntity *cmd)
{
    g_autofree char *arg = qapi_c_name(cmd->arg->name, true);

    cg(c, "    if (!visit_start_struct(v, NULL, NULL, 0, errp)) {\n"
       "        goto out;\n"
       "    }\n"
       "    if (visit_type_%s_members(v, &arg, errp)) {\n"
       "        ok = visit_check_struct(v, errp);\n"
       "    }\n"
       "    visit_end_struct(v, NULL);\n"
       "    if (!ok) {\n"
       "        goto out;\n"
       "    }\n\n", arg);
}

static void gen_marshal(CGen *c, const QAPIEntity *cmd)
{
    g_autofree char *cname = qapi_c_name(cmd->name, true);
    g_autofree char *args = call_args(cmd, "arg");
    g_autofree char *ret = cmd->ret ? qapi_c_type(cmd->ret) : NULL;
    g_autofree char *retdecl = ret ? cg_decl(ret, "retval") : NULL;

    cg_if(c, cmd->ifcond);
    cg(c, "void qmp_marshal_%s(QDict *args, QObject **ret, Error **errp)\n{\n"
       "    g_autoptr(QDict) no_args = args ? NULL : qdict_new();\n"
       "    Error *err = NULL;\n"
       "    bool ok = false;\n"
       "    Visitor *v;\n", cname);
    if (retdecl) {
        cg(c, "    %s;\n", retdecl);
    }
    if (cmd->arg) {
        g_autofree char *arg = qapi_c_name(cmd->arg->name, true);

        cg(c, "    %s arg = { 0 };\n", arg);
    }
    cg(c, "\n    v = qobject_input_visitor_new_qmp(QOBJECT(args ? args : "
       "no_args));\n");
    if (cmd->arg) {
        gen_marshal_args(c, cmd);
    } else {
        cg(c, "    if (!visit_start_struct(v, NULL, NULL, 0, errp)) {\n"
           "        goto out;\n"
           "    }\n"
           "    ok = visit_check_struct(v, errp);\n"
           "    visit_end_struct(v, NULL);\n"
           "    if (!ok) {\n"
           "        goto out;\n"
           "    }\n\n");
    }
    cg(c, "    %sqmp_%s(%s&err);\n"
       "    if (err) {\n"
       "        error_propagate(errp, err);\n"
       "        goto out;\n"
       "    }\n", ret ? "retval = " : "", cname, args);
    if (ret) {
        g_autofree char *tname = qapi_type_c_name(cmd->ret);

        cg(c, "    qmp_marshal_output_%s(retval, ret, errp);\n", tname);
    } else {
        cg(c, "    *ret = QOBJECT(qdict_new());\n");
    }
    cg(c, "\nout:\n    visit_free(v);\n");
    if (cmd->arg) {
        g_autofree char *arg = qapi_c_name(cmd->arg->name, true);

        cg(c, "    v = qapi_dealloc_visitor_new();\n"
           "    visit_start_struct(v, NULL, NULL, 0, NULL);\n"
           "    visit_type_%s_members(v, &arg, NULL);\n"
           "    visit_end_struct(v, NULL);\n"
           "    visit_free(v);\n", arg);
    }
    cg(c, "}\n");
    cg_endif(c, cmd->ifcond);
    cg(c, "\n");
}

/* Output functions, one per return type, under the OR of the users' ifs. */
static void gen_outputs(CGen *c, const QAPIModule *m)
{
    g_autoptr(GPtrArray) types = g_ptr_array_new();
    guint i, j;

    for (i = 0; i < m->entities->len; i++) {
        const QAPIEntity *cmd = g_ptr_array_index(m->entities, i);

        if (cmd->meta == QAPI_META_COMMAND && cmd->gen && cmd->ret &&
            !g_ptr_array_find(types, cmd->ret, NULL)) {
            g_ptr_array_add(types, cmd->ret);
        }
    }
    for (i = 0; i < types->len; i++) {
        const QAPIEntity *type = g_ptr_array_index(types, i);
        g_autoptr(QAPIIf) cond = NULL;
        bool first = true;

        for (j = 0; j < m->entities->len; j++) {
            const QAPIEntity *cmd = g_ptr_array_index(m->entities, j);

            if (cmd->meta == QAPI_META_COMMAND && cmd->gen &&
                cmd->ret == type) {
                cond = first ? qapi_if_copy(cmd->ifcond)
                             : qapi_if_or(cond, qapi_if_copy(cmd->ifcond));
                first = false;
            }
        }
        gen_output(c, type, cond);
    }
}

static void gen_module(QAPIGen *gen, const QAPIModule *m)
{
    g_autofree char *hname = qapi_gen_fname(gen, "commands", m, ".h");
    g_autofree char *cname = qapi_gen_fname(gen, "commands", m, ".c");
    g_autofree char *types = qapi_gen_fname(gen, "types", m, ".h");
    g_autofree char *visit = qapi_gen_fname(gen, "visit", NULL, ".h");
    CGen h = { .buf = qapi_output_file(gen->out, hname) };
    CGen c = { .buf = qapi_output_file(gen->out, cname) };
    guint i;

    cg_header_begin(&h, hname, gen->source, "Schema-defined QAPI/QMP "
                    "commands");
    cg_source_begin(&c, gen->source, "Schema-defined QMP command "
                    "marshallers");
    cg(&h, "#include \"qapi/qmp-dispatch.h\"\n");
    for (i = 0; i < m->includes->len; i++) {
        g_autofree char *inc = qapi_gen_fname(gen, "commands",
                                              g_ptr_array_index(m->includes,
                                                                i), ".h");

        cg(&h, "#include \"%s\"\n", inc);
    }
    cg(&h, "#include \"%s\"\n\n", types);
    cg(&c, "#include \"qapi/dealloc-visitor.h\"\n"
       "#include \"qapi/qobject-input-visitor.h\"\n"
       "#include \"qapi/qobject-output-visitor.h\"\n"
       "#include \"util/error.h\"\n"
       "#include \"%s\"\n#include \"%s\"\n\n", visit, hname);
    gen_outputs(&c, m);
    for (i = 0; i < m->entities->len; i++) {
        const QAPIEntity *cmd = g_ptr_array_index(m->entities, i);

        if (cmd->meta == QAPI_META_COMMAND && cmd->gen) {
            gen_prototypes(&h, cmd);
            gen_marshal(&c, cmd);
        }
    }
    cg_header_end(&h, hname);
}

static char *command_options(const QAPIEntity *cmd)
{
    GString *out = g_string_new(NULL);

    if (!cmd->success_response) {
        g_string_append(out, " | QCO_NO_SUCCESS_RESP");
    }
    if (cmd->allow_oob) {
        g_string_append(out, " | QCO_ALLOW_OOB");
    }
    if (cmd->allow_preconfig) {
        g_string_append(out, " | QCO_ALLOW_PRECONFIG");
    }
    if (cmd->coroutine) {
        g_string_append(out, " | QCO_COROUTINE");
    }
    if (!out->len) {
        g_string_append(out, " | QCO_NO_OPTIONS");
    }
    g_string_erase(out, 0, 3);
    return g_string_free(out, false);
}

static void gen_init(QAPIGen *gen)
{
    g_autofree char *hname = qapi_gen_fname(gen, "init-commands", NULL, ".h");
    g_autofree char *cname = qapi_gen_fname(gen, "init-commands", NULL, ".c");
    g_autofree char *cmds = qapi_gen_fname(gen, "commands", NULL, ".h");
    CGen h = { .buf = qapi_output_file(gen->out, hname) };
    CGen c = { .buf = qapi_output_file(gen->out, cname) };
    guint i;

    cg_header_begin(&h, hname, gen->source, "QMP command registration");
    cg(&h, "#include \"qapi/qmp-dispatch.h\"\n\n"
       "/* Register every command of the schema that has a marshaller. */\n"
       "void %sqmp_init_marshal(QmpCommandList *cmds);\n", gen->c_prefix);
    cg_header_end(&h, hname);
    cg_source_begin(&c, gen->source, "QMP command registration");
    cg(&c, "#include \"%s\"\n#include \"%s\"\n\n"
       "void %sqmp_init_marshal(QmpCommandList *cmds)\n{\n", cmds, hname,
       gen->c_prefix);
    for (i = 0; i < gen->schema->entities->len; i++) {
        const QAPIEntity *cmd = g_ptr_array_index(gen->schema->entities, i);
        g_autofree char *name = NULL;
        g_autofree char *q = NULL;
        g_autofree char *opts = NULL;
        g_autofree char *sp = NULL;

        if (cmd->meta != QAPI_META_COMMAND || !cmd->gen) {
            continue;
        }
        name = qapi_c_name(cmd->name, true);
        q = cg_quote(cmd->name);
        opts = command_options(cmd);
        sp = qapi_gen_special(cmd->special);
        cg_if(&c, cmd->ifcond);
        cg(&c, "    qmp_register_command(cmds, %s, qmp_marshal_%s,\n"
           "                         %s, %s);\n", q, name, opts, sp);
        cg_endif(&c, cmd->ifcond);
    }
    cg(&c, "}\n");
}

void qapi_gen_commands(QAPIGen *gen)
{
    g_autoptr(GPtrArray) modules = qapi_gen_modules(gen, false);
    guint i;

    for (i = 0; i < modules->len; i++) {
        gen_module(gen, g_ptr_array_index(modules, i));
    }
    qapi_gen_umbrella(gen, "commands", "Schema-defined QAPI/QMP commands, "
                      "all modules");
    gen_init(gen);
}
