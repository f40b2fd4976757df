/* test_api_chunk_names.c — every chunk run with gs_run_string shares the
 * main module, but its errors and tracebacks name that chunk (they used to
 * name the VM's first chunk, with the failing chunk's line numbers).
 * Covers: gs_run_string names, gs_error_message, gs_error_trace. */
#include "tap.h"

int main(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  const char *first = "fn boom() {\n  error(\"from first\")\n}\n";
  CHECK(gs_run_string(vm, "syntax.gs", first, strlen(first)) == GS_OK, "the first chunk runs");
  const char *second = "let x = 1\nlet y = x + nil\n";
  gs_status st = gs_run_string(vm, "rt.gs", second, strlen(second));
  CHECK(st == GS_RUNTIME_ERROR, "the second chunk fails");
  CHECK(strncmp(gs_error_message(vm), "rt.gs:2:9: ", 11) == 0, "its error names it: %s", gs_error_message(vm));
  CHECK(strstr(gs_error_trace(vm), "rt.gs:2") != NULL, "and so does the traceback: %s", gs_error_trace(vm));

  /* a function defined by one chunk and called from another: each frame
   * names its own chunk */
  const char *third = "\n\nboom()\n";
  st = gs_run_string(vm, "third.gs", third, strlen(third));
  CHECK(st == GS_RUNTIME_ERROR && strncmp(gs_error_message(vm), "syntax.gs:2:3: from first", 25) == 0,
        "the error is where boom() is: %s", gs_error_message(vm));
  CHECK(strstr(gs_error_trace(vm), "syntax.gs:2 in boom") && strstr(gs_error_trace(vm), "third.gs:3"),
        "the traceback names both chunks: %s", gs_error_trace(vm));

  /* a chunk without a name is "<string>" */
  st = gs_run_string(vm, NULL, "error(\"anon\")", 13);
  CHECK(st == GS_RUNTIME_ERROR && strncmp(gs_error_message(vm), "<string>:1:1: anon", 18) == 0, "unnamed: %s", gs_error_message(vm));

  /* uncaught errors of fibers spawned by a chunk name it too */
  const char *fib = "spawn {\n  error(\"in fiber\")\n}\n";
  gs_run_string(vm, "fib.gs", fib, strlen(fib));
  gs_run_fibers(vm);
  CHECK(strstr(cap.err, "fib.gs:2:3: in fiber") != NULL, "fiber errors name the chunk: %s", cap.err);
  gs_free(vm);
  return tap_done();
}
