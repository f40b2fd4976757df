/* test_api_stream.c — natives that read a stdio stream while only their
 * fiber waits, keyed pool work, and the helpers around them.
 * Covers: gs_fill_stream gs_alone gs_fd_busy gs_run_blocking_on gs_errno_kind. */
#define _GNU_SOURCE
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include "tap.h"

static FILE *in;   /* the read end of a pipe, as a stdio stream */
static int wr = -1;

/* stream_line() -> the next line of `in` (without "\n"), or nil at its end */
static void n_stream_line(gs_vm *vm, int argc) {
  (void)argc;
  char line[256];
  size_t len = 0;
  for (;;) {
    const char *bytes;
    size_t n = gs_fill_stream(vm, in, "pipe", &bytes);
    if (n == 0) break;
    const char *nl = memchr(bytes, '\n', n);
    size_t take = nl ? (size_t)(nl - bytes) + 1 : n;
    if (len + take > sizeof line) gs_error(vm, "line too long");
    if (fread(line + len, 1, take, in) != take) gs_error(vm, "fread took a system call");
    len += take;
    if (nl) {
      gs_return_string(vm, line, len - 1);
      return;
    }
  }
  if (len) gs_return_string(vm, line, len);
}

static void n_stream_write(gs_vm *vm, int argc) {
  (void)argc;
  size_t len;
  const char *s = gs_get_string(vm, 0, &len);
  if (write(wr, s, len) != (ssize_t)len) gs_error(vm, "write failed");
}

static void n_alone(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_bool(vm, gs_alone(vm));
}

static void n_stream_busy(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_bool(vm, gs_fd_busy(vm, fileno(in), GS_READABLE));
}

static void sleep_work(void *arg) {
  struct timespec ts = {0, *(int *)arg * 1000000L};
  nanosleep(&ts, NULL);
}
static int key;
/* keyed(ms): sleep on the pool, one job at a time */
static void n_keyed(gs_vm *vm, int argc) {
  (void)argc;
  int ms = (int)gs_get_int(vm, 0);
  gs_run_blocking_on(vm, &key, sleep_work, &ms);
}

static const char *get_str(gs_vm *vm, const char *name) {
  gs_ensure_slots(vm, 1);
  gs_get_global(vm, name, 0);
  return gs_get_type(vm, 0) == GS_STRING ? gs_get_string(vm, 0, NULL) : "(not a string)";
}

static gs_status run_all(gs_vm *vm, const char *src) {
  gs_status st = run(vm, src);
  if (st == GS_OK) st = gs_run_fibers(vm);
  if (st != GS_OK) tap_diag("status %d: %s", (int)st, gs_error_message(vm));
  return st;
}

int main(void) {
  int fds[2];
  if (pipe(fds) != 0) return 1;
  in = fdopen(fds[0], "r");
  wr = fds[1];
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  gs_register(vm, "stream_line", n_stream_line, 0);
  gs_register(vm, "stream_write", n_stream_write, 1);
  gs_register(vm, "alone", n_alone, 0);
  gs_register(vm, "stream_busy", n_stream_busy, 0);
  gs_register(vm, "keyed", n_keyed, 1);

  CHECK(run_all(vm, "let got = nil\nlet ticks = 0\nlet r = spawn { got = stream_line() }\n"
                    "spawn { for i in 0..5 { sleep(0.005); ticks += 1 }\n stream_write(\"one \"); sleep(0.01); stream_write(\"line\\nrest\\n\") }\n") == GS_OK,
        "a fiber filling a stream parks while the others run");
  CHECK(strcmp(get_str(vm, "got"), "one line") == 0, "the line comes whole across two writes (%s)", get_str(vm, "got"));
  CHECK(run_all(vm, "let got2 = stream_line()\n") == GS_OK && strcmp(get_str(vm, "got2"), "rest") == 0,
        "what stayed in the buffer is read without waiting");

  CHECK(run_all(vm, "let b = nil\nlet st = nil\nlet r2 = spawn stream_line()\n"
                    "spawn { st = str(stream_busy())\n try { stream_line() } catch e { b = e.kind + \": \" + e.message }\n stream_write(\"x\\n\") }\n") == GS_OK,
        "two fibers filling one stream");
  CHECK(strcmp(get_str(vm, "st"), "true") == 0, "gs_fd_busy sees the parked reader");
  CHECK(strcmp(get_str(vm, "b"), "busy: cannot read 'pipe': another fiber is reading it") == 0, "the second raises busy (%s)",
        get_str(vm, "b"));

  CHECK(run_all(vm, "let a1 = str(alone())\nlet a2 = nil\nlet s = spawn sleep(0.01)\na2 = str(alone())\n") == GS_OK &&
            strcmp(get_str(vm, "a1"), "true") == 0 && strcmp(get_str(vm, "a2"), "false") == 0,
        "gs_alone: true with no other fiber, false while one sleeps");

  CHECK(run_all(vm, "let kb = nil\nspawn keyed(30)\nspawn { sleep(0.005)\n try { keyed(1) } catch e { kb = e.kind } }\n") == GS_OK &&
            strcmp(get_str(vm, "kb"), "busy") == 0,
        "gs_run_blocking_on: a second job with the same key raises busy");
  CHECK(run_all(vm, "keyed(1)\n") == GS_OK, "the key is free once the job is done");

  CHECK(strcmp(gs_errno_kind(ENOENT), "not_found") == 0 && strcmp(gs_errno_kind(EACCES), "permission") == 0 &&
            strcmp(gs_errno_kind(EEXIST), "exists") == 0 && strcmp(gs_errno_kind(EIO), "io") == 0,
        "gs_errno_kind maps errno values to the kinds of docs/io.md");

  close(wr);
  CHECK(run_all(vm, "let end = stream_line()\n") == GS_OK, "end of the stream");
  gs_ensure_slots(vm, 1);
  gs_get_global(vm, "end", 0);
  CHECK(gs_get_type(vm, 0) == GS_NIL, "gs_fill_stream returns 0 at the end");
  gs_free(vm);
  fclose(in);
  return tap_done();
}
