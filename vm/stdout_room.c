/* stdout_room.c — writes to standard output park only the writing fiber
 * when it is a pipe or socket whose reader is slow.
 *
 * Standard output stays a blocking descriptor (its open file description is
 * shared with the shell or the rest of the pipeline). A blocking write of at
 * most PIPE_BUF bytes to a pipe the poller calls writable cannot block, so
 * the writer feeds stdio's buffer in pieces of at most PIPE_BUF bytes and,
 * before a piece that makes stdio flush, waits in the loop until the
 * descriptor is writable. Writers take turns in the order they wrote, so
 * lines of concurrent prints stay whole and keep their order. Terminals and
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

/* Writers take turns, oldest first, so lines reach the pipe in the order
 * their prints were called: a writer that has to wait for room takes the
 * turn (vm->out_turn) and keeps it until its text is in stdio's buffer
 * (stdout_end_write); every print called meanwhile, however short, lines
 * up behind it (vm->out_line) instead of slipping into the buffer. The
 * turn goes to the writer that has waited longest; a writer whose wait
 * raises (a cancel, a timeout) passes it on before the error goes up. */
static void pass_turn(VM *vm) { vm->out_turn = fiber_wake_oldest(vm, &vm->out_line); }

static void wait_protected(VM *vm, void (*body)(VM *, void *), void *ud) {
  Value err;
  if (vm_protect(vm, body, ud, &err)) return;
  if (vm->out_turn == vm->fiber) pass_turn(vm);
  vm_throw_value(vm, err);
}

static void wait_for_turn(VM *vm, void *ud) {
  (void)ud;
  while (vm->out_turn && vm->out_turn != vm->fiber) fiber_wait(vm, &vm->out_line, WAIT_OUTPUT);
  vm->out_turn = vm->fiber;
}

typedef struct {
  size_t n, size;
  bool by_line;
} Piece;

/* The turn holder waits on the descriptor; if a host native's wait holds
 * the loop's writer slot, it waits for that wait to end (loop.c wakes
 * out_queue then). stdio writes at most its buffer at once, and a
 * line-buffered stream at each newline: a buffer made for what descriptor
 * 1 was before (a terminal's line buffer, a file's larger block) first
 * writes what it holds when that and the piece would pass PIPE_BUF. */
static void wait_for_room(VM *vm, void *ud) {
  Piece *p = ud;
  int fd = fileno(stdout);
  for (;;) {
    while (!stdout_writable()) {
      if (loop_fd_busy(vm, fd, LOOP_WRITABLE)) fiber_wait(vm, &vm->out_queue, WAIT_OUTPUT);
      else loop_wait_fd(vm, fd, LOOP_WRITABLE, -1);
    }
    size_t pending = __fpending(stdout);
    if (pending + p->n <= PIPE_BUF || (!p->by_line && p->size <= PIPE_BUF)) return;
    vm_flush(vm);
    if (__fpending(stdout)) return;   /* the flush failed: it is noted, and the write will fail too */
  }
}

void stdout_make_room(VM *vm, size_t n) {
  if (stream_alone(vm) || !vm->fiber->errjmp) {
    vm->out_turn = NULL;   /* alone: nobody else can hold it */
    return;
  }
  if (vm->out_turn && vm->out_turn != vm->fiber) wait_protected(vm, wait_for_turn, NULL);
  Piece p = { n, __fbufsize(stdout), __flbf(stdout) };
  size_t pending = __fpending(stdout);
  size_t most = p.by_line ? 0 : p.size && p.size < PIPE_BUF ? p.size : PIPE_BUF;
  if (n ? pending + n < most : pending == 0) return;   /* no write now, or none past PIPE_BUF */
  if (!stdout_pollable()) return;
  if (stdout_writable() && (pending + n <= PIPE_BUF || (!p.by_line && p.size <= PIPE_BUF))) return;
  vm->out_turn = vm->fiber;
  wait_protected(vm, wait_for_room, &p);
}

void stdout_end_write(VM *vm) {
  if (vm->out_turn == vm->fiber) pass_turn(vm);
}

bool stdout_flush_would_block(VM *vm) {
  return __fpending(stdout) && stdout_pollable() && !stdout_writable();
}
