# hostile_lib.bash — helpers sourced by the tests/hostile/*.sh tests (not a
# test itself: the runner only picks *.gs and *.sh).
#
#   hostile_setup                 make $HDIR (a temp dir removed on exit)
#   hostile_run NAME FILE [OPTS]  run $GS [OPTS] FILE with a timeout; sets
#                                 $rc, $out (stdout) and $err (stderr)
#   expect_ok NAME WANT           exit 0 and stdout exactly WANT
#   expect_clean_error NAME RE    exit 1 (a clean failure: no signal, no
#                                 sanitizer report) and a stderr line
#                                 matching the extended regex RE
#   expect_ok_or_error NAME WANT RE   either of the two
# Every check prints "ok NAME" or "FAIL NAME: why" and counts failures;
# hostile_done exits 1 if any check failed.
set -u
HFAILS=0
HTIMEOUT=${HOSTILE_TIMEOUT:-50}

hostile_setup() {
  HDIR=$(mktemp -d "${TMPDIR:-/tmp}/gs-hostile.XXXXXX") || exit 2
  trap 'rm -rf "$HDIR"' EXIT
}

hostile_run() {  # name file [gs options...]
  local name=$1 file=$2
  shift 2
  timeout -k 5 "$HTIMEOUT" "$GS" "$@" "$file" >"$HDIR/$name.out" 2>"$HDIR/$name.err" </dev/null
  rc=$?
  out=$(tr -d '\000' <"$HDIR/$name.out")
  err=$(head -c 20000 "$HDIR/$name.err" | tr -d '\000')
}

_hfail() {  # name why
  HFAILS=$((HFAILS + 1))
  echo "FAIL $1: $2"
  echo "  exit status: $rc"
  [ -n "$out" ] && printf '%s\n' "$out" | head -c 300 | head -n 5 | sed 's/^/  stdout: /'
  [ -n "$err" ] && printf '%s\n' "$err" | head -n 8 | sed 's/^/  stderr: /'
  return 0
}

_hdescribe() {
  case $rc in
    124|137) echo "timed out after ${HTIMEOUT}s" ;;
    *) if [ "$rc" -gt 128 ]; then echo "killed by signal $((rc - 128))"; else echo "exit $rc"; fi ;;
  esac
}

_hsanitizer() { printf '%s' "$err" | grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:'; }

expect_ok() {  # name want
  if [ "$rc" = 0 ] && [ "$out" = "$2" ] && ! _hsanitizer; then echo "ok $1"; return 0; fi
  _hfail "$1" "expected exit 0 and output '$2', got $(_hdescribe)"
}

expect_clean_error() {  # name regex
  if [ "$rc" = 1 ] && printf '%s\n' "$err" | grep -qE -- "$2" && ! _hsanitizer; then echo "ok $1"; return 0; fi
  _hfail "$1" "expected exit 1 and an error matching /$2/, got $(_hdescribe)"
}

expect_ok_or_error() {  # name want regex
  if [ "$rc" = 0 ] && [ "$out" = "$2" ] && ! _hsanitizer; then echo "ok $1 (works)"; return 0; fi
  if [ "$rc" = 1 ] && printf '%s\n' "$err" | grep -qE -- "$3" && ! _hsanitizer; then echo "ok $1 (clean error)"; return 0; fi
  _hfail "$1" "expected output '$2' or a clean error matching /$3/, got $(_hdescribe)"
}

hostile_done() {
  if [ "$HFAILS" -gt 0 ]; then echo "$HFAILS check(s) failed"; exit 1; fi
  exit 0
}

# ulimit_skip: skip (exit 77) where the address space is not ours to limit
# (ASan reserves terabytes of shadow memory, valgrind has its own) and under
# GS_GC_STRESS (slow, and no different here).
ulimit_skip() {
  case "$GS" in *asan*) echo "skipped: ASan build"; exit 77 ;; esac
  if [ -n "${ASAN_OPTIONS:-}" ] || [ "${GS_VALGRIND:-0}" = 1 ]; then echo "skipped: ASan or valgrind"; exit 77; fi
  if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "skipped under GS_GC_STRESS"; exit 77; fi
}

# ulimit_bomb NAME PROGRAM [KIB]: run PROGRAM (which prints "before" first)
# with `ulimit -v KIB` (default 2097152: 2 GiB of address space, as if the
# machine had run out) and expect the catchable `out of memory` as an
# uncaught error: exit 1, "before" kept on standard output, nothing fatal.
ulimit_bomb() {
  ulimit_skip
  hostile_setup
  printf '%s\n' "$2" >"$HDIR/$1.gs"
  (ulimit -v "${3:-2097152}" && exec timeout -k 5 "$HTIMEOUT" "$GS" "$HDIR/$1.gs") >"$HDIR/$1.out" 2>"$HDIR/$1.err" </dev/null
  rc=$?
  out=$(cat "$HDIR/$1.out")
  err=$(head -c 20000 "$HDIR/$1.err")
  if [ "$rc" = 1 ] && [ "$out" = before ] && printf '%s\n' "$err" | head -n 1 | grep -qE "$1\.gs:[0-9]+:[0-9]+: out of memory$" &&
     ! printf '%s\n' "$err" | grep -q fatal; then
    echo "ok $1"
  else
    _hfail "$1" "expected exit 1, 'before' on stdout and '$1.gs:LINE:COL: out of memory', got $(_hdescribe)"
  fi
  hostile_done
}
