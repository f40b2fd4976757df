/* run.h — running whole programs (CLI, REPL, gs_run_*). */
#ifndef GS_RUN_H
#define GS_RUN_H

#include "vm.h"
#include "ast.h"

typedef struct {
  bool disassemble;
} RunOptions;

/* Compile and run src as the main module, then run the other fibers to the
 * end. Errors are printed to the VM's error writer. Returns an exit status. */
int run_source(VM *vm, const char *name, const char *src, size_t len, const RunOptions *opt);
int run_file(VM *vm, const char *path, const RunOptions *opt);
void run_print_compile_errors(VM *vm, const char *name, AstErrors *errs);
void run_report_error(VM *vm, Value err);

#endif
