/* re.c — the `re` module: Perl-compatible regular expressions through PCRE2
 * (compiled patterns cached per VM, JIT where available, match limits).
 *
 * Written against include/gs.h alone. What must outlive a call lives in
 * userdata, whose finalizers free the PCRE2 objects: a regex (its code and
 * match data), a match (offsets and a copy of the text it covers: userdata
 * cannot hold references to script values), and the per-VM state bound to
 * the module's functions (gs_new_function): the cache, a map from flags and
 * pattern to regex, and the match context and JIT stack every regex of the
 * VM shares. No malloc'ed memory is held across a call back into script, so
 * a replacement function may yield, block or never be resumed.
 * docs/re.md says what it does and why. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libs.h"
/* Under valgrind the JIT is left off: memcheck cannot follow the machine
 * code PCRE2 generates and reports its reads as uninitialised; PCRE2's
 * interpreter matches the same. */
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#else
#define RUNNING_ON_VALGRIND 0
#endif

#define RE_REGEX_TAG "regex"
#define RE_MATCH_TAG "match"
#define RE_SHARED_TAG "re.shared"

enum {
  RE_CACHE_MAX = 64,                    /* patterns kept by the module functions */
  RE_MATCH_LIMIT = 10000000,            /* PCRE2's default: < 0.1 s with JIT */
  RE_HEAP_LIMIT_KIB = 64 * 1024,        /* backtracking memory of the interpreter */
  RE_JIT_STACK_START = 32 * 1024,
  RE_JIT_STACK_MAX = 1024 * 1024,       /* past it the interpreter takes over */
};

/* The match context and JIT stack of one VM. Userdata finalizers run in any
 * order, so the regexes and the module state share it by count. */
typedef struct {
  int refs;
  pcre2_match_context *mctx;
  pcre2_jit_stack *jit_stack;
} ReShared;

typedef struct {
  ReShared *shared;
} ReState;

typedef struct {
  pcre2_code *code;
  pcre2_match_data *md;      /* reused; never read after a call into script */
  ReShared *shared;
  uint32_t ngroups;          /* capture groups, without group 0 */
  uint32_t name_count, name_entry_size;
  const uint8_t *name_table; /* inside code */
  bool jit, utf;
  size_t pattern_len;
  char text[];               /* the pattern, NUL, the flags, NUL */
} Regex;

/* A match: offsets into the subject, and a copy of the subject's bytes from
 * the first byte any group covers to the last, starting at offset `base`. */
typedef struct {
  uint32_t ngroups;          /* with group 0 */
  uint32_t name_count, name_entry_size;
  size_t base, text_len;
  PCRE2_SIZE ov[];           /* 2 * ngroups, then the name table, then the text */
} Match;

static const uint8_t *match_names(const Match *m) { return (const uint8_t *)&m->ov[2 * m->ngroups]; }
static const char *match_text(const Match *m) {
  return (const char *)match_names(m) + (size_t)m->name_count * m->name_entry_size;
}

/* ---- errors ------------------------------------------------------------ */

static _Noreturn void re_pclib_fail(gs_vm *vm, const char *what, int rc, size_t offset) {
  PCRE2_UCHAR msg[256];
  if (pcre2_get_error_message(rc, msg, sizeof msg) < 0) strcpy((char *)msg, "unknown error");
  lib_fail(vm, "value", "%s: %s at offset %zu", what, (const char *)msg, offset);
}

/* ---- shared state -------------------------------------------------------- */

static void shared_release(ReShared *sh) {
  if (!sh || --sh->refs > 0) return;
  pcre2_jit_stack_free(sh->jit_stack);
  pcre2_match_context_free(sh->mctx);
  free(sh);
}

static void state_finalize(void *data) { shared_release(((ReState *)data)->shared); }

static void regex_finalize(void *data) {
  Regex *rx = data;
  pcre2_match_data_free(rx->md);
  pcre2_code_free(rx->code);
  shared_release(rx->shared);
}

/* ---- compiling ------------------------------------------------------------ */

static uint32_t re_parse_flags(gs_vm *vm, const char *flags, size_t n) {
  uint32_t opts = 0;
  for (size_t i = 0; i < n; i++) {
    switch (flags[i]) {
      case 'i': opts |= PCRE2_CASELESS; break;
      case 'm': opts |= PCRE2_MULTILINE; break;
      case 's': opts |= PCRE2_DOTALL; break;
      case 'x': opts |= PCRE2_EXTENDED; break;
      case 'u': opts |= PCRE2_UTF | PCRE2_UCP; break;
      default: lib_fail(vm, "value", "re.compile: unknown flag '%c' (flags are i m s x u)", flags[i]);
    }
  }
  return opts;
}

/* PCRE2's compiler recurses on its own: about 23 KiB of C stack plus
 * 0.7 KiB per nested group (up to its nesting limit of 250: ~190 KiB), more
 * than a fiber's C stack may have left, so it runs with gs_with_cstack.
 * Its JIT compiler takes less. */
typedef struct {
  const char *p;
  size_t plen;
  uint32_t opts;
  int err;
  PCRE2_SIZE erroff;
  pcre2_code *code;
  bool jit;
} CompileCall;

static void compile_call(void *ud) {
  CompileCall *cc = ud;
  cc->code = pcre2_compile((PCRE2_SPTR)cc->p, cc->plen, cc->opts, &cc->err, &cc->erroff, NULL);
  cc->jit = cc->code && !RUNNING_ON_VALGRIND && pcre2_jit_compile(cc->code, PCRE2_JIT_COMPLETE) == 0;
}

static size_t compile_stack_need(const char *p, size_t plen) {
  size_t groups = 0;
  for (size_t i = 0; i < plen; i++) groups += p[i] == '(';
  return ((size_t)32 + (groups < 250 ? groups : 250)) * 1024;
}

/* Compile slot `pat` with flags (NULL: none) into a new regex in slot `dest`. */
static void re_compile_into(gs_vm *vm, ReShared *sh, int pat, const char *flags, size_t flen, int dest) {
  size_t plen;
  const char *p = gs_get_string(vm, pat, &plen);
  uint32_t opts = re_parse_flags(vm, flags, flen);
  CompileCall cc = { p, plen, opts, 0, 0, NULL, false };
  gs_with_cstack(vm, compile_stack_need(p, plen), compile_call, &cc);
  pcre2_code *code = cc.code;
  if (!code) re_pclib_fail(vm, "invalid regex", cc.err, cc.erroff);
  /* from here on the userdata owns code: its finalizer frees it */
  Regex *rx = gs_new_userdata(vm, dest, RE_REGEX_TAG, sizeof(Regex) + plen + flen + 2, regex_finalize);
  if (!rx) { pcre2_code_free(code); gs_error(vm, "out of memory"); }
  rx->code = code;
  rx->shared = sh;
  sh->refs++;
  memcpy(rx->text, p, plen);
  rx->text[plen] = '\0';
  memcpy(rx->text + plen + 1, flags, flen);
  rx->text[plen + 1 + flen] = '\0';
  rx->pattern_len = plen;
  rx->utf = (opts & PCRE2_UTF) != 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &rx->ngroups);
  pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &rx->name_count);
  pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &rx->name_entry_size);
  PCRE2_SPTR table = NULL;
  pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
  rx->name_table = table;
  uint32_t utf_in_pattern = 0;
  pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &utf_in_pattern);
  rx->utf = (utf_in_pattern & PCRE2_UTF) != 0;      /* (*UTF) in the pattern counts too */
  rx->jit = cc.jit;
  rx->md = pcre2_match_data_create_from_pattern(code, NULL);
  if (!rx->md) gs_error(vm, "out of memory");
}

static Regex *re_self(gs_vm *vm, const char *fname) {
  Regex *rx = gs_get_userdata(vm, 0, RE_REGEX_TAG);
  if (!rx) gs_error(vm, "%s() must be called on a regex", fname);
  return rx;
}

/* ---- matching ------------------------------------------------------------------ */

/* One pcre2_match of rx on s from `start`: the number of pairs set in rx->md
 * (> 0), or 0 when there is no match. Raises on limits and bad input. */
static int re_exec(gs_vm *vm, Regex *rx, const char *s, size_t len, size_t start, uint32_t opts) {
  ReShared *sh = rx->shared;
  if (rx->jit && !sh->jit_stack) {
    sh->jit_stack = pcre2_jit_stack_create(RE_JIT_STACK_START, RE_JIT_STACK_MAX, NULL);
    if (sh->jit_stack) pcre2_jit_stack_assign(sh->mctx, NULL, sh->jit_stack);
  }
  int rc = pcre2_match(rx->code, (PCRE2_SPTR)s, len, start, opts, rx->md, sh->mctx);
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT)   /* the interpreter keeps its frames on the heap */
    rc = pcre2_match(rx->code, (PCRE2_SPTR)s, len, start, opts | PCRE2_NO_JIT, rx->md, sh->mctx);
  if (rc > 0) return rc;
  if (rc == 0) return (int)rx->ngroups + 1;   /* cannot happen: md fits every group */
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
      rc == PCRE2_ERROR_JIT_STACKLIMIT)
    lib_fail(vm, "value", "regex too complex (the match gave up after PCRE2's limit of backtracking steps)");
  if (rc == PCRE2_ERROR_BADUTFOFFSET)
    lib_fail(vm, "value", "regex: start %zu is inside a UTF-8 character", start);
  if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21)
    re_pclib_fail(vm, "regex: invalid UTF-8 in the subject", rc, pcre2_get_startchar(rx->md));   /* (where the bad character starts; the ovector is not set) */
  if (rc == PCRE2_ERROR_NOMEMORY) gs_error(vm, "out of memory");
  re_pclib_fail(vm, "regex", rc, start);
}

/* Walks the matches of rx in s the way Perl and Python do: after an empty
 * match the next one may not be empty at the same place. */
typedef struct {
  Regex *rx;
  size_t pos;
  bool last_empty;
  bool done;
  int64_t limit, count;   /* re_scan_piece: stop after limit matches (> 0) */
  size_t copied;          /* re_scan_piece: s[0:copied] is in the pieces */
} ReScan;

static int re_scan_next(gs_vm *vm, ReScan *sc, const char *s, size_t len) {
  if (sc->done || sc->pos > len) return 0;
  int rc = re_exec(vm, sc->rx, s, len, sc->pos, sc->last_empty ? PCRE2_NOTEMPTY_ATSTART : 0);
  if (!rc) { sc->done = true; return 0; }
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->rx->md);
  size_t end = ov[1] > ov[0] ? ov[1] : ov[0];
  sc->last_empty = ov[1] <= ov[0];
  sc->pos = end;
  return rc;
}

static void re_push_piece(gs_vm *vm, int list, int tmp, const char *p, size_t n) {
  gs_set_string(vm, tmp, p, n);
  gs_list_push(vm, list, tmp);
}

/* The scan of replace and split: push onto list `out` the piece of s since
 * the previous match, and return the next match; after the last one (or
 * sc->limit of them) push the rest of s and return 0. */
static int re_scan_piece(gs_vm *vm, ReScan *sc, const char *s, size_t len, int out, int tmp) {
  int rc = sc->limit > 0 && sc->count >= sc->limit ? 0 : re_scan_next(vm, sc, s, len);
  if (!rc) {
    re_push_piece(vm, out, tmp, s + sc->copied, len - sc->copied);
    return 0;
  }
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->rx->md);
  re_push_piece(vm, out, tmp, s + sc->copied, ov[0] - sc->copied);
  sc->copied = ov[1] > ov[0] ? ov[1] : ov[0];
  sc->count++;
  return rc;
}

/* The match of rx->md (rc pairs set) as a new match object in slot `dest`. */
static void re_new_match(gs_vm *vm, Regex *rx, int rc, const char *s, int dest) {
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx->md);
  uint32_t ng = rx->ngroups + 1;
  size_t lo = ov[0], hi = ov[1] > ov[0] ? ov[1] : ov[0];
  for (int i = 0; i < rc; i++) {
    if (ov[2 * i] == PCRE2_UNSET) continue;
    if (ov[2 * i] < lo) lo = ov[2 * i];
    if (ov[2 * i + 1] > hi) hi = ov[2 * i + 1];
  }
  size_t names = (size_t)rx->name_count * rx->name_entry_size;
  /* copy what gs_new_userdata may collect: the offsets live in md, which
   * only a match of this regex changes, and no script runs here */
  Match *m = gs_new_userdata(vm, dest, RE_MATCH_TAG, sizeof(Match) + 2 * ng * sizeof(PCRE2_SIZE) + names + (hi - lo), NULL);
  m->ngroups = ng;
  m->name_count = rx->name_count;
  m->name_entry_size = rx->name_entry_size;
  m->base = lo;
  m->text_len = hi - lo;
  for (uint32_t i = 0; i < ng; i++) {
    bool set = (int)i < rc && ov[2 * i] != PCRE2_UNSET;
    m->ov[2 * i] = set ? ov[2 * i] : PCRE2_UNSET;
    m->ov[2 * i + 1] = set ? ov[2 * i + 1] : PCRE2_UNSET;
  }
  if (names) memcpy((uint8_t *)match_names(m), rx->name_table, names);
  memcpy((char *)match_text(m), s + lo, hi - lo);
}

/* Group i of the current match of rx (md) into slot dest: a string, or nil
 * when the group did not take part. */
static void re_group_from_md(gs_vm *vm, Regex *rx, int rc, const char *s, uint32_t i, int dest) {
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx->md);
  if ((int)i >= rc || ov[2 * i] == PCRE2_UNSET) { gs_set_nil(vm, dest); return; }
  size_t a = ov[2 * i], b = ov[2 * i + 1];
  gs_set_string(vm, dest, s + a, b > a ? b - a : 0);
}

/* ---- arguments ------------------------------------------------------------------------
 * Every native here has a receiver in slot 0 (the regex, the match, or the
 * module's bound state), so argument N of the script's call is slot N. */

static _Noreturn void re_arg_error(gs_vm *vm, const char *fname, int slot, const char *expected) {
  lib_fail(vm, "type", "%s() argument %d must be %s, not %s", fname, slot, expected, gs_type_name(vm, slot));
}

static const char *re_str(gs_vm *vm, const char *fname, int slot, size_t *len) {
  if (gs_get_type(vm, slot) != GS_STRING) re_arg_error(vm, fname, slot, "a string");
  return gs_get_string(vm, slot, len);
}

static int64_t re_int(gs_vm *vm, const char *fname, int slot) {
  gs_type t = gs_get_type(vm, slot);
  if (t == GS_INT) return gs_get_int(vm, slot);
  if (t == GS_FLOAT) {
    double d = gs_get_float(vm, slot);
    if (d == (double)(int64_t)d && d > -9.2e18 && d < 9.2e18) return (int64_t)d;
  }
  re_arg_error(vm, fname, slot, "an int");
}

/* An optional int argument: 0 when absent or nil. */
static int64_t re_opt_int(gs_vm *vm, const char *fname, int argc, int slot) {
  return slot < argc && gs_get_type(vm, slot) != GS_NIL ? re_int(vm, fname, slot) : 0;
}

/* search's start: negative counts from the end; clamped to [0, len]. */
static size_t re_start(gs_vm *vm, const char *fname, int slot, size_t len) {
  int64_t st = re_int(vm, fname, slot);
  if (st < 0) st += (int64_t)len;
  if (st < 0) st = 0;
  if ((uint64_t)st > len) st = (int64_t)len;
  return (size_t)st;
}

/* ---- regex methods -------------------------------------------------------------------
 * Slot 0 is the regex, the arguments follow; work slots go above them. */

/* The methods' work, shared with the module's shortcuts: the regex is in
 * slot 0, the subject in slot `subj`, optional arguments after it (when
 * below argc); work slots go from argc up. */

static void rx_search_impl(gs_vm *vm, int argc, int subj, const char *fname, uint32_t opts) {
  Regex *rx = re_self(vm, fname);
  size_t len;
  const char *s = re_str(vm, fname, subj, &len);
  size_t start = subj + 1 < argc ? re_start(vm, fname, subj + 1, len) : 0;
  int rc = re_exec(vm, rx, s, len, start, opts);
  if (!rc) { gs_return_nil(vm); return; }
  gs_ensure_slots(vm, argc + 1);
  re_new_match(vm, rx, rc, s, argc);
  gs_return_slot(vm, argc);
}

static void rx_search(gs_vm *vm, int argc) {
  lib_argc(vm, "search", argc - 1, 1, 2);
  rx_search_impl(vm, argc, 1, "search", 0);
}

static void rx_match(gs_vm *vm, int argc) {
  lib_argc(vm, "match", argc - 1, 1, 1);
  rx_search_impl(vm, argc, 1, "match", PCRE2_ANCHORED);
}

static void rx_full_match(gs_vm *vm, int argc) {
  lib_argc(vm, "full_match", argc - 1, 1, 1);
  rx_search_impl(vm, argc, 1, "full_match", PCRE2_ANCHORED | PCRE2_ENDANCHORED);
}

/* find_all(s): the matched strings, or one list of groups per match. */
static void rx_find_all_impl(gs_vm *vm, int argc, int subj, const char *fname) {
  Regex *rx = re_self(vm, fname);
  size_t len;
  const char *s = re_str(vm, fname, subj, &len);
  int out = argc, item = argc + 1, grp = argc + 2;
  gs_ensure_slots(vm, argc + 3);
  gs_new_list(vm, out);
  ReScan sc = {rx, 0, false, false, 0, 0, 0};
  int rc;
  while ((rc = re_scan_next(vm, &sc, s, len)) > 0) {
    if (rx->ngroups == 0) {
      re_group_from_md(vm, rx, rc, s, 0, item);
    } else {
      gs_new_list(vm, item);
      for (uint32_t g = 1; g <= rx->ngroups; g++) {
        re_group_from_md(vm, rx, rc, s, g, grp);
        gs_list_push(vm, item, grp);
      }
    }
    gs_list_push(vm, out, item);
  }
  gs_return_slot(vm, out);
}

static void rx_find_all(gs_vm *vm, int argc) {
  lib_argc(vm, "find_all", argc - 1, 1, 1);
  rx_find_all_impl(vm, argc, 1, "find_all");
}

/* The strings of list slot `pieces` joined, as the native's result. */
static void re_return_joined(gs_vm *vm, int pieces, int tmp) {
  int64_t n = gs_list_count(vm, pieces);
  size_t total = 0;
  for (int64_t i = 0; i < n; i++) {
    size_t l;
    gs_list_get(vm, pieces, i, tmp);
    gs_get_string(vm, tmp, &l);
    total += l;
  }
  char *buf = malloc(total ? total : 1);
  if (!buf) gs_error(vm, "out of memory");
  size_t at = 0;
  for (int64_t i = 0; i < n; i++) {
    size_t l;
    gs_list_get(vm, pieces, i, tmp);       /* raises on nothing: i is in range */
    const char *p = gs_get_string(vm, tmp, &l);
    memcpy(buf + at, p, l);
    at += l;
  }
  gs_set_string(vm, tmp, buf, total);
  free(buf);
  gs_return_slot(vm, tmp);
}

/* The replacement template of slot `repl` expanded for rx's current match
 * by pcre2_substitute ($1, ${1}, ${name}, $$), into slot dest. */
static void re_expand(gs_vm *vm, Regex *rx, const char *s, size_t len, int repl, int dest) {
  size_t tlen;
  const char *t = gs_get_string(vm, repl, &tlen);
  uint32_t opts = PCRE2_SUBSTITUTE_MATCHED | PCRE2_SUBSTITUTE_REPLACEMENT_ONLY |
                  PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | PCRE2_SUBSTITUTE_UNSET_EMPTY;
  char small[256];
  PCRE2_SIZE outlen = sizeof small;
  int rc = pcre2_substitute(rx->code, (PCRE2_SPTR)s, len, 0, opts, rx->md, NULL, (PCRE2_SPTR)t, tlen,
                            (PCRE2_UCHAR *)small, &outlen);
  if (rc >= 0) { gs_set_string(vm, dest, small, outlen); return; }
  if (rc != PCRE2_ERROR_NOMEMORY) re_pclib_fail(vm, "regex replacement", rc, outlen);
  char *big = malloc(outlen);
  if (!big) gs_error(vm, "out of memory");
  PCRE2_SIZE n = outlen;
  rc = pcre2_substitute(rx->code, (PCRE2_SPTR)s, len, 0, opts, rx->md, NULL, (PCRE2_SPTR)t, tlen, (PCRE2_UCHAR *)big, &n);
  if (rc < 0) { free(big); gs_error(vm, "out of memory"); }
  gs_set_string(vm, dest, big, n);
  free(big);
}

/* replace(s, repl, count?): repl a template string or a function of the
 * match (which may yield: everything it needs is in slots). */
static void rx_replace_impl(gs_vm *vm, int argc, int subj, const char *fname) {
  Regex *rx = re_self(vm, fname);
  size_t len;
  const char *s = re_str(vm, fname, subj, &len);
  int repl = subj + 1;
  gs_type rt = gs_get_type(vm, repl);
  bool is_fn = rt != GS_STRING;
  if (is_fn && rt != GS_FUNCTION && rt != GS_CLASS) re_arg_error(vm, fname, repl, "a string or a function");
  int64_t count = re_opt_int(vm, fname, argc, subj + 2);
  int pieces = argc, tmp = argc + 1, call = argc + 2;
  gs_ensure_slots(vm, argc + 4);
  gs_new_list(vm, pieces);
  ReScan sc = {rx, 0, false, false, count, 0, 0};
  int rc;
  while ((rc = re_scan_piece(vm, &sc, s, len, pieces, tmp)) > 0) {
    if (!is_fn) {
      re_expand(vm, rx, s, len, repl, tmp);
    } else {
      gs_copy(vm, repl, call);
      re_new_match(vm, rx, rc, s, call + 1);
      if (gs_call(vm, call, 1) != GS_OK) gs_raise(vm, call);
      /* the subject stays in its slot: s is still valid, rx->md is not */
      if (gs_get_type(vm, call) == GS_STRING) gs_copy(vm, call, tmp);
      else gs_to_string(vm, call, tmp);
    }
    gs_list_push(vm, pieces, tmp);
  }
  re_return_joined(vm, pieces, tmp);
}

static void rx_replace(gs_vm *vm, int argc) {
  lib_argc(vm, "replace", argc - 1, 2, 3);
  rx_replace_impl(vm, argc, 1, "replace");
}

/* split(s, max?): the pieces between matches, with the groups of each match
 * between them (as Python's re.split); at most max splits when max > 0. */
static void rx_split_impl(gs_vm *vm, int argc, int subj, const char *fname) {
  Regex *rx = re_self(vm, fname);
  size_t len;
  const char *s = re_str(vm, fname, subj, &len);
  int64_t max = re_opt_int(vm, fname, argc, subj + 1);
  int out = argc, tmp = argc + 1;
  gs_ensure_slots(vm, argc + 2);
  gs_new_list(vm, out);
  ReScan sc = {rx, 0, false, false, max, 0, 0};
  int rc;
  while ((rc = re_scan_piece(vm, &sc, s, len, out, tmp)) > 0) {
    for (uint32_t g = 1; g <= rx->ngroups; g++) {
      re_group_from_md(vm, rx, rc, s, g, tmp);
      gs_list_push(vm, out, tmp);
    }
  }
  gs_return_slot(vm, out);
}

static void rx_split(gs_vm *vm, int argc) {
  lib_argc(vm, "split", argc - 1, 1, 2);
  rx_split_impl(vm, argc, 1, "split");
}

static void rx_pattern(gs_vm *vm, int argc) {
  Regex *rx = re_self(vm, "pattern");
  gs_return_string(vm, rx->text, rx->pattern_len);
}

static void rx_flags(gs_vm *vm, int argc) {
  Regex *rx = re_self(vm, "flags");
  gs_return_cstring(vm, rx->text + rx->pattern_len + 1);
}

/* "<regex "a+" i>": the pattern quoted as lists show strings, then the flags */
static void rx_str(gs_vm *vm, int argc) {
  Regex *rx = re_self(vm, "str");
  const char *flags = rx->text + rx->pattern_len + 1;
  gs_ensure_slots(vm, 5);
  gs_set_cstring(vm, 1, "<regex %q%s%s>");
  gs_get_field(vm, 1, "format", 1);
  gs_set_string(vm, 2, rx->text, rx->pattern_len);
  gs_set_cstring(vm, 3, *flags ? " " : "");
  gs_set_cstring(vm, 4, flags);
  if (gs_call(vm, 1, 3) != GS_OK) gs_raise(vm, 1);
  gs_return_slot(vm, 1);
}

/* ---- match methods ------------------------------------------------------------- */

static Match *match_self(gs_vm *vm, const char *fname) {
  Match *m = gs_get_userdata(vm, 0, RE_MATCH_TAG);
  if (!m) gs_error(vm, "%s() must be called on a match", fname);
  return m;
}

/* The group named by slot `slot` (an int, or a group name), -1 when the
 * slot is past argc (the whole match). Raises for a group that does not
 * exist. */
static uint32_t match_group_index(gs_vm *vm, Match *m, const char *fname, int argc, int slot) {
  if (slot >= argc) return 0;
  if (gs_get_type(vm, slot) == GS_STRING) {
    size_t n;
    const char *name = gs_get_string(vm, slot, &n);
    const uint8_t *t = match_names(m);
    uint32_t found = UINT32_MAX;
    for (uint32_t i = 0; i < m->name_count; i++, t += m->name_entry_size) {
      if (strlen((const char *)t + 2) != n || memcmp(t + 2, name, n) != 0) continue;
      uint32_t g = (uint32_t)(t[0] << 8 | t[1]);
      /* duplicate names ((?J)): the first that took part */
      if (found == UINT32_MAX || (m->ov[2 * found] == PCRE2_UNSET && m->ov[2 * g] != PCRE2_UNSET)) found = g;
    }
    if (found == UINT32_MAX) lib_fail(vm, "key", "%s(): no group named '%s'", fname, name);
    return found;
  }
  int64_t i = re_int(vm, fname, slot);
  if (i < 0 || i >= (int64_t)m->ngroups) lib_fail(vm, "index", "%s(): no group %lld (the pattern has %u)", fname, (long long)i, m->ngroups - 1);
  return (uint32_t)i;
}

static void match_put_group(gs_vm *vm, Match *m, uint32_t g, int dest) {
  if (m->ov[2 * g] == PCRE2_UNSET) { gs_set_nil(vm, dest); return; }
  size_t a = m->ov[2 * g], b = m->ov[2 * g + 1];
  gs_set_string(vm, dest, match_text(m) + (a - m->base), b > a ? b - a : 0);
}

static void mt_text(gs_vm *vm, int argc) {
  Match *m = match_self(vm, "text");
  gs_ensure_slots(vm, 2);
  match_put_group(vm, m, 0, 1);
  gs_return_slot(vm, 1);
}

static void mt_group(gs_vm *vm, int argc) {
  lib_argc(vm, "group", argc - 1, 0, 1);
  Match *m = match_self(vm, "group");
  uint32_t g = match_group_index(vm, m, "group", argc, 1);
  gs_ensure_slots(vm, argc + 1);
  match_put_group(vm, m, g, argc);
  gs_return_slot(vm, argc);
}

static void mt_groups(gs_vm *vm, int argc) {
  lib_argc(vm, "groups", argc - 1, 0, 0);
  Match *m = match_self(vm, "groups");
  gs_ensure_slots(vm, 3);
  gs_new_list(vm, 1);
  for (uint32_t g = 1; g < m->ngroups; g++) {
    match_put_group(vm, m, g, 2);
    gs_list_push(vm, 1, 2);
  }
  gs_return_slot(vm, 1);
}

/* named(): {name: text or nil}, in group order (PCRE2's table is sorted by
 * name). */
static void mt_named(gs_vm *vm, int argc) {
  lib_argc(vm, "named", argc - 1, 0, 0);
  Match *m = match_self(vm, "named");
  gs_ensure_slots(vm, 4);
  gs_new_map(vm, 1);
  for (uint32_t g = 1; g < m->ngroups; g++) {
    const uint8_t *t = match_names(m);
    for (uint32_t i = 0; i < m->name_count; i++, t += m->name_entry_size) {
      if ((uint32_t)(t[0] << 8 | t[1]) != g) continue;
      gs_set_cstring(vm, 2, (const char *)t + 2);
      if (gs_map_get(vm, 1, 2, 3) && gs_get_type(vm, 3) != GS_NIL) continue;   /* (?J): first set one */
      match_put_group(vm, m, g, 3);
      gs_map_set(vm, 1, 2, 3);
    }
  }
  gs_return_slot(vm, 1);
}

static void mt_pos(gs_vm *vm, int argc, const char *fname, int end) {
  lib_argc(vm, fname, argc - 1, 0, 1);
  Match *m = match_self(vm, fname);
  uint32_t g = match_group_index(vm, m, fname, argc, 1);
  if (m->ov[2 * g] == PCRE2_UNSET) { gs_return_int(vm, -1); return; }
  gs_return_int(vm, (int64_t)m->ov[2 * g + end]);
}
static void mt_start(gs_vm *vm, int argc) { mt_pos(vm, argc, "start", 0); }
static void mt_end(gs_vm *vm, int argc) { mt_pos(vm, argc, "end", 1); }

static void mt_str(gs_vm *vm, int argc) {
  Match *m = match_self(vm, "str");
  gs_ensure_slots(vm, 5);
  gs_set_cstring(vm, 1, "<match %q at %d..%d>");
  gs_get_field(vm, 1, "format", 1);
  match_put_group(vm, m, 0, 2);
  gs_set_int(vm, 3, (int64_t)m->ov[0]);
  gs_set_int(vm, 4, (int64_t)(m->ov[1] > m->ov[0] ? m->ov[1] : m->ov[0]));
  if (gs_call(vm, 1, 3) != GS_OK) gs_raise(vm, 1);
  gs_return_slot(vm, 1);
}

/* ---- module functions: slot 0 is the bound state [cache, shared] --------------------- */

/* Compile (or find in the cache) the pattern in slot `pat` with the flags in
 * slot `fl` (-1: none) into slot `dest`. */
static void re_cached(gs_vm *vm, const char *fname, int pat, int fl, int dest) {
  size_t plen, flen = 0;
  re_str(vm, fname, pat, &plen);
  const char *flags = fl >= 0 ? re_str(vm, fname, fl, &flen) : "";
  int key = gs_slot_count(vm);
  gs_ensure_slots(vm, key + 2);
  gs_list_get(vm, 0, 0, key + 1);                      /* the cache */
  /* the key: flags, a NUL, the pattern */
  size_t klen = flen + 1 + plen;
  char small[256];
  char *k = klen <= sizeof small ? small : malloc(klen);
  if (!k) gs_error(vm, "out of memory");
  memcpy(k, flags, flen);
  k[flen] = '\0';
  memcpy(k + flen + 1, gs_get_string(vm, pat, NULL), plen);
  gs_set_string(vm, key, k, klen);
  if (k != small) free(k);
  if (gs_map_get(vm, key + 1, key, dest)) return;
  gs_list_get(vm, 0, 1, dest);
  ReState *st = gs_get_userdata(vm, dest, RE_SHARED_TAG);
  re_compile_into(vm, st->shared, pat, flags, flen, dest);
  if (gs_map_count(vm, key + 1) >= RE_CACHE_MAX) {    /* forget the oldest */
    int64_t pos = 0;
    gs_ensure_slots(vm, key + 4);
    if (gs_map_next(vm, key + 1, &pos, key + 2, key + 3)) gs_map_remove(vm, key + 1, key + 2);
  }
  gs_map_set(vm, key + 1, key, dest);
}

static void re_compile_fn(gs_vm *vm, int argc) {
  lib_argc(vm, "re.compile", argc - 1, 1, 2);
  int dest = argc;
  gs_ensure_slots(vm, argc + 1);
  re_cached(vm, "re.compile", 1, argc > 2 ? 2 : -1, dest);
  gs_return_slot(vm, dest);
}

/* re.f(p, s, ...): compile p (cached) into slot 0 in place of the state, so
 * that the regex method's work runs with the regex as self and the subject
 * where it is, in slot 2. */
static void re_shortcut(gs_vm *vm, int argc, const char *fname, int min, int max) {
  lib_argc(vm, fname, argc - 1, min, max);
  re_str(vm, fname, 2, NULL);
  gs_ensure_slots(vm, argc + 1);
  re_cached(vm, fname, 1, -1, argc);
  gs_copy(vm, argc, 0);
}

static void re_search_fn(gs_vm *vm, int argc) {
  re_shortcut(vm, argc, "re.search", 2, 2);
  rx_search_impl(vm, argc, 2, "re.search", 0);
}

static void re_match_fn(gs_vm *vm, int argc) {
  re_shortcut(vm, argc, "re.match", 2, 2);
  rx_search_impl(vm, argc, 2, "re.match", PCRE2_ANCHORED);
}

static void re_full_match_fn(gs_vm *vm, int argc) {
  re_shortcut(vm, argc, "re.full_match", 2, 2);
  rx_search_impl(vm, argc, 2, "re.full_match", PCRE2_ANCHORED | PCRE2_ENDANCHORED);
}

static void re_find_all_fn(gs_vm *vm, int argc) {
  re_shortcut(vm, argc, "re.find_all", 2, 2);
  rx_find_all_impl(vm, argc, 2, "re.find_all");
}

static void re_replace_fn(gs_vm *vm, int argc) {
  re_shortcut(vm, argc, "re.replace", 3, 4);
  rx_replace_impl(vm, argc, 2, "re.replace");
}

static void re_split_fn(gs_vm *vm, int argc) {
  re_shortcut(vm, argc, "re.split", 2, 3);
  rx_split_impl(vm, argc, 2, "re.split");
}

/* re.escape(s): s with every ASCII punctuation byte and space escaped, so
 * that it matches itself literally (PCRE2 has no such function; \Q...\E
 * breaks on a "\E" inside s). */
static void re_escape_fn(gs_vm *vm, int argc) {
  lib_argc(vm, "re.escape", argc - 1, 1, 1);
  size_t n;
  const char *s = re_str(vm, "re.escape", 1, &n);
  char *out = malloc(2 * n + 1);
  if (!out) gs_error(vm, "out of memory");
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\0') { memcpy(out + k, "\\x00", 4); k += 4; continue; }
    if (c < 0x80 && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '_')
      out[k++] = '\\';
    out[k++] = (char)c;
  }
  gs_return_string(vm, out, k);
  free(out);
}

static const gs_reg re_funcs[] = {
  {"compile", re_compile_fn, -1, "re.compile(pattern, flags?)\nA regex (flags: a string of i m s x u); compiled patterns are cached."},
  {"search", re_search_fn, -1, "re.search(pattern, s)\nThe first match of pattern in s, or nil."},
  {"match", re_match_fn, -1, "re.match(pattern, s)\nThe match of pattern at the start of s, or nil."},
  {"full_match", re_full_match_fn, -1, "re.full_match(pattern, s)\nThe match of pattern covering all of s, or nil."},
  {"find_all", re_find_all_fn, -1, "re.find_all(pattern, s)\nEvery match: strings, or lists of the groups when the pattern has groups."},
  {"replace", re_replace_fn, -1, "re.replace(pattern, s, repl, count?)\ns with matches replaced by repl ($1, ${name}) or repl(match)."},
  {"split", re_split_fn, -1, "re.split(pattern, s, max?)\nThe pieces of s between matches (and the groups of each match)."},
  {"escape", re_escape_fn, -1, "re.escape(s)\nA pattern matching s literally."},
  {NULL, NULL, 0, NULL},
};

static const gs_reg regex_methods[] = {
  {"search", rx_search, -1, "regex.search(s, start?)\nThe first match at or after byte start, or nil."},
  {"match", rx_match, -1, "regex.match(s)\nThe match at the start of s, or nil."},
  {"full_match", rx_full_match, -1, "regex.full_match(s)\nThe match covering all of s, or nil."},
  {"find_all", rx_find_all, -1, "regex.find_all(s)\nEvery match: strings, or lists of the groups when the pattern has groups."},
  {"replace", rx_replace, -1, "regex.replace(s, repl, count?)\ns with matches replaced by repl ($1, ${name}) or repl(match)."},
  {"split", rx_split, -1, "regex.split(s, max?)\nThe pieces of s between matches (and the groups of each match)."},
  {"pattern", rx_pattern, GS_GETTER, "regex.pattern\nThe pattern, a string."},
  {"flags", rx_flags, GS_GETTER, "regex.flags\nThe flags given to re.compile, a string."},
  {"str", rx_str, 0, "regex.str()\n<regex \"pattern\" flags>"},
  {NULL, NULL, 0, NULL},
};

static const gs_reg match_methods[] = {
  {"text", mt_text, GS_GETTER, "match.text\nThe whole matched text."},
  {"group", mt_group, -1, "match.group(i or name?)\nThe text of a group (0: the whole match), nil if it did not take part."},
  {"groups", mt_groups, -1, "match.groups()\nA list of the texts of groups 1.. (nil for those that did not take part)."},
  {"named", mt_named, -1, "match.named()\nA map from group names to their texts."},
  {"start", mt_start, -1, "match.start(i or name?)\nThe byte position in s where the group (default 0) starts, -1 if unset."},
  {"end", mt_end, -1, "match.end(i or name?)\nThe byte position in s just after the group (default 0), -1 if unset."},
  {"str", mt_str, 0, "match.str()\n<match \"text\" at start..end>"},
  {NULL, NULL, 0, NULL},
};

void lib_re_open(gs_vm *vm) {
  gs_register_class(vm, RE_REGEX_TAG, regex_methods);
  gs_register_class(vm, RE_MATCH_TAG, match_methods);
  gs_ensure_slots(vm, 4);
  /* the userdata first: gs_new_userdata raises when memory runs out, and
   * what is made after it is its finalizer's to free */
  ReState *st = gs_new_userdata(vm, 1, RE_SHARED_TAG, sizeof(ReState), state_finalize);
  st->shared = calloc(1, sizeof *st->shared);
  if (!st->shared) gs_error(vm, "out of memory");
  ReShared *sh = st->shared;
  sh->refs = 1;
  sh->mctx = pcre2_match_context_create(NULL);
  if (!sh->mctx) gs_error(vm, "out of memory");
  pcre2_set_match_limit(sh->mctx, RE_MATCH_LIMIT);
  pcre2_set_heap_limit(sh->mctx, RE_HEAP_LIMIT_KIB);
  gs_new_list(vm, 0);
  gs_new_map(vm, 2);
  gs_list_push(vm, 0, 2);
  gs_list_push(vm, 0, 1);
  for (const gs_reg *r = re_funcs; r->name; r++) {
    gs_new_function(vm, 3, r, 0);
    gs_module_set(vm, "re", r->name, 3);
  }
  for (int i = 0; i < 4; i++) gs_set_nil(vm, i);
}
