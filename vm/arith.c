/* arith.c — the slow paths of arithmetic and comparison: mixed int/float,
 * string and list concatenation, operator methods of classes, and the
 * errors for everything else. */
#include <math.h>
#include <string.h>
#include "arith.h"
#include "opcodes.h"

static _Noreturn void bad_operands(VM *vm, const char *verb, Value a, Value b) {
  vm_throw(vm, "cannot %s %s and %s", verb, value_type_name(a), value_type_name(b));
}

/* ---- operator methods -------------------------------------------------
 * `fn +(other)`, `fn <(other)`, `fn [](i)`, ... of a class. They are looked
 * for only here, on the slow paths, once the built-in meaning of the
 * operator did not apply: the interpreter's fast paths never see them. */

bool vm_op_method(VM *vm, Value a, const char *name, Value *m) {
  if (!IS_INSTANCE(a)) return false;
  Value *v = table_find_str(&AS_INSTANCE(a)->klass->methods, str_cstr(vm, name));
  if (!v) return false;
  *m = *v;
  return true;
}

/* method m of receiver a, with argc - 1 arguments b, c */
Value vm_call_op(VM *vm, Value m, int argc, Value a, Value b, Value c) {
  Value args[3] = {a, b, c};
  return vm_call(vm, m, argc, args);
}

enum { OPM_ADD, OPM_SUB, OPM_MUL, OPM_DIV, OPM_IDIV, OPM_MOD, OPM_POW };

/* a's method for the operator, or the error for operands it does not take
 * (out of line, with its arguments in registers: the arithmetic functions
 * below stay as small as without it) */
static __attribute__((noinline)) Value binary_op(VM *vm, int op, Value a, Value b) {
  static const char *const names[] = {"+", "-", "*", "/", "//", "%", "**"};
  static const char *const verbs[] = {"add", "subtract", "multiply", "divide", "divide", "take the modulo of", "raise"};
  Value m;
  if (vm_op_method(vm, a, names[op], &m)) return vm_call_op(vm, m, 2, a, b, NIL_VAL);
  bad_operands(vm, verbs[op], a, b);
}

bool vm_equal(VM *vm, Value a, Value b) {
  if (values_equal(a, b)) return true;
  Value m;
  return vm_op_method(vm, a, "==", &m) && IS_TRUTHY(vm_call_op(vm, m, 2, a, b, NIL_VAL));
}

/* a < b (or_equal: a <= b) through the `<` of either side: a <= b is
 * not (b < a); with only a's `<`, a <= b is a < b or a == b, and with only
 * b's, a < b is neither b < a nor b == a */
static __attribute__((noinline)) bool instance_less(VM *vm, Value a, Value b, bool or_equal) {
  Value m;
  if (vm_op_method(vm, or_equal ? b : a, "<", &m)) {
    bool r = IS_TRUTHY(vm_call_op(vm, m, 2, or_equal ? b : a, or_equal ? a : b, NIL_VAL));
    return or_equal ? !r : r;
  }
  if (vm_op_method(vm, or_equal ? a : b, "<", &m)) {
    if (or_equal) return IS_TRUTHY(vm_call_op(vm, m, 2, a, b, NIL_VAL)) || vm_equal(vm, a, b);
    return !IS_TRUTHY(vm_call_op(vm, m, 2, b, a, NIL_VAL)) && !vm_equal(vm, b, a);
  }
  bad_operands(vm, "compare", a, b);
}

Value arith_unm(VM *vm, Value a) {
  Value m;
  if (vm_op_method(vm, a, "unary -", &m)) return vm_call_op(vm, m, 1, a, NIL_VAL, NIL_VAL);
  vm_throw(vm, "cannot negate %s", value_type_name(a));
}

Value arith_add(VM *vm, Value a, Value b) {
  if (IS_INT(a) && IS_INT(b)) return INT_VAL(int_add(AS_INT(a), AS_INT(b)));
  if (IS_NUMBER(a) && IS_NUMBER(b)) return FLOAT_VAL(AS_NUMBER(a) + AS_NUMBER(b));
  if (IS_STRING(a) && IS_STRING(b)) return STR_VAL(str_concat(vm, AS_STRING(a), AS_STRING(b)));
  if (IS_LIST(a) && IS_LIST(b)) {
    ObjList *x = AS_LIST(a), *y = AS_LIST(b);
    uint32_t n = x->count + y->count;
    ObjList *r = list_new(vm, n);
    if (x->count) memcpy(r->items, x->items, sizeof(Value) * x->count);
    if (y->count) memcpy(r->items + x->count, y->items, sizeof(Value) * y->count);
    r->count = n;
    return LIST_VAL(r);
  }
  return binary_op(vm, OPM_ADD, a, b);
}

Value arith_sub(VM *vm, Value a, Value b) {
  if (IS_INT(a) && IS_INT(b)) return INT_VAL(int_sub(AS_INT(a), AS_INT(b)));
  if (IS_NUMBER(a) && IS_NUMBER(b)) return FLOAT_VAL(AS_NUMBER(a) - AS_NUMBER(b));
  return binary_op(vm, OPM_SUB, a, b);
}

Value arith_mul(VM *vm, Value a, Value b) {
  if (IS_INT(a) && IS_INT(b)) return INT_VAL(int_mul(AS_INT(a), AS_INT(b)));
  if (IS_NUMBER(a) && IS_NUMBER(b)) return FLOAT_VAL(AS_NUMBER(a) * AS_NUMBER(b));
  return binary_op(vm, OPM_MUL, a, b);
}

Value arith_div(VM *vm, Value a, Value b) {
  if (IS_NUMBER(a) && IS_NUMBER(b)) return FLOAT_VAL(AS_NUMBER(a) / AS_NUMBER(b));
  return binary_op(vm, OPM_DIV, a, b);
}

Value arith_idiv(VM *vm, Value a, Value b) {
  if (IS_INT(a) && IS_INT(b)) {
    int64_t x = AS_INT(a), y = AS_INT(b);
    if (y == 0) vm_throw(vm, "division by zero");
    if (y == -1) return INT_VAL(int_sub(0, x));   /* INT64_MIN // -1 wraps */
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
    return INT_VAL(q);
  }
  if (IS_NUMBER(a) && IS_NUMBER(b)) return FLOAT_VAL(floor(AS_NUMBER(a) / AS_NUMBER(b)));
  return binary_op(vm, OPM_IDIV, a, b);
}

Value arith_mod(VM *vm, Value a, Value b) {
  if (IS_INT(a) && IS_INT(b)) {
    int64_t x = AS_INT(a), y = AS_INT(b);
    if (y == 0) vm_throw(vm, "division by zero");
    if (y == -1) return INT_VAL(0);
    int64_t m = x % y;
    if (m != 0 && ((m < 0) != (y < 0))) m += y;
    return INT_VAL(m);
  }
  if (IS_NUMBER(a) && IS_NUMBER(b)) {
    double x = AS_NUMBER(a), y = AS_NUMBER(b);
    double m = fmod(x, y);
    if (m != 0 && ((m < 0) != (y < 0))) m += y;
    return FLOAT_VAL(m);
  }
  return binary_op(vm, OPM_MOD, a, b);
}

Value arith_pow(VM *vm, Value a, Value b) {
  if (IS_INT(a) && IS_INT(b) && AS_INT(b) >= 0) {
    uint64_t base = (uint64_t)AS_INT(a), r = 1;
    int64_t e = AS_INT(b);
    while (e) {
      if (e & 1) r *= base;
      base *= base;
      e >>= 1;
    }
    return INT_VAL((int64_t)r);
  }
  if (IS_NUMBER(a) && IS_NUMBER(b)) return FLOAT_VAL(pow(AS_NUMBER(a), AS_NUMBER(b)));
  return binary_op(vm, OPM_POW, a, b);
}

static bool to_exact_int(Value v, int64_t *out) {
  if (IS_INT(v)) { *out = AS_INT(v); return true; }
  if (IS_FLOAT(v)) {
    double d = AS_FLOAT(v);
    if (d == floor(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) { *out = (int64_t)d; return true; }
  }
  return false;
}

static int64_t shift_left(int64_t x, int64_t n) {
  if (n < 0) {
    if (n <= -64) return x < 0 ? -1 : 0;
    return x >> -n;
  }
  if (n >= 64) return 0;
  return (int64_t)((uint64_t)x << n);
}

Value arith_bit(VM *vm, int op, Value a, Value b) {
  int64_t x, y;
  static const char *const names[] = {[OP_BAND] = "&", [OP_BOR] = "|", [OP_BXOR] = "^", [OP_SHL] = "<<", [OP_SHR] = ">>", [OP_BNOT] = "~"};
  if (!to_exact_int(a, &x) || !to_exact_int(b, &y)) {
    Value bad = to_exact_int(a, &x) ? b : a;
    if (op == OP_BNOT) vm_throw(vm, "bitwise ~ needs an int, not %s", value_type_name(bad));
    vm_throw(vm, "bitwise %s needs ints, not %s", names[op], value_type_name(bad));
  }
  switch (op) {
    case OP_BAND: return INT_VAL(x & y);
    case OP_BOR: return INT_VAL(x | y);
    case OP_BXOR: return INT_VAL(x ^ y);
    case OP_SHL: return INT_VAL(shift_left(x, y));
    case OP_SHR: return INT_VAL(y == INT64_MIN ? (x < 0 ? -1 : 0) : shift_left(x, -y));
    default: return INT_VAL(~x);
  }
}

/* int < float, exactly (no rounding of big ints through double) */
static bool lt_int_float(int64_t i, double f) {
  if (isnan(f)) return false;
  if (f >= 9223372036854775808.0) return true;
  if (f < -9223372036854775808.0) return false;
  double fl = floor(f);
  int64_t fi = (int64_t)fl;
  return fl == f ? i < fi : i <= fi;
}
static bool le_int_float(int64_t i, double f) {
  if (isnan(f)) return false;
  if (f >= 9223372036854775808.0) return true;
  if (f < -9223372036854775808.0) return false;
  return i <= (int64_t)floor(f);
}
static bool lt_float_int(double f, int64_t i) {
  if (isnan(f)) return false;
  return !le_int_float(i, f);
}
static bool le_float_int(double f, int64_t i) {
  if (isnan(f)) return false;
  return !lt_int_float(i, f);
}

static int str_cmp(ObjString *a, ObjString *b) {
  size_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->chars, b->chars, n);
  if (c) return c;
  return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

bool cmp_lt(VM *vm, Value a, Value b) {
  if (IS_INT(a) && IS_INT(b)) return AS_INT(a) < AS_INT(b);
  if (IS_FLOAT(a) && IS_FLOAT(b)) return AS_FLOAT(a) < AS_FLOAT(b);
  if (IS_INT(a) && IS_FLOAT(b)) return lt_int_float(AS_INT(a), AS_FLOAT(b));
  if (IS_FLOAT(a) && IS_INT(b)) return lt_float_int(AS_FLOAT(a), AS_INT(b));
  if (IS_STRING(a) && IS_STRING(b)) return str_cmp(AS_STRING(a), AS_STRING(b)) < 0;
  return instance_less(vm, a, b, false);
}

bool cmp_le(VM *vm, Value a, Value b) {
  if (IS_INT(a) && IS_INT(b)) return AS_INT(a) <= AS_INT(b);
  if (IS_FLOAT(a) && IS_FLOAT(b)) return AS_FLOAT(a) <= AS_FLOAT(b);
  if (IS_INT(a) && IS_FLOAT(b)) return le_int_float(AS_INT(a), AS_FLOAT(b));
  if (IS_FLOAT(a) && IS_INT(b)) return le_float_int(AS_FLOAT(a), AS_INT(b));
  if (IS_STRING(a) && IS_STRING(b)) return str_cmp(AS_STRING(a), AS_STRING(b)) <= 0;
  return instance_less(vm, a, b, true);
}
