/* proc_pipe.c — the streams of a child process's pipes (p.stdin, p.stdout,
 * p.stderr): a buffered byte stream over a non-blocking socket that parks
 * only its fiber, with the connection's read/write/close methods plus
 * read_all; and the I/O errors of docs/io.md. Over include/gs.h alone.
 *
 * Every call is tried first and the fiber waits (gs_wait_fd) only on
 * EAGAIN. Pipes to children are socket pairs, as libuv makes them, so a
 * write uses MSG_NOSIGNAL: a child that has gone raises `reset`, never
 * SIGPIPE. The read buffer exists only while it holds unread bytes. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "libs.h"
#include "proc_pipe.h"

#define READ_DEFAULT 65536
#define LINE_MAX_BYTES ((size_t)1 << 20)

typedef struct {
  gs_vm *vm;                /* for gs_forget_fd in the finalizer */
  int fd;
  bool closed;
  double timeout;           /* seconds for each read and write; < 0: none */
  char *buf;                /* bytes read and not consumed: buf[pos..len) */
  size_t pos, len, cap;
  char name[96];
} Stream;

/* ---- errors ------------------------------------------------------------------ */

const char *io_error_kind(int err) {
  switch (err) {
    case ECONNREFUSED: return "refused";
    case ECONNRESET: case EPIPE: case ECONNABORTED: return "reset";
    case ENETUNREACH: case EHOSTUNREACH: case ENETDOWN: return "unreachable";
    case EADDRINUSE: return "address_in_use";
    case EADDRNOTAVAIL: case EAFNOSUPPORT: return "address_invalid";
    case ENOENT: return "not_found";
    case EEXIST: return "exists";
    case EACCES: case EPERM: return "permission";
    case EISDIR: return "is_directory";
    case ENOTDIR: return "not_directory";
    case EMFILE: case ENFILE: return "too_many_files";
    case ETIMEDOUT: return "timeout";
    default: return "io";
  }
}

_Noreturn void io_raise(gs_vm *vm, const char *kind, int err, const char *op, const char *where, const char *reason) {
  int slot = gs_slot_count(vm);
  gs_ensure_slots(vm, slot + 1);
  char why[128];
  if (!reason) {
    snprintf(why, sizeof why, "%s", strerror(err));
    why[0] = (char)tolower((unsigned char)why[0]);
    reason = why;
  }
  gs_new_error(vm, slot, kind ? kind : io_error_kind(err), err, "%s %s: %s", op, where, reason);
  gs_raise(vm, slot);
}

static _Noreturn void closed_error(gs_vm *vm, const char *op, Stream *s) {
  io_raise(vm, "closed", 0, op, s->name, "closed");
}

/* ---- the stream ---------------------------------------------------------------- */

static void forget_and_close(gs_vm *vm, Stream *s) {
  if (s->closed) return;
  s->closed = true;
  gs_forget_fd(vm, s->fd);   /* a fiber blocked on it raises closed */
  close(s->fd);
}

static void stream_finalize(void *data) {
  Stream *s = data;
  forget_and_close(s->vm, s);
  free(s->buf);
}

void pipe_new(gs_vm *vm, int slot, const char *name) {
  Stream *s = gs_new_userdata(vm, slot, STREAM_TAG, sizeof(Stream), stream_finalize);
  s->vm = vm;
  s->fd = -1;
  s->closed = true;
  s->timeout = -1;
  snprintf(s->name, sizeof s->name, "%s", name);
}

void pipe_adopt(gs_vm *vm, int slot, int fd) {
  Stream *s = gs_get_userdata(vm, slot, STREAM_TAG);
  s->fd = fd;
  s->closed = false;
}

static Stream *stream_at(gs_vm *vm, int slot, const char *op) {
  Stream *s = gs_get_userdata(vm, slot, STREAM_TAG);
  if (!s) gs_error(vm, "%s() must be called on a stream", op);
  if (s->closed) closed_error(vm, op, s);
  return s;
}

/* Wait for the descriptor: raises closed / timeout. */
static void stream_wait(gs_vm *vm, Stream *s, int ev, const char *op) {
  if (gs_fd_busy(vm, s->fd, ev))
    io_raise(vm, "busy", 0, op, s->name, ev & GS_READABLE ? "another fiber is already reading" : "another fiber is already writing");
  int r = gs_wait_fd(vm, s->fd, ev, s->timeout);
  if (r == GS_WAIT_CLOSED || s->closed) closed_error(vm, op, s);
  if (r == 0) {
    char why[64];
    snprintf(why, sizeof why, "timed out after %g s", s->timeout);
    io_raise(vm, "timeout", ETIMEDOUT, op, s->name, why);
  }
}

static size_t buffered(const Stream *s) { return s->len - s->pos; }

/* Consume n buffered bytes; the buffer goes once empty. */
static void consume(Stream *s, size_t n) {
  s->pos += n;
  if (s->pos == s->len && s->buf) {
    free(s->buf);
    s->buf = NULL;
    s->pos = s->len = s->cap = 0;
  }
}

/* Read more into the buffer (at least `want` bytes of room); false at end
 * of stream. The buffer is looked at again after every wait: another fiber
 * may have read meanwhile. */
static bool fill(gs_vm *vm, Stream *s, const char *op, size_t want) {
  for (;;) {
    if (s->closed) closed_error(vm, op, s);
    if (s->pos > 0) {
      memmove(s->buf, s->buf + s->pos, s->len - s->pos);
      s->len -= s->pos;
      s->pos = 0;
    }
    if (s->cap - s->len < want) {
      size_t nc = s->cap ? s->cap : 16384;
      while (nc - s->len < want) nc *= 2;
      char *nb = realloc(s->buf, nc);
      if (!nb) gs_error(vm, "out of memory");
      s->buf = nb;
      s->cap = nc;
    }
    ssize_t n = recv(s->fd, s->buf + s->len, s->cap - s->len, 0);
    if (n > 0) {
      s->len += (size_t)n;
      return true;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) io_raise(vm, NULL, errno, op, s->name, NULL);
    if (s->len == 0) consume(s, 0);
    stream_wait(vm, s, GS_READABLE, op);
  }
}

static void st_read(gs_vm *vm, int argc) {
  Stream *s = stream_at(vm, 0, "read");
  lib_argc(vm, "read", argc - 1, 0, 1);
  int64_t max = argc > 1 ? lib_int(vm, "read", 1) : READ_DEFAULT;
  if (max <= 0) gs_error(vm, "read(): max must be positive, got %lld", (long long)max);
  if (buffered(s) == 0 && !fill(vm, s, "read", 1)) return;   /* end of stream: nil */
  size_t have = buffered(s), n = have < (size_t)max ? have : (size_t)max;
  gs_return_string(vm, s->buf + s->pos, n);
  consume(s, n);
}

/* The next line into slot dest; false (nil) at end of stream. */
static bool read_line(gs_vm *vm, Stream *s, int dest) {
  size_t scanned = 0;
  for (;;) {
    char *start = s->buf ? s->buf + s->pos : NULL;
    if (scanned > buffered(s)) scanned = 0;
    char *nl = start ? memchr(start + scanned, '\n', buffered(s) - scanned) : NULL;
    if (nl) {
      size_t n = (size_t)(nl - start);
      size_t keep = n > 0 && start[n - 1] == '\r' ? n - 1 : n;
      gs_set_string(vm, dest, start, keep);
      consume(s, n + 1);
      return true;
    }
    scanned = buffered(s);
    if (scanned >= LINE_MAX_BYTES) io_raise(vm, "io", 0, "read_line", s->name, "line too long");
    if (!fill(vm, s, "read_line", 1)) {
      if (buffered(s) == 0) return false;
      gs_set_string(vm, dest, s->buf + s->pos, buffered(s));   /* the last line, without a newline */
      consume(s, buffered(s));
      return true;
    }
  }
}

static void st_read_line(gs_vm *vm, int argc) {
  Stream *s = stream_at(vm, 0, "read_line");
  lib_argc(vm, "read_line", argc - 1, 0, 0);
  gs_ensure_slots(vm, 2);
  if (read_line(vm, s, 1)) gs_return_slot(vm, 1);
}

static void st_read_exactly(gs_vm *vm, int argc) {
  Stream *s = stream_at(vm, 0, "read_exactly");
  lib_argc(vm, "read_exactly", argc - 1, 1, 1);
  int64_t n = lib_int(vm, "read_exactly", 1);
  if (n < 0 || n > ((int64_t)1 << 40)) gs_error(vm, "read_exactly(): bad length %lld", (long long)n);
  while (buffered(s) < (size_t)n) {
    if (fill(vm, s, "read_exactly", 1)) continue;
    size_t got = buffered(s);
    int slot = gs_slot_count(vm);
    gs_ensure_slots(vm, slot + 2);
    gs_set_string(vm, slot + 1, got ? s->buf + s->pos : "", got);   /* the bytes go with the error */
    if (got) consume(s, got);
    char why[96];
    snprintf(why, sizeof why, "end of stream after %zu of %lld bytes", got, (long long)n);
    gs_new_error(vm, slot, "closed", 0, "read_exactly %s: %s", s->name, why);
    gs_set_field(vm, slot, "partial", slot + 1);
    gs_raise(vm, slot);
  }
  gs_return_string(vm, s->buf + s->pos, (size_t)n);
  if (n > 0) consume(s, (size_t)n);
}

void pipe_read_all(gs_vm *vm, int slot, int dest) {
  Stream *s = stream_at(vm, slot, "read_all");
  while (fill(vm, s, "read_all", READ_DEFAULT)) {}
  gs_set_string(vm, dest, s->buf ? s->buf + s->pos : "", buffered(s));
  consume(s, buffered(s));
}

static void st_read_all(gs_vm *vm, int argc) {
  lib_argc(vm, "read_all", argc - 1, 0, 0);
  gs_ensure_slots(vm, 2);
  pipe_read_all(vm, 0, 1);
  gs_return_slot(vm, 1);
}

/* Write the string in slot `data` to the stream in slot `slot`. */
static void write_all(gs_vm *vm, int slot, int data) {
  Stream *s = stream_at(vm, slot, "write");
  size_t len, off = 0;
  gs_get_string(vm, data, &len);
  while (off < len) {
    const char *p = gs_get_string(vm, data, &len);   /* the string stays in its slot */
    ssize_t n = send(s->fd, p + off, len - off, MSG_NOSIGNAL);
    if (n >= 0) {
      off += (size_t)n;
      continue;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) io_raise(vm, NULL, errno, "write", s->name, NULL);
    stream_wait(vm, s, GS_WRITABLE, "write");
  }
}

static void st_write(gs_vm *vm, int argc) {
  stream_at(vm, 0, "write");
  lib_argc(vm, "write", argc - 1, 1, 1);
  lib_str(vm, "write", 1, NULL);
  write_all(vm, 0, 1);
}

void pipe_close(gs_vm *vm, int slot) {
  Stream *s = gs_get_userdata(vm, slot, STREAM_TAG);
  if (!s || s->closed) return;
  forget_and_close(vm, s);
  free(s->buf);
  s->buf = NULL;
  s->pos = s->len = s->cap = 0;
}

void pipe_write_close(gs_vm *vm, int slot, int data) {
  write_all(vm, slot, data);
  pipe_close(vm, slot);
}

static void st_close(gs_vm *vm, int argc) {
  lib_argc(vm, "close", argc - 1, 0, 0);
  pipe_close(vm, 0);
}

static void st_set_timeout(gs_vm *vm, int argc) {
  Stream *s = stream_at(vm, 0, "set_timeout");
  lib_argc(vm, "set_timeout", argc - 1, 1, 1);
  if (gs_get_type(vm, 1) == GS_NIL) {
    s->timeout = -1;
    return;
  }
  double secs = lib_num(vm, "set_timeout", 1);
  if (isnan(secs)) gs_error(vm, "invalid timeout");
  s->timeout = secs < 0 ? 0 : secs;
}

static void lines_step(gs_vm *vm, int argc) {
  (void)argc;
  gs_ensure_slots(vm, 2);
  for (;;) {
    Stream *s = gs_get_userdata(vm, 0, STREAM_TAG);
    if (s->closed || !read_line(vm, s, 1)) return;
    gs_yield_value(vm, 1, -1);
  }
}

static void st_lines(gs_vm *vm, int argc) {
  stream_at(vm, 0, "lines");
  lib_argc(vm, "lines", argc - 1, 0, 0);
  static const gs_reg step = {"lines", lines_step, 0, NULL};
  gs_ensure_slots(vm, 3);
  gs_new_function(vm, 2, &step, 0);
  if (!gs_get_global(vm, "fiber", 1)) gs_error(vm, "proc: no fiber builtin");
  if (gs_call(vm, 1, 1) != GS_OK) gs_raise(vm, 1);
  gs_return_slot(vm, 1);
}

static void st_str(gs_vm *vm, int argc) {
  (void)argc;
  Stream *s = gs_get_userdata(vm, 0, STREAM_TAG);
  char buf[160];
  snprintf(buf, sizeof buf, "<stream %s%s>", s->name, s->closed ? " (closed)" : "");
  gs_return_cstring(vm, buf);
}

static const gs_reg stream_methods[] = {
  {"read", st_read, -1, "stream.read(max?)\n1..max bytes (65536) as soon as any are there; nil at end of stream."},
  {"read_line", st_read_line, -1, "stream.read_line()\nThe next line without \"\\n\" or \"\\r\\n\"; nil at end of stream."},
  {"read_exactly", st_read_exactly, -1, "stream.read_exactly(n)\nExactly n bytes; raises closed (e.partial) if the stream ends first."},
  {"read_all", st_read_all, -1, "stream.read_all()\nEverything up to the end of the stream, as one string."},
  {"lines", st_lines, -1, "stream.lines()\nA generator of read_line() until end of stream."},
  {"write", st_write, -1, "stream.write(data)\nReturns once the child's pipe has taken every byte; raises reset if the child has gone."},
  {"close", st_close, -1, "stream.close()\nClose it (idempotent): the child reads end of input; a fiber blocked on it raises closed."},
  {"set_timeout", st_set_timeout, -1, "stream.set_timeout(secs)\nTime limit of every later read and write (nil: none)."},
  {"str", st_str, 0, "stream.str()\nHow it prints: <stream sort stdout>."},
  {NULL, NULL, 0, NULL},
};

void lib_pipe_open(gs_vm *vm) { gs_register_class(vm, STREAM_TAG, stream_methods); }
