/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-isa-serial.c: the 16550A behind isa-serial, driven through its
 * ports as a guest does: registers after reset, the divisor latch, output
 * to a ringbuf chardev, input with the data-ready interrupt, FIFO trigger
 * level and character timeout, interrupt priorities, loopback, and output
 * kept while the chardev cannot take it, and guest misuse logged under
 * -d guest_errors at a limited rate.
 */
#include "osdep.h"

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "chardev/char-fe.h"
#include "chardev/char-opts.h"
#include "qapi-commands-char.h"
#include "test-isa-helpers.h"
#include "util/log.h"

#define COM1 0x3f8
#define RBR (COM1 + 0)
#define THR (COM1 + 0)
#define DLL (COM1 + 0)
#define IER (COM1 + 1)
#define DLM (COM1 + 1)
#define IIR (COM1 + 2)
#define FCR (COM1 + 2)
#define LCR (COM1 + 3)
#define MCR (COM1 + 4)
#define LSR (COM1 + 5)
#define MSR (COM1 + 6)
#define SCR (COM1 + 7)
#define COM1_IRQ 4

/* A machine with COM1 on the chardev "ser0" made from @chardev_opts. */
static Chardev *setup(const char *chardev_opts)
{
    Chardev *chr = qemu_chr_new_from_cmdline(chardev_opts, &error_abort);

    isa_test_bus_new();
    isa_test_device_add("isa-serial,chardev=ser0");
    return chr;
}

static void teardown(void)
{
    isa_test_bus_free();
    g_assert_true(qemu_chr_remove("ser0", &error_abort));
}

static void write_string(const char *text)
{
    for (; *text; text++) {
        isa_outb(THR, *text);
    }
}

static void test_reset(void)
{
    setup("null,id=ser0");
    g_assert_cmphex(isa_inb(IER), ==, 0x00);
    g_assert_cmphex(isa_inb(IIR), ==, 0x01);
    g_assert_cmphex(isa_inb(LCR), ==, 0x00);
    g_assert_cmphex(isa_inb(MCR), ==, 0x00);
    g_assert_cmphex(isa_inb(LSR), ==, 0x60);
    g_assert_cmphex(isa_inb(MSR), ==, 0xb0);
    g_assert_cmphex(isa_inb(SCR), ==, 0x00);
    /* The divisor starts at 12: 9600 baud. */
    isa_outb(LCR, 0x80);
    g_assert_cmphex(isa_inb(DLL), ==, 0x0c);
    g_assert_cmphex(isa_inb(DLM), ==, 0x00);
    g_assert_cmpint(isa_test_level[COM1_IRQ], ==, 0);
    teardown();
}

static void test_divisor(void)
{
    setup("null,id=ser0");
    isa_outb(LCR, 0x83);                /* DLAB, 8 bits */
    isa_outb(DLL, 0x01);
    isa_outb(DLM, 0x02);
    g_assert_cmphex(isa_inb(DLL), ==, 0x01);
    g_assert_cmphex(isa_inb(DLM), ==, 0x02);
    isa_outb(LCR, 0x03);
    /* Without DLAB the same offsets are THR/RBR and IER. */
    isa_outb(IER, 0x05);
    g_assert_cmphex(isa_inb(IER), ==, 0x05);
    isa_outb(LCR, 0x83);
    g_assert_cmphex(isa_inb(DLM), ==, 0x02);
    isa_outb(LCR, 0x03);
    g_assert_cmphex(isa_inb(LCR), ==, 0x03);
    isa_outb(SCR, 0x5a);
    g_assert_cmphex(isa_inb(SCR), ==, 0x5a);
    teardown();
}

static void test_output(void)
{
    g_autofree char *out = NULL;

    setup("ringbuf,id=ser0");
    write_string("hello\n");
    g_assert_cmphex(isa_inb(LSR), ==, 0x60);
    out = qmp_ringbuf_read("ser0", 100, false, 0, &error_abort);
    g_assert_cmpstr(out, ==, "hello\n");
    teardown();
}

static void test_input(void)
{
    Chardev *chr = setup("null,id=ser0");

    isa_outb(IER, 0x01);                /* data-available interrupt */
    /* Without FIFOs the receiver holds one byte. */
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 1);
    qemu_chr_be_write(chr, (const uint8_t *)"a", 1);
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 0);
    g_assert_cmpint(isa_test_level[COM1_IRQ], ==, 1);
    g_assert_cmphex(isa_inb(IIR), ==, 0x04);
    g_assert_cmphex(isa_inb(LSR), ==, 0x61);
    g_assert_cmphex(isa_inb(RBR), ==, 'a');
    g_assert_cmpint(isa_test_level[COM1_IRQ], ==, 0);
    g_assert_cmphex(isa_inb(LSR), ==, 0x60);
    g_assert_cmphex(isa_inb(IIR), ==, 0x01);
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 1);
    g_assert_cmpuint(isa_test_raised[COM1_IRQ], ==, 1);
    teardown();
}

static void test_fifo_trigger(void)
{
    Chardev *chr = setup("null,id=ser0");
    int i;

    isa_outb(FCR, 0x47);                /* FIFOs on and cleared, trigger 4 */
    isa_outb(IER, 0x01);
    g_assert_cmphex(isa_inb(IIR), ==, 0xc1);
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 16);
    qemu_chr_be_write(chr, (const uint8_t *)"abc", 3);
    g_assert_cmphex(isa_inb(IIR), ==, 0xc1);
    g_assert_cmpint(isa_test_level[COM1_IRQ], ==, 0);
    qemu_chr_be_write(chr, (const uint8_t *)"d", 1);
    g_assert_cmphex(isa_inb(IIR), ==, 0xc4);
    g_assert_cmpint(isa_test_level[COM1_IRQ], ==, 1);
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 12);

    /* Below the trigger level the character timeout reports the rest. */
    g_assert_cmphex(isa_inb(RBR), ==, 'a');
    g_assert_cmphex(isa_inb(IIR), ==, 0xc1);
    g_assert_cmpint(isa_test_level[COM1_IRQ], ==, 0);
    g_assert_true(isa_test_wait_for(isa_test_level[COM1_IRQ]));
    g_assert_cmphex(isa_inb(IIR), ==, 0xcc);
    for (i = 0; i < 3; i++) {
        g_assert_cmphex(isa_inb(RBR), ==, "bcd"[i]);
    }
    g_assert_cmphex(isa_inb(IIR), ==, 0xc1);
    g_assert_cmphex(isa_inb(LSR), ==, 0x60);
    g_assert_cmpint(isa_test_level[COM1_IRQ], ==, 0);

    /* A full FIFO takes no more input. */
    for (i = 0; i < 16; i++) {
        qemu_chr_be_write(chr, (const uint8_t *)"x", 1);
    }
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 0);
    isa_outb(FCR, 0x03);                /* clear the receive FIFO */
    g_assert_cmphex(isa_inb(LSR), ==, 0x60);
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 16);
    teardown();
}

static void test_iir_priority(void)
{
    setup("null,id=ser0");
    isa_outb(IER, 0x0f);
    /* THRE is pending as soon as its interrupt is enabled. */
    g_assert_cmphex(isa_inb(IIR), ==, 0x02);
    g_assert_cmphex(isa_inb(IIR), ==, 0x01);
    /* Loopback drops CTS, DSR and DCD: a modem status change. */
    isa_outb(MCR, 0x10);
    g_assert_cmphex(isa_inb(IIR), ==, 0x00);
    /* Two bytes into a one-byte receiver: data and an overrun. */
    isa_outb(THR, 'x');
    isa_outb(THR, 'y');
    g_assert_cmpint(isa_test_level[COM1_IRQ], ==, 1);
    g_assert_cmphex(isa_inb(IIR), ==, 0x06);      /* line status */
    g_assert_cmphex(isa_inb(LSR), ==, 0x63);      /* DR, OE, THRE, TEMT */
    g_assert_cmphex(isa_inb(IIR), ==, 0x04);      /* data available */
    g_assert_cmphex(isa_inb(RBR), ==, 'y');
    g_assert_cmphex(isa_inb(IIR), ==, 0x02);      /* THRE, cleared by reading */
    g_assert_cmphex(isa_inb(IIR), ==, 0x00);      /* modem status */
    g_assert_cmphex(isa_inb(MSR), ==, 0x0b);      /* DCTS, DDSR, DDCD */
    g_assert_cmphex(isa_inb(IIR), ==, 0x01);
    g_assert_cmpint(isa_test_level[COM1_IRQ], ==, 0);
    teardown();
}

static void test_loopback(void)
{
    g_autofree char *out = NULL;
    Chardev *chr = setup("ringbuf,id=ser0");

    isa_outb(MCR, 0x1f);                /* loopback, DTR, RTS, OUT1, OUT2 */
    g_assert_cmphex(isa_inb(MSR), ==, 0xf0);
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 0);
    isa_outb(THR, 'Z');
    g_assert_cmphex(isa_inb(LSR), ==, 0x61);
    g_assert_cmphex(isa_inb(RBR), ==, 'Z');
    out = qmp_ringbuf_read("ser0", 100, false, 0, &error_abort);
    g_assert_cmpstr(out, ==, "");
    /* OUT1 (RI) falling is reported as TERI. */
    isa_outb(MCR, 0x1b);
    g_assert_cmphex(isa_inb(MSR), ==, 0xb4);
    isa_outb(MCR, 0x00);
    g_assert_cmphex(isa_inb(MSR), ==, 0xb0);
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 1);
    teardown();
}

/*
 * A chardev that takes nothing while "blocked", with a G_IO_OUT watch
 * that is always ready (the write end of a pipe): the frontend must keep
 * its bytes and retry.
 */
static bool slow_blocked;
static GString *slow_out;
static int slow_pipe[2];

static int slow_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    if (slow_blocked) {
        return 0;
    }
    g_string_append_len(slow_out, (const char *)buf, len);
    return len;
}

static GSource *slow_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    return g_unix_fd_source_new(slow_pipe[1], cond);
}

static bool slow_chr_open(Chardev *chr, ChardevBackend *backend,
                          bool *be_opened, Error **errp)
{
    return true;
}

static void slow_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = slow_chr_open;
    cc->chr_write = slow_chr_write;
    cc->chr_add_watch = slow_chr_add_watch;
}

static const TypeInfo slow_chr_info = {
    .name = "chardev-isa-test-slow",
    .parent = TYPE_CHARDEV,
    .class_init = slow_chr_class_init,
};

static void test_backpressure(void)
{
    ChardevBackend backend = { .type = CHARDEV_BACKEND_KIND_NULL };
    int i;

    g_assert_cmpint(pipe(slow_pipe), ==, 0);
    slow_out = g_string_new(NULL);
    qemu_chardev_new("ser0", "chardev-isa-test-slow", &backend,
                     &error_abort);
    isa_test_bus_new();
    isa_test_device_add("isa-serial,chardev=ser0");
    isa_outb(FCR, 0x01);
    isa_outb(IER, 0x02);
    g_assert_cmphex(isa_inb(IIR), ==, 0xc2);

    slow_blocked = true;
    write_string("0123456789abcdef");
    /* The 16 bytes wait in the FIFO: THRE and TEMT stay clear. */
    g_assert_cmphex(isa_inb(LSR), ==, 0x00);
    g_assert_cmphex(isa_inb(IIR), ==, 0xc1);
    for (i = 0; i < 10; i++) {
        g_main_context_iteration(NULL, false);
    }
    g_assert_cmphex(isa_inb(LSR), ==, 0x00);
    g_assert_cmpuint(slow_out->len, ==, 0);
    /* A guest ignoring THRE loses the byte it overruns with, no more. */
    isa_outb(THR, '!');

    slow_blocked = false;
    g_assert_true(isa_test_wait_for(isa_inb(LSR) == 0x60));
    g_assert_cmpstr(slow_out->str, ==, "0123456789abcdef");
    g_assert_cmphex(isa_inb(IIR), ==, 0xc2);
    g_assert_cmpint(isa_test_level[COM1_IRQ], ==, 0);

    teardown();
    g_string_free(slow_out, true);
    close(slow_pipe[0]);
    close(slow_pipe[1]);
}

/* The log's text since the last call (the file is truncated again). */
static char *log_take(const char *path)
{
    char *text = NULL;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_true(log_set_file(path, &error_abort));
    return text;
}

static void test_guest_errors(void)
{
    g_autofree char *dir = g_dir_make_tmp("kvmini-isa-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "log", NULL);
    g_autoptr(GString) expected = g_string_new(NULL);
    g_autofree char *text = NULL;
    int i;

    setup("null,id=ser0");
    log_set_mask(LOG_GUEST_ERROR);
    g_assert_true(log_set_file(path, &error_abort));
    /* Twelve writes to LSR, read-only: ten lines in a second. */
    for (i = 0; i < 12; i++) {
        isa_outb(LSR, i);
        if (i < 10) {
            g_string_append_printf(expected, "serial: write 0x%x to "
                                   "read-only register 5\n", i);
        }
    }
    text = log_take(path);
    g_assert_cmpstr(text, ==, expected->str);
    g_free(text);
    /* A second later the next line says how many were left out. */
    g_usleep(G_USEC_PER_SEC + 1000);
    isa_outb(MSR, 0x77);
    text = log_take(path);
    g_assert_cmpstr(text, ==, "2 similar messages suppressed\n"
                    "serial: write 0x77 to read-only register 6\n");
    log_close();
    log_set_mask(0);
    teardown();
    g_unlink(path);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    type_register_static(&slow_chr_info);
    g_test_add_func("/isa/serial/reset", test_reset);
    g_test_add_func("/isa/serial/divisor", test_divisor);
    g_test_add_func("/isa/serial/output", test_output);
    g_test_add_func("/isa/serial/input", test_input);
    g_test_add_func("/isa/serial/fifo-trigger", test_fifo_trigger);
    g_test_add_func("/isa/serial/iir-priority", test_iir_priority);
    g_test_add_func("/isa/serial/loopback", test_loopback);
    g_test_add_func("/isa/serial/backpressure", test_backpressure);
    g_test_add_func("/isa/serial/guest-errors", test_guest_errors);
    return g_test_run();
}
