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

/* Asked at each write rather than once: a host may dup2() another file over
 * descriptor 1 between runs or in a native. It costs an fstat per write to
 * the kernel (at most one per PIPE_BUF bytes), none where no other fiber
 * could run. */
static bool stdout_pollable(void) {
  struct stat st;
  int fd = fileno(stdout);
  return fd >= 0 && fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

static bool stdout_writable(void) {
  struct pollfd p = {fileno(stdout), POLLOUT, 0};
  return poll(&p, 1, 0) != 0;   /* an error too: the write will say what it is */
}

/* The fiber that waits holds the descriptor's writer slot in the loop; the
 * others queue until that wait ends, however it ends and whoever waited
 * (loop.c wakes the queue then). stdio writes at most its buffer at once,
 * and a line-buffered stream at each newline: a buffer made for what
 * descriptor 1 was before (a terminal's line buffer, a file's larger
 * block) first writes what it holds when that and the piece would pass
 * PIPE_BUF. */
void stdout_make_room(VM *vm, size_t n) {
  if (stream_alone(vm) || !vm->fiber->errjmp) return;
  size_t size = __fbufsize(stdout);
  size_t pending = __fpending(stdout);
  bool by_line = __flbf(stdout);
  size_t most = by_line ? 0 : size && size < PIPE_BUF ? size : PIPE_BUF;
  if (n ? pending + n < most : pending == 0) return;   /* no write now, or none past PIPE_BUF */
  if (!stdout_pollable()) return;
  int fd = fileno(stdout);
  for (;;) {
    while (!stdout_writable()) {
      if (loop_fd_busy(vm, fd, LOOP_WRITABLE)) fiber_wait(vm, &vm->out_queue);
      else loop_wait_fd(vm, fd, LOOP_WRITABLE, -1);
    }
    pending = __fpending(stdout);
    if (pending + n <= PIPE_BUF || (!by_line && size <= PIPE_BUF)) return;
    vm_flush(vm);
    if (__fpending(stdout)) return;   /* the flush failed: it is noted, and the write will fail too */
  }
}

bool stdout_flush_would_block(VM *vm) {
  return __fpending(stdout) && stdout_pollable() && !stdout_writable();
}
