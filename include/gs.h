/* gs.h — the GreenScript embedding API.
 *
 * The only header a host needs. Link with build/libgs.a, libuv, PCRE2 and -lm:
 *
 *     cc -Ipath/to/include host.c path/to/libgs.a -luv -lpcre2-8 -lm
 *
 * or, after `make install`, with the shared library (or --static):
 *
 *     cc host.c $(pkg-config --cflags --libs gs)
 *
 * docs/embedding.md walks through a complete host; examples/embed/ has two.
 *
 * VMs and threads
 * ---------------
 * A gs_vm is a complete interpreter with no global state: a process may hold
 * any number, created, used and freed in any order, interleaved, or even one
 * used from inside a native function of another. A VM must be used by one
 * thread at a time. While any of its fibers is suspended (sleeping, parked,
 * blocked, a generator waiting for resume) it must stay on the thread that
 * ran them: a fiber's C stack may hold thread-local addresses.
 *
 * Slots
 * -----
 * Values cross the boundary through *slots*, numbered from 0: a window of the
 * running fiber's VM stack.
 *  - Inside a native function, slots 0..argc-1 hold the arguments (for a
 *    method of a userdata class, slot 0 is self and argc counts it). More
 *    slots can be added with gs_ensure_slots(). They disappear when the
 *    native returns.
 *  - In host code (outside any native), the slots are those of the VM's main
 *    fiber; there are none until gs_ensure_slots(). They persist between
 *    calls and keep their values alive.
 * Slots stay valid across everything a native does: calls back into script,
 * yields, parking, garbage collections. The garbage collector never scans C
 * stacks, so a value kept only in a C local may be freed by the next
 * allocation: keep values in slots (or handles), never as C pointers or
 * across calls in C variables.
 *
 * Ownership
 * ---------
 *  - Strings passed in (names, sources, gs_set_string...) are copied; the
 *    caller keeps ownership of its buffers.
 *  - Pointers returned by the API (gs_get_string, gs_error_message,
 *    gs_get_userdata...) are owned by the VM: see each function for how long
 *    they stay valid. Never free them.
 *  - A gs_handle is owned by the host until gs_release(); gs_free() releases
 *    any left over.
 *  - A userdata block is owned by the VM: freed (after its finalizer) when the
 *    object becomes garbage, or at gs_free().
 *
 * Errors
 * ------
 *  - Functions that run script return a gs_status. The message
 *    ("file:line:col: message") and traceback of the last error are then
 *    available from gs_error_message() / gs_error_trace().
 *  - Inside a native, the functions documented as "raises" throw a script
 *    error (an Error instance) on misuse (wrong type, slot out of range, out
 *    of memory...): they do not return, and the error unwinds to the nearest
 *    `try` or to the caller of gs_call/gs_run_*. gs_error() raises on purpose.
 *  - In host code there is nothing to unwind to: a function that would raise
 *    records the error (gs_error_message()) and returns 0 / false / NULL /
 *    GS_RUNTIME_ERROR instead, leaving its destination slots unchanged. Only
 *    gs_error() itself aborts the process when called outside a native.
 *
 * Fibers
 * ------
 * Every fiber (but the main one, which runs on the host's stack) runs on its
 * own C stack, so a native may call gs_yield(), gs_park() or any script that
 * blocks at any depth, and its C locals are intact when it resumes. Two rules:
 *  - keep *values* across a yield in slots (see above); plain C data (ints,
 *    pointers to host memory) is fine in locals;
 *  - a fiber may never be resumed (it can be parked forever, or the VM freed
 *    while it waits): its C frames are then dropped without unwinding, so a
 *    native must not hold malloc'ed memory or a lock across a call that may
 *    yield, park, raise or run script. Keep such resources in a userdata
 *    (its finalizer frees them) or release them first.
 * The scheduler runs only when the host lets it: gs_run_string() runs the
 * main chunk, gs_run_fibers() runs until idle, gs_run_ready() runs one slice.
 */
#ifndef GS_H
#define GS_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__cplusplus)
#define GS_NORETURN [[noreturn]]
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define GS_NORETURN _Noreturn
#elif defined(__GNUC__) || defined(__clang__)
#define GS_NORETURN __attribute__((noreturn))
#else
#define GS_NORETURN
#endif
#if defined(__GNUC__) || defined(__clang__)
#define GS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define GS_PRINTF(f, a)
#endif

typedef struct gs_vm gs_vm;
typedef struct gs_handle gs_handle;

typedef enum {
  GS_OK = 0,
  GS_COMPILE_ERROR = 1,  /* syntax or resolution errors (or an unreadable
                            file): nothing ran */
  GS_RUNTIME_ERROR = 2,  /* an uncaught error */
  GS_DEADLOCK = 3,       /* fibers remain blocked and nothing can wake them */
  GS_INCOMPLETE = 4,     /* gs_run_repl: the entry stops inside a statement
                            (an open block, bracket or string, a trailing
                            operator): nothing ran, read another line */
} gs_status;

/* What gs_get_type() says; the names gs_type_name() gives are the language's
 * type() names ("nil", "bool", "int", ...). */
typedef enum {
  GS_NIL, GS_BOOL, GS_INT, GS_FLOAT, GS_STRING, GS_LIST, GS_MAP,
  GS_FUNCTION, GS_CLASS, GS_INSTANCE, GS_FIBER, GS_CHANNEL, GS_RANGE,
  GS_USERDATA, GS_MODULE, GS_OTHER
} gs_type;

/* A native function. Arguments are in slots 0..argc-1. Return a value with
 * one of gs_return_*; returning without one returns nil. A native may call
 * any function of this header, including ones that run script, yield or
 * park. */
typedef void (*gs_native)(gs_vm *vm, int argc);

/* A name/function pair for gs_register_module and gs_register_class.
 * arity: the number of arguments script must pass (not counting self for a
 * method), checked before the native runs with the standard message
 * "NAME() expects N arguments, got M"; -1 accepts any number (check them
 * with gs_check_argc). doc (optional, copied): what help() shows, the call
 * signature, a newline and a one-line description, e.g.
 * "greet(name)\nPrint a greeting for name." (a doc without a newline is the
 * description alone). A table ends with an entry whose name is NULL.
 * In a table for gs_register_class, arity GS_GETTER makes the entry a
 * computed field: reading `ud.name` (no call) runs the native with self alone
 * in slot 0 and gives what it returns (`ud.name()` runs it the same way). */
typedef struct {
  const char *name;
  gs_native fn;
  int arity;
  const char *doc;
} gs_reg;
#define GS_GETTER (-2)

/* ---- creating a VM ------------------------------------------------------- */

typedef struct {
  /* realloc-style allocator for the VM's objects and the API's own memory:
   * (NULL, n) allocates, (p, n) resizes, (p, 0) frees (and returns NULL).
   * Returning NULL for n > 0 means out of memory: the VM collects garbage
   * and retries once, then raises "out of memory". NULL: libc realloc/free.
   * Some bookkeeping still uses libc malloc directly (the VM struct itself,
   * the string intern table, the GC's gray stack, the globals array, the
   * scheduler and its timer heap, channel wait queues, the compiler's
   * temporary buffers and the stack pool of the fiber layer; see
   * docs/embedding.md). Fiber C stacks are mmap'ed. */
  void *(*reallocate)(void *ptr, size_t size, void *ud);
  /* Where print() writes, and where the VM reports what no status can carry
   * (uncaught errors in fibers nobody joins, "deadlock: ..." from
   * gs_run_fibers). text is not NUL-terminated. NULL: stdout / stderr. */
  void (*write)(gs_vm *vm, const char *text, size_t len, void *ud);
  void (*write_error)(gs_vm *vm, const char *text, size_t len, void *ud);
  /* Source of `import "path"` (path as written in the script). Return a
   * buffer from libc malloc (the VM frees it with free()) and set *len, or
   * return NULL to fall back to the file system (relative to the importing
   * file, then GS_PATH). Each path is loaded once per VM. NULL: file system
   * only. */
  char *(*load_module)(gs_vm *vm, const char *path, size_t *len, void *ud);
  /* Usable C stack per fiber in bytes, rounded up to pages (minimum 16 KiB);
   * 0 = the default (64 KiB). Deeper native recursion inside a fiber goes
   * on on more stacks of this size, as deep as on the main fiber, then
   * raises "stack overflow". */
  size_t fiber_stack_size;
  /* bytes of VM objects; past it allocation raises "out of memory". 0 = none.
   * A limit below GS_MIN_HEAP_LIMIT cannot hold the VM itself: gs_new then
   * fails (returns NULL, allocating nothing). */
  size_t heap_limit;
  /* live fibers at most; spawning more raises "too many fibers (limit N)".
   * 0 = no limit. */
  int max_fibers;
  /* GS_LIB_* bits of the optional libraries gs_new does not open (0: it
   * opens them all); gs_open_libs can open them later. */
  unsigned skip_libs;
  void *user_data;           /* passed as `ud` above, and by gs_user_data() */
} gs_config;

/* The smallest heap_limit gs_new accepts: a new VM with its standard
 * library, with room to compile and run a small script. */
#define GS_MIN_HEAP_LIMIT ((size_t)128 * 1024)

/* The C stack a fiber gets when fiber_stack_size is 0 (four times that in
 * an AddressSanitizer build, whose frames are several times larger). */
#define GS_DEFAULT_FIBER_STACK ((size_t)64 * 1024)

/* The optional libraries (stdlib/), for gs_open_libs and skip_libs. */
#define GS_LIB_MATH 0x01u
#define GS_LIB_IO   0x02u
#define GS_LIB_OS   0x04u
#define GS_LIB_JSON 0x08u
#define GS_LIB_RE   0x10u
#define GS_LIB_NET  0x20u
#define GS_LIB_PROC 0x40u
#define GS_LIB_UTF8 0x80u
#define GS_LIB_ALL  0xffffu

/* Fill a config with the defaults (all zero / NULL). */
void gs_config_init(gs_config *config);
/* Create a VM with the standard library loaded; the config is copied.
 * config may be NULL (all defaults). Returns NULL when the VM cannot be
 * allocated or heap_limit is nonzero and below GS_MIN_HEAP_LIMIT. */
gs_vm *gs_new(const gs_config *config);
/* Free the VM and every byte it holds: objects (running userdata
 * finalizers), suspended and parked fibers and their stacks, handles the host
 * did not release. Call it from host code, never from a native of this VM. */
void gs_free(gs_vm *vm);
/* Ask the running script to stop, for a host that wants to end a runaway
 * script (a watchdog timer, a signal handler, another thread: it only sets a
 * flag, atomically; see also gs_set_hook). The VM stays usable; the process
 * is never aborted. The request stays pending until it is delivered, once:
 *  - to the fiber running script at its next check point (each loop
 *    iteration, each call, long str()/print of big values): that fiber raises
 *    `interrupted`, which no `try` catches; nor does a gs_call /
 *    gs_run_string made by a native: it does not return, the error goes on
 *    unwinding through the native. A spawned fiber that receives it dies
 *    with it (written to write_error as "error in fiber N: ...") and stops
 *    the scheduler;
 *  - or to the next entry point that runs script or the scheduler, before it
 *    runs anything, when nothing was running: gs_run_string, gs_run_file,
 *    gs_call, gs_fiber_join, gs_run_fibers, gs_run_ready, gs_yield;
 *  - or, while gs_run_fibers sleeps for a timer, to the scheduler.
 * The entry point that delivered it returns GS_RUNTIME_ERROR (gs_run_ready:
 * -1; gs_yield from host code: only records it) with gs_error_message()
 * "interrupted" ("file:line:col: interrupted" when a script was running). Fibers
 * that were not running are untouched: the next gs_run_* runs them.
 * gs_clear_interrupt() drops a request that is still pending. */
void gs_interrupt(gs_vm *vm);
/* Ask for a table of every live fiber — id, name, what it waits on, where,
 * and its traceback — written to write_error at the VM's next check point
 * (a loop iteration or call, or while the scheduler waits for a timer); the
 * program goes on. Safe to call from a signal handler or another thread
 * (gs uses it for SIGQUIT, like Go's goroutine dump). */
void gs_dump_fibers(gs_vm *vm);
/* config->user_data */
void *gs_user_data(gs_vm *vm);
/* Change heap_limit (0: none) of a VM that exists, e.g. to bound what a
 * script may allocate without counting what gs_new and the host set up
 * (gs --heap-limit does that). A limit below what is in use raises "out of
 * memory" at the next allocation that cannot be collected away. */
void gs_set_heap_limit(gs_vm *vm, size_t bytes);
/* Set the script arguments seen as os.args (strings are copied). Raises
 * (or, from the host, records) only when out of memory. */
void gs_set_args(gs_vm *vm, int argc, const char *const *argv);
/* The list of script arguments (os.args) into slot `dest`: one list per VM,
 * which gs_set_args refills in place, so a library may keep it. */
void gs_get_args(gs_vm *vm, int dest);
/* Open the optional libraries of `libs` (GS_LIB_* bits) as globals, like
 * Lua's luaL_openlibs; one whose global name (math, io, os, json) is
 * already defined is left alone. For a VM made with config->skip_libs. */
void gs_open_libs(gs_vm *vm, unsigned libs);
/* For a program's main(), not a library (once in each thread that runs
 * fibers): install a SIGSEGV handler (on an alternate signal stack) that
 * turns a fiber running into its stack's guard
 * page into "fatal: stack overflow in a fiber" and exit status 134 instead
 * of a bare crash; other faults go to the handler installed before. */
void gs_handle_stack_overflow(void);

/* ---- running code -------------------------------------------------------- */

/* Compile `source` (len bytes, need not be NUL-terminated) and run its top
 * level in the main fiber. All chunks run by one VM share one main module:
 * its top-level variables persist between calls and gs_get_global() sees
 * them. `name` (NULL: "<string>") is the file name in messages; the name given
 * to the VM's first chunk also anchors relative imports. Fibers the chunk
 * spawned are left to the scheduler: run them with gs_run_fibers() /
 * gs_run_ready(). Returns GS_OK, GS_COMPILE_ERROR (gs_error_message() then
 * holds every compile error, one "name:line:col: message" per line) or
 * GS_RUNTIME_ERROR (message and traceback). Errors are not printed. */
gs_status gs_run_string(gs_vm *vm, const char *name, const char *source, size_t len);
/* Read the file at `path` and run it as gs_run_string(vm, path, ...) does.
 * An unreadable file is a GS_COMPILE_ERROR ("cannot open 'path': reason"). */
gs_status gs_run_file(gs_vm *vm, const char *path);
/* Run scheduled fibers until all have finished, waiting in the VM's event
 * loop while fibers wait only for timers or I/O (gs_wait_fd, the libraries'
 * sockets, pipes and files). Returns GS_OK when none is left, or as soon as the
 * only fibers left are blocked and at least one of them is parked by the host
 * (gs_park: the host may wake them; run the scheduler again afterwards).
 * Returns GS_DEADLOCK when fibers remain blocked and nothing can wake them
 * (the message, "deadlock: N fibers blocked", is also written to
 * write_error), GS_RUNTIME_ERROR when interrupted (gs_interrupt). Host code
 * only: raises if called from a native. */
gs_status gs_run_fibers(gs_vm *vm);
/* One slice, for a host that interleaves the scheduler with its own loop:
 * collect what the VM's event loop has ready without blocking (I/O that
 * wakes parked fibers, see gs_loop_fd), fire the timers that are due, then
 * run each fiber that is ready once, until
 * it yields, blocks, parks or ends. Fibers made ready during the slice (woken,
 * yielded again) wait for the next slice, so this always returns. Fibers
 * that failed and that nobody joined are reported ("error in fiber N: ...",
 * to write_error) at the end of the slice. Returns the
 * number of fibers still alive (ready, sleeping or blocked), or -1 when the
 * slice was interrupted (gs_interrupt; gs_error_message() says so; the
 * fibers that did not receive the interrupt are still there). Host code
 * only: raises if called from a native. */
int gs_run_ready(gs_vm *vm);
/* The host's poll timeout: 0 if a fiber is ready to run (call gs_run_ready),
 * else nanoseconds until the next timer (sleep(), a gs_wait_fd time limit)
 * is due, or -1 if only the host (gs_wake) or I/O (gs_loop_fd) can make a
 * fiber runnable, or no fiber is alive. */
int64_t gs_next_timer_ns(gs_vm *vm);

/* Run a whole program as `gs file` does: compile `source` as the main
 * chunk (named `name`), run it, then its fibers until none is left, and
 * write every error to write_error as gs shows it: compile errors, the
 * uncaught error with its traceback, "error in fiber N: ..." for failed
 * fibers nobody joined, "deadlock: ...". Top-level variables that no
 * function uses live in registers (faster; gs_get_global does not see them
 * afterwards). Returns GS_OK, or the first thing that went wrong:
 * GS_COMPILE_ERROR, GS_RUNTIME_ERROR (also when a fiber failed unjoined, or
 * interrupted), GS_DEADLOCK. An error of standard output itself is left to
 * gs_output_error (not reported twice). Host code only. */
gs_status gs_run_program(gs_vm *vm, const char *name, const char *source, size_t len);
/* Compile `source` as gs_run_program would and write the bytecode listing
 * of every function where print() writes, running nothing (gs --dis).
 * GS_COMPILE_ERROR as gs_run_string reports it. */
gs_status gs_disassemble_source(gs_vm *vm, const char *name, const char *source, size_t len);
/* Run one REPL entry: as gs_run_string (same main module), except that a
 * top-level `let` may declare a name again, and the value of the entry's
 * last statement, if it is an expression, goes to slot `dest` (nil
 * otherwise; -1: dropped). GS_INCOMPLETE when the source stops inside a
 * statement: nothing ran, gs_error_message() says why, in case the user
 * gives up on the entry. Fibers the entry spawned wait for gs_run_ready. */
gs_status gs_run_repl(gs_vm *vm, const char *name, const char *source, size_t len, int dest);
/* Write the last recorded error (gs_error_message() and gs_error_trace())
 * to write_error as gs shows it:
 *     file:line:col: message
 *     traceback:
 *       file:line in function
 * (compile errors: one per line). Nothing if none has been recorded. */
void gs_report_error(gs_vm *vm);

/* The last error recorded by a gs_run_*, gs_call or failed host-side call:
 * "file:line:col: message" (just the message if no script was running), and the
 * traceback lines ("file:line in function", innermost first) joined with
 * newlines ("" if none). The strings are owned by the VM and valid until the
 * next error is recorded or the VM is freed. "" before any error. */
const char *gs_error_message(gs_vm *vm);
const char *gs_error_trace(gs_vm *vm);

/* Standard output failed? With the default writer (config->write NULL),
 * flush stdout, then return the errno of the first write or flush of it
 * that failed (ENOSPC on a full disk, EPIPE when the reader has gone and
 * SIGPIPE is ignored), or 0. Once a write has failed, the script that writes
 * next (print, io.stdout.write, input's prompt, os.exit's flush) stops with
 * "write error on standard output: <reason>", which no `try` catches, and
 * the gs_run_* running it returns GS_RUNTIME_ERROR. A host writer reports
 * its own failures: then this is always 0. The `gs` command checks it after
 * every run:
 *   int err = gs_output_error(vm);
 *   if (err) fprintf(stderr, "gs: write error on standard output: %s\n", strerror(err));
 */
int gs_output_error(gs_vm *vm);
/* Write text (len bytes) where print() writes (config->write), for a
 * library with its own output functions: it interleaves exactly with print.
 * Inside a native, once standard output has failed (this write or an
 * earlier one), it raises "write error on standard output: <reason>" as
 * print does, which no `try` catches. With the default writer, when
 * standard output is a pipe or socket that cannot take more and other
 * fibers are alive, the running fiber parks until it can (a wait point: a
 * cancel or timeout may be raised, after the part already written); outside
 * any protected call it blocks instead. */
void gs_write(gs_vm *vm, const char *text, size_t len);
/* Write text to config->write_error (stderr), after flushing standard
 * output so that the two keep their order. Never raises. */
void gs_write_error(gs_vm *vm, const char *text, size_t len);
/* Flush what the default writer buffers for standard output (nothing to do
 * with a host writer), e.g. before waiting for input. Inside a native it
 * then raises like gs_write if standard output has failed, unless
 * `check` is false; with `check`, it may park like gs_write. */
void gs_flush(gs_vm *vm, bool check);

/* ---- slots ----------------------------------------------------------------- */

/* Make slots 0..n-1 usable; new ones are nil, existing ones keep their values
 * (never shrinks). Raises if n is absurdly large ("stack overflow"). */
void gs_ensure_slots(gs_vm *vm, int n);
/* Number of usable slots (argc inside a native before gs_ensure_slots). */
int gs_slot_count(gs_vm *vm);

/* All functions taking a slot raise if it is out of range. */
gs_type gs_get_type(gs_vm *vm, int slot);
/* As type() says it: "nil", "int", "userdata"... (static string). */
const char *gs_type_name(gs_vm *vm, int slot);
/* Truthiness: false only for nil and false. */
bool gs_get_bool(gs_vm *vm, int slot);
/* Ints, and floats with an integral value in range, convert; anything else
 * raises ("expected an int, got string"). */
int64_t gs_get_int(gs_vm *vm, int slot);
/* An int or a float as a double; anything else raises. */
double gs_get_float(gs_vm *vm, int slot);
/* A string's bytes and (if len is not NULL) its length. The bytes may contain
 * NULs and are followed by one, for convenience. The pointer is valid while
 * the string stays in a slot (or a handle, or anything reachable). Raises if
 * the slot is not a string. */
const char *gs_get_string(gs_vm *vm, int slot, size_t *len);
/* str() of any value into slot `dest` (may run a class's str() method, which
 * may yield). */
void gs_to_string(gs_vm *vm, int slot, int dest);

void gs_set_nil(gs_vm *vm, int slot);
void gs_set_bool(gs_vm *vm, int slot, bool v);
void gs_set_int(gs_vm *vm, int slot, int64_t v);
void gs_set_float(gs_vm *vm, int slot, double v);
/* A new string with a copy of len bytes (NULs allowed). */
void gs_set_string(gs_vm *vm, int slot, const char *s, size_t len);
/* gs_set_string of a NUL-terminated string. */
void gs_set_cstring(gs_vm *vm, int slot, const char *s);
/* Copy the value of slot `from` into slot `to` (the same object, not a copy
 * of a list or map). */
void gs_copy(gs_vm *vm, int from, int to);
/* The two slots hold the same value, calling nothing: the same object for
 * lists, maps, instances, functions, fibers...; equal scalars or strings
 * (1 and 1.0 are equal, as with ==). Like Lua's lua_rawequal. */
bool gs_raw_equal(gs_vm *vm, int a, int b);
/* a < b as script compares: numbers (ints and floats exactly), strings
 * (bytewise); raises for anything else ("cannot compare list and int"). */
bool gs_less(gs_vm *vm, int a, int b);

/* Lists. Indexes are 0-based; negative ones count from the end. The list
 * functions raise if the slot does not hold a list. */
void gs_new_list(gs_vm *vm, int slot);                               /* [] */
int64_t gs_list_count(gs_vm *vm, int list);
void gs_list_get(gs_vm *vm, int list, int64_t index, int dest);       /* raises when out of range */
void gs_list_set(gs_vm *vm, int list, int64_t index, int value);      /* raises when out of range */
void gs_list_push(gs_vm *vm, int list, int value);

/* Maps (insertion-ordered; 1 and 1.0 are the same key). The map functions
 * raise if the slot does not hold a map. */
void gs_new_map(gs_vm *vm, int slot);                                 /* {} */
int64_t gs_map_count(gs_vm *vm, int map);
/* Value of the key in slot `key` into `dest`; false (and nil in dest) when
 * the key is missing. */
bool gs_map_get(gs_vm *vm, int map, int key, int dest);
/* Raises if the key is nil or NaN. */
void gs_map_set(gs_vm *vm, int map, int key, int value);
/* False if the key was not there. */
bool gs_map_remove(gs_vm *vm, int map, int key);
/* Iterate in insertion order: start with *pos = 0; each call puts the next
 * entry into key_dest and value_dest and returns true, or returns false when
 * done. Do not add keys to the map while iterating (removing is fine). */
bool gs_map_next(gs_vm *vm, int map, int64_t *pos, int key_dest, int value_dest);

/* A variable visible to scripts into `dest`: a top-level variable of the main
 * module (what gs_run_string defined), else a global (builtins, registered
 * functions and modules). False (and nil) if there is none. */
bool gs_get_global(gs_vm *vm, const char *name, int dest);
/* Define or replace a global. Scripts resolve names when compiled: define
 * globals before running code that uses them. */
void gs_set_global(gs_vm *vm, const char *name, int value);

/* `obj.name` as script reads it, into `dest`: an instance field or a method
 * bound to obj, a module variable, a map key (nil if missing), a method of a
 * built-in type (a fiber's join, a list's push...) or of a userdata class,
 * bound to obj. Raises if there is no such field. */
void gs_get_field(gs_vm *vm, int obj, const char *name, int dest);
/* `obj.name = value` on an instance, a map or a module; raises otherwise. */
void gs_set_field(gs_vm *vm, int obj, const char *name, int value);

/* ---- natives ------------------------------------------------------------------- */

/* Define the global function `name` (see gs_reg for arity). Natives must be
 * registered before the scripts that use them are compiled. */
void gs_register(gs_vm *vm, const char *name, gs_native fn, int arity);
/* A global module object `name` (like math or io) holding the functions of
 * `regs` (NULL-name terminated; the strings are copied). Calling it again
 * with the same name adds to the module. */
void gs_register_module(gs_vm *vm, const char *name, const gs_reg *regs);
/* Set a variable (e.g. a constant) of a module made by gs_register_module
 * (creating the module if needed) to the value in slot `value`. */
void gs_module_set(gs_vm *vm, const char *module, const char *name, int value);
/* A native function as a value, into slot `dest`: reg's name (for messages
 * and help), fn, arity and doc, as in a module table. With self >= 0, the
 * value of slot `self` (not nil) is bound to it as a hidden receiver: every
 * call gets it in slot 0, ahead of the script's arguments (argc counts it,
 * arity does not). That is per-VM state for a library without globals,
 * like a Lua C closure's upvalue:
 *
 *     gs_new_userdata(vm, 0, "rng", sizeof(Rng), NULL);
 *     gs_new_function(vm, 1, &(gs_reg){"random", rng_random, 0, NULL}, 0);
 *     gs_module_set(vm, "math", "random", 1);
 */
void gs_new_function(gs_vm *vm, int dest, const gs_reg *reg, int self);

/* Inside a native: set its return value (the last call wins). May be called
 * before calling back into script; the value is kept safe meanwhile.
 * Outside a native they raise / record an error. */
void gs_return_nil(gs_vm *vm);
void gs_return_bool(gs_vm *vm, bool v);
void gs_return_int(gs_vm *vm, int64_t v);
void gs_return_float(gs_vm *vm, double v);
void gs_return_string(gs_vm *vm, const char *s, size_t len);  /* copied */
void gs_return_cstring(gs_vm *vm, const char *s);
void gs_return_slot(gs_vm *vm, int slot);

/* Raise an error: an Error instance whose message is the printf-style
 * formatted text (up to 511 bytes). Does not return: unwinds to the nearest
 * `try`, or to the caller of gs_call/gs_run_*. Only inside a native (from
 * host code it prints the message and aborts the process). */
GS_NORETURN void gs_error(gs_vm *vm, const char *fmt, ...) GS_PRINTF(2, 3);
/* Raise unless min <= argc <= max (max -1: no limit), with the standard
 * "NAME() expects N arguments, got M" message. */
void gs_check_argc(gs_vm *vm, const char *name, int argc, int min, int max);

/* Userdata: host objects. A userdata is a block of `size` bytes (zeroed,
 * aligned for any C type) owned by the VM, with a type tag (a string, copied)
 * naming its kind. When it becomes garbage, or at gs_free, finalize(data)
 * runs (if not NULL) and the block is freed. A finalizer must not call into
 * the VM (but gs_forget_fd and gs_release, see gs_register_class). type() of a userdata is "userdata"; str() and print use the str
 * method of its class (gs_register_class), else show <TAG userdata>.
 * Returns the block (valid as long as the object lives). */
void *gs_new_userdata(gs_vm *vm, int slot, const char *type_tag, size_t size, void (*finalize)(void *data));
/* The block of the userdata in `slot` if its tag is `type_tag` (any tag if
 * NULL), else NULL (never raises for a wrong type). */
void *gs_get_userdata(gs_vm *vm, int slot, const char *type_tag);
/* Methods for every userdata of `type_tag`, existing and future: script calls
 * them as ud.name(args); the native gets self in slot 0 and argc counts it.
 * Calling it again adds or replaces methods. A method named "iter" makes
 * the userdata iterable: `for x in ud` iterates over what ud.iter() returns
 * (a list, a generator, a channel...). Entries of arity GS_GETTER are
 * computed fields (above). A finalizer may call gs_forget_fd (nothing waits
 * on a garbage object's descriptor) and gs_release (handles the object's
 * C block holds; during gs_free, when every handle is gone already, it does
 * nothing), and nothing else of the API. */
void gs_register_class(gs_vm *vm, const char *type_tag, const gs_reg *methods);

/* ---- handles and calls ----------------------------------------------------- */

/* A handle keeps the value of `slot` alive (and reachable from C) until
 * gs_release, across any number of calls, from host code or natives. */
gs_handle *gs_get_handle(gs_vm *vm, int slot);
/* Put the handle's value into `slot`. */
void gs_set_handle(gs_vm *vm, int slot, gs_handle *h);
/* Release a handle of this VM (NULL is ignored). */
void gs_release(gs_vm *vm, gs_handle *h);

/* Call the value in slot `fn` (a function, bound method, class, native) with
 * the argc values in the slots after it. The result replaces slot `fn` (the
 * argument slots keep their values). Errors are caught: GS_RUNTIME_ERROR,
 * with the error value in slot `fn` and the message and traceback recorded.
 * Callable from host code and from natives; the called script may yield and
 * block like any script (from host code, on the main fiber: other fibers run
 * meanwhile, and blocking with no fiber able to run is the error
 * "deadlock: N fibers blocked"). */
gs_status gs_call(gs_vm *vm, int fn, int argc);
/* Create a fiber running the value in slot `fn` with the argc values after
 * it as arguments, scheduled at the back of the run queue (like `spawn`);
 * the fiber goes to slot `fn`. It runs at the next gs_run_ready/
 * gs_run_fibers (or when the running fiber yields or blocks). Join it (e.g.
 * gs_get_field(fiber, "join") + gs_call) to get its result or its error. */
void gs_spawn(gs_vm *vm, int fn, int argc);

/* ---- fibers from natives ----------------------------------------------------------- */

/* Inside a native: let the other ready fibers run, then continue (a scheduled
 * fiber goes to the back of the run queue; in a generator, nil is handed to
 * the resumer and the native continues at the next resume()). The native's
 * slots and C locals are intact afterwards. From host code: run one slice
 * like gs_run_ready. */
void gs_yield(gs_vm *vm);
/* Inside a native running in a generator: yield the value of slot `value`
 * (-1: nil) to the resumer, and put the value passed to the next resume()
 * into slot `dest` (-1: drop it). In a scheduled fiber it behaves as
 * gs_yield (dest gets nil). */
void gs_yield_value(gs_vm *vm, int value, int dest);
/* Inside a native: a handle to the running fiber, the token for gs_wake.
 * Release it with gs_release when done (it keeps the fiber object alive). */
gs_handle *gs_current_fiber(gs_vm *vm);
/* Inside a native: block the running fiber until gs_wake is called on its
 * handle; other fibers run meanwhile. The value given to gs_wake lands in
 * slot `dest` (-1: drop it). Raises in the main fiber (the host is waiting
 * for it: nothing could wake it), so call parking natives from spawned fibers.
 * A fiber that is never woken stays parked until gs_free. A park is a wait
 * point: if the fiber is cancelled (f.cancel()) or a timeout() deadline of it
 * passes while it is parked — or one is already pending — gs_park raises
 * that error (kind "cancelled" / "timeout") instead of returning; the park
 * is undone first, so a later gs_wake on the handle returns false. */
void gs_park(gs_vm *vm, int dest);
/* From host code or a native: make the parked fiber `fiber` (a handle from
 * gs_current_fiber) ready, with the value of slot `value` (-1: nil) as the
 * result of its gs_park. It runs at the next gs_run_ready/gs_run_fibers (or
 * when the running fiber yields or blocks). Returns false if it is not
 * parked (never parked, already woken, finished). */
bool gs_wake(gs_vm *vm, gs_handle *fiber, int value);
/* Inside a native: call fn(ud) with at least `bytes` of C stack free below
 * it — where it is when the running fiber has that much left, else on a
 * stack of its own (the fiber's C stack grows by a segment for the call;
 * the main fiber runs on the process stack). For natives that call into C
 * code that recurses on its own, such as a regex or parser library: a
 * fiber's C stack is small (GS_DEFAULT_FIBER_STACK), and the VM's margin
 * covers only ordinary calls. fn must return normally: no gs_error, no
 * yield, no call into the VM. Raises "out of memory" if no stack can be
 * had. */
void gs_with_cstack(gs_vm *vm, size_t bytes, void (*fn)(void *ud), void *ud);

/* ---- interrupts, hooks, raising values, fibers from C ------------------------ */

/* Drop a pending gs_interrupt() that nothing has received yet (see there),
 * e.g. before running the next, unrelated script. Returns true if one was
 * pending. Safe from a signal handler or another thread.
 *
 *     gs_clear_interrupt(vm);            // a late watchdog must not stop it
 *     gs_run_string(vm, "next.gs", src, len);
 */
bool gs_clear_interrupt(gs_vm *vm);
/* Inside a native that waits in the kernel (a read, a poll): if an
 * interrupt is pending (a wait broken by EINTR, after Ctrl-C), deliver it
 * now: raises `interrupted` as a check point of script does. Does nothing
 * when none is pending, or in host code (the next entry point delivers it). */
void gs_check_interrupt(gs_vm *vm);
/* Run a full garbage collection now: unreachable userdata are finalized,
 * e.g. to close the files a script dropped when the process runs out of
 * descriptors. Safe from host code and from natives. */
void gs_collect(gs_vm *vm);

/* A count hook: hook(vm, ud) is called every `every` steps of script, a step
 * being a check point of gs_interrupt (a loop iteration, a call). No hook
 * (the default) costs nothing: the check points test one word either way.
 * hook NULL or every <= 0 removes it; setting one replaces the previous one.
 * The hook runs in the fiber that is running script, in the middle of it:
 * it may call gs_interrupt() (the script stops right after the hook returns,
 * see gs_interrupt), gs_error() (a catchable error raised where the script
 * is), gs_set_hook(), gs_clear_interrupt() and gs_user_data(); it must not
 * use slots, run script, yield or park. ud is the hook's own pointer.
 * An instruction budget, like Lua's LUA_MASKCOUNT hook:
 *
 *     static void out_of_budget(gs_vm *vm, void *ud) { gs_interrupt(vm); }
 *     gs_set_hook(vm, out_of_budget, 1000000, NULL);    // 10^6 steps
 *     if (gs_run_string(vm, "user.gs", src, len) == GS_RUNTIME_ERROR) ...
 *     gs_set_hook(vm, NULL, 0, NULL);
 */
typedef void (*gs_hook)(gs_vm *vm, void *ud);
void gs_set_hook(gs_vm *vm, gs_hook hook, int64_t every, void *ud);

/* Inside a native: raise the value of `slot`, any value (an Error instance,
 * an instance of a script class, a string...), like lua_error. A `try` in
 * script catches that very value. Re-raising the error a failed gs_call
 * left in its slot raises it unchanged: same value, same position and
 * traceback (where it first went wrong). Does not return. From host code it
 * prints a message and aborts the process, like gs_error().
 *
 *     if (gs_call(vm, 0, 1) != GS_OK) gs_raise(vm, 0);   // pass it on
 */
GS_NORETURN void gs_raise(gs_vm *vm, int slot);

/* What gs_fiber_status() says about a fiber. */
typedef enum {
  GS_FIBER_NEW,        /* a generator never resumed */
  GS_FIBER_READY,      /* in the run queue: runs at the next gs_run_ready */
  GS_FIBER_RUNNING,    /* running: the caller's own fiber (or its resumer) */
  GS_FIBER_SUSPENDED,  /* a generator waiting for resume */
  GS_FIBER_BLOCKED,    /* waiting: join, channel, sleep, parked by the host */
  GS_FIBER_DONE,       /* returned; gs_fiber_join gives its result */
  GS_FIBER_FAILED      /* ended with an uncaught error; gs_fiber_join gives it */
} gs_fiber_state;

/* The fiber in `slot` (from gs_spawn, a script, gs_set_handle of
 * gs_current_fiber...): its id, the number in "error in fiber N" (the main
 * fiber is 0), and its state. Both raise (from host code: record the error
 * and return -1 / GS_FIBER_FAILED) if the slot holds no fiber. */
int64_t gs_fiber_id(gs_vm *vm, int fiber);
gs_fiber_state gs_fiber_status(gs_vm *vm, int fiber);

/* Wait for the fiber in slot `fiber` to finish and put its result into slot
 * `dest` (may be the same slot): GS_OK, or GS_RUNTIME_ERROR with its error
 * value in `dest` and the message and traceback recorded, as gs_call
 * reports an error. Joining marks the fiber joined, so its error is not also
 * reported as "error in fiber N". On a finished fiber it returns at once:
 * this is how to read a result. From host code the other fibers run
 * meanwhile (blocking forever is "deadlock: N fibers blocked"); from a
 * native the calling fiber blocks like `f.join()`.
 *
 *     gs_spawn(vm, 0, 1);                         // slot 0: the fiber
 *     gs_run_fibers(vm);
 *     if (gs_fiber_status(vm, 0) == GS_FIBER_DONE && gs_fiber_join(vm, 0, 1) == GS_OK)
 *       printf("fiber %lld: %lld\n", (long long)gs_fiber_id(vm, 0), (long long)gs_get_int(vm, 1));
 */
gs_status gs_fiber_join(gs_vm *vm, int fiber, int dest);

/* Cancel the fiber in slot `fiber`, as `f.cancel()` does: the wait point it
 * is blocked at (or its next one) raises an Error of kind "cancelled"; a
 * suspended generator is closed (its finally blocks run); a fiber not yet
 * started never runs its body; on a done fiber it does nothing. Returns at
 * once (GS_OK) without waiting for the fiber to finish: join it for that.
 * A fiber that ends with the cancelled error is GS_FIBER_FAILED (its script
 * status() says "done"), but is never reported as "error in fiber N".
 * Cancelling the caller's own fiber makes its next wait raise. GS_RUNTIME_ERROR
 * if the slot holds no fiber.
 *
 *     gs_fiber_cancel(vm, 0);
 *     if (gs_fiber_join(vm, 0, 1) == GS_RUNTIME_ERROR) ...   // kind "cancelled"
 */
gs_status gs_fiber_cancel(gs_vm *vm, int fiber);

/* ---- non-blocking I/O: descriptors, the thread pool, the event loop -------- */

/* Every VM has one event loop (libuv, made on first use): when no fiber is
 * ready, the scheduler waits in it for descriptors, timers, the thread pool
 * and wake-ups. A fiber parked on I/O is not a deadlock. */

/* Events for gs_wait_fd */
#define GS_READABLE 1
#define GS_WRITABLE 2
/* gs_wait_fd's results besides the ready events */
#define GS_WAIT_CLOSED (-1)   /* gs_forget_fd(fd) was called meanwhile */
#define GS_WAIT_ERROR (-2)    /* host code only: the error is recorded */

/* Park the running fiber until descriptor fd is ready for `events`
 * (GS_READABLE | GS_WRITABLE); other fibers run meanwhile. Returns the events
 * that are ready (an error or hang-up on fd counts as both: the next read or
 * write says what it is), 0 when timeout_s seconds passed first (timeout_s
 * < 0: no limit), or GS_WAIT_CLOSED when gs_forget_fd(fd) was called while it
 * waited (another fiber closed it). The native does its own read/write on
 * a non-blocking descriptor: try it first, and wait only when it says
 * EAGAIN. Waiting never changes the descriptor's mode (a blocking one stays
 * blocking: its open file description may be shared with other processes).
 * It is a wait point: a cancel or a timeout() deadline raises (kind
 * "cancelled" / "timeout"), as gs_park does. Raises kind "busy" if another
 * fiber already waits for one of these events on fd (one reader and one
 * writer at a time). Usable from host code too (the main fiber waits, the
 * others run; an error is then recorded and GS_WAIT_ERROR returned).
 *
 *     ssize_t n;
 *     while ((n = read(fd, buf, sizeof buf)) < 0 && errno == EAGAIN)
 *       if (gs_wait_fd(vm, fd, GS_READABLE, -1) == GS_WAIT_CLOSED) gs_error(vm, "closed");
 */
int gs_wait_fd(gs_vm *vm, int fd, int events, double timeout_s);
/* Call before closing a descriptor given to gs_wait_fd (the loop keeps
 * watching it otherwise, and a new descriptor with the same number would be
 * missed): the loop forgets it and a fiber waiting on it returns
 * GS_WAIT_CLOSED. Harmless for a descriptor the loop never saw. Never
 * raises. */
void gs_forget_fd(gs_vm *vm, int fd);
/* Inside a native: run work(arg) on the loop's worker-thread pool (for
 * calls that block: getaddrinfo, file system calls) and park the running
 * fiber until it has finished. work must not touch the VM. A cancel or
 * timeout that comes meanwhile is raised when work has finished, or at once
 * if it had not started yet (it then never runs): arg is never used after
 * gs_run_blocking returns or raises, so it may live on the native's stack.
 * Raises if the pool cannot take the work. */
void gs_run_blocking(gs_vm *vm, void (*work)(void *arg), void *arg);
/* As gs_run_blocking, with `key` naming what work uses (a FILE, say):
 * while a job with the same key is queued or running, raises kind "busy". */
void gs_run_blocking_on(gs_vm *vm, const void *key, void (*work)(void *arg), void *arg);
/* Inside a native: true when no spawned fiber is alive, so a short blocking
 * call (reading a regular file) delays nobody and may run right here rather
 * than through gs_run_blocking. */
bool gs_alone(gs_vm *vm);
/* Another fiber already waits for one of `events` on fd: a native can raise
 * its own "busy" error, naming what it does, before gs_wait_fd would. */
bool gs_fd_busy(gs_vm *vm, int fd, int events);
/* Inside a native, before reading the stdio stream fp (`name` for messages):
 * how many bytes fp's buffer holds, *bytes pointing at them. An empty
 * buffer is first filled with one read while only the running fiber waits:
 * a pipe, socket or terminal in the event loop, anything else (a regular
 * file) on the worker pool, or right here when gs_alone. Take the bytes with
 * fread or getc: they then make no system call. 0 at end of file. Raises
 * "cannot read 'NAME': reason" (kind and errno as gs_new_error), kind "busy"
 * when another fiber is filling fp, and a pending cancel or timeout (a wait
 * point). input() and io.stdin read standard input this way. */
size_t gs_fill_stream(gs_vm *vm, FILE *fp, const char *name, const char **bytes);
/* The kind of an I/O error for an OS error number: "not_found" for ENOENT,
 * "permission", "exists", ... and "io" for the rest (docs/io.md). */
const char *gs_errno_kind(int err);

/* For a host that runs its own event loop: a descriptor (libuv's backend,
 * an epoll descriptor) that becomes readable when the VM's loop has
 * something to do. Poll it for reading, with gs_next_timer_ns() as the
 * timeout, and call gs_run_ready() when it fires or the time is up:
 * gs_run_ready collects what the loop has (without blocking), then runs the
 * ready fibers. -1 if the loop cannot be made (out of descriptors). A host
 * without a loop calls gs_run_fibers(), which blocks in the VM's loop.
 *
 *     for (;;) {
 *       if (gs_run_ready(vm) <= 0) break;
 *       int64_t ns = gs_next_timer_ns(vm);
 *       struct pollfd p = {gs_loop_fd(vm), POLLIN, 0};
 *       poll(&p, 1, ns < 0 ? -1 : (int)((ns + 999999) / 1000000));
 *     }
 */
int gs_loop_fd(gs_vm *vm);

/* An error value like the library's I/O errors, into slot `dest`: an Error
 * with `message` (printf-style, up to 511 bytes), `kind` (a string:
 * "timeout", "closed", "refused", ... see docs/io.md) and `errno` (err, the
 * OS error number or 0). Add fields with gs_set_field (e.partial) and raise
 * it with gs_raise. */
void gs_new_error(gs_vm *vm, int dest, const char *kind, int err, const char *fmt, ...) GS_PRINTF(5, 6);

/* The VM's libuv loop, a uv_loop_t * (include <uv.h>), made on first use,
 * for a library that runs libuv handles of its own on it (proc: uv_spawn;
 * os.signal: uv_signal_t). Raises (host code: records, returns NULL) if the
 * loop cannot be made. The handles' callbacks run while the scheduler waits
 * in the loop: they may write to a descriptor a fiber waits on (gs_wait_fd),
 * call gs_channel_offer, gs_wake and gs_release, and nothing that uses slots
 * or runs script. A library closes its handles itself; any still open at
 * gs_free are closed (uv_close without a callback) before the loop is, so
 * a finalizer running after that finds uv_is_closing() true. */
void *gs_uv_loop(gs_vm *vm);
/* hold true: the library has started something on the loop that may wake
 * a fiber without a descriptor wait (a signal watcher): until the matching
 * gs_loop_hold(vm, false), a fiber blocked on a channel is not a deadlock,
 * the scheduler waits in the loop (once every fiber has finished, the run
 * ends all the same). Holds count. Host code: records an error if the
 * loop cannot be made. */
void gs_loop_hold(gs_vm *vm, bool hold);
/* Send the value of handle `value` on the channel of handle `channel`
 * without blocking: to a fiber waiting to receive, else into the channel's
 * buffer. False when the buffer is full, the channel is closed or `channel`
 * is not a channel. Uses no slots: callable from host code, natives and
 * loop callbacks (how a libuv callback hands an event to script). */
bool gs_channel_offer(gs_vm *vm, gs_handle *channel, gs_handle *value);

/* ---- for a REPL: completion, help, results ---------------------------------- */

/* Tab completion. `line` is the input line (NUL-terminated), `cursor` the
 * byte offset of the cursor in it; only the text before the cursor counts.
 * Puts into slot `dest` a sorted list of candidate strings (no duplicates),
 * each a replacement for the bytes from *start (if not NULL) to the cursor,
 * and returns how many there are:
 *  - for a name: keywords, globals, and the main module's variables (what
 *    earlier gs_run_string chunks declared);
 *  - after `x.`: the members of the value a variable or a chain of fields
 *    (`a.b.`) names — a module's variables, an instance's fields and
 *    methods, a map's keys and methods, a type's methods — or of a literal
 *    (`"s".`, `[1].`, `{}.`);
 *  - inside `import "`: the directories (with a '/') and *.gs files
 *    (without ".gs") of the directory the path names, relative to the
 *    current directory.
 * Completion only reads: it never calls a function or a str() method.
 * Nothing inside other strings or comments, after a call or an index. */
int gs_complete(gs_vm *vm, const char *line, size_t cursor, size_t *start, int dest);
/* The text help(x) prints for the value in `slot` (a string names what to
 * look up: "math.floor", "list"), or with slot -1 how to use a REPL, as
 * help() prints it, into slot `dest` as a string. Reads only, like
 * gs_complete. */
void gs_help(gs_vm *vm, int slot, int dest);

/* gs_show flags */
#define GS_SHOW_COLOR 1   /* ANSI colors: numbers, strings, nil and booleans */

/* The value in `slot` as a REPL shows a result, into slot `dest` as a
 * string: strings quoted, lists and maps with their elements, instances
 * through their str() method; with max_chars > 0 a longer result is cut
 * short: `[0, 1, 2, … 999 997 more]`, `"abc…" (9 997 more bytes)`. May run
 * str() methods: returns false if one raised (the error is recorded as for
 * gs_call; inside a native it raises). */
bool gs_show(gs_vm *vm, int slot, int dest, int flags, size_t max_chars);

#ifdef __cplusplus
}
#endif
#endif
