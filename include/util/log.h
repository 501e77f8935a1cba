/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * log.h: debug logging chosen on the command line with `-d ITEM,...` and
 * written to stderr or to the file given with `-D FILE`.
 *
 *   log_mask(LOG_GUEST_ERROR, "serial: write to read-only register 0x%x\n", reg);
 *
 * Messages end with a newline, like printf. Logging is thread-safe: a whole
 * message is written at once, so lines from vCPU threads never interleave.
 */
#ifndef UTIL_LOG_H
#define UTIL_LOG_H

/* Log categories; each is one bit of the mask. */
#define LOG_GUEST_ERROR     (1 << 0)    /* "guest_errors": the guest misused a device */
#define LOG_UNIMP           (1 << 1)    /* "unimp": the guest used something not implemented */
#define LOG_KVM             (1 << 2)    /* "kvm": KVM exits and ioctls */
#define LOG_QMP             (1 << 3)    /* "qmp": every QMP message in and out */
#define LOG_MIGRATION       (1 << 4)    /* "migration": migration stream progress */

/* Whether any category in @mask is enabled. */
bool log_enabled(int mask);

/* Write a message to the log unconditionally (callers test log_enabled()). */
void log_printf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* Write a message when category @mask is enabled. */
#define log_mask(mask, fmt, ...)                        \
    do {                                                \
        if (log_enabled(mask)) {                        \
            log_printf((fmt), ## __VA_ARGS__);          \
        }                                               \
    } while (0)

/* How many lines one LogRateLimit lets through per second. */
#define LOG_RATELIMIT_BURST 10

/*
 * LogRateLimit: the rate limit of one source of guest-triggered messages
 * (a device, the vCPU loop), so that a guest hammering a bad register or
 * port cannot flood the log; zero-initialised.
 */
typedef struct LogRateLimit {
    int64_t window_start;       /* g_get_monotonic_time() of the window */
    unsigned lines;             /* logged in this window */
    unsigned dropped;           /* left out since the last logged line */
} LogRateLimit;

/*
 * Log a message (ending in "\n") under @mask when it is enabled, at most
 * LOG_RATELIMIT_BURST lines a second through @limit. The first line after
 * some were left out is preceded by "N similar messages suppressed\n".
 */
void log_ratelimited(LogRateLimit *limit, int mask, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

/*
 * Parse a -d argument ("guest_errors,unimp") into a mask in *@mask. Fails
 * on an unknown or empty item, naming it. "help" is not an item: callers
 * check is_help_option() first and call log_print_help().
 */
bool log_parse_items(const char *str, int *mask, Error **errp);

/* Enable exactly the categories in @mask. */
void log_set_mask(int mask);

/*
 * Send the log to @filename (created or truncated), or to stderr when NULL.
 * On failure the previous destination stays in use.
 */
bool log_set_file(const char *filename, Error **errp);

/* List the categories for `-d help`, through error_printf(). */
void log_print_help(void);

/* Close a log file opened by log_set_file() and go back to stderr. */
void log_close(void);

#endif /* UTIL_LOG_H */
