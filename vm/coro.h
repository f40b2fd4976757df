/* coro.h — low-level coroutines: one real C stack per coroutine, switched by
 * asm/switch_x86_64.S. Knows nothing about the VM.
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

typedef struct Coro Coro;
struct Coro {
  void *sp;                  /* saved stack pointer while not running */
  void *stack_lo, *stack_hi; /* usable C stack bounds [lo, hi) (main: process/thread stack) */
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

/* Save `from` (must be the running coroutine), resume `to`. Returns when
 * somebody switches back to `from`. from == to returns immediately. */
void coro_switch(Coro *from, Coro *to);

/* Like coro_switch, for a coroutine that has finished and will never be
 * resumed: tells ASan to drop its fake stack and hands the stack back to the
 * pool as soon as we are off it (by the resumed side). Never returns.
 * Afterwards coro_destroy(from) is a no-op. */
_Noreturn void coro_exit_switch(Coro *from, Coro *to);

/* Give the stack back to the pool. c must not be running. Harmless on the
 * main coroutine, on a coro after coro_exit_switch and when called twice. */
void coro_destroy(Coro *c);

/* Bytes left between the current stack pointer and the bottom of the running
 * coroutine's stack (0 if already below). */
size_t coro_stack_remaining(const Coro *running);

/* For a suspended coroutine (not running, not main): give the pages of its
 * stack below its saved stack pointer back to the kernel (MADV_DONTNEED).
 * A fiber that once ran deep keeps those pages resident until it ends; the
 * scheduler may call this for fibers parked a long time. Returns the number
 * of bytes released (0 if nothing to do). One syscall. */
size_t coro_release_unused(Coro *c);

/* The coroutine running on this thread (NULL before coro_init_main). */
Coro *coro_current(void);

/* Default usable stack size for coro_create(c, 0, ...), rounded up to pages
 * (minimum CORO_MIN_STACK; 0 = CORO_DEFAULT_STACK). Stacks of up to four
 * sizes are pooled, so changing it (or passing explicit sizes) is cheap. */
#define CORO_DEFAULT_STACK ((size_t)256 * 1024)
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

/* Unmap every pooled stack (for leak-free shutdown). Stacks of live coros
 * are not affected. */
void coro_pool_trim(void);

/* How guard zones are made: 1 = madvise(MADV_GUARD_INSTALL) (no extra VMA),
 * 2 = mprotect(PROT_NONE) (one extra VMA per stack), 0 = no stack made yet. */
int coro_guard_mode(void);

/* Pool statistics (for tests and docs). */
void coro_pool_stats(size_t *hot, size_t *cold);

#endif
