/* test_api_multi.c — several VMs in one process: interleaved with fibers
 * suspended in each, one VM called from a native of another (even from
 * inside a fiber), VMs created and freed in any order, one VM per thread in
 * several threads at once, and a VM moved to another thread. No global
 * state may leak between them. */
#include <pthread.h>
#include <stdint.h>
#include "tap.h"

static void n_yield(gs_vm *vm, int argc) {
  (void)argc;
  gs_yield(vm);
}

/* ask_other(code): runs `code` in the VM stored as this VM's user data's
 * `other`, from inside this VM's native (possibly inside a fiber), and
 * returns what the other VM's global `result` then holds (as a string) */
typedef struct {
  Capture cap;
  gs_vm *other;
} Host;

static void n_ask_other(gs_vm *vm, int argc) {
  (void)argc;
  Host *h = gs_user_data(vm);
  size_t len;
  const char *code = gs_get_string(vm, 0, &len);
  gs_vm *o = h->other;
  if (gs_run_string(o, "other.gs", code, len) != GS_OK) gs_error(vm, "other VM: %s", gs_error_message(o));
  if (gs_run_fibers(o) != GS_OK) gs_error(vm, "other VM fibers: %s", gs_error_message(o));
  gs_ensure_slots(o, 2);
  gs_get_global(o, "result", 0);
  gs_to_string(o, 0, 1);
  gs_return_cstring(vm, gs_get_string(o, 1, NULL));
  gs_yield(vm);   /* and this VM's fibers go on */
}

/* make_vm(): creates, uses and frees a whole VM inside a native (its
 * 128 KiB Capture on the heap: a fiber's C stack is 64 KiB) */
static void n_make_vm(gs_vm *vm, int argc) {
  (void)argc;
  Capture *c2 = malloc(sizeof *c2);
  if (!c2) gs_error(vm, "out of memory");
  gs_vm *inner = new_captured_vm(c2);
  gs_register(inner, "yield_c", n_yield, 0);
  const char *src = "let acc = []\nfor i in 0..3 { spawn { yield_c(); acc.push(i) } }\n";
  gs_run_string(inner, "inner.gs", src, strlen(src));
  gs_yield(vm);   /* the outer VM's fibers run between */
  gs_run_fibers(inner);
  gs_ensure_slots(inner, 2);
  gs_get_global(inner, "acc", 0);
  gs_to_string(inner, 0, 1);
  gs_return_cstring(vm, gs_get_string(inner, 1, NULL));
  gs_free(inner);
  free(c2);
}

static gs_vm *host_vm(Host *h) {
  gs_config cfg;
  gs_config_init(&cfg);
  cfg.write = cap_write;
  cfg.write_error = cap_write_err;
  cfg.user_data = h;   /* Capture is the first member */
  cap_reset(&h->cap);
  h->other = NULL;
  gs_vm *vm = gs_new(&cfg);
  gs_register(vm, "yield_c", n_yield, 0);
  gs_register(vm, "ask_other", n_ask_other, 1);
  gs_register(vm, "make_vm", n_make_vm, 0);
  return vm;
}

/* ---- threads ------------------------------------------------------------------ */

typedef struct {
  int id;
  int64_t result;
  int ok;
} ThreadJob;

static void *thread_main(void *arg) {
  ThreadJob *j = arg;
  Host h;
  gs_vm *vm = host_vm(&h);
  char src[512];
  snprintf(src, sizeof src,
           "let id = %d\n"
           "let ch = chan(4)\n"
           "let total = 0\n"
           "for w in 0..20 { spawn { for k in 0..50 { yield_c(); ch.send(w * k + id) } } }\n"
           "spawn { for n in 0..1000 { total += ch.recv() } }\n",
           j->id);
  j->ok = gs_run_string(vm, "thread.gs", src, strlen(src)) == GS_OK && gs_run_fibers(vm) == GS_OK;
  gs_ensure_slots(vm, 1);
  gs_get_global(vm, "total", 0);
  j->result = gs_get_int(vm, 0);
  gs_free(vm);
  return NULL;
}

static gs_vm *moved_vm;
static int moved_ok;
static void *use_moved(void *arg) {
  (void)arg;
  const char *src = "let mv = 0\nfor i in 0..5 { spawn { yield_c(); mv += i } }\n";
  moved_ok = gs_run_string(moved_vm, "moved.gs", src, strlen(src)) == GS_OK && gs_run_fibers(moved_vm) == GS_OK;
  gs_ensure_slots(moved_vm, 1);
  gs_get_global(moved_vm, "mv", 0);
  moved_ok = moved_ok && gs_get_int(moved_vm, 0) == 10;
  return NULL;
}

int main(void) {
  /* two VMs interleaved, each with fibers suspended while the other runs */
  {
    Host ha, hb;
    gs_vm *a = host_vm(&ha);
    gs_vm *b = host_vm(&hb);
    const char *src =
        "let log = []\n"
        "let gen = fiber(fn() { for i in 0..100 { yield i } })\n"
        "for f in 0..3 { spawn { for i in 0..4 { log.push(\"${NAME}${f}.${i}\"); yield_c() } } }\n";
    char sa[512], sb[512];
    snprintf(sa, sizeof sa, "let NAME = \"a\"\n%s", src);
    snprintf(sb, sizeof sb, "let NAME = \"b\"\n%s", src);
    CHECK(run(a, sa) == GS_OK && run(b, sb) == GS_OK, "two VMs, each with spawned fibers");
    int ok = 1;
    for (int round = 0; round < 6; round++) {
      ok &= gs_run_ready(a) >= 0;
      ok &= run(b, "log.push(\"b-gen\" + str(gen.resume()))") == GS_OK;
      ok &= gs_run_ready(b) >= 0;
      ok &= run(a, "log.push(\"a-gen\" + str(gen.resume()))") == GS_OK;
    }
    CHECK(ok, "alternating slices and generator resumes between the VMs");
    CHECK(gs_run_ready(a) == 0 && gs_run_ready(b) == 0, "all fibers of both done");
    gs_ensure_slots(a, 2);
    gs_ensure_slots(b, 2);
    run(a, "let s = str(log)");
    run(b, "let s = str(log)");
    gs_get_global(a, "s", 0);
    gs_get_global(b, "s", 0);
    const char *la = gs_get_string(a, 0, NULL), *lb = gs_get_string(b, 0, NULL);
    CHECK(strstr(la, "\"a0.0\", \"a1.0\", \"a2.0\"") && strstr(la, "a2.3") && strstr(la, "\"a-gen5\"") && !strstr(la, "b"),
          "VM a's log is its own and ordered (%s)", la);
    CHECK(strstr(lb, "\"b0.0\", \"b1.0\", \"b2.0\"") && strstr(lb, "b2.3") && strstr(lb, "\"b-gen5\"") && !strstr(lb, "a"),
          "VM b's log is its own and ordered (%.80s...)", lb);
    /* free a while b still has a suspended generator, then keep using b */
    gs_free(a);
    CHECK(run(b, "log = [gen.resume(), gen.resume()]\nspawn { yield_c(); log.push(\"after\") }") == GS_OK &&
              gs_run_fibers(b) == GS_OK,
          "b keeps working after a is freed");
    run(b, "s = str(log)");
    gs_get_global(b, "s", 0);
    CHECK(strcmp(gs_get_string(b, 0, NULL), "[6, 7, \"after\"]") == 0, "... with its own state (%s)", gs_get_string(b, 0, NULL));
    gs_free(b);
  }

  /* one VM called from a native of another, from the main fiber and from
   * inside a fiber, with fibers in both */
  {
    Host ha, hb;
    gs_vm *a = host_vm(&ha);
    gs_vm *b = host_vm(&hb);
    ha.other = b;
    hb.other = a;
    run(b, "let result = 0\nlet bg = fiber(fn() { while true { yield result } })\n");
    const char *src =
        "let got = []\n"
        "got.push(ask_other(\"result = 1 + 1\"))\n"
        "let fs = []\n"
        "for i in 0..3 {\n"
        "  fs.push(spawn {\n"
        "    got.push(ask_other(\"let t${i} = spawn { yield_c(); result = bg.resume() + ${i} * 10 }\"))\n"
        "  })\n"
        "}\n"
        "for f in fs { f.join() }\n"
        "print(got)\n";
    CHECK(run(a, src) == GS_OK, "natives of a run code (and fibers) in b");
    CHECK(strcmp(ha.cap.out, "[\"2\", \"2\", \"12\", \"32\"]\n") == 0, "results come back in order (%s)", ha.cap.out);
    cap_reset(&ha.cap);
    CHECK(run(a, "let inner = []\nfor i in 0..2 { spawn { inner.push(make_vm()) } }\n") == GS_OK && gs_run_fibers(a) == GS_OK,
          "VMs created, used and freed inside natives running in fibers");
    gs_ensure_slots(a, 2);
    gs_get_global(a, "inner", 0);
    gs_to_string(a, 0, 1);
    CHECK(strcmp(gs_get_string(a, 1, NULL), "[\"[0, 1, 2]\", \"[0, 1, 2]\"]") == 0, "... each working (%s)",
          gs_get_string(a, 1, NULL));
    gs_free(b);
    gs_free(a);
  }

  /* many VMs, freed in a different order than created */
  {
    gs_vm *vms[8];
    Host hs[8];
    int ok = 1;
    for (int i = 0; i < 8; i++) {
      vms[i] = host_vm(&hs[i]);
      char src[128];
      snprintf(src, sizeof src, "let v = %d\nspawn { yield_c(); v = v * 2 }\n", i);
      ok &= run(vms[i], src) == GS_OK;
    }
    for (int i = 7; i >= 0; i -= 2) gs_free(vms[i]);
    for (int i = 0; i < 8; i += 2) {
      ok &= gs_run_fibers(vms[i]) == GS_OK;
      gs_ensure_slots(vms[i], 1);
      gs_get_global(vms[i], "v", 0);
      ok &= gs_get_int(vms[i], 0) == i * 2;
      gs_free(vms[i]);
    }
    CHECK(ok, "8 VMs: half freed with fibers pending, the others still right");
  }

  /* one VM per thread, all running at once */
  {
    enum { N = 4 };
    pthread_t th[N];
    ThreadJob jobs[N];
    for (int i = 0; i < N; i++) {
      jobs[i].id = i + 1;
      jobs[i].ok = 0;
      pthread_create(&th[i], NULL, thread_main, &jobs[i]);
    }
    int ok = 1;
    for (int i = 0; i < N; i++) {
      pthread_join(th[i], NULL);
      /* sum over w<20, k<50 of w*k + id = 190 * 1225 + 1000 * id */
      ok &= jobs[i].ok && jobs[i].result == 190 * 1225 + 1000 * (int64_t)jobs[i].id;
    }
    CHECK(ok, "%d threads, each with its own VM and 21 fibers", N);
  }

  /* a VM created on this thread, used on another (no fiber suspended when it
   * moves), then used here again */
  {
    Host h;
    moved_vm = host_vm(&h);
    run(moved_vm, "let before = 1");
    pthread_t t;
    pthread_create(&t, NULL, use_moved, NULL);
    pthread_join(t, NULL);
    CHECK(moved_ok, "a VM moved to another thread runs fibers there");
    CHECK(run(moved_vm, "spawn { yield_c(); before = mv }") == GS_OK && gs_run_fibers(moved_vm) == GS_OK,
          "... and back on this thread");
    gs_ensure_slots(moved_vm, 1);
    gs_get_global(moved_vm, "before", 0);
    CHECK(gs_get_int(moved_vm, 0) == 10, "with its state");
    gs_free(moved_vm);
  }

  return tap_done();
}
