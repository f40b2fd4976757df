/* coro.h — low-level coroutines: one real C stack per coroutine, switched by
 * coro/switch_x86_64.S. Knows nothing about the VM.
 *
 * Life cycle (see docs/fibers-stacks.md for the full rules):
 *
 *   Coro main;  coro_init_main(&main);          once per thread, first
 *   coro_install_overflow_handler();            once per thread (optional)
 *
 *   Coro c;
 *   if (!coro_create(&c, 0, entry, arg)) ...    0 = default stack size
 *   coro_switch(&main, &c);                     runs entry(arg) on c's stack
 *      ... inside entry: coro_switch(&c, &main) to suspend ...
 *      ... at the very end of entry:  coro_exit_switch(&c, &main);
 *          (never returns; the stack goes back to the pool by itself)
 *   coro_destroy(&c);                           harmless after exit_switch;
 *                                               needed for a coro that is
 *                                               dropped while suspended
 *
 * `entry` must never return: if it does, the process aborts with a message.
 * All switches of one coroutine set happen on one OS thread.
 */
#ifndef GS_CORO_H
#define GS_CORO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Coro Coro;
struct Coro {
  /* first: what a switch and the VM's stack checks touch */
  void *sp;                  /* saved stack pointer while not running */
  void *stack_lo, *stack_hi; /* usable C stack bounds [lo, hi) (main: process/thread stack) */
  void *low_sp;              /* deepest sp coro_stack_remaining saw on this stack */
  void *mapping;             /* mmap region incl. guard, NULL for main / released */
  size_t mapping_size;
  unsigned valgrind_id;
  void *asan_fake_stack;     /* for __sanitizer_start/finish_switch_fiber */
  /* private to coro.c */
  void (*entry)(void *arg);
  void *arg;
  void *asan_bottom;         /* stack bounds as AddressSanitizer knows them */
  size_t asan_size;
  unsigned char is_main;
  unsigned char dead;        /* went through coro_exit_switch */
  unsigned nsegments;        /* coro_call_on_new_stack calls it is inside */
  struct CoroSegment *outer; /* the stack the innermost of them left */
};

/* Describe the current (process or thread) stack as the main coroutine and
 * make it the running one on this thread. */
void coro_init_main(Coro *main);

/* Prepare a suspended coroutine that will run entry(arg) when first switched
 * to. stack_size 0 = coro_default_stack_size(); other sizes are rounded up
 * to whole pages (minimum CORO_MIN_STACK). Returns false with errno set
 * (ENOMEM) if the stack cannot be mapped. Does not touch any page of the
 * stack except the top one. */
bool coro_create(Coro *c, size_t stack_size, void (*entry)(void *arg), void *arg);

/* coro_create keeping the top `reserve` bytes of the new stack (rounded up
 * to 16) for the caller's own data: *data points to them; the coroutine's
 * frames start below. They share the stack's lifetime (and its top page:
 * no allocation, and whatever runs the coroutine touches that page anyway)
 * and hold what the stack's previous owner left there. */
bool coro_create_reserve(Coro *c, size_t stack_size, void (*entry)(void *arg), void *arg,
                         size_t reserve, void **data);

/* Save `from` (must be the running coroutine), resume `to`. Returns when
 * somebody switches back to `from`. from == to returns immediately. */
void coro_switch(Coro *from, Coro *to);

/* coro_switch for a caller that, once resumed, runs only code that keeps
 * the FP control words until the next switch or coro_fp_unknown (the VM's
 * own natives, returning into the interpreter): instead of forgetting them
 * it marks the words now in effect as known (coro__fp_known). */
void coro_switch_keep_fp(Coro *from, Coro *to);

/* Like coro_switch, for a coroutine that has finished and will never be
 * resumed: tells ASan to drop its fake stack and hands the stack back to the
 * pool as soon as we are off it (by the resumed side). Never returns.
 * Afterwards coro_destroy(from) is a no-op. */
_Noreturn void coro_exit_switch(Coro *from, Coro *to);

/* Run fn(arg) on a new stack of `stack_size` usable bytes (0: the default)
 * as the running coroutine c, and come back: a coroutine whose stack is
 * nearly used up goes on deeper on another one (docs/fibers-stacks.md,
 * Segments). fn may switch away (c's bounds describe the new stack while it
 * runs) but must return normally: no longjmp out of it. If c is destroyed
 * while suspended inside fn, every stack it holds goes back to the pool.
 * Returns false with errno set if no stack can be mapped. */
bool coro_call_on_new_stack(Coro *c, size_t stack_size, void (*fn)(void *arg), void *arg);

/* Give the stack back to the pool. c must not be running. Harmless on the
 * main coroutine, on a coro after coro_exit_switch and when called twice. */
void coro_destroy(Coro *c);

/* Bytes left between the current stack pointer and the bottom of the running
 * coroutine's stack (0 if already below). Also records how deep the stack
 * went: one that stayed shallow is reused as it is when its coro ends. */
size_t coro_stack_remaining(Coro *running);

/* For a suspended coroutine (not running, not main): give the pages of its
 * stack below its saved stack pointer back to the kernel (MADV_DONTNEED).
 * A fiber that once ran deep keeps those pages resident until it ends; the
 * scheduler may call this for fibers parked a long time. Returns the number
 * of bytes released (0 if nothing to do). One syscall. */
size_t coro_release_unused(Coro *c);

/* The same hand-over as coro_switch without its checks, inlined into the
 * caller. The interpreter uses it at one place in its dispatch loop: when
 * both sides of a resume/yield switch there, the `ret` of the switch returns
 * to the same call site on either stack and the CPU's return predictor stays
 * right (through coro_switch, the returns above it go to different callers on
 * the two stacks and each one is mispredicted). Only for a caller that knows
 * `from` is running and `to` is a live suspended coroutine. */
static inline void coro_switch_inline(Coro *from, Coro *to);

/* Prefetch what switching to the suspended coroutine c touches first: its
 * switch frame and the frame of the function that switched away, over it
 * (`lines` cache lines from the saved sp). With thousands of coroutines
 * alive each stack is out of the cache, and its lines miss one after the
 * other once it runs; requested together, the misses overlap. (Prefetching
 * where a new coroutine's first frames will go, below its initial frame,
 * made a round of 10 000 new generators slower.) */
static inline void coro_prefetch_resume(const Coro *c, int lines) {
  const char *sp = (const char *)c->sp;
  for (int i = 0; i < lines; i++) __builtin_prefetch(sp + 64 * i, 1);
}

/* Prefetch the 1 KiB of the running coroutine c's stack above the
 * caller's frame, if its stack goes that far: for code about to return
 * through frames that were written long ago — a fiber's outermost call
 * ending, on a stack the cache has long since dropped. Sixteen
 * instructions, no loop (a loop of 32 was 5% of a generator's lifecycle). */
static inline void coro_prefetch_frames_above(const Coro *c) {
  const char *sp;
  __asm__("movq %%rsp, %0" : "=r"(sp));
  if ((size_t)((const char *)c->stack_hi - sp) < 1024) return;
  /* (asm: GCC deleted these as __builtin_prefetch) */
#define CORO_PF4(o) __asm__ volatile("prefetcht0 %c1(%0)\n\tprefetcht0 %c1+64(%0)\n\t" \
                                     "prefetcht0 %c1+128(%0)\n\tprefetcht0 %c1+192(%0)" : : "r"(sp), "i"(o))
  CORO_PF4(0); CORO_PF4(256); CORO_PF4(512); CORO_PF4(768);
#undef CORO_PF4
}

/* The coroutine running on this thread (NULL before coro_init_main). */
Coro *coro_current(void);

/* Default usable stack size for coro_create(c, 0, ...), rounded up to pages
 * (minimum CORO_MIN_STACK; 0 = CORO_DEFAULT_STACK). Stacks of up to four
 * sizes are pooled, so changing it (or passing explicit sizes) is cheap.
 * AddressSanitizer's instrumented frames are several times larger: there
 * it is four times as big (docs/fibers-stacks.md, Choosing the default). */
#define CORO_DEFAULT_STACK ((size_t)(CORO_ASAN ? 256 : 64) * 1024)
#define CORO_MIN_STACK     ((size_t)16 * 1024)
#define CORO_GUARD_SIZE    ((size_t)16 * 1024)   /* no-access zone below each stack */
void coro_set_default_stack_size(size_t size);
size_t coro_default_stack_size(void);

/* SIGSEGV handler on an alternate signal stack (for the calling thread):
 * a fault in the guard zone of the running coroutine (or near the bottom of
 * the main stack) prints "fatal: C stack overflow in fiber (guard page hit)"
 * and exits with status 134; any other fault goes to the previous handler
 * (normally the default action). */
void coro_install_overflow_handler(void);

/* Give back to the kernel, in bulk, the pages of the pooled stacks nobody
 * took since the previous call that did anything (beyond a few kept warm),
 * if that call was at least idle_seconds ago; otherwise nothing happens.
 * The VM calls it after each garbage collection (CORO_DECAY_SECONDS). */
#define CORO_DECAY_SECONDS 1.0
void coro_pool_decay(double idle_seconds);

/* Unmap every pooled stack (for leak-free shutdown). Stacks of live coros
 * are not affected. */
void coro_pool_trim(void);

/* How guard zones are made: 1 = madvise(MADV_GUARD_INSTALL) (no extra VMA),
 * 2 = mprotect(PROT_NONE) (one extra VMA per stack), 0 = no stack made yet. */
int coro_guard_mode(void);

/* True when the process runs under valgrind (which must see every free). */
bool coro_under_valgrind(void);

/* Pool statistics (for tests and docs). */
void coro_pool_stats(size_t *hot, size_t *cold);

/* ---- private to coro.c and coro_switch_inline -------------------------- */
#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if defined(__SANITIZE_ADDRESS__) || __has_feature(address_sanitizer)
#define CORO_ASAN 1
#else
#define CORO_ASAN 0
#endif

/* coro/switch_x86_64.S */
__attribute__((visibility("hidden"))) void coro__swap(void **save_sp, void *new_sp, uint64_t *fp_now);
__attribute__((visibility("hidden"))) void coro__call_on(void *stack_top, void (*fn)(void *), void *arg);
__attribute__((visibility("hidden"))) void coro__swap_known(void **save_sp, void *new_sp, uint64_t *fp_now);
__attribute__((visibility("hidden"), noreturn)) void coro__jump(void *new_sp, uint64_t *fp_now);
void coro__release_pending(void);
extern __thread Coro *coro__running;
extern __thread bool coro__has_pending;          /* a finished coro's stack waits to be freed */
/* The x87 control word and MXCSR in effect, as laid out in a switch frame,
 * valid while coro__fp_known: since the last coro_switch_inline only code
 * that never changes them ran (the VM: the interpreter and its built-in
 * natives). Before anything else runs, the flag is cleared with
 * coro_fp_unknown: a host native (the gs.h thunk), a host hook, C code an
 * error unwinds to, the C caller execute() returns to; coro_switch clears
 * it too. coro_create and coro_switch_inline use *fp_now while it is set
 * (stmxcsr, which waits for every older instruction, costs ~17 ns). */
extern __thread uint64_t coro__fp_now;
extern __thread bool coro__fp_known;

static inline void coro_fp_unknown(void) { coro__fp_known = false; }

static inline void coro_switch_inline(Coro *from, Coro *to) {
#if CORO_ASAN
  coro_switch(from, to);          /* the switch must be announced to ASan */
#else
  coro__running = to;
  if (coro__fp_known) coro__swap_known(&from->sp, to->sp, &coro__fp_now);
  else coro__swap(&from->sp, to->sp, &coro__fp_now);
  coro__fp_known = true;          /* back in the caller's code: nothing else ran */
  if (__builtin_expect(coro__has_pending, 0)) coro__release_pending();
#endif
}

#endif
