/* fuzz_run.c — libFuzzer harness: compile and run arbitrary programs,
 * fibers and generators included, then let the scheduler finish them.
 *
 *   make fuzz-run FUZZ_SECONDS=600          (see fuzz/rules.mk)
 *
 * Limits per input (fuzz_util.h): 64 MiB of VM objects (gs_config.heap_limit),
 * 200 ms of wall-clock time (a watchdog thread sets vm->interrupted, made
 * uncatchable), sleep() capped at 0.1 ms, and no file system or process
 * access (os.exit/remove/rename, io file functions and input are stubs;
 * imports come from fuzz_load_module). Output is discarded.
 *
 * Anything the sanitizers flag, an abort, a leak, or a run that outlives
 * libFuzzer's -timeout despite the interrupt is a finding. */
#include <stdint.h>
#include <stdlib.h>
#include "fuzz_util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  fuzz_detach_stdin();
  fuzz_watchdog_start();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  gs_config cfg = fuzz_quiet_config();
  gs_vm *vm = gs_new(&cfg);
  if (!vm) abort();
  fuzz_sandbox(vm);
  static const char *args[] = {"fuzz.gs", "a", "b"};
  gs_set_args(vm, 3, args);
  fuzz_watchdog_arm(vm, FUZZ_BUDGET_MS);
  gs_status st = gs_run_string(vm, "fuzz.gs", (const char *)data, size);
  if (st == GS_OK) gs_run_fibers(vm);
  (void)gs_error_message(vm);
  fuzz_watchdog_disarm();
  gs_free(vm);
  return 0;
}
