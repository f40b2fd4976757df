/* fiber.h — fibers, the scheduler and channels (LANGUAGE.md §8).
 *
 * Every fiber but the main one runs on its own C stack (coro/coro.c). A switch
 * is a direct hand-over from the running fiber to the next one: there is no
 * scheduler coroutine in between. The main fiber runs on the process stack. */
#ifndef GS_FIBER_H
#define GS_FIBER_H

#include "vm.h"

/* What a blocked fiber waits on (Fiber.wait_kind). */
typedef enum {
  WAIT_NONE, WAIT_SLEEP, WAIT_RECV, WAIT_SEND, WAIT_SELECT, WAIT_JOIN,
  WAIT_IMPORT, WAIT_OUTPUT, WAIT_PARK, WAIT_RESUME, WAIT_NATIVE, WAIT_IO, WAIT_POOL,
} WaitKind;
/* How a wait ended (Fiber.wake_reason). */
typedef enum { WAKE_OK, WAKE_CLOSED, WAKE_TIMER, WAKE_INTERRUPTED } WakeReason;
/* Raised at the fiber's next wait point (Fiber.pending). */
enum { PENDING_CANCEL = 1, PENDING_TIMEOUT = 2 };
/* Timer.kind */
enum { TIMER_WAIT, TIMER_DEADLINE, TIMER_AFTER };

/* One timeout(secs, fn) in force: lives in the C frame of the timeout call
 * and sits in the timer heap until it fires or fn ends. */
typedef struct Deadline {
  Timer timer;              /* first */
  struct Deadline *outer;
  Fiber *fiber;
  Value secs;               /* as given, for the message */
} Deadline;

void sched_init(VM *vm);
void sched_free(VM *vm);
void sched_mark(VM *vm);
Fiber *fiber_new_main(VM *vm);
void fiber_free(VM *vm, Fiber *f);
void fiber_mark(VM *vm, Fiber *f);
void channel_free(VM *vm, Obj *o);
void channel_mark(VM *vm, Obj *o);

/* spawn fn(args...) as a scheduled fiber; returns the fiber */
Value fiber_spawn(VM *vm, Value fn, int argc, Value *args);
/* `yield v`: to the resumer of a generator, or to the back of the run queue */
Value fiber_yield(VM *vm, Value v);
/* one step of `for v in fiber_or_channel`; false when exhausted */
bool fiber_iter_next(VM *vm, Value it, Value *out);
/* After the main script: run other fibers until all are done. Returns
 * SCHED_DEADLOCK (the message has been printed) or SCHED_INTERRUPTED when it
 * stops early. */
typedef enum { SCHED_DONE, SCHED_DEADLOCK, SCHED_INTERRUPTED } SchedEnd;
SchedEnd sched_run_all(VM *vm);
/* Run ready fibers until none is ready (the REPL between entries); timers
 * that are due are fired. */
void sched_run_ready(VM *vm);
/* nanoseconds until the next timer, or -1 if none */
int64_t sched_next_timer_ns(VM *vm);
/* Fibers that are blocked (for the deadlock message) */
int sched_blocked_count(VM *vm);
/* "deadlock: N fibers blocked" (singular for 1) into buf; returns its length */
int sched_deadlock_headline(int n, char *buf, size_t size);
int sched_live_count(VM *vm);
/* Print the errors of fibers that died unjoined (exit status becomes 1). */
void sched_report_failures(VM *vm);

/* host parking (gs.h): block the running fiber until fiber_wake */
Value fiber_park(VM *vm);
void fiber_wake(VM *vm, Fiber *f, Value v);
int64_t sched_now_ns(void);
void sched_sleep(VM *vm, double seconds);

void lib_fiber_open(VM *vm);
int channel_len(Value ch);            /* values buffered now */
/* Send without blocking (from a loop callback too): to a waiting receiver,
 * else into the buffer; false when it is full or closed. */
bool channel_offer(VM *vm, Value ch, Value v);
/* f.id, f.name, f.locals: false if name is none of them */
bool fiber_get_field(VM *vm, Fiber *f, ObjString *name, Value *out);
bool fiber_set_field(VM *vm, Fiber *f, ObjString *name, Value v);

/* Cancellation and deadlines (CONCURRENCY.md). fiber_wait_point starts
 * every wait point: it raises a pending cancel or timeout.
 * fiber_interrupt marks one pending in f and ends the wait f is blocked
 * in; fiber_raise_pending raises the running fiber's. */
void fiber_wait_point(VM *vm);
void fiber_interrupt(VM *vm, Fiber *f, int what, Value secs);
_Noreturn void fiber_raise_pending(VM *vm);
Value fiber_take_pending(VM *vm);     /* the pending error as a value, no longer pending */
/* Wait until f has finished (true); false with *err when the running
 * fiber's wait is interrupted (cancel, timeout) — taken, not raised. */
bool fiber_wait_done(VM *vm, Fiber *f, Value *err);
/* group.c */
typedef struct Group Group;
void lib_group_open(VM *vm);
void group_child_finished(VM *vm, Fiber *child, bool ok, Value result);
Fiber *group_owner(Group *g);
int64_t sched_deadline_after(double secs);
/* The interpreter saw VM_INTERRUPT_ALARM or _DUMP (bits): fire due timers
 * — a deadline of the running fiber raises here, even in a CPU loop — and
 * print the fiber table if asked. */
void sched_on_alarm(VM *vm, int bits);

/* A plain wait queue (linked through next_wait): fiber_wait blocks the
 * running fiber on it until fiber_wake_all makes every waiter ready; `kind`
 * (WAIT_IMPORT, WAIT_OUTPUT) says what for in a deadlock report or dump. */
/* fn(ud) with at least `bytes` of C stack below it: here, or on a new
 * segment of the running fiber's stack (gs_with_cstack) */
void fiber_with_cstack(VM *vm, size_t bytes, void (*fn)(void *ud), void *ud);
void fiber_wait(VM *vm, Fiber **queue, WaitKind kind);
void fiber_wake_all(VM *vm, Fiber **queue);
/* Makes ready the fiber that has waited longest on the queue and returns it
 * (NULL if the queue is empty); O(length of the queue). */
Fiber *fiber_wake_oldest(VM *vm, Fiber **queue);

/* For waits on the event loop (loop.c). fiber_block blocks the running
 * fiber (wait_on: what it waits on; limit_at >= 0 ends it with WAKE_TIMER,
 * after fiber_reserve_timer) and returns the wake reason without raising;
 * fiber_end_wait ends a blocked fiber's wait (detaching it) with a reason. */
void fiber_reserve_timer(VM *vm);
int fiber_block(VM *vm, int kind, void *on, int64_t limit_at);
void fiber_end_wait(VM *vm, Fiber *f, int reason);

/* The interpreter's own generator hand-over (interp.c, `fiber_switch`): for
 * `g.resume(v)`, `for v in g` and `yield v` between script frames it does
 * what fiber_resume and fiber_yield do, switching at one call site.
 * fiber_method_resume is the native behind `g.resume`, so the interpreter
 * can recognise it. After the switch back, the resumer finishes with
 * fiber_resume_finish (value of the resume; rethrows g's error) or
 * fiber_iter_finish (false once g has returned). */
typedef struct SchedAlarm {
  bool deadlock;   /* set by a fiber that found nothing to run, for main */
  bool abort;      /* a fiber was interrupted: main must stop the program */
} SchedAlarm;
/* Something main must act on when it runs again (the first member of the
 * scheduler, so the hand-over can test it without a call). */
static inline bool sched_alarm(VM *vm) {
  const SchedAlarm *a = (const SchedAlarm *)(const void *)vm->sched;
  return a->deadlock | a->abort;
}
Value fiber_method_resume(VM *vm, int argc, Value *args);
void fiber_unlink_live(VM *vm, Fiber *f);

/* f is about to become the running fiber (every switch to a fiber goes
 * through here): from now on it may write its stack above its top, which
 * the collector then clears again (fiber_mark). A fiber that has not run
 * since a collection cleared it keeps those slots nil: the next one skips
 * them, and does not touch the cache lines of thousands of idle stacks. */
static inline void fiber_enter(Fiber *f) { f->stack_clean = false; }

/* The bookkeeping of a generator hand-over, shared by fiber.c and the
 * dispatch loop's own switch. The caller then makes the other side the
 * running fiber and switches to it. */
/* self resumes the suspended generator g (g->transfer already set) */
static inline void fiber_begin_resume(Fiber *self, Fiber *g) {
  /* With many generators resumed in turn, g's stack is out of the cache:
   * request its switch frame and the interpreter frame above it, and its
   * innermost call frame (read right after the switch), now, all at once,
   * rather than one miss after the other once we are there. */
  coro_prefetch_resume(&g->coro, 4);
  if (g->nframes) __builtin_prefetch(&g->frames[g->nframes - 1]);
  fiber_enter(g);
  g->joined = true;
  g->resumer = self;
  self->state = FIBER_BLOCKED;
  self->wait_kind = WAIT_RESUME;
  self->wait_on = g;
}
/* the running generator self yields v: returns its resumer */
static inline Fiber *fiber_begin_yield(VM *vm, Fiber *self, Value v) {
  Fiber *r = self->resumer;
  fiber_enter(r);
  self->resumer = NULL;
  self->transfer = v;
  self->state = FIBER_SUSPENDED;
  if (self->in_all_list) fiber_unlink_live(vm, self);   /* live only while it blocked */
  return r;
}
/* back in the resumer: if g simply yielded, take its value */
static inline bool fiber_take_yielded(VM *vm, Fiber *g, Value *out) {
  if (g->state != FIBER_SUSPENDED || sched_alarm(vm)) return false;
  *out = g->transfer;
  g->transfer = NIL_VAL;
  return true;
}
/* If g is a new generator, give it its arguments for the first resume,
 * which the caller then makes like any other (true). */
bool fiber_first_resume(VM *vm, Fiber *g, int argc, Value *args);
Value fiber_resume_finish(VM *vm, Fiber *g);
bool fiber_iter_finish(VM *vm, Fiber *g, Value *out);
/* `yield` in a scheduled fiber (or main): queue the running fiber and return
 * the next one to run — the running one itself if nothing else is ready.
 * fiber_yield_resumed runs when the yielder gets the CPU back. */
Fiber *fiber_yield_next(VM *vm);
void fiber_yield_resumed(VM *vm);

#endif
