/* fuzz_util.h — shared by the libFuzzer harnesses in fuzz/ (see
 * docs/hardening.md). Header-only: each harness is one translation unit.
 *
 *  - fuzz_quiet_config(): a gs_config whose output goes nowhere, with a heap
 *    limit and a module loader that never touches the file system;
 *  - fuzz_sandbox(): replaces the builtins that could hurt the fuzzing
 *    process or the machine (os.exit, os.remove, os.rename, the io file
 *    functions, input) by harmless stubs, caps sleep() and the number of
 *    live fibers;
 *  - a watchdog thread that calls gs_interrupt() on a script running longer
 *    than FUZZ_BUDGET_MS (the time budget: the interpreter checks the flag on
 *    backward jumps, calls and scheduler steps, and no `try` catches the
 *    resulting `interrupted` error).
 */
#ifndef GS_FUZZ_UTIL_H
#define GS_FUZZ_UTIL_H

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "gs.h"
#include "vm.h"
#include "fiber.h"

#ifndef FUZZ_HEAP_LIMIT
#define FUZZ_HEAP_LIMIT ((size_t)64 << 20)     /* bytes of VM objects */
#endif
#ifndef FUZZ_BUDGET_MS
#define FUZZ_BUDGET_MS 200                     /* wall-clock ms per input */
#endif
#define FUZZ_MAX_SLEEP 0.0001                  /* sleep(s) sleeps min(s, this) */
#ifndef FUZZ_MAX_FIBERS
#define FUZZ_MAX_FIBERS 1000                   /* live fibers ("too many fibers") */
#endif

static void fuzz_discard(gs_vm *vm, const char *text, size_t len, void *ud) {
  (void)vm; (void)text; (void)len; (void)ud;
}

/* Imports never read files. A few names give interesting module graphs:
 * "self" imports itself (a cycle), "a" imports "b", "b" imports "a", "bad"
 * does not compile, "throw" raises while loading, anything else is a small
 * module with a variable, a function and a class. */
static char *fuzz_load_module(gs_vm *vm, const char *path, size_t *len, void *ud) {
  (void)vm; (void)ud;
  const char *src =
      !strcmp(path, "self")  ? "import \"self\"\nlet x = 1\n" :
      !strcmp(path, "a")     ? "import \"b\"\nlet a = 1\n" :
      !strcmp(path, "b")     ? "import \"a\"\nlet b = 2\n" :
      !strcmp(path, "bad")   ? "let = = (\n" :
      !strcmp(path, "throw") ? "throw \"boom\"\n" :
      !strcmp(path, "yield") ? "let g = fiber(fn() { yield 1 })\nlet v = g.resume()\nyield\n" :
      "let x = 1\nfn f(...a) { return a }\nclass C { fn init(v) { self.v = v } fn str() { return \"C\" } }\n";
  size_t n = strlen(src);
  char *buf = malloc(n + 1);
  if (!buf) return NULL;
  memcpy(buf, src, n + 1);
  *len = n;
  return buf;
}

static gs_config fuzz_quiet_config(void) {
  gs_config cfg;
  gs_config_init(&cfg);
  cfg.write = fuzz_discard;
  cfg.write_error = fuzz_discard;
  cfg.load_module = fuzz_load_module;
  cfg.heap_limit = FUZZ_HEAP_LIMIT;
  return cfg;
}

/* ---- sandbox ------------------------------------------------------------- */

static void fuzz_disabled(gs_vm *vm, int argc) {
  (void)argc;
  gs_error(vm, "disabled while fuzzing");
}

static Value fuzz_sleep(VM *vm, int argc, Value *args) {
  double s = arg_num(vm, "sleep", args, 0);
  if (s > FUZZ_MAX_SLEEP) s = FUZZ_MAX_SLEEP;
  sched_sleep(vm, s);
  return NIL_VAL;
}

static Value fuzz_input(VM *vm, int argc, Value *args) {
  (void)vm; (void)argc; (void)args;
  return NIL_VAL;
}

#define FUZZ_OFF "Disabled while fuzzing: does nothing."
static void fuzz_sandbox(gs_vm *vm) {
  static const gs_reg os_stubs[] = {
    {"exit", fuzz_disabled, -1, FUZZ_OFF}, {"remove", fuzz_disabled, -1, FUZZ_OFF},
    {"rename", fuzz_disabled, -1, FUZZ_OFF}, {NULL, NULL, 0, NULL},
  };
  static const gs_reg io_stubs[] = {
    {"read_file", fuzz_disabled, -1, FUZZ_OFF}, {"write_file", fuzz_disabled, -1, FUZZ_OFF},
    {"append_file", fuzz_disabled, -1, FUZZ_OFF}, {"lines", fuzz_disabled, -1, FUZZ_OFF},
    {"open", fuzz_disabled, -1, FUZZ_OFF}, {"list_dir", fuzz_disabled, -1, FUZZ_OFF},
    {"stat", fuzz_disabled, -1, FUZZ_OFF}, {"exists", fuzz_disabled, -1, FUZZ_OFF},
    {"mkdir", fuzz_disabled, -1, FUZZ_OFF}, {"remove_all", fuzz_disabled, -1, FUZZ_OFF}, {NULL, NULL, 0, NULL},
  };
  gs_register_module(vm, "os", os_stubs);
  gs_register_module(vm, "io", io_stubs);
  /* io.stderr writes through write_error like io.stdout through write */
  vm_define_native(vm, "sleep", fuzz_sleep, 1, "sleep(seconds)\nWhile fuzzing: yields instead of sleeping.");
  vm_define_native(vm, "input", fuzz_input, -1, "input(prompt?)\nWhile fuzzing: always nil.");
  /* each live fiber holds a C stack; 1000 of them are plenty for fuzzing and
   * keep a spawn loop from eating the RSS budget before the watchdog fires */
  vm->max_fibers = FUZZ_MAX_FIBERS;
}

/* ---- watchdog ------------------------------------------------------------ */

static pthread_mutex_t fuzz_wd_lock = PTHREAD_MUTEX_INITIALIZER;
static VM *fuzz_wd_vm;             /* guarded by fuzz_wd_lock */
static int64_t fuzz_wd_deadline;   /* guarded by fuzz_wd_lock */
static int64_t fuzz_wd_fired;      /* inputs interrupted (statistics) */

static int64_t fuzz_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *fuzz_watchdog(void *arg) {
  (void)arg;
  for (;;) {
    struct timespec ts = {0, 5 * 1000000L};
    nanosleep(&ts, NULL);
    pthread_mutex_lock(&fuzz_wd_lock);
    if (fuzz_wd_vm && fuzz_now_ns() > fuzz_wd_deadline) {
      /* Repeated every 5 ms until the script is done: the interpreter clears
       * the flag when it raises. */
      gs_interrupt(fuzz_wd_vm);
      fuzz_wd_fired++;
    }
    pthread_mutex_unlock(&fuzz_wd_lock);
  }
  return NULL;
}

static void fuzz_watchdog_start(void) {
  static int started;
  if (started) return;
  started = 1;
  pthread_t t;
  if (pthread_create(&t, NULL, fuzz_watchdog, NULL) != 0) {
    fprintf(stderr, "fuzz: cannot start the watchdog thread\n");
    abort();
  }
  pthread_detach(t);
}

static void fuzz_watchdog_arm(VM *vm, int ms) {
  pthread_mutex_lock(&fuzz_wd_lock);
  fuzz_wd_vm = vm;
  fuzz_wd_deadline = fuzz_now_ns() + (int64_t)ms * 1000000LL;
  pthread_mutex_unlock(&fuzz_wd_lock);
}

static void fuzz_watchdog_disarm(void) {
  pthread_mutex_lock(&fuzz_wd_lock);
  fuzz_wd_vm = NULL;
  pthread_mutex_unlock(&fuzz_wd_lock);
}

/* stdin is never the terminal: io.stdin.read() must not block */
static void fuzz_detach_stdin(void) {
  if (!freopen("/dev/null", "r", stdin)) clearerr(stdin);
}

#endif
