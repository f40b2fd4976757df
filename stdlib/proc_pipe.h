/* proc_pipe.h — the streams of a child process's pipes: a sock_stream
 * (buffered, parking only its fiber) with read_all; over include/gs.h alone. */
#ifndef GS_PROC_PIPE_H
#define GS_PROC_PIPE_H

#include "gs.h"
#include "sock_stream.h"

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

#endif
