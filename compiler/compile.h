/* compile.h — resolver + code generator: AST to register bytecode. */
#ifndef GS_COMPILE_H
#define GS_COMPILE_H

#include "ast.h"
#include "vm.h"

typedef struct {
  bool repl;          /* top-level `let` may redeclare; last expression statement is returned */
  bool script_locals; /* a program's top-level `let`s that no function uses
                         live in registers, not module variables (nothing
                         outside can name them: not for modules, the REPL
                         or hosts that read variables) */
  ObjString *file;    /* chunk name for messages (rooted by the caller);
                         NULL: the module's file */
} CompileOptions;

/* Compile a parsed module into its main function. Module variables are
 * created in `module` (existing ones are reused, which is how the REPL keeps
 * its state). Returns NULL when errs got resolution errors. The GC is paused
 * by the caller while compiling. */
ObjClosure *gs_compile(VM *vm, ObjModule *module, Node *ast, const CompileOptions *opt, AstErrors *errs);

/* Parse + compile source text. On failure returns NULL and fills errs. */
ObjClosure *gs_compile_source(VM *vm, ObjModule *module, const char *src, size_t len,
                              const CompileOptions *opt, AstErrors *errs);

/* Print every function's bytecode (gs --dis). */
void gs_disassemble(VM *vm, ObjProto *p, FILE *out);

#endif
