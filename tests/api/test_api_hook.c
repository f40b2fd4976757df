/* test_api_hook.c — gs_set_hook: a count hook that can enforce an
 * instruction budget (like lua_sethook with LUA_MASKCOUNT), raise a catchable
 * error, and goes away when removed.
 * Covers: gs_set_hook (with gs_interrupt, gs_error from the hook). */
#include "tap.h"

typedef struct {
  int64_t calls, budget;   /* interrupt after `budget` calls (0: never) */
  bool raise;              /* raise a catchable error on the first call */
} Hook;

static void on_hook(gs_vm *vm, void *ud) {
  Hook *h = ud;
  h->calls++;
  if (h->budget && h->calls >= h->budget) gs_interrupt(vm);
  if (h->raise && h->calls == 1) gs_error(vm, "hook says stop");
}

int main(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);

  /* a budget stops an endless loop without any thread or signal */
  Hook h = {.budget = 50};
  gs_set_hook(vm, on_hook, 1000, &h);
  gs_status st = gs_run_string(vm, "spin.gs", "let i = 0\nwhile true { i += 1 }\n", 31);
  CHECK(st == GS_RUNTIME_ERROR && strncmp(gs_error_message(vm), "spin.gs:2:", 10) == 0 && strstr(gs_error_message(vm), ": interrupted"),
        "the budget stops a runaway loop (%d: %s)", st, gs_error_message(vm));
  CHECK(h.calls == 50, "the hook ran once per 1000 steps until the budget (%lld calls)", (long long)h.calls);

  /* the count: one step per loop iteration and per call */
  Hook count = {0};
  gs_set_hook(vm, on_hook, 1, &count);
  st = run(vm, "for i in 0..1000 { }\n");
  CHECK(st == GS_OK && count.calls >= 999 && count.calls <= 1010, "1000 iterations are ~1000 steps (%lld)", (long long)count.calls);
  count.calls = 0;
  st = run(vm, "fn f(n) { return n }\nlet j = 0\nwhile j < 100 { f(j); j += 1 }\n");
  CHECK(st == GS_OK && count.calls >= 200 && count.calls <= 210, "100 iterations with a call each are ~200 steps (%lld)", (long long)count.calls);

  /* a fiber's steps count too, and the budget stops the scheduler */
  Hook fib = {.budget = 20};
  gs_set_hook(vm, on_hook, 100, &fib);
  run(vm, "spawn { while true { yield } }\n");
  st = gs_run_fibers(vm);
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "interrupted"), "in a spawned fiber too (%d: %s)", st, gs_error_message(vm));

  /* gs_error in the hook raises where the script is: try catches it */
  Hook r = {.raise = true};
  gs_set_hook(vm, on_hook, 1, &r);
  cap_reset(&cap);
  st = run(vm, "try { for i in 0..10 { } } catch e { print(e.message) }\n");
  CHECK(st == GS_OK && strcmp(cap.out, "hook says stop\n") == 0, "an error from the hook is catchable (%s)", cap.out);

  /* removed: never called again */
  gs_set_hook(vm, NULL, 0, NULL);
  int64_t before = r.calls;
  st = run(vm, "for i in 0..1000 { }\n");
  CHECK(st == GS_OK && r.calls == before, "a removed hook is not called");
  gs_set_hook(vm, on_hook, 0, &r);
  st = run(vm, "for i in 0..1000 { }\n");
  CHECK(st == GS_OK && r.calls == before, "every <= 0 removes it too");

  /* a hook does not make interrupts pending by itself */
  gs_set_hook(vm, on_hook, 5, &count);
  CHECK(!gs_clear_interrupt(vm), "no interrupt is pending because of the hook");
  cap_reset(&cap);
  CHECK(run(vm, "try { error(\"e\") } catch e { print(\"caught\") }\n") == GS_OK && strcmp(cap.out, "caught\n") == 0,
        "errors are caught normally with a hook set");
  gs_free(vm);
  return tap_done();
}
