/* test_api_fibers.c — fibers from C: yielding natives at any depth, parking
 * and waking from the host, spawning, host-driven scheduling.
 * Covers: gs_yield gs_yield_value gs_current_fiber gs_park gs_wake gs_spawn
 * gs_dump_fibers
 * gs_run_fibers gs_run_ready gs_next_timer_ns (and gs_call/gs_get_field on
 * fibers). */
#include <stdint.h>
#include <time.h>
#include "tap.h"

/* ---- natives --------------------------------------------------------------- */

/* note(x): print-free trace of who ran when */
static char trace[4096];
static void n_note(gs_vm *vm, int argc) {
  (void)argc;
  size_t len;
  const char *s = gs_get_string(vm, 0, &len);
  strncat(trace, s, sizeof trace - strlen(trace) - 2);
  strcat(trace, " ");
}

/* yield_n(n, tag): yields n times from C, noting the tag each time; its C
 * locals and slots must survive */
static void n_yield_n(gs_vm *vm, int argc) {
  (void)argc;
  int64_t n = gs_get_int(vm, 0);
  char local[32];
  snprintf(local, sizeof local, "%s", gs_get_string(vm, 1, NULL));
  gs_ensure_slots(vm, 3);
  gs_new_list(vm, 2);   /* a value kept in a slot across the yields */
  for (int64_t i = 0; i < n; i++) {
    strcat(trace, local);
    strcat(trace, " ");
    gs_set_int(vm, 0, i);
    gs_list_push(vm, 2, 0);
    gs_yield(vm);
  }
  gs_return_slot(vm, 2);
}

/* through(fn, args...): calls fn(args...) from C and returns its result:
 * script -> C -> script, so a yield inside fn is two C levels deep */
static void n_through(gs_vm *vm, int argc) {
  if (gs_call(vm, 0, argc - 1) != GS_OK) gs_error(vm, "through: %s", gs_error_message(vm));
  gs_return_slot(vm, 0);
}

/* emit(v): in a generator, yields v to the resumer and returns what the
 * next resume() passes */
static void n_emit(gs_vm *vm, int argc) {
  (void)argc;
  gs_ensure_slots(vm, 2);
  gs_yield_value(vm, 0, 1);
  gs_return_slot(vm, 1);
}

/* ---- parking: a host "job queue" ----------------------------------------- */

#define MAX_JOBS 2000
static gs_handle *jobs[MAX_JOBS];
static int64_t job_arg[MAX_JOBS];
static int njobs;

/* request(x): parks the fiber; the host completes the job later and wakes it
 * with x * 2 */
static void n_request(gs_vm *vm, int argc) {
  (void)argc;
  if (njobs == MAX_JOBS) gs_error(vm, "too many jobs");
  int64_t x = gs_get_int(vm, 0);   /* plain C data: fine across the park */
  jobs[njobs] = gs_current_fiber(vm);
  job_arg[njobs] = x;
  njobs++;
  gs_ensure_slots(vm, 2);
  gs_park(vm, 1);
  int64_t got = gs_get_int(vm, 1);
  if (got != x * 2) gs_error(vm, "request: woke with %lld for %lld", (long long)got, (long long)x);
  gs_return_slot(vm, 1);
}

/* complete every pending job from the host */
static int complete_jobs(gs_vm *vm) {
  int n = njobs;
  gs_ensure_slots(vm, 1);
  for (int i = 0; i < n; i++) {
    gs_set_int(vm, 0, job_arg[i] * 2);
    if (!gs_wake(vm, jobs[i], 0)) tap_diag("wake %d failed", i);
    gs_release(vm, jobs[i]);
  }
  njobs = 0;
  return n;
}

/* wake_first(v): a native waking a parked fiber (no host involved) */
static void n_wake_first(gs_vm *vm, int argc) {
  (void)argc;
  if (!njobs) gs_error(vm, "nobody parked");
  bool ok = gs_wake(vm, jobs[0], 0);
  gs_release(vm, jobs[0]);
  memmove(jobs, jobs + 1, sizeof jobs[0] * (size_t)(njobs - 1));
  memmove(job_arg, job_arg + 1, sizeof job_arg[0] * (size_t)(njobs - 1));
  njobs--;
  gs_return_bool(vm, ok);
}

static void n_park_plain(gs_vm *vm, int argc) {
  (void)argc;
  gs_park(vm, -1);
  gs_return_cstring(vm, "unparked");
}

static void n_run_ready(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_int(vm, gs_run_ready(vm));
}
static void n_run_fibers(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_int(vm, (int)gs_run_fibers(vm));
}
static void n_next_timer(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_int(vm, gs_next_timer_ns(vm));
}

static gs_vm *fiber_vm(Capture *c) {
  gs_vm *vm = new_captured_vm(c);
  gs_register(vm, "note", n_note, 1);
  gs_register(vm, "yield_n", n_yield_n, 2);
  gs_register(vm, "through", n_through, -1);
  gs_register(vm, "emit", n_emit, 1);
  gs_register(vm, "request", n_request, 1);
  gs_register(vm, "wake_first", n_wake_first, 1);
  gs_register(vm, "park_plain", n_park_plain, 0);
  gs_register(vm, "run_ready", n_run_ready, 0);
  gs_register(vm, "run_fibers", n_run_fibers, 0);
  gs_register(vm, "next_timer", n_next_timer, 0);
  return vm;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void) {
  Capture c;
  gs_vm *vm = fiber_vm(&c);

  /* gs_yield in natives, directly and two C levels deep, interleaving */
  trace[0] = '\0';
  CHECK(run(vm,
            "let a = spawn yield_n(3, \"a\")\n"
            "let b = spawn through(fn(n, t) => yield_n(n, t), 3, \"b\")\n"
            "let c = spawn through(through, fn() { note(\"c1\"); yield; note(\"c2\") })\n") == GS_OK,
        "spawned three fibers");
  CHECK(gs_run_fibers(vm) == GS_OK, "gs_run_fibers: all done");
  CHECK(strcmp(trace, "a b c1 a b c2 a b ") == 0, "gs_yield at any depth interleaves the fibers (%s)", trace);
  cap_reset(&c);
  CHECK(run(vm, "print(a.join(), b.join(), c.join())") == GS_OK && strcmp(c.out, "[0, 1, 2] [0, 1, 2] nil\n") == 0,
        "slots kept values across the yields (%s)", c.out);

  /* generators: gs_yield hands nil, gs_yield_value values both ways */
  cap_reset(&c);
  CHECK(run(vm,
            "let g = fiber(fn() { let r = emit(1); let s = emit(r + 1); return s * 100 })\n"
            "let x = g.resume()\n"
            "let y = g.resume(10)\n"
            "let z = g.resume(7)\n"
            "print(x, y, z, g.done())\n"
            "let h = fiber(fn() { through(yield_n, 2, \"h\"); return \"end\" })\n"
            "print(h.resume(), h.resume(), h.resume(), h.done())\n"
            "let items = []\n"
            "for v in fiber(fn() { for i in 0..3 { through(emit, i * i) } }) { items.push(v) }\n"
            "print(items)\n") == GS_OK &&
            strcmp(c.out, "1 11 700 true\nnil nil end true\n[0, 1, 4]\n") == 0,
        "gs_yield / gs_yield_value inside generators, through C (%s)", c.out);

  /* parking from natives, waking from the host */
  njobs = 0;
  cap_reset(&c);
  CHECK(run(vm,
            "let total = 0\n"
            "let done = 0\n"
            "for i in 0..500 { spawn { let v = through(request, i); total += v; done += 1 } }\n") == GS_OK,
        "500 fibers will park");
  CHECK(gs_next_timer_ns(vm) == 0, "gs_next_timer_ns is 0 while fibers are ready");
  int live = gs_run_ready(vm);
  CHECK(live == 500 && njobs == 500, "one slice: all 500 parked (live %d, jobs %d)", live, njobs);
  CHECK(gs_next_timer_ns(vm) == -1, "gs_next_timer_ns is -1 when only the host can wake fibers");
  CHECK(gs_run_fibers(vm) == GS_OK, "gs_run_fibers returns GS_OK when only parked fibers are left");
  gs_ensure_slots(vm, 2);
  gs_get_global(vm, "done", 0);
  CHECK(gs_get_int(vm, 0) == 0, "nothing ran past the park");
  CHECK(complete_jobs(vm) == 500, "the host completes 500 jobs");
  CHECK(gs_next_timer_ns(vm) == 0, "woken fibers are ready");
  live = gs_run_ready(vm);
  CHECK(live == 0, "one slice runs them to the end (live %d)", live);
  gs_get_global(vm, "total", 0);
  gs_get_global(vm, "done", 1);
  CHECK(gs_get_int(vm, 0) == 2 * (499 * 500 / 2) && gs_get_int(vm, 1) == 500, "every fiber got its value (total %lld)",
        (long long)gs_get_int(vm, 0));

  /* gs_wake's result */
  {
    njobs = 0;
    run(vm, "let pf = spawn park_plain()\n");
    gs_run_ready(vm);
    gs_ensure_slots(vm, 3);
    gs_get_global(vm, "pf", 0);
    gs_handle *fh = gs_get_handle(vm, 0);   /* a handle to a fiber value works as a token too */
    gs_set_cstring(vm, 1, "v");
    CHECK(gs_wake(vm, fh, 1), "gs_wake of a parked fiber: true");
    CHECK(!gs_wake(vm, fh, 1), "gs_wake again before it ran: false");
    gs_run_ready(vm);
    CHECK(!gs_wake(vm, fh, -1), "gs_wake of a finished fiber: false");
    gs_get_field(vm, 0, "join", 1);
    CHECK(gs_call(vm, 1, 0) == GS_OK && strcmp(gs_get_string(vm, 1, NULL), "unparked") == 0, "joined from the host");
    gs_release(vm, fh);
    gs_handle *mh = gs_current_fiber(vm);
    CHECK(mh != NULL && !gs_wake(vm, mh, -1), "gs_current_fiber from host code: the main fiber, not parked");
    gs_set_handle(vm, 0, mh);
    CHECK(gs_get_type(vm, 0) == GS_FIBER, "... a fiber value");
    gs_release(vm, mh);
    gs_set_int(vm, 0, 3);
    gs_handle *ih = gs_get_handle(vm, 0);
    CHECK(!gs_wake(vm, ih, -1) && !gs_wake(vm, NULL, -1), "gs_wake of a non-fiber or NULL: false");
    gs_release(vm, ih);
  }

  /* waking from a native; parking inside a generator */
  njobs = 0;
  cap_reset(&c);
  CHECK(run(vm,
            "let r1 = spawn request(21)\n"
            "let gen = fiber(fn() { yield request(4); return \"g\" })\n"
            "let r2 = spawn { return gen.resume() }\n") == GS_OK,
        "fibers parking, one in a generator");
  gs_run_ready(vm);
  CHECK(njobs == 2, "both parked");
  job_arg[0] = 21;
  CHECK(run(vm, "spawn { note(\"waker\"); print(wake_first(nil)) }") == GS_OK, "a fiber whose native wakes another");
  /* wake_first wakes with slot 0 = nil: request(21) then raises "woke with" -
   * check that this error is what its joiner sees */
  gs_run_ready(vm);
  gs_run_ready(vm);
  gs_get_global(vm, "r1", 0);
  gs_get_field(vm, 0, "join", 1);
  gs_status st = gs_call(vm, 1, 0);
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "expected an int, got nil"),
        "the fiber woken by a native ran (and its error reaches the joiner: %s)", gs_error_message(vm));
  complete_jobs(vm);
  gs_run_ready(vm);
  gs_get_global(vm, "r2", 0);
  gs_get_field(vm, 0, "join", 1);
  CHECK(gs_call(vm, 1, 0) == GS_OK && gs_get_int(vm, 1) == 8, "a generator parked inside resume() got its value");
  CHECK(strstr(c.out, "true") != NULL, "gs_wake from a native returned true (%s)", c.out);

  /* gs_spawn from the host */
  {
    run(vm, "fn work(a, b) { yield; return a * b }\nfn boom() { error(\"spawned boom\") }\n");
    gs_ensure_slots(vm, 6);
    gs_get_global(vm, "work", 0);
    gs_set_int(vm, 1, 6);
    gs_set_int(vm, 2, 7);
    gs_spawn(vm, 0, 2);
    CHECK(gs_get_type(vm, 0) == GS_FIBER, "gs_spawn puts the fiber in the slot");
    gs_get_global(vm, "yield_n", 3);
    gs_set_int(vm, 4, 2);
    gs_set_cstring(vm, 5, "n");
    gs_spawn(vm, 3, 2);
    trace[0] = '\0';
    CHECK(gs_run_fibers(vm) == GS_OK, "run them");
    gs_get_field(vm, 0, "join", 1);
    CHECK(gs_call(vm, 1, 0) == GS_OK && gs_get_int(vm, 1) == 42, "a spawned script function's result, by join");
    gs_get_field(vm, 3, "join", 4);
    gs_to_string(vm, 4, 4);
    CHECK(gs_call(vm, 4, 0) == GS_RUNTIME_ERROR && strcmp(trace, "n n ") == 0, "a spawned native ran (%s)", trace);
    gs_get_field(vm, 3, "join", 4);
    CHECK(gs_call(vm, 4, 0) == GS_OK && gs_list_count(vm, 4) == 2, "... and returned");
    gs_get_global(vm, "boom", 0);
    gs_spawn(vm, 0, 0);
    gs_get_field(vm, 0, "join", 1);
    cap_reset(&c);
    st = gs_call(vm, 1, 0);   /* join runs the scheduler until it finishes */
    CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "spawned boom") && c.nerr == 0,
          "joining a failed spawned fiber gives its error, not reported (%s)", gs_error_message(vm));
    gs_set_int(vm, 0, 1);
    gs_spawn(vm, 0, 0);
    CHECK(strstr(gs_error_message(vm), "cannot run int in a fiber") != NULL, "gs_spawn of an int records an error (%s)",
          gs_error_message(vm));
  }

  /* misuse */
  {
    st = gs_run_string(vm, "m.gs", "park_plain()", 12);
    CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "cannot park the main fiber"),
          "gs_park in the main fiber raises (%s)", gs_error_message(vm));
    const char *rr = "let rr = spawn { run_ready() }\nrr.join()";
    st = gs_run_string(vm, "m.gs", rr, strlen(rr));
    CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "gs_run_ready() must be called from host code"),
          "gs_run_ready from a native raises (%s)", gs_error_message(vm));
    st = gs_run_string(vm, "m.gs", "run_fibers()", 12);
    CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "gs_run_fibers() must be called from host code"),
          "gs_run_fibers from a native raises");
    cap_reset(&c);
    CHECK(run(vm, "print(next_timer())\nspawn {}\nprint(next_timer())") == GS_OK && strcmp(c.out, "-1\n0\n") == 0,
          "gs_next_timer_ns from a native (%s)", c.out);
    gs_run_fibers(vm);
  }

  /* deadlock */
  {
    run(vm, "let dch = chan()\nspawn { dch.recv() }\n");
    cap_reset(&c);
    st = gs_run_fibers(vm);
    CHECK(st == GS_DEADLOCK && strcmp(gs_error_message(vm), "deadlock: 1 fiber blocked") == 0 &&
              strstr(c.err, "deadlock: 1 fiber blocked"),
          "gs_run_fibers: GS_DEADLOCK with the message (%s)", gs_error_message(vm));
    st = gs_run_string(vm, "d.gs", "dch.recv()", 10);
    CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "deadlock"), "blocking the main fiber for good: an error");
    run(vm, "spawn { dch.send(1) }\n");
    gs_run_fibers(vm);
  }

  /* slices and timers */
  {
    trace[0] = '\0';
    run(vm,
        "let spin = true\n"
        "spawn { while spin { yield } }\n"
        "spawn { sleep(0.05); note(\"slept\") }\n");
    double t0 = now_s();
    int slices = 0;
    while (!strstr(trace, "slept") && slices < 1000000) {
      gs_run_ready(vm);
      slices++;
    }
    double dt = now_s() - t0;
    CHECK(strstr(trace, "slept") && dt >= 0.045 && dt < 2, "gs_run_ready always returns, even with a busy fiber; timers fire (%d slices, %.3fs)",
          slices, dt);
    run(vm, "spin = false");
    gs_run_ready(vm);
    CHECK(gs_run_ready(vm) == 0, "all done");
    run(vm, "spawn { sleep(0.2) }");
    gs_run_ready(vm);
    int64_t ns = gs_next_timer_ns(vm);
    CHECK(ns > 100000000 && ns <= 200000000, "gs_next_timer_ns: time to the next timer (%lld)", (long long)ns);
    t0 = now_s();
    CHECK(gs_run_fibers(vm) == GS_OK && now_s() - t0 >= 0.15, "gs_run_fibers sleeps for timers");
    CHECK(gs_next_timer_ns(vm) == -1, "nothing left: -1");
    gs_yield(vm);   /* from host code: a slice */
    run(vm, "spawn { note(\"host-yield\") }");
    gs_yield(vm);
    CHECK(strstr(trace, "host-yield") != NULL, "gs_yield from host code runs a slice");
    gs_ensure_slots(vm, 2);
    gs_set_int(vm, 1, 5);
    gs_yield_value(vm, -1, 1);
    CHECK(gs_get_type(vm, 1) == GS_NIL, "gs_yield_value from host code: a slice, dest nil");
  }

  /* a park is a wait point: cancel() and timeout() end it with their error,
   * the park is undone (gs_wake then returns false) */
  njobs = 0;
  cap_reset(&c);
  CHECK(run(vm,
            "let pc = spawn request(1)\n"
            "yield\n"
            "pc.cancel()\n"
            "try { pc.join() } catch e { print(\"park:\", e.kind) }\n"
            "let pt = spawn { try { timeout(0.01, fn() { request(2) }) } catch e { return e.message } }\n"
            "print(pt.join())\n") == GS_OK &&
            strcmp(c.out, "park: cancelled\ntimed out after 0.01 s\n") == 0,
        "cancel and timeout end a gs_park (%s)", c.out);
  CHECK(njobs == 2, "both natives parked first");
  gs_ensure_slots(vm, 1);
  gs_set_int(vm, 0, 2);
  CHECK(!gs_wake(vm, jobs[0], 0) && !gs_wake(vm, jobs[1], 0), "gs_wake of a cancelled / timed-out park returns false");
  gs_release(vm, jobs[0]);
  gs_release(vm, jobs[1]);

  /* gs_dump_fibers: the table of live fibers at the next check point */
  run(vm, "let dumped = spawn { chan().recv() }\nyield\n");
  cap_reset(&c);
  gs_dump_fibers(vm);
  CHECK(run(vm, "for i in 0..3 { }\n") == GS_OK &&
            strstr(c.err, "fibers: ") && strstr(c.err, ": recv on channel 0x"),
        "gs_dump_fibers writes the fiber table (%s)", c.err);
  run(vm, "dumped.cancel()\n");
  gs_run_ready(vm);

  /* fibers left parked / suspended at gs_free: freed (checked by ASan/LSan) */
  njobs = 0;
  run(vm, "for i in 0..10 { spawn request(i) }\nlet gg = fiber(fn() { emit(1); emit(2) })\ngg.resume()\n");
  gs_run_ready(vm);
  CHECK(njobs == 10, "10 fibers parked at gs_free");
  /* the tokens are handles: gs_free releases them */
  gs_free(vm);
  njobs = 0;
  return tap_done();
}
