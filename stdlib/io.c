/* io.c — the `io` module: whole-file helpers, lazy line iteration and file
 * objects (userdata of type "io.file") with read/read_line/write/flush/
 * lines/close. Everything is binary-safe. io.stdout and io.stderr write
 * through the VM's writers, so they interleave exactly with print (and go to
 * the host's writers when it has its own). Errors carry the OS reason:
 * "cannot open 'nope.txt': No such file or directory". Every call parks
 * only its fiber (io_job.h); the file-system functions are in io_fs.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "io_job.h"

#define IO_TAG "io.file"
#define FILE_BUFFER 65536   /* fewer trips to the worker pool per file */

enum { IO_FILE, IO_STDIN, IO_STDOUT, IO_STDERR };

typedef struct {
  FILE *fp;            /* NULL once closed */
  char *path;          /* as given, for messages (malloc'ed) */
  char *line;          /* bytes taken from fp, not yet returned: line[0..pend) */
  size_t linecap, pend;
  int kind;
  int last_op;         /* IO_OP_READ or IO_OP_WRITE: what the stream did last */
  int waits;           /* fibers waiting on fp now (more if a wait raised) */
  bool close_at_eof;   /* io.lines(path): the iteration owns the file */
} IoFile;

enum { IO_OP_NONE, IO_OP_READ, IO_OP_WRITE };

static void io_finalize(void *data) {
  IoFile *f = data;
  if (f->fp && f->kind == IO_FILE) fclose(f->fp);
  f->fp = NULL;
  free(f->path);
  free(f->line);
  f->path = f->line = NULL;
}

/* Opening a regular file for reading fills the buffer too: the first read (often the
 * only one) then needs no second trip to the pool. */
static void work_open(void *arg) {
  Job *j = arg;
  j->fp = fopen(j->path, j->mode);
  j->err = j->fp ? 0 : errno;
  if (!j->fp) return;
  struct stat st;
  bool regular = fstat(fileno(j->fp), &st) == 0 && S_ISREG(st.st_mode);
  /* a big buffer saves pool trips on big files and writes; a small file
   * keeps stdio's own (its size) */
  if (!regular || strcmp(j->mode, "rb") != 0 || st.st_size > (off_t)st.st_blksize)
    setvbuf(j->fp, NULL, _IOFBF, FILE_BUFFER);
  if (regular && strcmp(j->mode, "rb") == 0) {
    int c = getc(j->fp);
    if (c != EOF) ungetc(c, j->fp);
    clearerr(j->fp);   /* a directory: its read error comes again at the first read */
  }
}

/* fopen, collecting garbage once when the process is out of descriptors:
 * files that were dropped without close() are closed by their finalizers. */
static void io_fopen(gs_vm *vm, Job *j, const char *path, const char *mode) {
  j->path = path;
  j->mode = mode;
  io_blocking(vm, NULL, work_open, j);
  if (!j->fp && (j->err == EMFILE || j->err == ENFILE)) {
    gs_collect(vm);
    io_blocking(vm, NULL, work_open, j);
  }
  if (!j->fp) io_os_error(vm, "open", path, j->err);
}

/* Read everything left in fp into j->buf[0..n); j->err on a read error. */
static void read_rest(Job *j, FILE *fp) {
  for (;;) {
    if (j->n == j->cap && !job_grow(j, j->n + 1)) { j->err = ENOMEM; return; }
    size_t r = fread(j->buf + j->n, 1, j->cap - j->n, fp);
    j->n += r;
    if (r == 0) break;
  }
  if (ferror(fp)) j->err = errno ? errno : EIO;
}

static void work_read_all(void *arg) {
  Job *j = arg;
  errno = 0;
  read_rest(j, j->fp);
}

/* read_file and write_file: open, the whole transfer and close in one trip */
static void work_open_fd(void *arg) {
  Job *j = arg;
  j->fd = open(j->path, j->flags | O_CLOEXEC, 0666);
  j->err = j->fd < 0 ? errno : 0;
  j->opened = j->fd >= 0;
}

static void work_read_fd(void *arg) {
  Job *j = arg;
  struct stat st;
  size_t want = fstat(j->fd, &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 8192;
  if (!job_grow(j, want)) { j->err = ENOMEM; return; }
  for (;;) {
    if (j->n == j->cap && !job_grow(j, j->n + 1)) { j->err = ENOMEM; return; }
    ssize_t r = read(j->fd, j->buf + j->n, j->cap - j->n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) { j->err = errno; return; }
    if (r == 0) break;
    j->n += (size_t)r;
  }
  close(j->fd);
  j->fd = -1;
}

static void work_write_fd(void *arg) {
  Job *j = arg;
  size_t off = 0;
  while (off < j->len) {
    ssize_t w = write(j->fd, j->data + off, j->len - off);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) { j->err = errno; return; }
    off += (size_t)w;
  }
  int fd = j->fd;
  j->fd = -1;
  if (close(fd) != 0) j->err = errno;
}

static void work_read_file(void *arg) {
  work_open_fd(arg);
  if (!((Job *)arg)->err) work_read_fd(arg);
}

static void work_write_file(void *arg) {
  work_open_fd(arg);
  if (!((Job *)arg)->err) work_write_fd(arg);
}

/* Run an open-and-transfer job; raises "cannot open" / "cannot OP". Out of
 * descriptors, collects garbage once (dropped files close) and retries. */
static void io_whole_file(gs_vm *vm, Job *j, void (*work)(void *), const char *op) {
  io_blocking(vm, NULL, work, j);
  if (j->fd < 0 && (j->err == EMFILE || j->err == ENFILE)) {
    gs_collect(vm);
    j->err = 0;
    io_blocking(vm, NULL, work, j);
  }
  if (j->err) io_os_error(vm, j->opened ? op : "open", j->path, j->err);
}

/* The string to write for the value in `slot`: strings as they are, other
 * values through str() (which may run script) into `scratch`. */
static const char *io_bytes(gs_vm *vm, int slot, int scratch, size_t *len) {
  if (gs_get_type(vm, slot) == GS_STRING) return gs_get_string(vm, slot, len);
  gs_to_string(vm, slot, scratch);
  gs_copy(vm, scratch, slot);
  return gs_get_string(vm, slot, len);
}

/* ---- whole files ------------------------------------------------------ */

static void io_read_file(gs_vm *vm, int argc) {
  lib_argc(vm, "io.read_file", argc, 1, 1);
  gs_ensure_slots(vm, 2);
  Job *j = job_new(vm, 1);
  j->path = io_path_arg(vm, "io.read_file", 0);
  j->flags = O_RDONLY;
  io_whole_file(vm, j, work_read_file, "read");
  gs_return_string(vm, j->buf ? j->buf : "", j->n);
  job_finalize(j);
}

static void io_put_file(gs_vm *vm, int argc, const char *fname, int flags) {
  lib_argc(vm, fname, argc, 2, 2);
  gs_ensure_slots(vm, 4);
  io_path_arg(vm, fname, 0);
  size_t len;
  io_bytes(vm, 1, 2, &len);
  Job *j = job_new(vm, 3);
  j->path = gs_get_string(vm, 0, NULL);
  j->data = gs_get_string(vm, 1, &j->len);
  j->flags = flags;
  io_whole_file(vm, j, work_write_file, "write");
}

static void io_write_file(gs_vm *vm, int argc) { io_put_file(vm, argc, "io.write_file", O_WRONLY | O_CREAT | O_TRUNC); }
static void io_append_file(gs_vm *vm, int argc) { io_put_file(vm, argc, "io.append_file", O_WRONLY | O_CREAT | O_APPEND); }

/* ---- file objects ----------------------------------------------------- */

static IoFile *io_self(gs_vm *vm, const char *method) {
  IoFile *f = gs_get_userdata(vm, 0, IO_TAG);
  if (!f) gs_error(vm, "%s() needs a file, not %s", method, gs_type_name(vm, 0));
  return f;
}

static IoFile *io_open_self(gs_vm *vm, const char *method) {
  IoFile *f = io_self(vm, method);
  if (!f->fp) gs_error(vm, "%s() on closed file '%s'", method, f->path);
  return f;
}

/* One stdio call on a file object's FILE, on the pool */
typedef struct {
  FILE *fp;
  const char *data;
  size_t len;
  int rc, err;
} Call;

static void work_flush(void *arg) {
  Call *c = arg;
  c->rc = fflush(c->fp);
  c->err = errno;
}
static void work_seek(void *arg) {
  Call *c = arg;
  c->rc = fseek(c->fp, 0, SEEK_CUR);
}
static void work_write(void *arg) {
  Call *c = arg;
  errno = 0;
  c->rc = fwrite(c->data, 1, c->len, c->fp) == c->len ? 0 : -1;
  c->err = errno ? errno : EIO;
}
static void work_close(void *arg) {
  Call *c = arg;
  c->rc = fclose(c->fp);
  c->err = errno;
}

static void io_call(gs_vm *vm, IoFile *f, void (*work)(void *), Call *c) {
  c->fp = f->fp;
  f->waits++;
  io_blocking(vm, f->fp, work, c);
  f->waits--;
}

/* C's rule for update streams ("r+", "w+", "a+"): a read must not follow a
 * write without a flush, nor a write follow a read without a seek; without
 * them the written bytes are lost or land at the wrong place. Called before
 * every read and write of a file object. */
static void io_switch_to(gs_vm *vm, IoFile *f, int op) {
  if (f->kind != IO_FILE) return;
  Call c = {0};
  if (op == IO_OP_READ && f->last_op == IO_OP_WRITE) {
    io_call(vm, f, work_flush, &c);
    if (c.rc != 0) {
      clearerr(f->fp);
      io_os_error(vm, "write", f->path, c.err);
    }
  }
  /* a pipe cannot seek; glibc then just drops its read buffer, as wanted */
  if (op == IO_OP_WRITE && f->last_op == IO_OP_READ) {
    io_call(vm, f, work_seek, &c);
    f->pend = 0;
  }
  f->last_op = op;
}

/* A new file object in `slot`. Takes a copy of path. */
static IoFile *io_new_file(gs_vm *vm, int slot, FILE *fp, const char *path, int kind) {
  IoFile *f = gs_new_userdata(vm, slot, IO_TAG, sizeof(IoFile), io_finalize);
  memset(f, 0, sizeof *f);
  f->fp = fp;
  f->kind = kind;
  /* the userdata owns fp now: running out of memory here leaks nothing */
  f->path = strdup(path);
  if (!f->path) gs_error(vm, "out of memory");
  return f;
}

/* A file object in `slot` for the FILE the job opened (the object owns it) */
static IoFile *io_adopt(gs_vm *vm, int slot, Job *j, const char *path) {
  IoFile *f = io_new_file(vm, slot, NULL, path, IO_FILE);
  f->fp = j->fp;
  j->fp = NULL;
  return f;
}

static bool io_valid_mode(const char *m) {
  if (*m != 'r' && *m != 'w' && *m != 'a') return false;
  m++;
  bool plus = false, bin = false;
  for (; *m; m++) {
    if (*m == '+' && !plus) plus = true;
    else if (*m == 'b' && !bin) bin = true;
    else return false;
  }
  return true;
}

static void io_open(gs_vm *vm, int argc) {
  lib_argc(vm, "io.open", argc, 1, 2);
  const char *path = io_path_arg(vm, "io.open", 0);
  const char *mode = "r";
  if (argc > 1 && gs_get_type(vm, 1) != GS_NIL) mode = lib_str(vm, "io.open", 1, NULL);
  if (!io_valid_mode(mode)) gs_error(vm, "io.open: invalid mode '%s' (use r, w, a, optionally with + and b)", mode);
  char cmode[4] = {mode[0], 'b', 0, 0};
  if (strchr(mode, '+')) cmode[2] = '+';
  gs_ensure_slots(vm, argc + 2);
  Job *j = job_new(vm, argc + 1);
  io_fopen(vm, j, path, cmode);
  io_adopt(vm, argc, j, path);
  gs_return_slot(vm, argc);
}

/* Make room for n more bytes in f->line. */
static void io_reserve(gs_vm *vm, IoFile *f, size_t n) {
  if (f->line && f->pend + n <= f->linecap) return;
  size_t nc = f->linecap ? f->linecap : 128;
  while (nc < f->pend + n) nc *= 2;
  char *nb = realloc(f->line, nc);
  if (!nb) gs_error(vm, "out of memory");
  f->line = nb;
  f->linecap = nc;
}

/* Move up to `max` bytes of the stream into f->line (after what is pending),
 * stopping after a newline when `to_newline`; waits only this fiber. 0 at
 * end of file. */
static size_t io_take(gs_vm *vm, IoFile *f, size_t max, bool to_newline) {
  if (f->kind == IO_STDIN) gs_flush(vm, false);
  io_switch_to(vm, f, IO_OP_READ);
  const char *bytes;
  f->waits++;
  size_t n = gs_fill_stream(vm, f->fp, f->path, &bytes);
  f->waits--;
  if (n > max) n = max;
  const char *nl = to_newline ? memchr(bytes, '\n', n) : NULL;
  if (nl) n = (size_t)(nl - bytes) + 1;
  io_reserve(vm, f, n);
  f->pend += fread(f->line + f->pend, 1, n, f->fp);   /* from the buffer: no system call */
  return n;
}

/* f->line[0..keep) into slot dest; what follows byte n stays pending. */
static void io_give(gs_vm *vm, IoFile *f, size_t n, size_t keep, int dest) {
  gs_set_string(vm, dest, f->line ? f->line : "", keep);
  memmove(f->line, f->line + n, f->pend - n);
  f->pend -= n;
}

/* f.read(n?): n bytes at most (nil at end of file), or everything left */
static void io_m_read(gs_vm *vm, int argc) {
  lib_argc(vm, "read", argc - 1, 0, 1);
  IoFile *f = io_open_self(vm, "read");
  bool all = argc < 2 || gs_get_type(vm, 1) == GS_NIL;
  int64_t want = 0;
  if (!all) {
    gs_type t = gs_get_type(vm, 1);
    double d = t == GS_FLOAT ? gs_get_float(vm, 1) : 0;
    if (t == GS_INT) want = gs_get_int(vm, 1);
    else if (t == GS_FLOAT && d < 9.2e18 && d > -9.2e18 && d == (double)(int64_t)d) want = (int64_t)d;
    else gs_error(vm, "read() argument 1 must be an int, not %s", gs_type_name(vm, 1));
  }
  if (want < 0) gs_error(vm, "read() argument 1 must not be negative, got %lld", (long long)want);
  if (all && f->kind == IO_FILE) {   /* the rest of a file: one trip to the pool */
    io_switch_to(vm, f, IO_OP_READ);
    gs_ensure_slots(vm, argc + 1);
    Job *j = job_new(vm, argc);
    j->fp = f->fp;
    io_blocking(vm, f->fp, work_read_all, j);
    j->fp = NULL;
    if (j->err) {
      clearerr(f->fp);
      io_os_error(vm, "read", f->path, j->err);
    }
    io_reserve(vm, f, j->n);
    memcpy(f->line + f->pend, j->buf ? j->buf : "", j->n);
    f->pend += j->n;
    job_finalize(j);
    io_give(vm, f, f->pend, f->pend, argc);
    gs_return_slot(vm, argc);
    return;
  }
  size_t limit = all ? SIZE_MAX : (size_t)want;
  while (f->pend < limit && io_take(vm, f, limit - f->pend, false) > 0) {}
  if (f->pend == 0 && want > 0) { gs_return_nil(vm); return; }
  size_t n = f->pend < limit ? f->pend : limit;
  gs_ensure_slots(vm, argc + 1);
  io_give(vm, f, n, n, argc);
  gs_return_slot(vm, argc);
}

/* The next line without its "\n" (or "\r\n") into slot dest; false at
 * EOF. A wait that raises (cancel, timeout) keeps what was read pending. */
static bool io_getline(gs_vm *vm, IoFile *f, int dest) {
  size_t scanned = 0;
  for (;;) {
    char *nl = f->pend > scanned ? memchr(f->line + scanned, '\n', f->pend - scanned) : NULL;
    if (nl) {
      size_t n = (size_t)(nl - f->line);
      size_t keep = n > 0 && f->line[n - 1] == '\r' ? n - 1 : n;
      io_give(vm, f, n + 1, keep, dest);
      return true;
    }
    scanned = f->pend;
    if (io_take(vm, f, SIZE_MAX, true) == 0) break;
  }
  if (f->pend == 0) return false;
  size_t keep = f->line[f->pend - 1] == '\r' ? f->pend - 1 : f->pend;
  io_give(vm, f, f->pend, keep, dest);
  return true;
}

static void io_m_read_line(gs_vm *vm, int argc) {
  lib_argc(vm, "read_line", argc - 1, 0, 0);
  IoFile *f = io_open_self(vm, "read_line");
  gs_ensure_slots(vm, 2);
  if (io_getline(vm, f, 1)) gs_return_slot(vm, 1);
}

/* Room left in fp's write buffer: a write that fits makes no system call
 * and needs no trip to the pool. */
static size_t io_write_room(FILE *fp) {
  if (!__fwriting(fp) || !fp->_IO_write_ptr) return 0;
  return (size_t)(fp->_IO_write_end - fp->_IO_write_ptr);
}

/* f.write(v, ...): strings as they are, other values as str() gives them */
static void io_m_write(gs_vm *vm, int argc) {
  io_open_self(vm, "write");
  gs_ensure_slots(vm, argc + 1);
  for (int i = 1; i < argc; i++) {
    size_t len;
    io_bytes(vm, i, argc, &len);
  }
  IoFile *f = io_open_self(vm, "write");   /* str() may have run script */
  for (int i = 1; i < argc; i++) {
    size_t len;
    const char *s = gs_get_string(vm, i, &len);
    if (f->kind == IO_STDOUT) { gs_write(vm, s, len); continue; }
    if (f->kind == IO_STDERR) { gs_write_error(vm, s, len); continue; }
    io_switch_to(vm, f, IO_OP_WRITE);
    Call c = {.data = s, .len = len};
    if (len < io_write_room(f->fp)) {
      c.fp = f->fp;
      work_write(&c);
    } else {
      io_call(vm, f, work_write, &c);
    }
    if (c.rc != 0) {
      clearerr(f->fp);
      io_os_error(vm, "write", f->path, c.err);
    }
  }
}

static void io_m_flush(gs_vm *vm, int argc) {
  lib_argc(vm, "flush", argc - 1, 0, 0);
  IoFile *f = io_open_self(vm, "flush");
  if (f->kind == IO_STDOUT) { gs_flush(vm, true); return; }
  Call c = {0};
  io_call(vm, f, work_flush, &c);
  if (c.rc != 0) io_os_error(vm, "write", f->path, c.err);
}

static void io_close_file(gs_vm *vm, IoFile *f) {
  if (!f->fp) return;
  if (f->kind == IO_STDOUT) { f->fp = NULL; gs_flush(vm, false); return; }
  if (f->kind == IO_STDERR) { fflush(f->fp); f->fp = NULL; return; }
  if (f->kind == IO_STDIN) { f->fp = NULL; return; }
  Call c = {.fp = f->fp};
  if (gs_fd_busy(vm, fileno(f->fp), GS_READABLE))
    gs_error(vm, "cannot close '%s': another fiber is reading it", f->path);
  gs_forget_fd(vm, fileno(f->fp));
  /* with nothing to write and nobody waiting, closing is one close(2): no
   * trip to the pool (where a second user raises "busy") */
  if (__fpending(f->fp) == 0 && f->waits == 0) work_close(&c);
  else io_call(vm, f, work_close, &c);
  f->fp = NULL;
  f->pend = 0;
  if (c.rc != 0) io_os_error(vm, "close", f->path, c.err);
}

/* closing twice is allowed; closing io.stdout only stops that object */
static void io_m_close(gs_vm *vm, int argc) {
  lib_argc(vm, "close", argc - 1, 0, 0);
  io_close_file(vm, io_self(vm, "close"));
}

static void io_m_str(gs_vm *vm, int argc) {
  IoFile *f = io_self(vm, "str");
  char buf[512];
  if (f->kind == IO_FILE) snprintf(buf, sizeof buf, "<file '%.400s'%s>", f->path, f->fp ? "" : " (closed)");
  else snprintf(buf, sizeof buf, "<file %s%s>", f->path, f->fp ? "" : " (closed)");
  gs_return_cstring(vm, buf);
}

/* ---- lines: a generator fiber --------------------------------------------
 * The generator runs a native whose hidden receiver is the file; it yields
 * one string per line. Abandoned early, the fiber and the file become
 * garbage together and the finalizer closes the file. */

static void io_lines_step(gs_vm *vm, int argc) {
  gs_ensure_slots(vm, 2);
  for (;;) {
    IoFile *f = gs_get_userdata(vm, 0, IO_TAG);
    if (!f->fp) gs_error(vm, "lines(): file '%s' was closed during the iteration", f->path);
    if (!io_getline(vm, f, 1)) {
      if (f->close_at_eof) io_close_file(vm, f);
      return;
    }
    gs_yield_value(vm, 1, -1);
  }
}

static const gs_reg io_lines_fn = {"lines", io_lines_step, 0, NULL};

/* a generator over the lines of the file in `slot`, into `dest` */
static void io_make_lines(gs_vm *vm, int slot, int dest) {
  gs_ensure_slots(vm, dest + 2);
  gs_new_function(vm, dest + 1, &io_lines_fn, slot);
  if (!gs_get_global(vm, "fiber", dest)) gs_error(vm, "io.lines: no fiber builtin");
  if (gs_call(vm, dest, 1) != GS_OK) gs_raise(vm, dest);
}

static void io_lines(gs_vm *vm, int argc) {
  lib_argc(vm, "io.lines", argc, 1, 1);
  const char *path = io_path_arg(vm, "io.lines", 0);
  gs_ensure_slots(vm, 4);
  Job *j = job_new(vm, 3);
  io_fopen(vm, j, path, "rb");
  IoFile *f = io_adopt(vm, 1, j, path);
  f->close_at_eof = true;
  io_make_lines(vm, 1, 2);
  gs_return_slot(vm, 2);
}

static void io_m_lines(gs_vm *vm, int argc) {
  lib_argc(vm, "lines", argc - 1, 0, 0);
  io_open_self(vm, "lines");
  gs_ensure_slots(vm, 2);
  io_make_lines(vm, 0, 1);
  gs_return_slot(vm, 1);
}

static const gs_reg io_funcs[] = {
  {"read_file", io_read_file, -1, "io.read_file(path)\nThe whole file as a string."},
  {"write_file", io_write_file, -1, "io.write_file(path, data)\nCreate or truncate the file and write data to it."},
  {"append_file", io_append_file, -1, "io.append_file(path, data)\nAppend data to the file, creating it if needed."},
  {"lines", io_lines, -1, "io.lines(path)\nA generator yielding the file's lines without their newline."},
  {"open", io_open, -1, "io.open(path, mode?)\nOpen a file: mode \"r\" (default), \"w\" or \"a\", optionally with \"+\" and \"b\"."},
  {NULL, NULL, 0, NULL},
};

static const gs_reg io_methods[] = {
  {"read", io_m_read, -1, "file.read(n?)\nAt most n bytes (nil at end of file), or the rest of the file."},
  {"read_line", io_m_read_line, -1, "file.read_line()\nThe next line without its newline; nil at end of file."},
  {"write", io_m_write, -1, "file.write(v, ...)\nWrite str() of each value."},
  {"flush", io_m_flush, -1, "file.flush()\nPush buffered output to the operating system."},
  {"lines", io_m_lines, -1, "file.lines()\nA generator yielding the rest of the file line by line."},
  {"close", io_m_close, -1, "file.close()\nClose the file (closing twice is fine)."},
  {"str", io_m_str, -1, "file.str()\nHow the file prints: <file 'path'>."},
  {NULL, NULL, 0, NULL},
};

void lib_io_open(gs_vm *vm) {
  gs_register_module(vm, "io", io_funcs);
  lib_io_fs_open(vm);
  gs_register_class(vm, IO_TAG, io_methods);
  gs_ensure_slots(vm, 1);
  io_new_file(vm, 0, stdin, "stdin", IO_STDIN);
  gs_module_set(vm, "io", "stdin", 0);
  io_new_file(vm, 0, stdout, "stdout", IO_STDOUT);
  gs_module_set(vm, "io", "stdout", 0);
  io_new_file(vm, 0, stderr, "stderr", IO_STDERR);
  gs_module_set(vm, "io", "stderr", 0);
  gs_set_nil(vm, 0);
}
