/* sock_stream.c — the buffered byte stream that net's connections and
 * proc's pipes share: read, read_line, read_exactly, lines, write with
 * back-pressure, busy, closed and timeout errors. Over include/gs.h alone.
 *
 * A write is tried first and the fiber waits (gs_wait_fd) only on EAGAIN;
 * a read is tried first too unless the last one came back short, which
 * says the kernel's buffer is empty: then the fiber waits for readiness
 * first, saving the recv that would fail with EAGAIN (in a request-reply
 * exchange, one system call of three per request). Writes use MSG_NOSIGNAL, so a peer (or child) that has gone
 * raises `reset` instead of SIGPIPE. The read buffer exists only while it
 * holds unread bytes: an idle stream holds none. */
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
#include "sock_stream.h"

/* ---- errors ------------------------------------------------------------------ */

/* io_raise with the string in slot `extra` (extra >= 0) or the int
 * extra_int as e.FIELD. */
static _Noreturn void raise_with(gs_vm *vm, const char *kind, int err, const char *op, const char *where,
                                 const char *reason, const char *field, int extra, int64_t extra_int) {
  int slot = gs_slot_count(vm);
  gs_ensure_slots(vm, slot + 2);
  char why[128];
  if (!reason) {
    snprintf(why, sizeof why, "%s", strerror(err));
    why[0] = (char)tolower((unsigned char)why[0]);
    reason = why;
  }
  gs_new_error(vm, slot, kind ? kind : gs_errno_kind(err), err, "%s %s: %s", op, where, reason);
  if (field) {
    if (extra >= 0) gs_copy(vm, extra, slot + 1);
    else gs_set_int(vm, slot + 1, extra_int);
    gs_set_field(vm, slot, field, slot + 1);
  }
  gs_raise(vm, slot);
}

_Noreturn void io_raise(gs_vm *vm, const char *kind, int err, const char *op, const char *where, const char *reason) {
  raise_with(vm, kind, err, op, where, reason, NULL, -1, 0);
}

static _Noreturn void closed_error(gs_vm *vm, const char *op, const char *where) {
  io_raise(vm, "closed", 0, op, where, "closed");
}

void sock_check_busy(gs_vm *vm, int fd, int ev, const char *op, const char *where) {
  if (!gs_fd_busy(vm, fd, ev)) return;
  const char *doing = strcmp(op, "accept") == 0 ? "accepting" : ev & GS_READABLE ? "reading" : "writing";
  char why[64];
  snprintf(why, sizeof why, "another fiber is already %s", doing);
  io_raise(vm, "busy", 0, op, where, why);
}

_Noreturn void sock_timeout_error(gs_vm *vm, const char *op, const char *where, double secs) {
  char why[64];
  snprintf(why, sizeof why, "timed out after %g s", secs);
  io_raise(vm, "timeout", ETIMEDOUT, op, where, why);
}

/* ---- the stream ---------------------------------------------------------------- */

void sock_init(gs_vm *vm, SockStream *s) {
  s->vm = vm;
  s->fd = -1;
  s->closed = true;
  s->timeout = -1;
  s->drained = false;
}

void sock_adopt(SockStream *s, int fd) {
  s->fd = fd;
  s->closed = false;
}

SockStream *sock_self(gs_vm *vm, int slot, const char *tag, const char *noun, const char *op) {
  SockStream *s = gs_get_userdata(vm, slot, tag);
  if (!s) gs_error(vm, "%s() must be called on a %s", op, noun);
  if (s->closed) closed_error(vm, op, s->where);
  return s;
}

static void drop_buffer(SockStream *s) {
  free(s->buf);
  s->buf = NULL;
  s->pos = s->len = s->cap = 0;
}

void sock_close(gs_vm *vm, SockStream *s) {
  if (s->closed) return;
  s->closed = true;
  gs_forget_fd(vm, s->fd);   /* a fiber blocked on it raises closed */
  close(s->fd);
  drop_buffer(s);
}

void sock_release(SockStream *s) {
  sock_close(s->vm, s);
  drop_buffer(s);
}

/* Wait for the descriptor to be ready for ev: raises busy / closed / timeout. */
static int wait_ready(gs_vm *vm, SockStream *s, int ev, const char *op) {
  sock_check_busy(vm, s->fd, ev, op, s->where);
  int r = gs_wait_fd(vm, s->fd, ev, s->timeout);
  if (r == GS_WAIT_CLOSED || s->closed) closed_error(vm, op, s->where);
  return r;
}

static size_t buffered(const SockStream *s) { return s->len - s->pos; }

/* Consume n buffered bytes; the buffer goes once empty. */
static void consume(SockStream *s, size_t n) {
  s->pos += n;
  if (s->pos == s->len && s->buf) drop_buffer(s);
}

/* The buffer may move while we wait (another fiber may read what it
 * holds), so it is looked at again after every wait, and an empty one is
 * freed before waiting. */
bool sock_fill(gs_vm *vm, SockStream *s, const char *op, size_t want) {
  for (;;) {
    if (s->closed) closed_error(vm, op, s->where);
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
    if (s->drained) {
      s->drained = false;
      if (s->len == 0) consume(s, 0);
      if (wait_ready(vm, s, GS_READABLE, op) == 0) sock_timeout_error(vm, op, s->where, s->timeout);
      continue;   /* (the buffer may have moved while we waited) */
    }
    size_t room = s->cap - s->len;
    ssize_t n = recv(s->fd, s->buf + s->len, room, 0);
    if (n > 0) {
      s->len += (size_t)n;
      s->drained = (size_t)n < room;
      return true;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) io_raise(vm, NULL, errno, op, s->where, NULL);
    if (s->len == 0) consume(s, 0);
    if (wait_ready(vm, s, GS_READABLE, op) == 0) sock_timeout_error(vm, op, s->where, s->timeout);
  }
}

void sock_read(gs_vm *vm, SockStream *s, int argc) {
  lib_argc(vm, "read", argc - 1, 0, 1);
  int64_t max = argc > 1 ? lib_int(vm, "read", 1) : SOCK_READ_DEFAULT;
  if (max <= 0) gs_error(vm, "read(): max must be positive, got %lld", (long long)max);
  /* through the shared buffer (a fiber's C stack may be too small for one) */
  if (buffered(s) == 0 && !sock_fill(vm, s, "read", 1)) return;   /* end of stream: nil */
  size_t have = buffered(s), n = have < (size_t)max ? have : (size_t)max;
  gs_return_string(vm, s->buf + s->pos, n);
  consume(s, n);
}

/* The bytes stay in the buffer: the caller may read them another way. */
static _Noreturn void line_too_long(gs_vm *vm, SockStream *s) {
  io_raise(vm, "io", 0, "read_line", s->where, "line too long");
}

/* The next line into slot dest; false (nil) at end of stream. A line
 * (without "\n" / "\r\n") of more than SOCK_LINE_MAX_BYTES raises. */
static bool next_line(gs_vm *vm, SockStream *s, int dest) {
  size_t scanned = 0;
  for (;;) {
    char *start = s->buf ? s->buf + s->pos : NULL;
    if (scanned > buffered(s)) scanned = 0;   /* another fiber read meanwhile */
    char *nl = start ? memchr(start + scanned, '\n', buffered(s) - scanned) : NULL;
    if (nl) {
      size_t n = (size_t)(nl - start);
      size_t keep = n > 0 && start[n - 1] == '\r' ? n - 1 : n;
      if (keep > SOCK_LINE_MAX_BYTES) line_too_long(vm, s);
      gs_set_string(vm, dest, start, keep);
      consume(s, n + 1);
      return true;
    }
    scanned = buffered(s);
    /* a line may hold SOCK_LINE_MAX_BYTES without its "\r\n": raise only
     * once that many and a '\r' came without a newline */
    if (scanned > SOCK_LINE_MAX_BYTES + 1) line_too_long(vm, s);
    if (!sock_fill(vm, s, "read_line", 1)) {
      if (buffered(s) == 0) return false;
      if (buffered(s) > SOCK_LINE_MAX_BYTES) line_too_long(vm, s);
      gs_set_string(vm, dest, s->buf + s->pos, buffered(s));   /* the last line, without a newline */
      consume(s, buffered(s));
      return true;
    }
  }
}

void sock_read_line(gs_vm *vm, SockStream *s, int argc) {
  lib_argc(vm, "read_line", argc - 1, 0, 0);
  gs_ensure_slots(vm, 2);
  if (next_line(vm, s, 1)) gs_return_slot(vm, 1);
}

void sock_read_exactly(gs_vm *vm, SockStream *s, int argc) {
  lib_argc(vm, "read_exactly", argc - 1, 1, 1);
  int64_t n = lib_int(vm, "read_exactly", 1);
  if (n < 0 || n > ((int64_t)1 << 40)) gs_error(vm, "read_exactly(): bad length %lld", (long long)n);
  while (buffered(s) < (size_t)n) {
    if (sock_fill(vm, s, "read_exactly", 1)) continue;
    size_t got = buffered(s);
    char why[96];
    snprintf(why, sizeof why, "end of stream after %zu of %lld bytes", got, (long long)n);
    int slot = gs_slot_count(vm);
    gs_ensure_slots(vm, slot + 1);
    gs_set_string(vm, slot, got ? s->buf + s->pos : "", got);   /* the bytes go with the error */
    if (got) consume(s, got);
    raise_with(vm, "closed", 0, "read_exactly", s->where, why, "partial", slot, 0);
  }
  gs_return_string(vm, s->buf + s->pos, (size_t)n);
  if (n > 0) consume(s, (size_t)n);
}

void sock_read_all(gs_vm *vm, SockStream *s, const char *op, int dest) {
  while (sock_fill(vm, s, op, SOCK_READ_DEFAULT)) {}
  gs_set_string(vm, dest, s->buf ? s->buf + s->pos : "", buffered(s));
  consume(s, buffered(s));
}

void sock_write(gs_vm *vm, SockStream *s, int data) {
  size_t len, off = 0;
  gs_get_string(vm, data, &len);
  while (off < len) {
    const char *p = gs_get_string(vm, data, &len);   /* the string stays in its slot; its bytes may move */
    ssize_t n = send(s->fd, p + off, len - off, MSG_NOSIGNAL);
    if (n >= 0) {
      off += (size_t)n;
      continue;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) io_raise(vm, NULL, errno, "write", s->where, NULL);
    if (wait_ready(vm, s, GS_WRITABLE, "write") == 0) {
      char why[64];
      snprintf(why, sizeof why, "timed out after %g s", s->timeout);
      raise_with(vm, "timeout", ETIMEDOUT, "write", s->where, why, "written", -1, (int64_t)off);
    }
  }
}

void sock_set_timeout(gs_vm *vm, SockStream *s, int argc) {
  lib_argc(vm, "set_timeout", argc - 1, 1, 1);
  if (gs_get_type(vm, 1) == GS_NIL) {
    s->timeout = -1;
    return;
  }
  double secs = lib_num(vm, "set_timeout", 1);
  if (isnan(secs)) gs_error(vm, "invalid timeout");
  s->timeout = secs < 0 ? 0 : secs;
}

void sock_lines_step(gs_vm *vm, const char *tag) {
  gs_ensure_slots(vm, 2);
  for (;;) {
    SockStream *s = gs_get_userdata(vm, 0, tag);
    if (s->closed || !next_line(vm, s, 1)) return;
    gs_yield_value(vm, 1, -1);
  }
}

void sock_return_generator(gs_vm *vm, const gs_reg *fn, const char *lib) {
  gs_ensure_slots(vm, 3);
  gs_new_function(vm, 2, fn, 0);
  if (!gs_get_global(vm, "fiber", 1)) gs_error(vm, "%s: no fiber builtin", lib);
  if (gs_call(vm, 1, 1) != GS_OK) gs_raise(vm, 1);
  gs_return_slot(vm, 1);
}
