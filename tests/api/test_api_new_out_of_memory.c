/* test_api_new_out_of_memory.c — the host allocator fails while gs_new is
 * making the VM (its scheduler, main fiber, core strings, the libraries):
 * gs_new returns NULL and keeps nothing, at every point it can fail (it used
 * to abort the host: "fatal: out of memory", or "error with no protected
 * call"). With enough memory the VM it returns works.
 * Covers: gs_new with a failing gs_config.reallocate. */
#include "tap.h"

static size_t live, budget, calls;
static long blocks;

typedef union { size_t size; max_align_t align; } Header;

static void *budget_realloc(void *ptr, size_t size, void *ud) {
  (void)ud;
  calls++;
  Header *h = ptr ? (Header *)ptr - 1 : NULL;
  size_t old = h ? h->size : 0;
  if (size == 0) {
    if (h) { live -= old; blocks--; free(h); }
    return NULL;
  }
  if (size > old && live + size - old > budget) return NULL;
  Header *n = realloc(h, sizeof(Header) + size);
  if (!n) return NULL;
  if (!h) blocks++;
  live = live - old + size;
  n->size = size;
  return n + 1;
}

static gs_vm *new_vm(size_t b) {
  budget = b;
  gs_config cfg;
  gs_config_init(&cfg);
  cfg.reallocate = budget_realloc;
  cfg.write = cap_write;
  cfg.write_error = cap_write_err;
  static Capture cap;
  cfg.user_data = &cap;
  return gs_new(&cfg);
}

int main(void) {
  gs_vm *vm = new_vm((size_t)-1);
  CHECK(vm != NULL, "an unlimited allocator: a VM");
  if (!vm) return tap_done();
  size_t needed = live;
  gs_free(vm);
  CHECK(live == 0 && blocks == 0, "gs_free gives back everything (%zu bytes)", live);

  /* every budget below what the VM needs, in 400 steps */
  int nulls = 0, bad = 0;
  for (int k = 0; k < 400; k++) {
    size_t b = needed * (size_t)k / 400;
    vm = new_vm(b);
    if (vm) {
      budget = (size_t)-1;
      if (run(vm, "let l = [1, 2]\nl.push(3)\n") != GS_OK) bad++;
      gs_free(vm);
    } else {
      nulls++;
    }
    if (live != 0 || blocks != 0) {
      bad++;
      tap_diag("budget %zu: %zu bytes in %ld blocks kept", b, live, blocks);
      live = 0;
      blocks = 0;
    }
  }
  CHECK(nulls > 300 && bad == 0, "gs_new under a failing allocator: NULL (%d of 400 budgets), nothing kept, no abort (%d bad)",
        nulls, bad);
  return tap_done();
}
