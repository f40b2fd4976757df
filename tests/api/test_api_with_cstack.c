/* test_api_with_cstack.c — a native that needs more C stack than a fiber
 * has left gets it from gs_with_cstack: in the main fiber, in a spawned
 * fiber and a generator with 16 KiB stacks, under native recursion; the
 * fiber can still yield afterwards.
 * Covers: gs_with_cstack. */
#include "tap.h"

enum { NEED = 96 * 1024 };

typedef struct {
  size_t bytes;
  unsigned sum;
} DeepCall;

/* touches `bytes` of its own frame, as a recursive C library would */
static void deep(void *ud) {
  DeepCall *d = ud;
  volatile unsigned char buf[NEED];
  for (size_t i = 0; i < d->bytes; i += 512) buf[i] = (unsigned char)i;
  unsigned s = 0;
  for (size_t i = 0; i < d->bytes; i += 512) s += buf[i];
  d->sum = s;
}

/* deep(): the sum of what a 96 KiB frame held */
static void n_deep(gs_vm *vm, int argc) {
  (void)argc;
  DeepCall d = { NEED, 0 };
  gs_with_cstack(vm, NEED + 1024, deep, &d);
  gs_ensure_slots(vm, 1);
  gs_set_int(vm, 0, d.sum);
  gs_return_slot(vm, 0);
}

static unsigned expected_sum(void) {
  unsigned s = 0;
  for (size_t i = 0; i < NEED; i += 512) s += (unsigned char)i;
  return s;
}

int main(void) {
  Capture cap;
  gs_config cfg;
  gs_config_init(&cfg);
  cfg.write = cap_write;
  cfg.write_error = cap_write_err;
  cfg.user_data = &cap;
  cfg.fiber_stack_size = 16 * 1024;
  cap_reset(&cap);
  gs_vm *vm = gs_new(&cfg);
  CHECK(vm != NULL, "a VM with 16 KiB fiber stacks");
  gs_register(vm, "deep", n_deep, 0);
  char src[1024];
  snprintf(src, sizeof src,
           "let want = %u\n"
           "print(deep() == want)\n"
           "print((spawn deep()).join() == want)\n"
           "let g = fiber(fn() { let a = deep(); yield a; return deep() })\n"
           "print(g.resume() == want, g.resume() == want)\n"
           "fn via_map(n) { return n == 0 ? deep() : [n].map(fn(x) => via_map(x - 1))[0] }\n"
           "print((spawn via_map(40)).join() == want)\n"
           "print((spawn { let a = deep(); yield; return a + deep() }).join() == 2 * want)\n",
           expected_sum());
  CHECK(run(vm, src) == GS_OK, "natives needing 96 KiB of C stack ran in fibers with 16 KiB stacks");
  CHECK(strcmp(cap.out, "true\ntrue\ntrue true\ntrue\ntrue\n") == 0,
        "in main, a spawned fiber, a generator (across a yield), under native recursion (%s)", cap.out);
  gs_free(vm);
  return tap_done();
}
