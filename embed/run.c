/* run.c — compile and run a whole program: the shared path of the CLI, the
 * REPL and gs_run_* in the public API. */
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <errno.h>
#include "vm.h"
#include "fiber.h"
#include "compile.h"
#include "run.h"
#include "api.h"

void run_print_compile_errors(VM *vm, const char *name, AstErrors *errs) {
  char line[512];
  for (int i = 0; i < errs->count; i++) {
    int n = snprintf(line, sizeof line, "%s:%d:%d: %s\n", name, errs->errors[i].line, errs->errors[i].col, errs->errors[i].message);
    vm_write_err(vm, line, (size_t)(n < (int)sizeof line ? n : (int)sizeof line - 1));
  }
  if (errs->total > errs->count) {
    int n = snprintf(line, sizeof line, "%s: %d more errors not shown\n", name, errs->total - errs->count);
    vm_write_err(vm, line, (size_t)n);
  }
}

void run_report_error(VM *vm, Value err) {
  vm_report_error(vm, NULL, err, vm->fiber->error_trace);
}

int run_source(VM *vm, const char *name, const char *src, size_t len, const RunOptions *opt) {
  ObjModule *m = run_main_module(vm, name);
  AstErrors errs;
  memset(&errs, 0, sizeof errs);
  CompileOptions copt = {.script_locals = true};
  ObjClosure *cl = gs_compile_source(vm, m, src, len, &copt, &errs);
  if (!cl) {
    run_print_compile_errors(vm, name, &errs);
    return 1;
  }
  if (opt && opt->disassemble) {
    vm_flush(vm);
    gs_disassemble(vm, cl->p, stdout);
    return 0;
  }
  Value out;
  vm_push(vm, OBJ_VAL(V_CLOSURE, cl));
  bool ok = vm_pcall(vm, OBJ_VAL(V_CLOSURE, cl), 0, NULL, &out);
  vm_pop(vm);
  vm->fatal_error = false;
  int status = 0;
  if (!ok) {
    /* like an uncaught panic in Go's main: the program ends here (a lost
     * standard output is reported by whoever runs us: gs_output_error) */
    if (!vm->out_error_raised) run_report_error(vm, out);
    sched_report_failures(vm);
    status = 1;
  } else if (sched_run_all(vm) != SCHED_DONE) {
    status = 1;
  }
  if (vm->exit_status) status = vm->exit_status;
  vm_flush(vm);
  return status;
}

int run_file(VM *vm, const char *path, const RunOptions *opt) {
  size_t len;
  char *src = gs_read_file(path, &len);
  if (!src) {
    char msg[600];
    int n = snprintf(msg, sizeof msg, "gs: cannot open '%s': %s\n", path, strerror(errno));
    vm_write_err(vm, msg, (size_t)n);
    return 1;
  }
  int st = run_source(vm, path, src, len, opt);
  free(src);
  return st;
}
