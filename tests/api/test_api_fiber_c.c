/* test_api_fiber_c.c — fibers from C without going through script methods:
 * id, status, join (result or error), cancel.
 * Covers: gs_fiber_id gs_fiber_status gs_fiber_join gs_fiber_cancel. */
#include "tap.h"

/* join_in_native(f): joins f from C inside a fiber and returns its result */
static void n_join_in_native(gs_vm *vm, int argc) {
  (void)argc;
  gs_ensure_slots(vm, 2);
  if (gs_fiber_join(vm, 0, 1) != GS_OK) gs_raise(vm, 1);
  gs_return_slot(vm, 1);
}

int main(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  gs_register(vm, "join_in_native", n_join_in_native, 1);
  CHECK(run(vm, "fn work(x) { sleep(0.001); return x * 2 }\nfn fail(x) { error(\"failed \" + str(x)) }\n") == GS_OK, "setup");
  gs_ensure_slots(vm, 6);
  gs_get_global(vm, "work", 0);
  gs_set_int(vm, 1, 21);
  gs_spawn(vm, 0, 1);
  gs_get_global(vm, "fail", 2);
  gs_set_int(vm, 3, 3);
  gs_spawn(vm, 2, 1);
  int64_t id0 = gs_fiber_id(vm, 0), id2 = gs_fiber_id(vm, 2);
  CHECK(id0 > 0 && id2 > 0 && id0 != id2, "spawned fibers have distinct ids (%lld, %lld)", (long long)id0, (long long)id2);
  CHECK(gs_fiber_status(vm, 0) == GS_FIBER_READY, "a spawned fiber is READY");

  gs_handle *me = gs_current_fiber(vm);
  gs_set_handle(vm, 4, me);
  CHECK(gs_fiber_id(vm, 4) == 0 && gs_fiber_status(vm, 4) == GS_FIBER_RUNNING, "the main fiber: id 0, RUNNING");
  gs_release(vm, me);

  /* join from host runs the scheduler until the fiber is done */
  gs_status st = gs_fiber_join(vm, 0, 5);
  CHECK(st == GS_OK && gs_get_int(vm, 5) == 42, "gs_fiber_join gives the result (%d: %s)", st, gs_error_message(vm));
  CHECK(gs_fiber_status(vm, 0) == GS_FIBER_DONE, "then it is DONE");
  CHECK(gs_fiber_join(vm, 0, 0) == GS_OK && gs_get_int(vm, 0) == 42, "joining a done fiber again gives the result at once (dest = fiber slot)");

  CHECK(gs_fiber_status(vm, 2) == GS_FIBER_FAILED, "the failing fiber ran meanwhile: FAILED");
  cap_reset(&cap);
  st = gs_fiber_join(vm, 2, 5);
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "test.gs:2:14: failed 3"), "joining it: its error (%s)", gs_error_message(vm));
  CHECK(gs_get_type(vm, 5) == GS_INSTANCE, "the error value is in dest");
  CHECK(gs_run_fibers(vm) == GS_OK && cap.nerr == 0, "a joined fiber's error is not reported again: %s", cap.err);

  /* a sleeping fiber is BLOCKED */
  run(vm, "let s = spawn sleep(0.01)\n");
  gs_get_global(vm, "s", 0);
  gs_run_ready(vm);
  CHECK(gs_fiber_status(vm, 0) == GS_FIBER_BLOCKED, "a sleeping fiber is BLOCKED");
  /* generators */
  run(vm, "let g = fiber(fn() { yield 1 })\n");
  gs_get_global(vm, "g", 1);
  CHECK(gs_fiber_status(vm, 1) == GS_FIBER_NEW, "a generator never resumed is NEW");
  run(vm, "g.resume()\n");
  CHECK(gs_fiber_status(vm, 1) == GS_FIBER_SUSPENDED, "after a resume it is SUSPENDED");

  /* from a native: blocks the calling fiber */
  cap_reset(&cap);
  st = run(vm, "let w = spawn work(5)\nlet j = spawn { print(join_in_native(w)) }\nj.join()\n"
               "let x = spawn fail(1)\ntry { join_in_native(x) } catch e { print(e.message) }\n");
  CHECK(st == GS_OK && strcmp(cap.out, "10\nfailed 1\n") == 0, "from a native, in a fiber and in main: %s", cap.out);

  /* cancel: a blocked fiber's wait raises "cancelled"; a generator is closed */
  run(vm, "let c = spawn sleep(30)\n");
  gs_get_global(vm, "c", 0);
  gs_run_ready(vm);
  CHECK(gs_fiber_status(vm, 0) == GS_FIBER_BLOCKED, "a sleeping fiber is BLOCKED before the cancel");
  CHECK(gs_fiber_cancel(vm, 0) == GS_OK, "gs_fiber_cancel returns at once");
  st = gs_fiber_join(vm, 0, 1);
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "cancelled"), "its sleep raised cancelled (%s)", gs_error_message(vm));
  CHECK(gs_fiber_cancel(vm, 0) == GS_OK && gs_fiber_status(vm, 0) == GS_FIBER_FAILED, "cancelling a done fiber does nothing");
  cap_reset(&cap);
  run(vm, "let g2 = fiber(fn() { try { yield 1 } finally { print(\"closed\") } })\ng2.resume()\n");
  gs_get_global(vm, "g2", 0);
  CHECK(gs_fiber_cancel(vm, 0) == GS_OK && strcmp(cap.out, "closed\n") == 0, "a suspended generator is closed: its finally ran (%s)", cap.out);
  CHECK(gs_fiber_status(vm, 0) == GS_FIBER_FAILED, "it ended with the cancelled error: FAILED (script's status() says done)");
  CHECK(gs_run_fibers(vm) == GS_OK && cap.nerr == 0, "a cancelled fiber is not reported as an error in fiber: %s", cap.err);

  /* misuse */
  gs_set_int(vm, 0, 1);
  CHECK(gs_fiber_id(vm, 0) == -1 && strstr(gs_error_message(vm), "expected a fiber, got int"), "id of a non-fiber: -1, recorded");
  CHECK(gs_fiber_status(vm, 0) == GS_FIBER_FAILED, "status of a non-fiber: FAILED, recorded");
  CHECK(gs_fiber_join(vm, 0, 1) == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "expected a fiber"), "join of a non-fiber fails");
  CHECK(gs_fiber_cancel(vm, 0) == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "expected a fiber"), "cancel of a non-fiber fails");
  gs_free(vm);
  return tap_done();
}
