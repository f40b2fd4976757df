/* fuzz_json.c — libFuzzer harness: json.decode on arbitrary bytes, called
 * through the public API like a host would.
 *
 *   make fuzz-json FUZZ_SECONDS=600         (see fuzz/rules.mk)
 *
 * Besides "never crash", it checks a round-trip property: when decode(x)
 * succeeds and encode() of the result succeeds, the text encode() produced
 * must decode again, and re-encode to the very same text (compact and
 * indented). A violation aborts, which libFuzzer reports as a crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_util.h"

static gs_vm *vm;
static gs_handle *h_decode, *h_encode;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  gs_config cfg = fuzz_quiet_config();
  vm = gs_new(&cfg);
  if (!vm) abort();
  gs_ensure_slots(vm, 8);
  if (!gs_get_global(vm, "json", 0)) abort();
  gs_get_field(vm, 0, "decode", 1);
  gs_get_field(vm, 0, "encode", 2);
  h_decode = gs_get_handle(vm, 1);
  h_encode = gs_get_handle(vm, 2);
  return 0;
}

/* slot `dest` = decode(slot src); true on success */
static bool decode(int src, int dest) {
  gs_set_handle(vm, dest, h_decode);
  gs_copy(vm, src, dest + 1);
  return gs_call(vm, dest, 1) == GS_OK;
}

/* slot `dest` = encode(slot src[, indent]); true on success */
static bool encode(int src, int indent, int dest) {
  gs_set_handle(vm, dest, h_encode);
  gs_copy(vm, src, dest + 1);
  if (indent < 0) return gs_call(vm, dest, 1) == GS_OK;
  gs_set_int(vm, dest + 2, indent);
  return gs_call(vm, dest, 2) == GS_OK;
}

static void fail(const char *what, int a, int b) {
  size_t la = 0, lb = 0;
  const char *sa = gs_get_type(vm, a) == GS_STRING ? gs_get_string(vm, a, &la) : "?";
  const char *sb = gs_get_type(vm, b) == GS_STRING ? gs_get_string(vm, b, &lb) : "?";
  fprintf(stderr, "fuzz_json: %s\n  first:  %.*s\n  second: %.*s\n  error: %s\n", what,
          (int)(la > 400 ? 400 : la), sa, (int)(lb > 400 ? 400 : lb), sb, gs_error_message(vm));
  abort();
}

static void one_input(const uint8_t *data, size_t size);

/* The VM is shared by all inputs; collecting at the end of each one frees
 * everything the input allocated, so mallocs and frees balance and
 * libFuzzer's leak check (a LeakSanitizer pass whenever they do not) stays
 * quiet unless something really leaks. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  one_input(data, size);
  for (int i = 0; i < 16; i++) gs_set_nil(vm, i);
  gc_collect(vm);
  return 0;
}

static void one_input(const uint8_t *data, size_t size) {
  /* slots: 0 input, 1 value, 4 text1, 5 value2, 6 text2 (calls use dest+1..+2) */
  gs_ensure_slots(vm, 16);
  gs_set_string(vm, 0, (const char *)data, size);
  if (!decode(0, 1)) return;                   /* bad JSON: an error, fine */
  for (int indent = -1; indent <= 2; indent += 3) {
    if (!encode(1, indent, 4)) return;         /* e.g. 1e999 decodes to inf */
    gs_copy(vm, 4, 10);
    if (!decode(10, 5)) fail("encode() produced text that decode() rejects", 10, 10);
    gs_copy(vm, 5, 11);
    if (!encode(11, indent, 6)) fail("re-encoding a decoded encode() failed", 10, 10);
    size_t l1, l2;
    const char *t1 = gs_get_string(vm, 10, &l1);
    const char *t2 = gs_get_string(vm, 6, &l2);
    if (l1 != l2 || memcmp(t1, t2, l1) != 0) fail("encode(decode(encode(v))) != encode(v)", 10, 6);
  }
}
