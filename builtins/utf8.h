/* utf8.h — UTF-8 decoding and encoding for the core library's text
 * functions (string methods, ord, chr). */
#ifndef GS_BUILTINS_UTF8_H
#define GS_BUILTINS_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The length (1 to 4) of the well-formed UTF-8 character at s (n bytes
 * available) with its code point in *cp; 0 when the bytes there are not
 * one (a stray continuation byte, an overlong form, a surrogate, a value
 * past U+10FFFF, a truncated sequence, or n == 0). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* The UTF-8 bytes of code point cp (at most 0x10FFFF) into out; returns
 * how many (1 to 4). */
size_t utf8_encode(uint32_t cp, char out[4]);
/* The length of the character at s where a byte that starts no well-formed
 * character counts as a character of its own (n > 0). */
static inline size_t utf8_step(const char *s, size_t n) {
  uint32_t cp;
  size_t k = utf8_decode(s, n, &cp);
  return k ? k : 1;
}
/* The length of the last character of s (n > 0) counted the same way: the
 * well-formed character that ends s, else its last byte alone. */
size_t utf8_step_back(const char *s, size_t n);
/* Characters in s, counted as utf8_step steps. */
size_t utf8_count(const char *s, size_t n);

#endif
