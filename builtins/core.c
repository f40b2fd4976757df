/* core.c — builtins: print str int float type len assert error range clock
 * input ord chr, and the range methods. */
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <errno.h>
#include <math.h>
#include <time.h>
#include "builtins.h"
#include "arith.h"
#include "fiber.h"
#include "stream.h"
#include "utf8.h"

typedef struct {
  const char *bytes;
  size_t len;
} WriteJob;

static void write_job(VM *vm, void *ud) {
  WriteJob *job = ud;
  vm_write_out(vm, job->bytes, job->len);
}

static Value core_print(VM *vm, int argc, Value *args) {
  int base = (int)(args - vm->fiber->stack);
  /* each str() may run script (and even yield): convert one at a time,
   * keeping the pieces on the VM stack, then write the line at once */
  for (int i = 0; i < argc; i++) {
    Value v = vm->fiber->stack[base + i];
    if (!IS_STRING(v)) {
      ObjString *s = vm_tostring(vm, v);
      vm->fiber->stack[base + i] = STR_VAL(s);
    }
  }
  size_t total = argc > 0 ? (size_t)argc : 1;
  for (int i = 0; i < argc; i++) total += AS_STRING(vm->fiber->stack[base + i])->len;
  char small[512];
  char *buf = total <= sizeof small ? small : malloc(total);
  if (!buf) vm_throw(vm, "out of memory");
  size_t len = 0;
  for (int i = 0; i < argc; i++) {
    ObjString *s = AS_STRING(vm->fiber->stack[base + i]);
    if (i) buf[len++] = ' ';
    memcpy(buf + len, s->chars, s->len);
    len += s->len;
  }
  buf[len++] = '\n';
  if (buf == small) {
    vm_write_out(vm, buf, len);
  } else {   /* the write may park and then raise a cancel: free buf first */
    WriteJob job = {buf, len};
    Value err;
    bool ok = vm_protect(vm, write_job, &job, &err);
    free(buf);
    if (!ok) vm_throw_value(vm, err);
  }
  vm_check_output(vm);
  return NIL_VAL;
}

static Value core_str(VM *vm, int argc, Value *args) {
  return STR_VAL(vm_tostring(vm, args[0]));
}

static const char *skip_space(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
  return p;
}

/* Parse a whole string as an int (decimal, 0x, 0b, underscores between
 * digits, optional sign, surrounding whitespace). */
static bool parse_int(const char *s, size_t n, int64_t *out) {
  const char *p = s, *end = s + n;
  p = skip_space(p, end);
  while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r')) end--;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) { neg = *p == '-'; p++; }
  int base = 10;
  if (end - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) { base = 16; p += 2; }
  else if (end - p > 2 && p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) { base = 2; p += 2; }
  if (p >= end) return false;
  uint64_t v = 0;
  bool any = false;
  for (; p < end; p++) {
    int d;
    char c = *p;
    if (c == '_' && any && p + 1 < end && p[1] != '_') continue;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    if (d >= base) return false;
    if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) return false;
    v = v * (uint64_t)base + (uint64_t)d;
    any = true;
  }
  if (!any) return false;
  if (neg) {
    if (v > (uint64_t)INT64_MAX + 1) return false;
    *out = (int64_t)(0 - v);
  } else {
    if (v > (uint64_t)INT64_MAX) return false;
    *out = (int64_t)v;
  }
  return true;
}

static bool parse_float(const char *s, size_t n, double *out) {
  char buf[128];
  if (n == 0 || n >= sizeof buf) return false;
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\0') return false;
    if (s[i] != '_') buf[j++] = s[i];
  }
  buf[j] = '\0';
  const char *p = skip_space(buf, buf + j);
  if (!*p) return false;
  char *endp;
  errno = 0;
  double d = strtod(p, &endp);
  if (endp == p) return false;
  endp = (char *)skip_space(endp, buf + j);
  if (*endp) return false;
  *out = d;
  return true;
}

static Value core_int(VM *vm, int argc, Value *args) {
  Value v = args[0];
  switch (v.tag) {
    case V_INT: return v;
    case V_FLOAT: {
      double d = AS_FLOAT(v);
      if (isnan(d) || isinf(d)) vm_throw(vm, "cannot convert %s to int", isnan(d) ? "nan" : "inf");
      d = trunc(d);
      if (d < -9223372036854775808.0 || d >= 9223372036854775808.0) vm_throw(vm, "float out of int range");
      return INT_VAL((int64_t)d);
    }
    case V_BOOL: return INT_VAL(AS_BOOL(v) ? 1 : 0);
    case V_STRING: {
      ObjString *s = AS_STRING(v);
      int64_t i;
      if (parse_int(s->chars, s->len, &i)) return INT_VAL(i);
      double d;
      if (parse_float(s->chars, s->len, &d) && isfinite(d) && d == trunc(d) &&
          d >= -9223372036854775808.0 && d < 9223372036854775808.0 && memchr(s->chars, '.', s->len))
        return INT_VAL((int64_t)d);
      vm_throw(vm, "invalid int: %s", vm_repr(vm, v)->chars);
    }
    default: vm_throw(vm, "cannot convert %s to int", value_type_name(v));
  }
}

static Value core_float(VM *vm, int argc, Value *args) {
  Value v = args[0];
  switch (v.tag) {
    case V_FLOAT: return v;
    case V_INT: return FLOAT_VAL((double)AS_INT(v));
    case V_BOOL: return FLOAT_VAL(AS_BOOL(v) ? 1.0 : 0.0);
    case V_STRING: {
      ObjString *s = AS_STRING(v);
      double d;
      if (parse_float(s->chars, s->len, &d)) return FLOAT_VAL(d);
      int64_t i;
      if (parse_int(s->chars, s->len, &i)) return FLOAT_VAL((double)i);
      vm_throw(vm, "invalid float: %s", vm_repr(vm, v)->chars);
    }
    default: vm_throw(vm, "cannot convert %s to float", value_type_name(v));
  }
}

static Value core_type(VM *vm, int argc, Value *args) {
  return STR_VAL(str_cstr(vm, value_type_name(args[0])));
}

static Value core_len(VM *vm, int argc, Value *args) {
  Value v = args[0];
  switch (v.tag) {
    case V_STRING: return INT_VAL((int64_t)AS_STRING(v)->len);
    case V_LIST: return INT_VAL(AS_LIST(v)->count);
    case V_MAP: return INT_VAL(AS_MAP(v)->t.live);
    case V_RANGE: {
      uint64_t n = range_count(AS_RANGE(v));
      if (n > INT64_MAX) vm_throw(vm, "len() of %s: too many elements for an int", vm_repr(vm, v)->chars);
      return INT_VAL((int64_t)n);
    }
    case V_CHANNEL: return INT_VAL(channel_len(v));
    case V_INSTANCE: {
      Value m;
      if (vm_op_method(vm, v, "len", &m)) return vm_call_op(vm, m, 1, v, NIL_VAL, NIL_VAL);
    }
      /* fall through */
    default: vm_throw(vm, "len() of %s", value_type_name(v));
  }
}

static Value core_assert(VM *vm, int argc, Value *args) {
  arg_count(vm, "assert", argc, 1, 2);
  if (IS_TRUTHY(args[0])) return NIL_VAL;
  if (argc > 1) {
    ObjString *m = vm_tostring(vm, args[1]);
    vm_throw(vm, "assertion failed: %s", m->chars);
  }
  vm_throw(vm, "assertion failed");
}

static Value core_error(VM *vm, int argc, Value *args) {
  ObjString *m = IS_STRING(args[0]) ? AS_STRING(args[0]) : vm_tostring(vm, args[0]);
  vm_throw_value(vm, vm_make_error(vm, m));
}

static Value core_range(VM *vm, int argc, Value *args) {
  arg_count(vm, "range", argc, 1, 3);
  int64_t a = 0, b, step = 1;
  if (argc == 1) b = arg_int(vm, "range", args, 0);
  else { a = arg_int(vm, "range", args, 0); b = arg_int(vm, "range", args, 1); }
  if (argc == 3) step = arg_int(vm, "range", args, 2);
  if (step == 0) vm_throw_kind(vm, "value", "range() step must not be zero");
  return OBJ_VAL(V_RANGE, range_new_step(vm, a, b, step));
}

static Value core_clock(VM *vm, int argc, Value *args) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return FLOAT_VAL((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static Value core_input(VM *vm, int argc, Value *args) {
  arg_count(vm, "input", argc, 0, 1);
  if (argc) {
    ObjString *p = vm_tostring(vm, args[0]);
    vm_write_out(vm, p->chars, p->len);
  }
  vm_flush(vm);
  vm_check_output(vm);
  /* Only this fiber waits for the line (stream.c). A line that spans
   * refills of stdin's buffer collects its pieces in a rooted string. */
  int acc = vm->fiber->top;
  vm_push(vm, NIL_VAL);
  for (;;) {
    const char *bytes;
    size_t n = stream_fill(vm, stdin, "stdin", &bytes);
    if (n == 0) break;
    const char *nl = memchr(bytes, '\n', n);
    size_t take = nl ? (size_t)(nl - bytes) + 1 : n;
    ObjString *piece = str_new(vm, bytes, nl ? take - 1 : take);
    stream_consume(stdin, take);
    Value *slot = vm_slot(vm, acc);
    if (IS_NIL(*slot)) *slot = STR_VAL(piece);
    else {
      vm_push(vm, STR_VAL(piece));
      ObjString *joined = str_concat(vm, AS_STRING(*vm_slot(vm, acc)), piece);
      *vm_slot(vm, acc) = STR_VAL(joined);
      vm_pop(vm);
    }
    if (nl) break;
  }
  Value line = *vm_slot(vm, acc);
  vm->fiber->top = acc;
  if (IS_NIL(line)) return NIL_VAL;
  ObjString *s = AS_STRING(line);
  if (s->len && s->chars[s->len - 1] == '\r') return STR_VAL(str_new(vm, s->chars, s->len - 1));
  return line;
}

static Value core_ord(VM *vm, int argc, Value *args) {
  if (!IS_STRING(args[0])) vm_arg_error(vm, "ord", 1, "a string", args[0]);
  ObjString *s = AS_STRING(args[0]);
  if (s->len == 0) vm_throw_kind(vm, "value", "ord() of an empty string");
  uint32_t cp;
  if (!utf8_decode(s->chars, s->len, &cp))
    vm_throw_kind(vm, "value", "ord() of invalid UTF-8 (byte 0x%02x)", (unsigned char)s->chars[0]);
  return INT_VAL(cp);
}

static Value core_chr(VM *vm, int argc, Value *args) {
  int64_t cp = arg_int(vm, "chr", args, 0);
  if (cp < 0 || cp > 0x10ffff)
    vm_throw_kind(vm, "value", "chr() code point %lld is outside 0 to 0x10FFFF", (long long)cp);
  if (cp >= 0xd800 && cp <= 0xdfff)
    vm_throw_kind(vm, "value", "chr() code point 0x%llX is a surrogate", (long long)cp);
  char buf[4];
  return STR_VAL(str_new(vm, buf, utf8_encode((uint32_t)cp, buf)));
}

/* range methods */
static Value range_len(VM *vm, int argc, Value *args) { return core_len(vm, 1, args); }
static Value range_contains(VM *vm, int argc, Value *args) {
  ObjRange *r = AS_RANGE(args[0]);
  Value v = args[1];
  int64_t n;
  if (IS_INT(v)) n = AS_INT(v);
  else if (IS_FLOAT(v) && AS_FLOAT(v) == floor(AS_FLOAT(v)) && AS_FLOAT(v) >= -0x1p63 && AS_FLOAT(v) < 0x1p63) n = (int64_t)AS_FLOAT(v);
  else return BOOL_VAL(false);
  /* n = start + i * step for an i below the count, in unsigned steps */
  bool up = r->step > 0;
  if (up ? n < r->start : n > r->start) return BOOL_VAL(false);
  uint64_t d = up ? (uint64_t)n - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)n;
  uint64_t s = up ? (uint64_t)r->step : 0 - (uint64_t)r->step;
  return BOOL_VAL(d % s == 0 && d / s < r->count);
}
static Value range_list(VM *vm, int argc, Value *args) {
  ObjRange *r = AS_RANGE(args[0]);
  uint64_t n = range_count(r);
  if (n > 100000000) vm_throw(vm, "range too large for a list");
  ObjList *l = list_new(vm, (uint32_t)n);
  for (uint64_t i = 0; i < n; i++) l->items[i] = INT_VAL(range_at(r, i));
  l->count = (uint32_t)n;
  return LIST_VAL(l);
}

/* A range of count ints from start by step; its shown end is the int just
 * past the last one. A step too large for an int only matters when a second
 * int needs it. */
static Value derived_range(VM *vm, int64_t start, uint64_t count, int64_t step, bool step_overflowed) {
  if (step_overflowed && count > 1) vm_throw_kind(vm, "overflow", "range step out of int range");
  if (step_overflowed) step = 1;
  ObjRange *r = range_new_step(vm, start, start, step);
  r->count = count;
  r->end = (int64_t)((uint64_t)start + count * (uint64_t)step);
  return OBJ_VAL(V_RANGE, r);
}

/* r.step(k): every k-th int of r, like Python's r[::k]: from the first int
 * when k > 0, from the last one backwards when k < 0. */
static Value range_step(VM *vm, int argc, Value *args) {
  ObjRange *r = AS_RANGE(args[0]);
  int64_t k = arg_int(vm, "step", args, 1);
  if (k == 0) vm_throw_kind(vm, "value", "range step must not be zero");
  uint64_t ak = k > 0 ? (uint64_t)k : 0 - (uint64_t)k;
  uint64_t count = r->count / ak + (r->count % ak != 0);
  int64_t first = k > 0 || r->count == 0 ? r->start : range_at(r, r->count - 1);
  int64_t step;
  bool over = __builtin_mul_overflow(r->step, k, &step);
  return derived_range(vm, first, count, step, over);
}

/* r.reversed(): the same ints, last first */
static Value range_reversed(VM *vm, int argc, Value *args) {
  ObjRange *r = AS_RANGE(args[0]);
  int64_t first = r->count ? range_at(r, r->count - 1) : r->start;
  return derived_range(vm, first, r->count, (int64_t)(0 - (uint64_t)r->step), r->step == INT64_MIN);
}

void lib_core_open(VM *vm) {
  vm_define_native(vm, "print", core_print, -1, "print(...)\nWrite str() of each argument, separated by spaces, and a newline.");
  vm_define_native(vm, "str", core_str, 1, "str(v)\nThe value as a string (instances through their str() method).");
  vm_define_native(vm, "int", core_int, 1, "int(v)\nAn int: parses a string, truncates a float.");
  vm_define_native(vm, "float", core_float, 1, "float(v)\nA float: parses a string, converts an int.");
  vm_define_native(vm, "type", core_type, 1, "type(v)\nThe name of the value's type: \"int\", \"string\", \"list\"...");
  vm_define_native(vm, "len", core_len, 1, "len(v)\nBytes of a string, elements of a list, map or range.");
  vm_define_native(vm, "assert", core_assert, -1, "assert(cond, msg?)\nRaise \"assertion failed: msg\" unless cond is true.");
  vm_define_native(vm, "error", core_error, 1, "error(msg)\nRaise an Error with that message.");
  vm_define_native(vm, "range", core_range, -1, "range(n), range(a, b) or range(a, b, step)\nThe ints 0..n, a..b (b excluded) or a, a + step, ... before b (step may be negative).");
  vm_define_native(vm, "clock", core_clock, 0, "clock()\nCPU seconds used by the process, a float.");
  vm_define_native(vm, "ord", core_ord, 1, "ord(s)\nThe code point of the first UTF-8 character of s.");
  vm_define_native(vm, "chr", core_chr, 1, "chr(n)\nThe one-character UTF-8 string of code point n.");
  vm_define_native(vm, "input", core_input, -1, "input(prompt?)\nOne line of standard input without its newline; nil at end of input.");
  vm_define_method(vm, &vm->range_methods, "len", range_len, 1, "range.len()\nThe number of ints in the range.");
  vm_define_method(vm, &vm->range_methods, "contains", range_contains, 2, "range.contains(n)\nWhether the int n lies in the range.");
  lib_help_open(vm);
  vm_define_method(vm, &vm->range_methods, "list", range_list, 1, "range.list()\nA list of the range's ints.");
  vm_define_method(vm, &vm->range_methods, "step", range_step, 2, "range.step(k)\nEvery k-th int of the range (k < 0: from the last int backwards).");
  vm_define_method(vm, &vm->range_methods, "reversed", range_reversed, 1, "range.reversed()\nThe same ints, last first.");
}

void builtins_open(VM *vm) {
  lib_core_open(vm);
  lib_string_open(vm);
  lib_list_open(vm);
  lib_map_open(vm);
  lib_fiber_open(vm);
}

_Noreturn void method_not_on(VM *vm, const char *name, ValueTag type) {
  vm_throw(vm, "%s() must be called on a %s", name, value_type_name((Value){.tag = type}));
}

int64_t method_int(VM *vm, const char *name, Value *args, int i) { return arg_int(vm, name, args + 1, i - 1); }

void method_argc(VM *vm, const char *name, int argc, int min, int max) {
  int n = argc - 1;
  if (n >= min && (max < 0 || n <= max)) return;
  if (max < 0) vm_throw(vm, "%s() expects at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", n);
  if (min == max) vm_throw(vm, "%s() expects %d argument%s, got %d", name, min, min == 1 ? "" : "s", n);
  if (max == min + 1) vm_throw(vm, "%s() expects %d or %d arguments, got %d", name, min, max, n);
  vm_throw(vm, "%s() expects %d to %d arguments, got %d", name, min, max, n);
}
