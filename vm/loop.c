/* loop.c — the VM's libuv loop: the scheduler's idle wait, fibers parked on
 * descriptors (readiness through uv_poll_t; the caller does its own
 * read/write) and on the thread pool, and the host's wake-up.
 *
 * A descriptor keeps one watcher for its whole life, and the watcher stays
 * armed after the wait that armed it ends: a reader that drains the socket
 * and waits again costs no epoll_ctl. An event that comes while nobody
 * waits for it disarms that direction (level-triggered polling would repeat
 * it forever), unless the fiber it woke has not run yet. The fibers one
 * pass of the loop wakes run in the order they began to wait. docs/io.md
 * has the measurements behind this. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uv.h>
#include "vm.h"
#include "fiber.h"
#include "loop.h"

typedef struct FdWatch {
  uv_poll_t poll;          /* first: the callback gets it */
  VM *vm;
  int fd;
  int polling;             /* LOOP_* events libuv watches now */
  int woken;               /* LOOP_* events whose waiter this watcher woke and that has not run yet */
  Fiber *reader, *writer;  /* waiting fibers (the same one for both) */
  uint64_t reader_since, writer_since;   /* their tickets: when they began to wait */
} FdWatch;

/* A fiber a descriptor made ready during one uv_run, woken after it. */
typedef struct Woken {
  uint64_t since;
  Fiber *fiber;
  int events;
} Woken;

typedef struct PoolJob {
  uv_work_t req;
  void (*work)(void *arg);
  void *arg;
  VM *vm;
  Fiber *fiber;            /* NULL once the fiber gave up on it (cancelled before it ran) */
  const void *key;         /* what the work uses (a FILE): one job at a time per key */
  struct PoolJob *next_keyed;
  bool done;
} PoolJob;

typedef struct Loop {
  uv_loop_t uv;
  uv_timer_t timer;        /* the first VM timer, during an idle wait */
  uv_async_t async;        /* loop_wakeup */
  FdWatch **watch;         /* by descriptor */
  int nwatch;
  int nwaiting;            /* fibers blocked on loop events */
  int holds;               /* libraries' watchers that may wake a fiber (loop_hold) */
  PoolJob *keyed;          /* queued or running jobs that have a key */
  bool closing;
  Coro coro;               /* runs uv_run when a fiber's own stack is short */
  bool has_coro;
  Coro *back;
  uv_run_mode mode;
  uint64_t tickets;        /* descriptor waits begun so far */
  Woken *woken;            /* fibers made ready by the uv_run under way */
  int nwoken, capwoken;
} Loop;

/* uv__io_poll keeps 1024 epoll events on its stack: a fiber with less
 * than this much C stack left runs the loop on a stack of the loop's own. */
#define LOOP_STACK_NEEDED ((size_t)48 * 1024)

/* The timer that bounds an idle wait stops the loop when it fires. libuv
 * 1.44 runs due timers at the top of uv_run, before the poll: if the
 * process lost the CPU for longer than the wait between starting the timer
 * and uv_run, the timer fired there and the poll, with no timer left, waited
 * forever (seen under valgrind on a loaded machine). uv_stop makes that
 * poll return at once. */
static void end_idle_wait(uv_timer_t *t) { uv_stop(t->loop); }
static void noop_async(uv_async_t *a) { (void)a; }

/* The VM's loop, made now if need be; NULL (and *err, a libuv error) if
 * it cannot be. */
static Loop *loop_make(VM *vm, int *err) {
  Loop *l = __atomic_load_n(&vm->loop, __ATOMIC_ACQUIRE);
  if (l) return l;
  *err = UV_ENOMEM;
  l = calloc(1, sizeof *l);
  if (!l) return NULL;
  if ((*err = uv_loop_init(&l->uv)) != 0) {
    free(l);
    return NULL;
  }
  l->uv.data = vm;
  uv_timer_init(&l->uv, &l->timer);
  if ((*err = uv_async_init(&l->uv, &l->async, noop_async)) != 0) {
    uv_close((uv_handle_t *)&l->timer, NULL);
    uv_run(&l->uv, UV_RUN_NOWAIT);
    uv_loop_close(&l->uv);
    free(l);
    return NULL;
  }
  uv_unref((uv_handle_t *)&l->async);   /* a wake-up that may come keeps nothing alive */
  __atomic_store_n(&vm->loop, l, __ATOMIC_RELEASE);
  return l;
}

static Loop *loop_get(VM *vm) {
  int err;
  Loop *l = loop_make(vm, &err);
  if (l) return l;
  if (err == UV_ENOMEM) vm_throw(vm, "out of memory");
  vm_throw_kind(vm, err == UV_EMFILE || err == UV_ENFILE ? "too_many_files" : "io", "event loop: %s", uv_strerror(err));
}

bool loop_has_waiters(VM *vm) { return vm->loop && (vm->loop->nwaiting > 0 || vm->loop->holds > 0); }

bool loop_only_held(VM *vm) { return vm->loop && vm->loop->nwaiting == 0 && vm->loop->holds > 0; }

static void loop_coro_main(void *arg) {
  Loop *l = arg;
  for (;;) {
    uv_run(&l->uv, l->mode);
    coro_switch(&l->coro, l->back);
  }
}

static int by_since(const void *a, const void *b) {
  uint64_t x = ((const Woken *)a)->since, y = ((const Woken *)b)->since;
  return (x > y) - (x < y);
}

/* The fibers descriptors made ready join the run queue in the order they
 * began to wait, not in the kernel's: a level-triggered epoll reports
 * first the descriptors it reported last time, so at a thousand busy
 * connections those served early in a round were served early again and
 * the rest waited up to two rounds (docs/io.md, "Fairness"). */
static void wake_in_order(VM *vm, Loop *l) {
  int n = l->nwoken;
  l->nwoken = 0;
  for (int i = 1; i < n; i++)
    if (l->woken[i].since < l->woken[i - 1].since) {
      qsort(l->woken, (size_t)n, sizeof *l->woken, by_since);
      break;
    }
  for (int i = 0; i < n; i++) {
    Fiber *f = l->woken[i].fiber;
    f->transfer = INT_VAL(l->woken[i].events);
    fiber_end_wait(vm, f, WAKE_OK);
  }
}

/* uv_run on the running fiber's stack, or on the loop's own if short */
static void run_loop(VM *vm, Loop *l, uv_run_mode mode) {
  Coro *self = &vm->fiber->coro;
  if (coro_stack_remaining(self) >= LOOP_STACK_NEEDED) {
    uv_run(&l->uv, mode);
  } else if (!l->has_coro && !coro_create(&l->coro, 256 * 1024, loop_coro_main, l)) {
    uv_run(&l->uv, mode);   /* no memory for a stack: try where we are */
  } else {
    l->has_coro = true;
    l->mode = mode;
    l->back = self;
    coro_switch(self, &l->coro);
  }
  wake_in_order(vm, l);
}

void loop_idle(VM *vm, int64_t wait_ns) {
  Loop *l = vm->loop;
  /* A short timer wait with no descriptor to watch: the kernel's sleep is
   * precise to the microsecond, libuv's timers to the millisecond. */
  if (!l || (l->nwaiting == 0 && wait_ns >= 0 && wait_ns < 1000000)) {
    if (wait_ns <= 0) return;
    struct timespec ts = {wait_ns / 1000000000LL, wait_ns % 1000000000LL};
    nanosleep(&ts, NULL);
    return;
  }
  if (wait_ns >= 0) {
    uv_update_time(&l->uv);   /* the timer counts from the loop's cached now */
    uv_timer_start(&l->timer, end_idle_wait, (uint64_t)((wait_ns + 999999) / 1000000), 0);
  }
  run_loop(vm, l, UV_RUN_ONCE);
  if (wait_ns >= 0) uv_timer_stop(&l->timer);
}

void loop_poll(VM *vm) {
  Loop *l = vm->loop;
  if (l) run_loop(vm, l, UV_RUN_NOWAIT);
}

void loop_wakeup(VM *vm) {
  Loop *l = __atomic_load_n(&vm->loop, __ATOMIC_ACQUIRE);
  if (l) uv_async_send(&l->async);
}

void *loop_uv(VM *vm) { return &loop_get(vm)->uv; }

void loop_hold(VM *vm, bool hold) {
  Loop *l = hold ? loop_get(vm) : vm->loop;
  if (l) l->holds += hold ? 1 : -1;
}

int loop_backend_fd(VM *vm) {
  int err;
  Loop *l = loop_make(vm, &err);
  return l ? uv_backend_fd(&l->uv) : -1;
}

/* ---- descriptors -------------------------------------------------------- */

static int uv_events(int ev) {
  return (ev & LOOP_READABLE ? UV_READABLE : 0) | (ev & LOOP_WRITABLE ? UV_WRITABLE : 0);
}

static void free_watch(uv_handle_t *h) { free(h); }

static FdWatch *watch_get(VM *vm, Loop *l, int fd) {
  if (fd < l->nwatch && l->watch[fd]) return l->watch[fd];
  if (fd >= l->nwatch) {
    int n = l->nwatch ? l->nwatch : 64;
    while (n <= fd) n *= 2;
    FdWatch **t = realloc(l->watch, sizeof *t * (size_t)n);
    if (!t) vm_throw(vm, "out of memory");
    memset(t + l->nwatch, 0, sizeof *t * (size_t)(n - l->nwatch));
    l->watch = t;
    l->nwatch = n;
  }
  FdWatch *w = calloc(1, sizeof *w);
  if (!w) vm_throw(vm, "out of memory");
  /* uv_poll_init makes the descriptor non-blocking, which changes the open
   * file description for everyone sharing it: standard input shared with the
   * shell's terminal would stay non-blocking after we exit. Our callers wait
   * for readiness before they read or write, so the descriptor keeps the
   * mode it came with. */
  int flags = fcntl(fd, F_GETFL);
  int rc = uv_poll_init(&l->uv, &w->poll, fd);
  if (!rc && flags >= 0 && !(flags & O_NONBLOCK)) fcntl(fd, F_SETFL, flags);
  if (rc) {
    free(w);
    vm_throw_kind(vm, "io", "wait on descriptor %d: %s", fd, uv_strerror(rc));
  }
  w->vm = vm;
  w->fd = fd;
  l->watch[fd] = w;
  return w;
}

static void arm(FdWatch *w, int want);

/* f stays blocked (its wait detached from the watcher) until the uv_run
 * under way returns: then wake_in_order runs it; at once if no memory. */
static void wake_later(VM *vm, Fiber *f, uint64_t since, int events) {
  Loop *l = vm->loop;
  if (l->nwoken == l->capwoken) {
    int nc = l->capwoken ? l->capwoken * 2 : 64;
    Woken *t = realloc(l->woken, sizeof *t * (size_t)nc);
    if (!t) {
      f->transfer = INT_VAL(events);
      fiber_end_wait(vm, f, WAKE_OK);
      return;
    }
    l->woken = t;
    l->capwoken = nc;
  }
  l->woken[l->nwoken++] = (Woken){since, f, events};
}

static void on_poll(uv_poll_t *h, int status, int uvev) {
  FdWatch *w = (FdWatch *)h;
  VM *vm = w->vm;
  int ev = LOOP_READABLE | LOOP_WRITABLE;   /* an error: let the caller's syscall say which */
  if (status >= 0) {
    ev = 0;
    if (uvev & (UV_READABLE | UV_DISCONNECT)) ev |= LOOP_READABLE;
    if (uvev & UV_WRITABLE) ev |= LOOP_WRITABLE;
  }
  Fiber *r = ev & LOOP_READABLE ? w->reader : NULL;
  Fiber *wr = ev & LOOP_WRITABLE ? w->writer : NULL;
  /* A fiber this watcher woke is still in the run queue: the event repeats
   * only until it runs, and disarming now would cost an epoll_ctl twice and
   * send the descriptor to the back of the kernel's ready list. */
  int idle = ev & ~((w->reader ? LOOP_READABLE : 0) | (w->writer ? LOOP_WRITABLE : 0) | w->woken);
  if (r) {
    bool both = r == w->writer;
    w->reader = NULL;
    if (both) w->writer = NULL;
    w->woken |= both ? LOOP_READABLE | LOOP_WRITABLE : LOOP_READABLE;
    wake_later(vm, r, w->reader_since, ev & (both ? LOOP_READABLE | LOOP_WRITABLE : LOOP_READABLE));
  }
  if (wr && wr != r) {
    w->writer = NULL;
    w->woken |= LOOP_WRITABLE;
    wake_later(vm, wr, w->writer_since, ev & LOOP_WRITABLE);
  }
  if (idle) arm(w, w->polling & ~idle);
}

static void arm(FdWatch *w, int want) {
  if (want == w->polling) return;
  int rc = want ? uv_poll_start(&w->poll, uv_events(want), on_poll) : uv_poll_stop(&w->poll);
  if (rc == 0) w->polling = want;
}

/* the wait's detach (fiber.c): whatever ended it */
static void fd_detach(VM *vm, Fiber *f) {
  FdWatch *w = f->wait_on;
  if (w->reader == f) w->reader = NULL;
  if (w->writer == f) w->writer = NULL;
  vm->loop->nwaiting--;
  /* (on_poll may have let go of the slot already) the writers queued behind
   * a wait on standard output try again (stdout_room.c) */
  if (w->fd == fileno(stdout)) fiber_wake_all(vm, &vm->out_queue);
}

int loop_wait_fd(VM *vm, int fd, int events, int64_t limit_at) {
  fiber_wait_point(vm);
  events &= LOOP_READABLE | LOOP_WRITABLE;
  if (fd < 0) vm_throw(vm, "wait on descriptor %d: not a descriptor", fd);
  if (!events) vm_throw(vm, "wait on descriptor %d: no events to wait for", fd);
  if (limit_at >= 0) fiber_reserve_timer(vm);
  Loop *l = loop_get(vm);
  FdWatch *w = watch_get(vm, l, fd);
  if (((events & LOOP_READABLE) && w->reader) || ((events & LOOP_WRITABLE) && w->writer))
    vm_throw_kind(vm, "busy", "descriptor %d: another fiber is already waiting for it", fd);
  int want = w->polling | events;
  if (want != w->polling) {
    int rc = uv_poll_start(&w->poll, uv_events(want), on_poll);
    if (rc) vm_throw_kind(vm, "io", "wait on descriptor %d: %s", fd, uv_strerror(rc));
    w->polling = want;
  }
  Fiber *self = vm->fiber;
  uint64_t ticket = ++l->tickets;
  if (events & LOOP_READABLE) w->reader = self, w->reader_since = ticket;
  if (events & LOOP_WRITABLE) w->writer = self, w->writer_since = ticket;
  l->nwaiting++;
  self->wait_detach_hook = fd_detach;
  int reason = fiber_block(vm, WAIT_IO, w, limit_at);
  /* w itself may be gone (closed meanwhile): look the descriptor up again */
  if (fd < l->nwatch && l->watch[fd]) l->watch[fd]->woken &= ~events;
  switch (reason) {
    case WAKE_OK: {
      int ev = (int)AS_INT(self->transfer);
      self->transfer = NIL_VAL;
      return ev;
    }
    case WAKE_TIMER: return 0;
    case WAKE_CLOSED: return -1;
    default: fiber_raise_pending(vm);
  }
}

bool loop_fd_busy(VM *vm, int fd, int events) {
  Loop *l = vm->loop;
  if (!l || fd < 0 || fd >= l->nwatch || !l->watch[fd]) return false;
  FdWatch *w = l->watch[fd];
  return ((events & LOOP_READABLE) && w->reader) || ((events & LOOP_WRITABLE) && w->writer);
}

void loop_forget_fd(VM *vm, int fd) {
  Loop *l = vm->loop;
  if (!l || fd < 0 || fd >= l->nwatch || !l->watch[fd]) return;
  FdWatch *w = l->watch[fd];
  l->watch[fd] = NULL;
  if (w->reader) fiber_end_wait(vm, w->reader, WAKE_CLOSED);
  if (w->writer) fiber_end_wait(vm, w->writer, WAKE_CLOSED);
  uv_close((uv_handle_t *)&w->poll, free_watch);
}

void loop_describe_wait(void *on, char *buf, size_t size) {
  FdWatch *w = on;
  const char *what = w->reader && w->reader == w->writer ? "read/write" : w->reader ? "read" : "write";
  snprintf(buf, size, "%s on descriptor %d", what, w->fd);
}

/* ---- the thread pool ------------------------------------------------------ */

static void pool_work(uv_work_t *req) {
  PoolJob *j = (PoolJob *)req;
  j->work(j->arg);
}

static void pool_after(uv_work_t *req, int status) {
  (void)status;
  PoolJob *j = (PoolJob *)req;
  Loop *l = j->vm->loop;
  l->nwaiting--;
  for (PoolJob **p = &l->keyed; *p; p = &(*p)->next_keyed)
    if (*p == j) {
      *p = j->next_keyed;
      break;
    }
  j->done = true;
  if (!j->fiber || l->closing) {
    free(j);
    return;
  }
  Fiber *f = j->fiber;
  if (f->state == FIBER_BLOCKED && f->wait_kind == WAIT_POOL && f->wait_on == j) fiber_end_wait(j->vm, f, WAKE_OK);
}

bool loop_key_busy(VM *vm, const void *key) {
  for (PoolJob *j = vm->loop ? vm->loop->keyed : NULL; j; j = j->next_keyed)
    if (j->key == key) return true;
  return false;
}

bool loop_run_blocking(VM *vm, const void *key, void (*work)(void *arg), void *arg) {
  fiber_wait_point(vm);
  Loop *l = loop_get(vm);
  if (key && loop_key_busy(vm, key)) vm_throw_kind(vm, "busy", "another fiber is using it");
  PoolJob *j = calloc(1, sizeof *j);
  if (!j) vm_throw(vm, "out of memory");
  j->work = work;
  j->arg = arg;
  j->vm = vm;
  j->fiber = vm->fiber;
  if (uv_queue_work(&l->uv, &j->req, pool_work, pool_after)) {
    free(j);
    return false;
  }
  l->nwaiting++;
  if (key) {
    j->key = key;
    j->next_keyed = l->keyed;
    l->keyed = j;
  }
  bool interrupted = false;
  while (!j->done) {
    if (fiber_block(vm, WAIT_POOL, j, -1) != WAKE_INTERRUPTED || interrupted) continue;
    interrupted = true;
    if (uv_cancel((uv_req_t *)&j->req) == 0) {   /* it never started: pool_after frees it */
      j->fiber = NULL;
      fiber_raise_pending(vm);
    }
    /* running: arg is in use until it ends, so we wait for it */
  }
  free(j);
  if (vm->fiber->pending) fiber_raise_pending(vm);
  return true;
}

/* ---- the end ---------------------------------------------------------------- */

/* A library's handle still open at the end (a child still running, a
 * signal watcher): closed without a callback, its memory is the library's. */
static void close_left_open(uv_handle_t *h, void *arg) {
  (void)arg;
  if (!uv_is_closing(h)) uv_close(h, NULL);
}

void loop_free(VM *vm) {
  Loop *l = vm->loop;
  if (!l) return;
  l->closing = true;
  for (int fd = 0; fd < l->nwatch; fd++)
    if (l->watch[fd]) uv_close((uv_handle_t *)&l->watch[fd]->poll, free_watch);
  uv_close((uv_handle_t *)&l->timer, NULL);
  uv_close((uv_handle_t *)&l->async, NULL);
  uv_walk(&l->uv, close_left_open, NULL);
  /* pool work still running uses its fiber's stack: let it finish first */
  uv_run(&l->uv, UV_RUN_DEFAULT);
  uv_loop_close(&l->uv);
  if (l->has_coro) coro_destroy(&l->coro);
  free(l->watch);
  free(l->woken);
  free(l);
  vm->loop = NULL;
}
