/* error.c — raising errors, Error instances and tracebacks. */
#include <string.h>
#include <stdlib.h>
#include "vm.h"

/* Traceback of the running fiber: innermost frame first. Very deep stacks
 * keep their 10 innermost and 10 outermost frames. */
Value vm_traceback(VM *vm) {
  Fiber *f = vm->fiber;
  ObjList *l = list_new(vm, 0);
  vm_push(vm, LIST_VAL(l));
  int n = f->nframes;
  for (int i = n - 1; i >= 0; i--) {
    if (n > 24 && i == n - 11) {
      ObjString *s = str_format(vm, "... %d more", n - 20);
      list_push(vm, l, STR_VAL(s));
      i = 10;
    }
    CallFrame *fr = &f->frames[i];
    ObjProto *p = fr->cl->p;
    int pcoff = (int)(fr->pc - p->code) - 1;
    if (pcoff < 0) pcoff = 0;
    if (pcoff >= p->ncode) pcoff = p->ncode - 1;
    const char *file = p->file ? p->file->chars : "?";
    ObjString *s = str_format(vm, "%s:%d in %s", file, p->ncode ? p->lines[pcoff] : 0, p->name->chars);
    list_push(vm, l, STR_VAL(s));
  }
  if (!f->is_generator && f->spawn_proto) {   /* where a spawned fiber came from */
    ObjProto *p = f->spawn_proto;
    const char *file = p->module && p->module->file ? p->module->file->chars : "?";
    list_push(vm, l, STR_VAL(str_format(vm, "spawned at %s:%d in %s", file, f->spawn_line, p->name->chars)));
  }
  vm_pop(vm);
  return LIST_VAL(l);
}

Value vm_make_error(VM *vm, ObjString *message) {
  vm_push(vm, STR_VAL(message));
  ObjInstance *e = instance_new(vm, vm->error_class);
  Value ev = OBJ_VAL(V_INSTANCE, e);
  vm_push(vm, ev);
  table_set(vm, &e->fields, STR_VAL(vm->s_message), STR_VAL(message));
  table_set(vm, &e->fields, STR_VAL(vm->s_trace), NIL_VAL);
  vm_pop(vm);
  vm_pop(vm);
  return ev;
}

static bool is_error_instance(VM *vm, Value v) {
  if (!IS_INSTANCE(v)) return false;
  for (ObjClass *k = AS_INSTANCE(v)->klass; k; k = k->super)
    if (k == vm->error_class) return true;
  return false;
}

static _Noreturn void unwind(VM *vm, Fiber *f, Value v);

_Noreturn void vm_throw_again(VM *vm, Value v, Value trace) {
  Fiber *f = vm->fiber;
  if (!IS_LIST(trace)) vm_throw_value(vm, v);
  f->error = v;
  f->error_trace = trace;
  unwind(vm, f, v);
}

_Noreturn void vm_throw_value(VM *vm, Value v) {
  Fiber *f = vm->fiber;
  f->error = v;
  vm_push(vm, v);
  Value existing = NIL_VAL;
  if (is_error_instance(vm, v)) {
    Value *t = table_find_str(&AS_INSTANCE(v)->fields, vm->s_trace);
    if (t) existing = *t;
  }
  if (IS_LIST(existing)) {
    f->error_trace = existing;   /* a rethrow keeps where it first went wrong */
  } else {
    Value tr = vm_traceback(vm);
    f->error_trace = tr;
    if (is_error_instance(vm, v)) {
      vm_push(vm, tr);
      table_set(vm, &AS_INSTANCE(v)->fields, STR_VAL(vm->s_trace), tr);
      vm_pop(vm);
    }
  }
  vm_pop(vm);
  unwind(vm, f, v);
}

/* The error is in f->error and f->error_trace: jump to the catch point. */
static _Noreturn void unwind(VM *vm, Fiber *f, Value v) {
  f->overflow_slack = false;
  vm->oom_slack = false;
  if (!f->errjmp) {
    vm_flush(vm);
    fprintf(stderr, "fatal: error with no protected call: %s\n", vm_error_message(vm, v)->chars);
    abort();
  }
  coro_fp_unknown();   /* the catch point may be C code (see coro.h) */
  vm->reserve_spent = false;   /* the error exists: a later collection may take the reserve back */
  longjmp(f->errjmp->buf, 1);
}

_Noreturn void vm_throw(VM *vm, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  ObjString *msg = str_cstr(vm, buf);
  vm_throw_value(vm, vm_make_error(vm, msg));
}

static Value make_error_kind(VM *vm, const char *kind, const char *msg) {
  Value e = vm_make_error(vm, str_cstr(vm, msg));
  vm_push(vm, e);
  ObjString *k = str_cstr(vm, kind);
  vm_push(vm, STR_VAL(k));
  table_set(vm, &AS_INSTANCE(e)->fields, STR_VAL(str_cstr(vm, "kind")), STR_VAL(k));
  vm_pop(vm);
  vm_pop(vm);
  return e;
}

Value vm_make_error_kind(VM *vm, const char *kind, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return make_error_kind(vm, kind, buf);
}

_Noreturn void vm_throw_kind(VM *vm, const char *kind, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  vm_throw_value(vm, make_error_kind(vm, kind, buf));
}

bool vm_error_is_kind(VM *vm, Value err, const char *kind) {
  if (!is_error_instance(vm, err)) return false;
  Table *t = &AS_INSTANCE(err)->fields;
  for (uint32_t i = 0; i < t->count; i++) {
    Value k = t->entries[i].key;
    if (IS_STRING(k) && strcmp(AS_STRING(k)->chars, "kind") == 0)
      return IS_STRING(t->entries[i].value) && strcmp(AS_STRING(t->entries[i].value)->chars, kind) == 0;
  }
  return false;
}

ObjString *vm_error_message(VM *vm, Value err) {
  if (is_error_instance(vm, err)) {
    Value *m = table_find_str(&AS_INSTANCE(err)->fields, vm->s_message);
    if (m && IS_STRING(*m)) return AS_STRING(*m);
    if (m) return vm_tostring(vm, *m);
    /* no message (a subclass's init did not call super.init) and no str()
     * of its own, which would be this very function: the class name */
    ObjClass *k = AS_INSTANCE(err)->klass;
    Value own = vm->error_class->str;
    if (k->str.tag == own.tag && AS_OBJ(k->str) == AS_OBJ(own)) return k->name;
  }
  if (IS_STRING(err)) return AS_STRING(err);
  /* str() of a thrown instance may itself fail: fall back to its type */
  Fiber *f = vm->fiber;
  ErrJmp ej;
  ej.prev = f->errjmp;
  int saved_top = f->top, saved_frames = f->nframes, saved_handlers = f->nhandlers, saved_cdepth = f->cdepth;
  f->errjmp = &ej;
  if (setjmp(ej.buf) == 0) {
    ObjString *s = vm_tostring(vm, err);
    f->errjmp = ej.prev;
    return s;
  }
  f = vm->fiber;
  f->top = saved_top;
  f->nframes = saved_frames;
  f->nhandlers = saved_handlers;
  f->cdepth = saved_cdepth;
  f->errjmp = ej.prev;
  return str_format(vm, "<%s>", value_type_name(err));
}

typedef struct { const char *head; Value err, trace; } ReportJob;

static void report_job(VM *vm, void *ud) {
  ReportJob *j = ud;
  ObjString *rep = vm_error_report(vm, j->err, j->trace);
  if (j->head) vm_write_err(vm, j->head, strlen(j->head));
  vm_write_err(vm, rep->chars, rep->len);
}

void vm_report_error(VM *vm, const char *head, Value err, Value trace) {
  bool slack = vm->oom_slack;
  vm->oom_slack = true;
  vm_push_root(vm, &err);
  vm_push_root(vm, &trace);
  ReportJob job = {head, err, trace};
  Value e;
  if (!vm_protect(vm, report_job, &job, &e)) {
    /* not even that (the host allocator failed): the message alone */
    static const char fallback[] = "error (and out of memory while reporting it)\n";
    if (head) vm_write_err(vm, head, strlen(head));
    vm_write_err(vm, fallback, sizeof fallback - 1);
  }
  vm_pop_root(vm);
  vm_pop_root(vm);
  vm->oom_slack = slack;
}

/* "file:line: message\ntraceback:\n  file:line in name\n..." */
/* Writes the report into out (NULL: only measures it); returns its length. */
static size_t write_report(char *out, ObjString *msg, ObjList *tl) {
  size_t len = 0;
#define ADD(s, n) do { size_t n_ = (n); if (out) memcpy(out + len, s, n_); len += n_; } while (0)
  if (tl && tl->count > 0 && IS_STRING(tl->items[0])) {
    ObjString *first = AS_STRING(tl->items[0]);
    const char *in = strstr(first->chars, " in ");
    ADD(first->chars, in ? (size_t)(in - first->chars) : first->len);
    ADD(": ", 2);
  }
  ADD(msg->chars, msg->len);
  ADD("\n", 1);
  if (tl && tl->count > 0) {
    ADD("traceback:\n", 11);
    for (uint32_t i = 0; i < tl->count; i++) {
      if (!IS_STRING(tl->items[i])) continue;
      ADD("  ", 2);
      ADD(AS_STRING(tl->items[i])->chars, AS_STRING(tl->items[i])->len);
      ADD("\n", 1);
    }
  }
#undef ADD
  return len;
}

/* Built in place in the VM's own string (an out-of-memory error while
 * building it leaves nothing behind). */
ObjString *vm_error_report(VM *vm, Value err, Value trace) {
  vm_push(vm, err);
  vm_push(vm, trace);
  ObjString *msg = vm_error_message(vm, err);
  vm_push(vm, STR_VAL(msg));
  ObjList *tl = IS_LIST(trace) ? AS_LIST(trace) : NULL;
  ObjString *r = str_alloc(vm, write_report(NULL, msg, tl));
  write_report(r->chars, msg, tl);
  r = str_take_buffer(vm, r);
  vm_pop(vm);
  vm_pop(vm);
  vm_pop(vm);
  return r;
}
