/* fiber.c — fibers, generators, the scheduler, timers and channels.
 *
 * Hand-over is direct: a fiber that yields or blocks picks the next ready
 * fiber itself and switches to it, so one switch costs one coro_switch. The
 * run queue is FIFO; sleeping fibers wait in a binary heap ordered by
 * deadline, and when nothing is ready the running fiber sleeps in the kernel
 * until the first deadline (never a busy wait). When nothing is ready and no
 * timer is pending, the remaining fibers can never wake: deadlock. */
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <time.h>
#include "vm.h"
#include "fiber.h"
#include "arith.h"

typedef struct Waiter {
  struct Waiter *next;
  Fiber *f;
  int64_t seq;
  int index;
} Waiter;

typedef struct {
  Waiter *head, *tail;
} WaitQ;

typedef struct ObjChannel {
  Obj obj;
  Value *buf;
  int cap, count, head;
  bool closed;
  WaitQ recvq, sendq;
} ObjChannel;

typedef struct Scheduler {
  SchedAlarm alarm;      /* first: fiber.h reads it inline */
  Fiber *ready_head, *ready_tail;
  Fiber **timers;
  int ntimers, captimers;
  Fiber *all;            /* started, unfinished fibers other than main (not suspended generators) */
  int nall;
  bool main_waiting_all; /* main finished its script and waits in sched_run_all */
  int nparked;           /* fibers parked by the host: it may wake them */
  int nlive;             /* fibers created and not finished or freed (--max-fibers) */
  Fiber **failed;        /* died with an error nobody has joined yet */
  int nfailed, capfailed;
} Scheduler;

enum { WAKE_OK = 0, WAKE_CLOSED = 1 };

#define AS_CHANNEL(v) ((ObjChannel *)AS_OBJ(v))

/* ---- time ----------------------------------------------------------- */

int64_t sched_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* ---- lists ---------------------------------------------------------- */

static void all_link(Scheduler *s, Fiber *f) {
  if (f->in_all_list) return;
  f->in_all_list = true;
  f->all_prev = NULL;
  f->all_next = s->all;
  if (s->all) s->all->all_prev = f;
  s->all = f;
  s->nall++;
}

static void all_unlink(Scheduler *s, Fiber *f) {
  if (!f->in_all_list) return;
  f->in_all_list = false;
  if (f->all_prev) f->all_prev->all_next = f->all_next;
  else s->all = f->all_next;
  if (f->all_next) f->all_next->all_prev = f->all_prev;
  f->all_next = f->all_prev = NULL;
  s->nall--;
}

static void make_ready(VM *vm, Fiber *f) {
  Scheduler *s = vm->sched;
  f->state = FIBER_READY;
  f->next_ready = NULL;
  if (s->ready_tail) s->ready_tail->next_ready = f;
  else s->ready_head = f;
  s->ready_tail = f;
}

static Fiber *pop_ready(Scheduler *s) {
  Fiber *f = s->ready_head;
  if (!f) return NULL;
  Fiber *n = f->next_ready;
  s->ready_head = n;
  if (!n) s->ready_tail = NULL;
  else {
    /* With many fibers their stacks and structs are out of cache: fetch what
     * the switch to the one after f will touch while f runs. n's struct was
     * requested one switch ago. */
    char *sp = n->coro.sp;
    if (sp) for (int i = 0; i < 4; i++) __builtin_prefetch(sp + 64 * i, 1);
    if (n->nframes) __builtin_prefetch(&n->frames[n->nframes - 1]);
    if (n->top >= 4) __builtin_prefetch(&n->stack[n->top - 4], 1);
    Fiber *after = n->next_ready;
    if (after) {
      __builtin_prefetch(after, 1);
      __builtin_prefetch(&after->coro.sp, 1);
    }
  }
  f->next_ready = NULL;
  return f;
}

/* ---- timer heap ----------------------------------------------------- */

static void heap_swap(Scheduler *s, int i, int j) {
  Fiber *t = s->timers[i];
  s->timers[i] = s->timers[j];
  s->timers[j] = t;
  s->timers[i]->heap_index = i;
  s->timers[j]->heap_index = j;
}

static void heap_up(Scheduler *s, int i) {
  while (i > 0) {
    int p = (i - 1) / 2;
    if (s->timers[p]->wake_ns <= s->timers[i]->wake_ns) break;
    heap_swap(s, i, p);
    i = p;
  }
}

static void heap_down(Scheduler *s, int i) {
  for (;;) {
    int l = 2 * i + 1, r = l + 1, m = i;
    if (l < s->ntimers && s->timers[l]->wake_ns < s->timers[m]->wake_ns) m = l;
    if (r < s->ntimers && s->timers[r]->wake_ns < s->timers[m]->wake_ns) m = r;
    if (m == i) return;
    heap_swap(s, i, m);
    i = m;
  }
}

static void heap_push(VM *vm, Fiber *f) {
  Scheduler *s = vm->sched;
  if (s->ntimers == s->captimers) {
    int nc = s->captimers ? s->captimers * 2 : 16;
    Fiber **t = realloc(s->timers, sizeof(Fiber *) * nc);
    if (!t) vm_throw(vm, "out of memory");
    s->timers = t;
    s->captimers = nc;
  }
  s->timers[s->ntimers] = f;
  f->heap_index = s->ntimers++;
  heap_up(s, f->heap_index);
}

static Fiber *heap_pop(Scheduler *s) {
  Fiber *top = s->timers[0];
  s->ntimers--;
  if (s->ntimers > 0) {
    s->timers[0] = s->timers[s->ntimers];
    s->timers[0]->heap_index = 0;
    heap_down(s, 0);
  }
  top->heap_index = -1;
  return top;
}

static void fire_due_timers(VM *vm) {
  Scheduler *s = vm->sched;
  if (!s->ntimers) return;
  int64_t now = sched_now_ns();
  while (s->ntimers && s->timers[0]->wake_ns <= now) make_ready(vm, heap_pop(s));
}

int64_t sched_next_timer_ns(VM *vm) {
  Scheduler *s = vm->sched;
  if (!s->ntimers) return -1;
  int64_t d = s->timers[0]->wake_ns - sched_now_ns();
  return d < 0 ? 0 : d;
}

/* ---- switching ------------------------------------------------------ */

static void switch_to(VM *vm, Fiber *to) {
  Fiber *from = vm->fiber;
  to->state = FIBER_RUNNING;
  if (to == from) return;
  vm->fiber = to;
  coro_switch(&from->coro, &to->coro);
  /* resumed: whoever switched back set vm->fiber to us */
}

/* Next fiber to run, sleeping for timers if need be; NULL if none can ever
 * run again. */
static Fiber *sched_pick(VM *vm) {
  Scheduler *s = vm->sched;
  for (;;) {
    fire_due_timers(vm);
    Fiber *f = pop_ready(s);
    if (f) return f;
    if (!s->ntimers) return NULL;
    int64_t wait = s->timers[0]->wake_ns - sched_now_ns();
    if (vm_interrupt_requested(vm)) return NULL;   /* Ctrl-C: main raises it (see sched_suspend) */
    if (wait > 0) {
      struct timespec ts = {wait / 1000000000LL, wait % 1000000000LL};
      vm_flush(vm);
      nanosleep(&ts, NULL);
      if (vm_interrupt_requested(vm)) return NULL;
    }
  }
}

int sched_live_count(VM *vm) { return vm->sched->nall; }

int sched_blocked_count(VM *vm) {
  int n = 0;
  for (Fiber *f = vm->sched->all; f; f = f->all_next)
    if (f->state == FIBER_BLOCKED) n++;
  if (vm->main_fiber->state == FIBER_BLOCKED) n++;
  return n;
}

static _Noreturn void deadlock_error(VM *vm) {
  Fiber *main = vm->main_fiber;
  main->state = FIBER_BLOCKED;
  int n = sched_blocked_count(vm);
  main->state = FIBER_RUNNING;
  vm_check_interrupt(vm);
  vm->fatal_error = true;   /* the program stops: no `try` may swallow this */
  vm_throw(vm, "deadlock: %d fibers blocked", n);
}

/* Take f out of the run queue if it is in it (a fiber that ended handed the
 * CPU straight to main, which may still be queued). */
static void unqueue(Scheduler *s, Fiber *f) {
  Fiber **link = &s->ready_head;
  Fiber *prev = NULL;
  while (*link) {
    if (*link == f) {
      *link = f->next_ready;
      if (s->ready_tail == f) s->ready_tail = prev;
      break;
    }
    prev = *link;
    link = &(*link)->next_ready;
  }
  f->next_ready = NULL;
}

/* Back in main after a switch: stop if everything is stuck or a fiber was
 * interrupted (unless main is only waiting in sched_run_all, which checks). */
static void main_check_stop(VM *vm) {
  Scheduler *s = vm->sched;
  if (vm->fiber != vm->main_fiber || s->main_waiting_all) return;
  if (s->alarm.abort) {
    s->alarm.abort = false;
    unqueue(s, vm->main_fiber);
    vm->fatal_error = true;
    vm_throw(vm, "interrupted");
  }
  if (s->alarm.deadlock) {
    s->alarm.deadlock = false;
    deadlock_error(vm);
  }
}

/* The running fiber gives up the CPU. Its state (BLOCKED, or READY and
 * queued) was set by the caller. Returns when it runs again. */
static void sched_suspend(VM *vm) {
  Fiber *self = vm->fiber;
  Scheduler *s = vm->sched;
  if (self->is_generator) all_link(s, self);   /* blocked: counts as live until it yields */
  Fiber *next = sched_pick(vm);
  if (!next) {
    if (self == vm->main_fiber) deadlock_error(vm);
    next = vm->main_fiber;
    s->alarm.deadlock = true;
  }
  switch_to(vm, next);
  if (__builtin_expect(sched_alarm(vm), 0)) main_check_stop(vm);
}

/* ---- fiber objects -------------------------------------------------- */

static Fiber *fiber_alloc(VM *vm) {
  Fiber *f = obj_alloc(vm, sizeof(Fiber), V_FIBER);
  f->vm = vm;
  f->id = ++vm->next_fiber_id;
  f->state = FIBER_NEW;
  f->error = f->error_trace = f->fn = f->transfer = f->result = f->wait_value = f->api_ret = NIL_VAL;
  f->heap_index = -1;
  return f;
}

Fiber *fiber_new_main(VM *vm) {
  Fiber *f = fiber_alloc(vm);
  f->id = 0;
  vm->next_fiber_id = 0;
  f->state = FIBER_RUNNING;
  coro_init_main(&f->coro);
  f->has_coro = true;
  vm->fiber = f;
  fiber_grow_stack(vm, f, 256);
  f->frames_cap = 16;
  f->frames = vm_realloc(vm, NULL, 0, sizeof(CallFrame) * f->frames_cap);
  return f;
}

static void fiber_release_memory(VM *vm, Fiber *f) {
  VM_FREE(vm, Value, f->stack, f->stack_cap);
  VM_FREE(vm, CallFrame, f->frames, f->frames_cap);
  VM_FREE(vm, Handler, f->handlers, f->handlers_cap);
  f->stack = NULL;
  f->frames = NULL;
  f->handlers = NULL;
  f->stack_cap = f->frames_cap = f->handlers_cap = 0;
  f->top = f->nframes = f->nhandlers = 0;
}

static void uncount_live(VM *vm, Fiber *f) {
  if (f->counted_live && vm->sched) {
    f->counted_live = false;
    vm->sched->nlive--;
  }
}

void fiber_free(VM *vm, Fiber *f) {
  uncount_live(vm, f);
  if (f->has_coro && f != vm->main_fiber) coro_destroy(&f->coro);
  if (f->heap_index >= 0) {
    /* cannot happen for a reachable timer; be safe at VM teardown */
    f->heap_index = -1;
  }
  fiber_release_memory(vm, f);
  vm_realloc(vm, f, sizeof(Fiber), 0);
}

/* The highest register window of any active frame. A callee's window (or a
 * native's arguments) can end below its caller's: the caller's registers
 * above it are dead temporaries (a call's registers are the top of the
 * caller's), yet they are part of the caller's window again when the callee
 * returns. Slots above this mark are written before they are read (a new
 * frame clears its registers, vm_push and the API write what they reserve). */
static int fiber_window_top(const Fiber *f) {
  int hw = f->top;
  for (int i = 0; i < f->nframes; i++) {
    int t = f->frames[i].base + f->frames[i].cl->p->maxregs;
    if (t > hw) hw = t;
  }
  return hw;
}

/* The collector scans a fiber's stack below its top and clears the dead
 * registers between the top and the window mark: left as they were, they
 * would point at what this collection frees and be scanned by the next one
 * once their frame's window is back. No call or return pays for this. */
void fiber_mark(VM *vm, Fiber *f) {
  for (int i = 0; i < f->top; i++) gc_mark_value(vm, f->stack[i]);
  for (int i = f->top, hw = fiber_window_top(f); i < hw; i++) f->stack[i] = NIL_VAL;
  for (int i = 0; i < f->nframes; i++) gc_mark_obj(vm, (Obj *)f->frames[i].cl);
  for (ObjUpvalue *u = f->open_upvalues; u; u = u->next) gc_mark_obj(vm, (Obj *)u);
  gc_mark_value(vm, f->error);
  gc_mark_value(vm, f->error_trace);
  gc_mark_value(vm, f->fn);
  gc_mark_value(vm, f->transfer);
  gc_mark_value(vm, f->result);
  gc_mark_value(vm, f->wait_value);
  gc_mark_value(vm, f->api_ret);
  gc_mark_obj(vm, (Obj *)f->resumer);
  for (Fiber *j = f->joiners; j; j = j->next_wait) gc_mark_obj(vm, (Obj *)j);
}

void sched_mark(VM *vm) {
  Scheduler *s = vm->sched;
  for (Fiber *f = s->ready_head; f; f = f->next_ready) gc_mark_obj(vm, (Obj *)f);
  for (int i = 0; i < s->ntimers; i++) gc_mark_obj(vm, (Obj *)s->timers[i]);
  for (Fiber *f = s->all; f; f = f->all_next) gc_mark_obj(vm, (Obj *)f);
  for (int i = 0; i < s->nfailed; i++) gc_mark_obj(vm, (Obj *)s->failed[i]);
}

void sched_init(VM *vm) {
  vm->sched = calloc(1, sizeof(Scheduler));
  if (!vm->sched) { fprintf(stderr, "fatal: out of memory\n"); abort(); }
}

void sched_free(VM *vm) {
  free(vm->sched->timers);
  free(vm->sched->failed);
  free(vm->sched);
  vm->sched = NULL;
}

static void report_fiber_error(VM *vm, Fiber *f) {
  char head[64];
  snprintf(head, sizeof head, "error in fiber %lld: ", (long long)f->id);
  vm_report_error(vm, head, f->result, f->error_trace);
  vm->exit_status = 1;
  f->error_reported = true;
}

/* An unjoined fiber's error is reported when the program (or a scheduler
 * slice) ends, unless someone joins the fiber first: "a fiber that nobody
 * joins". */
static void remember_failure(VM *vm, Fiber *f) {
  Scheduler *s = vm->sched;
  if (s->nfailed == s->capfailed) {
    int nc = s->capfailed ? s->capfailed * 2 : 8;
    Fiber **n = realloc(s->failed, sizeof(Fiber *) * nc);
    if (!n) { report_fiber_error(vm, f); return; }
    s->failed = n;
    s->capfailed = nc;
  }
  s->failed[s->nfailed++] = f;
}

void sched_report_failures(VM *vm) {
  Scheduler *s = vm->sched;
  /* reporting may run str() of an error value: take the list first */
  while (s->nfailed > 0) {
    Fiber *f = s->failed[0];
    memmove(s->failed, s->failed + 1, sizeof(Fiber *) * (size_t)(s->nfailed - 1));
    s->nfailed--;
    if (!f->joined && !f->error_reported) {
      vm_push(vm, OBJ_VAL(V_FIBER, f));
      report_fiber_error(vm, f);
      vm_pop(vm);
    }
  }
}

/* A fiber's function returned or threw: record it, wake joiners, and hand
 * over for good. Runs on the dying fiber's own stack. */
static _Noreturn void fiber_finish(VM *vm, Fiber *f, bool ok, Value out) {
  Scheduler *s = vm->sched;
  f->result = out;
  f->state = ok ? FIBER_DONE : FIBER_FAILED;
  all_unlink(s, f);
  uncount_live(vm, f);
  fiber_release_memory(vm, f);
  bool had_joiners = f->joiners != NULL;
  while (f->joiners) {
    Fiber *j = f->joiners;
    f->joiners = j->next_wait;
    j->next_wait = NULL;
    make_ready(vm, j);
  }
  Fiber *next;
  if (f->is_generator && f->resumer) {
    next = f->resumer;
    f->resumer = NULL;
  } else if (!ok && vm->fatal_error) {
    /* interrupted: show where, then main stops the program */
    if (!vm->out_error_raised) report_fiber_error(vm, f);
    s->alarm.abort = true;
    next = vm->main_fiber;
  } else {
    if (!ok && !f->joined && !had_joiners) remember_failure(vm, f);
    next = sched_pick(vm);
    if (!next) {
      next = vm->main_fiber;
      if (!s->main_waiting_all && vm->main_fiber->state != FIBER_RUNNING) s->alarm.deadlock = true;
    }
  }
  next->state = FIBER_RUNNING;
  vm->fiber = next;
  coro_exit_switch(&f->coro, &next->coro);
}

static void fiber_entry(void *arg) {
  Fiber *f = arg;
  VM *vm = f->vm;
  Value out;
  int nargs = f->top;
  bool ok = vm_pcall(vm, f->fn, nargs, f->stack, &out);
  if (!ok) f->error_trace = f->error_trace;  /* set by the throw */
  fiber_finish(vm, f, ok, out);
}

static Fiber *fiber_create(VM *vm, Value fn, bool generator) {
  if (!(IS_CLOSURE(fn) || fn.tag == V_NATIVE || fn.tag == V_BOUND || IS_CLASS(fn)))
    vm_throw(vm, "cannot run %s in a fiber (expected a function)", value_type_name(fn));
  if (vm->max_fibers > 0 && vm->sched->nlive >= vm->max_fibers)
    vm_throw(vm, "too many fibers (limit %d)", vm->max_fibers);
  Fiber *f = fiber_alloc(vm);
  f->fn = fn;
  f->is_generator = generator;
  f->counted_live = true;
  vm->sched->nlive++;
  vm_push(vm, OBJ_VAL(V_FIBER, f));
  Fiber *saved = vm->fiber;
  (void)saved;
  if (!coro_create(&f->coro, vm->fiber_stack_size, fiber_entry, f))
    vm_throw(vm, "cannot create fiber: %s", strerror(errno));
  f->has_coro = true;
  vm_pop(vm);
  return f;
}

/* Copy arguments into a fresh fiber's stack: fiber_entry calls fn with them. */
static void fiber_set_args(VM *vm, Fiber *f, int argc, Value *args) {
  Fiber *cur = vm->fiber;
  if (argc == 0) { fiber_grow_stack(vm, f, 8); f->top = 0; return; }
  bool on_stack = args >= cur->stack && args < cur->stack + cur->stack_cap;
  int off = on_stack ? (int)(args - cur->stack) : 0;
  fiber_grow_stack(vm, f, argc + 8);   /* f is rooted by the caller */
  if (on_stack) args = cur->stack + off;
  for (int i = 0; i < argc; i++) f->stack[i] = args[i];
  f->top = argc;
}

Value fiber_spawn(VM *vm, Value fn, int argc, Value *args) {
  Fiber *cur = vm->fiber;
  /* args may sit on our stack (which can move) or in a list (which cannot) */
  bool on_stack = argc && args >= cur->stack && args < cur->stack + cur->stack_cap;
  int off = on_stack ? (int)(args - cur->stack) : 0;
  Fiber *f = fiber_create(vm, fn, false);
  vm_push(vm, OBJ_VAL(V_FIBER, f));
  fiber_set_args(vm, f, argc, on_stack ? vm->fiber->stack + off : args);
  vm_pop(vm);
  all_link(vm->sched, f);
  make_ready(vm, f);
  return OBJ_VAL(V_FIBER, f);
}

static Value fiber_resume(VM *vm, Fiber *g, int argc, Value *args) {
  Fiber *self = vm->fiber;
  if (g->state == FIBER_DONE || g->state == FIBER_FAILED) vm_throw(vm, "cannot resume dead fiber");
  if (g == self) vm_throw(vm, "cannot resume the running fiber");
  if (!g->is_generator) vm_throw(vm, "cannot resume a scheduled fiber (use join)");
  if (g->state != FIBER_NEW && g->state != FIBER_SUSPENDED) vm_throw(vm, "cannot resume a fiber that is already running");
  if (g->state == FIBER_NEW) {
    fiber_set_args(vm, g, argc, args);
  } else {
    if (argc > 1) vm_throw(vm, "resume() passes at most one value to a suspended fiber, got %d", argc);
    g->transfer = argc ? args[0] : NIL_VAL;
  }
  fiber_begin_resume(self, g);
  /* a running generator is a root through vm->fiber; it joins the list of
   * live fibers only if it blocks (sched_suspend) */
  switch_to(vm, g);
  return fiber_resume_finish(vm, g);
}

Value fiber_resume_finish(VM *vm, Fiber *g) {
  /* back: g yielded, returned or threw — or, for main, everything is stuck */
  Value v;
  if (fiber_take_yielded(vm, g, &v)) return v;
  if (sched_alarm(vm)) main_check_stop(vm);
  if (g->state == FIBER_FAILED) {
    vm->fiber->error_trace = g->error_trace;
    vm_throw_value(vm, g->result);
  }
  if (g->state == FIBER_DONE) return g->result;
  v = g->transfer;
  g->transfer = NIL_VAL;
  return v;
}

void fiber_unlink_live(VM *vm, Fiber *f) { all_unlink(vm->sched, f); }

void fiber_wait(VM *vm, Fiber **queue) {
  Fiber *self = vm->fiber;
  self->next_wait = *queue;
  *queue = self;
  self->state = FIBER_BLOCKED;
  sched_suspend(vm);
}

void fiber_wake_all(VM *vm, Fiber **queue) {
  while (*queue) {
    Fiber *f = *queue;
    *queue = f->next_wait;
    f->next_wait = NULL;
    make_ready(vm, f);
  }
}

Fiber *fiber_yield_next(VM *vm) {
  Scheduler *s = vm->sched;
  fire_due_timers(vm);
  if (!s->ready_head) return vm->fiber;   /* nobody else to run */
  make_ready(vm, vm->fiber);
  return pop_ready(s);
}

void fiber_yield_resumed(VM *vm) {
  if (__builtin_expect(sched_alarm(vm), 0)) main_check_stop(vm);
}

Value fiber_yield(VM *vm, Value v) {
  Fiber *self = vm->fiber;
  if (self->is_generator && self->resumer) {
    Fiber *r = fiber_begin_yield(vm, self, v);
    r->state = FIBER_RUNNING;
    vm->fiber = r;
    coro_switch(&self->coro, &r->coro);
    Value got = self->transfer;
    self->transfer = NIL_VAL;
    return got;
  }
  fire_due_timers(vm);
  if (!vm->sched->ready_head) return NIL_VAL;   /* nobody else to run */
  make_ready(vm, self);
  sched_suspend(vm);
  return NIL_VAL;
}

static Value fiber_join(VM *vm, Fiber *f) {
  Fiber *self = vm->fiber;
  if (f == self) vm_throw(vm, "a fiber cannot join itself");
  /* only its resumer moves a generator on: waiting here would never end */
  if (f->is_generator && f->state != FIBER_DONE && f->state != FIBER_FAILED)
    vm_throw(vm, "cannot join an unfinished generator (use resume)");
  f->joined = true;
  while (f->state != FIBER_DONE && f->state != FIBER_FAILED) {
    self->next_wait = f->joiners;
    f->joiners = self;
    self->state = FIBER_BLOCKED;
    sched_suspend(vm);
  }
  if (f->state == FIBER_FAILED) {
    vm->fiber->error_trace = f->error_trace;
    vm_throw_value(vm, f->result);
  }
  return f->result;
}

void sched_sleep(VM *vm, double seconds) {
  Fiber *self = vm->fiber;
  if (!(seconds > 0)) seconds = 0;
  if (seconds > 1e9) seconds = 1e9;
  self->wake_ns = sched_now_ns() + (int64_t)(seconds * 1e9);
  heap_push(vm, self);
  self->state = FIBER_BLOCKED;
  sched_suspend(vm);
}

Value fiber_park(VM *vm) {
  Fiber *self = vm->fiber;
  self->state = FIBER_BLOCKED;
  self->nparked++;
  vm->sched->nparked++;
  sched_suspend(vm);
  Value v = self->transfer;
  self->transfer = NIL_VAL;
  return v;
}

void fiber_wake(VM *vm, Fiber *f, Value v) {
  if (f->state != FIBER_BLOCKED || f->nparked == 0) return;
  f->nparked--;
  vm->sched->nparked--;
  f->transfer = v;
  make_ready(vm, f);
}

SchedEnd sched_run_all(VM *vm) {
  Scheduler *s = vm->sched;
  Fiber *main = vm->main_fiber;
  s->main_waiting_all = true;
  while (s->nall > 0) {
    Fiber *next = sched_pick(vm);
    if (!next && vm_take_interrupt(vm)) {
      vm_write_err(vm, "interrupted\n", 12);
      s->main_waiting_all = false;
      main->state = FIBER_RUNNING;
      return SCHED_INTERRUPTED;
    }
    if (!next) {
      if (s->nparked > 0) break;  /* the host will wake them: idle, not deadlock */
      int n = sched_blocked_count(vm);
      if (n == 0) break;  /* only suspended generators are left: they are garbage */
      sched_report_failures(vm);
      char msg[80];
      int len = snprintf(msg, sizeof msg, "deadlock: %d fibers blocked\n", n);
      vm_write_err(vm, msg, (size_t)len);
      s->main_waiting_all = false;
      s->alarm.deadlock = false;
      main->state = FIBER_RUNNING;
      return SCHED_DEADLOCK;
    }
    main->state = FIBER_BLOCKED;
    switch_to(vm, next);
    main->state = FIBER_RUNNING;
    s->alarm.deadlock = false;
    if (s->alarm.abort) {
      s->alarm.abort = false;
      vm->fatal_error = false;
      s->main_waiting_all = false;
      return SCHED_INTERRUPTED;
    }
  }
  s->main_waiting_all = false;
  sched_report_failures(vm);
  return SCHED_DONE;
}

void sched_run_ready(VM *vm) {
  Scheduler *s = vm->sched;
  Fiber *main = vm->main_fiber;
  fire_due_timers(vm);
  while (s->ready_head) {
    make_ready(vm, main);
    s->main_waiting_all = true;
    Fiber *next = pop_ready(s);
    switch_to(vm, next);
    s->main_waiting_all = false;
    s->alarm.deadlock = false;
    main->state = FIBER_RUNNING;
    bool stop = s->alarm.abort;
    s->alarm.abort = false;
    vm->fatal_error = false;
    unqueue(s, main);
    fire_due_timers(vm);
    if (stop || !s->ready_head || s->ready_head == main) break;
  }
  sched_report_failures(vm);
}

/* ---- channels ------------------------------------------------------- */

static void waitq_push(VM *vm, WaitQ *q, Fiber *f, int index) {
  Waiter *w = malloc(sizeof(Waiter));
  if (!w) vm_throw(vm, "out of memory");
  w->next = NULL;
  w->f = f;
  w->seq = f->wait_seq;
  w->index = index;
  if (q->tail) q->tail->next = w;
  else q->head = w;
  q->tail = w;
}

/* The first waiter still waiting (stale ones — a select already woken — are
 * dropped). The caller frees it. */
static Waiter *waitq_take(WaitQ *q) {
  while (q->head) {
    Waiter *w = q->head;
    q->head = w->next;
    if (!q->head) q->tail = NULL;
    if (w->f->state == FIBER_BLOCKED && w->f->wait_seq == w->seq) return w;
    free(w);
  }
  return NULL;
}

static bool waitq_has_live(WaitQ *q) {
  for (Waiter *w = q->head; w; w = w->next)
    if (w->f->state == FIBER_BLOCKED && w->f->wait_seq == w->seq) return true;
  return false;
}

static void waitq_free(WaitQ *q) {
  while (q->head) {
    Waiter *w = q->head;
    q->head = w->next;
    free(w);
  }
  q->tail = NULL;
}

void channel_free(VM *vm, Obj *o) {
  ObjChannel *c = (ObjChannel *)o;
  waitq_free(&c->recvq);
  waitq_free(&c->sendq);
  VM_FREE(vm, Value, c->buf, c->cap);
  vm_realloc(vm, c, sizeof(ObjChannel), 0);
}

void channel_mark(VM *vm, Obj *o) {
  ObjChannel *c = (ObjChannel *)o;
  for (int i = 0; i < c->count; i++) gc_mark_value(vm, c->buf[(c->head + i) % c->cap]);
  for (Waiter *w = c->recvq.head; w; w = w->next) gc_mark_obj(vm, (Obj *)w->f);
  for (Waiter *w = c->sendq.head; w; w = w->next) gc_mark_obj(vm, (Obj *)w->f);
}

static ObjChannel *channel_new(VM *vm, int cap) {
  ObjChannel *c = obj_alloc(vm, sizeof(ObjChannel), V_CHANNEL);
  if (cap > 0) {
    vm_push(vm, OBJ_VAL(V_CHANNEL, c));
    c->buf = VM_ALLOC(vm, Value, cap);
    c->cap = cap;
    vm_pop(vm);
  }
  return c;
}

static void wake_waiter(VM *vm, Waiter *w, int kind, Value v) {
  Fiber *f = w->f;
  f->wait_kind = kind;
  f->transfer = v;
  f->select_index = w->index;
  free(w);
  make_ready(vm, f);
}

static void channel_send(VM *vm, ObjChannel *c, Value v) {
  if (c->closed) vm_throw(vm, "send on closed channel");
  Waiter *w = waitq_take(&c->recvq);
  if (w) { wake_waiter(vm, w, WAKE_OK, v); return; }
  if (c->count < c->cap) {
    c->buf[(c->head + c->count) % c->cap] = v;
    c->count++;
    return;
  }
  Fiber *self = vm->fiber;
  self->wait_value = v;
  self->wait_seq++;
  waitq_push(vm, &c->sendq, self, 0);
  self->state = FIBER_BLOCKED;
  sched_suspend(vm);
  self->wait_value = NIL_VAL;
  if (self->wait_kind == WAKE_CLOSED) vm_throw(vm, "send on closed channel");
}

static bool channel_ready(ObjChannel *c) {
  return c->count > 0 || c->closed || waitq_has_live(&c->sendq);
}

/* Receive without blocking if possible: returns 1 with a value, 0 when
 * closed and empty, -1 when it would block. */
static int channel_try_recv(VM *vm, ObjChannel *c, Value *out) {
  if (c->count > 0) {
    *out = c->buf[c->head];
    c->buf[c->head] = NIL_VAL;
    c->head = (c->head + 1) % c->cap;
    c->count--;
    Waiter *w = waitq_take(&c->sendq);
    if (w) {
      c->buf[(c->head + c->count) % c->cap] = w->f->wait_value;
      c->count++;
      wake_waiter(vm, w, WAKE_OK, NIL_VAL);
    }
    return 1;
  }
  Waiter *w = waitq_take(&c->sendq);
  if (w) {
    *out = w->f->wait_value;
    wake_waiter(vm, w, WAKE_OK, NIL_VAL);
    return 1;
  }
  if (c->closed) { *out = NIL_VAL; return 0; }
  return -1;
}

static bool channel_recv(VM *vm, ObjChannel *c, Value *out) {
  int r = channel_try_recv(vm, c, out);
  if (r >= 0) return r == 1;
  Fiber *self = vm->fiber;
  self->wait_seq++;
  waitq_push(vm, &c->recvq, self, 0);
  self->state = FIBER_BLOCKED;
  sched_suspend(vm);
  *out = self->transfer;
  self->transfer = NIL_VAL;
  return self->wait_kind == WAKE_OK;
}

static void channel_close(VM *vm, ObjChannel *c) {
  if (c->closed) vm_throw(vm, "close of closed channel");
  c->closed = true;
  Waiter *w;
  while ((w = waitq_take(&c->recvq))) wake_waiter(vm, w, WAKE_CLOSED, NIL_VAL);
  while ((w = waitq_take(&c->sendq))) wake_waiter(vm, w, WAKE_CLOSED, NIL_VAL);
}

bool fiber_iter_next(VM *vm, Value it, Value *out) {
  if (IS_CHANNEL(it)) return channel_recv(vm, AS_CHANNEL(it), out);
  Fiber *g = AS_FIBER(it);
  if (g->state == FIBER_DONE || g->state == FIBER_FAILED) return false;
  Value v = fiber_resume(vm, g, 0, NULL);
  if (g->state == FIBER_DONE) return false;
  *out = v;
  return true;
}

bool fiber_iter_finish(VM *vm, Fiber *g, Value *out) {
  Value v = fiber_resume_finish(vm, g);
  if (g->state == FIBER_DONE) return false;
  *out = v;
  return true;
}

/* ---- natives -------------------------------------------------------- */

static Value nat_fiber(VM *vm, int argc, Value *args) {
  Fiber *f = fiber_create(vm, args[0], true);
  return OBJ_VAL(V_FIBER, f);
}

static Value nat_chan(VM *vm, int argc, Value *args) {
  arg_count(vm, "chan", argc, 0, 1);
  int64_t n = argc ? arg_int(vm, "chan", args, 0) : 0;
  if (n < 0 || n > 100000000) vm_throw(vm, "chan() buffer size must be between 0 and 100000000");
  return OBJ_VAL(V_CHANNEL, channel_new(vm, (int)n));
}

static Value nat_sleep(VM *vm, int argc, Value *args) {
  double s = arg_num(vm, "sleep", args, 0);
  sched_sleep(vm, s);
  return NIL_VAL;
}

static Value nat_select(VM *vm, int argc, Value *args) {
  Value lv = args[0];
  if (!IS_LIST(lv)) vm_arg_error(vm, "select", 1, "a list of channels", lv);
  int base = (int)(args - vm->fiber->stack);
  ObjList *l = AS_LIST(lv);
  if (l->count == 0) vm_throw(vm, "select() needs at least one channel");
  for (uint32_t i = 0; i < l->count; i++)
    if (!IS_CHANNEL(l->items[i])) vm_throw(vm, "select() expects channels, got %s", value_type_name(l->items[i]));
  Value v = NIL_VAL;
  int index = -1;
  for (uint32_t i = 0; i < l->count; i++) {
    ObjChannel *c = AS_CHANNEL(l->items[i]);
    if (channel_ready(c)) {
      channel_try_recv(vm, c, &v);
      index = (int)i;
      break;
    }
  }
  if (index < 0) {
    Fiber *self = vm->fiber;
    self->wait_seq++;
    for (uint32_t i = 0; i < l->count; i++) waitq_push(vm, &AS_CHANNEL(l->items[i])->recvq, self, (int)i);
    self->state = FIBER_BLOCKED;
    sched_suspend(vm);
    v = self->transfer;
    self->transfer = NIL_VAL;
    index = self->select_index;
  }
  vm_push(vm, v);
  ObjList *r = list_new(vm, 2);
  r->items[0] = INT_VAL(index);
  r->items[1] = v;
  r->count = 2;
  vm_pop(vm);
  (void)base;
  return LIST_VAL(r);
}

static Fiber *self_fiber(VM *vm, Value *args, const char *name) {
  if (!IS_FIBER(args[0])) vm_arg_error(vm, name, 0, "a fiber", args[0]);
  return AS_FIBER(args[0]);
}

static Value fm_join(VM *vm, int argc, Value *args) { return fiber_join(vm, self_fiber(vm, args, "join")); }
Value fiber_method_resume(VM *vm, int argc, Value *args) {
  return fiber_resume(vm, self_fiber(vm, args, "resume"), argc - 1, args + 1);
}
static Value fm_done(VM *vm, int argc, Value *args) {
  Fiber *f = self_fiber(vm, args, "done");
  return BOOL_VAL(f->state == FIBER_DONE || f->state == FIBER_FAILED);
}

static ObjChannel *self_chan(VM *vm, Value *args, const char *name) {
  if (!IS_CHANNEL(args[0])) vm_arg_error(vm, name, 0, "a channel", args[0]);
  return AS_CHANNEL(args[0]);
}
static Value cm_send(VM *vm, int argc, Value *args) { channel_send(vm, self_chan(vm, args, "send"), args[1]); return NIL_VAL; }
static Value cm_recv(VM *vm, int argc, Value *args) {
  Value v;
  channel_recv(vm, self_chan(vm, args, "recv"), &v);
  return v;
}
static Value cm_close(VM *vm, int argc, Value *args) { channel_close(vm, self_chan(vm, args, "close")); return NIL_VAL; }

void lib_fiber_open(VM *vm) {
  vm_define_native(vm, "fiber", nat_fiber, 1, "fiber(fn)\nA generator running fn, driven by resume() (not scheduled).");
  vm_define_native(vm, "chan", nat_chan, -1, "chan(n?)\nA channel with room for n values (default 0: unbuffered).");
  vm_define_native(vm, "sleep", nat_sleep, 1, "sleep(seconds)\nBlock this fiber for that long; others run meanwhile.");
  vm_define_native(vm, "select", nat_select, 1, "select(chans)\n[index, value] of the first channel of the list ready to receive.");
  vm_define_method(vm, &vm->fiber_methods, "join", fm_join, 1, "fiber.join()\nWait for the fiber to end; its result, or its error raised again.");
  vm_define_method(vm, &vm->fiber_methods, "resume", fiber_method_resume, -1, "fiber.resume(v?)\nRun the generator to its next yield and return the yielded value.");
  vm_define_method(vm, &vm->fiber_methods, "done", fm_done, 1, "fiber.done()\nWhether the fiber has finished.");
  vm_define_method(vm, &vm->channel_methods, "send", cm_send, 2, "channel.send(v)\nSend v, blocking until a receiver (or buffer room) takes it.");
  vm_define_method(vm, &vm->channel_methods, "recv", cm_recv, 1, "channel.recv()\nThe next value, blocking until one comes; nil once closed and empty.");
  vm_define_method(vm, &vm->channel_methods, "close", cm_close, 1, "channel.close()\nClose the channel: receivers drain it, then get nil.");
}
