/* test_api_basic.c — creating VMs from a config, running code, errors.
 * Covers: gs_config_init gs_new gs_free gs_user_data gs_set_args
 * gs_run_string gs_run_file gs_error_message gs_error_trace, and every field
 * of gs_config (reallocate, write, write_error, load_module,
 * fiber_stack_size, heap_limit, user_data). */
#include <stdint.h>
#include <unistd.h>
#include "tap.h"

/* ---- a counting allocator ------------------------------------------------ */

typedef struct {
  size_t live_bytes, live_blocks, calls, peak;
  size_t fail_from;   /* calls that allocate fail once live_bytes exceeds this (0: never) */
  Capture cap;
} Counter;

typedef union { size_t size; max_align_t align; } Header;

static void *count_realloc(void *ptr, size_t size, void *ud) {
  Counter *c = ud;
  c->calls++;
  Header *h = ptr ? (Header *)ptr - 1 : NULL;
  size_t old = h ? h->size : 0;
  if (size == 0) {
    if (h) {
      c->live_bytes -= old;
      c->live_blocks--;
      free(h);
    }
    return NULL;
  }
  if (c->fail_from && size > old && c->live_bytes + size - old > c->fail_from) return NULL;
  Header *n = realloc(h, sizeof(Header) + size);
  if (!n) return NULL;
  if (!h) c->live_blocks++;
  c->live_bytes = c->live_bytes - old + size;
  if (c->live_bytes > c->peak) c->peak = c->live_bytes;
  n->size = size;
  return n + 1;
}

/* the writers get ud = the Counter: forward to its Capture */
static void counter_write(gs_vm *vm, const char *s, size_t n, void *ud) { cap_write(vm, s, n, &((Counter *)ud)->cap); }
static void counter_write_err(gs_vm *vm, const char *s, size_t n, void *ud) { cap_write_err(vm, s, n, &((Counter *)ud)->cap); }

static gs_vm *counted_vm2(Counter *c, size_t heap_limit) {
  memset(c, 0, sizeof *c);
  gs_config cfg;
  gs_config_init(&cfg);
  cfg.reallocate = count_realloc;
  cfg.write = counter_write;
  cfg.write_error = counter_write_err;
  cfg.heap_limit = heap_limit;
  cfg.user_data = c;
  return gs_new(&cfg);
}

/* ---- natives used below ------------------------------------------------------ */

static void nat_park(gs_vm *vm, int argc) {
  (void)argc;
  gs_handle *h = gs_current_fiber(vm);
  gs_release(vm, h);   /* nobody will wake us: we stay parked until gs_free */
  gs_park(vm, -1);
}

static int deep_calls;
/* deep(n): calls the script function `again` (slot 0 of the global), which
 * calls deep(n + 1): C recursion through the VM until "stack overflow". */
static void nat_deep(gs_vm *vm, int argc) {
  (void)argc;
  int64_t n = gs_get_int(vm, 0);
  deep_calls = (int)n;
  gs_ensure_slots(vm, 3);
  gs_get_global(vm, "again", 1);
  gs_set_int(vm, 2, n + 1);
  if (gs_call(vm, 1, 1) != GS_OK) {
    gs_copy(vm, 1, 0);
    gs_return_slot(vm, 0);   /* hand the error value back up */
    return;
  }
  gs_return_slot(vm, 1);
}

static int max_depth_with_stack(size_t stack) {
  gs_config cfg;
  gs_config_init(&cfg);
  cfg.fiber_stack_size = stack;
  gs_vm *vm = gs_new(&cfg);
  gs_register(vm, "deep", nat_deep, 1);
  deep_calls = 0;
  const char *src =
      "fn again(n) { return deep(n) }\n"
      "let f = spawn deep(0)\n"
      "let r = f.join()\n"
      "let msg = str(r)\n";
  gs_status st = gs_run_string(vm, "deep.gs", src, strlen(src));
  gs_ensure_slots(vm, 1);
  gs_get_global(vm, "msg", 0);
  const char *m = st == GS_OK && gs_get_type(vm, 0) == GS_STRING ? gs_get_string(vm, 0, NULL) : "?";
  bool overflow = strstr(m, "stack overflow") != NULL;
  if (!overflow) tap_diag("deep: status %d, %s / %s", (int)st, m, gs_error_message(vm));
  gs_free(vm);
  return overflow ? deep_calls : -1;
}

/* ---- out of memory -------------------------------------------------------------- */


static int child_heap_limit(void) {
  Counter c;
  gs_vm *vm = counted_vm2(&c, 4 * 1024 * 1024);
  const char *src = "let l = []\nwhile true { l.push([1, 2, 3, 4, 5, 6, 7, 8]) }\n";
  gs_status st = gs_run_string(vm, "oom.gs", src, strlen(src));
  if (st != GS_RUNTIME_ERROR || !strstr(gs_error_message(vm), "out of memory")) {
    tap_diag("heap_limit: status %d: %s", (int)st, gs_error_message(vm));
    return 1;
  }
  if (c.peak > 6 * 1024 * 1024) return 2;
  const char *src2 = "l = 0\nlet r = []\nfor i in 0..10 { r.push(i) }\nprint(len(r))\n";
  cap_reset(&c.cap);
  if (gs_run_string(vm, "after.gs", src2, strlen(src2)) != GS_OK || strcmp(c.cap.out, "10\n") != 0) return 3;
  gs_free(vm);
  return c.live_bytes == 0 ? 0 : 4;
}

static int child_alloc_fail(void) {
  Counter c;
  gs_vm *vm = counted_vm2(&c, 0);
  c.fail_from = c.live_bytes + 2 * 1024 * 1024;
  const char *src = "let l = []\nwhile true { l.push([l]) }\n";
  gs_status st = gs_run_string(vm, "fail.gs", src, strlen(src));
  if (st != GS_RUNTIME_ERROR || !strstr(gs_error_message(vm), "out of memory")) {
    tap_diag("allocator failure: status %d: %s", (int)st, gs_error_message(vm));
    return 1;
  }
  c.fail_from = 0;
  gs_free(vm);
  return c.live_bytes == 0 ? 0 : 2;
}

/* The allocator fails while a big function is being compiled: a compile
 * error `out of memory`, and nothing the compiler had built is leaked. */
static int child_compile_alloc_fail(void) {
  Counter c;
  gs_vm *vm = counted_vm2(&c, 0);
  size_t n = 40000, len = 0;
  char *src = malloc(n * 16 + 64);
  len += (size_t)sprintf(src + len, "fn big() {\n  let x = 0\n");
  for (size_t i = 0; i < n; i++) len += (size_t)sprintf(src + len, "  x = x + %zu\n", i);
  len += (size_t)sprintf(src + len, "}\n");
  c.fail_from = c.live_bytes + 256 * 1024;
  gs_status st = gs_run_string(vm, "big.gs", src, len);
  free(src);
  if (st != GS_COMPILE_ERROR || !strstr(gs_error_message(vm), "out of memory")) {
    tap_diag("compile under allocator failure: status %d: %s", (int)st, gs_error_message(vm));
    return 1;
  }
  c.fail_from = 0;
  const char *ok = "print(1 + 1)\n";
  cap_reset(&c.cap);
  if (gs_run_string(vm, "after.gs", ok, strlen(ok)) != GS_OK || strcmp(c.cap.out, "2\n") != 0) return 2;
  gs_free(vm);
  return c.live_bytes == 0 ? 0 : 3;
}

/* ---- load_module ------------------------------------------------------------- */

static int loads;
static char *load_module(gs_vm *vm, const char *path, size_t *len, void *ud) {
  (void)vm;
  Capture *c = ud;
  (void)c;
  loads++;
  if (strcmp(path, "greet") != 0) return NULL;
  const char *src = "fn hello(n) { return \"hello \" + n }\nlet loaded = true\n";
  *len = strlen(src);
  char *buf = malloc(*len);
  memcpy(buf, src, *len);
  return buf;
}

int main(void) {
  /* gs_config_init: all defaults */
  {
    gs_config cfg;
    memset(&cfg, 0xAB, sizeof cfg);
    gs_config_init(&cfg);
    CHECK(!cfg.reallocate && !cfg.write && !cfg.write_error && !cfg.load_module && !cfg.fiber_stack_size &&
              !cfg.heap_limit && !cfg.user_data, "gs_config_init clears every field");
  }

  /* gs_new(NULL), run, gs_free */
  {
    gs_vm *vm = gs_new(NULL);
    CHECK(vm != NULL, "gs_new(NULL) creates a VM");
    CHECK(gs_user_data(vm) == NULL, "gs_user_data is NULL by default");
    CHECK(gs_run_string(vm, "t.gs", "let x = 1 + 2", 13) == GS_OK, "gs_run_string returns GS_OK");
    CHECK(strcmp(gs_error_message(vm), "") == 0 && strcmp(gs_error_trace(vm), "") == 0,
          "no error recorded before any error");
    gs_free(vm);
    gs_free(NULL);
    CHECK(1, "gs_free(NULL) is harmless");
  }

  /* write / write_error / user_data */
  {
    Capture c;
    gs_vm *vm = new_captured_vm(&c);
    CHECK(gs_user_data(vm) == &c, "gs_user_data returns config.user_data");
    run(vm, "print(\"hi\", 1, [2, \"x\"])\nspawn { error(\"fiber boom\") }\n");
    CHECK(strcmp(c.out, "hi 1 [2, \"x\"]\n") == 0, "config.write receives print output");
    CHECK(gs_run_fibers(vm) == GS_OK, "gs_run_fibers: fibers done");
    CHECK(strstr(c.err, "error in fiber") && strstr(c.err, "fiber boom"), "config.write_error receives unjoined fiber errors");
    CHECK(c.nout == strlen(c.out), "writers get lengths");
    gs_free(vm);
  }

  /* the allocator: every byte comes back, also after errors and with
   * fibers left suspended */
  {
    Counter c;
    gs_vm *vm = counted_vm2(&c, 0);
    CHECK(vm && c.live_blocks > 0, "config.reallocate is used (%zu blocks live after gs_new)", c.live_blocks);
    CHECK(gs_user_data(vm) == &c, "user_data with a custom allocator");
    gs_register(vm, "park", nat_park, 0);
    const char *src =
        "let big = []\n"
        "for i in 0..20000 { big.push(\"s\" + str(i)) }\n"
        "let g = fiber(fn() { yield 1; yield 2 })\n"
        "g.resume()\n"
        "let ch = chan()\n"
        "spawn { ch.recv() }\n"
        "spawn { park() }\n"
        "spawn { sleep(100) }\n"
        "fn bad() { error(\"bad\") }\n";
    CHECK(run(vm, src) == GS_OK, "a script that leaves fibers suspended");
    CHECK(gs_run_ready(vm) == 3, "three fibers left blocked (recv, parked, sleeping)");
    CHECK(gs_run_string(vm, "e.gs", "bad()", 5) == GS_RUNTIME_ERROR, "a runtime error");
    CHECK(gs_run_string(vm, "c.gs", "let = 1", 7) == GS_COMPILE_ERROR, "a compile error");
    gs_ensure_slots(vm, 2);
    gs_set_cstring(vm, 0, "held by a handle");
    gs_handle *h = gs_get_handle(vm, 0);
    (void)h;   /* not released: gs_free does it */
    size_t peak = c.peak;
    gs_free(vm);
    CHECK(c.live_bytes == 0 && c.live_blocks == 0, "gs_free returns every allocator byte (%zu bytes, %zu blocks left; peak %zu)",
          c.live_bytes, c.live_blocks, peak);
  }

  /* heap_limit and an allocator that fails: in a child process, so that a
   * regression (a crash) cannot take the rest of the test with it */
  if (getenv("GS_VALGRIND") && strcmp(getenv("GS_VALGRIND"), "1") == 0) {
    /* a forked child under valgrind sees odd main-stack bounds */
    CHECK(1, "heap_limit # SKIP forked children under valgrind");
    CHECK(1, "allocator returning NULL # SKIP forked children under valgrind");
    CHECK(1, "allocator returning NULL while compiling # SKIP forked children under valgrind");
  } else {
    int st = in_child(child_heap_limit);
    CHECK(st == 0, "heap_limit: past it allocation raises out of memory; the VM keeps working (child status %d)", st);
    st = in_child(child_alloc_fail);
    CHECK(st == 0, "allocator returning NULL raises out of memory; gs_free returns every byte (child status %d)", st);
    st = in_child(child_compile_alloc_fail);
    CHECK(st == 0, "allocator returning NULL while compiling: compile error out of memory, nothing leaked (child status %d)", st);
  }

  /* runtime errors: message and traceback */
  {
    Capture c;
    gs_vm *vm = new_captured_vm(&c);
    const char *src =
        "fn inner(x) {\n"
        "  return x + \"a\"\n"
        "}\n"
        "fn outer() { return inner(1) }\n"
        "outer()\n";
    gs_status st = gs_run_string(vm, "err.gs", src, strlen(src));
    CHECK(st == GS_RUNTIME_ERROR, "runtime error: GS_RUNTIME_ERROR");
    CHECK(strcmp(gs_error_message(vm), "err.gs:2:10: cannot add int and string") == 0, "message is file:line:col: message (%s)",
          gs_error_message(vm));
    CHECK(strcmp(gs_error_trace(vm), "err.gs:2 in inner\nerr.gs:4 in outer\nerr.gs:5 in <script>") == 0,
          "trace lines innermost first (%s)", gs_error_trace(vm));
    CHECK(c.nerr == 0, "errors are not printed by gs_run_string");
    st = gs_run_string(vm, "t.gs", "throw [1, 2]", 12);
    CHECK(st == GS_RUNTIME_ERROR && strcmp(gs_error_message(vm), "t.gs:1:1: [1, 2]") == 0,
          "a thrown non-Error value (%s)", gs_error_message(vm));
    /* compile errors: nothing runs, every error reported */
    const char *bad = "print(\"ran\")\nlet a = \nlet b = undefined_name\nfoo(\n";
    st = gs_run_string(vm, "bad.gs", bad, strlen(bad));
    CHECK(st == GS_COMPILE_ERROR && c.nout == 0, "compile error: GS_COMPILE_ERROR and nothing ran");
    CHECK(strncmp(gs_error_message(vm), "bad.gs:", 7) == 0, "compile error message names the file (%s)", gs_error_message(vm));
    const char *two = "let x = y\nlet z = w\n";
    gs_run_string(vm, "two.gs", two, strlen(two));
    CHECK(strcmp(gs_error_message(vm), "two.gs:1:9: undefined variable 'y'\ntwo.gs:2:9: undefined variable 'w'") == 0,
          "every compile error, one per line (%s)", gs_error_message(vm));
    CHECK(strcmp(gs_error_trace(vm), "") == 0, "compile errors have no trace");
    /* source with a NUL and no terminator */
    char src3[] = {'l', 'e', 't', ' ', 'q', ' ', '=', ' ', '1', 'X'};
    CHECK(gs_run_string(vm, NULL, src3, 9) == GS_OK, "source need not be NUL-terminated; NULL name");
    st = gs_run_string(vm, NULL, "error(\"x\")", 10);
    CHECK(st == GS_RUNTIME_ERROR && strcmp(gs_error_message(vm), "<string>:1:1: x") == 0,
          "chunks share the main module, but errors name their own chunk (%s)", gs_error_message(vm));
    gs_free(vm);
  }

  /* chunks share the main module; gs_run_file */
  {
    Capture c;
    gs_vm *vm = new_captured_vm(&c);
    char path[] = "/tmp/gs_api_basic_XXXXXX";
    int fd = mkstemp(path);
    const char *fsrc = "let from_file = 40 + 2\nprint(\"file ran\")\n";
    CHECK(fd >= 0 && write(fd, fsrc, strlen(fsrc)) == (ssize_t)strlen(fsrc), "temp file written");
    close(fd);
    CHECK(gs_run_file(vm, path) == GS_OK && strcmp(c.out, "file ran\n") == 0, "gs_run_file runs a file");
    CHECK(run(vm, "print(from_file + 1)") == GS_OK && strcmp(c.out, "file ran\n43\n") == 0,
          "top-level variables persist between chunks");
    unlink(path);
    gs_status fst = gs_run_file(vm, path);
    CHECK(fst == GS_COMPILE_ERROR && strstr(gs_error_message(vm), "cannot open") &&
              strstr(gs_error_message(vm), path),
          "gs_run_file on a missing file: GS_COMPILE_ERROR (%s)", gs_error_message(vm));
    gs_free(vm);
  }

  /* load_module */
  {
    Capture c;
    gs_config cfg;
    gs_config_init(&cfg);
    cfg.write = cap_write;
    cfg.write_error = cap_write_err;
    cfg.load_module = load_module;
    cfg.user_data = &c;
    cap_reset(&c);
    gs_vm *vm = gs_new(&cfg);
    loads = 0;
    CHECK(run(vm, "import \"greet\"\nimport \"greet\" as g2\nprint(greet.hello(\"you\"), g2.loaded)") == GS_OK &&
              strcmp(c.out, "hello you true\n") == 0,
          "config.load_module supplies import sources (%s)", c.out);
    CHECK(loads >= 1, "the loader was called");
    gs_status st = gs_run_string(vm, "m.gs", "import \"no_such_module_xyz\"", 27);
    CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "cannot find module 'no_such_module_xyz'"),
          "NULL from the loader falls back to the file system (%s)", gs_error_message(vm));
    gs_free(vm);
  }

  /* gs_set_args: os.args */
  {
    Capture c;
    gs_vm *vm = new_captured_vm(&c);
    const char *argv[] = {"one", "two words", ""};
    gs_set_args(vm, 3, argv);
    CHECK(run(vm, "print(os.args, len(os.args))") == GS_OK && strcmp(c.out, "[\"one\", \"two words\", \"\"] 3\n") == 0,
          "gs_set_args sets os.args (%s)", c.out);
    gs_set_args(vm, 1, argv);
    cap_reset(&c);
    CHECK(run(vm, "print(os.args)") == GS_OK && strcmp(c.out, "[\"one\"]\n") == 0, "gs_set_args again replaces them (%s)", c.out);
    gs_free(vm);
  }

  /* fiber_stack_size: whatever the size, a fiber's C stack grows by more
   * stacks of that size until it has as much as the main fiber's */
  {
    int small = max_depth_with_stack(64 * 1024);
    int big = max_depth_with_stack(1024 * 1024);
    CHECK(small > 0 && big > 0, "deep native recursion in a fiber raises stack overflow (depth %d / %d)", small, big);
    /* a 64 KiB stack alone held about 200 levels; grown, thousands (about
     * 6 000 in the release build, 2 500 under ASan's larger frames) */
    if (getenv("GS_GC_STRESS")) {
      /* GC stress gives a fiber 256 KiB of segments only (every
       * allocation marks every frame: the full depth would be quadratic) */
      CHECK(small > 0 && big > small,
            "config.fiber_stack_size under GC stress: 256 KiB of segments each (%d vs %d levels)", small, big);
    } else {
      CHECK(small > 2000 && big > 2000,
            "config.fiber_stack_size: 64 KiB and 1 MiB fiber stacks both grow to thousands of levels (%d vs %d)", small, big);
    }
  }

  return tap_done();
}
