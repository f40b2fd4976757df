/* coro.c — coroutine stacks, pool, switch wrapper, overflow handler.
 * The register switch itself is coro/switch_x86_64.S. See docs/fibers-stacks.md.
 */
#define _GNU_SOURCE
#include "coro.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102 /* Linux 6.13+ */
#endif
#ifndef MAP_STACK
#define MAP_STACK 0
#endif
#ifndef SYS_process_madvise
#define SYS_process_madvise 440 /* x86_64 (this file is x86_64-only) */
#endif
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef PIDFD_SELF_THREAD
#define PIDFD_SELF_THREAD (-10000) /* Linux 6.15+: "this thread" (so our mm) */
#endif
#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif

#if CORO_ASAN   /* set by coro.h */
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define CORO_VALGRIND 1
#endif
#endif
#ifndef CORO_VALGRIND
#define CORO_VALGRIND 0
#define VALGRIND_STACK_REGISTER(lo, hi) 0u
#define VALGRIND_STACK_DEREGISTER(id) ((void)(id))
#define RUNNING_ON_VALGRIND 0
#endif

/* ---- asm interface (coro/switch_x86_64.S) -------------------------------- */
#define HIDDEN __attribute__((visibility("hidden")))
HIDDEN void coro__trampoline(void);
HIDDEN _Noreturn void coro__boot(Coro *self);

/* Size of the frame coro__swap keeps on a suspended stack, and the initial
 * frame we build: 64 bytes of switch frame + 16 bytes of zero padding at the
 * very top (a null "return address" for naive frame walkers). */
#define SWAP_FRAME 64
#define INIT_FRAME (SWAP_FRAME + 16)

/* The pool (see docs/fibers-stacks.md, "Pool"). One pool per stack size
 * in use (up to POOL_SIZES sizes; usually just the default):
 *  - new stacks are mapped in chunks: one mmap for 1, 2, 4 ... up to
 *    POOL_CHUNK stacks of a size (at most CHUNK_BYTES), guard zones
 *    installed with one batched madvise; the stacks not needed yet go to the
 *    hot list untouched (a chunk is only mapped when the pool is empty);
 *  - a released stack first goes to its pool's dirty list (up to POOL_DIRTY
 *    stacks and DIRTY_BYTES of stack): nothing is dropped yet. When the list
 *    is full, when the pool has nothing else to hand out, and when the last
 *    live coro's stack comes back, the whole list is cleaned with one
 *    batched madvise and filed: into the hot list (up to POOL_HOT; all but
 *    its top KEEP_TOP bytes are MADV_DONTNEED'ed) or else into the cold list
 *    (all of it MADV_DONTNEED'ed: 0 RSS). Dirty stacks are never handed out
 *    as they are: a new fiber must not inherit the pages a deep one left;
 *  - stacks are never unmapped one at a time while others are live: freeing
 *    one stack out of the middle of a run of merged stacks splits a VMA, and
 *    random fiber deaths among 100 000 live fibers would push the process
 *    past vm.max_map_count (after which even mmap fails);
 *  - when the last live coro's stack comes back, cold stacks beyond
 *    POOL_COLD per pool are unmapped in ascending address order (each one is
 *    then at the bottom of its VMA: no split), adjacent ones in one munmap
 *    (a chunk's stacks are adjacent, and unmapped one by one or together);
 *  - coro_pool_trim() unmaps every pooled stack the same way. */
#define POOL_SIZES 4
#define POOL_HOT 64
#define POOL_COLD 4096
#define POOL_DIRTY 32
#define POOL_CHUNK 64                      /* <= POOL_HOT: a chunk's spare stacks fit in hot */
#define DIRTY_BYTES ((size_t)4 << 20)      /* usable stack bytes a dirty list may hold */
#define CHUNK_BYTES ((size_t)32 << 20)     /* address space of one chunk, at most */
#define KEEP_TOP ((size_t)8192)

typedef struct {
  void *mapping;
  size_t mapping_size;
  unsigned vg_id;
  bool fresh;                              /* never used (a chunk's spare): no ASan shadow to clear */
} Stack;

/* Invariant: cold_cap >= ncold + ndirty, so that filing the dirty list
 * never needs malloc. */
typedef struct {
  size_t mapping_size;                     /* 0: slot unused */
  Stack hot[POOL_HOT];
  size_t nhot;
  Stack dirty[POOL_DIRTY];                 /* released, pages not dropped yet */
  size_t ndirty;
  Stack *cold;                             /* malloc'ed, capacity cold_cap */
  size_t ncold, cold_cap;
  size_t next_chunk;                       /* stacks in the next chunk (0: 1) */
} Pool;

/* ---- globals -------------------------------------------------------------- */
static size_t g_page;                      /* set by page_size() */
static size_t g_default = CORO_DEFAULT_STACK;
static int g_guard_mode;                   /* 0 unknown, 1 madvise, 2 mprotect */

static pthread_mutex_t g_pool_mu = PTHREAD_MUTEX_INITIALIZER;   /* guards all below */
static Pool g_pools[POOL_SIZES];
static size_t g_live;                      /* stacks owned by coros */

__thread Coro *coro__running;
#define t_current coro__running
__thread bool coro__has_pending;
__thread uint64_t coro__fp_now;
__thread bool coro__fp_known;
static __thread Stack t_pending;           /* stack of a coro that exited, freed once we are off it */
#if CORO_ASAN
static __thread Coro *t_asan_prev;         /* coro we just left (learn main's ASan bounds) */
static __thread int t_asan_exiting;        /* current switch leaves a dead coro */
#endif

static size_t page_size(void) {
  if (!g_page) {
    long p = sysconf(_SC_PAGESIZE);
    g_page = p > 0 ? (size_t)p : 4096;
  }
  return g_page;
}

static size_t round_stack(size_t n) {
  size_t pg = page_size();
  if (n < CORO_MIN_STACK) n = CORO_MIN_STACK;
  if (n > ((size_t)1 << 40)) n = (size_t)1 << 40;
  return (n + pg - 1) & ~(pg - 1);
}

/* A fatal message; the process ends right after (abort or _exit, neither
 * of which flushes stdio), so what the program printed goes out first. In
 * the overflow handler fflush is not async-signal-safe, but the stack that
 * overflowed was running script, not stdio, and the output is worth more. */
static void write_err(const char *msg) {
  fflush(stdout);
  ssize_t r = write(2, msg, strlen(msg));
  (void)r;
}

/* ---- AddressSanitizer shadow ----------------------------------------------- */
/* Clear the shadow of [lo, hi) (a stack being reused or unmapped). Whole
 * shadow pages are dropped with MADV_DONTNEED (ASan does the same for big
 * ranges) so that clearing 100 000 stacks does not fault in gigabytes of
 * zeroed shadow; the partial ends go through ASAN_UNPOISON_MEMORY_REGION. */
static void asan_clear(void *lo, void *hi) {
#if CORO_ASAN
  size_t scale = 3, off = 0;
  __asan_get_shadow_mapping(&scale, &off);
  uintptr_t l = (uintptr_t)lo, h = (uintptr_t)hi, pg = page_size();
  uintptr_t sl = (l >> scale) + off, sh = (h >> scale) + off;
  uintptr_t pl = (sl + pg - 1) & ~(pg - 1), ph = sh & ~(pg - 1);
  if (pl < ph) {
    uintptr_t ml = (pl - off) << scale, mh = (ph - off) << scale;
    if (ml > l) ASAN_UNPOISON_MEMORY_REGION((void *)l, ml - l);
    if (h > mh) ASAN_UNPOISON_MEMORY_REGION((void *)mh, h - mh);
    if (madvise((void *)pl, ph - pl, MADV_DONTNEED) != 0)
      ASAN_UNPOISON_MEMORY_REGION((void *)ml, mh - ml);
  } else {
    ASAN_UNPOISON_MEMORY_REGION(lo, h - l);
  }
#else
  (void)lo; (void)hi;
#endif
}

/* ---- batched madvise -------------------------------------------------------- */
/* process_madvise(2) applies one advice to many ranges in one syscall (to
 * our own process with any advice since Linux 6.13; before, it refuses
 * MADV_DONTNEED and the guard markers do not exist anyway). It wants a
 * pidfd naming us: PIDFD_SELF_THREAD (Linux 6.15+) needs no descriptor,
 * else one from pidfd_open(2), opened again in a fork()ed child (the
 * inherited one names the parent). When neither works (older kernel,
 * seccomp, valgrind, which knows neither syscall nor what they do to
 * memory, or GS_CORO_PROCESS_MADVISE=off), each range gets its own
 * madvise(2) as before. GS_CORO_PROCESS_MADVISE=pidfd skips PIDFD_SELF (to
 * test the pidfd_open way). All of it runs with g_pool_mu held. */
enum { PM_UNTRIED, PM_SELF, PM_PIDFD, PM_OFF };
static int g_pm = PM_UNTRIED;
static int g_pidfd = -1;
static pid_t g_pidfd_pid;

/* The pidfd to pass to process_madvise, or -1 if it is off. */
static int pm_target(void) {
  if (g_pm == PM_UNTRIED) {
    const char *env = getenv("GS_CORO_PROCESS_MADVISE");
    if (RUNNING_ON_VALGRIND || (env && strcmp(env, "off") == 0)) g_pm = PM_OFF;
    else if (env && strcmp(env, "pidfd") == 0) g_pm = PM_PIDFD;
    else g_pm = PM_SELF;
  }
  if (g_pm == PM_SELF) return PIDFD_SELF_THREAD;
  if (g_pm != PM_PIDFD) return -1;
  pid_t pid = getpid();
  if (g_pidfd < 0 || g_pidfd_pid != pid) {   /* first use, or a fork()ed child */
    if (g_pidfd >= 0) close(g_pidfd);
    g_pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    g_pidfd_pid = pid;
    if (g_pidfd < 0) g_pm = PM_OFF;
  }
  return g_pidfd;
}

/* One process_madvise over iov[0..n): bytes advised, or -1. Turns itself
 * off for good when the kernel does not do it for us. */
static long pm_call(const struct iovec *iov, size_t n, int advice) {
  for (;;) {
    int fd = pm_target();
    if (fd == -1) return -1;
    long r = syscall(SYS_process_madvise, fd, iov, n, advice, 0);
    if (r >= 0) return r;
    if (g_pm == PM_SELF && errno == EBADF) { g_pm = PM_PIDFD; continue; }  /* no PIDFD_SELF */
    if (errno == ENOSYS || errno == EPERM || errno == EBADF || errno == EINVAL) g_pm = PM_OFF;
    return -1;
  }
}

/* Apply `advice` to every range of iov[0..n) (n <= UIO_MAXIOV, lock held):
 * one process_madvise if possible, one madvise per range for whatever it
 * did not do (it stops at the first range that fails). 0, or -1 with errno
 * of the first range that failed. */
static int advise_ranges(const struct iovec *iov, size_t n, int advice) {
  size_t done = 0;
  if (n > 1) {
    long r = pm_call(iov, n, advice);
    size_t bytes = r > 0 ? (size_t)r : 0;
    while (done < n && bytes >= iov[done].iov_len) bytes -= iov[done++].iov_len;
  }
  for (; done < n; done++)
    if (madvise(iov[done].iov_base, iov[done].iov_len, advice) != 0) return -1;
  return 0;
}

/* ---- stacks ------------------------------------------------------------- */
static void *stack_lo(const Stack *s) { return (char *)s->mapping + CORO_GUARD_SIZE; }
static void *stack_hi(const Stack *s) { return (char *)s->mapping + s->mapping_size; }

/* The guard mode, deciding mprotect before the first stack: Valgrind 3.19
 * does not know guard markers (it treats the zone as accessible and can
 * crash on the fault), and GS_CORO_GUARD=mprotect forces the fallback for
 * testing. 0 (not decided) until a madvise guard has worked once. */
static int guard_mode(void) {
  int mode = __atomic_load_n(&g_guard_mode, __ATOMIC_RELAXED);
  if (mode == 0) {
    const char *env = getenv("GS_CORO_GUARD");
    if (RUNNING_ON_VALGRIND || (env && strcmp(env, "mprotect") == 0)) {
      mode = 2;
      __atomic_store_n(&g_guard_mode, 2, __ATOMIC_RELAXED);
    }
  }
  return mode;
}

/* Map one stack on its own; this is also where the guard mode is found
 * out (the first stack of the process is always mapped this way). */
static bool stack_map(Stack *s, size_t usable) {
  size_t len = usable + CORO_GUARD_SIZE;
  void *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (m == MAP_FAILED) return false;
  int mode = guard_mode();
  bool ok = false;
  if (mode != 2) {
    if (madvise(m, CORO_GUARD_SIZE, MADV_GUARD_INSTALL) == 0) {
      ok = true;
      if (mode == 0) __atomic_store_n(&g_guard_mode, 1, __ATOMIC_RELAXED);
    } else if (errno == EINVAL || errno == ENOSYS || errno == EPERM) {
      __atomic_store_n(&g_guard_mode, 2, __ATOMIC_RELAXED);  /* kernel < 6.13 */
    }
  }
  if (!ok && __atomic_load_n(&g_guard_mode, __ATOMIC_RELAXED) == 2)
    ok = mprotect(m, CORO_GUARD_SIZE, PROT_NONE) == 0;
  if (!ok) {
    int e = errno;
    munmap(m, len);
    errno = e ? e : ENOMEM;
    return false;
  }
  s->mapping = m;
  s->mapping_size = len;
  s->vg_id = VALGRIND_STACK_REGISTER(stack_lo(s), stack_hi(s));
  s->fresh = true;
  return true;
}

/* Map n > 1 stacks of mapping size len as one mapping (madvise guard mode
 * only, lock held): one mmap, and all guard zones with one advise_ranges.
 * Stack i is at m + i * len: the same layout as separate mmaps placed next
 * to each other. Nothing is touched (pre-populating the top pages with
 * MADV_POPULATE_WRITE was measured: it saves no time over the page faults).
 * NULL if any of it fails (nothing left mapped). */
static char *chunk_map(size_t n, size_t len) {
  char *m = mmap(NULL, n * len, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (m == MAP_FAILED) return NULL;
  struct iovec iov[POOL_CHUNK];
  for (size_t i = 0; i < n; i++) iov[i] = (struct iovec){ m + i * len, CORO_GUARD_SIZE };
  if (advise_ranges(iov, n, MADV_GUARD_INSTALL) != 0) {
    int e = errno;
    munmap(m, n * len);
    errno = e;
    return NULL;
  }
  return m;
}

/* How many stacks the pool's next chunk gets (lock held): 1 until the guard
 * mode is known to be madvise (an mprotect guard per stack would split the
 * chunk into two VMAs per stack anyway), then doubling from one chunk to the
 * next up to POOL_CHUNK and CHUNK_BYTES, so that a program with a few
 * fibers maps a few stacks. */
static size_t chunk_count(Pool *p, size_t len) {
  if (!p) return 1;
  size_t n = p->next_chunk ? p->next_chunk : 1;
  p->next_chunk = n * 2 <= POOL_CHUNK ? n * 2 : POOL_CHUNK;
  if (guard_mode() != 1) return 1;
  size_t max = CHUNK_BYTES / len;
  if (max > POOL_CHUNK) max = POOL_CHUNK;
  if (max > POOL_HOT - p->nhot + 1) max = POOL_HOT - p->nhot + 1;
  return n < max ? n : max ? max : 1;
}

/* A new stack for the caller (lock held, pool p empty, or NULL if there is
 * no pool slot for this size): a chunk's last stack, its others go to the
 * hot list; or, if the chunk cannot be mapped (address space limit, ...),
 * a stack on its own. */
static bool stack_new(Pool *p, Stack *s, size_t usable) {
  size_t len = usable + CORO_GUARD_SIZE;
  size_t n = chunk_count(p, len);
  char *m = n > 1 ? chunk_map(n, len) : NULL;
  if (!m) {
    if (p && n > 1) p->next_chunk = 1;   /* near a limit: grow again from 1 */
    return stack_map(s, usable);
  }
  for (size_t i = 0; i < n; i++) {
    Stack t = { m + i * len, len, 0, true };
    t.vg_id = VALGRIND_STACK_REGISTER(stack_lo(&t), stack_hi(&t));
    if (i + 1 < n) p->hot[p->nhot++] = t;
    else *s = t;
  }
  return true;
}

/* Pool for stacks of this mapping size (lock held); with `claim`, take a
 * free slot if there is none yet. NULL if all slots are taken. */
static Pool *pool_for(size_t mapping_size, bool claim) {
  Pool *free_slot = NULL;
  for (int i = 0; i < POOL_SIZES; i++) {
    if (g_pools[i].mapping_size == mapping_size) return &g_pools[i];
    if (!g_pools[i].mapping_size && !free_slot) free_slot = &g_pools[i];
  }
  if (claim && free_slot) free_slot->mapping_size = mapping_size;
  return claim ? free_slot : NULL;
}

/* Make room for `want` stacks in a pool's cold list (lock held). False
 * only if malloc fails. */
static bool cold_reserve(Pool *p, size_t want) {
  if (want <= p->cold_cap) return true;
  size_t cap = p->cold_cap ? p->cold_cap * 2 : 256;
  if (cap < want) cap = want;
  Stack *n = realloc(p->cold, cap * sizeof *n);
  if (!n) return false;
  p->cold = n;
  p->cold_cap = cap;
  return true;
}

/* Append to a pool's cold list (lock held). False only if malloc fails. */
static bool cold_push(Pool *p, Stack s) {
  if (!cold_reserve(p, p->ncold + p->ndirty + 1)) return false;
  p->cold[p->ncold++] = s;
  return true;
}

/* How many released stacks pool p lets wait before cleaning them: bounds
 * what the dirty list can keep resident to DIRTY_BYTES (a stack is as big
 * as its usable size at worst). */
static size_t dirty_max(const Pool *p) {
  size_t n = DIRTY_BYTES / (p->mapping_size - CORO_GUARD_SIZE);
  return n < 1 ? 1 : n > POOL_DIRTY ? POOL_DIRTY : n;
}

/* Clean pool p's dirty stacks with one batched MADV_DONTNEED and file them
 * (lock held): the most recently released ones into the hot list while it
 * has room (the top KEEP_TOP bytes stay: the next fiber starts there), the
 * others into the cold list (everything dropped). A failed madvise only
 * leaves pages resident. */
static void dirty_flush(Pool *p) {
  size_t n = p->ndirty;
  if (!n) return;
  size_t to_hot = POOL_HOT - p->nhot < n ? POOL_HOT - p->nhot : n;
  size_t first_hot = n - to_hot;           /* dirty[first_hot..n) go hot */
  struct iovec iov[POOL_DIRTY];
  for (size_t i = 0; i < n; i++) {
    size_t usable = p->dirty[i].mapping_size - CORO_GUARD_SIZE;
    iov[i].iov_base = stack_lo(&p->dirty[i]);
    iov[i].iov_len = i < first_hot ? usable : usable - KEEP_TOP;
  }
  advise_ranges(iov, n, MADV_DONTNEED);
  for (size_t i = 0; i < n; i++) {
    if (i < first_hot) p->cold[p->ncold++] = p->dirty[i];   /* room reserved */
    else p->hot[p->nhot++] = p->dirty[i];
  }
  p->ndirty = 0;
}

static int stack_cmp(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)((const Stack *)a)->mapping, y = (uintptr_t)((const Stack *)b)->mapping;
  return x < y ? -1 : x > y;
}

/* Unmap stacks v[0..n) (sorted by address, all of one size; lock not held),
 * adjacent ones with one munmap. If the kernel refuses (ENOMEM: the unmap
 * would split a VMA past vm.max_map_count), they go back to the pool. */
static void unmap_sorted(Stack *v, size_t n) {
  for (size_t i = 0; i < n;) {
    char *end = (char *)v[i].mapping + v[i].mapping_size;
    size_t j = i + 1;
    while (j < n && (char *)v[j].mapping == end) end += v[j++].mapping_size;
    for (size_t k = i; k < j; k++) asan_clear(stack_lo(&v[k]), stack_hi(&v[k]));
    if (munmap(v[i].mapping, (size_t)(end - (char *)v[i].mapping)) == 0) {
      for (size_t k = i; k < j; k++) VALGRIND_STACK_DEREGISTER(v[k].vg_id);
    } else {
      pthread_mutex_lock(&g_pool_mu);
      Pool *p = pool_for(v[i].mapping_size, true);
      for (size_t k = i; k < j && p; k++) {
        madvise(stack_lo(&v[k]), v[k].mapping_size - CORO_GUARD_SIZE, MADV_DONTNEED);
        if (!cold_push(p, v[k])) break;   /* out of memory twice over: leak */
      }
      pthread_mutex_unlock(&g_pool_mu);
    }
    i = j;
  }
}

/* Unmap the cold stacks of pool p beyond `keep` (the lowest addresses);
 * with keep == 0 the dirty and hot ones too (no need to clean what is
 * unmapped), and the slot is freed if it empties. */
static void pool_shrink(Pool *p, size_t keep) {
  pthread_mutex_lock(&g_pool_mu);
  if (keep == 0) {
    while (p->ndirty) p->cold[p->ncold++] = p->dirty[--p->ndirty];   /* room reserved */
    while (p->nhot && cold_push(p, p->hot[p->nhot - 1])) p->nhot--;
  }
  size_t n = p->ncold > keep ? p->ncold - keep : 0;
  Stack *v = n ? malloc(n * sizeof *v) : NULL;
  if (v) {
    qsort(p->cold, p->ncold, sizeof *p->cold, stack_cmp);
    memcpy(v, p->cold, n * sizeof *v);
    memmove(p->cold, p->cold + n, keep * sizeof *v);
    p->ncold = keep;
  }
  size_t used = p->ncold + p->ndirty;
  if (p->cold_cap > 2 * used + 256) {   /* give back the list's memory too */
    size_t cap = used + 256;
    Stack *nv = realloc(p->cold, cap * sizeof *nv);
    if (nv) { p->cold = nv; p->cold_cap = cap; }
  }
  pthread_mutex_unlock(&g_pool_mu);
  if (v) unmap_sorted(v, n);
  free(v);
  pthread_mutex_lock(&g_pool_mu);
  if (!p->nhot && !p->ncold && !p->ndirty) {
    free(p->cold);
    p->cold = NULL;
    p->cold_cap = 0;
    p->mapping_size = 0;
    p->next_chunk = 0;
  }
  pthread_mutex_unlock(&g_pool_mu);
}

/* A stack whose coroutine will never run again. Caller is not on it. It
 * waits in the dirty list; see dirty_flush for when its pages go. */
static void stack_release(Stack s) {
  if (!s.mapping) return;
  bool pooled = false;
  pthread_mutex_lock(&g_pool_mu);
  g_live--;
  Pool *p = pool_for(s.mapping_size, true);
  if (p && cold_reserve(p, p->ncold + p->ndirty + 1)) {
    p->dirty[p->ndirty++] = s;
    pooled = true;
    if (p->ndirty >= dirty_max(p)) dirty_flush(p);
  }
  unsigned shrink = 0;   /* pools to shrink, as bits */
  if (g_live == 0)       /* nothing runs: drop every page we can */
    for (int i = 0; i < POOL_SIZES; i++) {
      dirty_flush(&g_pools[i]);
      if (g_pools[i].ncold > POOL_COLD) shrink |= 1u << i;
    }
  pthread_mutex_unlock(&g_pool_mu);
  if (!pooled) unmap_sorted(&s, 1);   /* more sizes than pool slots */
  for (int i = 0; i < POOL_SIZES; i++)
    if (shrink & (1u << i)) pool_shrink(&g_pools[i], POOL_COLD);
}

/* A stack for a new coro: from the pool (hot, then cold, then the dirty
 * list once cleaned), else newly mapped. */
static bool stack_get(Stack *s, size_t usable) {
  bool got = true, reused = true;   /* reused: may hold a previous owner's ASan shadow */
  pthread_mutex_lock(&g_pool_mu);
  Pool *p = pool_for(usable + CORO_GUARD_SIZE, true);
  if (p && !p->nhot && !p->ncold) dirty_flush(p);   /* reuse before mapping more */
  if (p && p->nhot) *s = p->hot[--p->nhot];
  else if (p && p->ncold) *s = p->cold[--p->ncold];
  else { reused = false; got = stack_new(p, s, usable); }
  if (got) g_live++;
  pthread_mutex_unlock(&g_pool_mu);
  if (reused && !s->fresh) asan_clear(stack_lo(s), stack_hi(s));  /* frames of the previous owner */
  return got;
}

static void release_pending(void) {
  if (t_pending.mapping) {
    Stack s = t_pending;
    t_pending.mapping = NULL;
    coro__has_pending = false;
    stack_release(s);
  }
}

void coro__release_pending(void) { release_pending(); }

bool coro_under_valgrind(void) { return RUNNING_ON_VALGRIND; }

/* ---- ASan switch announcements ------------------------------------------ */
#if CORO_ASAN
static void asan_finish(void *fake) {
  const void *old_bottom = NULL;
  size_t old_size = 0;
  __sanitizer_finish_switch_fiber(fake, &old_bottom, &old_size);
  Coro *prev = t_asan_prev;
  t_asan_prev = NULL;
  /* Use ASan's own idea of the main stack when switching back to it. */
  if (prev && prev->is_main && old_bottom && old_size) {
    prev->asan_bottom = (void *)old_bottom;
    prev->asan_size = old_size;
  }
}
#endif

/* ---- public API ------------------------------------------------------------ */
void coro_init_main(Coro *m) {
  memset(m, 0, sizeof *m);
  m->is_main = 1;
  pthread_attr_t attr;
  void *addr = NULL;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    if (pthread_attr_getstack(&attr, &addr, &size) != 0) { addr = NULL; size = 0; }
    pthread_attr_destroy(&attr);
  }
  if (addr && size) {
    m->stack_lo = addr;
    m->stack_hi = (char *)addr + size;
  }
  m->asan_bottom = m->stack_lo;
  m->asan_size = size;
  t_current = m;
}

Coro *coro_current(void) { return t_current; }

bool coro_create(Coro *c, size_t stack_size, void (*entry)(void *arg), void *arg) {
  release_pending();
  size_t usable = round_stack(stack_size ? stack_size : g_default);
  Stack s;
  memset(c, 0, sizeof *c);
  if (!stack_get(&s, usable)) return false;
  c->mapping = s.mapping;
  c->mapping_size = s.mapping_size;
  c->valgrind_id = s.vg_id;
  c->stack_lo = stack_lo(&s);
  c->stack_hi = stack_hi(&s);
  c->asan_bottom = c->stack_lo;
  c->asan_size = usable;
  c->entry = entry;
  c->arg = arg;

  /* Initial frame, the same layout coro__swap leaves behind (see the .S):
   * the new coroutine inherits the creator's MXCSR and x87 control word. */
  uint64_t *f = (uint64_t *)((char *)c->stack_hi - INIT_FRAME);
  uint32_t mxcsr;
  uint16_t fcw;
  __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
  __asm__ volatile("fnstcw %0" : "=m"(fcw));
  f[0] = (uint64_t)fcw | ((uint64_t)mxcsr << 32);
  f[1] = 0;                                   /* r15 */
  f[2] = 0;                                   /* r14 */
  f[3] = 0;                                   /* r13 */
  f[4] = (uint64_t)(uintptr_t)c;              /* r12: argument for coro__boot */
  f[5] = 0;                                   /* rbx */
  f[6] = 0;                                   /* rbp: end of frame-pointer chain */
  f[7] = (uint64_t)(uintptr_t)coro__trampoline;  /* return address */
  f[8] = 0;
  f[9] = 0;
  c->sp = f;
  return true;
}

static _Noreturn __attribute__((noinline, cold)) void bad_switch(const Coro *from, const Coro *to) {
  if (from != t_current)
    write_err("fatal: coro_switch: `from` is not the running coroutine (or coro_init_main was not called)\n");
  else
    write_err(to->dead ? "fatal: coro_switch to a finished coroutine\n"
                   : "fatal: coro_switch to a destroyed or uninitialized coroutine\n");
  abort();
}

__attribute__((noinline)) void coro_switch(Coro *from, Coro *to) {
  if (from == to) return;
  if (__builtin_expect(from != t_current || !to->sp || to->dead, 0)) bad_switch(from, to);
  t_current = to;
#if CORO_ASAN
  void **save = &from->asan_fake_stack;
  if (t_asan_exiting) { t_asan_exiting = 0; save = NULL; }
  t_asan_prev = from;
  __sanitizer_start_switch_fiber(save, to->asan_bottom, to->asan_size);
#endif
  coro__swap(&from->sp, to->sp, &coro__fp_now);   /* (the interpreter has the other one: coro_switch_inline) */
  coro__fp_known = false;          /* we return into C code that may change them */
  /* running again as `from` */
#if CORO_ASAN
  asan_finish(from->asan_fake_stack);
#endif
  if (__builtin_expect(coro__has_pending, 0)) release_pending();
}

_Noreturn void coro_exit_switch(Coro *from, Coro *to) {
  if (from == to || from->is_main) {
    write_err("fatal: coro_exit_switch from the main coroutine or to itself\n");
    abort();
  }
  release_pending();             /* at most one pending stack at a time */
  from->dead = 1;
  if (from->mapping) {
    t_pending.mapping = from->mapping;
    coro__has_pending = true;
    t_pending.mapping_size = from->mapping_size;
    t_pending.vg_id = from->valgrind_id;
    from->mapping = NULL;
  }
#if CORO_ASAN
  t_asan_exiting = 1;
#endif
  coro_switch(from, to);
  write_err("fatal: a finished coroutine was resumed\n");
  abort();
}

/* ---- segments -------------------------------------------------------------- */

/* The stack a coroutine left for a new one (a local of
 * coro_call_on_new_stack, so it lives on that stack). */
struct CoroSegment {
  void *stack_lo, *stack_hi, *mapping, *asan_bottom;
  size_t mapping_size, asan_size;
  unsigned valgrind_id;
  struct CoroSegment *outer;
};

typedef struct {
  Coro *c;
  void (*fn)(void *arg);
  void *arg;
} SegmentCall;

/* Runs on the new stack. */
static void segment_entry(void *p) {
  SegmentCall *call = p;
#if CORO_ASAN
  __sanitizer_finish_switch_fiber(NULL, NULL, NULL);
#endif
  call->fn(call->arg);
#if CORO_ASAN
  struct CoroSegment *o = call->c->outer;   /* the new stack is done with: no fake stack to keep */
  __sanitizer_start_switch_fiber(NULL, o->asan_bottom, o->asan_size);
#endif
}

bool coro_call_on_new_stack(Coro *c, size_t stack_size, void (*fn)(void *arg), void *arg) {
  release_pending();
  size_t usable = round_stack(stack_size ? stack_size : g_default);
  Stack s;
  if (!stack_get(&s, usable)) return false;
  struct CoroSegment outer = { c->stack_lo, c->stack_hi, c->mapping, c->asan_bottom,
                               c->mapping_size, c->asan_size, c->valgrind_id, c->outer };
  c->stack_lo = stack_lo(&s);
  c->stack_hi = stack_hi(&s);
  c->mapping = s.mapping;
  c->mapping_size = s.mapping_size;
  c->valgrind_id = s.vg_id;
  c->asan_bottom = c->stack_lo;
  c->asan_size = usable;
  c->outer = &outer;
  c->nsegments++;
  SegmentCall call = { c, fn, arg };
#if CORO_ASAN
  void *fake = NULL;
  __sanitizer_start_switch_fiber(&fake, c->asan_bottom, c->asan_size);
#endif
  coro__call_on(c->stack_hi, segment_entry, &call);
#if CORO_ASAN
  __sanitizer_finish_switch_fiber(fake, NULL, NULL);
#endif
  Stack done = { c->mapping, c->mapping_size, c->valgrind_id, false };
  c->stack_lo = outer.stack_lo;
  c->stack_hi = outer.stack_hi;
  c->mapping = outer.mapping;
  c->mapping_size = outer.mapping_size;
  c->valgrind_id = outer.valgrind_id;
  c->asan_bottom = outer.asan_bottom;
  c->asan_size = outer.asan_size;
  c->outer = outer.outer;
  c->nsegments--;
  stack_release(done);
  return true;
}

void coro_destroy(Coro *c) {
  if (!c->mapping) return;       /* main, already destroyed, or exit_switch'ed */
  if (c == t_current) {
    write_err("fatal: coro_destroy on the running coroutine\n");
    abort();
  }
  release_pending();
  Stack s = { c->mapping, c->mapping_size, c->valgrind_id, false };
  struct CoroSegment *o = c->outer;
  c->mapping = NULL;
  c->sp = NULL;
  c->outer = NULL;
  c->nsegments = 0;
  stack_release(s);
  /* suspended inside coro_call_on_new_stack: the stacks it left, each
   * described by a record on itself (read before it goes) */
  while (o) {
    Stack t = { o->mapping, o->mapping_size, o->valgrind_id, false };
    o = o->outer;
    stack_release(t);
  }
}

size_t coro_release_unused(Coro *c) {
  if (!c->mapping || c->dead || c == t_current || !c->sp) return 0;
  /* everything below the saved sp is dead: the switch frame sits at sp, and
   * no red zone is live across a call */
  uintptr_t lo = (uintptr_t)c->stack_lo;
  uintptr_t top = (uintptr_t)c->sp & ~(uintptr_t)(page_size() - 1);
  if (top <= lo) return 0;
  if (madvise((void *)lo, top - lo, MADV_DONTNEED) != 0) return 0;
  return top - lo;
}

size_t coro_stack_remaining(const Coro *running) {
  uintptr_t sp;
  __asm__ volatile("movq %%rsp, %0" : "=r"(sp));
  uintptr_t lo = (uintptr_t)running->stack_lo;
  return sp > lo ? sp - lo : 0;
}

void coro_set_default_stack_size(size_t size) {
  size = round_stack(size ? size : CORO_DEFAULT_STACK);
  pthread_mutex_lock(&g_pool_mu);
  g_default = size;
  pthread_mutex_unlock(&g_pool_mu);
}

size_t coro_default_stack_size(void) { return g_default; }

int coro_guard_mode(void) { return __atomic_load_n(&g_guard_mode, __ATOMIC_RELAXED); }

void coro_pool_stats(size_t *hot, size_t *cold) {
  size_t h = 0, c = 0;
  pthread_mutex_lock(&g_pool_mu);
  for (int i = 0; i < POOL_SIZES; i++) {
    h += g_pools[i].nhot + g_pools[i].ndirty;   /* dirty ones count as hot */
    c += g_pools[i].ncold;
  }
  pthread_mutex_unlock(&g_pool_mu);
  if (hot) *hot = h;
  if (cold) *cold = c;
}

void coro_pool_trim(void) {
  release_pending();
  for (int i = 0; i < POOL_SIZES; i++) pool_shrink(&g_pools[i], 0);
}

/* First C code on a new stack (called by coro__trampoline). */
HIDDEN _Noreturn void coro__boot(Coro *self) {
#if CORO_ASAN
  asan_finish(NULL);
#endif
  release_pending();
  self->entry(self->arg);
  write_err("fatal: coroutine entry function returned (it must switch away at its end)\n");
  abort();
}

/* ---- stack overflow handler --------------------------------------------- */
static struct sigaction g_old_segv;
static const char overflow_msg[] = "fatal: C stack overflow in fiber (guard page hit)\n";

static bool in_range(uintptr_t x, uintptr_t lo, uintptr_t hi) { return x >= lo && x < hi; }

static void segv_handler(int sig, siginfo_t *si, void *uctx) {
  uintptr_t addr = (uintptr_t)si->si_addr;
  uintptr_t sp = 0;
  ucontext_t *uc = uctx;
  if (uc) sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
  const Coro *c = t_current;
  bool overflow = false;
  if (c && c->mapping) {
    uintptr_t g = (uintptr_t)c->mapping, lo = (uintptr_t)c->stack_lo;
    /* in the guard zone, or the stack pointer itself went below the stack */
    overflow = in_range(addr, g, lo) || in_range(sp, g > (1u << 20) ? g - (1u << 20) : 0, lo);
  } else if (c && c->is_main && c->stack_lo) {
    /* the kernel keeps a 1 MiB gap below the main stack; the rlimit
     * boundary is about stack_lo */
    uintptr_t lo = (uintptr_t)c->stack_lo, w = (uintptr_t)1 << 20;
    uintptr_t a = lo > w ? lo - w : 0, b = lo + 65536;
    overflow = in_range(addr, a, b) || in_range(sp, a, b);
  }
  if (overflow) {
    write_err(overflow_msg);
    _exit(134);
  }
  /* Not ours: give the signal to whoever had it before (default action:
   * returning re-executes the faulting instruction and dies properly). */
  sigaction(sig, &g_old_segv, NULL);
  if (si->si_code <= 0) raise(sig);   /* sent by kill(), not a fault */
}

void coro_install_overflow_handler(void) {
  /* alternate signal stack for this thread (keep an existing big enough one) */
  stack_t old;
  size_t want = 64 * 1024;
  long min = sysconf(_SC_MINSIGSTKSZ);
  if (min > 0 && (size_t)min * 4 > want) want = (size_t)min * 4;
  if (sigaltstack(NULL, &old) != 0 || (old.ss_flags & SS_DISABLE) || old.ss_size < want) {
    void *p = mmap(NULL, want, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) {
      stack_t ss = { .ss_sp = p, .ss_size = want, .ss_flags = 0 };
      if (sigaltstack(&ss, NULL) != 0) munmap(p, want);
    }
  }
  struct sigaction sa, prev;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = segv_handler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  if (sigaction(SIGSEGV, &sa, &prev) == 0 && prev.sa_sigaction != segv_handler)
    g_old_segv = prev;
}
