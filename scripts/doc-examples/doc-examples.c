/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * doc-examples: turn the C examples of a docs/ page into a GLib test program,
 * so that every example in the documentation is compiled and run by the tests.
 *
 * Usage: doc-examples PAGE.md OUTPUT.c
 *
 * Every fenced block whose info string is exactly "c" is copied to OUTPUT.c
 * in order, with #line directives pointing back into PAGE.md. Each function
 * defined on a line of its own as `static void example_NAME(void)` becomes
 * the test case /docs/PAGE/NAME.
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EXAMPLES 256

static void die(const char *what, const char *name)
{
    fprintf(stderr, "doc-examples: %s: %s: %s\n", name, what, strerror(errno));
    exit(1);
}

int main(int argc, char **argv)
{
    char *examples[MAX_EXAMPLES];
    int n_examples = 0, lineno = 0, in_block = 0, i;
    char line[4096], page[256], *dot;
    const char *base;
    regex_t re;
    regmatch_t m[2];
    FILE *in, *out;

    if (argc != 3) {
        fprintf(stderr, "usage: doc-examples PAGE.md OUTPUT.c\n");
        return 1;
    }
    in = fopen(argv[1], "r");
    if (!in) {
        die("cannot open", argv[1]);
    }
    out = fopen(argv[2], "w");
    if (!out) {
        die("cannot create", argv[2]);
    }
    base = strrchr(argv[1], '/');
    snprintf(page, sizeof(page), "%s", base ? base + 1 : argv[1]);
    dot = strrchr(page, '.');
    if (dot) {
        *dot = '\0';
    }
    regcomp(&re, "^static void example_([a-z0-9_]+)\\(void\\)$", REG_EXTENDED);

    fprintf(out, "/* Generated from %s by doc-examples; do not edit. */\n",
            argv[1]);
    fprintf(out, "#include \"osdep.h\"\n");
    while (fgets(line, sizeof(line), in)) {
        lineno++;
        if (!in_block) {
            if (!strcmp(line, "```c\n")) {
                in_block = 1;
                fprintf(out, "#line %d \"%s\"\n", lineno + 1, argv[1]);
            }
            continue;
        }
        if (!strncmp(line, "```", 3)) {
            in_block = 0;
            continue;
        }
        fputs(line, out);
        line[strcspn(line, "\n")] = '\0';
        if (!regexec(&re, line, 2, m, 0)) {
            if (n_examples == MAX_EXAMPLES) {
                fprintf(stderr, "doc-examples: %s: too many examples\n", argv[1]);
                return 1;
            }
            examples[n_examples++] = strndup(line + m[1].rm_so,
                                             m[1].rm_eo - m[1].rm_so);
        }
    }
    if (in_block) {
        fprintf(stderr, "doc-examples: %s: unterminated ```c block\n", argv[1]);
        return 1;
    }
    if (!n_examples) {
        fprintf(stderr, "doc-examples: %s: no example_NAME functions\n", argv[1]);
        return 1;
    }

    fprintf(out, "\nint main(int argc, char **argv)\n{\n");
    fprintf(out, "    g_test_init(&argc, &argv, NULL);\n");
    for (i = 0; i < n_examples; i++) {
        fprintf(out, "    g_test_add_func(\"/docs/%s/%s\", example_%s);\n",
                page, examples[i], examples[i]);
        free(examples[i]);
    }
    fprintf(out, "    return g_test_run();\n}\n");
    regfree(&re);
    fclose(in);
    if (fclose(out)) {
        die("cannot write", argv[2]);
    }
    return 0;
}
