/* os_date.c — os.date and os.parse_date: seconds since the epoch to text
 * and back, through the C library's strftime and strptime, in local time
 * or UTC. Written against include/gs.h alone; lib_os_open adds these to
 * `os`. docs/stdlib.md#dates says what they do and why. */
#define _GNU_SOURCE   /* strptime, timegm, tm_gmtoff */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include "libs.h"

#define DATE_DEFAULT_FORMAT "%c"
#define DATE_MAX_OUTPUT ((size_t)1 << 20)

/* Whether every conversion of a strftime format is one C99 defines
 * (with its E and O variants); raises for any other, which strftime would
 * handle differently on every system. */
static void check_format(gs_vm *vm, const char *fmt, size_t len) {
  static const char plain[] = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
  static const char with_e[] = "cCxXyY", with_o[] = "deHImMSuUVwWy";
  for (size_t i = 0; i < len; i++) {
    if (fmt[i] != '%') continue;
    size_t start = i++;
    const char *allowed = plain;
    if (i < len && (fmt[i] == 'E' || fmt[i] == 'O')) allowed = fmt[i++] == 'E' ? with_e : with_o;
    if (i >= len || !strchr(allowed, fmt[i]) || fmt[i] == '\0')
      lib_fail(vm, "value", "os.date: invalid conversion '%.*s' in the format", (int)(i < len ? i - start + 1 : i - start), fmt + start);
  }
}

/* The broken-down time of t (seconds since the epoch, any number) in UTC
 * or local time. */
static void date_tm(gs_vm *vm, double t, bool utc, struct tm *tm) {
  /* whole seconds, toward the past (os.time() has a fraction); far enough
   * inside time_t that no cast overflows, and gmtime says if the year fits */
  double secs = floor(t);
  if (!(secs >= -1e17 && secs <= 1e17)) {
    char num[32];
    if (isnan(t) || isinf(t)) strcpy(num, isnan(t) ? "nan" : t < 0 ? "-inf" : "inf");
    else snprintf(num, sizeof num, "%g", t);
    lib_fail(vm, "value", "os.date: time %s is out of range (-1e17 to 1e17 seconds)", num);
  }
  time_t tt = (time_t)secs;
  if (!(utc ? gmtime_r(&tt, tm) : localtime_r(&tt, tm)))
    lib_fail(vm, "value", "os.date: time %.0f is out of range", secs);
}

static void os_date(gs_vm *vm, int argc) {
  lib_argc(vm, "os.date", argc, 0, 3);
  const char *fmt = DATE_DEFAULT_FORMAT;
  size_t fmt_len = strlen(fmt);
  if (argc > 0 && gs_get_type(vm, 0) != GS_NIL) fmt = lib_str(vm, "os.date", 0, &fmt_len);
  if (memchr(fmt, '\0', fmt_len)) lib_fail(vm, "value", "os.date: the format contains a NUL byte");
  check_format(vm, fmt, fmt_len);
  double t;
  if (argc > 1 && gs_get_type(vm, 1) != GS_NIL) t = lib_num(vm, "os.date", 1);
  else t = (double)time(NULL);
  bool utc = argc > 2 && gs_get_bool(vm, 2);
  struct tm tm;
  date_tm(vm, t, utc, &tm);

  /* strftime's 0 means "empty" or "did not fit": a space after the format
   * tells them apart (it is always there when the rest fitted) */
  gs_ensure_slots(vm, 4);
  char small[256];
  char *with_space = fmt_len + 2 <= sizeof small ? small : gs_new_userdata(vm, 3, "os.date.format", fmt_len + 2, NULL);
  memcpy(with_space, fmt, fmt_len);
  memcpy(with_space + fmt_len, " ", 2);
  char out_small[256];
  char *out = out_small;
  size_t cap = sizeof out_small;
  for (;;) {
    size_t n = strftime(out, cap, with_space, &tm);
    if (n > 0) { gs_return_string(vm, out, n - 1); return; }
    if (cap >= DATE_MAX_OUTPUT) lib_fail(vm, "value", "os.date: the result is too long");
    cap *= 4;
    out = gs_new_userdata(vm, 2, "os.date.buffer", cap, NULL);   /* the VM frees it, even on error */
  }
}

static bool leap_year(long year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

static int days_in_month(long year, int mon) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return mon == 1 && leap_year(year) ? 29 : days[mon];
}

static void os_parse_date(gs_vm *vm, int argc) {
  lib_argc(vm, "os.parse_date", argc, 2, 3);
  size_t len, fmt_len;
  const char *s = lib_str(vm, "os.parse_date", 0, &len);
  const char *fmt = lib_str(vm, "os.parse_date", 1, &fmt_len);
  bool utc = argc > 2 && gs_get_bool(vm, 2);
  /* what the format does not set: 1970-01-01 00:00:00 */
  struct tm tm = {.tm_year = 70, .tm_mday = 1, .tm_isdst = -1, .tm_gmtoff = LONG_MIN};
  const char *end = strlen(s) == len && strlen(fmt) == fmt_len ? strptime(s, fmt, &tm) : NULL;
  bool fits = end && *end == '\0' && tm.tm_mon >= 0 && tm.tm_mon < 12 &&
              tm.tm_mday <= days_in_month(1900L + tm.tm_year, tm.tm_mon);
  if (!fits) lib_fail(vm, "value", "os.parse_date: \"%s\" does not match the format \"%s\"", s, fmt);
  time_t t;
  if (tm.tm_gmtoff != LONG_MIN) {        /* %z gave the offset: it decides */
    long offset = tm.tm_gmtoff;
    t = timegm(&tm) - offset;
  } else {
    t = utc ? timegm(&tm) : mktime(&tm);
  }
  gs_return_int(vm, (int64_t)t);
}

static const gs_reg date_funcs[] = {
  {"date", os_date, -1, "os.date(format?, t?, utc?)\nThe time t (default: now) formatted by strftime, in local time or UTC (default format: \"%c\")."},
  {"parse_date", os_parse_date, -1, "os.parse_date(s, format, utc?)\nThe seconds since the epoch of a date and time that strptime's format reads from s."},
  {NULL, NULL, 0, NULL},
};

void lib_os_date_open(gs_vm *vm) { gs_register_module(vm, "os", date_funcs); }
