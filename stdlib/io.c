/* io.c — the `io` module: whole-file helpers, lazy line iteration and file
 * objects (userdata of type "io.file") with read/read_line/write/flush/
 * lines/close. Everything is binary-safe. io.stdout and io.stderr write
 * through the VM's writers, so they interleave exactly with print (and go to
 * the host's writers when it has its own). Errors carry the OS reason:
 * "cannot open 'nope.txt': No such file or directory". */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libs.h"

#define IO_TAG "io.file"

enum { IO_FILE, IO_STDIN, IO_STDOUT, IO_STDERR };

typedef struct {
  FILE *fp;            /* NULL once closed */
  char *path;          /* as given, for messages (malloc'ed) */
  char *line;          /* getline buffer (malloc'ed) */
  size_t linecap;
  int kind;
  int last_op;         /* IO_OP_READ or IO_OP_WRITE: what the stream did last */
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

/* ---- helpers --------------------------------------------------------- */

static const char *io_path_arg(gs_vm *vm, const char *fname, int slot) {
  size_t len;
  const char *p = lib_str(vm, fname, slot, &len);
  if (strlen(p) != len) gs_error(vm, "%s: path contains a NUL byte", fname);
  return p;
}

static _Noreturn void io_os_error(gs_vm *vm, const char *what, const char *path, int err) {
  gs_error(vm, "cannot %s '%s': %s", what, path, strerror(err));
}

/* A read of f failed with err. Ctrl-C breaks a waiting read (EINTR): that
 * stops the program, as it does anywhere else. */
static _Noreturn void io_read_error(gs_vm *vm, IoFile *f, int err) {
  clearerr(f->fp);
  gs_check_interrupt(vm);
  io_os_error(vm, "read", f->path, err);
}

/* fopen, collecting garbage once when the process is out of descriptors:
 * files that were dropped without close() are closed by their finalizers. */
static FILE *io_fopen(gs_vm *vm, const char *path, const char *mode) {
  FILE *fp = fopen(path, mode);
  if (!fp && (errno == EMFILE || errno == ENFILE)) {
    gs_collect(vm);
    fp = fopen(path, mode);
  }
  return fp;
}

/* The string to write for the value in `slot`: strings as they are, other
 * values through str() (which may run script) into `scratch`. */
static const char *io_bytes(gs_vm *vm, int slot, int scratch, size_t *len) {
  if (gs_get_type(vm, slot) == GS_STRING) return gs_get_string(vm, slot, len);
  gs_to_string(vm, slot, scratch);
  gs_copy(vm, scratch, slot);
  return gs_get_string(vm, slot, len);
}

/* Read everything left in fp into a malloc'ed buffer. Returns NULL with
 * errno set on a read error. */
static char *io_read_all(FILE *fp, size_t *len) {
  size_t cap = 8192, n = 0;
  char *buf = malloc(cap);
  if (!buf) { errno = ENOMEM; return NULL; }
  for (;;) {
    if (n == cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) { free(buf); errno = ENOMEM; return NULL; }
      buf = nb;
      cap *= 2;
    }
    size_t r = fread(buf + n, 1, cap - n, fp);
    n += r;
    if (r == 0) break;
  }
  if (ferror(fp)) {
    int e = errno ? errno : EIO;
    free(buf);
    errno = e;
    return NULL;
  }
  *len = n;
  return buf;
}

/* ---- whole files ------------------------------------------------------ */

static void io_read_file(gs_vm *vm, int argc) {
  lib_argc(vm, "io.read_file", argc, 1, 1);
  const char *path = io_path_arg(vm, "io.read_file", 0);
  FILE *fp = io_fopen(vm, path, "rb");
  if (!fp) io_os_error(vm, "open", path, errno);
  size_t len;
  errno = 0;
  char *buf = io_read_all(fp, &len);
  int err = errno;
  fclose(fp);
  if (!buf) io_os_error(vm, "read", path, err);
  gs_set_string(vm, 0, buf, len);   /* the path stays valid until here */
  free(buf);
  gs_return_slot(vm, 0);
}

static void io_put_file(gs_vm *vm, int argc, const char *fname, const char *mode) {
  lib_argc(vm, fname, argc, 2, 2);
  gs_ensure_slots(vm, 3);
  io_path_arg(vm, fname, 0);
  size_t len;
  const char *data = io_bytes(vm, 1, 2, &len);
  const char *path = gs_get_string(vm, 0, NULL);
  FILE *fp = io_fopen(vm, path, mode);
  if (!fp) io_os_error(vm, "open", path, errno);
  errno = 0;
  size_t w = fwrite(data, 1, len, fp);
  int err = errno;
  if (fclose(fp) != 0 && w == len) { w = 0; err = errno; }
  if (w != len) io_os_error(vm, "write", path, err ? err : EIO);
}

static void io_write_file(gs_vm *vm, int argc) { io_put_file(vm, argc, "io.write_file", "wb"); }
static void io_append_file(gs_vm *vm, int argc) { io_put_file(vm, argc, "io.append_file", "ab"); }

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

/* C's rule for update streams ("r+", "w+", "a+"): a read must not follow a
 * write without a flush, nor a write follow a read without a seek; without
 * them the written bytes are lost or land at the wrong place. Called before
 * every read and write of a file object. */
static void io_switch_to(gs_vm *vm, IoFile *f, int op) {
  if (f->kind != IO_FILE) return;
  if (op == IO_OP_READ && f->last_op == IO_OP_WRITE && fflush(f->fp) != 0) {
    int e = errno;
    clearerr(f->fp);
    io_os_error(vm, "write", f->path, e);
  }
  /* a pipe cannot seek; glibc then just drops its read buffer, as wanted */
  if (op == IO_OP_WRITE && f->last_op == IO_OP_READ) fseek(f->fp, 0, SEEK_CUR);
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
  gs_ensure_slots(vm, argc + 1);
  FILE *fp = io_fopen(vm, path, cmode);
  if (!fp) io_os_error(vm, "open", path, errno);
  io_new_file(vm, argc, fp, path, IO_FILE);
  gs_return_slot(vm, argc);
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
  if (f->kind == IO_STDIN) gs_flush(vm, false);
  io_switch_to(vm, f, IO_OP_READ);
  char *buf;
  size_t len = 0;
  errno = 0;
  if (all) {
    buf = io_read_all(f->fp, &len);
    if (!buf) io_read_error(vm, f, errno);
  } else {
    size_t cap = want < 65536 ? (size_t)want : 65536;
    buf = malloc(cap ? cap : 1);
    if (!buf) gs_error(vm, "out of memory");
    while (len < (size_t)want) {
      if (len == cap) {
        size_t nc = cap * 2 < (size_t)want ? cap * 2 : (size_t)want;
        char *nb = realloc(buf, nc);
        if (!nb) { free(buf); gs_error(vm, "out of memory"); }
        buf = nb;
        cap = nc;
      }
      size_t r = fread(buf + len, 1, cap - len, f->fp);
      len += r;
      if (r == 0) break;
    }
    if (ferror(f->fp)) {
      int e = errno ? errno : EIO;
      free(buf);
      io_read_error(vm, f, e);
    }
    if (len == 0 && want > 0) { free(buf); gs_return_nil(vm); return; }
  }
  gs_return_string(vm, buf, len);
  free(buf);
}

/* The next line without its "\n" (or "\r\n") into f->line; false at EOF. */
static bool io_getline(gs_vm *vm, IoFile *f, size_t *len) {
  if (f->kind == IO_STDIN) gs_flush(vm, false);
  io_switch_to(vm, f, IO_OP_READ);
  errno = 0;
  ssize_t n = getline(&f->line, &f->linecap, f->fp);
  if (n < 0) {
    if (ferror(f->fp)) io_read_error(vm, f, errno ? errno : EIO);
    return false;
  }
  if (n > 0 && f->line[n - 1] == '\n') n--;
  if (n > 0 && f->line[n - 1] == '\r') n--;
  *len = (size_t)n;
  return true;
}

static void io_m_read_line(gs_vm *vm, int argc) {
  lib_argc(vm, "read_line", argc - 1, 0, 0);
  IoFile *f = io_open_self(vm, "read_line");
  size_t len;
  if (!io_getline(vm, f, &len)) { gs_return_nil(vm); return; }
  gs_return_string(vm, f->line, len);
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
    errno = 0;
    if (fwrite(s, 1, len, f->fp) != len) {
      int e = errno ? errno : EIO;
      clearerr(f->fp);
      io_os_error(vm, "write", f->path, e);
    }
  }
}

static void io_m_flush(gs_vm *vm, int argc) {
  lib_argc(vm, "flush", argc - 1, 0, 0);
  IoFile *f = io_open_self(vm, "flush");
  if (f->kind == IO_STDOUT) { gs_flush(vm, true); return; }
  if (fflush(f->fp) != 0) io_os_error(vm, "write", f->path, errno);
}

static void io_close_file(gs_vm *vm, IoFile *f) {
  FILE *fp = f->fp;
  if (!fp) return;
  f->fp = NULL;
  if (f->kind == IO_STDOUT) { gs_flush(vm, false); return; }
  if (f->kind == IO_STDERR) { fflush(fp); return; }
  if (f->kind == IO_STDIN) return;
  if (fclose(fp) != 0) io_os_error(vm, "close", f->path, errno);
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
    size_t len;
    if (!io_getline(vm, f, &len)) {
      if (f->close_at_eof) io_close_file(vm, f);
      return;
    }
    gs_set_string(vm, 1, f->line, len);
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
  gs_ensure_slots(vm, 3);
  FILE *fp = io_fopen(vm, path, "rb");
  if (!fp) io_os_error(vm, "open", path, errno);
  IoFile *f = io_new_file(vm, 1, fp, path, IO_FILE);
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
