/* value.h — the tagged value every register, field and element holds.
 *
 * 16 bytes: a tag and a payload, like Lua 5.4. The tag names the object kind
 * directly (not just "object"), so a type test is one byte compare. Ints are
 * full 64-bit and unboxed. */
#ifndef GS_VALUE_H
#define GS_VALUE_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum {
  V_NIL = 0, V_BOOL, V_INT, V_FLOAT,
  /* heap objects from here on: the payload is an Obj* */
  V_STRING, V_LIST, V_MAP, V_RANGE,
  V_PROTO, V_CLOSURE, V_NATIVE, V_BOUND, V_UPVALUE,
  V_CLASS, V_INSTANCE, V_MODULE,
  V_FIBER, V_CHANNEL, V_USERDATA,
  V__COUNT
} ValueTag;

#define V_FIRST_OBJ V_STRING

typedef struct Obj Obj;

typedef union {
  bool b;
  int64_t i;
  double f;
  Obj *o;
} ValuePayload;

typedef struct {
  uint64_t tag;   /* a full word: a tag store and a later tag load always have the
                     same size, so the CPU can forward the store (a byte store
                     read back by an 8-byte load stalls for ~15 cycles) */
  ValuePayload as;
} Value;

#define NIL_VAL            ((Value){.tag = V_NIL})
#define BOOL_VAL(x)        ((Value){.tag = V_BOOL, .as.b = (x)})
#define INT_VAL(x)         ((Value){.tag = V_INT, .as.i = (x)})
#define FLOAT_VAL(x)       ((Value){.tag = V_FLOAT, .as.f = (x)})
#define OBJ_VAL(t, p)      ((Value){.tag = (t), .as.o = (Obj *)(p)})

#define IS_NIL(v)          ((v).tag == V_NIL)
#define IS_BOOL(v)         ((v).tag == V_BOOL)
#define IS_INT(v)          ((v).tag == V_INT)
#define IS_FLOAT(v)        ((v).tag == V_FLOAT)
#define IS_NUMBER(v)       ((v).tag == V_INT || (v).tag == V_FLOAT)
#define IS_OBJ(v)          ((v).tag >= V_FIRST_OBJ)
#define IS_STRING(v)       ((v).tag == V_STRING)
#define IS_LIST(v)         ((v).tag == V_LIST)
#define IS_MAP(v)          ((v).tag == V_MAP)
#define IS_CLOSURE(v)      ((v).tag == V_CLOSURE)
#define IS_INSTANCE(v)     ((v).tag == V_INSTANCE)
#define IS_CLASS(v)        ((v).tag == V_CLASS)
#define IS_FIBER(v)        ((v).tag == V_FIBER)
#define IS_CHANNEL(v)      ((v).tag == V_CHANNEL)

#define AS_OBJ(v)          ((v).as.o)
#define AS_INT(v)          ((v).as.i)
#define AS_FLOAT(v)        ((v).as.f)
#define AS_BOOL(v)         ((v).as.b)
#define AS_NUMBER(v)       (IS_INT(v) ? (double)AS_INT(v) : AS_FLOAT(v))

/* Functions, not macros: the argument is often an expression with a side
 * effect or a cost (a register read through the frame, a call). */
static inline bool value_falsy(Value v) { return v.tag == V_NIL || (v.tag == V_BOOL && !v.as.b); }
static inline bool value_truthy(Value v) { return !value_falsy(v); }
#define IS_FALSY(v)        value_falsy(v)
#define IS_TRUTHY(v)       value_truthy(v)

#endif
