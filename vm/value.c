/* value.c — type names, equality and the printing rules of LANGUAGE.md §2. */
#include <string.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include "vm.h"
#include "arith.h"

const char *value_type_name(Value v) {
  switch ((ValueTag)v.tag) {
    case V_NIL: return "nil";
    case V_BOOL: return "bool";
    case V_INT: return "int";
    case V_FLOAT: return "float";
    case V_STRING: return "string";
    case V_LIST: return "list";
    case V_MAP: return "map";
    case V_RANGE: return "range";
    case V_CLOSURE: case V_NATIVE: case V_BOUND: return "function";
    case V_CLASS: return "class";
    case V_INSTANCE: return "instance";
    case V_MODULE: return "module";
    case V_FIBER: return "fiber";
    case V_CHANNEL: return "channel";
    case V_USERDATA: return "userdata";
    default: return "internal";
  }
}

bool values_equal(Value a, Value b) {
  if (a.tag == b.tag) {
    switch (a.tag) {
      case V_NIL: return true;
      case V_BOOL: return AS_BOOL(a) == AS_BOOL(b);
      case V_INT: return AS_INT(a) == AS_INT(b);
      case V_FLOAT: return AS_FLOAT(a) == AS_FLOAT(b);
      case V_STRING: return str_eq(AS_STRING(a), AS_STRING(b));
      default: return AS_OBJ(a) == AS_OBJ(b);
    }
  }
  if (IS_INT(a) && IS_FLOAT(b)) { Value t = a; a = b; b = t; }
  if (IS_FLOAT(a) && IS_INT(b)) {
    double d = AS_FLOAT(a);
    if (d != floor(d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0) return false;
    return (int64_t)d == AS_INT(b);
  }
  return false;
}

void format_float(double d, char *buf, size_t n) {
  if (isnan(d)) { snprintf(buf, n, "nan"); return; }
  if (isinf(d)) { snprintf(buf, n, d > 0 ? "inf" : "-inf"); return; }
  snprintf(buf, n, "%.14g", d);
  /* looks like an integer (only digits and '-')? then show it is a float */
  for (const char *p = buf; *p; p++)
    if (*p != '-' && (*p < '0' || *p > '9')) return;
  size_t len = strlen(buf);
  if (len + 2 < n) memcpy(buf + len, ".0", 3);
}

/* ---- building strings ------------------------------------------------ */

typedef struct {
  char *data;
  size_t len, cap;
  VM *vm;         /* for the size limits below */
  bool limited;   /* checked against the heap limit as it grows */
  /* how a REPL shows a result (vm_show): */
  bool color;     /* ANSI colors by kind of value */
  size_t limit;   /* shorten containers and strings past this many characters (0: never) */
  size_t escapes; /* bytes of color escapes so far (not shown as characters) */
} Buf;

/* The result becomes a string: it may not outgrow the heap limit (nor 4 GiB),
 * however it was built (a list of itself nested 40 deep is 2^40 elements). */
static void buf_check(Buf *b, size_t size) {
  if (!b->limited) return;
  if (b->vm->heap_limit && size > b->vm->heap_limit) vm_throw(b->vm, "out of memory");
  if (size > ((size_t)1 << 32)) vm_throw(b->vm, "string too large");
}

static void buf_add(Buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 64;
    while (nc < b->len + n + 1) nc *= 2;
    buf_check(b, nc);
    char *d = realloc(b->data, nc);
    if (!d) vm_out_of_memory(b->vm);   /* b->data is still owned: freed later */
    b->data = d;
    b->cap = nc;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
}
static void buf_str(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }

void append_quoted(void *bufp, const char *s, size_t n) {
  Buf *b = bufp;
  buf_add(b, "\"", 1);
  for (size_t i = 0; i < n; i++) {
    /* a run of characters shown as they are goes in at once */
    size_t run = i;
    while (run < n && (unsigned char)s[run] >= 0x20 && s[run] != 0x7f && s[run] != '"' && s[run] != '\\') run++;
    if (run > i) {
      buf_add(b, s + i, run - i);
      i = run;
      if (i == n) break;
    }
    unsigned char c = (unsigned char)s[i];
    switch (c) {
      case '"': buf_add(b, "\\\"", 2); break;
      case '\\': buf_add(b, "\\\\", 2); break;
      case '\n': buf_add(b, "\\n", 2); break;
      case '\t': buf_add(b, "\\t", 2); break;
      case '\r': buf_add(b, "\\r", 2); break;
      case '\0': buf_add(b, "\\0", 2); break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char hex[8];
          snprintf(hex, sizeof hex, "\\x%02x", c);
          buf_add(b, hex, 4);
        } else {
          buf_add(b, (const char *)&c, 1);
        }
    }
  }
  buf_add(b, "\"", 1);
}

/* Containers being printed, to show cycles as [...] / {...}. */
typedef struct Visiting {
  struct Visiting *prev;
  Obj *o;
} Visiting;

static void to_buf(VM *vm, Buf *b, Value v, bool quote, Visiting *seen, int depth);

/* str() of an instance through its class's str() method. The call may run
 * any script (even yield), so the result is rooted before returning. */
static ObjString *instance_str(VM *vm, Value v) {
  ObjInstance *inst = AS_INSTANCE(v);
  Value m = inst->klass->str;
  if (IS_NIL(m)) return NULL;
  Value r = vm_call(vm, m, 1, &v);   /* self is the method's first argument */
  if (!IS_STRING(r)) vm_throw(vm, "str() must return a string, not %s", value_type_name(r));
  return AS_STRING(r);
}

/* ---- vm_show: colors and shortening ---- */

#define COLOR_NUMBER "\033[33m"
#define COLOR_STRING "\033[32m"
#define COLOR_CONST "\033[35m"       /* nil, true, false */
#define COLOR_OFF "\033[0m"

static void paint(Buf *b, const char *code) {
  if (!b->color) return;
  buf_str(b, code);
  b->escapes += strlen(code);
}

static bool over_limit(const Buf *b) { return b->limit && b->len - b->escapes >= b->limit; }

/* before, n with its digits in groups of three, after: "… 999 997 more" */
static void more(Buf *b, const char *before, uint64_t n, const char *after) {
  char digits[32], grouped[48];
  int nd = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n), g = 0;
  for (int i = 0; i < nd; i++) {
    if (i && (nd - i) % 3 == 0) grouped[g++] = ' ';
    grouped[g++] = digits[i];
  }
  grouped[g] = 0;
  buf_str(b, before);
  buf_str(b, grouped);
  buf_str(b, after);
}

/* A string longer than what is left of the limit shows its start:
 * "abc…" (9 997 more bytes) */
static void shortened_string(Buf *b, const char *s, size_t n) {
  size_t used = b->len - b->escapes;
  size_t keep = used < b->limit ? b->limit - used : 0;
  if (keep < 16) keep = 16;
  while (keep < n && keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80) keep--;   /* whole UTF-8 characters */
  append_quoted(b, s, keep);
  b->len--;                                         /* reopen the closing quote */
  buf_str(b, "\xe2\x80\xa6\"");
  paint(b, COLOR_OFF);
  more(b, " (", n - keep, " more bytes)");
}

static void to_buf(VM *vm, Buf *b, Value v, bool quote, Visiting *seen, int depth) {
  char tmp[64];
  switch ((ValueTag)v.tag) {
    case V_NIL: paint(b, COLOR_CONST); buf_str(b, "nil"); paint(b, COLOR_OFF); return;
    case V_BOOL: paint(b, COLOR_CONST); buf_str(b, AS_BOOL(v) ? "true" : "false"); paint(b, COLOR_OFF); return;
    case V_INT:
      snprintf(tmp, sizeof tmp, "%lld", (long long)AS_INT(v));
      paint(b, COLOR_NUMBER); buf_str(b, tmp); paint(b, COLOR_OFF);
      return;
    case V_FLOAT:
      format_float(AS_FLOAT(v), tmp, sizeof tmp);
      paint(b, COLOR_NUMBER); buf_str(b, tmp); paint(b, COLOR_OFF);
      return;
    case V_STRING:
      if (!quote) { buf_add(b, AS_CSTR(v), AS_STRING(v)->len); return; }
      paint(b, COLOR_STRING);
      if (b->limit && AS_STRING(v)->len > 16 && b->len - b->escapes + AS_STRING(v)->len > b->limit) {
        shortened_string(b, AS_CSTR(v), AS_STRING(v)->len);
        return;
      }
      append_quoted(b, AS_CSTR(v), AS_STRING(v)->len);
      paint(b, COLOR_OFF);
      return;
    case V_LIST: case V_MAP: {
      bool is_list = IS_LIST(v);
      for (Visiting *s = seen; s; s = s->prev)
        if (s->o == AS_OBJ(v)) { buf_str(b, is_list ? "[...]" : "{...}"); return; }
      if (depth > 200) { buf_str(b, is_list ? "[...]" : "{...}"); return; }
      Visiting me = {seen, AS_OBJ(v)};
      if (vm->interrupted) vm_check_interrupt(vm);   /* printing can take long: Ctrl-C */
      if (vm_cstack_low(vm)) vm_throw(vm, "stack overflow");   /* 200 levels do not fit a small fiber stack */
      if (is_list) {
        buf_add(b, "[", 1);
        ObjList *l = AS_LIST(v);
        for (uint32_t i = 0; i < l->count; i++) {
          if (i) buf_add(b, ", ", 2);
          if (i && over_limit(b)) { more(b, "\xe2\x80\xa6 ", l->count - i, " more"); break; }
          to_buf(vm, b, l->items[i], true, &me, depth + 1);
        }
        buf_add(b, "]", 1);
      } else {
        buf_add(b, "{", 1);
        Table *t = &AS_MAP(v)->t;
        uint32_t shown = 0;
        for (uint32_t i = 0; i < t->count; i++) {
          if (IS_NIL(table_key(t, i))) continue;
          if (shown) buf_add(b, ", ", 2);
          if (shown && over_limit(b)) { more(b, "\xe2\x80\xa6 ", t->live - shown, " more"); break; }
          shown++;
          to_buf(vm, b, table_key(t, i), true, &me, depth + 1);
          buf_add(b, ": ", 2);
          to_buf(vm, b, t->entries[i].value, true, &me, depth + 1);
        }
        buf_add(b, "}", 1);
      }
      return;
    }
    case V_RANGE: {
      const ObjRange *r = AS_RANGE(v);
      char rt[80];   /* three int64s with a stepped range's decoration */
      if (r->step == 1) snprintf(rt, sizeof rt, "%lld..%lld", (long long)r->start, (long long)r->end);
      else snprintf(rt, sizeof rt, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->end, (long long)r->step);
      buf_str(b, rt);
      return;
    }
    case V_CLOSURE: buf_str(b, "<fn "); buf_str(b, AS_CLOSURE(v)->p->name->chars); buf_str(b, ">"); return;
    case V_NATIVE: buf_str(b, "<fn "); buf_str(b, AS_NATIVE(v)->name->chars); buf_str(b, ">"); return;
    case V_BOUND: {
      Value m = AS_BOUND(v)->method;
      to_buf(vm, b, m, quote, seen, depth);
      return;
    }
    case V_CLASS: buf_str(b, "<class "); buf_str(b, AS_CLASS(v)->name->chars); buf_str(b, ">"); return;
    case V_INSTANCE: {
      if (!IS_NIL(AS_INSTANCE(v)->klass->str)) {
        /* the buffer is C memory: safe across the call (even a yield) */
        ObjString *s = instance_str(vm, v);
        buf_add(b, s->chars, s->len);
        return;
      }
      buf_str(b, "<");
      buf_str(b, AS_INSTANCE(v)->klass->name->chars);
      buf_str(b, " instance>");
      return;
    }
    case V_MODULE: buf_str(b, "<module "); buf_str(b, AS_MODULE(v)->name->chars); buf_str(b, ">"); return;
    case V_FIBER: {
      Fiber *f = AS_FIBER(v);
      static const char *const states[] = {"new", "ready", "running", "suspended", "blocked", "done", "failed"};
      snprintf(tmp, sizeof tmp, "<fiber %lld %s>", (long long)f->id, states[f->state]);
      buf_str(b, tmp);
      return;
    }
    case V_CHANNEL: buf_str(b, "<channel>"); return;
    case V_USERDATA: {
      ObjUserdata *u = AS_USERDATA(v);
      if (u->klass && !IS_NIL(u->klass->str)) {
        Value r = vm_call(vm, u->klass->str, 1, &v);
        if (!IS_STRING(r)) vm_throw(vm, "str() must return a string, not %s", value_type_name(r));
        buf_add(b, AS_CSTR(r), AS_STRING(r)->len);
        return;
      }
      snprintf(tmp, sizeof tmp, "<%s userdata>", u->type_tag ? u->type_tag : "");
      buf_str(b, tmp);
      return;
    }
    default: buf_str(b, "<internal>"); return;
  }
}

static void buf_finalize(void *data) {
  Buf *b = data;
  free(b->data);
  b->data = NULL;
}

/* Containers and instances may run str() methods, which may throw or even
 * yield and never be resumed (a dropped generator), and a string's repr is
 * as long as the string (its buffer may not fit). So their buffer's memory
 * is owned by a GC object on the VM stack: whatever happens, it is freed. */
static ObjString *stringify(VM *vm, Value v, bool quote, const Buf *style) {
  bool big = IS_INSTANCE(v) || IS_LIST(v) || IS_MAP(v) || v.tag == V_USERDATA || IS_STRING(v);
  if (!big) {
    /* no script runs here: small, no limit check. The VM owns the buffer
     * while the string is made, so running out of memory there leaks
     * nothing (it is freed by the next call, or with the VM). */
    Buf b = *style;
    b.vm = vm;
    b.limited = false;
    to_buf(vm, &b, v, quote, NULL, 0);
    free(vm->str_scratch);
    vm->str_scratch = b.data;
    return str_new(vm, b.data ? b.data : "", b.len);
  }
  vm_push(vm, v);
  ObjUserdata *u = obj_alloc(vm, sizeof(ObjUserdata) + sizeof(Buf), V_USERDATA);
  u->data = (char *)u + sizeof(ObjUserdata);
  u->size = sizeof(Buf);
  u->finalize = buf_finalize;
  u->type_tag = "buffer";
  vm_push(vm, OBJ_VAL(V_USERDATA, u));
  Buf *b = u->data;
  *b = *style;
  b->vm = vm;
  b->limited = true;
  to_buf(vm, b, v, quote, NULL, 0);
  ObjString *s = str_new(vm, b->data ? b->data : "", b->len);
  buf_finalize(b);
  vm_pop(vm);
  vm_pop(vm);
  return s;
}

static const Buf plain;

ObjString *vm_tostring(VM *vm, Value v) {
  if (IS_STRING(v)) return AS_STRING(v);
  return stringify(vm, v, false, &plain);
}

ObjString *vm_repr(VM *vm, Value v) { return stringify(vm, v, true, &plain); }

ObjString *vm_show(VM *vm, Value v, bool color, size_t limit) {
  Buf style = {.color = color, .limit = limit};
  return stringify(vm, v, true, &style);
}
