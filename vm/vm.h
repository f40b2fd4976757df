/* vm.h — the virtual machine state, fibers' VM-side state, and the internal
 * API natives use (calling back into script, raising errors, converting
 * values). The public embedding API in include/gs.h is built on this. */
#ifndef GS_VM_H
#define GS_VM_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include "object.h"
#include "coro.h"
#if CORO_ASAN
#include <sanitizer/asan_interface.h>
#endif

/* ---- call frames and error handlers ---------------------------------- */

enum { FRAME_BOUNDARY = 1 };   /* returning from this frame returns to C */

typedef struct CallFrame {
  ObjClosure *cl;
  const uint32_t *pc;
  int base;        /* stack index of register 0 */
  int nargs;       /* arguments actually passed (for defaults) */
  int flags;
} CallFrame;

typedef struct Handler {
  int frame;                 /* index of the frame whose `try` this is */
  int cdepth;                /* execute() nesting level that owns it */
  const uint32_t *catch_pc;
  int reg;                   /* register receiving the caught value */
} Handler;

/* One per protected C region (each execute() and each protected call):
 * errors longjmp to the innermost one on the running fiber's C stack. */
typedef struct ErrJmp {
  struct ErrJmp *prev;
  jmp_buf buf;
} ErrJmp;

typedef enum {
  FIBER_NEW,        /* created, never run */
  FIBER_READY,      /* in the run queue */
  FIBER_RUNNING,
  FIBER_SUSPENDED,  /* a generator waiting for resume */
  FIBER_BLOCKED,    /* waiting on join, channel, sleep or the host */
  FIBER_DONE,
  FIBER_FAILED,     /* finished with an uncaught error */
} FiberState;

/* An entry in the scheduler's timer heap (fiber.c): a wait's time limit,
 * a timeout() deadline or an after() channel. */
typedef struct Timer {
  int64_t at;               /* CLOCK_MONOTONIC nanoseconds */
  int heap_index;           /* -1 while not in the heap */
  int kind;
} Timer;

/* A fiber waiting on a channel: a node in the channel's queue, owned by the
 * fiber's wait record (a select has one per channel). */
typedef struct Waiter {
  struct Waiter *prev, *next;
  struct WaitQ *q;          /* the queue it is in, NULL once unlinked */
  struct Fiber *f;
  int index;                /* position in the select's list */
} Waiter;
typedef struct WaitQ {
  Waiter *head, *tail;
} WaitQ;

struct Fiber {
  Obj obj;
  /* What a resume, a yield and a fiber's start and finish touch comes
   * first, in the object's first two cache lines (generators in their
   * thousands resumed in turn miss the cache on every line they touch). */
  uint8_t state;            /* FiberState (a byte: the flags share its word) */
  uint8_t pending;          /* PENDING_CANCEL / PENDING_TIMEOUT, raised at a wait point */
  bool is_generator;        /* created by fiber(fn): resumed, never scheduled */
  bool joined;              /* someone joined or resumed it: errors are theirs */
  bool in_all_list;
  bool stack_clean;         /* every slot above top is nil, and it has not run since (fiber_mark) */
  int top;                  /* first free slot: GC scans [0, top) */
  int nframes;
  Value *stack;
  CallFrame *frames;
  struct Fiber *resumer;    /* generator: who resumed it */
  ErrJmp *errjmp;
  Value transfer;           /* value passed by resume/yield/wake */
  int cdepth;
  int nhandlers;
  ObjUpvalue *open_upvalues;
  Coro coro;                /* its hot fields first (coro.h) */
  VM *vm;
  ErrJmp *entry_jmp;        /* its outermost catch point (fiber_entry, errjmp_jump) */
  int stack_cap;
  int frames_cap;
  Handler *handlers;
  int handlers_cap;
  Value fn;                 /* the function to run */
  Value result;             /* return value, or the error when FAILED */
  int64_t id;
  bool overflow_slack;      /* raising "stack overflow": may use the reserve */
  bool has_coro;
  bool error_reported;
  bool counted_live;        /* counts against vm->max_fibers */
  bool stack_inline, frames_inline;  /* stack / frames sit at the top of the C stack (fiber.c) */
  Value error;              /* the value being thrown */
  Value error_trace;        /* list of "file:line in name" for error */

  /* fibers proper (fiber.c / sched.c) */
  struct Fiber *next_ready; /* run queue link */
  struct Fiber *joiners;    /* fibers waiting in join(), linked by next_wait */
  struct Fiber *next_wait;
  /* The wait record: what the fiber is blocked on, so that whatever ends
   * the wait (the event, a cancel, a deadline) can detach it (fiber.c). */
  int wait_kind;            /* WaitKind */
  int wake_reason;          /* how the last wait ended (WakeReason) */
  void *wait_on;            /* the channel, fiber, queue or generator waited on */
  Timer wait_timer;         /* the wait's own time limit (sleep, select) */
  struct Waiter *waiters;   /* linked into channel queues while waiting */
  int nwaiters;
  int select_index;         /* which waiter of a select was served */
  Waiter waiter1;           /* the waiter of a one-channel wait */
  int nparked;              /* parked by the host (gs.h) */
  int api_base;             /* slot 0 of the running host native (gs.h) */
  void (*wait_detach_hook)(VM *vm, Fiber *f);   /* a native wait's own detach */
  Value wait_value;         /* value to send while blocked in send */
  /* cancellation and deadlines (CONCURRENCY.md) */
  Value pending_secs;       /* the timeout that passed, for its message */
  struct Deadline *deadline; /* innermost timeout() running in this fiber */
  Value name;               /* f.name: nil or a string */
  Value locals;             /* f.locals: a map, made on first use or copied from the creator */
  struct ObjProto *spawn_proto;  /* where it was spawned, for "spawned at" */
  struct Group *group;      /* the group() that owns it (group.c), while it runs */
  int ngroups;              /* group() calls running in this fiber */
  int spawn_line;
  struct Deadline *pending_deadline;   /* the one whose timeout is pending */
  Value api_ret;            /* its return value */
  struct Fiber *all_next, *all_prev; /* every live (not finished) fiber */
};

/* Jump to the catch point ej of the running fiber f (errors never leave
 * their fiber's C stack). A fiber's outermost one, in fiber_entry, is taken
 * with __builtin_setjmp: three words stored, no call, no signal mask, where
 * setjmp took a call and a dozen stores over three cache lines of a stack
 * the cache has long since dropped when thousands of fibers are alive. */
static inline _Noreturn void errjmp_jump(Fiber *f, ErrJmp *ej) {
  if (ej == f->entry_jmp) {
#if CORO_ASAN
    __asan_handle_no_return();   /* what ASan's longjmp interceptor does */
#endif
    __builtin_longjmp((void **)(void *)ej->buf, 1);
  }
  longjmp(ej->buf, 1);
}

/* ---- the VM ----------------------------------------------------------- */

typedef void (*WriteFn)(VM *vm, const char *s, size_t n, void *ud);

typedef struct StrSet {
  ObjString **slots;        /* NULL empty, TOMB_STR removed */
  uint32_t *hashes;         /* each slot's hash: probes rarely touch strings */
  uint32_t live;            /* strings in the set */
  uint32_t used;            /* live + removed slots */
  uint32_t mask;
} StrSet;

struct Scheduler;

/* The first collection comes at this heap size, and after each one the
 * heap may grow by at least this much before the next (besides growing to
 * 1.75 times what is live): with little live data, a floor on the heap's
 * size alone let collections come every ~180 KiB of allocation, each
 * marking again the ~75 KiB the VM itself keeps alive. Small, so that
 * programs with little live data stay small (peak RSS near Lua's). */
#define GC_MIN_GROWTH ((size_t)512 * 1024)

/* Small-block cache in front of the host allocator (alloc.c): classes of
 * ALLOC_GRAIN bytes up to ALLOC_SMALL_MAX; after a collection the lists keep
 * at most half the live heap plus ALLOC_KEEP_MIN, or, per class, as many
 * blocks as the class handed out in the last two collection cycles. */
#define ALLOC_GRAIN 16
#define ALLOC_SMALL_MAX 1024
#define ALLOC_CLASSES (ALLOC_SMALL_MAX / ALLOC_GRAIN)
#define ALLOC_KEEP_MIN ((size_t)256 * 1024)
/* Classes up to ALLOC_CARVE_MAX bytes are carved from ALLOC_CHUNK-byte
 * chunks (alloc.c). */
#define ALLOC_CARVE_MAX 128
#define ALLOC_CHUNK ((size_t)32 * 1024)

struct gs_vm {
  /* memory */
  Obj *objects;
  size_t bytes_allocated, next_gc, heap_limit;
  bool gc_stress;
  bool oom_slack;           /* raising "out of memory": the limit is off */
  void *reserve;            /* freed when the allocator fails, to raise the error */
  bool reserve_spent;       /* ... and not taken back until that error is thrown */
  jmp_buf *setup_oom;       /* while the VM is being made: where running out goes */
  uint64_t gc_cycles;
  int gc_paused;
  Obj **gray;
  int ngray, capgray;
  bool gray_overflow;       /* a marked object did not fit the gray stack */
  void *(*realloc_fn)(void *ptr, size_t size, void *ud);
  void *alloc_ud;
  bool small_cache;                     /* alloc.c: recycle small blocks */
  void *small_free[ALLOC_CLASSES];      /* free lists by size class */
  size_t small_free_bytes;
  uint32_t small_count[ALLOC_CLASSES];  /* blocks on each list (trimmed classes) */
  uint32_t small_demand[ALLOC_CLASSES]; /* blocks each class handed out since the last trim */
  uint32_t small_demand_before[ALLOC_CLASSES];   /* ... in the cycle before */
  void *chunks;                         /* carved chunks, linked by their first word */
  char *carve, *carve_end;              /* the rest of the newest chunk */

  StrSet strings;

  /* execution */
  Fiber *fiber;             /* running fiber */
  Fiber *main_fiber;
  int64_t next_fiber_id;
  struct Scheduler *sched;
  struct Loop *loop;        /* the event loop (loop.c), made on first use */

  /* names visible everywhere: builtins and registered libraries */
  Value *globals;
  ObjString **global_names;
  int nglobals, capglobals;
  Table global_index;       /* name -> INT index */

  /* methods of built-in types, name -> native */
  Table string_methods, list_methods, map_methods, fiber_methods,
        channel_methods, range_methods;
  ObjClass *error_class;

  Table modules;            /* resolved path -> module */
  Table sources;            /* chunk file name -> its source text, for error excerpts */
  ObjString *import_scratch; /* a spare for vm_import's path buffers (module.c) */
  char *str_scratch;        /* str() of values that run no script (value.c) */
  ObjModule *main_module;
  Value *temp_roots[8];
  int ntemp_roots;

  /* the public API (gs.h) */
  struct Handle *handles;
  ObjNative *calling_native;  /* set just before a native runs */
  Table userdata_classes;     /* type tag -> class */
  char *last_error, *last_trace;
  /* `import "path"`: the module loader above the VM (embed/module.c) */
  Value (*import)(VM *vm, ObjModule *from, ObjString *path);
  char *(*load_module)(VM *vm, const char *path, size_t *len, void *ud);

  /* commonly used names */
  ObjString *s_init, *s_str, *s_message, *s_trace, *s_script;
  ObjString *s_kind, *s_file, *s_line, *s_column;   /* error fields set per raise */

  /* I/O */
  WriteFn write_out, write_err;
  void *write_ud;
  char outbuf[8192];
  size_t outlen;
  int out_errno;            /* first failed write/flush of standard output, 0 if none */
  bool out_error_raised;    /* ... and the script was stopped because of it */
  Fiber *out_queue;         /* a writer waiting for a host's wait on it to end (stdout_room.c) */
  Fiber *out_turn;          /* the writer whose turn it is, NULL when nobody waits for room */
  Fiber *out_line;          /* writers waiting for their turn */

  /* settings */
  size_t fiber_stack_size;
  int max_frames;
  int max_fibers;           /* live fibers allowed, 0 = no limit */
  const char *script_path;
  Value args;               /* os.args list */
  /* Nonzero when the interpreter must call vm_check_interrupt at its next
   * check point (loop iteration, call): one test costs nothing while no
   * interrupt is pending and no hook is set. Bits, set and cleared
   * atomically (a signal handler or another thread may set one). */
  volatile int interrupted;
  void (*hook)(VM *vm, void *ud);   /* gs_set_hook: called every hook_every check points */
  void *hook_ud;
  int64_t hook_every, hook_left;
  bool fatal_error;         /* the error unwinding now cannot be caught (deadlock) */
  int64_t instr_budget;
  int exit_status;
  void *user_data;
  void *host;               /* the gs_vm wrapper, for host natives */
};

/* ---- lifecycle and memory (vm.c, gc.c) ------------------------------- */

#define VM_RESERVE (64 * 1024)

/* vm->interrupted bits */
#define VM_INTERRUPT_REQUESTED 1   /* gs_interrupt / Ctrl-C */
#define VM_INTERRUPT_HOOK 2        /* a count hook is set */
#define VM_INTERRUPT_ALARM 4       /* a timer may have passed while a fiber runs (timeout()) */
#define VM_INTERRUPT_DUMP 8        /* print the table of fibers (SIGQUIT) */
static inline bool vm_interrupt_requested(VM *vm) { return vm->interrupted & VM_INTERRUPT_REQUESTED; }
/* Take a pending interrupt request (true if there was one). */
static inline bool vm_take_interrupt(VM *vm) {
  return __atomic_fetch_and(&vm->interrupted, ~VM_INTERRUPT_REQUESTED, __ATOMIC_SEQ_CST) & VM_INTERRUPT_REQUESTED;
}

VM *vm_new_with(void *(*realloc_fn)(void *ptr, size_t size, void *ud), void *ud);
bool vm_setup(VM *vm, void (*open)(VM *vm, void *ud), void *ud);   /* false: out of memory (free the VM) */
void vm_free(VM *vm);
void *vm_realloc(VM *vm, void *ptr, size_t old, size_t size);
void alloc_init(VM *vm);
/* free cached small blocks beyond keep bytes, but not below what each class
 * handed out in the last two cycles (alloc_free_all: everything) */
void alloc_trim(VM *vm, size_t keep);
void alloc_free_all(VM *vm);             /* every cached block and chunk, at vm_free */
#define VM_ALLOC(vm, type, n) ((type *)vm_realloc(vm, NULL, 0, sizeof(type) * (n)))
#define VM_FREE(vm, type, p, n) vm_realloc(vm, p, sizeof(type) * (n), 0)
void gc_collect(VM *vm);
/* An allocation outside vm_realloc failed: raise the catchable `out of
 * memory` (with the reserve given back), or, with no protected call to
 * raise it in, flush standard output and stop. While the VM is being made
 * (setup_oom), making it fails instead. */
_Noreturn void vm_out_of_memory(VM *vm);
void gc_mark_value(VM *vm, Value v);
void gc_mark_obj(VM *vm, Obj *o);
void vm_push_root(VM *vm, Value *v);   /* C-local temporaries during allocation */
void vm_pop_root(VM *vm);

/* ---- running (interp.c) ---------------------------------------------- */

/* Call fn with args from C, on the running fiber. Errors propagate (longjmp)
 * to the caller's protected region. */
Value vm_call(VM *vm, Value fn, int argc, const Value *args);
/* Call fn; on error return false with *out set to the error value (and the
 * fiber's error_trace set). Never longjmps out. */
bool vm_pcall(VM *vm, Value fn, int argc, const Value *args, Value *out);
/* Run fn(vm, ud) protected: on error return false with *err set and the
 * running fiber's stacks as they were (for C code that must clean up). */
bool vm_protect(VM *vm, void (*fn)(VM *vm, void *ud), void *ud, Value *err);
/* The running fiber's C stack is nearly used up: recursive C code (the
 * compiler, natives calling back) must stop here with an error. */
bool vm_cstack_low(VM *vm);

void fiber_ensure_stack(VM *vm, Fiber *f, int needed);
void fiber_close_upvalues(Fiber *f, Value *level);
/* Stack top for natives: push/pop temporaries that must survive a GC. */
void vm_push_grow(VM *vm, Value v);
static inline void vm_push(VM *vm, Value v) {
  Fiber *f = vm->fiber;
  if (__builtin_expect(f->top >= f->stack_cap, 0)) { vm_push_grow(vm, v); return; }
  f->stack[f->top++] = v;
}
static inline Value vm_pop(VM *vm) { return vm->fiber->stack[--vm->fiber->top]; }
static inline Value *vm_slot(VM *vm, int index) { return &vm->fiber->stack[index]; }

/* ---- errors (error.c) ------------------------------------------------ */

_Noreturn void vm_throw(VM *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
_Noreturn void vm_throw_value(VM *vm, Value v);
/* Throw v again with the traceback it was first thrown with (a list; else
 * as vm_throw_value). */
_Noreturn void vm_throw_again(VM *vm, Value v, Value trace);
/* raise an Error whose `kind` field is kind ("cancelled", "timeout", ...) */
_Noreturn void vm_throw_kind(VM *vm, const char *kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
Value vm_make_error_kind(VM *vm, const char *kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool vm_error_is_kind(VM *vm, Value err, const char *kind);
Value vm_make_error(VM *vm, ObjString *message);   /* kind "runtime" */
void vm_error_set_kind(VM *vm, Value err, const char *kind);
/* Keep the source of a compiled chunk, so that reports of errors raised in
 * it can show the failing line. */
void vm_remember_source(VM *vm, ObjString *file, const char *src, size_t len);
/* "   12 |   text of line 12\n      |   ^\n" (no caret when col < 1), from
 * a source text; returns the length written to out (NULL: only measures). */
size_t vm_source_excerpt(char *out, const char *src, size_t len, int line, int col);
Value vm_traceback(VM *vm);           /* list of "file:line in name" for the running fiber */
/* Format an uncaught error: "file:line: message\n" plus traceback lines. */
ObjString *vm_error_report(VM *vm, Value err, Value trace);
/* Write head (may be NULL) and that report to standard error, for an error
 * nothing caught. Protected and with the heap limit lifted: reporting the
 * error that hit the limit must not hit it again, nor abort. */
void vm_report_error(VM *vm, const char *head, Value err, Value trace);
ObjString *vm_error_message(VM *vm, Value err);

/* ---- values (value.c) -------------------------------------- */

const char *value_type_name(Value v);
bool values_equal(Value a, Value b);
/* str(x): strings raw, instances through their str() method. */
ObjString *vm_tostring(VM *vm, Value v);
/* repr: strings quoted with escapes (how lists and maps show elements). */
ObjString *vm_repr(VM *vm, Value v);
/* repr as a REPL shows a result: with ANSI colors (numbers, strings,
 * nil/bool), lists, maps and strings shortened past `limit` characters with
 * "… N more" (0: never). */
ObjString *vm_show(VM *vm, Value v, bool color, size_t limit);
void format_float(double d, char *buf, size_t n);

/* ---- globals and methods (vm.c) ------------------------------------- */

int vm_global_slot(VM *vm, ObjString *name, bool create);
void vm_set_global(VM *vm, const char *name, Value v);
/* doc: what help() shows, "signature\none-line description" (gs_reg's doc) */
void vm_define_native(VM *vm, const char *name, NativeFn fn, int arity, const char *doc);
void vm_define_method(VM *vm, Table *methods, const char *name, NativeFn fn, int arity, const char *doc);
/* Find a method or field for `recv.name`; returns false if none. Natives and
 * closures come back unbound in *method; *is_field says a plain value. */
bool vm_lookup_method(VM *vm, Value recv, ObjString *name, Value *out, bool *is_field);
/* The method table of a string, list, map, fiber, channel or range; else NULL. */
Table *builtin_methods(VM *vm, Value v);
Value vm_get_field(VM *vm, Value obj, ObjString *name);

/* ---- output ---------------------------------------------------------- */
void vm_write_out(VM *vm, const char *s, size_t n);
void vm_flush(VM *vm);
/* vm_flush, first parking the running fiber while standard output (a pipe
 * or socket) cannot take the buffered bytes: may raise a cancel or timeout. */
void vm_flush_parking(VM *vm);
void vm_write_err(VM *vm, const char *s, size_t n);
/* After a native wrote to standard output: if a write there has failed,
 * stop the program (no `try` catches it), as SIGPIPE would. */
void vm_check_output(VM *vm);

/* argument checks for natives */
_Noreturn void vm_arg_error(VM *vm, const char *fname, int index, const char *expected, Value got);
int64_t arg_int(VM *vm, const char *fname, Value *args, int i);
double arg_num(VM *vm, const char *fname, Value *args, int i);
void arg_count(VM *vm, const char *fname, int argc, int min, int max);


#endif
