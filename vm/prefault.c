/* prefault.c — maps in bulk the heap pages the default allocator is about to
 * have written, so that they do not fault one at a time.
 *
 * A page's first write costs a page fault; in a virtual machine that keeps
 * shadow page tables a fault costs ~11 us, several times what it costs on
 * bare metal. One madvise(MADV_POPULATE_WRITE) over a run of pages maps
 * them for ~0.6 us a page (the first touch of each still costs ~5 us there,
 * which nothing avoids). An allocation-heavy script touches tens of
 * thousands of new pages.
 *
 * Only memory about to be written is populated, so resident memory stays
 * what the program writes:
 * - a new stretch of glibc's main heap made by a small request (the
 *   request and glibc's 128 KiB top pad): malloc carves the next small
 *   blocks from it, and they are written at once. Not the first
 *   PREFAULT_HEAP_MIN of growth (a small script keeps the pages it
 *   touches), nor a stretch longer than PREFAULT_STRETCH_MAX (somebody
 *   else's big block made it).
 * - a new block of PREFAULT_BLOCK_MIN bytes or more: a string, a list of
 *   known length, a hash index, written whole by whoever asked for it.
 *   Never a grown block: what it held is copied by the time we see it and
 *   the rest is capacity a list or table may never fill; nor one its maker
 *   marked sparse (prefault_sparse_next: a channel's buffer).
 * The break is read with sbrk(0), which does not enter the kernel.
 *
 * Only with glibc on Linux (a host's own allocator never comes here), and
 * not under ASan or valgrind, whose allocators do not use the break. A
 * kernel without MADV_POPULATE_WRITE (before 5.14) turns it off at the first
 * call. VMs on several threads share the break: an atomic exchange hands
 * each new stretch to one caller, and a stretch populated twice or not at
 * all is only slower, never wrong (populating never changes contents). A
 * VM on a thread that glibc gives an arena of its own gets only its big
 * blocks populated: that arena grows without moving the break. */
#include "prefault.h"

#if defined(__linux__) && defined(__GLIBC__) && !CORO_ASAN
#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

#define PAGE ((uintptr_t)4096)

enum { PF_UNKNOWN, PF_ON, PF_OFF };
static atomic_int g_state;
static _Atomic uintptr_t g_brk;   /* the break as last seen */
static _Atomic uintptr_t g_brk_first;   /* ... and as first seen */
static __thread bool t_sparse;          /* prefault_sparse_next */

void prefault_sparse_next(void) { t_sparse = true; }

static bool prefault_on(void) {
  int s = atomic_load_explicit(&g_state, memory_order_relaxed);
  if (s == PF_UNKNOWN) {
    s = coro_under_valgrind() ? PF_OFF : PF_ON;
    atomic_store_explicit(&g_state, s, memory_order_relaxed);
  }
  return s == PF_ON;
}

/* [lo, hi) widened to whole pages */
static void populate(uintptr_t lo, uintptr_t hi) {
  lo &= ~(PAGE - 1);
  hi = (hi + PAGE - 1) & ~(PAGE - 1);
  if (lo >= hi) return;
  if (madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE) != 0 && errno == EINVAL)
    atomic_store_explicit(&g_state, PF_OFF, memory_order_relaxed);
}

void prefault_after(bool grown, void *p, size_t size) {
  bool sparse = t_sparse;
  t_sparse = false;
  if (!p || !prefault_on()) return;
  uintptr_t top = (uintptr_t)sbrk(0);
  uintptr_t seen = atomic_load_explicit(&g_brk, memory_order_relaxed);
  uintptr_t lo = 0, hi = 0;           /* a new stretch of the main heap */
  if (top != seen) {
    seen = atomic_exchange_explicit(&g_brk, top, memory_order_relaxed);
    if (!seen) {   /* the first look only notes where the break is */
      uintptr_t none = 0;
      atomic_compare_exchange_strong(&g_brk_first, &none, top);
    } else if (top > seen) {
      lo = seen, hi = top;
    }
  }
  if (size >= PREFAULT_BLOCK_MIN) {
    /* a big block: the rest of a stretch it made is left for later, as is
     * a grown one (what it held is copied by now, the rest is capacity) */
    if (!grown && !sparse) populate((uintptr_t)p, (uintptr_t)p + size);
    return;
  }
  /* a small request moved the break by itself and glibc's top pad; a
   * longer stretch came from somebody else's big block. The first
   * PREFAULT_HEAP_MIN bytes fault as they are used: a small script's heap
   * stays what it touches. */
  if (hi - lo <= PREFAULT_STRETCH_MAX &&
      lo >= atomic_load_explicit(&g_brk_first, memory_order_relaxed) + PREFAULT_HEAP_MIN)
    populate(lo, hi);
}

#else

void prefault_after(bool grown, void *p, size_t size) {
  (void)grown; (void)p; (void)size;
}

void prefault_sparse_next(void) {}

#endif
