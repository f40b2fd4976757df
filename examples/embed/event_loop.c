/* event_loop.c — a host with its own event loop (poll + timers) driving
 * GreenScript fibers.
 *
 * Scripts call two host functions that do not block the process. Each parks
 * the calling fiber (gs_park) and hands the host a token (gs_current_fiber);
 * the host finishes the work in its own loop and wakes the fiber with the
 * result (gs_wake):
 *
 *   delay(ms)   a host timer (the host keeps its own timer list)
 *   ask(n)      a request to a "service" across a pipe: the host writes the
 *               request, poll() reports the pipe readable, the host reads it
 *               back and answers n * n (n < 0 is answered with an error,
 *               raised in the script by the native after it wakes)
 *
 * The script spawns many fibers that all wait at once; they also use the
 * VM's own sleep(), so the loop's poll timeout is the earlier of the host's
 * next timer and gs_next_timer_ns(). The loop runs the scheduler one slice at
 * a time (gs_run_ready) between polls.
 *
 *   cc -Iinclude examples/embed/event_loop.c build/libgs.a -luv -lpcre2-8 -lm -o event_loop
 *   ./event_loop [fibers]      (default 200, at most 4000: every request of
 *                              a slice must fit in the pipe's buffer)
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "gs.h"

/* ---- the host's state (reached from natives through gs_user_data) ----------- */

typedef struct {
  int64_t due_ns;
  gs_handle *fiber;
} Timer;

typedef struct {
  int64_t id, n;
  gs_handle *fiber;
} Request;

typedef struct {
  Timer *timers;            /* unsorted; a real host would use a heap */
  int ntimers, captimers;
  Request *requests;        /* sent, waiting for their answer */
  int nrequests, caprequests;
  int pipe_rd, pipe_wr;     /* the "service": requests go out and come back */
  int64_t next_id;
  int waiting, max_waiting; /* fibers parked right now, and the most at once */
  int64_t polls, slices;
} Host;

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void *grow(void *p, int *cap, size_t elem) {
  int nc = *cap ? *cap * 2 : 64;
  void *q = realloc(p, (size_t)nc * elem);
  if (!q) {
    perror("realloc");
    exit(1);
  }
  *cap = nc;
  return q;
}

static void parked(Host *h) {
  if (++h->waiting > h->max_waiting) h->max_waiting = h->waiting;
}

/* ---- natives ------------------------------------------------------------------ */

/* delay(ms): park until the host's timer fires. */
static void nat_delay(gs_vm *vm, int argc) {
  (void)argc;
  Host *h = gs_user_data(vm);
  int64_t ms = gs_get_int(vm, 0);
  if (ms < 0) gs_error(vm, "delay: negative time %lld", (long long)ms);
  if (h->ntimers == h->captimers) h->timers = grow(h->timers, &h->captimers, sizeof(Timer));
  h->timers[h->ntimers++] = (Timer){now_ns() + ms * 1000000, gs_current_fiber(vm)};
  parked(h);
  gs_park(vm, -1);   /* returns when the host wakes us; nil result */
}

/* ask(n): send a request; park until the answer arrives. */
static void nat_ask(gs_vm *vm, int argc) {
  (void)argc;
  Host *h = gs_user_data(vm);
  int64_t n = gs_get_int(vm, 0);
  if (h->nrequests == h->caprequests) h->requests = grow(h->requests, &h->caprequests, sizeof(Request));
  Request r = {h->next_id++, n, gs_current_fiber(vm)};
  h->requests[h->nrequests++] = r;
  char line[64];
  int len = snprintf(line, sizeof line, "%lld %lld\n", (long long)r.id, (long long)n);
  if (write(h->pipe_wr, line, (size_t)len) != len) gs_error(vm, "ask: cannot send: %s", strerror(errno));
  parked(h);
  gs_ensure_slots(vm, 2);
  gs_park(vm, 1);   /* the answer lands in slot 1 */
  /* Raising after the park is fine: the error unwinds this fiber only. */
  if (gs_get_type(vm, 1) == GS_STRING) gs_error(vm, "ask(%lld): %s", (long long)n, gs_get_string(vm, 1, NULL));
  gs_return_slot(vm, 1);
}

/* ---- the loop's work ------------------------------------------------------------- */

/* Wake the fibers whose timers are due. */
static void fire_timers(gs_vm *vm, Host *h) {
  int64_t now = now_ns();
  for (int i = 0; i < h->ntimers;) {
    if (h->timers[i].due_ns <= now) {
      gs_wake(vm, h->timers[i].fiber, -1);
      gs_release(vm, h->timers[i].fiber);
      h->timers[i] = h->timers[--h->ntimers];
      h->waiting--;
    } else {
      i++;
    }
  }
}

/* The pipe is readable: the service answers every request it reads. */
static void serve(gs_vm *vm, Host *h) {
  static char buf[65536];
  static size_t have;
  ssize_t got = read(h->pipe_rd, buf + have, sizeof buf - 1 - have);
  if (got <= 0) return;
  have += (size_t)got;
  buf[have] = '\0';
  char *line = buf, *nl;
  gs_ensure_slots(vm, 1);
  while ((nl = strchr(line, '\n'))) {
    *nl = '\0';
    long long id, n;
    if (sscanf(line, "%lld %lld", &id, &n) == 2) {
      for (int i = 0; i < h->nrequests; i++) {
        if (h->requests[i].id != id) continue;
        if (n < 0) gs_set_cstring(vm, 0, "negative input");   /* an error answer */
        else gs_set_int(vm, 0, n * n);
        gs_wake(vm, h->requests[i].fiber, 0);
        gs_release(vm, h->requests[i].fiber);
        h->requests[i] = h->requests[--h->nrequests];
        h->waiting--;
        break;
      }
    }
    line = nl + 1;
  }
  have = strlen(line);
  memmove(buf, line, have);
}

/* Milliseconds poll() may sleep: until the first host timer or VM timer;
 * 0 if fibers are ready; -1 (forever) if only the service can wake us. */
static int poll_timeout_ms(gs_vm *vm, Host *h) {
  int64_t t = gs_next_timer_ns(vm);   /* 0: ready fibers; -1: no VM timer */
  int64_t now = now_ns();
  for (int i = 0; i < h->ntimers; i++) {
    int64_t d = h->timers[i].due_ns - now;
    if (d < 0) d = 0;
    if (t < 0 || d < t) t = d;
  }
  if (t < 0) return -1;
  return (int)((t + 999999) / 1000000);
}

static const char *script =
    "let done = 0\n"
    "let total = 0\n"
    "let failures = []\n"
    "fn worker(i) {\n"
    "  if i % 2 == 0 { sleep(0.001 * (i % 7)) }   # the VM's own timers\n"
    "  delay(i % 13)                              # a host timer\n"
    "  let sq = ask(i)                            # host I/O\n"
    "  return sq\n"
    "}\n"
    "fn start(n) {\n"
    "  for i in 0..n {\n"
    "    spawn {\n"
    "      let sq = worker(i)   # not `total += worker(i)`: total would be read before the wait\n"
    "      total += sq\n"
    "      done += 1\n"
    "    }\n"
    "  }\n"
    "  spawn {\n"
    "    try { ask(-1) } catch e { failures.push(e.message) }\n"
    "  }\n"
    "}\n"
    "fn report(n) {\n"
    "  print(\"fibers done: ${done} of ${n}\")\n"
    "  print(\"sum of squares: ${total}\")\n"
    "  print(\"errors: ${failures}\")\n"
    "}\n";

int main(int argc, char **argv) {
  int nfibers = argc > 1 ? atoi(argv[1]) : 200;
  if (nfibers < 1) nfibers = 1;
  if (nfibers > 4000) nfibers = 4000;
  Host host;
  memset(&host, 0, sizeof host);
  int fds[2];
  if (pipe(fds) != 0) {
    perror("pipe");
    return 1;
  }
  host.pipe_rd = fds[0];
  host.pipe_wr = fds[1];

  gs_config cfg;
  gs_config_init(&cfg);
  cfg.user_data = &host;
  cfg.fiber_stack_size = 64 * 1024;   /* small stacks: many fibers */
  gs_vm *vm = gs_new(&cfg);
  if (!vm) return 1;
  gs_register(vm, "delay", nat_delay, 1);
  gs_register(vm, "ask", nat_ask, 1);

  gs_status st = gs_run_string(vm, "event_loop.gs", script, strlen(script));
  gs_ensure_slots(vm, 2);
  if (st == GS_OK) {
    gs_get_global(vm, "start", 0);
    gs_set_int(vm, 1, nfibers);
    st = gs_call(vm, 0, 1);   /* spawns the fibers; none has run yet */
  }
  if (st != GS_OK) {
    fprintf(stderr, "error: %s\n", gs_error_message(vm));
    gs_free(vm);
    return 1;
  }

  /* The host's loop. */
  for (;;) {
    int live = gs_run_ready(vm);   /* one slice: every ready fiber runs once */
    host.slices++;
    if (live < 0) {   /* gs_interrupt (from a watchdog, a signal handler...) */
      fprintf(stderr, "%s\n", gs_error_message(vm));
      break;
    }
    if (live == 0) break;
    struct pollfd p = {host.pipe_rd, POLLIN, 0};
    int r = poll(&p, 1, poll_timeout_ms(vm, &host));
    host.polls++;
    if (r < 0 && errno != EINTR) {
      perror("poll");
      break;
    }
    if (r > 0 && (p.revents & POLLIN)) serve(vm, &host);
    fire_timers(vm, &host);
  }

  gs_get_global(vm, "report", 0);
  gs_set_int(vm, 1, nfibers);
  if (gs_call(vm, 0, 1) != GS_OK) fprintf(stderr, "report: %s\n", gs_error_message(vm));
  printf("most fibers waiting on the host at once: %s\n", host.max_waiting >= nfibers / 2 ? "at least half" : "fewer than half");
  fprintf(stderr, "(%d fibers, max %d parked at once, %lld slices, %lld polls)\n", nfibers, host.max_waiting,
          (long long)host.slices, (long long)host.polls);

  gs_free(vm);
  free(host.timers);
  free(host.requests);
  close(fds[0]);
  close(fds[1]);
  return 0;
}
