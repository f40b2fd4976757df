/* alloc.c — every byte of the VM's heap goes through vm_realloc: it keeps
 * the GC's accounting, starts collections, enforces the heap limit, and
 * recovers from allocator failure.
 *
 * Small blocks (up to ALLOC_SMALL_MAX bytes) are recycled through per-size
 * free lists in front of the host allocator. Closures, upvalues, strings and
 * instances die by the thousand in each sweep and are asked for again right
 * after; malloc/free cost several times what a list push/pop does (they were
 * 30% of the `closures` benchmark). Blocks taken from the host for a size
 * class are always the class size, so any block on a list fits any request
 * of its class. After each collection the lists are trimmed to about half
 * the live heap, the largest classes first, except that a class keeps as
 * many blocks as it handed out in the last two collection cycles: what a
 * program frees by the thousand at once (fibers alive together die in a
 * burst, as do big strings and closures) it mostly asks for again soon,
 * and a burst spans several cycles, which come faster while the heap
 * grows. Those blocks were part of an earlier peak anyway. The
 * lists are emptied by vm_free; under AddressSanitizer
 * and valgrind the cache is off, so a use after free is still caught.
 *
 * Blocks of the smallest classes (up to ALLOC_CARVE_MAX bytes: lists,
 * upvalues, closures, short strings) are carved from chunks instead of
 * taken one by one: malloc puts an 8-byte header before each block and
 * rounds to 16, so a 32-byte list cost 48 bytes. Carved blocks never go back
 * to the host one by one — their lists are not trimmed, and their chunks are
 * freed with the VM — so their memory is the most that was ever live in
 * those classes at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"

typedef struct FreeBlock { struct FreeBlock *next; } FreeBlock;

static inline size_t class_of(size_t size) { return (size - 1) / ALLOC_GRAIN; }
static inline size_t class_size(size_t c) { return (c + 1) * ALLOC_GRAIN; }

void alloc_init(VM *vm) {
  vm->small_cache = !CORO_ASAN && !coro_under_valgrind();
  /* GS_ALLOC_CACHE=1 turns it on anyway: under ASan that checks that every
   * block is freed with the size it was allocated with (a block freed as
   * bigger than it is would be handed out again as the bigger size). */
  const char *env = getenv("GS_ALLOC_CACHE");
  if (env && *env) vm->small_cache = strcmp(env, "0") != 0;
}

/* The host allocator, with one collection and then the reserve block as
 * the ways out of a failure. */
static void *host_realloc(VM *vm, void *ptr, size_t size) {
  void *p = vm->realloc_fn(ptr, size, vm->alloc_ud);
  if (p) return p;
  gc_collect(vm);
  p = vm->realloc_fn(ptr, size, vm->alloc_ud);
  if (p) return p;
  vm_out_of_memory(vm);
}

_Noreturn void vm_out_of_memory(VM *vm) {
  if (vm->setup_oom) longjmp(*vm->setup_oom, 1);
  /* give back the reserve so that raising the error can allocate. Without
   * one (the last error took it and no collection has taken it back yet:
   * a caught `out of memory` tried again) raising may still fit; only
   * failing again while raising is fatal. */
  if (!vm->reserve_spent) {
    if (vm->reserve) vm->realloc_fn(vm->reserve, 0, vm->alloc_ud);
    vm->reserve = NULL;
    vm->reserve_spent = true;
    if (vm->fiber && vm->fiber->errjmp) vm_throw(vm, "out of memory");
  }
  vm_flush(vm);
  fprintf(stderr, "fatal: out of memory\n");
  abort();
}

#define CARVE_CLASSES (ALLOC_CARVE_MAX / ALLOC_GRAIN)
#define CHUNK_HEADER 16   /* keeps the blocks 16-byte aligned */

static void small_put(VM *vm, void *ptr, size_t size) {
  size_t c = class_of(size);
  FreeBlock *b = ptr;
  b->next = vm->small_free[c];
  vm->small_free[c] = b;
  if (c >= CARVE_CLASSES) {
    vm->small_free_bytes += class_size(c);
    vm->small_count[c]++;
  }
}

/* A new chunk to carve from; what is left of the old one (a multiple of
 * ALLOC_GRAIN, smaller than any carved class) goes on its class's list. */
static void new_chunk(VM *vm) {
  char *chunk = host_realloc(vm, NULL, ALLOC_CHUNK);
  size_t rest = (size_t)(vm->carve_end - vm->carve);
  if (rest) small_put(vm, vm->carve, rest);
  *(void **)(void *)chunk = vm->chunks;
  vm->chunks = chunk;
  vm->carve = chunk + CHUNK_HEADER;
  vm->carve_end = chunk + ALLOC_CHUNK;
}

static void *small_get(VM *vm, size_t size) {
  size_t c = class_of(size);
  FreeBlock *b = vm->small_free[c];
  if (c >= CARVE_CLASSES) vm->small_demand[c]++;
  if (b) {
    vm->small_free[c] = b->next;
    if (c >= CARVE_CLASSES) {
      vm->small_free_bytes -= class_size(c);
      vm->small_count[c]--;
    }
    return b;
  }
  if (c >= CARVE_CLASSES) return host_realloc(vm, NULL, class_size(c));
  if ((size_t)(vm->carve_end - vm->carve) < class_size(c)) new_chunk(vm);
  void *p = vm->carve;
  vm->carve += class_size(c);
  return p;
}

void alloc_free_all(VM *vm) {
  memset(vm->small_demand, 0, sizeof vm->small_demand);
  memset(vm->small_demand_before, 0, sizeof vm->small_demand_before);
  alloc_trim(vm, 0);
  for (size_t c = 0; c < CARVE_CLASSES; c++) vm->small_free[c] = NULL;
  while (vm->chunks) {
    void *next = *(void **)vm->chunks;
    vm->realloc_fn(vm->chunks, 0, vm->alloc_ud);
    vm->chunks = next;
  }
  vm->carve = vm->carve_end = NULL;
}

void alloc_trim(VM *vm, size_t keep) {
  for (size_t c = ALLOC_CLASSES; c-- > CARVE_CLASSES;) {
    uint32_t demand = vm->small_demand[c] + vm->small_demand_before[c];
    while (vm->small_count[c] > demand && vm->small_free_bytes > keep) {
      FreeBlock *b = vm->small_free[c];
      vm->small_free[c] = b->next;
      vm->small_free_bytes -= class_size(c);
      vm->small_count[c]--;
      vm->realloc_fn(b, 0, vm->alloc_ud);
    }
    vm->small_demand_before[c] = vm->small_demand[c];
    vm->small_demand[c] = 0;
  }
}

void *vm_realloc(VM *vm, void *ptr, size_t old, size_t size) {
  vm->bytes_allocated += size;
  vm->bytes_allocated -= old;
  if (size > old && !vm->gc_paused) {
    if (vm->gc_stress || vm->bytes_allocated > vm->next_gc) gc_collect(vm);
    if (vm->heap_limit && !vm->oom_slack && vm->bytes_allocated > vm->heap_limit) {
      gc_collect(vm);
      if (vm->bytes_allocated > vm->heap_limit) {
        vm->bytes_allocated -= size - old;
        if (vm->setup_oom) vm_out_of_memory(vm);   /* the VM does not fit */
        /* building the error itself may go past the limit */
        vm->oom_slack = true;
        vm_throw(vm, "out of memory");
      }
    }
  }
  bool small_old = vm->small_cache && ptr && old && old <= ALLOC_SMALL_MAX;
  bool small_new = vm->small_cache && size && size <= ALLOC_SMALL_MAX;
  if (size == 0) {
    if (small_old) small_put(vm, ptr, old);
    else vm->realloc_fn(ptr, 0, vm->alloc_ud);
    return NULL;
  }
  void *p;
  if (!small_old && !small_new) {
    /* big to big (or the cache is off): the host resizes in place if it can */
    vm->bytes_allocated -= size - old;     /* not ours until it succeeds */
    p = host_realloc(vm, ptr, size);
    vm->bytes_allocated += size - old;
    return p;
  }
  if (small_old && small_new && class_of(old) == class_of(size)) return ptr;
  vm->bytes_allocated -= size - old;
  p = small_new ? small_get(vm, size) : host_realloc(vm, NULL, size);
  vm->bytes_allocated += size - old;
  if (ptr) {
    memcpy(p, ptr, old < size ? old : size);
    if (small_old) small_put(vm, ptr, old);
    else vm->realloc_fn(ptr, 0, vm->alloc_ud);
  }
  return p;
}
