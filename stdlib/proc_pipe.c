/* proc_pipe.c — the streams of a child process's pipes (p.stdin, p.stdout,
 * p.stderr): a sock_stream with the connection's read/write/close methods
 * plus read_all. Over include/gs.h alone.
 *
 * Pipes to children are socket pairs, as libuv makes them, so a write to a
 * child that has gone raises `reset`, never SIGPIPE. */
#include <stdio.h>
#include "libs.h"
#include "proc_pipe.h"

static void stream_finalize(void *data) { sock_release(data); }

void pipe_new(gs_vm *vm, int slot, const char *name) {
  SockStream *s = gs_new_userdata(vm, slot, STREAM_TAG, sizeof(SockStream), stream_finalize);
  sock_init(vm, s);
  snprintf(s->where, sizeof s->where, "%s", name);
}

void pipe_adopt(gs_vm *vm, int slot, int fd) { sock_adopt(gs_get_userdata(vm, slot, STREAM_TAG), fd); }

static SockStream *stream_at(gs_vm *vm, int slot, const char *op) {
  return sock_self(vm, slot, STREAM_TAG, "stream", op);
}

void pipe_read_all(gs_vm *vm, int slot, int dest) { sock_read_all(vm, stream_at(vm, slot, "read_all"), "read_all", dest); }

void pipe_close(gs_vm *vm, int slot) {
  SockStream *s = gs_get_userdata(vm, slot, STREAM_TAG);
  if (s) sock_close(vm, s);
}

void pipe_write_close(gs_vm *vm, int slot, int data) {
  sock_write(vm, stream_at(vm, slot, "write"), data);
  pipe_close(vm, slot);
}

static void st_read(gs_vm *vm, int argc) { sock_read(vm, stream_at(vm, 0, "read"), argc); }
static void st_read_line(gs_vm *vm, int argc) { sock_read_line(vm, stream_at(vm, 0, "read_line"), argc); }
static void st_read_exactly(gs_vm *vm, int argc) { sock_read_exactly(vm, stream_at(vm, 0, "read_exactly"), argc); }
static void st_set_timeout(gs_vm *vm, int argc) { sock_set_timeout(vm, stream_at(vm, 0, "set_timeout"), argc); }

static void st_read_all(gs_vm *vm, int argc) {
  lib_argc(vm, "read_all", argc - 1, 0, 0);
  gs_ensure_slots(vm, 2);
  pipe_read_all(vm, 0, 1);
  gs_return_slot(vm, 1);
}

static void st_write(gs_vm *vm, int argc) {
  SockStream *s = stream_at(vm, 0, "write");
  lib_argc(vm, "write", argc - 1, 1, 1);
  lib_str(vm, "write", 1, NULL);
  sock_write(vm, s, 1);
}

static void st_close(gs_vm *vm, int argc) {
  lib_argc(vm, "close", argc - 1, 0, 0);
  pipe_close(vm, 0);
}

static void lines_step(gs_vm *vm, int argc) {
  (void)argc;
  sock_lines_step(vm, STREAM_TAG);
}
static const gs_reg lines_fn = {"lines", lines_step, 0, NULL};

static void st_lines(gs_vm *vm, int argc) {
  stream_at(vm, 0, "lines");
  lib_argc(vm, "lines", argc - 1, 0, 0);
  sock_return_generator(vm, &lines_fn, "proc");
}

static void st_str(gs_vm *vm, int argc) {
  (void)argc;
  SockStream *s = gs_get_userdata(vm, 0, STREAM_TAG);
  char buf[160];
  snprintf(buf, sizeof buf, "<stream %s%s>", s->where, s->closed ? " (closed)" : "");
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
