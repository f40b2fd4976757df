/* test_api_interrupt_entry.c — gs_interrupt at every entry point: it never
 * aborts the host, is delivered exactly once (to the fiber running script,
 * or to the next entry point), and gs_clear_interrupt drops a pending one.
 * Covers: gs_interrupt gs_clear_interrupt with gs_run_string gs_run_file
 * gs_call gs_run_fibers gs_run_ready gs_yield gs_fiber_join. */
#include <signal.h>
#include <sys/time.h>
#include "tap.h"

static Capture cap;
static int spins;

/* spin(): a native the endless loops below call; pulls the plug after 100 */
static void n_spin(gs_vm *vm, int argc) {
  (void)argc;
  if (++spins == 100) gs_interrupt(vm);
}

/* park_me(): parks its fiber for good */
static gs_handle *parked;
static void n_park_me(gs_vm *vm, int argc) {
  (void)argc;
  parked = gs_current_fiber(vm);
  gs_park(vm, -1);
}

/* through(fn): calls fn from C; `after` counts returns from that gs_call */
static int after;
static void n_through(gs_vm *vm, int argc) {
  (void)argc;
  gs_call(vm, 0, 0);
  after++;
}

/* a signal handler may call gs_interrupt */
static gs_vm *volatile alarm_vm;
static void on_alarm(int sig) {
  (void)sig;
  gs_interrupt(alarm_vm);
}

static gs_vm *new_vm(void) {
  gs_vm *vm = new_captured_vm(&cap);
  gs_register(vm, "spin", n_spin, 0);
  gs_register(vm, "park_me", n_park_me, 0);
  gs_register(vm, "through", n_through, 1);
  spins = 0;
  return vm;
}

static bool said_interrupted(gs_vm *vm) { return strstr(gs_error_message(vm), "interrupted") != NULL; }

/* the VM still works, and `try` catches ordinary errors again (an interrupt
 * must not leave the "uncatchable" state behind) */
static bool still_usable(gs_vm *vm) {
  cap_reset(&cap);
  const char *src = "try { error(\"x\") } catch e { print(\"caught\") }\n";
  return run(vm, src) == GS_OK && strcmp(cap.out, "caught\n") == 0;
}

/* gs_run_ready, the loop the docs recommend, with a spinning fiber: this
 * used to abort the process ("error with no protected call") */
static int ready_spinning(void) {
  gs_vm *vm = new_vm();
  if (run(vm, "spawn { while true { spin() } }\nspawn { print(\"other\") }\n") != GS_OK) return 1;
  int live = 0, rounds = 0;
  while ((live = gs_run_ready(vm)) > 0 && rounds < 1000) rounds++;
  int rc = live == -1 && said_interrupted(vm) && strstr(cap.err, "interrupted") && still_usable(vm) ? 0 : 2;
  gs_free(vm);
  return rc;
}

int main(void) {
  CHECK(in_child(ready_spinning) == 0, "gs_run_ready: a fiber receives the interrupt, the slice returns -1, the host lives on");

  /* gs_run_fibers: GS_RUNTIME_ERROR, not GS_DEADLOCK "0 fibers blocked" */
  gs_vm *vm = new_vm();
  run(vm, "spawn { while true { spin() } }\n");
  gs_status st = gs_run_fibers(vm);
  CHECK(st == GS_RUNTIME_ERROR && said_interrupted(vm), "gs_run_fibers: GS_RUNTIME_ERROR, interrupted (got %d: %s)", st, gs_error_message(vm));
  CHECK(strstr(cap.err, "error in fiber") && strstr(cap.err, ": test.gs:1:") && strstr(cap.err, ": interrupted"), "the fiber's error says where: %s", cap.err);
  CHECK(still_usable(vm), "the VM is usable afterwards");
  gs_free(vm);

  /* requested while nothing runs: the next entry point receives it, once */
  vm = new_vm();
  gs_interrupt(vm);
  st = gs_run_string(vm, "a.gs", "print(1)", 8);
  CHECK(st == GS_RUNTIME_ERROR && said_interrupted(vm) && cap.nout == 0,
        "gs_run_string: a pending interrupt stops it before it runs (%d: %s)", st, gs_error_message(vm));
  CHECK(still_usable(vm), "delivered once: the next run is not interrupted");

  gs_interrupt(vm);
  CHECK(gs_clear_interrupt(vm), "gs_clear_interrupt says one was pending");
  CHECK(!gs_clear_interrupt(vm), "... and none is after");
  CHECK(still_usable(vm), "a cleared interrupt stops nothing");

  gs_interrupt(vm);
  st = gs_run_file(vm, "/dev/null");
  CHECK(st == GS_RUNTIME_ERROR && said_interrupted(vm), "gs_run_file receives a pending interrupt (%d)", st);

  gs_ensure_slots(vm, 2);
  gs_get_global(vm, "len", 0);
  gs_set_cstring(vm, 1, "abc");
  gs_interrupt(vm);
  st = gs_call(vm, 0, 1);
  CHECK(st == GS_RUNTIME_ERROR && said_interrupted(vm), "gs_call from host receives a pending interrupt (%d)", st);

  run(vm, "fn forever() { while true { spin() } }\n");
  gs_get_global(vm, "forever", 0);
  spins = 0;
  st = gs_call(vm, 0, 0);
  CHECK(st == GS_RUNTIME_ERROR && strncmp(gs_error_message(vm), "test.gs:1:", 10) == 0 && strstr(gs_error_message(vm), ": interrupted"),
        "gs_call: the running script receives it (%s)", gs_error_message(vm));
  CHECK(still_usable(vm), "usable after gs_call was interrupted");

  /* a native's gs_call does not catch an interrupt: it goes on unwinding */
  spins = 0;
  after = 0;
  cap_reset(&cap);
  st = run(vm, "try { through(forever) } catch e { print(\"caught\") }\nprint(\"after\")\n");
  CHECK(st == GS_RUNTIME_ERROR && said_interrupted(vm) && after == 0 && cap.nout == 0,
        "through a native's gs_call and a try: stops the whole run (%d, after=%d, out=%s)", st, after, cap.out);
  CHECK(still_usable(vm), "usable after an interrupt crossed a native");

  /* gs_yield from host code */
  run(vm, "spawn { print(\"ran\") }\n");
  cap_reset(&cap);
  gs_interrupt(vm);
  gs_yield(vm);
  CHECK(said_interrupted(vm) && cap.nout == 0, "gs_yield from host receives a pending interrupt and runs nothing");
  CHECK(gs_run_fibers(vm) == GS_OK && strcmp(cap.out, "ran\n") == 0, "the fiber it did not run runs later");

  /* gs_fiber_join */
  run(vm, "let f = spawn { return 7 }\n");
  gs_get_global(vm, "f", 0);
  gs_interrupt(vm);
  st = gs_fiber_join(vm, 0, 1);
  CHECK(st == GS_RUNTIME_ERROR && said_interrupted(vm), "gs_fiber_join receives a pending interrupt (%d)", st);
  st = gs_fiber_join(vm, 0, 1);
  CHECK(st == GS_OK && gs_get_int(vm, 1) == 7, "the join works afterwards (%d: %s)", st, gs_error_message(vm));
  gs_free(vm);

  /* gs_run_ready with only parked fibers: reported, not silently dropped */
  vm = new_vm();
  run(vm, "spawn { park_me(); print(\"woken\") }\n");
  CHECK(gs_run_ready(vm) == 1 && parked, "one parked fiber");
  gs_interrupt(vm);
  int live = gs_run_ready(vm);
  CHECK(live == -1 && said_interrupted(vm), "gs_run_ready with only parked fibers receives it (%d)", live);
  CHECK(!gs_clear_interrupt(vm), "it was consumed");
  cap_reset(&cap);
  CHECK(gs_wake(vm, parked, -1), "the parked fiber is still parked");
  live = gs_run_ready(vm);
  CHECK(live == 0 && strcmp(cap.out, "woken\n") == 0, "and runs when woken (%d, %s)", live, cap.out);
  gs_release(vm, parked);
  gs_free(vm);

  /* interrupted while gs_run_fibers sleeps for a timer (a signal handler) */
  vm = new_vm();
  run(vm, "spawn { sleep(30) }\n");
  alarm_vm = vm;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval it = {{0, 0}, {0, 100000}};
  setitimer(ITIMER_REAL, &it, NULL);
  st = gs_run_fibers(vm);
  CHECK(st == GS_RUNTIME_ERROR && said_interrupted(vm), "gs_run_fibers sleeping: interrupted by a signal handler (%d: %s)", st, gs_error_message(vm));
  gs_free(vm);
  return tap_done();
}
