/* utf8.c — UTF-8 decoding and encoding for the core library (utf8.h). */
#include "utf8.h"

size_t utf8_decode(const char *s, size_t n, uint32_t *cp) {
  if (n == 0) return 0;
  const unsigned char *p = (const unsigned char *)s;
  uint32_t c = p[0];
  if (c < 0x80) { *cp = c; return 1; }
  size_t len;
  uint32_t min;
  if (c >= 0xc2 && c <= 0xdf) { len = 2; min = 0x80; c &= 0x1f; }
  else if (c >= 0xe0 && c <= 0xef) { len = 3; min = 0x800; c &= 0x0f; }
  else if (c >= 0xf0 && c <= 0xf4) { len = 4; min = 0x10000; c &= 0x07; }
  else return 0;                              /* continuation byte, 0xc0/0xc1, 0xf5.. */
  if (n < len) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((p[i] & 0xc0) != 0x80) return 0;
    c = (c << 6) | (p[i] & 0x3f);
  }
  if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return 0;
  *cp = c;
  return len;
}

size_t utf8_encode(uint32_t cp, char out[4]) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xc0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3f));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xe0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[2] = (char)(0x80 | (cp & 0x3f));
    return 3;
  }
  out[0] = (char)(0xf0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
  out[3] = (char)(0x80 | (cp & 0x3f));
  return 4;
}

size_t utf8_step_back(const char *s, size_t n) {
  uint32_t cp;
  for (size_t k = 2; k <= 4 && k <= n; k++)   /* only one lead byte can fit */
    if (utf8_decode(s + n - k, k, &cp) == k) return k;
  return 1;
}

size_t utf8_count(const char *s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; i += utf8_step(s + i, n - i)) count++;
  return count;
}
