/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gen-visit.c: PREFIXqapi-visit-M.{c,h}: visit_type_Foo() for every type
 * of a module and visit_type_Foo_members() for object types, written
 * against qapi/visitor.h so that every visitor (input, output, clone,
 * dealloc) works with every type.
 */
#include "osdep.h"

#include "gen.h"
#include "names.h"

static void gen_enum(CGen *h, CGen *c, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);

    cg(h, "bool visit_type_%s(Visitor *v, const char *name, %s *obj,\n"
       "    Error **errp);\n", cname, cname);
    cg(c, "bool visit_type_%s(Visitor *v, const char *name, %s *obj,\n"
       "    Error **errp)\n{\n"
       "    int value = *obj;\n"
       "    bool ok = visit_type_enum(v, name, &value, &%s_lookup, errp);\n\n"
       "    *obj = value;\n"
       "    return ok;\n}\n", cname, cname, cname);
}

static void gen_array(CGen *h, CGen *c, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);
    g_autofree char *elem = qapi_type_c_name(ent->elem);

    cg(h, "bool visit_type_%s(Visitor *v, const char *name, %s **obj,\n"
       "    Error **errp);\n", cname, cname);
    cg(c, "bool visit_type_%s(Visitor *v, const char *name, %s **obj,\n"
       "    Error **errp)\n{\n"
       "    bool ok = false;\n"
       "    %s *tail;\n"
       "    size_t size = sizeof(**obj);\n\n"
       "    if (!visit_start_list(v, name, (GenericList **)obj, size, "
       "errp)) {\n"
       "        return false;\n"
       "    }\n\n"
       "    for (tail = *obj; tail;\n"
       "         tail = (%s *)visit_next_list(v, (GenericList *)tail, "
       "size)) {\n"
       "        if (!visit_type_%s(v, NULL, &tail->value, errp)) {\n"
       "            goto out_obj;\n"
       "        }\n"
       "    }\n\n"
       "    ok = visit_check_list(v, errp);\n"
       "out_obj:\n"
       "    visit_end_list(v, (void **)obj);\n"
       "    if (!ok && visit_is_input(v)) {\n"
       "        qapi_free_%s(*obj);\n"
       "        *obj = NULL;\n"
       "    }\n"
       "    return ok;\n}\n", cname, cname, cname, cname, elem, cname);
}

/* One member, inside visit_type_Foo_members(). */
static void gen_member_visit(CGen *c, const QAPIMember *m)
{
    g_autofree char *cname = qapi_c_name(m->name, true);
    g_autofree char *tname = qapi_type_c_name(m->type);
    g_autofree char *q = cg_quote(m->name);
    g_autofree char *special = qapi_gen_special(m->special);

    cg_if(c, m->ifcond);
    if (m->optional) {
        cg(c, "if (visit_optional(v, %s, &%shas_%s)) {\n", q,
           qapi_member_has_flag(m) ? "obj->" : "", cname);
        cg_indent(c);
    }
    if (m->special) {
        cg(c, "if (visit_policy_reject(v, %s, %s, errp)) {\n"
           "    return false;\n"
           "}\n"
           "if (!visit_policy_skip(v, %s, %s)) {\n", q, special, q, special);
        cg_indent(c);
    }
    cg(c, "if (!visit_type_%s(v, %s, &obj->%s, errp)) {\n"
       "    return false;\n"
       "}\n", tname, q, cname);
    if (m->special) {
        cg_dedent(c);
        cg(c, "}\n");
    }
    if (m->optional) {
        cg_dedent(c);
        cg(c, "}\n");
    }
    cg_endif(c, m->ifcond);
}

static void gen_union_switch(CGen *c, const QAPIEntity *ent)
{
    g_autofree char *tag = qapi_c_name(ent->tag->name, true);
    guint i;

    cg(c, "switch (obj->%s) {\n", tag);
    for (i = 0; i < ent->variants->len; i++) {
        const QAPIMember *v = g_ptr_array_index(ent->variants, i);
        g_autofree char *k = qapi_c_enum_const(ent->tag->type->name, v->name,
                                               ent->tag->type->prefix);
        g_autofree char *tname = qapi_type_c_name(v->type);
        g_autofree char *cname = qapi_c_name(v->name, true);

        cg_if(c, v->ifcond);
        cg(c, "case %s:\n"
           "    return visit_type_%s_members(v, &obj->u.%s, errp);\n",
           k, tname, cname);
        cg_endif(c, v->ifcond);
    }
    cg(c, "default:\n    break;\n}\n");
}

static void gen_members(CGen *h, CGen *c, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);
    bool has_decl = false;
    guint i;

    cg(h, "bool visit_type_%s_members(Visitor *v, %s *obj,\n"
       "    Error **errp);\n", cname, cname);
    cg(c, "bool visit_type_%s_members(Visitor *v, %s *obj,\n"
       "    Error **errp)\n{\n", cname, cname);
    cg_indent(c);
    for (i = 0; i < ent->local_members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(ent->local_members, i);
        g_autofree char *mname = qapi_c_name(m->name, true);

        if (m->optional && !qapi_member_has_flag(m)) {
            cg_if(c, m->ifcond);
            cg(c, "bool has_%s = !!obj->%s;\n", mname, mname);
            cg_endif(c, m->ifcond);
            has_decl = true;
        }
    }
    if (has_decl) {
        cg(c, "\n");
    }
    if (ent->base) {
        g_autofree char *base = qapi_c_name(ent->base->name, true);

        cg(c, "if (!visit_type_%s_members(v, (%s *)obj, errp)) {\n"
           "    return false;\n}\n", base, base);
    }
    for (i = 0; i < ent->local_members->len; i++) {
        gen_member_visit(c, g_ptr_array_index(ent->local_members, i));
    }
    if (ent->tag) {
        gen_union_switch(c, ent);
    }
    cg(c, "return true;\n");
    cg_dedent(c);
    cg(c, "}\n");
}

static void gen_object(CGen *h, CGen *c, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);

    cg(h, "\nbool visit_type_%s(Visitor *v, const char *name, %s **obj,\n"
       "    Error **errp);\n", cname, cname);
    cg(c, "\nbool visit_type_%s(Visitor *v, const char *name, %s **obj,\n"
       "    Error **errp)\n{\n"
       "    bool ok = false;\n\n"
       "    if (!visit_start_struct(v, name, (void **)obj, sizeof(%s), "
       "errp)) {\n"
       "        return false;\n"
       "    }\n"
       "    if (!*obj) {\n"
       "        /* Nothing to visit (dealloc of an incomplete object) */\n"
       "        ok = true;\n"
       "        goto out_obj;\n"
       "    }\n"
       "    if (!visit_type_%s_members(v, *obj, errp)) {\n"
       "        goto out_obj;\n"
       "    }\n"
       "    ok = visit_check_struct(v, errp);\n"
       "out_obj:\n"
       "    visit_end_struct(v, (void **)obj);\n"
       "    if (!ok && visit_is_input(v)) {\n"
       "        qapi_free_%s(*obj);\n"
       "        *obj = NULL;\n"
       "    }\n"
       "    return ok;\n}\n", cname, cname, cname, cname, cname);
}

static const char *qtype_const(QType q)
{
    static const char *const names[] = {
        [QTYPE_QNULL] = "QTYPE_QNULL",
        [QTYPE_QNUM] = "QTYPE_QNUM",
        [QTYPE_QSTRING] = "QTYPE_QSTRING",
        [QTYPE_QDICT] = "QTYPE_QDICT",
        [QTYPE_QBOOL] = "QTYPE_QBOOL",
    };

    return names[q];
}

/* The QType input of branch type @t arrives as. */
static QType branch_qtype(const QAPIEntity *t)
{
    if (qapi_is_object(t)) {
        return QTYPE_QDICT;
    }
    if (t->meta == QAPI_META_ENUM || !strcmp(t->json_type, "string")) {
        return QTYPE_QSTRING;
    }
    if (!strcmp(t->json_type, "boolean")) {
        return QTYPE_QBOOL;
    }
    return strcmp(t->json_type, "null") ? QTYPE_QNUM : QTYPE_QNULL;
}

/* How input messages name the JSON type branch type @t takes. */
static const char *branch_word(const QAPIEntity *t)
{
    switch (branch_qtype(t)) {
    case QTYPE_QDICT:
        return "object";
    case QTYPE_QSTRING:
        return "string";
    case QTYPE_QBOOL:
        return "boolean";
    case QTYPE_QNULL:
        return "null";
    default:
        return strcmp(t->json_type, "number") ? "integer" : "number";
    }
}

/* "object, string or integer": what the alternate accepts. */
static char *alternate_expected(const QAPIEntity *ent)
{
    GString *out = g_string_new(NULL);
    guint i, n = ent->variants->len;

    for (i = 0; i < n; i++) {
        const QAPIMember *v = g_ptr_array_index(ent->variants, i);

        g_string_append_printf(out, "%s%s", !i ? "" : i + 1 < n ? ", "
                                                                : " or ",
                               branch_word(v->type));
    }
    return g_string_free(out, false);
}

/* The visit of branch @v, once (*obj)->type says it is the one. */
static void gen_branch_visit(CGen *c, const QAPIMember *v)
{
    g_autofree char *cname = qapi_c_name(v->name, true);
    g_autofree char *tname = qapi_type_c_name(v->type);

    if (branch_qtype(v->type) == QTYPE_QDICT) {
        /* The object is embedded: visit its members in place. */
        cg(c, "    if (!visit_start_struct(v, name, NULL, 0, errp)) {\n"
           "        break;\n"
           "    }\n"
           "    if (visit_type_%s_members(v, &(*obj)->u.%s, errp)) {\n"
           "        ok = visit_check_struct(v, errp);\n"
           "    }\n"
           "    visit_end_struct(v, NULL);\n", tname, cname);
    } else {
        cg(c, "    ok = visit_type_%s(v, name, &(*obj)->u.%s, errp);\n",
           tname, cname);
    }
    cg(c, "    break;\n");
}

static void gen_alternate_case(CGen *c, const QAPIMember *v)
{
    cg_if(c, v->ifcond);
    cg(c, "case %s:\n", qtype_const(branch_qtype(v->type)));
    gen_branch_visit(c, v);
    cg_endif(c, v->ifcond);
}

/*
 * Text input (keyval, string) reports every scalar as QTYPE_QSTRING. An
 * alternate without a string branch reads text with its number branch,
 * or else its bool branch: the visitor then parses the text.
 */
static void gen_alternate_text(CGen *c, const QAPIEntity *ent)
{
    const QAPIMember *route = NULL;
    guint i;

    for (i = 0; i < ent->variants->len; i++) {
        const QAPIMember *v = g_ptr_array_index(ent->variants, i);
        QType q = branch_qtype(v->type);

        if (q == QTYPE_QSTRING) {
            return;
        }
        if ((q == QTYPE_QNUM &&
             (!route || branch_qtype(route->type) != QTYPE_QNUM)) ||
            (q == QTYPE_QBOOL && !route)) {
            route = v;
        }
    }
    if (!route) {
        return;
    }
    cg_if(c, route->ifcond);
    cg(c, "case QTYPE_QSTRING:\n"
       "    /* Text input: parse the text as this branch */\n"
       "    (*obj)->type = %s;\n", qtype_const(branch_qtype(route->type)));
    gen_branch_visit(c, route);
    cg_endif(c, route->ifcond);
}

static void gen_alternate(CGen *h, CGen *c, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);
    g_autofree char *expected = alternate_expected(ent);
    guint i;

    cg(h, "bool visit_type_%s(Visitor *v, const char *name, %s **obj,\n"
       "    Error **errp);\n", cname, cname);
    cg(c, "bool visit_type_%s(Visitor *v, const char *name, %s **obj,\n"
       "    Error **errp)\n{\n"
       "    bool ok = false;\n\n"
       "    if (!visit_start_alternate(v, name, (GenericAlternate **)obj,\n"
       "                               sizeof(**obj), errp)) {\n"
       "        return false;\n"
       "    }\n"
       "    if (!*obj) {\n"
       "        /* Nothing to visit (dealloc of an incomplete object) */\n"
       "        ok = true;\n"
       "        goto out_obj;\n"
       "    }\n"
       "    switch ((*obj)->type) {\n", cname, cname);
    cg_indent(c);
    for (i = 0; i < ent->variants->len; i++) {
        gen_alternate_case(c, g_ptr_array_index(ent->variants, i));
    }
    gen_alternate_text(c, ent);
    cg_dedent(c);
    cg(c, "    default:\n"
       "        if (visit_is_dealloc(v)) {\n"
       "            /* No branch was filled in: nothing to free */\n"
       "            ok = true;\n"
       "        } else if (visit_is_input(v)) {\n"
       "            g_autofree char *path = visit_member_path(v, name);\n\n"
       "            error_setg(errp, \"Parameter '%%s' expects %s\", "
       "path);\n"
       "            /* The branch is unknown: free just the alternate */\n"
       "            g_free(*obj);\n"
       "            *obj = NULL;\n"
       "        } else {\n"
       "            error_setg(errp, \"Alternate '%s' has no branch set\");\n"
       "        }\n"
       "        break;\n"
       "    }\n"
       "out_obj:\n"
       "    visit_end_alternate(v, (void **)obj);\n"
       "    if (!ok && visit_is_input(v)) {\n"
       "        qapi_free_%s(*obj);\n"
       "        *obj = NULL;\n"
       "    }\n"
       "    return ok;\n}\n", expected, ent->name, cname);
}

static void gen_entity(CGen *h, CGen *c, const QAPIEntity *ent)
{
    g_autoptr(GString) hbuf = g_string_new(NULL);
    g_autoptr(GString) cbuf = g_string_new(NULL);
    CGen hh = { .buf = hbuf }, cc = { .buf = cbuf };

    switch (ent->meta) {
    case QAPI_META_ENUM:
        gen_enum(&hh, &cc, ent);
        break;
    case QAPI_META_ARRAY:
        gen_array(&hh, &cc, ent);
        break;
    case QAPI_META_STRUCT:
    case QAPI_META_UNION:
        gen_members(&hh, &cc, ent);
        if (!ent->implicit) {
            gen_object(&hh, &cc, ent);
        }
        break;
    case QAPI_META_ALTERNATE:
        gen_alternate(&hh, &cc, ent);
        break;
    default:
        return;
    }
    cg_wrap(h, ent->ifcond, hbuf);
    cg(h, "\n");
    cg_wrap(c, ent->ifcond, cbuf);
    cg(c, "\n");
}

static void gen_module(QAPIGen *gen, const QAPIModule *m)
{
    g_autofree char *hname = qapi_gen_fname(gen, "visit", m, ".h");
    g_autofree char *cname = qapi_gen_fname(gen, "visit", m, ".c");
    g_autofree char *types = qapi_gen_fname(gen, "types", m, ".h");
    CGen h = { .buf = qapi_output_file(gen->out, hname) };
    CGen c = { .buf = qapi_output_file(gen->out, cname) };
    guint i;

    cg_header_begin(&h, hname, gen->source, "Schema-defined QAPI visitors");
    cg_source_begin(&c, gen->source, "Schema-defined QAPI visitors");
    if (!m->builtin) {
        cg(&h, "#include \"%sqapi-builtin-visit.h\"\n",
           gen->opts->builtins ? gen->opts->prefix : "");
    }
    for (i = 0; i < m->includes->len; i++) {
        g_autofree char *inc = qapi_gen_fname(gen, "visit",
                                              g_ptr_array_index(m->includes,
                                                                i), ".h");

        cg(&h, "#include \"%s\"\n", inc);
    }
    cg(&h, "#include \"%s\"\n\n", types);
    cg(&c, "#include \"util/error.h\"\n#include \"%s\"\n\n", hname);
    for (i = 0; i < m->entities->len; i++) {
        const QAPIEntity *ent = g_ptr_array_index(m->entities, i);

        if (qapi_gen_wanted(ent)) {
            gen_entity(&h, &c, ent);
        }
    }
    cg_header_end(&h, hname);
}

void qapi_gen_visit(QAPIGen *gen)
{
    g_autoptr(GPtrArray) modules = qapi_gen_modules(gen, true);
    guint i;

    for (i = 0; i < modules->len; i++) {
        gen_module(gen, g_ptr_array_index(modules, i));
    }
    qapi_gen_umbrella(gen, "visit", "Schema-defined QAPI visitors, all "
                      "modules");
}
