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
  /* where a spawned fiber came from; a generator only when it failed
   * before its function ran (its resumer's trace says the rest) */
  if (f->spawn_proto && (!f->is_generator || n == 0)) {
    ObjProto *p = f->spawn_proto;
    const char *file = p->module && p->module->file ? p->module->file->chars : "?";
    list_push(vm, l, STR_VAL(str_format(vm, "%s at %s:%d in %s", f->is_generator ? "created" : "spawned", file,
                                        f->spawn_line, p->name->chars)));
  }
  vm_pop(vm);
  return LIST_VAL(l);
}

/* The field names are the VM's own strings (always rooted, made once); the
 * value is rooted because growing the field table may collect. */
static void set_field(VM *vm, Value e, ObjString *name, Value v) {
  vm_push(vm, v);
  table_set(vm, &AS_INSTANCE(e)->fields, STR_VAL(name), v);
  vm_pop(vm);
}

void vm_error_set_kind(VM *vm, Value e, const char *kind) {
  set_field(vm, e, vm->s_kind, STR_VAL(str_cstr(vm, kind)));
}

Value vm_make_error(VM *vm, ObjString *message) {
  vm_push(vm, STR_VAL(message));
  ObjInstance *e = instance_new(vm, vm->error_class);
  Value ev = OBJ_VAL(V_INSTANCE, e);
  vm_push(vm, ev);
  table_set(vm, &e->fields, STR_VAL(vm->s_message), STR_VAL(message));
  table_set(vm, &e->fields, STR_VAL(vm->s_trace), NIL_VAL);
  vm_error_set_kind(vm, ev, "runtime");
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

/* Where the innermost script frame is: the start of the expression that
 * failed, or of the call of the native that raised; nil when no script is
 * running. */
static ObjProto *innermost_position(VM *vm, Value *line, Value *col) {
  Fiber *f = vm->fiber;
  *line = *col = NIL_VAL;
  if (f->nframes == 0) {   /* failed before its function ran (arity): where the fiber was made */
    if (f->spawn_proto) *line = INT_VAL(f->spawn_line);
    return f->spawn_proto;
  }
  CallFrame *fr = &f->frames[f->nframes - 1];
  ObjProto *p = fr->cl->p;
  int pcoff = (int)(fr->pc - p->code) - 1;
  if (pcoff >= p->ncode) pcoff = p->ncode - 1;
  if (pcoff < 0) pcoff = 0;
  if (p->ncode) { *line = INT_VAL(p->lines[pcoff]); *col = INT_VAL(p->cols[pcoff]); }
  return p;
}

/* e.file, e.line, e.column */
static void set_position(VM *vm, Value e) {
  Value file = NIL_VAL, line, col;
  ObjProto *p = innermost_position(vm, &line, &col);
  if (p && p->file) file = STR_VAL(p->file);
  set_field(vm, e, vm->s_file, file);
  set_field(vm, e, vm->s_line, line);
  set_field(vm, e, vm->s_column, col);
}

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
    Value *line = table_find_str(&AS_INSTANCE(v)->fields, vm->s_line);
    if (!line || !IS_INT(*line)) set_position(vm, v);   /* a trace the script gave: its first throw is here */
  } else {
    Value tr = vm_traceback(vm);
    f->error_trace = tr;
    if (is_error_instance(vm, v)) {
      vm_push(vm, tr);
      table_set(vm, &AS_INSTANCE(v)->fields, STR_VAL(vm->s_trace), tr);
      vm_pop(vm);
      set_position(vm, v);
    } else {
      /* a thrown string or plain instance has no fields to keep its
       * position in: its trace, never shown to scripts, ends with it as a
       * list [file, line, column] */
      Value line, col;
      ObjProto *p = innermost_position(vm, &line, &col);
      ObjList *where = list_new(vm, 3);
      vm_push(vm, LIST_VAL(where));
      list_push(vm, where, p && p->file ? STR_VAL(p->file) : NIL_VAL);
      list_push(vm, where, line);
      list_push(vm, where, col);
      list_push(vm, AS_LIST(tr), LIST_VAL(where));
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
  errjmp_jump(f, f->errjmp);
}

/* The kind of an error raised with vm_throw, from the shape of its message
 * (the format, or the text when the format is only "%s"): first match wins.
 * Errors raised with vm_throw_kind name theirs. */
static const struct { const char *part; const char *kind; } kinds[] = {
  {"stack overflow", "stack"},
  {"out of memory", "memory"},
  {"format:", "value"},
  {"has no field", "key"}, {"has no method", "key"}, {"has no variable", "key"},
  {"map key cannot", "key"},
  {"expects %d", "arity"}, {"expects at least", "arity"}, {"expects 0 arguments", "arity"},
  {"is an instance method", "arity"}, {"passes at most one value", "arity"},
  {"too many arguments (", "arity"},
  {"out of range", "index"},
  {"too large", "overflow"}, {"too long", "overflow"}, {"too many elements", "overflow"},
  {"out of int range", "overflow"},
  {"division by zero", "value"}, {"invalid int", "value"}, {"invalid float", "value"},
  {"cannot unpack %u", "value"}, {"empty list", "value"}, {"with a fraction", "value"},
  {"buffer size must be", "value"}, {"invalid timeout", "value"},
  {"cannot resume", "runtime"}, {"cannot join", "runtime"}, {"cannot close", "runtime"},
  {"cannot park", "runtime"}, {"cannot create", "runtime"}, {"module", "runtime"},
  {"cannot register", "runtime"},
  {"cannot ", "type"}, {"must return", "type"}, {"len() of", "type"}, {"must be", "type"}, {"needs an int", "type"}, {"needs ints", "type"},
  {"expected a", "type"}, {"expects a", "type"}, {"expects an", "type"}, {"expects channels", "type"},
  {"strings are immutable", "type"},
};

static const char *kind_of(const char *fmt, const char *msg) {
  const char *text = strcmp(fmt, "%s") == 0 ? msg : fmt;
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (strstr(text, kinds[i].part)) return kinds[i].kind;
  return "runtime";
}

_Noreturn void vm_throw(VM *vm, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  ObjString *msg = str_cstr(vm, buf);
  Value e = vm_make_error(vm, msg);
  vm_push(vm, e);
  vm_error_set_kind(vm, e, kind_of(fmt, buf));
  vm_pop(vm);
  vm_throw_value(vm, e);
}

static Value make_error_kind(VM *vm, const char *kind, const char *msg) {
  Value e = vm_make_error(vm, str_cstr(vm, msg));
  vm_push(vm, e);
  vm_error_set_kind(vm, e, kind);
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
  Value *k = table_find_str(&AS_INSTANCE(err)->fields, vm->s_kind);
  return k && IS_STRING(*k) && strcmp(AS_STRING(*k)->chars, kind) == 0;
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

typedef struct { ObjString *file; const char *src; size_t len; } SourceJob;

static void remember_job(VM *vm, void *ud) {
  SourceJob *j = ud;
  vm_push(vm, STR_VAL(j->file));
  ObjString *text = str_new(vm, j->src, j->len);
  vm_push(vm, STR_VAL(text));
  table_set(vm, &vm->sources, STR_VAL(j->file), STR_VAL(text));
  vm_pop(vm);
  vm_pop(vm);
}

/* Protected: out of memory here only costs the excerpts, never the run. */
void vm_remember_source(VM *vm, ObjString *file, const char *src, size_t len) {
  SourceJob job = {file, src, len};
  Value err;
  table_remove(&vm->sources, STR_VAL(file));   /* an old text would show wrong lines */
  vm_protect(vm, remember_job, &job, &err);
}

size_t vm_source_excerpt(char *out, const char *src, size_t len, int line, int col) {
  const char *p = src, *end = src + len;
  for (int l = 1; l < line && p < end; l++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    p = nl ? nl + 1 : end;
  }
  if (line < 1 || p >= end) return 0;
  const char *e = memchr(p, '\n', (size_t)(end - p));
  if (!e) e = end;
  if (e > p && e[-1] == '\r') e--;
  size_t n = 0;
  char num[32];
  int k = snprintf(num, sizeof num, "%5d | ", line);
#define PUT(s, m) do { size_t m_ = (m); if (out) memcpy(out + n, s, m_); n += m_; } while (0)
  PUT(num, (size_t)k);
  /* control bytes (a NUL in the source) are shown escaped, never raw */
  for (const char *q = p; q < e; q++) {
    unsigned char c = (unsigned char)*q;
    char esc[8];
    if ((c < 0x20 && c != '\t') || c == 0x7f) PUT(esc, (size_t)snprintf(esc, sizeof esc, "\\x%02X", c));
    else PUT(q, 1);
  }
  PUT("\n", 1);
  if (col >= 1 && col - 1 <= e - p) {
    PUT("      | ", 8);
    /* under each character a space (a tab under a tab, four under an
     * escaped byte), so the caret lines up whatever the tab width; a UTF-8
     * character is one column */
    for (const char *q = p; q < p + col - 1; q++) {
      unsigned char c = (unsigned char)*q;
      if ((c & 0xC0) == 0x80) continue;
      if ((c < 0x20 && c != '\t') || c == 0x7f) PUT("    ", 4);
      else PUT(c == '\t' ? "\t" : " ", 1);
    }
    PUT("^\n", 2);
  }
#undef PUT
  return n;
}

/* Where the error happened, for the report's first line and the source
 * excerpt: an Error's file, line and column fields, or the position a
 * thrown value's trace ends with (vm_throw_value). NULL when unknown. */
static ObjString *report_position(VM *vm, Value err, Value trace, int *line, int *col) {
  Value file = NIL_VAL, l = NIL_VAL, c = NIL_VAL;
  if (is_error_instance(vm, err)) {
    Table *fields = &AS_INSTANCE(err)->fields;
    Value *v;
    if ((v = table_find_str(fields, vm->s_file))) file = *v;
    if ((v = table_find_str(fields, vm->s_line))) l = *v;
    if ((v = table_find_str(fields, vm->s_column))) c = *v;
  } else if (IS_LIST(trace) && AS_LIST(trace)->count > 0) {
    Value last = AS_LIST(trace)->items[AS_LIST(trace)->count - 1];
    if (IS_LIST(last) && AS_LIST(last)->count == 3) {
      file = AS_LIST(last)->items[0];
      l = AS_LIST(last)->items[1];
      c = AS_LIST(last)->items[2];
    }
  }
  *line = IS_INT(l) ? (int)AS_INT(l) : 0;
  *col = IS_INT(c) ? (int)AS_INT(c) : 0;
  return IS_STRING(file) && IS_INT(l) ? AS_STRING(file) : NULL;
}

/* "file:line:col: message\n   12 | source line\n      |   ^\ntraceback:\n  file:line in name\n..." */
/* Writes the report into out (NULL: only measures it); returns its length. */
static size_t write_report(char *out, ObjString *msg, ObjList *tl, ObjString *file, ObjString *src, int line, int col) {
  size_t len = 0;
#define ADD(s, n) do { size_t n_ = (n); if (out) memcpy(out + len, s, n_); len += n_; } while (0)
  if (file) {
    ADD(file->chars, file->len);
    char num[32];
    int k = col > 0 ? snprintf(num, sizeof num, ":%d:%d", line, col) : snprintf(num, sizeof num, ":%d", line);
    ADD(num, (size_t)k);
    ADD(": ", 2);
  }
  ADD(msg->chars, msg->len);
  ADD("\n", 1);
  if (src) len += vm_source_excerpt(out ? out + len : NULL, src->chars, src->len, line, col);
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
  int line, col;
  ObjString *file = report_position(vm, err, trace, &line, &col), *src = NULL;
  if (file) {
    Value *s = table_find(&vm->sources, STR_VAL(file));
    if (s && IS_STRING(*s)) src = AS_STRING(*s);
  }
  ObjString *r = str_alloc(vm, write_report(NULL, msg, tl, file, src, line, col));
  write_report(r->chars, msg, tl, file, src, line, col);
  r = str_take_buffer(vm, r);
  vm_pop(vm);
  vm_pop(vm);
  vm_pop(vm);
  return r;
}
