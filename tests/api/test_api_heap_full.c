/* test_api_heap_full.c — a chunk runs out of memory under heap_limit and
 * leaves the heap full to within a few bytes (a chain of small lists held by
 * a global): its error is still recorded with its position, and the next
 * chunk still starts and frees the chain (naming and compiling a chunk, and
 * recording an error, are not bounded by the limit). Round after round, the
 * same amount fits: nothing stays counted after it is freed.
 * Covers: gs_run_string and gs_error_message at the heap limit. */
#include "tap.h"

int main(void) {
  gs_config cfg;
  gs_config_init(&cfg);
  /* under GS_GC_STRESS every allocation collects the whole chain: a smaller
   * heap keeps the rounds to seconds */
  const char *stress = getenv("GS_GC_STRESS");
  cfg.heap_limit = stress && strcmp(stress, "0") != 0 ? 512 * 1024 : 2 * 1024 * 1024;
  gs_vm *vm = gs_new(&cfg);
  CHECK(vm != NULL, "a VM with a %zu KiB heap limit", cfg.heap_limit / 1024);
  if (!vm) return tap_done();
  CHECK(run(vm, "let chain = nil\nlet length = 0\nlet kept = 0\nlet r = nil\n") == GS_OK, "globals declared");
  const char *fill = "chain = nil\nlength = 0\nwhile true {\n  chain = [chain]\n  length += 1\n}\n";
  const char *drop = "kept = length\nchain = nil\nr = []\nfor i in 0..10 { r.push(i) }\n";
  /* a long chunk name: more than the few bytes the full heap has left */
  char drop_name[600];
  memset(drop_name, 'd', sizeof drop_name - 4);
  strcpy(drop_name + sizeof drop_name - 4, ".gs");
  int64_t first = 0;
  for (int round = 0; round < 4; round++) {
    gs_status st = gs_run_string(vm, "fill.gs", fill, strlen(fill));
    CHECK(st == GS_RUNTIME_ERROR && strcmp(gs_error_message(vm), "fill.gs:4:11: out of memory") == 0,
          "round %d: the heap fills up: 'fill.gs:4:11: out of memory' (%s)", round, gs_error_message(vm));
    st = gs_run_string(vm, drop_name, drop, strlen(drop));
    CHECK(st == GS_OK, "round %d: the next chunk runs and frees the chain (%s)", round,
          st == GS_OK ? "ok" : gs_error_message(vm));
    if (st != GS_OK) break;
    gs_ensure_slots(vm, 1);
    gs_get_global(vm, "kept", 0);
    int64_t n = gs_get_int(vm, 0);
    if (round == 0) first = n;
    CHECK(n > 1000 && n >= first - first / 100,
          "round %d: as much fits as in the first round (%lld lists, first %lld)", round, (long long)n,
          (long long)first);
  }
  gs_free(vm);
  return tap_done();
}
