/* test_native_yield.c — natives that yield, block and park mid-stack, through
 * the public API only (include/gs.h).
 *
 * What it checks (one "ok N - ..." line each; exit status 1 on any failure):
 *
 *  - A native calls a script function that calls a native that calls a
 *    script function ... three C frames deep; the bottom one yields (with
 *    gs_yield, or by calling a script function that does `yield`, or that
 *    sleeps). After the fiber is resumed, every C frame's locals — ints,
 *    doubles, a local array of doubles, a string buffer — are intact, and the
 *    results flow back up through every frame.
 *    Run inside a generator resumed from script, inside spawned scheduled
 *    fibers (many at once, all suspended at the bottom at the same time), and
 *    in the main fiber itself.
 *  - A script error raised after a resume unwinds through the native frames:
 *    gs_call reports it to the native (GS_RUNTIME_ERROR with the message),
 *    and gs_error raised by a native after a yield is caught by a script try.
 *  - A host native parks its fiber (gs_park) from inside a map callback; many
 *    fibers wait at once; the host wakes them with gs_wake and values (in an
 *    order of its choosing) and drives the scheduler with gs_run_ready and
 *    gs_run_fibers. Parked fibers are not a deadlock. A generator resumed by
 *    a fiber may park too.
 *  - Recursion through host natives (native -> gs_call -> script -> native)
 *    ends in a "stack overflow" error, not a crash, in main and in fibers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <math.h>
#include "../api/tap.h"   /* CHECK, tap_done (and gs.h) */

/* Problems found inside natives (locals corrupted, unexpected statuses) are
 * counted here and reported by the test that ran them. */
static int native_problems = 0;
static char first_problem[256];

static void problem(const char *fmt, ...) {
  va_list ap;
  if (native_problems++ == 0) {
    va_start(ap, fmt);
    vsnprintf(first_problem, sizeof first_problem, fmt, ap);
    va_end(ap);
  }
  va_start(ap, fmt);
  fprintf(stderr, "# problem: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
}

static void reset_problems(void) {
  native_problems = 0;
  first_problem[0] = '\0';
}

/* ---- script output capture ---------------------------------------------------- */

static char out_buf[1 << 16];
static size_t out_len = 0;

static void capture_write(gs_vm *vm, const char *text, size_t len, void *ud) {
  (void)vm; (void)ud;
  if (out_len + len >= sizeof out_buf) len = sizeof out_buf - 1 - out_len;
  memcpy(out_buf + out_len, text, len);
  out_len += len;
  out_buf[out_len] = '\0';
}

static void capture_write_error(gs_vm *vm, const char *text, size_t len, void *ud) {
  (void)vm; (void)ud;
  fprintf(stderr, "# script stderr: %.*s", (int)len, text);
}

static gs_vm *new_vm(void) {
  gs_config cfg;
  gs_config_init(&cfg);
  cfg.write = capture_write;
  cfg.write_error = capture_write_error;
  out_len = 0;
  out_buf[0] = '\0';
  gs_vm *vm = gs_new(&cfg);
  if (!vm) { printf("not ok - gs_new failed\n"); exit(1); }
  return vm;
}

static gs_status run_named(gs_vm *vm, const char *name, const char *src) {
  gs_status st = gs_run_string(vm, name, src, strlen(src));
  if (st != GS_OK) fprintf(stderr, "# %s: status %d: %s\n%s\n", name, st, gs_error_message(vm), gs_error_trace(vm));
  return st;
}

/* A global of the main module, as an int (-1 if it is not one). */
static int64_t global_int(gs_vm *vm, const char *name) {
  gs_ensure_slots(vm, 1);
  if (!gs_get_global(vm, name, 0) || gs_get_type(vm, 0) != GS_INT) return -1;
  return gs_get_int(vm, 0);
}

static int global_true(gs_vm *vm, const char *name) {
  gs_ensure_slots(vm, 1);
  return gs_get_global(vm, name, 0) && gs_get_type(vm, 0) == GS_BOOL && gs_get_bool(vm, 0);
}

/* ---- part 1: yielding three C frames deep --------------------------------------- */

/* How the bottom native gives up the CPU. */
enum { MODE_GS_YIELD = 0, MODE_SCRIPT_YIELD = 1, MODE_SCRIPT_SLEEP = 2, MODE_COUNT };

/* Fibers that have reached the bottom native at least once, and the number
 * that must have reached it before any of them comes back from its first
 * suspension (0: do not check). */
static int bottom_reached = 0;
static int bottom_expected = 0;

/* The locals each level keeps across the suspension, all derived from
 * (seed, level) so they can be recomputed and compared afterwards. */
#define NARR 16
struct frame_locals {
  double d;
  double arr[NARR];
  int64_t ints[8];
  char tag[32];
};

static void fill_locals(struct frame_locals *l, int64_t seed, int64_t level) {
  l->d = (double)seed * 0.5 + (double)level + 0.125;
  for (int i = 0; i < NARR; i++) l->arr[i] = (double)seed + i * 0.25 + (double)level / 3.0;
  for (int i = 0; i < 8; i++) l->ints[i] = seed * 1000003 + i * 17 + level;
  snprintf(l->tag, sizeof l->tag, "seed%lld-level%lld", (long long)seed, (long long)level);
}

static int same_locals(const struct frame_locals *a, const struct frame_locals *b) {
  if (a->d != b->d) return 0;
  for (int i = 0; i < NARR; i++) if (a->arr[i] != b->arr[i]) return 0;
  for (int i = 0; i < 8; i++) if (a->ints[i] != b->ints[i]) return 0;
  return strcmp(a->tag, b->tag) == 0;
}

/* descend(level, seed, mode):
 *   level > 0: call the script function via_script(level - 1, seed, mode)
 *              (which calls descend again) and return its result + 1;
 *   level 0:   suspend (per mode) and return seed.
 * The script's via_script adds 1 too, so descend(L, s, m) == s + 2 * L. */
static void nat_descend(gs_vm *vm, int argc) {
  gs_check_argc(vm, "descend", argc, 3, 3);
  int64_t level = gs_get_int(vm, 0);
  int64_t seed = gs_get_int(vm, 1);
  int64_t mode = gs_get_int(vm, 2);

  /* Locals in every style the compiler might keep them: a struct in memory,
   * plain scalars (likely callee-saved registers), a volatile double, and a
   * local array. */
  struct frame_locals mine, expect;
  fill_locals(&mine, seed, level);
  double scalar_d = mine.d * 3.0 - 1.0;
  volatile double vol_d = sqrt((double)seed + 2.0);
  int64_t scalar_i = seed ^ (level << 20);
  double local_array[8];
  for (int i = 0; i < 8; i++) local_array[i] = scalar_d / (i + 1);
  int64_t result;

  if (level > 0) {
    gs_ensure_slots(vm, 7);
    if (!gs_get_global(vm, "via_script", 3)) { problem("no via_script"); gs_return_nil(vm); return; }
    gs_set_int(vm, 4, level - 1);
    gs_set_int(vm, 5, seed);
    gs_set_int(vm, 6, mode);
    gs_status st = gs_call(vm, 3, 3);
    if (st != GS_OK) {
      problem("descend level %lld: gs_call failed: %s", (long long)level, gs_error_message(vm));
      gs_return_nil(vm);
      return;
    }
    result = gs_get_int(vm, 3) + 1;
  } else {
    int first = 1;
    bottom_reached++;
    int rounds = mode == MODE_GS_YIELD ? 2 : 1;
    for (int r = 0; r < rounds; r++) {
      if (mode == MODE_GS_YIELD) {
        gs_yield(vm);
      } else {
        gs_ensure_slots(vm, 5);
        const char *fn = mode == MODE_SCRIPT_YIELD ? "script_yield" : "script_sleep";
        if (!gs_get_global(vm, fn, 3)) { problem("no %s", fn); gs_return_nil(vm); return; }
        gs_set_int(vm, 4, seed);
        gs_status st = gs_call(vm, 3, 1);
        if (st != GS_OK) { problem("%s failed: %s", fn, gs_error_message(vm)); gs_return_nil(vm); return; }
        if (gs_get_type(vm, 3) != GS_INT || gs_get_int(vm, 3) != seed)
          problem("%s returned the wrong value (seed %lld)", fn, (long long)seed);
      }
      if (first && bottom_expected && bottom_reached < bottom_expected)
        problem("seed %lld resumed after only %d of %d fibers reached the bottom",
                (long long)seed, bottom_reached, bottom_expected);
      first = 0;
    }
    /* the arguments are still in their slots after the suspension */
    if (gs_get_int(vm, 0) != level || gs_get_int(vm, 1) != seed || gs_get_int(vm, 2) != mode)
      problem("argument slots changed across a yield (seed %lld)", (long long)seed);
    result = seed;
  }

  fill_locals(&expect, seed, level);
  if (!same_locals(&mine, &expect))
    problem("frame locals corrupted: seed %lld level %lld (tag now '%.31s')", (long long)seed, (long long)level, mine.tag);
  if (scalar_d != expect.d * 3.0 - 1.0) problem("scalar double corrupted (seed %lld level %lld)", (long long)seed, (long long)level);
  if (vol_d != sqrt((double)seed + 2.0)) problem("volatile double corrupted (seed %lld level %lld)", (long long)seed, (long long)level);
  if (scalar_i != (seed ^ (level << 20))) problem("scalar int corrupted (seed %lld level %lld)", (long long)seed, (long long)level);
  for (int i = 0; i < 8; i++)
    if (local_array[i] != scalar_d / (i + 1)) { problem("local array corrupted (seed %lld level %lld)", (long long)seed, (long long)level); break; }
  gs_return_int(vm, result);
}

static const char *descend_script =
  "fn via_script(level, seed, mode) {\n"
  "  let r = descend(level, seed, mode)\n"   /* a script frame between two natives */
  "  return r + 1\n"
  "}\n"
  "fn script_yield(seed) {\n"
  "  let ignored = yield\n"
  "  return seed\n"
  "}\n"
  "fn script_sleep(seed) {\n"
  "  sleep(0.001)\n"
  "  return seed\n"
  "}\n";

static void register_descend(gs_vm *vm) {
  gs_register(vm, "descend", nat_descend, 3);
}

/* 1a. Inside a generator resumed from script. */
static void test_generator(int mode) {
  gs_vm *vm = new_vm();
  register_descend(vm);
  reset_problems();
  bottom_reached = 0;
  bottom_expected = 0;
  char src[4096];
  snprintf(src, sizeof src,
    "%s"
    "let g = fiber(fn(s) => descend(3, s, %d))\n"
    "let resumes = 0\n"
    "let r = g.resume(41)\n"
    "while not g.done() {\n"
    "  if r != nil { error(\"gs_yield handed a non-nil value: ${r}\") }\n"
    "  resumes += 1\n"
    "  r = g.resume()\n"
    "}\n"
    "let result = r\n"
    /* a second generator resumed alternately with the first: two suspended
     * C stacks at once */
    "let a = fiber(fn() => descend(3, 100, %d))\n"
    "let b = fiber(fn() => descend(2, 200, %d))\n"
    "let ra = a.resume()\n"
    "let rb = b.resume()\n"
    "while not (a.done() and b.done()) {\n"
    "  if not a.done() { ra = a.resume() }\n"
    "  if not b.done() { rb = b.resume() }\n"
    "}\n"
    "let pair_ok = ra == 106 and rb == 204\n",
    descend_script, mode, mode, mode);
  gs_status st = run_named(vm, "generator.gs", src);
  int64_t result = global_int(vm, "result");
  int64_t resumes = global_int(vm, "resumes");
  int pair_ok = global_true(vm, "pair_ok");
  int want_resumes = mode == MODE_GS_YIELD ? 2 : (mode == MODE_SCRIPT_YIELD ? 1 : 0);
  CHECK(st == GS_OK && result == 41 + 6 && resumes == want_resumes && pair_ok && native_problems == 0,
     "generator, mode %d: yield 3 C frames deep, locals intact (result %lld, resumes %lld)%s%s",
     mode, (long long)result, (long long)resumes, native_problems ? ": " : "", first_problem);
  gs_free(vm);
}

/* 1b. Inside spawned scheduled fibers: N of them suspended at the bottom at
 * the same time, interleaved with a ticker fiber, joined by main. */
static void test_scheduled(int mode, int n) {
  gs_vm *vm = new_vm();
  register_descend(vm);
  reset_problems();
  bottom_reached = 0;
  bottom_expected = n;
  char src[4096];
  snprintf(src, sizeof src,
    "%s"
    "let ticks = 0\n"
    "let stop = false\n"
    "let ticker = spawn { while not stop { ticks += 1; yield } }\n"
    "let fs = []\n"
    "for i in 0..%d { fs.push(spawn descend(3, i * 7, %d)) }\n"
    "let all_ok = true\n"
    "for i, f in fs { if f.join() != i * 7 + 6 { all_ok = false } }\n"
    "stop = true\n"
    "let ticked = ticks > 0\n",
    descend_script, n, mode);
  gs_status st = run_named(vm, "scheduled.gs", src);
  if (st == GS_OK) st = gs_run_fibers(vm);
  CHECK(st == GS_OK && global_true(vm, "all_ok") && global_true(vm, "ticked") && bottom_reached == n && native_problems == 0,
     "%d scheduled fibers, mode %d: all suspended 3 C frames deep at once, locals intact%s%s",
     n, mode, native_problems ? ": " : "", first_problem);
  gs_free(vm);
}

/* 1c. In the main fiber: gs_yield lets the spawned fibers run. */
static void test_main_fiber(void) {
  gs_vm *vm = new_vm();
  register_descend(vm);
  reset_problems();
  bottom_reached = 0;
  bottom_expected = 0;
  char src[4096];
  snprintf(src, sizeof src,
    "%s"
    "let log = []\n"
    "spawn { log.push(\"other 1\"); yield; log.push(\"other 2\"); yield; log.push(\"other 3\") }\n"
    "log.push(\"main start\")\n"
    "let r = descend(3, 5, 0)\n"
    "log.push(\"main end ${r}\")\n"
    "let got = str(log)\n",
    descend_script);
  gs_status st = run_named(vm, "main.gs", src);
  gs_ensure_slots(vm, 1);
  const char *got = "";
  if (gs_get_global(vm, "got", 0) && gs_get_type(vm, 0) == GS_STRING) got = gs_get_string(vm, 0, NULL);
  const char *want = "[\"main start\", \"other 1\", \"other 2\", \"main end 11\"]";
  CHECK(st == GS_OK && strcmp(got, want) == 0 && native_problems == 0,
     "main fiber: gs_yield 3 C frames deep lets other fibers run (%s)%s%s", got,
     native_problems ? ": " : "", first_problem);
  if (st == GS_OK) st = gs_run_fibers(vm);
  CHECK(st == GS_OK, "the remaining fiber finishes under gs_run_fibers");
  gs_free(vm);
}

/* ---- part 2: errors after a resume, through native frames ----------------------- */

/* call_failing(): calls the script function yield_then_fail() (which yields
 * and then throws); gs_call must report the error to us; our locals survive. */
static void nat_call_failing(gs_vm *vm, int argc) {
  double d = 2.718281828;
  double arr[4] = {1.5, 2.5, 3.5, 4.5};
  char tag[16] = "call_failing";
  gs_ensure_slots(vm, argc + 1);
  if (!gs_get_global(vm, "yield_then_fail", argc)) { problem("no yield_then_fail"); return; }
  gs_status st = gs_call(vm, argc, 0);
  if (st != GS_RUNTIME_ERROR) problem("gs_call returned %d, expected GS_RUNTIME_ERROR", st);
  else if (!strstr(gs_error_message(vm), "late failure")) problem("wrong error message: %s", gs_error_message(vm));
  if (d != 2.718281828 || arr[0] != 1.5 || arr[3] != 4.5 || strcmp(tag, "call_failing") != 0)
    problem("locals of call_failing corrupted");
  gs_return_cstring(vm, "reported");
}

/* raise_after_yield(): yields, then raises a script error with gs_error. */
static void nat_raise_after_yield(gs_vm *vm, int argc) {
  (void)argc;
  double d = 0.1 + 0.2;
  gs_yield(vm);
  if (d != 0.1 + 0.2) problem("local of raise_after_yield corrupted");
  gs_error(vm, "raised by native after yield (%d)", 42);
}

static void test_errors(void) {
  gs_vm *vm = new_vm();
  gs_register(vm, "call_failing", nat_call_failing, 0);
  gs_register(vm, "raise_after_yield", nat_raise_after_yield, 0);
  reset_problems();
  const char *src =
    "fn yield_then_fail() { yield; error(\"late failure\") }\n"
    "fn catcher() {\n"
    "  try { [1].map(fn(x) => raise_after_yield()) } catch e { return e.message }\n"
    "  return \"no error\"\n"
    "}\n"
    /* in a generator */
    "let g = fiber(fn() { return [call_failing(), catcher()] })\n"
    "let r = g.resume()\n"
    "while not g.done() { r = g.resume() }\n"
    "let gen_ok = r[0] == \"reported\" and r[1] == \"raised by native after yield (42)\"\n"
    /* in scheduled fibers, with another one interleaved */
    "let other = spawn { for i in 0..5 { yield } }\n"
    "let a = spawn call_failing()\n"
    "let b = spawn catcher()\n"
    "let sched_ok = a.join() == \"reported\" and b.join() == \"raised by native after yield (42)\"\n";
  gs_status st = run_named(vm, "errors.gs", src);
  if (st == GS_OK) st = gs_run_fibers(vm);
  CHECK(st == GS_OK && global_true(vm, "gen_ok") && native_problems == 0,
     "generator: errors after a resume unwind through native frames (gs_call reports, gs_error is caught)%s%s",
     native_problems ? ": " : "", first_problem);
  CHECK(st == GS_OK && global_true(vm, "sched_ok") && native_problems == 0,
     "scheduled fibers: errors after a resume unwind through native frames%s%s",
     native_problems ? ": " : "", first_problem);
  gs_free(vm);
}

/* ---- part 3: gs_park / gs_wake ---------------------------------------------------------- */

#define NPARK 200
static gs_handle *parked[NPARK + 1];
static int parked_count = 0;

/* park_me(i): park until the host wakes us; return the value it gave. */
static void nat_park_me(gs_vm *vm, int argc) {
  gs_check_argc(vm, "park_me", argc, 1, 1);
  int64_t i = gs_get_int(vm, 0);
  if (i < 0 || i > NPARK) gs_error(vm, "bad park index %lld", (long long)i);
  double d = (double)i * 1.5 + 0.25;
  double arr[8];
  for (int k = 0; k < 8; k++) arr[k] = d * k;
  parked[i] = gs_current_fiber(vm);
  parked_count++;
  gs_ensure_slots(vm, 2);
  gs_park(vm, 1);
  if (d != (double)i * 1.5 + 0.25) problem("park_me(%lld): local double corrupted", (long long)i);
  for (int k = 0; k < 8; k++)
    if (arr[k] != d * k) { problem("park_me(%lld): local array corrupted", (long long)i); break; }
  if (gs_get_int(vm, 0) != i) problem("park_me(%lld): argument slot changed", (long long)i);
  gs_release(vm, parked[i]);
  parked[i] = NULL;
  gs_return_slot(vm, 1);
}

static void test_park(void) {
  gs_vm *vm = new_vm();
  gs_register(vm, "park_me", nat_park_me, 1);
  reset_problems();
  memset(parked, 0, sizeof parked);
  parked_count = 0;
  char src[2048];
  snprintf(src, sizeof src,
    "let results = []\n"
    "fn worker(i) {\n"
    "  let v = [i].map(fn(x) => park_me(x))[0]\n"   /* parks from inside a map callback */
    "  results.push([i, v])\n"
    "}\n"
    "for i in 0..%d { spawn worker(i) }\n"
    /* a generator resumed by a fiber parks too: its resumer waits */
    "let gen_result = nil\n"
    "let g = fiber(fn() { let v = park_me(%d); yield v; return \"gen end\" })\n"
    "spawn { gen_result = [g.resume(), g.resume()] }\n",
    NPARK, NPARK);
  gs_status st = run_named(vm, "park.gs", src);
  CHECK(st == GS_OK, "script that spawns %d parking fibers runs", NPARK);

  int live = gs_run_ready(vm);
  CHECK(parked_count == NPARK + 1 && live >= NPARK + 1,
     "gs_run_ready runs every fiber until it parks (%d parked, %d live)", parked_count, live);
  CHECK(gs_next_timer_ns(vm) == -1, "no timer pending while fibers are parked");

  /* Parked fibers are not a deadlock: gs_run_fibers returns GS_OK at once. */
  st = gs_run_fibers(vm);
  CHECK(st == GS_OK, "gs_run_fibers with only parked fibers left returns GS_OK (not deadlock), status %d", st);

  /* Wake the odd ones in reverse order, with values. */
  gs_ensure_slots(vm, 1);
  int woke = 0, refused = 0;
  for (int i = NPARK - 1; i >= 0; i--) {
    if (i % 2 == 0) continue;
    gs_set_int(vm, 0, 1000 + i);
    if (gs_wake(vm, parked[i], 0)) woke++;
    /* a second wake of the same fiber is refused: it is no longer parked */
    gs_set_int(vm, 0, -1);
    if (!gs_wake(vm, parked[i], 0)) refused++;
  }
  CHECK(woke == NPARK / 2 && refused == NPARK / 2, "gs_wake wakes a parked fiber once (%d woken, %d refused)", woke, refused);
  live = gs_run_ready(vm);
  CHECK(live == NPARK / 2 + 2, "gs_run_ready runs the woken fibers to the end (%d still alive)", live);

  /* results: the odd ones, in the order they were woken (reverse), each with its value */
  gs_ensure_slots(vm, 4);
  int order_ok = gs_get_global(vm, "results", 0) && gs_get_type(vm, 0) == GS_LIST &&
                 gs_list_count(vm, 0) == NPARK / 2;
  for (int k = 0; order_ok && k < NPARK / 2; k++) {
    int i = NPARK - 1 - 2 * k;
    gs_list_get(vm, 0, k, 1);
    gs_list_get(vm, 1, 0, 2);
    gs_list_get(vm, 1, 1, 3);
    if (gs_get_int(vm, 2) != i || gs_get_int(vm, 3) != 1000 + i) order_ok = 0;
  }
  CHECK(order_ok, "woken fibers ran in wake order and got the host's values");

  /* Wake the even ones with nil (value -1), then the generator with a string. */
  woke = 0;
  for (int i = 0; i < NPARK; i += 2)
    if (gs_wake(vm, parked[i], -1)) woke++;
  gs_ensure_slots(vm, 1);
  gs_set_cstring(vm, 0, "for the generator");
  int gen_woke = gs_wake(vm, parked[NPARK], 0);
  st = gs_run_fibers(vm);
  live = gs_run_ready(vm);
  CHECK(woke == NPARK / 2 && gen_woke && st == GS_OK && live == 0,
     "the rest wake with nil; gs_run_fibers finishes them all (status %d, %d live)", st, live);

  gs_ensure_slots(vm, 3);
  int nil_ok = gs_get_global(vm, "results", 0) && gs_list_count(vm, 0) == NPARK;
  for (int k = NPARK / 2; nil_ok && k < NPARK; k++) {
    gs_list_get(vm, 0, k, 1);
    gs_list_get(vm, 1, 1, 2);
    if (gs_get_type(vm, 2) != GS_NIL) nil_ok = 0;
  }
  CHECK(nil_ok, "fibers woken with -1 got nil");

  const char *gen_got = "";
  gs_ensure_slots(vm, 3);
  if (gs_get_global(vm, "gen_result", 0) && gs_get_type(vm, 0) == GS_LIST) {
    gs_to_string(vm, 0, 1);
    gen_got = gs_get_string(vm, 1, NULL);
  }
  CHECK(strcmp(gen_got, "[\"for the generator\", \"gen end\"]") == 0,
     "a generator parked while its resumer waited, woken by the host (%s)", gen_got);
  CHECK(native_problems == 0, "parked natives' locals intact after gs_wake%s%s", native_problems ? ": " : "", first_problem);

  gs_free(vm);

  /* A sleeping fiber: gs_next_timer_ns reports it, gs_run_fibers waits for it. */
  vm = new_vm();
  st = run_named(vm, "timer.gs", "let slept = false\nspawn { sleep(0.02); slept = true }\n");
  gs_run_ready(vm);
  int64_t ns = gs_next_timer_ns(vm);
  CHECK(ns > 0 && ns <= 20000000, "gs_next_timer_ns reports the sleeping fiber's deadline (%lld ns)", (long long)ns);
  st = gs_run_fibers(vm);
  CHECK(st == GS_OK && global_true(vm, "slept"), "gs_run_fibers sleeps until the timer and finishes the fiber");
  gs_free(vm);
}

/* A deadlock among fibers (not parked) is reported by gs_run_fibers. */
static void test_deadlock_status(void) {
  gs_vm *vm = new_vm();
  gs_status st = run_named(vm, "deadlock.gs", "let ch = chan()\nspawn { ch.recv() }\n");
  if (st == GS_OK) st = gs_run_fibers(vm);
  CHECK(st == GS_DEADLOCK, "gs_run_fibers returns GS_DEADLOCK for a fiber blocked forever (status %d)", st);
  gs_free(vm);
}

/* ---- part 4: recursion through host natives ---------------------------------------------- */

/* host_rec(n): calls the script function rec(n + 1), which calls host_rec
 * again. Each level checks gs_call's status and passes an error up as a
 * script error; somewhere deep down the VM must say "stack overflow". */
static void nat_host_rec(gs_vm *vm, int argc) {
  int64_t n = gs_get_int(vm, 0);
  char pad[512];              /* a realistic native frame */
  memset(pad, (int)(n & 0x7f), sizeof pad);
  gs_ensure_slots(vm, 3);
  if (!gs_get_global(vm, "rec", 1)) gs_error(vm, "no rec");
  gs_set_int(vm, 2, n + 1);
  gs_status st = gs_call(vm, 1, 1);
  if (pad[0] != (char)(n & 0x7f) || pad[511] != (char)(n & 0x7f)) problem("host_rec frame corrupted");
  if (st != GS_OK) {
    /* pass the outcome up as a plain value: the message of the error the
     * deepest level saw (gs_error would prefix file:line at every level) */
    const char *msg = gs_error_message(vm);
    gs_return_cstring(vm, strstr(msg, "stack overflow") ? "stack overflow" : msg);
    return;
  }
  gs_return_slot(vm, 1);
}

static void test_host_recursion(void) {
  gs_vm *vm = new_vm();
  gs_register(vm, "host_rec", nat_host_rec, 1);
  reset_problems();
  const char *src =
    "fn rec(n) { return host_rec(n) }\n"
    "fn attempt() { return rec(0) == \"stack overflow\" }\n"
    "let main_ok = attempt()\n"
    "let f = spawn attempt()\n"
    "let fiber_ok = f.join()\n"
    "let g = fiber(attempt)\n"
    "let gen_ok = g.resume()\n";
  gs_status st = run_named(vm, "rec.gs", src);
  CHECK(st == GS_OK && global_true(vm, "main_ok"), "recursion through a host native in main: stack overflow error");
  CHECK(st == GS_OK && global_true(vm, "fiber_ok"), "recursion through a host native in a spawned fiber: stack overflow error");
  CHECK(st == GS_OK && global_true(vm, "gen_ok"), "recursion through a host native in a generator: stack overflow error");
  CHECK(native_problems == 0, "host_rec frames intact%s%s", native_problems ? ": " : "", first_problem);
  gs_free(vm);
}

int main(void) {
  for (int mode = 0; mode < MODE_COUNT; mode++) test_generator(mode);
  for (int mode = 0; mode < MODE_COUNT; mode++) test_scheduled(mode, 50);
  test_main_fiber();
  test_errors();
  test_park();
  test_deadlock_status();
  test_host_recursion();
  return tap_done();
}
