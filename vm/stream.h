/* stream.h — reading stdio streams (standard input, files) while only the
 * reading fiber waits, and the error kinds of OS errors. */
#ifndef GS_STREAM_H
#define GS_STREAM_H

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
/* No spawned fiber is alive: a short blocking call delays nobody. */
bool stream_alone(VM *vm);

#endif
