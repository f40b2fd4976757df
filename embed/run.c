/* run.c — gs_run_program: a whole program as the gs command runs it, the
 * main chunk, then its fibers to the end, every error reported. */
#include "api.h"
#include "fiber.h"

gs_status gs_run_program(gs_vm *vm, const char *name, const char *source, size_t len) {
  if (!name) name = "<string>";
  vm->exit_status = 0;
  gs_status st = api_run_chunk(vm, name, source, len, API_RUN_PROGRAM, -1);
  if (st == GS_OK) {
    st = gs_run_fibers(vm);   /* a deadlock reports itself */
    /* an unjoined fiber that failed was reported when it ended */
    if (st == GS_OK && vm->exit_status) st = GS_RUNTIME_ERROR;
  } else {
    /* like an uncaught panic in Go's main: the program ends here (a lost
     * standard output is reported by whoever runs us: gs_output_error).
     * A runtime error is reported from its value, with the heap limit
     * lifted (recording it may have run out of memory under the limit). */
    Fiber *f = vm->fiber;
    if (st == GS_RUNTIME_ERROR && !IS_NIL(f->error)) {
      if (!vm->out_error_raised) vm_report_error(vm, NULL, f->error, f->error_trace);
    } else {
      gs_report_error(vm);
    }
    sched_report_failures(vm);
  }
  gs_flush(vm, false);
  return st;
}
