/* libs.h — shared by the standard library modules (math, io, os, json):
 * their open functions (embed/embed.c calls them: gs_open_libs) and small
 * argument helpers, over the public API (include/gs.h) alone. */
#ifndef GS_LIBS_H
#define GS_LIBS_H

#include "gs.h"

void lib_math_open(gs_vm *vm);
void lib_io_open(gs_vm *vm);
void lib_os_open(gs_vm *vm);
void lib_os_date_open(gs_vm *vm);   /* os.date, os.parse_date (os_date.c) */
void lib_json_open(gs_vm *vm);
void lib_re_open(gs_vm *vm);
void lib_net_open(gs_vm *vm);
void lib_proc_open(gs_vm *vm);
void lib_utf8_open(gs_vm *vm);
void lib_os_signal_open(gs_vm *vm);   /* os.signal, os.signal_stop */

/* "TERM" or "SIGTERM" -> SIGTERM (-1: no such signal), and back. */
int lib_signal_number(const char *name);
const char *lib_signal_name(int sig);

/* Raise unless min <= argc <= max (max -1: no limit):
 * "read() expects 0 or 1 arguments, got 2". */
void lib_argc(gs_vm *vm, const char *fname, int argc, int min, int max);
/* "math.floor() argument 1 must be a number, not string" (index is the
 * slot; messages count from 1). */
_Noreturn void lib_arg_error(gs_vm *vm, const char *fname, int slot, const char *expected);
/* Raise an Error with that message whose `kind` is kind ("value", "type"),
 * like the VM's own errors. */
_Noreturn GS_PRINTF(3, 4) void lib_fail(gs_vm *vm, const char *kind, const char *fmt, ...);
int64_t lib_int(gs_vm *vm, const char *fname, int slot);      /* int, or integral float */
double lib_num(gs_vm *vm, const char *fname, int slot);       /* int or float */
const char *lib_str(gs_vm *vm, const char *fname, int slot, size_t *len);

#endif
