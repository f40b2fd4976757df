/* proc_pipe.h — a buffered byte stream over a non-blocking descriptor (a child
 * process's pipe), parking only its fiber, and the I/O errors of docs/io.md;
 * over include/gs.h alone. */
#ifndef GS_PROC_PIPE_H
#define GS_PROC_PIPE_H

#include "gs.h"

#define STREAM_TAG "proc.stream"

/* A new stream object into `slot`, closed until pipe_adopt gives it a
 * descriptor; `name` ("sort stdout") is the "where" of its messages. */
void pipe_new(gs_vm *vm, int slot, const char *name);
/* The stream in `slot` owns fd (non-blocking, close-on-exec) from now on. */
void pipe_adopt(gs_vm *vm, int slot, int fd);
/* Everything the stream in `slot` gives until end of stream, into `dest`. */
void pipe_read_all(gs_vm *vm, int slot, int dest);
/* Write the string in `data` to the stream in `slot`, then close it. */
void pipe_write_close(gs_vm *vm, int slot, int data);
/* Close the stream in `slot` (idempotent). */
void pipe_close(gs_vm *vm, int slot);
void lib_pipe_open(gs_vm *vm);

/* The error kind of an OS error number ("not_found", "reset", ...). */
const char *io_error_kind(int err);
/* Raise "OP WHERE: reason" of `kind` (NULL: from err; reason NULL: from
 * err's strerror), with e.errno = err. */
_Noreturn void io_raise(gs_vm *vm, const char *kind, int err, const char *op, const char *where, const char *reason);

#endif
