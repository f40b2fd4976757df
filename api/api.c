/* api.c — the public embedding API of include/gs.h on top of the VM.
 *
 * Slots. A slot is stack[api_base + i] of the running fiber. A host native
 * runs through api_thunk, which points api_base at its arguments; host code
 * outside natives uses the main fiber with api_base 0 (the host's slots sit
 * below anything the VM pushes when it runs script).
 *
 * Errors. Inside a native (the running fiber has a protected region:
 * fiber->errjmp) API misuse raises with vm_throw like any native error. Host
 * code has no protected region, so every API function that can raise runs
 * its body under a guard there (GUARDED below): a raised error is recorded
 * (gs_error_message) and the function returns a neutral value.
 *
 * Which coroutine runs. The fiber layer (coro/coro.c) keeps one "current
 * coroutine" per thread, and creating a VM makes that VM's main fiber the
 * current one. With several VMs in a thread, or a VM called from a native of
 * another, the current coroutine must be the calling VM's before it switches
 * fibers: api_enter/api_leave bracket every API call that may switch (run,
 * call, str(), yield), and make the VM's running fiber "borrow" the C stack it
 * is called on (and its bounds, for the stack overflow checks). The fast path
 * (same VM as last time) is one thread-local load and a compare. */
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <errno.h>
#include <pthread.h>
#include "gs.h"
#include "vm.h"
#include "fiber.h"
#include "loop.h"
#include "stream.h"
#include "api.h"
#include "builtins.h"
#include "compile.h"
#include "api_internal.h"
#include "arith.h"
#include "complete.h"

/* The API's own state, one per VM (vm->host). */
typedef struct ApiState {
  gs_config cfg;
  char *last_report;   /* the whole report of the last error recorded from
                          an error value (NULL: none), for gs_report_error */
} ApiState;

/* ---- memory for the API's own blocks (the VM's allocator) -------------- */

static void *api_alloc(VM *vm, size_t n) { return vm->realloc_fn(NULL, n, vm->alloc_ud); }
static void api_free(VM *vm, void *p) {
  if (p) vm->realloc_fn(p, 0, vm->alloc_ud);
}

static char *api_strndup(VM *vm, const char *s, size_t n) {
  char *d = api_alloc(vm, n + 1);
  if (!d) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

/* ---- the current coroutine (see the top of the file) ---------------------- */

/* The fiber layer has no "set the current coroutine" call: coro_init_main
 * sets it but also re-reads the thread's stack bounds (pthread_getattr_np,
 * which parses /proc/self/maps on the main thread: ~100 us). So the change
 * is made with a real switch through a helper coroutine, `hop` (one per
 * thread, ~2 switches): we switch from the current coroutine to hop, which
 * saved our context in cur->sp; hop hands that context to the target and
 * switches to it, so we resume right where we were, with the target current.
 * A main coroutine taking over also takes the bounds of the C stack it now
 * runs on (for the overflow checks and ASan). */
static __thread Coro api_hop;
static __thread Coro *api_hop_from, *api_hop_to;
/* The current coroutine of a thread after gs_free of the VM that owned it. */
static __thread Coro api_orphan;
/* API calls made on a main fiber in progress on this thread: when it is 0, no
 * VM is running on this thread's stack, so a current coroutine that is not
 * ours is stale (a VM used earlier) rather than one we are nested in. */
static __thread int api_main_calls;

static void api_hop_entry(void *arg) {
  (void)arg;
  for (;;) {
    Coro *from = api_hop_from, *to = api_hop_to;
    to->sp = from->sp;
    if (to->is_main) {
      to->stack_lo = from->stack_lo;
      to->stack_hi = from->stack_hi;
      to->asan_bottom = from->asan_bottom;
      to->asan_size = from->asan_size;
    }
    coro_switch(&api_hop, to);
  }
}

/* A thread-exit hook gives hop's stack back (process-wide, VM-independent). */
static pthread_once_t api_key_once = PTHREAD_ONCE_INIT;
static pthread_key_t api_key;
static bool api_key_ok;
static void api_thread_exit(void *hop) {
  if (hop == &api_hop && api_hop.mapping && coro_current() != &api_hop) coro_destroy(&api_hop);
}
static void api_key_init(void) { api_key_ok = pthread_key_create(&api_key, api_thread_exit) == 0; }

/* Make c the current coroutine of this thread, which must have one. */
static __attribute__((noinline)) void api_set_current(Coro *c) {
  Coro *cur = coro_current();
  if (cur == c) return;
  if (!api_hop.sp) {
    if (!coro_create(&api_hop, 0, api_hop_entry, NULL)) {
      /* no stack for hop: the slow way */
      Coro saved = *c;
      coro_init_main(c);
      void *lo = c->stack_lo, *hi = c->stack_hi;
      *c = saved;
      if (c->is_main) { c->stack_lo = lo; c->stack_hi = hi; }
      return;
    }
    pthread_once(&api_key_once, api_key_init);
    if (api_key_ok) pthread_setspecific(api_key, &api_hop);   /* coro_destroy at thread exit */
  }
  api_hop_from = cur;
  api_hop_to = c;
  coro_switch(cur, &api_hop);
  /* resumed as c */
}

typedef struct {
  Coro *restore;   /* the coroutine we were nested in, current again at leave */
  bool main;       /* counted in api_main_calls */
} ApiScope;

static __attribute__((noinline)) Coro *api_enter_slow(Coro *mine, Coro *cur) {
  if (!cur) {
    /* first use on this thread: learn this thread's stack */
    if (mine->is_main) coro_init_main(mine);
    return NULL;
  }
  bool nested = !cur->is_main || api_main_calls > 0;
  api_set_current(mine);
  return nested ? cur : NULL;
}

static inline void api_enter(VM *vm, ApiScope *s) {
  Coro *cur = coro_current();
  Coro *mine = &vm->fiber->coro;
  s->restore = NULL;
  if (__builtin_expect(cur != mine, 0)) s->restore = api_enter_slow(mine, cur);
  s->main = vm->fiber == vm->main_fiber;
  if (s->main) api_main_calls++;
}

static inline void api_leave(ApiScope *s) {
  if (s->main) api_main_calls--;
  if (__builtin_expect(s->restore != NULL, 0)) api_set_current(s->restore);
}

/* ---- recording errors ------------------------------------------------------ */

static void set_last_error(VM *vm, const char *msg, size_t msglen, const char *trace, size_t tracelen) {
  /* copy first: msg may be the old message */
  char *m = api_strndup(vm, msg ? msg : "", msg ? msglen : 0);
  char *t = api_strndup(vm, trace ? trace : "", trace ? tracelen : 0);
  ApiState *st = vm->host;
  if (st) {
    api_free(vm, st->last_report);
    st->last_report = NULL;
  }
  api_free(vm, vm->last_error);
  api_free(vm, vm->last_trace);
  vm->last_error = m;
  vm->last_trace = t;
}

/* Record the error value err: message "file:line:col: message" and the trace
 * lines without their indentation. May run script (a thrown instance's
 * str()). Like vm_report_error, with the heap limit lifted: recording the
 * error that hit the limit must not hit it again. */
static void record_error(VM *vm, Value err) {
  bool slack = vm->oom_slack;
  vm->oom_slack = true;
  Value trace = vm->fiber->error_trace;
  vm_push(vm, err);
  ObjString *rep = vm_error_report(vm, err, trace);
  vm_push(vm, STR_VAL(rep));
  const char *nl = memchr(rep->chars, '\n', rep->len);
  size_t first = nl ? (size_t)(nl - rep->chars) : rep->len;
  const char *tr = nl ? strstr(nl, "traceback:\n") : NULL;
  char *trace_s = NULL;
  size_t len = 0;
  if (tr) {
    const char *p = tr + 11;
    trace_s = api_alloc(vm, strlen(p) + 1);
    while (*p && trace_s) {
      while (*p == ' ') p++;
      const char *e = strchr(p, '\n');
      size_t n = e ? (size_t)(e - p) : strlen(p);
      if (len && n) trace_s[len++] = '\n';
      memcpy(trace_s + len, p, n);
      len += n;
      p = e ? e + 1 : p + n;
    }
  }
  set_last_error(vm, rep->chars, first, trace_s, len);
  api_free(vm, trace_s);
  ApiState *st = vm->host;
  if (st) st->last_report = api_strndup(vm, rep->chars, rep->len);
  vm_pop(vm);
  vm_pop(vm);
  vm->oom_slack = slack;
}

static void record_message(VM *vm, const char *msg) { set_last_error(vm, msg, strlen(msg), "", 0); }

/* ---- guards for host code -------------------------------------------------- */

typedef struct {
  ErrJmp ej;
  int top, nframes, nhandlers, cdepth, roots, api_base;
} Guard;

static inline void guard_begin(VM *vm, Fiber *f, Guard *g) {
  g->ej.prev = f->errjmp;
  g->top = f->top;
  g->nframes = f->nframes;
  g->nhandlers = f->nhandlers;
  g->cdepth = f->cdepth;
  g->roots = vm->ntemp_roots;
  g->api_base = f->api_base;
  f->errjmp = &g->ej;
}

static inline void guard_end(Fiber *f, Guard *g) { f->errjmp = g->ej.prev; }

/* An error unwound to the guard (errors never leave their fiber's C stack,
 * so we are on f again): restore f and record the error. */
static __attribute__((noinline)) void guard_caught(VM *vm, Fiber *f, Guard *g) {
  fiber_close_upvalues(f, f->stack + g->top);
  f->top = g->top;
  f->nframes = g->nframes;
  f->nhandlers = g->nhandlers;
  f->cdepth = g->cdepth;
  f->errjmp = g->ej.prev;
  f->api_base = g->api_base;
  vm->ntemp_roots = g->roots;
  vm->fatal_error = false;   /* back in host code: an interrupt has stopped what it had to */
  Value err = f->error;
  f->error = NIL_VAL;
  Guard g2;
  guard_begin(vm, f, &g2);
  if (setjmp(g2.ej.buf) == 0) {
    vm_push(vm, err);
    record_error(vm, err);
    guard_end(f, &g2);
  } else {
    /* recording failed too (out of memory): keep what we can */
    f->nframes = g->nframes;
    f->nhandlers = g->nhandlers;
    f->cdepth = g->cdepth;
    f->errjmp = g->ej.prev;
    vm->ntemp_roots = g->roots;
    record_message(vm, "error (and out of memory while recording it)");
  }
  f->top = g->top;
}

/* In a native, evaluate `expr` directly (errors raise). In host code, under a
 * guard: on error return `fail`. */
#define GUARDED(vm, type, fail, expr)                                         \
  do {                                                                        \
    Fiber *gf_ = (vm)->fiber;                                                 \
    if (__builtin_expect(gf_->errjmp != NULL, 1)) return (expr);             \
    Guard g_;                                                                 \
    guard_begin((vm), gf_, &g_);                                              \
    if (setjmp(g_.ej.buf) == 0) {                                             \
      type r_ = (expr);                                                       \
      guard_end(gf_, &g_);                                                    \
      return r_;                                                              \
    }                                                                         \
    guard_caught((vm), gf_, &g_);                                             \
    return (fail);                                                            \
  } while (0)

#define GUARDED_VOID(vm, stmt)                                                \
  do {                                                                        \
    Fiber *gf_ = (vm)->fiber;                                                 \
    if (__builtin_expect(gf_->errjmp != NULL, 1)) { stmt; return; }           \
    Guard g_;                                                                 \
    guard_begin((vm), gf_, &g_);                                              \
    if (setjmp(g_.ej.buf) == 0) {                                             \
      stmt;                                                                   \
      guard_end(gf_, &g_);                                                    \
      return;                                                                 \
    }                                                                         \
    guard_caught((vm), gf_, &g_);                                             \
  } while (0)

/* Run `stmt` (in host code under a guard; `on_fail` runs after an error was
 * caught and recorded), without returning: for functions that must clean up. */
#define RUN_GUARDED(vm, stmt, on_fail)                                        \
  do {                                                                        \
    Fiber *gf_ = (vm)->fiber;                                                 \
    if (gf_->errjmp) {                                                        \
      stmt;                                                                   \
    } else {                                                                  \
      Guard g_;                                                               \
      guard_begin((vm), gf_, &g_);                                            \
      if (setjmp(g_.ej.buf) == 0) {                                           \
        stmt;                                                                 \
        guard_end(gf_, &g_);                                                  \
      } else {                                                                \
        guard_caught((vm), gf_, &g_);                                         \
        on_fail;                                                              \
      }                                                                       \
    }                                                                         \
  } while (0)

static bool at_host_level(VM *vm) { return vm->fiber == vm->main_fiber && vm->main_fiber->errjmp == NULL; }

/* ---- interrupts ------------------------------------------------------------ */

/* Every entry point that runs script or the scheduler delivers a pending
 * interrupt before anything else, so that one is never left over for a later
 * call (gs.h, gs_interrupt). From host code it becomes the call's error; in a
 * native it unwinds through the native like one raised by the script that
 * called it. */
static bool entry_interrupted(VM *vm) {
  if (__builtin_expect(!vm_interrupt_requested(vm), 1)) return false;
  if (vm->fiber->errjmp) vm_check_interrupt(vm);
  if (!vm_take_interrupt(vm)) return false;
  record_message(vm, "interrupted");
  return true;
}

/* A run (gs_call, gs_run_string...) failed with err. Record it, and keep it
 * as the fiber's last error, value and traceback, for gs_raise to re-raise
 * unchanged. An error nothing may catch (an interrupt) is not the native's to
 * handle: vm->fatal_error stays set and the caller passes it on with
 * pass_on_fatal once it has left its scope; in host code it is over. */
static void run_failed(VM *vm, bool native, Value err) {
  Fiber *f = vm->fiber;
  Value trace = f->error_trace;
  vm_push(vm, err);
  vm_push(vm, trace);
  bool fatal = vm->fatal_error;
  RUN_GUARDED(vm, record_error(vm, err), (void)0);
  f = vm->fiber;
  f->error = err;
  f->error_trace = trace;
  vm_pop(vm);
  vm_pop(vm);
  vm->fatal_error = fatal && native;
}

static void pass_on_fatal(VM *vm) {
  Fiber *f = vm->fiber;
  if (vm->fatal_error && f->errjmp) vm_throw_again(vm, f->error, f->error_trace);
}

/* ---- slots ------------------------------------------------------------ */

static Value *slot_ref(VM *vm, int slot) {
  Fiber *f = vm->fiber;
  int i = f->api_base + slot;
  if (slot < 0 || i >= f->top) vm_throw(vm, "API slot %d is out of range (%d slots)", slot, f->top - f->api_base);
  return &f->stack[i];
}
#define SLOT(i) (*slot_ref(vm, (i)))

/* The slot's value if it is in range, else NULL (no error): the fast paths
 * below skip the guard when nothing can go wrong. */
static inline Value *slot_fast(VM *vm, int slot) {
  Fiber *f = vm->fiber;
  int i = f->api_base + slot;
  return slot >= 0 && i < f->top ? &f->stack[i] : NULL;
}

static void ensure_slots(VM *vm, int n) {
  Fiber *f = vm->fiber;
  if (n < 0) vm_throw(vm, "gs_ensure_slots: negative count %d", n);
  if (n > 1000000) vm_throw(vm, "stack overflow");
  int need = f->api_base + n;
  if (need > f->top) {
    fiber_grow_stack(vm, f, need + 1);
    for (int i = f->top; i < need; i++) f->stack[i] = NIL_VAL;
    f->top = need;
  }
}
void gs_ensure_slots(gs_vm *vm, int n) { GUARDED_VOID(vm, ensure_slots(vm, n)); }

int gs_slot_count(gs_vm *vm) { return vm->fiber->top - vm->fiber->api_base; }

static gs_type get_type(VM *vm, int slot) {
  switch ((ValueTag)SLOT(slot).tag) {
    case V_NIL: return GS_NIL;
    case V_BOOL: return GS_BOOL;
    case V_INT: return GS_INT;
    case V_FLOAT: return GS_FLOAT;
    case V_STRING: return GS_STRING;
    case V_LIST: return GS_LIST;
    case V_MAP: return GS_MAP;
    case V_CLOSURE: case V_NATIVE: case V_BOUND: return GS_FUNCTION;
    case V_CLASS: return GS_CLASS;
    case V_INSTANCE: return GS_INSTANCE;
    case V_FIBER: return GS_FIBER;
    case V_CHANNEL: return GS_CHANNEL;
    case V_RANGE: return GS_RANGE;
    case V_USERDATA: return GS_USERDATA;
    case V_MODULE: return GS_MODULE;
    default: return GS_OTHER;
  }
}
gs_type gs_get_type(gs_vm *vm, int slot) {
  if (slot_fast(vm, slot)) return get_type(vm, slot);
  GUARDED(vm, gs_type, GS_NIL, get_type(vm, slot));
}

const char *gs_type_name(gs_vm *vm, int slot) { GUARDED(vm, const char *, "nil", value_type_name(SLOT(slot))); }
bool gs_get_bool(gs_vm *vm, int slot) {
  Value *v = slot_fast(vm, slot);
  if (v) return IS_TRUTHY(*v);
  GUARDED(vm, bool, false, IS_TRUTHY(SLOT(slot)));
}

static int64_t get_int(VM *vm, int slot) {
  Value v = SLOT(slot);
  if (IS_INT(v)) return AS_INT(v);
  if (IS_FLOAT(v)) {
    double d = AS_FLOAT(v);
    if (d == floor(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) return (int64_t)d;
    vm_throw(vm, "expected an int, got a float with a fraction or out of range");
  }
  vm_throw(vm, "expected an int, got %s", value_type_name(v));
}
int64_t gs_get_int(gs_vm *vm, int slot) {
  Value *v = slot_fast(vm, slot);
  if (v && IS_INT(*v)) return AS_INT(*v);
  GUARDED(vm, int64_t, 0, get_int(vm, slot));
}

static double get_float(VM *vm, int slot) {
  Value v = SLOT(slot);
  if (IS_FLOAT(v)) return AS_FLOAT(v);
  if (IS_INT(v)) return (double)AS_INT(v);
  vm_throw(vm, "expected a number, got %s", value_type_name(v));
}
double gs_get_float(gs_vm *vm, int slot) {
  Value *v = slot_fast(vm, slot);
  if (v && IS_FLOAT(*v)) return AS_FLOAT(*v);
  GUARDED(vm, double, 0.0, get_float(vm, slot));
}

static const char *get_string(VM *vm, int slot, size_t *len) {
  Value v = SLOT(slot);
  if (!IS_STRING(v)) vm_throw(vm, "expected a string, got %s", value_type_name(v));
  if (len) *len = AS_STRING(v)->len;
  return AS_CSTR(v);
}
const char *gs_get_string(gs_vm *vm, int slot, size_t *len) {
  Value *v = slot_fast(vm, slot);
  if (v && IS_STRING(*v)) {
    if (len) *len = AS_STRING(*v)->len;
    return AS_CSTR(*v);
  }
  if (len) *len = 0;
  GUARDED(vm, const char *, NULL, get_string(vm, slot, len));
}

/* Running script from inside a native: a native the script calls resets the
 * fiber's api_base and api_ret and, if it raises, leaves them. Save both (the
 * return value rooted on the VM stack) and put them back afterwards. */
typedef struct {
  int base, keep;
} NativeSave;

static void native_save(VM *vm, NativeSave *s) {
  Fiber *f = vm->fiber;
  s->base = f->api_base;
  s->keep = f->top;
  vm_push(vm, f->api_ret);
}

static void native_restore(VM *vm, NativeSave *s) {
  Fiber *f = vm->fiber;
  f->api_base = s->base;
  f->api_ret = f->stack[s->keep];
  f->top = s->keep;
}

static void to_string(VM *vm, int slot, int dest) {
  slot_ref(vm, dest);
  Value v = SLOT(slot);
  NativeSave ns;
  native_save(vm, &ns);
  ObjString *s = vm_tostring(vm, v);
  vm_push(vm, STR_VAL(s));
  native_restore(vm, &ns);   /* pops s too: no allocation until it is stored */
  SLOT(dest) = STR_VAL(s);
}

void gs_to_string(gs_vm *vm, int slot, int dest) {
  ApiScope sc;
  api_enter(vm, &sc);
  RUN_GUARDED(vm, to_string(vm, slot, dest), (void)0);
  api_leave(&sc);
}

static void set_value(VM *vm, int slot, Value v) { SLOT(slot) = v; }
static inline void set_scalar(VM *vm, int slot, Value v) {
  Value *p = slot_fast(vm, slot);
  if (p) *p = v;
  else GUARDED_VOID(vm, set_value(vm, slot, v));
}
void gs_set_nil(gs_vm *vm, int slot) { set_scalar(vm, slot, NIL_VAL); }
void gs_set_bool(gs_vm *vm, int slot, bool v) { set_scalar(vm, slot, BOOL_VAL(v)); }
void gs_set_int(gs_vm *vm, int slot, int64_t v) { set_scalar(vm, slot, INT_VAL(v)); }
void gs_set_float(gs_vm *vm, int slot, double v) { set_scalar(vm, slot, FLOAT_VAL(v)); }

static void set_string(VM *vm, int slot, const char *s, size_t len) {
  slot_ref(vm, slot);
  if (!s && len) vm_throw(vm, "gs_set_string: NULL string");
  ObjString *str = str_new(vm, s ? s : "", len);
  SLOT(slot) = STR_VAL(str);
}
void gs_set_string(gs_vm *vm, int slot, const char *s, size_t len) { GUARDED_VOID(vm, set_string(vm, slot, s, len)); }
void gs_set_cstring(gs_vm *vm, int slot, const char *s) { GUARDED_VOID(vm, set_string(vm, slot, s, s ? strlen(s) : 0)); }

static void copy_slot(VM *vm, int from, int to) {
  Value v = SLOT(from);
  SLOT(to) = v;
}
void gs_copy(gs_vm *vm, int from, int to) {
  Value *a = slot_fast(vm, from), *b = slot_fast(vm, to);
  if (a && b) *b = *a;
  else GUARDED_VOID(vm, copy_slot(vm, from, to));
}

bool gs_raw_equal(gs_vm *vm, int a, int b) { GUARDED(vm, bool, false, values_equal(SLOT(a), SLOT(b))); }
bool gs_less(gs_vm *vm, int a, int b) { GUARDED(vm, bool, false, cmp_lt(vm, SLOT(a), SLOT(b))); }

/* ---- lists and maps ---------------------------------------------------- */

static ObjList *want_list(VM *vm, int slot) {
  Value v = SLOT(slot);
  if (!IS_LIST(v)) vm_throw(vm, "expected a list, got %s", value_type_name(v));
  return AS_LIST(v);
}
static ObjMap *want_map(VM *vm, int slot) {
  Value v = SLOT(slot);
  if (!IS_MAP(v)) vm_throw(vm, "expected a map, got %s", value_type_name(v));
  return AS_MAP(v);
}

static void new_list(VM *vm, int slot) {
  slot_ref(vm, slot);
  ObjList *l = list_new(vm, 0);
  SLOT(slot) = LIST_VAL(l);
}
void gs_new_list(gs_vm *vm, int slot) { GUARDED_VOID(vm, new_list(vm, slot)); }

int64_t gs_list_count(gs_vm *vm, int list) { GUARDED(vm, int64_t, 0, (int64_t)want_list(vm, list)->count); }

static void list_get(VM *vm, int list, int64_t index, int dest) {
  slot_ref(vm, dest);
  Value r = vm_get_index(vm, LIST_VAL(want_list(vm, list)), INT_VAL(index));
  SLOT(dest) = r;
}
void gs_list_get(gs_vm *vm, int list, int64_t index, int dest) { GUARDED_VOID(vm, list_get(vm, list, index, dest)); }

static void list_set(VM *vm, int list, int64_t index, int value) {
  ObjList *l = want_list(vm, list);
  vm_set_index(vm, LIST_VAL(l), INT_VAL(index), SLOT(value));
}
void gs_list_set(gs_vm *vm, int list, int64_t index, int value) { GUARDED_VOID(vm, list_set(vm, list, index, value)); }

static void list_push_slot(VM *vm, int list, int value) {
  ObjList *l = want_list(vm, list);
  list_push(vm, l, SLOT(value));
}
void gs_list_push(gs_vm *vm, int list, int value) { GUARDED_VOID(vm, list_push_slot(vm, list, value)); }

static void new_map(VM *vm, int slot) {
  slot_ref(vm, slot);
  ObjMap *m = map_new(vm);
  SLOT(slot) = MAP_VAL(m);
}
void gs_new_map(gs_vm *vm, int slot) { GUARDED_VOID(vm, new_map(vm, slot)); }

int64_t gs_map_count(gs_vm *vm, int map) { GUARDED(vm, int64_t, 0, (int64_t)want_map(vm, map)->t.live); }

/* A key that can be stored (nil and NaN cannot: a lookup finds nothing). */
static bool usable_key(Value k) { return !IS_NIL(k) && !(IS_FLOAT(k) && isnan(AS_FLOAT(k))); }

static bool map_get(VM *vm, int map, int key, int dest) {
  ObjMap *m = want_map(vm, map);
  Value k = table_normalize_key(SLOT(key));
  slot_ref(vm, dest);
  Value *v = usable_key(k) ? table_find(&m->t, k) : NULL;
  SLOT(dest) = v ? *v : NIL_VAL;
  return v != NULL;
}
bool gs_map_get(gs_vm *vm, int map, int key, int dest) { GUARDED(vm, bool, false, map_get(vm, map, key, dest)); }

static void map_set(VM *vm, int map, int key, int value) {
  ObjMap *m = want_map(vm, map);
  Value k = SLOT(key), v = SLOT(value);
  vm_set_index(vm, MAP_VAL(m), k, v);   /* all three stay in slots */
}
void gs_map_set(gs_vm *vm, int map, int key, int value) { GUARDED_VOID(vm, map_set(vm, map, key, value)); }

static bool map_remove(VM *vm, int map, int key) {
  ObjMap *m = want_map(vm, map);
  Value k = table_normalize_key(SLOT(key));
  return usable_key(k) && table_remove(&m->t, k);
}
bool gs_map_remove(gs_vm *vm, int map, int key) { GUARDED(vm, bool, false, map_remove(vm, map, key)); }

static bool map_next(VM *vm, int map, int64_t *pos, int key_dest, int value_dest) {
  Table *t = &want_map(vm, map)->t;
  slot_ref(vm, key_dest);
  slot_ref(vm, value_dest);
  int64_t i = *pos < 0 ? 0 : *pos;
  while (i < (int64_t)t->count && IS_NIL(table_key(t, i))) i++;
  if (i >= (int64_t)t->count) { *pos = i; return false; }
  Value k = table_key(t, i), v = t->entries[i].value;
  SLOT(key_dest) = k;
  SLOT(value_dest) = v;
  *pos = i + 1;
  return true;
}
bool gs_map_next(gs_vm *vm, int map, int64_t *pos, int key_dest, int value_dest) {
  GUARDED(vm, bool, false, map_next(vm, map, pos, key_dest, value_dest));
}

/* ---- globals and fields ------------------------------------------------ */

static bool get_global(VM *vm, const char *name, int dest) {
  slot_ref(vm, dest);
  ObjString *s = str_cstr(vm, name);
  if (vm->main_module) {
    Value *v = table_find(&vm->main_module->names, STR_VAL(s));
    if (v) { SLOT(dest) = vm->main_module->vars[AS_INT(*v)]; return true; }
  }
  int g = vm_global_slot(vm, s, false);
  if (g >= 0) { SLOT(dest) = vm->globals[g]; return true; }
  SLOT(dest) = NIL_VAL;
  return false;
}
bool gs_get_global(gs_vm *vm, const char *name, int dest) { GUARDED(vm, bool, false, get_global(vm, name, dest)); }

static void set_global(VM *vm, const char *name, int value) { vm_set_global(vm, name, SLOT(value)); }
void gs_set_global(gs_vm *vm, const char *name, int value) { GUARDED_VOID(vm, set_global(vm, name, value)); }

static void get_field(VM *vm, int obj, const char *name, int dest) {
  slot_ref(vm, dest);
  Value o = SLOT(obj);
  ObjString *s = str_cstr(vm, name);
  vm_push(vm, STR_VAL(s));
  Value r = vm_get_field(vm, o, s);
  vm_pop(vm);
  SLOT(dest) = r;
}
void gs_get_field(gs_vm *vm, int obj, const char *name, int dest) { GUARDED_VOID(vm, get_field(vm, obj, name, dest)); }

static void set_field(VM *vm, int obj, const char *name, int value) {
  Value o = SLOT(obj), v = SLOT(value);
  ObjString *s = str_cstr(vm, name);
  vm_push(vm, STR_VAL(s));
  switch (o.tag) {
    case V_INSTANCE: case V_MAP:
      vm_set_index(vm, o, STR_VAL(s), v);
      break;
    case V_MODULE: {
      ObjModule *m = AS_MODULE(o);
      Value *idx = table_find(&m->names, STR_VAL(s));
      if (!idx) vm_throw(vm, "module '%s' has no variable '%s'", m->name->chars, name);
      m->vars[AS_INT(*idx)] = v;
      break;
    }
    default: vm_throw(vm, "cannot set field '%s' on %s", name, value_type_name(o));
  }
  vm_pop(vm);
}
void gs_set_field(gs_vm *vm, int obj, const char *name, int value) { GUARDED_VOID(vm, set_field(vm, obj, name, value)); }

/* ---- natives ----------------------------------------------------------- */

/* Every host native runs through here (call_native in interp.c calls it with
 * args = &stack[fnslot + 1], the callee in stack[fnslot]). The callee slot
 * is not needed while the native runs: it keeps the return value an outer
 * native of this fiber may have set before calling back into script, rooted,
 * and it gets our result when we return. */
static Value api_thunk(VM *vm, int argc, Value *args) {
  ObjNative *n = vm->calling_native;
  gs_native fn = (gs_native)n->host_fn;
  Fiber *f = vm->fiber;
  int base = (int)(args - f->stack);
  int saved_base = f->api_base;
  f->stack[base - 1] = f->api_ret;
  f->api_ret = NIL_VAL;
  f->api_base = base;
  coro_fp_unknown();   /* host code may change the FP control words (coro.h) */
  fn(vm, argc);
  f = vm->fiber;
  Value r = f->api_ret;
  f->api_ret = f->stack[base - 1];
  f->api_base = saved_base;
  return r;
}

static ObjNative *host_native(VM *vm, const char *name, gs_native fn, int arity, const char *doc) {
  if (!fn) vm_throw(vm, "cannot register '%s': NULL function", name ? name : "?");
  ObjNative *n = native_new(vm, api_thunk, name, arity < 0 ? -1 : arity);
  n->host_fn = (void *)fn;
  native_set_doc(vm, n, doc);
  return n;
}

static void do_register(VM *vm, const char *name, gs_native fn, int arity) {
  ObjNative *n = host_native(vm, name, fn, arity, NULL);
  vm_set_global(vm, name, OBJ_VAL(V_NATIVE, n));
}
void gs_register(gs_vm *vm, const char *name, gs_native fn, int arity) { GUARDED_VOID(vm, do_register(vm, name, fn, arity)); }

static ObjModule *native_module(VM *vm, const char *name) {
  ObjString *s = str_cstr(vm, name);
  int g = vm_global_slot(vm, s, false);
  if (g >= 0 && vm->globals[g].tag == V_MODULE) return AS_MODULE(vm->globals[g]);
  vm_push(vm, STR_VAL(s));
  ObjString *file = str_cstr(vm, "<native>");
  vm_push(vm, STR_VAL(file));
  ObjModule *m = module_new(vm, s, file);
  vm_pop(vm);
  vm_pop(vm);
  m->loaded = true;
  vm_set_global(vm, name, OBJ_VAL(V_MODULE, m));
  return m;
}

static void module_put(VM *vm, ObjModule *m, const char *name, Value v) {
  vm_push(vm, v);
  ObjString *s = str_cstr(vm, name);
  vm_push(vm, STR_VAL(s));   /* module_add_var allocates before it stores s */
  Value *slot = table_find(&m->names, STR_VAL(s));
  int i = slot ? (int)AS_INT(*slot) : module_add_var(vm, m, s);
  m->vars[i] = v;
  vm_pop(vm);
  vm_pop(vm);
}

static void register_module(VM *vm, const char *name, const gs_reg *regs) {
  ObjModule *m = native_module(vm, name);
  for (const gs_reg *r = regs; r && r->name; r++)
    module_put(vm, m, r->name, OBJ_VAL(V_NATIVE, host_native(vm, r->name, r->fn, r->arity, r->doc)));
}
void gs_register_module(gs_vm *vm, const char *name, const gs_reg *regs) { GUARDED_VOID(vm, register_module(vm, name, regs)); }

/* A bound receiver is inserted ahead of the arguments by the call
 * (prepare_call), so the native counts it: arity and is_method say so. */
static void new_function(VM *vm, int dest, const gs_reg *reg, int self) {
  slot_ref(vm, dest);
  if (!reg || !reg->name) vm_throw(vm, "gs_new_function: no name");
  if (self >= 0 && IS_NIL(SLOT(self))) vm_throw(vm, "gs_new_function: cannot bind nil to '%s'", reg->name);
  ObjNative *n = host_native(vm, reg->name, reg->fn, reg->arity, reg->doc);
  if (self >= 0) {
    n->self = SLOT(self);
    n->is_method = true;
    if (n->arity >= 0) n->arity++;
  }
  SLOT(dest) = OBJ_VAL(V_NATIVE, n);
}
void gs_new_function(gs_vm *vm, int dest, const gs_reg *reg, int self) { GUARDED_VOID(vm, new_function(vm, dest, reg, self)); }

static void module_set(VM *vm, const char *module, const char *name, int value) {
  slot_ref(vm, value);
  ObjModule *m = native_module(vm, module);
  module_put(vm, m, name, SLOT(value));
}
void gs_module_set(gs_vm *vm, const char *module, const char *name, int value) { GUARDED_VOID(vm, module_set(vm, module, name, value)); }

/* gs_return_*: only inside a native (api_base > 0: the native's arguments
 * sit above its callee slot; host code has api_base 0). */
static void set_return(VM *vm, Value v) {
  Fiber *f = vm->fiber;
  if (f->api_base <= 0) vm_throw(vm, "gs_return_*() called outside a native function");
  f->api_ret = v;
}
void gs_return_nil(gs_vm *vm) { GUARDED_VOID(vm, set_return(vm, NIL_VAL)); }
void gs_return_bool(gs_vm *vm, bool v) { GUARDED_VOID(vm, set_return(vm, BOOL_VAL(v))); }
void gs_return_int(gs_vm *vm, int64_t v) { GUARDED_VOID(vm, set_return(vm, INT_VAL(v))); }
void gs_return_float(gs_vm *vm, double v) { GUARDED_VOID(vm, set_return(vm, FLOAT_VAL(v))); }
static void return_string(VM *vm, const char *s, size_t len) {
  if (vm->fiber->api_base <= 0) vm_throw(vm, "gs_return_*() called outside a native function");
  if (!s && len) vm_throw(vm, "gs_return_string: NULL string");
  ObjString *str = str_new(vm, s ? s : "", len);
  vm->fiber->api_ret = STR_VAL(str);
}
void gs_return_string(gs_vm *vm, const char *s, size_t len) { GUARDED_VOID(vm, return_string(vm, s, len)); }
void gs_return_cstring(gs_vm *vm, const char *s) { GUARDED_VOID(vm, return_string(vm, s, s ? strlen(s) : 0)); }
void gs_return_slot(gs_vm *vm, int slot) { GUARDED_VOID(vm, set_return(vm, SLOT(slot))); }

_Noreturn void gs_error(gs_vm *vm, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (!vm->fiber->errjmp) {
    vm_flush(vm);
    fprintf(stderr, "fatal: gs_error() called outside a native function: %s\n", buf);
    abort();
  }
  vm_throw(vm, "%s", buf);
}

void gs_check_argc(gs_vm *vm, const char *name, int argc, int min, int max) {
  GUARDED_VOID(vm, arg_count(vm, name ? name : "function", argc, min, max));
}

/* ---- userdata ---------------------------------------------------------- */

static ObjClass *userdata_class(VM *vm, ObjString *tag, bool create) {
  Value *v = table_find(&vm->userdata_classes, STR_VAL(tag));
  if (v) return AS_CLASS(*v);
  if (!create) return NULL;
  vm_push(vm, STR_VAL(tag));
  ObjClass *k = class_new(vm, tag);
  vm_push(vm, OBJ_VAL(V_CLASS, k));
  table_set(vm, &vm->userdata_classes, STR_VAL(tag), OBJ_VAL(V_CLASS, k));
  vm_pop(vm);
  vm_pop(vm);
  return k;
}

static void *new_userdata(VM *vm, int slot, const char *type_tag, size_t size, void (*finalize)(void *data)) {
  slot_ref(vm, slot);
  if (!type_tag) type_tag = "";
  if (size > ((size_t)1 << 40)) vm_throw(vm, "out of memory");
  ObjString *tag = str_cstr(vm, type_tag);
  vm_push(vm, STR_VAL(tag));
  ObjClass *k = userdata_class(vm, tag, false);
  ObjUserdata *u = obj_alloc(vm, sizeof(ObjUserdata) + size, V_USERDATA);
  vm_pop(vm);
  u->tag = tag;
  u->type_tag = tag->chars;
  u->size = size;
  u->data = (char *)u + sizeof(ObjUserdata);
  u->finalize = finalize;
  u->klass = k;
  SLOT(slot) = OBJ_VAL(V_USERDATA, u);
  return u->data;
}
void *gs_new_userdata(gs_vm *vm, int slot, const char *type_tag, size_t size, void (*finalize)(void *data)) {
  GUARDED(vm, void *, NULL, new_userdata(vm, slot, type_tag, size, finalize));
}

static void *get_userdata(VM *vm, int slot, const char *type_tag) {
  Value v = SLOT(slot);
  if (v.tag != V_USERDATA) return NULL;
  ObjUserdata *u = AS_USERDATA(v);
  if (type_tag && strcmp(u->type_tag, type_tag) != 0) return NULL;
  return u->data;
}
void *gs_get_userdata(gs_vm *vm, int slot, const char *type_tag) { GUARDED(vm, void *, NULL, get_userdata(vm, slot, type_tag)); }

static void register_class(VM *vm, const char *type_tag, const gs_reg *methods) {
  ObjString *tag = str_cstr(vm, type_tag ? type_tag : "");
  vm_push(vm, STR_VAL(tag));
  ObjClass *k = userdata_class(vm, tag, true);
  for (const gs_reg *r = methods; r && r->name; r++) {
    ObjNative *n = host_native(vm, r->name, r->fn, r->arity == GS_GETTER ? 1 : r->arity < 0 ? -1 : r->arity + 1, r->doc);
    n->is_method = true;
    n->is_getter = r->arity == GS_GETTER;
    vm_push(vm, OBJ_VAL(V_NATIVE, n));
    table_set(vm, &k->methods, STR_VAL(n->name), OBJ_VAL(V_NATIVE, n));
    if (n->name == vm->s_str) k->str = OBJ_VAL(V_NATIVE, n);
    vm_pop(vm);
  }
  /* existing objects of this tag pick the class up */
  for (Obj *o = vm->objects; o; o = o->next)
    if (o->tag == V_USERDATA && ((ObjUserdata *)o)->tag == tag) ((ObjUserdata *)o)->klass = k;
  vm_pop(vm);
}
void gs_register_class(gs_vm *vm, const char *type_tag, const gs_reg *methods) { GUARDED_VOID(vm, register_class(vm, type_tag, methods)); }

/* ---- handles ------------------------------------------------------------ */

struct gs_handle { Handle h; };

static gs_handle *handle_link(VM *vm, Handle *h, Value v) {
  h->value = v;
  h->prev = NULL;
  h->next = vm->handles;
  if (vm->handles) vm->handles->prev = h;
  vm->handles = h;
  return (gs_handle *)h;
}

static gs_handle *handle_new(VM *vm, Value v) {
  Handle *h = api_alloc(vm, sizeof(Handle));
  if (!h) vm_throw(vm, "out of memory");
  return handle_link(vm, h, v);
}

gs_handle *gs_get_handle(gs_vm *vm, int slot) {
  Value *v = slot_fast(vm, slot);
  Handle *h = v ? api_alloc(vm, sizeof(Handle)) : NULL;
  if (h) return handle_link(vm, h, *v);
  GUARDED(vm, gs_handle *, NULL, handle_new(vm, SLOT(slot)));
}

static void set_handle(VM *vm, int slot, gs_handle *h) {
  slot_ref(vm, slot);
  SLOT(slot) = h ? h->h.value : NIL_VAL;
}
void gs_set_handle(gs_vm *vm, int slot, gs_handle *h) { GUARDED_VOID(vm, set_handle(vm, slot, h)); }

void gs_release(gs_vm *vm, gs_handle *gh) {
  if (!gh || !vm->handles) return;   /* gs_free has freed them all (a finalizer's release) */
  Handle *h = &gh->h;
  if (h->prev) h->prev->next = h->next;
  else vm->handles = h->next;
  if (h->next) h->next->prev = h->prev;
  api_free(vm, h);
}

/* ---- running ------------------------------------------------------------ */

const char *gs_error_message(gs_vm *vm) { return vm->last_error ? vm->last_error : ""; }
const char *gs_error_trace(gs_vm *vm) { return vm->last_trace ? vm->last_trace : ""; }

/* Misuse found before anything ran: raise in a native, record in host code. */
static gs_status api_misuse(VM *vm, gs_status st, const char *msg) {
  if (vm->fiber->errjmp) vm_throw(vm, "%s", msg);
  record_message(vm, msg);
  return st;
}

char *gs_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  if (!buf) { fclose(f); errno = ENOMEM; return NULL; }
  for (;;) {
    if (n == cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) { free(buf); fclose(f); errno = ENOMEM; return NULL; }
      buf = nb;
      cap *= 2;
    }
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
  }
  int err = ferror(f);
  fclose(f);
  if (err) { free(buf); errno = EIO; return NULL; }
  *len = n;
  return buf;
}

ObjModule *run_main_module(VM *vm, const char *name) {
  if (!vm->main_module) {
    ObjString *s = str_cstr(vm, name);
    vm_push(vm, STR_VAL(s));
    vm->main_module = module_new(vm, s, s);
    vm_pop(vm);
  }
  return vm->main_module;
}

/* Run the main chunk cl; its result goes to slot dest (-1: dropped). */
static gs_status run_closure(VM *vm, ObjClosure *cl, int dest) {
  Fiber *f = vm->fiber;
  bool native = f->errjmp != NULL;
  int base = f->api_base;
  NativeSave ns;
  vm_push(vm, OBJ_VAL(V_CLOSURE, cl));
  if (native) native_save(vm, &ns);
  Value out;
  bool ok = vm_pcall(vm, OBJ_VAL(V_CLOSURE, cl), 0, NULL, &out);
  if (native) native_restore(vm, &ns);
  else vm->fiber->api_base = base;
  gs_status st = GS_OK;
  if (!ok) {
    vm->fiber->stack[vm->fiber->top - 1] = out;   /* root the error */
    run_failed(vm, native, out);
    st = GS_RUNTIME_ERROR;
  }
  vm_pop(vm);
  if (ok && dest >= 0) SLOT(dest) = out;
  return st;
}

/* The message of a failed compilation; with src (a program the gs command
 * runs), each error is followed by its source line and a caret. */
static gs_status compile_failed(VM *vm, const char *name, const AstErrors *errs, const char *src, size_t srclen) {
  size_t cap = 256 + (size_t)errs->count * (sizeof errs->errors[0].message + strlen(name) + 32), len = 0;
  for (int i = 0; src && i < errs->count; i++)
    cap += vm_source_excerpt(NULL, src, srclen, errs->errors[i].line, errs->errors[i].col) + 1;
  char *buf = api_alloc(vm, cap);
  if (!buf) { record_message(vm, "compile error (out of memory)"); return GS_COMPILE_ERROR; }
  for (int i = 0; i < errs->count && len < cap; i++) {
    len += (size_t)snprintf(buf + len, cap - len, "%s%s:%d:%d: %s", i ? "\n" : "", name,
                            errs->errors[i].line, errs->errors[i].col, errs->errors[i].message);
    size_t ex = src ? vm_source_excerpt(NULL, src, srclen, errs->errors[i].line, errs->errors[i].col) : 0;
    if (ex && len + ex + 1 < cap) {
      buf[len++] = '\n';
      vm_source_excerpt(buf + len, src, srclen, errs->errors[i].line, errs->errors[i].col);
      len += ex - 1;   /* without its last newline: messages are joined by one */
    }
  }
  if (errs->total > errs->count && len < cap)
    len += (size_t)snprintf(buf + len, cap - len, "\n%s: %d more errors not shown", name, errs->total - errs->count);
  if (errs->count == 0) len = (size_t)snprintf(buf, cap, "%s: compile error", name);
  set_last_error(vm, buf, len < cap ? len : cap - 1, "", 0);
  api_free(vm, buf);
  return GS_COMPILE_ERROR;
}

/* The listing gs_disassemble writes to a FILE, where print writes. */
static void disassemble_to_output(VM *vm, ObjProto *p) {
  char *text = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&text, &n);
  if (!f) vm_throw(vm, "out of memory");
  gs_disassemble(vm, p, f);
  fclose(f);
  vm_write_out(vm, text, n);
  free(text);
}

static gs_status run_string(VM *vm, const char *name, const char *source, size_t len, int flags, int dest) {
  if (!(flags & API_RUN_DISASSEMBLE) && entry_interrupted(vm)) return GS_RUNTIME_ERROR;
  fiber_ensure_stack(vm, vm->fiber, 8);
  /* naming the chunk is part of compiling it, which the heap limit does not
   * bound (gs_compile_source): when a chunk ran out of memory and left the
   * heap full, the next one can still start (and free what the first holds) */
  bool slack = vm->oom_slack;
  vm->oom_slack = true;
  ObjModule *m = run_main_module(vm, name);
  AstErrors errs;   /* on the C stack: nothing to leak if compiling raises */
  memset(&errs, 0, sizeof errs);
  /* every chunk shares the main module, but its messages name the chunk */
  CompileOptions opt = {.file = str_cstr(vm, name), .repl = flags & API_RUN_REPL,
                        .script_locals = flags & (API_RUN_PROGRAM | API_RUN_DISASSEMBLE)};
  vm->oom_slack = slack;
  vm_push(vm, STR_VAL(opt.file));
  ObjClosure *cl = gs_compile_source(vm, m, source ? source : "", source ? len : 0, &opt, &errs);
  vm_pop(vm);
  if (!cl) {
    gs_status st = compile_failed(vm, name, &errs, (flags & API_RUN_PROGRAM) && source ? source : NULL, len);
    return (flags & API_RUN_REPL) && errs.at_eof ? GS_INCOMPLETE : st;
  }
  if (flags & API_RUN_DISASSEMBLE) {
    disassemble_to_output(vm, cl->p);
    return GS_OK;
  }
  return run_closure(vm, cl, dest);
}

gs_status api_run_chunk(VM *vm, const char *name, const char *source, size_t len, int flags, int dest) {
  bool native = vm->fiber->errjmp != NULL;   /* (run_string runs under our guard) */
  ApiScope sc;
  api_enter(vm, &sc);
  gs_status st = GS_RUNTIME_ERROR;
  RUN_GUARDED(vm, st = run_string(vm, name, source, len, flags, dest), st = GS_RUNTIME_ERROR);
  api_leave(&sc);
  if (native) pass_on_fatal(vm);
  else vm->fatal_error = false;
  return st;
}

gs_status gs_run_string(gs_vm *vm, const char *name, const char *source, size_t len) {
  return api_run_chunk(vm, name ? name : "<string>", source, len, 0, -1);
}

gs_status gs_run_repl(gs_vm *vm, const char *name, const char *source, size_t len, int dest) {
  if (dest >= 0 && !slot_fast(vm, dest)) return api_misuse(vm, GS_RUNTIME_ERROR, "gs_run_repl: the result slot is out of range");
  return api_run_chunk(vm, name ? name : "<repl>", source, len, API_RUN_REPL, dest);
}

gs_status gs_disassemble_source(gs_vm *vm, const char *name, const char *source, size_t len) {
  return api_run_chunk(vm, name ? name : "<string>", source, len, API_RUN_DISASSEMBLE, -1);
}

/* The report vm_error_report made, kept when the error was recorded (the
 * message of a deadlock goes on with a line per fiber); else rebuilt from
 * the recorded strings. */
void gs_report_error(gs_vm *vm) {
  ApiState *st = vm->host;
  if (st && st->last_report) {
    vm_write_err(vm, st->last_report, strlen(st->last_report));
    return;
  }
  const char *msg = gs_error_message(vm), *trace = gs_error_trace(vm);
  if (!*msg) return;
  vm_write_err(vm, msg, strlen(msg));
  vm_write_err(vm, "\n", 1);
  if (!*trace) return;
  vm_write_err(vm, "traceback:\n", 11);
  while (*trace) {
    const char *nl = strchr(trace, '\n');
    size_t n = nl ? (size_t)(nl - trace) : strlen(trace);
    vm_write_err(vm, "  ", 2);
    vm_write_err(vm, trace, n);
    vm_write_err(vm, "\n", 1);
    trace += nl ? n + 1 : n;
  }
}

gs_status gs_run_file(gs_vm *vm, const char *path) {
  size_t len;
  char *src = path ? gs_read_file(path, &len) : NULL;
  if (!src) {
    char buf[600];
    snprintf(buf, sizeof buf, "cannot open '%s': %s", path ? path : "(null)", strerror(path ? errno : EINVAL));
    record_message(vm, buf);
    return GS_COMPILE_ERROR;
  }
  gs_status st = gs_run_string(vm, path, src, len);
  free(src);
  return st;
}

gs_status gs_run_fibers(gs_vm *vm) {
  if (!at_host_level(vm))
    return api_misuse(vm, GS_RUNTIME_ERROR, "gs_run_fibers() must be called from host code, not from a native");
  if (entry_interrupted(vm)) return GS_RUNTIME_ERROR;
  ApiScope sc;
  api_enter(vm, &sc);
  SchedEnd end = sched_run_all(vm);
  api_leave(&sc);
  vm->fatal_error = false;
  if (end == SCHED_INTERRUPTED) {
    record_message(vm, "interrupted");
    return GS_RUNTIME_ERROR;
  }
  if (end == SCHED_DEADLOCK) {
    char msg[80];
    sched_deadlock_headline(sched_blocked_count(vm), msg, sizeof msg);
    record_message(vm, msg);
    return GS_DEADLOCK;
  }
  return GS_OK;
}

int gs_run_ready(gs_vm *vm) {
  if (!at_host_level(vm)) {
    api_misuse(vm, GS_RUNTIME_ERROR, "gs_run_ready() must be called from host code, not from a native");
    return sched_live_count(vm);
  }
  if (entry_interrupted(vm)) return -1;
  ApiScope sc;
  api_enter(vm, &sc);
  /* The main fiber goes to the back of the run queue: everything ready now
   * runs once, then the main fiber (the host) is picked again. The only
   * error that reaches it is an interrupt, which stops the slice. */
  bool interrupted = false;
  loop_poll(vm);   /* I/O that came since the last slice wakes its fibers */
  RUN_GUARDED(vm, fiber_yield(vm, NIL_VAL), interrupted = true);
  loop_poll(vm);   /* hands the waits the slice started to the kernel: gs_loop_fd sees them */
  api_leave(&sc);
  sched_report_failures(vm);   /* the slice is over: nobody joined those */
  return interrupted ? -1 : sched_live_count(vm);
}

int64_t gs_next_timer_ns(gs_vm *vm) {
  /* fibers in the live list are ready, running or blocked (sleeping ones
   * included); the main fiber is never in it */
  int blocked = sched_blocked_count(vm);
  if (vm->main_fiber->state == FIBER_BLOCKED) blocked--;
  if (sched_live_count(vm) - blocked > 0) return 0;
  return sched_next_timer_ns(vm);
}

gs_status gs_call(gs_vm *vm, int fn, int argc) {
  Fiber *f = vm->fiber;
  int base = f->api_base;
  if (fn < 0 || argc < 0 || base + fn + argc >= f->top) {
    char msg[120];
    snprintf(msg, sizeof msg, "gs_call: slots %d..%d are out of range (%d slots)", fn, fn + argc, f->top - base);
    return api_misuse(vm, GS_RUNTIME_ERROR, msg);
  }
  bool native = f->errjmp != NULL;
  if (entry_interrupted(vm)) return GS_RUNTIME_ERROR;
  NativeSave ns;
  if (native) native_save(vm, &ns);   /* may raise (out of memory): we are in a native */
  ApiScope sc;
  api_enter(vm, &sc);
  Value out;
  bool ok = vm_pcall(vm, f->stack[base + fn], argc, &f->stack[base + fn + 1], &out);
  f = vm->fiber;
  f->stack[base + fn] = out;
  if (native) native_restore(vm, &ns);
  else f->api_base = base;
  gs_status st = GS_OK;
  if (!ok) {
    run_failed(vm, native, out);
    st = GS_RUNTIME_ERROR;
  }
  api_leave(&sc);
  pass_on_fatal(vm);
  return st;
}

static void spawn(VM *vm, int fn, int argc) {
  Fiber *f = vm->fiber;
  int base = f->api_base;
  if (argc < 0) vm_throw(vm, "gs_spawn: negative argument count");
  slot_ref(vm, fn);
  slot_ref(vm, fn + argc);
  Value r = fiber_spawn(vm, f->stack[base + fn], argc, &f->stack[base + fn + 1]);
  vm->fiber->stack[base + fn] = r;
}
void gs_spawn(gs_vm *vm, int fn, int argc) { GUARDED_VOID(vm, spawn(vm, fn, argc)); }

/* ---- fibers from natives ------------------------------------------------- */

static void yield_value(VM *vm, int value, int dest) {
  if (dest >= 0) slot_ref(vm, dest);
  Value v = value >= 0 ? SLOT(value) : NIL_VAL;
  /* in host code this is the main fiber: one round of the others */
  Value got = fiber_yield(vm, v);
  if (dest >= 0) SLOT(dest) = got;
}
void gs_yield_value(gs_vm *vm, int value, int dest) {
  if (entry_interrupted(vm)) return;
  ApiScope sc;
  api_enter(vm, &sc);
  RUN_GUARDED(vm, yield_value(vm, value, dest), (void)0);
  api_leave(&sc);
}
void gs_yield(gs_vm *vm) { gs_yield_value(vm, -1, -1); }

gs_handle *gs_current_fiber(gs_vm *vm) {
  Handle *h = api_alloc(vm, sizeof(Handle));
  if (h) return handle_link(vm, h, OBJ_VAL(V_FIBER, vm->fiber));
  GUARDED(vm, gs_handle *, NULL, handle_new(vm, OBJ_VAL(V_FIBER, vm->fiber)));
}

static void park(VM *vm, int dest) {
  if (dest >= 0) slot_ref(vm, dest);
  if (vm->fiber == vm->main_fiber)
    vm_throw(vm, "cannot park the main fiber (call this function from a spawned fiber)");
  Value v = fiber_park(vm);
  if (dest >= 0) SLOT(dest) = v;
}
void gs_park(gs_vm *vm, int dest) {
  ApiScope sc;
  api_enter(vm, &sc);
  RUN_GUARDED(vm, park(vm, dest), (void)0);
  api_leave(&sc);
}

static bool wake(VM *vm, gs_handle *h, int value) {
  Value v = value >= 0 ? SLOT(value) : NIL_VAL;
  if (!h) return false;
  Value fv = h->h.value;
  if (!IS_FIBER(fv)) return false;
  Fiber *f = AS_FIBER(fv);
  if (f->state != FIBER_BLOCKED || f->nparked == 0) return false;
  fiber_wake(vm, f, v);
  return true;
}
bool gs_wake(gs_vm *vm, gs_handle *fiber, int value) {
  if (value < 0 || slot_fast(vm, value)) return wake(vm, fiber, value);   /* cannot raise */
  GUARDED(vm, bool, false, wake(vm, fiber, value));
}

void gs_with_cstack(gs_vm *vm, size_t bytes, void (*fn)(void *ud), void *ud) {
  GUARDED_VOID(vm, fiber_with_cstack(vm, bytes, fn, ud));
}

/* ---- non-blocking I/O ------------------------------------------------------ */

static int wait_fd(VM *vm, int fd, int events, double timeout_s) {
  if (isnan(timeout_s)) vm_throw(vm, "invalid timeout");
  return loop_wait_fd(vm, fd, events, timeout_s < 0 ? -1 : sched_deadline_after(timeout_s));
}
int gs_wait_fd(gs_vm *vm, int fd, int events, double timeout_s) {
  if (entry_interrupted(vm)) return GS_WAIT_ERROR;
  ApiScope sc;
  api_enter(vm, &sc);
  int r = GS_WAIT_ERROR;
  RUN_GUARDED(vm, r = wait_fd(vm, fd, events, timeout_s), r = GS_WAIT_ERROR);
  api_leave(&sc);
  return r;
}

void gs_forget_fd(gs_vm *vm, int fd) { loop_forget_fd(vm, fd); }

static _Noreturn void misuse_outside_native(VM *vm, const char *what);
static void run_blocking(VM *vm, const void *key, void (*work)(void *arg), void *arg) {
  if (!loop_run_blocking(vm, key, work, arg)) vm_throw_kind(vm, "io", "the worker thread pool refused the work");
}
void gs_run_blocking(gs_vm *vm, void (*work)(void *arg), void *arg) {
  if (!vm->fiber->errjmp) misuse_outside_native(vm, "gs_run_blocking()");
  ApiScope sc;
  api_enter(vm, &sc);
  run_blocking(vm, NULL, work, arg);
  api_leave(&sc);
}

void gs_run_blocking_on(gs_vm *vm, const void *key, void (*work)(void *arg), void *arg) {
  if (!vm->fiber->errjmp) misuse_outside_native(vm, "gs_run_blocking_on()");
  ApiScope sc;
  api_enter(vm, &sc);
  run_blocking(vm, key, work, arg);
  api_leave(&sc);
}

bool gs_alone(gs_vm *vm) { return stream_alone(vm); }

bool gs_fd_busy(gs_vm *vm, int fd, int events) { return loop_fd_busy(vm, fd, events); }

size_t gs_fill_stream(gs_vm *vm, FILE *fp, const char *name, const char **bytes) {
  if (!vm->fiber->errjmp) misuse_outside_native(vm, "gs_fill_stream()");
  ApiScope sc;
  api_enter(vm, &sc);
  size_t n = stream_fill(vm, fp, name, bytes);
  api_leave(&sc);
  return n;
}

const char *gs_errno_kind(int err) { return stream_errno_kind(err); }

int gs_loop_fd(gs_vm *vm) { return loop_backend_fd(vm); }

void *gs_uv_loop(gs_vm *vm) { GUARDED(vm, void *, NULL, loop_uv(vm)); }

void gs_loop_hold(gs_vm *vm, bool hold) { GUARDED_VOID(vm, loop_hold(vm, hold)); }

bool gs_channel_offer(gs_vm *vm, gs_handle *channel, gs_handle *value) {
  if (!channel || !value || !IS_CHANNEL(channel->h.value)) return false;
  return channel_offer(vm, channel->h.value, value->h.value);
}

static void new_error(VM *vm, int dest, const char *kind, int err, const char *msg) {
  slot_ref(vm, dest);
  Value e = vm_make_error_kind(vm, kind, "%s", msg);
  SLOT(dest) = e;   /* rooted from here on */
  table_set(vm, &AS_INSTANCE(e)->fields, STR_VAL(str_cstr(vm, "errno")), INT_VAL(err));
}
void gs_new_error(gs_vm *vm, int dest, const char *kind, int err, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  GUARDED_VOID(vm, new_error(vm, dest, kind ? kind : "io", err, msg));
}

/* ---- lifecycle ------------------------------------------------------------ */

void gs_config_init(gs_config *c) { memset(c, 0, sizeof *c); }

static void host_write(VM *vm, const char *s, size_t n, void *ud) {
  (void)ud;
  ApiState *st = vm->host;
  st->cfg.write(vm, s, n, st->cfg.user_data);
}
static void host_write_err(VM *vm, const char *s, size_t n, void *ud) {
  (void)ud;
  ApiState *st = vm->host;
  st->cfg.write_error(vm, s, n, st->cfg.user_data);
}

/* The thread's current coroutine must not point into a VM being freed. */
static void api_orphan_current(VM *vm) {
  Coro *cur = coro_current();
  if (!vm->main_fiber || (cur != &vm->main_fiber->coro && cur != &vm->fiber->coro)) return;
  if (!api_orphan.is_main) coro_init_main(&api_orphan);   /* once per thread */
  else api_set_current(&api_orphan);
}

typedef struct {
  void (*open)(VM *vm, const gs_config *config);
  const gs_config *config;
} OpenJob;

static void open_job(VM *vm, void *ud) {
  OpenJob *j = ud;
  j->open(vm, j->config);
}

VM *api_new_vm(const gs_config *config, void (*open)(VM *vm, const gs_config *config)) {
  gs_config cfg;
  if (config) cfg = *config;
  else gs_config_init(&cfg);
  if (cfg.heap_limit && cfg.heap_limit < GS_MIN_HEAP_LIMIT) return NULL;   /* could not even start */
  Coro *prev = coro_current();
  /* making the VM (vm_setup) makes its main fiber the current coroutine */
  VM *vm = vm_new_with(cfg.reallocate, cfg.user_data);
  if (!vm) return NULL;
  bool nested = prev && (!prev->is_main || api_main_calls > 0);
  ApiState *st = api_alloc(vm, sizeof *st);
  if (st) {
    st->cfg = cfg;
    st->last_report = NULL;
    vm->host = st;
    if (cfg.write) vm->write_out = host_write;
    if (cfg.write_error) vm->write_err = host_write_err;
    vm->fiber_stack_size = cfg.fiber_stack_size;
    vm->heap_limit = cfg.heap_limit;
    vm->max_fibers = cfg.max_fibers > 0 ? cfg.max_fibers : 0;
    vm->user_data = cfg.user_data;
    vm->load_module = cfg.load_module;
  }
  OpenJob job = {open, &cfg};
  if (!st || !vm_setup(vm, open_job, &job)) {
    /* out of memory (or the heap limit) before the VM was made */
    void *(*ra)(void *, size_t, void *) = vm->realloc_fn;
    api_orphan_current(vm);
    vm_free(vm);   /* (the writers use st until the VM is gone) */
    if (st) ra(st, 0, cfg.user_data);
    if (nested) api_set_current(prev);
    return NULL;
  }
  if (nested) api_set_current(prev);
  return vm;
}

void gs_free(gs_vm *vm) {
  if (!vm) return;
  Handle *h = vm->handles;
  while (h) {
    Handle *n = h->next;
    api_free(vm, h);
    h = n;
  }
  vm->handles = NULL;
  api_free(vm, vm->last_error);
  api_free(vm, vm->last_trace);
  vm->last_error = vm->last_trace = NULL;
  ApiState *st = vm->host;   /* the writers use it until the VM is gone */
  if (st) api_free(vm, st->last_report);
  void *(*ra)(void *, size_t, void *) = vm->realloc_fn;
  void *ud = vm->alloc_ud;
  api_orphan_current(vm);
  vm_free(vm);
  if (st) ra(st, 0, ud);
}

void *gs_user_data(gs_vm *vm) { return vm->user_data; }
void gs_set_heap_limit(gs_vm *vm, size_t bytes) { vm->heap_limit = bytes; }

static void set_args(VM *vm, int argc, const char *const *argv) {
  ObjList *l;
  if (IS_LIST(vm->args)) {
    l = AS_LIST(vm->args);   /* shared with os.args: refill it in place */
    l->count = 0;
  } else {
    l = list_new(vm, 0);
    vm->args = LIST_VAL(l);
  }
  for (int i = 0; i < argc; i++) {
    ObjString *s = str_cstr(vm, argv[i] ? argv[i] : "");
    list_push(vm, l, STR_VAL(s));
  }
}
void gs_set_args(gs_vm *vm, int argc, const char *const *argv) { GUARDED_VOID(vm, set_args(vm, argc, argv)); }

static void get_args(VM *vm, int dest) {
  slot_ref(vm, dest);
  if (!IS_LIST(vm->args)) vm->args = LIST_VAL(list_new(vm, 0));
  SLOT(dest) = vm->args;
}
void gs_get_args(gs_vm *vm, int dest) { GUARDED_VOID(vm, get_args(vm, dest)); }

void gs_handle_stack_overflow(void) { coro_install_overflow_handler(); }


/* ---- interrupts, hooks, raising values, fibers from C ---------------------- */

/* An atomic or: safe from a signal handler or another thread. */
/* both may come from a signal handler or another thread: a loop wait ends */
void gs_interrupt(gs_vm *vm) {
  __atomic_fetch_or(&vm->interrupted, VM_INTERRUPT_REQUESTED, __ATOMIC_SEQ_CST);
  loop_wakeup(vm);
}
void gs_dump_fibers(gs_vm *vm) {
  __atomic_fetch_or(&vm->interrupted, VM_INTERRUPT_DUMP, __ATOMIC_SEQ_CST);
  loop_wakeup(vm);
}

bool gs_clear_interrupt(gs_vm *vm) { return vm_take_interrupt(vm); }

/* vm_check_interrupt also counts a step for a count hook: a broken wait is
 * not a step of script, so only a pending request is delivered here. */
void gs_check_interrupt(gs_vm *vm) {
  if (vm->fiber->errjmp && vm_take_interrupt(vm)) {
    vm->fatal_error = true;
    vm_throw(vm, "interrupted");
  }
}

void gs_collect(gs_vm *vm) { gc_collect(vm); }

/* ---- output for libraries ------------------------------------------------- */

void gs_write(gs_vm *vm, const char *text, size_t len) {
  if (len) vm_write_out(vm, text, len);
  if (vm->fiber->errjmp) vm_check_output(vm);
}

void gs_write_error(gs_vm *vm, const char *text, size_t len) { vm_write_err(vm, text, len); }

void gs_flush(gs_vm *vm, bool check) {
  if (check && vm->fiber->errjmp) vm_flush_parking(vm);
  else vm_flush(vm);
  if (check && vm->fiber->errjmp) vm_check_output(vm);
}

void gs_set_hook(gs_vm *vm, gs_hook hook, int64_t every, void *ud) {
  if (!hook || every <= 0) {
    __atomic_fetch_and(&vm->interrupted, ~VM_INTERRUPT_HOOK, __ATOMIC_SEQ_CST);
    vm->hook = NULL;
    vm->hook_ud = NULL;
    vm->hook_every = vm->hook_left = 0;
    return;
  }
  vm->hook = hook;
  vm->hook_ud = ud;
  vm->hook_every = vm->hook_left = every;
  __atomic_fetch_or(&vm->interrupted, VM_INTERRUPT_HOOK, __ATOMIC_SEQ_CST);
}

static _Noreturn void misuse_outside_native(VM *vm, const char *what) {
  vm_flush(vm);
  fprintf(stderr, "fatal: %s called outside a native function\n", what);
  abort();
}

_Noreturn void gs_raise(gs_vm *vm, int slot) {
  Fiber *f = vm->fiber;
  if (!f->errjmp) misuse_outside_native(vm, "gs_raise()");
  Value v = SLOT(slot);
  /* the error a failed gs_call left: raised again as it was */
  if (v.tag == f->error.tag && values_equal(v, f->error)) vm_throw_again(vm, v, f->error_trace);
  vm_throw_value(vm, v);
}

static Fiber *want_fiber(VM *vm, int slot) {
  Value v = SLOT(slot);
  if (!IS_FIBER(v)) vm_throw(vm, "expected a fiber, got %s", value_type_name(v));
  return AS_FIBER(v);
}

int64_t gs_fiber_id(gs_vm *vm, int fiber) { GUARDED(vm, int64_t, -1, want_fiber(vm, fiber)->id); }

static gs_fiber_state fiber_state(VM *vm, int fiber) {
  switch (want_fiber(vm, fiber)->state) {
    case FIBER_NEW: return GS_FIBER_NEW;
    case FIBER_READY: return GS_FIBER_READY;
    case FIBER_RUNNING: return GS_FIBER_RUNNING;
    case FIBER_SUSPENDED: return GS_FIBER_SUSPENDED;
    case FIBER_BLOCKED: return GS_FIBER_BLOCKED;
    case FIBER_DONE: return GS_FIBER_DONE;
    default: return GS_FIBER_FAILED;
  }
}
gs_fiber_state gs_fiber_status(gs_vm *vm, int fiber) { GUARDED(vm, gs_fiber_state, GS_FIBER_FAILED, fiber_state(vm, fiber)); }

/* Two scratch slots above the caller's: the fiber method `name` and the
 * fiber, for gs_call. Returns the first. */
static int method_slots(VM *vm, int fiber, int dest, const char *name) {
  want_fiber(vm, fiber);
  if (dest >= 0) slot_ref(vm, dest);
  int n = gs_slot_count(vm);
  ensure_slots(vm, n + 2);
  Value *m = table_find_str(&vm->fiber_methods, str_cstr(vm, name));
  if (!m) vm_throw(vm, "fibers have no method '%s'", name);
  SLOT(n) = *m;
  SLOT(n + 1) = SLOT(fiber);
  return n;
}

static int method_slots_guarded(VM *vm, int fiber, int dest, const char *name) {
  GUARDED(vm, int, -1, method_slots(vm, fiber, dest, name));
}

/* fiber.name() as script calls it (so it blocks, runs the scheduler and
 * reports errors the same way); the result goes to dest (-1: dropped). */
static gs_status call_fiber_method(VM *vm, int fiber, int dest, const char *name) {
  int n = method_slots_guarded(vm, fiber, dest, name);
  if (n < 0) return GS_RUNTIME_ERROR;
  gs_status st = gs_call(vm, n, 1);
  Fiber *f = vm->fiber;
  if (dest >= 0) f->stack[f->api_base + dest] = f->stack[f->api_base + n];
  f->top = f->api_base + n;
  return st;
}

gs_status gs_fiber_join(gs_vm *vm, int fiber, int dest) { return call_fiber_method(vm, fiber, dest, "join"); }
gs_status gs_fiber_cancel(gs_vm *vm, int fiber) { return call_fiber_method(vm, fiber, -1, "cancel"); }

/* ---- REPL support: completion, help, results (complete.c, help.c) ---- */

static int complete(VM *vm, const char *line, size_t cursor, size_t *start, int dest) {
  slot_ref(vm, dest);
  if (!line) vm_throw(vm, "gs_complete: NULL line");
  size_t len = strlen(line);
  size_t at = cursor > len ? len : cursor;
  size_t from = at;
  ObjList *l = complete_line(vm, line, at, &from, slot_ref(vm, dest));
  if (start) *start = from;
  return (int)l->count;
}
int gs_complete(gs_vm *vm, const char *line, size_t cursor, size_t *start, int dest) {
  GUARDED(vm, int, 0, complete(vm, line, cursor, start, dest));
}

static void help(VM *vm, int slot, int dest) {
  slot_ref(vm, dest);
  Value v = slot < 0 ? NIL_VAL : SLOT(slot);
  SLOT(dest) = STR_VAL(help_text(vm, v, slot < 0));
}
void gs_help(gs_vm *vm, int slot, int dest) { GUARDED_VOID(vm, help(vm, slot, dest)); }

static void show(VM *vm, int slot, int dest, int flags, size_t max_chars, bool *ok) {
  slot_ref(vm, dest);
  Value v = SLOT(slot);
  NativeSave ns;
  native_save(vm, &ns);
  ObjString *s = vm_show(vm, v, (flags & GS_SHOW_COLOR) != 0, max_chars);
  vm_push(vm, STR_VAL(s));
  native_restore(vm, &ns);
  SLOT(dest) = STR_VAL(s);
  *ok = true;
}
bool gs_show(gs_vm *vm, int slot, int dest, int flags, size_t max_chars) {
  bool ok = false;
  ApiScope sc;
  api_enter(vm, &sc);
  RUN_GUARDED(vm, show(vm, slot, dest, flags, max_chars, &ok), (void)0);
  api_leave(&sc);
  return ok;
}
