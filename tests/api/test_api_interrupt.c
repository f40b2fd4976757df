/* gs_interrupt: a host stops a runaway script; try cannot swallow it; the VM
 * keeps working afterwards. */
#include "tap.h"

static int calls;

/* called from inside an endless loop: after a few calls, pull the plug */
static void watchdog(gs_vm *vm, int argc) {
  (void)argc;
  if (++calls == 1000) gs_interrupt(vm);
  gs_return_nil(vm);
}

int main(void) {
  gs_vm *vm = gs_new(NULL);
  gs_register(vm, "watchdog", watchdog, 0);
  const char *src =
    "let n = 0\n"
    "try {\n"
    "  while true { watchdog(); n += 1 }\n"
    "} catch e { print(\"swallowed\") }\n";
  gs_status st = gs_run_string(vm, "loop.gs", src, strlen(src));
  CHECK(st == GS_RUNTIME_ERROR, "an interrupted script returns GS_RUNTIME_ERROR (got %d)", st);
  CHECK(strstr(gs_error_message(vm), "interrupted") != NULL, "the error says interrupted: %s", gs_error_message(vm));
  CHECK(strstr(gs_error_message(vm), "loop.gs:3") != NULL, "at the line that was running: %s", gs_error_message(vm));
  CHECK(calls == 1000, "it stopped at the next check (%d calls)", calls);
  const char *again = "let x = [1, 2, 3].map(fn(v) => v * 2)\n";
  st = gs_run_string(vm, "again.gs", again, strlen(again));
  CHECK(st == GS_OK, "the VM runs the next script normally (%s)", gs_error_message(vm));
  gs_free(vm);
  return tap_done();
}
