/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-util-keyval.c: the keyval parser's syntax, tree shapes and messages. */
#include "osdep.h"

#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "util/error.h"
#include "util/keyval.h"

#define NAME_HINT \
    "Each dotted part of a parameter name consists of letters, digits, " \
    "'-' and '_'.\n"

/*
 * Write @obj in a compact form that shows key order and types: dicts as
 * {k: v, ...}, lists as [v, ...], strings quoted as 'v'.
 */
static void render(GString *out, const QObject *obj)
{
    const QDictEntry *e;
    const QListEntry *le;
    const QDict *dict;
    const QList *list;

    switch (qobject_type(obj)) {
    case QTYPE_QSTRING:
        g_string_append_printf(out, "'%s'",
                               qstring_get_str(qobject_to(QString, obj)));
        break;
    case QTYPE_QDICT:
        dict = qobject_to(QDict, obj);
        g_string_append_c(out, '{');
        for (e = qdict_first(dict); e; e = qdict_next(dict, e)) {
            g_string_append_printf(out, "%s%s: ", e == qdict_first(dict)
                                   ? "" : ", ", qdict_entry_key(e));
            render(out, qdict_entry_value(e));
        }
        g_string_append_c(out, '}');
        break;
    case QTYPE_QLIST:
        list = qobject_to(QList, obj);
        g_string_append_c(out, '[');
        for (le = qlist_first(list); le; le = qlist_next(le)) {
            g_string_append(out, le == qlist_first(list) ? "" : ", ");
            render(out, qlist_entry_obj(le));
        }
        g_string_append_c(out, ']');
        break;
    default:
        g_assert_not_reached();
    }
}

/* keyval_parse() @params, which must succeed; returns it rendered. */
static char *parse_render(const char *params, const char *implied, bool *help)
{
    g_autoptr(QDict) qdict = keyval_parse(params, implied, help, &error_abort);
    GString *out = g_string_new(NULL);

    render(out, QOBJECT(qdict));
    return g_string_free(out, false);
}

static void check_parse(const char *params, const char *implied,
                        const char *expected)
{
    g_autofree char *got = parse_render(params, implied, NULL);

    if (strcmp(got, expected)) {
        g_error("\"%s\": %s, expected %s", params, got, expected);
    }
}

static void check_error(const char *params, const char *implied,
                        const char *msg, const char *hint)
{
    Error *err = NULL;
    bool help = false;

    g_assert_null(keyval_parse(params, implied, &help, &err));
    g_assert_nonnull(err);
    if (strcmp(error_get_pretty(err), msg)) {
        g_error("\"%s\": \"%s\", expected \"%s\"", params,
                error_get_pretty(err), msg);
    }
    g_assert_cmpstr(error_get_hint(err), ==, hint);
    error_free(err);
}

static void test_flat(void)
{
    check_parse("", NULL, "{}");
    check_parse("a=1", NULL, "{a: '1'}");
    check_parse("a=1,b=2,", NULL, "{a: '1', b: '2'}");
    check_parse("Ab_c-9=x", NULL, "{Ab_c-9: 'x'}");
    check_parse("a=", NULL, "{a: ''}");
    check_parse("a=b=c", NULL, "{a: 'b=c'}");
    check_parse("a=1.5", NULL, "{a: '1.5'}");
    check_parse("a=x,,y", NULL, "{a: 'x,y'}");
    check_parse("a=,,,b=,,,,", NULL, "{a: ',', b: ',,'}");
    /* The top level stays a dict even when its keys are digits. */
    check_parse("0=x,1=y", NULL, "{0: 'x', 1: 'y'}");
    check_parse("0=x,a=y", NULL, "{0: 'x', a: 'y'}");
}

static void test_repeated(void)
{
    /* The later value wins and the key keeps its first position. */
    check_parse("a=1,a=2", NULL, "{a: '2'}");
    check_parse("a=1,b=2,a=3", NULL, "{a: '3', b: '2'}");
    check_parse("a.b=1,a.b=2", NULL, "{a: {b: '2'}}");
    check_parse("l.0=x,l.0=y", NULL, "{l: ['y']}");
}

static void test_dotted(void)
{
    check_parse("cache.direct=on,cache.no-flush=off", NULL,
                "{cache: {direct: 'on', no-flush: 'off'}}");
    check_parse("a.b.c=1,x=0,a.b.d=2,a.e=3", NULL,
                "{a: {b: {c: '1', d: '2'}, e: '3'}, x: '0'}");
}

static void test_lists(void)
{
    g_autoptr(GString) params = g_string_new(NULL);
    int i;

    check_parse("a.0=x,a.1=y", NULL, "{a: ['x', 'y']}");
    check_parse("a.1=y,a.0=x", NULL, "{a: ['x', 'y']}");
    check_parse("a.0.b=1,a.1.b=3,a.0.c=2", NULL,
                "{a: [{b: '1', c: '2'}, {b: '3'}]}");
    check_parse("a.0.0=x,a.1.0=z,a.0.1=y", NULL, "{a: [['x', 'y'], ['z']]}");
    check_parse("d.l.0=x,d.n=1", NULL, "{d: {l: ['x'], n: '1'}}");

    /* Index order is numeric: 2 before 10. */
    for (i = 11; i >= 0; i--) {
        g_string_append_printf(params, "l.%d=%c,", i, 'a' + i);
    }
    check_parse(params->str, NULL,
                "{l: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', "
                "'k', 'l']}");
}

static void test_implied(void)
{
    check_parse("virtio,id=x", "driver", "{driver: 'virtio', id: 'x'}");
    check_parse("a,,b,c=d", "driver", "{driver: 'a,b', c: 'd'}");
    check_parse("a,,b=c", "driver", "{driver: 'a,b=c'}");
    check_parse("id=x", "driver", "{id: 'x'}");
    check_parse(",a=1", "driver", "{driver: '', a: '1'}");
    check_parse("x", "file.driver", "{file: {driver: 'x'}}");
    /* Only for the first element. */
    check_error("id=x,virtio", "driver",
                "Expected '=' after parameter 'virtio'", NULL);
}

static void test_help(void)
{
    g_autoptr(Error) err = NULL;
    g_autofree char *got = NULL;
    bool help = false;

    got = parse_render("help", NULL, &help);
    g_assert_true(help);
    g_assert_cmpstr(got, ==, "{}");
    g_free(got);

    got = parse_render("?", "driver", &help);
    g_assert_true(help);
    g_assert_cmpstr(got, ==, "{}");
    g_free(got);

    got = parse_render("memory-backend-ram,help", "qom-type", &help);
    g_assert_true(help);
    g_assert_cmpstr(got, ==, "{qom-type: 'memory-backend-ram'}");
    g_free(got);

    /* *help is reset on every call; help=on and "help,,x" are not help. */
    got = parse_render("help=on", NULL, &help);
    g_assert_false(help);
    g_assert_cmpstr(got, ==, "{help: 'on'}");
    g_free(got);

    help = true;
    got = parse_render("help,,x", "driver", &help);
    g_assert_false(help);
    g_assert_cmpstr(got, ==, "{driver: 'help,x'}");
    g_free(got);

    /* Without a help pointer, "help" is the implied value or an error. */
    got = parse_render("help", "driver", NULL);
    g_assert_cmpstr(got, ==, "{driver: 'help'}");
    g_assert_null(keyval_parse("?", NULL, NULL, NULL));
    g_assert_null(keyval_parse("a=1,help", NULL, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Expected '=' after parameter 'help'");
}

static void test_syntax_errors(void)
{
    g_autoptr(GString) deep = g_string_new("a");
    g_autofree char *msg = NULL;
    int i;

    check_error("a", NULL, "Expected '=' after parameter 'a'", NULL);
    check_error("a=1,b", NULL, "Expected '=' after parameter 'b'", NULL);
    check_error("a b", NULL, "Expected '=' after parameter 'a b'", NULL);
    check_error("=1", NULL, "Empty parameter name at '=1'", NULL);
    check_error("=1", "driver", "Empty parameter name at '=1'", NULL);
    check_error("a=1,=2,b=3", NULL, "Empty parameter name at '=2,b=3'", NULL);
    check_error(",a=1", NULL, "Empty parameter name at ',a=1'", NULL);
    check_error("a..b=1", NULL, "Invalid parameter name 'a..b'", NAME_HINT);
    check_error(".a=1", NULL, "Invalid parameter name '.a'", NAME_HINT);
    check_error("a.=1", NULL, "Invalid parameter name 'a.'", NAME_HINT);
    check_error("a b=1", NULL, "Invalid parameter name 'a b'", NAME_HINT);
    check_error("a$=1", NULL, "Invalid parameter name 'a$'", NAME_HINT);
    check_error("a:b=1", NULL, "Invalid parameter name 'a:b'", NAME_HINT);
    check_error("?=1", NULL, "Invalid parameter name '?'", NAME_HINT);
    check_error("a.01=x", NULL, "Invalid parameter name 'a.01'",
                "List indexes are written without leading zeros.\n");
    check_error("a.00=x", NULL, "Invalid parameter name 'a.00'",
                "List indexes are written without leading zeros.\n");

    /* At most 64 dotted parts. */
    for (i = 1; i < 64; i++) {
        g_string_append(deep, ".a");
    }
    g_string_append(deep, "=1");
    qobject_unref(keyval_parse(deep->str, NULL, NULL, &error_abort));
    g_string_insert(deep, 0, "a.");
    msg = g_strdup_printf("Invalid parameter name '%.*s'",
                          (int)deep->len - 2, deep->str);
    check_error(deep->str, NULL, msg,
                "A parameter name has at most 64 dotted parts.\n");
}

static void test_shape_errors(void)
{
    check_error("a=1,a.b=2", NULL,
                "Parameter 'a' used both as a value and as a prefix", NULL);
    check_error("a.b=2,a=1", NULL,
                "Parameter 'a' used both as a value and as a prefix", NULL);
    check_error("a.b.c=1,a.b=2", NULL,
                "Parameter 'a.b' used both as a value and as a prefix", NULL);
    check_error("a.b=1,a.b.c.d=2", NULL,
                "Parameter 'a.b' used both as a value and as a prefix", NULL);
    check_error("x,x.y=1", "x",
                "Parameter 'x' used both as a value and as a prefix", NULL);
    check_error("a.0=x,a.b=y", NULL, "Parameter 'a' used inconsistently",
                "The keys under it must be all list indexes (0, 1, ...) or "
                "all names.\n");
    check_error("a.b.c=y,a.b.0=x", NULL,
                "Parameter 'a.b' used inconsistently",
                "The keys under it must be all list indexes (0, 1, ...) or "
                "all names.\n");
    check_error("a.0=x,a.2=y", NULL, "Parameter 'a.1' missing", NULL);
    check_error("a.1=x", NULL, "Parameter 'a.0' missing", NULL);
    check_error("a.0.x.1=z", NULL, "Parameter 'a.0.x.0' missing", NULL);
    check_error("a.99999999999999999999999=x", NULL,
                "Parameter 'a.0' missing", NULL);
    /* A bad list deep inside is found even after good ones. */
    check_error("a.0=x,b.c.0=y,b.c.2=z", NULL, "Parameter 'b.c.1' missing",
                NULL);
}

static void test_leaves_are_strings(void)
{
    g_autoptr(QDict) qdict = keyval_parse("n=1,b=on,l.0=2", NULL, NULL,
                                          &error_abort);
    QList *list = qdict_get_qlist(qdict, "l");

    g_assert_cmpstr(qdict_get_try_str(qdict, "n"), ==, "1");
    g_assert_cmpstr(qdict_get_try_str(qdict, "b"), ==, "on");
    g_assert_nonnull(list);
    g_assert_cmpstr(qstring_get_str(qobject_to(QString, qlist_peek(list))),
                    ==, "2");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/keyval/flat", test_flat);
    g_test_add_func("/util/keyval/repeated", test_repeated);
    g_test_add_func("/util/keyval/dotted", test_dotted);
    g_test_add_func("/util/keyval/lists", test_lists);
    g_test_add_func("/util/keyval/implied", test_implied);
    g_test_add_func("/util/keyval/help", test_help);
    g_test_add_func("/util/keyval/syntax-errors", test_syntax_errors);
    g_test_add_func("/util/keyval/shape-errors", test_shape_errors);
    g_test_add_func("/util/keyval/leaves-are-strings",
                    test_leaves_are_strings);
    return g_test_run();
}
