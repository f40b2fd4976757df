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
