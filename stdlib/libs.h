/* libs.h — shared by the standard library modules (math, io, os, json):
 * their open functions and small argument helpers on top of the public API
 * (include/gs.h). Internal to stdlib/. */
#ifndef GS_LIBS_H
#define GS_LIBS_H

#include "gs.h"

void lib_math_open(gs_vm *vm);
void lib_io_open(gs_vm *vm);
void lib_os_open(gs_vm *vm);
void lib_json_open(gs_vm *vm);
/* all four (the VM's API slots are left as they were) */
void lib_modules_open(gs_vm *vm);

/* os.args: fill the list that os.args and vm->args share (cli/main.c). */
void lib_os_set_args(gs_vm *vm, int argc, char **argv);

/* Raise unless min <= argc <= max (max -1: no limit):
 * "read() expects 0 or 1 arguments, got 2". */
void lib_argc(gs_vm *vm, const char *fname, int argc, int min, int max);
/* "math.floor() argument 1 must be a number, not string" (index is the
 * slot; messages count from 1). */
_Noreturn void lib_arg_error(gs_vm *vm, const char *fname, int slot, const char *expected);
int64_t lib_int(gs_vm *vm, const char *fname, int slot);      /* int, or integral float */
double lib_num(gs_vm *vm, const char *fname, int slot);       /* int or float */
const char *lib_str(gs_vm *vm, const char *fname, int slot, size_t *len);

/* Bind the value in `slot` as the hidden receiver of the native
 * module.fn: every call gets it in slot 0 ahead of the arguments (per-VM
 * state without globals; the native keeps it alive). */
void lib_bind_self(gs_vm *vm, const char *module, const char *fn, int slot);

#endif
