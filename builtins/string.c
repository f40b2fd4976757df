/* string.c (stdlib) — the methods of string values (LANGUAGE.md §10).
 *
 * Strings are immutable byte sequences that may contain NUL: everything here
 * works with lengths, never strlen. Methods get the receiver in args[0].
 *
 * GC discipline: the receiver and the arguments stay rooted in their VM stack
 * slots for the whole call, so ObjString pointers taken from them stay valid;
 * the `args` pointer itself goes stale after a push or a call back into
 * script, so code that does either reads arguments into locals first (or
 * keeps the slot index). Results under construction are pushed on the VM
 * stack. No malloc'd memory is held across anything that can throw or
 * switch fibers. Documented behaviour: docs/stdlib-methods.md. */
#define _GNU_SOURCE
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <math.h>
#include "builtins.h"
#include "arith.h"
#include "utf8.h"

/* ---- argument helpers (user-facing counts exclude the receiver) --------- */

static ObjString *self_str(VM *vm, const char *name, int argc, Value *args, int min, int max) {
  return AS_STRING(method_self(vm, name, argc, args, V_STRING, min, max));
}

static ObjString *want_str(VM *vm, const char *name, Value *args, int i) {
  if (!IS_STRING(args[i])) vm_arg_error(vm, name, i, "a string", args[i]);
  return AS_STRING(args[i]);
}

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Results longer than this raise "... result is too large" instead of
 * trying to allocate absurd amounts of memory. */
#define STR_MAX_LEN ((size_t)0x7fffffff)

/* A finished string from a buffer filled in place after str_alloc. */
static Value finish(VM *vm, ObjString *s) { return STR_VAL(str_take_buffer(vm, s)); }

/* ---- simple methods ------------------------------------------------------ */

static Value sm_len(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "len", argc, args, 0, 0);
  return INT_VAL((int64_t)s->len);
}

static Value change_case(VM *vm, int argc, Value *args, bool up) {
  ObjString *s = self_str(vm, up ? "upper" : "lower", argc, args, 0, 0);
  size_t i = 0;
  for (; i < s->len; i++) {
    unsigned char c = (unsigned char)s->chars[i];
    if (up ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) break;
  }
  if (i == s->len) return args[0];          /* nothing to change */
  ObjString *r = str_alloc(vm, s->len);     /* s stays rooted in args[0] */
  for (i = 0; i < s->len; i++) {
    unsigned char c = (unsigned char)s->chars[i];
    if (up && c >= 'a' && c <= 'z') c = (unsigned char)(c - 'a' + 'A');
    else if (!up && c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
    r->chars[i] = (char)c;
  }
  return finish(vm, r);
}
static Value sm_upper(VM *vm, int argc, Value *args) { return change_case(vm, argc, args, true); }
static Value sm_lower(VM *vm, int argc, Value *args) { return change_case(vm, argc, args, false); }

/* The length of the first (at_end: last) character of s (n > 0 bytes) if
 * it is one of the characters of `set`, else 0. Both are read as UTF-8
 * characters, a byte that starts none counting as one of its own, so whole
 * characters go or stay: never half an "é". */
static size_t strip_match(const ObjString *set, const char *s, size_t n, bool at_end) {
  size_t k = at_end ? utf8_step_back(s, n) : utf8_step(s, n);
  const char *c = at_end ? s + n - k : s;
  for (size_t i = 0; i < set->len;) {
    size_t ks = utf8_step(set->chars + i, set->len - i);
    if (ks == k && memcmp(c, set->chars + i, k) == 0) return k;
    i += ks;
  }
  return 0;
}

/* strip/lstrip/rstrip (chars?) and their older names trim/ltrim/rtrim,
 * which take no argument. Without chars: ASCII whitespace. */
static Value do_strip(VM *vm, int argc, Value *args, const char *name, int max, bool left, bool right) {
  ObjString *s = self_str(vm, name, argc, args, 0, max);
  ObjString *set = NULL;
  if (argc > 1 && !IS_NIL(args[1])) set = want_str(vm, name, args, 1);
  size_t a = 0, b = s->len;
  if (!set) {
    if (left) while (a < b && is_space((unsigned char)s->chars[a])) a++;
    if (right) while (b > a && is_space((unsigned char)s->chars[b - 1])) b--;
  } else {
    size_t k;
    if (left) while (a < b && (k = strip_match(set, s->chars + a, b - a, false)) > 0) a += k;
    if (right) while (b > a && (k = strip_match(set, s->chars + a, b - a, true)) > 0) b -= k;
  }
  if (a == 0 && b == s->len) return args[0];
  return STR_VAL(str_new(vm, s->chars + a, b - a));
}
static Value sm_strip(VM *vm, int argc, Value *args) { return do_strip(vm, argc, args, "strip", 1, true, true); }
static Value sm_lstrip(VM *vm, int argc, Value *args) { return do_strip(vm, argc, args, "lstrip", 1, true, false); }
static Value sm_rstrip(VM *vm, int argc, Value *args) { return do_strip(vm, argc, args, "rstrip", 1, false, true); }
static Value sm_trim(VM *vm, int argc, Value *args) { return do_strip(vm, argc, args, "trim", 0, true, true); }
static Value sm_ltrim(VM *vm, int argc, Value *args) { return do_strip(vm, argc, args, "ltrim", 0, true, false); }
static Value sm_rtrim(VM *vm, int argc, Value *args) { return do_strip(vm, argc, args, "rtrim", 0, false, true); }

/* pad_left/pad_right(n, c = " "): fill up to n characters, never cut. */
static Value do_pad(VM *vm, int argc, Value *args, const char *name, bool left) {
  ObjString *s = self_str(vm, name, argc, args, 1, 2);
  int64_t width = method_int(vm, name, args, 1);
  const char *fill = " ";
  size_t fill_len = 1;
  if (argc > 2 && !IS_NIL(args[2])) {
    ObjString *c = want_str(vm, name, args, 2);
    if (c->len == 0 || utf8_step(c->chars, c->len) != c->len)
      vm_throw_kind(vm, "value", "%s() fill must be one character, got %s", name, vm_repr(vm, args[2])->chars);
    fill = c->chars;                       /* c stays rooted in args[2] */
    fill_len = c->len;
  }
  size_t have = utf8_count(s->chars, s->len);
  if (width <= (int64_t)have) return args[0];
  uint64_t pad = (uint64_t)width - have;
  if (pad > (STR_MAX_LEN - s->len) / fill_len) vm_throw(vm, "%s() result is too large", name);
  size_t pad_bytes = (size_t)pad * fill_len;
  ObjString *r = str_alloc(vm, s->len + pad_bytes);
  char *o = r->chars + (left ? 0 : s->len);
  for (uint64_t i = 0; i < pad; i++, o += fill_len) memcpy(o, fill, fill_len);
  memcpy(r->chars + (left ? pad_bytes : 0), s->chars, s->len);
  return finish(vm, r);
}
static Value sm_pad_left(VM *vm, int argc, Value *args) { return do_pad(vm, argc, args, "pad_left", true); }
static Value sm_pad_right(VM *vm, int argc, Value *args) { return do_pad(vm, argc, args, "pad_right", false); }

/* is_digit/is_alpha/is_space: every byte is an ASCII digit / letter /
 * whitespace, and there is at least one (Python's rule for ""). */
static Value all_bytes(VM *vm, int argc, Value *args, const char *name, int (*test)(unsigned char)) {
  ObjString *s = self_str(vm, name, argc, args, 0, 0);
  for (size_t i = 0; i < s->len; i++)
    if (!test((unsigned char)s->chars[i])) return BOOL_VAL(false);
  return BOOL_VAL(s->len > 0);
}
static int ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int ascii_space(unsigned char c) { return is_space(c); }
static Value sm_is_digit(VM *vm, int argc, Value *args) { return all_bytes(vm, argc, args, "is_digit", ascii_digit); }
static Value sm_is_alpha(VM *vm, int argc, Value *args) { return all_bytes(vm, argc, args, "is_alpha", ascii_alpha); }
static Value sm_is_space(VM *vm, int argc, Value *args) { return all_bytes(vm, argc, args, "is_space", ascii_space); }

/* ---- searching ------------------------------------------------------------ */

static const char *find_bytes(const char *h, size_t hn, const char *n, size_t nn) {
  if (nn == 0) return h;
  if (nn > hn) return NULL;
  return memmem(h, hn, n, nn);
}

static Value sm_find(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "find", argc, args, 1, 2);
  ObjString *sub = want_str(vm, "find", args, 1);
  int64_t start = 0;
  if (argc > 2 && !IS_NIL(args[2])) {
    start = method_int(vm, "find", args, 2);
    if (start < 0) { start += (int64_t)s->len; if (start < 0) start = 0; }
  }
  if (start > (int64_t)s->len) return INT_VAL(-1);
  const char *p = find_bytes(s->chars + start, s->len - (size_t)start, sub->chars, sub->len);
  return INT_VAL(p ? (int64_t)(p - s->chars) : -1);
}

static Value sm_contains(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "contains", argc, args, 1, 1);
  ObjString *sub = want_str(vm, "contains", args, 1);
  return BOOL_VAL(find_bytes(s->chars, s->len, sub->chars, sub->len) != NULL);
}

/* Non-overlapping occurrences, left to right. The empty string occurs
 * before every character and at the end, as in Python. */
static Value sm_count(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "count", argc, args, 1, 1);
  ObjString *sub = want_str(vm, "count", args, 1);
  if (sub->len == 0) return INT_VAL((int64_t)utf8_count(s->chars, s->len) + 1);
  int64_t n = 0;
  const char *p = s->chars, *end = s->chars + s->len;
  while ((p = find_bytes(p, (size_t)(end - p), sub->chars, sub->len)) != NULL) { n++; p += sub->len; }
  return INT_VAL(n);
}

static Value sm_starts_with(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "starts_with", argc, args, 1, 1);
  ObjString *p = want_str(vm, "starts_with", args, 1);
  return BOOL_VAL(p->len <= s->len && memcmp(s->chars, p->chars, p->len) == 0);
}

static Value sm_ends_with(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "ends_with", argc, args, 1, 1);
  ObjString *p = want_str(vm, "ends_with", args, 1);
  return BOOL_VAL(p->len <= s->len && memcmp(s->chars + s->len - p->len, p->chars, p->len) == 0);
}

/* ---- building new strings ------------------------------------------------- */

static Value sm_replace(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "replace", argc, args, 2, 2);
  ObjString *a = want_str(vm, "replace", args, 1);
  ObjString *b = want_str(vm, "replace", args, 2);
  /* count the (non-overlapping, left to right) matches; an empty pattern
   * matches before every byte and at the end, like Python */
  size_t count = 0;
  if (a->len == 0) {
    count = s->len + 1;
  } else {
    const char *p = s->chars, *end = s->chars + s->len;
    while ((p = find_bytes(p, (size_t)(end - p), a->chars, a->len)) != NULL) { count++; p += a->len; }
  }
  if (count == 0) return args[0];
  size_t keep = s->len - (a->len ? count * a->len : 0);
  if (keep > STR_MAX_LEN || (b->len && count > (STR_MAX_LEN - keep) / b->len))
    vm_throw(vm, "replace() result is too large");
  size_t total = keep + count * b->len;
  ObjString *r = str_alloc(vm, total);     /* s, a, b stay rooted in args */
  char *o = r->chars;
  if (a->len == 0) {
    for (size_t i = 0; i < s->len; i++) {
      memcpy(o, b->chars, b->len); o += b->len;
      *o++ = s->chars[i];
    }
    memcpy(o, b->chars, b->len);
  } else {
    const char *p = s->chars, *end = s->chars + s->len, *m;
    while ((m = find_bytes(p, (size_t)(end - p), a->chars, a->len)) != NULL) {
      memcpy(o, p, (size_t)(m - p)); o += m - p;
      memcpy(o, b->chars, b->len); o += b->len;
      p = m + a->len;
    }
    memcpy(o, p, (size_t)(end - p));
  }
  return finish(vm, r);
}

static Value sm_repeat(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "repeat", argc, args, 1, 1);
  int64_t n = method_int(vm, "repeat", args, 1);
  if (n <= 0 || s->len == 0) return STR_VAL(str_new(vm, "", 0));
  if (n == 1) return args[0];
  if ((uint64_t)n > STR_MAX_LEN / s->len) vm_throw(vm, "repeat() result is too large");
  size_t total = s->len * (size_t)n;
  ObjString *r = str_alloc(vm, total);
  memcpy(r->chars, s->chars, s->len);
  size_t done = s->len;
  while (done < total) {           /* doubling copies */
    size_t k = done <= total - done ? done : total - done;
    memcpy(r->chars + done, r->chars, k);
    done += k;
  }
  return finish(vm, r);
}

static void check_list_size(VM *vm, size_t n) {
  if (n > (size_t)UINT32_MAX / 2) vm_throw(vm, "string is too long to convert to a list");
}

static Value sm_bytes(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "bytes", argc, args, 0, 0);
  check_list_size(vm, s->len);
  ObjList *l = list_new(vm, (uint32_t)s->len);
  for (size_t i = 0; i < s->len; i++) l->items[i] = INT_VAL((unsigned char)s->chars[i]);
  l->count = (uint32_t)s->len;
  return LIST_VAL(l);
}

static Value sm_chars(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "chars", argc, args, 0, 0);
  check_list_size(vm, s->len);
  ObjList *l = list_new(vm, (uint32_t)s->len);
  vm_push(vm, LIST_VAL(l));                /* s stays rooted in its slot */
  for (size_t i = 0; i < s->len; i++) {
    Value c = STR_VAL(str_new(vm, s->chars + i, 1));
    l->items[l->count++] = c;
  }
  vm_pop(vm);
  return LIST_VAL(l);
}

static void push_piece(VM *vm, ObjList *l, const char *p, size_t n) {
  list_push(vm, l, STR_VAL(str_new(vm, p, n)));
}

static Value sm_split(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "split", argc, args, 0, 1);
  ObjString *sep = NULL;
  if (argc > 1 && !IS_NIL(args[1])) sep = want_str(vm, "split", args, 1);
  ObjList *l = list_new(vm, 0);
  vm_push(vm, LIST_VAL(l));                /* args is stale from here on */
  const char *p = s->chars, *end = s->chars + s->len;
  if (!sep) {
    /* runs of whitespace separate; no empty pieces */
    for (;;) {
      while (p < end && is_space((unsigned char)*p)) p++;
      if (p == end) break;
      const char *q = p;
      while (q < end && !is_space((unsigned char)*q)) q++;
      push_piece(vm, l, p, (size_t)(q - p));
      p = q;
    }
  } else if (sep->len == 0) {
    for (; p < end; p++) push_piece(vm, l, p, 1);
  } else {
    const char *m;
    while ((m = find_bytes(p, (size_t)(end - p), sep->chars, sep->len)) != NULL) {
      push_piece(vm, l, p, (size_t)(m - p));
      p = m + sep->len;
    }
    push_piece(vm, l, p, (size_t)(end - p));
  }
  vm_pop(vm);
  return LIST_VAL(l);
}

/* The lines of the text without their "\n" or "\r\n"; a final line break
 * ends the last line rather than starting an empty one (Python's
 * splitlines, io.lines). */
static Value sm_lines(VM *vm, int argc, Value *args) {
  ObjString *s = self_str(vm, "lines", argc, args, 0, 0);
  ObjList *l = list_new(vm, 0);
  vm_push(vm, LIST_VAL(l));                /* s stays rooted in its slot */
  const char *p = s->chars, *end = s->chars + s->len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    if (nl && stop > p && stop[-1] == '\r') stop--;
    push_piece(vm, l, p, (size_t)(stop - p));
    p = nl ? nl + 1 : end;
  }
  vm_pop(vm);
  return LIST_VAL(l);
}

/* str(v), with a fast path for the common scalar cases (vm_tostring builds
 * in a malloc'd buffer under a protected call). May run script. */
static ObjString *to_str(VM *vm, Value v) {
  char buf[64];
  switch (v.tag) {
    case V_STRING: return AS_STRING(v);
    case V_INT: {
      int n = snprintf(buf, sizeof buf, "%lld", (long long)AS_INT(v));
      return str_new(vm, buf, (size_t)n);
    }
    case V_FLOAT: format_float(AS_FLOAT(v), buf, sizeof buf); return str_new(vm, buf, strlen(buf));
    case V_NIL: return str_new(vm, "nil", 3);
    case V_BOOL: return AS_BOOL(v) ? str_new(vm, "true", 4) : str_new(vm, "false", 5);
    default: return vm_tostring(vm, v);
  }
}

/* sep.join(list), also used by list.join(sep) in list.c. Both sep and l must
 * be rooted by the caller. Non-string elements go through str(), which may
 * run script (an instance's str()) that may even change the list: the
 * strings are collected into a rooted scratch list first, re-reading the
 * list's length at every step. */
Value lib_string_join(VM *vm, ObjString *sep, ObjList *l) {
  bool all_strings = true;
  for (uint32_t i = 0; i < l->count; i++)
    if (!IS_STRING(l->items[i])) { all_strings = false; break; }
  if (all_strings && l->count == 1) return l->items[0];
  bool pushed = false;
  if (!all_strings) {
    ObjList *parts = list_new(vm, l->count);
    vm_push(vm, LIST_VAL(parts));
    pushed = true;
    for (uint32_t i = 0; i < l->count; i++) {
      Value v = l->items[i];
      if (!IS_STRING(v)) v = STR_VAL(to_str(vm, v));
      list_push(vm, parts, v);             /* roots v while it grows */
    }
    l = parts;
  }
  size_t total = 0;
  for (uint32_t i = 0; i < l->count; i++) {
    size_t add = AS_STRING(l->items[i])->len + (i ? sep->len : 0);
    if (add > STR_MAX_LEN - total) vm_throw(vm, "join() result is too large");
    total += add;
  }
  ObjString *r = str_alloc(vm, total);
  char *o = r->chars;
  for (uint32_t i = 0; i < l->count; i++) {
    if (i) { memcpy(o, sep->chars, sep->len); o += sep->len; }
    ObjString *e = AS_STRING(l->items[i]);
    memcpy(o, e->chars, e->len);
    o += e->len;
  }
  if (pushed) vm_pop(vm);
  return finish(vm, r);
}

static Value sm_join(VM *vm, int argc, Value *args) {
  ObjString *sep = self_str(vm, "join", argc, args, 1, 1);
  if (!IS_LIST(args[1])) vm_throw(vm, "join() expects a list, got %s", value_type_name(args[1]));
  return lib_string_join(vm, sep, AS_LIST(args[1]));
}

/* ---- format ----------------------------------------------------------------
 * printf-style. Three passes over the format string:
 *   1. check every directive against its argument and convert the arguments
 *      in place in their stack slots (%s → str(), %q → quoted form, %c → a
 *      string, %d with an integral float → int). This may run script code
 *      (an instance's str()) and may throw.
 *   2. measure the output (no allocation, no callbacks, no errors);
 *   3. allocate the string once and write into it. */

typedef struct {
  bool minus, plus, space, zero, alt;
  int width, prec;     /* prec -1: none */
  char conv;
  size_t start, end;   /* the directive's bytes, from '%' */
} Spec;

#define FMT_MAX_WIDTH 1000000

static size_t parse_spec(VM *vm, const ObjString *f, size_t i, Spec *sp) {
  const char *c = f->chars;
  size_t n = f->len;
  memset(sp, 0, sizeof *sp);
  sp->prec = -1;
  sp->start = i;
  i++;   /* the '%' */
  for (; i < n; i++) {
    if (c[i] == '-') sp->minus = true;
    else if (c[i] == '+') sp->plus = true;
    else if (c[i] == ' ') sp->space = true;
    else if (c[i] == '0') sp->zero = true;
    else if (c[i] == '#') sp->alt = true;
    else break;
  }
  while (i < n && c[i] >= '0' && c[i] <= '9') {
    sp->width = sp->width * 10 + (c[i] - '0');
    if (sp->width > FMT_MAX_WIDTH) vm_throw(vm, "format: width too large");
    i++;
  }
  if (i < n && c[i] == '.') {
    i++;
    sp->prec = 0;
    while (i < n && c[i] >= '0' && c[i] <= '9') {
      sp->prec = sp->prec * 10 + (c[i] - '0');
      if (sp->prec > FMT_MAX_WIDTH) vm_throw(vm, "format: precision too large");
      i++;
    }
  }
  if (i >= n) vm_throw(vm, "format: incomplete directive '%.*s' at end of format string", (int)(n - sp->start), c + sp->start);
  sp->conv = c[i];
  switch (sp->conv) {
    case 'd': case 'i': case 's': case 'q': case 'c': case 'x': case 'X': case 'o':
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case '%':
      break;
    default: {
      unsigned char u = (unsigned char)sp->conv;
      if (u >= 0x20 && u < 0x7f) vm_throw(vm, "format: unknown directive '%%%c'", u);
      vm_throw(vm, "format: unknown directive '%%\\x%02x'", u);
    }
  }
  sp->end = i + 1;
  return i + 1;
}

static bool float_to_int(double d, int64_t *out) {
  if (d == floor(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
    *out = (int64_t)d;
    return true;
  }
  return false;
}

/* Pass 1. The format string is args[0] = stack[base]; arguments follow. */
static void fmt_prepare(VM *vm, int base, int argc) {
  ObjString *f = AS_STRING(vm->fiber->stack[base]);
  int ai = 1;
  size_t i = 0;
  while (i < f->len) {
    if (f->chars[i] != '%') { i++; continue; }
    Spec sp;
    i = parse_spec(vm, f, i, &sp);
    if (sp.conv == '%') continue;
    if (ai >= argc)
      vm_throw(vm, "format: not enough arguments for '%.*s'", (int)(sp.end - sp.start), f->chars + sp.start);
    Value v = vm->fiber->stack[base + ai];
    switch (sp.conv) {
      case 'd': case 'i': case 'x': case 'X': case 'o':
        if (IS_INT(v)) break;
        if (IS_FLOAT(v)) {
          int64_t k;
          if (!float_to_int(AS_FLOAT(v), &k)) {
            char num[64];
            format_float(AS_FLOAT(v), num, sizeof num);
            vm_throw(vm, "format: %%%c expects an integer, got %s", sp.conv, num);
          }
          vm->fiber->stack[base + ai] = INT_VAL(k);
          break;
        }
        vm_throw(vm, "format: %%%c expects a number, got %s", sp.conv, value_type_name(v));
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
        if (!IS_NUMBER(v)) vm_throw(vm, "format: %%%c expects a number, got %s", sp.conv, value_type_name(v));
        break;
      case 'c': {
        if (IS_STRING(v)) break;
        int64_t cp;
        if (IS_INT(v)) cp = AS_INT(v);
        else if (!IS_FLOAT(v) || !float_to_int(AS_FLOAT(v), &cp))
          vm_throw(vm, "format: %%c expects an int or a string, got %s", value_type_name(v));
        if (cp < 0 || cp > 0x10ffff) vm_throw(vm, "format: %%c code point %lld out of range", (long long)cp);
        if (cp >= 0xd800 && cp <= 0xdfff) vm_throw(vm, "format: %%c code point 0x%llX is a surrogate", (long long)cp);
        char buf[4];
        size_t n = utf8_encode((uint32_t)cp, buf);
        ObjString *s = str_new(vm, buf, n);
        vm->fiber->stack[base + ai] = STR_VAL(s);
        break;
      }
      case 's':
        if (!IS_STRING(v)) {
          ObjString *s = to_str(vm, v);   /* may run script: re-read everything */
          vm->fiber->stack[base + ai] = STR_VAL(s);
        }
        break;
      case 'q': {
        ObjString *s = vm_repr(vm, v);
        vm->fiber->stack[base + ai] = STR_VAL(s);
        break;
      }
    }
    f = AS_STRING(vm->fiber->stack[base]);
    ai++;
  }
  if (ai < argc)
    vm_throw(vm, "format: too many arguments (the format uses %d, got %d)", ai - 1, argc - 1);
}

/* Output of passes 2/3: bytes are written only while they fit in [0, cap)
 * of out (out may be NULL); pos always counts the full length. */
typedef struct {
  char *out;
  size_t cap, pos;
} Sink;

static void put(Sink *k, const char *s, size_t n) {
  if (k->out && n && k->pos + n <= k->cap) memcpy(k->out + k->pos, s, n);
  k->pos += n;
}
static void put_fill(Sink *k, char c, size_t n) {
  if (k->out && n && k->pos + n <= k->cap) memset(k->out + k->pos, c, n);
  k->pos += n;
}

static void emit_string(Sink *k, const Spec *sp, const char *s, size_t n) {
  if (sp->prec >= 0 && (size_t)sp->prec < n) n = (size_t)sp->prec;
  size_t pad = (size_t)sp->width > n ? (size_t)sp->width - n : 0;
  if (!sp->minus) put_fill(k, ' ', pad);
  put(k, s, n);
  if (sp->minus) put_fill(k, ' ', pad);
}

static void emit_int(Sink *k, const Spec *sp, int64_t v) {
  uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  const char *sign = v < 0 ? "-" : sp->plus ? "+" : sp->space ? " " : "";
  char digits[32];
  int nd;
  switch (sp->conv) {
    case 'x': nd = snprintf(digits, sizeof digits, "%llx", (unsigned long long)mag); break;
    case 'X': nd = snprintf(digits, sizeof digits, "%llX", (unsigned long long)mag); break;
    case 'o': nd = snprintf(digits, sizeof digits, "%llo", (unsigned long long)mag); break;
    default: nd = snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag); break;
  }
  size_t zeros = sp->prec > nd ? (size_t)(sp->prec - nd) : 0;
  const char *prefix = "";
  if (sp->alt) {
    if (sp->conv == 'x') prefix = "0x";
    else if (sp->conv == 'X') prefix = "0X";
    else if (sp->conv == 'o' && zeros == 0 && (nd == 0 || digits[0] != '0')) zeros = 1;
  }
  size_t body = strlen(sign) + strlen(prefix) + zeros + (size_t)nd;
  size_t pad = (size_t)sp->width > body ? (size_t)sp->width - body : 0;
  if (sp->zero && !sp->minus && sp->prec < 0) { zeros += pad; pad = 0; }
  if (!sp->minus) put_fill(k, ' ', pad);
  put(k, sign, strlen(sign));
  put(k, prefix, strlen(prefix));
  put_fill(k, '0', zeros);
  put(k, digits, (size_t)nd);
  if (sp->minus) put_fill(k, ' ', pad);
}

static void emit_float(Sink *k, const Spec *sp, double d) {
  if (isnan(d)) d = fabs(d);   /* never "-nan" */
  char cf[32], *p = cf;
  *p++ = '%';
  if (sp->minus) *p++ = '-';
  if (sp->plus) *p++ = '+';
  if (sp->space) *p++ = ' ';
  if (sp->zero) *p++ = '0';
  if (sp->alt) *p++ = '#';
  memcpy(p, "*.*", 3);
  p += 3;
  *p++ = sp->conv;
  *p = '\0';
  int prec = sp->prec >= 0 ? sp->prec : 6;
  char tmp[128];
  int n = snprintf(tmp, sizeof tmp, cf, sp->width, prec, d);
  if (n < 0) n = 0;
  if ((size_t)n < sizeof tmp) { put(k, tmp, (size_t)n); return; }
  /* long output (big width or precision): write in place when it fits;
   * the sink always has one byte after cap for snprintf's NUL */
  if (k->out && k->pos + (size_t)n <= k->cap) snprintf(k->out + k->pos, (size_t)n + 1, cf, sp->width, prec, d);
  k->pos += (size_t)n;
}

/* Passes 2 and 3: measure and/or write the result into the sink. Arguments
 * were checked and converted by fmt_prepare, so nothing here can fail. */
static void fmt_emit(VM *vm, int base, Sink *k) {
  Value *slots = vm->fiber->stack + base;
  ObjString *f = AS_STRING(slots[0]);
  int ai = 1;
  size_t i = 0;
  while (i < f->len) {
    const char *pct = memchr(f->chars + i, '%', f->len - i);
    size_t lit = pct ? (size_t)(pct - (f->chars + i)) : f->len - i;
    put(k, f->chars + i, lit);
    i += lit;
    if (i >= f->len) break;
    Spec sp;
    i = parse_spec(vm, f, i, &sp);
    if (sp.conv == '%') { put(k, "%", 1); continue; }
    Value v = slots[ai++];
    switch (sp.conv) {
      case 's': case 'q': case 'c':
        emit_string(k, &sp, AS_CSTR(v), AS_STRING(v)->len);
        break;
      case 'd': case 'i': case 'x': case 'X': case 'o':
        emit_int(k, &sp, AS_INT(v));
        break;
      default:
        emit_float(k, &sp, AS_NUMBER(v));
        break;
    }
  }
}

static Value sm_format(VM *vm, int argc, Value *args) {
  self_str(vm, "format", argc, args, 0, -1);
  int base = (int)(args - vm->fiber->stack);
  fmt_prepare(vm, base, argc);
  /* short results (the common case): one pass into a C buffer */
  char small[256];
  Sink k = {small, sizeof small - 1, 0};
  fmt_emit(vm, base, &k);
  if (k.pos <= k.cap) return STR_VAL(str_new(vm, small, k.pos));
  if (k.pos > STR_MAX_LEN) vm_throw(vm, "format: result is too large");
  size_t total = k.pos;
  ObjString *r = str_alloc(vm, total);       /* may collect: all inputs are in slots */
  Sink big = {r->chars, total, 0};           /* chars[total] is there for the NUL */
  fmt_emit(vm, base, &big);
  return finish(vm, r);
}

/* ---- registration ---------------------------------------------------------- */

void lib_string_open(VM *vm) {
  static const struct { const char *name; NativeFn fn; const char *doc; } methods[] = {
    {"len", sm_len, "string.len()\nThe length in bytes."},
    {"upper", sm_upper, "string.upper()\nA copy with ASCII letters in upper case."},
    {"lower", sm_lower, "string.lower()\nA copy with ASCII letters in lower case."},
    {"trim", sm_trim, "string.trim()\nA copy without leading and trailing whitespace."},
    {"ltrim", sm_ltrim, "string.ltrim()\nA copy without leading whitespace."},
    {"rtrim", sm_rtrim, "string.rtrim()\nA copy without trailing whitespace."},
    {"strip", sm_strip, "string.strip(chars?)\nA copy without the leading and trailing characters of chars (default: whitespace)."},
    {"lstrip", sm_lstrip, "string.lstrip(chars?)\nA copy without the leading characters of chars (default: whitespace)."},
    {"rstrip", sm_rstrip, "string.rstrip(chars?)\nA copy without the trailing characters of chars (default: whitespace)."},
    {"pad_left", sm_pad_left, "string.pad_left(n, c?)\nThe string with c (default: a space) in front, n characters long at least."},
    {"pad_right", sm_pad_right, "string.pad_right(n, c?)\nThe string with c (default: a space) after it, n characters long at least."},
    {"count", sm_count, "string.count(sub)\nThe number of non-overlapping occurrences of sub."},
    {"is_digit", sm_is_digit, "string.is_digit()\nWhether the string is not empty and all ASCII digits."},
    {"is_alpha", sm_is_alpha, "string.is_alpha()\nWhether the string is not empty and all ASCII letters."},
    {"is_space", sm_is_space, "string.is_space()\nWhether the string is not empty and all whitespace."},
    {"lines", sm_lines, "string.lines()\nThe lines of the string, without their line breaks (\\n or \\r\\n)."},
    {"split", sm_split, "string.split(sep?)\nThe pieces between occurrences of sep (default: runs of whitespace)."},
    {"find", sm_find, "string.find(sub, start?)\nThe byte index of the first sub at or after start, or -1."},
    {"replace", sm_replace, "string.replace(a, b)\nA copy with every a replaced by b."},
    {"starts_with", sm_starts_with, "string.starts_with(prefix)\nWhether the string begins with prefix."},
    {"ends_with", sm_ends_with, "string.ends_with(suffix)\nWhether the string ends with suffix."},
    {"contains", sm_contains, "string.contains(sub)\nWhether sub occurs in the string."},
    {"repeat", sm_repeat, "string.repeat(n)\nThe string n times over."},
    {"bytes", sm_bytes, "string.bytes()\nA list of the bytes as ints 0-255."},
    {"chars", sm_chars, "string.chars()\nA list of one-byte strings."},
    {"join", sm_join, "string.join(list)\nThe str() of the list's elements with the string between them."},
    {"format", sm_format, "string.format(...)\nprintf-style formatting: %d %s %f %x %q %5.2f %-10s..."},
  };
  /* arity -1: every method checks its own count so the messages exclude the
   * receiver ("split() expects 0 or 1 arguments, got 2") */
  for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
    vm_define_method(vm, &vm->string_methods, methods[i].name, methods[i].fn, -1, methods[i].doc);
}
