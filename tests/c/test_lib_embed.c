/* test_lib_embed.c — the standard library modules (math, io, os, json,
 * import) seen from a host, through the public API only (include/gs.h).
 *
 *  - gs_new leaves the host no slots behind (the library openers clean up).
 *  - print, io.stdout and io.stderr all go through the host's writers, in
 *    order.
 *  - gs_set_args fills os.args (the same list, also when called again).
 *  - import goes through the host's load_module hook, once per path.
 *  - math.random state is per VM: seeding one VM does not disturb another.
 *  - json works inside an embedded VM.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include "../api/tap.h"   /* CHECK, tap_done (and gs.h) */


typedef struct {
  char out[4096], err[4096];
  size_t nout, nerr;
  int loads;
} Host;

static void append(char *buf, size_t *n, const char *s, size_t len) {
  if (*n + len >= 4096) len = 4095 - *n;
  memcpy(buf + *n, s, len);
  *n += len;
  buf[*n] = '\0';
}

static void host_write(gs_vm *vm, const char *s, size_t len, void *ud) {
  (void)vm;
  Host *h = ud;
  append(h->out, &h->nout, s, len);
}

static void host_write_err(gs_vm *vm, const char *s, size_t len, void *ud) {
  (void)vm;
  Host *h = ud;
  append(h->err, &h->nerr, s, len);
}

static char *host_load(gs_vm *vm, const char *path, size_t *len, void *ud) {
  (void)vm;
  Host *h = ud;
  if (strcmp(path, "virtual/greeting") != 0) return NULL;
  h->loads++;
  const char *src = "let text = \"hello from the host\"\nlet n = 0\nfn bump() { n += 1; return n }\n";
  char *s = malloc(strlen(src) + 1);
  strcpy(s, src);
  *len = strlen(src);
  return s;
}

static gs_vm *new_vm(Host *h) {
  gs_config c;
  gs_config_init(&c);
  c.write = host_write;
  c.write_error = host_write_err;
  c.load_module = host_load;
  c.user_data = h;
  return gs_new(&c);
}

static gs_status run_embed(gs_vm *vm, const char *src) {
  gs_status st = gs_run_string(vm, "embed", src, strlen(src));
  if (st != GS_OK) printf("# error: %s\n", gs_error_message(vm));
  return st;
}

/* the value of main-module variable `name` as a string (str()) */
static const char *var_str(gs_vm *vm, const char *name) {
  gs_ensure_slots(vm, 2);
  gs_get_global(vm, name, 0);
  gs_to_string(vm, 0, 1);
  return gs_get_string(vm, 1, NULL);
}

int main(void) {
  Host h;
  memset(&h, 0, sizeof h);
  gs_vm *vm = new_vm(&h);
  CHECK(vm != NULL, "gs_new with host writers and loader");
  CHECK(gs_slot_count(vm) == 0, "no slots left behind by the library openers (%d)", gs_slot_count(vm));

  CHECK(run_embed(vm, "print(\"one\")\nio.stdout.write(\"two\", 2, \"\\n\")\nprint(\"three\")\nio.stderr.write(\"oops\\n\")\n") == GS_OK,
     "print / io.stdout / io.stderr run");
  CHECK(strcmp(h.out, "one\ntwo2\nthree\n") == 0, "stdout through the host writer, in order");
  if (strcmp(h.out, "one\ntwo2\nthree\n") != 0) printf("# got: %s\n", h.out);
  CHECK(strcmp(h.err, "oops\n") == 0, "io.stderr through the host error writer");

  const char *args[] = {"alpha", "beta"};
  gs_set_args(vm, 2, args);
  gs_status st = run_embed(vm, "let a = os.args\nlet n = len(os.args)\n");
  CHECK(st == GS_OK && strcmp(var_str(vm, "a"), "[\"alpha\", \"beta\"]") == 0, "gs_set_args shows in os.args (%s)", var_str(vm, "a"));
  const char *args2[] = {"gamma"};
  gs_set_args(vm, 1, args2);
  CHECK(strcmp(var_str(vm, "a"), "[\"gamma\"]") == 0, "a second gs_set_args refills the same list (%s)", var_str(vm, "a"));

  CHECK(run_embed(vm, "import \"virtual/greeting\"\nimport \"virtual/greeting\" as g2\ngreeting.bump()\nlet same = greeting == g2\n"
             "let t = greeting.text\nlet n2 = g2.n\n") == GS_OK, "import through load_module");
  CHECK(h.loads == 1, "the host module was loaded once (%d)", h.loads);
  CHECK(strcmp(var_str(vm, "t"), "hello from the host") == 0 && strcmp(var_str(vm, "same"), "true") == 0 &&
     strcmp(var_str(vm, "n2"), "1") == 0, "host module exports are live");
  CHECK(run_embed(vm, "let failed = false\ntry { import \"virtual/missing\" } catch e { failed = e.message.starts_with(\"cannot find module 'virtual/missing'\") }\n") == GS_OK &&
     strcmp(var_str(vm, "failed"), "true") == 0, "a path the host does not know falls back to files and fails cleanly");

  CHECK(run_embed(vm, "let j = json.encode({\"k\": [1, 2.5, nil]})\nlet back = json.decode(j)[\"k\"][1]\n") == GS_OK &&
     strcmp(var_str(vm, "j"), "{\"k\":[1,2.5,null]}") == 0 && strcmp(var_str(vm, "back"), "2.5") == 0, "json in an embedded VM");

  /* per-VM random state */
  Host h2, h3;
  memset(&h2, 0, sizeof h2);
  memset(&h3, 0, sizeof h3);
  gs_vm *vm2 = new_vm(&h2), *vm3 = new_vm(&h3);
  run_embed(vm, "math.seed(99)");
  run_embed(vm2, "math.seed(99)");
  run_embed(vm, "let x1 = math.random(0, 1000000000)");
  run_embed(vm2, "let y1 = math.random(0, 1000000000)\nlet y2 = math.random(0, 1000000000)");
  run_embed(vm, "let x2 = math.random(0, 1000000000)");
  run_embed(vm3, "math.seed(99)\nlet z1 = math.random(0, 1000000000)\nlet z2 = math.random(0, 1000000000)");
  char x1[64], x2[64], y1[64], y2[64], z1[64], z2[64];
  snprintf(x1, sizeof x1, "%s", var_str(vm, "x1"));
  snprintf(x2, sizeof x2, "%s", var_str(vm, "x2"));
  snprintf(y1, sizeof y1, "%s", var_str(vm2, "y1"));
  snprintf(y2, sizeof y2, "%s", var_str(vm2, "y2"));
  snprintf(z1, sizeof z1, "%s", var_str(vm3, "z1"));
  snprintf(z2, sizeof z2, "%s", var_str(vm3, "z2"));
  CHECK(strcmp(x1, z1) == 0 && strcmp(y1, z1) == 0 && strcmp(x2, z2) == 0 && strcmp(y2, z2) == 0,
     "each VM has its own generator (%s %s / %s %s / %s %s)", x1, x2, y1, y2, z1, z2);

  gs_free(vm3);
  gs_free(vm2);
  gs_free(vm);
  return tap_done();
}
