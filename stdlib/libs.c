/* libs.c — the argument helpers the standard library modules (math, io,
 * os, json) share, over the public API like the modules themselves. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "libs.h"

_Noreturn void lib_arg_error(gs_vm *vm, const char *fname, int slot, const char *expected) {
  gs_error(vm, "%s() argument %d must be %s, not %s", fname, slot + 1, expected, gs_type_name(vm, slot));
}

_Noreturn void lib_fail(gs_vm *vm, const char *kind, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  int base = gs_slot_count(vm);
  gs_ensure_slots(vm, base + 2);
  if (!gs_get_global(vm, "Error", base)) gs_error(vm, "%s", msg);
  gs_set_cstring(vm, base + 1, msg);
  if (gs_call(vm, base, 1) != GS_OK) gs_raise(vm, base);
  gs_set_cstring(vm, base + 1, kind);
  gs_set_field(vm, base, "kind", base + 1);
  gs_raise(vm, base);
}

void lib_argc(gs_vm *vm, const char *fname, int argc, int min, int max) {
  if (argc >= min && (max < 0 || argc <= max)) return;
  const char *plural = (max < 0 ? min : max) == 1 ? "" : "s";
  if (max < 0) lib_fail(vm, "arity", "%s() expects at least %d argument%s, got %d", fname, min, plural, argc);
  if (min == max) lib_fail(vm, "arity", "%s() expects %d argument%s, got %d", fname, min, plural, argc);
  lib_fail(vm, "arity", "%s() expects %d %s %d arguments, got %d", fname, min, max == min + 1 ? "or" : "to", max, argc);
}

int64_t lib_int(gs_vm *vm, const char *fname, int slot) {
  gs_type t = gs_get_type(vm, slot);
  if (t == GS_INT) return gs_get_int(vm, slot);
  if (t == GS_FLOAT) {
    double d = gs_get_float(vm, slot);
    if (d == floor(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) return (int64_t)d;
  }
  lib_arg_error(vm, fname, slot, "an int");
}

double lib_num(gs_vm *vm, const char *fname, int slot) {
  gs_type t = gs_get_type(vm, slot);
  if (t != GS_INT && t != GS_FLOAT) lib_arg_error(vm, fname, slot, "a number");
  return gs_get_float(vm, slot);
}

const char *lib_str(gs_vm *vm, const char *fname, int slot, size_t *len) {
  if (gs_get_type(vm, slot) != GS_STRING) lib_arg_error(vm, fname, slot, "a string");
  return gs_get_string(vm, slot, len);
}
