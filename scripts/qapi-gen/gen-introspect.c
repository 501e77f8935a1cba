/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gen-introspect.c: PREFIXqapi-introspect.{c,h}: the SchemaInfo list that
 * query-qmp-schema returns, as a QLitObject. Commands and events come
 * first; the types they use follow, in order of first use. Type names are
 * replaced by numbers (they are not part of the wire ABI) unless -u; the
 * integer built-ins all appear as "int"; arrays are named "[ELEMENT]".
 */
#include "osdep.h"

#include "gen.h"
#include "names.h"

typedef enum LitKind {
    LIT_STR,
    LIT_BOOL,
    LIT_NULL,
    LIT_LIST,
    LIT_DICT,
} LitKind;

/* A JSON value to emit as a QLIT_* initialiser. */
typedef struct Lit {
    LitKind kind;
    char *str;                  /* LIT_STR; dict keys for entries */
    bool b;
    GPtrArray *items;           /* LIT_LIST, LIT_DICT: Lit *, owned */
    char *key;                  /* as a dict entry */
    const QAPIIf *ifcond;       /* as a list element: borrowed */
    char *comment;
} Lit;

typedef struct Intro {
    QAPIGen *gen;
    GPtrArray *queue;           /* QAPIEntity *: types used, in order */
    GHashTable *names;          /* type name -> masked name (owned) */
} Intro;

static void lit_free(Lit *l)
{
    g_free(l->str);
    g_free(l->key);
    g_free(l->comment);
    if (l->items) {
        g_ptr_array_free(l->items, true);
    }
    g_free(l);
}

static Lit *lit_new(LitKind kind)
{
    Lit *l = g_new0(Lit, 1);

    l->kind = kind;
    if (kind == LIT_LIST || kind == LIT_DICT) {
        l->items = g_ptr_array_new_with_free_func((GDestroyNotify)lit_free);
    }
    return l;
}

static Lit *lit_str(const char *s)
{
    Lit *l = lit_new(LIT_STR);

    l->str = g_strdup(s);
    return l;
}

/* Add @value under @key to dict @d; returns @value. */
static Lit *lit_put(Lit *d, const char *key, Lit *value)
{
    value->key = g_strdup(key);
    g_ptr_array_add(d->items, value);
    return value;
}

static Lit *lit_append(Lit *list, Lit *value, const QAPIIf *ifcond)
{
    value->ifcond = ifcond;
    g_ptr_array_add(list->items, value);
    return value;
}

static void lit_emit(CGen *g, const Lit *l);

static void lit_emit_items(CGen *g, const Lit *l)
{
    guint i;

    cg_indent(g);
    for (i = 0; i < l->items->len; i++) {
        const Lit *item = g_ptr_array_index(l->items, i);

        if (item->comment) {
            cg(g, "/* %s */\n", item->comment);
        }
        cg_if(g, item->ifcond);
        if (l->kind == LIT_DICT) {
            g_autofree char *q = cg_quote(item->key);

            cg(g, "{ %s, ", q);
            lit_emit(g, item);
            cg(g, ", },\n");
        } else {
            lit_emit(g, item);
            cg(g, ",\n");
        }
        cg_endif(g, item->ifcond);
    }
    cg(g, "{}\n");
    cg_dedent(g);
}

/* Emit @l without a trailing newline. */
static void lit_emit(CGen *g, const Lit *l)
{
    g_autofree char *q = NULL;

    switch (l->kind) {
    case LIT_STR:
        q = cg_quote(l->str);
        cg(g, "QLIT_QSTR(%s)", q);
        break;
    case LIT_BOOL:
        cg(g, "QLIT_QBOOL(%s)", l->b ? "true" : "false");
        break;
    case LIT_NULL:
        cg(g, "QLIT_QNULL");
        break;
    case LIT_LIST:
    case LIT_DICT:
        cg(g, l->kind == LIT_LIST ? "QLIT_QLIST(((QLitObject[]) {\n"
                                  : "QLIT_QDICT(((QLitDictEntry[]) {\n");
        lit_emit_items(g, l);
        cg(g, "}))");
        break;
    }
}

/* The name @type appears under in the SchemaInfo; queues it. New string. */
static char *use_type(Intro *in, const QAPIEntity *type)
{
    const QAPISchema *schema = in->gen->schema;
    g_autofree char *elem = NULL;
    char *name;

    /* The integer types differ only in C: introspect them all as "int". */
    if (type->meta == QAPI_META_BUILTIN && !strcmp(type->json_type, "int")) {
        type = qapi_schema_lookup(schema, "int");
    } else if (type->meta == QAPI_META_ARRAY &&
               type->elem->meta == QAPI_META_BUILTIN &&
               !strcmp(type->elem->json_type, "int")) {
        type = qapi_schema_lookup(schema, "intList");
    }
    if (!g_ptr_array_find(in->queue, type, NULL)) {
        g_ptr_array_add(in->queue, (gpointer)type);
    }
    if (type->meta == QAPI_META_BUILTIN) {
        return g_strdup(type->name);
    }
    if (type->meta == QAPI_META_ARRAY) {
        elem = use_type(in, type->elem);
        return g_strdup_printf("[%s]", elem);
    }
    if (in->gen->opts->unmask) {
        return g_strdup(type->name);
    }
    name = g_hash_table_lookup(in->names, type->name);
    if (!name) {
        name = g_strdup_printf("%u", g_hash_table_size(in->names));
        g_hash_table_insert(in->names, type->name, name);
    }
    return g_strdup(name);
}

static void put_type(Intro *in, Lit *d, const char *key,
                     const QAPIEntity *type)
{
    g_autofree char *name = use_type(in, type);

    lit_put(d, key, lit_str(name));
}

static void put_features(Lit *d, const GPtrArray *features)
{
    Lit *list;
    guint i;

    if (!features->len) {
        return;
    }
    list = lit_put(d, "features", lit_new(LIT_LIST));
    for (i = 0; i < features->len; i++) {
        const QAPIFeature *f = g_ptr_array_index(features, i);

        lit_append(list, lit_str(f->name), f->ifcond);
    }
}

static void put_members(Intro *in, Lit *d, const QAPIEntity *ent)
{
    Lit *list = lit_put(d, "members", lit_new(LIT_LIST));
    guint i;

    for (i = 0; i < ent->members->len; i++) {
        const QAPIMember *m = g_ptr_array_index(ent->members, i);
        Lit *md = lit_append(list, lit_new(LIT_DICT), m->ifcond);

        lit_put(md, "name", lit_str(m->name));
        put_type(in, md, "type", m->type);
        if (m->optional) {
            lit_put(md, "default", lit_new(LIT_NULL));
        }
        put_features(md, m->features);
    }
}

static void put_variants(Intro *in, Lit *d, const QAPIEntity *ent)
{
    Lit *list;
    guint i;

    if (ent->meta == QAPI_META_UNION) {
        lit_put(d, "tag", lit_str(ent->tag->name));
        list = lit_put(d, "variants", lit_new(LIT_LIST));
    } else {
        list = lit_put(d, "members", lit_new(LIT_LIST));
    }
    for (i = 0; i < ent->variants->len; i++) {
        const QAPIMember *v = g_ptr_array_index(ent->variants, i);
        Lit *vd = lit_append(list, lit_new(LIT_DICT), v->ifcond);

        if (ent->meta == QAPI_META_UNION) {
            lit_put(vd, "case", lit_str(v->name));
        }
        put_type(in, vd, "type", v->type);
    }
}

static void put_enum(Lit *d, const QAPIEntity *ent)
{
    Lit *members = lit_put(d, "members", lit_new(LIT_LIST));
    Lit *values = lit_put(d, "values", lit_new(LIT_LIST));
    guint i;

    for (i = 0; i < ent->values->len; i++) {
        const QAPIMember *v = g_ptr_array_index(ent->values, i);
        Lit *vd = lit_append(members, lit_new(LIT_DICT), v->ifcond);

        lit_put(vd, "name", lit_str(v->name));
        put_features(vd, v->features);
        lit_append(values, lit_str(v->name), v->ifcond);
    }
}

/* The SchemaInfo of @ent, appended to @list. */
static void gen_entry(Intro *in, Lit *list, const QAPIEntity *ent)
{
    const QAPIEntity *empty = qapi_schema_lookup(in->gen->schema, "q_empty");
    Lit *d = lit_append(list, lit_new(LIT_DICT), ent->ifcond);
    g_autofree char *name = NULL;

    if (ent->meta == QAPI_META_COMMAND || ent->meta == QAPI_META_EVENT) {
        name = g_strdup(ent->name);
    } else {
        name = use_type(in, ent);
        if (strcmp(name, ent->name)) {
            d->comment = g_strdup_printf("\"%s\" = %s", name, ent->name);
        }
    }
    lit_put(d, "name", lit_str(name));
    lit_put(d, "meta-type", lit_str(qapi_is_object(ent) ? "object" :
                                    ent->meta == QAPI_META_BUILTIN
                                    ? "builtin" : qapi_meta_name(ent->meta)));
    switch (ent->meta) {
    case QAPI_META_COMMAND:
        put_type(in, d, "arg-type", ent->arg ? ent->arg : empty);
        put_type(in, d, "ret-type", ent->ret ? ent->ret : empty);
        if (ent->allow_oob) {
            lit_put(d, "allow-oob", lit_new(LIT_BOOL))->b = true;
        }
        break;
    case QAPI_META_EVENT:
        put_type(in, d, "arg-type", ent->arg ? ent->arg : empty);
        break;
    case QAPI_META_BUILTIN:
        lit_put(d, "json-type", lit_str(ent->json_type));
        break;
    case QAPI_META_ENUM:
        put_enum(d, ent);
        break;
    case QAPI_META_ARRAY:
        put_type(in, d, "element-type", ent->elem);
        break;
    case QAPI_META_ALTERNATE:
        put_variants(in, d, ent);
        break;
    default:
        put_members(in, d, ent);
        if (ent->variants) {
            put_variants(in, d, ent);
        }
        break;
    }
    put_features(d, ent->features);
}

void qapi_gen_introspect(QAPIGen *gen)
{
    g_autofree char *hname = qapi_gen_fname(gen, "introspect", NULL, ".h");
    g_autofree char *cname = qapi_gen_fname(gen, "introspect", NULL, ".c");
    CGen h = { .buf = qapi_output_file(gen->out, hname) };
    CGen c = { .buf = qapi_output_file(gen->out, cname) };
    Intro in = {
        .gen = gen,
        .queue = g_ptr_array_new(),
        .names = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free),
    };
    Lit *list = lit_new(LIT_LIST);
    guint i;

    for (i = 0; i < gen->schema->entities->len; i++) {
        const QAPIEntity *ent = g_ptr_array_index(gen->schema->entities, i);

        if (!qapi_is_type(ent)) {
            gen_entry(&in, list, ent);
        }
    }
    /* The queue grows while it is walked: types use more types. */
    for (i = 0; i < in.queue->len; i++) {
        gen_entry(&in, list, g_ptr_array_index(in.queue, i));
    }
    cg_header_begin(&h, hname, gen->source, "QAPI/QMP schema introspection");
    cg(&h, "#include \"qobject/qlit.h\"\n\n"
       "/* The SchemaInfo list query-qmp-schema returns. */\n"
       "extern const QLitObject %sqmp_schema_qlit;\n", gen->c_prefix);
    cg_header_end(&h, hname);
    cg_source_begin(&c, gen->source, "QAPI/QMP schema introspection");
    cg(&c, "#include \"%s\"\n\nconst QLitObject %sqmp_schema_qlit = ", hname,
       gen->c_prefix);
    lit_emit(&c, list);
    cg(&c, ";\n");
    lit_free(list);
    g_ptr_array_free(in.queue, true);
    g_hash_table_destroy(in.names);
}
