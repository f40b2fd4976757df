/* fiber.c — fibers, generators, the scheduler, timers and channels.
 *
 * Hand-over is direct: a fiber that yields or blocks picks the next ready
 * fiber itself and switches to it, so one switch costs one coro_switch. The
 * run queue is FIFO; sleeping fibers wait in a binary heap ordered by
 * deadline, and when nothing is ready the running fiber waits in the event
 * loop (loop.c) for I/O or the first deadline (never a busy wait). When
 * nothing is ready, no timer is pending and no fiber waits on the loop, the
 * remaining fibers can never wake: deadlock. */
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <time.h>
#include <math.h>
#include <stddef.h>
#include "vm.h"
#include "fiber.h"
#include "arith.h"
#include "alarm.h"
#include "loop.h"
#include "stream.h"
#include "prefault.h"

typedef struct ObjChannel {
  Obj obj;
  Value *buf;
  int cap, count, head;
  bool closed;
  WaitQ recvq, sendq;
  Timer after;           /* after(secs): fires once, then the channel closes */
} ObjChannel;

typedef struct Scheduler {
  SchedAlarm alarm;      /* first: fiber.h reads it inline */
  Fiber *ready_head, *ready_tail;
  Timer **timers;        /* binary heap ordered by `at` */
  int ntimers, captimers;
  int nafter;            /* after() timers among them: they wake nobody by themselves */
  int ndeadlines;        /* timeout() deadlines among them */
  Alarm *alarm_thread;   /* wakes a CPU loop at a deadline (alarm.c), from the first timeout() */
  Fiber *all;            /* started, unfinished fibers other than main (not suspended generators) */
  int nall;
  bool main_waiting_all; /* main finished its script and waits in sched_run_all */
  int nparked;           /* fibers parked by the host: it may wake them */
  int nlive;             /* fibers created and not finished or freed (--max-fibers) */
  Fiber **failed;        /* died with an error nobody has joined yet */
  int nfailed, capfailed;
  int until_poll;        /* switches left before busy fibers let the loop look for I/O */
} Scheduler;

/* Busy fibers that never leave the run queue empty still let the loop
 * collect I/O this often (a poll costs one epoll_wait). */
#define POLL_EVERY 4096

#define AS_CHANNEL(v) ((ObjChannel *)AS_OBJ(v))
#define CONTAINER(ptr, type, member) ((type *)(void *)((char *)(ptr) - offsetof(type, member)))

/* ---- time ----------------------------------------------------------- */

int64_t sched_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* now + secs, saturated; secs <= 0 (or NaN) is now */
int64_t sched_deadline_after(double secs) {
  int64_t now = sched_now_ns();
  if (!(secs > 0)) return now;
  if (secs > 1e9) secs = 1e9;
  return now + (int64_t)(secs * 1e9);
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
    if (n->coro.sp) coro_prefetch_resume(&n->coro, 4);
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

static void heap_set(Scheduler *s, int i, Timer *t) {
  s->timers[i] = t;
  t->heap_index = i;
}

static void heap_up(Scheduler *s, int i) {
  Timer *t = s->timers[i];
  while (i > 0) {
    int p = (i - 1) / 2;
    if (s->timers[p]->at <= t->at) break;
    heap_set(s, i, s->timers[p]);
    i = p;
  }
  heap_set(s, i, t);
}

static void heap_down(Scheduler *s, int i) {
  Timer *t = s->timers[i];
  for (;;) {
    int l = 2 * i + 1, r = l + 1, m = l;
    if (l >= s->ntimers) break;
    if (r < s->ntimers && s->timers[r]->at < s->timers[l]->at) m = r;
    if (t->at <= s->timers[m]->at) break;
    heap_set(s, i, s->timers[m]);
    i = m;
  }
  heap_set(s, i, t);
}

/* Room for one more timer, so that a wait can start without failing half-way. */
static void heap_reserve(VM *vm) {
  Scheduler *s = vm->sched;
  if (s->ntimers < s->captimers) return;
  int nc = s->captimers ? s->captimers * 2 : 16;
  Timer **t = realloc(s->timers, sizeof(Timer *) * nc);
  if (!t) vm_throw(vm, "out of memory");
  s->timers = t;
  s->captimers = nc;
}

static void heap_push(VM *vm, Timer *t) {
  Scheduler *s = vm->sched;
  heap_reserve(vm);
  if (t->kind == TIMER_AFTER) s->nafter++;
  if (t->kind == TIMER_DEADLINE) s->ndeadlines++;
  s->timers[s->ntimers] = t;
  t->heap_index = s->ntimers++;
  heap_up(s, t->heap_index);
}

static void heap_remove(Scheduler *s, Timer *t) {
  int i = t->heap_index;
  if (i < 0) return;
  if (t->kind == TIMER_AFTER) s->nafter--;
  if (t->kind == TIMER_DEADLINE) s->ndeadlines--;
  t->heap_index = -1;
  Timer *last = s->timers[--s->ntimers];
  if (last == t) return;
  heap_set(s, i, last);
  if (i > 0 && s->timers[(i - 1) / 2]->at > last->at) heap_up(s, i);
  else heap_down(s, i);
}

int64_t sched_next_timer_ns(VM *vm) {
  Scheduler *s = vm->sched;
  if (!s->ntimers) return -1;
  int64_t d = s->timers[0]->at - sched_now_ns();
  return d < 0 ? 0 : d;
}

/* ---- wait records ----------------------------------------------------- */

static void waitq_link(WaitQ *q, Waiter *w) {
  w->q = q;
  w->next = NULL;
  w->prev = q->tail;
  if (q->tail) q->tail->next = w;
  else q->head = w;
  q->tail = w;
}

static void waitq_unlink(Waiter *w) {
  WaitQ *q = w->q;
  if (!q) return;
  if (w->prev) w->prev->next = w->next;
  else q->head = w->next;
  if (w->next) w->next->prev = w->prev;
  else q->tail = w->prev;
  w->prev = w->next = NULL;
  w->q = NULL;
}

/* a fiber waiting in a plain queue linked through next_wait (join, import) */
static void queue_unlink(Fiber **queue, Fiber *f) {
  for (Fiber **l = queue; *l; l = &(*l)->next_wait)
    if (*l == f) {
      *l = f->next_wait;
      f->next_wait = NULL;
      return;
    }
}

/* Take the blocked fiber f off everything it waits on: channel queues, its
 * time limit, a join or import queue, the host's park. Whatever ends a wait
 * — the event itself, a cancel, a deadline — goes through here. */
static void wait_detach(VM *vm, Fiber *f) {
  for (int i = 0; i < f->nwaiters; i++) waitq_unlink(&f->waiters[i]);
  if (f->waiters && f->waiters != &f->waiter1) free(f->waiters);
  f->waiters = NULL;
  f->nwaiters = 0;
  if (f->wait_timer.heap_index >= 0) heap_remove(vm->sched, &f->wait_timer);
  switch (f->wait_kind) {
    case WAIT_JOIN: case WAIT_IMPORT: case WAIT_OUTPUT:
      if (f->wait_on) queue_unlink((Fiber **)f->wait_on, f);
      break;
    case WAIT_PARK:
      f->nparked--;
      vm->sched->nparked--;
      break;
    default: break;
  }
  if (f->wait_detach_hook) {
    void (*hook)(VM *, Fiber *) = f->wait_detach_hook;
    f->wait_detach_hook = NULL;
    hook(vm, f);
  }
  f->wait_kind = WAIT_NONE;
  f->wait_on = NULL;
}

/* End f's wait: detach it and queue it to run. */
static void wake_fiber(VM *vm, Fiber *f, int reason) {
  wait_detach(vm, f);
  f->wake_reason = reason;
  make_ready(vm, f);
}

/* ---- timers firing ------------------------------------------------------ */

static void after_fire(VM *vm, ObjChannel *c);
static void deadline_fire(VM *vm, Deadline *d);

static void fire_due_timers(VM *vm) {
  Scheduler *s = vm->sched;
  if (!s->ntimers) return;
  int64_t now = sched_now_ns();
  while (s->ntimers && s->timers[0]->at <= now) {
    Timer *t = s->timers[0];
    heap_remove(s, t);
    switch (t->kind) {
      case TIMER_WAIT: wake_fiber(vm, CONTAINER(t, Fiber, wait_timer), WAKE_TIMER); break;
      case TIMER_AFTER: after_fire(vm, CONTAINER(t, ObjChannel, after)); break;
      default: deadline_fire(vm, (Deadline *)t); break;
    }
  }
}

/* Can a pending timer wake anyone? An after() channel nobody waits on
 * cannot: it does not keep the program from being stuck. */
static bool timers_can_wake(Scheduler *s) {
  if (s->ntimers > s->nafter) return true;
  for (int i = 0; i < s->ntimers; i++) {
    Timer *t = s->timers[i];
    if (t->kind == TIMER_AFTER && CONTAINER(t, ObjChannel, after)->recvq.head) return true;
  }
  return false;
}

/* ---- switching ------------------------------------------------------ */

static void switch_to(VM *vm, Fiber *to) {
  Fiber *from = vm->fiber;
  fiber_enter(to);
  to->state = FIBER_RUNNING;
  if (to == from) return;
  vm->fiber = to;
  coro_switch(&from->coro, &to->coro);
  /* resumed: whoever switched back set vm->fiber to us */
}

static void take_dump_request(VM *vm);

static inline void poll_if_due(VM *vm) {
  Scheduler *s = vm->sched;
  if (__builtin_expect(--s->until_poll <= 0, 0)) {
    s->until_poll = POLL_EVERY;
    if (loop_has_waiters(vm)) loop_poll(vm);
  }
}

/* Next fiber to run, waiting for I/O and timers if need be; NULL if none
 * can ever run again. */
static Fiber *sched_pick(VM *vm) {
  Scheduler *s = vm->sched;
  poll_if_due(vm);
  for (;;) {
    fire_due_timers(vm);
    Fiber *f = pop_ready(s);
    if (f) return f;
    if (!timers_can_wake(s) && !loop_has_waiters(vm)) return NULL;
    if (!timers_can_wake(s) && loop_only_held(vm) && s->nall == 0 && s->main_waiting_all) return NULL;
    int64_t wait = s->ntimers ? s->timers[0]->at - sched_now_ns() : -1;
    if (s->ntimers && wait < 0) wait = 0;
    if (vm_interrupt_requested(vm)) return NULL;   /* Ctrl-C: main raises it (see sched_suspend) */
    if (vm->interrupted & VM_INTERRUPT_DUMP) take_dump_request(vm);
    if (wait != 0) {
      if (!stdout_flush_would_block(vm)) vm_flush(vm);   /* a full pipe must not stop the loop */
      loop_idle(vm, wait);
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

int sched_deadlock_headline(int n, char *buf, size_t size) {
  return snprintf(buf, size, "deadlock: %d fiber%s blocked", n, n == 1 ? "" : "s");
}

/* Where f is: the file and line of its innermost frame. */
static int fiber_where(Fiber *f, const char **file) {
  *file = "?";
  if (f->nframes == 0) return 0;
  CallFrame *fr = &f->frames[f->nframes - 1];
  ObjProto *p = fr->cl->p;
  int pcoff = (int)(fr->pc - p->code) - 1;
  if (pcoff < 0) pcoff = 0;
  if (p->module && p->module->file) *file = p->module->file->chars;
  return p->ncode ? p->lines[pcoff < p->ncode ? pcoff : p->ncode - 1] : 0;
}

/* What f waits on, for the deadlock report and the fiber dump. */
static void describe_wait(Fiber *f, char *buf, size_t size) {
  switch (f->wait_kind) {
    case WAIT_SLEEP: snprintf(buf, size, "sleep"); break;
    case WAIT_RECV: snprintf(buf, size, "recv on channel %p", f->wait_on); break;
    case WAIT_SEND: snprintf(buf, size, "send on channel %p", f->wait_on); break;
    case WAIT_SELECT: snprintf(buf, size, "select on %d channel%s", f->nwaiters, f->nwaiters == 1 ? "" : "s"); break;
    case WAIT_JOIN:
      if (f->wait_on) snprintf(buf, size, "join of fiber %lld", (long long)CONTAINER(f->wait_on, Fiber, joiners)->id);
      else snprintf(buf, size, "join");
      break;
    case WAIT_IMPORT: snprintf(buf, size, "import of a module another fiber is loading"); break;
    case WAIT_OUTPUT: snprintf(buf, size, "its turn to write to standard output"); break;
    case WAIT_PARK: snprintf(buf, size, "a host park"); break;
    case WAIT_RESUME: snprintf(buf, size, "resume of fiber %lld", f->wait_on ? (long long)((Fiber *)f->wait_on)->id : -1LL); break;
    case WAIT_NATIVE: snprintf(buf, size, "a native wait"); break;
    case WAIT_IO: loop_describe_wait(f->wait_on, buf, size); break;
    case WAIT_POOL: snprintf(buf, size, "work on the thread pool"); break;
    default: snprintf(buf, size, "%s", f->state == FIBER_READY ? "ready to run" : "running"); break;
  }
}

/* "  fiber 3 "worker": recv on channel 0x... at app.gs:12" */
static void describe_fiber(Fiber *f, char *buf, size_t size) {
  char what[96];
  describe_wait(f, what, sizeof what);
  const char *file;
  int line = fiber_where(f, &file);
  char name[80] = "";
  if (IS_STRING(f->name)) snprintf(name, sizeof name, " \"%s\"", AS_STRING(f->name)->chars);
  else if (f->id == 0) snprintf(name, sizeof name, " (main)");
  snprintf(buf, size, "  fiber %lld%s: %s at %s:%d\n", (long long)f->id, name, what, file, line);
}

static int by_id(const void *a, const void *b) {
  int64_t x = (*(Fiber *const *)a)->id, y = (*(Fiber *const *)b)->id;
  return (x > y) - (x < y);
}

/* Main and the live fibers, by id (malloc'd; NULL without memory). */
static Fiber **live_fibers(VM *vm, int *n) {
  Fiber **v = malloc(sizeof(Fiber *) * (size_t)(vm->sched->nall + 1));
  if (!v) return NULL;
  int k = 0;
  v[k++] = vm->main_fiber;
  for (Fiber *f = vm->sched->all; f; f = f->all_next) v[k++] = f;
  qsort(v, (size_t)k, sizeof *v, by_id);
  *n = k;
  return v;
}

/* The deadlock report: the headline and one line per blocked fiber
 * (malloc'd; NULL without memory). */
static char *deadlock_report(VM *vm) {
  int n = sched_blocked_count(vm), nlive;
  size_t cap = 128 + (size_t)n * 320, len = 0;
  char *buf = malloc(cap);
  Fiber **live = live_fibers(vm, &nlive);
  if (!buf || !live) { free(buf); free(live); return NULL; }
  len += (size_t)sched_deadlock_headline(n, buf, cap);
  for (int i = 0; i < nlive; i++) {
    if (live[i]->state != FIBER_BLOCKED) continue;
    buf[len++] = '\n';
    describe_fiber(live[i], buf + len, cap - len - 1);
    len += strlen(buf + len) - 1;   /* without its newline */
  }
  buf[len] = 0;
  free(live);
  return buf;
}

/* SIGQUIT: every live fiber, what it does and its traceback, to stderr;
 * the program goes on. Allocates nothing (it may run anywhere). */
static void dump_fibers(VM *vm) {
  int n;
  Fiber **live = live_fibers(vm, &n);
  if (!live) return;
  vm_flush(vm);
  char line[512];
  int len = snprintf(line, sizeof line, "fibers: %d live\n", n);
  vm_write_err(vm, line, (size_t)len);
  for (int i = 0; i < n; i++) {
    Fiber *f = live[i];
    describe_fiber(f, line, sizeof line);
    vm_write_err(vm, line, strlen(line));
    for (int k = f->nframes - 1; k >= 0; k--) {
      CallFrame *fr = &f->frames[k];
      ObjProto *p = fr->cl->p;
      int pcoff = (int)(fr->pc - p->code) - 1;
      if (pcoff < 0) pcoff = 0;
      const char *file = p->module && p->module->file ? p->module->file->chars : "?";
      len = snprintf(line, sizeof line, "    %s:%d in %s\n", file, p->ncode ? p->lines[pcoff < p->ncode ? pcoff : p->ncode - 1] : 0, p->name->chars);
      vm_write_err(vm, line, (size_t)len);
    }
    if (!f->is_generator && f->spawn_proto) {
      ObjProto *p = f->spawn_proto;
      len = snprintf(line, sizeof line, "    spawned at %s:%d in %s\n", p->module && p->module->file ? p->module->file->chars : "?", f->spawn_line, p->name->chars);
      vm_write_err(vm, line, (size_t)len);
    }
  }
  free(live);
}

static void take_dump_request(VM *vm) {
  if (__atomic_fetch_and(&vm->interrupted, ~VM_INTERRUPT_DUMP, __ATOMIC_SEQ_CST) & VM_INTERRUPT_DUMP) dump_fibers(vm);
}

static _Noreturn void deadlock_error(VM *vm) {
  Fiber *main = vm->main_fiber;
  main->state = FIBER_BLOCKED;
  char *report = deadlock_report(vm);
  wait_detach(vm, main);   /* leave no trace: the REPL goes on with the same channels */
  main->state = FIBER_RUNNING;
  if (vm_interrupt_requested(vm)) {
    free(report);   /* "interrupted" is raised instead: the report would leak */
    report = NULL;
    vm_check_interrupt(vm);
  }
  vm->fatal_error = true;   /* the program stops: no `try` may swallow this */
  ObjString *msg = report ? str_cstr(vm, report) : str_cstr(vm, "deadlock");
  free(report);
  vm_throw_value(vm, vm_make_error(vm, msg));
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

/* ---- wait points ------------------------------------------------------ */

/* Raise the running fiber's pending cancel or timeout (cancel first). Each
 * is raised once: later wait points work normally. */
static Value take_pending_timeout(VM *vm);

Value fiber_take_pending(VM *vm) {
  Fiber *f = vm->fiber;
  if (f->pending & PENDING_CANCEL) {
    f->pending &= (uint8_t)~PENDING_CANCEL;
    return vm_make_error_kind(vm, "cancelled", "cancelled");
  }
  return take_pending_timeout(vm);
}

static Value take_pending_timeout(VM *vm) {
  Fiber *f = vm->fiber;
  f->pending &= (uint8_t)~PENDING_TIMEOUT;
  Value secs = f->pending_secs;
  f->pending_secs = NIL_VAL;
  f->pending_deadline = NULL;
  if (IS_INT(secs)) return vm_make_error_kind(vm, "timeout", "timed out after %lld s", (long long)AS_INT(secs));
  char num[64];
  format_float(IS_FLOAT(secs) ? AS_FLOAT(secs) : 0.0, num, sizeof num);
  return vm_make_error_kind(vm, "timeout", "timed out after %s s", num);
}

_Noreturn void fiber_raise_pending(VM *vm) { vm_throw_value(vm, fiber_take_pending(vm)); }

/* The start of every wait point: a pending cancel or timeout — or a
 * deadline that passed while no timer was looked at — is raised here,
 * whether or not the operation would block. */
static bool interrupt_pending(VM *vm) {
  Fiber *f = vm->fiber;
  if (__builtin_expect(f->deadline != NULL, 0)) fire_due_timers(vm);
  return f->pending != 0;
}

void fiber_wait_point(VM *vm) {
  if (__builtin_expect(interrupt_pending(vm), 0)) fiber_raise_pending(vm);
}

/* Block the running fiber (its waiters, if any, already linked) until the
 * wait ends; limit_at >= 0 ends it with WAKE_TIMER at that time (the caller
 * reserved heap room). A cancel or deadline that ends it is raised here.
 * Returns the wake reason. */
static int block_quietly(VM *vm, int kind, void *on, int64_t limit_at) {
  Fiber *self = vm->fiber;
  self->wait_kind = kind;
  self->wait_on = on;
  if (limit_at >= 0) {
    self->wait_timer.at = limit_at;
    heap_push(vm, &self->wait_timer);
  }
  self->state = FIBER_BLOCKED;
  sched_suspend(vm);
  return self->wake_reason;
}

void fiber_reserve_timer(VM *vm) { heap_reserve(vm); }
int fiber_block(VM *vm, int kind, void *on, int64_t limit_at) { return block_quietly(vm, kind, on, limit_at); }
void fiber_end_wait(VM *vm, Fiber *f, int reason) { wake_fiber(vm, f, reason); }

static int block(VM *vm, int kind, void *on, int64_t limit_at) {
  int r = block_quietly(vm, kind, on, limit_at);
  if (r == WAKE_INTERRUPTED) fiber_raise_pending(vm);
  return r;
}

/* Mark a cancel or timeout pending in f and end the wait it is blocked in.
 * A fiber waiting for a generator it resumed passes it on to the generator,
 * which is where its code runs (the error comes back through resume). */
void fiber_interrupt(VM *vm, Fiber *f, int what, Value secs) {
  while (f->state == FIBER_BLOCKED && f->wait_kind == WAIT_RESUME && f->wait_on)
    f = (Fiber *)f->wait_on;
  if (f->state == FIBER_DONE || f->state == FIBER_FAILED) return;
  if (f == vm->main_fiber && vm->sched->main_waiting_all) return;   /* its script has ended */
  f->pending |= (uint8_t)what;
  if (what == PENDING_TIMEOUT) f->pending_secs = secs;
  if (f->state == FIBER_BLOCKED) wake_fiber(vm, f, WAKE_INTERRUPTED);
}

void sched_on_alarm(VM *vm, int bits) {
  if (bits & VM_INTERRUPT_DUMP) dump_fibers(vm);
  if (bits & VM_INTERRUPT_ALARM) {
    Scheduler *s = vm->sched;
    fire_due_timers(vm);
    /* every timer left is in the future: the first one is no later than
     * the next deadline */
    if (s->ndeadlines && s->alarm_thread) alarm_set(s->alarm_thread, s->timers[0]->at);
    /* a check point outside a wait raises only a timeout: a cancel waits
     * for the fiber's next wait point (what it received stays received) */
    if (vm->fiber->pending & PENDING_TIMEOUT) vm_throw_value(vm, take_pending_timeout(vm));
  }
}

/* ---- timeout() ---------------------------------------------------------- */

/* A time limit in seconds (int or float); NaN is refused. */
static double arg_secs(VM *vm, const char *fname, Value *args, int i) {
  double secs = arg_num(vm, fname, args, i);
  if (isnan(secs)) vm_throw(vm, "invalid timeout");
  return secs;
}


static void deadline_fire(VM *vm, Deadline *d) {
  Fiber *f = d->fiber;
  fiber_interrupt(vm, f, PENDING_TIMEOUT, d->secs);
  /* the fiber that gets it (f, or the generator f waits for) */
  while (f->state == FIBER_BLOCKED && f->wait_kind == WAIT_RESUME && f->wait_on) f = (Fiber *)f->wait_on;
  f->pending_deadline = d;
}

/* timeout(secs, fn): fn() in this fiber under a deadline that raises kind
 * "timeout" at its wait points (and CPU loops) once it has passed. */
static Value nat_timeout(VM *vm, int argc, Value *args) {
  double secs = arg_secs(vm, "timeout", args, 0);
  Scheduler *s = vm->sched;
  Fiber *f = vm->fiber;
  Deadline d;
  d.timer.kind = TIMER_DEADLINE;
  d.timer.heap_index = -1;
  d.timer.at = sched_deadline_after(secs);
  d.fiber = f;
  d.secs = args[0];
  d.outer = f->deadline;
  if (!s->alarm_thread) s->alarm_thread = alarm_new(&vm->interrupted, VM_INTERRUPT_ALARM);
  heap_push(vm, &d.timer);
  f->deadline = &d;
  if (s->alarm_thread) alarm_set(s->alarm_thread, d.timer.at);
  Value out;
  bool ok = vm_pcall(vm, args[1], 0, NULL, &out);
  heap_remove(s, &d.timer);
  f->deadline = d.outer;
  /* a timeout not raised yet dies with its deadline */
  for (Fiber *g = f; g; g = g->wait_kind == WAIT_RESUME ? (Fiber *)g->wait_on : NULL) {
    if (g->pending_deadline == &d) {
      g->pending &= (uint8_t)~PENDING_TIMEOUT;
      g->pending_deadline = NULL;
    }
    if (g->state != FIBER_BLOCKED) break;
  }
  if (!ok) vm_throw_value(vm, out);
  return out;
}

/* ---- fiber objects -------------------------------------------------- */

static Fiber *fiber_alloc(VM *vm) {
  Fiber *f = obj_alloc(vm, sizeof(Fiber), V_FIBER);
  f->vm = vm;
  f->id = ++vm->next_fiber_id;
  f->state = FIBER_NEW;
  f->error = f->error_trace = f->fn = f->transfer = f->result = f->wait_value = f->api_ret = NIL_VAL;
  f->pending_secs = f->name = f->locals = NIL_VAL;
  f->wait_timer.heap_index = -1;
  f->wait_timer.kind = TIMER_WAIT;
  f->waiter1.f = f;
  return f;
}

Fiber *fiber_new_main(VM *vm) {
  Fiber *f = fiber_alloc(vm);
  f->id = 0;
  vm->next_fiber_id = 0;
  f->state = FIBER_RUNNING;
  coro_init_main(&f->coro);
  f->has_coro = true;
  vm->main_fiber = vm->fiber = f;
  fiber_grow_stack(vm, f, 256);
  f->frames_cap = 16;
  f->frames = vm_realloc(vm, NULL, 0, sizeof(CallFrame) * f->frames_cap);
  return f;
}

static void fiber_release_memory(VM *vm, Fiber *f) {
  if (!f->stack && !f->frames && !f->handlers) return;   /* released when it finished */
  if (!f->stack_inline) VM_FREE(vm, Value, f->stack, f->stack_cap);
  if (!f->frames_inline) VM_FREE(vm, CallFrame, f->frames, f->frames_cap);
  f->stack_inline = f->frames_inline = false;
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

/* f, a generator, will never run again: the module top levels it was
 * running (imports it was stopped in) are never finished. Like a top level
 * that failed, they are not kept: the next import runs them again, and the
 * fibers waiting for them wake up to do that. (Allocates nothing: this runs
 * in the collector's sweep.) */
static void abandon_loads(VM *vm, Fiber *f) {
  if (!f->is_generator || !vm->sched) return;   /* (vm_free: the scheduler is gone) */
  Table *t = &vm->modules;
  for (uint32_t i = 0; i < t->count; i++) {
    if (IS_NIL(table_key(t, i))) continue;
    ObjModule *m = AS_MODULE(t->entries[i].value);
    if (m->loaded || m->loader != f) continue;
    m->loader = NULL;
    fiber_wake_all(vm, &m->waiters);
    table_remove(t, table_key(t, i));
  }
}

void fiber_free(VM *vm, Fiber *f) {
  abandon_loads(vm, f);
  uncount_live(vm, f);
  if (f->waiters && f->waiters != &f->waiter1) free(f->waiters);
  if (f->has_coro && f != vm->main_fiber) coro_destroy(&f->coro);
  fiber_release_memory(vm, f);
  vm_realloc(vm, f, sizeof(Fiber), 0);
}

/* The collector scans a fiber's stack below its top and clears every slot
 * above it. A new frame does not clear its registers (interp.c, push_frame):
 * a register it has not written yet holds what a returned frame left there,
 * and that must be nil or something this collection keeps, never what it
 * frees. So after every collection each slot is nil or marked, and a slot
 * written since holds something allocated since. A fiber that has not run
 * since the last collection cleared its slots (fiber_enter) is skipped:
 * nothing else writes a fiber's stack above its top. */
void fiber_mark(VM *vm, Fiber *f) {
  for (int i = 0; i < f->top; i++) gc_mark_value(vm, f->stack[i]);
  if (!f->stack_clean)
    for (int i = f->top; i < f->stack_cap; i++) f->stack[i].tag = V_NIL;
  f->stack_clean = f != vm->fiber;
  for (int i = 0; i < f->nframes; i++) gc_mark_obj(vm, (Obj *)f->frames[i].cl);
  for (ObjUpvalue *u = f->open_upvalues; u; u = u->next) gc_mark_obj(vm, (Obj *)u);
  gc_mark_value(vm, f->error);
  gc_mark_value(vm, f->error_trace);
  gc_mark_value(vm, f->fn);
  gc_mark_value(vm, f->transfer);
  gc_mark_value(vm, f->result);
  gc_mark_value(vm, f->wait_value);
  gc_mark_value(vm, f->api_ret);
  gc_mark_value(vm, f->name);
  gc_mark_value(vm, f->locals);
  gc_mark_obj(vm, (Obj *)f->spawn_proto);
  if (f->group) gc_mark_obj(vm, (Obj *)group_owner(f->group));   /* its group's state lives on that fiber */
  gc_mark_obj(vm, (Obj *)f->resumer);
  for (Fiber *j = f->joiners; j; j = j->next_wait) gc_mark_obj(vm, (Obj *)j);
}

void sched_mark(VM *vm) {
  Scheduler *s = vm->sched;
  for (Fiber *f = s->ready_head; f; f = f->next_ready) gc_mark_obj(vm, (Obj *)f);
  for (int i = 0; i < s->ntimers; i++) {
    Timer *t = s->timers[i];
    switch (t->kind) {
      case TIMER_WAIT: gc_mark_obj(vm, (Obj *)CONTAINER(t, Fiber, wait_timer)); break;
      case TIMER_AFTER: gc_mark_obj(vm, (Obj *)CONTAINER(t, ObjChannel, after)); break;
      default: gc_mark_obj(vm, (Obj *)((Deadline *)t)->fiber); break;
    }
  }
  for (Fiber *f = s->all; f; f = f->all_next) gc_mark_obj(vm, (Obj *)f);
  for (int i = 0; i < s->nfailed; i++) gc_mark_obj(vm, (Obj *)s->failed[i]);
}

void sched_init(VM *vm) {
  vm->sched = calloc(1, sizeof(Scheduler));
  if (!vm->sched) vm_out_of_memory(vm);
  vm->sched->until_poll = POLL_EVERY;
}

void sched_free(VM *vm) {
  loop_free(vm);
  if (!vm->sched) return;   /* (a VM that could not be made) */
  alarm_free(vm->sched->alarm_thread);
  free(vm->sched->timers);
  free(vm->sched->failed);
  free(vm->sched);
  vm->sched = NULL;
}

static void report_fiber_error(VM *vm, Fiber *f) {
  char head[128];
  if (IS_STRING(f->name))
    snprintf(head, sizeof head, "error in fiber %lld \"%.60s\": ", (long long)f->id, AS_STRING(f->name)->chars);
  else
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
  fiber_wake_all(vm, &f->joiners);
  if (f->group) group_child_finished(vm, f, ok, out);
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
    if (!ok && !f->joined && !had_joiners && !vm_error_is_kind(vm, out, "cancelled")) remember_failure(vm, f);
    next = sched_pick(vm);
    if (!next) {
      next = vm->main_fiber;
      if (!s->main_waiting_all && vm->main_fiber->state != FIBER_RUNNING) s->alarm.deadlock = true;
    }
  }
  fiber_enter(next);
  next->state = FIBER_RUNNING;
  vm->fiber = next;
  coro_exit_switch(&f->coro, &next->coro);
}

static Value nat_raise_pending(VM *vm, int argc, Value *args) { fiber_raise_pending(vm); }

/* The fiber's function runs in a protected region of its own (vm_pcall's
 * work, cheaper: its catch point is the lightweight one errjmp_jump knows,
 * and what an error leaves needs no restoring beyond what fiber_finish
 * reads: the fiber is over). */
static void fiber_entry(void *arg) {
  Fiber *f = arg;
  VM *vm = f->vm;
  const int nargs = f->top, roots = vm->ntemp_roots;
  ErrJmp root;
  root.prev = NULL;
  f->entry_jmp = f->errjmp = &root;
  if (__builtin_setjmp((void **)(void *)root.buf) == 0) {
    Value out = vm_call(vm, f->fn, nargs, f->stack);
    f->errjmp = NULL;
    fiber_finish(vm, f, true, out);
  }
  f = vm->fiber;   /* (the same: errors never leave their fiber's C stack) */
  fiber_close_upvalues(f, f->stack + nargs);
  f->top = nargs;
  f->nframes = f->nhandlers = f->cdepth = 0;
  f->errjmp = NULL;
  vm->ntemp_roots = roots;
  fiber_finish(vm, f, false, f->error);
}

/* A new fiber's first VM stack slots and call frames live at the top of
 * its C stack, in the page its C frames start in: no allocation, and a
 * resume touches one page less (generators in their thousands resumed in
 * turn each miss the TLB on every page they touch). Growing moves them to
 * the heap. Not under ASan, which checks heap blocks' bounds. */
enum { TOP_SLOTS = 16, TOP_FRAMES = 8 };
#define TOP_BYTES (CORO_ASAN ? 0 : sizeof(Value) * TOP_SLOTS + sizeof(CallFrame) * TOP_FRAMES)

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
  Fiber *cur = vm->fiber;
  if (cur->nframes > 0) {
    CallFrame *fr = &cur->frames[cur->nframes - 1];
    ObjProto *p = fr->cl->p;
    int pcoff = (int)(fr->pc - p->code) - 1;
    if (pcoff < 0) pcoff = 0;
    f->spawn_proto = p;
    f->spawn_line = p->ncode ? p->lines[pcoff < p->ncode ? pcoff : p->ncode - 1] : 0;
  }
  if (IS_MAP(cur->locals)) {   /* context flows down: a shallow copy */
    ObjMap *m = map_new(vm);
    f->locals = MAP_VAL(m);
    table_copy(vm, &m->t, &AS_MAP(vm->fiber->locals)->t);
  }
  void *top = NULL;
  if (!coro_create_reserve(&f->coro, vm->fiber_stack_size, fiber_entry, f, TOP_BYTES, &top)) {
    if (errno == ENOMEM) vm_out_of_memory(vm);   /* no address space (or mappings) for its stack */
    vm_throw(vm, "cannot create fiber: %s", strerror(errno));
  }
  f->has_coro = true;
  if (TOP_BYTES) {
    f->frames = top;
    f->frames_cap = TOP_FRAMES;
    f->stack = (Value *)(void *)((char *)top + sizeof(CallFrame) * TOP_FRAMES);
    f->stack_cap = TOP_SLOTS;
    /* (what the last owner left; the tags are enough, and 16 word stores
     * cost less than the `rep stos` GCC makes of clearing whole Values) */
    for (int i = 0; i < TOP_SLOTS; i++) f->stack[i].tag = V_NIL;
    f->stack_inline = f->frames_inline = true;
  }
  vm_pop(vm);
  return f;
}

/* A native about to call C code that recurses on its own (PCRE2's compiler
 * takes ~23 KiB plus ~0.7 KiB per nested group) gets that much stack: a
 * fiber's own is small, and the VM's margin (cstack_margin) covers only
 * ordinary calls. The segment is a power of two no smaller than the
 * default, so such calls share a few pool sizes. */
void fiber_with_cstack(VM *vm, size_t bytes, void (*fn)(void *ud), void *ud) {
  Coro *c = &vm->fiber->coro;
  if (c->is_main || coro_stack_remaining(c) >= bytes) { fn(ud); return; }
  size_t seg = vm->fiber_stack_size ? vm->fiber_stack_size : coro_default_stack_size();
  while (seg < bytes + 4096) seg *= 2;   /* (the call's own frames go on top) */
  if (!coro_call_on_new_stack(c, seg, fn, ud)) vm_out_of_memory(vm);
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
  g->state = FIBER_RUNNING;
  vm->fiber = g;
  /* we return into the interpreter, or into vm_call, which forgets the FP
   * control words: they stay known (coro.h) */
  coro_switch_keep_fp(&self->coro, &g->coro);
  return fiber_resume_finish(vm, g);
}

bool fiber_first_resume(VM *vm, Fiber *g, int argc, Value *args) {
  if (g->state != FIBER_NEW || !g->is_generator) return false;
  fiber_set_args(vm, g, argc, args);
  return true;
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

/* Wait in a plain queue linked through next_wait (an import in progress). */
static void queue_wait(VM *vm, Fiber **queue, int kind) {
  Fiber *self = vm->fiber;
  fiber_wait_point(vm);
  self->next_wait = *queue;
  *queue = self;
  block(vm, kind, queue, -1);
}

void fiber_wait(VM *vm, Fiber **queue, WaitKind kind) { queue_wait(vm, queue, kind); }

void fiber_wake_all(VM *vm, Fiber **queue) {
  while (*queue) {
    Fiber *f = *queue;
    *queue = f->next_wait;
    f->next_wait = NULL;
    f->wait_on = NULL;   /* already out of the queue */
    wake_fiber(vm, f, WAKE_OK);
  }
}

Fiber *fiber_wake_oldest(VM *vm, Fiber **queue) {
  Fiber **link = queue;   /* the queue is newest first */
  if (!*link) return NULL;
  while ((*link)->next_wait) link = &(*link)->next_wait;
  Fiber *f = *link;
  *link = NULL;
  f->wait_on = NULL;   /* already out of the queue */
  wake_fiber(vm, f, WAKE_OK);
  return f;
}

Fiber *fiber_yield_next(VM *vm) {
  Scheduler *s = vm->sched;
  fiber_wait_point(vm);
  poll_if_due(vm);
  fire_due_timers(vm);
  if (!s->ready_head) return vm->fiber;   /* nobody else to run */
  make_ready(vm, vm->fiber);
  Fiber *next = pop_ready(s);
  fiber_enter(next);
  return next;
}

void fiber_yield_resumed(VM *vm) {
  if (__builtin_expect(sched_alarm(vm), 0)) main_check_stop(vm);
  if (__builtin_expect(vm->fiber->pending != 0, 0)) fiber_raise_pending(vm);
}

Value fiber_yield(VM *vm, Value v) {
  Fiber *self = vm->fiber;
  fiber_wait_point(vm);
  if (self->is_generator && self->resumer) {
    Fiber *r = fiber_begin_yield(vm, self, v);
    r->state = FIBER_RUNNING;
    vm->fiber = r;
    coro_switch(&self->coro, &r->coro);
    if (__builtin_expect(self->pending != 0, 0)) fiber_raise_pending(vm);   /* closed */
    Value got = self->transfer;
    self->transfer = NIL_VAL;
    return got;
  }
  fire_due_timers(vm);
  if (!vm->sched->ready_head) return NIL_VAL;   /* nobody else to run */
  make_ready(vm, self);
  sched_suspend(vm);
  fiber_yield_resumed(vm);
  return NIL_VAL;
}

bool fiber_wait_done(VM *vm, Fiber *f, Value *err) {
  Fiber *self = vm->fiber;
  while (f->state != FIBER_DONE && f->state != FIBER_FAILED) {
    if (!interrupt_pending(vm)) {
      self->next_wait = f->joiners;
      f->joiners = self;
      if (block_quietly(vm, WAIT_JOIN, &f->joiners, -1) != WAKE_INTERRUPTED) continue;
    }
    *err = fiber_take_pending(vm);
    return false;
  }
  return true;
}

static Value fiber_join(VM *vm, Fiber *f) {
  Fiber *self = vm->fiber;
  if (f == self) vm_throw(vm, "a fiber cannot join itself");
  /* only its resumer moves a generator on: waiting here would never end */
  if (f->is_generator && f->state != FIBER_DONE && f->state != FIBER_FAILED)
    vm_throw(vm, "cannot join an unfinished generator (use resume)");
  f->joined = true;
  while (f->state != FIBER_DONE && f->state != FIBER_FAILED) queue_wait(vm, &f->joiners, WAIT_JOIN);
  if (f->state == FIBER_FAILED) {
    vm->fiber->error_trace = f->error_trace;
    vm_throw_value(vm, f->result);
  }
  return f->result;
}

void sched_sleep(VM *vm, double seconds) {
  fiber_wait_point(vm);
  heap_reserve(vm);
  block(vm, WAIT_SLEEP, NULL, sched_deadline_after(seconds));
}

Value fiber_park(VM *vm) {
  Fiber *self = vm->fiber;
  fiber_wait_point(vm);
  self->nparked++;
  vm->sched->nparked++;
  block(vm, WAIT_PARK, NULL, -1);
  Value v = self->transfer;
  self->transfer = NIL_VAL;
  return v;
}

void fiber_wake(VM *vm, Fiber *f, Value v) {
  if (f->state != FIBER_BLOCKED || f->nparked == 0) return;
  f->transfer = v;
  wake_fiber(vm, f, WAKE_OK);
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
      char *report = deadlock_report(vm);
      if (report) {
        vm_write_err(vm, report, strlen(report));
        vm_write_err(vm, "\n", 1);
        free(report);
      }
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

void channel_free(VM *vm, Obj *o) {
  ObjChannel *c = (ObjChannel *)o;
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
  c->after.heap_index = -1;
  c->after.kind = TIMER_AFTER;
  if (cap > 0) {
    vm_push(vm, OBJ_VAL(V_CHANNEL, c));
    prefault_sparse_next();   /* slots are written as the channel fills */
    c->buf = VM_ALLOC(vm, Value, cap);
    c->cap = cap;
    vm_pop(vm);
  }
  return c;
}

/* Serve the waiter at the head of q: it takes v (a receiver) or gives its
 * value (a sender); its fiber's whole wait ends, every other waiter of a
 * select included. */
static Fiber *serve(VM *vm, WaitQ *q, int reason, Value v) {
  Waiter *w = q->head;
  if (!w) return NULL;
  Fiber *f = w->f;
  waitq_unlink(w);
  f->select_index = w->index;
  f->transfer = v;
  wake_fiber(vm, f, reason);
  return f;
}

/* Link the running fiber's single waiter into q. */
static void wait_on_queue(Fiber *self, WaitQ *q) {
  self->waiter1.index = 0;
  self->waiters = &self->waiter1;
  self->nwaiters = 1;
  waitq_link(q, &self->waiter1);
}

static void channel_send(VM *vm, ObjChannel *c, Value v) {
  fiber_wait_point(vm);
  if (c->closed) vm_throw(vm, "send on closed channel");
  if (serve(vm, &c->recvq, WAKE_OK, v)) return;
  if (c->count < c->cap) {
    c->buf[(c->head + c->count) % c->cap] = v;
    c->count++;
    return;
  }
  Fiber *self = vm->fiber;
  self->wait_value = v;
  wait_on_queue(self, &c->sendq);
  /* the value stays ours until a receiver takes it: an interrupted send did not happen */
  int r = block(vm, WAIT_SEND, c, -1);
  self->wait_value = NIL_VAL;
  if (r == WAKE_CLOSED) vm_throw(vm, "send on closed channel");
}

bool channel_offer(VM *vm, Value ch, Value v) {
  ObjChannel *c = AS_CHANNEL(ch);
  if (c->closed) return false;
  if (serve(vm, &c->recvq, WAKE_OK, v)) return true;
  if (c->count >= c->cap) return false;
  c->buf[(c->head + c->count) % c->cap] = v;
  c->count++;
  return true;
}

static bool channel_ready(ObjChannel *c) {
  return c->count > 0 || c->closed || c->sendq.head;
}

/* Receive without blocking if possible: returns 1 with a value, 0 when
 * closed and empty, -1 when it would block. */
static int channel_try_recv(VM *vm, ObjChannel *c, Value *out) {
  if (c->count > 0) {
    *out = c->buf[c->head];
    c->buf[c->head] = NIL_VAL;
    c->head = (c->head + 1) % c->cap;
    c->count--;
    if (c->sendq.head) {
      c->buf[(c->head + c->count) % c->cap] = c->sendq.head->f->wait_value;
      c->count++;
      serve(vm, &c->sendq, WAKE_OK, NIL_VAL);
    }
    return 1;
  }
  if (c->sendq.head) {
    *out = c->sendq.head->f->wait_value;
    serve(vm, &c->sendq, WAKE_OK, NIL_VAL);
    return 1;
  }
  if (c->closed) { *out = NIL_VAL; return 0; }
  return -1;
}

static bool channel_recv(VM *vm, ObjChannel *c, Value *out) {
  fiber_wait_point(vm);
  int r = channel_try_recv(vm, c, out);
  if (r >= 0) return r == 1;
  Fiber *self = vm->fiber;
  wait_on_queue(self, &c->recvq);
  int reason = block(vm, WAIT_RECV, c, -1);
  *out = self->transfer;
  self->transfer = NIL_VAL;
  return reason == WAKE_OK;
}

static void channel_close_now(VM *vm, ObjChannel *c) {
  c->closed = true;
  while (serve(vm, &c->recvq, WAKE_CLOSED, NIL_VAL)) {}
  while (serve(vm, &c->sendq, WAKE_CLOSED, NIL_VAL)) {}
  if (c->after.heap_index >= 0) heap_remove(vm->sched, &c->after);
}

static void channel_close(VM *vm, ObjChannel *c) {
  if (c->closed) vm_throw(vm, "close of closed channel");
  channel_close_now(vm, c);
}

/* after(secs) fired: `true` to the first receiver (or into the buffer),
 * then closed. */
static void after_fire(VM *vm, ObjChannel *c) {
  if (c->closed) return;
  if (!serve(vm, &c->recvq, WAKE_OK, BOOL_VAL(true))) {
    c->buf[0] = BOOL_VAL(true);
    c->count = 1;
  }
  channel_close_now(vm, c);
}

/* select(chans, limit_at): -1 blocks without a limit, 0 polls. Returns the
 * index of the channel served (its value in *out), or -1 when the time
 * limit passed first. */
static int channel_select(VM *vm, ObjList *l, int64_t limit_at, Value *out) {
  fiber_wait_point(vm);
  for (uint32_t i = 0; i < l->count; i++) {
    ObjChannel *c = AS_CHANNEL(l->items[i]);
    if (channel_ready(c)) {
      channel_try_recv(vm, c, out);
      return (int)i;
    }
  }
  if (limit_at == 0) return -1;
  Fiber *self = vm->fiber;
  int n = (int)l->count;
  if (limit_at > 0) heap_reserve(vm);
  Waiter *ws = n == 1 ? &self->waiter1 : malloc(sizeof(Waiter) * (size_t)n);
  if (!ws) vm_throw(vm, "out of memory");
  self->waiters = ws;
  self->nwaiters = n;
  for (int i = 0; i < n; i++) {
    ws[i].f = self;
    ws[i].index = i;
    ws[i].q = NULL;
    waitq_link(&AS_CHANNEL(l->items[i])->recvq, &ws[i]);
  }
  int reason = block(vm, WAIT_SELECT, l, limit_at > 0 ? limit_at : -1);
  *out = self->transfer;
  self->transfer = NIL_VAL;
  return reason == WAKE_TIMER ? -1 : self->select_index;
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
  arg_count(vm, "select", argc, 1, 2);
  Value lv = args[0];
  if (!IS_LIST(lv)) vm_arg_error(vm, "select", 1, "a list of channels", lv);
  ObjList *l = AS_LIST(lv);
  if (l->count == 0) vm_throw(vm, "select() needs at least one channel");
  for (uint32_t i = 0; i < l->count; i++)
    if (!IS_CHANNEL(l->items[i])) vm_throw(vm, "select() expects channels, got %s", value_type_name(l->items[i]));
  int64_t limit_at = -1;
  if (argc == 2 && !IS_NIL(args[1])) {
    double secs = arg_secs(vm, "select", args, 1);
    limit_at = secs > 0 ? sched_deadline_after(secs) : 0;
  }
  Value v = NIL_VAL;
  int index = channel_select(vm, l, limit_at, &v);
  if (index < 0) return NIL_VAL;
  vm_push(vm, v);
  ObjList *r = list_new(vm, 2);
  r->items[0] = INT_VAL(index);
  r->items[1] = v;
  r->count = 2;
  vm_pop(vm);
  return LIST_VAL(r);
}

static Value nat_after(VM *vm, int argc, Value *args) {
  double secs = arg_secs(vm, "after", args, 0);
  heap_reserve(vm);
  ObjChannel *c = channel_new(vm, 1);
  c->after.at = sched_deadline_after(secs);
  heap_push(vm, &c->after);
  return OBJ_VAL(V_CHANNEL, c);
}

int channel_len(Value ch) { return AS_CHANNEL(ch)->count; }

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

/* The generator g, suspended at a yield, is given up for good: its stack
 * goes back to the pool and it is done. */
static void generator_abandon(VM *vm, Fiber *g) {
  /* its timeouts die with it; its C stack stays while a group() in it has
   * children running (they point into it), until the fiber is freed */
  for (Deadline *d = g->deadline; d; d = d->outer) heap_remove(vm->sched, &d->timer);
  g->deadline = NULL;
  if (g->ngroups == 0) {
    fiber_close_upvalues(g, g->stack);
    if (g->has_coro) coro_destroy(&g->coro);
    g->has_coro = false;
    fiber_release_memory(vm, g);
  }
  abandon_loads(vm, g);
  uncount_live(vm, g);
  g->state = FIBER_DONE;
  g->result = NIL_VAL;
}

/* g.close(): raise cancelled at the yield g is stopped at, so its finally
 * blocks run; its own cancelled error stays inside, any other comes out. */
static Value generator_close(VM *vm, Fiber *g) {
  if (!g->is_generator) vm_throw(vm, "close() is for generators (use cancel() on a scheduled fiber)");
  if (g->state != FIBER_SUSPENDED) {
    if (g->state == FIBER_NEW || g->state == FIBER_DONE || g->state == FIBER_FAILED) return NIL_VAL;
    vm_throw(vm, "cannot close a running fiber");
  }
  g->pending |= PENDING_CANCEL;
  Value out, gv = OBJ_VAL(V_FIBER, g);
  Value resume = *table_find_str(&vm->fiber_methods, str_cstr(vm, "resume"));
  bool ok = vm_pcall(vm, resume, 1, &gv, &out);
  g->pending &= (uint8_t)~PENDING_CANCEL;
  if (g->state == FIBER_SUSPENDED) generator_abandon(vm, g);   /* it yielded again */
  if (!ok && !vm_error_is_kind(vm, out, "cancelled")) vm_throw_value(vm, out);
  return NIL_VAL;
}

static Value fm_close(VM *vm, int argc, Value *args) { return generator_close(vm, self_fiber(vm, args, "close")); }

static Value fm_cancel(VM *vm, int argc, Value *args) {
  Fiber *f = self_fiber(vm, args, "cancel");
  if (f->state == FIBER_DONE || f->state == FIBER_FAILED) return NIL_VAL;
  if (f->is_generator && (f->state == FIBER_SUSPENDED || f->state == FIBER_NEW)) return generator_close(vm, f);
  if (f->state == FIBER_READY && f->nframes == 0 && f != vm->main_fiber) {
    /* it never ran: its body never will */
    f->fn = OBJ_VAL(V_NATIVE, native_new(vm, nat_raise_pending, "cancelled", -1));
  }
  fiber_interrupt(vm, f, PENDING_CANCEL, NIL_VAL);
  return NIL_VAL;
}

static Value fm_status(VM *vm, int argc, Value *args) {
  Fiber *f = self_fiber(vm, args, "status");
  const char *st = "ready";
  switch (f->state) {
    case FIBER_NEW: st = f->is_generator ? "suspended" : "ready"; break;
    case FIBER_READY: st = "ready"; break;
    case FIBER_RUNNING: st = "running"; break;
    case FIBER_SUSPENDED: st = "suspended"; break;
    case FIBER_BLOCKED: st = "blocked"; break;
    case FIBER_DONE: case FIBER_FAILED: st = "done"; break;
  }
  return STR_VAL(str_cstr(vm, st));
}

static Value nat_current_fiber(VM *vm, int argc, Value *args) { return OBJ_VAL(V_FIBER, vm->fiber); }

bool fiber_get_field(VM *vm, Fiber *f, ObjString *name, Value *out) {
  if (strcmp(name->chars, "id") == 0) { *out = INT_VAL(f->id); return true; }
  if (strcmp(name->chars, "name") == 0) { *out = f->name; return true; }
  if (strcmp(name->chars, "locals") == 0) {
    if (!IS_MAP(f->locals)) {
      vm_push(vm, OBJ_VAL(V_FIBER, f));
      f->locals = MAP_VAL(map_new(vm));
      vm_pop(vm);
    }
    *out = f->locals;
    return true;
  }
  return false;
}

bool fiber_set_field(VM *vm, Fiber *f, ObjString *name, Value v) {
  if (strcmp(name->chars, "name") == 0) {
    if (!IS_NIL(v) && !IS_STRING(v)) vm_throw(vm, "fiber name must be a string or nil, not %s", value_type_name(v));
    f->name = v;
    return true;
  }
  if (strcmp(name->chars, "id") == 0 || strcmp(name->chars, "locals") == 0)
    vm_throw(vm, "cannot set fiber field '%s'", name->chars);
  return false;
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
static Value cm_closed(VM *vm, int argc, Value *args) { return BOOL_VAL(self_chan(vm, args, "closed")->closed); }

void lib_fiber_open(VM *vm) {
  lib_group_open(vm);
  vm_define_native(vm, "fiber", nat_fiber, 1, "fiber(fn)\nA generator running fn, driven by resume() (not scheduled).");
  vm_define_native(vm, "chan", nat_chan, -1, "chan(n?)\nA channel with room for n values (default 0: unbuffered).");
  vm_define_native(vm, "sleep", nat_sleep, 1, "sleep(seconds)\nBlock this fiber for that long; others run meanwhile.");
  vm_define_native(vm, "select", nat_select, -1, "select(chans, timeout?)\n[index, value] of the first channel of the list ready to receive; nil when timeout seconds pass first (0: never block).");
  vm_define_native(vm, "after", nat_after, 1, "after(seconds)\nA channel that receives true once, that much later, and is then closed.");
  vm_define_native(vm, "timeout", nat_timeout, 2, "timeout(seconds, fn)\nfn() under a deadline: raises kind \"timeout\" at its wait points (and loops) once it has passed.");
  vm_define_native(vm, "current_fiber", nat_current_fiber, 0, "current_fiber()\nThe running fiber (the main fiber at top level).");
  vm_define_method(vm, &vm->fiber_methods, "join", fm_join, 1, "fiber.join()\nWait for the fiber to end; its result, or its error raised again.");
  vm_define_method(vm, &vm->fiber_methods, "resume", fiber_method_resume, -1, "fiber.resume(v?)\nRun the generator to its next yield and return the yielded value.");
  vm_define_method(vm, &vm->fiber_methods, "done", fm_done, 1, "fiber.done()\nWhether the fiber has finished.");
  vm_define_method(vm, &vm->fiber_methods, "cancel", fm_cancel, 1, "fiber.cancel()\nCancel the fiber: its current or next wait point raises kind \"cancelled\" (a suspended generator is closed).");
  vm_define_method(vm, &vm->fiber_methods, "close", fm_close, 1, "generator.close()\nRaise cancelled at the generator's yield so its finally blocks run; it is then done.");
  vm_define_method(vm, &vm->fiber_methods, "status", fm_status, 1, "fiber.status()\nOne of \"running\", \"ready\", \"blocked\", \"suspended\", \"done\".");
  vm_define_method(vm, &vm->channel_methods, "send", cm_send, 2, "channel.send(v)\nSend v, blocking until a receiver (or buffer room) takes it.");
  vm_define_method(vm, &vm->channel_methods, "recv", cm_recv, 1, "channel.recv()\nThe next value, blocking until one comes; nil once closed and empty.");
  vm_define_method(vm, &vm->channel_methods, "close", cm_close, 1, "channel.close()\nClose the channel: receivers drain it, then get nil.");
  vm_define_method(vm, &vm->channel_methods, "closed", cm_closed, 1, "channel.closed()\nWhether the channel was closed.");
}
