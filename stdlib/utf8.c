/* utf8.c — the `utf8` module: strings as UTF-8 characters (len, chars,
 * codepoints, from_codepoints, valid, sub), over include/gs.h alone.
 *
 * Strings stay byte strings everywhere else; these functions read them as
 * UTF-8 and raise (kind "value", naming the byte offset) on bytes that are
 * not well-formed UTF-8 (overlong forms, surrogates, values past U+10FFFF
 * and truncated sequences included), except valid(), which asks.
 * docs/stdlib.md#utf8 says what each does. */
#include <stdint.h>
#include <string.h>
#include "libs.h"

/* The length (1 to 4) of the well-formed character at s (n > 0 bytes
 * left) with its code point in *cp, or 0. */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp) {
  uint32_t c = s[0];
  if (c < 0x80) { *cp = c; return 1; }
  size_t len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (len == 0 || n < len) return 0;
  c &= 0x7f >> len;                 /* the payload bits of the lead byte */
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xc0) != 0x80) return 0;
    c = (c << 6) | (s[i] & 0x3f);
  }
  static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < least[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return 0;
  *cp = c;
  return len;
}

static size_t encode(uint32_t cp, char out[4]) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  size_t len = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  static const unsigned char lead[5] = {0, 0, 0xc0, 0xe0, 0xf0};
  for (size_t i = len - 1; i > 0; i--) { out[i] = (char)(0x80 | (cp & 0x3f)); cp >>= 6; }
  out[0] = (char)(lead[len] | cp);
  return len;
}

/* The string argument in `slot` and its length in characters, raising
 * "utf8.len: invalid UTF-8 at byte 3" if it is not UTF-8. */
static const char *want_utf8(gs_vm *vm, const char *fname, int slot, size_t *len, size_t *chars) {
  const char *s = lib_str(vm, fname, slot, len);
  size_t count = 0;
  uint32_t cp;
  for (size_t i = 0; i < *len; count++) {
    size_t k = decode((const unsigned char *)s + i, *len - i, &cp);
    if (k == 0) lib_fail(vm, "value", "%s: invalid UTF-8 at byte %zu", fname, i);
    i += k;
  }
  *chars = count;
  return s;
}

static void utf8_len(gs_vm *vm, int argc) {
  lib_argc(vm, "utf8.len", argc, 1, 1);
  size_t len, chars;
  want_utf8(vm, "utf8.len", 0, &len, &chars);
  gs_return_int(vm, (int64_t)chars);
}

static void utf8_valid(gs_vm *vm, int argc) {
  lib_argc(vm, "utf8.valid", argc, 1, 1);
  size_t len;
  const unsigned char *s = (const unsigned char *)lib_str(vm, "utf8.valid", 0, &len);
  uint32_t cp;
  size_t i = 0, k = 1;
  while (i < len && (k = decode(s + i, len - i, &cp)) > 0) i += k;
  gs_return_bool(vm, i == len);
}

/* chars(s) and codepoints(s): a list with one element per character. */
static void split_chars(gs_vm *vm, const char *fname, int argc, bool as_codepoints) {
  lib_argc(vm, fname, argc, 1, 1);
  size_t len, chars;
  const char *s = want_utf8(vm, fname, 0, &len, &chars);
  gs_ensure_slots(vm, 3);
  gs_new_list(vm, 1);
  uint32_t cp;
  for (size_t i = 0; i < len;) {
    size_t k = decode((const unsigned char *)s + i, len - i, &cp);
    if (as_codepoints) gs_set_int(vm, 2, cp);
    else gs_set_string(vm, 2, s + i, k);    /* s stays in slot 0 */
    gs_list_push(vm, 1, 2);
    i += k;
  }
  gs_return_slot(vm, 1);
}
static void utf8_chars(gs_vm *vm, int argc) { split_chars(vm, "utf8.chars", argc, false); }
static void utf8_codepoints(gs_vm *vm, int argc) { split_chars(vm, "utf8.codepoints", argc, true); }

static void utf8_from_codepoints(gs_vm *vm, int argc) {
  lib_argc(vm, "utf8.from_codepoints", argc, 1, 1);
  if (gs_get_type(vm, 0) != GS_LIST) lib_arg_error(vm, "utf8.from_codepoints", 0, "a list");
  int64_t n = gs_list_count(vm, 0);
  gs_ensure_slots(vm, 2);
  /* measure, then encode into one buffer: the result is made once */
  size_t total = 0;
  for (int64_t i = 0; i < n; i++) {
    gs_list_get(vm, 0, i, 1);
    gs_type t = gs_get_type(vm, 1);
    if (t != GS_INT && t != GS_FLOAT)
      lib_fail(vm, "type", "utf8.from_codepoints: element %lld must be an int, not %s", (long long)i, gs_type_name(vm, 1));
    double d = gs_get_float(vm, 1);
    if (t == GS_FLOAT && d != (double)(int64_t)d)
      lib_fail(vm, "type", "utf8.from_codepoints: element %lld must be an int, not float", (long long)i);
    int64_t cp = t == GS_INT ? gs_get_int(vm, 1) : (int64_t)d;
    if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      lib_fail(vm, "value", "utf8.from_codepoints: element %lld (%lld) is not a code point (0 to 0x10FFFF, no surrogates)",
               (long long)i, (long long)cp);
    total += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  gs_ensure_slots(vm, 3);
  char small[256];   /* larger results go in a block the VM owns, in case of an error */
  char *buf = total <= sizeof small ? small : gs_new_userdata(vm, 2, "utf8.scratch", total, NULL);
  size_t o = 0;
  for (int64_t i = 0; i < n; i++) {
    gs_list_get(vm, 0, i, 1);
    o += encode((uint32_t)gs_get_int(vm, 1), buf + o);
  }
  gs_return_string(vm, buf, o);
}

/* Slice bounds as for s[i:j]: negative ones count from the end, then both
 * are clamped to 0..n. */
static size_t clamp_index(int64_t i, size_t n) {
  if (i < 0) i += (int64_t)n;
  if (i < 0) return 0;
  return (uint64_t)i > n ? n : (size_t)i;
}

/* The byte offset of character `index` (at most the count) of a valid s. */
static size_t char_offset(const char *s, size_t len, size_t index) {
  size_t i = 0;
  uint32_t cp;
  while (index-- > 0 && i < len) i += decode((const unsigned char *)s + i, len - i, &cp);
  return i;
}

static void utf8_sub(gs_vm *vm, int argc) {
  lib_argc(vm, "utf8.sub", argc, 2, 3);
  size_t len, chars;
  const char *s = want_utf8(vm, "utf8.sub", 0, &len, &chars);
  size_t i = gs_get_type(vm, 1) == GS_NIL ? 0 : clamp_index(lib_int(vm, "utf8.sub", 1), chars);
  size_t j = argc < 3 || gs_get_type(vm, 2) == GS_NIL ? chars : clamp_index(lib_int(vm, "utf8.sub", 2), chars);
  if (j <= i) { gs_return_string(vm, "", 0); return; }
  size_t from = char_offset(s, len, i);
  size_t to = from + char_offset(s + from, len - from, j - i);
  gs_return_string(vm, s + from, to - from);
}

static const gs_reg utf8_funcs[] = {
  {"len", utf8_len, -1, "utf8.len(s)\nThe number of UTF-8 characters in s; raises on invalid UTF-8."},
  {"chars", utf8_chars, -1, "utf8.chars(s)\nA list of the one-character strings of s."},
  {"codepoints", utf8_codepoints, -1, "utf8.codepoints(s)\nA list of the code points (ints) of the characters of s."},
  {"from_codepoints", utf8_from_codepoints, -1, "utf8.from_codepoints(list)\nThe UTF-8 string of a list of code points."},
  {"valid", utf8_valid, -1, "utf8.valid(s)\nWhether s is well-formed UTF-8."},
  {"sub", utf8_sub, -1, "utf8.sub(s, i, j?)\nCharacters i up to (not including) j, counted like a slice's indexes."},
  {NULL, NULL, 0, NULL},
};

void lib_utf8_open(gs_vm *vm) { gs_register_module(vm, "utf8", utf8_funcs); }
