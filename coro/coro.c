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
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102 /* Linux 6.13+ */
#endif
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14+ */
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
#include <valgrind/memcheck.h>
#define CORO_VALGRIND 1
#endif
#endif
#ifndef CORO_VALGRIND
#define CORO_VALGRIND 0
#define VALGRIND_STACK_REGISTER(lo, hi) 0u
#define VALGRIND_STACK_DEREGISTER(id) ((void)(id))
#define VALGRIND_MAKE_MEM_UNDEFINED(p, n) ((void)(p), (void)(n))
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
 *  - the hot list is a LIFO handed out with no system call: the stack
 *    released last, whose pages are still mapped and in the cache, is the
 *    next one used. A stack whose coro stayed shallow (the deepest stack
 *    pointer the VM's stack checks saw is within SHALLOW_DEPTH of the top)
 *    goes straight onto it with its pages as they are;
 *  - a stack that ran deeper first goes to the dirty list (up to POOL_DIRTY
 *    stacks and DIRTY_BYTES of stack). When the list is full, when the pool
 *    has nothing else to hand out, and when the last live coro's stack
 *    comes back, the whole list is cleaned with one batched madvise (all
 *    but the top KEEP_TOP bytes are MADV_DONTNEED'ed) and goes hot: a new
 *    fiber must not inherit the pages a deep one left;
 *  - hot stacks go back to the kernel only in bulk, oldest first, into the
 *    cold list (all pages MADV_DONTNEED'ed: 0 RSS), EVICT_BATCH per batched
 *    madvise: when the hot list reaches POOL_HOT_MAX (its high-water mark),
 *    and in coro_pool_decay() (the VM calls it after each garbage
 *    collection) for the ones nobody took for a while (since the call that
 *    last marked, at least idle_seconds ago), beyond POOL_HOT_KEEP;
 *  - stacks are never unmapped one at a time while others are live: freeing
 *    one stack out of the middle of a run of merged stacks splits a VMA, and
 *    random fiber deaths among 100 000 live fibers would push the process
 *    past vm.max_map_count (after which even mmap fails);
 *  - in coro_pool_decay() while no coro is live, cold stacks beyond
 *    POOL_COLD per pool are unmapped in ascending address order (each one is
 *    then at the bottom of its VMA: no split), adjacent ones in one munmap
 *    (a chunk's stacks are adjacent, and unmapped one by one or together);
 *  - coro_pool_trim() unmaps every pooled stack the same way. */
#define POOL_SIZES 4
#define POOL_HOT_KEEP 64                   /* hot stacks coro_pool_decay leaves */
#define POOL_HOT_MAX 16384                 /* high-water mark of a hot list */
#define EVICT_BATCH 1024                   /* stacks per batched madvise (UIO_MAXIOV) */
#define POOL_COLD 4096
#define POOL_DIRTY 32
#define POOL_CHUNK 64
#define DIRTY_BYTES ((size_t)4 << 20)      /* usable stack bytes a dirty list may hold */
#define CHUNK_BYTES ((size_t)32 << 20)     /* address space of one chunk, at most */
#define KEEP_TOP ((size_t)8192)
#define SHALLOW_DEPTH KEEP_TOP             /* deepest checked sp of a stack reused as it is */

typedef struct {
  void *mapping;
  size_t mapping_size;
  unsigned vg_id;
  bool fresh;                              /* never used (a chunk's spare): no ASan shadow to clear */
  bool shallow;                            /* released by a coro that stayed shallow */
  bool probe_zero;                         /* its probe line is known to be zero (see probe_reset) */
} Stack;

/* Invariant: hot_cap >= nhot + ndirty and cold_cap >= ncold + ndirty, so
 * that filing the dirty list never needs malloc. */
typedef struct {
  size_t mapping_size;                     /* 0: slot unused */
  Stack *hot;                              /* malloc'ed LIFO, capacity hot_cap */
  size_t nhot, hot_cap;
  size_t hot_idle;                         /* hot[0..hot_idle) not handed out since the last decay */
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
static double g_decay_mark;                /* when coro_pool_decay last set hot_idle */
static bool g_decay_marked;

__thread Coro *coro__running;
#define t_current coro__running
__thread bool coro__has_pending;
__thread uint64_t coro__fp_now;
__thread bool coro__fp_known;
static __thread Stack t_pending;           /* stack of a coro that exited, freed once we are off it */
#if CORO_ASAN
static __thread Coro *t_asan_prev;         /* coro we just left (learn main's ASan bounds) */
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
  s->shallow = false;
  s->probe_zero = true;
  return true;
}

/* Map n > 1 stacks of mapping size len as one mapping (madvise guard mode
 * only, lock held): one mmap, and all guard zones with one advise_ranges.
 * Stack i is at m + i * len: the same layout as separate mmaps placed next
 * to each other; the top pages are populated (see below).
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
  /* Every stack's top page is written by its first coro_create: one batched
   * MADV_POPULATE_WRITE costs less than n page faults (fiber_spawn: 20% less
   * CPU time), and at most a chunk's spare top pages are resident early.
   * Not where madvise cannot be batched (n syscalls would gain nothing). */
  if (pm_target() != -1) {
    size_t pg = page_size();
    for (size_t i = 0; i < n; i++) iov[i] = (struct iovec){ m + (i + 1) * len - pg, pg };
    advise_ranges(iov, n, MADV_POPULATE_WRITE);   /* only a hint: failure changes nothing */
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
  return n < max ? n : max ? max : 1;
}

/* A new stack for the caller (lock held, pool p empty, or NULL if there is
 * no pool slot for this size): a chunk's last stack, its others go to the
 * hot list; or, if the chunk cannot be mapped (address space limit, ...),
 * a stack on its own. */
static bool hot_reserve(Pool *p, size_t want);

static bool stack_new(Pool *p, Stack *s, size_t usable) {
  size_t len = usable + CORO_GUARD_SIZE;
  size_t n = chunk_count(p, len);
  if (n > 1 && !hot_reserve(p, p->nhot + p->ndirty + n - 1)) n = 1;
  char *m = n > 1 ? chunk_map(n, len) : NULL;
  if (!m) {
    if (p && n > 1) p->next_chunk = 1;   /* near a limit: grow again from 1 */
    return stack_map(s, usable);
  }
  for (size_t i = 0; i < n; i++) {
    Stack t = { m + i * len, len, 0, true, false, true };
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

/* Make room for `want` stacks in a list of capacity *cap (lock held).
 * False only if malloc fails. */
static bool list_reserve(Stack **list, size_t *cap, size_t want) {
  if (want <= *cap) return true;
  size_t ncap = *cap ? *cap * 2 : 256;
  if (ncap < want) ncap = want;
  Stack *n = realloc(*list, ncap * sizeof *n);
  if (!n) return false;
  *list = n;
  *cap = ncap;
  return true;
}

static bool cold_reserve(Pool *p, size_t want) { return list_reserve(&p->cold, &p->cold_cap, want); }
static bool hot_reserve(Pool *p, size_t want) { return list_reserve(&p->hot, &p->hot_cap, want); }

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

/* Ranges for one batched madvise (lock held: one buffer for the process,
 * kept off the fiber stacks, which may be small). */
static struct iovec g_iov[EVICT_BATCH];

/* Give the pages of the n oldest hot stacks of pool p back to the kernel
 * (lock held), at most EVICT_BATCH per batched madvise, and move them to
 * the cold list. Skipped if the cold list cannot grow. */
static void hot_evict(Pool *p, size_t n) {
  if (n > p->nhot) n = p->nhot;
  while (n && cold_reserve(p, p->ncold + p->ndirty + n)) {
    size_t k = n < EVICT_BATCH ? n : EVICT_BATCH;
    for (size_t i = 0; i < k; i++) {
      g_iov[i].iov_base = stack_lo(&p->hot[i]);
      g_iov[i].iov_len = p->hot[i].mapping_size - CORO_GUARD_SIZE;
    }
    advise_ranges(g_iov, k, MADV_DONTNEED);
    memcpy(p->cold + p->ncold, p->hot, k * sizeof *p->hot);
    p->ncold += k;
    p->nhot -= k;
    memmove(p->hot, p->hot + k, p->nhot * sizeof *p->hot);
    p->hot_idle = p->hot_idle > k ? p->hot_idle - k : 0;
    n -= k;
  }
}

/* Push onto pool p's hot list (lock held, room reserved); at the
 * high-water mark the oldest EVICT_BATCH go cold. */
static void hot_push(Pool *p, Stack s) {
  p->hot[p->nhot++] = s;
  if (p->nhot >= POOL_HOT_MAX) hot_evict(p, EVICT_BATCH);
}

/* Clean pool p's dirty stacks with one batched MADV_DONTNEED (the top
 * KEEP_TOP bytes stay: the next fiber starts there) and file them hot
 * (lock held). A failed madvise only leaves pages resident. */
static void dirty_flush(Pool *p) {
  size_t n = p->ndirty;
  if (!n) return;
  for (size_t i = 0; i < n; i++) {
    g_iov[i].iov_base = stack_lo(&p->dirty[i]);
    g_iov[i].iov_len = p->dirty[i].mapping_size - CORO_GUARD_SIZE - KEEP_TOP;
  }
  advise_ranges(g_iov, n, MADV_DONTNEED);
  p->ndirty = 0;
  for (size_t i = 0; i < n; i++) hot_push(p, p->dirty[i]);   /* room reserved */
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
  if (!p->nhot) {
    free(p->hot);
    p->hot = NULL;
    p->hot_cap = p->hot_idle = 0;
  }
  pthread_mutex_unlock(&g_pool_mu);
  if (v) unmap_sorted(v, n);
  free(v);
  pthread_mutex_lock(&g_pool_mu);
  if (!p->nhot && !p->ncold && !p->ndirty && !p->hot) {
    free(p->cold);
    p->cold = NULL;
    p->cold_cap = 0;
    p->mapping_size = 0;
    p->next_chunk = 0;
  }
  pthread_mutex_unlock(&g_pool_mu);
}

/* One released stack kept by the thread that released it, in front of the
 * pool: a finished generator's stack is the next new fiber's with no lock
 * taken (a lock and an unlock per hand-out and per release were ~3% of a
 * generator's whole lifecycle). Only a shallow one, as it would go hot. It
 * still counts in g_live, and goes back to the pool in coro_pool_decay,
 * coro_pool_trim and when the thread exits. */
static __thread Stack t_spare;
static __thread bool t_spare_hooked;       /* the thread-exit hook is set for this thread */
static pthread_once_t g_spare_once = PTHREAD_ONCE_INIT;
static pthread_key_t g_spare_key;
static bool g_spare_key_ok;

static void stack_release_pooled(Stack s);

static void spare_return(void) {
  if (!t_spare.mapping) return;
  Stack s = t_spare;
  t_spare.mapping = NULL;
  stack_release_pooled(s);
}
static void spare_thread_exit(void *unused) { (void)unused; spare_return(); }
static void spare_key_init(void) { g_spare_key_ok = pthread_key_create(&g_spare_key, spare_thread_exit) == 0; }

/* Keep s as this thread's spare (true), if there is room and a way to give
 * it back at thread exit. */
static bool spare_keep(Stack s) {
  if (t_spare.mapping || !s.shallow) return false;
  if (!t_spare_hooked) {
    pthread_once(&g_spare_once, spare_key_init);
    if (!g_spare_key_ok || pthread_setspecific(g_spare_key, &t_spare) != 0) return false;
    t_spare_hooked = true;
  }
  t_spare = s;
  return true;
}

/* A stack whose coroutine will never run again. Caller is not on it. A
 * shallow one becomes the thread's spare or goes hot as it is; a deep one
 * waits in the dirty list (see dirty_flush). */
static void stack_release(Stack s) {
  if (!s.mapping || spare_keep(s)) return;
  stack_release_pooled(s);
}

static void stack_release_pooled(Stack s) {
  bool pooled = false;
  pthread_mutex_lock(&g_pool_mu);
  g_live--;
  Pool *p = pool_for(s.mapping_size, true);
  if (p && hot_reserve(p, p->nhot + p->ndirty + 1) && cold_reserve(p, p->ncold + p->ndirty + 1)) {
    pooled = true;
    if (s.shallow) {
      hot_push(p, s);
    } else {
      p->dirty[p->ndirty++] = s;
      if (p->ndirty >= dirty_max(p)) dirty_flush(p);
    }
  }
  if (g_live == 0)       /* nothing runs: clean what deep coros left */
    for (int i = 0; i < POOL_SIZES; i++)
      if (g_pools[i].ndirty) dirty_flush(&g_pools[i]);
  pthread_mutex_unlock(&g_pool_mu);
  if (!pooled) unmap_sorted(&s, 1);   /* more sizes than pool slots */
}

/* A stack for a new coro: from the pool (hot, then cold, then the dirty
 * list once cleaned), else newly mapped. */
static bool stack_get(Stack *s, size_t usable) {
  bool got = true, reused = true;   /* reused: may hold a previous owner's ASan shadow */
  if (t_spare.mapping && t_spare.mapping_size == usable + CORO_GUARD_SIZE) {
    *s = t_spare;                   /* (still counted in g_live) */
    t_spare.mapping = NULL;
    asan_clear(stack_lo(s), stack_hi(s));
    return true;
  }
  pthread_mutex_lock(&g_pool_mu);
  Pool *p = pool_for(usable + CORO_GUARD_SIZE, true);
  if (p && !p->nhot && !p->ncold) dirty_flush(p);   /* reuse before mapping more */
  if (p && p->nhot) {
    *s = p->hot[--p->nhot];
    if (p->hot_idle > p->nhot) p->hot_idle = p->nhot;
  } else if (p && p->ncold) *s = p->cold[--p->ncold];
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

/* RUNNING_ON_VALGRIND asked once: the client request is a dozen
 * instructions with a serial dependency, and a fiber's create and exit
 * each asked it (3% of a generator's lifecycle). */
static int g_valgrind = -1;
static inline bool under_valgrind(void) {
  int v = __atomic_load_n(&g_valgrind, __ATOMIC_RELAXED);
  if (__builtin_expect(v < 0, 0)) {
    v = RUNNING_ON_VALGRIND ? 1 : 0;
    __atomic_store_n(&g_valgrind, v, __ATOMIC_RELAXED);
  }
  return v;
}

bool coro_under_valgrind(void) { return under_valgrind(); }

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

/* ---- depth of a finished stack ----------------------------------------- */
/* Two probes tell whether a coro ran deeper than it said (through
 * coro_stack_remaining) without a system call: a coro that runs through a
 * part of its stack almost surely writes over it (frames, return addresses,
 * saved registers).
 *  - the lowest cache line of the top page, zero when coro_create hands
 *    the stack out (it zeroes the line unless it is known to be zero
 *    already): untouched means the coro stayed in that page;
 *  - the word just below the top KEEP_TOP bytes: zero while the stack is
 *    fresh or cleaned. Read only when the first probe was touched, because
 *    reading a page that is not resident maps the shared zero page (a page
 *    fault, though no memory).
 * Not instrumented: ASan may have left the poison of a dead frame there. */
#define PROBE_LINE 64

__attribute__((no_sanitize("address")))
static void probe_reset(Coro *c) {
  volatile uint64_t *w = (uint64_t *)((char *)c->stack_hi - page_size());
  for (size_t i = 0; i < PROBE_LINE / sizeof *w; i++) w[i] = 0;
}

/* *line_zero: the first probe is untouched, so the next owner of the stack
 * need not zero it (nothing writes a pooled stack, and the pool's madvise
 * calls keep or zero that page): with many fibers alive, the stack of a
 * new one is long out of the cache, and that store was a miss per fiber. */
__attribute__((no_sanitize("address")))
static bool probe_untouched(const Coro *c, bool *line_zero) {
  const volatile uint64_t *w = (const uint64_t *)((char *)c->stack_hi - page_size());
  uint64_t any = 0;
  for (size_t i = 0; i < PROBE_LINE / sizeof *w; i++) any |= w[i];
  *line_zero = !any;
  if (!any) return true;
  return *(const volatile uint64_t *)((char *)c->stack_hi - KEEP_TOP - sizeof(uint64_t)) == 0;
}

/* Whether c's stack can go back to the hot list with its pages as they are
 * (lock not needed): it never needed a segment, the deepest stack pointer
 * the VM's checks (coro_stack_remaining) and its last switch saw are within
 * SHALLOW_DEPTH of the top, and the probe below that depth is untouched.
 * Under valgrind (which would see a branch on memory a dead frame left
 * undefined) every stack is cleaned. */
static bool stayed_shallow(const Coro *c, bool *probe_zero) {
  uintptr_t low = (uintptr_t)c->low_sp;
  if (c->sp && (uintptr_t)c->sp < low) low = (uintptr_t)c->sp;
  *probe_zero = false;
  return !c->nsegments && (uintptr_t)c->stack_hi - low <= SHALLOW_DEPTH &&
         !under_valgrind() && probe_untouched(c, probe_zero);
}

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
  return coro_create_reserve(c, stack_size, entry, arg, 0, NULL);
}

bool coro_create_reserve(Coro *c, size_t stack_size, void (*entry)(void *arg), void *arg,
                         size_t reserve, void **data) {
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
  c->low_sp = c->stack_hi;
  if (!under_valgrind() && !s.fresh && !s.probe_zero) probe_reset(c);   /* (valgrind: stacks are always cleaned) */
  c->entry = entry;
  c->arg = arg;

  /* Initial frame, the same layout coro__swap leaves behind (see the .S):
   * the new coroutine inherits the creator's MXCSR and x87 control word,
   * read only if the caller does not know them (stmxcsr costs ~17 ns). */
  reserve = (reserve + 15) & ~(size_t)15;
  if (data) *data = (char *)c->stack_hi - reserve;
  uint64_t *f = (uint64_t *)((char *)c->stack_hi - reserve - INIT_FRAME);
  /* A reused stack's top lies below where its last owner's stack pointer
   * ended, which memcheck holds unaddressable: these writes are the new
   * frame's and the reserve's, so make them addressable first. */
  if (under_valgrind()) VALGRIND_MAKE_MEM_UNDEFINED(f, (size_t)((char *)c->stack_hi - (char *)f));
  if (coro__fp_known) {
    f[0] = coro__fp_now;
  } else {
    uint32_t mxcsr;
    uint16_t fcw;
    __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
    __asm__ volatile("fnstcw %0" : "=m"(fcw));
    f[0] = (uint64_t)fcw | ((uint64_t)mxcsr << 32);
  }
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

static inline void switch_to(Coro *from, Coro *to) {
  if (__builtin_expect(from != t_current || !to->sp || to->dead, 0)) bad_switch(from, to);
  t_current = to;
#if CORO_ASAN
  t_asan_prev = from;
  __sanitizer_start_switch_fiber(&from->asan_fake_stack, to->asan_bottom, to->asan_size);
#endif
  /* (the interpreter has the other call site: coro_switch_inline) */
  if (coro__fp_known) coro__swap_known(&from->sp, to->sp, &coro__fp_now);
  else coro__swap(&from->sp, to->sp, &coro__fp_now);
  /* running again as `from`; the words in effect are *fp_now */
#if CORO_ASAN
  asan_finish(from->asan_fake_stack);
#endif
  if (__builtin_expect(coro__has_pending, 0)) release_pending();
}

__attribute__((noinline)) void coro_switch(Coro *from, Coro *to) {
  if (from == to) return;
  switch_to(from, to);
  coro__fp_known = false;          /* we return into C code that may change them */
}

__attribute__((noinline)) void coro_switch_keep_fp(Coro *from, Coro *to) {
  if (from != to) switch_to(from, to);
  coro__fp_known = true;
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
    t_pending.fresh = false;
    t_pending.shallow = stayed_shallow(from, &t_pending.probe_zero);
    from->mapping = NULL;
  }
  if (__builtin_expect(from != t_current || !to->sp || to->dead, 0)) bad_switch(from, to);
  t_current = to;
#if CORO_ASAN
  t_asan_prev = from;
  __sanitizer_start_switch_fiber(NULL, to->asan_bottom, to->asan_size);   /* NULL: from is gone */
#endif
  coro__jump(to->sp, &coro__fp_now);   /* from's registers are not saved: it never runs again */
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
  c->low_sp = c->stack_hi;
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
  Stack done = { c->mapping, c->mapping_size, c->valgrind_id, false, false, false };
  c->stack_lo = outer.stack_lo;
  c->stack_hi = outer.stack_hi;
  c->mapping = outer.mapping;
  c->mapping_size = outer.mapping_size;
  c->valgrind_id = outer.valgrind_id;
  c->asan_bottom = outer.asan_bottom;
  c->asan_size = outer.asan_size;
  c->outer = outer.outer;
  c->low_sp = c->stack_lo;   /* the stack below was full: it is not shallow */
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
  Stack s = { c->mapping, c->mapping_size, c->valgrind_id, false, false, false };
  s.shallow = stayed_shallow(c, &s.probe_zero);
  struct CoroSegment *o = c->outer;
  c->mapping = NULL;
  c->sp = NULL;
  c->outer = NULL;
  c->nsegments = 0;
  stack_release(s);
  /* suspended inside coro_call_on_new_stack: the stacks it left, each
   * described by a record on itself (read before it goes) */
  while (o) {
    Stack t = { o->mapping, o->mapping_size, o->valgrind_id, false, false, false };
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

size_t coro_stack_remaining(Coro *running) {
  uintptr_t sp;
  __asm__ volatile("movq %%rsp, %0" : "=r"(sp));
  if (sp < (uintptr_t)running->low_sp) running->low_sp = (void *)sp;
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
  size_t h = t_spare.mapping ? 1 : 0, c = 0;
  pthread_mutex_lock(&g_pool_mu);
  for (int i = 0; i < POOL_SIZES; i++) {
    h += g_pools[i].nhot + g_pools[i].ndirty;   /* dirty ones count as hot */
    c += g_pools[i].ncold;
  }
  pthread_mutex_unlock(&g_pool_mu);
  if (hot) *hot = h;
  if (cold) *cold = c;
}

void coro_pool_decay(double idle_seconds) {
  spare_return();   /* (once per collection: the pool decides what stays) */
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  double now = (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
  unsigned shrink = 0;   /* pools to shrink, as bits */
  pthread_mutex_lock(&g_pool_mu);
  if (g_decay_marked && now - g_decay_mark < idle_seconds) {
    pthread_mutex_unlock(&g_pool_mu);
    return;
  }
  g_decay_mark = now;
  g_decay_marked = true;
  for (int i = 0; i < POOL_SIZES; i++) {
    Pool *p = &g_pools[i];
    size_t spare = p->nhot > POOL_HOT_KEEP ? p->nhot - POOL_HOT_KEEP : 0;
    hot_evict(p, p->hot_idle < spare ? p->hot_idle : spare);
    p->hot_idle = p->nhot;
    if (g_live == 0 && p->ncold > POOL_COLD) shrink |= 1u << i;
  }
  pthread_mutex_unlock(&g_pool_mu);
  for (int i = 0; i < POOL_SIZES; i++)
    if (shrink & (1u << i)) pool_shrink(&g_pools[i], POOL_COLD);
}

void coro_pool_trim(void) {
  release_pending();
  spare_return();
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
