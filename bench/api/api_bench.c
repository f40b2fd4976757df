/* api_bench.c — the embedding API against Lua 5.4's C API, side by side.
 *
 *   make bench-api                      (bench/api/rules.mk)
 *   build/bench/api_bench [N]           N operations per measurement (1000000)
 *
 * Rows (each the best of 5 runs, after a warm-up; ns per operation):
 *   call       host -> script: call a small script function add(a, b) from C
 *              with two int arguments and read the int result:
 *              gs_call  vs  lua_pcall
 *   yield      a native yields inside a generator that script resumes:
 *              script `g.resume()` -> native gs_yield -> back
 *              vs  Lua `co()` (coroutine.wrap) -> C function lua_yieldk -> back
 *   park/wake  host-driven: a fiber's native parks (taking a token with
 *              gs_current_fiber); the host wakes it (gs_wake + gs_run_ready,
 *              one slice) and it parks again
 *              vs  lua_resume from C of a coroutine whose C function yields
 *   resume     host-driven generator: the host resumes a script generator
 *              (gs_call of its bound resume method) that yields from script
 *              vs  lua_resume of a coroutine that yields from Lua
 * The ratio is GreenScript / Lua (below 1: GreenScript is faster).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "gs.h"

static long N = 1000000;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die_gs(gs_vm *vm, const char *what) {
  fprintf(stderr, "api_bench: %s: %s\n", what, gs_error_message(vm));
  exit(1);
}
static void die_lua(lua_State *L, const char *what) {
  fprintf(stderr, "api_bench: %s: %s\n", what, lua_tostring(L, -1));
  exit(1);
}

static void gs_run(gs_vm *vm, const char *src) {
  if (gs_run_string(vm, "bench.gs", src, strlen(src)) != GS_OK) die_gs(vm, "script");
}
static void lua_run(lua_State *L, const char *src) {
  if (luaL_dostring(L, src) != LUA_OK) die_lua(L, "script");
}

/* ---- call ---------------------------------------------------------------------- */

static double gs_call_bench(gs_vm *vm) {
  gs_ensure_slots(vm, 4);
  gs_get_global(vm, "add", 3);
  int64_t sum = 0;
  double t0 = now();
  for (long i = 0; i < N; i++) {
    gs_copy(vm, 3, 0);
    gs_set_int(vm, 1, i);
    gs_set_int(vm, 2, 1);
    if (gs_call(vm, 0, 2) != GS_OK) die_gs(vm, "gs_call");
    sum += gs_get_int(vm, 0);
  }
  double t = now() - t0;
  if (sum != (int64_t)N * (N + 1) / 2) die_gs(vm, "wrong sum");
  return t;
}

static double lua_call_bench(lua_State *L) {
  lua_getglobal(L, "add");
  int fn = lua_gettop(L);
  long long sum = 0;
  double t0 = now();
  for (long i = 0; i < N; i++) {
    lua_pushvalue(L, fn);
    lua_pushinteger(L, i);
    lua_pushinteger(L, 1);
    if (lua_pcall(L, 2, 1, 0) != LUA_OK) die_lua(L, "lua_pcall");
    sum += lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  double t = now() - t0;
  lua_pop(L, 1);
  if (sum != (long long)N * (N + 1) / 2) die_lua(L, "wrong sum");
  return t;
}

/* ---- yield inside a generator resumed from script -------------------------- */

static void gs_native_yield(gs_vm *vm, int argc) {
  (void)argc;
  gs_yield(vm);
}

static double gs_yield_bench(gs_vm *vm) {
  char src[200];
  snprintf(src, sizeof src, "let g = fiber(fn() { while true { nyield() } })\nfor i in 0..%ld { g.resume() }\n", N);
  double t0 = now();
  gs_run(vm, src);
  return now() - t0;
}

static int lua_native_yield_k(lua_State *L, int status, lua_KContext ctx) {
  (void)L; (void)status; (void)ctx;
  return 0;
}
static int lua_native_yield(lua_State *L) { return lua_yieldk(L, 0, 0, lua_native_yield_k); }

static double lua_yield_bench(lua_State *L) {
  char src[200];
  snprintf(src, sizeof src, "local g = coroutine.wrap(function() while true do nyield() end end)\nfor i = 1, %ld do g() end\n", N);
  double t0 = now();
  lua_run(L, src);
  return now() - t0;
}

/* ---- host-driven park / wake --------------------------------------------------- */

static gs_handle *token;
static void gs_native_park(gs_vm *vm, int argc) {
  (void)argc;
  token = gs_current_fiber(vm);
  gs_park(vm, -1);
}

static double gs_park_bench(gs_vm *vm) {
  gs_run(vm, "let parker = spawn { while true { npark() } }\n");
  gs_run_ready(vm);   /* runs until the first park */
  double t0 = now();
  for (long i = 0; i < N; i++) {
    gs_handle *t = token;
    if (!gs_wake(vm, t, -1)) die_gs(vm, "gs_wake");
    gs_release(vm, t);
    gs_run_ready(vm);   /* the fiber runs and parks again */
  }
  return now() - t0;
}

static int lua_native_park(lua_State *L) { return lua_yield(L, 0); }

static double lua_park_bench(lua_State *L) {
  lua_State *co = lua_newthread(L);
  lua_run(L, "function parker() while true do npark() end end");
  lua_getglobal(co, "parker");
  int nres;
  if (lua_resume(co, L, 0, &nres) != LUA_YIELD) die_lua(co, "first resume");
  double t0 = now();
  for (long i = 0; i < N; i++) {
    if (lua_resume(co, L, 0, &nres) != LUA_YIELD) die_lua(co, "lua_resume");
    lua_pop(co, nres);
  }
  double t = now() - t0;
  lua_pop(L, 1);
  return t;
}

/* ---- host resumes a script generator ------------------------------------------ */

static double gs_resume_bench(gs_vm *vm) {
  gs_run(vm, "let gen = fiber(fn() { let i = 0; while true { yield i; i += 1 } })\n");
  gs_ensure_slots(vm, 3);
  gs_get_global(vm, "gen", 2);
  gs_get_field(vm, 2, "resume", 1);   /* bound method, reused */
  int64_t last = -1;
  double t0 = now();
  for (long i = 0; i < N; i++) {
    gs_copy(vm, 1, 0);
    if (gs_call(vm, 0, 0) != GS_OK) die_gs(vm, "resume");
    last = gs_get_int(vm, 0);
  }
  double t = now() - t0;
  if (last != N - 1) die_gs(vm, "wrong generator value");
  return t;
}

static double lua_resume_bench(lua_State *L) {
  lua_State *co = lua_newthread(L);
  lua_run(L, "function gen() local i = 0; while true do coroutine.yield(i); i = i + 1 end end");
  lua_getglobal(co, "gen");
  long long last = -1;
  int nres;
  double t0 = now();
  for (long i = 0; i < N; i++) {
    if (lua_resume(co, L, 0, &nres) != LUA_YIELD) die_lua(co, "lua_resume");
    last = lua_tointeger(co, -1);
    lua_pop(co, nres);
  }
  double t = now() - t0;
  lua_pop(L, 1);
  if (last != N - 1) die_lua(L, "wrong generator value");
  return t;
}

/* ---- driver ----------------------------------------------------------------------- */

typedef double (*GsBench)(gs_vm *);
typedef double (*LuaBench)(lua_State *);

static gs_vm *new_gs(void) {
  gs_vm *vm = gs_new(NULL);
  gs_register(vm, "nyield", gs_native_yield, 0);
  gs_register(vm, "npark", gs_native_park, 0);
  gs_run(vm, "fn add(a, b) { return a + b }\n");
  return vm;
}
static lua_State *new_lua(void) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  lua_register(L, "nyield", lua_native_yield);
  lua_register(L, "npark", lua_native_park);
  lua_run(L, "function add(a, b) return a + b end");
  return L;
}

static double best_gs(GsBench b) {
  double best = 1e30;
  for (int r = 0; r < 6; r++) {   /* the first run warms up */
    gs_vm *vm = new_gs();
    double t = b(vm);
    gs_free(vm);
    if (r > 0 && t < best) best = t;
  }
  return best;
}
static double best_lua(LuaBench b) {
  double best = 1e30;
  for (int r = 0; r < 6; r++) {
    lua_State *L = new_lua();
    double t = b(L);
    lua_close(L);
    if (r > 0 && t < best) best = t;
  }
  return best;
}

int main(int argc, char **argv) {
  if (argc > 1) N = atol(argv[1]);
  if (N < 1000) N = 1000;
  struct {
    const char *name, *what;
    GsBench g;
    LuaBench l;
  } rows[] = {
      {"call", "gs_call / lua_pcall of add(a, b)", gs_call_bench, lua_call_bench},
      {"yield", "native yields in a generator resumed by script", gs_yield_bench, lua_yield_bench},
      {"park/wake", "host wakes a parked fiber / lua_resume, C yield", gs_park_bench, lua_park_bench},
      {"resume", "host resumes a script generator", gs_resume_bench, lua_resume_bench},
  };
  printf("embedding API vs Lua %s.%s C API, %ld operations per run, best of 5\n", LUA_VERSION_MAJOR, LUA_VERSION_MINOR, N);
  printf("%-10s %-50s %10s %10s %8s\n", "row", "what", "gs ns/op", "lua ns/op", "gs/lua");
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    double g = best_gs(rows[i].g) / (double)N * 1e9;
    double l = best_lua(rows[i].l) / (double)N * 1e9;
    printf("%-10s %-50s %10.1f %10.1f %8.2f\n", rows[i].name, rows[i].what, g, l, g / l);
    fflush(stdout);
  }
  return 0;
}
