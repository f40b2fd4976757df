/* What a library written over gs.h alone needs (stdlib/ is one): output
 * beside print, functions with bound per-VM state, a collection on demand
 * and delivering an interrupt that broke a wait. */
#include <stdio_ext.h>
#include <unistd.h>
#include "tap.h"

static void out(gs_vm *vm, int argc) {
  (void)argc;
  size_t len;
  const char *s = gs_get_string(vm, 0, &len);
  gs_write(vm, s, len);
}

static void err(gs_vm *vm, int argc) {
  (void)argc;
  size_t len;
  const char *s = gs_get_string(vm, 0, &len);
  gs_write_error(vm, s, len);
}

typedef struct { int64_t n; } Counter;

/* bound: slot 0 is the counter, the script's arguments follow */
static void counter_next(gs_vm *vm, int argc) {
  Counter *c = gs_get_userdata(vm, 0, "counter");
  int64_t step = argc > 1 ? gs_get_int(vm, 1) : 1;
  c->n += step;
  gs_return_int(vm, c->n * 100 + argc);
}

static int finalized;
static void count_finalize(void *data) { (void)data; finalized++; }

static void interrupt_and_check(gs_vm *vm, int argc) {
  (void)argc;
  gs_check_interrupt(vm);          /* none pending: returns */
  gs_interrupt(vm);
  gs_check_interrupt(vm);          /* delivers it: does not return */
  gs_return_cstring(vm, "not reached");
}

static void flush_checked(gs_vm *vm, int argc) { (void)argc; gs_flush(vm, gs_get_bool(vm, 0)); }

static void test_output(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  gs_register(vm, "out", out, 1);
  gs_register(vm, "err", err, 1);
  CHECK(run(vm, "print(\"a\")\nout(\"b\")\nprint(\"c\")\nerr(\"e\\n\")") == GS_OK, "gs_write and gs_write_error from natives");
  CHECK(strcmp(cap.out, "a\nbc\n") == 0, "gs_write goes where print writes, in order: [%s]", cap.out);
  CHECK(strcmp(cap.err, "e\n") == 0, "gs_write_error goes to write_error: [%s]", cap.err);
  gs_write(vm, "host\n", 5);
  gs_write_error(vm, "host err\n", 9);
  gs_flush(vm, true);
  CHECK(strcmp(cap.out, "a\nbc\nhost\n") == 0 && strstr(cap.err, "host err\n"), "from host code too");
  gs_free(vm);
}

/* gs_flush(vm, true) stops the script once standard output failed; with
 * false it only flushes. */
static void test_flush_failure(void) {
  int full = open("/dev/full", O_WRONLY);
  if (full < 0) { tap_diag("no /dev/full: flush failure not checked"); return; }
  fflush(stdout);
  int saved = dup(1);
  dup2(full, 1);
  close(full);
  gs_vm *vm = gs_new(NULL);
  gs_register(vm, "flush", flush_checked, 1);
  gs_register(vm, "out", out, 1);
  const char *src = "let after = 0\n"
                    "out(\"x\")\n"
                    "flush(false)\n"
                    "after = 1\n"
                    "try { flush(true) } catch e { after = 2 }\n"
                    "after = 3\n";
  gs_status st = gs_run_string(vm, "flush.gs", src, strlen(src));
  char message[200];
  snprintf(message, sizeof message, "%s", gs_error_message(vm));
  gs_ensure_slots(vm, 1);
  int64_t after = gs_get_global(vm, "after", 0) ? gs_get_int(vm, 0) : -1;
  gs_free(vm);
  __fpurge(stdout);
  clearerr(stdout);
  dup2(saved, 1);
  close(saved);
  CHECK(st == GS_RUNTIME_ERROR && after == 1, "flush(false) goes on, flush(true) stops the script, try or not (after=%lld)", (long long)after);
  CHECK(strstr(message, "flush.gs:5: write error on standard output: No space left on device") != NULL, "message: %s", message);
}

static void test_bound_function(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  gs_ensure_slots(vm, 2);
  Counter *c = gs_new_userdata(vm, 0, "counter", sizeof(Counter), NULL);
  c->n = 0;
  gs_new_function(vm, 1, &(gs_reg){"next", counter_next, 1, "counter.next(step)\nAdd step; the new count."}, 0);
  gs_module_set(vm, "counter", "next", 1);
  gs_new_function(vm, 1, &(gs_reg){"plain", counter_next, -1, NULL}, -1);
  gs_set_global(vm, "plain", 1);
  CHECK(gs_get_type(vm, 1) == GS_FUNCTION, "gs_new_function makes a function value");
  gs_set_nil(vm, 0);
  gs_set_nil(vm, 1);
  CHECK(run(vm, "print(counter.next(2))\nprint(counter.next(5))") == GS_OK, "a bound native runs");
  CHECK(strcmp(cap.out, "202\n702\n") == 0, "slot 0 is the bound value, argc counts it: [%s]", cap.out);
  gs_status st = gs_run_string(vm, "t", "counter.next()", 14);
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "next() expects 1 argument, got 0"),
        "arity does not count the receiver: %s", gs_error_message(vm));
  cap_reset(&cap);
  CHECK(run(vm, "help(counter.next)") == GS_OK && strstr(cap.out, "Add step; the new count."), "its doc is what help shows: %s", cap.out);
  gs_set_nil(vm, 0);
  gs_new_function(vm, 1, &(gs_reg){"bad", counter_next, 0, NULL}, 0);
  CHECK(strstr(gs_error_message(vm), "cannot bind nil to 'bad'") != NULL, "binding nil is an error: %s", gs_error_message(vm));
  gs_free(vm);
}

static void test_collect(void) {
  gs_vm *vm = gs_new(NULL);
  gs_ensure_slots(vm, 1);
  finalized = 0;
  for (int i = 0; i < 3; i++) gs_new_userdata(vm, 0, "dropped", 8, count_finalize);
  gs_set_nil(vm, 0);
  gs_collect(vm);
  CHECK(finalized == 3, "gs_collect finalizes unreachable userdata (%d of 3)", finalized);
  gs_free(vm);
}

static void test_check_interrupt(void) {
  gs_vm *vm = gs_new(NULL);
  gs_register(vm, "wait", interrupt_and_check, 0);
  const char *src = "let caught = false\ntry { wait() } catch e { caught = true }\n";
  gs_status st = gs_run_string(vm, "int.gs", src, strlen(src));
  CHECK(st == GS_RUNTIME_ERROR && strcmp(gs_error_message(vm), "int.gs:2: interrupted") == 0,
        "gs_check_interrupt delivers a pending interrupt: %s", gs_error_message(vm));
  gs_ensure_slots(vm, 1);
  CHECK(gs_get_global(vm, "caught", 0) && !gs_get_bool(vm, 0), "no try catches it");
  gs_interrupt(vm);
  gs_check_interrupt(vm);
  CHECK(gs_clear_interrupt(vm), "from host code it leaves the request pending");
  gs_free(vm);
}

int main(void) {
  test_output();
  test_flush_failure();
  test_bound_function();
  test_collect();
  test_check_interrupt();
  return tap_done();
}
