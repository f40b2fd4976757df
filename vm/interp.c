/* interp.c — the bytecode interpreter and the call machinery.
 *
 * execute() runs frames of the current fiber until the frame it was entered
 * for returns. Script-to-script calls push a CallFrame and stay in the same
 * execute() loop: the C stack grows only when native code calls back into
 * script (vm_call), and every such re-entry first checks the remaining C
 * stack of the running fiber.
 *
 * Errors longjmp to the innermost ErrJmp on this fiber's C stack (one per
 * execute() and per vm_pcall). A `try` pushes a Handler tagged with the
 * execute() level that owns it; an execute() catches only its own handlers
 * and passes everything else outward. */
#include <string.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <stddef.h>
#include "vm.h"
#include "opcodes.h"
#include "fiber.h"
#include "arith.h"

#define MAX_STACK_SLOTS 1000000
#define CSTACK_MARGIN (48 * 1024)

/* ---- stack and frames ------------------------------------------------ */

void fiber_grow_stack(VM *vm, Fiber *f, int min_cap) {
  if (min_cap <= f->stack_cap) return;
  /* past the limit: raise, and let building that error use a little more */
  int limit = MAX_STACK_SLOTS + (f->overflow_slack ? 4096 : 0);
  if (min_cap > limit) {
    if (f->overflow_slack) {
      vm_flush(vm);
      fprintf(stderr, "fatal: VM stack overflow while raising an error\n");
      abort();
    }
    f->overflow_slack = true;
    vm_throw(vm, "stack overflow");
  }
  int nc = f->stack_cap ? f->stack_cap : 16;   /* most fibers are shallow: grow on demand */
  while (nc < min_cap) nc *= 2;
  if (nc > limit) nc = limit;
  Value *old = f->stack;
  Value *ns;
  if (f->stack_inline) {   /* it leaves the top of its C stack for the heap */
    ns = vm_realloc(vm, NULL, 0, sizeof(Value) * nc);
    memcpy(ns, old, sizeof(Value) * f->stack_cap);
    f->stack_inline = false;
  } else {
    ns = vm_realloc(vm, f->stack, sizeof(Value) * f->stack_cap, sizeof(Value) * nc);
  }
  for (int i = f->stack_cap; i < nc; i++) ns[i] = NIL_VAL;
  f->stack = ns;
  f->stack_cap = nc;
  if (ns != old) {
    for (ObjUpvalue *u = f->open_upvalues; u; u = u->next) u->v = ns + (u->v - old);
  }
}

void fiber_ensure_stack(VM *vm, Fiber *f, int needed) {
  if (f->top + needed > f->stack_cap) fiber_grow_stack(vm, f, f->top + needed);
}

/* vm_push on a full stack: v lives only in this C frame while growing the
 * stack collects, so it is a root until it is on the stack. */
void vm_push_grow(VM *vm, Value v) {
  vm_push_root(vm, &v);
  fiber_ensure_stack(vm, vm->fiber, 1);
  vm_pop_root(vm);
  Fiber *f = vm->fiber;
  f->stack[f->top++] = v;
}

static void grow_frames(VM *vm, Fiber *f) {
  int nc = f->frames_cap ? f->frames_cap * 2 : 8;
  if (f->frames_inline) {
    CallFrame *nf = vm_realloc(vm, NULL, 0, sizeof(CallFrame) * nc);
    memcpy(nf, f->frames, sizeof(CallFrame) * f->frames_cap);
    f->frames = nf;
    f->frames_inline = false;
  } else {
    f->frames = vm_realloc(vm, f->frames, sizeof(CallFrame) * f->frames_cap, sizeof(CallFrame) * nc);
  }
  f->frames_cap = nc;
}

void fiber_close_upvalues(Fiber *f, Value *level) {
  while (f->open_upvalues && f->open_upvalues->v >= level) {
    ObjUpvalue *u = f->open_upvalues;
    u->closed = *u->v;
    u->v = &u->closed;
    u->owner = NULL;
    f->open_upvalues = u->next;
  }
}

static ObjUpvalue *capture_upvalue(VM *vm, Fiber *f, Value *slot) {
  ObjUpvalue **link = &f->open_upvalues;
  while (*link && (*link)->v > slot) link = &(*link)->next;
  if (*link && (*link)->v == slot) return *link;
  ptrdiff_t off = slot - f->stack;
  ObjUpvalue *u = upvalue_new(vm, slot);
  slot = f->stack + off;
  u->v = slot;
  u->owner = f;
  /* the allocation may have collected garbage but cannot move the stack */
  link = &f->open_upvalues;
  while (*link && (*link)->v > slot) link = &(*link)->next;
  u->next = *link;
  *link = u;
  return u;
}

/* `Point.norm()`, or a method taken from its class and called bare: there
 * is no instance to be self */
static _Noreturn void instance_method_error(VM *vm, const char *name) {
  vm_throw(vm, "%s() is an instance method; call it on an instance", name);
}

static bool is_instance_method(Value m) {
  return (IS_CLOSURE(m) && AS_CLOSURE(m)->p->is_method) || (m.tag == V_NATIVE && AS_NATIVE(m)->is_method);
}

/* a `static fn` of a class: a script function without self */
static bool is_static_method(Value m) {
  return IS_CLOSURE(m) && !AS_CLOSURE(m)->p->is_method;
}

static _Noreturn void arity_error(VM *vm, ObjProto *p, int nargs) {
  if (p->is_method && nargs == 0) instance_method_error(vm, p->name->chars);
  int self = p->is_method ? 1 : 0;
  int req = p->nrequired - self;
  int max = p->nparams - self - (p->has_rest ? 1 : 0);
  int got = nargs - self;
  const char *name = p->name->chars;
  if (p->has_rest)
    vm_throw(vm, "%s() expects at least %d argument%s, got %d", name, req, req == 1 ? "" : "s", got);
  if (req == max)
    vm_throw(vm, "%s() expects %d argument%s, got %d", name, req, req == 1 ? "" : "s", got);
  vm_throw(vm, "%s() expects %d to %d arguments, got %d", name, req, max, got);
}

/* A new frame's registers are not cleared: the compiler writes a register
 * before the frame reads it, and the collector never finds a freed object
 * in one (fiber_mark clears the whole stack above the top, so every slot is
 * nil or something it kept). Missing optional parameters start as nil. Only
 * the tags are written: nothing reads a nil's payload. */
static inline void clear_regs(Value *regs, int from, int to) {
  for (int i = from; i < to; i++) regs[i].tag = V_NIL;
}

/* Push a frame for closure cl whose arguments are at stack[base..base+nargs). */

static void push_frame(VM *vm, Fiber *f, ObjClosure *cl, int base, int nargs) {
  ObjProto *p = cl->p;
  int passed = nargs;
  /* room first: growing the stack may collect, and the rest list made
   * below must not be the only reference to itself while that happens */
  int need = base + (p->maxregs > nargs ? p->maxregs : nargs) + 1;
  if (need > f->stack_cap) {
    if (need > MAX_STACK_SLOTS) vm_throw(vm, "stack overflow");
    f->top = base + nargs;
    fiber_grow_stack(vm, f, need);
  }
  if (nargs != p->nparams || p->has_rest) {
    if (nargs < p->nrequired) arity_error(vm, p, nargs);
    if (p->has_rest) {
      int fixed = p->nparams - 1;
      f->top = base + nargs;
      ObjList *rest = list_new(vm, 0);
      int extra = nargs > fixed ? nargs - fixed : 0;
      if (extra) {
        vm_push(vm, LIST_VAL(rest));
        list_reserve(vm, rest, (uint32_t)extra);
        vm_pop(vm);
        for (int i = 0; i < extra; i++) rest->items[i] = f->stack[base + fixed + i];
        rest->count = (uint32_t)extra;
      }
      for (int i = nargs; i < fixed; i++) f->stack[base + i] = NIL_VAL;
      f->stack[base + fixed] = LIST_VAL(rest);
      passed = nargs < fixed ? nargs : fixed;
      nargs = fixed + 1;
      f->top = base + nargs;   /* the rest list is live from here on */
    } else if (nargs > p->nparams) {
      arity_error(vm, p, nargs);
    }
  }
  if (f->nframes == f->frames_cap) {
    if (f->nframes >= vm->max_frames) vm_throw(vm, "stack overflow");
    grow_frames(vm, f);
  }
  clear_regs(f->stack + base, nargs, p->nparams);
  CallFrame *fr = &f->frames[f->nframes++];
  fr->cl = cl;
  fr->pc = p->code;
  fr->base = base;
  fr->nargs = passed;
  fr->flags = 0;
  f->top = base + p->maxregs;
}

enum { FRAME_CONSTRUCT = 2 };

/* push_frame's common case, for vm_call: the arguments match the
 * parameters and the frame fits the stacks we have. Returns false (nothing
 * done) otherwise. */
static inline bool enter_exact(Fiber *f, ObjClosure *cl, int base, int nargs, int flags) {
  ObjProto *p = cl->p;
  if (nargs != p->nparams || p->has_rest || base + p->maxregs + 1 > f->stack_cap || f->nframes >= f->frames_cap)
    return false;
  CallFrame *fr = &f->frames[f->nframes++];
  fr->cl = cl;
  fr->pc = p->code;
  fr->base = base;
  fr->nargs = nargs;
  fr->flags = flags;
  f->top = base + p->maxregs;
  return true;
}

/* Insert `receiver` before the arguments of the call at fnslot. */
static void insert_receiver(VM *vm, Fiber *f, int fnslot, int nargs, Value receiver) {
  if (fnslot + nargs + 3 > f->stack_cap) fiber_grow_stack(vm, f, fnslot + nargs + 3);
  memmove(&f->stack[fnslot + 2], &f->stack[fnslot + 1], sizeof(Value) * nargs);
  f->stack[fnslot + 1] = receiver;
  f->top = fnslot + nargs + 2;
}

static __attribute__((noinline, cold)) _Noreturn void native_arity_error(VM *vm, ObjNative *n, int nargs) {
  if (n->is_method && nargs == 0) instance_method_error(vm, n->name->chars);
  int self = n->is_method ? 1 : 0;
  int want = n->arity - self;
  vm_throw(vm, "%s() expects %d argument%s, got %d", n->name->chars, want, want == 1 ? "" : "s", nargs - self);
}

/* The body of call_native, inlined where INVOKE calls a built-in type's
 * method (list.push, s.len(): the most frequent native calls). */
static inline __attribute__((always_inline)) void call_native_inline(VM *vm, Fiber *f, ObjNative *n, int fnslot, int nargs) {
  if (__builtin_expect(n->arity >= 0 && n->arity != nargs, 0)) native_arity_error(vm, n, nargs);
  /* The native sees only its arguments; the caller's registers above them
   * are dead (a collection meanwhile clears them: fiber_mark). */
  f->top = fnslot + 1 + nargs;
  vm->calling_native = n;   /* (a host native clears coro__fp_known: api_thunk) */
  Value r = n->fn(vm, nargs, f->stack + fnslot + 1);
  f = vm->fiber;
  f->stack[fnslot] = r;
  f->top = fnslot + 1;
}

static void call_native(VM *vm, Fiber *f, ObjNative *n, int fnslot, int nargs) {
  call_native_inline(vm, f, n, fnslot, nargs);
}

/* Start a call of stack[fnslot] with nargs arguments after it. A script
 * function gets a new frame (returns true: the caller must run it); anything
 * else completes here with its result in stack[fnslot]. */
static bool prepare_call(VM *vm, Fiber *f, int fnslot, int nargs) {
  Value fn = f->stack[fnslot];
  switch (fn.tag) {
    case V_CLOSURE:
      push_frame(vm, f, AS_CLOSURE(fn), fnslot + 1, nargs);
      return true;
    case V_NATIVE: {
      ObjNative *n = AS_NATIVE(fn);
      if (!IS_NIL(n->self)) {
        insert_receiver(vm, f, fnslot, nargs, n->self);
        nargs++;
      }
      call_native(vm, f, n, fnslot, nargs);
      return false;
    }
    case V_BOUND: {
      ObjBound *b = AS_BOUND(fn);
      insert_receiver(vm, f, fnslot, nargs, b->receiver);
      f->stack[fnslot] = b->method;
      if (IS_NATIVE_VAL(b->method)) { call_native(vm, f, AS_NATIVE(b->method), fnslot, nargs + 1); return false; }
      push_frame(vm, f, AS_CLOSURE(b->method), fnslot + 1, nargs + 1);
      return true;
    }
    case V_CLASS: {
      ObjClass *k = AS_CLASS(fn);
      /* room for the receiver first: growing the stack may collect */
      if (fnslot + nargs + 3 > f->stack_cap) fiber_grow_stack(vm, f, fnslot + nargs + 3);
      f->top = fnslot + 1 + nargs;
      ObjInstance *inst = instance_new(vm, k);
      Value iv = OBJ_VAL(V_INSTANCE, inst);
      if (IS_NIL(k->init)) {
        if (nargs != 0) vm_throw(vm, "%s() expects 0 arguments, got %d", k->name->chars, nargs);
        f->stack[fnslot] = iv;
        return false;
      }
      insert_receiver(vm, f, fnslot, nargs, iv);
      f->stack[fnslot] = k->init;
      if (IS_NATIVE_VAL(k->init)) {
        call_native(vm, f, AS_NATIVE(k->init), fnslot, nargs + 1);
        f = vm->fiber;
        f->stack[fnslot] = iv;
        return false;
      }
      push_frame(vm, f, AS_CLOSURE(k->init), fnslot + 1, nargs + 1);
      f->frames[f->nframes - 1].flags |= FRAME_CONSTRUCT;
      return true;
    }
    default:
      vm_throw(vm, "cannot call %s", value_type_name(fn));
  }
}

/* ---- method lookup -------------------------------------------------- */

Table *builtin_methods(VM *vm, Value v) {
  switch (v.tag) {
    case V_STRING: return &vm->string_methods;
    case V_LIST: return &vm->list_methods;
    case V_MAP: return &vm->map_methods;
    case V_FIBER: return &vm->fiber_methods;
    case V_CHANNEL: return &vm->channel_methods;
    case V_RANGE: return &vm->range_methods;
    default: return NULL;
  }
}

static _Noreturn void no_field(VM *vm, Value obj, ObjString *name) {
  if (IS_INSTANCE(obj)) vm_throw(vm, "%s instance has no field '%s'", AS_INSTANCE(obj)->klass->name->chars, name->chars);
  if (obj.tag == V_MODULE) vm_throw(vm, "module '%s' has no variable '%s'", AS_MODULE(obj)->name->chars, name->chars);
  if (IS_CLASS(obj)) vm_throw(vm, "class %s has no method '%s'", AS_CLASS(obj)->name->chars, name->chars);
  vm_throw(vm, "%s has no field '%s'", value_type_name(obj), name->chars);
}

bool vm_lookup_method(VM *vm, Value recv, ObjString *name, Value *out, bool *is_field) {
  *is_field = false;
  switch (recv.tag) {
    case V_INSTANCE: {
      ObjInstance *inst = AS_INSTANCE(recv);
      Value *v = table_find_str(&inst->fields, name);
      if (v) { *out = *v; *is_field = true; return true; }
      v = table_find_str(&inst->klass->methods, name);
      if (v) { *out = *v; return true; }
      return false;
    }
    case V_MAP: {
      Value *v = table_find_str(&vm->map_methods, name);
      if (v) { *out = *v; return true; }
      v = table_find(&AS_MAP(recv)->t, STR_VAL(name));
      if (v) { *out = *v; *is_field = true; return true; }
      return false;
    }
    case V_MODULE: {
      ObjModule *m = AS_MODULE(recv);
      Value *v = table_find_str(&m->names, name);
      if (v) { *out = m->vars[AS_INT(*v)]; *is_field = true; return true; }
      return false;
    }
    case V_USERDATA: {
      ObjUserdata *u = AS_USERDATA(recv);
      if (!u->klass) return false;
      Value *v = table_find_str(&u->klass->methods, name);
      if (v) { *out = *v; return true; }
      return false;
    }
    case V_CLASS: {
      Value *v = table_find_str(&AS_CLASS(recv)->methods, name);
      if (v) { *out = *v; *is_field = true; return true; }
      return false;
    }
    default: {
      if (recv.tag == V_FIBER && fiber_get_field(vm, AS_FIBER(recv), name, out)) { *is_field = true; return true; }
      Table *t = builtin_methods(vm, recv);
      if (!t) return false;
      Value *v = table_find_str(t, name);
      if (v) { *out = *v; return true; }
      return false;
    }
  }
}

Value vm_get_field(VM *vm, Value obj, ObjString *name) {
  Value m;
  bool is_field;
  if (!vm_lookup_method(vm, obj, name, &m, &is_field)) {
    if (IS_MAP(obj)) return NIL_VAL;   /* m.key for a missing key reads nil, like m["key"] */
    no_field(vm, obj, name);
  }
  if (is_field || (IS_INSTANCE(obj) && is_static_method(m))) return m;   /* static methods are not bound */
  if (m.tag == V_NATIVE && AS_NATIVE(m)->is_getter) return vm_call(vm, m, 1, &obj);
  vm_push(vm, m);
  ObjBound *b = bound_new(vm, obj, m);
  vm_pop(vm);
  return OBJ_VAL(V_BOUND, b);
}

static void set_field(VM *vm, Value obj, ObjString *name, Value v) {
  switch (obj.tag) {
    case V_INSTANCE: {
      ObjInstance *inst = AS_INSTANCE(obj);
      if (table_set(vm, &inst->fields, STR_VAL(name), v) && !inst->klass->methods_shadowed &&
          table_find_str(&inst->klass->methods, name))
        inst->klass->methods_shadowed = true;   /* INVOKE must look at fields first */
      return;
    }
    case V_MAP: table_set(vm, &AS_MAP(obj)->t, STR_VAL(name), v); return;
    case V_FIBER: if (fiber_set_field(vm, AS_FIBER(obj), name, v)) return; break;
    case V_MODULE: {
      ObjModule *m = AS_MODULE(obj);
      Value *slot = table_find_str(&m->names, name);
      if (!slot) no_field(vm, obj, name);
      m->vars[AS_INT(*slot)] = v;
      return;
    }
    default: break;
  }
  vm_throw(vm, "cannot set field '%s' on %s", name->chars, value_type_name(obj));
}

/* ---- indexing ------------------------------------------------------- */

static int64_t index_int(VM *vm, Value idx, const char *what) {
  if (IS_INT(idx)) return AS_INT(idx);
  if (IS_FLOAT(idx) && AS_FLOAT(idx) == floor(AS_FLOAT(idx)) && fabs(AS_FLOAT(idx)) < 9.2e18) return (int64_t)AS_FLOAT(idx);
  vm_throw(vm, "%s index must be an int, not %s", what, value_type_name(idx));
}

static int64_t index_of(VM *vm, Value idx, int64_t len, const char *what) {
  int64_t i = index_int(vm, idx, what);
  if (i < 0) i += len;
  if (i < 0 || i >= len) vm_throw(vm, "index out of range");
  return i;
}

/* obj[idx] on an instance: its `[]`, or a field named by a string (out of
 * line, like set_index_instance) */
static __attribute__((noinline)) Value get_index_instance(VM *vm, Value obj, Value idx) {
  Value m;
  if (vm_op_method(vm, obj, "[]", &m)) return vm_call_op(vm, m, 2, obj, idx, NIL_VAL);
  if (IS_STRING(idx)) return vm_get_field(vm, obj, AS_STRING(idx));
  vm_throw(vm, "cannot index %s", value_type_name(obj));
}

Value vm_get_index(VM *vm, Value obj, Value idx) {
  switch (obj.tag) {
    case V_LIST: { ObjList *l = AS_LIST(obj); return l->items[index_of(vm, idx, l->count, "list")]; }
    case V_STRING: {
      ObjString *s = AS_STRING(obj);
      int64_t i = index_of(vm, idx, (int64_t)s->len, "string");
      return STR_VAL(str_new(vm, s->chars + i, 1));
    }
    case V_MAP: {
      Value k = table_normalize_key(idx);
      Value *v = table_find(&AS_MAP(obj)->t, k);
      return v ? *v : NIL_VAL;
    }
    case V_RANGE: {
      /* index_of's int64 length would overflow: negative indexes count from
       * the end in unsigned arithmetic */
      ObjRange *r = AS_RANGE(obj);
      uint64_t n = range_count(r);
      int64_t i = index_int(vm, idx, "range");
      uint64_t back = 0 - (uint64_t)i;   /* |i| for a negative i */
      if (i >= 0 ? (uint64_t)i >= n : back > n) vm_throw(vm, "index out of range");
      return INT_VAL(range_at(r, i >= 0 ? (uint64_t)i : n - back));
    }
    case V_INSTANCE: return get_index_instance(vm, obj, idx);
    default: vm_throw(vm, "cannot index %s", value_type_name(obj));
  }
}

void vm_check_key(VM *vm, Value k) {
  if (IS_NIL(k)) vm_throw(vm, "map key cannot be nil");
  if (IS_FLOAT(k) && isnan(AS_FLOAT(k))) vm_throw(vm, "map key cannot be NaN");
}

/* obj[idx] = v on an instance: its `[]=`, or a field named by a string;
 * out of line, so that vm_set_index stays as small as the map path needs */
static __attribute__((noinline)) bool set_index_instance(VM *vm, Value obj, Value idx, Value v) {
  Value m;
  if (vm_op_method(vm, obj, "[]=", &m)) { vm_call_op(vm, m, 3, obj, idx, v); return true; }
  if (IS_STRING(idx)) { set_field(vm, obj, AS_STRING(idx), v); return true; }
  return false;
}

void vm_set_index(VM *vm, Value obj, Value idx, Value v) {
  switch (obj.tag) {
    case V_LIST: { ObjList *l = AS_LIST(obj); l->items[index_of(vm, idx, l->count, "list")] = v; return; }
    case V_MAP: {
      Value k = table_normalize_key(idx);
      vm_check_key(vm, k);
      table_set(vm, &AS_MAP(obj)->t, k, v);
      return;
    }
    case V_INSTANCE:
      if (set_index_instance(vm, obj, idx, v)) return;
      /* fall through */
    default:
      if (IS_STRING(obj)) vm_throw(vm, "strings are immutable");
      vm_throw(vm, "cannot index %s", value_type_name(obj));
  }
}

static int64_t clamp_bound(VM *vm, Value v, int64_t len, int64_t dflt) {
  if (IS_NIL(v)) return dflt;
  int64_t i;
  if (IS_INT(v)) i = AS_INT(v);
  else if (IS_FLOAT(v) && AS_FLOAT(v) == floor(AS_FLOAT(v))) i = (int64_t)AS_FLOAT(v);
  else vm_throw(vm, "slice bounds must be ints, not %s", value_type_name(v));
  if (i < 0) { i += len; if (i < 0) i = 0; }
  if (i > len) i = len;
  return i;
}

Value vm_slice(VM *vm, Value obj, Value lo, Value hi) {
  if (IS_LIST(obj)) {
    ObjList *l = AS_LIST(obj);
    int64_t a = clamp_bound(vm, lo, l->count, 0), b = clamp_bound(vm, hi, l->count, l->count);
    int64_t n = b > a ? b - a : 0;
    ObjList *r = list_new(vm, (uint32_t)n);
    if (n) memcpy(r->items, l->items + a, sizeof(Value) * n);
    r->count = (uint32_t)n;
    return LIST_VAL(r);
  }
  if (IS_STRING(obj)) {
    ObjString *s = AS_STRING(obj);
    int64_t a = clamp_bound(vm, lo, (int64_t)s->len, 0), b = clamp_bound(vm, hi, (int64_t)s->len, (int64_t)s->len);
    int64_t n = b > a ? b - a : 0;
    return STR_VAL(str_new(vm, s->chars + a, (size_t)n));
  }
  vm_throw(vm, "cannot slice %s", value_type_name(obj));
}

/* ---- iteration ------------------------------------------------------ */

/* for x in ud: what the userdata class's iter() returns (gs.h) */
static Value userdata_iter(VM *vm, Value v) {
  ObjUserdata *u = AS_USERDATA(v);
  Value *m = u->klass ? table_find_str(&u->klass->methods, str_cstr(vm, "iter")) : NULL;
  return m ? vm_call(vm, *m, 1, &v) : v;
}

/* What `for x in v` walks: v itself, or what the iter() of its class (an
 * instance's, or a userdata class's) returns. */
static Value iter_source(VM *vm, Value v) {
  Value m;
  if (vm_op_method(vm, v, "iter", &m)) v = vm_call_op(vm, m, 1, v, NIL_VAL, NIL_VAL);
  else if (v.tag == V_USERDATA) v = userdata_iter(vm, v);
  switch (v.tag) {
    case V_LIST: case V_MAP: case V_STRING: case V_RANGE: case V_FIBER: case V_CHANNEL: return v;
    default: vm_throw(vm, "cannot iterate over %s", value_type_name(v));
  }
}

/* Advance the loop at regs[0] (iterable), regs[1] (state). Writes the loop
 * variables to regs[2] (and regs[3] when two). Returns false when done. */
/* Destructuring: the n items of list v into dst[0..n), and with `rest` a
 * new list of the items after them into dst[n]. */
static void unpack_list(VM *vm, Value v, Value *dst, int n, bool rest) {
  if (!IS_LIST(v)) vm_throw(vm, "cannot unpack %s (expected a list)", value_type_name(v));
  ObjList *l = AS_LIST(v);
  uint32_t count = l->count;
  if (count < (uint32_t)n || (!rest && count != (uint32_t)n))
    vm_throw(vm, "cannot unpack %u value%s into %s%d name%s", count, count == 1 ? "" : "s",
             rest ? "at least " : "", n, n == 1 ? "" : "s");
  for (int i = 0; i < n; i++) dst[i] = l->items[i];
  if (rest) {
    ObjList *r = list_new(vm, count - (uint32_t)n);
    if (count > (uint32_t)n) memcpy(r->items, l->items + n, sizeof(Value) * (count - (uint32_t)n));
    r->count = count - (uint32_t)n;
    dst[n] = LIST_VAL(r);
  }
}

static bool iter_next(VM *vm, Value *regs, bool two) {
  Value it = regs[0];
  int64_t i = AS_INT(regs[1]);
  switch (it.tag) {
    case V_LIST: {
      ObjList *l = AS_LIST(it);
      if (i >= (int64_t)l->count) return false;
      if (two) { regs[2] = INT_VAL(i); regs[3] = l->items[i]; }
      else regs[2] = l->items[i];
      regs[1] = INT_VAL(i + 1);
      return true;
    }
    case V_MAP: {
      Table *t = &AS_MAP(it)->t;
      while (i < (int64_t)t->count && IS_NIL(table_key(t, i))) i++;
      if (i >= (int64_t)t->count) return false;
      regs[2] = table_key(t, i);
      if (two) regs[3] = t->entries[i].value;
      regs[1] = INT_VAL(i + 1);
      return true;
    }
    case V_STRING: {
      ObjString *s = AS_STRING(it);
      if (i >= (int64_t)s->len) return false;
      Value ch = STR_VAL(str_new(vm, s->chars + i, 1));
      if (two) { regs[2] = INT_VAL(i); regs[3] = ch; }
      else regs[2] = ch;
      regs[1] = INT_VAL(i + 1);
      return true;
    }
    case V_RANGE: {
      ObjRange *r = AS_RANGE(it);
      if ((uint64_t)i >= range_count(r)) return false;
      if (two) { regs[2] = INT_VAL(i); regs[3] = INT_VAL(range_at(r, (uint64_t)i)); }
      else regs[2] = INT_VAL(range_at(r, (uint64_t)i));
      regs[1] = INT_VAL(i + 1);
      return true;
    }
    default: return false;
  }
}

/* ---- the interpreter loop ------------------------------------------- */

/* C stack a native re-entry must leave free: enough for the deepest native
 * (printf, sort) plus raising the error; a quarter of small fiber stacks. */
static size_t cstack_margin(Fiber *f) {
  size_t size = (size_t)((char *)f->coro.stack_hi - (char *)f->coro.stack_lo);
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GS_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(GS_ASAN)
  size_t m = size * 3 / 4;   /* instrumented frames are several times larger */
  if (m > 96 * 1024) m = 96 * 1024;
#else
  size_t m = size / 4;
  if (m < 8192) m = size / 2;   /* raising the error itself needs a few KiB */
#endif
  return m < CSTACK_MARGIN ? m : CSTACK_MARGIN;
}

static void execute(VM *vm);
void vm_check_interrupt(VM *vm);

bool vm_cstack_low(VM *vm) {
  Fiber *f = vm->fiber;
  return coro_stack_remaining(&f->coro) < cstack_margin(f);
}

typedef struct {
  VM *vm;
  Value fn;
  int argc;
  const Value *args;
  Value result;            /* or the error */
  bool ok;
} SegmentCall;

static void segment_call(void *p) {
  SegmentCall *sc = p;
  sc->ok = vm_pcall(sc->vm, sc->fn, sc->argc, sc->args, &sc->result);
}

/* A spawned fiber or generator whose C stack is nearly used up goes on on a
 * new stack (coro_call_on_new_stack), until it has used as much C stack as
 * the main fiber has: so recursion through natives (map, sort, str()...)
 * reaches the main fiber's depth while every fiber starts small
 * (docs/fibers-stacks.md, Segments). The error of the call, if any, is
 * thrown again on this stack: errors never jump between stacks. */
__attribute__((noinline, cold)) static Value call_on_new_stack(VM *vm, Fiber *f, Value fn, int argc, const Value *args) {
  Coro *c = &f->coro;
  size_t seg = vm->fiber_stack_size ? vm->fiber_stack_size : coro_default_stack_size();
  size_t margin = cstack_margin(f);
  Coro *main_coro = &vm->main_fiber->coro;
  size_t main_size = (size_t)((char *)main_coro->stack_hi - (char *)main_coro->stack_lo);
  /* Under GS_GC_STRESS every allocation marks every frame, so recursion to
   * the main fiber's depth is quadratic (minutes); 256 KiB of segments
   * still run this path (several of them with small stacks), and the
   * error is the same. */
  size_t most = vm->gc_stress ? (size_t)256 * 1024 : main_size;
  bool enough = (size_t)c->nsegments * (seg - margin) >= most;
  if (c->is_main || seg <= margin || enough) vm_throw(vm, "stack overflow");
  SegmentCall sc = { vm, fn, argc, args, NIL_VAL, false };
  if (!coro_call_on_new_stack(c, seg, segment_call, &sc)) vm_throw(vm, "stack overflow");
  if (!sc.ok) vm_throw_again(vm, sc.result, vm->fiber->error_trace);
  return sc.result;
}

Value vm_call(VM *vm, Value fn, int argc, const Value *args) {
  /* a native calling back in a loop (sort, map) has no backward jump of its
   * own (a count hook's steps are the script's, so only a real interrupt) */
  if (vm_interrupt_requested(vm)) vm_check_interrupt(vm);
  Fiber *f = vm->fiber;
  if (vm_cstack_low(vm)) return call_on_new_stack(vm, f, fn, argc, args);
  if (f->top + argc + 2 > f->stack_cap) {
    ptrdiff_t off = -1;
    if (args >= f->stack && args < f->stack + f->stack_cap) off = args - f->stack;
    vm_push_root(vm, &fn);   /* growing the stack may collect before fn is on it */
    fiber_grow_stack(vm, f, f->top + argc + 2);
    vm_pop_root(vm);
    if (off >= 0) args = f->stack + off;
  }
  int slot = f->top;
  f->stack[slot] = fn;
  /* a callback's few arguments (a comparator's two, often in a C array)
   * are copied one by one when they cannot overlap the new slots (the
   * memmove call cost more than the copy) */
  Value *to = &f->stack[slot + 1];
  uintptr_t from = (uintptr_t)args, lo = (uintptr_t)to;
  if (argc > 0 && argc <= 4 && (from + sizeof(Value) * argc <= lo || from >= lo + sizeof(Value) * argc)) {
    for (int i = 0; i < argc; i++) to[i] = args[i];
  } else if (argc > 0) {
    memmove(to, args, sizeof(Value) * argc);
  }
  f->top = slot + 1 + argc;
  if (IS_CLOSURE(fn) && enter_exact(f, AS_CLOSURE(fn), slot + 1, argc, FRAME_BOUNDARY)) {
    execute(vm);
  } else if (prepare_call(vm, f, slot, argc)) {
    f->frames[f->nframes - 1].flags |= FRAME_BOUNDARY;
    execute(vm);
  }
  f = vm->fiber;
  Value r = f->stack[slot];
  f->top = slot;
  coro_fp_unknown();   /* back to C code (a native, or the host) that may change them */
  return r;
}

/* A protected region: what an error unwinding to it restores. */
typedef struct Protected {
  ErrJmp ej;
  int top, frames, handlers, cdepth, roots;
} Protected;

static inline void protect_enter(VM *vm, Fiber *f, Protected *p) {
  p->ej.prev = f->errjmp;
  p->top = f->top;
  p->frames = f->nframes;
  p->handlers = f->nhandlers;
  p->cdepth = f->cdepth;
  p->roots = vm->ntemp_roots;
  f->errjmp = &p->ej;
}

/* errors never leave their fiber's C stack: we are on f again */
static Value protect_unwound(VM *vm, Fiber *f, Protected *p) {
  fiber_close_upvalues(f, f->stack + p->top);
  f->top = p->top;
  f->nframes = p->frames;
  f->nhandlers = p->handlers;
  f->cdepth = p->cdepth;
  f->errjmp = p->ej.prev;
  vm->ntemp_roots = p->roots;
  return f->error;
}

bool vm_pcall(VM *vm, Value fn, int argc, const Value *args, Value *out) {
  Fiber *f = vm->fiber;
  Protected p;
  protect_enter(vm, f, &p);
  if (setjmp(p.ej.buf) == 0) {
    Value r = vm_call(vm, fn, argc, args);
    f->errjmp = p.ej.prev;
    *out = r;
    return true;
  }
  *out = protect_unwound(vm, f, &p);
  return false;
}

bool vm_protect(VM *vm, void (*fn)(VM *vm, void *ud), void *ud, Value *err) {
  Fiber *f = vm->fiber;
  Protected p;
  protect_enter(vm, f, &p);
  if (setjmp(p.ej.buf) == 0) {
    fn(vm, ud);
    f->errjmp = p.ej.prev;
    return true;
  }
  *err = protect_unwound(vm, f, &p);
  return false;
}

static ObjString *concat_values(VM *vm, Fiber *f, int first, int n) {
  size_t total = 0;
  for (int i = 0; i < n; i++) {
    Value v = f->stack[first + i];
    if (!IS_STRING(v)) {
      ObjString *s = vm_tostring(vm, v);
      f = vm->fiber;
      f->stack[first + i] = STR_VAL(s);
    }
    total += AS_STRING(f->stack[first + i])->len;
  }
  ObjString *r = str_alloc(vm, total);
  char *p = r->chars;
  for (int i = 0; i < n; i++) {
    ObjString *s = AS_STRING(f->stack[first + i]);
    memcpy(p, s->chars, s->len);
    p += s->len;
  }
  return str_take_buffer(vm, r);
}

static void do_inherit(VM *vm, ObjClass *k, Value sup) {
  if (!IS_CLASS(sup)) vm_throw(vm, "superclass must be a class, not %s", value_type_name(sup));
  ObjClass *s = AS_CLASS(sup);
  k->super = s;
  table_copy(vm, &k->methods, &s->methods);
  k->init = s->init;
  k->str = s->str;
}

/* `v is k`: v is an instance (or userdata) of class k or of a subclass */
static bool value_is(VM *vm, Value v, Value k) {
  if (!IS_CLASS(k)) vm_throw(vm, "'is' expects a class, not %s", value_type_name(k));
  ObjClass *c = IS_INSTANCE(v) ? AS_INSTANCE(v)->klass : v.tag == V_USERDATA ? AS_USERDATA(v)->klass : NULL;
  for (; c; c = c->super) if (c == AS_CLASS(k)) return true;
  return false;
}

static void do_method(VM *vm, ObjClass *k, ObjString *name, Value m) {
  if (IS_CLOSURE(m)) AS_CLOSURE(m)->owner = k;
  table_set(vm, &k->methods, STR_VAL(name), m);
  if (name == vm->s_init) k->init = m;
  else if (name == vm->s_str) k->str = m;
}

static Value do_getsuper(VM *vm, ObjClosure *cl, ObjString *name, Value self) {
  ObjClass *owner = cl->owner;
  if (!owner || !owner->super) vm_throw(vm, "no superclass method '%s'", name->chars);
  Value *m = table_find_str(&owner->super->methods, name);
  if (!m) vm_throw(vm, "%s has no method '%s'", owner->super->name->chars, name->chars);
  ObjBound *b = bound_new(vm, self, *m);
  return OBJ_VAL(V_BOUND, b);
}

/* The dispatch loop: runs until the frame it was entered for returns
 * (returns true) or an error unwinds past it (longjmp, never returns). It has
 * no setjmp of its own so the compiler keeps its state in registers. */
enum { RUN_DONE, RUN_NEED_CATCH };

/* Every handler starts on a 32-byte boundary. Where handlers fall otherwise
 * depends on everything before them, and the same instructions ran up to 20%
 * slower or faster with the code above them (`loop`, which makes no calls,
 * 1.21x when frame entry changed size): aligned, a change to one handler no
 * longer moves the others. */
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("align-jumps=32")))
#endif
static int run(VM *vm, int entry_handlers, int my_cdepth, bool catch_ready) {
  Fiber *f = vm->fiber;
  CallFrame *frame;
  ObjClosure *cl;
  /* GCC gave pc a stack slot (a load and a store on every dispatch); a
   * callee-saved register keeps it in place across the calls out of here. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
  register const uint32_t *pc __asm__("r15");
#else
  const uint32_t *pc;
#endif
  Value *base;
  Value *k;
  Value *mvars;   /* the current function's module variables */
  uint64_t ins;   /* 64 bits: a decoded operand needs no zero-extension before indexing */
  Fiber *sw_from, *sw_to;   /* a generator hand-over in progress (fiber_switch) */

reload:
  frame = &f->frames[f->nframes - 1];
  cl = frame->cl;
  pc = frame->pc;
  base = f->stack + frame->base;
  k = cl->p->k;
  mvars = cl->p->module->vars;

#define R(x) base[x]
#define SAVEPC() (frame->pc = pc)
#define RELOAD_BASE() (f = vm->fiber, frame = &f->frames[f->nframes - 1], base = f->stack + frame->base)
#define PROTECT(stmt) do { SAVEPC(); stmt; RELOAD_BASE(); } while (0)
#define RESET_TOP() (f->top = frame->base + cl->p->maxregs)

  static const void *const labels[] = {
#define X(name) &&L_##name,
    OPCODES(X)
#undef X
  };
#define DISPATCH() do { ins = pc[0]; pc += 1; goto *labels[INS_OP(ins)]; } while (0)

/* The fast path of CALL and INVOKE: a call of script function NCL with
 * NARGS arguments already in place from slot NBASE. When the arguments
 * match its parameters and its frame fits the stacks we have, push the
 * frame here and go on in it (DISPATCH); otherwise fall through to the
 * general path (push_frame / prepare_call). */
#define ENTER_FRAME_IF_FITS(NCL, NBASE, NARGS)                                       \
  do {                                                                             \
    ObjClosure *ncl_ = (NCL);                                                      \
    ObjProto *p_ = ncl_->p;                                                        \
    int nbase_ = (NBASE), nargs_ = (NARGS);                                        \
    if (nargs_ == p_->nparams && !p_->has_rest && nbase_ + p_->maxregs + 1 <= f->stack_cap && \
        f->nframes < f->frames_cap) {                                              \
      frame = &f->frames[f->nframes++];                                            \
      frame->cl = ncl_;                                                            \
      frame->pc = p_->code;                                                        \
      frame->base = nbase_;                                                        \
      frame->nargs = nargs_;                                                       \
      frame->flags = 0;                                                            \
      f->top = nbase_ + p_->maxregs;                                               \
      cl = ncl_;                                                                   \
      pc = p_->code;                                                               \
      base = f->stack + nbase_;                                                    \
      k = p_->k;                                                                   \
      mvars = p_->module->vars;                                                    \
      if (vm->interrupted) vm_check_interrupt(vm);                                 \
      DISPATCH();                                                                  \
    }                                                                              \
  } while (0)
/* Copy a Value as two 8-byte words. A struct copy is one 16-byte load and
 * store, and a 16-byte load of a register just written as two words (an
 * int or float result, a loop variable) cannot take its data from those
 * stores: it waits until they reach the cache (7% of `spectral_norm` on
 * its MOVE). The empty asm keeps GCC from fusing the halves again. */
#define COPY(dst, src) do {                                                    \
    const Value *s_ = &(src);                                                \
    uint64_t t_ = s_->tag;                                                   \
    ValuePayload p_ = s_->as;                                                \
    __asm__("" : "+r"(t_), "+r"(p_.i));                                      \
    Value *d_ = &(dst);                                                      \
    d_->tag = t_;                                                            \
    d_->as = p_;                                                             \
  } while (0)
#define CASE(name) L_##name:
#define A INS_A(ins)
#define B INS_B(ins)
#define C INS_C(ins)

  DISPATCH();

  CASE(MOVE) COPY(R(A), R(B)); DISPATCH();
  CASE(LOADK) COPY(R(A), k[INS_BX(ins)]); DISPATCH();
  CASE(LOADI) R(A) = INT_VAL(INS_SBX(ins)); DISPATCH();
  CASE(LOADNIL) { for (int i = 0; i <= (int)B; i++) R(A + i) = NIL_VAL; DISPATCH(); }
  CASE(LOADBOOL) R(A) = BOOL_VAL(B != 0); DISPATCH();
  CASE(GETUPVAL) COPY(R(A), *cl->upvals[B]->v); DISPATCH();
  CASE(SETUPVAL) COPY(*cl->upvals[B]->v, R(A)); DISPATCH();
  CASE(GETMOD) COPY(R(A), mvars[INS_BX(ins)]); DISPATCH();
  CASE(SETMOD) COPY(mvars[INS_BX(ins)], R(A)); DISPATCH();
  CASE(GETGLOBAL) COPY(R(A), vm->globals[INS_BX(ins)]); DISPATCH();
  CASE(NEWLIST) {
    int n = C;
    SAVEPC();
    ObjList *l = list_new(vm, (uint32_t)n);
    RELOAD_BASE();
    for (int i = 0; i < n; i++) l->items[i] = R(B + i);
    l->count = (uint32_t)n;
    R(A) = LIST_VAL(l);
    DISPATCH();
  }
  CASE(NEWMAP) {
    int n = C;
    SAVEPC();
    ObjMap *m = map_new(vm);
    RELOAD_BASE();
    Value mv = MAP_VAL(m);
    if (n) {
      /* keep the map reachable while inserting (the table grows) */
      vm_push(vm, mv);
      table_reserve(vm, &m->t, (uint32_t)n);
      for (int i = 0; i < n; i++) {
        RELOAD_BASE();
        Value key = table_normalize_key(R(B + 2 * i));
        vm_check_key(vm, key);
        table_set(vm, &m->t, key, R(B + 2 * i + 1));
      }
      vm_pop(vm);
      RELOAD_BASE();
    }
    R(A) = mv;
    DISPATCH();
  }
  CASE(LISTAPPEND) {
    SAVEPC();
    list_push(vm, AS_LIST(R(A)), R(B));
    RELOAD_BASE();
    DISPATCH();
  }
  CASE(LISTEXTEND) {
    Value src = R(B);
    SAVEPC();
    if (!IS_LIST(src)) vm_throw(vm, "cannot spread %s (expected a list)", value_type_name(src));
    ObjList *d = AS_LIST(R(A)), *s = AS_LIST(src);
    uint32_t n = s->count;
    if (n) {
      list_reserve(vm, d, d->count + n);
      memmove(d->items + d->count, s->items, sizeof(Value) * n);
      d->count += n;
    }
    RELOAD_BASE();
    DISPATCH();
  }
  CASE(GETINDEX) {
    const Value *op = &R(B), *ip = &R(C);
    if (IS_LIST(*op) && IS_INT(*ip)) {
      ObjList *l = AS_LIST(*op);
      uint64_t i = (uint64_t)AS_INT(*ip);
      if (i < l->count) { COPY(R(A), l->items[i]); DISPATCH(); }
    }
    Value o = *op, idx = *ip;
    if (IS_MAP(o) && (IS_STRING(idx) || IS_INT(idx))) {
      Value *v = table_find(&AS_MAP(o)->t, idx);
      R(A) = v ? *v : NIL_VAL;
      DISPATCH();
    }
    Value r;
    PROTECT(r = vm_get_index(vm, o, idx));
    R(A) = r;
    DISPATCH();
  }
  CASE(GETINDEXI) {
    const Value *op = &R(B);
    if (IS_LIST(*op) && C < AS_LIST(*op)->count) { COPY(R(A), AS_LIST(*op)->items[C]); DISPATCH(); }
    Value o = *op, r;
    PROTECT(r = vm_get_index(vm, o, INT_VAL((int64_t)C)));
    R(A) = r;
    DISPATCH();
  }
  CASE(SETINDEX) {
    const Value *op = &R(A), *ip = &R(B);
    if (IS_LIST(*op) && IS_INT(*ip)) {
      ObjList *l = AS_LIST(*op);
      uint64_t i = (uint64_t)AS_INT(*ip);
      if (i < l->count) { COPY(l->items[i], R(C)); DISPATCH(); }
    }
    Value o = *op, idx = *ip;
    if (IS_MAP(o) && (IS_STRING(idx) || IS_INT(idx))) {
      /* a key that needs no normalising or checking (vm_set_index) */
      PROTECT(table_set(vm, &AS_MAP(o)->t, idx, R(C)));
      DISPATCH();
    }
    PROTECT(vm_set_index(vm, o, idx, R(C)));
    DISPATCH();
  }
  /* Field access caches, per instruction, the class and the position of the
   * field in the instance's table: instances of a class usually create their
   * fields in the same order, so one compare finds the entry. */
  CASE(GETFIELD) {
    Value o = R(B);
    ObjString *name = AS_STRING(k[C]);
    InlineCache *ic = &cl->p->ic[pc - 1 - cl->p->code];
    if (IS_INSTANCE(o)) {
      ObjInstance *inst = AS_INSTANCE(o);
      uint32_t i = (uint32_t)ic->method.as.i;
      if (ic->klass == inst->klass && i < inst->fields.count && inst->fields.entries[i].key.o == (Obj *)name) {
        COPY(R(A), inst->fields.entries[i].value);
        DISPATCH();
      }
      Value *v = table_find_str(&inst->fields, name);
      if (v) {
        ic->klass = inst->klass;
        ic->method = INT_VAL((TEntry *)((char *)v - offsetof(TEntry, value)) - inst->fields.entries);
        R(A) = *v;
        DISPATCH();
      }
    } else if (o.tag == V_MODULE) {
      ObjModule *mod = AS_MODULE(o);
      if (ic->klass != mod) {
        Value *slot = table_find_str(&mod->names, name);
        if (!slot) { SAVEPC(); no_field(vm, o, name); }
        ic->klass = mod;
        ic->method = *slot;
      }
      R(A) = mod->vars[AS_INT(ic->method)];
      DISPATCH();
    }
    Value r;
    PROTECT(r = vm_get_field(vm, o, name));
    R(A) = r;
    DISPATCH();
  }
  CASE(SETFIELD) {
    Value o = R(A);
    ObjString *name = AS_STRING(k[B]);
    InlineCache *ic = &cl->p->ic[pc - 1 - cl->p->code];
    if (IS_INSTANCE(o)) {
      ObjInstance *inst = AS_INSTANCE(o);
      uint32_t i = (uint32_t)ic->method.as.i;
      if (ic->klass == inst->klass && i < inst->fields.count && inst->fields.entries[i].key.o == (Obj *)name) {
        COPY(inst->fields.entries[i].value, R(C));
        DISPATCH();
      }
      Value *v = table_find_str(&inst->fields, name);
      if (v) {
        ic->klass = inst->klass;
        ic->method = INT_VAL((TEntry *)((char *)v - offsetof(TEntry, value)) - inst->fields.entries);
        *v = R(C);
        DISPATCH();
      }
    }
    PROTECT(set_field(vm, o, name, R(C)));
    DISPATCH();
  }
  CASE(SLICE) {
    Value r;
    PROTECT(r = vm_slice(vm, R(B), R(C), R(C + 1)));
    R(A) = r;
    DISPATCH();
  }

/* y is R(C) for the register forms and K[C] for the constant forms */
/* The operands are read through pointers: copying both Values first made
 * GCC load all four words (and shuffle them) before the first tag test. */
#define ARITH(name, y_operand, iop, fop, slow)                               \
  CASE(name) {                                                               \
    const Value *x = &R(B), *y = &y_operand;                                 \
    if (IS_INT(*x) && IS_INT(*y)) { R(A) = INT_VAL(iop(AS_INT(*x), AS_INT(*y))); DISPATCH(); } \
    if (IS_FLOAT(*x) && IS_FLOAT(*y)) { R(A) = FLOAT_VAL(fop(AS_FLOAT(*x), AS_FLOAT(*y))); DISPATCH(); } \
    if (IS_NUMBER(*x) && IS_NUMBER(*y)) { R(A) = FLOAT_VAL(fop(AS_NUMBER(*x), AS_NUMBER(*y))); DISPATCH(); } \
    Value r, xv = *x, yv = *y;                                               \
    PROTECT(r = slow(vm, xv, yv));                                           \
    R(A) = r;                                                                \
    DISPATCH();                                                              \
  }
  ARITH(ADD, R(C), int_add, flt_add, arith_add)
  ARITH(SUB, R(C), int_sub, flt_sub, arith_sub)
  ARITH(MUL, R(C), int_mul, flt_mul, arith_mul)
  CASE(DIV) {
    const Value *xp = &R(B), *yp = &R(C);
    if (IS_NUMBER(*xp) && IS_NUMBER(*yp)) { R(A) = FLOAT_VAL(AS_NUMBER(*xp) / AS_NUMBER(*yp)); DISPATCH(); }
    Value r, x = *xp, y = *yp;
    PROTECT(r = arith_div(vm, x, y));
    R(A) = r;
    DISPATCH();
  }
  CASE(IDIV) { Value r; PROTECT(r = arith_idiv(vm, R(B), R(C))); R(A) = r; DISPATCH(); }
  ARITH(ADDK, k[C], int_add, flt_add, arith_add)
  ARITH(SUBK, k[C], int_sub, flt_sub, arith_sub)
  ARITH(MULK, k[C], int_mul, flt_mul, arith_mul)
  CASE(DIVK) {
    const Value *xp = &R(B), *yp = &k[C];
    if (IS_NUMBER(*xp)) { R(A) = FLOAT_VAL(AS_NUMBER(*xp) / AS_NUMBER(*yp)); DISPATCH(); }
    Value r, x = *xp, y = *yp;
    PROTECT(r = arith_div(vm, x, y));
    R(A) = r;
    DISPATCH();
  }
  CASE(IDIVK) { Value r; PROTECT(r = arith_idiv(vm, R(B), k[C])); R(A) = r; DISPATCH(); }
  CASE(MODK) {
    const Value *xp = &R(B), *yp = &k[C];
    if (IS_INT(*xp) && IS_INT(*yp) && AS_INT(*yp) > 0) {
      int64_t m = AS_INT(*xp) % AS_INT(*yp);
      if (m < 0) m += AS_INT(*yp);
      R(A) = INT_VAL(m);
      DISPATCH();
    }
    Value r, x = *xp, y = *yp;
    PROTECT(r = arith_mod(vm, x, y));
    R(A) = r;
    DISPATCH();
  }
  CASE(MOD) {
    const Value *xp = &R(B), *yp = &R(C);
    if (IS_INT(*xp) && IS_INT(*yp) && AS_INT(*yp) > 0) {
      int64_t m = AS_INT(*xp) % AS_INT(*yp);
      if (m < 0) m += AS_INT(*yp);
      R(A) = INT_VAL(m);
      DISPATCH();
    }
    Value r, x = *xp, y = *yp;
    PROTECT(r = arith_mod(vm, x, y));
    R(A) = r;
    DISPATCH();
  }
  CASE(POW) { Value r; PROTECT(r = arith_pow(vm, R(B), R(C))); R(A) = r; DISPATCH(); }
#define BITOP(name, op)                                                     \
  CASE(name) {                                                              \
    const Value *xp = &R(B), *yp = &R(C);                                   \
    if (IS_INT(*xp) && IS_INT(*yp)) { R(A) = INT_VAL(AS_INT(*xp) op AS_INT(*yp)); DISPATCH(); } \
    Value r, x = *xp, y = *yp;                                              \
    PROTECT(r = arith_bit(vm, OP_##name, x, y));                            \
    R(A) = r;                                                               \
    DISPATCH();                                                             \
  }
  BITOP(BAND, &)
  BITOP(BOR, |)
  BITOP(BXOR, ^)
#define BITOPK(name, op, base_op)                                            \
  CASE(name) {                                                              \
    const Value *xp = &R(B), *yp = &k[C];                                   \
    if (IS_INT(*xp)) { R(A) = INT_VAL(AS_INT(*xp) op AS_INT(*yp)); DISPATCH(); } \
    Value r, x = *xp, y = *yp;                                              \
    PROTECT(r = arith_bit(vm, base_op, x, y));                              \
    R(A) = r;                                                               \
    DISPATCH();                                                             \
  }
  BITOPK(BANDK, &, OP_BAND)
  BITOPK(BORK, |, OP_BOR)
  BITOPK(BXORK, ^, OP_BXOR)
  /* a constant shift count: in [0, 64) the shift is the machine's */
  CASE(SHLK) {
    const Value *xp = &R(B), *yp = &k[C];
    if (IS_INT(*xp) && (uint64_t)AS_INT(*yp) < 64) {
      R(A) = INT_VAL((int64_t)((uint64_t)AS_INT(*xp) << AS_INT(*yp)));
      DISPATCH();
    }
    Value r, x = *xp, y = *yp;
    PROTECT(r = arith_bit(vm, OP_SHL, x, y));
    R(A) = r;
    DISPATCH();
  }
  CASE(SHRK) {
    const Value *xp = &R(B), *yp = &k[C];
    if (IS_INT(*xp) && (uint64_t)AS_INT(*yp) < 64) {
      R(A) = INT_VAL(AS_INT(*xp) >> AS_INT(*yp));
      DISPATCH();
    }
    Value r, x = *xp, y = *yp;
    PROTECT(r = arith_bit(vm, OP_SHR, x, y));
    R(A) = r;
    DISPATCH();
  }
  CASE(SHL) { Value r; PROTECT(r = arith_bit(vm, OP_SHL, R(B), R(C))); R(A) = r; DISPATCH(); }
  CASE(SHR) { Value r; PROTECT(r = arith_bit(vm, OP_SHR, R(B), R(C))); R(A) = r; DISPATCH(); }
  CASE(ADDI) {
    Value x = R(B);
    int imm = (int8_t)C;
    if (IS_INT(x)) { R(A) = INT_VAL(int_add(AS_INT(x), imm)); DISPATCH(); }
    if (IS_FLOAT(x)) { R(A) = FLOAT_VAL(AS_FLOAT(x) + imm); DISPATCH(); }
    Value r;
    PROTECT(r = arith_add(vm, x, INT_VAL(imm)));
    R(A) = r;
    DISPATCH();
  }
  CASE(SUBI) {
    Value x = R(B);
    int imm = (int8_t)C;
    if (IS_INT(x)) { R(A) = INT_VAL(int_sub(AS_INT(x), imm)); DISPATCH(); }
    if (IS_FLOAT(x)) { R(A) = FLOAT_VAL(AS_FLOAT(x) - imm); DISPATCH(); }
    Value r;
    PROTECT(r = arith_sub(vm, x, INT_VAL(imm)));
    R(A) = r;
    DISPATCH();
  }
  CASE(UNM) {
    Value x = R(B);
    if (IS_INT(x)) R(A) = INT_VAL((int64_t)(0ULL - (uint64_t)AS_INT(x)));
    else if (IS_FLOAT(x)) R(A) = FLOAT_VAL(-AS_FLOAT(x));
    else { Value r; PROTECT(r = arith_unm(vm, x)); R(A) = r; }
    DISPATCH();
  }
  CASE(BNOT) { Value r; PROTECT(r = arith_bit(vm, OP_BNOT, R(B), INT_VAL(0))); R(A) = r; DISPATCH(); }
  CASE(NOT) R(A) = BOOL_VAL(IS_FALSY(R(B))); DISPATCH();
/* == and != ask an instance's `==` only once identity said no */
#define EQUAL_SLOW(r, x, y) do { if (!(r) && IS_INSTANCE(x)) PROTECT(r = vm_equal(vm, x, y)); } while (0)
  CASE(EQ) { bool r = values_equal(R(B), R(C)); EQUAL_SLOW(r, R(B), R(C)); R(A) = BOOL_VAL(r); DISPATCH(); }
  CASE(NE) { bool r = values_equal(R(B), R(C)); EQUAL_SLOW(r, R(B), R(C)); R(A) = BOOL_VAL(!r); DISPATCH(); }
  CASE(LT) {
    const Value *xp = &R(B), *yp = &R(C);
    bool r;
    if (IS_INT(*xp) && IS_INT(*yp)) r = AS_INT(*xp) < AS_INT(*yp);
    else if (IS_FLOAT(*xp) && IS_FLOAT(*yp)) r = AS_FLOAT(*xp) < AS_FLOAT(*yp);
    else { Value x = *xp, y = *yp; PROTECT(r = cmp_lt(vm, x, y)); }
    R(A) = BOOL_VAL(r);
    DISPATCH();
  }
  CASE(LE) {
    const Value *xp = &R(B), *yp = &R(C);
    bool r;
    if (IS_INT(*xp) && IS_INT(*yp)) r = AS_INT(*xp) <= AS_INT(*yp);
    else if (IS_FLOAT(*xp) && IS_FLOAT(*yp)) r = AS_FLOAT(*xp) <= AS_FLOAT(*yp);
    else { Value x = *xp, y = *yp; PROTECT(r = cmp_le(vm, x, y)); }
    R(A) = BOOL_VAL(r);
    DISPATCH();
  }
/* A backward conditional jump (a while loop's test, compile.c) checks for
 * an interrupt as JMP does. */
#define COND_JUMP(cond) do {                                                 \
    if ((cond) == (bool)C) {                                                 \
      int off = INS_SBX(*pc);                                                \
      if (off < 0 && vm->interrupted) PROTECT(vm_check_interrupt(vm));       \
      pc += off + 1;                                                         \
    } else {                                                                 \
      pc++;                                                                  \
    }                                                                        \
    DISPATCH();                                                              \
  } while (0)
  CASE(JEQ) {
    const Value *xp = &R(A), *yp = &R(B);
    bool r;
    if (IS_INT(*xp) && IS_INT(*yp)) r = AS_INT(*xp) == AS_INT(*yp);
    else { Value x = *xp, y = *yp; r = values_equal(x, y); EQUAL_SLOW(r, x, y); }
    COND_JUMP(r);
  }
  CASE(JEQK) {
    const Value *xp = &R(A), *yp = &k[B];
    bool r;
    if (IS_INT(*xp) && IS_INT(*yp)) r = AS_INT(*xp) == AS_INT(*yp);
    else { Value x = *xp, y = *yp; r = values_equal(x, y); EQUAL_SLOW(r, x, y); }
    COND_JUMP(r);
  }
  CASE(JLT) {
    const Value *xp = &R(A), *yp = &R(B);
    bool r;
    if (IS_INT(*xp) && IS_INT(*yp)) r = AS_INT(*xp) < AS_INT(*yp);
    else if (IS_FLOAT(*xp) && IS_FLOAT(*yp)) r = AS_FLOAT(*xp) < AS_FLOAT(*yp);
    else { Value x = *xp, y = *yp; PROTECT(r = cmp_lt(vm, x, y)); }
    COND_JUMP(r);
  }
  CASE(JLE) {
    const Value *xp = &R(A), *yp = &R(B);
    bool r;
    if (IS_INT(*xp) && IS_INT(*yp)) r = AS_INT(*xp) <= AS_INT(*yp);
    else if (IS_FLOAT(*xp) && IS_FLOAT(*yp)) r = AS_FLOAT(*xp) <= AS_FLOAT(*yp);
    else { Value x = *xp, y = *yp; PROTECT(r = cmp_le(vm, x, y)); }
    COND_JUMP(r);
  }
#define JCMPI(name, op, slow)                                                \
  CASE(name) {                                                               \
    Value x = R(A);                                                          \
    int imm = (int8_t)B;                                                     \
    bool r;                                                                  \
    if (IS_INT(x)) r = AS_INT(x) op imm;                                     \
    else if (IS_FLOAT(x)) r = AS_FLOAT(x) op (double)imm;                    \
    else PROTECT(r = slow);                                                  \
    COND_JUMP(r);                                                            \
  }
  JCMPI(JLTI, <, cmp_lt(vm, x, INT_VAL(imm)))
  JCMPI(JLEI, <=, cmp_le(vm, x, INT_VAL(imm)))
  JCMPI(JGTI, >, cmp_lt(vm, INT_VAL(imm), x))
  JCMPI(JGEI, >=, cmp_le(vm, INT_VAL(imm), x))
/* against a number constant; the slow path compares in the source's order */
#define JCMPK(name, op, slow)                                                \
  CASE(name) {                                                               \
    const Value *xp = &R(A), *yp = &k[B];                                    \
    bool r;                                                                  \
    if (IS_INT(*xp) && IS_INT(*yp)) r = AS_INT(*xp) op AS_INT(*yp);          \
    else if (IS_FLOAT(*xp) && IS_FLOAT(*yp)) r = AS_FLOAT(*xp) op AS_FLOAT(*yp); \
    else { Value x = *xp, y = *yp; PROTECT(r = slow); }                      \
    COND_JUMP(r);                                                            \
  }
  JCMPK(JLTK, <, cmp_lt(vm, x, y))
  JCMPK(JLEK, <=, cmp_le(vm, x, y))
  JCMPK(JGTK, >, cmp_lt(vm, y, x))
  JCMPK(JGEK, >=, cmp_le(vm, y, x))
  CASE(TEST) COND_JUMP(IS_TRUTHY(R(A)));
  CASE(JMP) {
    int off = INS_SBX(ins);
    if (off < 0 && vm->interrupted) { SAVEPC(); vm_check_interrupt(vm); }
    pc += off;
    DISPATCH();
  }
  CASE(CALL) {
    int fnslot = (int)(base - f->stack) + A;
    int nargs = B;
    Value fnv = R(A);
    SAVEPC();
    if (IS_CLOSURE(fnv)) ENTER_FRAME_IF_FITS(AS_CLOSURE(fnv), fnslot + 1, nargs);
    if (prepare_call(vm, f, fnslot, nargs)) goto reload;
    RELOAD_BASE();
    RESET_TOP();
    DISPATCH();
  }
  CASE(CALLV) {
    int fnslot = (int)(base - f->stack) + A;
    Value lv = R(B);
    SAVEPC();
    if (!IS_LIST(lv)) vm_throw(vm, "cannot spread %s (expected a list)", value_type_name(lv));
    ObjList *l = AS_LIST(lv);
    int n = (int)l->count;
    if (n > 250000) vm_throw(vm, "too many arguments (%d)", n);
    f->top = fnslot + 2;   /* keep the list alive while the stack grows */
    fiber_grow_stack(vm, f, fnslot + n + 4);
    if (n) memmove(&f->stack[fnslot + 1], l->items, sizeof(Value) * n);
    f->top = fnslot + 1 + n;
    if (prepare_call(vm, f, fnslot, n)) goto reload;
    RELOAD_BASE();
    RESET_TOP();
    DISPATCH();
  }
  CASE(INVOKE) {
    int fnslot = (int)(base - f->stack) + A;
    int nargs = B;
    Value recv = R(A + 1);
    ObjString *name = AS_STRING(k[C]);
    InlineCache *ic = &cl->p->ic[pc - 1 - cl->p->code];
    SAVEPC();
    Value m;
    if (IS_INSTANCE(recv)) {
      ObjInstance *inst = AS_INSTANCE(recv);
      ObjClass *klass = inst->klass;
      /* fields come first; they can only hide a method if the class says so */
      Value *fv = klass->methods_shadowed ? table_find_str(&inst->fields, name) : NULL;
      if (!fv && ic->klass != klass) {
        Value *mp = table_find_str(&klass->methods, name);
        if (!mp) fv = table_find_str(&inst->fields, name);
        else if (is_static_method(*mp)) fv = mp;   /* no self, not cached */
      }
      if (fv) {
        /* a field holding a function (or a static method): call it without self */
        R(A) = *fv;
        memmove(&R(A + 1), &R(A + 2), sizeof(Value) * nargs);
        if (prepare_call(vm, f, fnslot, nargs)) goto reload;
        RELOAD_BASE();
        RESET_TOP();
        DISPATCH();
      }
      if (ic->klass == klass) {
        m = ic->method;
      } else {
        Value *mp = table_find_str(&klass->methods, name);
        if (!mp) no_field(vm, recv, name);
        m = *mp;
        ic->klass = klass;
        ic->tag = V_INSTANCE;
        ic->method = m;
      }
      R(A) = m;
      if (IS_CLOSURE(m)) {
        ENTER_FRAME_IF_FITS(AS_CLOSURE(m), fnslot + 1, nargs + 1);
        push_frame(vm, f, AS_CLOSURE(m), fnslot + 1, nargs + 1);
        goto reload;
      }
      if (prepare_call(vm, f, fnslot, nargs + 1)) goto reload;
      RELOAD_BASE();
      RESET_TOP();
      DISPATCH();
    }
    if (ic->tag == recv.tag && ic->klass == NULL && recv.tag != V_MODULE && recv.tag != V_USERDATA &&
        recv.tag != V_NIL) {   /* an empty cache looks like nil's */
      m = ic->method;      /* a built-in type's method */
    } else if (recv.tag == V_MODULE && ic->klass == AS_OBJ(recv)) {
      /* a module function: the slot is cached, the value read live */
      R(A) = AS_MODULE(recv)->vars[AS_INT(ic->method)];
      memmove(&R(A + 1), &R(A + 2), sizeof(Value) * nargs);
      if (prepare_call(vm, f, fnslot, nargs)) goto reload;
      RELOAD_BASE();
      RESET_TOP();
      DISPATCH();
    } else {
      if (recv.tag == V_MODULE) {
        Value *slot = table_find_str(&AS_MODULE(recv)->names, name);
        if (slot) {
          ic->klass = AS_OBJ(recv);
          ic->tag = V_MODULE;
          ic->method = *slot;
        }
      }
      bool is_field;
      if (!vm_lookup_method(vm, recv, name, &m, &is_field)) no_field(vm, recv, name);
      if (recv.tag == V_CLASS && is_instance_method(m)) instance_method_error(vm, name->chars);
      if (is_field) {
        R(A) = m;
        memmove(&R(A + 1), &R(A + 2), sizeof(Value) * nargs);
        if (prepare_call(vm, f, fnslot, nargs)) goto reload;
        RELOAD_BASE();
        RESET_TOP();
        DISPATCH();
      }
      if (recv.tag != V_USERDATA && recv.tag != V_MODULE && recv.tag != V_CLASS) {
        ic->klass = NULL;
        ic->tag = recv.tag;
        ic->method = m;
      }
    }
    R(A) = m;
    if (m.tag == V_NATIVE && IS_NIL(AS_NATIVE(m)->self)) {
      if (AS_NATIVE(m)->fn == fiber_method_resume && recv.tag == V_FIBER && nargs <= 1) {
        Fiber *g = AS_FIBER(recv);
        if (g->state == FIBER_SUSPENDED && g->is_generator) {
          g->transfer = nargs ? R(A + 2) : NIL_VAL;
          sw_to = g;
          goto resume_generator;
        }
        if (g->state == FIBER_NEW && g->is_generator) {   /* its first resume */
          PROTECT(fiber_first_resume(vm, g, nargs, &R(A + 2)));
          sw_to = g;
          goto resume_generator;
        }
      }
      call_native_inline(vm, f, AS_NATIVE(m), fnslot, nargs + 1);
      RELOAD_BASE();
      RESET_TOP();
      DISPATCH();
    }
    if (prepare_call(vm, f, fnslot, nargs + 1)) goto reload;
    RELOAD_BASE();
    RESET_TOP();
    DISPATCH();
  }
  CASE(RETURN) {
    Value r = B ? R(A) : NIL_VAL;
    if (f->open_upvalues && f->open_upvalues->v >= base) fiber_close_upvalues(f, base);
    while (f->nhandlers > entry_handlers && f->handlers[f->nhandlers - 1].frame >= f->nframes - 1) f->nhandlers--;
    int flags = frame->flags;
    if (flags & FRAME_CONSTRUCT) r = base[0];
    base[-1] = r;
    f->nframes--;
    if (flags & FRAME_BOUNDARY) {
      f->top = frame->base;
      /* a fiber's function returns: its C frames above were written long ago */
      if (my_cdepth == 1) coro_prefetch_frames_above(&f->coro);
      return RUN_DONE;
    }
    frame = &f->frames[f->nframes - 1];
    cl = frame->cl;
    pc = frame->pc;
    base = f->stack + frame->base;
    k = cl->p->k;
    mvars = cl->p->module->vars;
    RESET_TOP();
    DISPATCH();
  }
  CASE(CLOSURE) {
    ObjProto *p = cl->p->protos[INS_BX(ins)];
    SAVEPC();
    ObjClosure *ncl = closure_new(vm, p);
    RELOAD_BASE();
    ncl->owner = cl->owner;
    R(A) = OBJ_VAL(V_CLOSURE, ncl);
    for (int i = 0; i < p->nupvals; i++) {
      if (p->upvals[i].from_parent_local) {
        ObjUpvalue *u = capture_upvalue(vm, f, base + p->upvals[i].index);
        ncl->upvals[i] = u;
      } else {
        ncl->upvals[i] = cl->upvals[p->upvals[i].index];
      }
    }
    DISPATCH();
  }
  CASE(CLOSE) fiber_close_upvalues(f, &R(A)); DISPATCH();
  CASE(FORPREP) {
    Value a = R(A), b = R(A + 1);
    if (!IS_INT(a) || !IS_INT(b)) {
      SAVEPC();
      vm_throw(vm, "range bounds must be ints, not %s and %s", value_type_name(a), value_type_name(b));
    }
    if (AS_INT(a) >= AS_INT(b)) pc += INS_SBX(ins);
    else R(A + 2) = a;
    DISPATCH();
  }
  CASE(FORLOOP) {
    int64_t i = AS_INT(R(A)) + 1;
    if (i < AS_INT(R(A + 1))) {
      R(A).as.i = i;
      R(A + 2) = INT_VAL(i);
      if (vm->interrupted) { SAVEPC(); vm_check_interrupt(vm); }
      pc += INS_SBX(ins);
    }
    DISPATCH();
  }
  CASE(ITERPREP) {
    Value v;
    PROTECT(v = iter_source(vm, R(A)));
    R(A) = v;
    R(A + 1) = INT_VAL(0);
    DISPATCH();
  }
  CASE(ITERNEXT) {
    if (IS_LIST(R(A))) {   /* `for x in list`, the common loop: iter_next's first case */
      ObjList *l = AS_LIST(R(A));
      uint64_t i = (uint64_t)AS_INT(R(A + 1));
      if (i < l->count) {
        COPY(R(A + 2), l->items[i]);
        R(A + 1).as.i = (int64_t)(i + 1);
      } else {
        pc += INS_SBX(ins);
      }
      DISPATCH();
    }
    goto iternext_any;
  }
  CASE(ITERNEXT2) iternext_any: {
    Value it = R(A);
    bool more;
    if (IS_FIBER(it) || IS_CHANNEL(it)) {
      if (IS_FIBER(it) && AS_FIBER(it)->is_generator &&
          (AS_FIBER(it)->state == FIBER_SUSPENDED || AS_FIBER(it)->state == FIBER_NEW)) {
        sw_to = AS_FIBER(it);
        if (sw_to->state == FIBER_NEW) PROTECT(fiber_first_resume(vm, sw_to, 0, NULL));
        sw_to->transfer = NIL_VAL;
        goto resume_generator;
      }
      Value v;
      PROTECT(more = fiber_iter_next(vm, it, &v));
      if (more) R(A + 2) = v;
    } else {
      /* the opcode from ins again, not the one DISPATCH computed: GCC would
       * keep that one in a register through every handler for this use */
      uint32_t op = ins;
      __asm__("" : "+r"(op));
      SAVEPC();
      more = iter_next(vm, &R(A), INS_OP(op) == OP_ITERNEXT2);
      RELOAD_BASE();
    }
    if (!more) pc += INS_SBX(ins);
    DISPATCH();
  }
  CASE(CLASS) {
    SAVEPC();
    ObjClass *kl = class_new(vm, AS_STRING(k[INS_BX(ins)]));
    RELOAD_BASE();
    R(A) = OBJ_VAL(V_CLASS, kl);
    DISPATCH();
  }
  CASE(INHERIT) PROTECT(do_inherit(vm, AS_CLASS(R(A)), R(B))); DISPATCH();
  CASE(METHOD) PROTECT(do_method(vm, AS_CLASS(R(A)), AS_STRING(k[B]), R(C))); DISPATCH();
  CASE(GETSUPER) {
    Value r;
    PROTECT(r = do_getsuper(vm, cl, AS_STRING(k[B]), R(C)));
    R(A) = r;
    DISPATCH();
  }
  CASE(TRY) {
    if (!catch_ready) {
      /* this level has no catch point yet: execute() sets one up (a setjmp
       * only for the levels that use try) and runs this TRY again */
      frame->pc = pc - 1;
      return RUN_NEED_CATCH;
    }
    if (f->nhandlers == f->handlers_cap) {
      SAVEPC();
      int nc = f->handlers_cap ? f->handlers_cap * 2 : 4;
      f->handlers = vm_realloc(vm, f->handlers, sizeof(Handler) * f->handlers_cap, sizeof(Handler) * nc);
      f->handlers_cap = nc;
      RELOAD_BASE();
    }
    Handler *h = &f->handlers[f->nhandlers++];
    h->frame = f->nframes - 1;
    h->cdepth = my_cdepth;
    h->catch_pc = pc + INS_SBX(ins);
    h->reg = A;
    DISPATCH();
  }
  CASE(ENDTRY) f->nhandlers--; DISPATCH();
  CASE(THROW) { SAVEPC(); vm_throw_value(vm, R(A)); }
  CASE(CONCAT) {
    ObjString *s;
    PROTECT(s = concat_values(vm, f, (int)(base - f->stack) + B, C));
    R(A) = STR_VAL(s);
    DISPATCH();
  }
  CASE(RANGE) {
    Value a = R(B), b = R(C);
    SAVEPC();
    if (!IS_INT(a) || !IS_INT(b)) vm_throw(vm, "range bounds must be ints, not %s and %s", value_type_name(a), value_type_name(b));
    ObjRange *r = range_new(vm, AS_INT(a), AS_INT(b));
    RELOAD_BASE();
    R(A) = OBJ_VAL(V_RANGE, r);
    DISPATCH();
  }
  CASE(TESTARG) {
    if (frame->nargs > (int)A) pc += INS_SBX(ins);
    DISPATCH();
  }
  CASE(SPAWN) {
    Value r;
    PROTECT(r = fiber_spawn(vm, R(A), B, &R(A + 1)));
    R(A) = r;
    DISPATCH();
  }
  CASE(SPAWNV) {
    Value lv = R(B);
    SAVEPC();
    if (!IS_LIST(lv)) vm_throw(vm, "cannot spread %s (expected a list)", value_type_name(lv));
    Value r;
    PROTECT(r = fiber_spawn(vm, R(A), (int)AS_LIST(lv)->count, AS_LIST(lv)->items));
    R(A) = r;
    DISPATCH();
  }
  CASE(YIELD) {
    if (f->is_generator && f->resumer) {
      if (__builtin_expect(f->pending != 0, 0)) { SAVEPC(); fiber_raise_pending(vm); }
      sw_to = fiber_begin_yield(vm, f, R(B));   /* back to the resumer */
      goto fiber_switch;
    }
    if (!f->is_generator) {
      /* a scheduled fiber (or main) lets the next ready one run */
      SAVEPC();
      sw_to = fiber_yield_next(vm);
      if (sw_to != f) goto fiber_switch;
      R(A) = NIL_VAL;
      DISPATCH();
    }
    Value r;
    PROTECT(r = fiber_yield(vm, R(B)));
    R(A) = r;
    DISPATCH();
  }
  /* `g.resume(v)` (INVOKE) or `for v in g` (ITERNEXT) of the suspended
   * generator sw_to, whose transfer value is set: what fiber_resume does. */
  resume_generator:
    fiber_begin_resume(f, sw_to);
    RESET_TOP();
  fiber_switch:
    /* The one place where script code switches fibers (see
     * coro_switch_inline): both stacks of a resume/yield pair come back
     * here, and `ins` tells each what it was doing. */
    sw_from = f;
    sw_to->state = FIBER_RUNNING;
    vm->fiber = sw_to;
    SAVEPC();
    coro_switch_inline(&sw_from->coro, &sw_to->coro);
    /* read the instruction again rather than keep it live across the switch:
     * otherwise GCC holds its opcode in a register through every handler */
    ins = pc[-1];
    RELOAD_BASE();
    if (INS_OP(ins) == OP_YIELD) {
      if (!f->is_generator) {
        fiber_yield_resumed(vm);
        R(A) = NIL_VAL;
        DISPATCH();
      }
      if (__builtin_expect(f->pending != 0, 0)) fiber_raise_pending(vm);   /* closed or cancelled */
      R(A) = f->transfer;
      f->transfer = NIL_VAL;
      DISPATCH();
    }
    if (INS_OP(ins) == OP_INVOKE) {
      Fiber *g = AS_FIBER(R(A + 1));
      Value v;
      if (fiber_take_yielded(vm, g, &v)) { R(A) = v; DISPATCH(); }
      Value r;
      PROTECT(r = fiber_resume_finish(vm, g));
      R(A) = r;
      DISPATCH();
    }
    {
      Fiber *g = AS_FIBER(R(A));
      Value v;
      if (fiber_take_yielded(vm, g, &v)) { R(A + 2) = v; DISPATCH(); }
      bool more;
      PROTECT(more = fiber_iter_finish(vm, g, &v));
      if (more) R(A + 2) = v;
      else pc += INS_SBX(ins);
      DISPATCH();
    }
  CASE(IMPORT) {
    /* A is the newest register (compile.c): the ones above it are dead, and
     * so is A's old value. The window ends there while the import runs, so a
     * collection meanwhile does not keep what they held (a generator
     * dropped in its module's top level must be collectable: known_module). */
    R(A) = NIL_VAL;
    f->top = (int)(base - f->stack) + A + 1;
    Value r;
    PROTECT(r = vm->import ? vm->import(vm, cl->p->module, AS_STRING(k[INS_BX(ins)]))
                            : (vm_throw(vm, "import is not available here"), NIL_VAL));
    R(A) = r;
    RESET_TOP();
    DISPATCH();
  }
  CASE(IS) { bool r; PROTECT(r = value_is(vm, R(B), R(C))); R(A) = BOOL_VAL(r); DISPATCH(); }
  CASE(UNPACK) PROTECT(unpack_list(vm, R(B), &R(A), C & 127, C >> 7)); DISPATCH();
  CASE(NOP) DISPATCH();
#undef A
#undef B
#undef C
}

/* Run the frame just pushed (flagged FRAME_BOUNDARY) to completion. A level
 * that executes a `try` sets up a catch point (setjmp) the first time; until
 * then its errors go straight to the next protected region out, which is
 * cheaper for the many short calls natives make (sort comparators, map
 * callbacks). Errors landing here are caught by a handler of this level, or
 * passed on outward. */
static void execute(VM *vm) {
  Fiber *f = vm->fiber;
  ErrJmp ej;
  ej.prev = f->errjmp;
  const int entry_frames = f->nframes;      /* the boundary frame is entry_frames - 1 */
  const int entry_handlers = f->nhandlers;
  const int my_cdepth = ++f->cdepth;
  volatile bool installed = false;
  for (;;) {
    if (run(vm, entry_handlers, my_cdepth, installed) == RUN_DONE) break;
    if (setjmp(ej.buf)) {
      Fiber *ef = vm->fiber;
      if (!vm->fatal_error && ef->nhandlers > entry_handlers && ef->handlers[ef->nhandlers - 1].cdepth == my_cdepth) {
        Handler h = ef->handlers[--ef->nhandlers];
        CallFrame *fr = &ef->frames[h.frame];
        fiber_close_upvalues(ef, ef->stack + fr->base + h.reg);
        ef->nframes = h.frame + 1;
        ef->top = fr->base + fr->cl->p->maxregs;
        /* registers above the try's are dead temporaries: what they held
         * (often what ran out of memory) can go */
        for (int i = fr->base + h.reg; i < ef->top; i++) ef->stack[i] = NIL_VAL;
        ef->stack[fr->base + h.reg] = ef->error;
        fr->pc = h.catch_pc;
        ef->cdepth = my_cdepth;   /* inner levels without a catch point left it higher */
        ef->errjmp = &ej;
        vm->ntemp_roots = 0;
        continue;                 /* run the catch block */
      }
      ef->nhandlers = entry_handlers;
      ef->nframes = entry_frames - 1;
      ef->cdepth = my_cdepth - 1;
      ef->errjmp = ej.prev;
      errjmp_jump(ef, ej.prev);
    }
    f->errjmp = &ej;
    installed = true;
  }
  f = vm->fiber;
  f->cdepth = my_cdepth - 1;
  if (installed) f->errjmp = ej.prev;
  coro_fp_unknown();   /* back to the C code that called into the VM */
}

/* A check point found vm->interrupted set: count a step for the hook, and
 * raise a pending interrupt (which the hook may just have requested). */
void vm_check_interrupt(VM *vm) {
  if ((vm->interrupted & VM_INTERRUPT_HOOK) && --vm->hook_left <= 0) {
    vm->hook_left = vm->hook_every;
    vm->hook(vm, vm->hook_ud);
    coro_fp_unknown();   /* host code: it may have changed the FP control words */
  }
  if (vm_take_interrupt(vm)) {
    vm->fatal_error = true;   /* Ctrl-C / gs_interrupt stops the program, try or not */
    vm_throw(vm, "interrupted");
  }
  int bits = vm->interrupted & (VM_INTERRUPT_ALARM | VM_INTERRUPT_DUMP);
  if (bits) {
    __atomic_fetch_and(&vm->interrupted, ~bits, __ATOMIC_SEQ_CST);
    sched_on_alarm(vm, bits);
  }
}
