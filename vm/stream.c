/* stream.c — reading stdio streams while only the reading fiber waits.
 *
 * The stream's own buffer stays the only buffer (input() and io.stdin share
 * stdin's): when it is empty, one read fills it — after the loop says a
 * pipe or terminal is readable (so the read cannot block), or on the worker
 * pool for a regular file, which the kernel never reports as "not ready".
 * The caller then takes the buffered bytes with fread, which makes no
 * system call. Seeing how much is buffered needs glibc's FILE fields. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio_ext.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fiber.h"
#include "loop.h"
#include "arith.h"
#include "stream.h"

#ifndef __GLIBC__
#error "stream.c looks into glibc's FILE buffer"
#endif

const char *stream_errno_kind(int err) {
  switch (err) {
    case ECONNREFUSED: return "refused";
    case ECONNRESET: case EPIPE: case ECONNABORTED: return "reset";
    case ENETUNREACH: case EHOSTUNREACH: case ENETDOWN: return "unreachable";
    case EADDRINUSE: return "address_in_use";
    case EADDRNOTAVAIL: case EAFNOSUPPORT: return "address_invalid";
    case ENOENT: return "not_found";
    case EEXIST: case ENOTEMPTY: return "exists";
    case EACCES: case EPERM: case EROFS: return "permission";
    case EISDIR: return "is_directory";
    case ENOTDIR: return "not_directory";
    case EMFILE: case ENFILE: return "too_many_files";
    case ETIMEDOUT: return "timeout";
    default: return "io";
  }
}

_Noreturn void stream_throw_os(VM *vm, const char *op, const char *name, int err) {
  Value e = vm_make_error_kind(vm, stream_errno_kind(err), "cannot %s '%s': %s", op, name, strerror(err));
  vm_push(vm, e);   /* rooted while the field is made */
  table_set(vm, &AS_INSTANCE(e)->fields, STR_VAL(str_cstr(vm, "errno")), INT_VAL(err));
  vm_pop(vm);
  vm_throw_value(vm, e);
}

size_t stream_buffered(FILE *fp, const char **bytes) {
  if (__fwriting(fp) || !__freading(fp) || !fp->_IO_read_ptr) return 0;
  *bytes = fp->_IO_read_ptr;
  return (size_t)(fp->_IO_read_end - fp->_IO_read_ptr);
}

void stream_consume(FILE *fp, size_t n) { fp->_IO_read_ptr += n; }

bool stream_alone(VM *vm) { return sched_live_count(vm) == 0; }

typedef struct {
  FILE *fp;
  int err;
} Refill;

/* One read into the empty buffer: getc does it, ungetc gives the byte back
 * to the buffer it came from. */
static void refill(void *arg) {
  Refill *r = arg;
  errno = 0;
  int c = getc(r->fp);
  if (c != EOF) ungetc(c, r->fp);
  else if (ferror(r->fp)) r->err = errno ? errno : EIO;
}

/* Pipes, sockets and terminals: the loop can tell when they are readable.
 * Regular files, /dev/null and the like cannot be polled (epoll refuses them). */
static bool pollable(int fd) {
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) return false;
  return S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || (S_ISCHR(st.st_mode) && isatty(fd));
}

size_t stream_fill(VM *vm, FILE *fp, const char *name, const char **bytes) {
  for (;;) {
    size_t n = stream_buffered(fp, bytes);
    if (n || feof(fp)) return n;
    Refill r = {fp, 0};
    int fd = fileno(fp);
    if (loop_key_busy(vm, fp) || loop_fd_busy(vm, fd, LOOP_READABLE))
      vm_throw_kind(vm, "busy", "cannot read '%s': another fiber is reading it", name);
    if (pollable(fd)) {
      struct pollfd p = {fd, POLLIN, 0};
      if (poll(&p, 1, 0) != 1) loop_wait_fd(vm, fd, LOOP_READABLE, -1);
      refill(&r);
    } else if (stream_alone(vm)) {
      refill(&r);
    } else if (!loop_run_blocking(vm, fp, refill, &r)) {
      vm_throw_kind(vm, "io", "cannot read '%s': the worker thread pool refused the work", name);
    }
    if (r.err == EINTR) {   /* Ctrl-C broke the read: that stops the program */
      clearerr(fp);
      vm_check_interrupt(vm);
      continue;
    }
    if (r.err == EAGAIN || r.err == EWOULDBLOCK) {   /* a non-blocking descriptor someone else drained */
      clearerr(fp);
      if (!pollable(fd)) stream_throw_os(vm, "read", name, r.err);
      loop_wait_fd(vm, fd, LOOP_READABLE, -1);
      continue;
    }
    if (r.err) {
      clearerr(fp);
      stream_throw_os(vm, "read", name, r.err);
    }
  }
}
