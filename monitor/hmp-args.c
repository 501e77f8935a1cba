/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp-args.c: parse an HMP command's arguments by its args_type spec
 * ("id:s,force:-f,size:o?"), with QEMU's integer expressions and QEMU's
 * error messages.
 */
#include "osdep.h"

#include "monitor-internal.h"
#include "qobject/qbool.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "util/cutils.h"
#include "util/qemu-option.h"

/* Parentheses and unary operators nest at most this deep. */
#define HMP_EXPR_MAX_DEPTH 64

/* An integer expression being read: + - * / % & | ^ ~ ( ) 'c' numbers. */
typedef struct HMPExpr {
    Monitor *mon;
    const char *p;
    int depth;
    bool failed;                /* an error was printed */
} HMPExpr;

static void G_GNUC_PRINTF(2, 3) expr_error(HMPExpr *e, const char *fmt, ...)
{
    va_list ap;

    if (e->failed) {
        return;
    }
    va_start(ap, fmt);
    monitor_vprintf(e->mon, fmt, ap);
    va_end(ap);
    monitor_puts(e->mon, "\n");
    e->failed = true;
}

/* Step over the operator at the cursor and the spaces after it. */
static void expr_next(HMPExpr *e)
{
    if (*e->p) {
        e->p++;
    }
    while (g_ascii_isspace(*e->p)) {
        e->p++;
    }
}

static uint64_t expr_sum(HMPExpr *e);

static uint64_t expr_number(HMPExpr *e)
{
    char *end;
    uint64_t n;

    errno = 0;
    n = strtoull(e->p, &end, 0);
    if (ERANGE == errno) {
        expr_error(e, "number too large");
        return 0;
    }
    if (end == e->p) {
        expr_error(e, "invalid char '%c' in expression", *e->p);
        return 0;
    }
    e->p = end;
    while (g_ascii_isspace(*e->p)) {
        e->p++;
    }
    return n;
}

/* 'c': a character constant. */
static uint64_t expr_char(HMPExpr *e)
{
    uint64_t n;

    e->p++;
    if (!*e->p) {
        expr_error(e, "character constant expected");
        return 0;
    }
    n = (unsigned char)*e->p++;
    if ('\'' != *e->p) {
        expr_error(e, "missing terminating ' character");
        return 0;
    }
    expr_next(e);
    return n;
}

static uint64_t expr_unary(HMPExpr *e)
{
    uint64_t n = 0;
    char op = *e->p;

    if (e->failed) {
        return 0;
    }
    if (++e->depth > HMP_EXPR_MAX_DEPTH) {
        expr_error(e, "expression nested too deeply");
        return 0;
    }
    switch (op) {
    case '+':
    case '-':
    case '~':
        expr_next(e);
        n = expr_unary(e);
        n = '-' == op ? -n : '~' == op ? ~n : n;
        break;
    case '(':
        expr_next(e);
        n = expr_sum(e);
        if (')' != *e->p) {
            expr_error(e, "')' expected");
        }
        expr_next(e);
        break;
    case '\'':
        n = expr_char(e);
        break;
    case '\0':
        expr_error(e, "unexpected end of expression");
        break;
    default:
        n = expr_number(e);
        break;
    }
    e->depth--;
    return n;
}

static uint64_t expr_prod(HMPExpr *e)
{
    uint64_t val = expr_unary(e), val2;
    char op;

    while (!e->failed && *e->p && strchr("*/%", *e->p)) {
        op = *e->p;
        expr_next(e);
        val2 = expr_unary(e);
        if ('*' == op) {
            val *= val2;
        } else if (!val2) {
            expr_error(e, "division by zero");
        } else if ((int64_t)val2 == -1) {
            /* x / -1 and x % -1, without INT64_MIN / -1 overflowing. */
            val = '/' == op ? -val : 0;
        } else if ('/' == op) {
            val = (int64_t)val / (int64_t)val2;
        } else {
            val = (int64_t)val % (int64_t)val2;
        }
    }
    return val;
}

static uint64_t expr_logic(HMPExpr *e)
{
    uint64_t val = expr_prod(e), val2;
    char op;

    while (!e->failed && *e->p && strchr("&|^", *e->p)) {
        op = *e->p;
        expr_next(e);
        val2 = expr_prod(e);
        val = '&' == op ? val & val2 : '|' == op ? val | val2 : val ^ val2;
    }
    return val;
}

static uint64_t expr_sum(HMPExpr *e)
{
    uint64_t val = expr_logic(e), val2;
    char op;

    while (!e->failed && *e->p && strchr("+-", *e->p)) {
        op = *e->p;
        expr_next(e);
        val2 = expr_logic(e);
        val = '+' == op ? val + val2 : val - val2;
    }
    return val;
}

/* An expression at *@pp, moving *@pp past it; false after an error. */
static bool hmp_get_expr(Monitor *mon, const char **pp, int64_t *val)
{
    HMPExpr e = { .mon = mon, .p = *pp };

    while (g_ascii_isspace(*e.p)) {
        e.p++;
    }
    *val = expr_sum(&e);
    *pp = e.p;
    return !e.failed;
}

/* One "key:TYPE" of a spec, split. */
typedef struct HMPArgSpec {
    char *key;
    const char *type;           /* the TYPE text, up to the next ',' */
    size_t type_len;
    bool optional;              /* TYPE ends with '?' */
} HMPArgSpec;

/* The spec at *@spec; false at its end. Moves *@spec to the next one. */
static bool hmp_next_spec(const char **spec, HMPArgSpec *arg)
{
    const char *colon, *end;

    if (!**spec) {
        return false;
    }
    colon = strchr(*spec, ':');
    end = strchrnul(*spec, ',');
    g_assert(colon && colon < end);
    arg->key = g_strndup(*spec, colon - *spec);
    arg->type = colon + 1;
    arg->type_len = end - arg->type;
    arg->optional = arg->type_len > 1 && '?' == arg->type[arg->type_len - 1];
    *spec = *end ? end + 1 : end;
    return true;
}

static const char *skip_spaces(const char *p)
{
    while (g_ascii_isspace(*p)) {
        p++;
    }
    return p;
}

/* s, F, B: one word. */
static bool parse_word(Monitor *mon, const HMPCommand *cmd, char type,
                       const HMPArgSpec *arg, const char **pp, QDict *qdict)
{
    g_autofree char *word = NULL;

    if (!hmp_get_word(pp, &word)) {
        monitor_printf(mon, "%s: %s expected\n", cmd->name,
                       'F' == type ? "filename"
                       : 'B' == type ? "block device name" : "string");
        return false;
    }
    qdict_put_str(qdict, arg->key, word);
    return true;
}

/* i, l, M: an integer expression; 32 bits for i, MiB for M. */
static bool parse_integer(Monitor *mon, const HMPCommand *cmd, char type,
                          const HMPArgSpec *arg, const char **pp,
                          QDict *qdict)
{
    int64_t val;

    if (!hmp_get_expr(mon, pp, &val)) {
        return false;
    }
    if ('i' == type && ((uint64_t)val >> 32)) {
        monitor_printf(mon, "'%s' has failed: integer is for 32-bit values\n",
                       cmd->name);
        return false;
    }
    if ('M' == type) {
        if (val < 0) {
            monitor_printf(mon, "enter a positive value\n");
            return false;
        }
        if (val > INT64_MAX >> 20) {
            monitor_printf(mon, "number too large\n");
            return false;
        }
        val <<= 20;
    }
    qdict_put_int(qdict, arg->key, val);
    return true;
}

/* o: a size, MiB without a suffix. */
static bool parse_size(Monitor *mon, const HMPArgSpec *arg, const char **pp,
                       QDict *qdict)
{
    uint64_t val;

    if (qemu_strtosz_MiB(*pp, pp, &val) < 0 || val > INT64_MAX) {
        monitor_printf(mon, "invalid size\n");
        return false;
    }
    qdict_put_int(qdict, arg->key, val);
    return true;
}

/* b: on or off. */
static bool parse_on_off(Monitor *mon, const HMPArgSpec *arg,
                         const char **pp, QDict *qdict)
{
    const char *beg = *pp, *p = beg;

    while (g_ascii_isgraph(*p)) {
        p++;
    }
    *pp = p;
    if (2 == p - beg && !memcmp(beg, "on", 2)) {
        qdict_put_bool(qdict, arg->key, true);
    } else if (3 == p - beg && !memcmp(beg, "off", 3)) {
        qdict_put_bool(qdict, arg->key, false);
    } else {
        monitor_printf(mon, "Expected 'on' or 'off'\n");
        return false;
    }
    return true;
}

/* O: "a=1,b=2" for the QemuOptsList named by the key, into @qdict. */
static bool parse_opts(Monitor *mon, const HMPCommand *cmd,
                       const HMPArgSpec *arg, const char **pp, QDict *qdict)
{
    QemuOptsList *list = qemu_find_opts(arg->key);
    g_autofree char *word = NULL;
    QemuOpts *opts;

    if (!list) {
        monitor_printf(mon, "%s: unknown type 'O'\n", cmd->name);
        return false;
    }
    if (!hmp_get_word(pp, &word)) {
        return false;
    }
    opts = qemu_opts_parse_noisily(list, word, true);
    if (!opts) {
        return false;
    }
    qemu_opts_to_qdict(opts, qdict);
    qemu_opts_del(opts);
    return true;
}

/*
 * -x or -xs: the flag -x, with a string after it for -xs. A different
 * flag that a later spec takes is left for it; any other is an error.
 */
static bool parse_flag(Monitor *mon, const HMPCommand *cmd,
                       const HMPArgSpec *arg, const char *rest_spec,
                       const char **pp, QDict *qdict)
{
    char letter = arg->type[1];
    const char *p = skip_spaces(*pp);
    g_autofree char *value = NULL;
    char other[3] = { '-', 0, 0 };

    if ('-' != *p) {
        return true;
    }
    p++;
    if (letter != *p || !letter) {
        other[1] = *p;
        if (!*p || !strstr(rest_spec, other)) {
            monitor_printf(mon, "%s: unsupported option -%.1s\n", cmd->name,
                           p);
            return false;
        }
        return true;
    }
    p++;
    if ('s' == arg->type[2]) {
        if (!hmp_get_word(&p, &value)) {
            monitor_printf(mon, "%s: value expected for -%c\n", cmd->name,
                           letter);
            return false;
        }
        qdict_put_str(qdict, arg->key, value);
    } else {
        qdict_put_bool(qdict, arg->key, true);
    }
    *pp = p;
    return true;
}

/* Parse argument @arg at *@pp; @rest_spec is the spec after it. */
static bool parse_one(Monitor *mon, const HMPCommand *cmd,
                      const HMPArgSpec *arg, const char *rest_spec,
                      const char **pp, QDict *qdict)
{
    char type = arg->type[0];

    if ('-' == type) {
        return parse_flag(mon, cmd, arg, rest_spec, pp, qdict);
    }
    *pp = skip_spaces(*pp);
    /* Options ('O') may always be left out, as in QEMU. */
    if (!**pp && (arg->optional || 'O' == type)) {
        return true;
    }
    switch (type) {
    case 's':
    case 'F':
    case 'B':
        return parse_word(mon, cmd, type, arg, pp, qdict);
    case 'S':
        if (!**pp) {
            monitor_printf(mon, "%s: string expected\n", cmd->name);
            return false;
        }
        qdict_put_str(qdict, arg->key, *pp);
        *pp += strlen(*pp);
        return true;
    case 'i':
    case 'l':
    case 'M':
        return parse_integer(mon, cmd, type, arg, pp, qdict);
    case 'o':
        return parse_size(mon, arg, pp, qdict);
    case 'b':
        return parse_on_off(mon, arg, pp, qdict);
    case 'O':
        return parse_opts(mon, cmd, arg, pp, qdict);
    default:
        monitor_printf(mon, "%s: unknown type '%c'\n", cmd->name, type);
        return false;
    }
}

QDict *hmp_parse_arguments(Monitor *mon, const char *args,
                           const HMPCommand *cmd)
{
    const char *spec = cmd->args_type, *p = args;
    g_autoptr(QDict) qdict = qdict_new();
    HMPArgSpec arg;
    bool ok = true;

    while (ok && hmp_next_spec(&spec, &arg)) {
        ok = parse_one(mon, cmd, &arg, spec, &p, qdict);
        g_free(arg.key);
    }
    if (!ok) {
        return NULL;
    }
    if (*skip_spaces(p)) {
        monitor_printf(mon, "%s: extraneous characters at the end of line\n",
                       cmd->name);
        return NULL;
    }
    return g_steal_pointer(&qdict);
}
