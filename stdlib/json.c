/* json.c — the `json` module: encode(value, indent?) and decode(string).
 *
 * Neither direction recurses in C: both keep an explicit stack, limited to
 * JSON_MAX_DEPTH nested arrays/objects, so a million `[` fail fast with a
 * nesting error instead of overflowing anything.
 *
 * encode writes into a buffer that is itself a userdata (grown by making a
 * bigger one), its state in another, the containers being walked in API
 * slots: an error in the middle (a cycle, a function, NaN) leaks nothing,
 * and the heap limit counts the result as it grows.
 *
 * decode keeps the containers under construction in API slots (GC roots)
 * and reports errors with the 0-based byte position in the input. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libs.h"

#define JSON_MAX_DEPTH 1000

/* ======================================================================
 * encode
 * ====================================================================== */

typedef struct {
  int64_t pos;      /* next element, or gs_map_next's position */
  bool list;
} JsonFrame;

typedef struct {
  char *p;          /* the block of the buffer userdata in ENC_BUF */
  size_t len, cap;
  int depth;
  int indent;       /* -1: compact */
  JsonFrame frames[JSON_MAX_DEPTH];
} JsonOut;

/* Slots of json_encode: its arguments, the state, the buffer, a new buffer
 * while growing, the element and key being written, then per nesting level
 * d the container (ENC_CONT(d)). */
enum { ENC_OUT = 2, ENC_BUF, ENC_NEWBUF, ENC_VAL, ENC_KEY, ENC_CONT0 };
#define ENC_CONT(d) (ENC_CONT0 + (d))

static void json_grow(gs_vm *vm, JsonOut *o, size_t extra) {
  if (o->len + extra <= o->cap) return;
  size_t nc = o->cap ? o->cap : 256;
  while (nc < o->len + extra) {
    if (nc > ((size_t)1 << 40)) gs_error(vm, "json.encode: result is too large");
    nc *= 2;
  }
  gs_check_interrupt(vm);   /* Ctrl-C during a long encode */
  char *np = gs_new_userdata(vm, ENC_NEWBUF, "json.buffer", nc, NULL);
  if (o->len) memcpy(np, o->p, o->len);
  gs_copy(vm, ENC_NEWBUF, ENC_BUF);
  o->p = np;
  o->cap = nc;
}

static void json_put(gs_vm *vm, JsonOut *o, const char *s, size_t n) {
  json_grow(vm, o, n);
  memcpy(o->p + o->len, s, n);
  o->len += n;
}

static inline void json_putc(gs_vm *vm, JsonOut *o, char c) {
  if (o->len == o->cap) json_grow(vm, o, 1);
  o->p[o->len++] = c;
}

/* newline and indentation for nesting level `level` (pretty mode only) */
static void json_newline(gs_vm *vm, JsonOut *o, int level) {
  if (o->indent < 0) return;
  size_t n = (size_t)o->indent * (size_t)level;
  json_grow(vm, o, n + 1);
  o->p[o->len++] = '\n';
  memset(o->p + o->len, ' ', n);
  o->len += n;
}

static void json_put_string(gs_vm *vm, JsonOut *o, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  json_grow(vm, o, n + 2);
  o->p[o->len++] = '"';
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') { json_putc(vm, o, (char)c); continue; }
    char esc[6] = {'\\', 0};
    size_t k = 2;
    switch (c) {
      case '"': esc[1] = '"'; break;
      case '\\': esc[1] = '\\'; break;
      case '\b': esc[1] = 'b'; break;
      case '\f': esc[1] = 'f'; break;
      case '\n': esc[1] = 'n'; break;
      case '\r': esc[1] = 'r'; break;
      case '\t': esc[1] = 't'; break;
      default:
        esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
        esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
        k = 6;
    }
    json_put(vm, o, esc, k);
  }
  json_putc(vm, o, '"');
}

/* the shortest of %.15g/%.16g/%.17g that reads back exactly, always with a
 * '.' or an exponent so that it decodes as a float again */
static void json_put_float(gs_vm *vm, JsonOut *o, double d) {
  if (isnan(d)) gs_error(vm, "json.encode: cannot encode nan");
  if (isinf(d)) gs_error(vm, "json.encode: cannot encode %s", d > 0 ? "inf" : "-inf");
  char buf[40];
  for (int prec = 15; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*g", prec, d);
    if (strtod(buf, NULL) == d) break;
  }
  if (!strpbrk(buf, ".eE")) strcat(buf, ".0");
  json_put(vm, o, buf, strlen(buf));
}

/* Write the scalar in `slot`, or open a list/map (push a frame and write
 * its bracket). */
static void json_value(gs_vm *vm, JsonOut *o, int slot) {
  char buf[32];
  gs_type t = gs_get_type(vm, slot);
  switch (t) {
    case GS_NIL: json_put(vm, o, "null", 4); return;
    case GS_BOOL: if (gs_get_bool(vm, slot)) json_put(vm, o, "true", 4); else json_put(vm, o, "false", 5); return;
    case GS_INT: {
      int n = snprintf(buf, sizeof buf, "%lld", (long long)gs_get_int(vm, slot));
      json_put(vm, o, buf, (size_t)n);
      return;
    }
    case GS_FLOAT: json_put_float(vm, o, gs_get_float(vm, slot)); return;
    case GS_STRING: {
      size_t n;
      const char *str = gs_get_string(vm, slot, &n);
      json_put_string(vm, o, str, n);
      return;
    }
    case GS_LIST: case GS_MAP: {
      bool list = t == GS_LIST;
      if (o->depth >= JSON_MAX_DEPTH) gs_error(vm, "json.encode: nesting too deep (more than %d levels)", JSON_MAX_DEPTH);
      if ((list ? gs_list_count(vm, slot) : gs_map_count(vm, slot)) == 0) {
        json_put(vm, o, list ? "[]" : "{}", 2);
        return;
      }
      for (int i = 0; i < o->depth; i++)
        if (gs_raw_equal(vm, ENC_CONT(i), slot)) gs_error(vm, "json.encode: cycle detected (a %s contains itself)", list ? "list" : "map");
      gs_ensure_slots(vm, ENC_CONT(o->depth) + 1);
      gs_copy(vm, slot, ENC_CONT(o->depth));
      o->frames[o->depth].pos = 0;
      o->frames[o->depth].list = list;
      o->depth++;
      json_putc(vm, o, list ? '[' : '{');
      return;
    }
    default:
      gs_error(vm, "json.encode: cannot encode %s", gs_type_name(vm, slot));
  }
}

static void json_encode(gs_vm *vm, int argc) {
  lib_argc(vm, "json.encode", argc, 1, 2);
  int indent = -1;
  if (argc > 1 && gs_get_type(vm, 1) != GS_NIL) {
    int64_t n = lib_int(vm, "json.encode", 1);
    if (n < 0 || n > 100) gs_error(vm, "json.encode: indent must be between 0 and 100, got %lld", (long long)n);
    indent = (int)n;
  }
  gs_ensure_slots(vm, ENC_CONT0);
  JsonOut *o = gs_new_userdata(vm, ENC_OUT, "json.encoder", sizeof(JsonOut), NULL);
  o->indent = indent;
  json_value(vm, o, 0);
  while (o->depth > 0) {
    JsonFrame *fr = &o->frames[o->depth - 1];
    int cont = ENC_CONT(o->depth - 1);
    if (fr->list) {
      if (fr->pos < gs_list_count(vm, cont)) {
        if (fr->pos > 0) json_putc(vm, o, ',');
        json_newline(vm, o, o->depth);
        gs_list_get(vm, cont, fr->pos++, ENC_VAL);
        json_value(vm, o, ENC_VAL);
        continue;
      }
      o->depth--;
      json_newline(vm, o, o->depth);
      json_putc(vm, o, ']');
      continue;
    }
    bool first = fr->pos == 0;
    if (gs_map_next(vm, cont, &fr->pos, ENC_KEY, ENC_VAL)) {
      if (gs_get_type(vm, ENC_KEY) != GS_STRING) gs_error(vm, "json.encode: map keys must be strings, not %s", gs_type_name(vm, ENC_KEY));
      if (!first) json_putc(vm, o, ',');
      json_newline(vm, o, o->depth);
      size_t n;
      const char *key = gs_get_string(vm, ENC_KEY, &n);
      json_put_string(vm, o, key, n);
      if (o->indent >= 0) json_put(vm, o, ": ", 2);
      else json_putc(vm, o, ':');
      json_value(vm, o, ENC_VAL);
      continue;
    }
    o->depth--;
    json_newline(vm, o, o->depth);
    json_putc(vm, o, '}');
  }
  gs_return_string(vm, o->p, o->len);
}

/* ======================================================================
 * decode
 * ====================================================================== */

typedef struct {
  gs_vm *vm;
  const unsigned char *s;   /* the input (slot 0 keeps it alive) */
  size_t n, p;
} JsonIn;

static _Noreturn void json_fail(JsonIn *in, size_t pos, const char *what) {
  gs_error(in->vm, "json.decode: %s at position %zu", what, pos);
}

static _Noreturn void json_unexpected(JsonIn *in, size_t pos) {
  if (pos >= in->n) json_fail(in, in->n, "unexpected end of input");
  unsigned char c = in->s[pos];
  char what[48];
  if (c >= 0x20 && c < 0x7f) snprintf(what, sizeof what, "unexpected character '%c'", c);
  else snprintf(what, sizeof what, "unexpected byte '\\x%02X'", c);
  json_fail(in, pos, what);
}

static void json_ws(JsonIn *in) {
  while (in->p < in->n) {
    unsigned char c = in->s[in->p];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
    in->p++;
  }
}

static int json_hex4(const unsigned char *s, size_t n, size_t at) {
  if (at + 4 > n) return -1;
  int v = 0;
  for (int i = 0; i < 4; i++) {
    unsigned char c = s[at + i];
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

/* A \u escape at `at` (pointing at the backslash): the code point, and the
 * escape's length in *len (6, or 12 for a surrogate pair). */
static uint32_t json_unicode(JsonIn *in, size_t at, size_t *len) {
  int hi = json_hex4(in->s, in->n, at + 2);
  if (hi < 0) json_fail(in, at, "invalid \\u escape");
  *len = 6;
  if (hi >= 0xDC00 && hi <= 0xDFFF) json_fail(in, at, "invalid surrogate (a low surrogate without a high one)");
  if (hi < 0xD800 || hi > 0xDBFF) return (uint32_t)hi;
  int lo = -1;
  if (at + 7 < in->n && in->s[at + 6] == '\\' && in->s[at + 7] == 'u') lo = json_hex4(in->s, in->n, at + 8);
  if (lo < 0xDC00 || lo > 0xDFFF) json_fail(in, at, "invalid surrogate (a high surrogate without a low one)");
  *len = 12;
  return 0x10000 + (((uint32_t)hi - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
}

static size_t json_utf8(uint32_t cp, char *out) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* The string starting at in->p (the opening quote) into `slot`. A first
 * pass validates it and measures the result, so the second cannot fail. */
static void json_string(JsonIn *in, int slot) {
  const unsigned char *s = in->s;
  size_t start = in->p + 1, i = start, outlen = 0;
  bool escapes = false;
  for (;;) {
    if (i >= in->n) json_fail(in, in->n, "unexpected end of input in a string");
    unsigned char c = s[i];
    if (c == '"') break;
    if (c < 0x20) json_fail(in, i, "control character in a string");
    if (c != '\\') { outlen++; i++; continue; }
    escapes = true;
    if (i + 1 >= in->n) json_fail(in, in->n, "unexpected end of input in a string");
    switch (s[i + 1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        outlen++;
        i += 2;
        break;
      case 'u': {
        size_t len;
        char tmp[4];
        outlen += json_utf8(json_unicode(in, i, &len), tmp);
        i += len;
        break;
      }
      default: {
        char what[40];
        unsigned char e = s[i + 1];
        if (e >= 0x20 && e < 0x7f) snprintf(what, sizeof what, "invalid escape '\\%c'", e);
        else snprintf(what, sizeof what, "invalid escape '\\\\x%02X'", e);
        json_fail(in, i, what);
      }
    }
  }
  size_t end = i;
  in->p = end + 1;
  if (!escapes) { gs_set_string(in->vm, slot, (const char *)s + start, outlen); return; }
  /* decoded into a scratch block in the destination slot, then copied */
  char *buf = gs_new_userdata(in->vm, slot, "json.scratch", outlen ? outlen : 1, NULL);
  char *o = buf;
  for (i = start; i < end;) {
    if (s[i] != '\\') { *o++ = (char)s[i++]; continue; }
    char e = (char)s[i + 1];
    switch (e) {
      case 'b': *o++ = '\b'; i += 2; break;
      case 'f': *o++ = '\f'; i += 2; break;
      case 'n': *o++ = '\n'; i += 2; break;
      case 'r': *o++ = '\r'; i += 2; break;
      case 't': *o++ = '\t'; i += 2; break;
      case 'u': {
        size_t len;
        o += json_utf8(json_unicode(in, i, &len), o);
        i += len;
        break;
      }
      default: *o++ = e; i += 2; break;
    }
  }
  gs_set_string(in->vm, slot, buf, outlen);
}

/* A number at in->p into `slot`: ints when there is no fraction or exponent
 * and the value fits in 64 bits, floats otherwise. */
static void json_number(JsonIn *in, int slot) {
  const unsigned char *s = in->s;
  size_t n = in->n, p = in->p, start = p;
  bool neg = false, is_float = false;
  if (s[p] == '-') { neg = true; p++; }
  if (p >= n || s[p] < '0' || s[p] > '9') json_unexpected(in, p);
  uint64_t mag = 0;
  bool overflow = false;
  if (s[p] == '0') p++;
  else {
    while (p < n && s[p] >= '0' && s[p] <= '9') {
      unsigned d = s[p++] - '0';
      if (mag > (UINT64_MAX - d) / 10) overflow = true;
      else mag = mag * 10 + d;
    }
  }
  if (p < n && s[p] == '.') {
    is_float = true;
    p++;
    if (p >= n || s[p] < '0' || s[p] > '9') json_unexpected(in, p);
    while (p < n && s[p] >= '0' && s[p] <= '9') p++;
  }
  if (p < n && (s[p] == 'e' || s[p] == 'E')) {
    is_float = true;
    p++;
    if (p < n && (s[p] == '+' || s[p] == '-')) p++;
    if (p >= n || s[p] < '0' || s[p] > '9') json_unexpected(in, p);
    while (p < n && s[p] >= '0' && s[p] <= '9') p++;
  }
  in->p = p;
  if (!is_float && !overflow) {
    if (!neg && mag <= (uint64_t)INT64_MAX) { gs_set_int(in->vm, slot, (int64_t)mag); return; }
    if (neg && mag <= (uint64_t)INT64_MAX + 1) { gs_set_int(in->vm, slot, (int64_t)(0 - mag)); return; }
  }
  /* strtod on a private NUL-terminated copy of exactly the number */
  size_t len = p - start;
  char small[128], *buf = len < sizeof small ? small : malloc(len + 1);
  if (!buf) gs_error(in->vm, "out of memory");
  memcpy(buf, s + start, len);
  buf[len] = '\0';
  double d = strtod(buf, NULL);
  if (buf != small) free(buf);
  gs_set_float(in->vm, slot, d);
}

static bool json_word(JsonIn *in, const char *w, size_t len) {
  if (in->n - in->p < len || memcmp(in->s + in->p, w, len) != 0) return false;
  in->p += len;
  return true;
}

/* Slots: 0 the input, 1 the scalar just read, then per nesting level d the
 * container (2 + 2d) and the pending object key (3 + 2d). */
#define JSON_VAL 1
#define JSON_CONT(d) (2 + 2 * (d))
#define JSON_KEY(d) (3 + 2 * (d))

/* after '{' or ',' in an object: the key and its ':' */
static void json_key(JsonIn *in, int depth) {
  json_ws(in);
  if (in->p >= in->n || in->s[in->p] != '"') json_unexpected(in, in->p);
  json_string(in, JSON_KEY(depth - 1));
  json_ws(in);
  if (in->p >= in->n || in->s[in->p] != ':') json_unexpected(in, in->p);
  in->p++;
}

static void json_decode(gs_vm *vm, int argc) {
  lib_argc(vm, "json.decode", argc, 1, 1);
  size_t n;
  const char *src = lib_str(vm, "json.decode", 0, &n);
  JsonIn in = {vm, (const unsigned char *)src, n, 0};
  int depth = 0, have;    /* `have`: the slot holding the value just completed */
  int cap = 16;
  gs_ensure_slots(vm, JSON_CONT(cap));
  for (;;) {
    /* ---- a value starts here ---- */
    json_ws(&in);
    if (in.p >= in.n) json_unexpected(&in, in.p);
    unsigned char c = in.s[in.p];
    if (c == '[' || c == '{') {
      if (depth >= JSON_MAX_DEPTH) json_fail(&in, in.p, "nesting too deep (more than 1000 levels)");
      if (depth + 1 >= cap) { cap *= 2; gs_ensure_slots(vm, JSON_CONT(cap)); }
      if (c == '[') gs_new_list(vm, JSON_CONT(depth));
      else gs_new_map(vm, JSON_CONT(depth));
      depth++;
      in.p++;
      json_ws(&in);
      if (in.p < in.n && in.s[in.p] == (c == '[' ? ']' : '}')) {
        in.p++;
        depth--;
        have = JSON_CONT(depth);
      } else {
        if (c == '{') json_key(&in, depth);
        continue;
      }
    } else {
      if (c == '"') json_string(&in, JSON_VAL);
      else if (c == '-' || (c >= '0' && c <= '9')) json_number(&in, JSON_VAL);
      else if (json_word(&in, "true", 4)) gs_set_bool(vm, JSON_VAL, true);
      else if (json_word(&in, "false", 5)) gs_set_bool(vm, JSON_VAL, false);
      else if (json_word(&in, "null", 4)) gs_set_nil(vm, JSON_VAL);
      else json_unexpected(&in, in.p);
      have = JSON_VAL;
    }
    /* ---- a value is complete: store it in its container, or finish ---- */
    for (;;) {
      if (depth == 0) {
        json_ws(&in);
        if (in.p < in.n) json_unexpected(&in, in.p);
        gs_return_slot(vm, have);
        return;
      }
      int cont = JSON_CONT(depth - 1);
      bool is_list = gs_get_type(vm, cont) == GS_LIST;
      if (is_list) gs_list_push(vm, cont, have);
      else gs_map_set(vm, cont, JSON_KEY(depth - 1), have);
      json_ws(&in);
      if (in.p >= in.n) json_unexpected(&in, in.p);
      c = in.s[in.p];
      if (c == ',') {
        in.p++;
        if (!is_list) json_key(&in, depth);
        break;   /* the next value */
      }
      if (c != (is_list ? ']' : '}')) json_unexpected(&in, in.p);
      in.p++;
      depth--;
      have = cont;
    }
  }
}

static const gs_reg json_funcs[] = {
  {"encode", json_encode, -1, "json.encode(value, indent?)\nThe value as JSON text, compact unless indent (spaces per level) is given."},
  {"decode", json_decode, -1, "json.decode(text)\nThe value the JSON text describes (objects become maps, null nil)."},
  {NULL, NULL, 0, NULL},
};

void lib_json_open(gs_vm *vm) { gs_register_module(vm, "json", json_funcs); }
