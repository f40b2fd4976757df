/* gs.h — the GreenScript embedding API. The only header a host needs; link
 * with build/libgs.a and -lm.
 *
 * Model
 * -----
 * A gs_vm is a complete interpreter: no global state, so a process may hold
 * several; one VM must be used by one thread at a time.
 *
 * Values cross the boundary through *slots*: a window of the running fiber's
 * VM stack. Inside a native function, slots 0..argc-1 hold the arguments and
 * the native sets its result with gs_return_* (or leaves slot 0 as it is
 * after gs_set_* on slot 0 and calls gs_return_slot(vm, 0)). Outside any
 * native (in the host's own code), the host works on the slots of the main
 * fiber: call gs_ensure_slots() first.
 *
 * Slots stay valid across everything a native does: calls back into script,
 * yields, garbage collections. C pointers returned by gs_get_string() stay
 * valid while the value stays in its slot. Values held longer (in host data
 * structures) need a gs_handle.
 *
 * Errors: gs_error() raises a script error from a native; it does not return
 * (it unwinds to the nearest `try` or to the caller of gs_call/gs_run_*).
 * Every function that runs script returns a gs_status; the message and the
 * traceback of the last error are available from gs_error_message() and
 * gs_error_trace().
 *
 * Fibers: every fiber runs on its own C stack, so a native may call
 * gs_yield(), gs_park() or any blocking script function at any depth, and
 * its C locals survive until it is resumed. Keep *values* across a yield in
 * slots (the GC does not scan C stacks); plain C data is fine in locals.
 */
#ifndef GS_H
#define GS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct VM gs_vm;
typedef struct gs_handle gs_handle;

typedef enum {
  GS_OK = 0,
  GS_COMPILE_ERROR = 1,  /* syntax or resolution errors: nothing ran */
  GS_RUNTIME_ERROR = 2,  /* an uncaught error */
  GS_DEADLOCK = 3,       /* fibers remain blocked and nothing can wake them */
} gs_status;

typedef enum {
  GS_NIL, GS_BOOL, GS_INT, GS_FLOAT, GS_STRING, GS_LIST, GS_MAP,
  GS_FUNCTION, GS_CLASS, GS_INSTANCE, GS_FIBER, GS_CHANNEL, GS_RANGE,
  GS_USERDATA, GS_MODULE, GS_OTHER
} gs_type;

/* A native function. Arguments are in slots 0..argc-1. Return a value with
 * one of gs_return_*; returning without one returns nil. */
typedef void (*gs_native)(gs_vm *vm, int argc);

/* A name/function pair for gs_register_module and gs_register_class.
 * arity -1 accepts any number of arguments (check with gs_check_argc).
 * A table ends with an entry whose name is NULL. */
typedef struct {
  const char *name;
  gs_native fn;
  int arity;
} gs_reg;

/* ---- creating a VM ----------------------------------------------------- */

typedef struct {
  /* realloc-style allocator: (NULL, n) allocates, (p, 0) frees. NULL: libc. */
  void *(*reallocate)(void *ptr, size_t size, void *ud);
  /* where print() writes, and where uncaught errors and fiber errors are
   * reported. NULL: stdout / stderr. */
  void (*write)(gs_vm *vm, const char *text, size_t len, void *ud);
  void (*write_error)(gs_vm *vm, const char *text, size_t len, void *ud);
  /* Load the source of `import "path"` (path as written, without ".gs").
   * Return a malloc'ed buffer (the VM frees it) and its length, or NULL to
   * fall back to the file system. NULL: file system only. */
  char *(*load_module)(gs_vm *vm, const char *path, size_t *len, void *ud);
  size_t fiber_stack_size;   /* C stack per fiber, 0 = default (256 KiB) */
  size_t heap_limit;         /* bytes; past it allocation raises "out of memory". 0 = none */
  void *user_data;           /* passed as `ud` above, and by gs_user_data() */
} gs_config;

/* Fill a config with the defaults. */
void gs_config_init(gs_config *config);
/* Create a VM with the standard library loaded. config may be NULL. Returns
 * NULL when out of memory. */
gs_vm *gs_new(const gs_config *config);
/* Free the VM and every byte it holds, including suspended fibers. */
void gs_free(gs_vm *vm);
void *gs_user_data(gs_vm *vm);
/* Script arguments seen as os.args. */
void gs_set_args(gs_vm *vm, int argc, const char *const *argv);

/* ---- running code -------------------------------------------------------- */

/* Compile `source` as the main module (name is used in messages) and run its
 * top level in the main fiber. Spawned fibers are left to the scheduler:
 * run them with gs_run_fibers() / gs_run_ready(). */
gs_status gs_run_string(gs_vm *vm, const char *name, const char *source, size_t len);
gs_status gs_run_file(gs_vm *vm, const char *path);
/* Run scheduled fibers until all have finished (sleeping for timers). Returns
 * GS_DEADLOCK if the remaining fibers can never wake (fibers parked by the
 * host do not count: they return GS_OK as soon as only they are left). */
gs_status gs_run_fibers(gs_vm *vm);
/* Run every fiber that is ready now, and timers that are due, then return:
 * one slice for a host that interleaves the scheduler with its own loop.
 * Returns the number of fibers still alive (ready, sleeping or blocked). */
int gs_run_ready(gs_vm *vm);
/* Nanoseconds until the next timer is due, or -1 if none: a host's poll
 * timeout. */
int64_t gs_next_timer_ns(gs_vm *vm);

/* The last error: "file:line: message", and the traceback lines joined with
 * newlines. Valid until the next call that runs script. */
const char *gs_error_message(gs_vm *vm);
const char *gs_error_trace(gs_vm *vm);

/* ---- slots ----------------------------------------------------------------- */

/* Make slots 0..n-1 usable (new ones are nil). Inside a native, slots beyond
 * argc may be used after this call. */
void gs_ensure_slots(gs_vm *vm, int n);
int gs_slot_count(gs_vm *vm);

gs_type gs_get_type(gs_vm *vm, int slot);
const char *gs_type_name(gs_vm *vm, int slot);   /* as type() says it */
bool gs_get_bool(gs_vm *vm, int slot);           /* truthiness */
/* Numbers: ints, and floats with an integral value, convert; anything else
 * raises an error naming the slot's type. */
int64_t gs_get_int(gs_vm *vm, int slot);
double gs_get_float(gs_vm *vm, int slot);        /* int or float */
/* A string's bytes (NUL-terminated for convenience, may contain NULs) and
 * length. Raises if the slot is not a string. */
const char *gs_get_string(gs_vm *vm, int slot, size_t *len);
/* str() of any value into `dest` (may call a class's str()). */
void gs_to_string(gs_vm *vm, int slot, int dest);

void gs_set_nil(gs_vm *vm, int slot);
void gs_set_bool(gs_vm *vm, int slot, bool v);
void gs_set_int(gs_vm *vm, int slot, int64_t v);
void gs_set_float(gs_vm *vm, int slot, double v);
void gs_set_string(gs_vm *vm, int slot, const char *s, size_t len); /* copied */
void gs_set_cstring(gs_vm *vm, int slot, const char *s);
void gs_copy(gs_vm *vm, int from, int to);

/* Lists */
void gs_new_list(gs_vm *vm, int slot);
int64_t gs_list_count(gs_vm *vm, int list);
void gs_list_get(gs_vm *vm, int list, int64_t index, int dest);  /* negative from the end; raises when out of range */
void gs_list_set(gs_vm *vm, int list, int64_t index, int value);
void gs_list_push(gs_vm *vm, int list, int value);
/* Maps (insertion-ordered) */
void gs_new_map(gs_vm *vm, int slot);
int64_t gs_map_count(gs_vm *vm, int map);
bool gs_map_get(gs_vm *vm, int map, int key, int dest);   /* false (and nil) when missing */
void gs_map_set(gs_vm *vm, int map, int key, int value);
bool gs_map_remove(gs_vm *vm, int map, int key);
/* Iterate: start with *pos = 0; returns false when done. */
bool gs_map_next(gs_vm *vm, int map, int64_t *pos, int key_dest, int value_dest);

/* Globals (builtins and registered functions) and main-module variables. */
bool gs_get_global(gs_vm *vm, const char *name, int dest);
void gs_set_global(gs_vm *vm, const char *name, int value);

/* ---- natives ------------------------------------------------------------------- */

void gs_register(gs_vm *vm, const char *name, gs_native fn, int arity);
/* A global module object `name` (like math or io) with the functions of
 * `regs` (NULL-name terminated). Calling it again adds to the module. */
void gs_register_module(gs_vm *vm, const char *name, const gs_reg *regs);
/* Set a value (e.g. a constant) in a registered module. */
void gs_module_set(gs_vm *vm, const char *module, const char *name, int value);

void gs_return_nil(gs_vm *vm);
void gs_return_bool(gs_vm *vm, bool v);
void gs_return_int(gs_vm *vm, int64_t v);
void gs_return_float(gs_vm *vm, double v);
void gs_return_string(gs_vm *vm, const char *s, size_t len);
void gs_return_cstring(gs_vm *vm, const char *s);
void gs_return_slot(gs_vm *vm, int slot);

/* Raise an error (an Error instance with this message). Does not return. */
_Noreturn void gs_error(gs_vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Raise unless min <= argc <= max (max -1: no limit), with the standard
 * "NAME() expects N arguments, got M" message. */
void gs_check_argc(gs_vm *vm, const char *name, int argc, int min, int max);

/* Userdata: host objects with a type tag, methods and a finalizer. The block
 * of `size` bytes is owned by the VM and freed after finalize() runs when the
 * object becomes garbage (or at gs_free). */
void *gs_new_userdata(gs_vm *vm, int slot, const char *type_tag, size_t size, void (*finalize)(void *data));
/* The block of a userdata of this type_tag, or NULL. */
void *gs_get_userdata(gs_vm *vm, int slot, const char *type_tag);
/* Methods for every userdata of type_tag (self is slot 0 of each method). */
void gs_register_class(gs_vm *vm, const char *type_tag, const gs_reg *methods);

/* ---- handles and calls ----------------------------------------------------- */

/* Keep the value of `slot` alive until gs_release. */
gs_handle *gs_get_handle(gs_vm *vm, int slot);
void gs_set_handle(gs_vm *vm, int slot, gs_handle *h);
void gs_release(gs_vm *vm, gs_handle *h);

/* Call the function in slot `fn` with the argc values in the slots after it.
 * The result replaces slot `fn`. Errors are caught: GS_RUNTIME_ERROR and the
 * error value in slot `fn`. Callable from the host and from natives. */
gs_status gs_call(gs_vm *vm, int fn, int argc);
/* Spawn the function in slot `fn` (args after it) as a scheduled fiber; the
 * fiber goes to slot `fn`. */
void gs_spawn(gs_vm *vm, int fn, int argc);

/* ---- fibers from natives ----------------------------------------------------------- */

/* Inside a native: let other fibers run (or, in a generator, hand nil to the
 * resumer), then continue. The native's C locals are intact afterwards. */
void gs_yield(gs_vm *vm);
/* Inside a native: a handle to the running fiber, for gs_wake. Release it
 * with gs_release when done. */
gs_handle *gs_current_fiber(gs_vm *vm);
/* Inside a native: block the running fiber until the host calls gs_wake on
 * its handle. The value given to gs_wake lands in slot `dest`. */
void gs_park(gs_vm *vm, int dest);
/* From the host (outside any fiber) or from a native: make the parked fiber
 * ready with the value in `value` (-1: nil). It runs at the next
 * gs_run_ready/gs_run_fibers. Returns false if it is not parked. */
bool gs_wake(gs_vm *vm, gs_handle *fiber, int value);

#ifdef __cplusplus
}
#endif
#endif
