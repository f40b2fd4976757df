/* builtins.h — the core library: the global functions, the Error class's
 * natives and the methods of the built-in types, which know VM internals. */
#ifndef GS_BUILTINS_H
#define GS_BUILTINS_H

#include "vm.h"

/* Register all of it, and the fiber natives, which live with the scheduler
 * (vm/fiber.c). */
void builtins_open(VM *vm);

/* A method's argument count (argc includes the receiver, messages do not);
 * max < 0: no upper bound. Raises "name() expects ..." otherwise. The one
 * arity check of the built-in types' methods. */
void method_argc(VM *vm, const char *name, int argc, int min, int max);
/* method_argc, after checking that the receiver (args[0]) has the type
 * `type`: "push() must be called on a list". Returns the receiver. Inline:
 * every method call of a string, list or map goes through it. */
_Noreturn void method_not_on(VM *vm, const char *name, ValueTag type);
static inline Value method_self(VM *vm, const char *name, int argc, Value *args, ValueTag type, int min, int max) {
  if (__builtin_expect(argc < 1 || args[0].tag != type, 0)) method_not_on(vm, name, type);
  int n = argc - 1;   /* method_argc's test inline; the call only to raise */
  if (__builtin_expect(n < min || (max >= 0 && n > max), 0)) method_argc(vm, name, argc, min, max);
  return args[0];
}
/* Argument i of a method (args[0] is the receiver) as an int (an integral
 * float converts): "insert() argument 1 must be an int, not string". */
int64_t method_int(VM *vm, const char *name, Value *args, int i);

void lib_core_open(VM *vm);
void lib_string_open(VM *vm);
void lib_list_open(VM *vm);
void lib_map_open(VM *vm);
void lib_help_open(VM *vm);      /* help() (help.c; opened by lib_core_open) */
/* What help(v) prints: what v is and how to use it (usage_text: how to use
 * the REPL instead, as help() prints). Runs no script. */
ObjString *help_text(VM *vm, Value v, bool usage_text);

#endif
