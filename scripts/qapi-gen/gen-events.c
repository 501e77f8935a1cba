/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gen-events.c: PREFIXqapi-events-M.{c,h}: qapi_event_send_FOO() for
 * each event, which builds the event message and hands it to
 * PREFIXqapi_event_emit(); and PREFIXqapi-emit-events.{c,h}: the enum of
 * all events and the declaration of PREFIXqapi_event_emit(), which the
 * program (the monitor) implements.
 */
#include "osdep.h"

#include "gen.h"
#include "names.h"

/* The enum type of all events: "QAPIEvent" with the C prefix. */
static char *event_enum(const QAPIGen *gen)
{
    return g_strdup_printf("%sQAPIEvent", gen->c_prefix);
}

static char *event_const(const QAPIGen *gen, const char *name)
{
    g_autofree char *type = event_enum(gen);

    return qapi_c_enum_const(type, name, NULL);
}

/* The send function's name and parameters, without a return type. */
static char *send_fn(const QAPIEntity *ev)
{
    g_autofree char *cname = qapi_c_name(ev->name, false);
    g_autofree char *lower = g_ascii_strdown(cname, -1);
    g_autofree char *params = qapi_gen_params(ev);

    if (*params) {
        params[strlen(params) - 2] = '\0';
    }
    return g_strdup_printf("qapi_event_send_%s(%s)", lower,
                           *params ? params : "void");
}

/* Designated initialisers of the argument struct from the parameters. */
static void gen_param_init(CGen *c, const QAPIEntity *ev)
{
    guint i;

    for (i = 0; i < ev->arg->members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(ev->arg->members, i);
        g_autofree char *cname = qapi_c_name(m->name, true);
        bool str = m->type->meta == QAPI_META_BUILTIN &&
                   !strcmp(m->type->name, "str");

        if (qapi_member_has_flag(m)) {
            cg(c, "    .has_%s = has_%s,\n", cname, cname);
        }
        cg(c, "    .%s = %s%s,\n", cname, str ? "(char *)" : "", cname);
    }
}

static void gen_send(QAPIGen *gen, CGen *c, const QAPIEntity *ev)
{
    g_autofree char *fn = send_fn(ev);
    g_autofree char *q = cg_quote(ev->name);
    g_autofree char *k = event_const(gen, ev->name);

    cg_if(c, ev->ifcond);
    /* Locals start with q_, which no member's C name does. */
    cg(c, "void %s\n{\n    QDict *q_qmp;\n", fn);
    if (ev->arg) {
        g_autofree char *arg = qapi_c_name(ev->arg->name, true);

        cg(c, "    QObject *q_obj = NULL;\n    Visitor *q_v;\n");
        if (!ev->boxed) {
            cg(c, "    %s q_param = {\n", arg);
            cg_indent(c);
            gen_param_init(c, ev);
            cg_dedent(c);
            cg(c, "    };\n");
        }
        cg(c, "\n    q_qmp = qmp_event_build_dict(%s);\n\n"
           "    q_v = qobject_output_visitor_new_qmp(&q_obj);\n"
           "    visit_start_struct(q_v, %s, NULL, 0, &error_abort);\n"
           "    visit_type_%s_members(q_v, %s, &error_abort);\n"
           "    visit_check_struct(q_v, &error_abort);\n"
           "    visit_end_struct(q_v, NULL);\n"
           "    visit_complete(q_v, &q_obj);\n"
           "    visit_free(q_v);\n"
           "    qdict_put_obj(q_qmp, \"data\", q_obj);\n", q, q, arg,
           ev->boxed ? "arg" : "&q_param");
    } else {
        cg(c, "\n    q_qmp = qmp_event_build_dict(%s);\n", q);
    }
    cg(c, "\n    %sqapi_event_emit(%s, q_qmp);\n"
       "    qobject_unref(q_qmp);\n}\n", gen->c_prefix, k);
    cg_endif(c, ev->ifcond);
    cg(c, "\n");
}

static void gen_module(QAPIGen *gen, const QAPIModule *m)
{
    g_autofree char *hname = qapi_gen_fname(gen, "events", m, ".h");
    g_autofree char *cname = qapi_gen_fname(gen, "events", m, ".c");
    g_autofree char *types = qapi_gen_fname(gen, "types", m, ".h");
    g_autofree char *visit = qapi_gen_fname(gen, "visit", NULL, ".h");
    g_autofree char *emit = qapi_gen_fname(gen, "emit-events", NULL, ".h");
    CGen h = { .buf = qapi_output_file(gen->out, hname) };
    CGen c = { .buf = qapi_output_file(gen->out, cname) };
    guint i;

    cg_header_begin(&h, hname, gen->source, "Schema-defined QAPI/QMP "
                    "events");
    cg_source_begin(&c, gen->source, "Schema-defined QAPI/QMP events");
    for (i = 0; i < m->includes->len; i++) {
        g_autofree char *inc = qapi_gen_fname(gen, "events",
                                              g_ptr_array_index(m->includes,
                                                                i), ".h");

        cg(&h, "#include \"%s\"\n", inc);
    }
    cg(&h, "#include \"%s\"\n\n", types);
    cg(&c, "#include \"qapi/qmp-event.h\"\n"
       "#include \"qapi/qobject-output-visitor.h\"\n"
       "#include \"util/error.h\"\n"
       "#include \"%s\"\n#include \"%s\"\n#include \"%s\"\n\n", emit, visit,
       hname);
    for (i = 0; i < m->entities->len; i++) {
        const QAPIEntity *ev = g_ptr_array_index(m->entities, i);
        g_autofree char *fn = NULL;

        if (ev->meta != QAPI_META_EVENT) {
            continue;
        }
        fn = send_fn(ev);
        cg_if(&h, ev->ifcond);
        cg(&h, "void %s;\n", fn);
        cg_endif(&h, ev->ifcond);
        gen_send(gen, &c, ev);
    }
    cg_header_end(&h, hname);
}

static void gen_emit(QAPIGen *gen)
{
    g_autofree char *hname = qapi_gen_fname(gen, "emit-events", NULL, ".h");
    g_autofree char *cname = qapi_gen_fname(gen, "emit-events", NULL, ".c");
    g_autofree char *type = event_enum(gen);
    g_autofree char *max = event_const(gen, "_MAX");
    CGen h = { .buf = qapi_output_file(gen->out, hname) };
    CGen c = { .buf = qapi_output_file(gen->out, cname) };
    GString *lookup = g_string_new(NULL), *special = g_string_new(NULL);
    CGen l = { .buf = lookup }, s = { .buf = special };
    guint i;

    cg_header_begin(&h, hname, gen->source, "The QAPI/QMP events of the "
                    "schema and the function that emits them");
    cg(&h, "#include \"qapi/visitor.h\"\n#include \"qapi/util.h\"\n"
       "#include \"qobject/qdict.h\"\n\ntypedef enum %s {\n", type);
    for (i = 0; i < gen->schema->entities->len; i++) {
        const QAPIEntity *ev = g_ptr_array_index(gen->schema->entities, i);
        g_autofree char *k = NULL;
        g_autofree char *q = NULL;
        g_autofree char *sp = NULL;

        if (ev->meta != QAPI_META_EVENT) {
            continue;
        }
        k = event_const(gen, ev->name);
        q = cg_quote(ev->name);
        sp = qapi_gen_special(ev->special);
        cg_if(&h, ev->ifcond);
        cg(&h, "    %s,\n", k);
        cg_endif(&h, ev->ifcond);
        cg_if(&l, ev->ifcond);
        cg(&l, "        [%s] = %s,\n", k, q);
        cg_endif(&l, ev->ifcond);
        if (ev->special) {
            cg_if(&s, ev->ifcond);
            cg(&s, "        [%s] = %s,\n", k, sp);
            cg_endif(&s, ev->ifcond);
        }
    }
    cg(&h, "    %s,\n} %s;\n\n"
       "#define %s_str(val) \\\n    qapi_enum_lookup(&%s_lookup, (val))\n\n"
       "/* The wire names of the events, and their special features. */\n"
       "extern const QEnumLookup %s_lookup;\n\n"
       "/*\n"
       " * Send the message @qdict (borrowed) of @event to the clients.\n"
       " * The program defines this function (the monitor does).\n"
       " */\n"
       "void %sqapi_event_emit(%s event, QDict *qdict);\n", max, type, type,
       type, type, gen->c_prefix, type);
    cg_header_end(&h, hname);
    cg_source_begin(&c, gen->source, "The QAPI/QMP events of the schema");
    cg(&c, "#include \"%s\"\n\nconst QEnumLookup %s_lookup = {\n"
       "    .array = (const char *const[]) {\n%s    },\n", hname, type,
       lookup->str);
    if (special->len) {
        cg(&c, "    .special_features = (const unsigned char[%s]) {\n"
           "%s    },\n", max, special->str);
    }
    cg(&c, "    .size = %s,\n};\n", max);
    g_string_free(lookup, true);
    g_string_free(special, true);
}

void qapi_gen_events(QAPIGen *gen)
{
    g_autoptr(GPtrArray) modules = qapi_gen_modules(gen, false);
    guint i;

    for (i = 0; i < modules->len; i++) {
        gen_module(gen, g_ptr_array_index(modules, i));
    }
    qapi_gen_umbrella(gen, "events", "Schema-defined QAPI/QMP events, all "
                      "modules");
    gen_emit(gen);
}
