/* test_api_heap_min.c — a heap_limit too small to start the VM: gs_new fails
 * cleanly (NULL, nothing allocated, nothing leaked) instead of returning a VM
 * whose every run fails; at GS_MIN_HEAP_LIMIT a VM starts and runs a small
 * script, and running out of memory there is an ordinary error that leaks
 * nothing.
 * Covers: gs_new with heap_limit, GS_MIN_HEAP_LIMIT. */
#include "tap.h"

static long live_blocks;
static void *counting_realloc(void *p, size_t n, void *ud) {
  (void)ud;
  if (n == 0) {
    if (p) live_blocks--;
    free(p);
    return NULL;
  }
  void *r = realloc(p, n);
  if (r && !p) live_blocks++;
  return r;
}

int main(void) {
  gs_config cfg;
  gs_config_init(&cfg);
  cfg.reallocate = counting_realloc;
  cfg.heap_limit = 1024;
  gs_vm *vm = gs_new(&cfg);
  CHECK(vm == NULL, "heap_limit 1024: gs_new returns NULL");
  CHECK(live_blocks == 0, "and holds nothing (%ld blocks)", live_blocks);
  cfg.heap_limit = GS_MIN_HEAP_LIMIT - 1;
  vm = gs_new(&cfg);
  CHECK(vm == NULL, "one byte below GS_MIN_HEAP_LIMIT: NULL");
  if (vm) gs_free(vm);

  cfg.heap_limit = GS_MIN_HEAP_LIMIT;
  vm = gs_new(&cfg);
  CHECK(vm != NULL, "GS_MIN_HEAP_LIMIT: a VM");
  if (!vm) return tap_done();
  CHECK(run(vm, "let l = []\nfor i in 0..100 { l.push(str(i)) }\nlet m = {\"n\": len(l)}\n") == GS_OK, "that runs a small script");
  const char *hog = "let hog = []\nwhile true { hog.push([len(hog), 1, 2, 3, 4, 5, 6, 7, 8, 9]) }\n";
  gs_status st = gs_run_string(vm, "hog.gs", hog, strlen(hog));
  CHECK(st == GS_RUNTIME_ERROR && strncmp(gs_error_message(vm), "hog.gs:2:", 9) == 0 && strstr(gs_error_message(vm), ": out of memory"),
        "running out is an ordinary error with its position (%s)", gs_error_message(vm));
  CHECK(run(vm, "let ok = [1, 2, 3]\n") == GS_OK, "and the VM goes on");
  gs_free(vm);
  CHECK(live_blocks == 0, "gs_free gives every block back (%ld left)", live_blocks);
  return tap_done();
}
