/* stream.h — reading stdio streams (standard input, files) while only the
 * reading fiber waits, and the error kinds of OS errors. */
#ifndef GS_STREAM_H
#define GS_STREAM_H

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include "vm.h"

/* The kind of an I/O error for an errno value: "not_found", "permission",
 * ... ("io" for the rest; docs/io.md, Errors). */
const char *stream_errno_kind(int err);
/* Raise "cannot OP 'NAME': OS reason" with the errno's kind and e.errno. */
_Noreturn void stream_throw_os(VM *vm, const char *op, const char *name, int err);

/* How many bytes fp's buffer holds for reading now (*bytes points at
 * them); 0 when fp is not reading. */
size_t stream_buffered(FILE *fp, const char **bytes);
/* Drop n bytes of fp's buffer (n <= stream_buffered). */
void stream_consume(FILE *fp, size_t n);
/* Fill fp's buffer with one read if it is empty, parking only the running
 * fiber: a pipe, terminal or socket waits in the loop until readable, other
 * files read on the worker pool (right here when no other fiber exists).
 * Returns the bytes buffered, 0 at end of file. Raises "cannot read 'NAME':
 * reason" on an error, kind "busy" when another fiber is filling fp, and a
 * pending cancel or timeout (a wait point). */
size_t stream_fill(VM *vm, FILE *fp, const char *name, const char **bytes);
/* Before the default writer hands `n` bytes (at most PIPE_BUF) to stdout's
 * buffer: when that would reach the kernel and standard output is a pipe or
 * socket that cannot take them now, park the running fiber until it can, so
 * a slow reader holds up only the fibers that write (stdout_room.c); n = 0:
 * before flushing what stdio's buffer holds. Does
 * nothing when no other fiber is alive or raising is not allowed here.
 * A wait point: raises a pending cancel or timeout. */
void stdout_make_room(VM *vm, size_t n);

/* The text of one write is in stdio's buffer: the turn to write, if this
 * fiber holds it, goes to the writer that has waited longest. */
void stdout_end_write(VM *vm);

/* The n bytes go into stdout's buffer with no write to the kernel, and the
 * buffer stays under PIPE_BUF: stdout_make_room would have nothing to do.
 * Two of glibc's FILE fields, inline, since print asks it every time; a
 * line-buffered or unbuffered stream keeps _IO_write_end at or below
 * _IO_write_ptr, so it never fits. */
static inline bool stdout_fits(size_t n) {
  FILE *f = stdout;
  return f->_IO_write_end - f->_IO_write_ptr > (ptrdiff_t)n && f->_IO_write_ptr - f->_IO_write_base + (ptrdiff_t)n < PIPE_BUF;
}

/* Flushing stdio's buffer now would block: standard output is a pipe or
 * socket that cannot take it (the scheduler then waits without flushing). */
bool stdout_flush_would_block(VM *vm);

/* No spawned fiber is alive: a short blocking call delays nobody. */
bool stream_alone(VM *vm);

#endif
