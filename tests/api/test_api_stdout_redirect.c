/* test_api_stdout_redirect.c — a host that dup2()s a pipe over descriptor 1
 * after the VM has written to a file there: a fiber printing into the full
 * pipe parks while the others run, as it would had the pipe been there from
 * the start, and nothing is lost to EAGAIN on a non-blocking pipe; also when
 * stdio's buffer for stdout was made line-buffered (for a terminal) or
 * larger than PIPE_BUF (for a file). */
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>
#include "tap.h"

static int pipe_rd = -1;
/* how stdio buffers stdout: as for a pipe or most files, as for a terminal,
 * as for a file system with large blocks (larger than the pipe holds) */
static const struct { int mode; size_t size; const char *name; } buffering[] = {
  {_IOFBF, 4096, "a 4 096-byte buffer"}, {_IOLBF, 1024, "line-buffered"}, {_IOFBF, 262144, "a buffer larger than the pipe"},
};
static int buffered;

/* drain() -> how many bytes the pipe held */
static void n_drain(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_int(vm, drain_fd(pipe_rd));
}

/* main drains the pipe only between its sleeps: a writer that blocked the
 * process would never let it, one that met EAGAIN would fail */
static const char script[] =
    "let writer = spawn { for i in 0..3000 { print(\"x\".repeat(99)) } }   # 300 000 bytes: several pipefuls\n"
    "let got = 0\n"
    "while writer.status() != \"done\" { sleep(0.002); got += drain() }\n"
    "writer.join()\n"
    "io.stdout.flush()\n"
    "got += drain()\n";

static int print_after_redirect(void) {
  static char stdio_buf[262144];   /* glibc keeps the buffer it has when given none */
  setvbuf(stdout, stdio_buf, buffering[buffered].mode, buffering[buffered].size);
  FILE *file = tmpfile();
  if (!file || dup2(fileno(file), 1) < 0) return 2;
  gs_vm *vm = gs_new(NULL);
  if (!vm) return 2;
  gs_register(vm, "drain", n_drain, 0);
  const char *first = "spawn { sleep(0.001) }\nprint(\"to a file\")\n";   /* with a fiber alive to park for */
  if (gs_run_string(vm, "first.gs", first, strlen(first)) != GS_OK || gs_run_fibers(vm) != GS_OK) return 2;
  gs_flush(vm, false);
  int fds[2];
  if (pipe2(fds, O_NONBLOCK) != 0 || dup2(fds[1], 1) < 0) return 2;
  close(fds[1]);
  pipe_rd = fds[0];
  if (gs_run_string(vm, "redirect.gs", script, strlen(script)) != GS_OK) return 3;
  gs_ensure_slots(vm, 1);
  gs_get_global(vm, "got", 0);
  if (gs_get_int(vm, 0) != 300000 || gs_output_error(vm) != 0) return 4;
  gs_free(vm);
  return 0;
}

int main(void) {
  for (buffered = 0; buffered < 3; buffered++) {
    int r = in_child(print_after_redirect);
    CHECK(r == 0, "after a dup2() of a non-blocking pipe over descriptor 1 (stdout %s), a print parks instead of failing (child: %d%s)",
          buffering[buffered].name, r, r == 3 ? ", the script failed" : r == 4 ? ", bytes were lost" : "");
  }
  return tap_done();
}
