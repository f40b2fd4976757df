/* gen_program.c — writes a random but valid and deterministic GreenScript program (main.gs and the modules it imports) for a seed: the input of the differential fuzzer (fuzz/diff.sh). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the generated programs may rely on, so that every build agrees on
 * their output: the scheduler is FIFO and has no timers here (no sleep, no
 * select timeout), nothing prints an address, a fiber or a count that
 * depends on the C stack (recursion through natives is either bounded far
 * below the smallest fiber stack or infinite and only its message printed).
 * Every print starts with the tag of the unit that made it, so a diff points
 * at the unit. Every name a unit declares is fresh, so units nest anywhere. */

static uint64_t rng_state;

static uint64_t rnd(void) {               /* splitmix64: same seed, same program, everywhere */
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static int pick(int n) { return (int)(rnd() % (uint64_t)n); }
static int chance(int percent) { return pick(100) < percent; }
static int between(int lo, int hi) { return lo + pick(hi - lo + 1); }

/* ---- output ------------------------------------------------------------- */

static FILE *out;
static int indent;
static int next_id;
static int n_modules;

static void vline(const char *end, const char *fmt, va_list ap) {
  for (int i = 0; i < indent; i++) fputs("  ", out);
  vfprintf(out, fmt, ap);
  fputs(end, out);
}
static void line(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vline("\n", fmt, ap);
  va_end(ap);
}
static void open_block(const char *fmt, ...) {   /* a line ending in '{' */
  va_list ap;
  va_start(ap, fmt);
  vline(" {\n", fmt, ap);
  va_end(ap);
  indent++;
}
static void close_block(const char *tail) { indent--; line("}%s", tail ? tail : ""); }

/* ---- expressions ------------------------------------------------------- */

typedef struct { char s[2048]; size_t n; } Buf;

static void put(Buf *b, const char *fmt, ...) {
  if (b->n >= sizeof b->s - 1) return;
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(b->s + b->n, sizeof b->s - b->n, fmt, ap);
  va_end(ap);
  if (k > 0) b->n += (size_t)k;
  if (b->n >= sizeof b->s) b->n = sizeof b->s - 1;
}

static const char *const int_lits[] = {
  "0", "1", "-1", "2", "3", "7", "10", "63", "64", "255", "1000003", "-17",
  "9223372036854775807", "(-9223372036854775807 - 1)", "0x7fffffff", "4294967296",
};
static const char *const float_lits[] = { "0.5", "-2.25", "1e300", "3.0", "0.1", "-0.0" };
static const char *const bin_ops[] = {
  "+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>", "/", "==", "<", "!=", ">=",
};

#define N_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void expr(Buf *b, int depth) {
  if (depth == 0 || chance(25)) {
    int r = pick(10);
    if (r < 7) put(b, "%s", int_lits[pick(N_OF(int_lits))]);
    else if (r < 9) put(b, "%s", float_lits[pick(N_OF(float_lits))]);
    else put(b, "%s", chance(50) ? "\"s\"" : "nil");
    return;
  }
  int r = pick(12);
  if (r == 0) { put(b, "-"); expr(b, depth - 1); return; }
  if (r == 1) { put(b, "~"); expr(b, depth - 1); return; }
  if (r == 2) { put(b, "("); expr(b, depth - 1); put(b, " ** %d)", pick(6)); return; }
  put(b, "(");
  expr(b, depth - 1);
  put(b, " %s ", bin_ops[pick(N_OF(bin_ops))]);
  expr(b, depth - 1);
  put(b, ")");
}

/* ---- units --------------------------------------------------------------- */

/* Where a unit is written: it decides which units fit (a yield means
 * something else in a generator, a module may only import later modules). */
typedef struct {
  int depth;      /* nesting left for wrappers */
  int module;     /* index of the file being written: 0 is main.gs, k is mk.gs */
  int in_fiber;   /* inside a spawned fiber or generator (small C stack) */
} Ctx;

static void unit(Ctx c);

static void body(Ctx c, int n) {
  for (int i = 0; i < n; i++) unit(c);
}

static Ctx deeper(Ctx c) { c.depth--; return c; }
static Ctx in_fiber(Ctx c) { c.depth--; c.in_fiber = 1; return c; }

static void u_arith(void) {
  int id = next_id++;
  Buf b = {0};
  expr(&b, between(1, 5));
  line("let e%d = nil", id);
  line("try { e%d = %s } catch e { e%d = emsg(e) }", id, b.s, id);
  line("print(\"t%d\", e%d)", id, id);
}

static void u_string(void) {
  int id = next_id++, k = between(1, chance(8) ? 2000 : 200);
  line("let s%d = \"\"", id);
  open_block("for i%d in 0..%d", id, k);
  line("s%d = s%d + \"ab${i%d %% 7}\"", id, id, id);
  close_block(NULL);
  line("let p%d = s%d.split(\"b\")", id, id);
  line("print(\"t%d\", len(s%d), s%d[0:12], s%d.find(\"b3\"), len(p%d), \"-\".join(p%d[0:4]), s%d.replace(\"a\", \"xy\").upper()[-6:])",
       id, id, id, id, id, id, id);
}

static void u_list(void) {
  int id = next_id++, k = between(0, chance(8) ? 3000 : 300), p = between(1, 97), m = between(2, 1000);
  line("let l%d = []", id);
  line("for i%d in 0..%d { l%d.push((i%d * %d) %% %d) }", id, k, id, id, p, m);
  switch (pick(3)) {
    case 0: line("l%d.sort()", id); break;
    case 1: line("l%d.sort(fn(a, b) => a > b)", id); break;
    default: line("l%d.reverse()", id); break;
  }
  line("let m%d = l%d.map(fn(x) => x * 2).filter(fn(x) => x %% 3 == 0)", id, id);
  line("if len(l%d) > 2 { l%d.insert(1, \"in\"); l%d.remove(0); l%d.pop() }", id, id, id, id);
  line("print(\"t%d\", len(l%d), len(m%d), m%d.reduce(fn(a, b) => a + b, 0), l%d[0:5], l%d.index_of(\"in\"), m%d.contains(0))",
       id, id, id, id, id, id, id);
}

static void u_map(void) {
  int id = next_id++, k = between(0, chance(8) ? 2000 : 200);
  line("let m%d = {}", id);
  open_block("for i%d in 0..%d", id, k);
  line("m%d[\"k${i%d}\"] = i%d", id, id, id);
  line("if i%d %% 3 == 0 { m%d[i%d] = [i%d] }", id, id, id, id);
  close_block(NULL);
  line("for i%d in 0..%d { if i%d %% 4 == 1 { m%d.remove(\"k${i%d}\") } }", id, k, id, id, id);
  line("let c%d = 0", id);
  line("for k, v in m%d { c%d += 1 }", id, id);
  line("print(\"t%d\", len(m%d), c%d, m%d.get(\"k0\", -1), m%d.has(\"k1\"), m%d.keys()[0:3], m%d.values()[-2:])",
       id, id, id, id, id, id, id);
}

static void u_churn(void) {
  int id = next_id++, k = between(10, 600), every = between(1, 200);
  line("let keep%d = []", id);
  open_block("for i%d in 0..%d", id, k);
  line("let t%d = [i%d, {\"a\": [i%d, \"x\"]}, \"s${i%d}\", fn() => i%d + 1]", id, id, id, id, id);
  line("if i%d %% %d == 0 { keep%d.push(t%d) }", id, every, id, id);
  close_block(NULL);
  line("print(\"t%d\", len(keep%d), keep%d[-1][0], keep%d[-1][3](), keep%d[-1][1])", id, id, id, id, id);
}

static void u_closure(void) {
  int id = next_id++, k = between(1, 30);
  line("let fs%d = []", id);
  line("for i%d in 0..%d { fs%d.push(fn() => i%d * 2) }", id, k, id, id);
  line("let n%d = 0", id);
  line("let inc%d = fn() { n%d += 1; return n%d }", id, id, id);
  line("inc%d()", id);
  line("print(\"t%d\", fs%d.map(fn(f) => f()).reduce(fn(a, b) => a + b, 0), inc%d(), n%d)", id, id, id, id);
}

static void u_recursion(Ctx c) {
  int id = next_id++;
  switch (pick(4)) {
    case 0:   /* script recursion: VM frames only, same depth everywhere */
      line("fn r%d(n) { if n == 0 { return 0 }; return r%d(n - 1) + 1 }", id, id);
      line("print(\"t%d\", r%d(%d))", id, id, between(1, chance(15) ? 10000 : 300));
      break;
    case 1:   /* through a native: bounded far below any fiber's C stack */
      line("fn r%d(n) { if n == 0 { return 0 }; return [n].map(fn(x) => r%d(x - 1))[0] + 1 }", id, id);
      line("print(\"t%d\", r%d(%d))", id, id, between(1, 20));
      break;
    case 2:   /* unbounded script recursion: only the message is the same everywhere */
      line("fn r%d(n) { return r%d(n + 1) + 1 }", id, id);
      line("try { r%d(0) } catch e { print(\"t%d\", emsg(e)) }", id, id);
      break;
    default:  /* unbounded through natives; in a fiber (the main stack is 8 MB: slow under GC stress) */
      line("fn r%d(n) { return [n].map(fn(x) => r%d(x + 1))[0] }", id, id);
      if (c.in_fiber)
        line("try { r%d(0) } catch e { print(\"t%d\", emsg(e)) }", id, id);
      else
        line("print(\"t%d\", (spawn { try { r%d(0) } catch e { return emsg(e) } }).join())", id, id);
      break;
  }
}

static const char *const throwers[] = {
  "throw \"s%d\"", "throw %d", "throw [%d, \"x\"]", "error(\"e%d\")", "[%d][5]",
  "1 + \"a%d\"", "int(\"z%d\")", "%d // 0", "nil.f%d", "(fn(a) => a)(%d, 2)",
  "\"abc\".nosuch%d()", "let q = {\"a\": 1}; q.f%d()", "let z = nil; z(%d)",
};

static void u_throw(void) {
  int id = next_id++;
  char what[128];
  snprintf(what, sizeof what, throwers[pick(N_OF(throwers))], id);
  if (chance(30))
    line("try { try { %s } catch e { throw e } } catch e { print(\"t%d\", emsg(e)) }", what, id);
  else
    line("try { %s } catch e { print(\"t%d\", emsg(e)) }", what, id);
}

static void u_class(void) {
  int id = next_id++;
  line("class C%d { fn init(a) { self.a = a; self.items = [] } fn add(x) { self.items.push(x); return self } fn str() { return \"C%d(${self.a}, ${len(self.items)})\" } }",
       id, id);
  line("class D%d : C%d { fn init(a) { super.init(a * 2) } fn add(x) { super.add(x); return super.add([x]) } }", id, id);
  line("let o%d = D%d(%d).add(1).add(\"two\")", id, id, between(0, 9));
  line("print(\"t%d\", o%d, [o%d, C%d(1)], o%d.a, o%d.items)", id, id, id, id, id, id);
}

static void u_yield(void) {
  int id = next_id++;
  line("let y%d = yield \"y%d\"", id, id);
  line("print(\"t%d\", y%d)", id, id);
}

static void u_channel(Ctx c) {
  int id = next_id++, k = between(0, 40), cap = pick(3) == 0 ? 0 : between(1, 5);
  line("let ch%d = chan(%d)", id, cap);
  open_block("spawn");
  line("for i%d in 0..%d { ch%d.send(i%d * 3) }", id, k, id, id);
  if (c.depth > 0 && chance(40)) body(in_fiber(c), 1);
  line("ch%d.close()", id);
  close_block(NULL);
  if (chance(50)) {
    line("let sum%d = 0", id);
    line("for v in ch%d { sum%d += v }", id, id);
    line("print(\"t%d\", sum%d)", id, id);
  } else {   /* two consumers share the channel */
    line("let w%d = []", id);
    line("for j in 0..2 { w%d.push(spawn { let got = []; for v in ch%d { got.push(v); yield }; return got }) }", id, id);
    line("print(\"t%d\", w%d[0].join(), w%d[1].join())", id, id, id);
  }
}

static void u_select(void) {
  int id = next_id++, ka = between(0, 12), kb = between(0, 12);
  line("let a%d = chan(%d)", id, pick(3));
  line("let b%d = chan(%d)", id, pick(3));
  line("spawn { for i in 0..%d { a%d.send(i) } }", ka, id);
  line("spawn { for i in 0..%d { yield; b%d.send(\"b${i}\") } }", kb, id);
  line("let got%d = []", id);
  line("for i in 0..%d { got%d.push(select([a%d, b%d])) }", ka + kb, id, id, id);
  line("print(\"t%d\", got%d)", id, id);
}

static void u_import(Ctx c) {
  int id = next_id++;
  int k = c.module + 1 + pick(n_modules - c.module);
  line("import \"m%d\" as mod%d", k, id);
  line("print(\"t%d\", mod%d.api(%d))", id, id, between(0, 99));
}

static void u_deep_data(void) {
  int id = next_id++, depth = between(1, 300);
  line("let d%d = [0]", id);
  line("for i in 0..%d { d%d = [i, d%d] }", depth, id, id);
  line("let j%d = nil", id);
  line("try { j%d = json.decode(json.encode(d%d)) } catch e { j%d = emsg(e) }", id, id, id);
  line("print(\"t%d\", len(str(d%d)), len(str(j%d)), str(d%d)[0:20])", id, id, id, id);
}

/* ---- wrappers: run a body in a frame, a fiber, a generator, a callback ---- */

static void w_function(Ctx c) {
  int id = next_id++;
  open_block("fn w%d(a)", id);
  body(deeper(c), between(1, 3));
  line("return a + 1");
  close_block(NULL);
  line("print(\"t%d\", w%d(%d))", id, id, between(0, 9));
}

static void w_spawn(Ctx c) {
  int id = next_id++, k = between(1, 4);
  line("let f%d = []", id);
  open_block("for i%d in 0..%d", id, k);
  open_block("f%d.push(spawn", id);
  if (chance(50)) line("yield");
  body(in_fiber(c), between(1, 2));
  line("return i%d", id);
  close_block(")");
  close_block(NULL);
  if (chance(80)) {
    line("for f in f%d { print(\"t%d\", f.join()) }", id, id);
  }
}

static void w_spawn_error(Ctx c) {
  int id = next_id++;
  char what[128];
  snprintf(what, sizeof what, throwers[pick(N_OF(throwers))], id);
  open_block("let f%d = spawn", id);
  line("yield");
  body(in_fiber(c), 1);
  line("%s", what);
  close_block(NULL);
  if (chance(95)) line("try { print(\"t%d\", f%d.join()) } catch e { print(\"t%d caught\", emsg(e)) }", id, id, id);
}

static void w_generator(Ctx c) {
  int id = next_id++;
  open_block("let g%d = fiber(fn()", id);
  body(in_fiber(c), between(1, 2));
  line("yield \"g%d\"", id);
  if (chance(50)) body(in_fiber(c), 1);
  line("return %d", id);
  close_block(")");
  switch (pick(3)) {
    case 0:
      line("for v in g%d { print(\"t%d\", v) }", id, id);
      break;
    case 1:
      line("let r%d = g%d.resume()", id, id);
      line("let n%d = 0", id);
      line("while not g%d.done() { n%d += 1; print(\"t%d\", r%d); r%d = g%d.resume(n%d) }", id, id, id, id, id, id, id);
      line("print(\"t%d ret\", r%d)", id, id);
      break;
    default:  /* dropped while suspended; churn so that it is collected */
      line("print(\"t%d\", g%d.resume())", id, id);
      line("g%d = nil", id);
      line("let junk%d = []", id);
      line("for i in 0..200 { junk%d.push([i]) }", id);
      break;
  }
}

/* Callbacks that natives call: the body runs under map, sort, filter,
 * reduce, a class's init, and str() (called by print or an interpolation). */
static const struct { const char *open, *ret, *close; } callbacks[] = {
  { "let r%d = [1, 2].map(fn(x)", "return x * 10", ")" },
  { "let r%d = [3, 1, 2].sort(fn(a, b)", "return a < b", ")" },
  { "let r%d = [1, 2, 3].filter(fn(x)", "return x != 2", ")" },
  { "let r%d = [1, 2].reduce(fn(acc, x)", "return acc + x", ", 0)" },
  { "let r%d = Run(fn()", "return \"run\"", ").r" },
  { "let r%d = Show(fn()", "return \"shown\"", ")" },
};

static void w_callback(Ctx c) {
  int id = next_id++, k = pick(N_OF(callbacks));
  open_block(callbacks[k].open, id);
  body(deeper(c), 1);
  line("%s", callbacks[k].ret);
  close_block(callbacks[k].close);
  if (chance(30)) line("print(\"t%d ${r%d}\")", id, id);
  else line("print(\"t%d\", r%d)", id, id);
}

static void w_try(Ctx c) {
  int id = next_id++;
  open_block("try");
  body(deeper(c), between(1, 2));
  if (chance(50)) line("throw \"x%d\"", id);
  indent--;
  line("} catch e {");
  indent++;
  line("print(\"t%d caught\", emsg(e))", id);
  close_block(NULL);
}

static void w_loop(Ctx c) {
  int id = next_id++;
  open_block("for i%d in 0..%d", id, between(1, 3));
  body(deeper(c), 1);
  close_block(NULL);
}

static void unit(Ctx c) {
  for (;;) {
    int r = pick(c.depth > 0 ? 30 : 21);
    switch (r) {
      case 0: case 1: u_arith(); return;
      case 2: u_string(); return;
      case 3: u_list(); return;
      case 4: u_map(); return;
      case 5: u_churn(); return;
      case 6: u_closure(); return;
      case 7: case 8: u_recursion(c); return;
      case 9: case 10: u_throw(); return;
      case 11: u_class(); return;
      case 12: case 13: u_yield(); return;
      case 14: u_channel(c); return;
      case 15: u_select(); return;
      case 16: case 17:
        if (c.module >= n_modules) continue;
        u_import(c);
        return;
      case 18: u_deep_data(); return;
      case 19: case 20: if (c.depth > 0) { u_channel(c); return; } continue;
      case 21: w_function(c); return;
      case 22: case 23: w_spawn(c); return;
      case 24: w_spawn_error(c); return;
      case 25: case 26: w_generator(c); return;
      case 27: case 28: w_callback(c); return;
      default: if (chance(50)) w_try(c); else w_loop(c); return;
    }
  }
}

/* ---- files --------------------------------------------------------------- */

static void prelude(void) {
  line("fn emsg(e) { if type(e) == \"instance\" { return \"error: ${e.message}\" }; return \"${type(e)}: ${e}\" }");
  line("class Show { fn init(f) { self.f = f } fn str() { return self.f() } }");
  line("class Run { fn init(f) { self.r = f() } }");
}

static FILE *open_file(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  if (!f) { perror(path); exit(2); }
  return f;
}

static void write_module(const char *dir, int k) {
  char name[32];
  snprintf(name, sizeof name, "m%d.gs", k);
  out = open_file(dir, name);
  indent = 0;
  prelude();
  line("print(\"m%d start\")", k);
  line("let data = [%d, %d]", k, pick(100));
  Ctx c = { .depth = between(0, 2), .module = k, .in_fiber = 0 };
  body(c, between(0, 3));
  line("fn api(x) { return x * %d + len(data) }", between(1, 9));
  line("print(\"m%d end\")", k);
  fclose(out);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: gen_program SEED DIR   (writes DIR/main.gs and DIR/m*.gs)\n");
    return 2;
  }
  rng_state = strtoull(argv[1], NULL, 10) * 0x2545f4914f6cdd1dULL + 1;
  const char *dir = argv[2];
  n_modules = pick(4);
  for (int k = n_modules; k >= 1; k--) write_module(dir, k);
  out = open_file(dir, "main.gs");
  indent = 0;
  line("# generated by fuzz/gen_program, seed %s", argv[1]);
  prelude();
  Ctx c = { .depth = between(1, 3), .module = 0, .in_fiber = 0 };
  body(c, between(3, 8));
  line("print(\"end\")");
  fclose(out);
  return 0;
}
