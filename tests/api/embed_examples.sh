#!/usr/bin/env bash
# tests/api/embed_examples.sh — runs the embedding examples (examples/embed/)
# and checks their output; also checks that include/gs.h compiles on its own
# as C99, C11 and C++.
#
# The examples are normally built by `make embed-examples` into
# $BUILD/examples/ (examples/embed/rules.mk). If they are not there, this
# script builds them itself against $BUILD/libgs.a (with the sanitizers if
# that library was built with them).
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
BUILD=${BUILD:-build}
failed=0
n=0
pass() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gs-embed.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

CC=${CC:-cc}
BIN=$BUILD/examples
if [ ! -x "$BIN/minimal" ] || [ ! -x "$BIN/event_loop" ] || [ ! -x "$BIN/host_loop" ]; then
  if [ ! -f "$BUILD/libgs.a" ]; then
    echo "not ok 1 - $BUILD/libgs.a is missing (run make)"; exit 1
  fi
  flags="-O1 -g -std=c11 -Wall -Wextra -Wpedantic -Iinclude"
  libs="-luv -lpcre2-8 -lm"
  if nm "$BUILD/libgs.a" 2>/dev/null | grep -q __asan_; then
    CC=clang
    flags="$flags -fsanitize=address,undefined -fno-omit-frame-pointer"
    libs="-luv -lpcre2-8 -lm -fsanitize=address,undefined"
  fi
  BIN=$TMP
  for ex in minimal event_loop host_loop; do
    if out=$($CC $flags -o "$BIN/$ex" "examples/embed/$ex.c" "$BUILD/libgs.a" $libs 2>&1); then
      pass "built $ex by hand (not found in $BUILD/examples)"
    else
      fail "build $ex" "$out"
    fi
  done
fi

# ---- minimal -----------------------------------------------------------------
expected='Hello, world!
Hello, fiber! Hello, fiber!
caught: expected a string, got int
area(6, 7) = 42
area("six", 7) failed: minimal.gs:3:24: cannot multiply string and int [at minimal.gs:3 in area]'
out=$("$BIN/minimal" 2>"$TMP/err"); rc=$?
if [ $rc = 0 ] && [ "$out" = "$expected" ] && [ ! -s "$TMP/err" ]; then
  pass "minimal: output"
else
  fail "minimal: exit $rc, output differs" "$(diff <(echo "$expected") <(echo "$out"); cat "$TMP/err")"
fi

printf 'print(greet("file"))\nspawn { print(greet("spawned", 3)) }\n' >"$TMP/ok.gs"
out=$("$BIN/minimal" "$TMP/ok.gs" 2>&1); rc=$?
if [ $rc = 0 ] && [ "$out" = "Hello, file!
Hello, spawned! Hello, spawned! Hello, spawned!" ]; then
  pass "minimal: runs a script file, its fibers too"
else
  fail "minimal FILE: exit $rc" "$out"
fi

printf 'fn f() {\n  greet("x", 99)\n}\nf()\n' >"$TMP/bad.gs"
out=$("$BIN/minimal" "$TMP/bad.gs" 2>&1); rc=$?
want="error: $TMP/bad.gs:2:3: greet: times must be 1..10, got 99
$TMP/bad.gs:2 in f
$TMP/bad.gs:4 in <script>"
if [ $rc = 1 ] && [ "$out" = "$want" ]; then
  pass "minimal: a script error gives the message and traceback, exit 1"
else
  fail "minimal bad FILE: exit $rc" "$out"
fi

# ---- event_loop --------------------------------------------------------------
check_loop() {  # fibers sum
  local out rc
  out=$("$BIN/event_loop" "$1" 2>"$TMP/err"); rc=$?
  local want="fibers done: $1 of $1
sum of squares: $2
errors: [\"ask(-1): negative input\"]
most fibers waiting on the host at once: at least half"
  if [ $rc = 0 ] && [ "$out" = "$want" ]; then
    pass "event_loop $1: every fiber woken with its result ($(cat "$TMP/err"))"
  else
    fail "event_loop $1: exit $rc" "$(diff <(echo "$want") <(echo "$out"); cat "$TMP/err")"
  fi
}
check_loop 200 2646700
check_loop 3000 8995500500

# ---- host_loop ---------------------------------------------------------------
for lines in 5 200; do
  want=$(for i in $(seq 1 $lines); do echo "host got: echo line $i"; done; echo "script served $lines lines")
  out=$(timeout 20 "$BIN/host_loop" $lines 2>"$TMP/err"); rc=$?
  if [ $rc = 0 ] && [ "$out" = "$want" ]; then
    pass "host_loop $lines: the host's poll loop drives the VM's I/O and timers ($(cat "$TMP/err"))"
  else
    fail "host_loop $lines: exit $rc" "$(diff <(echo "$want") <(echo "$out") | head; cat "$TMP/err")"
  fi
done

# ---- the header alone ----------------------------------------------------------
echo '#include "gs.h"
int main(void) { gs_vm *vm = gs_new(0); gs_free(vm); return 0; }' >"$TMP/h.c"
for std in c99 c11; do
  if out=$(cc -std=$std -Wall -Wextra -Wpedantic -Werror -Iinclude -fsyntax-only "$TMP/h.c" 2>&1); then
    pass "include/gs.h compiles alone as $std"
  else
    fail "include/gs.h as $std" "$out"
  fi
done
if command -v c++ >/dev/null 2>&1; then
  cp "$TMP/h.c" "$TMP/h.cc"
  if out=$(c++ -std=c++11 -Wall -Wextra -Wpedantic -Werror -Iinclude -fsyntax-only "$TMP/h.cc" 2>&1); then
    pass "include/gs.h compiles as C++11"
  else
    fail "include/gs.h as C++11" "$out"
  fi
fi

echo "1..$n"
[ $failed = 0 ]
