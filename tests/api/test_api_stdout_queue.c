/* test_api_stdout_queue.c — a print into a full standard output pipe that a
 * host native is already waiting on (gs_wait_fd, GS_WRITABLE) queues behind
 * that wait instead of failing with "busy", and writes its line whole once
 * the host's wait has ended. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <unistd.h>
#include "tap.h"

static int pipe_rd = -1;

static void n_wait_stdout(gs_vm *vm, int argc) {
  (void)argc;
  gs_wait_fd(vm, 1, GS_WRITABLE, -1);
}

/* drain() -> how many bytes the pipe held */
static void n_drain(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_int(vm, drain_fd(pipe_rd));
}

static const char script[] =
    "let waiter = spawn wait_stdout()   # the host waits for room in standard output\n"
    "sleep(0.01)\n"
    "let printer = spawn { print(\"q\".repeat(4095)) }   # a write now: it finds the pipe full and taken\n"
    "sleep(0.01)\n"
    "drain()\n"
    "waiter.join()\n"
    "printer.join()\n";

/* In a child: its standard output becomes a pipe nobody reads, filled up.
 * Exit 0: the script ran and the pipe then held exactly the printed line. */
static int print_behind_host_wait(void) {
  int fds[2];
  if (pipe(fds) != 0 || dup2(fds[1], 1) < 0) return 2;
  close(fds[1]);
  pipe_rd = fds[0];
  fcntl(pipe_rd, F_SETFL, fcntl(pipe_rd, F_GETFL) | O_NONBLOCK);
  static char page[PIPE_BUF];
  memset(page, '.', sizeof page);
  struct pollfd p = {1, POLLOUT, 0};
  while (poll(&p, 1, 0) == 1)   /* a pipe that polls writable takes PIPE_BUF bytes without blocking */
    if (write(1, page, sizeof page) != (ssize_t)sizeof page) return 2;
  gs_vm *vm = gs_new(NULL);
  if (!vm) return 2;
  gs_register(vm, "wait_stdout", n_wait_stdout, 0);
  gs_register(vm, "drain", n_drain, 0);
  if (gs_run_string(vm, "queue.gs", script, strlen(script)) != GS_OK) return 3;
  gs_free(vm);
  fflush(stdout);
  static char got[2 * PIPE_BUF];
  ssize_t n = read(pipe_rd, got, sizeof got);
  if (n != PIPE_BUF || got[PIPE_BUF - 1] != '\n') return 4;
  for (int i = 0; i < PIPE_BUF - 1; i++)
    if (got[i] != 'q') return 4;
  return 0;
}

int main(void) {
  int r = in_child(print_behind_host_wait);
  CHECK(r == 0, "a print waits behind a host's wait for standard output and then writes its line (child: %d%s)", r,
        r == 3 ? ", the script failed" : r == 4 ? ", the line did not arrive whole" : "");
  return tap_done();
}
