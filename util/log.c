/* SPDX-License-Identifier: GPL-2.0-or-later */
/* log.c: -d categories and the -D log destination. */
#include "osdep.h"

#include "util/error.h"
#include "util/error-report.h"
#include "util/log.h"

typedef struct LogItem {
    int mask;
    const char *name;
    const char *help;
} LogItem;

static const LogItem log_items[] = {
    { LOG_GUEST_ERROR, "guest_errors",
      "the guest did something invalid with a device (wrong register, bad size)" },
    { LOG_UNIMP, "unimp",
      "the guest used a device feature kvmini does not implement" },
    { LOG_KVM, "kvm", "KVM exits and ioctls" },
    { LOG_QMP, "qmp", "every QMP message received and sent" },
    { LOG_MIGRATION, "migration", "migration stream sections and progress" },
};

/*
 * The mask is read on every log_mask() from any thread, so it is atomic;
 * the destination is only changed under log_lock, which also keeps each
 * message whole.
 */
static int log_current_mask;
static GMutex log_lock;
static FILE *log_file;      /* NULL means stderr */

bool log_enabled(int mask)
{
    return g_atomic_int_get(&log_current_mask) & mask;
}

void log_printf(const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    g_mutex_lock(&log_lock);
    fputs(msg, log_file ? log_file : stderr);
    fflush(log_file ? log_file : stderr);
    g_mutex_unlock(&log_lock);
}

static const LogItem *log_find_item(const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(log_items); i++) {
        if (strlen(log_items[i].name) == len &&
            !strncmp(log_items[i].name, name, len)) {
            return &log_items[i];
        }
    }
    return NULL;
}

bool log_parse_items(const char *str, int *mask, Error **errp)
{
    const char *p = str, *comma;
    const LogItem *item;
    int result = 0;
    size_t len;

    for (;;) {
        comma = strchr(p, ',');
        len = comma ? (size_t)(comma - p) : strlen(p);
        if (!len) {
            error_setg(errp, "empty log item in '%s'", str);
            return false;
        }
        item = log_find_item(p, len);
        if (!item) {
            error_setg(errp, "unknown log item '%.*s'", (int)len, p);
            error_append_hint(errp, "Use -d help to list the log items.\n");
            return false;
        }
        result |= item->mask;
        if (!comma) {
            break;
        }
        p = comma + 1;
    }
    *mask = result;
    return true;
}

void log_set_mask(int mask)
{
    g_atomic_int_set(&log_current_mask, mask);
}

static void log_swap_file(FILE *file)
{
    FILE *old;

    g_mutex_lock(&log_lock);
    old = log_file;
    log_file = file;
    g_mutex_unlock(&log_lock);
    if (old) {
        fclose(old);
    }
}

bool log_set_file(const char *filename, Error **errp)
{
    FILE *file = NULL;

    if (filename) {
        file = fopen(filename, "w");
        if (!file) {
            error_setg_errno(errp, errno, "cannot open log file '%s'", filename);
            return false;
        }
    }
    log_swap_file(file);
    return true;
}

void log_close(void)
{
    log_swap_file(NULL);
}

void log_print_help(void)
{
    size_t i;

    help_printf("Log items (comma separated):\n");
    for (i = 0; i < ARRAY_SIZE(log_items); i++) {
        help_printf("%-13s %s\n", log_items[i].name, log_items[i].help);
    }
}

void log_ratelimited(LogRateLimit *limit, int mask, const char *fmt, ...)
{
    int64_t now = g_get_monotonic_time();
    g_autofree char *text = NULL;
    va_list ap;

    if (!log_enabled(mask)) {
        return;
    }
    if (!limit->window_start ||
        now - limit->window_start >= G_USEC_PER_SEC) {
        limit->window_start = now;
        limit->lines = 0;
    }
    if (limit->lines >= LOG_RATELIMIT_BURST) {
        limit->dropped++;
        return;
    }
    limit->lines++;
    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (limit->dropped) {
        log_printf("%u similar messages suppressed\n%s", limit->dropped, text);
        limit->dropped = 0;
    } else {
        log_printf("%s", text);
    }
}
