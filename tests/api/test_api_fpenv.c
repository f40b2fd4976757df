/* test_api_fpenv.c — each fiber keeps its own floating-point rounding mode
 * (the MXCSR and x87 control words are part of a fiber's saved state), also
 * across the interpreter's own generator hand-over, which does not read
 * them when it knows no C code ran since the last switch.
 * Covers: gs_register natives that change the FP environment; a new
 * generator inherits its creator's (also when the VM does not read them). */
#include <fenv.h>
#include "tap.h"

static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};

/* set_round(i): fesetround(modes[i]) in the calling fiber */
static void n_set_round(gs_vm *vm, int argc) {
  (void)argc;
  fesetround(modes[gs_get_int(vm, 0) & 3]);
}

/* get_round(): the index of the current rounding mode */
static void n_get_round(gs_vm *vm, int argc) {
  (void)argc;
  int m = fegetround(), i = 0;
  while (i < 4 && modes[i] != m) i++;
  gs_return_int(vm, i);
}

/* call_then_round(fn, i): calls fn() from C, then fesetround(modes[i]):
 * the script in fn switches fibers (the VM knows the control words again)
 * before the host changes them */
static void n_call_then_round(gs_vm *vm, int argc) {
  (void)argc;
  int mode = (int)gs_get_int(vm, 1) & 3;
  if (gs_call(vm, 0, 0) != GS_OK) gs_error(vm, "call_then_round: %s", gs_error_message(vm));
  fesetround(modes[mode]);
}

/* round_then_call(i, fn): fesetround(modes[i]), then calls fn() from C and
 * returns its result */
static void n_round_then_call(gs_vm *vm, int argc) {
  (void)argc;
  fesetround(modes[gs_get_int(vm, 0) & 3]);
  if (gs_call(vm, 1, 0) != GS_OK) gs_error(vm, "round_then_call: %s", gs_error_message(vm));
  gs_return_slot(vm, 1);
}

/* A VM whose output goes to c, with the natives above. */
static gs_vm *fpenv_vm(Capture *c) {
  gs_vm *vm = new_captured_vm(c);
  gs_register(vm, "set_round", n_set_round, 1);
  gs_register(vm, "get_round", n_get_round, 0);
  gs_register(vm, "call_then_round", n_call_then_round, 2);
  gs_register(vm, "round_then_call", n_round_then_call, 2);
  return vm;
}

/* Does the CPU we run on honour the rounding mode? (valgrind's does not:
 * it computes SSE arithmetic in round-to-nearest only.) */
static volatile double one = 1.0, three = 3.0;
static __attribute__((noinline)) double third(void) { return one / three; }
static int rounding_modes_work(void) {
  fesetround(FE_UPWARD);
  volatile double up = third();
  fesetround(FE_DOWNWARD);
  volatile double down = third();
  fesetround(FE_TONEAREST);
  return up > down;
}

int main(void) {
  if (!rounding_modes_work()) {
    printf("1..0 # SKIP this CPU (valgrind?) ignores SSE rounding modes\n");
    return 0;
  }
  Capture c;
  gs_vm *vm = fpenv_vm(&c);

  /* Between the two resumes nothing but script code runs on either side:
   * both switches take the path that does not read the control words.
   * 1.0 / 3.0 rounds up in the generator and down in main. */
  CHECK(run(vm,
            "set_round(2)\n"
            "let g = fiber(fn() {\n"
            "  set_round(1)\n"
            "  while true { yield 1.0 / 3.0 }\n"
            "})\n"
            "let a = g.resume()\n"
            "let d = 1.0 / 3.0\n"
            "let b = g.resume()\n"
            "let e = 1.0 / 3.0\n"
            "for v in g { break }\n"
            "let f = 1.0 / 3.0\n"
            "print(a > d, a == b, d == e, e == f, get_round())\n") == GS_OK &&
            strcmp(c.out, "true true true true 2\n") == 0,
        "generator rounds up, main rounds down, across script-level switches (%s%s)", c.out, c.err);

  /* scheduled fibers: each yield hands over to the next one */
  cap_reset(&c);
  CHECK(run(vm,
            "set_round(0)\n"
            "let up = spawn { set_round(1); let r = []\n"
            "  for i in 0..3 { r.push(1.0 / 3.0); yield }\n return r }\n"
            "let down = spawn { set_round(2); let r = []\n"
            "  for i in 0..3 { r.push(1.0 / 3.0); yield }\n return r }\n"
            "let u = up.join()\n"
            "let w = down.join()\n"
            "print(u[0] == u[2], w[0] == w[2], u[2] > w[2], get_round())\n") == GS_OK &&
            strcmp(c.out, "true true true 0\n") == 0,
        "two scheduled fibers keep their own rounding across yields (%s%s)", c.out, c.err);

  /* A new generator starts with its creator's control words. fiber() and
   * the first resume do not read them while the VM knows them (since its
   * last switch only VM code ran); a host native that changed them in
   * between must make the VM forget them, also when it ran script or
   * resumed a generator first (which made them known again). */
  static const struct { const char *action, *what; } inherit[] = {
    {"call_then_round(fn() { w.resume(); w.resume() }, 1)\nlet up = fiber(third).resume()\n",
     "after a host native ran script, then changed the rounding"},
    {"let up = round_then_call(1, fn() { return fiber(third).resume() })\n",
     "by script a host native calls after changing the rounding"},
    {"call_then_round(w.resume, 1)\nlet up = fiber(third).resume()\n",
     "after a host native resumed a generator, then changed the rounding"},
  };
  for (size_t i = 0; i < sizeof inherit / sizeof inherit[0]; i++) {
    Capture ci;
    gs_vm *vi = fpenv_vm(&ci);
    char script[1024];
    snprintf(script, sizeof script,
             "set_round(0)\n"
             "let third = fn() { return [1.0 / 3.0, get_round()] }\n"
             "let near = fiber(third).resume()\n"
             "let w = fiber(fn() { while true { yield 0 } })\n"
             "w.resume()\n"
             "%s"
             "print(up[1], up[0] > near[0], get_round())\n", inherit[i].action);
    CHECK(run(vi, script) == GS_OK && strcmp(ci.out, "1 true 1\n") == 0,
          "a generator made %s inherits the new mode (%s%s)", inherit[i].what, ci.out, ci.err);
    fesetround(FE_TONEAREST);
    gs_free(vi);
  }

  cap_reset(&c);
  CHECK(run(vm,
            "set_round(1)\n"
            "let vals = []\n"
            "for v in fiber(fn() { yield get_round(); set_round(3); yield get_round() }) { vals.push(v); vals.push(get_round()) }\n"
            "print(vals)\n") == GS_OK &&
            strcmp(c.out, "[1, 1, 3, 1]\n") == 0,
        "for over a new generator: it starts with main's mode, its own change stays its own (%s%s)", c.out, c.err);

  fesetround(FE_TONEAREST);
  gs_free(vm);
  return tap_done();
}
