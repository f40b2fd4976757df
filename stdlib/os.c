/* os.c — the `os` module: args, env, time, clock, exit, plus remove, rename
 * and pid.
 *
 * os.args is the VM's list of script arguments (gs_get_args), which
 * gs_set_args refills in place: scripts see the arguments whenever they
 * look, whether the host set them before or after the module opened. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "libs.h"

static void os_env(gs_vm *vm, int argc) {
  lib_argc(vm, "os.env", argc, 1, 1);
  size_t len;
  const char *name = lib_str(vm, "os.env", 0, &len);
  const char *v = strlen(name) == len ? getenv(name) : NULL;
  if (v) gs_return_cstring(vm, v);
}

static double os_now(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void os_time(gs_vm *vm, int argc) {
  lib_argc(vm, "os.time", argc, 0, 0);
  gs_return_float(vm, os_now(CLOCK_REALTIME));
}

static void os_clock(gs_vm *vm, int argc) {
  lib_argc(vm, "os.clock", argc, 0, 0);
  gs_return_float(vm, os_now(CLOCK_PROCESS_CPUTIME_ID));
}

/* os.exit(code = 0): true is 0 and false is 1, as in Lua. Output written so
 * far (print, io.stdout, files not yet closed) is flushed, then the process
 * ends at once, from whatever fiber calls it, like Go's os.Exit: _exit, so
 * no atexit handler runs on a fiber's stack (and leak checkers, which would
 * not find the main stack's roots from there, stay quiet). */
static void os_exit(gs_vm *vm, int argc) {
  lib_argc(vm, "os.exit", argc, 0, 1);
  int64_t code = 0;
  if (argc == 1) {
    gs_type t = gs_get_type(vm, 0);
    if (t == GS_BOOL) code = gs_get_bool(vm, 0) ? 0 : 1;
    else if (t != GS_NIL) code = lib_int(vm, "os.exit", 0);
  }
  gs_flush(vm, true);   /* output lost: exit 1 with the CLI's report instead */
  fflush(NULL);
  _exit((int)code);
}

static const char *os_path(gs_vm *vm, const char *fname, int slot) {
  size_t len;
  const char *p = lib_str(vm, fname, slot, &len);
  if (strlen(p) != len) gs_error(vm, "%s: path contains a NUL byte", fname);
  return p;
}

static void os_remove(gs_vm *vm, int argc) {
  lib_argc(vm, "os.remove", argc, 1, 1);
  const char *p = os_path(vm, "os.remove", 0);
  if (remove(p) != 0) gs_error(vm, "cannot remove '%s': %s", p, strerror(errno));
}

static void os_rename(gs_vm *vm, int argc) {
  lib_argc(vm, "os.rename", argc, 2, 2);
  const char *a = os_path(vm, "os.rename", 0), *b = os_path(vm, "os.rename", 1);
  if (rename(a, b) != 0) gs_error(vm, "cannot rename '%s' to '%s': %s", a, b, strerror(errno));
}

static void os_pid(gs_vm *vm, int argc) {
  lib_argc(vm, "os.pid", argc, 0, 0);
  gs_return_int(vm, (int64_t)getpid());
}

static const gs_reg os_funcs[] = {
  {"env", os_env, -1, "os.env(name)\nThe environment variable's value, or nil when it is unset."},
  {"time", os_time, -1, "os.time()\nWall-clock seconds since the epoch, a float."},
  {"clock", os_clock, -1, "os.clock()\nCPU seconds used by the process, a float."},
  {"exit", os_exit, -1, "os.exit(code?)\nEnd the process with that status (default 0)."},
  {"remove", os_remove, -1, "os.remove(path)\nDelete a file or an empty directory."},
  {"rename", os_rename, -1, "os.rename(from, to)\nRename (move) a file."},
  {"pid", os_pid, -1, "os.pid()\nThe process id."},
  {NULL, NULL, 0, NULL},
};

void lib_os_open(gs_vm *vm) {
  gs_register_module(vm, "os", os_funcs);
  lib_os_date_open(vm);
  gs_ensure_slots(vm, 1);
  gs_get_args(vm, 0);
  gs_module_set(vm, "os", "args", 0);
  gs_set_nil(vm, 0);
  lib_os_signal_open(vm);
}
