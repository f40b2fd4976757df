/* sock_stream.h — a buffered byte stream over a non-blocking socket that
 * parks only its fiber (net's connections, proc's pipes), and the I/O errors
 * of docs/io.md; over include/gs.h alone. */
#ifndef GS_SOCK_STREAM_H
#define GS_SOCK_STREAM_H

#include "gs.h"

#define SOCK_READ_DEFAULT 65536
#define SOCK_LINE_MAX_BYTES ((size_t)1 << 20)

/* The first member of a connection's or a pipe's userdata. */
typedef struct {
  gs_vm *vm;                /* for gs_forget_fd in the finalizer */
  int fd;
  bool closed;
  double timeout;           /* seconds for each read and write; < 0: none */
  char *buf;                /* bytes read and not consumed: buf[pos..len) */
  size_t pos, len, cap;
  bool drained;             /* the last read came back short: wait before the next */
  char where[128];          /* the "where" of its messages: an address, "sort stdout" */
} SockStream;

/* Raise "OP WHERE: reason" of `kind` (NULL: from err; reason NULL: from
 * err's strerror), with e.errno = err. */
_Noreturn void io_raise(gs_vm *vm, const char *kind, int err, const char *op, const char *where, const char *reason);
/* A second fiber reading (or writing, or accepting) the same descriptor
 * raises busy, naming the operation and `where`. */
void sock_check_busy(gs_vm *vm, int fd, int ev, const char *op, const char *where);
_Noreturn void sock_timeout_error(gs_vm *vm, const char *op, const char *where, double secs);

/* Closed, with no descriptor, until sock_adopt. */
void sock_init(gs_vm *vm, SockStream *s);
void sock_adopt(SockStream *s, int fd);
/* The stream in slot `slot` of `tag` for method `op`: raises unless it is
 * one ("OP() must be called on a NOUN") and open. */
SockStream *sock_self(gs_vm *vm, int slot, const char *tag, const char *noun, const char *op);
/* Close the descriptor (idempotent); a fiber blocked on it raises closed. */
void sock_close(gs_vm *vm, SockStream *s);
/* The finalizer's part: the descriptor and the buffer. */
void sock_release(SockStream *s);

/* Read more into the buffer (at least `want` bytes of room); false at end of stream. */
bool sock_fill(gs_vm *vm, SockStream *s, const char *op, size_t want);
/* Everything up to end of stream, into slot dest. */
void sock_read_all(gs_vm *vm, SockStream *s, const char *op, int dest);
/* Write the string in slot `data`, waiting while the kernel's buffer is full. */
void sock_write(gs_vm *vm, SockStream *s, int data);

/* The methods' bodies (self already checked; argc counts self). */
void sock_read(gs_vm *vm, SockStream *s, int argc);
void sock_read_line(gs_vm *vm, SockStream *s, int argc);
void sock_read_exactly(gs_vm *vm, SockStream *s, int argc);
void sock_set_timeout(gs_vm *vm, SockStream *s, int argc);
/* The body of a lines() generator over the stream of `tag` in slot 0. */
void sock_lines_step(gs_vm *vm, const char *tag);
/* A generator over `fn` with the object in slot 0 bound, into the return
 * value; `lib` names the library in the error if there is no fiber builtin. */
void sock_return_generator(gs_vm *vm, const gs_reg *fn, const char *lib);

#endif
