/* stdout_room.c — writes to standard output park only the writing fiber
 * when it is a pipe or socket whose reader is slow.
 *
 * Standard output stays a blocking descriptor (its open file description is
 * shared with the shell or the rest of the pipeline). A blocking write of at
 * most PIPE_BUF bytes to a pipe the poller calls writable cannot block, so
 * the writer feeds stdio's buffer in pieces of at most PIPE_BUF bytes and,
 * before a piece that makes stdio flush, waits in the loop until the
 * descriptor is writable. One fiber waits on the descriptor; other writers
 * queue behind it, so lines of concurrent prints stay whole. Terminals and
 * regular files do not hold a writer up long and are written as before. */
#define _GNU_SOURCE
#include <limits.h>
#include <poll.h>
#include <stdio_ext.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fiber.h"
#include "loop.h"
#include "stream.h"

static bool stdout_pollable(VM *vm) {
  if (!vm->out_pollable) {
    struct stat st;
    int fd = fileno(stdout);
    bool p = fd >= 0 && fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
    vm->out_pollable = p ? 1 : -1;
  }
  return vm->out_pollable > 0;
}

static bool stdout_writable(void) {
  struct pollfd p = {fileno(stdout), POLLOUT, 0};
  return poll(&p, 1, 0) != 0;   /* an error too: the write will say what it is */
}

/* The fiber that waits holds the descriptor's writer slot in the loop; the
 * others queue until that wait ends, however it ends and whoever waited
 * (loop.c wakes the queue then). */
void stdout_make_room(VM *vm, size_t n) {
  if (!stdout_pollable(vm) || stream_alone(vm) || !vm->fiber->errjmp) return;
  size_t size = __fbufsize(stdout);
  size_t pending = __fpending(stdout);
  if (n ? pending + n < (size ? size : PIPE_BUF) : pending == 0) return;   /* no write now */
  int fd = fileno(stdout);
  while (!stdout_writable()) {
    if (loop_fd_busy(vm, fd, LOOP_WRITABLE)) fiber_wait(vm, &vm->out_queue);
    else loop_wait_fd(vm, fd, LOOP_WRITABLE, -1);
  }
}

bool stdout_flush_would_block(VM *vm) {
  return stdout_pollable(vm) && __fpending(stdout) && !stdout_writable();
}
