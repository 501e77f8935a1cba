/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gen-types.c: PREFIXqapi-types-M.{c,h}: the C types of a module (enums
 * with their lookup tables, structs, unions, alternates, FooList) and
 * their qapi_free_Foo() functions.
 */
#include "osdep.h"

#include "gen.h"
#include "names.h"

typedef struct TypesGen {
    QAPIGen *gen;
    const QAPIModule *m;
    CGen h;
    CGen c;
    GHashTable *emitted;        /* object types already defined in @h */
} TypesGen;

/* The enum constant for value @v of @type ("EnumOne" -> ENUM_ONE_V). */
static char *enum_const(const QAPIEntity *type, const char *v)
{
    return qapi_c_enum_const(type->name, v, type->prefix);
}

/* FOO__MAX, or QTYPE_MAX for the QType of qobject.h. */
static char *enum_max(const QAPIEntity *type)
{
    if (!strcmp(type->name, "QType")) {
        return g_strdup("QTYPE_MAX");
    }
    return enum_const(type, "_MAX");
}

static void gen_enum_h(TypesGen *t, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);
    g_autofree char *max = enum_max(ent);
    guint i;

    cg_if(&t->h, ent->ifcond);
    /* QType itself is declared by qobject/qobject.h. */
    if (strcmp(ent->name, "QType")) {
        cg(&t->h, "typedef enum %s {\n", cname);
        for (i = 0; i < ent->values->len; i++) {
            const QAPIMember *v = g_ptr_array_index(ent->values, i);
            g_autofree char *k = enum_const(ent, v->name);

            cg_if(&t->h, v->ifcond);
            cg(&t->h, "    %s,\n", k);
            cg_endif(&t->h, v->ifcond);
        }
        cg(&t->h, "    %s,\n} %s;\n\n", max, cname);
    }
    cg(&t->h, "#define %s_str(val) \\\n    qapi_enum_lookup(&%s_lookup, "
       "(val))\n\nextern const QEnumLookup %s_lookup;\n", cname, cname,
       cname);
    cg_endif(&t->h, ent->ifcond);
    cg(&t->h, "\n");
}

static void gen_enum_c(TypesGen *t, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);
    g_autofree char *max = enum_max(ent);
    unsigned special = 0;
    guint i;

    cg_if(&t->c, ent->ifcond);
    cg(&t->c, "const QEnumLookup %s_lookup = {\n"
       "    .array = (const char *const[]) {\n", cname);
    for (i = 0; i < ent->values->len; i++) {
        const QAPIMember *v = g_ptr_array_index(ent->values, i);
        g_autofree char *k = enum_const(ent, v->name);
        g_autofree char *q = cg_quote(v->name);

        special |= v->special;
        cg_if(&t->c, v->ifcond);
        cg(&t->c, "        [%s] = %s,\n", k, q);
        cg_endif(&t->c, v->ifcond);
    }
    cg(&t->c, "    },\n");
    if (special) {
        cg(&t->c, "    .special_features = (const unsigned char[%s]) {\n",
           max);
        for (i = 0; i < ent->values->len; i++) {
            const QAPIMember *v = g_ptr_array_index(ent->values, i);
            g_autofree char *k = enum_const(ent, v->name);
            g_autofree char *s = qapi_gen_special(v->special);

            if (v->special) {
                cg_if(&t->c, v->ifcond);
                cg(&t->c, "        [%s] = %s,\n", k, s);
                cg_endif(&t->c, v->ifcond);
            }
        }
        cg(&t->c, "    },\n");
    }
    cg(&t->c, "    .size = %s,\n};\n", max);
    cg_endif(&t->c, ent->ifcond);
    cg(&t->c, "\n");
}

/* One member: its has_ flag if it needs one, then the member. */
static void gen_member(CGen *g, const QAPIMember *m)
{
    g_autofree char *type = qapi_c_type(m->type);
    g_autofree char *cname = qapi_c_name(m->name, true);
    g_autofree char *decl = cg_decl(type, cname);

    cg_if(g, m->ifcond);
    if (qapi_member_has_flag(m)) {
        cg(g, "bool has_%s;\n", cname);
    }
    cg(g, "%s;\n", decl);
    cg_endif(g, m->ifcond);
}

static void gen_object_def(TypesGen *t, const QAPIEntity *ent);

/* Define the object types @ent embeds by value (same module) first. */
static void gen_object_deps(TypesGen *t, const QAPIEntity *ent)
{
    guint i;

    for (i = 0; ent->variants && i < ent->variants->len; i++) {
        const QAPIMember *v = g_ptr_array_index(ent->variants, i);

        if (qapi_is_object(v->type) && v->type->module == t->m) {
            gen_object_def(t, v->type);
        }
    }
}

static void gen_variants(CGen *g, const QAPIEntity *ent)
{
    guint i;

    cg(g, "union { /* union tag is @%s */\n", ent->tag ? ent->tag->name
                                                       : "type");
    cg_indent(g);
    for (i = 0; i < ent->variants->len; i++) {
        const QAPIMember *v = g_ptr_array_index(ent->variants, i);
        g_autofree char *cname = qapi_c_name(v->name, true);
        g_autofree char *type = qapi_is_object(v->type)
                                ? qapi_c_name(v->type->name, true)
                                : qapi_c_type(v->type);
        g_autofree char *decl = cg_decl(type, cname);

        cg_if(g, v->ifcond);
        cg(g, "%s;\n", decl);
        cg_endif(g, v->ifcond);
    }
    cg_dedent(g);
    cg(g, "} u;\n");
}

static void gen_struct_body(CGen *g, const QAPIEntity *ent)
{
    guint i, nbase = ent->base ? ent->base->members->len : 0;

    cg_indent(g);
    if (ent->meta == QAPI_META_ALTERNATE) {
        cg(g, "QType type;\n");
    }
    for (i = 0; i < ent->members->len; i++) {
        if (!i && nbase && !ent->base->implicit) {
            cg(g, "/* Members inherited from %s: */\n", ent->base->name);
        }
        if (i == nbase && nbase && !ent->base->implicit &&
            ent->local_members->len) {
            cg(g, "/* Own members: */\n");
        }
        gen_member(g, g_ptr_array_index(ent->members, i));
    }
    if (ent->variants) {
        gen_variants(g, ent);
    }
    if (!ent->members->len && !ent->variants) {
        /* C has no empty structs. */
        cg(g, "char qapi_dummy_for_empty_struct;\n");
    }
    cg_dedent(g);
}

static void gen_object_def(TypesGen *t, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);

    if (g_hash_table_contains(t->emitted, ent)) {
        return;
    }
    g_hash_table_add(t->emitted, (gpointer)ent);
    gen_object_deps(t, ent);
    cg_if(&t->h, ent->ifcond);
    cg(&t->h, "struct %s {\n", cname);
    gen_struct_body(&t->h, ent);
    cg(&t->h, "};\n");
    cg_endif(&t->h, ent->ifcond);
    cg(&t->h, "\n");
}

static void gen_array_def(TypesGen *t, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);
    g_autofree char *elem = qapi_c_type(ent->elem);
    g_autofree char *decl = cg_decl(elem, "value");

    cg_if(&t->h, ent->ifcond);
    cg(&t->h, "struct %s {\n    %s *next;\n    %s;\n};\n", cname, cname,
       decl);
    cg_endif(&t->h, ent->ifcond);
    cg(&t->h, "\n");
}

/* qapi_free_Foo(), its autoptr cleanup, and the upcast to a named base. */
static void gen_free(TypesGen *t, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);

    cg_if(&t->h, ent->ifcond);
    cg(&t->h, "void qapi_free_%s(%s *obj);\n"
       "G_DEFINE_AUTOPTR_CLEANUP_FUNC(%s, qapi_free_%s)\n", cname, cname,
       cname, cname);
    if (ent->base && !ent->base->implicit) {
        g_autofree char *base = qapi_c_name(ent->base->name, true);

        cg(&t->h, "\nstatic inline %s *qapi_%s_base(const %s *obj)\n{\n"
           "    return (%s *)obj;\n}\n", base, cname, cname, base);
    }
    cg_endif(&t->h, ent->ifcond);
    cg(&t->h, "\n");
    cg_if(&t->c, ent->ifcond);
    cg(&t->c, "void qapi_free_%s(%s *obj)\n{\n    Visitor *v;\n\n"
       "    if (!obj) {\n        return;\n    }\n\n"
       "    v = qapi_dealloc_visitor_new();\n"
       "    visit_type_%s(v, NULL, &obj, NULL);\n"
       "    visit_free(v);\n}\n", cname, cname, cname);
    cg_endif(&t->c, ent->ifcond);
    cg(&t->c, "\n");
}

static void gen_forward(TypesGen *t, const QAPIEntity *ent)
{
    g_autofree char *cname = qapi_c_name(ent->name, true);

    cg_if(&t->h, ent->ifcond);
    cg(&t->h, "typedef struct %s %s;\n", cname, cname);
    cg_endif(&t->h, ent->ifcond);
}

static bool is_defined_type(const QAPIEntity *ent)
{
    return qapi_gen_wanted(ent) &&
           (qapi_is_object(ent) || ent->meta == QAPI_META_ALTERNATE ||
            ent->meta == QAPI_META_ARRAY);
}

static void gen_includes(TypesGen *t, const char *hname, const char *cname)
{
    g_autofree char *builtin = g_strdup_printf(
        "%sqapi-builtin-types.h", t->gen->opts->builtins
                                  ? t->gen->opts->prefix : "");
    g_autofree char *visit = qapi_gen_fname(t->gen, "visit", t->m, ".h");
    guint i;

    if (t->m->builtin) {
        cg(&t->h, "#include \"qapi/visitor.h\"\n#include \"qapi/util.h\"\n");
    } else {
        cg(&t->h, "#include \"%s\"\n", builtin);
    }
    for (i = 0; i < t->m->includes->len; i++) {
        g_autofree char *h = qapi_gen_fname(t->gen, "types",
                                            g_ptr_array_index(t->m->includes,
                                                              i), ".h");

        cg(&t->h, "#include \"%s\"\n", h);
    }
    cg(&t->h, "\n");
    cg(&t->c, "#include \"qapi/dealloc-visitor.h\"\n#include \"%s\"\n"
       "#include \"%s\"\n\n", hname, visit);
}

static void gen_module(QAPIGen *gen, const QAPIModule *m)
{
    g_autofree char *hname = qapi_gen_fname(gen, "types", m, ".h");
    g_autofree char *cname = qapi_gen_fname(gen, "types", m, ".c");
    TypesGen t = {
        .gen = gen, .m = m,
        .h = { .buf = qapi_output_file(gen->out, hname) },
        .c = { .buf = qapi_output_file(gen->out, cname) },
        .emitted = g_hash_table_new(NULL, NULL),
    };
    guint i;

    cg_header_begin(&t.h, hname, gen->source, "Schema-defined QAPI types");
    cg_source_begin(&t.c, gen->source, "Schema-defined QAPI types");
    gen_includes(&t, hname, cname);
    for (i = 0; i < m->entities->len; i++) {
        const QAPIEntity *ent = g_ptr_array_index(m->entities, i);

        if (ent->meta == QAPI_META_ENUM) {
            gen_enum_h(&t, ent);
            gen_enum_c(&t, ent);
        }
    }
    for (i = 0; i < m->entities->len; i++) {
        const QAPIEntity *ent = g_ptr_array_index(m->entities, i);

        if (is_defined_type(ent)) {
            gen_forward(&t, ent);
        }
    }
    cg(&t.h, "\n");
    for (i = 0; i < m->entities->len; i++) {
        const QAPIEntity *ent = g_ptr_array_index(m->entities, i);

        if (!is_defined_type(ent)) {
            continue;
        }
        if (ent->meta == QAPI_META_ARRAY) {
            gen_array_def(&t, ent);
        } else {
            gen_object_def(&t, ent);
        }
        if (!ent->implicit || ent->meta == QAPI_META_ARRAY) {
            gen_free(&t, ent);
        }
    }
    cg_header_end(&t.h, hname);
    g_hash_table_destroy(t.emitted);
}

void qapi_gen_types(QAPIGen *gen)
{
    g_autoptr(GPtrArray) modules = qapi_gen_modules(gen, true);
    guint i;

    for (i = 0; i < modules->len; i++) {
        gen_module(gen, g_ptr_array_index(modules, i));
    }
    qapi_gen_umbrella(gen, "types", "Schema-defined QAPI types, all modules");
}
