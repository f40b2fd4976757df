/* arith.h — arithmetic and comparison: inline fast paths for the
 * interpreter, out-of-line slow paths for mixed types and errors. */
#ifndef GS_ARITH_H
#define GS_ARITH_H

#include "vm.h"

/* ints wrap around on overflow: do the math in uint64_t */
static inline int64_t int_add(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
static inline int64_t int_sub(int64_t a, int64_t b) { return (int64_t)((uint64_t)a - (uint64_t)b); }
static inline int64_t int_mul(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }
static inline double flt_add(double a, double b) { return a + b; }
static inline double flt_sub(double a, double b) { return a - b; }
static inline double flt_mul(double a, double b) { return a * b; }

Value arith_add(VM *vm, Value a, Value b);
Value arith_sub(VM *vm, Value a, Value b);
Value arith_mul(VM *vm, Value a, Value b);
Value arith_div(VM *vm, Value a, Value b);
Value arith_idiv(VM *vm, Value a, Value b);
Value arith_mod(VM *vm, Value a, Value b);
Value arith_pow(VM *vm, Value a, Value b);
Value arith_bit(VM *vm, int op, Value a, Value b);
Value arith_unm(VM *vm, Value a);
bool cmp_lt(VM *vm, Value a, Value b);
bool vm_equal(VM *vm, Value a, Value b);   /* ==, with a class's `==` */
bool vm_op_method(VM *vm, Value a, const char *name, Value *m);
Value vm_call_op(VM *vm, Value m, int argc, Value a, Value b, Value c);
bool cmp_le(VM *vm, Value a, Value b);
void vm_check_interrupt(VM *vm);
Value vm_get_index(VM *vm, Value obj, Value idx);
void vm_set_index(VM *vm, Value obj, Value idx, Value v);
void vm_check_key(VM *vm, Value k);
Value vm_slice(VM *vm, Value obj, Value lo, Value hi);
void fiber_grow_stack(VM *vm, Fiber *f, int min_cap);

#define IS_NATIVE_VAL(v) ((v).tag == V_NATIVE)

#endif
