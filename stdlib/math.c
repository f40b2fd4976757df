/* math.c — the `math` module: constants, rounding, elementary functions and
 * a per-VM random generator (xoshiro256**).
 *
 * The generator state lives in a userdata bound as the hidden receiver of
 * math.random and math.seed (gs_new_function): no process-global state, and
 * scripts cannot reach or replace it. */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include "libs.h"

#define MATH_RNG_TAG "math.rng"

typedef struct {
  uint64_t s[4];
} MathRng;

/* ---- xoshiro256** (Blackman & Vigna), seeded through splitmix64 ------- */

static uint64_t math_rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t math_next(MathRng *r) {
  uint64_t *s = r->s;
  uint64_t out = math_rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = math_rotl(s[3], 45);
  return out;
}

static uint64_t math_splitmix(uint64_t *x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void math_seed_rng(MathRng *r, uint64_t seed) {
  for (int i = 0; i < 4; i++) r->s[i] = math_splitmix(&seed);
}

static uint64_t math_entropy(const void *p) {
  struct timespec a, b;
  clock_gettime(CLOCK_REALTIME, &a);
  clock_gettime(CLOCK_MONOTONIC, &b);
  return (uint64_t)a.tv_sec * 1000000007ULL ^ (uint64_t)a.tv_nsec ^
         ((uint64_t)b.tv_nsec << 32) ^ (uint64_t)(uintptr_t)p;
}

/* ---- helpers --------------------------------------------------------- */

static void math_want_number(gs_vm *vm, const char *fname, int slot) {
  gs_type t = gs_get_type(vm, slot);
  if (t != GS_INT && t != GS_FLOAT) lib_arg_error(vm, fname, slot, "a number");
}

/* floor/ceil of a float as an int, or an error */
static int64_t math_to_int(gs_vm *vm, const char *fname, double d) {
  if (isnan(d)) gs_error(vm, "%s: cannot convert nan to int", fname);
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
    gs_error(vm, "%s: %s out of int range", fname, isinf(d) ? (d > 0 ? "inf" : "-inf") : "value");
  return (int64_t)d;
}

/* ---- rounding and sign ------------------------------------------------ */

static void math_floor(gs_vm *vm, int argc) {
  lib_argc(vm, "math.floor", argc, 1, 1);
  math_want_number(vm, "math.floor", 0);
  if (gs_get_type(vm, 0) == GS_INT) { gs_return_slot(vm, 0); return; }
  gs_return_int(vm, math_to_int(vm, "math.floor", floor(gs_get_float(vm, 0))));
}

static void math_ceil(gs_vm *vm, int argc) {
  lib_argc(vm, "math.ceil", argc, 1, 1);
  math_want_number(vm, "math.ceil", 0);
  if (gs_get_type(vm, 0) == GS_INT) { gs_return_slot(vm, 0); return; }
  gs_return_int(vm, math_to_int(vm, "math.ceil", ceil(gs_get_float(vm, 0))));
}

static void math_abs(gs_vm *vm, int argc) {
  lib_argc(vm, "math.abs", argc, 1, 1);
  math_want_number(vm, "math.abs", 0);
  if (gs_get_type(vm, 0) == GS_INT) {
    int64_t i = gs_get_int(vm, 0);
    /* wraps like every int operation: abs(min int) is min int */
    gs_return_int(vm, i < 0 ? (int64_t)(0 - (uint64_t)i) : i);
  } else {
    gs_return_float(vm, fabs(gs_get_float(vm, 0)));
  }
}

/* min/max: numbers as arguments (1 or more) or one list of numbers. The
 * winning argument is returned as it is (its type is kept); the first of
 * equal values wins; a NaN anywhere gives NaN. */
static void math_minmax(gs_vm *vm, int argc, const char *fname, bool want_max) {
  lib_argc(vm, fname, argc, 1, -1);
  bool from_list = argc == 1 && gs_get_type(vm, 0) == GS_LIST;
  int64_t n = from_list ? gs_list_count(vm, 0) : argc;
  if (from_list && n == 0) gs_error(vm, "%s: empty list", fname);
  /* the best so far and the candidate: list elements are copied out,
   * arguments compared where they are */
  int best = argc, item = argc + 1;
  gs_ensure_slots(vm, argc + 2);
  bool nan = false;
  for (int64_t i = 0; i < n; i++) {
    int v = from_list ? item : (int)i;
    if (from_list) gs_list_get(vm, 0, i, item);
    gs_type t = gs_get_type(vm, v);
    if (t != GS_INT && t != GS_FLOAT) {
      if (from_list) gs_error(vm, "%s: list element %lld must be a number, not %s", fname, (long long)i, gs_type_name(vm, v));
      lib_arg_error(vm, fname, v, "a number");
    }
    if (nan) continue;
    if (t == GS_FLOAT && isnan(gs_get_float(vm, v))) nan = true;
    if (nan || i == 0 || (want_max ? gs_less(vm, best, v) : gs_less(vm, v, best))) gs_copy(vm, v, best);
  }
  gs_return_slot(vm, best);
}

static void math_min(gs_vm *vm, int argc) { math_minmax(vm, argc, "math.min", false); }
static void math_max(gs_vm *vm, int argc) { math_minmax(vm, argc, "math.max", true); }

/* round(x, digits?): half away from zero; an int without digits (raises for
 * NaN, infinities and results outside the int range), a float with them
 * (digits may be negative: round(1234, -2) is 1200.0). */
static void math_round(gs_vm *vm, int argc) {
  lib_argc(vm, "math.round", argc, 1, 2);
  math_want_number(vm, "math.round", 0);
  bool with_digits = argc == 2 && gs_get_type(vm, 1) != GS_NIL;
  if (!with_digits) {
    if (gs_get_type(vm, 0) == GS_INT) { gs_return_slot(vm, 0); return; }
    gs_return_int(vm, math_to_int(vm, "math.round", round(gs_get_float(vm, 0))));
    return;
  }
  int64_t digits = lib_int(vm, "math.round", 1);
  double x = gs_get_float(vm, 0);
  if (digits > 330 || !isfinite(x)) { gs_return_float(vm, x); return; }   /* nothing left to round */
  if (digits < -330) { gs_return_float(vm, x * 0.0); return; }
  double p = pow(10.0, (double)(digits < 0 ? -digits : digits));
  double r = digits >= 0 ? round(x * p) / p : round(x / p) * p;
  gs_return_float(vm, isfinite(r) ? r : x);   /* x * p overflowed: x has no digits there */
}

static void math_trunc(gs_vm *vm, int argc) {
  lib_argc(vm, "math.trunc", argc, 1, 1);
  math_want_number(vm, "math.trunc", 0);
  if (gs_get_type(vm, 0) == GS_INT) { gs_return_slot(vm, 0); return; }
  gs_return_int(vm, math_to_int(vm, "math.trunc", trunc(gs_get_float(vm, 0))));
}

/* sign(x): -1, 0 or 1 of x's type; NaN and -0.0 come back as they are */
static void math_sign(gs_vm *vm, int argc) {
  lib_argc(vm, "math.sign", argc, 1, 1);
  math_want_number(vm, "math.sign", 0);
  if (gs_get_type(vm, 0) == GS_INT) {
    int64_t i = gs_get_int(vm, 0);
    gs_return_int(vm, (i > 0) - (i < 0));
    return;
  }
  double d = gs_get_float(vm, 0);
  if (isnan(d) || d == 0) { gs_return_slot(vm, 0); return; }
  gs_return_float(vm, d > 0 ? 1.0 : -1.0);
}

/* clamp(x, lo, hi): the argument that wins, type kept; NaN x gives NaN */
static void math_clamp(gs_vm *vm, int argc) {
  lib_argc(vm, "math.clamp", argc, 3, 3);
  for (int i = 0; i < 3; i++) math_want_number(vm, "math.clamp", i);
  if (gs_less(vm, 2, 1)) gs_error(vm, "math.clamp: lo is greater than hi");
  if (gs_less(vm, 0, 1)) gs_return_slot(vm, 1);
  else if (gs_less(vm, 2, 0)) gs_return_slot(vm, 2);
  else gs_return_slot(vm, 0);
}

static void math_is_nan(gs_vm *vm, int argc) {
  lib_argc(vm, "math.is_nan", argc, 1, 1);
  math_want_number(vm, "math.is_nan", 0);
  gs_return_bool(vm, gs_get_type(vm, 0) == GS_FLOAT && isnan(gs_get_float(vm, 0)));
}

static void math_is_inf(gs_vm *vm, int argc) {
  lib_argc(vm, "math.is_inf", argc, 1, 1);
  math_want_number(vm, "math.is_inf", 0);
  gs_return_bool(vm, gs_get_type(vm, 0) == GS_FLOAT && isinf(gs_get_float(vm, 0)));
}

/* ---- elementary functions (always floats) ---------------------------- */

#define MATH_FN1(name, expr)                                   \
  static void math_##name(gs_vm *vm, int argc) {               \
    lib_argc(vm, "math." #name, argc, 1, 1);              \
    double x = lib_num(vm, "math." #name, 0);                  \
    gs_return_float(vm, (expr));                               \
  }

MATH_FN1(sqrt, sqrt(x))
MATH_FN1(sin, sin(x))
MATH_FN1(cos, cos(x))
MATH_FN1(tan, tan(x))
MATH_FN1(exp, exp(x))

static void math_atan2(gs_vm *vm, int argc) {
  lib_argc(vm, "math.atan2", argc, 2, 2);
  double y = lib_num(vm, "math.atan2", 0), x = lib_num(vm, "math.atan2", 1);
  gs_return_float(vm, atan2(y, x));
}

static void math_pow(gs_vm *vm, int argc) {
  lib_argc(vm, "math.pow", argc, 2, 2);
  double x = lib_num(vm, "math.pow", 0), y = lib_num(vm, "math.pow", 1);
  gs_return_float(vm, pow(x, y));
}

static void math_log(gs_vm *vm, int argc) {
  lib_argc(vm, "math.log", argc, 1, 2);
  double x = lib_num(vm, "math.log", 0);
  if (argc == 1 || gs_get_type(vm, 1) == GS_NIL) { gs_return_float(vm, log(x)); return; }
  double b = lib_num(vm, "math.log", 1);
  double r;
  if (b == 2.0) r = log2(x);
  else if (b == 10.0) r = log10(x);
  else r = log(x) / log(b);
  gs_return_float(vm, r);
}

/* ---- random ------------------------------------------------------------ */

static MathRng *math_rng(gs_vm *vm) {
  MathRng *r = gs_get_userdata(vm, 0, MATH_RNG_TAG);
  if (!r) gs_error(vm, "math: random state is missing");
  return r;
}

/* an int bound of random(a, b) in `slot` (argument slot - 1: slot 0 is the
 * hidden state) */
static int64_t math_bound(gs_vm *vm, int slot) {
  gs_type t = gs_get_type(vm, slot);
  if (t == GS_INT) return gs_get_int(vm, slot);
  if (t == GS_FLOAT) {
    double d = gs_get_float(vm, slot);
    if (d == floor(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) return (int64_t)d;
  }
  gs_error(vm, "math.random() argument %d must be an int, not %s", slot, gs_type_name(vm, slot));
}

/* slot 0 is the hidden state, the script's arguments follow */
static void math_random(gs_vm *vm, int argc) {
  MathRng *r = math_rng(vm);
  int n = argc - 1;
  if (n == 0) {
    gs_return_float(vm, (double)(math_next(r) >> 11) * 0x1.0p-53);
    return;
  }
  if (n != 2) gs_error(vm, "math.random() expects 0 or 2 arguments, got %d", n);
  int64_t a = math_bound(vm, 1), b = math_bound(vm, 2);
  if (a > b) gs_error(vm, "math.random: empty interval [%lld, %lld]", (long long)a, (long long)b);
  uint64_t span = (uint64_t)b - (uint64_t)a;
  uint64_t x;
  if (span == UINT64_MAX) {
    x = math_next(r);
  } else {
    uint64_t m = span + 1, limit = UINT64_MAX - UINT64_MAX % m;
    do x = math_next(r); while (x >= limit);
    x %= m;
  }
  gs_return_int(vm, (int64_t)((uint64_t)a + x));
}

static void math_seed(gs_vm *vm, int argc) {
  MathRng *r = math_rng(vm);
  if (argc > 2) gs_error(vm, "math.seed() expects 0 or 1 arguments, got %d", argc - 1);
  if (argc == 1 || gs_get_type(vm, 1) == GS_NIL) {
    math_seed_rng(r, math_entropy(r) ^ math_next(r));
    return;
  }
  int64_t s;
  gs_type t = gs_get_type(vm, 1);
  if (t == GS_INT) s = gs_get_int(vm, 1);
  else if (t == GS_FLOAT) {
    double d = gs_get_float(vm, 1);
    memcpy(&s, &d, sizeof s);
    if (d == floor(d) && fabs(d) < 9.2e18) s = (int64_t)d;   /* seed(3.0) == seed(3) */
  } else {
    gs_error(vm, "math.seed() argument 1 must be a number, not %s", gs_type_name(vm, 1));
  }
  math_seed_rng(r, (uint64_t)s);
}

static const gs_reg math_funcs[] = {
  {"floor", math_floor, -1, "math.floor(x)\nThe largest int not greater than x."},
  {"ceil", math_ceil, -1, "math.ceil(x)\nThe smallest int not less than x."},
  {"abs", math_abs, -1, "math.abs(x)\nThe absolute value of x, of the same type."},
  {"round", math_round, -1, "math.round(x, digits?)\nx rounded half away from zero: an int, or a float with that many decimals."},
  {"trunc", math_trunc, -1, "math.trunc(x)\nx without its fraction, an int."},
  {"sign", math_sign, -1, "math.sign(x)\n-1, 0 or 1 as x is negative, zero or positive (of x's type)."},
  {"clamp", math_clamp, -1, "math.clamp(x, lo, hi)\nx limited to [lo, hi]."},
  {"is_nan", math_is_nan, -1, "math.is_nan(x)\nWhether x is the float NaN."},
  {"is_inf", math_is_inf, -1, "math.is_inf(x)\nWhether x is an infinite float."},
  {"min", math_min, -1, "math.min(x, ...)\nThe smallest of the numbers (or of one list of numbers)."},
  {"max", math_max, -1, "math.max(x, ...)\nThe largest of the numbers (or of one list of numbers)."},
  {"sqrt", math_sqrt, -1, "math.sqrt(x)\nThe square root of x, a float."},
  {"sin", math_sin, -1, "math.sin(x)\nThe sine of x radians."},
  {"cos", math_cos, -1, "math.cos(x)\nThe cosine of x radians."},
  {"tan", math_tan, -1, "math.tan(x)\nThe tangent of x radians."},
  {"atan2", math_atan2, -1, "math.atan2(y, x)\nThe angle of the point (x, y) in radians, -pi to pi."},
  {"exp", math_exp, -1, "math.exp(x)\ne raised to the power x."},
  {"log", math_log, -1, "math.log(x, base?)\nThe logarithm of x, natural unless a base is given."},
  {"pow", math_pow, -1, "math.pow(x, y)\nx raised to the power y, always a float."},
  {"random", math_random, -1, "math.random(a?, b?)\nA float in [0, 1), or an int in [a, b] with both ends included."},
  {"seed", math_seed, -1, "math.seed(n?)\nMake the random sequence reproducible; no argument reseeds from the clock."},
  {NULL, NULL, 0, NULL},
};

void lib_math_open(gs_vm *vm) {
  gs_register_module(vm, "math", math_funcs);
  gs_ensure_slots(vm, 1);
  gs_set_float(vm, 0, 3.14159265358979323846);
  gs_module_set(vm, "math", "pi", 0);
  gs_set_float(vm, 0, INFINITY);
  gs_module_set(vm, "math", "inf", 0);
  gs_set_float(vm, 0, NAN);
  gs_module_set(vm, "math", "nan", 0);
  gs_set_int(vm, 0, INT64_MAX);
  gs_module_set(vm, "math", "max_int", 0);
  gs_set_int(vm, 0, INT64_MIN);
  gs_module_set(vm, "math", "min_int", 0);
  MathRng *r = gs_new_userdata(vm, 0, MATH_RNG_TAG, sizeof(MathRng), NULL);
  math_seed_rng(r, math_entropy(r));
  gs_ensure_slots(vm, 2);
  for (const gs_reg *reg = math_funcs; reg->name; reg++) {
    if (reg->fn != math_random && reg->fn != math_seed) continue;
    gs_new_function(vm, 1, reg, 0);    /* replaces the unbound one, in place */
    gs_module_set(vm, "math", reg->name, 1);
  }
  gs_set_nil(vm, 0);
  gs_set_nil(vm, 1);
}
