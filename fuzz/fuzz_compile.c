/* fuzz_compile.c — libFuzzer harness: lexer + parser + resolver + compiler
 * (and the disassembler) on arbitrary bytes. Nothing runs.
 *
 *   make fuzz-compile FUZZ_SECONDS=600      (see fuzz/rules.mk)
 *
 * One VM (with the standard library, so that builtin names resolve) serves
 * every input, with fresh modules each time; a full collection at the end
 * of each input frees all it allocated, so mallocs and frees balance and
 * libFuzzer's leak check (a LeakSanitizer pass whenever they do not) only
 * runs when something really stays behind. FUZZ_FRESH_VM=1 in the
 * environment creates a VM per input instead (slower: about 1 ms each). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gs.h"
#include "vm.h"
#include "compile.h"

static FILE *devnull;
static VM *shared_vm;
static int fresh_vm;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  devnull = fopen("/dev/null", "w");
  const char *e = getenv("FUZZ_FRESH_VM");
  fresh_vm = e && *e && strcmp(e, "0") != 0;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  VM *vm = fresh_vm ? gs_new(NULL) : shared_vm ? shared_vm : (shared_vm = gs_new(NULL));
  if (!vm) abort();
  ObjString *name = str_cstr(vm, "fuzz.gs");
  vm_push(vm, STR_VAL(name));
  ObjModule *m = module_new(vm, name, name);
  vm_push(vm, OBJ_VAL(V_MODULE, m));
  AstErrors *errs = calloc(1, sizeof *errs);
  if (!errs) abort();
  /* the source is not NUL-terminated: the lexer must respect len */
  ObjClosure *cl = gs_compile_source(vm, m, (const char *)data, size, NULL, errs);
  if (cl) {
    if (errs->count) abort();   /* success with errors recorded */
    if (devnull) gs_disassemble(vm, cl->p, devnull);
  } else if (errs->count == 0) {
    abort();                    /* failure without a message */
  }
  /* the REPL mode compiles differently (redeclaration, last expression) */
  memset(errs, 0, sizeof *errs);
  CompileOptions repl = {.repl = true};
  ObjModule *m2 = module_new(vm, name, name);
  vm_push(vm, OBJ_VAL(V_MODULE, m2));
  gs_compile_source(vm, m2, (const char *)data, size, &repl, errs);
  free(errs);
  vm->fiber->top = 0;     /* drop the roots: the modules become garbage */
  if (fresh_vm) gs_free(vm);
  else gc_collect(vm);
  return 0;
}
