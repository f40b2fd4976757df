/* vm.c — creating and destroying a VM, globals, method tables, output and
 * argument checking helpers for natives. */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>
#include <math.h>
#include "vm.h"
#include "fiber.h"
#include "stream.h"
#include "api_internal.h"
#include "gs.h"
#include "prefault.h"

static void *default_realloc(void *ptr, size_t size, void *ud) {
  (void)ud;
  if (size == 0) { free(ptr); return NULL; }
  bool grown = ptr != NULL;
  void *p = realloc(ptr, size);
  prefault_after(grown, p, size);
  return p;
}

/* Writes to standard output fail for good (a full disk, a reader that has
 * gone while SIGPIPE is ignored): the first failure is kept for
 * vm_check_output and gs_output_error. */
static void note_output_error(VM *vm) {
  if (!vm->out_errno) vm->out_errno = errno ? errno : EIO;
}

/* In pieces of at most PIPE_BUF bytes: each can wait for room in a pipe
 * without blocking the other fibers (stdout_room.c). A short text that
 * stays in stdio's buffer (most prints, to a file or a pipe) goes there
 * at once. */
static void default_write(VM *vm, const char *s, size_t n, void *ud) {
  (void)ud;
  if (!vm->out_turn && stdout_fits(n)) {
    errno = 0;
    if (fwrite(s, 1, n, stdout) != n) note_output_error(vm);
    return;
  }
  while (n) {
    size_t k = n < PIPE_BUF ? n : PIPE_BUF;
    stdout_make_room(vm, k);
    errno = 0;
    if (fwrite(s, 1, k, stdout) != k) {
      note_output_error(vm);
      break;
    }
    s += k;
    n -= k;
  }
  stdout_end_write(vm);
}

static void default_write_err(VM *vm, const char *s, size_t n, void *ud) {
  (void)vm; (void)ud;
  fwrite(s, 1, n, stderr);
}

void vm_write_out(VM *vm, const char *s, size_t n) { vm->write_out(vm, s, n, vm->write_ud); }

void vm_flush(VM *vm) {
  if (vm->write_out != default_write) return;
  errno = 0;
  if (fflush(stdout) != 0) note_output_error(vm);
}

void vm_flush_parking(VM *vm) {
  if (vm->write_out != default_write) return;
  stdout_make_room(vm, 0);
  vm_flush(vm);
  stdout_end_write(vm);
}

void vm_check_output(VM *vm) {
  if (!vm->out_errno) return;
  vm->out_error_raised = true;
  vm->fatal_error = true;
  vm_throw(vm, "write error on standard output: %s", strerror(vm->out_errno));
}

int gs_output_error(gs_vm *vm) {
  vm_flush(vm);
  return vm->out_errno;
}

void vm_write_err(VM *vm, const char *s, size_t n) {
  vm_flush(vm);
  vm->write_err(vm, s, n, vm->write_ud);
  if (vm->write_err == default_write_err) fflush(stderr);
}

/* ---- globals -------------------------------------------------------- */

int vm_global_slot(VM *vm, ObjString *name, bool create) {
  Value *v = table_find_str(&vm->global_index, name);
  if (v) return (int)AS_INT(*v);
  if (!create) return -1;
  if (vm->nglobals == vm->capglobals) {
    int nc = vm->capglobals ? vm->capglobals * 2 : 64;
    Value *g = realloc(vm->globals, sizeof(Value) * nc);
    if (g) vm->globals = g;
    ObjString **names = g ? realloc(vm->global_names, sizeof(ObjString *) * nc) : NULL;
    if (!names) vm_out_of_memory(vm);   /* (a bigger globals array is harmless) */
    vm->global_names = names;
    vm->capglobals = nc;
  }
  int slot = vm->nglobals++;
  vm->globals[slot] = NIL_VAL;
  vm->global_names[slot] = name;
  table_set(vm, &vm->global_index, STR_VAL(name), INT_VAL(slot));
  return slot;
}

void vm_set_global(VM *vm, const char *name, Value v) {
  vm_push(vm, v);
  ObjString *s = str_cstr(vm, name);
  vm_push(vm, STR_VAL(s));
  int slot = vm_global_slot(vm, s, true);
  vm->globals[slot] = v;
  vm_pop(vm);
  vm_pop(vm);
}

void vm_define_native(VM *vm, const char *name, NativeFn fn, int arity, const char *doc) {
  ObjNative *n = native_new(vm, fn, name, arity);
  native_set_doc(vm, n, doc);
  vm_set_global(vm, name, OBJ_VAL(V_NATIVE, n));
}

void vm_define_method(VM *vm, Table *methods, const char *name, NativeFn fn, int arity, const char *doc) {
  ObjNative *n = native_new(vm, fn, name, arity);
  native_set_doc(vm, n, doc);
  n->is_method = true;
  vm_push(vm, OBJ_VAL(V_NATIVE, n));
  table_set(vm, methods, STR_VAL(n->name), OBJ_VAL(V_NATIVE, n));
  vm_pop(vm);
}

/* ---- argument checks ------------------------------------------------ */

_Noreturn void vm_arg_error(VM *vm, const char *fname, int index, const char *expected, Value got) {
  vm_throw(vm, "%s() argument %d must be %s, not %s", fname, index, expected, value_type_name(got));
}

void arg_count(VM *vm, const char *fname, int argc, int min, int max) {
  if (argc >= min && (max < 0 || argc <= max)) return;
  if (max < 0) vm_throw(vm, "%s() expects at least %d argument%s, got %d", fname, min, min == 1 ? "" : "s", argc);
  if (min == max) vm_throw(vm, "%s() expects %d argument%s, got %d", fname, min, min == 1 ? "" : "s", argc);
  vm_throw(vm, "%s() expects %d to %d arguments, got %d", fname, min, max, argc);
}

int64_t arg_int(VM *vm, const char *fname, Value *args, int i) {
  Value v = args[i];
  if (IS_INT(v)) return AS_INT(v);
  if (IS_FLOAT(v)) {
    double d = AS_FLOAT(v);
    if (d == floor(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) return (int64_t)d;
  }
  vm_arg_error(vm, fname, i + 1, "an int", v);
}

double arg_num(VM *vm, const char *fname, Value *args, int i) {
  Value v = args[i];
  if (IS_INT(v)) return (double)AS_INT(v);
  if (IS_FLOAT(v)) return AS_FLOAT(v);
  vm_arg_error(vm, fname, i + 1, "a number", v);
}

/* ---- the Error class ------------------------------------------------ */

static Value error_init(VM *vm, int argc, Value *args) {
  arg_count(vm, "Error", argc, 1, 2);
  ObjInstance *self = AS_INSTANCE(args[0]);
  Value msg = argc > 1 ? args[1] : STR_VAL(str_cstr(vm, "error"));
  int base = (int)(args - vm->fiber->stack);
  if (!IS_STRING(msg)) msg = STR_VAL(vm_tostring(vm, msg));
  vm_push(vm, msg);
  self = AS_INSTANCE(vm->fiber->stack[base]);
  table_set(vm, &self->fields, STR_VAL(vm->s_message), msg);
  table_set(vm, &self->fields, STR_VAL(vm->s_trace), NIL_VAL);
  vm_error_set_kind(vm, vm->fiber->stack[base], "runtime");
  vm_pop(vm);
  return NIL_VAL;
}

static Value error_str(VM *vm, int argc, Value *args) {
  return STR_VAL(vm_error_message(vm, args[0]));
}

static void define_error_class(VM *vm) {
  ObjString *name = str_cstr(vm, "Error");
  vm_push(vm, STR_VAL(name));
  ObjClass *k = class_new(vm, name);
  vm_pop(vm);
  vm->error_class = k;
  ObjNative *init = native_new(vm, error_init, "init", -1);
  k->init = OBJ_VAL(V_NATIVE, init);
  native_set_doc(vm, init, "Error(message)\nA runtime error with that message; fields message and trace.");
  table_set(vm, &k->methods, STR_VAL(vm->s_init), k->init);
  ObjNative *str = native_new(vm, error_str, "str", 1);
  k->str = OBJ_VAL(V_NATIVE, str);
  native_set_doc(vm, str, "Error.str()\nThe error's message.");
  table_set(vm, &k->methods, STR_VAL(vm->s_str), k->str);
  vm_set_global(vm, "Error", OBJ_VAL(V_CLASS, k));
}

/* ---- lifecycle ------------------------------------------------------ */

VM *vm_new_with(void *(*realloc_fn)(void *, size_t, void *), void *ud) {
  VM *vm = calloc(1, sizeof(VM));
  if (!vm) return NULL;
  vm->realloc_fn = realloc_fn ? realloc_fn : default_realloc;
  vm->alloc_ud = ud;
  alloc_init(vm);
  vm->write_out = default_write;
  vm->write_err = default_write_err;
  vm->next_gc = GC_MIN_GROWTH;
  vm->max_frames = 200000;
  vm->gc_paused = 1;   /* nothing is rooted until the main fiber exists */
  const char *stress = getenv("GS_GC_STRESS");
  vm->gc_stress = stress && *stress && strcmp(stress, "0") != 0;
  table_init(&vm->global_index);
  table_init(&vm->string_methods);
  table_init(&vm->list_methods);
  table_init(&vm->map_methods);
  table_init(&vm->fiber_methods);
  table_init(&vm->channel_methods);
  table_init(&vm->range_methods);
  table_init(&vm->modules);
  table_init(&vm->sources);
  table_init(&vm->userdata_classes);
  vm->args = NIL_VAL;
  return vm;
}

/* The part of making a VM that allocates (from the host's allocator, which
 * may fail): the scheduler, the main fiber, the core strings, Error, and
 * then open(vm, ud) (the libraries). Running out of memory here makes it fail:
 * false, and the caller frees the VM. */
bool vm_setup(VM *vm, void (*open)(VM *vm, void *ud), void *ud) {
  jmp_buf oom;
  if (setjmp(oom)) {
    vm->setup_oom = NULL;
    return false;
  }
  vm->setup_oom = &oom;
  vm->reserve = vm->realloc_fn(NULL, VM_RESERVE, vm->alloc_ud);
  if (!vm->reserve) vm_out_of_memory(vm);
  sched_init(vm);
  fiber_new_main(vm);
  vm->s_init = str_cstr(vm, "init");
  vm->s_str = str_cstr(vm, "str");
  vm->s_message = str_cstr(vm, "message");
  vm->s_trace = str_cstr(vm, "trace");
  vm->s_script = str_cstr(vm, "<script>");
  vm->s_kind = str_cstr(vm, "kind");
  vm->s_file = str_cstr(vm, "file");
  vm->s_line = str_cstr(vm, "line");
  vm->s_column = str_cstr(vm, "column");
  vm->gc_paused = 0;
  define_error_class(vm);
  if (open) open(vm, ud);
  vm->setup_oom = NULL;
  return true;
}

void vm_free(VM *vm) {
  if (!vm) return;
  vm_flush(vm);
  sched_free(vm);
  /* free everything: no roots */
  Obj *o = vm->objects;
  while (o) {
    Obj *next = o->next;
    obj_free(vm, o);
    o = next;
  }
  vm->objects = NULL;
  if (vm->reserve) vm->realloc_fn(vm->reserve, 0, vm->alloc_ud);
  strset_free(vm);
  free(vm->str_scratch);
  free(vm->gray);
  free(vm->globals);
  free(vm->global_names);
  table_free(vm, &vm->global_index);
  table_free(vm, &vm->string_methods);
  table_free(vm, &vm->list_methods);
  table_free(vm, &vm->map_methods);
  table_free(vm, &vm->fiber_methods);
  table_free(vm, &vm->channel_methods);
  table_free(vm, &vm->range_methods);
  table_free(vm, &vm->modules);
  table_free(vm, &vm->sources);
  table_free(vm, &vm->userdata_classes);
  api_free_handles(vm);
  free(vm->last_error);
  free(vm->last_trace);
  alloc_free_all(vm);   /* last: the frees above fill the cache */
  free(vm);
}
